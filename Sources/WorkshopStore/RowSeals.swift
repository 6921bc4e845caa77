import Security
import SQLite

/// Row seals (table `row_seals`, 007-record-seals): for every row a journal entry's transaction
/// wrote, the row's digest after it (NULL: deleted), and whether Workshop found the row as its last
/// seal said before changing it. A row's seal from its latest entry is what `verify` checks the row
/// against; each entry's hash covers the digest of its seals, so the seals are as safe as the chain.
enum RowSeals {
    /// Seals what the transaction touched under `entry`. Returns the digest of the entry's seals
    /// (`digest(ofEntry:)`), read after the new seals in their batch (on a server, their round trip).
    static func seal(_ touches: [TouchedRows.Touch], shapes: [String: TableShape], entry: Int, _ db: ShopDatabase) throws -> String? {
        let sealable = touches.compactMap { touch in shapes[touch.table].map { (touch, $0) } }
        // Every row's latest seal (on a server read with the row's change already, PostgresTouchedRows),
        // then every row's new seal: two batches (on a server, round trips whatever the number of
        // rows). A row is touched once, so no lookup sees another's seal.
        var expected = sealable.map { touch, _ in touch.latestSeal?.digest }
        let unknown = sealable.indices.filter { sealable[$0].0.latestSeal == nil }
        try db.runEach(unknown.map { (latestSealQuery, [.text(sealable[$0].0.table), sealable[$0].0.key.value]) }) { index, row in
            expected[unknown[index]] = row.optionalString("digest")
        }
        let seals = sealable.enumerated().map { index, sealing -> (sql: String, arguments: [SQLValue]) in
            let (touch, shape) = sealing
            // The tamper log is written outside Workshop: a row of it is sealed as found.
            let altered = touch.table != TableShape.tamperLog && expected[index] != touch.found
            // A row made and removed in the same transaction, never sealed before, leaves no seal.
            let mustSeal = touch.found != nil || expected[index] != nil || altered
            return (shape.sealStatement, [.integer(Int64(entry)), .text(touch.table), touch.key.value, SQLValue(altered)]
                    + shape.keyParameters(touch.key) + [SQLValue(mustSeal)])
        }
        var digest = SealsDigest(shapes, db)
        try db.runEach(seals + [(digest.query, [.integer(Int64(entry))])]) { index, row in
            if index == seals.count { digest.append(row) }
        }
        return digest.value
    }

    static let latestSealQuery = "SELECT entry_id, digest FROM row_seals WHERE tbl = ? AND row_key = ? ORDER BY entry_id DESC LIMIT 1"

    /// The latest seal of a row: the entry that wrote it and its digest then (nil: it deleted the
    /// row). Nil when no entry ever sealed the row.
    static func latestSeal(_ table: String, _ key: RowKey, _ db: ShopDatabase) throws -> (entry: Int, digest: String?)? {
        try db.first(latestSealQuery, [.text(table), key.value]) { ($0.int("entry_id"), $0.optionalString("digest")) }
    }

    /// The tamper log's rows no entry has sealed yet (the watch triggers add them outside Workshop).
    static func unsealedTamperLogRows(_ shapes: [String: TableShape], _ db: ShopDatabase) throws -> [(RowKey, String?)] {
        guard let query = unsealedTamperLogQuery(shapes, db) else { return [] }
        return try db.rows(query) { (RowKey.rowid(Int64($0.int("k"))), $0.optionalString("d")) }
    }

    /// The statement `unsealedTamperLogRows` runs (nil when the tamper log is not sealed).
    static func unsealedTamperLogQuery(_ shapes: [String: TableShape], _ db: ShopDatabase) -> String? {
        guard let shape = shapes[TableShape.tamperLog] else { return nil }
        // The highest rowid sealed: on a server the keys are text, compared as the numbers they are.
        let lastSealed = db.text(PortableSQL(
            sqlite: "SELECT max(row_key) FROM row_seals WHERE tbl = '\(TableShape.tamperLog)'",
            postgres: "SELECT max(\(integerKey)) FROM row_seals WHERE tbl = '\(TableShape.tamperLog)'"))
        return """
            SELECT \(shape.keyExpression) AS k, \(shape.digestExpression) AS d FROM \(shape.quotedName) AS t
            WHERE \(shape.keyExpression) > coalesce((\(lastSealed)), 0)
            ORDER BY \(shape.keyExpression)
            """
    }

    /// On PostgreSQL `row_key` is TEXT, a rowid written in decimal (PostgresMigrations); SQLite
    /// keeps a rowid as an integer, which sorts as a number (before any text) and hashes as one.
    /// This SQL reads a seal's key back as SQLite has it: the integer when the text is a rowid's
    /// decimal, else NULL (the text stands). Never an error, whatever text a forged seal holds: an
    /// error would abort the write or the verify reading it.
    static let integerKey = "CASE WHEN row_key ~ '^(0|-?[1-9][0-9]{0,17})$' THEN CAST(row_key AS bigint) END"

    /// The same, for the seals of the tables keyed by rowid only: a WITHOUT ROWID table's key is
    /// text even when it is made of digits.
    static func integerKey(ofRowidTables shapes: [String: TableShape]) -> String {
        let tables = shapes.values.filter { $0.keyColumns == nil }.map { "'" + $0.name.replacingOccurrences(of: "'", with: "''") + "'" }.sorted()
        guard !tables.isEmpty else { return "CAST(NULL AS bigint)" }
        return "CASE WHEN tbl IN (\(tables.joined(separator: ", "))) THEN \(integerKey) END"
    }

    /// How the seals are read for the digest an entry's hash covers: the columns (table, key,
    /// digest, altered; on PostgreSQL then the key as an integer, `integerKey`) and their order —
    /// SQLite's order and types on either engine, so an entry hashes the same on both.
    static func sealColumns(_ shapes: [String: TableShape], _ db: ShopDatabase) -> (columns: String, order: String, integerKey: Bool) {
        guard db.isPostgres else { return ("tbl, row_key, digest, altered", "tbl, row_key", false) }
        // NULLs sort last in ascending order: a table's integer keys, then any text ones.
        return ("tbl, row_key, digest, altered, \(integerKey(ofRowidTables: shapes)) AS int_key", "tbl, int_key, row_key", true)
    }

    /// The digest of one entry's seals, in key order, as its hash covers it; nil when it has none.
    static func digest(ofEntry entry: Int, shapes: [String: TableShape], _ db: ShopDatabase) throws -> String? {
        var digest = SealsDigest(shapes, db)
        try db.forEach(digest.query, [.integer(Int64(entry))]) { digest.append($0) }
        return digest.value
    }

    /// The digest of one entry's seals, made from the rows of `query` (its one argument: the entry).
    struct SealsDigest {
        let query: String
        private let integerKey: Bool
        private var bytes: [UInt8] = []
        private var count = 0

        init(_ shapes: [String: TableShape], _ db: ShopDatabase) {
            let read = RowSeals.sealColumns(shapes, db)
            query = "SELECT \(read.columns) FROM row_seals WHERE entry_id = ? ORDER BY \(read.order)"
            integerKey = read.integerKey
        }

        mutating func append(_ row: ShopRow) {
            RowSeals.appendSeal(row, from: 0, integerKey: integerKey, to: &bytes)
            count += 1
        }

        /// Nil when the entry has no seals.
        var value: String? { count == 0 ? nil : Digest.hex(Digest.sha256(bytes)) }
    }

    /// One seal in the form an entry's rows digest covers: table, key, digest, whether found altered
    /// (the columns from `first` on, as `sealColumns` reads them). With `integerKey`, the column
    /// after them holds the key as an integer, which stands for the text key when it is not NULL.
    static func appendSeal(_ row: ShopRow, from first: Int32, integerKey: Bool, to bytes: inout [UInt8]) {
        row.appendCanonical(first, to: &bytes)
        if integerKey, !row.isNull(first + 4) {
            CanonicalBytes.append(.integer(Int64(row.int(first + 4))), to: &bytes)
        } else {
            row.appendCanonical(first + 1, to: &bytes)
        }
        row.appendCanonical(first + 2, to: &bytes)
        row.appendCanonical(first + 3, to: &bytes)
    }

    /// Seals every row of every sealed table as it is now, under `entry` (007-record-seals: the
    /// record as the migration found it). Returns the rows sealed per table, tables in name order.
    static func sealEverything(_ shapes: [String: TableShape], entry: Int, _ db: ShopDatabase) throws -> [(table: String, rows: Int)] {
        var counts: [(table: String, rows: Int)] = []
        for shape in shapes.values.sorted(by: { $0.name < $1.name }) {
            try db.run("""
                INSERT INTO row_seals(entry_id, tbl, row_key, digest, altered)
                SELECT ?, ?, \(shape.storedKeyExpression), \(shape.digestExpression), 0 FROM \(shape.quotedName) AS t
                """, [.integer(Int64(entry)), .text(shape.name)])
            counts.append((shape.name, db.changes))
        }
        return counts
    }
}
