import SQLInterface

/// The rows a write changes, on PostgreSQL: what SQLite's pre-update hook tells TouchedRows, told by
/// the server instead. pg-002's triggers (PostgresSealTriggers), one on every sealed table, add a
/// line for every row changed — its table, the row before (json, NULL for an insert) and after
/// (NULL for a delete) — to `pg_temp.workshop_touched`, a table only Workshop's own connection has.
/// At the end of the write (`Store.finishJournal`) the lines are read back here, each row's key and
/// its digest before the change computed by the server with the table's own expressions
/// (TableShape), so that the digest of the row as found is the very digest verify computes.
///
/// - Owned by the schema's owner, the triggers cannot be dropped or disabled by the application's
///   role (PostgresRoles); a session that has no list (anyone else's: psql, a script) only costs
///   them one look in the catalogue, and what it changes is the tamper watch's to log.
/// - The list is temporary: private to the connection, never written to the server's log, and
///   emptied at every commit (ON COMMIT DELETE ROWS), so nothing a transaction noted outside a
///   write (none does) can reach the next one. A rolled-back write takes its lines with it.
/// - If the list were gone, reading it fails the write: rows are never silently left unsealed.
///
/// A row's copy goes through json (row_to_json keeps each column's exact text, and
/// json_populate_record reads it back into the table's own row type), so one trigger function
/// serves every table, and a table added later needs only its trigger.
enum PostgresTouchedRows {
    /// The connection's list. Its columns are what pg-002's trigger function writes: never change them.
    static let table = "pg_temp.\(listName)"
    static let listName = "workshop_touched"

    /// Made at the store's first write, outside any transaction (a table made inside one that
    /// rolled back would be gone while the store still counted on it).
    static let create = """
        CREATE TEMPORARY TABLE IF NOT EXISTS workshop_touched (
            seq     BIGINT GENERATED ALWAYS AS IDENTITY,
            tbl     TEXT NOT NULL,
            old_row JSON,
            new_row JSON
        ) ON COMMIT DELETE ROWS
        """

    static let tablesQuery = "SELECT DISTINCT tbl FROM \(table) ORDER BY tbl"

    /// The tables each kind of command (the first word of its line) touched the last time it wrote:
    /// asked for with the list of tables touched, before it is known. A guess: the list decides.
    final class Guesses {
        var tables: [String: [String]] = [:]
    }

    /// Notes in `touched` every row the transaction changed, in the order they changed (a row's
    /// first change says how Workshop found it).
    static func collect(into touched: TouchedRows, shapes: [String: TableShape], guesses: Guesses, command: String,
                        _ db: ShopDatabase) throws {
        var changes: [(seq: Int, table: String, oldKey: RowKey?, found: String?, newKey: RowKey?,
                       sealed: (old: TouchedRows.LatestSeal, new: TouchedRows.LatestSeal))] = []
        func lines(_ table: String, _ shape: TableShape) -> (sql: String, arguments: [SQLValue]) { (query(shape), [.text(table)]) }
        // With the tables, the tamper log's unsealed rows the write reads next (Store.finishJournal)
        // and the lines of the tables this kind of command touched last time: one round trip for all.
        let kind = String(command.prefix { $0 != " " })
        let guessed = (guesses.tables[kind] ?? []).compactMap { name in shapes[name].map { lines(name, $0) } }
        try db.sendAhead([(tablesQuery, [])] + (RowSeals.unsealedTamperLogQuery(shapes, db).map { [($0, [])] } ?? []) + guessed)
        let tables = try db.rows(tablesQuery) { $0.string("tbl") }
            .compactMap { name in shapes[name].map { (name, $0) } }
        guesses.tables[kind] = tables.map(\.0)
        // Every table's lines: those not guessed in one round trip (none when the guess held).
        let reads = tables.map { lines($0, $1) }
        try db.sendAhead(reads)
        for (index, read) in reads.enumerated() {
            try db.forEach(read.sql, read.arguments) { row in
                changes.append((row.int("seq"), tables[index].0, RowKey(row.value("old_key")), row.optionalString("found"),
                                RowKey(row.value("new_key")),
                                (.init(digest: row.optionalString("old_sealed")), .init(digest: row.optionalString("new_sealed")))))
            }
        }
        for change in changes.sorted(by: { $0.seq < $1.seq }) {
            touched.recordFromServer(table: change.table, oldKey: change.oldKey, found: change.found, newKey: change.newKey,
                                     oldSealed: change.sealed.old, newSealed: change.sealed.new)
        }
    }

    /// One table's lines: each row's key before and after the change, and its digest before, by the
    /// table's own expressions over the row as the trigger copied it (`t`, as those expressions name it);
    /// with each key's latest seal (RowSeals.latestSealQuery's answer), so that sealing the rows
    /// needs no round trip to look them up.
    static func query(_ shape: TableShape) -> String {
        func over(_ column: String, _ expression: String) -> String {
            "CASE WHEN w.\(column) IS NOT NULL THEN (SELECT \(expression) FROM json_populate_record(NULL::\(shape.quotedName), w.\(column)) AS t) END"
        }
        func latestSeal(_ column: String) -> String {
            """
            (SELECT s.digest FROM row_seals AS s WHERE s.tbl = w.tbl AND s.row_key = \(over(column, shape.storedKeyExpression))
             ORDER BY s.entry_id DESC LIMIT 1)
            """
        }
        return """
            SELECT w.seq AS seq, \(over("old_row", shape.keyExpression)) AS old_key, \(over("old_row", shape.digestExpression)) AS found,
                   \(over("new_row", shape.keyExpression)) AS new_key, \(latestSeal("old_row")) AS old_sealed,
                   \(latestSeal("new_row")) AS new_sealed
            FROM \(table) AS w WHERE w.tbl = ? ORDER BY w.seq
            """
    }
}
