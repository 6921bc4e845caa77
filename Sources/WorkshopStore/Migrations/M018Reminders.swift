extension Migration {
    /// Reminders that bring cars back (issue 16): each vehicle's next maintenance (by kilometres
    /// or months, whichever first), 年检 and insurance renewal dates, and work declined on earlier
    /// visits — with what each was worked out from (the interval, the last service, the daily
    /// distance), the call that answered it, the booking it brought, and how it was closed. The
    /// calls no one answered are rows of their own.
    ///
    /// The due list reads the open reminders by due day through `reminders_open_due` (never a walk
    /// of the vehicles); a vehicle's reminders through `reminders_vehicle`; the month report the
    /// calls made by `reminders_called`; a booking's reminder through `reminders_booking`.
    ///
    /// Tables only added, each with the three watch triggers every watched table has (their text
    /// in SafeguardTriggers.swift). Named 018: 017 is another branch's.
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let reminders = Migration(name: "018-reminders", sql: """
        CREATE TABLE reminders (
            id              INTEGER PRIMARY KEY,
            vehicle_id      INTEGER NOT NULL REFERENCES vehicles(id),
            kind            TEXT NOT NULL,
            origin          TEXT NOT NULL,
            order_id        INTEGER REFERENCES orders(id),
            line_number     INTEGER,
            item            TEXT,
            every_km        INTEGER,
            every_months    INTEGER,
            own_interval    INTEGER NOT NULL DEFAULT 0,
            last_service    TEXT,
            last_km         INTEGER,
            counted_from    TEXT,
            due_date        TEXT,
            due_km          INTEGER,
            due_by_km       TEXT,
            span_km         INTEGER,
            span_days       INTEGER,
            due_on          TEXT NOT NULL,
            created_at      INTEGER NOT NULL,
            created_by      TEXT NOT NULL,
            called_at       INTEGER,
            called_by       TEXT,
            result          TEXT,
            appointment_id  INTEGER REFERENCES appointments(id),
            booked_at       INTEGER,
            booked_by       TEXT,
            closed_at       INTEGER,
            closed_by       TEXT,
            outcome         TEXT,
            closed_order_id INTEGER REFERENCES orders(id),
            close_reason    TEXT
        );
        CREATE INDEX reminders_open_due ON reminders(due_on, id) WHERE closed_at IS NULL;
        CREATE INDEX reminders_vehicle ON reminders(vehicle_id, kind, id);
        CREATE INDEX reminders_called ON reminders(called_at) WHERE called_at IS NOT NULL;
        CREATE INDEX reminders_booking ON reminders(appointment_id) WHERE appointment_id IS NOT NULL;
        CREATE INDEX reminders_order ON reminders(order_id) WHERE order_id IS NOT NULL;
        CREATE TABLE reminder_calls (
            id          INTEGER PRIMARY KEY,
            reminder_id INTEGER NOT NULL REFERENCES reminders(id),
            at          INTEGER NOT NULL,
            by          TEXT NOT NULL,
            note        TEXT
        );
        CREATE INDEX reminder_calls_reminder ON reminder_calls(reminder_id, id);
        CREATE INDEX reminder_calls_at ON reminder_calls(at);
        CREATE TRIGGER tamper_reminders_insert AFTER INSERT ON reminders
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('reminders', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_reminders_update AFTER UPDATE ON reminders
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('reminders', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_reminders_delete AFTER DELETE ON reminders
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('reminders', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_reminder_calls_insert AFTER INSERT ON reminder_calls
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('reminder_calls', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_reminder_calls_update AFTER UPDATE ON reminder_calls
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('reminder_calls', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_reminder_calls_delete AFTER DELETE ON reminder_calls
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('reminder_calls', 'delete', OLD.rowid); END;
        """)
}
