extension Migration {
    /// The journal's indexes as the everyday commands read them:
    /// - by order, with the action: a car's odometer readings are ordered by the entries that
    ///   took them (its orders' check-in and release), found in the index alone instead of in
    ///   every entry of every order the car has had;
    /// - by vehicle, only the entries about the vehicle itself (its record changed, its odometer
    ///   corrected, its bookings): an entry about one of its orders is found through the order, as
    ///   a vehicle's history already reads it. Every write of an order journals an entry naming
    ///   both, and SQLite wrote a page of each index at every one of them.
    /// Indexes only: no table changes, nothing to seal.
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped; pg-005 is the same
    /// on a server.
    static let journalIndexes = Migration(name: "022-journal-indexes", sql: """
        DROP INDEX journal_order;
        CREATE INDEX journal_order ON journal(order_id, action) WHERE order_id IS NOT NULL;
        DROP INDEX journal_vehicle;
        CREATE INDEX journal_vehicle_own ON journal(vehicle_id) WHERE vehicle_id IS NOT NULL AND order_id IS NULL;
        """)
}
