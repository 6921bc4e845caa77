import Foundation
import SafeFiles
import WorkshopModel

/// Paths people type for files Workshop writes (print, report, release, backup, export), checked
/// before anything happens: never the shop database or its -wal/-shm, never into the Templates
/// folder in use, never through a symbolic link or over a hard-linked file, never over another
/// database (a backup may replace an earlier backup: the store checks which), never a name with
/// control characters. The writer itself (SafeFile) looks again when it writes.
enum SafePath {
    static func validate(_ path: String) throws {
        guard !path.isEmpty, path.count <= 1024 else { throw PathRefusal.emptyOrTooLong }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw PathRefusal.controlCharacters
        }
    }

    /// A file about to be written at `path`, in a folder that exists.
    static func ensureWritable(_ path: String, session s: Session, databaseAllowed: Bool = false) throws {
        try validate(path)
        let name = PathText.name(of: path)
        guard !["", ".", "..", "/"].contains(name) else { throw PathRefusal.isAFolder(path: path) }
        let folder = PathText.folderToOpen(for: path)
        guard let realFolder = RealPath.of(folder), isFolder(realFolder) else { throw PathRefusal.noFolder(folder: folder) }
        let resolved = PathText.join(realFolder, name)
        if let database = RealPath.of(s.store.path),
           resolved == database || ["-wal", "-shm", "-journal"].contains(where: { resolved == database + $0 }) {
            throw PathRefusal.isTheDatabase(path: path)
        }
        try ensureOutsideTemplates(path, resolved: resolved, session: s)
        if FileKind.of(path) == .folder { throw PathRefusal.isAFolder(path: path) }
        try ensureTakesFiles(realFolder, as: folder)
        try SafeFile.check(path, replacing: databaseAllowed ? { _ in } : SafeFile.refuseDatabases)
    }

    /// A folder files are about to be written into (export): created (0700 each) if missing; an
    /// existing one must be a folder, and not a symbolic link.
    static func ensureDirectory(_ path: String, session s: Session) throws {
        try validate(path)
        try ensureOutsideTemplates(path, resolved: RealPath.ofNew(path), session: s)
        switch FileKind.of(path) {
        case .missing: try PrivateFolder.create(path)
        case .folder: return
        case .symbolicLink: throw FileRefusal.symbolicLink(path: path)
        case .regular, .other: throw PathRefusal.isAFile(path: path)
        }
    }

    /// The folder takes a new file: tried with a throwaway one now, so that a release never commits
    /// and only then finds it cannot print its papers (a read-only or full disk, /proc, no right).
    static func ensureTakesFiles(_ realFolder: String, as typed: String) throws {
        let probe = PathText.join(realFolder, ".workshop-probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let descriptor = open(probe, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard descriptor >= 0 else { throw PathRefusal.folderTakesNoFiles(folder: typed, errorNumber: errno) }
        close(descriptor)
        unlink(probe)
    }

    /// The Templates folder in use is the shop's own: never written by a command.
    static func ensureOutsideTemplates(_ path: String, resolved: String, session s: Session) throws {
        guard let templates = s.templatesDirectory, let realTemplates = RealPath.of(templates) else { return }
        if RealPath.isWithin(resolved, realTemplates) { throw PathRefusal.inTemplates(path: path, folder: templates) }
    }

    static func isFolder(_ path: String) -> Bool { FileKind.following(path) == .folder }
}

/// A path typed for a file Workshop writes that it will not write to.
enum PathRefusal: WordedRefusal {
    static let area = "path"

    case emptyOrTooLong
    case controlCharacters
    case isTheDatabase(path: String)
    case noFolder(folder: String)
    case isAFolder(path: String)
    case isAFile(path: String)
    case cannotCreateFolder(folder: String, reason: String)
    /// Inside the Templates folder in use: the shop's templates are edited by hand, never written over.
    case inTemplates(path: String, folder: String)
    /// A file cannot be made in the folder (`errorNumber` is the system's errno).
    case folderTakesNoFiles(folder: String, errorNumber: Int32)

    func words(_ w: Wording) -> String {
        switch self {
        case .emptyOrTooLong: return w("路径为空或超过 1024 个字符", "the path is empty or longer than 1024 characters")
        case .controlCharacters: return w("路径含有控制字符：请直接输入", "the path contains control characters: type it plainly")
        case .isTheDatabase(let path): return w("\(path) 就是门店数据库本身：请换一个文件", "\(path) is the shop database itself: choose another file")
        case .noFolder(let folder): return w("文件夹 \(folder) 不存在", "the folder \(folder) does not exist")
        case .isAFolder(let path): return w("\(path) 是文件夹：请写文件名", "\(path) is a folder: give a file name")
        case .isAFile(let path): return w("\(path) 是文件，不是文件夹", "\(path) is a file, not a folder")
        case .cannotCreateFolder(let folder, let reason): return w("无法创建文件夹 \(folder)：\(reason)", "could not create the folder \(folder): \(reason)")
        case .folderTakesNoFiles(let folder, let number):
            let why: String
            switch number {
            case EACCES, EPERM: why = w("没有写入权限", "no permission to write there")
            case EROFS: why = w("只读的文件系统", "a read-only file system")
            case ENOSPC, EDQUOT: why = w("磁盘已满", "the disk is full")
            case ENOENT: why = w("这里不能新建文件", "no file can be made there")
            default: why = w("系统错误 \(number)", "system error \(number)")
            }
            return w("无法在文件夹 \(folder) 中写入文件（\(why)）：请换一个文件夹", "cannot write a file in the folder \(folder) (\(why)): choose another folder")
        case .inTemplates(let path, let folder):
            return w("\(path) 在模板文件夹 \(folder) 里：模板只能手工编辑，不会被覆盖；请换一个文件夹",
                     "\(path) is in the templates folder \(folder): templates are edited by hand, never written over; choose another folder")
        }
    }
}
