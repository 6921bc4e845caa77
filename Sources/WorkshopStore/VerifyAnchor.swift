import SQLite
import WorkshopModel

extension Store {
    /// The chain's end against the anchor file and any copies given (exported, or kept from a day
    /// report). The journal is read on a connection of its own, afresh: a write committed since this
    /// verify's snapshot began may already have moved the anchor on. The file and the journal are
    /// read again if they disagree, in case a write came in between the two readings.
    func verifyAnchors(_ copies: [(name: String, anchor: JournalAnchor)], _ report: inout VerifyReport) throws {
        let fresh = try db.freshReader()
        func check(_ anchor: JournalAnchor, name: String, copy: Bool) throws -> [RecordProblem] {
            try fresh.transaction(immediate: false) {
                let tail = try Journal.tail(fresh)
                var checked = anchor
                if copy { checked.next = .init(entry: tail.id, hash: tail.hash) }  // a copy is only a lower bound
                let disagreements = try checked.disagreements(withJournalEndingAt: .init(entry: tail.id, hash: tail.hash),
                                                              now: Timestamp.currentTime) { id in
                    try fresh.first("SELECT hash FROM journal WHERE id = ?", [.integer(Int64(id))]) { $0.optionalString("hash") } ?? nil
                }
                return disagreements.map { Self.problem($0, anchor: name, earlier: false) }
            }
        }
        for (name, anchor) in copies { report.problems += try check(anchor, name: name, copy: true) }

        var problems: [RecordProblem] = []
        var found = JournalAnchor.read(anchorPath)
        for attempt in 0..<3 {
            switch found {
            case nil:
                guard report.journalEntries > 0 else { return }
                // No file where Workshop kept one: removed (on a server each desk keeps its own, and a
                // new desk has none yet).
                if !anchorIsLowerBound, let kept = try lastEntryWithAnchorKept(upTo: report.head.entry) {
                    report.problems.append(.anchorRemoved(anchor: anchorPath, lastEntry: kept))
                } else {
                    report.notes.append(.anchorMissing(path: anchorPath))
                }
                return
            case .unreadable?:
                problems = [.anchorUnreadable(anchor: anchorPath, earlier: false)]
            case .anchor(let anchor)?:
                problems = try check(anchor, name: anchorPath, copy: anchorIsLowerBound)
                if problems.isEmpty {
                    report.notes.append(.anchorAgrees(path: anchorPath, entry: anchor.head.entry))
                }
            }
            if problems.isEmpty || attempt == 2 { break }
            found = JournalAnchor.read(anchorPath)
        }
        report.problems += problems
        if case .anchor(let anchor)? = found {
            report.problems += anchor.disagreements.map { Self.problem($0, anchor: anchorPath, earlier: true) }
            if !anchorIsLowerBound { try checkBeginning(of: anchor, &report) }
        }
    }

    /// An anchor is begun by the first write that finds none. Begun after Workshop had written
    /// entries with one kept, it replaced one that was removed — unless a manager restarted it
    /// (`anchor restart`, the entry that write made first), which is said as a note.
    private func checkBeginning(of anchor: JournalAnchor, _ report: inout VerifyReport) throws {
        let begun = anchor.started.entry
        guard let kept = try lastEntryWithAnchorKept(upTo: begun) else { return }
        let restart = try db.first("SELECT actor, at, detail FROM journal WHERE id = ? AND action = ?",
                                   [.integer(Int64(begun + 1)), .text(JournalAction.anchorRestart.rawValue)]) { row in
            (row.string("actor"), row.timestamp("at"), Journal.detail(row.string("detail"))["reason"] as? String ?? "")
        }
        if let (by, at, reason) = restart {
            report.notes.append(.anchorRestarted(entry: begun + 1, by: by, at: at, reason: reason))
        } else {
            report.problems.append(.anchorBegunLate(anchor: anchorPath, begunAt: begun, earlierEntry: kept))
        }
    }

    /// The last entry up to `entry` that Workshop wrote while it kept an anchor: every entry since
    /// 007-record-seals (which keeps the real time, `recorded_at`) but the seals of rows as found,
    /// which upgrades and generated shops make before any anchor.
    func lastEntryWithAnchorKept(upTo entry: Int) throws -> Int? {
        try db.first("""
            SELECT id FROM journal
            WHERE id <= ? AND recorded_at IS NOT NULL AND NOT (actor = ? AND action = ?)
            ORDER BY id DESC LIMIT 1
            """, [.integer(Int64(entry)), .text(RecordSeal.actor), .text(JournalAction.recordSeal.rawValue)]) { $0.int("id") }
    }

    static func problem(_ disagreement: JournalAnchor.Disagreement, anchor: String, earlier: Bool) -> RecordProblem {
        switch disagreement {
        case .cut(let head, let at, let ended):
            return .journalCut(journalEnds: ended, anchorEntry: head.entry, anchor: anchor, writtenAt: at, earlier: earlier)
        case .rewritten(let head, let at):
            return .journalRewritten(entry: head.entry, anchor: anchor, writtenAt: at, earlier: earlier)
        case .unanchored(let from, let to, _):
            return .journalPastAnchor(from: from, to: to, anchor: anchor, earlier: earlier)
        case .unreadable:
            return .anchorUnreadable(anchor: anchor, earlier: earlier)
        }
    }
}
