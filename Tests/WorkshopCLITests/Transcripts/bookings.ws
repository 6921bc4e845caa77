# Booking by phone: jobs, estimate, stock check, a bay with the right equipment; a second booking
# refused for a part short, then for the bay already held; the pick list; arrival turns the booking
# into an order with its planned lines; the part leaves stock at signature; a no-show releases.
source shop-fixture.ws
source floor-fixture.ws
source parts-fixture.ws
set now 2026-11-22 09:00
job list
appointment add 京A12345 at="2026-11-23 10:00" complaint="刹车异响，想顺便做定位" job=J-BRAKE job=J-ALIGN
appointment A1 confirm bay=1号工位
appointment A1 confirm
appointment add 粤BD12345 at="2026-11-23 10:30" complaint="刹车" job=J-BRAKE
appointment A2 confirm
parts order BP-1234 qty=10 eta=2026-11-24
appointment A2 confirm
parts receive BP-1234 qty=10 ref=送货单0815
appointment A2 confirm bay=定位工位
appointment list 2026-11-23
parts show BP-1234
set now 2026-11-23 10:05
board
checkin 京A12345 odometer=45300 fuel=1/2 appointment=A1
parts show BP-1234
approve RO1 signed=张伟
promise RO1 2026-11-23 17:00
approve RO1 signed=张伟
parts show BP-1234
set now 2026-11-23 12:00
appointment A2 noshow
parts list
report day
