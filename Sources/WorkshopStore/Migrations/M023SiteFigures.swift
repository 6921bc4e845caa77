extension Migration {
    /// A chain's figures add up (issue 17, its tester's findings): what the cards, complaints and
    /// reminders did at a site is recorded as the site's, and a site prints its own company's name
    /// and 统一社会信用代码 on its papers.
    /// - `card_movements.site_id`: the desk that made the movement (a card sold, used, refunded):
    ///   a site's report counts its own card sales in its cash-up and its 会员卡 section;
    /// - `complaints.site_id`: its order's site when it names one, else the site that registered it;
    /// - `reminders.site_id`: its order's site, or the site that set it: listed, counted and signed there;
    /// - `sites.company`, `sites.credit_code`: the site's legal name (承修方 on its papers) and its
    ///   统一社会信用代码 (NULL: not given — never the home company's).
    /// NULL is the home site, as in every table (`SiteScope`); the rows already there are the home
    /// site's and are never rewritten (their seals stay valid). The partial index holds the added
    /// sites' card movements only, for their reports; the home site's are found by time as before.
    /// No table is added: nothing new to watch.
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped; pg-006 is the same
    /// on a server.
    static let siteFigures = Migration(name: "023-site-figures", sql: """
        ALTER TABLE card_movements ADD COLUMN site_id INTEGER REFERENCES sites(id);
        ALTER TABLE complaints ADD COLUMN site_id INTEGER REFERENCES sites(id);
        ALTER TABLE reminders ADD COLUMN site_id INTEGER REFERENCES sites(id);
        ALTER TABLE sites ADD COLUMN company TEXT;
        ALTER TABLE sites ADD COLUMN credit_code TEXT;
        CREATE INDEX card_movements_site ON card_movements(site_id, at) WHERE site_id IS NOT NULL;
        """)
}
