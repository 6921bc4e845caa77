import Postgres
import Security
import SQLite
import WorkshopModel

/// Both sides of a move read back (ShopTransfer), inside its transaction: each table's rows, counted
/// and digested whole; the money; the journal's end and its chain walked again on each side.
enum TransferCheck {
    /// The money columns whose sums a person compares, where the schema has them: what orders
    /// charge, what was paid and refunded, what members' cards took in and gave out. (Every column
    /// of every row is compared anyway, by the tables' digests: these are the figures to read.)
    static let moneyColumns: [(table: String, column: String)] = [
        ("order_lines", "amount"), ("payments", "amount"),
        ("member_cards", "paid_in"), ("member_cards", "bonus"),
        ("card_movements", "paid_in_delta"), ("card_movements", "bonus_delta"), ("card_movements", "amount"),
        ("report_tallies", "revenue"), ("report_method_tallies", "received"), ("report_method_tallies", "refunded"),
    ]

    static func compare(_ tables: [TransferTable], file: SQLite.Database, server: Postgres.Connection,
                        writerMarkLeftInFile: Bool, context: ChangeContext) throws -> TransferComparison {
        var compared: [TransferComparison.Table] = []
        for table in tables.sorted(by: { $0.name < $1.name }) {
            let onFile = try fileDigest(table, file)
            let onServer = try serverDigest(table, server)
            compared.append(.init(name: table.name, fileRows: onFile.rows, serverRows: onServer.rows, sameRows: onFile == onServer))
        }
        var sums: [TransferComparison.Sum] = []
        for (name, column) in moneyColumns {
            guard let table = tables.first(where: { $0.name == name }), table.columns.contains(column) else { continue }
            let sum = "SELECT coalesce(sum(\(TransferTables.quoted(column))), 0) AS total FROM \(table.quotedName)"
            sums.append(.init(table: name, column: column, file: try file.scalar(sum, []) ?? 0, server: try server.scalar(sum, []) ?? 0))
        }
        return TransferComparison(tables: compared, sums: sums,
                                  fileJournal: try journal(ShopDatabase(file), context: context),
                                  serverJournal: try journal(ShopDatabase(server), context: context),
                                  writerMarkLeftInFile: writerMarkLeftInFile)
    }

    /// The journal's end and what walking its chain finds, by verify's own walk (VerifyChain), the
    /// seals of each entry included: a seal's key, text on the server, is read back as SQLite's
    /// number, so each entry's digest of its seals must come out the same on both sides.
    static func journal(_ db: ShopDatabase, context: ChangeContext) throws -> TransferComparison.Journal {
        var report = VerifyReport()
        let store = Store(reading: db, context: context)
        try store.verifyChain(try store.sealedTables(), &report)
        return .init(entries: report.journalEntries, lastEntry: report.head.entry, lastHash: report.head.hash,
                     chainFindings: report.problems)
    }

    // MARK: Digests of whole tables

    /// A table's rows, counted, and digested in no particular order: each row's SHA-256 (over its
    /// values in canonical form) added into 256 bits, so the file's rowid order and the server's
    /// key order give the same digest for the same rows.
    struct TableDigest: Equatable {
        var rows = 0
        var lanes: [UInt64] = [0, 0, 0, 0]

        mutating func add(_ digest: [UInt8]) {
            rows += 1
            for lane in 0..<4 {
                var word: UInt64 = 0
                for byte in digest[(lane * 8)..<(lane * 8 + 8)] { word = word << 8 | UInt64(byte) }
                lanes[lane] &+= word
            }
        }
    }

    /// The file's rows, each value as the server keeps it: a number in a column the server keeps
    /// as text is its decimal text (a seal's rowid key); everything else as SQLite holds it, a
    /// blob as a blob (which no server column holds, so it can never pass for text).
    static func fileDigest(_ table: TransferTable, _ file: SQLite.Database) throws -> TableDigest {
        var digest = TableDigest()
        let hasher = SHA256Stream()
        var bytes: [UInt8] = []
        try file.forEach("SELECT \(table.fileColumns.joined(separator: ", ")) FROM \(table.quotedName)", []) { row in
            bytes.removeAll(keepingCapacity: true)
            for column in 0..<Int32(table.columns.count) {
                switch (table.isText[Int(column)], row.value(column)) {
                case (true, .integer(let number)): CanonicalBytes.append(.text(String(number)), to: &bytes)
                case (true, .real(let number)): CanonicalBytes.append(.text("\(number)"), to: &bytes)
                default: row.appendCanonical(column, to: &bytes)
                }
            }
            digest.add(hasher.digest(bytes))
        }
        return digest
    }

    /// The server's rows, a page at a time through a cursor (Postgres.Connection.walk): a table of
    /// millions of seals is never held whole in memory (libpq keeps a result whole).
    static func serverDigest(_ table: TransferTable, _ server: Postgres.Connection) throws -> TableDigest {
        var digest = TableDigest()
        let hasher = SHA256Stream()
        var bytes: [UInt8] = []
        let columns = table.columns.map(TransferTables.quoted).joined(separator: ", ")
        try server.walk("SELECT \(columns) FROM \(table.quotedName)", []) { row in
            bytes.removeAll(keepingCapacity: true)
            for column in 0..<row.columnCount { CanonicalBytes.append(row.value(column), to: &bytes) }
            digest.add(hasher.digest(bytes))
        }
        return digest
    }
}
