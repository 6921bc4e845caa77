extension Migration {
    /// The order's rules (the tester's week): a labour operation may say the repair category its work
    /// implies (二级维护 for MNT-02), so that an order doing it is never signed as 小修; a belonging
    /// that cannot be found at hand-back is marked missing — with the reason, who and when — instead
    /// of being taken off a signed checklist; and what the workshop finds after the customer signed is
    /// added as a finding of its own, with its time and who, the signed diagnosis kept as it was.
    ///
    /// Every column added is NULL-able and NULL in the rows already there, so their seals stay
    /// valid; the one table added has the three watch triggers every watched table has (their text in
    /// SafeguardTriggers.swift).
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let orderRules = Migration(name: "013-order-rules", sql: """
        ALTER TABLE labor_operations ADD COLUMN category TEXT;
        ALTER TABLE belongings ADD COLUMN missing_reason TEXT;
        ALTER TABLE belongings ADD COLUMN missing_by TEXT;
        ALTER TABLE belongings ADD COLUMN missing_at INTEGER;
        CREATE TABLE order_findings (
            id       INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES orders(id),
            text     TEXT NOT NULL,
            at       INTEGER NOT NULL,
            by       TEXT NOT NULL
        );
        CREATE INDEX order_findings_order ON order_findings(order_id);
        CREATE TRIGGER tamper_order_findings_insert AFTER INSERT ON order_findings
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('order_findings', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_order_findings_update AFTER UPDATE ON order_findings
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('order_findings', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_order_findings_delete AFTER DELETE ON order_findings
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('order_findings', 'delete', OLD.rowid); END;
        """)
}
