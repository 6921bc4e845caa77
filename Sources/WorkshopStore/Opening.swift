import Glibc
import SafeFiles
import SQLite
import WorkshopModel

/// How the database file at a path can be opened: for reading and writing, or for reading only.
///
/// Read-only when this process may not write the file or its folder (SQLite needs the folder for
/// its -wal and -shm files), and also when the file's or the folder's mode lets no one write
/// (0444, 0555): a shop that freezes a database that way means it, even for root, whom the system
/// would let write anyway.
struct DatabaseOpening: Equatable {
    var readOnly: Bool
    /// Read-only with nothing able to change the file while it is open and no -wal to read: SQLite
    /// then needs no -shm either, so nothing is created beside a frozen file.
    var immutable: Bool

    static let readWrite = DatabaseOpening(readOnly: false, immutable: false)

    static func decide(_ path: String) -> DatabaseOpening {
        var file = stat()
        guard stat(path, &file) == 0 else { return .readWrite }  // a new database
        let folder = PathText.folderToOpen(for: path)
        var folderInfo = stat()
        let folderFrozen = stat(folder, &folderInfo) == 0 && folderInfo.st_mode & 0o222 == 0
        let fileFrozen = file.st_mode & 0o222 == 0
        if fileFrozen || folderFrozen {
            return DatabaseOpening(readOnly: true, immutable: !hasLog(path))
        }
        if access(path, W_OK) != 0 || access(folder, W_OK) != 0 {
            return DatabaseOpening(readOnly: true, immutable: false)
        }
        return .readWrite
    }

    /// A -wal holding changes, or a -shm of a connection that may be writing: the file is live.
    private static func hasLog(_ path: String) -> Bool {
        var info = stat()
        if stat(path + "-wal", &info) == 0 && info.st_size > 0 { return true }
        return stat(path + "-shm", &info) == 0
    }
}

extension Migrator {
    /// Opening for reading only: the database must be a Workshop database of this program's schema,
    /// since nothing can be migrated in a file that cannot be written.
    static func checkForReading(_ db: Database, path: String) throws {
        let known = Schema.migrations.map(\.name)
        try db.transaction(immediate: false) {
            let found = try state(db)
            try validate(found, known: known, path: path)
            try refuseOtherProgramsDatabase(db, found, path: path)
            guard found.recorded != nil, found.version == known.count else {
                throw StoreRefusal.readOnlyNeedsUpgrade(path: path, found: found.version, known: known.count)
            }
        }
    }
}

extension Store {
    /// Refuses a change when the database was opened for reading only, before any transaction:
    /// the person reads a sentence, not SQLite's "attempt to write a readonly database".
    public func ensureWritable() throws {
        if isReadOnly { throw StoreRefusal.readOnly(path: path) }
    }
}

extension Store {
    /// Sign-in's transaction: a write one, or on a read-only database a read one.
    public func readOrWrite<T>(_ body: () throws -> T) throws -> T {
        isReadOnly ? try read(body) : try write(body)
    }
}
