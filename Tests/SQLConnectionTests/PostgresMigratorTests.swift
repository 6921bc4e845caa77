import Foundation
import Postgres
import Testing
import WorkshopModel
@testable import WorkshopStore

/// A shop's schema on a server is brought up to date as a SQLite file is: every migration once,
/// recorded; another build's or another program's schema refused before anything changes.
@Suite("PostgreSQL: the migrator",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct PostgresMigratorTests {
    static let now = Timestamp(seconds: 1_795_309_200)

    static func tables(_ db: Connection) throws -> Int {
        try db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", []) ?? 0
    }

    @Test func aNewSchemaGetsEveryMigrationOnceRecorded() throws {
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            #expect(try PostgresMigrator.migrate(db, now: Self.now) == ["pg-001-schema-as-of-020", "pg-002-seal-triggers", "pg-003-sites", "pg-004-gapless-numbers", "pg-005-journal-indexes", "pg-006-site-figures", "pg-007-site-hooks-and-entries"])
            #expect(try db.rows("SELECT name, applied_at FROM schema_migrations ORDER BY name", []) { "\($0.string("name")) \($0.int("applied_at"))" }
                    == ["pg-001-schema-as-of-020 1795309200", "pg-002-seal-triggers 1795309200", "pg-003-sites 1795309200", "pg-004-gapless-numbers 1795309200", "pg-005-journal-indexes 1795309200", "pg-006-site-figures 1795309200", "pg-007-site-hooks-and-entries 1795309200"])
            #expect(try db.scalar("SELECT count(*) FROM orders", []) == 0, "the shop's tables are there")
            let tables = try Self.tables(db)
            #expect(try PostgresMigrator.migrate(db, now: Self.now).isEmpty, "an up-to-date schema is left as it is")
            #expect(try Self.tables(db) == tables)
        }
    }

    @Test func anotherBuildsMigrationIsRefusedWithNothingChanged() throws {
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            try PostgresMigrator.migrate(db, now: Self.now)
            try db.run("INSERT INTO schema_migrations(name, applied_at) VALUES ('pg-002-of-another-build', 0)", [])
            let tables = try Self.tables(db)
            do {
                try PostgresMigrator.migrate(db, now: Self.now)
                Issue.record("a schema with another build's migration was migrated")
            } catch let refusal as StoreRefusal {
                guard case .foreignMigrations(let recorded, _) = refusal else { throw refusal }
                #expect(recorded.contains("pg-002-of-another-build"))
            }
            #expect(try Self.tables(db) == tables)
        }
    }

    @Test func anotherProgramsTablesAreNeverWrittenInto() throws {
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            try db.execute("CREATE TABLE invoices (id BIGINT PRIMARY KEY)")
            do {
                try PostgresMigrator.migrate(db, now: Self.now)
                Issue.record("another program's schema was migrated")
            } catch let refusal as StoreRefusal {
                guard case .notAWorkshopDatabase = refusal else { throw refusal }
            }
            #expect(try Self.tables(db) == 1, "nothing added beside its table")
        }
    }
}
