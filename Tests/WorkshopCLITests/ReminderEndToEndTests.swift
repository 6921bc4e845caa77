import Foundation
import Testing

/// Reminders through the binary: a maintenance released makes the next one, due by the car's
/// daily distance; `remind list due` later names whom to call, why, and the message; a call that
/// brings a booking is linked to it and counted by the month report; refusals change nothing.
@Suite("Reminders, end to end")
struct ReminderEndToEndTests {
    func json(_ result: Workshop.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    /// 京A12345 read at 35,500 km on 2026-03-03 (RO1: brake pads, the brake fluid declined, brought
    /// in by 王小强), then a 一级维护 released at 40,000 km on 2026-06-01 (RO2): 4,500 km in 90 days,
    /// 50 km a day. The clock stands at 2026-09-01.
    func shop() throws -> Workshop {
        var shop = Workshop()
        shop.now = "2026-03-03 08:00"
        let made = try shop.script(FloorTests.fixtures + """
            set now 2026-03-03 09:00
            checkin 京A12345 odometer=35500 fuel=1/2 complaint="刹车异响" by=王小强 phone=13500001111
            estimate RO1 labor BRK-01
            estimate RO1 labor BRK-03
            promise RO1 2026-03-03 17:00
            approve RO1 signed=张伟 decline=2
            dispatch RO1 group=机修一组
            complete RO1
            pay RO1 amount=144 method=cash
            release RO1 signed=张伟 oldparts=returned print=no
            set now 2026-06-01 09:00
            checkin 京A12345 odometer=40000 fuel=1/2 complaint="保养" category=level1 by=王小强 phone=13500001111
            estimate RO2 labor "更换机油机滤" hours=0.5
            promise RO2 2026-06-01 17:00
            approve RO2 signed=张伟
            dispatch RO2 group=机修一组
            complete RO2
            pay RO2 amount=60 method=cash
            """)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("declined work R1: 更换刹车油, offered again on 2026-04-02"), "\(made.stdout)")
        shop.now = "2026-06-01 17:00"
        let released = try shop.command("release RO2 signed=张伟 oldparts=returned print=no")
        #expect(released.status == 0, "\(released.stderr)")
        #expect(released.stdout.contains("next maintenance R2: every 5,000 km or 6 months, whichever first; km first: 45,000 km expected on 2026-09-09 (about 50 km a day); by date: 2026-12-01"),
                "\(released.stdout)")
        shop.now = "2026-09-01 09:00"
        return shop
    }

    @Test func aMaintenanceReleasedIsDueByTheDailyDistanceAndListedWithItsMessage() throws {
        let shop = try shop()
        let due = try shop.command("remind list due")
        #expect(due.status == 0, "\(due.stderr)")
        #expect(due.stdout.contains("Reminders due by 2026-09-15, and overdue: 2"), "\(due.stdout)")
        #expect(due.stdout.contains("R2  京A12345  maintenance  due 2026-09-09 (in 8 days)"), "\(due.stdout)")
        // 王小强 brought the car both times, with his phone: he is called, the owner named beside him.
        #expect(due.stdout.contains("王小强 13500001111 (usually brings it) · owner 张伟 13800138000"), "\(due.stdout)")
        #expect(due.stdout.contains("Dear 王小强, your car 京A·12345 was last serviced on 2026-06-01 at 40,000 km. It is serviced every 5,000 km or 6 months. At about 50 km a day, it will reach 45,000 km around 2026-09-09. You are welcome to book a service. Questions: 0755-82345678."),
                "\(due.stdout)")
        // The brake fluid declined on RO1: offered with its order and line.
        #expect(due.stdout.contains("R1  京A12345  declined: 更换刹车油  due 2026-04-02 (overdue 152 days)"), "\(due.stdout)")
        #expect(due.stdout.contains("RO1 line 2 declined: 更换刹车油"), "\(due.stdout)")
        // A week ahead only: the maintenance is not yet in it.
        let week = try shop.command("remind list due within=7days")
        #expect(!week.stdout.contains("R2 "), "\(week.stdout)")
        #expect(week.stdout.contains("R1 "), "\(week.stdout)")

        let chinese = try shop.inShopLanguage.command("remind list due within=2周")
        #expect(chinese.stdout.contains("R2  京A12345  保养  到期 2026-09-09（8 天后）"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("【顺达汽修】王小强您好，您的爱车京A·12345上次保养是2026-06-01（40,000 公里），按每5,000公里或6个月保养一次，按平均每天约 50 公里估算，预计2026-09-09前后达到 45,000 公里，欢迎预约来店保养。"),
                "\(chinese.stdout)")
        #expect(try shop.command("board").stdout.contains("2 reminders due (remind list due)"))
        let listed = try json(try shop.command("remind list due", json: true))
        let rows = listed["reminders"] as? [[String: Any]] ?? []
        #expect(rows.map { $0["reminder"] as? String } == ["R1", "R2"])
        #expect(rows.last?["due_by_km"] as? String == "2026-09-09" && rows.last?["km_per_day"] as? Int == 50)
    }

    /// One reading only: the kilometres cannot be dated, the date alone counts, and the list says so.
    @Test func withOneReadingTheDateAloneCountsAndTheListSaysSo() throws {
        let shop = Workshop()
        let made = try shop.script(FloorTests.fixtures + """
            checkin 粤BD12345 odometer=12000 battery=80 complaint="二级维护" category=level2
            remind set 粤BD12345 kind=maintenance every=5000km
            remind set 粤BD12345 kind=maintenance every=5000km|6months
            """)
        #expect(made.stderr.contains("粤BD12345 has 1 odometer reading (two on different days are needed)"), "\(made.stderr)")
        #expect(made.stdout.contains("maintenance reminder R1: every 5,000 km or 6 months, whichever first; by date: 2027-05-22; 17,000 km cannot be dated (fewer than two odometer readings): the date alone counts"),
                "\(made.stdout)")
        #expect(made.stdout.contains("no maintenance on record: counted from the latest reading"), "\(made.stdout)")
    }

    /// A booking made from a reminder is linked to it; the car arriving for it, or checked in within
    /// the shop's days after a call, counts as brought back in the month report.
    @Test func aReminderAnsweredWithABookingCountsInTheMonthReport() throws {
        var shop = try shop()
        let booked = try shop.script("""
            remind R1 noanswer note="关机"
            appointment add 京A12345 at="2026-09-05 10:00" complaint="保养"
            remind R2 done result="周六上午来保养" booked=A1
            remind R1 done result="下次一起做"
            """)
        #expect(booked.status == 0, "\(booked.stderr)")
        #expect(booked.stdout.contains("R2 maintenance: called, booked A1"), "\(booked.stdout)")
        #expect(try shop.command("remind list due").stdout.contains("no reminders due by 2026-09-15"))
        let shown = try shop.command("remind R2")
        #expect(shown.stdout.contains("Booking  A1 pending"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Called   2026-09-01 09:00 王芳: 周六上午来保养"), "\(shown.stdout)")

        shop.now = "2026-09-05 10:00"
        #expect(try shop.command("checkin 京A12345 odometer=44000 fuel=1/2 appointment=A1").status == 0)
        let month = try shop.command("report month 2026-09")
        #expect(month.stdout.contains("Reminders (came back: the booking arrived, or checked in within 30 days of the call)"), "\(month.stdout)")
        let figuresText = month.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(figuresText.contains("Called 2"), "\(month.stdout)")
        #expect(figuresText.contains("booked / came back 1 / 2"), "\(month.stdout)")
        #expect(figuresText.contains("Came back 100.0%"), "\(month.stdout)")
        #expect(figuresText.contains("Unanswered calls 1"), "\(month.stdout)")
        let figures = try json(try shop.command("report month 2026-09", json: true))["reminders"] as? [String: Any]
        #expect(figures?["called"] as? Int == 2 && figures?["booked"] as? Int == 1 && figures?["came_back"] as? Int == 2)
        // The history of the vehicle has every step.
        let history = try shop.command("history 京A12345").stdout
        for step in ["reminder made", "reminder call unanswered", "reminder call made", "reminder booked"] {
            #expect(history.contains(step), "\(step): \(history)")
        }
    }

    /// The policy's and the 行驶证's dates checked in set the insurance and inspection reminders; a
    /// new date replaces the open one.
    @Test func documentsCheckedInSetTheInspectionAndInsuranceDates() throws {
        let shop = Workshop()
        let made = try shop.script(FloorTests.fixtures + """
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响"
            belongings RO1 document 行驶证 until=2026-11-30
            belongings RO1 document 保单 until=2027-03-15
            belongings RO1 document 行驶证 until=2026-12-01
            """)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("annual inspection reminder R1: 2026-11-30"), "\(made.stdout)")
        #expect(made.stdout.contains("insurance renewal reminder R2: 2027-03-15"), "\(made.stdout)")
        #expect(made.stdout.contains("annual inspection reminder R3: 2026-12-01"), "\(made.stdout)")
        let due = try shop.command("remind list due")
        #expect(due.stdout.contains("R3  京A12345  annual inspection  due 2026-12-01 (in 9 days)"), "\(due.stdout)")
        #expect(due.stdout.contains("inspection valid until 2026-12-01 (RO1 行驶证)"), "\(due.stdout)")
        #expect(!due.stdout.contains("R1 ") && !due.stdout.contains("R2 "), "\(due.stdout)")
        #expect(due.stdout.contains("the annual inspection of your car 京A·12345 is valid until 2026-12-01"), "\(due.stdout)")
    }

    /// Declined work done on a later order leaves the list; a reminder named by plate covers what is due.
    /// The reading taken at a check-in moves the maintenance's estimate at once: a car driven less
    /// than estimated is not told it is due (it had been, until its release).
    @Test func aCheckInsReadingMovesTheMaintenanceDue() throws {
        let shop = try shop()
        #expect(try shop.command("remind list due").stdout.contains("R2  京A12345  maintenance  due 2026-09-09"))
        let checkedIn = try shop.command("checkin 京A12345 odometer=41000 fuel=1/2 complaint=\"异响\"")
        #expect(checkedIn.status == 0, "\(checkedIn.stderr)")
        #expect(checkedIn.stdout.contains("maintenance R2 re-estimated"), "\(checkedIn.stdout)")
        let due = try shop.command("remind list due")
        #expect(!due.stdout.contains("R2 "), "41,000 km today: 45,000 is weeks away\n\(due.stdout)")
        let shown = try shop.command("remind R2")
        #expect(!shown.stdout.contains("2026-09-09"), "\(shown.stdout)")
    }

    @Test func declinedWorkDoneLaterIsClosedByItsOrder() throws {
        var shop = try shop()
        let done = try shop.script("""
            checkin 京A12345 odometer=44500 fuel=1/2 complaint="换刹车油"
            estimate RO3 labor BRK-03
            promise RO3 2026-09-01 17:00
            approve RO3 signed=张伟
            dispatch RO3 group=机修一组
            complete RO3
            pay RO3 amount=96 method=cash
            release RO3 signed=张伟 oldparts=returned print=no
            """)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("declined work R1 (更换刹车油) done on this order"), "\(done.stdout)")
        // Not a maintenance: the new reading (44,500 km today) moves the maintenance's estimate by two
        // days, which is no move (ReminderRules.smallestMoveDays): the day told stays.
        #expect(!done.stdout.contains("maintenance R2 re-estimated"), "\(done.stdout)")
        shop.now = "2026-09-02 09:00"
        let shown = try shop.command("remind R1")
        #expect(shown.stdout.contains("Closed  done · 2026-09-01 09:00 王芳 · RO3"), "\(shown.stdout)")
        let byPlate = try shop.command("remind 京A12345 done result=\"已约\"")
        #expect(byPlate.stdout.contains("R2 maintenance: called") && !byPlate.stdout.contains("R1"), "\(byPlate.stdout)")
    }

    @Test func refusalsChangeNothing() throws {
        let shop = try shop()
        let before = try shop.fingerprint()
        let refused: [(String, String)] = [
            ("remind set 京A99999 kind=maintenance every=5000km", "no vehicle"),
            ("remind set 京A12345 kind=maintenance every=5000", "every=5000: write kilometres and/or months"),
            ("remind set 京A12345 kind=maintenance every=6months|1年", "every=6months|1年"),
            ("remind set 京A12345 kind=declined due=2027-01-01", "declined work reminders come from lines declined on orders"),
            ("remind set 京A12345 kind=inspection", "give due=DATE"),
            ("remind set 京A12345 kind=insurance due=2027-03-15 every=6months", "every= is for maintenance reminders only"),
            ("remind set 京A12345 kind=maintenance every=6months last=2026-10-01", "the last service cannot be after today"),
            ("remind set 京A12345 kind=maintenance every=6months last=2026-06-01 odometer=50000", "above 京A12345's latest reading, 40000 km"),
            ("remind set 京A12345 kind=maintenance due=2026-13-01", "due"),
            ("remind clear 粤BD12345 kind=insurance reason=已续保", "粤BD12345 has no open insurance renewal reminder"),
            ("remind clear 粤BD12345 kind=insurance", "remind clear: reason=REASON is missing"),
            ("remind list due within=abc", "within=abc"),
            ("remind R99 done result=x", "no reminder R99"),
            ("remind 粤BD12345 done result=x", "粤BD12345 has no open reminders"),
            ("remind R2 booked=A7", "no appointment A7"),
            ("remind R2 dismiss", "reason"),
        ]
        for (line, says) in refused {
            let result = try shop.command(line)
            #expect(result.status != 0, "\(line)")
            #expect(result.stderr.contains(says), "\(line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before, "a refusal changes nothing")
        // A booking of another car, and a reminder answered twice.
        #expect(try shop.command("appointment add 粤BD12345 at=\"2026-09-05 10:00\" complaint=保养").status == 0)
        let afterBooking = try shop.fingerprint()
        let other = try shop.command("remind R2 done result=x booked=A1")
        #expect(other.stderr.contains("booking A1 is not for 京A12345"), "\(other.stderr)")
        #expect(try shop.fingerprint() == afterBooking, "the call is not recorded either: one command, one transaction")
        #expect(try shop.command("remind R2 done result=x").status == 0)
        let again = try shop.command("remind R2 done result=y")
        #expect(again.stderr.contains("reminder R2 was closed at 2026-09-01 09:00 (called)"), "\(again.stderr)")
        // A technician does not call customers.
        var technician = shop
        technician.user = "赵师傅"
        technician.now = nil
        #expect(try technician.command("remind R1 noanswer").stderr.contains("advisor"))
    }
}
