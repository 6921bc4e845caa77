import SQLite

/// A row's key as the row seals store it: the rowid of a rowid table; for a WITHOUT ROWID table
/// its primary key's value, or the values of a key of several columns joined by U+001F (a
/// character no one can type, so two keys never run together).
enum RowKey: Hashable, Sendable {
    case rowid(Int64)
    case text(String)

    static let separator = "\u{1F}"

    var value: SQLValue {
        switch self {
        case .rowid(let id): return .integer(id)
        case .text(let text): return .text(text)
        }
    }

    init?(_ value: SQLValue) {
        switch value {
        case .integer(let id): self = .rowid(id)
        case .text(let text): self = .text(text)
        default: return nil
        }
    }

    /// As a person reads it: a rowid, a code, or the parts of a composite key joined by "/".
    var display: String {
        switch self {
        case .rowid(let id): return String(id)
        case .text(let text): return text.replacingOccurrences(of: RowKey.separator, with: "/")
        }
    }
}

/// A table whose rows are sealed: its columns in order and how its rows are keyed, with the SQL
/// that digests a row. Read from the schema itself, so a table added later is sealed too.
///
/// On SQLite the digest is the function `workshop_row_digest` Workshop defines on its connection;
/// on PostgreSQL it is an expression of the server's own functions (PostgresRowDigest) giving the
/// same bytes, so that a shop's rows verify the same on either.
struct TableShape: Sendable {
    let name: String
    let columns: [String]
    /// The positions of the primary key's columns, in key order, for a WITHOUT ROWID table; nil for
    /// a table keyed by rowid.
    let keyColumns: [Int]?
    /// The SQL below, made once: every write seals its rows with it (each quoted name was being
    /// made again for every row sealed).
    let quotedName: String
    let keyExpression: String
    let digestExpression: String
    let keyCondition: String
    /// The key, to compare with `row_seals.row_key` (searchSeals).
    let keyForComparison: String
    /// The key as `row_seals.row_key` holds it (sealEverything).
    let storedKeyExpression: String
    /// Seals one row under an entry (RowSeals.seal).
    let sealStatement: String

    /// A table of a SQLite shop.
    init(name: String, columns: [String], keyColumns: [Int]?) {
        self.name = name
        self.columns = columns
        self.keyColumns = keyColumns
        func quoted(_ column: String) -> String { "t." + TableShape.quoted(column) }
        quotedName = TableShape.quoted(name)
        // The key of row `t`, in SQL; always text for a WITHOUT ROWID table, as the hook's side makes it (RowKey.text).
        keyExpression = keyColumns.map { $0.map { "CAST(" + quoted(columns[$0]) + " AS TEXT)" }.joined(separator: " || char(31) || ") }
            ?? "t.rowid"
        // The row's digest (RowDigest.function over the table's name, the key and every column).
        digestExpression = "\(RowDigest.function)('\(name.replacingOccurrences(of: "'", with: "''"))', \(keyExpression)"
            + columns.map { ", " + quoted($0) }.joined() + ")"
        // Selects the row of `t` whose key is given as one parameter per key column.
        keyCondition = keyColumns.map { $0.map { quoted(columns[$0]) + " = ?" }.joined(separator: " AND ") } ?? "t.rowid = ?"
        // Without affinity (the unary +), so that the comparison is the column's own and SQLite
        // searches the seals' primary key with it.
        keyForComparison = "+(" + keyExpression + ")"
        storedKeyExpression = keyExpression
        sealStatement = """
            INSERT INTO row_seals(entry_id, tbl, row_key, digest, altered)
            SELECT ?, ?, ?, d, ? FROM (SELECT (SELECT \(digestExpression) FROM \(quotedName) AS t
                                               WHERE \(keyCondition)) AS d)
            WHERE d IS NOT NULL OR ?
            """
    }

    /// A table of a shop on PostgreSQL. `rowid`: the column that stands for SQLite's rowid in a
    /// table keyed by it (its integer primary key, or the `rowid` column PostgreSQL has in place of
    /// the hidden one); nil for a table keyed otherwise (`keyColumns`).
    init(postgres name: String, columns: [PostgresRowDigest.Column], keyColumns: [Int]?, rowid: String?) {
        self.name = name
        self.columns = columns.map(\.name)
        self.keyColumns = keyColumns
        func quoted(_ column: String) -> String { "t." + TableShape.quoted(column) }
        quotedName = TableShape.quoted(name)
        let isRowidKey = keyColumns == nil
        keyExpression = keyColumns.map { $0.map { "CAST(" + quoted(columns[$0].name) + " AS TEXT)" }.joined(separator: " || chr(31) || ") }
            ?? quoted(rowid ?? "rowid")
        digestExpression = PostgresRowDigest.expression(table: name, key: keyExpression, keyIsInteger: isRowidKey,
                                                        columns: columns.map { ($0, quoted($0.name)) })
        keyCondition = keyColumns.map { $0.map { quoted(columns[$0].name) + " = ?" }.joined(separator: " AND ") }
            ?? quoted(rowid ?? "rowid") + " = ?"
        // row_seals.row_key is TEXT on the server: a rowid is kept in decimal (PostgresMigrations).
        storedKeyExpression = isRowidKey ? "CAST(" + keyExpression + " AS TEXT)" : keyExpression
        keyForComparison = storedKeyExpression
        // The parameters' types said, not left to the server to infer (a rowid is given as an integer, kept as text).
        sealStatement = """
            INSERT INTO row_seals(entry_id, tbl, row_key, digest, altered)
            SELECT CAST(? AS bigint), CAST(? AS text), CAST(? AS text), d, CAST(? AS bigint)
            FROM (SELECT (SELECT \(digestExpression) FROM \(quotedName) AS t WHERE \(keyCondition)) AS d) AS found
            WHERE d IS NOT NULL OR CAST(? AS boolean)
            """
    }

    /// A name as an SQL identifier, whatever it holds.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Tables that are not sealed row by row: the journal (its hash chain covers it), the seals
    /// themselves (each entry's digest covers them), Workshop's writer mark and its list of
    /// migrations (bookkeeping), the report's running totals (derived: `verify` computes them again
    /// from the sealed orders, lines and payments), and SQLite's own tables.
    static let unsealed: Set<String> = ["journal", "row_seals", "writer_mark", "schema_migrations",
                                        "report_tallies", "report_method_tallies"]

    /// The tamper log is written by the watch triggers outside Workshop's transactions: its rows
    /// are sealed by the next write that finds them, and a row not sealed yet is no problem.
    static let tamperLog = "tamper_log"

    static func isSealed(_ table: String) -> Bool {
        !unsealed.contains(table) && !table.hasPrefix("sqlite_")
    }

    /// The values to bind to `keyCondition`.
    func keyParameters(_ key: RowKey) -> [SQLValue] {
        switch key {
        case .rowid(let id): return [.integer(id)]
        case .text(let text):
            guard let keyColumns, keyColumns.count > 1 else { return [.text(text)] }
            // The parts are bound as text: SQLite compares them with the columns' affinity.
            return text.components(separatedBy: RowKey.separator).map { .text($0) }
        }
    }

    /// The key of a row as the pre-update hook shows it, before (`old`) or after the change.
    func key(of change: RowChange, old: Bool) -> RowKey {
        guard let keyColumns else { return .rowid(old ? change.oldRowID : change.newRowID) }
        let parts = keyColumns.map { old ? change.oldValue($0) : change.newValue($0) }
        return .text(parts.map { part -> String in
            switch part {
            case .integer(let value): return String(value)
            case .real(let value): return String(value)
            case .text(let text): return text
            case .null: return ""
            }
        }.joined(separator: RowKey.separator))
    }

    /// Every sealed table of the database, from the schema.
    static func load(_ db: ShopDatabase) throws -> [String: TableShape] {
        if db.isPostgres { return try loadFromServer(db) }
        var found: [String: (columns: [String], key: [(Int, Int)], withoutRowid: Bool)] = [:]
        try db.forEach("""
            SELECT l.name AS tbl, l.wr AS wr, p.cid AS cid, p.name AS col, p.pk AS pk
            FROM pragma_table_list AS l JOIN pragma_table_info(l.name) AS p
            WHERE l.schema = 'main' AND l.type = 'table'
            ORDER BY l.name, p.cid
            """) { row in
            let table = row.string("tbl")
            guard isSealed(table) else { return }
            var shape = found[table] ?? ([], [], row.bool("wr"))
            if row.int("pk") > 0 { shape.key.append((row.int("pk"), shape.columns.count)) }
            shape.columns.append(row.string("col"))
            found[table] = shape
        }
        var shapes: [String: TableShape] = [:]
        for (table, shape) in found {
            let key = shape.withoutRowid ? shape.key.sorted { $0.0 < $1.0 }.map(\.1) : nil
            shapes[table] = TableShape(name: table, columns: shape.columns, keyColumns: key)
        }
        return shapes
    }

    /// Every sealed table of the shop's schema on a PostgreSQL server (the connection's current
    /// schema), from its catalogue, columns in order: the same tables, columns and keys as SQLite's
    /// (the drift test keeps the two schemas alike, and PostgresSealTests these shapes). PostgreSQL
    /// has no rowid, so a table is keyed as SQLite keys it:
    ///
    /// - by the column named `rowid` when it has one (PostgresMigrations.hiddenRowIDColumn: the
    ///   three tables SQLite keys by its hidden rowid), left out of the columns, as SQLite's
    ///   pragma_table_info leaves the hidden one out;
    /// - by its primary key when that is one integer column (SQLite's INTEGER PRIMARY KEY is the
    ///   rowid itself);
    /// - else by its primary key's columns as text (the WITHOUT ROWID tables).
    ///
    /// A table with no primary key at all cannot be keyed as SQLite would: it is not sealed (the
    /// shop's schema has none; the shape test would name one).
    private static func loadFromServer(_ db: ShopDatabase) throws -> [String: TableShape] {
        var found: [String: (columns: [PostgresRowDigest.Column], key: [(Int, Int)], rowid: Bool)] = [:]
        // `pk`: the column's place in the primary key, from 1 (indkey's subscripts start at 0), as SQLite's pragma gives it.
        try db.forEach("""
            SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, NULL) AS type, a.attnotnull AS not_null,
                   coalesce(array_position(k.indkey::int2[], a.attnum) + 1 - array_lower(k.indkey::int2[], 1), 0) AS pk
            FROM pg_class AS c
            JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_index AS k ON k.indrelid = c.oid AND k.indisprimary
            WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.relkind IN ('r', 'p')
            ORDER BY c.relname, a.attnum
            """) { row in
            let table = row.string("tbl")
            guard isSealed(table) else { return }
            var shape = found[table] ?? ([], [], false)
            let column = row.string("col")
            if column == PostgresMigrations.hiddenRowIDColumn {
                shape.rowid = true
            } else {
                if row.int("pk") > 0 { shape.key.append((row.int("pk"), shape.columns.count)) }
                shape.columns.append(PostgresRowDigest.Column(name: column, type: row.string("type"), notNull: row.bool("not_null")))
            }
            found[table] = shape
        }
        var shapes: [String: TableShape] = [:]
        for (table, shape) in found {
            let key = shape.key.sorted { $0.0 < $1.0 }.map(\.1)
            if shape.rowid {
                shapes[table] = TableShape(postgres: table, columns: shape.columns, keyColumns: nil, rowid: PostgresMigrations.hiddenRowIDColumn)
            } else if key.count == 1, shape.columns[key[0]].kind == .integer {
                shapes[table] = TableShape(postgres: table, columns: shape.columns, keyColumns: nil, rowid: shape.columns[key[0]].name)
            } else if !key.isEmpty {
                shapes[table] = TableShape(postgres: table, columns: shape.columns, keyColumns: key, rowid: nil)
            }
        }
        return shapes
    }
}
