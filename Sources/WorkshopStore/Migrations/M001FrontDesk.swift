extension Migration {
    /// The front desk: customers, vehicles, repair orders and their lines, the journal.
    ///
    /// Frozen: the exact SQL this migration applied when it shipped, written out literally so that
    /// no later change to the program can alter what an old database is upgraded with. Never edit it.
    static let frontDesk = Migration(name: "001-front-desk", sql: """
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE customers (
            id         INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            phone      TEXT NOT NULL UNIQUE,
            company    TEXT,
            address    TEXT,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX customers_name ON customers(name);

        CREATE TABLE vehicles (
            id            INTEGER PRIMARY KEY,
            plate         TEXT NOT NULL UNIQUE,
            vin           TEXT UNIQUE,
            vin_confirmed INTEGER NOT NULL DEFAULT 0,
            owner_id      INTEGER NOT NULL REFERENCES customers(id),
            make TEXT, model TEXT, year INTEGER, color TEXT, engine_no TEXT, fuel TEXT,
            class         TEXT NOT NULL DEFAULT 'car',
            plate_color   TEXT NOT NULL,
            foreign_plate INTEGER NOT NULL DEFAULT 0,
            odometer      INTEGER NOT NULL DEFAULT 0,
            created_at    INTEGER NOT NULL
        );
        CREATE INDEX vehicles_owner ON vehicles(owner_id);

        CREATE TABLE orders (
            id              INTEGER PRIMARY KEY,
            vehicle_id      INTEGER NOT NULL REFERENCES vehicles(id),
            customer_id     INTEGER NOT NULL REFERENCES customers(id),
            status          TEXT NOT NULL,
            checked_in_at   INTEGER NOT NULL,
            advisor         TEXT NOT NULL,
            odometer_in     INTEGER NOT NULL,
            fuel            TEXT NOT NULL,
            complaint       TEXT NOT NULL,
            dropped_by      TEXT,
            dropped_phone   TEXT,
            category        TEXT NOT NULL,
            payer           TEXT NOT NULL,
            findings        TEXT,
            estimate_method TEXT,
            promised_at     INTEGER,
            key_tag         TEXT,
            signed_by       TEXT,
            signed_via      TEXT,
            signed_at       INTEGER,
            closed_at       INTEGER,
            version         INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX orders_vehicle ON orders(vehicle_id, id);
        CREATE INDEX orders_checked_in ON orders(checked_in_at);
        CREATE INDEX orders_open ON orders(status) WHERE status IN ('estimating','signed','in-work','completed');
        -- A car is in the shop under one order at a time, and a key hook holds one key.
        CREATE UNIQUE INDEX orders_one_open_per_vehicle ON orders(vehicle_id) WHERE status IN ('estimating','signed','in-work','completed');
        CREATE UNIQUE INDEX orders_key_tag_in_use ON orders(key_tag) WHERE key_tag IS NOT NULL AND status IN ('estimating','signed','in-work','completed');

        CREATE TABLE order_lines (
            id          INTEGER PRIMARY KEY,
            order_id    INTEGER NOT NULL REFERENCES orders(id),
            number      INTEGER NOT NULL,
            kind        TEXT NOT NULL,
            description TEXT NOT NULL,
            hours       INTEGER,
            rate        INTEGER,
            quantity    INTEGER,
            unit_price  INTEGER,
            amount      INTEGER NOT NULL,
            part_no     TEXT,
            brand       TEXT,
            part_class  TEXT,
            op_code     TEXT,
            no_warranty INTEGER NOT NULL DEFAULT 0,
            status      TEXT NOT NULL,
            UNIQUE (order_id, number)
        );

        CREATE TABLE damage_notes (
            id       INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES orders(id),
            note     TEXT NOT NULL,
            noted_at INTEGER NOT NULL,
            noted_by TEXT NOT NULL
        );
        CREATE INDEX damage_notes_order ON damage_notes(order_id);

        CREATE TABLE belongings (
            order_id    INTEGER NOT NULL REFERENCES orders(id),
            name        TEXT NOT NULL,
            count       INTEGER NOT NULL,
            returned_at INTEGER,
            UNIQUE (order_id, name)
        );

        CREATE TABLE received_documents (
            order_id    INTEGER NOT NULL REFERENCES orders(id),
            name        TEXT NOT NULL,
            valid_until TEXT,
            UNIQUE (order_id, name)
        );

        -- 工时定额: standard labour operations with their hours.
        CREATE TABLE labor_operations (
            code  TEXT PRIMARY KEY,
            name  TEXT NOT NULL,
            hours INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE parts (
            part_no TEXT PRIMARY KEY,
            name    TEXT NOT NULL,
            brand   TEXT,
            class   TEXT NOT NULL DEFAULT 'oem',
            price   INTEGER NOT NULL,
            stock   INTEGER NOT NULL DEFAULT 0,
            bin     TEXT
        ) WITHOUT ROWID;

        -- Every change: who, when, which command, what changed. Append-only.
        CREATE TABLE journal (
            id         INTEGER PRIMARY KEY,
            at         INTEGER NOT NULL,
            actor      TEXT NOT NULL,
            command    TEXT NOT NULL,
            action     TEXT NOT NULL,
            entity     TEXT NOT NULL,
            entity_id  TEXT,
            order_id   INTEGER,
            vehicle_id INTEGER,
            detail     TEXT NOT NULL
        );
        CREATE INDEX journal_order ON journal(order_id) WHERE order_id IS NOT NULL;
        CREATE INDEX journal_vehicle ON journal(vehicle_id) WHERE vehicle_id IS NOT NULL;
        CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
            BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
        CREATE TRIGGER journal_is_append_only_delete BEFORE DELETE ON journal
            BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
        """)
}
