import SQLite
import WorkshopModel

/// Brings a database to the current schema when it is opened.
///
/// Several processes may open one new (or old) database at the same moment. Each migration runs in
/// its own IMMEDIATE transaction and reads what is applied inside it, after taking the write lock:
/// a migration another process applied meanwhile is skipped, never run twice. A database whose
/// record of migrations is not a beginning of this program's list is refused untouched.
enum Migrator {
    /// How long an opening process waits for another one's migration: longer than a command's
    /// 5 s, since upgrading a large shop (sealing a long journal) can take that long.
    static let busyTimeoutMilliseconds: Int32 = 60_000

    static func migrate(_ db: Database, path: String, now: Timestamp) throws {
        let known = Schema.migrations.map(\.name)
        // What the file says, before anything in it changes: a database this program must not
        // touch is refused as found. One read transaction, so the version and the record are read
        // from the same moment while other processes may be migrating.
        let start = try db.transaction(immediate: false) { () -> State in
            let found = try state(db)
            try validate(found, known: known, path: path)
            try refuseOtherProgramsDatabase(db, found, path: path)
            return found
        }
        // WAL lets readers work while one writer commits (see enableWriteAheadLog for a new file
        // several processes switch at once).
        try db.enableWriteAheadLog()
        // Every open after the first finds all applied and writes nothing.
        if start.recorded != nil && start.version == known.count { return }
        try db.transaction(immediate: true) { try recordOlderDatabase(db, path: path, known: known, now: now) }
        for (index, migration) in Schema.migrations.enumerated() where index >= start.version {
            try db.transaction(immediate: true) {
                let current = try state(db)
                try validate(current, known: known, path: path)
                guard current.version == index else { return }  // another process applied it
                try apply(migration, db)
                try db.run("INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)",
                           [.text(migration.name), .integer(Int64(now.seconds))])
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }

    /// What a database says of its schema: the count in `user_version`, and the names recorded in
    /// `schema_migrations` (nil when the table does not exist yet: a database made before it did).
    struct State {
        var version: Int
        var recorded: [String]?
    }

    static func state(_ db: Database) throws -> State {
        let version = try db.first("PRAGMA user_version") { $0.int("user_version") } ?? 0
        let hasRecord = try db.first("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") {
            $0.bool("found")
        } ?? false
        let recorded = hasRecord ? try db.rows("SELECT name FROM schema_migrations ORDER BY name") { $0.string("name") } : nil
        return State(version: version, recorded: recorded)
    }

    /// Refuses a database this program must not touch: newer, of another lineage, or inconsistent.
    static func validate(_ state: State, known: [String], path: String) throws {
        guard state.version <= known.count else {
            throw StoreRefusal.newerSchema(found: state.version, known: known.count)
        }
        guard let recorded = state.recorded else { return }
        guard recorded.count <= known.count, Array(known.prefix(recorded.count)) == recorded else {
            throw StoreRefusal.foreignMigrations(recorded: recorded, known: known)
        }
        guard recorded.count == state.version else {
            throw StoreRefusal.migrationRecordDisagrees(recorded: recorded.count, version: state.version)
        }
    }

    /// A file with tables but neither a schema version nor a record of migrations belongs to
    /// another program: Workshop adds nothing to it.
    static func refuseOtherProgramsDatabase(_ db: Database, _ state: State, path: String) throws {
        guard state.version == 0, state.recorded == nil else { return }
        let tables = try db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") ?? 0
        if tables > 0 { throw StoreRefusal.notAWorkshopDatabase(path: path) }
    }

    /// Creates the record of migrations; for a database made before it existed, its
    /// `user_version` says how many were applied, and they are recorded as applied now.
    static func recordOlderDatabase(_ db: Database, path: String, known: [String], now: Timestamp) throws {
        let current = try state(db)
        guard current.recorded == nil else { return }  // another process made it meanwhile
        try validate(current, known: known, path: path)
        try refuseOtherProgramsDatabase(db, current, path: path)
        try db.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)")
        for name in known.prefix(current.version) {
            try db.run("INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)", [.text(name), .integer(Int64(now.seconds))])
        }
    }

    /// Runs one migration's SQL and its step with Workshop's writer mark set (once the mark exists,
    /// from 005-trust on), so the watch triggers do not log the migration as an outside change.
    static func apply(_ migration: Migration, _ db: Database) throws {
        if try hasWriterMark(db) { try db.run("INSERT INTO writer_mark DEFAULT VALUES") }
        try db.execute(migration.sql)
        try migration.then?.run(db)
        if try hasWriterMark(db) { try db.run("DELETE FROM writer_mark") }
    }

    static func hasWriterMark(_ db: Database) throws -> Bool {
        try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'writer_mark'") == 1
    }
}
