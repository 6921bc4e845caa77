extension Migration {
    /// The record sealed row by row: each journal entry keeps the real time it was made beside the
    /// time it claims (a late entry, 补录, claims an earlier one) and the digest of the rows its
    /// transaction wrote; `row_seals` holds each of those rows' digests. Afterwards every row
    /// already in the database is sealed as found, under one entry (`sealRecord`).
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let recordSeals = Migration(name: "007-record-seals", then: .sealRecord, sql: """
        ALTER TABLE journal ADD COLUMN recorded_at INTEGER;
        ALTER TABLE journal ADD COLUMN rows_digest TEXT;
        CREATE INDEX journal_late_entries ON journal(at) WHERE recorded_at IS NOT NULL AND abs(at - recorded_at) > 60;

        -- For every row a journal entry's transaction wrote: the row's digest after it (NULL: it
        -- deleted the row), and whether Workshop found the row otherwise than its last seal said.
        -- Keyed by row, so a row's latest seal is one step away; indexed by entry, in the order
        -- the entry's hash covers its seals.
        CREATE TABLE row_seals (
            tbl      TEXT NOT NULL,
            row_key  NOT NULL,
            entry_id INTEGER NOT NULL,
            digest   TEXT,
            altered  INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (tbl, row_key, entry_id)
        ) WITHOUT ROWID;
        CREATE INDEX row_seals_by_entry ON row_seals(entry_id, tbl, row_key, digest, altered);
        CREATE TRIGGER row_seals_are_append_only_update BEFORE UPDATE ON row_seals
            BEGIN SELECT RAISE(ABORT, 'row seals are append-only'); END;
        CREATE TRIGGER row_seals_are_append_only_delete BEFORE DELETE ON row_seals
            BEGIN SELECT RAISE(ABORT, 'row seals are append-only'); END;
        """)
}
