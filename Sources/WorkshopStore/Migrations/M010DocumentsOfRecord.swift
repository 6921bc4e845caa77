extension Migration {
    /// Documents a customer can sign and a regulator accepts (issue 13): who took an approval given
    /// by phone (or WeChat, SMS) — the customer's name, the channel and the time are on the order
    /// already; the settlement list's own number (结算清单编号), given once at release from its own
    /// sequence and unique; the vehicle type as the registration certificate has it (车辆类型,
    /// 小型轿车…); the quantity a checklist item measures — unit and limits — and, on each inspection
    /// item, that quantity as it was declared then with the value read.
    ///
    /// Every column added is NULL-able and NULL in the rows already there, so their seals stay
    /// valid; no table is added. An order signed before this migration has no `sign_taken_by`: its
    /// journal entry names who recorded the signature, and that is what its papers print.
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let documentsOfRecord = Migration(name: "010-documents-of-record", sql: """
        ALTER TABLE orders ADD COLUMN sign_taken_by TEXT;
        ALTER TABLE orders ADD COLUMN settlement_no TEXT;
        CREATE UNIQUE INDEX orders_settlement_no ON orders(settlement_no) WHERE settlement_no IS NOT NULL;
        ALTER TABLE vehicles ADD COLUMN vehicle_type TEXT;
        ALTER TABLE checklist_items ADD COLUMN unit TEXT;
        ALTER TABLE checklist_items ADD COLUMN minimum INTEGER;
        ALTER TABLE checklist_items ADD COLUMN maximum INTEGER;
        ALTER TABLE inspection_items ADD COLUMN unit TEXT;
        ALTER TABLE inspection_items ADD COLUMN minimum INTEGER;
        ALTER TABLE inspection_items ADD COLUMN maximum INTEGER;
        ALTER TABLE inspection_items ADD COLUMN value INTEGER;
        """)
}
