# 工时定额: the shop's standard labour operations and their hours (loaded by demo-shop.ws).
labor add MNT-01 "一级维护（更换机油、机滤，常规检查）" hours=0.8
labor add MNT-02 "二级维护（一级维护+空滤、空调滤、火花塞、底盘检查）" hours=3.0 category=level2
labor add MNT-03 "更换空气滤清器" hours=0.2
labor add MNT-04 "更换空调滤清器" hours=0.3
labor add MNT-05 "更换火花塞（4缸）" hours=0.8
labor add BRK-01 "更换前刹车片" hours=1.2
labor add BRK-02 "更换后刹车片" hours=1.4
labor add BRK-03 "更换刹车油" hours=0.8
labor add BRK-04 "更换前刹车盘（一对）" hours=1.8
labor add SUS-01 "更换前下摆臂（单侧）" hours=1.5
labor add SUS-02 "更换前减震器（单侧）" hours=1.6
labor add ALN-01 "四轮定位" hours=1.0
labor add TYR-01 "拆装轮胎及动平衡（每条）" hours=0.3
labor add AC-01 "空调系统抽真空、加注冷媒" hours=1.0
labor add AC-02 "更换空调压缩机" hours=3.5
labor add ENG-01 "发动机故障诊断（电脑检测）" hours=0.5
labor add ENG-02 "更换正时皮带及张紧轮" hours=4.0
labor add ENG-03 "清洗节气门" hours=0.6
labor add ELE-01 "更换蓄电池" hours=0.3
labor add ELE-02 "更换发电机" hours=2.0
labor add TRN-01 "更换自动变速箱油" hours=1.5
labor add CLT-01 "更换离合器三件套" hours=6.0
labor add BDY-01 "钣金修复（每面）" hours=4.0
labor add PNT-01 "喷漆（每面）" hours=3.0
labor add EV-01 "高压电池包绝缘检测" hours=1.0
labor add WASH-01 "精致洗车（内外清洁）" hours=0.3
