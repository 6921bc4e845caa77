# The parts price list: part no., name, price, brand, class, stock and bin (loaded by demo-shop.ws).
parts add 04152-YZZA1 "机油滤清器" price=58 brand=丰田 class=oem stock=20 bin=A-01
parts add 06L115562 "机油滤清器" price=68 brand=大众 class=oem stock=12 bin=A-02
parts add 24445709 "机油滤清器" price=45 brand=AC德科 class=oem stock=15 bin=A-03
parts add W712/94 "机油滤清器" price=35 brand=曼牌 class=equivalent stock=30 bin=A-04
parts add OIL-0W20-4L "全合成机油 0W-20 4L" price=398 brand=美孚 class=equivalent stock=18 bin=B-01
parts add OIL-5W30-4L "全合成机油 5W-30 4L" price=368 brand=壳牌 class=equivalent stock=24 bin=B-02
parts add OIL-5W40-1L "全合成机油 5W-40 1L" price=98 brand=嘉实多 class=equivalent stock=40 bin=B-03
parts add 13271190 "空气滤清器" price=85 brand=AC德科 class=oem stock=8 bin=A-10
parts add 39040378 "空调滤清器" price=75 brand=AC德科 class=oem stock=9 bin=A-11
parts add C2842 "空调滤清器" price=48 brand=曼牌 class=equivalent stock=25 bin=A-12
parts add 5QD698151 "前刹车片（套）" price=420 brand=大众 class=oem stock=6 bin=C-01
parts add BP-1234 "前刹车片（套）" price=260 brand=博世 class=equivalent stock=10 bin=C-02
parts add BP-5678 "后刹车片（套）" price=230 brand=博世 class=equivalent stock=8 bin=C-03
parts add BD-0986 "前刹车盘" price=380 brand=博世 class=equivalent stock=4 bin=C-10
parts add BF-DOT4-1L "刹车油 DOT4 1L" price=88 brand=博世 class=equivalent stock=20 bin=B-10
parts add 1044331-00-D "前下摆臂总成（右）" price=1150 brand=特斯拉 class=oem stock=1 bin=D-01
parts add 48510-06K10 "前减震器（右）" price=960 brand=丰田 class=oem stock=2 bin=D-05
parts add SP-FR7DC "火花塞" price=45 brand=博世 class=equivalent stock=32 bin=A-20
parts add 38810-5A2-A01 "空调压缩机总成" price=3680 brand=本田 class=oem stock=0 bin=E-01
parts add R134A-500 "冷媒 R134a（500g）" price=120 brand=霍尼韦尔 class=equivalent stock=12 bin=E-05
parts add BAT-60AH "蓄电池 60Ah" price=680 brand=瓦尔塔 class=equivalent stock=5 bin=F-01
parts add ATF-WS-1L "自动变速箱油 WS 1L" price=110 brand=丰田 class=oem stock=16 bin=B-20
parts add TB-KIT-EA888 "正时皮带套件" price=1280 brand=盖茨 class=equivalent stock=2 bin=D-10
parts add TYR-225-45R17 "轮胎 225/45R17" price=780 brand=米其林 class=equivalent stock=8 bin=G-01
parts add WIPER-24 "雨刮片 24寸" price=68 brand=博世 class=equivalent stock=20 bin=A-30
parts add ALT-RB-REMAN "发电机（再制造）" price=980 brand=博世 class=repaired stock=1 bin=F-10
