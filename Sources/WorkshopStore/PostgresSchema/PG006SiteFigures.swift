extension PostgresMigration {
    /// pg-006: SQLite's 023-site-figures on the server — the site of a card movement, a complaint
    /// and a reminder, a site's company name and 统一社会信用代码, and the added sites' card
    /// movements indexed by time.
    ///
    /// Frozen: never edit once shipped.
    static let siteFigures = PostgresMigration(name: "pg-006-site-figures", sql: """
        SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false);
        ALTER TABLE card_movements ADD COLUMN site_id BIGINT REFERENCES sites(id);
        ALTER TABLE complaints ADD COLUMN site_id BIGINT REFERENCES sites(id);
        ALTER TABLE reminders ADD COLUMN site_id BIGINT REFERENCES sites(id);
        ALTER TABLE sites ADD COLUMN company TEXT;
        ALTER TABLE sites ADD COLUMN credit_code TEXT;
        CREATE INDEX card_movements_site ON card_movements(site_id, at) WHERE site_id IS NOT NULL;
        """)
}
