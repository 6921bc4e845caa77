extension Migration {
    /// Indexes on the catalogue's names as a line typed in words is compared with them
    /// (`CatalogueName.key`: spaces left out, full-width brackets as half-width, Latin in lower
    /// case), so that "is this free-text line a listed part or labour operation?" is one index
    /// look-up, not a read of the whole price list. Only SQLite's own functions, so the `sqlite3`
    /// tool still reads and writes these tables. Indexes only: no table changes, nothing to seal.
    /// Named 016: 015 is another branch's.
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped; `Store.nameKey`
    /// spells the same expression for the queries.
    static let catalogueNameIndexes = Migration(name: "016-catalogue-name-indexes", sql: """
        CREATE INDEX parts_by_name_key ON parts(lower(replace(replace(replace(replace(replace(replace(name, ' ', ''), '　', ''), '（', '('), '）', ')'), '［', '['), '］', ']')));
        CREATE INDEX labor_operations_by_name_key ON labor_operations(lower(replace(replace(replace(replace(replace(replace(name, ' ', ''), '　', ''), '（', '('), '）', ')'), '［', '['), '］', ']')));
        """)
}
