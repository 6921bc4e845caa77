# Schema v6 fixture (commit 5b3683a): the v5 story on schema 6 (terms and warranty fixed on orders).
# It differs from make-v5.ws in one line: RO8's promise is moved ahead before it is signed, since
# this version refuses to sign under a promise already past.
# Run: WORKSHOP_PIN=1234 workshop --db schema-v6.db --now "2026-11-22 09:00" --user 系统管理员 make-v6.ws
# (系统管理员, the first to open the new database, becomes its manager; every PIN is 1234 and each
# `login NAME` takes it from WORKSHOP_PIN.) Each command is typed by someone with the role it needs
# (help roles): the manager dispatches and keeps the stock, inspectors inspect, technicians complete.
# Orders: estimating (one arrived from a booking); signed (one with a part short, received and issued
# later); declined with a fee (paid and released) and without; on the floor (split dispatch, three
# inspections, added work approved and declined, a failed final inspection); discounts (amount within
# the advisor's limit, percent above it authorised by a manager, one given after payment and refunded);
# payments split across methods; released orders with follow-up calls; a warranty comeback linked to
# its original line; a complaint from registration to follow-up. Bookings: confirmed and arrived,
# cancelled, no-show, and one still to come. Stock: received (with cost and delivery note), ordered,
# adjusted at a stocktake, issued at signature and by `parts issue`. Ends with `verify`.
# The clock only moves forward.

# Setting up the shop, a few weeks before the first visit.
set now 2026-10-01 08:00
login 系统管理员
shop set name="顺达汽车维修服务有限公司" address="深圳市南山区科技园南路18号" phone=0755-82345678
shop set credit_code=91440300MA5D8K2Q3N labor_rate=120 tax_rate=13 prices_include_tax=yes currency=CNY
shop set timezone=Asia/Shanghai discount_limit=5 language=zh

# ---- 工时定额 ----
labor add MNT-02 "二级维护（一级维护+空滤、空调滤、火花塞、底盘检查）" hours=3.0
labor add BRK-01 "更换前刹车片" hours=1.2
labor add BRK-03 "更换刹车油" hours=0.8
labor add SUS-01 "更换前下摆臂（单侧）" hours=1.5
labor add ALN-01 "四轮定位" hours=1.0
labor add AC-01 "空调系统抽真空、加注冷媒" hours=1.0
labor add AC-02 "更换空调压缩机" hours=3.5
labor add EV-01 "高压电池包绝缘检测" hours=1.0
labor add ENG-02 "更换正时皮带及张紧轮" hours=4.0

# ---- 配件价目 ----
parts add 24445709 "机油滤清器" price=45 brand=AC德科 class=oem stock=15 bin=A-03
parts add OIL-5W30-4L "全合成机油 5W-30 4L" price=368 brand=壳牌 class=equivalent stock=24 bin=B-02
parts add OIL-5W40-1L "全合成机油 5W-40 1L" price=98 brand=嘉实多 class=equivalent stock=40 bin=B-03
parts add 13271190 "空气滤清器" price=85 brand=AC德科 class=oem stock=8 bin=A-10
parts add 39040378 "空调滤清器" price=75 brand=AC德科 class=oem stock=9 bin=A-11
parts add 5QD698151 "前刹车片（套）" price=420 brand=大众 class=oem stock=6 bin=C-01
parts add BF-DOT4-1L "刹车油 DOT4 1L" price=88 brand=博世 class=equivalent stock=20 bin=B-10
parts add 1044331-00-D "前下摆臂总成（右）" price=1150 brand=特斯拉 class=oem stock=1 bin=D-01
parts add 38810-5A2-A01 "空调压缩机总成" price=3680 brand=本田 class=oem stock=0 bin=E-01
parts add R134A-500 "冷媒 R134a（500g）" price=120 brand=霍尼韦尔 class=equivalent stock=12 bin=E-05
parts add TB-KIT-EA888 "正时皮带套件" price=1280 brand=盖茨 class=equivalent stock=2 bin=D-10
parts add ALT-RB-REMAN "发电机（再制造）" price=980 brand=博世 class=repaired stock=1 bin=F-10
parts add BP-1234 "前刹车片（套）" price=260 brand=博世 class=equivalent stock=2 bin=C-02 reorder=2 cost=165
parts add WIPER-24 "雨刮片 24寸" price=68 brand=博世 class=equivalent unit=片 stock=0 bin=A-30 reorder=4 cost=32
# 到货、盘点
parts receive OIL-5W30-4L qty=12 cost=260 ref=送货单1001
parts receive BF-DOT4-1L qty=6 cost=55 ref=送货单1001
parts adjust 13271190 count=7 reason="开业盘点：少1件"

# ---- 套餐（预约用） ----
job add J-AC-COMP "更换空调压缩机（含抽真空加注）" labor=AC-02,AC-01 parts=38810-5A2-A01:1,R134A-500:1.5 equipment=lift
job add J-BRAKE-F "前刹车片更换（同质件）" labor=BRK-01 parts=BP-1234:1 equipment=lift
job add J-BRAKE-FLUID "更换刹车油" labor=BRK-03 parts=BF-DOT4-1L:1 equipment=lift
job add J-ALIGN "四轮定位" labor=ALN-01 equipment=alignment
job add J-EV-CHECK "新能源高压安全检测" labor=EV-01 equipment=ev-safe

# ---- 人员、工位、检验项目 ----
staff add 王芳 role=advisor pin=1234
staff add 刘敏 role=advisor pin=1234
staff add 钱主管 role=manager,inspector pin=1234
staff add 孙检 role=inspector pin=1234
staff add 周静 role=cashier pin=1234
staff add 赵师傅 role=technician group=机修一组 pin=1234
staff add 李师傅 role=technician group=机修一组 pin=1234
staff add 陈师傅 role=technician group=机修二组 pin=1234
staff add 郑师傅 role=technician group=钣喷组 pin=1234
bay add 1号工位 equipment=lift
bay add 2号工位 equipment=lift
bay add 4号工位 equipment=lift,ev-safe
bay add 四轮定位 equipment=lift,alignment
bay add 快修位 equipment=
checkitem add pre exterior "外观及漆面"
checkitem add pre tyres "轮胎及气压"
checkitem add pre chassis "底盘及制动"
checkitem add process parts "更换件型号与质量"
checkitem add process torque "紧固力矩"
checkitem add final brakes "制动性能"
checkitem add final lights "灯光及信号"
checkitem add final road-test "路试"

# ---- 客户 ----
customer add 张伟 phone=13800138000 company=顺达物流有限公司 address="深圳市福田区深南大道1001号"
customer add 李娜 phone=13912345678
customer add 王强 phone=136-8888-9999 address="深圳市宝安区西乡街道"
customer add 刘洋 phone=15012340001
customer add 陈静 phone=18620203030 company=南山实验学校
customer add 杨帆 phone=13760001122
customer add 赵磊 phone=13543215678
customer add 周杰 phone=13302108888 company=鹏城建材
customer add 吴婷 phone=15899990000

# ---- 车辆 ----
vehicle add 京A·12345 vin=LFV2A21K8C3070455 owner=13800138000 make=大众 model=迈腾 year=2019 color=白 engine=CEA123456 fuel=汽油
vehicle add 粤B·D12345 vin=LRW3E7FAXLC123456 owner=13912345678 make=特斯拉 model="Model 3" year=2021 color=黑 fuel=纯电动
vehicle add 粤B·8K3M2 vin=LSVAM4187C2184847 owner=13688889999 make=大众 model=朗逸 year=2016 color=银 fuel=汽油
vehicle add 粤B·F56789 vin=LGXCE4CB2N0123456 owner=15012340001 make=比亚迪 model="宋PLUS DM-i" year=2022 color=蓝 fuel=插电混动
vehicle add 粤B·12345D vin=LZWADAGA7KB123456 owner=18620203030 make=宇通 model=校车 year=2019 class=other plate-color=yellow-green fuel=纯电动
vehicle add 粤B·3Q8X1 vin=LHGRU5831H8012345 owner=13760001122 make=本田 model=雅阁 year=2017 color=灰 fuel=汽油
vehicle add 粤B·7H2L9 vin=LVGBE40K8JG123456 owner=13543215678 make=丰田 model=凯美瑞 year=2018 color=白 fuel=汽油
vehicle add 粤B·9A8B7 vin=LSGKB54H8JV123456 owner=13302108888 make=别克 model=GL8 year=2018 color=棕 fuel=汽油
vehicle add 粤B·M7788 vin=LE4ZG8DB8KL123456 owner=15899990000 make=奔驰 model=C260L year=2019 color=白 fuel=汽油
vehicle add 粤B·2D3E4 vin=LSJA24U62MS123456 owner=15899990000 make=名爵 model=ZS year=2021 color=红 fuel=汽油 class=car

# ---- RO1 (earlier visit): declined, no fee; the declined lines come back at the next visit ----
set now 2026-10-08 10:00
login 王芳
checkin 粤B·7H2L9 odometer=86500 fuel=1/2 complaint="刹车踏板偏软" category=minor
diagnose 粤B·7H2L9 "刹车油含水量3.5%，超标，建议更换刹车油"
estimate 粤B·7H2L9 labor BRK-03
estimate 粤B·7H2L9 part BF-DOT4-1L qty=1
decline 粤B·7H2L9 reason="客户下次保养时再做"

# ======== 2026-11-20 ========
# RO2: brake job, every kind of line; signed.
set now 2026-11-20 09:10
checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车时有异响，方向盘抖动" by=李明 phone=13900001111 docs=行驶证,保单 key=K07
damage 京A12345 "左前门划痕约10cm"
damage 京A12345 "后保险杠右侧轻微凹陷"
belongings 京A12345 add 备胎 千斤顶 随车工具 三角警示牌 脚垫x4 行车记录仪
belongings 京A12345 document 保单 until=2027-03-01
diagnose 京A12345 "前刹车片磨损至2mm；前刹车盘有沟槽，建议光盘" fee=50
estimate 京A12345 labor BRK-01
estimate 京A12345 labor "检查方向盘抖动" hours=0.5 rate=150
estimate 京A12345 part 5QD698151 qty=1
estimate 京A12345 part "刹车盘螺丝" qty=4 price=3.5 class=equivalent brand=博世
estimate 京A12345 part "机油" qty=4.5 class=customer
estimate 京A12345 fee "外加工：前刹车盘光盘" amount=80
estimate 京A12345 method=system
promise 京A12345 2026-11-21 17:00
approve 京A12345 signed="张伟" via=phone

# RO3: level-2 maintenance (three inspections); one line declined at signature.
set now 2026-11-20 10:40
login 刘敏
checkin 粤B·9A8B7 odometer=120340 fuel=3/4 complaint="二级维护" category=level2 docs=行驶证 key=K12
belongings 粤B·9A8B7 add 备胎 千斤顶 三角警示牌 儿童座椅
estimate 粤B·9A8B7 labor MNT-02
estimate 粤B·9A8B7 part 24445709 qty=1
estimate 粤B·9A8B7 part OIL-5W30-4L qty=2
estimate 粤B·9A8B7 part 13271190 qty=1
estimate 粤B·9A8B7 part 39040378 qty=1
estimate 粤B·9A8B7 method=item
promise 粤B·9A8B7 2026-11-22 12:00
approve 粤B·9A8B7 signed="周杰" decline=5

set now 2026-11-20 11:00
login 王芳
handover RO2 receiver=钱主管 at=10:55
login 钱主管
dispatch RO2 group=机修一组 tech=赵师傅 bay=1号工位
login 王芳

set now 2026-11-20 11:30
login 刘敏
handover RO3 receiver=钱主管
login 钱主管
dispatch RO3 group=机修二组 tech=陈师傅 bay=2号工位
login 孙检
inspect RO3 pre pass by=孙检 exterior=pass tyres=pass note="左后轮胎胎纹接近极限"
login 刘敏

# RO3 added work: a part (approved, new promised time), labour (declined), a fee (approved).
set now 2026-11-20 14:00
supplement RO3 add part BF-DOT4-1L qty=1.5 reason="刹车油含水3.5%，影响制动安全"
supplement RO3 add labor "清洗节气门" hours=0.6 reason="怠速略高"
supplement RO3 add fee "废油处理费" amount=20 reason="环保处理"
notify RO3
set now 2026-11-20 14:20
supplement RO3 6 approve via=phone customer="周杰" told=陈师傅 promise="2026-11-22 15:00"
supplement RO3 7 decline via=phone customer="周杰" told=陈师傅
supplement RO3 8 approve via=wechat customer="周杰" told=陈师傅

set now 2026-11-20 15:00
login 王芳
progress RO2 60 note="等刹车盘光盘外加工"

# RO4: declined, diagnostic fee charged.
set now 2026-11-20 15:20
checkin 粤B·3Q8X1 odometer=98700 fuel=1/4 complaint="空调不凉" key=K03
diagnose 粤B·3Q8X1 "空调压缩机离合器打滑，冷媒不足；建议更换压缩机总成并加注冷媒" fee=80
estimate 粤B·3Q8X1 labor AC-02
estimate 粤B·3Q8X1 part 38810-5A2-A01 qty=1
estimate 粤B·3Q8X1 labor AC-01
estimate 粤B·3Q8X1 part R134A-500 qty=1.5
estimate 粤B·3Q8X1 method=system
decline 粤B·3Q8X1 reason="价格太高，客户考虑一下"

# ======== 2026-11-21 ========
# RO5: assembly repair; signed, reopened for a changed estimate, signed again.
set now 2026-11-21 08:30
checkin 粤B8K3M2 odometer=98700 fuel=1/4 complaint="发动机异响" by=王小强 phone=13500001111 category=major docs=行驶证 key=K09
diagnose 粤B8K3M2 "正时皮带老化开裂，张紧轮异响，建议更换正时套件" fee=100
estimate 粤B8K3M2 labor ENG-02
estimate 粤B8K3M2 part TB-KIT-EA888 qty=1
estimate 粤B8K3M2 part OIL-5W40-1L qty=4.5
estimate 粤B8K3M2 method=system
promise 粤B8K3M2 2026-11-23 17:00
approve 粤B8K3M2 signed="王强" via=wechat

set now 2026-11-21 09:30
login 刘敏
progress RO3 70 note="二级维护项目完成七成"
login 钱主管
inspect RO3 process pass by=钱主管 torque=pass parts=pass
login 刘敏

# RO2: completed (minor: ready at once), final inspection recorded, customer told.
set now 2026-11-21 10:00
login 赵师傅
complete RO2
login 孙检
inspect RO2 final pass by=孙检
login 王芳
notify RO2

set now 2026-11-21 11:00
reopen 粤B8K3M2 reason="拆检发现发电机轴承异响，需加项"
estimate 粤B8K3M2 part ALT-RB-REMAN qty=1
estimate 粤B8K3M2 labor "更换发电机" hours=2.0
estimate 粤B8K3M2 change 4 qty=4
approve 粤B8K3M2 signed="王强" via=phone

# RO5 on the floor: split across two groups.
set now 2026-11-21 11:30
handover RO5 receiver=钱主管
login 钱主管
dispatch RO5 group=机修一组 tech=李师傅 bay=4号工位
dispatch RO5 group=钣喷组 tech=郑师傅
login 孙检
inspect RO5 pre pass by=孙检
login 王芳

# RO6: declined with a fee set at the counter.
set now 2026-11-21 14:00
login 刘敏
checkin 粤B·F56789 odometer=23400 fuel=3/4 complaint="高压系统故障灯亮" category=minor payer=owner
diagnose 粤B·F56789 "高压电池包绝缘阻值偏低，建议返厂检测"
estimate 粤B·F56789 labor EV-01
estimate 粤B·F56789 fee "厂家专用设备检测" amount=300
estimate 粤B·F56789 method=symptom
decline 粤B·F56789 fee=150 reason="去4S店处理"

# RO3: completed, final inspection FAILS -> back in work.
set now 2026-11-21 16:00
login 陈师傅
complete RO3
login 刘敏

# RO7: school bus, warranty payer; signed.
set now 2026-11-21 16:20
checkin 粤B·12345D odometer=65000 fuel=F complaint="车门开关异响" category=minor payer=warranty key=K15
estimate 粤B·12345D labor "车门铰链润滑调整" hours=0.8 rate=100
estimate 粤B·12345D part "车门铰链" qty=2 price=135.5 class=oem brand=宇通
estimate 粤B·12345D method=item
promise 粤B·12345D 2026-11-22 17:00
approve 粤B·12345D signed="陈静" via=in-person

set now 2026-11-21 16:40
login 孙检
inspect RO3 final fail by=孙检 brakes=fail note="左前制动拖滞"
login 刘敏
progress RO3 85 note="返工：调整左前制动卡钳"

set now 2026-11-21 17:00
login 王芳
supplement RO5 add part "正时皮带张紧轮螺栓" qty=2 price=12.8 class=oem brand=大众 reason="原螺栓锈蚀，建议更换"
supplement RO5 7 approve via=in-person customer="王强" told=李师傅
progress RO5 50

# ======== 2026-11-22 ========
# RO5: process inspection passed, completed: waits for the final inspection.
set now 2026-11-22 08:30
login 孙检
inspect RO5 process pass by=孙检
login 李师傅
complete RO5
login 王芳

# RO7 on the floor.
set now 2026-11-22 08:40
handover RO7 receiver=钱主管
login 钱主管
dispatch RO7 group=机修二组 tech=陈师傅 bay=快修位
login 王芳
progress RO7 30

# RO8: EV, estimating, waiting for the customer's answer.
set now 2026-11-22 08:50
checkin 粤B·D12345 odometer=38920 fuel=F complaint="底盘异响，过减速带时咯噔声" by=李娜 phone=13912345678 key=K01
belongings 粤B·D12345 add 充电枪 脚垫x4 雨伞
damage 粤B·D12345 "右后轮毂刮伤"
diagnose 粤B·D12345 "右前下摆臂球头松旷"
estimate 粤B·D12345 labor SUS-01
estimate 粤B·D12345 part 1044331-00-D qty=1
estimate 粤B·D12345 labor ALN-01
estimate 粤B·D12345 method=system
promise 粤B·D12345 2026-11-22 18:00

# RO9: the returning Camry; last visit's declined brake-fluid change is offered again. Estimating.
set now 2026-11-22 09:30
login 刘敏
checkin 粤B·7H2L9 odometer=91200 fuel=1/2 complaint="发动机故障灯亮" category=minor key=K05
belongings 粤B·7H2L9 add 备胎 脚垫x4
estimate 粤B·7H2L9 labor "发动机故障诊断（电脑检测）" hours=0.5
estimate 粤B·7H2L9 fee "检测费" amount=60
estimate 粤B·7H2L9 part "节气门清洗剂" qty=1.25 price=13.99 class=equivalent brand=3M
estimate 粤B·7H2L9 labor "清洗节气门" hours=0.75 rate=133.33

# RO10: signed, waiting for the workshop.
set now 2026-11-22 10:15
checkin 粤B·M7788 odometer=51230 fuel=1/2 complaint="保养" category=minor key=K20
estimate 粤B·M7788 labor "一级维护（更换机油、机滤）" hours=0.8
estimate 粤B·M7788 part OIL-5W40-1L qty=5.5
estimate 粤B·M7788 part "机油滤清器（奔驰）" qty=1 price=128 partno=A2761800009 brand=奔驰 class=oem
estimate 粤B·M7788 method=item
promise 粤B·M7788 2026-11-22 16:00
approve 粤B·M7788 signed="吴婷" via=sms

# ======== The cash desk (v3) ========
# RO2: settled with a small discount (within the advisor's 5% limit), paid by WeChat and cash,
# everything handed back, released.
set now 2026-11-22 11:00
login 王芳
invoice RO2
discount RO2 amount=33
login 周静
pay RO2 amount=500 method=wechat ref=微信4200001234
pay RO2 amount=250 method=cash ref=收据0101
belongings RO2 return all
login 王芳
release RO2 signed="张伟" odometer=45236 oldparts=returned print=no

# RO4: the declined estimate; its diagnostic fee paid, the car released.
set now 2026-11-22 11:40
login 周静
pay RO4 amount=80 method=cash
login 刘敏
belongings RO4 return key
release RO4 signed="杨帆" oldparts=left print=no

# RO3: rework done, final inspection passes; 10% discount, above the limit, authorised by the manager.
set now 2026-11-22 14:00
login 陈师傅
complete RO3
login 孙检
inspect RO3 final pass by=孙检
login 刘敏
discount RO3 percent=10 authorized=钱主管
notify RO3

# RO10 on the floor: done the same day, at the advisor's limit (5%); part paid, still at the shop.
set now 2026-11-22 14:30
login 王芳
handover RO10 receiver=钱主管
login 钱主管
dispatch RO10 group=机修一组 tech=赵师傅 bay=1号工位
login 王芳
set now 2026-11-22 16:10
login 赵师傅
complete RO10
login 王芳
discount RO10 percent=5
login 周静
pay RO10 amount=300 method=wechat

# ======== 2026-11-23 ========
# RO5: final inspection, paid in full by transfer; a goodwill discount given after payment: the
# overpayment is refunded. Released.
set now 2026-11-23 10:00
login 钱主管
inspect RO5 final pass by=钱主管
login 周静
pay RO5 amount=2000 method=transfer ref=网银20261123001
pay RO5 amount=1497.60 method=card ref=POS889901
login 王芳
discount RO5 amount=100
login 周静
refund RO5 amount=100 method=card ref=POS889901退
login 王芳
belongings RO5 return all
release RO5 signed="王强" odometer=98712 oldparts=returned print=no

# RO6: the declined EV's fee, paid by Alipay; released.
set now 2026-11-23 11:15
login 周静
pay RO6 amount=150 method=alipay
login 刘敏
release RO6 signed="刘洋" oldparts=left print=no

# RO3: paid by card and on the company's account; released.
set now 2026-11-23 16:30
login 周静
invoice RO3
pay RO3 amount=1000 method=card
pay RO3 amount=240.20 method=account ref=鹏城建材月结
belongings RO3 return all
login 刘敏
release RO3 signed="周杰" odometer=120388 oldparts=left print=no

# ======== 2026-11-24 ========
# RO7 (warranty payer): completed, charged to the account, released.
set now 2026-11-24 09:30
login 陈师傅
complete RO7
login 周静
pay RO7 amount=351 method=account ref=宇通三包
login 刘敏
belongings RO7 return key
release RO7 signed="陈静" oldparts=returned print=no

# The Honda's owner phones about the compressor: it is ordered.
set now 2026-11-24 09:45
login 钱主管
parts order 38810-5A2-A01 qty=1 eta=2026-11-27
login 刘敏

# RO8: the EV's owner signs after all; in work.
set now 2026-11-24 10:00
login 王芳
promise RO8 2026-11-25 17:00
approve RO8 signed="李娜" via=wechat
handover RO8 receiver=钱主管
login 钱主管
dispatch RO8 group=机修二组 tech=陈师傅 bay=4号工位
login 王芳

# RO9: the Camry's owner declines; the diagnosis fee is charged.
set now 2026-11-24 11:00
login 刘敏
decline RO9 fee=60 reason="客户自行处理"

# ======== 2026-11-25: follow-up calls ========
set now 2026-11-25 10:00
login 王芳
followup list due
followup RO2 done result="刹车正常，客户满意" satisfaction=5
followup RO7 done result="车门异响已消除，校车正常运营" satisfaction=3

# ======== 2026-11-26: a complaint ========
set now 2026-11-26 09:00
complaint add 京A12345 "刹车又有异响" channel=phone
complaint 1 classify valid
complaint 1 assign 钱主管

# Bookings by phone.
set now 2026-11-26 09:30
login 刘敏
appointment add 粤B·3Q8X1 at="2026-11-28 10:30" complaint="空调不凉，预约更换压缩机" job=J-AC-COMP
appointment add 粤B·F56789 at="2026-11-28 14:00" complaint="高压系统复检" job=J-EV-CHECK
appointment A2 confirm bay=4号工位
appointment add 粤B·2D3E4 at="2026-11-28 09:00" complaint="刹车报警" job=J-BRAKE-F
appointment A3 confirm
appointment add 粤B·9A8B7 at="2026-12-02 09:00" complaint="更换刹车油" job=J-BRAKE-FLUID duration=1
appointment A4 confirm bay=1号工位

# ======== 2026-11-27: the comeback under warranty ========
set now 2026-11-27 09:20
login 钱主管
warranty 京A12345 odometer=45980
login 刘敏
checkin 京A12345 odometer=45980 fuel=3/4 complaint="刹车又响" rework=RO2/2 cause="刹车片安装不到位" key=K07
estimate RO11 labor BRK-01
estimate RO11 labor "顺便更换雨刮" hours=0.2 covered=no
estimate RO11 part "雨刮片 24寸" qty=2 price=68 class=equivalent brand=博世 covered=no
promise RO11 2026-11-27 15:00
approve RO11 signed="张伟" via=in-person
complaint 1 verify "试车确认：左前刹车片安装不到位"
complaint 1 resolve "已免费返修（RO11）"

set now 2026-11-27 09:50
login 钱主管
parts receive 38810-5A2-A01 qty=1 cost=2950 ref=送货单1127
login 刘敏
appointment A1 confirm bay=2号工位
appointment A2 cancel reason="客户改去4S店检测"
appointment list 2026-11-28

set now 2026-11-27 10:00
login 王芳
followup RO5 done result="发动机无异响" satisfaction=4
followup RO3 done result="保养满意，提醒下次更换空调滤" satisfaction=5

# ======== 2026-11-28 ========
set now 2026-11-28 10:00
complaint 1 followup result="异响消除" satisfied=yes
followup list

# A3: no-show; its reserved brake pads go back on the shelf.
set now 2026-11-28 10:00
login 刘敏
appointment A3 noshow

# RO12: the Honda arrives for its booking (A1): the planned lines go on the order; estimating.
set now 2026-11-28 10:30
checkin 粤B·3Q8X1 odometer=99850 fuel=1/2 appointment=A1 key=K03
estimate RO12 method=system
promise RO12 2026-12-01 17:00

# RO13: the school bus's wiper blades: signed with the part short, received, then issued.
set now 2026-11-28 11:00
checkin 粤B·12345D odometer=66120 fuel=3/4 complaint="雨刮刮不干净" category=minor key=K15
estimate RO13 part WIPER-24 qty=2
estimate RO13 labor "更换雨刮片" hours=0.2
promise RO13 2026-11-28 16:00
approve RO13 signed="陈静" via=phone
set now 2026-11-28 14:00
login 钱主管
parts receive WIPER-24 qty=10 cost=32 ref=送货单1128
parts issue RO13
login 刘敏
parts low

# The record checks out.
verify
