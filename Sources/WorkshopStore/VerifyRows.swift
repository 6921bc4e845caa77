import SQLite
import WorkshopModel

extension Store {
    /// Every row of every sealed table against the seal of the entry that wrote it last. The check
    /// runs in SQL: each row's digest (RowDigest) against its latest seal, through the seals' index;
    /// only rows that differ come back to be named. Then the rows sealed as present that are gone.
    func verifyRows(_ shapes: [String: TableShape], _ report: inout VerifyReport) throws {
        for shape in shapes.values.sorted(by: { $0.name < $1.name }) {
            let isTamperLog = shape.name == TableShape.tamperLog
            let rows = try db.scalar("SELECT count(*) FROM \(shape.quotedName)") ?? 0
            report.rowsChecked += rows
            var problems: [RecordProblem] = []
            var differing = 0, differingWithLiveSeal = 0, unnamed = 0
            try db.forEach("""
                SELECT \(shape.keyExpression) AS k FROM \(shape.quotedName) AS t
                WHERE \(shape.digestExpression) IS NOT
                      (SELECT digest FROM row_seals WHERE tbl = ? AND row_key = \(shape.keyForComparison) ORDER BY entry_id DESC LIMIT 1)
                """, [.text(shape.name)]) { row in
                differing += 1
                // Naming a row needs its latest seal: looked up for the first ones, the rest are counted.
                guard problems.count < Store.listedPerKind * 100, let key = RowKey(row.value("k")) else {
                    unnamed += 1
                    return
                }
                guard let latest = try RowSeals.latestSeal(shape.name, key, db) else {
                    // The tamper log's newest rows wait for the next write to seal them.
                    if !isTamperLog { problems.append(.rowAdded(table: shape.name, row: key.display, deletedBy: nil)) }
                    return
                }
                if latest.digest == nil {
                    problems.append(.rowAdded(table: shape.name, row: key.display, deletedBy: latest.entry))
                } else {
                    differingWithLiveSeal += 1
                    problems.append(.rowChanged(table: shape.name, row: key.display, entry: latest.entry))
                }
            }
            // Rows sealed as present: those still here either match or were counted as differing.
            let live = try db.scalar("""
                SELECT count(*) FROM (SELECT digest AS d, max(entry_id) FROM row_seals WHERE tbl = ? GROUP BY row_key) WHERE d IS NOT NULL
                """, [.text(shape.name)]) ?? 0
            if unnamed == 0, live > rows - differing + differingWithLiveSeal {
                problems += try deletedRows(shape)
            }
            report.problems += problems.prefix(Store.listedPerKind)
            let more = problems.count + unnamed - Store.listedPerKind
            if more > 0 { report.problems.append(.moreRows(table: shape.name, count: more)) }
        }
    }

    /// The rows whose latest seal says present and that are not in the table.
    private func deletedRows(_ shape: TableShape) throws -> [RecordProblem] {
        var present = Set<RowKey>()
        try db.forEach("SELECT \(shape.keyExpression) AS k FROM \(shape.quotedName) AS t") { row in
            if let key = RowKey(row.value("k")) { present.insert(key) }
        }
        var problems: [RecordProblem] = []
        try db.forEach("""
            SELECT row_key AS k, d, e FROM (SELECT row_key, digest AS d, max(entry_id) AS e FROM row_seals WHERE tbl = ? GROUP BY row_key)
            WHERE d IS NOT NULL
            """, [.text(shape.name)]) { row in
            guard let key = RowKey(row.value("k")), !present.contains(key) else { return }
            problems.append(.rowDeleted(table: shape.name, row: key.display, entry: row.int("e")))
        }
        return problems
    }
}
