import Glibc

/// What is at a path a file is about to be written to, looked at without following a symbolic
/// link at the end of it.
public struct ExistingFile: Sendable {
    public let path: String
    /// The file's first bytes (up to 100: an SQLite header is 100 bytes).
    public let header: [UInt8]

    public static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

    /// Whether the file starts with SQLite's 16-byte magic: a database, whatever its name.
    public var isSQLiteDatabase: Bool { header.starts(with: ExistingFile.sqliteMagic) }

    /// SQLite's application id (header bytes 68…71, big-endian), when the file is a database.
    public var sqliteApplicationID: UInt32? {
        guard isSQLiteDatabase, header.count >= 72 else { return nil }
        return header[68..<72].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Looks at `name` in the open folder `folder`: nil when nothing is there. Refuses a symbolic
    /// link, a folder, anything but a regular file, and a file with more than one name.
    static func inspect(folder: Int32, name: String, path: String) throws -> ExistingFile? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return nil }
            throw FileRefusal.cannotWrite(path: path, reason: SystemError.text(errno))
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: throw FileRefusal.symbolicLink(path: path)
        case S_IFDIR: throw FileRefusal.folder(path: path)
        case S_IFREG: break
        default: throw FileRefusal.notARegularFile(path: path)
        }
        guard info.st_nlink <= 1 else { throw FileRefusal.hardLinked(path: path, links: Int(info.st_nlink)) }
        return ExistingFile(path: path, header: readHeader(folder: folder, name: name))
    }

    /// Looks at `path` the same way (for checks made before any writing starts).
    public static func inspect(_ path: String) throws -> ExistingFile? {
        let folder = open(PathText.folderToOpen(for: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw FileRefusal.noFolder(folder: PathText.folderToOpen(for: path)) }
            throw FileRefusal.cannotWrite(path: path, reason: SystemError.text(errno))
        }
        defer { close(folder) }
        return try inspect(folder: folder, name: PathText.name(of: path), path: path)
    }

    private static func readHeader(folder: Int32, name: String) -> [UInt8] {
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 100)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 100) }
        return count > 0 ? Array(buffer.prefix(count)) : []
    }
}

enum SystemError {
    /// The system's sentence for an errno value ("Permission denied").
    static func text(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// What a path names.
public enum FileKind: Equatable, Sendable {
    case missing, regular, folder, symbolicLink, other

    /// The path itself: a symbolic link at the end is reported as one.
    public static func of(_ path: String) -> FileKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        return kind(info.st_mode)
    }

    /// Where the path leads, links followed.
    public static func following(_ path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return kind(info.st_mode)
    }

    private static func kind(_ mode: mode_t) -> FileKind {
        switch mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }
}
