import Foundation
import SQLite
import Testing
@testable import WorkshopCLI

/// What a command costs at its commit is the pages it writes to the log (each synced to disk): a
/// write rewrites only the indexes whose entries it changes.
@Suite struct PagesWrittenTests {
    /// The b-trees (tables and indexes) whose pages the log holds past `offset`: the commits since.
    static func treesWritten(database path: String, logFrom offset: Int) throws -> [String: Int] {
        let log = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        let pageSize = Int(log[8]) << 24 | Int(log[9]) << 16 | Int(log[10]) << 8 | Int(log[11])
        var pages: [Int] = []
        var frame = max(offset, 32)
        while frame + 24 + pageSize <= log.count {
            pages.append(Int(log[frame]) << 24 | Int(log[frame + 1]) << 16 | Int(log[frame + 2]) << 8 | Int(log[frame + 3]))
            frame += 24 + pageSize
        }
        let db = try Database(path: path, readOnly: true)
        var trees: [String: Int] = [:]
        for page in pages {
            let name = try db.first("SELECT name FROM dbstat WHERE pageno = ?", [.integer(Int64(page))]) { $0.string("name") } ?? "?"
            trees[name, default: 0] += 1
        }
        return trees
    }

    static func logSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
    }

    /// The transcripts' shop from `fixtures`, worked in by 王芳 in the same process (so a test
    /// reads the log between two commands).
    static func shop(_ fixtures: [String] = ["shop-fixture", "floor-fixture"]) throws -> (app: App, path: String) {
        let path = Workshop.temporaryDirectory() + "/shop.db"
        let app = try QueryPlanGuardTests.app(at: path)
        for fixture in fixtures { try QueryPlanGuardTests.run(script: Workshop.transcripts + "/\(fixture).ws", on: app) }
        return (app, path)
    }

    /// The shop, with RO1 of 京A12345 checked in and estimated.
    static func shopWithAnEstimate() throws -> (app: App, path: String) {
        let (app, path) = try shop()
        #expect(app.execute("checkin 京A12345 odometer=45210 fuel=1/2 complaint=刹车异响").ok)
        #expect(app.execute("estimate RO1 labor BRK-01").ok)
        return (app, path)
    }

    /// A change that leaves an open order open (a promised time) rewrites none of the indexes of
    /// open work (the order's UPDATE names its status only when the status changes), and its
    /// journal entry goes into the index by order, not also into the one by vehicle (022).
    @Test func aWriteThatKeepsTheStatusLeavesTheOpenWorkIndexesAlone() throws {
        let (app, path) = try Self.shopWithAnEstimate()
        let before = Self.logSize(path)
        #expect(app.execute("promise RO1 2026-11-22 17:00").ok)
        let trees = try Self.treesWritten(database: path, logFrom: before)
        #expect(trees["orders"] != nil, "the promise's order page: \(trees)")
        for untouched in ["orders_open", "orders_one_open_per_vehicle", "journal_vehicle_own"] {
            #expect(trees[untouched] == nil, "\(untouched) rewritten by a promise: \(trees)")
        }
        #expect(app.execute("ro show RO1").output.contains("2026-11-22 17:00"))
    }

    /// Approving an estimate changes its lines' status: their rows, not their (order, number) index.
    @Test func changingALineLeavesItsNumberIndexAlone() throws {
        let (app, path) = try Self.shopWithAnEstimate()
        #expect(app.execute("promise RO1 2026-11-22 17:00").ok)
        let before = Self.logSize(path)
        #expect(app.execute("approve RO1 signed=张伟").ok)
        let trees = try Self.treesWritten(database: path, logFrom: before)
        #expect(trees["order_lines"] != nil, "the approved lines: \(trees)")
        #expect(trees["sqlite_autoindex_order_lines_1"] == nil, "the lines' number index rewritten: \(trees)")
        #expect(trees["orders_open"] != nil, "approving moves the order on: \(trees)")
    }

    /// A release changes the order's status, release and settlement number: the indexes on those
    /// are rewritten, not those on its vehicle, customer or check-in time (an UPDATE naming
    /// `rework_of`, a key into orders itself, had SQLite rewrite every index of the order).
    @Test func aReleaseRewritesOnlyTheIndexesItsChangesTouch() throws {
        let (app, path) = try Self.shopWithAnEstimate()
        for line in ["promise RO1 2026-11-22 17:00", "approve RO1 signed=张伟", "dispatch RO1 group=机修一组",
                     "complete RO1", "pay RO1 amount=144 method=card"] {
            #expect(app.execute(line).ok, "\(line)")
        }
        let before = Self.logSize(path)
        #expect(app.execute("release RO1 signed=张伟 print=no").ok)
        let trees = try Self.treesWritten(database: path, logFrom: before)
        for changed in ["orders", "orders_released", "orders_settlement_no", "orders_open", "journal"] {
            #expect(trees[changed] != nil, "the release's \(changed) pages: \(trees)")
        }
        for untouched in ["orders_vehicle", "orders_customer", "orders_checked_in", "orders_rework"] {
            #expect(trees[untouched] == nil, "\(untouched) rewritten by a release: \(trees)")
        }
    }

    /// A confirmation holds a bay and reserves parts: the booking's status and bay change, its time
    /// does not, so the bookings' time index is left as it was (an UPDATE naming `at` rewrote it).
    @Test func aConfirmationLeavesTheBookingsTimeIndexAlone() throws {
        let (app, path) = try Self.shop(["shop-fixture", "floor-fixture", "parts-fixture"])
        #expect(app.execute("appointment add 京A12345 at=\"2026-11-23 10:00\" complaint=刹车 job=J-BRAKE").ok)
        let before = Self.logSize(path)
        let confirmed = app.execute("appointment A1 confirm bay=1号工位")
        #expect(confirmed.ok, "\(confirmed.output)")
        let trees = try Self.treesWritten(database: path, logFrom: before)
        for changed in ["appointments", "appointments_bay_active", "stock_movements", "parts", "journal"] {
            #expect(trees[changed] != nil, "the confirmation's \(changed) pages: \(trees)")
        }
        for untouched in ["appointments_at", "appointments_vehicle"] {
            #expect(trees[untouched] == nil, "\(untouched) rewritten by a confirmation: \(trees)")
        }
    }
}
