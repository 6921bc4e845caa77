extension PostgresMigration {
    /// pg-005: SQLite's 022-vehicle-journal-index on the server — the journal's index by vehicle
    /// holds only the entries about the vehicle itself; those about its orders are found through
    /// the order.
    ///
    /// Frozen: never edit once shipped.
    static let vehicleJournalIndex = PostgresMigration(name: "pg-005-vehicle-journal-index", sql: """
        SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false);
        DROP INDEX journal_vehicle;
        CREATE INDEX journal_vehicle_own ON journal(vehicle_id) WHERE vehicle_id IS NOT NULL AND order_id IS NULL;
        """)
}
