import SQLite

/// One step of the schema: a name that never changes, the SQL it applies, and — when SQL alone
/// cannot do it — a named step in Swift that runs after the SQL, in the same transaction.
struct Migration: Sendable {
    let name: String
    let sql: String
    let then: MigrationStep?

    init(name: String, then: MigrationStep? = nil, sql: String) {
        self.name = name
        self.then = then
        self.sql = sql
    }
}

/// Work a migration does in Swift, declared on the migration that needs it.
enum MigrationStep: String, Sendable {
    /// 005-trust: chains the journal entries written before the chain existed, oldest first, then
    /// makes the journal append-only again (the migration dropped that trigger to allow the sealing).
    case sealJournal
    /// 007-record-seals: seals every row already in the database as found, under one journal entry
    /// (none for a new, empty database).
    case sealRecord
    /// 020-report-tallies: the figures of the orders released before it, into their quarter hours.
    case tallyReleased

    func run(_ db: Database) throws {
        switch self {
        case .sealJournal:
            try Journal.sealUnchained(ShopDatabase(db))
            try db.execute("""
                CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
                    BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
                """)
        case .sealRecord:
            try RecordSeal.sealAsFound(ShopDatabase(db), command: "007-record-seals", site: nil)
        case .tallyReleased:
            try ReportTallies.tallyReleased(ShopDatabase(db))
        }
    }
}
