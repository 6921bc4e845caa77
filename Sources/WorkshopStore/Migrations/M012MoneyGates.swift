extension Migration {
    /// The money gates (an insider's holes): a line priced below the list beyond the discount limit
    /// keeps its list value and the manager who authorised the concession; a co-signature (sign-off)
    /// confirmed with a wrong PIN is counted apart from signing in, and locks only co-signing by PIN.
    ///
    /// Every column added is NULL-able and NULL in the rows already there, so their seals stay valid;
    /// no table is added.
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let moneyGates = Migration(name: "012-money-gates", sql: """
        ALTER TABLE order_lines ADD COLUMN list_amount INTEGER;
        ALTER TABLE order_lines ADD COLUMN concession_by TEXT;
        ALTER TABLE staff ADD COLUMN sign_off_failures INTEGER;
        ALTER TABLE staff ADD COLUMN sign_off_locked_until INTEGER;
        """)
}
