import Glibc
import SafeFiles
import SQLite
import WorkshopModel

/// A backup written: where, how many pages, how large.
public struct BackupResult: Sendable {
    public var path: String
    public var pages: Int
    public var bytes: Int
}

extension Store {
    /// Copies the database to `path` with SQLite's online backup while others keep working: into a
    /// temporary file beside `path`, made a standalone file (no -wal needed) and marked as a Workshop
    /// backup, checked for integrity, synced and renamed into place. Replaces only an earlier
    /// Workshop backup that no one is using; never any other file.
    public func backup(to path: String) throws -> BackupResult {
        // Before anything is made on disk: a server's shop is copied with the server's own tools.
        guard let file = db.sqlite else { throw StoreRefusal.backupOnServer }
        var pages = 0
        var bytes = 0
        var head = (id: 0, hash: Journal.genesis)
        try SafeFile.write(to: path, replacing: { try BackupMark.ensureReplaceable($0) }) { temporary in
            let copy = try Database(path: temporary)
            pages = try file.backup(into: copy)
            // A rollback-journal file stands alone: restoring it is copying one file.
            try copy.execute("PRAGMA journal_mode = DELETE")
            try copy.execute("PRAGMA application_id = \(BackupMark.applicationID)")
            let check = try copy.rows("PRAGMA integrity_check") { $0.string("integrity_check") }
            guard check == ["ok"] else { throw RecordRefusal.backupFailsIntegrity(path: path, problems: check) }
            bytes = try copy.scalar("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size") ?? 0
            head = try Journal.tail(ShopDatabase(copy))
            // SQLite's files beside the target's name belong to whatever file had that name; left
            // there, a stale -journal would be rolled back into this copy when it is next opened.
            for suffix in ["-journal", "-wal", "-shm"] { unlink(path + suffix) }
        }
        try writeAnchor(ofBackup: path, head: .init(entry: head.id, hash: head.hash))
        return BackupResult(path: path, pages: pages, bytes: bytes)
    }
}

extension Store {
    /// Beside a backup, its anchor: the copy's head, begun where the shop's anchor was, with what
    /// that one found wrong — so that verify checks the backup itself as it checks the shop. To
    /// restore, the backup takes the database's place and the shop's own anchor stays: verify then
    /// names the entries lost since the backup (`anchor restart` once they are accounted for).
    func writeAnchor(ofBackup path: String, head: JournalAnchor.Link) throws {
        var anchor = JournalAnchor(head: head, writtenAt: Timestamp.currentTime)
        if case .anchor(let kept)? = JournalAnchor.read(anchorPath) {
            anchor.started = kept.started
            anchor.disagreements = kept.disagreements
        }
        do {
            try anchor.write(to: path + ".anchor", sync: true)
        } catch {
            throw RecordRefusal.cannotWrite(path: path + ".anchor", reason: "\(error)")
        }
    }
}

/// How a Workshop backup is told from every other SQLite file: SQLite's application id (header
/// bytes 68…71) set to "WSBK" on the copy, and on nothing else. A backup opened as a shop database
/// loses the mark (`Store.init`): from then on it is someone's record, and no backup replaces it.
enum BackupMark {
    static let applicationID: UInt32 = 0x5753_424B  // "WSBK"

    /// How long a backup waits for another program to let go of the earlier backup it replaces.
    static let patienceSeconds = 3

    /// Refuses to replace anything but an earlier Workshop backup, or one another program holds locked.
    static func ensureReplaceable(_ existing: ExistingFile) throws {
        // The file's own header first: nothing without the mark is even opened.
        guard existing.sqliteApplicationID == applicationID else {
            throw RecordRefusal.backupOverwritesOtherFile(path: existing.path)
        }
        let earlier = try Database(path: existing.path)
        earlier.setBusyTimeout(milliseconds: Int32(patienceSeconds * 1000))
        do {
            // Then as SQLite reads it: a mark cleared by an opening may still wait in the -wal.
            guard try UInt32(truncatingIfNeeded: earlier.scalar("PRAGMA application_id") ?? 0) == applicationID else {
                throw RecordRefusal.backupOverwritesOtherFile(path: existing.path)
            }
            // An exclusive lock is had only when no one else is reading or writing the file.
            try earlier.execute("BEGIN EXCLUSIVE; ROLLBACK;")
        } catch let error as SQLiteError where error.isBusy {
            throw FileRefusal.inUse(path: existing.path, seconds: patienceSeconds)
        }
    }

    /// A backup opened as a shop database is the shop's record from then on: it loses the mark.
    static func clear(_ db: Database) throws {
        let id = try db.scalar("PRAGMA application_id") ?? 0
        if UInt32(truncatingIfNeeded: id) == applicationID { try db.execute("PRAGMA application_id = 0") }
    }
}
