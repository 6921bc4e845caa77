import SQLite
import WorkshopModel

extension Store {
    /// Every row of every sealed table against the seal of the entry that wrote it last, and the
    /// rows sealed as present that are gone. Only rows that differ are named (the first ones).
    func verifyRows(_ shapes: [String: TableShape], _ report: inout VerifyReport) throws {
        for shape in shapes.values.sorted(by: { $0.name < $1.name }) {
            var found = TableFindings(table: shape.name, isTamperLog: shape.name == TableShape.tamperLog)
            if shape.keyColumns == nil {
                try mergeWithSeals(shape, &found)
            } else {
                try searchSeals(shape, &found)
            }
            report.rowsChecked += found.rows
            // Rows gone are listed after the rows that differ, unless too many differ to name them all.
            let problems = found.problems + (found.unnamed == 0 ? found.deleted : [])
            report.problems += problems.prefix(Store.listedPerKind)
            let more = problems.count + found.unnamed - Store.listedPerKind
            if more > 0 { report.problems.append(.moreRows(table: shape.name, count: more)) }
        }
    }

    /// A table keyed by rowid, walked in rowid order beside its seals in key order (both in the order
    /// their B-trees keep): each row's digest (RowDigest) against its latest seal, and every key whose
    /// latest seal says present without a row. Two sequential reads, where searching the seals for
    /// each row was most of verify's time on a large shop.
    private func mergeWithSeals(_ shape: TableShape, _ found: inout TableFindings) throws {
        // On a server the keys are text: read as SQLite has them, integers in their order (RowSeals.integerKey),
        // the text itself after them (Seal.init).
        let sealsInKeyOrder = db.text(PortableSQL(
            sqlite: "SELECT row_key, entry_id, digest FROM row_seals WHERE tbl = ? ORDER BY row_key, entry_id",
            postgres: "SELECT \(RowSeals.integerKey) AS k, entry_id, digest, row_key FROM row_seals WHERE tbl = ? ORDER BY k, row_key, entry_id"))
        try db.withCursor(sealsInKeyOrder, [.text(shape.name)]) { seals in
            var next = try seals.next().map(Seal.init)
            /// The latest seal of the next key among the seals, past all of that key's seals.
            func takeKey() throws -> Seal? {
                guard var latest = next else { return nil }
                next = try seals.next().map(Seal.init)
                while let seal = next, seal.key == latest.key {
                    latest = seal
                    next = try seals.next().map(Seal.init)
                }
                return latest
            }
            func noRow(_ seal: Seal) {
                guard seal.digest != nil, let key = RowKey(seal.key) else { return }
                found.deleted.append(.rowDeleted(table: shape.name, row: key.display, entry: seal.entry))
            }
            try db.walk("""
                SELECT \(shape.keyExpression) AS k, \(shape.digestExpression) AS d FROM \(shape.quotedName) AS t ORDER BY \(shape.keyExpression)
                """) { row in
                found.rows += 1
                let rowid = Int64(row.int(0))
                while let seal = next, seal.sortsBefore(rowid), let passed = try takeKey() { noRow(passed) }
                let latest = next?.isKey(rowid) == true ? try takeKey() : nil
                guard row.optionalString(1) != latest?.digest else { return }
                _ = found.differs(.rowid(rowid)) { latest.map { ($0.entry, $0.digest) } }
            }
            while let seal = try takeKey() { noRow(seal) }
        }
    }

    /// A table keyed otherwise (WITHOUT ROWID: the seals' text keys do not sort as its rows do): in
    /// SQL, each row's digest against its latest seal, found through the seals' index.
    private func searchSeals(_ shape: TableShape, _ found: inout TableFindings) throws {
        found.rows = try db.scalar("SELECT count(*) FROM \(shape.quotedName)") ?? 0
        var differing = 0, differingWithLiveSeal = 0
        try db.walk("""
            SELECT \(shape.keyExpression) AS k FROM \(shape.quotedName) AS t
            WHERE \(shape.digestExpression) \(db.text(PortableSQL(sqlite: "IS NOT", postgres: "IS DISTINCT FROM")))
                  (SELECT digest FROM row_seals WHERE tbl = ? AND row_key = \(shape.keyForComparison) ORDER BY entry_id DESC LIMIT 1)
            """, [.text(shape.name)]) { row in
            differing += 1
            let key = RowKey(row.value("k"))
            if try found.differs(key, latest: { try key.flatMap { try RowSeals.latestSeal(shape.name, $0, db) } }) {
                differingWithLiveSeal += 1
            }
        }
        // Rows sealed as present: those still here either match or were counted as differing.
        let live = try db.scalar("SELECT count(*) FROM (\(db.text(Self.latestSeals))) AS latest WHERE d IS NOT NULL",
                                 [.text(shape.name)]) ?? 0
        if found.unnamed == 0, live > found.rows - differing + differingWithLiveSeal {
            found.deleted = try deletedRows(shape)
        }
    }

    /// Each key's latest seal in one table (`tbl = ?`): its key, digest `d` and entry `e`. SQLite
    /// takes the other columns of the row max() picks; PostgreSQL says so with DISTINCT ON.
    private static let latestSeals = PortableSQL(
        sqlite: "SELECT row_key, digest AS d, max(entry_id) AS e FROM row_seals WHERE tbl = ? GROUP BY row_key",
        postgres: "SELECT DISTINCT ON (row_key) row_key, digest AS d, entry_id AS e FROM row_seals WHERE tbl = ? ORDER BY row_key, entry_id DESC")

    /// The rows whose latest seal says present and that are not in the table.
    private func deletedRows(_ shape: TableShape) throws -> [RecordProblem] {
        var present = Set<RowKey>()
        try db.walk("SELECT \(shape.keyExpression) AS k FROM \(shape.quotedName) AS t") { row in
            if let key = RowKey(row.value("k")) { present.insert(key) }
        }
        var problems: [RecordProblem] = []
        try db.walk("SELECT row_key AS k, d, e FROM (\(db.text(Self.latestSeals))) AS latest WHERE d IS NOT NULL",
                       [.text(shape.name)]) { row in
            guard let key = RowKey(row.value("k")), !present.contains(key) else { return }
            problems.append(.rowDeleted(table: shape.name, row: key.display, entry: row.int("e")))
        }
        return problems
    }
}

/// What verify found in one sealed table.
private struct TableFindings {
    let table: String
    let isTamperLog: Bool
    var rows = 0
    /// The rows that differ from their latest seal, the first thousand named.
    var problems: [RecordProblem] = []
    var unnamed = 0
    /// Keys whose latest seal says present, with no row.
    var deleted: [RecordProblem] = []

    /// A row whose digest is not its latest seal's (`latest` gives that seal, nil when there is none),
    /// named while fewer than a thousand are; true when that seal says the row is there (changed).
    mutating func differs(_ key: RowKey?, latest: () throws -> (entry: Int, digest: String?)?) rethrows -> Bool {
        guard problems.count < Store.listedPerKind * 100, let key else {
            unnamed += 1
            return false
        }
        guard let latest = try latest() else {
            // The tamper log's newest rows wait for the next write to seal them.
            if !isTamperLog { problems.append(.rowAdded(table: table, row: key.display, deletedBy: nil)) }
            return false
        }
        if latest.digest == nil {
            problems.append(.rowAdded(table: table, row: key.display, deletedBy: latest.entry))
            return false
        }
        problems.append(.rowChanged(table: table, row: key.display, entry: latest.entry))
        return true
    }
}

/// One row seal, as read in key order.
private struct Seal {
    let key: SQLValue
    let entry: Int
    let digest: String?

    init(_ row: ShopRow) {
        // On a server, a key that is not a rowid's decimal reads as NULL, its text in the fourth column.
        key = row.columnCount > 3 && row.isNull(0) ? row.value(3) : row.value(0)
        entry = row.int(1)
        digest = row.optionalString(2)
    }

    /// Whether this key sorts before a row's rowid, as SQLite orders them (numbers before text).
    func sortsBefore(_ rowid: Int64) -> Bool {
        switch key {
        case .integer(let value): return value < rowid
        case .real(let value): return value < Double(rowid)
        case .null: return true
        case .text: return false
        }
    }

    /// Whether this is the seal of the row with this rowid (as SQLite compares them).
    func isKey(_ rowid: Int64) -> Bool {
        switch key {
        case .integer(let value): return value == rowid
        case .real(let value): return value == Double(rowid)
        default: return false
        }
    }
}
