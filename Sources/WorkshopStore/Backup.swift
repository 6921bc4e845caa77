import Foundation
import SQLite
import WorkshopModel

/// A backup written: where, how many pages, how large.
public struct BackupResult: Sendable {
    public var path: String
    public var pages: Int
    public var bytes: Int
}

extension Store {
    /// Copies the database to `path` with SQLite's online backup while others keep working, then
    /// checks the copy's integrity. Writes over an earlier backup, never over any other file.
    public func backup(to path: String) throws -> BackupResult {
        if FileManager.default.fileExists(atPath: path) {
            guard Store.isSQLiteDatabase(path) else { throw RecordRefusal.backupOverwritesOtherFile(path: path) }
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let pages = try db.backup(to: path)
        let check = try Database(path: path, readOnly: true).rows("PRAGMA integrity_check") { $0.string("integrity_check") }
        guard check == ["ok"] else { throw RecordRefusal.backupFailsIntegrity(path: path, problems: check) }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return BackupResult(path: path, pages: pages, bytes: bytes)
    }

    /// Whether the file starts with SQLite's header.
    static func isSQLiteDatabase(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return handle.readData(ofLength: 16) == Data("SQLite format 3\u{0}".utf8)
    }
}
