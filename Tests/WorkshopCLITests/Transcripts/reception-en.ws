# The same front desk with English screens (shop set language=en), a declined estimate with a fee,
# and the declined work offered again at the next visit.
source shop-fixture.ws
shop set language=en
checkin 粤BD12345 odometer=38920 battery=90 complaint="clunk over speed bumps" by="Li Na" phone=13912345678 key=K01
belongings RO1 add "charging cable" "floor mats x4" umbrella
belongings RO1 return all
diagnose RO1 "front right lower control arm ball joint worn"
estimate RO1 labor "replace front lower control arm (right)" hours=1.5
estimate RO1 part "front lower control arm (right)" qty=1 price=1150 partno=1044331-00-D brand=Tesla class=oem
estimate RO1 part "brake pads" qty=1 price=260 class=equivalent warranty=no
estimate RO1 change 3 qty=2
estimate RO1 remove 3
estimate RO1 method=symptom
ro show RO1
diagnose RO1 "front right lower control arm ball joint worn" fee=80
decline RO1 reason="will think about it"
ro show RO1
checkin 粤BD12345 odometer=39010 battery=75 complaint="still clunking"
vehicle show 粤BD12345
shop set language=zh
