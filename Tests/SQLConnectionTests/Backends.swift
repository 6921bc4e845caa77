import Foundation
import Postgres
import SQLite
import Testing

/// Where the tests find their databases: a temporary SQLite file, always; a PostgreSQL server when
/// WORKSHOP_TEST_POSTGRES gives its URI (scripts/test.sh starts a throwaway one). Without it the
/// PostgreSQL suites are skipped, unless WORKSHOP_REQUIRE_POSTGRES=1 (CI), where they fail.
enum Backends {
    static let environment = ProcessInfo.processInfo.environment
    static let postgresURI = environment["WORKSHOP_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let postgresRequired = environment["WORKSHOP_REQUIRE_POSTGRES"] == "1"
    /// Whether the PostgreSQL suites run: a server is given, or one is required (and its absence fails them).
    static let postgresEnabled = postgresURI != nil || postgresRequired

    /// Where the stores the tests open on the server keep their anchors (one file per schema: its
    /// name comes from the URI), made once per run.
    static let anchorFolder: String = {
        let folder = NSTemporaryDirectory() + "workshop-test-anchors-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()

    struct NoServer: Error, CustomStringConvertible {
        var description: String {
            "WORKSHOP_REQUIRE_POSTGRES=1 but WORKSHOP_TEST_POSTGRES names no server (run the tests through `make test`)"
        }
    }

    /// A fresh SQLite database in a folder of its own, removed afterwards.
    static func withSQLite(_ body: (Database) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "workshop-sql-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(try Database(path: folder + "/contract.db"))
    }

    /// A schema of its own on the test server, dropped afterwards, so tests running in parallel
    /// never see each other's tables.
    static func withPostgres(_ body: (PostgresSchema) throws -> Void) throws {
        let schema = try PostgresSchema()
        defer { schema.drop() }
        try body(schema)
    }
}

/// One test's schema on the PostgreSQL server: every connection it makes works inside it.
final class PostgresSchema: Sendable {
    let uri: String
    let name: String

    init() throws {
        guard let uri = Backends.postgresURI else { throw Backends.NoServer() }
        self.uri = uri
        self.name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try Connection(uri: uri).execute("CREATE SCHEMA \(name)")
    }

    /// A new connection whose tables are this schema's.
    func connect(maximumAttempts: Int = 10, lockTimeoutMilliseconds: Int = 5_000) throws -> Connection {
        let connection = try Connection(uri: uri, maximumAttempts: maximumAttempts, lockTimeoutMilliseconds: lockTimeoutMilliseconds)
        try connection.execute("SET search_path TO \(name)")
        return connection
    }

    func drop() {
        try? Connection(uri: uri).execute("DROP SCHEMA \(name) CASCADE")
    }
}

/// Whether an error is a constraint's refusal, whichever database reported it (as the store asks).
func isConstraint(_ error: any Error) -> Bool {
    if let error = error as? SQLiteError { return error.isConstraint }
    if let error = error as? PostgresError { return error.isConstraint }
    return false
}
