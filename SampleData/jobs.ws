# Canned jobs: labour operations and parts, with the equipment they need (loaded by demo-shop.ws).
job add J-MNT-VW "大众一级保养（机油+机滤）" labor=MNT-01 parts=06L115562:1,OIL-5W40-1L:5 equipment=lift
job add J-MNT-TY "丰田一级保养（机油+机滤）" labor=MNT-01 parts=04152-YZZA1:1,OIL-0W20-4L:1 equipment=lift
job add J-MNT-2 "二级维护套餐（通用车型）" labor=MNT-02 parts=W712/94:1,OIL-5W30-4L:1,C2842:1,SP-FR7DC:4 equipment=lift
job add J-BRAKE-F "前刹车片更换（同质件）" labor=BRK-01 parts=BP-1234:1 equipment=lift
job add J-BRAKE-FLUID "更换刹车油" labor=BRK-03 parts=BF-DOT4-1L:1 equipment=lift
job add J-ALIGN "四轮定位" labor=ALN-01 equipment=alignment
job add J-AC "空调检修加注冷媒" labor=AC-01 parts=R134A-500:1
job add J-BATTERY "更换蓄电池" labor=ELE-01 parts=BAT-60AH:1
job add J-EV-CHECK "新能源高压安全检测" labor=EV-01 equipment=ev-safe
job add J-WASH "精致洗车" labor=WASH-01
