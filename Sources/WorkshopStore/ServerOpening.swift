import Postgres
import WorkshopModel

/// What a shop's database on a PostgreSQL server must be before Workshop works in it.
enum ServerOpening {
    /// Text must sort by its bytes, as SQLite sorts it: certificate and settlement numbers find the
    /// year's last one by a range of text (`>= '2026-' AND < '2026.'`), which a language's collation
    /// (punctuation ignored, Chinese by pinyin) breaks; lists and seals would come out in another
    /// order than on SQLite. A database made with `createdb -T template0 -l C -E UTF8` sorts so.
    static func checkCollation(_ connection: Postgres.Connection) throws {
        let found = try connection.first("SELECT datcollate, datctype FROM pg_database WHERE datname = current_database()") {
            ($0.string("datcollate"), $0.string("datctype"))
        }
        guard let (collate, ctype) = found else { return }
        guard bytewise(collate), bytewise(ctype) else {
            throw StoreRefusal.serverCollation(found: collate == ctype ? collate : "\(collate)/\(ctype)")
        }
    }

    /// C and POSIX compare bytes; so does C.UTF-8 (glibc's code-point order, which for UTF-8 is
    /// byte order).
    static func bytewise(_ locale: String) -> Bool {
        ["C", "POSIX", "C.UTF-8", "C.utf8"].contains(locale)
    }
}
