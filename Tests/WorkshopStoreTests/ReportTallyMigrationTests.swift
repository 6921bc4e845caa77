import Testing
import WorkshopModel
@testable import WorkshopStore

/// 020-report-tallies on the shops of earlier versions: the tallies it fills from the orders, lines
/// and payments already there (the released orders by its Swift step) read as the record does.
@Suite struct ReportTallyMigrationTests {
    /// Both bounds on a quarter hour, so that the tallies answer; the whole history between them.
    static let always = (from: Timestamp(seconds: 0), to: Timestamp(seconds: 900 * 4_444_444))

    @Test(arguments: 1...6) func anOlderShopsTalliesAreFilledAsTheRecordReads(version: Int) throws {
        let store = try Support.open(try Support.copyOfFixture(version))
        let tallied = try #require(try store.talliedReport(from: Self.always.from, to: Self.always.to))
        let recomputed = try store.reportRecomputed(from: Self.always.from, to: Self.always.to)
        #expect(tallied.ordersOpened > 0)
        #expect(try store.report(from: Self.always.from, to: Self.always.to) == recomputed)
        #expect(tallied.ordersReleased == recomputed.ordersReleased && tallied.revenue == recomputed.revenue
                && tallied.estimated == recomputed.estimated && (version < 3 || tallied.payments.fen > 0))  // the cash desk came in v3
        let problems = try store.read { try store.verify() }.problems
        #expect(!problems.contains { if case .reportTallyDisagrees = $0 { return true } else { return false } }, "\(problems)")
    }

    @Test func theShopsWithReleasesHaveThemTallied() throws {
        let store = try Support.open(try Support.copyOfFixture(6))
        let tallied = try #require(try store.talliedReport(from: Self.always.from, to: Self.always.to))
        #expect(tallied.ordersReleased > 0 && tallied.revenue.fen > 0)
    }

    /// A bound off the quarter hours is answered from the record itself.
    @Test func aPeriodOffTheQuarterHoursIsReadFromTheRecord() throws {
        let store = try Support.open(try Support.copyOfFixture(6))
        #expect(try store.talliedReport(from: Timestamp(seconds: 1), to: Self.always.to) == nil)
        #expect(try store.report(from: Timestamp(seconds: 1), to: Self.always.to).ordersOpened > 0)
    }
}
