import SQLite
import WorkshopModel

extension JournalAnchor {
    /// What is wrong with this anchor for a journal ending at `end`, reading entry hashes with
    /// `hashOf`: its head cut away, its head rewritten, or entries past it nobody announced (`next`
    /// is the one a Workshop write announced before its commit).
    func disagreements(withJournalEndingAt end: Link, now: Timestamp, hashOf: (Int) throws -> String?) rethrows -> [Disagreement] {
        if head.entry > end.entry { return [.cut(anchor: head, writtenAt: writtenAt, journalEnded: end.entry)] }
        if head.entry > 0, try hashOf(head.entry) != head.hash { return [.rewritten(anchor: head, writtenAt: writtenAt)] }
        if end.entry > head.entry && next != end { return [.unanchored(from: head.entry + 1, to: end.entry, foundAt: now)] }
        return []
    }
}

extension Store {
    /// The chain's head as an anchor holds it, now: the text to keep apart from the database
    /// (printed, exported, copied to another machine).
    public func anchorText() throws -> String {
        let tail = try Journal.tail(db)
        var anchor = JournalAnchor(head: .init(entry: tail.id, hash: tail.hash), writtenAt: Timestamp.currentTime)
        if case .anchor(let found)? = JournalAnchor.read(anchorPath) {
            anchor.started = found.started
            anchor.disagreements = found.disagreements
        }
        return anchor.text
    }

    /// Inside a write, before its commit: what is wrong with the anchor against the journal as it
    /// stood when the transaction began (`start`) is kept, and `next` is announced. Synced, since
    /// the commit that follows relies on it.
    func anchorBeforeCommit(start: JournalAnchor.Link, next: JournalAnchor.Link) {
        updateAnchor { found in
            let now = Timestamp.currentTime
            var anchor = JournalAnchor(head: start, next: next, writtenAt: now)
            switch found {
            case nil: break
            case .unreadable?: anchor.disagreements = [.unreadable(foundAt: now)]
            case .anchor(let old)?:
                anchor.started = old.started
                anchor.disagreements = old.disagreements + (try old.disagreements(withJournalEndingAt: start, now: now) { id in
                    id <= start.entry ? try hash(ofEntry: id) : nil
                })
            }
            return (anchor, true)
        }
    }

    /// After the commit: the `next` this write announced becomes the head (unless another write has
    /// moved the anchor on since). Not synced: lost in a power cut, the announcement still holds.
    func anchorAfterCommit(_ head: JournalAnchor.Link) {
        updateAnchor { found in
            guard case .anchor(var anchor)? = found, anchor.next == head else { return nil }
            anchor.head = head
            anchor.entries = head.entry
            anchor.next = nil
            anchor.writtenAt = Timestamp.currentTime
            return (anchor, false)
        }
    }

    /// Reads, decides and replaces the anchor under its lock. A failure is remembered, never thrown:
    /// the shop's work goes on, and `verify` reports an anchor that fell behind.
    private func updateAnchor(_ decide: (JournalAnchor.Found?) throws -> (JournalAnchor, sync: Bool)?) {
        do {
            try withAnchorLock(anchorPath) {
                guard let (anchor, sync) = try decide(JournalAnchor.read(anchorPath)) else { return }
                try anchor.write(to: anchorPath, sync: sync)
            }
            anchorFailure = nil
        } catch {
            anchorFailure = "\(error)"
        }
    }

    func hash(ofEntry id: Int) throws -> String? {
        try db.first("SELECT hash FROM journal WHERE id = ?", [.integer(Int64(id))]) { $0.optionalString("hash") } ?? nil
    }
}
