import Foundation
import WorkshopModel
import WorkshopStore

/// Keeping the shop's record: verify it, back it up, export it.
enum TrustCommands {
    static let all = [verify, anchor, backup, export]

    static let verify = CommandSpec("verify", aliases: ["核查"], group: .shop,
        summary: Phrase("核查数据库：日志哈希链与锚点、每一行与写入它的日志条目、触发器、完整性、库存与流水", "check the database: the journal's hash chain and its anchor, every row against the entry that wrote it, the triggers, integrity, stock sums"), forms: [
        Form([], access: .read, summary: Phrase("核查，逐条说明发现的问题及其位置", "check, naming each problem found and where"), examples: ["verify"]) { _, s in
            let report = try s.store.verify()
            guard report.isClean else { throw RecordRefusal.verifyFound(problems: report.problems, notes: report.notes) }
            let w = s.wording
            let notes = report.notes.map { "  · " + w.note($0) }
            // SQLite's integrity and foreign-key checks of the file; a server keeps its own pages.
            let intact = s.store.isOnServer ? ("", "") : ("数据库完整，", "the database is intact, ")
            return .message(s.t("核查通过：日志 \(report.journalEntries) 条哈希链完整，\(report.rowsChecked) 行数据均与写入它的日志条目相符，\(intact.0)无外部修改，库存、会员卡余额与流水一致，报表累计与工单、收款一致",
                                "verified: the journal's \(report.journalEntries) entries chain unbroken, all \(report.rowsChecked) rows are as the entries that wrote them left them, \(intact.1)nothing was changed outside Workshop, stock and members' cards add up to their movements, the report's totals to the orders and payments")
                            + (notes.isEmpty ? "" : "\n" + notes.joined(separator: "\n")),
                            [("journal_entries", .int(report.journalEntries)), ("rows_checked", .int(report.rowsChecked)),
                             ("head", .object([("entry", .int(report.head.entry)), ("hash", .string(report.head.hash))])),
                             ("late_entries", .int(report.lateEntries)),
                             ("notes", .array(report.notes.map { .string(w.note($0)) }))])
        },
    ])

    /// The anchor file (the chain's end kept outside the database): shown to copy elsewhere, or
    /// started again by a manager when it is lost — recorded with the reason, for verify to name.
    static let anchor = CommandSpec("anchor", aliases: ["锚点"], group: .shop,
        summary: Phrase("锚点：日志链头在数据库之外的记录", "the anchor: the journal's head kept outside the database"), forms: [
        Form([word("show", "显示")], access: .read, roles: [.manager],
             summary: Phrase("显示锚点内容（可抄送到别处保存，日后供核查对照）", "show the anchor (to keep a copy elsewhere, for verify to check against later)"),
             examples: ["anchor show"]) { _, s in
            let text = try s.store.anchorText()
            return Output(text: s.t("锚点 \(s.store.anchorPath)：\n", "anchor \(s.store.anchorPath):\n") + text,
                          json: .object([("path", .string(s.store.anchorPath)), ("anchor", .string(text))]))
        },
        Form([word("restart", "重建")], options: [required("reason", .text("原因", "REASON"))], access: .write, roles: [.manager],
             summary: Phrase("锚点遗失或已不对应本数据库时（如恢复备份、缺失的记录已查清）重新建立，写明原因；旧锚点另存，核查时会列出此次重建",
                             "start the anchor again when it is lost or no longer stands for this database (a backup restored, the lost records accounted for), saying why; the old one is kept aside, and verify names the restart"),
             examples: ["anchor restart reason=\"从 11-30 备份恢复，之后的单据已补录\""]) { invocation, s in
            let restarted = try s.store.restartAnchor(reason: invocation.need("reason"))
            let aside = restarted.keptAside.map { s.t("；旧锚点另存为 \($0)", "; the old one is kept as \($0)") } ?? ""
            return .message(s.t("锚点已从第 \(restarted.entry) 条重新建立", "the anchor starts again at entry \(restarted.entry)") + aside,
                            [("entry", .int(restarted.entry)), ("kept_aside", .string(restarted.keptAside))])
        },
    ])

    static let backup = CommandSpec("backup", aliases: ["备份"], group: .shop,
        summary: Phrase("在大家照常工作时备份数据库（SQLite 在线备份）", "a consistent copy of the database while people keep working (SQLite online backup)"), forms: [
        Form([arg("path", .path)], access: .read, roles: [.manager], summary: Phrase("备份到文件，并检查副本完整", "copy to a file and check the copy"),
             examples: ["backup /mnt/usb/workshop-2026-11-22.db"]) { invocation, s in
            let path: String = invocation.need("path")
            // An earlier backup is an SQLite file: the store decides whether it is one to replace.
            try SafePath.ensureWritable(path, session: s, databaseAllowed: true)
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
            try SafePath.ensureDirectory(directory, session: s)
            let counts = try s.store.export(to: directory)
            return .message(s.t("已导出 \(counts.count) 张表到 \(directory)", "exported \(counts.count) tables to \(directory)"),
                            [("tables", .object(counts.map { ($0.table, .int($0.rows)) }))])
        },
    ])
}
