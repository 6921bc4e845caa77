import Foundation
import SQLite
import Testing
import WorkshopCLI

/// The guard of "speed at the floor": every statement the everyday commands really issue (caught as
/// SQLite runs them, on a day of the transcripts' shop) is planned with EXPLAIN QUERY PLAN, and none
/// may read the whole of a table that grows with the shop's history. A command that scans one is
/// fast on the test's small shop and slow on a ten-year one; this finds it on the small one.
@Suite("Query plans of the everyday commands")
struct QueryPlanGuardTests {
    /// Tables that grow with every order, booking and change: a full scan of one grows with history.
    static let growing: Set<String> = [
        "orders", "order_lines", "journal", "stock_movements", "assignments", "payments", "inspections",
        "appointments", "complaints", "bay_stays", "progress_reports", "notifications", "reservations",
        "belongings", "handovers", "row_seals", "vehicles", "customers", "tamper_log", "health_record_outbox",
        "health_record_attempts", "order_findings", "member_cards", "card_movements", "card_items",
        "reminders", "reminder_calls",
    ]

    /// The steps of `plan` that read the whole of a growing table of `sql`. A step names a table by
    /// its alias when the statement gives one. Reading a partial index is not a scan of the table:
    /// it holds only the rows of its condition (the open orders, the bays' current stays, …).
    static func fullScans(sql: String, plan: [String], partialIndexes: Set<String>) -> [String] {
        var tableOf: [String: String] = [:]
        let words = sql.replacingOccurrences(of: "\n", with: " ").split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" })
            .map(String.init)
        let keywords: Set<String> = ["WHERE", "JOIN", "LEFT", "INNER", "ON", "ORDER", "GROUP", "INDEXED", "NOT", "USING", "UNION",
                                     "LIMIT", "SET", "VALUES", "AS", "CROSS", "WINDOW", "HAVING", "EXCEPT", "INTERSECT"]
        for (index, word) in words.enumerated() where ["FROM", "JOIN", "UPDATE", "INTO"].contains(word.uppercased()) {
            guard index + 1 < words.count else { continue }
            let table = words[index + 1]
            tableOf[table] = table
            var next = index + 2
            if next < words.count, words[next].uppercased() == "AS" { next += 1 }
            if next < words.count, !keywords.contains(words[next].uppercased()) { tableOf[words[next]] = table }
        }
        if allowed.contains(where: { sql.contains($0.statement) }) { return [] }
        return plan.filter { step in
            let text = step.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("SCAN ") else { return false }
            let name = String(text.dropFirst(5).prefix { $0 != " " })
            guard let table = tableOf[name] ?? (growing.contains(name) ? name : nil), growing.contains(table) else { return false }
            return !partialIndexes.contains { text.contains("INDEX \($0)") }
        }
    }

    /// Statements whose scan is bounded by something else than the table's size, each with why.
    static let allowed: [(statement: String, why: String)] = [
        ("FROM journal ORDER BY id DESC LIMIT 1", "the chain's tail: the last row of the table, read backwards, one row"),
        ("FROM journal WHERE coalesce(recorded_at, at) < ? ORDER BY id DESC LIMIT 1",
         "the chain's head at a moment (day report): read backwards from the tail, it stops at the first entry before it"),
        ("WHERE name LIKE ?1 ESCAPE '\\' OR phone LIKE ?1 ESCAPE '\\' OR company LIKE ?1 ESCAPE '\\'",
         "customer search by any part of a name, phone or company: no index serves a substring"),
        ("FROM complaints ORDER BY id", "complaint list all: the whole list, asked for"),
        ("SELECT plate FROM vehicles", "a plate not on file: the plates one keystroke away, offered with the refusal"),
        ("WHERE vin IS NOT NULL AND length(vin) = 17", "a VIN not on file: the VINs one keystroke away, offered with the refusal"),
    ]

    /// The indexes that hold only the rows of a condition.
    static func partialIndexes(_ db: Database) throws -> Set<String> {
        Set(try db.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'") { $0.string("name") })
    }

    /// A new shop at `path` in this process, 王芳 signed in as its manager on the tests' clock
    /// (a test watches the statements, or reads the log, between two commands).
    static func app(at path: String) throws -> App {
        let options = try LaunchOptions(arguments: ["--db", path, "--user", "王芳", "--now", "2026-11-22 09:00"])
        let app = try App(options: options, environment: ["WORKSHOP_PIN": "1234", "WORKSHOP_SIGNER_PIN": "1234"])
        try app.signIn("王芳", readSecret: nil)
        return app
    }

    /// A script's lines run one by one, its `source` lines followed as the program follows them.
    static func run(script path: String, on app: App) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("source ") {
                try run(script: (path as NSString).deletingLastPathComponent + "/" + line.dropFirst(7), on: app)
            } else {
                _ = app.execute(line)
            }
        }
    }

    /// What a day's desk and floor do: the transcripts' days, then the reads an advisor, a manager and
    /// a cashier look at all day.
    static let everyday: [String] = [
        "board", "ro list", "ro list all", "bay list", "vehicle show 京A12345", "history RO1", "history 京A12345", "ro show RO1", "invoice RO1",
        "customer show 13800138000", "appointment list", "complaint list", "parts list", "report day 2026-11-22",
        "report month 2026-11", "report receivables", "stock list", "job list", "remind list", "remind list due", "remind 京A12345",
    ]

    @Test func noEverydayStatementReadsAWholeGrowingTable() throws {
        var statements: Set<String> = []
        var paths: [String] = []
        for script in ["floor-day", "cash-desk", "bookings", "reception-zh", "bad-input"] {
            let path = Workshop.temporaryDirectory() + "/shop.db"
            paths.append(path)
            let app = try Self.app(at: path)
            var seen: [String] = []
            app.observeStatements { seen.append($0) }
            try Self.run(script: Workshop.transcripts + "/\(script).ws", on: app)
            for line in Self.everyday { _ = app.execute(line) }
            statements.formUnion(seen)
        }
        #expect(statements.count > 100, "the day issued \(statements.count) distinct statements")
        let db = try Database(path: paths[0], readOnly: true)
        let partial = try Self.partialIndexes(db)
        var found: [String] = []
        for sql in statements.sorted() where !sql.hasPrefix("--") {
            guard let plan = try? db.queryPlan(sql) else { continue }
            let scans = Self.fullScans(sql: sql, plan: plan, partialIndexes: partial)
            if !scans.isEmpty { found.append("\(scans.joined(separator: "; "))\n    in: \(sql)") }
        }
        #expect(found.isEmpty, "full scans of tables that grow with history:\n\(found.joined(separator: "\n"))")
    }

    /// A count of national records that looks up the order of each record sent: the sent records are
    /// the whole history (a million at a million orders), and each look-up reads a row of `orders`.
    /// The records not sent (waiting, sending, refused) are few: their orders may be looked up.
    static func looksUpTheOrderOfEverySentRecord(sql: String, plan: [String]) -> Bool {
        sql.hasPrefix("SELECT count(*)") && sql.contains("health_record_outbox") && sql.contains("'sent'")
            && plan.contains { $0.contains("USING INTEGER PRIMARY KEY") }
    }

    /// A chain's day: the everyday reads, the national records, the chain's reports and a vehicle's
    /// history, as the home site's manager and as another site's. None reads a whole growing
    /// table, and no site's count of its sent national records joins the history of records to the
    /// orders (as it did: a look-up of every sent record's order, whatever the site).
    @Test func aChainsSitesReadNoWholeTableAndCountTheirRecordsFromIndexes() throws {
        let path = Workshop.temporaryDirectory() + "/shop.db"
        let app = try Self.app(at: path)
        try Self.run(script: Workshop.transcripts + "/floor-day.ws", on: app)
        _ = app.execute("site add 深圳南山店 code=4403000002")
        _ = app.execute("staff add 南山经理 role=manager pin=1234 site=深圳南山店")
        var seen: [String] = []
        app.observeStatements { seen.append($0) }
        let day = Self.everyday + ["healthrecord status", "history 京A12345", "report day 2026-11-22 site=all", "report month 2026-11 site=all",
                                   "report day 2026-11-22 site=深圳南山店", "report month 2026-11 site=深圳南山店", "parts show 5QD698151 site=all",
                                   "parts show 5QD698151", "complaint list"]
        for line in day { _ = app.execute(line) }
        let home = seen.count
        try app.signIn("南山经理", readSecret: nil)
        for line in day { _ = app.execute(line) }
        #expect(seen.count > home, "南山经理's day issued statements")
        let db = try Database(path: path, readOnly: true)
        let partial = try Self.partialIndexes(db)
        var found: [String] = []
        for sql in Set(seen).sorted() where !sql.hasPrefix("--") {
            guard let plan = try? db.queryPlan(sql) else { continue }
            let scans = Self.fullScans(sql: sql, plan: plan, partialIndexes: partial)
            if !scans.isEmpty { found.append("\(scans.joined(separator: "; "))\n    in: \(sql)") }
            if Self.looksUpTheOrderOfEverySentRecord(sql: sql, plan: plan) { found.append("\(plan)\n    in: \(sql)") }
        }
        #expect(found.isEmpty, "statements of a chain's day that read its history whole:\n\(found.joined(separator: "\n"))")
        #expect(seen.contains { $0.contains("health_record_outbox") && $0.contains("o.site_id = ?") }, "深圳南山店's own records were counted")
        // The count as it was is caught.
        let old = "SELECT count(*) AS n FROM health_record_outbox b WHERE b.state = 'sent' "
            + "AND EXISTS (SELECT 1 FROM orders o WHERE o.id = b.order_id AND o.site_id = ?)"
        let oldPlan = try db.queryPlan(old)
        #expect(Self.looksUpTheOrderOfEverySentRecord(sql: old, plan: oldPlan), "\(oldPlan)")
    }

    /// The look-up of a key hook's holder at check-in, at another site than the home one: it
    /// searches the index of the hooks in use, per site (024-site-hooks-and-entries), by the same
    /// `coalesce(site_id, 0)` the index is built on.
    @Test func aKeyHooksHolderIsFoundThroughThePerSiteIndex() throws {
        let path = Workshop.temporaryDirectory() + "/shop.db"
        let app = try Self.app(at: path)
        try Self.run(script: Workshop.transcripts + "/shop-fixture.ws", on: app)
        _ = app.execute("site add 深圳南山店 code=4403000002")
        _ = app.execute("staff add 南山经理 role=manager pin=1234 site=深圳南山店")
        try app.signIn("南山经理", readSecret: nil)
        var seen: [String] = []
        app.observeStatements { seen.append($0) }
        #expect(app.execute("checkin 京A12345 odometer=45210 fuel=1/2 complaint=异响 key=K07").ok)
        let lookUp = try #require(seen.first { $0.contains("coalesce(site_id, 0) = ?3 AND key_tag = ?1") })
        let plan = try Database(path: path, readOnly: true).queryPlan(lookUp)
        #expect(plan.contains { $0.contains("USING INDEX orders_key_tag_in_use") }, "\(plan)")
        #expect(Self.fullScans(sql: lookUp, plan: plan, partialIndexes: try Self.partialIndexes(Database(path: path, readOnly: true))).isEmpty)
    }

    /// The guard catches what it is for: the month report as it was, grouping by `o.id`, walked the
    /// whole orders table although an index on `released_at` exists.
    @Test func theGuardCatchesTheMonthReportsOldScan() throws {
        let path = Workshop.temporaryDirectory() + "/shop.db"
        let options = try LaunchOptions(arguments: ["--db", path, "--user", "王芳"])
        let app = try App(options: options, environment: ["WORKSHOP_PIN": "1234"])
        try app.signIn("王芳", readSecret: nil)
        let old = """
            SELECT o.id, o.released_at, o.discount_kind, o.discount_value, o.tax_rate_bp, o.prices_include_tax, o.labor_rate,
                   o.discount_limit,
                   coalesce(sum(CASE WHEN l.kind = 'labor' THEN l.amount END), 0) AS labor,
                   coalesce(sum(CASE WHEN l.kind = 'part' THEN l.amount END), 0) AS parts,
                   coalesce(sum(CASE WHEN l.kind = 'fee' THEN l.amount END), 0) AS other
            FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id AND l.status = 'approved' AND l.covered = 0
            WHERE o.released_at >= ? AND o.released_at < ? AND o.status <> 'void'
            GROUP BY o.id
            """
        let db = try Database(path: path, readOnly: true)
        let plan = try db.queryPlan(old)
        let scans = Self.fullScans(sql: old, plan: plan, partialIndexes: try Self.partialIndexes(db))
        #expect(scans.contains { $0.hasPrefix("SCAN o") }, "\(plan)")
    }
}
