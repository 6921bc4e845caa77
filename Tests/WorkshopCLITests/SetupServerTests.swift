import Foundation
import Postgres
import Testing

/// `workshop setup-server`: an administrator sets a shop up on a server; the desks then work as
/// the application role, which opens the shop, writes its record and verifies it.
@Suite("workshop setup-server: a shop set up on a server",
       .enabled(if: TestServer.enabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct SetupServerTests {
    static func launch(_ arguments: [String]) throws -> Workshop.Result { try Workshop.launch(arguments) }

    /// Names of its own for a test (roles belong to the whole server), dropped after.
    static func withNames(_ body: (_ schema: String, _ owner: String, _ app: String, _ server: String) throws -> Void) throws {
        guard let server = TestServer.uri else { throw TestServer.NoServer() }
        let tag = "s" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        defer {
            try? Connection(uri: server).execute("""
                DROP SCHEMA IF EXISTS \(tag)_shop CASCADE; DROP OWNED BY \(tag)_owner, \(tag)_app CASCADE;
                DROP ROLE IF EXISTS \(tag)_app; DROP ROLE IF EXISTS \(tag)_owner
                """)
        }
        try body(tag + "_shop", tag + "_owner", tag + "_app", server)
    }

    @Test func theAdministratorSetsItUpAndADeskWorksAsTheApplicationRole() throws {
        try Self.withNames { schema, owner, app, server in
            let setup = try Self.launch(["setup-server", server, "--schema", schema, "--owner", owner, "--app", app])
            #expect(setup.status == 0, "\(setup.stderr)")
            #expect(setup.stdout.contains("schema \(schema) set up or upgraded: pg-001"), "\(setup.stdout)")
            #expect(setup.stdout.contains("each desk connects as \(app)"))
            // The desk: the application role, whose search path the setup pointed at the schema.
            var desk = Workshop(database: server.replacingOccurrences(of: #"user=[^&]*"#, with: "user=\(app)", options: .regularExpression))
            desk.now = nil
            let added = try desk.command("customer add 张三 phone=13800000001")
            #expect(added.status == 0, "\(added.stdout)\(added.stderr)")
            #expect(try desk.command("verify").status == 0)
            let owned = try Connection(uri: server).scalar("SELECT count(*) FROM \(schema).customers", [])
            #expect(owned == 1, "the customer is in the shop's schema")
            // Again, after an upgrade with nothing new.
            let again = try Self.launch(["setup-server", server, "--schema", schema, "--owner", owner, "--app", app])
            #expect(again.status == 0 && again.stdout.contains("schema \(schema) is up to date"), "\(again.stdout)\(again.stderr)")
        }
    }

    @Test(arguments: [
        (["setup-server"], "needs an administrator's URI"),
        (["setup-server", "shop.db"], "not \"shop.db\""),
        (["setup-server", "postgresql:///x", "--schema", "Shop"], "--schema takes a name of lower-case letters"),
        (["setup-server", "postgresql:///x", "--owner", "a", "--app", "a"], "must be two roles"),
        (["setup-server", "postgresql:///x", "--what"], "unknown option --what"),
    ])
    func aBadCommandLineExitsTwo(arguments: [String], says: String) throws {
        let result = try Self.launch(arguments)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains(says), "\(result.stderr)")
    }
}
