extension Migration {
    /// The workshop floor: staff, bays, dispatch, inspections, added work, progress, notices.
    /// The open-order indexes are rebuilt here to include `ready`.
    ///
    /// Frozen: the exact SQL this migration applied when it shipped, written out literally so that
    /// no later change to the program can alter what an old database is upgraded with. Never edit it.
    static let workshopFloor = Migration(name: "002-workshop-floor", sql: """
        DROP INDEX orders_open;
        DROP INDEX orders_one_open_per_vehicle;
        DROP INDEX orders_key_tag_in_use;
        CREATE INDEX orders_open ON orders(status) WHERE status IN ('estimating','signed','in-work','completed','ready');
        CREATE UNIQUE INDEX orders_one_open_per_vehicle ON orders(vehicle_id) WHERE status IN ('estimating','signed','in-work','completed','ready');
        CREATE UNIQUE INDEX orders_key_tag_in_use ON orders(key_tag) WHERE key_tag IS NOT NULL AND status IN ('estimating','signed','in-work','completed','ready');

        ALTER TABLE orders ADD COLUMN started_at INTEGER;
        ALTER TABLE orders ADD COLUMN handover_by TEXT;
        ALTER TABLE orders ADD COLUMN handover_at INTEGER;
        ALTER TABLE orders ADD COLUMN completed_at INTEGER;

        CREATE TABLE staff (
            id         INTEGER PRIMARY KEY,
            name       TEXT NOT NULL UNIQUE,
            roles      TEXT NOT NULL,
            group_name TEXT,
            active     INTEGER NOT NULL DEFAULT 1,
            created_at INTEGER NOT NULL
        );

        CREATE TABLE bays (
            id         INTEGER PRIMARY KEY,
            name       TEXT NOT NULL UNIQUE,
            equipment  TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL
        );

        -- Who works on an order: a work group, a technician, a bay; an order may be split across groups.
        CREATE TABLE assignments (
            id          INTEGER PRIMARY KEY,
            order_id    INTEGER NOT NULL REFERENCES orders(id),
            group_name  TEXT NOT NULL,
            technician  TEXT,
            bay_id      INTEGER REFERENCES bays(id),
            assigned_at INTEGER NOT NULL,
            assigned_by TEXT NOT NULL
        );
        CREATE INDEX assignments_order ON assignments(order_id);

        CREATE TABLE checklist_items (
            stage    TEXT NOT NULL,
            code     TEXT NOT NULL,
            name     TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (stage, code)
        ) WITHOUT ROWID;

        CREATE TABLE inspections (
            id          INTEGER PRIMARY KEY,
            order_id    INTEGER NOT NULL REFERENCES orders(id),
            stage       TEXT NOT NULL,
            result      TEXT NOT NULL,
            inspector   TEXT NOT NULL,
            at          INTEGER NOT NULL,
            note        TEXT,
            certificate TEXT UNIQUE
        );
        CREATE INDEX inspections_order ON inspections(order_id);

        CREATE TABLE inspection_items (
            inspection_id INTEGER NOT NULL REFERENCES inspections(id),
            code          TEXT NOT NULL,
            name          TEXT NOT NULL,
            result        TEXT NOT NULL,
            UNIQUE (inspection_id, code)
        );

        -- Added work (追加维修项目): the line, why, and the customer's answer, given once.
        CREATE TABLE supplements (
            order_id      INTEGER NOT NULL REFERENCES orders(id),
            line_number   INTEGER NOT NULL,
            reason        TEXT NOT NULL,
            reported_by   TEXT NOT NULL,
            reported_at   INTEGER NOT NULL,
            answer        TEXT,
            answered_via  TEXT,
            answered_by   TEXT,
            told          TEXT,
            answered_at   INTEGER,
            recorded_by   TEXT,
            promise_was   INTEGER,
            promise_now   INTEGER,
            PRIMARY KEY (order_id, line_number)
        ) WITHOUT ROWID;

        CREATE TABLE progress_reports (
            id       INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES orders(id),
            percent  INTEGER NOT NULL,
            note     TEXT,
            at       INTEGER NOT NULL,
            by       TEXT NOT NULL
        );
        CREATE INDEX progress_reports_order ON progress_reports(order_id, at);

        CREATE TABLE notifications (
            id       INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES orders(id),
            kind     TEXT NOT NULL,
            message  TEXT NOT NULL,
            at       INTEGER NOT NULL,
            by       TEXT NOT NULL
        );
        CREATE INDEX notifications_order ON notifications(order_id, at);
        """)
}
