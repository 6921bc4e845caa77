extension Migration {
    /// The counter and the accounts (issue 12, item 5; and from item 7 the EV's battery, the
    /// unanswered follow-up call and the booking confirmation): a company customer's contact person,
    /// invoice title (发票抬头) and tax number (纳税人识别号); the customer an order is billed to
    /// when not its owner; an electric car's battery at check-in instead of its fuel (an order of one
    /// keeps '' in `fuel`); belongings counted back one by one; the cash handed over and the change
    /// given, and the payments of one receipt that settled several orders; the unanswered follow-up
    /// calls; the booking confirmations sent.
    ///
    /// Every column added is NULL-able and NULL in the rows already there, so their seals stay
    /// valid; the two new tables are watched like every other (their triggers' text is in
    /// SafeguardTriggers).
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let counterAndAccounts = Migration(name: "008-counter-and-accounts", sql: """
        ALTER TABLE customers ADD COLUMN contact TEXT;
        ALTER TABLE customers ADD COLUMN invoice_title TEXT;
        ALTER TABLE customers ADD COLUMN tax_number TEXT;
        ALTER TABLE orders ADD COLUMN bill_to INTEGER REFERENCES customers(id);
        ALTER TABLE orders ADD COLUMN battery INTEGER;
        ALTER TABLE belongings ADD COLUMN returned INTEGER;
        ALTER TABLE payments ADD COLUMN tendered INTEGER;
        ALTER TABLE payments ADD COLUMN change_given INTEGER;
        ALTER TABLE payments ADD COLUMN receipt INTEGER;
        CREATE INDEX orders_bill_to ON orders(bill_to) WHERE bill_to IS NOT NULL;
        CREATE INDEX orders_customer ON orders(customer_id);
        CREATE INDEX payments_on_account ON payments(order_id) WHERE method = 'account';
        CREATE INDEX payments_receipt ON payments(receipt) WHERE receipt IS NOT NULL;

        -- A follow-up call no one answered: who tried, and when. The call stays due.
        CREATE TABLE followup_calls (
            id       INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES followups(order_id),
            at       INTEGER NOT NULL,
            by       TEXT NOT NULL,
            note     TEXT
        );
        CREATE INDEX followup_calls_order ON followup_calls(order_id, at);

        -- The messages sent about a booking (its confirmation), as sent.
        CREATE TABLE appointment_messages (
            id             INTEGER PRIMARY KEY,
            appointment_id INTEGER NOT NULL REFERENCES appointments(id),
            kind           TEXT NOT NULL,
            message        TEXT NOT NULL,
            at             INTEGER NOT NULL,
            by             TEXT NOT NULL
        );
        CREATE INDEX appointment_messages_appointment ON appointment_messages(appointment_id, at);

        CREATE TRIGGER tamper_followup_calls_insert AFTER INSERT ON followup_calls
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('followup_calls', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_followup_calls_update AFTER UPDATE ON followup_calls
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('followup_calls', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_followup_calls_delete AFTER DELETE ON followup_calls
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('followup_calls', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_appointment_messages_insert AFTER INSERT ON appointment_messages
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('appointment_messages', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_appointment_messages_update AFTER UPDATE ON appointment_messages
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('appointment_messages', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_appointment_messages_delete AFTER DELETE ON appointment_messages
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('appointment_messages', 'delete', OLD.rowid); END;
        """)
}
