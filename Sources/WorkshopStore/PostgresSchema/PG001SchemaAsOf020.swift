extension PostgresMigration {
    /// pg-001: a new server database gets, in one step, the schema a SQLite database has after
    /// migration 020 — its tables and indexes (PG001Tables), the triggers that guard the record and
    /// keep the report's totals (PostgresSafeguards, PostgresReportTallies). No data to carry over:
    /// a server database starts empty. The drift test (PostgresSchemaDriftTests) compares it with a
    /// SQLite database migrated to the end, table by table.
    ///
    /// Frozen: never edit once shipped.
    static let schemaAsOf020 = PostgresMigration(
        name: "pg-001-schema-as-of-020",
        sql: PostgresMigrations.tablesAsOf020 + "\n" + PostgresSafeguards.sqlOfPG001)
}
