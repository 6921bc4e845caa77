extension Migration {
    /// Member prices by tier (会员价, issue 16): the shop's tiers, each with its discount on labour and
    /// on parts in basis points and who set it when (`member_tiers`); a customer's tier
    /// (`customers.member_tier`, its name; NULL: not a member), members found through their index; and
    /// on an order line at the member price, the tier and the regular rate or unit price it was reduced
    /// from (`order_lines.member_tier`, `regular_price`), so the record keeps the price given then.
    ///
    /// Every column added is NULL-able and NULL in the rows already there, so their seals stay
    /// valid; the table added has the three watch triggers every watched table has (their text in
    /// SafeguardTriggers.swift).
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let memberPrices = Migration(name: "017-member-prices", sql: """
        CREATE TABLE member_tiers (
            id        INTEGER PRIMARY KEY,
            name      TEXT NOT NULL UNIQUE,
            labor_bp  INTEGER NOT NULL,
            parts_bp  INTEGER NOT NULL,
            set_by    TEXT NOT NULL,
            set_at    INTEGER NOT NULL
        );
        ALTER TABLE customers ADD COLUMN member_tier TEXT REFERENCES member_tiers(name);
        CREATE INDEX customers_member_tier ON customers(member_tier) WHERE member_tier IS NOT NULL;
        ALTER TABLE order_lines ADD COLUMN member_tier TEXT;
        ALTER TABLE order_lines ADD COLUMN regular_price INTEGER;
        CREATE TRIGGER tamper_member_tiers_insert AFTER INSERT ON member_tiers
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('member_tiers', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_member_tiers_update AFTER UPDATE ON member_tiers
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('member_tiers', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_member_tiers_delete AFTER DELETE ON member_tiers
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('member_tiers', 'delete', OLD.rowid); END;
        """)
}
