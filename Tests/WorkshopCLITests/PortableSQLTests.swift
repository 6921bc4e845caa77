import Foundation
import Postgres
import Testing
import WorkshopModel
@testable import WorkshopCLI
@testable import WorkshopStore

/// The guard of "the same shop on PostgreSQL": every statement the everyday commands really issue
/// (caught as SQLite runs them, on the transcripts' days and the reads of a day at the desk) is
/// prepared on a PostgreSQL server, in a schema of its own made by the shop's PostgreSQL
/// migrations. Preparing makes the server parse the statement and check it against the schema:
/// names, types, grouping, ambiguous columns. A statement whose text must differ between the engines
/// (`PortableSQL`) is prepared in its PostgreSQL text, as the store would run it there.
///
/// Skipped without a server (WORKSHOP_TEST_POSTGRES; `make test` starts one), failed when one is
/// required (WORKSHOP_REQUIRE_POSTGRES=1).
@Suite("PostgreSQL: the statements of the everyday commands",
       .enabled(if: TestServer.enabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct PortableSQLTests {

    enum Match {
        case whole(String)
        case prefix(String)
        case containing(String)

        func matches(_ sql: String) -> Bool {
            switch self {
            case .whole(let text): return sql == text
            case .prefix(let text): return sql.hasPrefix(text)
            case .containing(let text): return sql.contains(text)
            }
        }
    }

    /// Statements SQLite runs that the store never sends to a server, each with why. Keep it short:
    /// anything else the commands run must prepare on PostgreSQL.
    static let sqliteOnly: [(match: Match, why: String)] = [
        // Store.reloadSettingsIfChanged: only a file has this counter; on a server the settings are
        // read at every transaction.
        (.whole("PRAGMA data_version"), "SQLite's count of other connections' commits"),
        // SQLite.Database.transaction's BEGIN; Postgres.Connection.transaction issues its own
        // (BEGIN ISOLATION LEVEL SERIALIZABLE). COMMIT and ROLLBACK are the same on both.
        (.whole("BEGIN IMMEDIATE"), "transaction control, the adapter's own"),
        (.whole("BEGIN DEFERRED"), "transaction control, the adapter's own"),
        // The SQLite triggers' own programs (migration texts); the server has its own triggers
        // (PostgresSafeguards, PostgresReportTallies), checked by the schema tests.
        (.prefix("-- "), "a SQLite trigger's program"),
        // Row seals: SQLite's texts of the statements whose server text differs (SealedTables,
        // RowSeals, VerifyRows, PostgresRowDigest); the server's are run by PostgresSealTests.
        // Only those the server refuses are left out here; the seals' other statements are
        // checked with the rest.
        // RowDigest's function, defined on Workshop's SQLite connection only:
        (.containing("workshop_row_digest"), "sealing: the server's own text is run by PostgresSealTests"),
        // Each key's latest seal through SQLite's bare column beside max() (VerifyRows):
        (.containing("FROM row_seals WHERE tbl = ? GROUP BY row_key"), "sealing: the server's own text is run by PostgresSealTests"),
        // The sealed tables' shapes (TableShape.load), and what SQLite itself runs to answer them:
        (.containing("pragma_table_list"), "sealing: the server's own text is run by PostgresSealTests"),
        (.whole("PRAGMA table_list"), "sealing: the server's own text is run by PostgresSealTests"),
        (.prefix("PRAGMA table_info="), "sealing: the server's own text is run by PostgresSealTests"),
        // verify's triggers as SQLite keeps them; on a server it reads pg_trigger and pg_proc
        // (Store.serverSafeguardProblems, run by PostgresSealTests and ServerReadTests).
        (.containing("FROM sqlite_master WHERE type = 'trigger'"), "SQLite's catalogue of triggers"),
    ]

    /// Statements only a server is sent, which SQLite never runs and so the day cannot catch (the
    /// server's safeguard and seal reads are run by PostgresSealTests and ServerReadTests).
    static let postgresOnly: [String] = []

    static func isSQLiteOnly(_ sql: String) -> Bool { sqliteOnly.contains { $0.match.matches(sql) } }

    /// Commands whose examples are not run: they write files outside the test's folder (export
    /// is run into it instead).
    static let examplesNotRun: Set<String> = ["print", "export", "backup"]

    /// What a day's desk does, on the transcripts' shop: every transcript, then the reads of
    /// QueryPlanGuardTests, then the examples of every command's forms, then what Tab offers.
    /// Returns each distinct statement as PostgreSQL would run it.
    static func statementsOfADay() throws -> Set<String> {
        var statements: Set<String> = []
        for script in ["floor-day", "cash-desk", "bookings", "reception-zh", "reception-en", "bad-input"] {
            let folder = Workshop.temporaryDirectory()
            let options = try LaunchOptions(arguments: ["--db", folder + "/shop.db", "--user", "王芳", "--now", "2026-11-22 09:00"])
            let app = try App(options: options, environment: ["WORKSHOP_PIN": "1234", "WORKSHOP_SIGNER_PIN": "1234"])
            var seen: [String] = []
            var postgresText: [String: String] = [:]
            app.observeStatements { seen.append($0) }
            app.observePortableStatements { sqlite, postgres in postgresText[sqlite] = postgres }
            try app.signIn("王芳", readSecret: nil)
            try QueryPlanGuardTests.run(script: Workshop.transcripts + "/\(script).ws", on: app)
            for line in QueryPlanGuardTests.everyday + Self.moreReads { _ = app.execute(line) }
            for line in examples + ["export \(folder)/export"] { _ = app.execute(line) }
            for (lineBefore, word) in completions { _ = app.completions(for: word, lineBefore: lineBefore) }
            statements.formUnion(seen.map { postgresText[$0] ?? $0 })
        }
        return statements
    }

    /// Reads beside QueryPlanGuardTests.everyday whose statements differ: lists and searches.
    static let moreReads = [
        "complaint list all", "customer find 张", "customer find zh", "customer list", "staff list", "bay list",
        "history 京A12345", "verify", "report week 2026-11-16", "member list", "card list",
    ]

    /// The examples of every form that reads or writes the shop (not the session's: a logout would
    /// end the day), of the commands that stay inside the test's shop: nothing written to a file
    /// (out=) and nothing sent to the national record's platform (healthrecord push).
    static var examples: [String] {
        Commands.all.filter { !examplesNotRun.contains($0.name) }.flatMap { command in
            command.forms.filter { $0.access != .session }.flatMap(\.examples)
        }.filter { !$0.contains("out=") && !$0.hasPrefix("healthrecord push") }
    }

    /// Tab on a plate, a part number, a labour code, a key tag, staff and bays.
    static let completions: [(lineBefore: String, word: String)] = [
        ("vehicle show ", "京"), ("ro show ", "京A"), ("estimate RO1 part ", "B"), ("estimate RO1 labor ", "BRK"),
        ("checkin 京A12345 key=", "K"), ("dispatch RO1 ", ""), ("bay show ", ""),
    ]

    /// Each statement that does not prepare on `connection`, with the server's message.
    static func failures(_ statements: [String], on connection: Connection) -> [String] {
        statements.compactMap { sql in
            do {
                try connection.prepareOnly(sql)
                return nil
            } catch let error as PostgresError {
                return "\(error.sqlState) \(error.message)\n    in: \(sql)"
            } catch {
                return "\(error)\n    in: \(sql)"
            }
        }
    }

    /// A connection inside a fresh schema holding the shop's tables, dropped after `body`.
    static func withShopSchema(_ body: (Connection) throws -> Void) throws {
        guard let uri = TestServer.uri else {
            Issue.record("WORKSHOP_REQUIRE_POSTGRES=1 but WORKSHOP_TEST_POSTGRES names no server (run the tests through `make test`)")
            return
        }
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let connection = try Connection(uri: uri)
        try connection.execute("CREATE SCHEMA \(schema)")
        defer { try? connection.execute("DROP SCHEMA \(schema) CASCADE") }
        try connection.execute("SET search_path TO \(schema)")
        try PostgresMigrator.migrate(connection, now: Timestamp(seconds: 1_795_309_200))
        try body(connection)
    }

    @Test func everyEverydayStatementPreparesOnPostgreSQL() throws {
        let statements = try Self.statementsOfADay()
        let checked = statements.filter { !Self.isSQLiteOnly($0) }.sorted() + Self.postgresOnly
        #expect(checked.count > 150, "the day issued \(checked.count) distinct statements to check")
        // Statements whose text differs per engine (export's reads of the catalogue)
        // are checked in their PostgreSQL text.
        #expect(checked.contains { $0.contains("information_schema.columns") })
        #expect(!checked.contains { $0.contains("sqlite_master") })
        try Self.withShopSchema { connection in
            let failed = Self.failures(checked, on: connection)
            #expect(failed.isEmpty, "\(failed.count) of \(checked.count) statements do not prepare on PostgreSQL:\n\(failed.joined(separator: "\n"))")
        }
    }

    /// The guard catches what it is for: statements the store once ran that PostgreSQL refuses.
    @Test func theGuardCatchesSQLiteOnlyStatements() throws {
        let sqliteOnly = [
            "SELECT id FROM complaints WHERE 1 ORDER BY id",
            "SELECT id, name FROM bays WHERE name = ? COLLATE NOCASE",
            "SELECT plate FROM vehicles WHERE plate >= ?1 AND plate < ?1 || char(1114111) ORDER BY plate LIMIT ?2",
            "SELECT json_extract(detail, '$.reason') AS reason FROM journal WHERE order_id = ?",
        ]
        #expect(!sqliteOnly.contains(where: Self.isSQLiteOnly), "none of them is excused by the list")
        try Self.withShopSchema { connection in
            #expect(Self.failures(sqliteOnly, on: connection).count == sqliteOnly.count)
            #expect(Self.failures(["SELECT id FROM complaints WHERE 1 = 1 ORDER BY id"], on: connection).isEmpty)
        }
    }
}
