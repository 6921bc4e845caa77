import Postgres
import SQLite
import WorkshopModel
import WorkshopStore

/// Puts what the program says into the shop's language (or the session's own): refusals, labels,
/// times and lists. Every sentence a person reads is written here or beside its command in both
/// languages; the model and the store only say what happened, as codes with facts.
struct Wording {
    let language: Language
    let zone: ShopZone

    /// Picks the sentence for the language.
    func callAsFunction(_ chinese: String, _ english: String) -> String { language == .zh ? chinese : english }

    /// "2026-11-22 14:30" in the shop's zone.
    func time(_ instant: Timestamp?) -> String { instant.map(zone.format) ?? "" }
    func date(_ instant: Timestamp) -> String { zone.formatDate(instant) }
    func label<V: Vocabulary>(_ value: V) -> String { value.label(language) }

    /// "备胎、千斤顶" / "spare tyre, jack"
    func list(_ items: [String]) -> String { items.joined(separator: language == .zh ? "、" : ", ") }
    /// "advisor 或 manager" / "advisor or manager"
    func either(_ items: [String]) -> String { items.joined(separator: language == .zh ? " 或 " : " or ") }

    /// What a vocabulary accepts: "minor（小修）, level2（二级维护）…" — the codes to type, with their meaning.
    func accepted(_ entries: [VocabularyEntry]) -> String {
        entries.map { language == .zh ? "\($0.code)（\($0.chinese)）" : "\($0.code) (\($0.english))" }.joined(separator: ", ")
    }

    /// A role as a Chinese reader says it, with the word typed for it (role=) in brackets.
    func role(_ role: Role) -> String { language == .zh ? "\(role.chinese)（\(role.code)）" : "\(role.code) (\(role.english))" }

    /// The code of a refusal and the sentence that explains it.
    func refusal(_ error: Error) -> (code: String, text: String) {
        switch error {
        case let refusal as WordedRefusal: return (refusal.code, refusal.words(self))
        case let error as SQLiteError where error.isBusy:
            return ("store.busy", self("门店数据库正忙（另一终端正在写入，5 秒内未完成）；未做任何更改，请重试",
                                       "the shop database is busy (another terminal is writing and did not finish within 5 s); nothing was changed: try again"))
        case let error as SQLiteError:
            return ("store.refused", self("数据库拒绝了这次更改（\(sqlite(error.message))）；未做任何更改",
                                          "the database refused the change (\(error.message)); nothing was changed"))
        case let error as PostgresError where error.isConnectionFailure:
            return ("store.server", self("连接不上 PostgreSQL 服务器（\(error.message)）；未做任何更改",
                                         "cannot reach the PostgreSQL server (\(error.message)); nothing was changed"))
        case let error as PostgresError where error.isLockTimeout:
            return ("store.busy", self("门店数据库正忙（另一终端正在写入，5 秒内未完成）；未做任何更改，请重试",
                                       "the shop database is busy (another terminal is writing and did not finish within 5 s); nothing was changed: try again"))
        case let error as PostgresError where error.isSerializationFailure:
            return ("store.busy", self("门店数据库正忙（其他终端同时在改同样的记录，重试多次仍未成功）；未做任何更改，请重试",
                                       "the shop database is busy (other terminals kept changing the same records through every retry); nothing was changed: try again"))
        case let error as PostgresError:
            return ("store.refused", self("数据库拒绝了这次更改（PostgreSQL \(error.sqlState)：\(error.message)）；未做任何更改",
                                          "the database refused the change (PostgreSQL \(error.sqlState): \(error.message)); nothing was changed"))
        default:
            return ("internal", self("内部错误：\(error)", "internal error: \(error)"))
        }
    }
}

/// A refusal the screen can word: each area of refusals words its cases in both languages, in its
/// own file under Wording/.
protocol WordedRefusal: Refusal {
    func words(_ w: Wording) -> String
}

extension Wording {
    /// SQLite's own English words for what went wrong with the file, said in the shop's language
    /// (the messages of its result codes are fixed text).
    func sqlite(_ message: String) -> String {
        guard language == .zh else { return message }
        let known: [(String, String)] = [
            ("file is not a database", "不是数据库文件"), ("unable to open database file", "无法打开数据库文件"),
            ("database disk image is malformed", "数据库文件已损坏"), ("attempt to write a readonly database", "数据库文件只读"),
            ("database or disk is full", "磁盘已满"), ("disk I/O error", "读写磁盘出错"), ("database is locked", "数据库被占用"),
            ("constraint failed", "违反数据约束"), ("out of memory", "内存不足"),
        ]
        return known.first { message.lowercased().contains($0.0) }?.1 ?? "SQLite：\(message)"
    }
}
