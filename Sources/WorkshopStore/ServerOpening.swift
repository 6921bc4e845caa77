import Postgres
import SafeFiles
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

    /// Brings the schema up to date when the role connecting may (a test's own schema, or a shop
    /// whose desks connect as its owner). The application role may not create tables: a schema
    /// that needs migrations is then refused, untouched, with the administrator's command.
    static func migrate(_ connection: Postgres.Connection, now: Timestamp) throws {
        do {
            try PostgresMigrator.migrate(connection, now: now)
        } catch let error as PostgresError where error.sqlState == "42501" {
            throw StoreRefusal.serverNeedsSetup(known: PostgresMigrations.all.count)
        }
    }

    /// The anchor of the shop at `uri`, in `folder`: one file per server, database and schema.
    static func anchorPath(uri: String, folder: String) -> String {
        PathText.join(folder, PathText.safeFileName(uri) + ".anchor")
    }

    /// C and POSIX compare bytes; so does C.UTF-8 (glibc's code-point order, which for UTF-8 is
    /// byte order).
    static func bytewise(_ locale: String) -> Bool {
        ["C", "POSIX", "C.UTF-8", "C.utf8"].contains(locale)
    }
}
