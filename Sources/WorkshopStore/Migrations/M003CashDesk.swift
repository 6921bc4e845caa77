extension Migration {
    /// The cash desk and after-sales: payments, discounts, release, warranty, comebacks, follow-up
    /// calls, complaints.
    ///
    /// Frozen: the exact SQL this migration applied when it shipped, written out literally so that
    /// no later change to the program can alter what an old database is upgraded with. Never edit it.
    static let cashDesk = Migration(name: "003-cash-desk", sql: """
        ALTER TABLE order_lines ADD COLUMN covered INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE orders ADD COLUMN rework_of INTEGER REFERENCES orders(id);
        ALTER TABLE orders ADD COLUMN rework_line INTEGER;
        ALTER TABLE orders ADD COLUMN rework_cause TEXT;
        ALTER TABLE orders ADD COLUMN discount_kind TEXT;
        ALTER TABLE orders ADD COLUMN discount_value INTEGER;
        ALTER TABLE orders ADD COLUMN discount_by TEXT;
        ALTER TABLE orders ADD COLUMN discount_authorized_by TEXT;
        ALTER TABLE orders ADD COLUMN key_returned_at INTEGER;
        ALTER TABLE orders ADD COLUMN released_at INTEGER;
        ALTER TABLE orders ADD COLUMN release_odometer INTEGER;
        ALTER TABLE orders ADD COLUMN released_by TEXT;
        ALTER TABLE orders ADD COLUMN release_signed TEXT;
        ALTER TABLE orders ADD COLUMN old_parts TEXT;
        CREATE INDEX orders_released ON orders(released_at) WHERE released_at IS NOT NULL;
        CREATE INDEX orders_rework ON orders(rework_of) WHERE rework_of IS NOT NULL;

        CREATE TABLE payments (
            id        INTEGER PRIMARY KEY,
            order_id  INTEGER NOT NULL REFERENCES orders(id),
            amount    INTEGER NOT NULL,
            method    TEXT NOT NULL,
            at        INTEGER NOT NULL,
            by        TEXT NOT NULL,
            reference TEXT
        );
        CREATE INDEX payments_order ON payments(order_id);
        CREATE INDEX payments_at ON payments(at);

        -- A shop's own warranty periods, never shorter than the statutory ones.
        CREATE TABLE warranty_terms (
            vehicle_class TEXT NOT NULL,
            category      TEXT NOT NULL,
            km            INTEGER NOT NULL,
            days          INTEGER NOT NULL,
            PRIMARY KEY (vehicle_class, category)
        ) WITHOUT ROWID;

        CREATE TABLE followups (
            order_id     INTEGER PRIMARY KEY REFERENCES orders(id),
            due_from     INTEGER NOT NULL,
            due_until    INTEGER NOT NULL,
            done_at      INTEGER,
            result       TEXT,
            satisfaction INTEGER,
            by           TEXT
        );
        CREATE INDEX followups_open ON followups(due_from) WHERE done_at IS NULL;

        CREATE TABLE complaints (
            id              INTEGER PRIMARY KEY,
            vehicle_id      INTEGER REFERENCES vehicles(id),
            order_id        INTEGER REFERENCES orders(id),
            channel         TEXT NOT NULL,
            text            TEXT NOT NULL,
            registered_at   INTEGER NOT NULL,
            registered_by   TEXT NOT NULL,
            classification  TEXT,
            assigned_to     TEXT,
            verified_at     INTEGER,
            verification    TEXT,
            resolved_at     INTEGER,
            resolution      TEXT,
            resolved_by     TEXT,
            followed_up_at  INTEGER,
            followup_result TEXT,
            satisfied       INTEGER
        );
        CREATE INDEX complaints_vehicle ON complaints(vehicle_id);
        CREATE INDEX complaints_open ON complaints(registered_at) WHERE followed_up_at IS NULL;
        """)
}
