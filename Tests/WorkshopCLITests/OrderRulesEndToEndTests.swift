import Foundation
import Testing

/// The order's rules the tester found broken, through the built binary: the category follows the
/// work; the signed diagnosis is never rewritten; a signed checklist's belonging is marked missing,
/// never deleted.
@Suite("Order rules, end to end")
struct OrderRulesEndToEndTests {
    /// The fixtures, MNT-02 declared level-2 work, the booking job J-MNT-2 made of it, and an advisor
    /// (刘敏) who is not a manager.
    func shop() throws -> (manager: Workshop, advisor: Workshop) {
        let shop = Workshop()
        let result = try shop.script(FloorTests.fixtures + """
            labor add MNT-02 "二级维护" hours=3.0 category=level2
            job add J-MNT-2 "二级维护套餐" labor=MNT-02
            staff add 刘敏 role=advisor pin=1234
            """)
        #expect(result.status == 0, "\(result.stderr)")
        var advisor = shop
        advisor.user = "刘敏"
        return (shop, advisor)
    }

    @Test func aLevel2MaintenanceIsNeverTurnedIntoAMinorRepair() throws {
        let (manager, advisor) = try shop()
        let steps = try advisor.script("""
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="二级维护" category=level2
            estimate RO1 labor MNT-02
            promise RO1 2026-11-22 18:00
            approve RO1 signed=张伟
            reopen RO1 reason="改价"
            """)
        #expect(steps.status == 0, "\(steps.stderr)")
        let before = try advisor.fingerprint()
        let lowered = try advisor.command("ro set RO1 category=minor")
        #expect(lowered.status != 0)
        #expect(lowered.stderr.contains("RO1 line 1 \"二级维护\" is level-2 maintenance work: the category cannot be lower than level-2 maintenance"),
                "\(lowered.stderr)")
        // Not by a manager either: the work is what it is.
        #expect(try manager.command("ro set RO1 category=minor").status != 0)
        #expect(try advisor.fingerprint() == before)
        // Without that line, lowering it takes a manager.
        #expect(try advisor.command("estimate RO1 remove 1").status == 0)
        let unauthorised = try advisor.command("ro set RO1 category=minor")
        #expect(unauthorised.stderr.contains("a manager must authorise it"), "\(unauthorised.stderr)")
        let authorised = try advisor.command("ro set RO1 category=minor authorized=钱主管")
        #expect(authorised.status == 0, "\(authorised.stderr)")
        #expect(authorised.stdout.contains("RO1 updated: category level-2 maintenance → minor repair"), "\(authorised.stdout)")
        // The work raises it again.
        let raised = try advisor.command("estimate RO1 labor MNT-02")
        #expect(raised.stdout.contains("the order's category is now level-2 maintenance"), "\(raised.stdout)")
        #expect(try advisor.count("SELECT count(*) FROM orders WHERE id = 1 AND category = 'level2'") == 1)
    }

    @Test func aBookingsJobSetsTheCheckInsCategory() throws {
        let (_, advisor) = try shop()
        let booked = try advisor.script("""
            appointment add 京A12345 at="2026-11-22 10:00" complaint="二保" job=J-MNT-2
            """)
        #expect(booked.status == 0, "\(booked.stderr)")
        let before = try advisor.fingerprint()
        let minor = try advisor.command("checkin 京A12345 odometer=45210 fuel=1/2 appointment=A1 category=minor")
        #expect(minor.status != 0)
        #expect(minor.stderr.contains("booking A1 plans MNT-02, level-2 maintenance work"), "\(minor.stderr)")
        #expect(try advisor.fingerprint() == before)
        let checked = try advisor.command("checkin 京A12345 odometer=45210 fuel=1/2 appointment=A1")
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(try advisor.count("SELECT count(*) FROM orders WHERE id = 1 AND category = 'level2'") == 1)
    }
}
