extension Migration {
    /// The national repair record (汽车维修电子健康档案): the shop's account on its province's
    /// platform (one row; the password and the cached token are never shown, journalled or
    /// exported), the outbox — one record per released order, written in the release's own
    /// transaction, with where it stands — and every attempt to send one, with the exact request and
    /// answer. Attempts are found by their record; records due for sending through a partial index.
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let nationalRepairRecord = Migration(name: "011-national-repair-record", sql: """
        CREATE TABLE health_record_account (
            id       INTEGER PRIMARY KEY CHECK (id = 1),
            url      TEXT NOT NULL,
            company  TEXT NOT NULL,
            password TEXT NOT NULL,
            style    TEXT NOT NULL,
            auto     INTEGER NOT NULL,
            token    TEXT,
            token_at INTEGER,
            set_at   INTEGER NOT NULL,
            set_by   TEXT NOT NULL
        );
        CREATE TABLE health_record_outbox (
            id              INTEGER PRIMARY KEY,
            order_id        INTEGER NOT NULL UNIQUE REFERENCES orders(id),
            record          TEXT NOT NULL,
            state           TEXT NOT NULL,
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            claimed_at      INTEGER,
            sent_at         INTEGER,
            answer          TEXT,
            created_at      INTEGER NOT NULL
        );
        CREATE INDEX health_record_outbox_due ON health_record_outbox(next_attempt_at) WHERE state IN ('waiting', 'sending');
        CREATE INDEX health_record_outbox_state ON health_record_outbox(state, id);
        CREATE TABLE health_record_attempts (
            id          INTEGER PRIMARY KEY,
            outbox_id   INTEGER NOT NULL REFERENCES health_record_outbox(id),
            started_at  INTEGER NOT NULL,
            url         TEXT NOT NULL,
            request     TEXT NOT NULL,
            finished_at INTEGER,
            http_status INTEGER,
            response    TEXT,
            failure     TEXT,
            outcome     TEXT
        );
        CREATE INDEX health_record_attempts_outbox ON health_record_attempts(outbox_id, id);
        CREATE TRIGGER tamper_health_record_account_insert AFTER INSERT ON health_record_account
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('health_record_account', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_health_record_account_update AFTER UPDATE ON health_record_account
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('health_record_account', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_health_record_account_delete AFTER DELETE ON health_record_account
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('health_record_account', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_health_record_outbox_insert AFTER INSERT ON health_record_outbox
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('health_record_outbox', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_health_record_outbox_update AFTER UPDATE ON health_record_outbox
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('health_record_outbox', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_health_record_outbox_delete AFTER DELETE ON health_record_outbox
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('health_record_outbox', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_health_record_attempts_insert AFTER INSERT ON health_record_attempts
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('health_record_attempts', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_health_record_attempts_update AFTER UPDATE ON health_record_attempts
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('health_record_attempts', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_health_record_attempts_delete AFTER DELETE ON health_record_attempts
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('health_record_attempts', 'delete', OLD.rowid); END;
        """)
}
