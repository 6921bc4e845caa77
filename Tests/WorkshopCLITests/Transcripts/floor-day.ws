# A day on the workshop floor, the clock moving: a level-2 maintenance (three inspections, in
# order), added work the customer approves and added work the customer declines, a failed final
# inspection sent back for rework, and the board's flags appearing at their minutes.
source shop-fixture.ws
source floor-fixture.ws
set now 2026-11-22 08:00
checkin 京A12345 odometer=45210 fuel=1/2 complaint="二级维护，刹车异响" category=level2 key=K07
estimate RO1 labor BRK-01
estimate RO1 part 5QD698151 qty=1
promise RO1 2026-11-22 18:00
board
# Nothing happens on an unsigned order.
dispatch RO1 group=机修一组
inspect RO1 pre pass by=孙检 rest=pass
approve RO1 signed=张伟
set now 2026-11-22 08:20
handover RO1 receiver=钱主管 at=08:17
dispatch RO1 group=机修一组 tech=赵师傅 bay=1号工位
# In order: the in-process inspection cannot come before the pre-repair one; a technician cannot sign.
inspect RO1 process pass by=孙检 rest=pass
inspect RO1 pre pass by=赵师傅
inspect RO1 pre pass by=孙检 exterior=ok chassis=ok
board
# 70% of the planned time (08:20 to 18:00) is 15:06: before it, no progress check; from it, one is due.
set now 2026-11-22 15:05
board
set now 2026-11-22 15:06
board
progress RO1 70 note="等刹车盘"
board
# Added work: one approved (new promised time), one declined.
supplement RO1 add part BF-DOT4-1L qty=1 reason="刹车油含水3.5%，影响制动安全"
supplement RO1 add labor "清洗节气门" hours=0.6 reason="怠速略高"
board
notify RO1
complete RO1
supplement RO1 3 approve via=phone customer=张伟 told=赵师傅 promise="2026-11-22 18:30"
supplement RO1 4 decline via=phone customer=张伟 told=陈师傅
supplement RO1 4 approve via=phone customer=张伟 told=陈师傅
ro show RO1
# Tell the customer one hour before the promised time (a job under two days): from 17:30.
set now 2026-11-22 17:29
board
inspect RO1 process pass by=孙检 torque=ok
complete RO1
set now 2026-11-22 17:30
board
inspect RO1 final fail by=孙检 brakes=fail note="左前制动拖滞"
board
complete RO1
inspect RO1 final pass by=孙检 rest=pass
notify RO1
board
set now 2026-11-22 18:31
board
