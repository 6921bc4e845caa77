extension PostgresMigration {
    /// pg-007: SQLite's 024-site-hooks-and-entries on the server — the key hooks in use are unique per site,
    /// and a journal entry keeps its site.
    ///
    /// Frozen: never edit once shipped.
    static let siteHooksAndEntries = PostgresMigration(name: "pg-007-site-hooks-and-entries", sql: """
        SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false);
        DROP INDEX orders_key_tag_in_use;
        CREATE UNIQUE INDEX orders_key_tag_in_use ON orders(coalesce(site_id, 0), key_tag)
            WHERE key_tag IS NOT NULL AND status IN ('estimating','signed','in-work','completed','ready');
        ALTER TABLE journal ADD COLUMN site_id BIGINT;
        """)
}
