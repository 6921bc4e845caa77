import Foundation
import WorkshopModel
import WorkshopStore

/// Keeping the shop's record: verify it, back it up, export it.
enum TrustCommands {
    static let all = [verify, backup, export]

    static let verify = CommandSpec("verify", aliases: ["核查"], group: .shop,
        summary: Phrase("核查数据库：日志哈希链、外部修改、完整性、库存与流水", "check the database: the journal's hash chain, changes made outside Workshop, integrity, stock sums"), forms: [
        Form([], access: .read, summary: Phrase("核查，逐条说明发现的问题", "check, naming each problem found"), examples: ["verify"]) { _, s in
            let report = try s.store.verify()
            guard report.isClean else { throw RecordRefusal.verifyFound(problems: report.problems) }
            return .message(s.t("核查通过：日志 \(report.journalEntries) 条哈希链完整，数据库完整，无外部修改，库存与流水一致",
                                "verified: the journal's \(report.journalEntries) entries chain unbroken, the database is intact, nothing was changed outside Workshop, stock adds up"),
                            [("journal_entries", .int(report.journalEntries))])
        },
    ])

    static let backup = CommandSpec("backup", aliases: ["备份"], group: .shop,
        summary: Phrase("在大家照常工作时备份数据库（SQLite 在线备份）", "a consistent copy of the database while people keep working (SQLite online backup)"), forms: [
        Form([arg("path", .path)], access: .read, roles: [.manager], summary: Phrase("备份到文件，并检查副本完整", "copy to a file and check the copy"),
             examples: ["backup /mnt/usb/workshop-2026-11-22.db"]) { invocation, s in
            let path: String = invocation.need("path")
            try SafePath.ensureWritable(path, session: s)
            let copy = try s.store.backup(to: path)
            return .message(s.t("已备份到 \(path)（\(copy.pages) 页，\(copy.bytes / 1024) KB，完整性检查通过）。恢复：关闭 Workshop，用此文件替换数据库文件（并删除旧的 -wal/-shm 文件）",
                                "backed up to \(path) (\(copy.pages) pages, \(copy.bytes / 1024) KB, integrity ok). To restore: close Workshop, put this file in place of the database (and delete its old -wal/-shm files)"),
                            [("path", .string(path)), ("pages", .int(copy.pages)), ("bytes", .int(copy.bytes))])
        },
    ])

    static let export = CommandSpec("export", aliases: ["导出"], group: .shop,
        summary: Phrase("把门店的全部数据按表导出为 CSV 和 JSON，供其他系统使用", "write everything the shop owns as CSV and JSON, table by table, for another system"), forms: [
        Form([arg("folder", .path)], access: .read, roles: [.manager], summary: Phrase("导出到文件夹", "export into a folder"),
             examples: ["export /mnt/usb/workshop-export"]) { invocation, s in
            let directory: String = invocation.need("folder")
            try SafePath.ensureDirectory(directory)
            let counts = try s.store.export(to: directory)
            return .message(s.t("已导出 \(counts.count) 张表到 \(directory)", "exported \(counts.count) tables to \(directory)"),
                            [("tables", .object(counts.map { ($0.table, .int($0.rows)) }))])
        },
    ])
}

/// Paths people type for files Workshop writes: never the database itself, never a name with
/// control characters, and only into a folder that exists.
enum SafePath {
    static func validate(_ path: String) throws {
        guard !path.isEmpty, path.count <= 1024 else { throw PathRefusal.emptyOrTooLong }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw PathRefusal.controlCharacters
        }
    }

    static func ensureWritable(_ path: String, session s: Session) throws {
        try validate(path)
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let database = URL(fileURLWithPath: s.store.path).standardizedFileURL.resolvingSymlinksInPath().path
        guard resolved != database, !resolved.hasPrefix(database + "-") else {
            throw PathRefusal.isTheDatabase(path: path)
        }
        let parent = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !parent.isEmpty {
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw PathRefusal.noFolder(folder: parent)
            }
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw PathRefusal.isAFolder(path: path)
        }
    }

    static func ensureDirectory(_ path: String) throws {
        try validate(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw PathRefusal.isAFile(path: path) }
            return
        }
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw PathRefusal.cannotCreateFolder(folder: path, reason: error.localizedDescription)
        }
    }
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

    func words(_ w: Wording) -> String {
        switch self {
        case .emptyOrTooLong: return w("路径为空或超过 1024 个字符", "the path is empty or longer than 1024 characters")
        case .controlCharacters: return w("路径含有控制字符：请直接输入", "the path contains control characters: type it plainly")
        case .isTheDatabase(let path): return w("\(path) 就是门店数据库本身：请换一个文件", "\(path) is the shop database itself: choose another file")
        case .noFolder(let folder): return w("文件夹 \(folder) 不存在", "the folder \(folder) does not exist")
        case .isAFolder(let path): return w("\(path) 是文件夹：请写文件名", "\(path) is a folder: give a file name")
        case .isAFile(let path): return w("\(path) 是文件，不是文件夹", "\(path) is a file, not a folder")
        case .cannotCreateFolder(let folder, let reason): return w("无法创建文件夹 \(folder)：\(reason)", "could not create the folder \(folder): \(reason)")
        }
    }
}
