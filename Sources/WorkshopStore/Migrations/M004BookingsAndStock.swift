extension Migration {
    /// Appointments and parts stock: every stock movement recorded; parts.stock and parts.reserved
    /// are the running sums of the movements, kept in the same transaction.
    ///
    /// Frozen: the exact SQL this migration applied when it shipped, written out literally so that
    /// no later change to the program can alter what an old database is upgraded with. Never edit it.
    static let bookingsAndStock = Migration(name: "004-bookings-and-stock", sql: """
        ALTER TABLE parts ADD COLUMN unit TEXT NOT NULL DEFAULT '件';
        ALTER TABLE parts ADD COLUMN cost INTEGER;
        ALTER TABLE parts ADD COLUMN reorder_level INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE parts ADD COLUMN reserved INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE parts ADD COLUMN on_order INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE parts ADD COLUMN on_order_eta TEXT;

        CREATE TABLE stock_movements (
            id             INTEGER PRIMARY KEY,
            part_no        TEXT NOT NULL REFERENCES parts(part_no),
            kind           TEXT NOT NULL,
            on_hand_delta  INTEGER NOT NULL,
            reserved_delta INTEGER NOT NULL,
            order_id       INTEGER,
            line_number    INTEGER,
            appointment_id INTEGER,
            reason         TEXT,
            at             INTEGER NOT NULL,
            by             TEXT NOT NULL
        );
        CREATE INDEX stock_movements_part ON stock_movements(part_no);
        INSERT INTO stock_movements(part_no, kind, on_hand_delta, reserved_delta, reason, at, by)
            SELECT part_no, 'adjust', stock, 0, 'opening balance', CAST(strftime('%s', 'now') AS INTEGER), 'migration'
            FROM parts WHERE stock <> 0;

        ALTER TABLE order_lines ADD COLUMN issued INTEGER NOT NULL DEFAULT 0;

        CREATE TABLE jobs (
            code       TEXT PRIMARY KEY,
            name       TEXT NOT NULL,
            operations TEXT NOT NULL DEFAULT '',
            parts      TEXT NOT NULL DEFAULT '',
            equipment  TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID;

        ALTER TABLE bays ADD COLUMN hours TEXT NOT NULL DEFAULT '08:00-18:00';

        CREATE TABLE appointments (
            id         INTEGER PRIMARY KEY,
            vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
            at         INTEGER NOT NULL,
            duration   INTEGER NOT NULL,
            complaint  TEXT NOT NULL,
            jobs       TEXT NOT NULL DEFAULT '',
            equipment  TEXT NOT NULL DEFAULT '',
            bay_id     INTEGER REFERENCES bays(id),
            status     TEXT NOT NULL,
            order_id   INTEGER REFERENCES orders(id),
            estimate   INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            note       TEXT
        );
        CREATE INDEX appointments_at ON appointments(at);
        CREATE INDEX appointments_vehicle ON appointments(vehicle_id);
        CREATE INDEX appointments_bay_active ON appointments(bay_id, at) WHERE status IN ('pending','confirmed');
        ALTER TABLE orders ADD COLUMN appointment_id INTEGER REFERENCES appointments(id);
        """)
}
