/// Keeping the shop's record: `verify` found problems, or a backup or export could not be written.
public enum RecordRefusal: Refusal, Equatable {
    public static let area = "record"

    /// What verify found wrong, and what it noticed that is no problem (late entries, the anchor).
    case verifyFound(problems: [RecordProblem], notes: [RecordNote])
    /// The backup path exists and is not an SQLite database: never written over.
    case backupOverwritesOtherFile(path: String)
    case backupFailsIntegrity(path: String, problems: [String])
    case cannotWrite(path: String, reason: String)
}

/// One thing `verify` found wrong with the record, saying where.
public enum RecordProblem: Hashable, Sendable {
    /// SQLite's integrity check did not say "ok": its first findings.
    case integrity(findings: [String])
    /// A row refers to a row of `parent` that does not exist.
    case foreignKey(table: String, row: Int, parent: String)

    // The journal's chain.
    /// Journal entries `from`…`to` are missing: removed.
    case journalEntriesMissing(from: Int, to: Int)
    /// The hash chain breaks at this entry: it was changed or inserted outside Workshop.
    case journalEntryAltered(entry: Int, action: String, actor: String)

    // The rows, against the seals of the entries that last wrote them.
    /// The row differs from what `entry` wrote: changed outside Workshop since.
    case rowChanged(table: String, row: String, entry: Int)
    /// No entry wrote the row (or the last one that did deleted it, `deletedBy`): added outside Workshop.
    case rowAdded(table: String, row: String, deletedBy: Int?)
    /// The row `entry` wrote last is gone: deleted outside Workshop.
    case rowDeleted(table: String, row: String, entry: Int)
    /// When `entry` changed the row, Workshop found it otherwise than its last seal said: it had been
    /// changed (or deleted) outside Workshop before.
    case rowFoundAltered(table: String, row: String, entry: Int)
    /// More rows of the table with problems of these kinds, not listed one by one.
    case moreRows(table: String, count: Int)
    /// The seals of `entry` are not those its hash covers: the seals were edited.
    case sealsAltered(entry: Int)
    /// Seals name entries `from`…`to`, which the journal does not have.
    case sealsWithoutEntries(from: Int, to: Int)

    // The anchor kept outside the database (`anchor`: its file, or the copy checked). `earlier`: not
    // the anchor as it is now, but one a later write found wrong and replaced, keeping the finding.
    /// The journal ends at `journalEnds`, but the anchor (written `writtenAt`) says it reached
    /// `anchorEntry`: entries were cut.
    case journalCut(journalEnds: Int, anchorEntry: Int, anchor: String, writtenAt: Timestamp, earlier: Bool)
    /// Entry `entry` has another hash than the anchor (written `writtenAt`) recorded for it: the
    /// chain was rewritten up to there.
    case journalRewritten(entry: Int, anchor: String, writtenAt: Timestamp, earlier: Bool)
    /// Entries `from`…`to` go past the anchor's head and no Workshop write announced them: appended
    /// outside Workshop (or a Workshop stopped between its commit and the anchor, after a power cut).
    case journalPastAnchor(from: Int, to: Int, anchor: String, earlier: Bool)
    /// The anchor file is there but is not an anchor.
    case anchorUnreadable(anchor: String, earlier: Bool)
    /// No anchor file, though Workshop wrote entries (up to `lastEntry`) while it kept one: it was
    /// removed or moved — with an older copy of the database put back, the entries since are gone
    /// unseen.
    case anchorRemoved(anchor: String, lastEntry: Int)
    /// The anchor was begun at entry `begunAt`, after Workshop had written entries (up to
    /// `earlierEntry`) with an anchor kept: that one was removed or replaced, and no manager
    /// restarted it (`anchor restart`).
    case anchorBegunLate(anchor: String, begunAt: Int, earlierEntry: Int)

    // The safeguards.
    /// A row changed outside Workshop, as the watch triggers logged it (`at` in UTC, as SQLite wrote it).
    case changedOutside(table: String, row: String?, operation: String, at: String)
    /// Triggers that guard the record are missing.
    case safeguardsRemoved(triggers: [String])
    /// A trigger that guards the record has been replaced by another of the same name.
    case safeguardRewritten(trigger: String)
    /// A trigger Workshop did not make.
    case unknownTrigger(trigger: String, table: String)
    /// The writer mark holds a row outside any transaction: changes are being hidden from the triggers.
    case writerMarkLeftSet

    // The shop's figures.
    /// A part's on-hand figure differs from the sum of its movements.
    case stockDisagrees(partNumber: String, onHand: Quantity, movements: Quantity)
    /// A member card's balance differs from the sum of its movements.
    case cardDisagrees(card: String, balance: CardBalance, movements: CardBalance)
    /// The report's running totals of the quarter hour starting at `quarter` differ from what its
    /// orders, lines and payments add up to, in these figures (column names; a method's before its
    /// figure, "cash received"): the reports would show what the record does not.
    case reportTallyDisagrees(quarter: Timestamp, figures: [String])
    /// A shop setting whose stored value Workshop cannot read: the default is in force until a
    /// manager sets it again.
    case damagedSetting(key: String, value: String)
}

/// What `verify` tells beside its findings: no problem, but worth knowing.
public enum RecordNote: Hashable, Sendable {
    /// An entry made at another time than it claims (补录): both times, who, what.
    case lateEntry(entry: Int, claimed: Timestamp, recorded: Timestamp, actor: String, action: String)
    /// Late entries before those listed (the latest are listed).
    case moreLateEntries(count: Int)
    /// Rows sealed as they were found (007-record-seals), not as Workshop wrote them: verify vouches
    /// for them from that entry on.
    case sealedAsFound(entry: Int, rows: Int, at: Timestamp)
    /// The journal agrees with the anchor file.
    case anchorAgrees(path: String, entry: Int)
    /// No anchor file: the journal's end is checked against nothing outside the database (a
    /// backup's copy, or a database not written since 007-record-seals); compare its head with the
    /// last day report on paper.
    case anchorMissing(path: String)
    /// The chain's head: the last entry and its hash, to compare with the day report on paper.
    case head(entry: Int, hash: String)
    /// The anchor was started again by a manager at entry `entry` (`anchor restart`), saying why.
    case anchorRestarted(entry: Int, by: String, at: Timestamp, reason: String)
}
