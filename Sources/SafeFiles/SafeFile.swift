import Glibc

/// Writes a file so that a reader, a crash or a killed process never sees half of it: the content
/// goes to a new temporary file in the target's folder (created for this process alone, mode
/// 0600), is synced to disk, and is then renamed over the target in one step. Until that rename
/// the target is exactly as it was; if anything fails, the temporary file is removed.
///
/// Whatever is already at the target is looked at first, and again just before the rename:
/// a symbolic link, a folder, a device, a file with other names (hard links) is never replaced,
/// and `replacing` decides about a regular file (by default: anything but an SQLite database).
public enum SafeFile {
    /// Decides whether an existing file may be replaced: throws to refuse.
    public typealias ReplaceCheck = @Sendable (ExistingFile) throws -> Void

    /// The default: any regular file but a database.
    public static let refuseDatabases: ReplaceCheck = { existing in
        if existing.isSQLiteDatabase { throw FileRefusal.database(path: existing.path) }
    }

    /// Files Workshop writes are readable by the shop's account only.
    public static let mode: mode_t = 0o600

    public static func write(_ text: String, to path: String, replacing check: ReplaceCheck = refuseDatabases) throws {
        try write(Array(text.utf8), to: path, replacing: check)
    }

    public static func write(_ bytes: [UInt8], to path: String, replacing check: ReplaceCheck = refuseDatabases) throws {
        try replace(path, check) { temporary in
            try temporary.write(bytes)
        }
    }

    /// For a writer that needs a path of its own (SQLite's backup): `produce` fills the file at the
    /// temporary path it is given; it is then synced and renamed into place.
    public static func write(to path: String, replacing check: ReplaceCheck = refuseDatabases,
                             produce: (_ temporaryPath: String) throws -> Void) throws {
        try replace(path, check) { temporary in
            try temporary.closeDescriptor()
            try produce(temporary.path)
        }
    }

    /// Checks the target the way writing it would, without writing: for a refusal before anything
    /// else happens (a command that would commit first).
    public static func check(_ path: String, replacing check: ReplaceCheck = refuseDatabases) throws {
        if let existing = try ExistingFile.inspect(path) { try check(existing) }
    }

    private static func replace(_ path: String, _ check: ReplaceCheck, _ fill: (inout TemporaryFile) throws -> Void) throws {
        let name = PathText.name(of: path)
        guard !name.isEmpty, name != ".", name != "..", name != "/" else { throw FileRefusal.folder(path: path) }
        let folderPath = PathText.folderToOpen(for: path)
        let folder = open(folderPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw FileRefusal.noFolder(folder: folderPath) }
            throw FileRefusal.cannotWrite(path: path, reason: SystemError.text(errno))
        }
        defer { close(folder) }

        if let existing = try ExistingFile.inspect(folder: folder, name: name, path: path) { try check(existing) }
        var temporary = try TemporaryFile(folder: folder, folderPath: folderPath, target: path)
        var placed = false
        defer { if !placed { temporary.remove() } }
        try fill(&temporary)
        try temporary.sync()
        // The target may have changed while the content was made: look again just before replacing it.
        if let existing = try ExistingFile.inspect(folder: folder, name: name, path: path) { try check(existing) }
        guard renameat(folder, temporary.name, folder, name) == 0 else {
            throw FileRefusal.cannotWrite(path: path, reason: SystemError.text(errno))
        }
        placed = true
        temporary.removeSidecars()
        // The rename is an entry in the folder: sync it too (some file systems cannot; the file is whole either way).
        _ = fsync(folder)
    }
}

/// The temporary file beside the target: a hidden name of its own, created exclusively.
struct TemporaryFile {
    let folder: Int32
    let name: String
    let path: String
    let target: String
    private var descriptor: Int32

    init(folder: Int32, folderPath: String, target: String) throws {
        for _ in 0..<16 {
            let name = ".workshop-" + String(UInt64.random(in: 0...UInt64.max), radix: 16) + ".tmp"
            let descriptor = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, SafeFile.mode)
            if descriptor < 0 && errno == EEXIST { continue }
            guard descriptor >= 0 else { throw FileRefusal.cannotWrite(path: target, reason: SystemError.text(errno)) }
            // Exactly 0600 whatever the umask (a file system without modes, such as FAT, may refuse: harmless).
            _ = fchmod(descriptor, SafeFile.mode)
            self.folder = folder
            self.name = name
            self.path = PathText.join(folderPath == "." ? "" : folderPath, name)
            self.target = target
            self.descriptor = descriptor
            return
        }
        throw FileRefusal.cannotWrite(path: target, reason: SystemError.text(EEXIST))
    }

    mutating func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileRefusal.cannotWrite(path: target, reason: SystemError.text(errno))
            }
            offset += written
        }
    }

    mutating func closeDescriptor() throws {
        guard descriptor >= 0 else { return }
        let result = close(descriptor)
        descriptor = -1
        if result != 0 { throw FileRefusal.cannotWrite(path: target, reason: SystemError.text(errno)) }
    }

    /// Flushes the content to the disk before the rename makes it the target.
    mutating func sync() throws {
        if descriptor < 0 {
            descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { throw FileRefusal.cannotWrite(path: target, reason: SystemError.text(errno)) }
        }
        guard fsync(descriptor) == 0 else { throw FileRefusal.cannotWrite(path: target, reason: SystemError.text(errno)) }
        try closeDescriptor()
    }

    /// Removes the temporary file and whatever a writer left beside it.
    mutating func remove() {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        unlinkat(folder, name, 0)
        removeSidecars()
    }

    /// SQLite's journal files of the temporary database, should any be left.
    func removeSidecars() {
        for suffix in ["-journal", "-wal", "-shm"] { unlinkat(folder, name + suffix, 0) }
    }
}
