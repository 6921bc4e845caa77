import SQLInterface
import WorkshopModel

/// Brings a shop's schema on a PostgreSQL server up to date, as SQLite's `Migrator` does a file:
/// the record of migrations first, then each migration not applied yet, each with its record in
/// one transaction. Run as the schema's owner (`PostgresRoles`); the application role is then
/// granted its rights again (`PostgresRoles.grant`), since a migration may have made tables it has
/// none on yet.
///
/// A server whose record names migrations this build does not know — another build's, or a newer
/// one's — is refused before anything changes, as on SQLite.
enum PostgresMigrator {
    /// The migrations applied, in order (none when the schema was up to date).
    @discardableResult
    static func migrate<C: SQLConnection>(_ db: C, now: Timestamp) throws -> [String] {
        let known = PostgresMigrations.all.map(\.name)
        let hasRecord = try db.scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'schema_migrations' "
                                      + "AND schemaname = current_schema()", []) ?? 0 > 0
        if !hasRecord {
            let tables = try db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", []) ?? 0
            // Tables but no record: another program's schema. Workshop never writes into it.
            if tables > 0 { throw StoreRefusal.notAWorkshopDatabase(path: try currentSchema(db)) }
        }
        let recorded = hasRecord ? try db.rows("SELECT name FROM schema_migrations ORDER BY name", []) { $0.string("name") } : []
        guard recorded.count <= known.count, Array(known.prefix(recorded.count)) == recorded else {
            throw StoreRefusal.foreignMigrations(recorded: recorded, known: known)
        }
        var applied: [String] = []
        for migration in PostgresMigrations.all.dropFirst(recorded.count) {
            try db.transaction(immediate: true) {
                if try db.scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'schema_migrations' "
                                 + "AND schemaname = current_schema()", []) ?? 0 == 0 {
                    try db.execute(PostgresMigrations.recordTable)
                }
                try db.execute(migration.sql)
                try db.run("INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)",
                           [.text(migration.name), .integer(Int64(now.seconds))])
            }
            applied.append(migration.name)
        }
        return applied
    }

    static func currentSchema<C: SQLConnection>(_ db: C) throws -> String {
        try db.first("SELECT current_schema() AS name", []) { $0.string("name") } ?? "public"
    }
}
