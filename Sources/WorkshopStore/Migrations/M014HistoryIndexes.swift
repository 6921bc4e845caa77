extension Migration {
    /// Indexes for the queries that still read a whole table growing with the shop's history (found
    /// by the query-plan guard, QueryPlanGuardTests): a booking's reserved parts (arrival, cancel,
    /// no-show read them by appointment, among every stock movement ever), the complaints still open
    /// (the board and the reports, among every complaint ever), and the complaints registered in a
    /// period (the reports). Indexes only: no table changes, nothing to seal.
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let historyIndexes = Migration(name: "014-history-indexes", sql: """
        CREATE INDEX stock_movements_appointment ON stock_movements(appointment_id) WHERE appointment_id IS NOT NULL;
        CREATE INDEX complaints_open_by_id ON complaints(id) WHERE followed_up_at IS NULL;
        CREATE INDEX complaints_registered ON complaints(registered_at);
        """)
}
