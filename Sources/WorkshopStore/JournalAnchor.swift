import Foundation
import WorkshopModel

/// The journal's head kept outside the database: at every write, the last entry's id and hash and
/// the number of entries go into a small text file apart from the database file. Whoever edits the
/// database alone cannot make it agree again: a chain cut short ends before the anchor's head, a
/// chain rewritten has another hash there, an entry appended outside Workshop goes past it. The
/// same head is printed on the day report and can be exported, so copies of it outlive the file.
///
/// A write updates the file twice. Before its commit (holding the database's write lock) it
/// records the head as committed and, as `next`, the head it is about to commit; after the commit
/// `next` becomes the head. So a Workshop stopped at any point leaves a journal that ends at the
/// head or at `next`, and anything else is someone else's doing.
///
/// Syncing: the file is replaced at every write but synced to disk only now and then (see
/// `JournalAnchor.unsyncedEntries` for why that keeps the evidence, and what a power cut changes).
/// `bound` is the promise that makes it safe: no Workshop commit takes the journal past it before
/// a file with a higher bound has been synced.
///
/// The file, UTF-8, one fact a line:
///
///     workshop journal anchor 1
///     entries 1234
///     head 1234 9f3a…(64 hex)
///     next 1236 77c0…(64 hex)              (only while a write is committing)
///     bound 1334                           (synced before any commit past it)
///     written 1795420800 2026-11-30T09:20:00Z
///     started 17 1795000000                (the head when this file was first written)
///     disagreed cut 1200 5b1e… 1795410000 1100
///
/// `disagreed` lines are what a write found wrong with the anchor before replacing it — the
/// journal cut short of it, rewritten, or run past it — kept in every later file, so that one
/// write cannot wash the evidence away; `verify` reports each.
public struct JournalAnchor: Equatable, Sendable {
    public var entries: Int
    public var head: Link
    /// The head a write was about to commit when the file was written.
    public var next: Link?
    /// The last entry a Workshop commit may write before a file with a higher bound is synced (nil
    /// in a file written before the anchor was synced lazily: every write synced it then).
    public var bound: Int?
    /// The real time it was written.
    public var writtenAt: Timestamp
    /// The head when the file was first written, and when: entries before it were never anchored.
    public var started: (entry: Int, at: Timestamp)
    public var disagreements: [Disagreement] = []

    /// One entry of the chain: its id and hash.
    public struct Link: Equatable, Sendable {
        public var entry: Int
        public var hash: String
        public init(entry: Int, hash: String) {
            self.entry = entry
            self.hash = hash
        }
    }

    /// What a write found wrong with the anchor it replaced.
    public enum Disagreement: Equatable, Sendable {
        /// The anchor's head (written then) was past the journal's end.
        case cut(anchor: Link, writtenAt: Timestamp, journalEnded: Int)
        /// The journal had the anchor's head entry with another hash.
        case rewritten(anchor: Link, writtenAt: Timestamp)
        /// The journal had entries `from`…`to` past the anchor's head that no Workshop write announced.
        case unanchored(from: Int, to: Int, foundAt: Timestamp)
        /// The file was not an anchor.
        case unreadable(foundAt: Timestamp)

        var isUnanchored: Bool {
            if case .unanchored = self { return true }
            return false
        }
    }

    public init(head: Link, next: Link? = nil, writtenAt: Timestamp, started: (entry: Int, at: Timestamp)? = nil,
                disagreements: [Disagreement] = []) {
        self.entries = head.entry
        self.head = head
        self.next = next
        self.writtenAt = writtenAt
        self.started = started ?? (head.entry, writtenAt)
        self.disagreements = disagreements
    }

    public static func == (a: JournalAnchor, b: JournalAnchor) -> Bool { a.text == b.text }

    static let firstLine = "workshop journal anchor 1"

    public var text: String {
        var lines = [JournalAnchor.firstLine, "entries \(entries)", "head \(head.entry) \(head.hash)"]
        if let next { lines.append("next \(next.entry) \(next.hash)") }
        if let bound { lines.append("bound \(bound)") }
        lines.append("written \(writtenAt.seconds) \(writtenAt.iso8601)")
        lines.append("started \(started.entry) \(started.at.seconds)")
        for d in disagreements {
            switch d {
            case .cut(let a, let at, let ended): lines.append("disagreed cut \(a.entry) \(a.hash) \(at.seconds) \(ended)")
            case .rewritten(let a, let at): lines.append("disagreed rewritten \(a.entry) \(a.hash) \(at.seconds)")
            case .unanchored(let from, let to, let at): lines.append("disagreed unanchored \(from) \(to) \(at.seconds)")
            case .unreadable(let at): lines.append("disagreed unreadable \(at.seconds)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads an anchor's text; nil when it is not one.
    public init?(text: String) {
        let lines: [[String]]
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // Every write reads the file (twice): ASCII, as Workshop writes it, is split as bytes.
            lines = text.utf8.split(whereSeparator: { $0 >= 0x0A && $0 <= 0x0D }).map { line in
                line.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            }
        } else {
            lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: " ").map(String.init) }
        }
        guard lines.first?.joined(separator: " ") == JournalAnchor.firstLine else { return nil }
        func link(_ words: [String]) -> Link? {
            guard words.count == 3, words[2].count == 64, let id = Int(words[1]) else { return nil }
            return Link(entry: id, hash: words[2])
        }
        func time(_ word: String) -> Timestamp? { Int(word).map(Timestamp.init(seconds:)) }
        var entries: Int?, head: Link?, next: Link?, bound: Int?, written: Timestamp?, started: (Int, Timestamp)?
        var disagreements: [Disagreement] = []
        for words in lines.dropFirst() {
            switch (words.first, words.count > 1 ? words[1] : "") {
            case ("entries", _) where words.count == 2: entries = Int(words[1])
            case ("head", _): head = link(words)
            case ("next", _): next = link(words)
            case ("bound", _) where words.count == 2:
                guard let value = Int(words[1]) else { return nil }
                bound = value
            case ("written", _) where words.count >= 2: written = time(words[1])
            case ("started", _) where words.count == 3:
                guard let id = Int(words[1]), let at = time(words[2]) else { return nil }
                started = (id, at)
            case ("disagreed", "cut") where words.count == 6:
                guard let a = link(["", words[2], words[3]]), let at = time(words[4]), let ended = Int(words[5]) else { return nil }
                disagreements.append(.cut(anchor: a, writtenAt: at, journalEnded: ended))
            case ("disagreed", "rewritten") where words.count == 5:
                guard let a = link(["", words[2], words[3]]), let at = time(words[4]) else { return nil }
                disagreements.append(.rewritten(anchor: a, writtenAt: at))
            case ("disagreed", "unanchored") where words.count == 5:
                guard let from = Int(words[2]), let to = Int(words[3]), let at = time(words[4]) else { return nil }
                disagreements.append(.unanchored(from: from, to: to, foundAt: at))
            case ("disagreed", "unreadable") where words.count == 3:
                guard let at = time(words[2]) else { return nil }
                disagreements.append(.unreadable(foundAt: at))
            default: return nil
            }
        }
        guard let entries, let head, let written, entries == head.entry else { return nil }
        self.init(head: head, next: next, writtenAt: written, started: started, disagreements: disagreements)
        self.bound = bound
    }

    // MARK: The file

    /// `$WORKSHOP_ANCHOR/<database file name>.anchor` when that folder is set (a folder the
    /// database's copies and backups do not go to: another disk, a share), else beside the database.
    public static func defaultPath(forDatabase database: String,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let folder = environment["WORKSHOP_ANCHOR"], !folder.isEmpty {
            return (folder as NSString).appendingPathComponent((database as NSString).lastPathComponent + ".anchor")
        }
        return database + ".anchor"
    }

    /// What is at `path`: nil when there is no file.
    enum Found {
        case anchor(JournalAnchor)
        case unreadable(String)
    }

    /// Reads the file: Workshop's writers under the anchor's lock; `verify` without it, and again
    /// when the file disagrees with the journal (a write may have been writing it).
    static func read(_ path: String) -> Found? {
        switch readBytes(path) {
        case .missing: return nil
        case .unreadable: return .unreadable("cannot be read")
        case .bytes(let bytes): return parse(bytes)
        }
    }

    /// The file's bytes, as they are.
    enum FileBytes {
        case missing, unreadable
        case bytes([UInt8])
    }

    static func readBytes(_ path: String) -> FileBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return errno == ENOENT ? .missing : .unreadable }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .unreadable }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return .bytes(bytes)
    }

    /// What a file's bytes say: an anchor, or not one.
    static func parse(_ bytes: [UInt8]) -> Found {
        guard let anchor = JournalAnchor(text: String(decoding: bytes, as: UTF8.self)) else { return .unreadable("is not an anchor") }
        return .anchor(anchor)
    }

    /// Writes the file. With `sync`: replaced whole or not at all — a new file in the same folder,
    /// synced, renamed over the old one, and the folder synced — so that the new one survives a
    /// power cut. Without: the text is written over the file as it is (`overwrite`).
    /// Returns the bytes the file now holds.
    @discardableResult
    func write(to path: String, sync: Bool) throws -> [UInt8] {
        if !sync, let written = try overwrite(path) { return written }
        return try replace(path, sync: sync)
    }

    /// Writes the text over the existing file in one write, padded with newlines (blank lines,
    /// which a reader skips) to the file's length, never shortening it: a Workshop killed at any
    /// moment leaves the old text or the new one, and no file is created and renamed — which, at
    /// every write, cost as much as a small commit. Only for what need not survive a power cut.
    /// Nil when there is no file to write over (or it is a link or has another name, or would end
    /// past a page): then it is replaced. Else the bytes the file now holds.
    private func overwrite(_ path: String) throws -> [UInt8]? {
        let fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else { return nil }
        var bytes = Array(text.utf8)
        if bytes.count < Int(info.st_size) { bytes += [UInt8](repeating: 0x0A, count: Int(info.st_size) - bytes.count) }
        // One page is written whole or not at all when a process is killed; a longer file is replaced.
        guard bytes.count <= 4096 else { return nil }
        let written = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        guard written == bytes.count else { throw AnchorWriteError(path: path, errno: written < 0 ? errno : EIO) }
        return bytes
    }

    /// A new file in the same folder, renamed over the old one; with `sync`, the file and then the
    /// folder are synced. Readable by the shop's account only.
    private func replace(_ path: String, sync: Bool) throws -> [UInt8] {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(
            "." + (path as NSString).lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AnchorWriteError(path: temporary, errno: errno) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = written == bytes.count && (!sync || fsync(fd) == 0)
        let error = errno
        close(fd)
        guard synced, rename(temporary, path) == 0 else {
            let failure = AnchorWriteError(path: path, errno: synced ? errno : error)
            unlink(temporary)
            throw failure
        }
        guard sync else { return bytes }
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
        return bytes
    }
}

struct AnchorWriteError: Error, CustomStringConvertible {
    let path: String
    let errno: Int32
    var description: String { "\(path): \(String(cString: strerror(errno)))" }
}
