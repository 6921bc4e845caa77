import Foundation
import SQLite
import Testing
import WorkshopModel
@testable import WorkshopStore

/// Who is in which bay, as the store keeps it (009-bay-stays): found through indexes whatever the
/// history, and a car dispatched before the stays were recorded still in its bay after the upgrade.
@Suite("Bay stays")
struct BayStayTests {
    /// The plan SQLite makes for a query, one step a line.
    static func plan(_ path: String, _ query: String) throws -> [String] {
        let parameters = query.filter { $0 == "?" }.count
        return try Database(path: path, readOnly: true).rows("EXPLAIN QUERY PLAN " + query, Array(repeating: .integer(1), count: parameters)) {
            $0.string("detail")
        }
    }

    /// The steps that read a whole table that grows with the shop's history.
    static func fullScans(_ steps: [String]) -> [String] {
        let growing = ["orders", "assignments", "bay_stays", "appointments", "order_lines", "belongings", "vehicles"]
        let aliases = ["o", "a", "s", "x", "l", "b", "v"]
        return steps.filter { step in
            guard step.hasPrefix("SCAN ") else { return false }
            let table = String(step.dropFirst(5).prefix { $0 != " " })
            guard growing.contains(table) || aliases.contains(table) else { return false }
            // A scan of a partial index reads only the rows it holds: the bays' current stays, the
            // open orders, the declined orders not released.
            return !["bay_stays_one_car_per_bay", "bay_stays_one_bay_per_car", "orders_open", "orders_declined_unreleased"]
                .contains { step.contains("INDEX \($0)") }
        }
    }

    @Test func theBaysAndTheDeclinedOrdersAreFoundThroughIndexes() throws {
        let (_, path) = try Support.freshStore()
        let queries = [
            Store.openStayQuery + " WHERE s.left_at IS NULL",
            Store.openStayQuery + " WHERE s.bay_id = ? AND s.left_at IS NULL",
            Store.openStayQuery + " WHERE s.order_id = ? AND s.left_at IS NULL",
            Store.earlierStayQuery, Store.earlierStayQuery + " AND a.bay_id = ? ORDER BY a.id DESC LIMIT 1",
            Store.earlierStayQuery + " AND o.id = ?", Store.holdsQuery, Store.nextHoldQuery, Store.declinedHeldQuery,
        ]
        for query in queries {
            let steps = try Self.plan(path, query)
            #expect(Self.fullScans(steps).isEmpty, "\(query)\n\(steps)")
        }
        // The board and the order list find the declined orders not released through their own index.
        #expect(try Self.plan(path, Store.declinedHeldQuery).first { $0.contains("orders_declined_unreleased") } != nil)
    }

    /// RO8 of the v6 shop was dispatched to 4号工位 and is still in work: after the upgrade it is in
    /// that bay, freeing the bay writes its stay, and the record verifies clean throughout.
    @Test func aCarDispatchedBeforeTheUpgradeIsInItsBayUntilItLeaves() throws {
        let path = try Support.copyOfFixture(6)
        let store = try Support.open(path)
        #expect(try store.read { try store.verify() }.problems.isEmpty)
        let stay = try #require(try store.stay(ofOrder: 8))
        #expect(stay.bay == "4号工位" && stay.id == nil)
        #expect(try store.currentStays().map(\.order) == ["RO8"])
        let bay = try #require(try store.bay(named: "4号工位"))
        #expect(try store.stay(inBay: bay.id)?.orderID == 8)
        let order = try #require(try store.order(id: 8))
        try store.write { try store.apply(try store.record(of: order).leaveBay(bay)) }
        #expect(try store.stay(ofOrder: 8) == nil)
        #expect(try store.currentStays().isEmpty)
        #expect(try Support.scalar(path, "SELECT count(*) FROM bay_stays WHERE order_id = 8 AND left_why = 'freed' AND since = \(stay.since.seconds)") == 1)
        let report = try store.read { try store.verify() }
        #expect(report.problems.isEmpty, "\(report.problems)")
    }
}
