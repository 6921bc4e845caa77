import Foundation
import Postgres
import Testing
import WorkshopModel
@testable import WorkshopStore

/// An administrator sets a shop up on a server once (roles, schema, migrations as the owner); the
/// desks then connect as the application role, which opens the shop but may not change its schema.
@Suite("Setting a shop up on a server",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct ServerSetupTests {
    static let now = Timestamp(seconds: 1_795_400_000)

    /// Roles belong to the whole server: each test names its own and drops them after.
    static func withNames(_ body: (ServerSetup.Names, String) throws -> Void) throws {
        guard let server = Backends.postgresURI else { throw Backends.NoServer() }
        let tag = "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let names = ServerSetup.Names(schema: tag + "_shop", owner: tag + "_owner", application: tag + "_app")
        defer {
            try? Connection(uri: server).execute("""
                DROP SCHEMA IF EXISTS \(names.schema) CASCADE; DROP OWNED BY \(names.owner), \(names.application) CASCADE;
                DROP ROLE IF EXISTS \(names.application); DROP ROLE IF EXISTS \(names.owner)
                """)
        }
        try body(names, server)
    }

    /// The server's URI with another user: the throwaway server trusts every local connection.
    static func uri(_ server: String, user: String) -> String {
        server.replacingOccurrences(of: #"user=[^&]*"#, with: "user=\(user)", options: .regularExpression)
    }

    @Test func theAdministratorSetsUpAndTheDeskOpensAsTheApplicationRole() throws {
        try Self.withNames { names, server in
            let applied = try ServerSetup.prepare(adminURI: server, names: names, now: Self.now)
            #expect(applied == PostgresMigrations.all.map(\.name))
            // Again (an upgrade with nothing new): nothing applied, nothing refused.
            #expect(try ServerSetup.prepare(adminURI: server, names: names, now: Self.now).isEmpty)
            let desk = try Store(server: Self.uri(server, user: names.application), anchorFolder: Backends.anchorFolder,
                                 context: ChangeContext(actor: "王芳", command: "test", now: Self.now))
            #expect(desk.settings.name == ShopSettings().name, "a new shop's settings read through the application role")
            let owner = try Connection(uri: server).first("SELECT schema_owner FROM information_schema.schemata WHERE schema_name = ?",
                                                           [.text(names.schema)]) { $0.string("schema_owner") }
            #expect(owner == names.owner)
        }
    }

    @Test func aDeskCannotMigrateASchemaThatNeedsIt() throws {
        try Self.withNames { names, server in
            // Roles and an empty schema, but no migrations: what a desk finds before the setup is run.
            let admin = try Connection(uri: server)
            try admin.execute(PostgresRoles.create(owner: names.owner, application: names.application, schema: names.schema))
            try admin.execute("GRANT USAGE ON SCHEMA \(names.schema) TO \(names.application)")
            #expect(throws: StoreRefusal.serverNeedsSetup(known: PostgresMigrations.all.count)) {
                _ = try Store(server: Self.uri(server, user: names.application), anchorFolder: Backends.anchorFolder,
                              context: ChangeContext(actor: "王芳", command: "test", now: Self.now))
            }
            #expect(try admin.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = ?", [.text(names.schema)]) == 0,
                    "nothing was created")
        }
    }
}
