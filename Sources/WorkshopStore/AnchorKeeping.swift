import Foundation
import SQLite
import WorkshopModel

extension JournalAnchor {
    /// How far past the head last synced to disk Workshop's commits may take the journal before the
    /// anchor is synced again (its `bound`).
    ///
    /// Why the anchor need not be synced at every write. It guards against someone who can edit the
    /// database file but not the anchor: a journal cut short, rewritten or run past the anchor's
    /// head is named by `verify`. What verify reads is the file as the system holds it, synced or
    /// not: in a machine that keeps running, every write's two replacements of the file (the
    /// announcement before its commit, the head after it) are there the moment they are made, and a
    /// Workshop killed at any point leaves one of them behind — as when each was synced. Syncing
    /// only decides what survives a power cut or a crash of the system itself:
    ///
    /// - The anchor never gets ahead of the journal on disk: the head is moved on only after the
    ///   commit's own sync, and an announcement (`next`) is allowed to go unfulfilled.
    /// - The anchor may fall behind it: the replacements made since the last sync can be lost. No
    ///   commit goes past `bound` before a file with a higher bound is synced, so at most the
    ///   entries up to the bound of the last synced file — this many past its head — are written
    ///   but not anchored. `verify` names them as entries past the anchor (appended outside
    ///   Workshop, or a power cut), as it names any others: a false alarm after a power cut,
    ///   never a cut or a rewrite let through.
    ///
    /// At a terminal the anchor is synced after every write, when the output is out (the person is
    /// reading); in a script or a pipe when less than half of this is left, between two commands;
    /// at the end of every run; and inside a write only when it would pass the bound.
    static let unsyncedEntries = 100

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
        anchorWhenIdle(syncNow: false)
        let tail = try Journal.tail(db)
        var anchor = JournalAnchor(head: .init(entry: tail.id, hash: tail.hash), writtenAt: Timestamp.currentTime)
        if case .anchor(let found)? = JournalAnchor.read(anchorPath) {
            anchor.started = found.started
            anchor.disagreements = found.disagreements
        }
        return anchor.text
    }

    /// Starts the anchor file again, when the one kept is lost or no longer stands for this journal
    /// (a backup restored, its lost entries accounted for): the file there is kept aside as
    /// `<anchor>.replaced-<seconds>`, and the restart is journalled with its reason. The write that
    /// journals it begins the new anchor at the chain's end before its entry — how verify tells a
    /// restart (a note naming who and why) from an anchor removed (a problem).
    public func restartAnchor(reason: String) throws -> (entry: Int, keptAside: String?) {
        let aside = anchorPath + ".replaced-\(Timestamp.currentTime.seconds)"
        let moved = rename(anchorPath, aside) == 0
        guard moved || errno == ENOENT else { throw RecordRefusal.cannotWrite(path: anchorPath, reason: String(cString: strerror(errno))) }
        keptAnchorFile = nil
        do {
            let entry = try write { () -> Int in
                try journal(.anchorRestart, entity: "anchor", id: nil,
                            detail: [("reason", .string(reason)), ("kept_aside", moved ? .string(aside) : .null)])
                return writing?.pending?.id ?? 0
            }
            return (entry, moved ? aside : nil)
        } catch {
            if moved { rename(aside, anchorPath) }
            keptAnchorFile = nil
            throw error
        }
    }

    /// Inside a write, before its commit: what is wrong with the anchor against the journal as it
    /// stood when the transaction began (`start`) is kept, and `next` is announced. Synced only when
    /// the commit would pass the file's bound (which it then moves on), or when the write found
    /// something wrong with the anchor; otherwise left for the system to write out. Its head, the
    /// chain's end now, is any earlier write's head still to be settled.
    func anchorBeforeCommit(start: JournalAnchor.Link, next: JournalAnchor.Link) {
        anchorHeadToSettle = nil
        updateAnchor { found in
            let now = Timestamp.currentTime
            var anchor = JournalAnchor(head: start, next: next, writtenAt: now)
            var sync = true
            switch found {
            case nil: break
            case .unreadable?: anchor.disagreements = [.unreadable(foundAt: now)]
            case .anchor(let old)?:
                anchor.started = old.started
                // The chain's end when the write began is known (read with its BEGIN): only an
                // older head is read, before this write's own entries (Connection.runQueued) go.
                let found = try old.disagreements(withJournalEndingAt: start, now: now) { id in
                    id == start.entry ? start.hash : id < start.entry ? try hash(ofEntry: id) : nil
                }.filter { !(anchorIsLowerBound && $0.isUnanchored) }
                anchor.disagreements = old.disagreements + found
                if found.isEmpty, let bound = old.bound, next.entry <= bound {
                    anchor.bound = bound
                    sync = false
                }
            }
            if sync { anchor.bound = next.entry + JournalAnchor.unsyncedEntries }
            return (anchor, sync)
        }
    }

    /// After a command's output is out (never inside a write), in one replacement of the file:
    ///
    /// - the head the last write committed becomes the anchor's head, its `next` fulfilled (unless
    ///   another write has moved the anchor on since). Until then the announcement stands for it,
    ///   as it does when Workshop is killed between its commit and here;
    /// - the file replaced without a sync since is synced, with its bound moved on: at once when
    ///   `now` (a terminal, the end of a run), else once less than half of
    ///   `JournalAnchor.unsyncedEntries` is left before the bound.
    public func anchorWhenIdle(syncNow now: Bool) {
        guard !isWriting else { return }
        let head = anchorHeadToSettle
        anchorHeadToSettle = nil
        guard head != nil || anchorUnsynced else { return }
        func roomLeft(_ anchor: JournalAnchor) -> Bool {
            guard let bound = anchor.bound else { return false }
            return bound - max(anchor.head.entry, anchor.next?.entry ?? 0) >= JournalAnchor.unsyncedEntries / 2
        }
        // Nothing to settle, and far from the bound as this store last left the file: not read at
        // all. (A write by another process is that process's to sync; every write syncs before
        // passing the bound anyway.)
        if head == nil, !now, let left = anchorFile.lastKnown, roomLeft(left) { return }
        let unsynced = anchorUnsynced
        updateAnchor { found in
            guard case .anchor(var anchor)? = found else { return nil }
            var settled = false
            if let head, anchor.next == head {
                anchor.head = head
                anchor.entries = head.entry
                anchor.next = nil
                settled = true
            }
            let sync = unsynced && (now || !roomLeft(anchor))
            guard settled || sync else { return nil }
            if sync {
                let end = max(anchor.head.entry, anchor.next?.entry ?? 0)
                anchor.bound = max(anchor.bound ?? 0, end + JournalAnchor.unsyncedEntries)
            }
            anchor.writtenAt = Timestamp.currentTime
            return (anchor, sync)
        }
    }

    /// Reads, decides and replaces the anchor under its lock. A failure is remembered, never thrown:
    /// the shop's work goes on, and `verify` reports an anchor that fell behind.
    private func updateAnchor(_ decide: (JournalAnchor.Found?) throws -> (JournalAnchor, sync: Bool)?) {
        do {
            let file = anchorFile
            try file.locked {
                guard let (anchor, sync) = try decide(file.read()) else { return }
                try file.write(anchor, sync: sync)
                anchorUnsynced = !sync
            }
            anchorFailure = nil
        } catch {
            anchorFailure = "\(error)"
        }
    }

    /// The anchor file this store keeps, at `anchorPath` (which the CLI may set after opening).
    var anchorFile: AnchorFile {
        if let kept = keptAnchorFile, kept.path == anchorPath { return kept }
        let file = AnchorFile(path: anchorPath)
        keptAnchorFile = file
        return file
    }

    /// On a server, several machines write the one journal, each keeping its own anchor: entries
    /// past this machine's head are other desks' work, not an append outside Workshop. Its anchor
    /// then proves what it covers was neither cut nor rewritten, as an exported copy does.
    var anchorIsLowerBound: Bool { db.isPostgres }

    func hash(ofEntry id: Int) throws -> String? {
        try db.first("SELECT hash FROM journal WHERE id = ?", [.integer(Int64(id))]) { $0.optionalString("hash") } ?? nil
    }
}
