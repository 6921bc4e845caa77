import Foundation
import SQLite
import Testing
import WorkshopModel
import WorkshopStore
@testable import WorkshopCLI

/// The report's running totals (020-report-tallies): every day and month reads the same from the
/// tallies as from the orders, lines and payments themselves, whatever the commands did; `verify`
/// names tallies edited behind Workshop's back.
@Suite struct ReportTallyTests {
    /// A shop worked by a script in-process, as the query plan guard runs it.
    static func shop(_ scripts: [String], then lines: [String] = [], user: String = "王芳",
                     clock: [String] = ["--now", "2026-11-22 09:00"]) throws -> String {
        let path = Workshop.temporaryDirectory() + "/shop.db"
        let options = try LaunchOptions(arguments: ["--db", path, "--user", user] + clock)
        let app = try App(options: options, environment: ["WORKSHOP_PIN": "1234", "WORKSHOP_SIGNER_PIN": "1234"])
        try app.signIn(user, readSecret: nil)
        for script in scripts { try QueryPlanGuardTests.run(script: script, on: app) }
        for line in lines {
            let result = app.execute(line)
            #expect(result.ok, "\(line): \(result.output)")
        }
        return path
    }

    /// Every day the shop's record touches, and every month: the tallied report against the recomputed.
    static func expectTalliesAgree(_ path: String, _ comment: Comment) throws {
        let store = try Store(path: path, context: ChangeContext(actor: "test", command: "", now: Timestamp(seconds: 0)))
        let zone = store.settings.timeZone
        let db = try Database(path: path, readOnly: true)
        let first = try #require(try db.scalar("SELECT min(checked_in_at) FROM orders"))
        let last = try #require(try db.scalar("""
            SELECT max(coalesce((SELECT max(released_at) FROM orders), 0), (SELECT max(checked_in_at) FROM orders),
                       coalesce((SELECT max(at) FROM payments), 0))
            """))
        var day = zone.startOfDay(Timestamp(seconds: first))
        var checked = 0
        while day.seconds <= last {
            let next = zone.startOfDay(day + 36 * 3_600)
            #expect(try store.report(from: day, to: next) == store.reportRecomputed(from: day, to: next), "\(comment): \(zone.formatDate(day))")
            let civil = zone.civil(day)
            if civil.day == 1 || checked == 0 {
                let month = zone.instant(CivilTime(year: civil.year, month: civil.month, day: 1))
                let after = zone.instant(CivilTime(year: civil.month == 12 ? civil.year + 1 : civil.year,
                                                   month: civil.month == 12 ? 1 : civil.month + 1, day: 1))
                #expect(try store.report(from: month, to: after) == store.reportRecomputed(from: month, to: after),
                        "\(comment): month \(civil.year)-\(civil.month)")
            }
            day = next
            checked += 1
        }
        #expect(checked > 0)
        let problems = try store.read { try store.verify() }.problems
        #expect(problems.isEmpty, "\(comment): \(problems)")
    }

    @Test(arguments: ["floor-day", "cash-desk", "bookings", "reception-zh", "bad-input"])
    func theTranscriptsDaysReadTheSameFromTheTallies(script: String) throws {
        let path = try Self.shop([Workshop.transcripts + "/\(script).ws"])
        let store = try Store(path: path, context: ChangeContext(actor: "test", command: "", now: Timestamp(seconds: 0)))
        #expect(try store.report(from: Timestamp(seconds: 0), to: Timestamp(seconds: 4_000_000_000)).ordersOpened > 0)
        try Self.expectTalliesAgree(path, "\(script)")
    }

    @Test func theDemoShopReadsTheSameFromTheTallies() throws {
        // Loaded as `make demo` loads it: by 系统, on the real clock (the demo dates itself from today).
        let path = try Self.shop([Workshop.packageRoot + "/SampleData/demo-shop.ws"], user: "系统", clock: [])
        let store = try Store(path: path, context: ChangeContext(actor: "test", command: "", now: Timestamp(seconds: 0)))
        let all = try store.report(from: Timestamp(seconds: 0), to: Timestamp(seconds: 4_000_000_000))
        #expect(all.ordersReleased >= 2 && all.paidFromCards.fen > 0, "the demo has releases and card payments: \(all)")
        try Self.expectTalliesAgree(path, "demo shop")
    }

    /// A payment refunded, the order reopened and voided: it counts nowhere, its payments neither.
    @Test func aVoidedOrderLeavesTheTalliesWithItsPayments() throws {
        let fixtures = ["shop-fixture", "floor-fixture"].map { Workshop.transcripts + "/\($0).ws" }
        let path = try Self.shop(fixtures, then: [
            "checkin 京A12345 odometer=45210 fuel=1/2 complaint=\"刹车异响\"",
            "estimate RO1 labor BRK-01",
            "promise RO1 2026-11-22 17:00",
            "approve RO1 signed=张伟",
            "pay RO1 amount=144 method=wechat",
            "discount RO1 percent=100 authorized=钱主管",
            "refund RO1 amount=144 method=wechat reason=\"开错单\"",
            "reopen RO1 reason=开错单",
            "void RO1 reason=开错单",
        ])
        let store = try Store(path: path, context: ChangeContext(actor: "test", command: "", now: Timestamp(seconds: 0)))
        let day = try store.report(from: Timestamp(seconds: 0), to: Timestamp(seconds: 4_000_000_000))
        #expect(day.ordersOpened == 0 && day.estimated == .zero && day.byMethod.isEmpty && day.payments == .zero, "\(day)")
        try Self.expectTalliesAgree(path, "voided")
    }

    /// An insider who edits a tally to show more revenue is named by verify, with the quarter hour.
    @Test func aTallyEditedOutsideWorkshopIsNamed() throws {
        let path = try Self.shop([Workshop.transcripts + "/cash-desk.ws"])
        let db = try Database(path: path)
        try db.execute("UPDATE report_tallies SET revenue = revenue + 100000 WHERE at = (SELECT max(at) FROM report_tallies WHERE revenue > 0)")
        let store = try Store(path: path, context: ChangeContext(actor: "test", command: "", now: Timestamp(seconds: 0)))
        let problems = try store.read { try store.verify() }.problems
        #expect(problems.contains { if case .reportTallyDisagrees(_, let figures) = $0 { return figures == ["revenue"] } else { return false } },
                "\(problems)")
        #expect(problems.contains { if case .changedOutside(let table, _, "update", _) = $0 { return table == "report_tallies" } else { return false } })
    }
}
