# A whole reception in Chinese: customer, vehicle, check-in, visual check, belongings, key,
# diagnosis, estimate, promised time, signature.
source shop-fixture.ws
customer add 王强 phone=136-8888-9999 address="深圳市宝安区西乡街道"
customer find 王
vehicle add 粤b·8k3m2 vin=lsvam4187c2184847 owner=13688889999 make=大众 model=朗逸 year=2016 color=银
checkin 粤B8K3M2 odometer=98700 fuel=1/4 complaint="刹车时有异响，方向盘抖动" by=王小强 phone=13500001111 category=小修 docs=行驶证,保单 key=K07
damage 粤B8K3M2 "左前门划痕约10cm"
damage RO1 "后保险杠右侧轻微凹陷"
belongings RO1 add 备胎 千斤顶 三角警示牌 脚垫x4 行车记录仪 现金
belongings RO1 document 保单 until=2027-03-01
belongings RO1 list
diagnose RO1 "前刹车片磨损至2mm；前刹车盘有沟槽，建议光盘" fee=50
estimate RO1 labor BRK-01
estimate RO1 part 5QD698151 qty=1
estimate RO1 part "刹车盘螺丝" qty=4 price=3.5 class=equivalent brand=博世
estimate RO1 part "机油" qty=4.5 class=customer
estimate RO1 fee "外加工：前刹车盘光盘" amount=80
estimate RO1 labor "检查方向盘抖动" hours=0.5 rate=150
estimate RO1 method=system
promise RO1 明天 17:00
ro show RO1
approve RO1 signed="王强" via=phone decline=7
ro show 粤B·8K3M2
vehicle show 粤B8K3M2
customer show 13688889999
ro list
