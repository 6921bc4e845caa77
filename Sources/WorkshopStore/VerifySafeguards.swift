import SQLite
import WorkshopModel

extension Store {
    /// The triggers in the database against the frozen list, by their whole SQL text: one missing,
    /// one rewritten under its own name (a trigger that does nothing), one Workshop never made.
    func safeguardProblems() throws -> [RecordProblem] {
        if db.isPostgres { return try serverSafeguardProblems() }
        let expected = Dictionary(uniqueKeysWithValues: Schema.safeguardTriggers.map { ($0.name, $0) })
        var found: [String: String] = [:]
        var problems: [RecordProblem] = []
        try db.forEach("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name") { row in
            let name = row.string("name")
            found[name] = row.string("sql")
            guard let trigger = expected[name] else {
                problems.append(.unknownTrigger(trigger: name, table: row.string("tbl_name")))
                return
            }
            if row.string("sql") != trigger.sql { problems.append(.safeguardRewritten(trigger: name)) }
        }
        let missing = Schema.safeguardTriggers.map(\.name).filter { found[$0] == nil }
        if !missing.isEmpty { problems.insert(.safeguardsRemoved(triggers: missing), at: 0) }
        return problems
    }

    /// The same on a server: the triggers of the shop's schema against PostgresSafeguards' list, by
    /// their definition as PostgreSQL prints it, and each one still enabled (the definition does not
    /// say; SQLite has no such switch); and the functions they run, by their body and the search
    /// path they keep (a function replaced changes what every trigger running it does: it is named
    /// as a safeguard replaced, with its parentheses).
    private func serverSafeguardProblems() throws -> [RecordProblem] {
        let schema = "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
        let expected = Dictionary(uniqueKeysWithValues: PostgresSafeguards.triggers.map { ($0.name, $0) })
        var found: Set<String> = []
        var problems: [RecordProblem] = []
        try db.forEach("""
            SELECT t.tgname AS name, c.relname AS tbl, pg_get_triggerdef(t.oid, true) AS definition, t.tgenabled = 'O' AS enabled
            FROM pg_trigger AS t JOIN pg_class AS c ON c.oid = t.tgrelid
            WHERE c.relnamespace = \(schema) AND NOT t.tgisinternal ORDER BY t.tgname
            """) { row in
            let name = row.string("name")
            found.insert(name)
            guard let trigger = expected[name], trigger.table == row.string("tbl") else {
                problems.append(.unknownTrigger(trigger: name, table: row.string("tbl")))
                return
            }
            if row.string("definition") != trigger.definition || !row.bool("enabled") { problems.append(.safeguardRewritten(trigger: name)) }
        }
        let functions = Dictionary(uniqueKeysWithValues: PostgresSafeguards.functions.map { ($0.name, $0) })
        try db.forEach("""
            SELECT p.proname AS name, p.prosrc AS body,
                   coalesce(array_to_string(p.proconfig, '|'), '') = 'search_path=' || quote_ident(current_schema()) || ', pg_temp' AS kept
            FROM pg_proc AS p WHERE p.pronamespace = \(schema) ORDER BY p.proname
            """) { row in
            let name = row.string("name")
            guard let function = functions[name] else { return }
            if row.string("body") != function.body || !row.bool("kept") { problems.append(.safeguardRewritten(trigger: name + "()")) }
        }
        let missing = PostgresSafeguards.triggers.map(\.name).filter { !found.contains($0) }
        if !missing.isEmpty { problems.insert(.safeguardsRemoved(triggers: missing), at: 0) }
        return problems
    }
}
