# The cash desk and after-sales: settlement, a discount above the advisor's limit (the manager confirms
# with their PIN, WORKSHOP_SIGNER_PIN in a script), split payment,
# the release refused until everything is in order, the follow-up call, a comeback under warranty
# linked to its original line, a complaint from registration to follow-up, and the reports.
source shop-fixture.ws
source floor-fixture.ws
staff add 周静 role=cashier pin=1234
staff add 刘敏 role=advisor pin=1234
set now 2026-11-22 09:00
checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响" key=K07
belongings RO1 add 备胎 脚垫x4
estimate RO1 labor BRK-01
estimate RO1 part 5QD698151 qty=1
estimate RO1 part 机油 qty=4 class=customer
promise RO1 2026-11-22 17:00
approve RO1 signed=张伟
dispatch RO1 group=机修一组
release RO1 signed=张伟
complete RO1
invoice RO1
login 刘敏
discount RO1 percent=10
discount RO1 percent=10 authorized=赵师傅
discount RO1 percent=10 authorized=钱主管
login 周静
pay RO1 amount=300 method=wechat
pay RO1 amount=999 method=cash
release RO1 signed=张伟 print=no
pay RO1 amount=207.60 method=cash ref=收据0012
belongings RO1 return all
release RO1 signed=张伟 odometer=45200 print=no
release RO1 signed=张伟 odometer=45215 oldparts=returned print=no
invoice RO1
release RO1 signed=张伟 print=no
login 王芳
warranty 京A12345
set now 2026-11-25 10:00
followup list due
followup RO1 done result="刹车正常，客户满意" satisfaction=5
followup RO1 done result="again" satisfaction=4
complaint add RO1 "刹车又有异响" channel=phone
complaint 1 resolve "先答复"
complaint 1 classify valid
complaint 1 assign 钱主管
set now 2026-11-27 10:00
board
warranty 京A12345 odometer=47216
checkin 京A12345 odometer=47300 fuel=F complaint="刹车又响" rework=RO1/1 cause="刹车片安装不到位"
checkin 京A12345 odometer=46000 fuel=F complaint="刹车又响" rework=RO1/3 cause="x"
checkin 京A12345 odometer=46000 fuel=F complaint="刹车又响" rework=RO1/1
checkin 京A12345 odometer=46000 fuel=F complaint="刹车又响" rework=RO1/1 cause="刹车片安装不到位"
estimate RO2 labor BRK-01
estimate RO2 labor "顺便更换雨刮" hours=0.2 covered=no
promise RO2 2026-11-27 15:00
approve RO2 signed=张伟
invoice RO2
complaint 1 verify "试车确认：左前刹车片安装不到位"
complaint 1 resolve "已免费返修（RO2）"
complaint 1 followup result="异响仍在" satisfied=no
complaint 1 resolve "更换刹车片并试车确认"
complaint 1 followup result="异响消除" satisfied=yes
complaint list all
vehicle show 京A12345
report day 2026-11-22
report month 2026-11
