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
    /// Seals one row under an entry (RowSeals.seal).
    let sealStatement: String

    init(name: String, columns: [String], keyColumns: [Int]?) {
        self.name = name
        self.columns = columns
        self.keyColumns = keyColumns
        func quoted(_ column: String) -> String { "t.\"" + column.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        quotedName = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        // The key of row `t`, in SQL; always text for a WITHOUT ROWID table, as the hook's side makes it (RowKey.text).
        keyExpression = keyColumns.map { $0.map { "CAST(" + quoted(columns[$0]) + " AS TEXT)" }.joined(separator: " || char(31) || ") }
            ?? "t.rowid"
        // The row's digest (RowDigest.function over the table's name, the key and every column).
        digestExpression = "\(RowDigest.function)('\(name.replacingOccurrences(of: "'", with: "''"))', \(keyExpression)"
            + columns.map { ", " + quoted($0) }.joined() + ")"
        // Selects the row of `t` whose key is given as one parameter per key column.
        keyCondition = keyColumns.map { $0.map { quoted(columns[$0]) + " = ?" }.joined(separator: " AND ") } ?? "t.rowid = ?"
        sealStatement = """
            INSERT INTO row_seals(entry_id, tbl, row_key, digest, altered)
            SELECT ?, ?, ?, d, ? FROM (SELECT (SELECT \(digestExpression) FROM \(quotedName) AS t
                                               WHERE \(keyCondition)) AS d)
            WHERE d IS NOT NULL OR ?
            """
    }

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

    /// The key, to compare with `row_seals.row_key`: without affinity (the unary +), so that the
    /// comparison is the column's own and SQLite searches the seals' primary key with it.
    var keyForComparison: String { "+(" + keyExpression + ")" }

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
}
