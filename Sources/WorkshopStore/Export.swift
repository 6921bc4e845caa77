import Foundation
import SafeFiles
import SQLite
import WorkshopModel

extension Store {
    /// Tables that are Workshop's bookkeeping, not the shop's record: the writer mark (empty
    /// outside a transaction) and the list of schema migrations applied.
    static let bookkeepingTables: Set<String> = ["writer_mark", "schema_migrations"]

    /// Columns that stay in the shop: staff without their PIN hashes and sign-in state, the
    /// national record's account without its password and token.
    static let withheldColumns: [String: Set<String>] = [
        "staff": ["pin_hash", "failed_attempts", "locked_until", "sign_off_failures", "sign_off_locked_until"],
        "health_record_account": ["password", "token"],
        "sites": ["health_record_password", "health_record_token"],
    ]

    /// Every table the shop owns, by name: all of them but SQLite's own and Workshop's bookkeeping,
    /// read from the schema itself so that a table added later can never be left out unnoticed.
    func exportedTables() throws -> [String] {
        try db.rows(db.text(Store.tableNames)) { $0.string("name") }.filter { !Store.bookkeepingTables.contains($0) }
    }

    /// The shop's tables by name, from each engine's catalogue.
    static let tableNames = PortableSQL(
        sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        postgres: "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")

    /// A table's columns in their order. On PostgreSQL three tables (belongings, received_documents,
    /// inspection_items) have a `rowid` column standing in for SQLite's hidden one: not exported,
    /// so that an export reads the same from either engine.
    static let columnNames = PortableSQL(
        sqlite: "SELECT name FROM pragma_table_info(?) ORDER BY cid",
        postgres: """
            SELECT column_name AS name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ? AND column_name <> 'rowid' ORDER BY ordinal_position
            """)

    /// Writes every table the shop owns into `directory` as CSV (UTF-8 with BOM, RFC 4180) and JSON
    /// (an array of objects), with a README listing the counts. Money stays in fen, times in UTC
    /// seconds. Returns each table with its number of rows.
    public func export(to directory: String) throws -> [(table: String, rows: Int)] {
        var counts: [(table: String, rows: Int)] = []
        for table in try exportedTables() {
            let columns = try db.rows(db.text(Store.columnNames), [.text(table)]) { $0.string("name") }
                .filter { !(Store.withheldColumns[table]?.contains($0) ?? false) }
            // The header comes with the first row: an empty table is an empty file, as it always was.
            var csv = ""
            var json = "["
            var rows = 0
            // Ordered by every column in turn, not by the first alone: rows that share it (an order's
            // belongings, a stage's check items) come out in one order whichever engine holds them,
            // a NULL first as SQLite puts it.
            let select = "SELECT " + columns.map { "\"\($0)\"" }.joined(separator: ", ") + " FROM \"\(table)\" ORDER BY "
                + columns.indices.map { "\($0 + 1) NULLS FIRST" }.joined(separator: ", ")
            // On a server a page at a time (a table as long as the shop's history).
            try db.walk(select) { row in
                if rows == 0 { csv += columns.map(CSV.field).joined(separator: ",") + "\r\n" }
                var values: [String] = []
                var object: [(String, JSON)] = []
                for column in columns {
                    switch row.value(column) {
                    case .null: values.append(""); object.append((column, .null))
                    case .integer(let i): values.append(String(i)); object.append((column, .int(Int(i))))
                    case .real(let d): values.append(String(d)); object.append((column, .string(String(d))))
                    case .text(let t): values.append(CSV.textField(t)); object.append((column, .string(t)))
                    }
                }
                csv += values.joined(separator: ",") + "\r\n"
                json += (rows == 0 ? "\n" : ",\n") + JSON.object(object).serialized()
                rows += 1
            }
            json += rows == 0 ? "]\n" : "\n]\n"
            try Store.write("\u{FEFF}" + csv, to: directory + "/\(table).csv")
            try Store.write(json, to: directory + "/\(table).json")
            counts.append((table, rows))
        }
        let manifest = "Workshop export \(settings.timeZone.format(context.now)) · \(settings.name)\n"
            + "Each table as CSV (UTF-8 with BOM, RFC 4180) and JSON (an array of objects). Money in fen, times in UTC seconds.\n\n"
            + counts.map { "\($0.table): \($0.rows) rows" }.joined(separator: "\n") + "\n"
        try Store.write(manifest, to: directory + "/README.txt")
        return counts
    }

    /// Each file whole or not at all, readable by the shop's account only (SafeFile); the README
    /// is written last, so an export with its README is complete.
    static func write(_ text: String, to path: String) throws {
        try SafeFile.write(text, to: path)
    }
}

enum CSV {
    /// A field quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A text cell a spreadsheet would run as a formula — one beginning with =, +, -, @, a tab or
    /// a carriage return — gets a single quote in front, as the OWASP guidance on CSV injection
    /// says: the spreadsheet shows the text and runs nothing. Then quoted as any field.
    /// (Numbers are written as numbers, never through here; the JSON keeps every text exact.)
    static func textField(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return field(text) }
        return field("'" + text)
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
