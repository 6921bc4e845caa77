import Foundation
import Postgres
import SQLite
import Testing
@testable import WorkshopStore
import WorkshopModel

/// Reads whose SQL differs between the engines, or once answered differently on a server, give a
/// shop on a server what they give a shop in a file: the triggers and functions `verify` compares
/// with their frozen list and the tables and columns `export` writes (each engine's catalogue,
/// PortableSQL), searches, and lists with a NULL among their keys.
@Suite("PostgreSQL: the store's reads answer as from a file",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct ServerReadTests {
    static let context = ChangeContext(actor: "测试", command: "test", now: Timestamp(seconds: 1_795_400_000))

    /// A store on a new shop in `schema` (its search path given in the URI, as a shop's can be).
    static func store(in schema: PostgresSchema) throws -> Store {
        let uri = schema.uri + (schema.uri.contains("?") ? "&" : "?") + "options=-csearch_path%3D" + schema.name
        return try Store(server: uri, anchorFolder: Backends.anchorFolder, context: context)
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
            #expect(problems.contains(.safeguardRewritten(trigger: "tamper_watch()")), "\(problems)")
            #expect(problems.contains(.safeguardsRemoved(triggers: ["tamper_staff_insert"])), "\(problems)")
        }
    }

    /// Searches and lists whose SQL once answered differently on a server: a search matches A to Z
    /// in either case and takes a backslash as itself, staff in no group come first, a bay's name
    /// matches in either case.
    @Test func searchesAndListsAnswerAsFromAFile() throws {
        let rows = """
            INSERT INTO customers(name, phone, company, created_at) VALUES ('张伟', '13800138000', 'SHUNDA Logistics', 0);
            INSERT INTO customers(name, phone, company, created_at) VALUES ('李娜', '13900139000', 'A\\B 汽修', 0);
            INSERT INTO staff(name, roles, group_name, created_at) VALUES ('赵师傅', 'technician', '机修一组', 0);
            INSERT INTO staff(name, roles, group_name, created_at) VALUES ('钱主管', 'manager', NULL, 0);
            INSERT INTO bays(name, equipment, created_at) VALUES ('Lift-1', '', 0);
            """
        func answers(_ store: Store) throws -> [String] {
            try store.read {
                [try store.findCustomers("shunda").map(\.name).joined(separator: ","),
                 try store.findCustomers("a\\b").map(\.name).joined(separator: ","),
                 try store.findCustomers("\\").map(\.name).joined(separator: ","),
                 try store.allStaff().map(\.name).joined(separator: ","),
                 try store.bay(named: "LIFT-1")?.name ?? "no bay"]
            }
        }
        let expected = ["张伟", "李娜", "李娜", "钱主管,赵师傅", "Lift-1"]
        let folder = NSTemporaryDirectory() + "workshop-reads-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try Store(path: folder + "/shop.db", context: Self.context)
        try SQLite.Database(path: folder + "/shop.db").execute(rows)
        #expect(try answers(file) == expected)
        try Backends.withPostgres { schema in
            let server = try Self.store(in: schema)
            try schema.connect().execute(rows)
            #expect(try answers(server) == expected)
        }
    }

    @Test func exportWritesTheSameTablesAndColumnsAsFromAFile() throws {
        let folder = NSTemporaryDirectory() + "workshop-export-" + UUID().uuidString
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
