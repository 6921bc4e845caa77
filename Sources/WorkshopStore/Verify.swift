import SQLite
import WorkshopModel

/// What `verify` found.
public struct VerifyReport: Sendable {
    public var journalEntries = 0
    public var problems: [RecordProblem] = []
    public var isClean: Bool { problems.isEmpty }
}

extension Store {
    /// Walks the journal's chain and checks the tables: integrity, foreign keys, changes made outside
    /// Workshop, the watch triggers, stock running totals against their movements, and settings
    /// Workshop cannot read.
    public func verify() throws -> VerifyReport {
        var report = VerifyReport()
        let integrity = try db.rows("PRAGMA integrity_check") { $0.string("integrity_check") }
        if integrity != ["ok"] { report.problems.append(.integrity(findings: Array(integrity.prefix(5)))) }
        report.problems += try db.rows("PRAGMA foreign_key_check") {
            RecordProblem.foreignKey(table: $0.string("table"), row: $0.int("rowid"), parent: $0.string("parent"))
        }.prefix(10)
        report.problems += try journalChainProblems(&report.journalEntries)
        try db.forEach("SELECT tbl, op, row_id, at FROM tamper_log ORDER BY id LIMIT 50") { row in
            report.problems.append(.changedOutside(table: row.string("tbl"), row: row.optionalString("row_id"),
                                                   operation: row.string("op"), at: row.string("at")))
        }
        let triggers = Set(try db.rows("SELECT name FROM sqlite_master WHERE type = 'trigger'") { $0.string("name") })
        let missing = Schema.safeguardTriggers.filter { !triggers.contains($0) }
        if !missing.isEmpty { report.problems.append(.safeguardsRemoved(triggers: missing)) }
        // Workshop's own mark is set and removed inside one write transaction, so a reader never
        // sees it: a committed mark silences the watch triggers for whoever left it there.
        if (try db.scalar("SELECT count(*) FROM writer_mark") ?? 0) > 0 && !isWriting {
            report.problems.append(.writerMarkLeftSet)
        }
        for mismatch in try stockMismatches() {
            report.problems.append(.stockDisagrees(partNumber: mismatch.partNumber, onHand: Quantity(thousandths: mismatch.onHand),
                                                   movements: Quantity(thousandths: mismatch.movements)))
        }
        report.problems += damagedSettings.map { RecordProblem.damagedSetting(key: $0.key, value: $0.value) }
        return report
    }

    /// Walks the journal in order, counting its entries: the first place the chain breaks (an entry
    /// missing, changed or slipped in), if any. Past a break every hash differs, so one is enough.
    private func journalChainProblems(_ entries: inout Int) throws -> [RecordProblem] {
        var problem: RecordProblem?
        var prev = Journal.genesis
        var lastID = 0
        try db.forEach("SELECT \(Journal.columns) FROM journal ORDER BY id") { row in
            entries += 1
            let entry = Journal.Entry(row)
            if problem == nil {
                if entry.id != lastID + 1 {
                    problem = .journalEntriesMissing(from: lastID + 1, to: entry.id - 1)
                } else if row.optionalString("prev_hash") != prev || row.optionalString("hash") != entry.hash(after: prev) {
                    problem = .journalEntryAltered(entry: entry.id, action: entry.action, actor: entry.actor)
                }
            }
            prev = row.optionalString("hash") ?? ""
            lastID = entry.id
        }
        return problem.map { [$0] } ?? []
    }
}
