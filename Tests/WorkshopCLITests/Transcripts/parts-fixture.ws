# Stock, an alignment bay and canned jobs, on top of shop-fixture.ws and floor-fixture.ws.
bay add 定位工位 equipment=lift,alignment hours=08:30-17:30
bay add 1号工位 equipment=lift
labor add ALN-01 "四轮定位" hours=1.0
parts add BP-1234 "前刹车片（套）" price=260 brand=博世 class=equivalent stock=1 bin=C-02 reorder=2
job add J-BRAKE "前刹车片更换" labor=BRK-01 parts=BP-1234:1 equipment=lift
job add J-ALIGN "四轮定位" labor=ALN-01 equipment=alignment
job add J-FLUID "更换刹车油" labor=BRK-03 parts=BF-DOT4-1L:1 equipment=lift
