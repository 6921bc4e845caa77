import SQLite
import WorkshopModel

/// What `verify` found.
public struct VerifyReport: Sendable {
    public var journalEntries = 0
    /// The chain's last entry and its hash: what the day report printed on paper should show.
    public var head = JournalAnchor.Link(entry: 0, hash: Journal.genesis)
    /// Rows checked against their seals.
    public var rowsChecked = 0
    public var lateEntries = 0
    public var problems: [RecordProblem] = []
    /// Worth knowing, no problem: late entries, the anchor, rows sealed as found.
    public var notes: [RecordNote] = []
    public var isClean: Bool { problems.isEmpty }
}

extension Store {
    /// At most this many rows of one table, and late entries, are listed one by one.
    static let listedPerKind = 10

    /// Checks the whole record: SQLite's integrity and foreign keys (on a server, the foreign keys); the journal's chain and each
    /// entry's row seals; every row of every sealed table against the seal of the entry that wrote
    /// it last; the chain's end against the anchor file (and any exported `anchors`); the triggers
    /// against their frozen text; the tamper log and the writer mark; stock running totals and
    /// members' card balances against their movements; settings Workshop cannot read. Run it inside `read`, on one snapshot.
    public func verify(against anchors: [(name: String, anchor: JournalAnchor)] = []) throws -> VerifyReport {
        anchorWhenIdle(syncNow: false)  // the anchor holds this store's last head before it is read
        // A file's figures are summed beside the walks (FiguresCheck); a server's in this snapshot.
        let figures = db.sqlite.map { FiguresCheck(path: $0.path, context: context) }
        var report = try verifyRecord(against: anchors)
        report.problems += try figures?.wait() ?? figureProblems()
        report.problems += damagedSettings.map { RecordProblem.damagedSetting(key: $0.key, value: $0.value) }
        report.notes.append(.head(entry: report.head.entry, hash: report.head.hash))
        return report
    }

    /// The record's tamper evidence: the database's own checks, the chain and its seals, every
    /// sealed row, the anchors, the tamper log, the safeguards and the writer mark.
    func verifyRecord(against anchors: [(name: String, anchor: JournalAnchor)] = []) throws -> VerifyReport {
        var report = VerifyReport()
        let shapes = try sealedTables()
        // SQLite's own checks of the file, on a thread of their own (a server keeps its own pages).
        let structure = db.sqlite.map { StructureCheck(path: $0.path, immutable: DatabaseOpening.decide($0.path).immutable) }
        try verifyChain(shapes, &report)
        try verifyRows(shapes, &report)
        try verifyAnchors(anchors, &report)
        report.problems.insert(contentsOf: try (structure?.wait() ?? []).map { finding -> RecordProblem in
            switch finding {
            case .integrity(let findings): return .integrity(findings: findings)
            case .foreignKey(let table, let row, let parent): return .foreignKey(table: table, row: row, parent: parent)
            }
        } + serverForeignKeyProblems(), at: 0)
        try db.forEach("SELECT tbl, op, row_id, at FROM tamper_log ORDER BY id LIMIT 50") { row in
            report.problems.append(.changedOutside(table: row.string("tbl"), row: row.optionalString("row_id"),
                                                   operation: row.string("op"), at: row.string("at")))
        }
        report.problems += try safeguardProblems()
        // Workshop's own mark is set and removed inside one write transaction, so a reader never
        // sees it: a committed mark silences the watch triggers for whoever left it there.
        if (try db.scalar("SELECT count(*) FROM writer_mark") ?? 0) > 0 && !isWriting {
            report.problems.append(.writerMarkLeftSet)
        }
        return report
    }
}
