import Foundation
import Postgres
@testable import WorkshopStore
import Testing
import WorkshopModel

/// What the store reads from a server's catalogue rather than from the shop's tables (each with
/// SQLite's statement beside it, PortableSQL): the triggers and functions `verify` compares with
/// their frozen list, and the tables and columns `export` writes. A shop on a server must read the
/// same as a shop in a file.
@Suite("PostgreSQL: the store's reads of the catalogue",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct ServerCatalogueTests {
    static let context = ChangeContext(actor: "测试", command: "test", now: Timestamp(seconds: 1_795_400_000))

    /// A store on a new shop in `schema` (its search path given in the URI, as a shop's can be).
    static func store(in schema: PostgresSchema) throws -> Store {
        let uri = schema.uri + (schema.uri.contains("?") ? "&" : "?") + "options=-csearch_path%3D" + schema.name
        return try Store(server: uri, context: context)
    }

    @Test func aNewShopsSafeguardsAreIntactAndAGuttedFunctionIsNamed() throws {
        try Backends.withPostgres { schema in
            let store = try Self.store(in: schema)
            #expect(try store.read { try store.safeguardProblems() } == [])
            // A watch function that does nothing: its triggers are as they were, the function is not.
            try schema.connect().execute(
                "CREATE OR REPLACE FUNCTION tamper_watch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$")
            try schema.connect().execute("DROP TRIGGER tamper_staff_insert ON staff")
            let problems = try store.read { try store.safeguardProblems() }
            #expect(problems.contains(.safeguardRewritten(trigger: "tamper_watch")), "\(problems)")
            #expect(problems.contains(.safeguardsRemoved(triggers: ["tamper_staff_insert"])), "\(problems)")
        }
    }

    @Test func exportWritesTheSameTablesAndColumnsAsFromAFile() throws {
        let folder = NSTemporaryDirectory() + "workshop-catalogue-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try Store(path: folder + "/shop.db", context: Self.context)
        func columns(_ store: Store) throws -> [String: [String]] {
            try store.read {
                Dictionary(uniqueKeysWithValues: try store.exportedTables().map { table in
                    (table, try store.db.rows(store.db.text(Store.columnNames), [.text(table)]) { $0.string("name") })
                })
            }
        }
        let fromFile = try columns(file)
        #expect(fromFile.count > 30)
        try Backends.withPostgres { schema in
            let server = try Self.store(in: schema)
            #expect(try server.read { try server.exportedTables() } == (try file.read { try file.exportedTables() }))
            #expect(try columns(server) == fromFile)
        }
    }
}
