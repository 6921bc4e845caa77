extension Migration {
    /// Who is in which bay: each car's stay in a bay, from the dispatch that put it there until it
    /// left (moved, freed, ready, released). The stays still open are the bays' occupancy now, one
    /// car to a bay and one bay to a car, found through partial indexes whatever the history. A car
    /// dispatched before this migration has no stay: it is in the bay of its latest dispatch while
    /// its order is in work or waits for its final inspection, as the program then had it, until it
    /// leaves (then its stay is written, closed). Also: declined orders not yet released found
    /// through an index (`Schema.declinedUnreleased`, which the board and the order list use).
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let bayStays = Migration(name: "009-bay-stays", sql: """
        CREATE TABLE bay_stays (
            id        INTEGER PRIMARY KEY,
            bay_id    INTEGER NOT NULL REFERENCES bays(id),
            order_id  INTEGER NOT NULL REFERENCES orders(id),
            since     INTEGER NOT NULL,
            placed_by TEXT NOT NULL,
            left_at   INTEGER,
            left_by   TEXT,
            left_why  TEXT
        );
        CREATE UNIQUE INDEX bay_stays_one_car_per_bay ON bay_stays(bay_id) WHERE left_at IS NULL;
        CREATE UNIQUE INDEX bay_stays_one_bay_per_car ON bay_stays(order_id) WHERE left_at IS NULL;
        CREATE INDEX bay_stays_order ON bay_stays(order_id);
        CREATE TRIGGER tamper_bay_stays_insert AFTER INSERT ON bay_stays
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('bay_stays', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_bay_stays_update AFTER UPDATE ON bay_stays
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('bay_stays', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_bay_stays_delete AFTER DELETE ON bay_stays
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('bay_stays', 'delete', OLD.rowid); END;

        CREATE INDEX orders_declined_unreleased ON orders(id) WHERE status = 'declined' AND released_at IS NULL;
        """)
}
