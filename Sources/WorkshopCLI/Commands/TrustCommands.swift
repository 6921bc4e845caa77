import Foundation
import WorkshopModel
import WorkshopStore

/// Keeping the shop's record: verify it, back it up, export it.
enum TrustCommands {
    static let verify = Command(
        name: "verify", aliases: ["核查"], group: .shop,
        summary: "check the database: the journal's hash chain, changes made outside Workshop, integrity, stock sums",
        usage: ["verify"],
        access: .read
    ) { _, s in
        let report = try s.store.verify()
        guard report.isClean else { throw RecordRefusal.verifyFound(problems: report.problems) }
        return .message(s.t("核查通过：日志 \(report.journalEntries) 条哈希链完整，数据库完整，无外部修改，库存与流水一致",
                            "verified: the journal's \(report.journalEntries) entries chain unbroken, the database is intact, nothing was changed outside Workshop, stock adds up"),
                        [("journal_entries", .int(report.journalEntries))])
    }

    static let backup = Command(
        name: "backup", aliases: ["备份"], group: .shop,
        summary: "a consistent copy of the database while people keep working (SQLite online backup)",
        usage: ["backup PATH"],
        examples: ["backup /mnt/usb/workshop-2026-11-22.db"],
        access: .read, roles: [.manager]
    ) { invocation, s in
        let path = try invocation.required("the backup file", usage: "backup PATH")
        try SafePath.ensureWritable(path, session: s)
        let copy = try s.store.backup(to: path)
        return .message(s.t("已备份到 \(path)（\(copy.pages) 页，\(copy.bytes / 1024) KB，完整性检查通过）。恢复：关闭 Workshop，用此文件替换数据库文件（并删除旧的 -wal/-shm 文件）",
                            "backed up to \(path) (\(copy.pages) pages, \(copy.bytes / 1024) KB, integrity ok). To restore: close Workshop, put this file in place of the database (and delete its old -wal/-shm files)"),
                        [("path", .string(path)), ("pages", .int(copy.pages)), ("bytes", .int(copy.bytes))])
    }

    static let export = Command(
        name: "export", aliases: ["导出"], group: .shop,
        summary: "write everything the shop owns as CSV and JSON, table by table, for another system",
        usage: ["export DIR"],
        access: .read, roles: [.manager]
    ) { invocation, s in
        let directory = try invocation.required("the folder", usage: "export DIR")
        try SafePath.ensureDirectory(directory)
        let counts = try s.store.export(to: directory)
        return .message(s.t("已导出 \(counts.count) 张表到 \(directory)", "exported \(counts.count) tables to \(directory)"),
                        [("tables", .object(counts.map { ($0.table, .int($0.rows)) }))])
    }
}

/// Paths people type for files Workshop writes: never the database itself, never a name with
/// control characters, and only into a folder that exists.
enum SafePath {
    static func validate(_ path: String) throws {
        guard !path.isEmpty, path.count <= 1024 else { throw UserError("the path is empty or longer than 1024 characters") }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw UserError("the path contains control characters: type it plainly")
        }
    }

    static func ensureWritable(_ path: String, session s: Session) throws {
        try validate(path)
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let database = URL(fileURLWithPath: s.store.path).standardizedFileURL.resolvingSymlinksInPath().path
        guard resolved != database, !resolved.hasPrefix(database + "-") else {
            throw UserError("\(path) is the shop database itself: choose another file")
        }
        let parent = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !parent.isEmpty {
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UserError("the folder \(parent) does not exist")
            }
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UserError("\(path) is a folder: give a file name")
        }
    }

    static func ensureDirectory(_ path: String) throws {
        try validate(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw UserError("\(path) is a file, not a folder") }
            return
        }
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw UserError("could not create the folder \(path): \(error.localizedDescription)")
        }
    }
}
