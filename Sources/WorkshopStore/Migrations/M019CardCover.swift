extension Migration {
    /// Count cards and packages on orders (issue 16): the member's card that covers an order's line
    /// (`order_lines.card_id`: its price off the bill; the card's use taken at the order's release),
    /// found by card through a partial index (the uses open orders hold); the jobs each count card
    /// or package was sold with (`card_items`: the code, its name and the labour operations it
    /// covers, as they were at the sale, the uses sold and its part of the price); the item a
    /// movement moved (`card_movements.item`); and the open cards with what they hold, so that the
    /// liability is a sum over the open cards' running balances, never over every movement ever.
    ///
    /// Every column added is NULL-able and NULL in the rows already there, so their seals stay
    /// valid; the table added has the three watch triggers every watched table has (their text in
    /// SafeguardTriggers.swift).
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let cardCover = Migration(name: "019-card-cover", sql: """
        ALTER TABLE order_lines ADD COLUMN card_id INTEGER REFERENCES member_cards(id);
        CREATE INDEX order_lines_card ON order_lines(card_id) WHERE card_id IS NOT NULL;
        ALTER TABLE card_movements ADD COLUMN item INTEGER;
        CREATE TABLE card_items (
            id         INTEGER PRIMARY KEY,
            card_id    INTEGER NOT NULL REFERENCES member_cards(id),
            item       INTEGER NOT NULL,
            job        TEXT NOT NULL,
            name       TEXT NOT NULL,
            operations TEXT NOT NULL,
            times      INTEGER NOT NULL,
            price      INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX card_items_card ON card_items(card_id, item);
        CREATE INDEX member_cards_open ON member_cards(paid_in, bonus) WHERE closed_at IS NULL;
        CREATE TRIGGER tamper_card_items_insert AFTER INSERT ON card_items
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('card_items', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_card_items_update AFTER UPDATE ON card_items
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('card_items', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_card_items_delete AFTER DELETE ON card_items
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('card_items', 'delete', OLD.rowid); END;
        """)
}
