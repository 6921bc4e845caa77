/// A file Workshop will not write, or could not. Each names the path as it was given; nothing was
/// written where the real file goes. (Worded, and given its code, where the screen is.)
public enum FileRefusal: Error, Equatable, Sendable {
    /// The target is a symbolic link: writing would change whatever it points to.
    case symbolicLink(path: String)
    /// The target has other names (hard links): writing it in place would change them too.
    case hardLinked(path: String, links: Int)
    /// The target is an SQLite database (its first 16 bytes say so).
    case database(path: String)
    case folder(path: String)
    /// A device, a pipe or a socket.
    case notARegularFile(path: String)
    case noFolder(folder: String)
    case cannotCreateFolder(folder: String, reason: String)
    case cannotWrite(path: String, reason: String)
    /// Another program holds a lock on the file and did not let go within `seconds`.
    case inUse(path: String, seconds: Int)
}
