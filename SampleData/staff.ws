# The shop's people and bays (loaded by demo-shop.ws).
# Every demo PIN is 1234 (README). A real shop sets its own: staff pin NAME pin=…
staff add 王芳 role=advisor pin=1234
staff add 刘敏 role=advisor pin=1234
staff add 钱主管 role=manager,inspector pin=1234
staff add 孙检 role=inspector pin=1234
staff add 周静 role=cashier pin=1234
staff add 赵师傅 role=technician group=机修一组 pin=1234
staff add 李师傅 role=technician group=机修一组 pin=1234
staff add 陈师傅 role=technician group=机修二组 pin=1234
staff add 吴师傅 role=technician group=机修二组 pin=1234
staff add 郑师傅 role=technician group=钣喷组 pin=1234
staff add 冯师傅 role=technician group=钣喷组 pin=1234
bay add 1号工位 equipment=lift
bay add 2号工位 equipment=lift
bay add 3号工位 equipment=lift
bay add 4号工位 equipment=lift,ev-safe
bay add 四轮定位 equipment=lift,alignment
bay add 喷漆房 equipment=paint-booth
bay add 快修位 equipment=
