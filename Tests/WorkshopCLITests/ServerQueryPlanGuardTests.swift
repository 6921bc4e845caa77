import Foundation
import Postgres
import Testing
import WorkshopCLI

/// QueryPlanGuardTests on a PostgreSQL server: every statement the everyday commands send to the
/// server (caught with the arguments they ran with, on a day of the transcripts' shop) is planned
/// with EXPLAIN, and none may read the whole of a table that grows with the shop's history. On the
/// test's small shop the planner rightly prefers reading a few pages whole, so each is planned with
/// `enable_seqscan = off`: a Seq Scan that remains is one no index can serve.
@Suite("Query plans of the everyday commands on a PostgreSQL server", .enabled(if: TestServer.enabled))
struct ServerQueryPlanGuardTests {
    /// The growing tables a step of `plan` reads whole, unless the statement is one whose scan is
    /// bounded otherwise (QueryPlanGuardTests.allowed).
    ///
    /// Forbidding sequential scans leaves the planner another way to read a whole table: walking all
    /// of one of its indexes (an Index Scan with no Index Cond), which is caught too, unless the
    /// index is partial (it holds only the rows of its condition: the open orders, …).
    static func sequentialScans(sql: String, plan: [String], partialIndexes: Set<String> = []) -> [String] {
        if QueryPlanGuardTests.allowed.contains(where: { sql.contains($0.statement) })
            || allowed.contains(where: { sql.contains($0.statement) }) { return [] }
        var found: [String] = []
        for (index, line) in plan.enumerated() {
            let step = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "->  ", with: "")
            if let range = step.range(of: "Seq Scan on ") {
                let table = String(step[range.upperBound...].prefix { $0 != " " })
                if QueryPlanGuardTests.growing.contains(table) { found.append(step) }
                continue
            }
            // "Index Scan using orders_pkey on orders o", "Index Only Scan Backward using … on …"
            guard step.hasPrefix("Index Scan") || step.hasPrefix("Index Only Scan"),
                  let using = step.range(of: " using "), let on = step.range(of: " on ", range: using.upperBound..<step.endIndex)
            else { continue }
            let indexName = String(step[using.upperBound..<on.lowerBound])
            let table = String(step[on.upperBound...].prefix { $0 != " " })
            guard QueryPlanGuardTests.growing.contains(table), !partialIndexes.contains(indexName) else { continue }
            // The step's details follow it, indented deeper, until the next step.
            let details = plan[(index + 1)...].prefix { !$0.contains("->") }
            if !details.contains(where: { $0.contains("Index Cond:") }) { found.append(step + " (the whole index)") }
        }
        return found
    }

    /// The schema's indexes that hold only the rows of a condition.
    static func partialIndexes(_ db: Connection) throws -> Set<String> {
        // From the catalogue itself: pg_indexes would print the definition of every index of the
        // server, other tests' among them, which they may be dropping meanwhile.
        Set(try db.rows("""
            SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND i.indpred IS NOT NULL
            """) { $0.string(0) })
    }

    /// The server's texts of QueryPlanGuardTests.allowed's statements, where they differ from SQLite's.
    static let allowed: [(statement: String, why: String)] = [
        ("WHERE name ILIKE ?1 ESCAPE '\\' OR phone ILIKE ?1 ESCAPE '\\' OR company ILIKE ?1 ESCAPE '\\'",
         "customer search by any part of a name, phone or company: no index serves a substring"),
    ]

    /// The plan the server makes for `sql` run with `arguments`, with sequential scans made a last resort.
    static func plan(_ sql: String, _ arguments: [SQLValue], on db: Connection) throws -> [String] {
        try db.transaction(immediate: false) {
            try db.execute("SET LOCAL enable_seqscan = off")
            return try db.rows("EXPLAIN " + sql, arguments) { $0.string(0) }
        }
    }

    /// The statements a day of `script` and the everyday reads send, each with the arguments of one run.
    static func statements(of script: String, on schema: ServerSchema) throws -> [String: [SQLValue]] {
        let options = try LaunchOptions(arguments: ["--db", schema.uri, "--user", "王芳", "--now", "2026-11-22 09:00"])
        let app = try App(options: options, environment: ["WORKSHOP_PIN": "1234", "WORKSHOP_SIGNER_PIN": "1234", "HOME": NSTemporaryDirectory()])
        try app.signIn("王芳", readSecret: nil)
        var seen: [String: [SQLValue]] = [:]
        app.observeServerStatements { sql, arguments in if seen[sql] == nil { seen[sql] = arguments } }
        try QueryPlanGuardTests.run(script: Workshop.transcripts + "/\(script).ws", on: app)
        for line in QueryPlanGuardTests.everyday { _ = app.execute(line) }
        return seen
    }

    @Test func noEverydayStatementReadsAWholeGrowingTable() throws {
        var planned = 0
        var found: [String: String] = [:]
        for script in ["floor-day", "cash-desk", "bookings", "reception-zh", "bad-input"] {
            try TestServer.withSchema { schema in
                let statements = try Self.statements(of: script, on: schema)
                let db = try schema.connect()
                let partial = try Self.partialIndexes(db)
                for (sql, arguments) in statements.sorted(by: { $0.key < $1.key }) where found[sql] == nil {
                    // A statement on the connection's own temporary table cannot be planned from another.
                    guard let plan = try? Self.plan(sql, arguments, on: db) else { continue }
                    planned += 1
                    let scans = Self.sequentialScans(sql: sql, plan: plan, partialIndexes: partial)
                    if !scans.isEmpty { found[sql] = scans.joined(separator: "; ") }
                }
            }
        }
        #expect(planned > 100, "the day's statements planned: \(planned)")
        let report = found.sorted { $0.key < $1.key }.map { "\($0.value)\n    in: \($0.key)" }
        #expect(found.isEmpty, "sequential scans of tables that grow with history:\n\(report.joined(separator: "\n"))")
    }

    /// QueryPlanGuardTests' chain's day on a server: the home site's manager's and another site's.
    @Test func aChainsSitesReadNoWholeTable() throws {
        try TestServer.withSchema { schema in
            let options = try LaunchOptions(arguments: ["--db", schema.uri, "--user", "王芳", "--now", "2026-11-22 09:00"])
            let app = try App(options: options, environment: ["WORKSHOP_PIN": "1234", "WORKSHOP_SIGNER_PIN": "1234",
                                                              "HOME": NSTemporaryDirectory()])
            try app.signIn("王芳", readSecret: nil)
            try QueryPlanGuardTests.run(script: Workshop.transcripts + "/floor-day.ws", on: app)
            _ = app.execute("site add 深圳南山店 code=4403000002")
            _ = app.execute("staff add 南山经理 role=manager pin=1234 site=深圳南山店")
            var seen: [String: [SQLValue]] = [:]
            app.observeServerStatements { sql, arguments in if seen[sql] == nil { seen[sql] = arguments } }
            let day = QueryPlanGuardTests.everyday + ["healthrecord status", "history 京A12345", "report day 2026-11-22 site=all",
                                                      "report month 2026-11 site=all", "report day 2026-11-22 site=深圳南山店"]
            for line in day { _ = app.execute(line) }
            try app.signIn("南山经理", readSecret: nil)
            for line in day { _ = app.execute(line) }
            let db = try schema.connect()
            let partial = try Self.partialIndexes(db)
            var found: [String] = []
            for (sql, arguments) in seen.sorted(by: { $0.key < $1.key }) {
                guard let plan = try? Self.plan(sql, arguments, on: db) else { continue }
                let scans = Self.sequentialScans(sql: sql, plan: plan, partialIndexes: partial)
                if !scans.isEmpty { found.append("\(scans.joined(separator: "; "))\n    in: \(sql)") }
            }
            #expect(seen.count > 100, "the chain's day sent \(seen.count) statements")
            #expect(found.isEmpty, "sequential scans of tables that grow with history:\n\(found.joined(separator: "\n"))")
        }
    }

    /// QueryPlanGuardTests' key hook look-up at another site, on a server: through the index of
    /// the hooks in use, per site.
    @Test func aKeyHooksHolderIsFoundThroughThePerSiteIndex() throws {
        try TestServer.withSchema { schema in
            let options = try LaunchOptions(arguments: ["--db", schema.uri, "--user", "王芳", "--now", "2026-11-22 09:00"])
            let app = try App(options: options, environment: ["WORKSHOP_PIN": "1234", "WORKSHOP_SIGNER_PIN": "1234",
                                                              "HOME": NSTemporaryDirectory()])
            try app.signIn("王芳", readSecret: nil)
            try QueryPlanGuardTests.run(script: Workshop.transcripts + "/shop-fixture.ws", on: app)
            _ = app.execute("site add 深圳南山店 code=4403000002")
            _ = app.execute("staff add 南山经理 role=manager pin=1234 site=深圳南山店")
            try app.signIn("南山经理", readSecret: nil)
            var seen: [String: [SQLValue]] = [:]
            app.observeServerStatements { sql, arguments in if seen[sql] == nil { seen[sql] = arguments } }
            #expect(app.execute("checkin 京A12345 odometer=45210 fuel=1/2 complaint=异响 key=K07").ok)
            let lookUp = try #require(seen.first { $0.key.contains("coalesce(site_id, 0) = ") && $0.key.contains("AND key_tag = ") })
            let plan = try Self.plan(lookUp.key, lookUp.value, on: try schema.connect())
            #expect(plan.contains { $0.contains("orders_key_tag_in_use") }, "\(plan)")
            #expect(Self.sequentialScans(sql: lookUp.key, plan: plan, partialIndexes: try Self.partialIndexes(schema.connect())).isEmpty)
        }
    }

    /// The guard catches what it is for: a look-up of orders by a column no index serves.
    @Test func theGuardCatchesAScanNoIndexCanServe() throws {
        try TestServer.withSchema { schema in
            let options = try LaunchOptions(arguments: ["--db", schema.uri, "--user", "王芳"])
            let app = try App(options: options, environment: ["WORKSHOP_PIN": "1234", "HOME": NSTemporaryDirectory()])
            try app.signIn("王芳", readSecret: nil)
            let sql = "SELECT id FROM orders WHERE discount_value = ?"
            let plan = try Self.plan(sql, [.integer(5)], on: try schema.connect())
            #expect(Self.sequentialScans(sql: sql, plan: plan).count == 1, "\(plan)")
            // Walking a whole index in its order is reading the whole table too.
            let walk = "SELECT id FROM orders WHERE discount_value = ? ORDER BY id"
            let walked = Self.sequentialScans(sql: walk, plan: try Self.plan(walk, [.integer(5)], on: try schema.connect()))
            #expect(walked.count == 1, "\(walked)")
            let byKey = "SELECT id FROM orders WHERE id = ?"
            #expect(Self.sequentialScans(sql: byKey, plan: try Self.plan(byKey, [.integer(5)], on: try schema.connect())).isEmpty)
        }
    }
}
