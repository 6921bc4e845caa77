# A small shop the transcripts start from.
shop set name="顺达汽修" address="深圳市南山区科技园南路18号" phone=0755-82345678 credit_code=91440300MA5D8K2Q3N
labor add BRK-01 "更换前刹车片" hours=1.2
labor add BRK-03 "更换刹车油" hours=0.8
parts add 5QD698151 "前刹车片（套）" price=420 brand=大众 class=oem stock=6 bin=C-01
parts add BF-DOT4-1L "刹车油 DOT4 1L" price=88 brand=博世 class=equivalent stock=20 bin=B-10
customer add 张伟 phone=13800138000 company=顺达物流
customer add 李娜 phone=13912345678
vehicle add 京A·12345 vin=LFV2A21K8C3070455 owner=13800138000 make=大众 model=迈腾 year=2019 color=白
vehicle add 粤B·D12345 vin=LRW3E7FAXLC123456 owner=C2 make=特斯拉 model="Model 3" year=2021
