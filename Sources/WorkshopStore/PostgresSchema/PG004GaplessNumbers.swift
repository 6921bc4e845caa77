extension PostgresMigration {
    /// pg-004: the numbers people see and file — orders (RO), customers (C), bookings (A), members'
    /// cards (K), reminders (R), complaints — are the table's largest number plus one, as SQLite
    /// gives them, instead of the next value of a sequence. A sequence's value is used up even by a
    /// command that is then refused and rolled back, so a refused check-in left a gap in the RO
    /// numbers, which an auditor reads as an order removed. Two desks never take the same number:
    /// every write holds the shop's writer lock, and its snapshot starts after the previous
    /// writer's commit. A number given explicitly (`workshop migrate`) is kept.
    ///
    /// PostgreSQL-only (SQLite's INTEGER PRIMARY KEY already works so). Frozen: never edit once shipped.
    static let gaplessNumbers = PostgresMigration(
        name: "pg-004-gapless-numbers",
        sql: PostgresGaplessNumbers.sqlOfPG004)
}

/// The function pg-004 gives the numbered tables' ids as their default (a column default cannot
/// hold a query; a function can). Owned by the schema's owner and checked by verify, like the
/// safeguards.
enum PostgresGaplessNumbers {
    static let tablesOfPG004 = ["orders", "customers", "appointments", "member_cards", "reminders", "complaints"]

    static let nextNumber = PostgresFunction(name: "next_number", arguments: "numbered regclass", returns: "bigint", body: """

        DECLARE
            number_free bigint;
        BEGIN
            EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %s', numbered) INTO number_free;
            RETURN number_free;
        END

        """)

    static var sqlOfPG004: String {
        (["SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false)", nextNumber.createStatement]
            + tablesOfPG004.map { "ALTER TABLE \($0) ALTER COLUMN id DROP IDENTITY, ALTER COLUMN id SET DEFAULT next_number('\($0)')" })
            .joined(separator: ";\n") + ";\n"
    }
}
