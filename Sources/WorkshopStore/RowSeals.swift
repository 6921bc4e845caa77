import Security
import SQLite

/// Row seals (table `row_seals`, 007-record-seals): for every row a journal entry's transaction
/// wrote, the row's digest after it (NULL: deleted), and whether Workshop found the row as its last
/// seal said before changing it. A row's seal from its latest entry is what `verify` checks the row
/// against; each entry's hash covers the digest of its seals, so the seals are as safe as the chain.
enum RowSeals {
    /// Seals what the transaction touched under `entry`. Returns how many rows were sealed.
    @discardableResult
    static func seal(_ touches: [TouchedRows.Touch], shapes: [String: TableShape], entry: Int, _ db: ShopDatabase) throws -> Int {
        var sealed = 0
        for touch in touches {
            guard let shape = shapes[touch.table] else { continue }
            let latest = try latestSeal(touch.table, touch.key, db)
            let expected = latest?.digest
            // The tamper log is written outside Workshop: a row of it is sealed as found.
            let altered = touch.table != TableShape.tamperLog && expected != touch.found
            // A row made and removed in the same transaction, never sealed before, leaves no seal.
            let mustSeal = touch.found != nil || expected != nil || altered
            try db.run(shape.sealStatement, [.integer(Int64(entry)), .text(touch.table), touch.key.value, SQLValue(altered)]
                   + shape.keyParameters(touch.key) + [SQLValue(mustSeal)])
            sealed += db.changes
        }
        return sealed
    }

    /// The latest seal of a row: the entry that wrote it and its digest then (nil: it deleted the
    /// row). Nil when no entry ever sealed the row.
    static func latestSeal(_ table: String, _ key: RowKey, _ db: ShopDatabase) throws -> (entry: Int, digest: String?)? {
        try db.first("""
            SELECT entry_id, digest FROM row_seals WHERE tbl = ? AND row_key = ? ORDER BY entry_id DESC LIMIT 1
            """, [.text(table), key.value]) { ($0.int("entry_id"), $0.optionalString("digest")) }
    }

    /// The tamper log's rows no entry has sealed yet (the watch triggers add them outside Workshop).
    static func unsealedTamperLogRows(_ shapes: [String: TableShape], _ db: ShopDatabase) throws -> [(RowKey, String?)] {
        guard let shape = shapes[TableShape.tamperLog] else { return [] }
        return try db.rows("""
            SELECT t.rowid AS k, \(shape.digestExpression) AS d FROM \(shape.quotedName) AS t
            WHERE t.rowid > coalesce((SELECT max(row_key) FROM row_seals WHERE tbl = '\(TableShape.tamperLog)'), 0)
            ORDER BY t.rowid
            """) { (RowKey.rowid(Int64($0.int("k"))), $0.optionalString("d")) }
    }

    /// The digest of one entry's seals, in key order, as its hash covers it; nil when it has none.
    static func digest(ofEntry entry: Int, _ db: ShopDatabase) throws -> String? {
        var bytes: [UInt8] = []
        var count = 0
        try db.forEach("SELECT tbl, row_key, digest, altered FROM row_seals WHERE entry_id = ? ORDER BY tbl, row_key",
                       [.integer(Int64(entry))]) { row in
            appendSeal(row, to: &bytes)
            count += 1
        }
        return count == 0 ? nil : Digest.hex(Digest.sha256(bytes))
    }

    /// One seal in the form an entry's rows digest covers: table, key, digest, whether found altered.
    static func appendSeal(_ row: ShopRow, to bytes: inout [UInt8]) {
        for column in ["tbl", "row_key", "digest", "altered"] { row.appendCanonical(column, to: &bytes) }
    }

    /// Seals every row of every sealed table as it is now, under `entry` (007-record-seals: the
    /// record as the migration found it). Returns the rows sealed per table, tables in name order.
    static func sealEverything(_ shapes: [String: TableShape], entry: Int, _ db: ShopDatabase) throws -> [(table: String, rows: Int)] {
        var counts: [(table: String, rows: Int)] = []
        for shape in shapes.values.sorted(by: { $0.name < $1.name }) {
            try db.run("""
                INSERT INTO row_seals(entry_id, tbl, row_key, digest, altered)
                SELECT ?, ?, \(shape.keyExpression), \(shape.digestExpression), 0 FROM \(shape.quotedName) AS t
                """, [.integer(Int64(entry)), .text(shape.name)])
            counts.append((shape.name, db.changes))
        }
        return counts
    }
}
