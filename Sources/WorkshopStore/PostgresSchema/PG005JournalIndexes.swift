extension PostgresMigration {
    /// pg-005: SQLite's 022-journal-indexes on the server — the journal's index by order carries
    /// the action; its index by vehicle holds only the entries about the vehicle itself.
    ///
    /// Frozen: never edit once shipped.
    static let journalIndexes = PostgresMigration(name: "pg-005-journal-indexes", sql: """
        SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false);
        DROP INDEX journal_order;
        CREATE INDEX journal_order ON journal(order_id, action) WHERE order_id IS NOT NULL;
        DROP INDEX journal_vehicle;
        CREATE INDEX journal_vehicle_own ON journal(vehicle_id) WHERE vehicle_id IS NOT NULL AND order_id IS NULL;
        """)
}
