extension Migration {
    /// The journal's index by vehicle holds only the entries about the vehicle itself (its record
    /// changed, its odometer corrected, its bookings and reminders): an entry about one of its
    /// orders is found through the order (`journal_order`), as a vehicle's history already reads
    /// it. Every write of an order journals an entry naming both, and SQLite wrote a page of each
    /// index at every one of them. Indexes only: no table changes, nothing to seal.
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped; pg-005 is the same
    /// on a server.
    static let vehicleJournalIndex = Migration(name: "022-vehicle-journal-index", sql: """
        DROP INDEX journal_vehicle;
        CREATE INDEX journal_vehicle_own ON journal(vehicle_id) WHERE vehicle_id IS NOT NULL AND order_id IS NULL;
        """)
}
