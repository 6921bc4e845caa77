/// The database schema: its migrations in order. A database records each one applied in
/// `schema_migrations` (by name) and their count in `PRAGMA user_version`; opening it applies the
/// rest. Never edit a migration that has shipped: add a new one at the end.
enum Schema {
    static let migrations: [Migration] = [
        .frontDesk,
        .workshopFloor,
        .cashDesk,
        .bookingsAndStock,
        .trust,
        .factsFixedOnOrders,
        .recordSeals,
        .counterAndAccounts,
        .bayStays,
        .documentsOfRecord,
        .nationalRepairRecord,
        .moneyGates,
        .orderRules,
        .historyIndexes,
        .memberCards,
        .catalogueNameIndexes,
        .memberPrices,
        .reminders,
        .cardCover,
        .reportTallies,
        .sites,
        .journalIndexes,
        .siteFigures,
        .siteHooksAndEntries,
    ]

    static var currentVersion: Int { migrations.count }

    /// The statuses of an order whose car is in the shop, as SQL. Queries use exactly this text,
    /// so that SQLite uses the partial indexes migration 002 defined with it.
    static let openStatuses = "('estimating','signed','in-work','completed','ready')"

    /// A declined order whose car has not been released yet (its fee, key or belongings may still be
    /// here), as SQL on `orders o`: the condition of the partial index `orders_declined_unreleased`
    /// (009-bay-stays), so that SQLite finds them without reading the orders table.
    static let declinedUnreleased = "o.status = 'declined' AND o.released_at IS NULL"
}
