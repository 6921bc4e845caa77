# The workshop's people, bays and checklists, on top of shop-fixture.ws.
staff add 钱主管 role=manager,inspector pin=1234
staff add 孙检 role=inspector pin=1234
staff add 赵师傅 role=technician group=机修一组 pin=1234
staff add 陈师傅 role=technician group=机修二组 pin=1234
bay add 1号工位 equipment=lift
bay add 2号工位 equipment=lift
checkitem add pre exterior "外观"
checkitem add pre chassis "底盘及制动"
checkitem add process torque "紧固力矩"
checkitem add final brakes "制动性能"
checkitem add final lights "灯光"
checkitem add final road-test "路试"
