extension Migration {
    /// A chain's sites keep their own key boards (issue 17): a key hook in use at one site no
    /// longer blocks the hook of the same number at another. The unique index of the hooks in use
    /// is made per site: `coalesce(site_id, 0)` (0: the home site, whose rows keep NULL) before the
    /// tag, with the same condition; the holder's look-up (Store.keyHookHolder) uses the same
    /// expression, so it is found through this index.
    ///
    /// A journal entry keeps the site it belongs to (`journal.site_id`: its order's when it names
    /// one, else the session's), hashed into its chain (format 3, Journal): the record is history,
    /// and a person moved to another site no longer takes their old entries along. Unlike other
    /// tables the journal names the home site by its id (Site.homeID): NULL marks an entry written
    /// before this migration, whose site is read as before (SiteScope.ofEntry). No foreign key, as
    /// none of the journal's columns has one (the home site has no row in `sites`).
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped; pg-007 is the same
    /// on a server.
    static let siteHooksAndEntries = Migration(name: "024-site-hooks-and-entries", sql: """
        DROP INDEX orders_key_tag_in_use;
        CREATE UNIQUE INDEX orders_key_tag_in_use ON orders(coalesce(site_id, 0), key_tag)
            WHERE key_tag IS NOT NULL AND status IN ('estimating','signed','in-work','completed','ready');
        ALTER TABLE journal ADD COLUMN site_id INTEGER;
        """)
}
