/// One step of a shop's schema on a PostgreSQL server: a name that never changes and the SQL it
/// applies. Plain text: this module does not depend on the PostgreSQL adapter.
///
/// A server database starts at the schema SQLite has after its migration 020, in one step
/// (pg-001); every migration after 020 is written for both databases. Frozen like the SQLite
/// migrations: never edit one that has shipped, add a new one at the end.
struct PostgresMigration: Sendable {
    let name: String
    let sql: String
}

enum PostgresMigrations {
    static let all: [PostgresMigration] = [
        .schemaAsOf020,
        .sealTriggers,
        .sites,
        .gaplessNumbers,
        .journalIndexes,
        .siteFigures,
        .siteHooksAndEntries,
    ]

    /// The record of the migrations applied, made before the first one, as SQLite's Migrator makes it.
    static let recordTable = "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)"

    /// Where the two schemas differ on purpose (the drift test allows exactly these):
    ///
    /// - A SQLite table with no primary key of its own (belongings, received_documents,
    ///   inspection_items) is keyed by its hidden rowid: the store orders and seals its rows by it.
    ///   PostgreSQL has no rowid, so these tables end with a column of that name, an identity
    ///   primary key. Every other table keys as it does on SQLite.
    /// - `row_seals.row_key` has no declared type on SQLite and holds a rowid (integer) or a key
    ///   (text); PostgreSQL's is TEXT, the rowid written in decimal.
    /// - `tamper_log.at` defaults to the time in UTC as `datetime('now')` writes it, made with
    ///   PostgreSQL's functions.
    static let hiddenRowIDColumn = "rowid"
    static let untypedColumnsAsText: Set<String> = ["row_seals.row_key"]
}
