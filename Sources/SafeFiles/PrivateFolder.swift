import Glibc

/// Folders and files only the shop's account can read: 0700 folders, 0600 files.
public enum PrivateFolder {
    public static let mode: mode_t = 0o700

    /// Creates `path` and any missing folder above it, each 0700; folders that exist are left as they are.
    public static func create(_ path: String) throws {
        var isFolder = false
        if exists(path, isFolder: &isFolder) {
            guard isFolder else { throw FileRefusal.cannotCreateFolder(folder: path, reason: SystemError.text(EEXIST)) }
            return
        }
        let parent = PathText.folder(of: path)
        if !parent.isEmpty && parent != path { try create(parent) }
        if mkdir(path, mode) != 0 && errno != EEXIST {
            throw FileRefusal.cannotCreateFolder(folder: path, reason: SystemError.text(errno))
        }
    }

    /// Creates an empty file readable by the shop's account only, unless something is there already
    /// (then it is left alone). For the database: SQLite gives its -wal and -shm the mode of the
    /// database file, so they are 0600 too.
    public static func createFile(_ path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, SafeFile.mode)
        if descriptor >= 0 {
            _ = fchmod(descriptor, SafeFile.mode)
            close(descriptor)
        }
    }

    static func exists(_ path: String, isFolder: inout Bool) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        isFolder = info.st_mode & S_IFMT == S_IFDIR
        return true
    }
}
