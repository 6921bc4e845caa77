import Foundation
import SQLite
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
        guard report.isClean else {
            throw UserError("verify found \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s"):\n" +
                            report.problems.map { "  - " + $0 }.joined(separator: "\n"))
        }
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
        if FileManager.default.fileExists(atPath: path) {
            guard SafePath.isSQLiteDatabase(path) else {
                throw UserError("\(path) exists and is not a database backup: choose a new file name (nothing was written)")
            }
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let pages = try s.store.db.backup(to: path)
        let copy = try Database(path: path, readOnly: true)
        let check = try copy.rows("PRAGMA integrity_check") { $0.string(0) }
        guard check == ["ok"] else { throw UserError("the backup at \(path) fails its integrity check: \(check.joined(separator: "; "))") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return .message(s.t("已备份到 \(path)（\(pages) 页，\(size / 1024) KB，完整性检查通过）。恢复：关闭 Workshop，用此文件替换数据库文件（并删除旧的 -wal/-shm 文件）",
                            "backed up to \(path) (\(pages) pages, \(size / 1024) KB, integrity ok). To restore: close Workshop, put this file in place of the database (and delete its old -wal/-shm files)"),
                        [("path", .string(path)), ("pages", .int(pages)), ("bytes", .int(size))])
    }

    /// Everything a shop owns, table by table.
    static let exportedTables = ["customers", "vehicles", "orders", "order_lines", "payments", "inspections", "inspection_items",
                                 "supplements", "damage_notes", "belongings", "received_documents", "assignments", "progress_reports",
                                 "notifications", "followups", "complaints", "appointments", "parts", "stock_movements",
                                 "labor_operations", "jobs", "staff", "bays", "checklist_items", "warranty_terms", "settings", "journal"]

    static let export = Command(
        name: "export", aliases: ["导出"], group: .shop,
        summary: "write everything the shop owns as CSV and JSON, table by table, for another system",
        usage: ["export DIR"],
        access: .read, roles: [.manager]
    ) { invocation, s in
        let directory = try invocation.required("the folder", usage: "export DIR")
        try SafePath.ensureDirectory(directory)
        var counts: [(String, Int)] = []
        for table in exportedTables {
            var columns: [String] = []
            var csv = ""
            var json = "["
            var rows = 0
            // The PIN hashes stay in the shop: staff are exported without them.
            let select = table == "staff" ? "SELECT id, name, roles, group_name, active, created_at FROM staff" : "SELECT * FROM \(table)"
            try s.store.db.forEach("\(select) ORDER BY 1") { row in
                if columns.isEmpty {
                    columns = (0..<row.columnCount).map(row.columnName)
                    csv += columns.map(CSV.field).joined(separator: ",") + "\r\n"
                }
                var values: [String] = []
                var object: [(String, JSON)] = []
                for column in 0..<row.columnCount {
                    let value = row.value(column)
                    switch value {
                    case .null: values.append(""); object.append((columns[Int(column)], .null))
                    case .integer(let i): values.append(String(i)); object.append((columns[Int(column)], .int(Int(i))))
                    case .real(let d): values.append(String(d)); object.append((columns[Int(column)], .string(String(d))))
                    case .text(let t): values.append(CSV.field(t)); object.append((columns[Int(column)], .string(t)))
                    }
                }
                csv += values.joined(separator: ",") + "\r\n"
                json += (rows == 0 ? "\n" : ",\n") + JSON.object(object).serialized()
                rows += 1
            }
            json += rows == 0 ? "]\n" : "\n]\n"
            try write("\u{FEFF}" + csv, to: directory + "/\(table).csv")
            try write(json, to: directory + "/\(table).json")
            counts.append((table, rows))
        }
        let manifest = "Workshop export \(s.zone.format(s.now)) · \(s.settings.name)\n"
            + "Each table as CSV (UTF-8 with BOM, RFC 4180) and JSON (an array of objects). Money in fen, times in UTC seconds.\n\n"
            + counts.map { "\($0.0): \($0.1) rows" }.joined(separator: "\n") + "\n"
        try write(manifest, to: directory + "/README.txt")
        return .message(s.t("已导出 \(counts.count) 张表到 \(directory)", "exported \(counts.count) tables to \(directory)"),
                        [("tables", .object(counts.map { ($0.0, .int($0.1)) }))])
    }

    static func write(_ text: String, to path: String) throws {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw UserError("could not write \(path): \(error.localizedDescription)")
        }
    }
}

enum CSV {
    /// A field quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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
        let database = URL(fileURLWithPath: s.store.db.path).standardizedFileURL.resolvingSymlinksInPath().path
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

    static func isSQLiteDatabase(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return handle.readData(ofLength: 16) == Data("SQLite format 3\u{0}".utf8)
    }
}
