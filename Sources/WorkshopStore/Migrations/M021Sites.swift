extension Migration {
    /// A chain of shops (issue 17): each shop is a site with its own 企业编码 on the provincial
    /// platform; staff, bays, orders, payments, stock movements and appointments belong to one.
    /// Customers, vehicles and their files are shared by every site.
    ///
    /// The shop as it was before is the HOME site (id 1), never a row: its name, address and phone
    /// are the shop's settings, its 企业编码 the health-record account's. A NULL `site_id` is the
    /// home site — in the rows already there (never rewritten: their seals stay valid) and in every
    /// new row of the home site, so that one rule reads every row (`SiteScope`). The sites a chain
    /// adds (`site add`) are rows, numbered from 2.
    ///
    /// A site reports its orders to the national record under its own 企业编码 and platform password
    /// (`health_record_password`, set by `healthrecord set site=…`, never shown, journalled or
    /// exported, as the account's) and keeps the token the platform gave it. The platform's address
    /// and style are the province's: the shop's account.
    ///
    /// The partial indexes hold the rows of the added sites only: empty for a shop with one site.
    /// They serve a site's report (its check-ins, releases and payments of a period, and its stock);
    /// a site's work lists go through the open orders' own indexes, the site tested beside
    /// (`SiteScope.filter`), never through a site's whole history.
    /// The table added has the three watch triggers every watched table has (their text in
    /// SafeguardTriggers.swift); PostgreSQL's counterpart is pg-003.
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let sites = Migration(name: "021-sites", sql: """
        CREATE TABLE sites (
            id         INTEGER PRIMARY KEY,
            name       TEXT NOT NULL UNIQUE,
            code       TEXT NOT NULL UNIQUE,
            address    TEXT NOT NULL DEFAULT '',
            phone      TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            health_record_password TEXT,
            health_record_token    TEXT
        );
        ALTER TABLE staff ADD COLUMN site_id INTEGER REFERENCES sites(id);
        ALTER TABLE bays ADD COLUMN site_id INTEGER REFERENCES sites(id);
        ALTER TABLE orders ADD COLUMN site_id INTEGER REFERENCES sites(id);
        ALTER TABLE payments ADD COLUMN site_id INTEGER REFERENCES sites(id);
        ALTER TABLE stock_movements ADD COLUMN site_id INTEGER REFERENCES sites(id);
        ALTER TABLE appointments ADD COLUMN site_id INTEGER REFERENCES sites(id);
        CREATE INDEX orders_site_checked_in ON orders(site_id, checked_in_at) WHERE site_id IS NOT NULL;
        CREATE INDEX orders_site_released ON orders(site_id, released_at) WHERE site_id IS NOT NULL;
        CREATE INDEX payments_site ON payments(site_id, at) WHERE site_id IS NOT NULL;
        CREATE INDEX stock_movements_site ON stock_movements(site_id, part_no) WHERE site_id IS NOT NULL;
        CREATE TRIGGER tamper_sites_insert AFTER INSERT ON sites
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('sites', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_sites_update AFTER UPDATE ON sites
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('sites', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_sites_delete AFTER DELETE ON sites
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('sites', 'delete', OLD.rowid); END;
        """)
}
