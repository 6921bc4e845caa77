import Foundation
import Postgres
import SQLite

/// The PostgreSQL server the end-to-end tests move shops onto: WORKSHOP_TEST_POSTGRES (scripts/test.sh
/// starts a throwaway one). Without it those tests are skipped, unless WORKSHOP_REQUIRE_POSTGRES=1
/// (CI), where they fail. As SQLConnectionTests' Backends, each test works in a schema of its own.
enum TestServer {
    static let environment = ProcessInfo.processInfo.environment
    static let uri = environment["WORKSHOP_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let enabled = uri != nil || environment["WORKSHOP_REQUIRE_POSTGRES"] == "1"

    struct NoServer: Error, CustomStringConvertible {
        var description: String {
            "WORKSHOP_REQUIRE_POSTGRES=1 but WORKSHOP_TEST_POSTGRES names no server (run the tests through `make test`)"
        }
    }

    /// A fresh, empty schema, dropped afterwards.
    static func withSchema(_ body: (ServerSchema) throws -> Void) throws {
        let schema = try ServerSchema()
        defer { schema.drop() }
        try body(schema)
    }
}

/// One test's schema on the server, and the URI that selects it (libpq's `options`, as a shop's
/// administrator would give it).
final class ServerSchema: Sendable {
    let serverURI: String
    let name: String

    init() throws {
        guard let uri = TestServer.uri else { throw TestServer.NoServer() }
        serverURI = uri
        name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try Connection(uri: uri).execute("CREATE SCHEMA \(name)")
    }

    /// The schema as `--to` names it.
    var uri: String { serverURI + (serverURI.contains("?") ? "&" : "?") + "options=-c%20search_path%3D" + name }

    func connect() throws -> Connection {
        let connection = try Connection(uri: serverURI)
        try connection.execute("SET search_path TO \(name)")
        return connection
    }

    /// Every table of the schema with every row, in a stable order: equal before and after means
    /// nothing changed.
    func fingerprint() throws -> String {
        let db = try connect()
        let tables = try db.rows("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename", []) {
            $0.string(0)
        }
        var text = ""
        for table in tables {
            text += "[\(table)]\n" + (try ShopRows.server(db, table).joined(separator: "\n")) + "\n"
        }
        return text
    }

    func drop() {
        try? Connection(uri: serverURI).execute("DROP SCHEMA \(name) CASCADE")
    }
}

/// A table's rows read with plain SQL, each row as text (`|` between values, NULL as ∅), sorted:
/// the same rows on SQLite and PostgreSQL read the same, whatever order each keeps them in.
enum ShopRows {
    static func text(_ value: SQLValue) -> String {
        switch value {
        case .null: return "∅"
        case .integer(let int): return String(int)
        case .real(let double): return "\(double)"
        case .text(let text): return text
        }
    }

    /// The server's table's columns, in order.
    static func columns(_ db: Connection, _ table: String) throws -> [String] {
        try db.rows("""
            SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?
            ORDER BY ordinal_position
            """, [.text(table)]) { $0.string(0) }
    }

    static func server(_ db: Connection, _ table: String) throws -> [String] {
        try db.rows("SELECT * FROM \"\(table)\"", []) { row in
            (0..<row.columnCount).map { text(row.value($0)) }.joined(separator: "|")
        }.sorted()
    }

    /// The file's rows with the server's columns (`rowid` is SQLite's hidden key where the server
    /// has a column of that name).
    static func file(_ db: Database, _ table: String, columns: [String]) throws -> [String] {
        try db.rows("SELECT \(columns.joined(separator: ", ")) FROM \"\(table)\"") { row in
            (0..<row.columnCount).map { text(row.value($0)) }.joined(separator: "|")
        }.sorted()
    }
}
