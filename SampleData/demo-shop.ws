# Workshop demo shop: 顺达汽车维修服务有限公司.
# `make run` loads this into a fresh demo database (.demo/demo.db), then opens the REPL on it.
# Times are relative to the day you load it: `set now yesterday 09:10` moves the clock; after it,
# "today" and "tomorrow" in a command count from that clock. The demo always looks current.
# The clock is only ever set back (a late entry is dated at a time that has passed): what happens
# today is typed on the real clock (`set now off`), whatever time of day the demo is loaded.
# Only a manager moves the clock (a late entry, 补录: every entry keeps the real time beside the one
# claimed), so the loader 系统 signs in again to set it; an inspector signs their own inspections.
# Every line is an ordinary Workshop command: this file is also a worked example of the REPL.

set now yesterday 07:30

shop set name="顺达汽车维修服务有限公司" address="深圳市南山区科技园南路18号" phone=0755-82345678
shop set credit_code=91440300MA5D8K2Q3N labor_rate=120 tax_rate=13 prices_include_tax=yes currency=CNY
shop set timezone=Asia/Shanghai discount_limit=5 language=zh
# The cash desk sells cards up to 20% under the list (10 washes for the price of 8⅓) and adds up to 20%
# bonus on stored value; beyond that a manager signs (authorized=).
shop set card_bonus_limit=20

source labor-operations.ws
source parts.ws
source staff.ws
source checklists.ws
source jobs.ws

# ---- Customers (客户) ----
customer add 张伟 phone=13800138000 company=顺达物流有限公司 address="深圳市福田区深南大道1001号"
customer add 李娜 phone=13912345678
customer add 王强 phone=13688889999 address="深圳市宝安区西乡街道"
customer add 刘洋 phone=15012340001
customer add 陈静 phone=18620203030 company=南山实验学校
customer add 杨帆 phone=13760001122
customer add 赵磊 phone=13543215678
customer add 黄敏 phone=18988776655
customer add 周杰 phone=13302108888 company=鹏城建材
customer add 吴婷 phone=15899990000
customer add "Hans Müller" phone=+86-13006001234 address="Shekou, Shenzhen"
customer add 林志明 phone=85291234567 address="香港九龙"

# ---- Vehicles (一车一档) ----
vehicle add 京A·12345 vin=LFV2A21K8C3070455 owner=13800138000 make=大众 model=迈腾 year=2019 color=白 engine=CEA123456 fuel=汽油
vehicle add 粤B·D12345 vin=LRW3E7FAXLC123456 owner=13912345678 make=特斯拉 model="Model 3" year=2021 color=黑 fuel=纯电动
vehicle add 粤B·8K3M2 vin=LSVAM4187C2184847 owner=13688889999 make=大众 model=朗逸 year=2016 color=银 fuel=汽油
vehicle add 粤B·F56789 vin=LGXCE4CB2N0123456 owner=15012340001 make=比亚迪 model="宋PLUS DM-i" year=2022 color=蓝 fuel=插电混动
vehicle add 粤B·12345D vin=LZWADAGA7KB123456 owner=18620203030 make=宇通 model=校车 year=2019 class=other plate-color=yellow-green fuel=纯电动
vehicle add 粤B·3Q8X1 vin=LHGRU5831H8012345 owner=13760001122 make=本田 model=雅阁 year=2017 color=灰 fuel=汽油
vehicle add 粤B·7H2L9 vin=LVGBE40K8JG123456 owner=13543215678 make=丰田 model=凯美瑞 year=2018 color=白 fuel=汽油
vehicle add 粤B·5C6D7 vin=LBV8V3109JMC12345 owner=18988776655 make=宝马 model=530Li year=2018 color=黑 fuel=汽油
vehicle add 粤B·9A8B7 vin=LSGKB54H8JV123456 owner=13302108888 make=别克 model=GL8 year=2018 color=棕 fuel=汽油
vehicle add 粤B·1234挂 vin=LNBSCCAH1JR123456 owner=13302108888 make=中集 model=半挂车 year=2018 class=other
vehicle add 粤B·M7788 vin=LE4ZG8DB8KL123456 owner=15899990000 make=奔驰 model=C260L year=2019 color=白 fuel=汽油
vehicle add 粤B·2D3E4 vin=LSJA24U62MS123456 owner=15899990000 make=名爵 model=ZS year=2021 color=红 fuel=汽油 class=car
vehicle add 粤B·6E7F8 vin=LDC613P25F1234567 owner=13543215678 make=雅马哈 model=巧格i year=2015 class=motorcycle fuel=汽油
# A German car on a German plate: marked foreign (no GA 36 check), VIN without a check digit, confirmed.
vehicle add "M-HM 4711" foreign=yes vin=WVWZZZ3CZWE123456 confirm-vin=yes owner=13006001234 make=Volkswagen model=Passat year=1998 color=silver fuel=petrol
# A Hong Kong registered car: its local plate, marked foreign.
vehicle add "HK 8888" foreign=yes vin=JTDBT4K30A1234567 owner=85291234567 make=Toyota model=Alphard year=2010 color=black fuel=petrol

# ---- Member tiers (会员等级): a member's labour and parts are priced at the member price ----
member tier 金卡 labor=10% parts=5%
member tier 银卡 labor=5% parts=3%
member set 13912345678 tier=金卡

# ---- An earlier visit: the customer declined the work (offered again at the next visit) ----
set now 2026-10-08 10:00
login 王芳
checkin 粤B·7H2L9 odometer=86500 fuel=1/2 complaint="刹车踏板偏软" category=minor
diagnose 粤B·7H2L9 "刹车油含水量3.5%，超标，建议更换刹车油"
estimate 粤B·7H2L9 labor BRK-03
estimate 粤B·7H2L9 part BF-DOT4-1L qty=1
decline 粤B·7H2L9 reason="客户下次保养时再做"

# ---- Reminders (提醒): 粤B·8K3M2's history — read at 93,500 km 190 days ago, a 一级维护 at 98,000 km
# 100 days ago (4,500 km in 90 days: about 50 km a day), so the next maintenance (every 5,000 km or 6
# months) is due by mileage today; the brake fluid declined then is offered again. 王小强 brings the car.
login 系统
set now 190天前 10:00
login 王芳
checkin 粤B·8K3M2 odometer=93500 fuel=1/2 complaint="怠速抖动" by=王小强 phone=13500001111
estimate 粤B·8K3M2 labor ENG-03
promise 粤B·8K3M2 today 16:00
approve 粤B·8K3M2 signed="王强" via=phone
login 钱主管
dispatch 粤B·8K3M2 group=机修一组 tech=赵师傅
complete 粤B·8K3M2
pay 粤B·8K3M2 amount=72 method=wechat
release 粤B·8K3M2 signed="王小强" oldparts=left print=no
login 系统
set now 100天前 09:00
login 王芳
checkin 粤B·8K3M2 odometer=98000 fuel=1/2 complaint="常规保养" category=level1 by=王小强 phone=13500001111
estimate 粤B·8K3M2 labor MNT-01
estimate 粤B·8K3M2 part 06L115562 qty=1
estimate 粤B·8K3M2 part OIL-5W40-1L qty=4
estimate 粤B·8K3M2 labor BRK-03
estimate 粤B·8K3M2 part BF-DOT4-1L qty=1
promise 粤B·8K3M2 today 16:00
approve 粤B·8K3M2 signed="王强" via=phone decline=4,5
login 钱主管
dispatch 粤B·8K3M2 group=机修一组 tech=赵师傅
complete 粤B·8K3M2
pay 粤B·8K3M2 amount=556 method=wechat
release 粤B·8K3M2 signed="王小强" oldparts=left print=no

# ---- Released three days ago: the follow-up call is due, and a complaint came in yesterday ----
login 系统
set now 大前天 09:30
login 刘敏
checkin 粤B·5C6D7 odometer=70200 fuel=1/2 complaint="常规保养" category=level1 key=K11
belongings 粤B·5C6D7 add 备胎 脚垫x4
estimate 粤B·5C6D7 labor MNT-01
estimate 粤B·5C6D7 part W712/94 qty=1
estimate 粤B·5C6D7 part OIL-5W40-1L qty=5
estimate 粤B·5C6D7 labor WASH-01
estimate 粤B·5C6D7 method=item
promise 粤B·5C6D7 today 16:00
approve 粤B·5C6D7 signed="黄敏"
login 钱主管
dispatch 粤B·5C6D7 group=机修二组 tech=陈师傅 bay=3号工位
set now 大前天 14:30
complete 粤B·5C6D7
login 孙检
inspect 粤B·5C6D7 final pass by=孙检 rest=pass
login 刘敏
notify 粤B·5C6D7
login 系统
set now 大前天 17:10
login 周静
# 黄敏 becomes a member: a stored-value card (储值卡), 1,000.00 paid in + 100.00 bonus, and a count card
# (次卡) of 10 washes for 300.00, which covers the wash on her order (off the bill; one use taken at
# release). The rest is paid from the stored-value card (paid-in first, then bonus) and by WeChat.
card sell 18988776655 type=stored amount=1000 bonus=100 method=wechat ref=会员卡
card sell 18988776655 type=count job=J-WASH times=10 price=300 until=2030-12-31 method=wechat
ro cover 粤B·5C6D7 4 card=K2
pay 粤B·5C6D7 amount=300 method=card card=K1
pay 粤B·5C6D7 amount=321 method=wechat
belongings 粤B·5C6D7 return all
release 粤B·5C6D7 signed="黄敏" odometer=70203 oldparts=left print=no
# …and a 银卡 member from her next visit on (this order stays at the prices she signed).
member set 18988776655 tier=银卡
login 系统
set now yesterday 11:20
login 王芳
complaint add 粤B·5C6D7 "保养后发动机舱有机油味" channel=phone
complaint 1 classify valid
complaint 1 assign 钱主管

# ---- Today's front desk ----
login 系统
set now yesterday 09:10
login 王芳
# 1. Signed: brake job, in the shop since yesterday.
checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车时有异响，方向盘抖动" by=李明 phone=13900001111 docs=行驶证,保单 key=K07
damage 京A12345 "左前门划痕约10cm"
damage 京A12345 "后保险杠右侧轻微凹陷"
belongings 京A12345 add 备胎 千斤顶 随车工具 三角警示牌 灭火器 脚垫x4 行车记录仪
diagnose 京A12345 "前刹车片磨损至2mm；前刹车盘有沟槽，厚度在限值内，建议光盘"
estimate 京A12345 labor BRK-01
estimate 京A12345 part 5QD698151 qty=1
estimate 京A12345 fee "外加工：前刹车盘光盘" amount=80
estimate 京A12345 method=system
promise 京A12345 tomorrow 17:00
approve 京A12345 signed="张伟" via=phone

login 系统
set now yesterday 10:40
login 刘敏
# 2. Signed: level-2 maintenance (二级维护, three inspections required).
checkin 粤B·9A8B7 odometer=120340 fuel=3/4 complaint="二级维护" category=level2 docs=行驶证 key=K12
belongings 粤B·9A8B7 add 备胎 千斤顶 三角警示牌 儿童座椅
estimate 粤B·9A8B7 labor MNT-02
estimate 粤B·9A8B7 part 24445709 qty=1
estimate 粤B·9A8B7 part OIL-5W30-4L qty=2
estimate 粤B·9A8B7 part 13271190 qty=1
estimate 粤B·9A8B7 part 39040378 qty=1
estimate 粤B·9A8B7 method=item
promise 粤B·9A8B7 后天 12:00
approve 粤B·9A8B7 signed="周杰"

# 1 and 2 go into the workshop.
login 系统
set now yesterday 11:00
login 钱主管
handover 京A12345 receiver=钱主管 at="today 10:55"
dispatch 京A12345 group=机修一组 tech=赵师傅 bay=1号工位
handover 粤B·9A8B7 receiver=钱主管
dispatch 粤B·9A8B7 group=机修二组 tech=陈师傅 bay=2号工位
login 孙检
inspect 粤B·9A8B7 pre pass by=孙检 tyres=ok rest=pass note="左后轮胎花纹深度2.5mm，建议近期更换"
login 钱主管

set now yesterday 14:00
login 刘敏
# 6. A battery job, finished and inspected: ready for hand-back.
checkin 粤B·M7788 odometer=61230 fuel=3/4 complaint="早上打不着火" key=K09
diagnose 粤B·M7788 "蓄电池容量不足，CCA 仅为额定值的45%"
estimate 粤B·M7788 labor ELE-01
estimate 粤B·M7788 part BAT-60AH qty=1
estimate 粤B·M7788 method=item
promise 粤B·M7788 today 17:00
approve 粤B·M7788 signed="吴婷" via=phone
login 钱主管
dispatch 粤B·M7788 group=机修二组 tech=吴师傅 bay=快修位
set now yesterday 15:10
complete 粤B·M7788
login 孙检
inspect 粤B·M7788 final pass by=孙检 rest=pass
login 刘敏
notify 粤B·M7788

login 系统
set now yesterday 15:20
login 王芳
# 3. Declined: the customer found the price too high; diagnostic fee charged.
checkin 粤B·3Q8X1 odometer=98700 fuel=1/4 complaint="空调不凉" key=K03
diagnose 粤B·3Q8X1 "空调压缩机离合器打滑，冷媒不足；建议更换压缩机总成并加注冷媒" fee=80
estimate 粤B·3Q8X1 labor AC-02
estimate 粤B·3Q8X1 part 38810-5A2-A01 qty=1
estimate 粤B·3Q8X1 labor AC-01
estimate 粤B·3Q8X1 method=system
decline 粤B·3Q8X1 reason="价格太高，客户考虑一下"

login 系统
set now off
login 王芳
# 4. Estimating: new-energy car, waiting for the customer's answer; 李娜 is a 金卡 member, her lines at the member price.
checkin 粤B·D12345 odometer=38920 battery=90 complaint="底盘异响，过减速带时咯噔声" by=李娜 phone=13912345678 key=K01
belongings 粤B·D12345 add 充电枪 脚垫x4 雨伞
damage 粤B·D12345 "右后轮毂刮伤"
diagnose 粤B·D12345 "右前下摆臂球头松旷"
estimate 粤B·D12345 labor SUS-01
estimate 粤B·D12345 part 1044331-00-D qty=1
estimate 粤B·D12345 labor ALN-01
estimate 粤B·D12345 method=system
promise 粤B·D12345 tomorrow 18:00
# 李娜 has a maintenance package (保养套餐卡): 4 × 一级维护 and 2 × 四轮定位 for 1,200.00; its alignment
# covers line 3 — the use is held by this order until its release.
login 周静
card sell 13912345678 type=package jobs=MNT-01:4,J-ALIGN:2 price=1200 until=2030-06-30 method=alipay ref=保养套餐
ro cover 粤B·D12345 3 card=K3
login 王芳

login 系统
set now yesterday 16:00
login 赵师傅
# The brake job: progress, and added work waiting for the customer's answer.
progress 京A12345 60 note="前刹车盘已送外加工"
supplement 京A12345 add part BF-DOT4-1L qty=1 reason="刹车油含水3.5%，影响制动安全"

login 系统
set now off
login 刘敏
# 5. Just checked in: the returning Camry — last visit's declined brake-fluid change is offered again.
checkin 粤B·7H2L9 odometer=91200 fuel=1/2 complaint="发动机故障灯亮" category=minor key=K05
belongings 粤B·7H2L9 add 备胎 脚垫x4

# ---- Tomorrow's bookings (phoned in today): parts reserved, bays held ----
login 系统
set now off
login 王芳
appointment add 粤B·F56789 at="明天 09:00" complaint="保养，顺便检查高压系统" job=J-MNT-2 job=J-EV-CHECK
appointment A1 confirm
appointment add 粤B·2D3E4 at="明天 10:30" complaint="方向跑偏，刹车片报警" job=J-BRAKE-F job=J-ALIGN
appointment A2 confirm
appointment add 粤B·3Q8X1 at="明天 14:00" complaint="空调不凉（上次拒修，再来检查）" job=J-AC note="客户想再比较价格"

login 系统
set now off
login 王芳
# The 年检 of the school bus and the insurance of the Mercedes (in the shop today) fall due soon: see
# remind list due.
remind set 粤B·12345D kind=inspection due=12天后
remind set 粤B·M7788 kind=insurance due=9天后
