import SQLite
import WorkshopModel

extension Store {
    /// The triggers in the database against the frozen list, by their whole SQL text: one missing,
    /// one rewritten under its own name (a trigger that does nothing), one Workshop never made.
    func safeguardProblems() throws -> [RecordProblem] {
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
}
