import Postgres
import SQLite
import Testing
@testable import WorkshopStore

/// The PostgreSQL schema is SQLite's, table by table.
@Suite("The PostgreSQL schema against SQLite's",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct PostgresSchemaDriftTests {
    /// No drift: a fresh SQLite shop (migrated to the end) and a fresh PostgreSQL one have the same
    /// tables; the same columns in the same order, with the same kind of type, NOT NULL and default;
    /// the same primary keys, UNIQUE constraints and foreign keys; the same indexes by name, with
    /// the same uniqueness, columns and condition; and the same triggers on the same tables.
    ///
    /// This test fails when a SQLite migration after 020 adds a column, a table, an index or a
    /// trigger without the PostgreSQL migration that adds it too: write both.
    @Test("No drift: every table, column, key, index and trigger of SQLite's schema, and only those")
    func noDrift() throws {
        var sqlite: [String: DescribedTable] = [:], sqliteTriggers: Set<String> = []
        try ShopSchemas.withSQLiteShop { db in
            sqlite = try SQLiteCatalogue.describe(db)
            sqliteTriggers = try SQLiteCatalogue.triggers(db)
        }
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            try ShopSchemas.applyPostgresSchema(db)
            let postgres = try PostgresCatalogue.describe(db)

            #expect(Set(postgres.keys) == Set(sqlite.keys))
            #expect(sqlite.count > 40, "the SQLite shop was not migrated: \(sqlite.keys.sorted())")
            for (name, described) in sqlite.sorted(by: { $0.key < $1.key }) {
                guard let found = postgres[name] else { continue }
                let expected = Self.asPostgresHasIt(described, table: name)
                var columns = found.columns
                // SQLite's datetime('now'), written with PostgreSQL's functions (the behaviour test
                // checks both give the same form).
                if name == "tamper_log", let at = columns.firstIndex(where: { $0.name == "at" }),
                   columns[at].defaultValue?.contains("statement_timestamp()") == true {
                    columns[at].defaultValue = "datetime('now')"
                }
                // The numbers people see come from next_number() on a server, not a sequence
                // (pg-004: a rolled-back command leaves no gap, as on SQLite).
                if PostgresGaplessNumbers.tablesOfPG004.contains(name), let id = columns.firstIndex(where: { $0.name == "id" }),
                   columns[id].defaultValue == "next_number('\(name)'::regclass)" {
                    columns[id].defaultValue = nil
                }
                #expect(columns == expected.columns, "\(name): columns differ")
                #expect(found.primaryKey == expected.primaryKey, "\(name): primary key differs")
                #expect(found.uniqueKeys == expected.uniqueKeys, "\(name): UNIQUE constraints differ")
                #expect(found.foreignKeys == expected.foreignKeys, "\(name): foreign keys differ")
                #expect(Set(found.indexes.keys) == Set(expected.indexes.keys), "\(name): indexes differ")
                for (index, shape) in expected.indexes {
                    guard let other = found.indexes[index] else { continue }
                    #expect(other == shape, "\(name): index \(index) differs")
                }
            }

            let postgresTriggers = try PostgresCatalogue.triggers(db)
            let postgresOnly = Set(PostgresSafeguards.triggers.filter { PostgresSafeguards.postgresOnly.contains($0.name) }
                .map { "\($0.name) ON \($0.table)" })
            #expect(postgresTriggers.subtracting(postgresOnly) == sqliteTriggers)
            #expect(postgresTriggers.isSuperset(of: postgresOnly))
            #expect(sqliteTriggers.count == Schema.safeguardTriggers.count)
        }
    }

    /// SQLite's description with the differences PostgresMigrations declares: an untyped column
    /// stored as TEXT.
    static func asPostgresHasIt(_ table: DescribedTable, table name: String) -> DescribedTable {
        var table = table
        for index in table.columns.indices
        where PostgresMigrations.untypedColumnsAsText.contains("\(name).\(table.columns[index].name)") && table.columns[index].type == "untyped" {
            table.columns[index].type = "text"
        }
        return table
    }

    /// The list `verify` will compare a server's triggers with is what the server has: every
    /// trigger's definition as PostgreSQL prints it, every function's body as it keeps it, each
    /// function holding to the shop's schema and pg_temp last — and nothing else.
    @Test("The frozen list of triggers and functions is what the server has, word for word")
    func frozenListIsTheServers() throws {
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            try ShopSchemas.applyPostgresSchema(db)
            let triggers = try db.rows("""
                SELECT t.tgname AS name, c.relname AS table_name, pg_get_triggerdef(t.oid, true) AS definition
                FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE c.\(PostgresCatalogue.schemaCondition) AND NOT t.tgisinternal
                """, []) { ($0.string("name"), $0.string("table_name"), $0.string("definition")) }
            let expected = Dictionary(uniqueKeysWithValues: PostgresSafeguards.triggers.map { ($0.name, $0) })
            #expect(Set(triggers.map(\.0)) == Set(expected.keys))
            for (name, table, definition) in triggers {
                #expect(expected[name]?.table == table, "\(name)")
                #expect(expected[name]?.definition == definition, "\(name)")
            }

            let functions = try db.rows("""
                SELECT p.proname AS name, p.prosrc AS body, array_to_string(p.proconfig, '|') AS config
                FROM pg_proc p WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                """, []) { ($0.string("name"), $0.string("body"), $0.string("config")) }
            let expectedFunctions = Dictionary(uniqueKeysWithValues: PostgresSafeguards.functions.map { ($0.name, $0) })
            #expect(Set(functions.map(\.0)) == Set(expectedFunctions.keys))
            for (name, body, config) in functions {
                #expect(expectedFunctions[name]?.body == body, "\(name)")
                #expect(config == "search_path=\(schema.name), pg_temp", "\(name)")
            }
        }
    }
}
