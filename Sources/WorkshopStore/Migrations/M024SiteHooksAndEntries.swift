extension Migration {
    /// A chain's sites keep their own key boards (issue 17): a key hook in use at one site no
    /// longer blocks the hook of the same number at another. The unique index of the hooks in use
    /// is made per site: `coalesce(site_id, 0)` (0: the home site, whose rows keep NULL) before the
    /// tag, with the same condition; the holder's look-up (Store.keyHookHolder) uses the same
    /// expression, so it is found through this index.
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped; pg-007 is the same
    /// on a server.
    static let siteHooksAndEntries = Migration(name: "024-site-hooks-and-entries", sql: """
        DROP INDEX orders_key_tag_in_use;
        CREATE UNIQUE INDEX orders_key_tag_in_use ON orders(coalesce(site_id, 0), key_tag)
            WHERE key_tag IS NOT NULL AND status IN ('estimating','signed','in-work','completed','ready');
        """)
}
