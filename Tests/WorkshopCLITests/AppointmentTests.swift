import Foundation
import Testing

/// Bookings and parts stock through the built binary.
@Suite("Appointments and parts stock")
struct AppointmentTests {
    static let fixtures = FloorTests.fixtures + "source \(Workshop.transcripts)/parts-fixture.ws\n"

    func shop() throws -> Workshop {
        let shop = Workshop()
        let result = try shop.script(Self.fixtures)
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    func json(_ result: Workshop.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test func aConfirmedBookingReservesItsPartsAndHoldsABay() throws {
        let shop = try shop()
        let added = try json(try shop.command("appointment add 京A12345 at=\"2026-11-23 10:00\" complaint=刹车 job=J-BRAKE job=J-ALIGN", json: true))
        #expect(added["appointment"] as? String == "A1")
        #expect((added["estimate"] as? [String: Any])?["fen"] as? Int == 52_400)
        #expect(added["free_bays"] as? [String] == ["定位工位"], "only the bay with alignment equipment")
        let confirmed = try json(try shop.command("appointment A1 confirm", json: true))
        #expect(confirmed["bay"] as? String == "定位工位")
        #expect(try shop.count("SELECT reserved FROM parts WHERE part_no = 'BP-1234'") == 1_000)
        #expect(try shop.count("SELECT count(*) FROM appointments WHERE id = 1 AND status = 'confirmed' AND bay_id IS NOT NULL") == 1)
    }

    @Test func aSecondBookingForTheSameBayAndTimeIsRefusedWithTheClashNamed() throws {
        let shop = try shop()
        _ = try shop.script("""
            parts receive BP-1234 qty=5
            appointment add 京A12345 at="2026-11-23 10:00" complaint=刹车 job=J-BRAKE
            appointment A1 confirm bay=1号工位
            appointment add 粤BD12345 at="2026-11-23 11:00" complaint=刹车 job=J-BRAKE
            """)
        let before = try shop.fingerprint()
        let clash = try shop.command("appointment A2 confirm bay=1号工位")
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("bay 1号工位 is booked 2026-11-23 10:00–11:30 by A1 (京A12345)"), "\(clash.stderr)")
        #expect(try shop.fingerprint() == before)
        // Right after it ends, the bay is free.
        _ = try shop.command("appointment add 粤BD12345 at=\"2026-11-23 11:30\" complaint=刹车 job=J-BRAKE")
        #expect(try shop.command("appointment A3 confirm bay=1号工位").status == 0)
    }

    @Test func aShortPartIsNamedWithWhatIsOnOrder() throws {
        let shop = try shop()
        _ = try shop.script("""
            appointment add 京A12345 at="2026-11-23 10:00" complaint=刹车 job=J-BRAKE
            appointment A1 confirm
            parts order BP-1234 qty=4 eta=2026-11-25
            """)
        let added = try shop.inShopLanguage.command("appointment add 粤BD12345 at=\"2026-11-24 10:00\" complaint=刹车 job=J-BRAKE")
        #expect(added.stdout.contains("BP-1234 前刹车片（套）：需 1，可用 0，在途 4（预计 2026-11-25）"), "\(added.stdout)")
        let refused = try shop.command("appointment A2 confirm")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("parts must be in stock first"))
        _ = try shop.command("parts receive BP-1234 qty=4")
        #expect(try shop.count("SELECT on_order FROM parts WHERE part_no = 'BP-1234'") == 0)
        #expect(try shop.command("appointment A2 confirm").status == 0)
    }

    @Test func arrivalOpensAnOrderWithThePlannedLines() throws {
        var shop = try shop()
        _ = try shop.script("""
            appointment add 京A12345 at="2026-11-23 10:00" complaint="刹车异响" job=J-BRAKE job=J-ALIGN
            appointment A1 confirm
            """)
        shop.now = "2026-11-23 09:50"
        let checkin = try shop.command("checkin 京A12345 odometer=45300 fuel=1/2 appointment=A1")
        #expect(checkin.status == 0, "\(checkin.stderr)")
        let order = try json(try shop.command("ro show RO1", json: true))
        #expect(order["complaint"] as? String == "刹车异响")
        let lines = order["lines"] as? [[String: Any]] ?? []
        #expect(lines.map { $0["description"] as? String } == ["更换前刹车片", "前刹车片（套）", "四轮定位"])
        #expect(try shop.count("SELECT count(*) FROM appointments WHERE id = 1 AND status = 'arrived' AND order_id = 1") == 1)
        #expect(try shop.count("SELECT reserved FROM parts WHERE part_no = 'BP-1234'") == 0, "the reservation becomes the order's")
        _ = try shop.command("promise RO1 2026-11-23 17:00")
        _ = try shop.command("approve RO1 signed=张伟")
        #expect(try shop.count("SELECT stock FROM parts WHERE part_no = 'BP-1234'") == 0, "issued at signature")
        #expect(try shop.command("checkin 粤BD12345 odometer=1 battery=90 appointment=A1").stderr.contains("another vehicle"))
    }

    @Test func partsIssueSaysWhatCameOffTheShelfNow() throws {
        let shop = try shop()
        _ = try shop.script("""
            checkin 京A12345 odometer=45210 fuel=1/2 complaint=刹车
            estimate RO1 part BP-1234 qty=2
            promise RO1 2026-11-22 18:00
            approve RO1 signed=张伟
            """)
        let short = try shop.command("parts issue RO1")
        #expect(short.stdout.contains("RO1: nothing issued"), "\(short.stdout)")
        #expect(short.stdout.contains("short: BP-1234"))
        _ = try shop.command("parts receive BP-1234 qty=5")
        let issued = try shop.command("parts issue RO1")
        #expect(issued.stdout.contains("RO1 issued: BP-1234"), "\(issued.stdout)")
        #expect(issued.stdout.contains("×2"))
        let again = try shop.command("parts issue RO1")
        #expect(again.stdout.contains("RO1 has no parts waiting"), "\(again.stdout)")
        #expect(try shop.count("SELECT stock FROM parts WHERE part_no = 'BP-1234'") == 4_000, "1 + 5 received - 2 issued once")
    }

    @Test func onHandAlwaysEqualsTheSumOfMovements() throws {
        var shop = try shop()
        _ = try shop.script("""
            parts receive BP-1234 qty=10 ref=送货单1
            parts receive BF-DOT4-1L qty=5
            checkin 京A12345 odometer=45210 fuel=1/2 complaint=刹车
            estimate RO1 part BP-1234 qty=2
            estimate RO1 part BF-DOT4-1L qty=1
            promise RO1 2026-11-22 18:00
            approve RO1 signed=张伟
            reopen RO1 reason="客户不换刹车油"
            estimate RO1 remove 2
            approve RO1 signed=张伟
            parts adjust BP-1234 qty=-1 reason="破损"
            parts adjust BF-DOT4-1L count=30 reason="盘点"
            appointment add 粤BD12345 at="2026-11-23 10:00" complaint=刹车 job=J-BRAKE
            appointment A1 confirm
            """)
        shop.now = "2026-11-23 12:00"
        _ = try shop.command("appointment A1 noshow")
        #expect(try shop.count("SELECT stock FROM parts WHERE part_no = 'BP-1234'") == 8_000, "1 + 10 - 2 issued - 1 broken")
        #expect(try shop.count("SELECT stock FROM parts WHERE part_no = 'BF-DOT4-1L'") == 30_000, "the removed line's fluid came back, then the count")
        #expect(try shop.count("SELECT reserved FROM parts WHERE part_no = 'BP-1234'") == 0, "the no-show released its reservation")
        #expect(try shop.count("""
            SELECT count(*) FROM parts p WHERE p.stock <> (SELECT coalesce(sum(on_hand_delta), 0) FROM stock_movements m WHERE m.part_no = p.part_no)
               OR p.reserved <> (SELECT coalesce(sum(reserved_delta), 0) FROM stock_movements m WHERE m.part_no = p.part_no)
            """) == 0)
        let kinds = try shop.count("SELECT count(DISTINCT kind) FROM stock_movements")
        #expect(kinds == 6, "receive, issue, return, adjust, reserve, unreserve all recorded")
    }

    @Test func badInputIsRefusedWithNothingChanged() throws {
        let shop = try shop()
        let refusals: [(String, String)] = [
            ("parts receive BP-1234 qty=-3", "qty=-3 is not a quantity"),
            ("parts receive NOPE qty=1", "no part NOPE"),
            ("parts adjust BP-1234 qty=2", "reason=TEXT is missing"),
            ("parts adjust BP-1234 qty=-5 reason=丢失", "only 1 件 on hand"),
            ("parts add BP-1234 \"x\" price=1 stock=9", "change stock with parts receive or parts adjust"),
            ("appointment add 京A12345 at=\"2026-11-23 10:00\" complaint=x job=J-ALIGN bay=1号工位", "bay 1号工位 lacks wheel alignment"),
            ("appointment add 京A12345 at=\"2026-11-23 08:00\" complaint=x job=J-ALIGN bay=定位工位", "is open 08:30-17:30"),
            ("appointment add 京A12345 at=\"2026-11-23 10:00\" complaint=x job=J-NONE", "no job J-NONE"),
            ("appointment add 京A12345 at=\"2026-11-20 10:00\" complaint=x", "not in the future"),
            ("job add J-X \"x\" parts=NOPE:1", "no part NOPE"),
            ("appointment A9 confirm", "no appointment A9"),
        ]
        let before = try shop.fingerprint()
        for (command, says) in refusals {
            let result = try shop.command(command)
            #expect(result.status == 1, "\(command) should fail")
            #expect(result.stderr.contains(says), "\(command): \(result.stderr)")
            #expect(try shop.fingerprint() == before, "\(command) changed the database")
        }
    }

    @Test func theBoardAndTheDayReportShowTodaysBookings() throws {
        var shop = try shop()
        _ = try shop.script("""
            appointment add 京A12345 at="2026-11-22 14:00" complaint=刹车 job=J-BRAKE
            appointment A1 confirm
            appointment add 粤BD12345 at="2026-11-22 15:00" complaint=保养 job=J-FLUID
            appointment A2 confirm
            """)
        shop.now = "2026-11-22 14:10"
        _ = try shop.command("checkin 京A12345 odometer=45300 fuel=1/2 appointment=A1")
        let board = try shop.inShopLanguage.command("board")
        #expect(board.stdout.contains("今日预约 2：已到 1，待到 A2 15:00 粤BD12345"), "\(board.stdout)")
        let day = try json(try shop.command("report day", json: true))
        #expect(day["bookings"] as? Int == 2)
        #expect(day["arrivals"] as? Int == 1)
    }

    @Test func thePickListAndTheBookingConfirmationPrint() throws {
        let shop = try shop()
        _ = try shop.script("""
            appointment add 京A12345 at="2026-11-23 10:00" complaint=刹车 job=J-BRAKE
            appointment A1 confirm
            """)
        let directory = Workshop.temporaryDirectory()
        #expect(try shop.command("print picklist 2026-11-23 out=\(directory)").status == 0)
        let pick = try PrintTests.pdfText(directory + "/picklist-2026-11-23.pdf")
        #expect(pick.contains("领料单") && pick.contains("BP-1234") && pick.contains("C-02"))
        #expect(try shop.command("print A1 booking out=\(directory)").status == 0)
        let booking = try PrintTests.pdfText(directory + "/A1-booking.pdf")
        #expect(booking.contains("预约确认单") && booking.contains("¥404.00") && booking.contains("2026-11-23 10:00"))
    }
}
