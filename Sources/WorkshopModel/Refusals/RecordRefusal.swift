/// Keeping the shop's record: `verify` found problems, or a backup or export could not be written.
public enum RecordRefusal: Refusal, Equatable {
    public static let area = "record"

    case verifyFound(problems: [RecordProblem])
    /// The backup path exists and is not an SQLite database: never written over.
    case backupOverwritesOtherFile(path: String)
    case backupFailsIntegrity(path: String, problems: [String])
    case cannotWrite(path: String, reason: String)
}

/// One thing `verify` found wrong with the record.
public enum RecordProblem: Hashable, Sendable {
    /// SQLite's integrity check did not say "ok": its first findings.
    case integrity(findings: [String])
    /// A row refers to a row of `parent` that does not exist.
    case foreignKey(table: String, row: Int, parent: String)
    /// Journal entries `from`…`to` are missing: removed.
    case journalEntriesMissing(from: Int, to: Int)
    /// The hash chain breaks at this entry: it was changed or inserted outside Workshop.
    case journalEntryAltered(entry: Int, action: String, actor: String)
    /// A row changed outside Workshop, as the watch triggers logged it (`at` in UTC, as SQLite wrote it).
    case changedOutside(table: String, row: String?, operation: String, at: String)
    /// Triggers that guard the record are missing.
    case safeguardsRemoved(triggers: [String])
    /// The writer mark holds a row outside any transaction: changes are being hidden from the triggers.
    case writerMarkLeftSet
    /// A part's on-hand figure differs from the sum of its movements.
    case stockDisagrees(partNumber: String, onHand: Quantity, movements: Quantity)
    /// A shop setting whose stored value Workshop cannot read: the default is in force until a
    /// manager sets it again.
    case damagedSetting(key: String, value: String)
}
