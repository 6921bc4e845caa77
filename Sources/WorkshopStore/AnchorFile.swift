import Foundation

/// The anchor file as one store keeps it between writes. Every write reads, checks and replaces
/// the file twice (before its commit and after), which had cost as much as all of a release's own
/// statements: opening the lock file and parsing the text each time. Here the lock file stays open
/// (locked and unlocked around each update), and the text last read or written is remembered with
/// what it says, so a file nobody else changed is compared byte for byte, not parsed again.
/// Another process's change to the file gives other bytes, which are parsed as before.
final class AnchorFile {
    let path: String
    private var lockDescriptor: Int32 = -1
    /// The file's bytes as this store last read or left them, and what they say.
    private var known: (bytes: [UInt8], anchor: JournalAnchor)?

    init(path: String) { self.path = path }

    deinit { if lockDescriptor >= 0 { close(lockDescriptor) } }

    /// Runs `body` holding the anchor's lock: an exclusive `flock` on `<anchor>.lock`, which every
    /// Workshop process writing this anchor takes, so that their read-check-replace never interleave.
    func locked<T>(_ body: () throws -> T) throws -> T {
        while true {
            if lockDescriptor < 0 {
                lockDescriptor = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
                guard lockDescriptor >= 0 else { throw AnchorWriteError(path: path + ".lock", errno: errno) }
            }
            while flock(lockDescriptor, LOCK_EX) != 0 {
                guard errno == EINTR else { throw AnchorWriteError(path: path + ".lock", errno: errno) }
            }
            // The lock file removed or replaced since it was opened: the lock held is on a file
            // other processes no longer open. Opened again by its name.
            if isStillTheFileNamed(lockDescriptor, path + ".lock") { break }
            close(lockDescriptor)
            lockDescriptor = -1
        }
        defer { flock(lockDescriptor, LOCK_UN) }
        return try body()
    }

    private func isStillTheFileNamed(_ descriptor: Int32, _ name: String) -> Bool {
        var open = stat(), named = stat()
        return fstat(descriptor, &open) == 0 && stat(name, &named) == 0 && open.st_ino == named.st_ino && open.st_dev == named.st_dev
    }

    /// The anchor as this store last read or wrote it.
    var lastKnown: JournalAnchor? { known?.anchor }

    /// What the file says now (as `JournalAnchor.read`), parsed only when its bytes are not the
    /// ones last seen.
    func read() -> JournalAnchor.Found? {
        switch JournalAnchor.readBytes(path) {
        case .missing: return nil
        case .unreadable: return .unreadable("cannot be read")
        case .bytes(let bytes):
            if let known, known.bytes == bytes { return .anchor(known.anchor) }
            let found = JournalAnchor.parse(bytes)
            if case .anchor(let anchor) = found { known = (bytes, anchor) }
            return found
        }
    }

    /// Writes `anchor` (as `JournalAnchor.write`) and remembers the bytes the file now holds.
    func write(_ anchor: JournalAnchor, sync: Bool) throws {
        known = nil
        let bytes = try anchor.write(to: path, sync: sync)
        known = (bytes, anchor)
    }
}
