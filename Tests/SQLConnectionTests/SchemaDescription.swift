import Postgres
import SQLite
import Testing
@testable import WorkshopStore

/// A table as both databases can describe it from their catalogues, in terms that compare across
/// the dialects: a column's kind of type (integer, text, untyped), NOT NULL, its default; the
/// primary key; the UNIQUE constraints (by columns: their index names are each database's own);
/// the foreign keys; and the named indexes with their uniqueness, columns and condition, each
/// column and condition as SQL tokens (PostgresSchemaTokens).
struct DescribedTable: Equatable {
    var columns: [DescribedColumn] = []
    var primaryKey: [String] = []
    var uniqueKeys: Set<[String]> = []
    var foreignKeys: Set<String> = []
    var indexes: [String: DescribedIndex] = [:]
}

struct DescribedColumn: Equatable, CustomStringConvertible {
    var name: String
    var type: String
    var notNull: Bool
    var defaultValue: String?

    var description: String { "\(name) \(type)\(notNull ? " NOT NULL" : "")\(defaultValue.map { " DEFAULT \($0)" } ?? "")" }
}

struct DescribedIndex: Equatable {
    var unique: Bool
    var columns: [[String]]
    var condition: [String]
}

enum SQLiteCatalogue {
    /// Every table of the database, as SQLite describes it. A table with no primary key of its own
    /// is keyed by its hidden rowid: it is described with that column last, as its primary key,
    /// which is how PostgreSQL has it (PostgresMigrations.hiddenRowIDColumn).
    static func describe(_ db: SQLite.Database) throws -> [String: DescribedTable] {
        let names = try db.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") { $0.string("name") }
        var tables: [String: DescribedTable] = [:]
        for name in names {
            var table = DescribedTable()
            var keyed: [(position: Int, column: String)] = []
            try db.forEach("""
                SELECT name, type, "notnull" AS not_null, dflt_value, pk FROM pragma_table_info(?) ORDER BY cid
                """, [.text(name)]) { row in
                let column = row.string("name")
                if row.int("pk") > 0 { keyed.append((row.int("pk"), column)) }
                let declared = row.string("type").lowercased()
                table.columns.append(DescribedColumn(
                    name: column, type: declared.isEmpty ? "untyped" : declared,
                    notNull: row.bool("not_null") || row.int("pk") > 0, defaultValue: row.optionalString("dflt_value")))
            }
            table.primaryKey = keyed.sorted { $0.position < $1.position }.map(\.column)
            if table.primaryKey.isEmpty {
                let rowid = PostgresMigrations.hiddenRowIDColumn
                table.columns.append(DescribedColumn(name: rowid, type: "integer", notNull: true, defaultValue: nil))
                table.primaryKey = [rowid]
            }
            let indexes = try db.rows("SELECT name, \"unique\" AS is_unique, origin FROM pragma_index_list(?)", [.text(name)]) {
                (name: $0.string("name"), unique: $0.bool("is_unique"), origin: $0.string("origin"))
            }
            for index in indexes {
                switch index.origin {
                case "u":
                    table.uniqueKeys.insert(try db.rows("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [.text(index.name)]) {
                        $0.string("name")
                    })
                case "c":
                    let sql = try db.first("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [.text(index.name)]) {
                        $0.string("sql")
                    } ?? ""
                    let parts = PostgresSchemaTokens.createIndexParts(sql)
                    table.indexes[index.name] = DescribedIndex(unique: index.unique, columns: parts.columns.map(PostgresSchemaTokens.tokens),
                                                               condition: PostgresSchemaTokens.tokens(parts.condition ?? ""))
                default:
                    break  // the primary key's own index (described by primaryKey)
                }
            }
            try db.forEach("""
                SELECT "from" AS from_column, "table" AS to_table, "to" AS to_column FROM pragma_foreign_key_list(?)
                """, [.text(name)]) { row in
                table.foreignKeys.insert("\(row.string("from_column")) → \(row.string("to_table"))(\(row.string("to_column")))")
            }
            tables[name] = table
        }
        return tables
    }

    static func triggers(_ db: SQLite.Database) throws -> Set<String> {
        Set(try db.rows("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'") { "\($0.string("name")) ON \($0.string("tbl_name"))" })
    }
}

enum PostgresCatalogue {
    static let schemaCondition = "relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())"

    /// Every table of the connection's current schema, as PostgreSQL describes it.
    static func describe(_ db: Connection) throws -> [String: DescribedTable] {
        let names = try db.rows("SELECT relname FROM pg_class WHERE \(schemaCondition) AND relkind = 'r'", []) { $0.string("relname") }
        var tables: [String: DescribedTable] = [:]
        for name in names {
            var table = DescribedTable()
            try db.forEach("""
                SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
                       pg_get_expr(d.adbin, d.adrelid) AS default_value
                FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attnum
                """, [.text(name)]) { row in
                let type = row.string("type")
                table.columns.append(DescribedColumn(
                    name: row.string("name"), type: type == "bigint" ? "integer" : type, notNull: row.bool("not_null"),
                    defaultValue: row.optionalString("default_value").map(withoutCast)))
            }
            // Each index's key columns (or expressions), with what it backs: a primary key, a UNIQUE
            // constraint, or nothing (an index made by name).
            var columns: [String: [[String]]] = [:]
            try db.forEach("""
                SELECT i.relname AS name, pg_get_indexdef(x.indexrelid, k.n, true) AS column_text
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                     CROSS JOIN LATERAL generate_series(1, x.indnkeyatts) AS k(n)
                WHERE x.indrelid = to_regclass(?)
                ORDER BY i.relname, k.n
                """, [.text(name)]) { row in
                columns[row.string("name"), default: []].append(PostgresSchemaTokens.tokens(row.string("column_text")))
            }
            try db.forEach("""
                SELECT i.relname AS name, x.indisunique AS is_unique, x.indisprimary AS is_primary,
                       pg_get_expr(x.indpred, x.indrelid, true) AS condition,
                       EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype = 'u') AS is_constraint
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid = to_regclass(?)
                """, [.text(name)]) { row in
                let key = columns[row.string("name")] ?? []
                if row.bool("is_primary") {
                    table.primaryKey = key.map { $0.joined(separator: " ") }
                } else if row.bool("is_constraint") {
                    table.uniqueKeys.insert(key.map { $0.joined(separator: " ") })
                } else {
                    table.indexes[row.string("name")] = DescribedIndex(unique: row.bool("is_unique"), columns: key,
                                                                       condition: PostgresSchemaTokens.tokens(row.string("condition")))
                }
            }
            try db.forEach("""
                SELECT a.attname AS from_column, t.relname AS to_table, b.attname AS to_column, cardinality(c.conkey) AS width
                FROM pg_constraint c
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                     JOIN pg_class t ON t.oid = c.confrelid
                     JOIN pg_attribute b ON b.attrelid = c.confrelid AND b.attnum = c.confkey[1]
                WHERE c.conrelid = to_regclass(?) AND c.contype = 'f'
                """, [.text(name)]) { row in
                // Every foreign key of the shop is of one column; one of several would be compared wrongly.
                #expect(row.int("width") == 1, "\(name): a foreign key of several columns")
                table.foreignKeys.insert("\(row.string("from_column")) → \(row.string("to_table"))(\(row.string("to_column")))")
            }
            tables[name] = table
        }
        return tables
    }

    static func triggers(_ db: Connection) throws -> Set<String> {
        Set(try db.rows("""
            SELECT t.tgname AS name, c.relname AS table_name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.\(schemaCondition) AND NOT t.tgisinternal
            """, []) { "\($0.string("name")) ON \($0.string("table_name"))" })
    }

    /// A default as PostgreSQL prints it, without the cast it adds (`'car'::text`).
    static func withoutCast(_ text: String) -> String {
        for cast in ["::text", "::bigint"] where text.hasSuffix(cast) { return String(text.dropLast(cast.count)) }
        return text
    }
}
