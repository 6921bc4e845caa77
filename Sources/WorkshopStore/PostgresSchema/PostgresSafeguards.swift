/// A trigger on the server, with the definition PostgreSQL prints back for it
/// (`pg_get_triggerdef(oid, true)` with the shop's schema on the search path): the DDL creates it
/// with exactly that text, so that `verify` on PostgreSQL can compare what the server has with
/// this list, as it compares SQLite's triggers with Schema.safeguardTriggers.
struct PostgresTrigger: Sendable {
    let name: String
    let table: String
    let definition: String
}

/// A PL/pgSQL function the triggers run, with its body as the server keeps it (`pg_proc.prosrc`).
///
/// Every one is made with `SET search_path FROM CURRENT` while the search path is the shop's schema
/// then pg_temp, last (the migration sets it first): the tables the body names are always the
/// shop's, never a temporary table someone made under the same name to catch the tamper log.
struct PostgresFunction: Sendable {
    let name: String
    /// The arguments as declared (`r order_lines, direction bigint`); empty for a trigger function.
    let arguments: String
    let returns: String
    let body: String

    var createStatement: String {
        "CREATE FUNCTION \(name)(\(arguments)) RETURNS \(returns) LANGUAGE plpgsql SET search_path FROM CURRENT AS $$\(body)$$"
    }
}

/// The triggers that guard the record on PostgreSQL and the functions they run: the counterparts of
/// Schema.safeguardTriggers, under the same names, on the same tables, with the same effect.
///
/// - The watch: one function for every watched table (`tamper_watch`), told the row's key by the
///   trigger's arguments — a column's name, then the text joining it to the next column, and so on
///   (`'stage', '/', 'code'`), as SQLite's triggers spell the key (`NEW.stage || '/' || NEW.code`).
///   The table and the operation it reads from TG_TABLE_NAME and TG_OP. One function rather than
///   one per table: a table added later is watched by three lines, and there is one body to check.
/// - The append-only guards: one function (`refuse_change`) raising the message SQLite's RAISE
///   gives, as a constraint's refusal (SQLSTATE 23001), like SQLite's RAISE(ABORT).
///   PostgreSQL's TRUNCATE fires no row trigger: each append-only table also has a statement
///   trigger refusing it (`…_truncate`), which SQLite, having no TRUNCATE, does not need.
/// - The report's running totals: PostgresReportTallies.
enum PostgresSafeguards {
    /// The tables pg-001 watches: every change made without Workshop's writer mark is logged, with its key
    /// as the watch trigger's arguments (SQLite's `NEW.rowid` is the integer primary key, or for a
    /// table without one, the `rowid` column PostgreSQL has in its place).
    static let watchedOfPG001: [(table: String, key: [String])] = [
        ("settings", ["key"]), ("customers", ["id"]), ("vehicles", ["id"]), ("orders", ["id"]),
        ("order_lines", ["id"]), ("damage_notes", ["id"]), ("belongings", ["rowid"]),
        ("received_documents", ["rowid"]), ("labor_operations", ["code"]), ("parts", ["part_no"]),
        ("staff", ["id"]), ("bays", ["id"]), ("assignments", ["id"]), ("checklist_items", ["stage", "/", "code"]),
        ("inspections", ["id"]), ("inspection_items", ["rowid"]), ("supplements", ["order_id", "/", "line_number"]),
        ("progress_reports", ["id"]), ("notifications", ["id"]), ("payments", ["id"]),
        ("warranty_terms", ["vehicle_class", "/", "category"]), ("followups", ["order_id"]), ("complaints", ["id"]),
        ("stock_movements", ["id"]), ("jobs", ["code"]), ("appointments", ["id"]),
        ("followup_calls", ["id"]), ("appointment_messages", ["id"]), ("bay_stays", ["id"]),
        ("health_record_account", ["id"]), ("health_record_outbox", ["id"]), ("health_record_attempts", ["id"]),
        ("order_findings", ["id"]), ("member_cards", ["id"]), ("card_movements", ["id"]), ("member_tiers", ["id"]),
        ("reminders", ["id"]), ("reminder_calls", ["id"]), ("card_items", ["id"]),
        ("report_tallies", ["at"]), ("report_method_tallies", ["at", " ", "method"]),
    ]

    /// The append-only tables, their guards' names (SQLite's, with `_update`, `_delete` after
    /// them) and the message a change is refused with.
    static let appendOnly: [(table: String, guardName: String, message: String)] = [
        ("journal", "journal_is_append_only", "the journal is append-only"),
        ("tamper_log", "tamper_log_is_append_only", "the tamper log is append-only"),
        ("row_seals", "row_seals_are_append_only", "row seals are append-only"),
    ]

    static let watch = PostgresFunction(name: "tamper_watch", arguments: "", returns: "trigger", body: """

        DECLARE
            changed jsonb;
            logged_key text := '';
        BEGIN
            -- Workshop's own transactions carry its writer mark.
            IF EXISTS (SELECT 1 FROM writer_mark) THEN
                RETURN NULL;
            END IF;
            IF TG_OP = 'DELETE' THEN
                changed := to_jsonb(OLD);
            ELSE
                changed := to_jsonb(NEW);
            END IF;
            -- A column's value, the text joining it to the next, the next column's…: NULL if any is,
            -- as SQLite's || gives it.
            FOR i IN 0 .. TG_NARGS - 1 LOOP
                logged_key := logged_key || CASE WHEN i % 2 = 0 THEN changed ->> TG_ARGV[i] ELSE TG_ARGV[i] END;
            END LOOP;
            INSERT INTO tamper_log(tbl, op, row_id) VALUES (TG_TABLE_NAME, lower(TG_OP), logged_key);
            RETURN NULL;
        END

        """)

    static let refuse = PostgresFunction(name: "refuse_change", arguments: "", returns: "trigger", body: """

        BEGIN
            RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'restrict_violation';
        END

        """)

    /// Every function and trigger the server must have: pg-001's, then those of each later migration
    /// (appended here; the lists of a migration that shipped never change).
    static let functions: [PostgresFunction] = functionsOfPG001 + [PostgresSealTriggers.note, PostgresGaplessNumbers.nextNumber]
    static let triggers: [PostgresTrigger] = triggersOfPG001 + PostgresSealTriggers.triggersOfPG002 + PostgresSites.triggersOfPG003

    static let functionsOfPG001: [PostgresFunction] = [watch, refuse] + PostgresReportTallies.functions

    static let triggersOfPG001: [PostgresTrigger] = appendOnlyGuards + watchTriggers + PostgresReportTallies.triggers

    /// An UPDATE or DELETE refused row by row, as on SQLite; a TRUNCATE refused as a whole.
    static let appendOnlyGuards: [PostgresTrigger] = appendOnly.flatMap { table, guardName, message -> [PostgresTrigger] in
        let refuse = "EXECUTE FUNCTION refuse_change('\(message)')"
        return [
            PostgresTrigger(name: "\(guardName)_update", table: table, definition:
                "CREATE TRIGGER \(guardName)_update BEFORE UPDATE ON \(table) FOR EACH ROW \(refuse)"),
            PostgresTrigger(name: "\(guardName)_delete", table: table, definition:
                "CREATE TRIGGER \(guardName)_delete BEFORE DELETE ON \(table) FOR EACH ROW \(refuse)"),
            PostgresTrigger(name: "\(guardName)_truncate", table: table, definition:
                "CREATE TRIGGER \(guardName)_truncate BEFORE TRUNCATE ON \(table) FOR EACH STATEMENT \(refuse)"),
        ]
    }

    static let watchTriggers: [PostgresTrigger] = watchedOfPG001.flatMap { table, key -> [PostgresTrigger] in
        let arguments = key.map { "'\($0)'" }.joined(separator: ", ")
        return ["insert", "update", "delete"].map { op in
            PostgresTrigger(name: "tamper_\(table)_\(op)", table: table, definition:
                "CREATE TRIGGER tamper_\(table)_\(op) AFTER \(op.uppercased()) ON \(table) FOR EACH ROW EXECUTE FUNCTION tamper_watch(\(arguments))")
        }
    }

    /// The triggers SQLite has no counterpart of: it has no TRUNCATE, and its pre-update hook
    /// tells Workshop the rows a write changed (PostgresSealTriggers).
    static var postgresOnly: Set<String> {
        Set(appendOnly.map { "\($0.guardName)_truncate" } + PostgresSealTriggers.triggersOfPG002.map(\.name) + [PostgresSites.sealTrigger.name])
    }

    /// pg-001's functions and triggers, as it creates them. First the search path the functions
    /// keep (PostgresFunction): the schema the tables are made in, then pg_temp. Set for the
    /// session (not just the transaction), so that it holds even when a tool sends the statements
    /// one by one.
    static var sqlOfPG001: String {
        (["SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false)"]
            + functionsOfPG001.map(\.createStatement) + triggersOfPG001.map(\.definition))
            .joined(separator: ";\n") + ";\n"
    }
}
