# Each kind of bad input: a clear error that says what was wrong and what is accepted.
source shop-fixture.ws
vehicle add 京A12345 vin=LFV2A21K8C3070455 owner=C1
vehicle add 京B12345 vin=LFV2A21K8C307045 owner=C1
vehicle add 京B12345 vin=LFV2A21K8C3O70455 owner=C1
vehicle add 京B12345 vin=LFV2A21K9C3070455 owner=C1
vehicle add 京BI2345 vin=LSVAM4187C2184847 owner=C1
vehicle add 哈B12345 vin=LSVAM4187C2184847 owner=C1
vehicle add 京B12345 vin=LSVAM4187C2184847 owner=13000000000
vehicle add 京B12345 vin=LSVAM4187C2184847 owner=C1 year=1850
customer add 张三 phone=13800138000
customer add 张三 phone=abc
customer add phone=13700000000
checkin 京A99999 odometer=1000 fuel=F complaint="异响"
checkin 京A12345 odometer=1000 fuel=half complaint="异响"
checkin 京A12345 odometer=-5 fuel=F complaint="异响"
checkin 京A12345 fuel=F complaint="异响"
checkin 京A12345 odometer=1000 fuel=F complaint="异响" category=大修
checkin 京A12345 odometer=1000 fuel=F complaint="异响" odometr=5
checkin 京A12345 odometer=1000 fuel=F complaint="异响" key=K01
checkin 京A12345 odometer=1000 fuel=F complaint="again"
checkin 粤BD12345 odometer=5000 battery=90 complaint="检查"
decline 粤BD12345
checkin 粤BD12345 odometer=4900 battery=90 complaint="底盘异响"
vehicle odometer 粤BD12345 4900
checkin 粤BD12345 odometer=5000 battery=90 complaint="底盘异响" key=k01
estimate RO1 labor "更换前刹车片" hours=0
estimate RO1 labor "更换前刹车片" hours=abc
estimate RO1 labor "更换前刹车片"
estimate RO1 labor NOPE-99
estimate RO1 part "前刹车片" qty=-1 price=360
estimate RO1 part "前刹车片" qty=1 price=12abc
estimate RO1 part "前刹车片" qty=1 price=0
estimate RO1 part "前刹车片" qty=1
estimate RO1 part "前刹车片" qty=1 price=360 class=fake
estimate RO1 fee "拖车" amount=-80
estimate RO1 method=guess
estimate RO1 remove 9
estimate RO1 frobnicate
estimate RO99 labor "x" hours=1
approve RO1 signed="张伟"
estimate RO1 labor BRK-01
approve RO1 signed="张伟"
promise RO1 2020-01-01 10:00
promise RO1 2026-11-31 10:00
promise RO1 2026-11-23 17:00
approve RO1
approve RO1 signed="张伟" decline=1
approve RO1 signed="张伟" decline=5
approve RO1 signed="张伟" via=carrier-pigeon
approve RO1 signed="张伟"
estimate RO1 labor "再加一项" hours=1
decline RO1
approve RO1 signed="张伟"
reopen RO1
ro show RO42
ro show 京A54321
belongings RO1 remove 千斤顶
belongings RO1 return 千斤顶
checkin 京A12345 odometer=1000 fuel=F complaint="unterminated
chekin 京A12345
help chekin
shop set tax_rate=abc
shop set colour=red
set format yaml
