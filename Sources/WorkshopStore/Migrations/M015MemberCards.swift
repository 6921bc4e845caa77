extension Migration {
    /// Members' cards (会员卡, issue 16): stored-value cards (储值卡: paid-in and bonus balances) and
    /// count cards (次卡: uses of one job until a date), each with its running balance, and every
    /// movement of each (sale, use with its order, refund, adjustment, expiry) — the balance is the
    /// sum of the movements, which `verify` checks. A payment taken from a card names it
    /// (`payments.card_id`).
    /// Cards are found by customer and by expiry, movements by card, by time and by order, payments
    /// by card: each through its index.
    ///
    /// Every column added is NULL-able and NULL in the rows already there, so their seals stay
    /// valid; the tables added have the three watch triggers every watched table has (their text in
    /// SafeguardTriggers.swift).
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let memberCards = Migration(name: "015-member-cards", sql: """
        CREATE TABLE member_cards (
            id          INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            kind        TEXT NOT NULL,
            paid_in     INTEGER NOT NULL,
            bonus       INTEGER NOT NULL,
            uses        INTEGER NOT NULL,
            paid        INTEGER NOT NULL,
            bonus_given INTEGER NOT NULL,
            job         TEXT,
            times       INTEGER,
            expires_at  INTEGER,
            sold_at     INTEGER NOT NULL,
            sold_by     TEXT NOT NULL,
            closed_at   INTEGER
        );
        CREATE INDEX member_cards_customer ON member_cards(customer_id, id);
        CREATE INDEX member_cards_expiry ON member_cards(expires_at) WHERE expires_at IS NOT NULL AND closed_at IS NULL;
        CREATE TABLE card_movements (
            id            INTEGER PRIMARY KEY,
            card_id       INTEGER NOT NULL REFERENCES member_cards(id),
            kind          TEXT NOT NULL,
            paid_in_delta INTEGER NOT NULL,
            bonus_delta   INTEGER NOT NULL,
            uses_delta    INTEGER NOT NULL,
            order_id      INTEGER REFERENCES orders(id),
            line_number   INTEGER,
            method        TEXT,
            amount        INTEGER,
            reference     TEXT,
            reason        TEXT,
            authorized_by TEXT,
            at            INTEGER NOT NULL,
            by            TEXT NOT NULL
        );
        CREATE INDEX card_movements_card ON card_movements(card_id, id);
        CREATE INDEX card_movements_at ON card_movements(at);
        CREATE INDEX card_movements_order ON card_movements(order_id) WHERE order_id IS NOT NULL;
        ALTER TABLE payments ADD COLUMN card_id INTEGER REFERENCES member_cards(id);
        CREATE INDEX payments_card ON payments(card_id) WHERE card_id IS NOT NULL;
        CREATE TRIGGER tamper_member_cards_insert AFTER INSERT ON member_cards
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('member_cards', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_member_cards_update AFTER UPDATE ON member_cards
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('member_cards', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_member_cards_delete AFTER DELETE ON member_cards
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('member_cards', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_card_movements_insert AFTER INSERT ON card_movements
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('card_movements', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_card_movements_update AFTER UPDATE ON card_movements
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('card_movements', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_card_movements_delete AFTER DELETE ON card_movements
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('card_movements', 'delete', OLD.rowid); END;
        """)
}
