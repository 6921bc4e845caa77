extension PostgresMigration {
    /// pg-002: the triggers that tell Workshop which rows each of its writes changed, so that it
    /// seals them (PostgresSealTriggers): on SQLite the connection's pre-update hook tells it, and
    /// there is nothing to migrate.
    ///
    /// Frozen: never edit once shipped.
    static let sealTriggers = PostgresMigration(
        name: "pg-002-seal-triggers",
        sql: PostgresSealTriggers.sqlOfPG002)
}

/// The triggers that note every row a transaction changes, for Workshop's own connection to seal
/// at the end of the write (PostgresTouchedRows): one function for every sealed table, writing the
/// row before and after the change into the connection's own list. Owned by the schema's owner,
/// like the safeguards: the application's role cannot drop, disable or replace them.
///
/// PostgreSQL-only: SQLite's pre-update hook does their work (the drift test leaves them out,
/// through PostgresSafeguards.postgresOnly).
enum PostgresSealTriggers {
    /// The tables pg-002 notes rows of: every table sealed as of SQLite's migration 020 — every
    /// table but TableShape.unsealed (PostgresSealTests checks the two agree). A migration that adds
    /// a sealed table adds its trigger, listed as this list is.
    static let tablesOfPG002 = [
        "settings", "member_tiers", "customers", "vehicles", "member_cards", "orders", "order_lines", "damage_notes",
        "belongings", "received_documents", "labor_operations", "parts", "staff", "bays", "assignments",
        "checklist_items", "inspections", "inspection_items", "supplements", "progress_reports", "notifications",
        "payments", "warranty_terms", "followups", "complaints", "stock_movements", "jobs", "appointments",
        "tamper_log", "followup_calls", "appointment_messages", "bay_stays", "health_record_account",
        "health_record_outbox", "health_record_attempts", "order_findings", "card_movements", "reminders",
        "reminder_calls", "card_items",
    ]

    /// Every sealed table's: pg-002's and those later migrations added (pg-003: sites).
    static let tables = tablesOfPG002 + ["sites"]

    /// Writes the row into Workshop's list, when the session has one (only Workshop's connection
    /// makes it: PostgresTouchedRows.create). OLD is NULL for an insert, NEW for a delete.
    static let note = PostgresFunction(name: "note_touched_row", arguments: "", returns: "trigger", body: """

        BEGIN
            IF to_regclass('pg_temp.workshop_touched') IS NULL THEN
                RETURN NULL;
            END IF;
            INSERT INTO pg_temp.workshop_touched(tbl, old_row, new_row)
            VALUES (TG_TABLE_NAME, row_to_json(OLD), row_to_json(NEW));
            RETURN NULL;
        END

        """)

    /// After each row's change (after the BEFORE triggers and the checks: the row as it stands).
    /// Written as PostgreSQL prints it back (INSERT OR DELETE OR UPDATE), for verify to compare.
    static let triggersOfPG002: [PostgresTrigger] = tablesOfPG002.map { table in
        PostgresTrigger(name: "seal_\(table)", table: table, definition:
            "CREATE TRIGGER seal_\(table) AFTER INSERT OR DELETE OR UPDATE ON \(table) FOR EACH ROW EXECUTE FUNCTION note_touched_row()")
    }

    /// As pg-001, the search path the function keeps is set first: the shop's schema, then pg_temp.
    static var sqlOfPG002: String {
        (["SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false)", note.createStatement]
            + triggersOfPG002.map(\.definition))
            .joined(separator: ";\n") + ";\n"
    }
}
