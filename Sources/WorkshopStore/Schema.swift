import SQLite

/// The database schema as ordered migrations. A database records the last one applied in
/// `PRAGMA user_version`; opening it applies the rest, each in its own transaction. Never edit a
/// migration that has shipped: add a new one.
enum Schema {
    /// The statuses of an order whose car is in the shop, as SQL. Queries use exactly this text,
    /// so that SQLite uses the partial indexes defined with it.
    static let openStatuses = "('estimating','signed','in-work','completed','ready')"
    /// The list migration 1 used, before `ready` existed.
    static let openStatusesV1 = "('estimating','signed','in-work','completed')"

    static let migrations: [String] = [
        // 1: the front desk — customers, vehicles, repair orders and their lines, the journal.
        """
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
        CREATE INDEX orders_open ON orders(status) WHERE status IN \(openStatusesV1);
        -- A car is in the shop under one order at a time, and a key hook holds one key.
        CREATE UNIQUE INDEX orders_one_open_per_vehicle ON orders(vehicle_id) WHERE status IN \(openStatusesV1);
        CREATE UNIQUE INDEX orders_key_tag_in_use ON orders(key_tag) WHERE key_tag IS NOT NULL AND status IN \(openStatusesV1);

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
        """,

        // 2: the workshop floor — staff, bays, dispatch, inspections, added work, progress, notices.
        """
        DROP INDEX orders_open;
        DROP INDEX orders_one_open_per_vehicle;
        DROP INDEX orders_key_tag_in_use;
        CREATE INDEX orders_open ON orders(status) WHERE status IN \(openStatuses);
        CREATE UNIQUE INDEX orders_one_open_per_vehicle ON orders(vehicle_id) WHERE status IN \(openStatuses);
        CREATE UNIQUE INDEX orders_key_tag_in_use ON orders(key_tag) WHERE key_tag IS NOT NULL AND status IN \(openStatuses);

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
        """,

        // 3: the cash desk and after-sales — payments, discounts, release, warranty, comebacks,
        // follow-up calls, complaints.
        """
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
        """,

        // 4: appointments and parts stock — every stock movement recorded; parts.stock and
        // parts.reserved are the running sums of the movements, kept in the same transaction.
        """
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
        """,

        // 5: trust — PINs, the journal as a hash chain, and a record of any change made outside Workshop.
        """
        ALTER TABLE staff ADD COLUMN pin_hash TEXT;
        ALTER TABLE staff ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE staff ADD COLUMN locked_until INTEGER;

        DROP TRIGGER journal_is_append_only_update;
        ALTER TABLE journal ADD COLUMN prev_hash TEXT;
        ALTER TABLE journal ADD COLUMN hash TEXT;

        -- Workshop marks its own write transactions here; a change to a table without the mark
        -- was made behind Workshop's back and lands in tamper_log, which `verify` reports.
        CREATE TABLE writer_mark (id INTEGER PRIMARY KEY);
        CREATE TABLE tamper_log (
            id     INTEGER PRIMARY KEY,
            tbl    TEXT NOT NULL,
            op     TEXT NOT NULL,
            row_id TEXT,
            at     TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TRIGGER tamper_log_is_append_only_update BEFORE UPDATE ON tamper_log
            BEGIN SELECT RAISE(ABORT, 'the tamper log is append-only'); END;
        CREATE TRIGGER tamper_log_is_append_only_delete BEFORE DELETE ON tamper_log
            BEGIN SELECT RAISE(ABORT, 'the tamper log is append-only'); END;
        \(tamperTriggers)
        """,
    ]

    /// The tables watched for changes made outside Workshop, with the expression naming a row.
    static let watchedTables: [(table: String, key: String)] = [
        ("settings", "key"), ("customers", "rowid"), ("vehicles", "rowid"), ("orders", "rowid"), ("order_lines", "rowid"),
        ("damage_notes", "rowid"), ("belongings", "rowid"), ("received_documents", "rowid"), ("labor_operations", "code"),
        ("parts", "part_no"), ("staff", "rowid"), ("bays", "rowid"), ("assignments", "rowid"), ("checklist_items", "stage || '/' || code"),
        ("inspections", "rowid"), ("inspection_items", "rowid"), ("supplements", "order_id || '/' || line_number"),
        ("progress_reports", "rowid"), ("notifications", "rowid"), ("payments", "rowid"),
        ("warranty_terms", "vehicle_class || '/' || category"), ("followups", "rowid"), ("complaints", "rowid"),
        ("stock_movements", "rowid"), ("jobs", "code"), ("appointments", "rowid"),
    ]

    /// The triggers that record an outside change: three per watched table.
    static var tamperTriggerNames: [String] {
        watchedTables.flatMap { t in ["insert", "update", "delete"].map { "tamper_\(t.table)_\($0)" } }
    }

    static var tamperTriggers: String {
        watchedTables.map { t in
            ["insert", "update", "delete"].map { op in
                let row = (op == "delete" ? "OLD." : "NEW.") + t.key.replacingOccurrences(of: " || '/' || ", with: " || '/' || \(op == "delete" ? "OLD." : "NEW.")")
                return """
                    CREATE TRIGGER tamper_\(t.table)_\(op) AFTER \(op.uppercased()) ON \(t.table)
                        WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
                        BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('\(t.table)', '\(op)', \(row)); END;
                    """
            }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    static var currentVersion: Int { migrations.count }

    /// Applies the migrations this database has not had yet.
    static func migrate(_ db: Database) throws {
        let version = try db.scalar("PRAGMA user_version") ?? 0
        guard version < migrations.count else {
            if version > migrations.count {
                throw StoreError.newerSchema(found: version, known: migrations.count)
            }
            return
        }
        for index in version..<migrations.count {
            try db.transaction {
                let marked = try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'writer_mark'") == 1
                if marked { try db.run("INSERT INTO writer_mark DEFAULT VALUES") }
                try db.execute(migrations[index])
                if index == 4 {
                    // The journal written before the chain existed is sealed now, in order.
                    try Journal.sealUnchained(db)
                    try db.execute("""
                        CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
                            BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
                        """)
                }
                if try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'writer_mark'") == 1 {
                    try db.run("DELETE FROM writer_mark")
                }
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case newerSchema(found: Int, known: Int)

    public var description: String {
        switch self {
        case .newerSchema(let found, let known):
            return "this database was written by a newer Workshop (schema \(found); this program knows \(known)): update Workshop before opening it"
        }
    }
}
