import Postgres
import Testing
@testable import WorkshopStore

/// Connected as the application role (PostgresRoles), Workshop's account can write the shop's
/// record but not rewrite it, nor take its safeguards away.
@Suite("The application's role on PostgreSQL",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct PostgresRoleTests {
    /// The shop's schema made as PostgresRoles says, then a connection acting as the application
    /// role (SET SESSION AUTHORIZATION: every privilege is checked against it, as if it had
    /// logged in). Roles belong to the whole server: each test makes its own and drops them.
    static func withApplicationRole(_ body: (Connection, PostgresSchema) throws -> Void) throws {
        try Backends.withPostgres { schema in
            let owner = schema.name + "_owner", application = schema.name + "_app"
            let admin = try schema.connect()
            try admin.execute(PostgresRoles.create(owner: owner, application: application, schema: schema.name))
            defer { try? admin.execute("DROP OWNED BY \(owner), \(application) CASCADE; DROP ROLE \(application); DROP ROLE \(owner)") }
            try admin.execute("SET ROLE \(owner)")
            try ShopSchemas.applyPostgresSchema(admin)
            try admin.execute("RESET ROLE")
            try admin.execute(PostgresRoles.grant(application: application, schema: schema.name))
            do {
                let db = try schema.connect()
                try db.execute("SET SESSION AUTHORIZATION \(application)")
                try body(db, schema)
                try db.execute("DISCARD TEMP")  // before the roles are dropped
            }
        }
    }

    @Test("It writes the record, and changes made without the writer mark are logged")
    func writesAndIsWatched() throws {
        try Self.withApplicationRole { db, _ in
            try db.transaction(immediate: true) {
                try db.run("INSERT INTO writer_mark DEFAULT VALUES", [])
                try db.run("INSERT INTO customers(name, phone, created_at) VALUES ('张三', '13800000001', 1795400000)", [])
                try db.run("""
                    INSERT INTO journal(id, at, actor, command, action, entity, detail)
                    VALUES (1, 1795400000, '王芳', 'customer add', 'create', 'customer', '{}')
                    """, [])
                try db.run("DELETE FROM writer_mark", [])
            }
            #expect(try db.scalar("SELECT count(*) FROM tamper_log", []) == 0)
            try db.run("UPDATE customers SET name = '张三丰' WHERE id = 1", [])
            #expect(try db.rows("SELECT tbl, op, row_id FROM tamper_log", []) { [$0.string("tbl"), $0.string("op"), $0.string("row_id")] }
                    == [["customers", "update", "1"]])
        }
    }

    @Test("It may not rewrite the journal, the tamper log or the seals, nor touch a trigger", arguments: [
        "UPDATE journal SET detail = 'rewritten'",
        "DELETE FROM journal",
        "TRUNCATE journal",
        "DELETE FROM tamper_log",
        "TRUNCATE tamper_log",
        "UPDATE row_seals SET digest = NULL",
        "INSERT INTO schema_migrations(name, applied_at) VALUES ('pg-999-mine', 0)",
        "DROP TRIGGER journal_is_append_only_update ON journal",
        "DROP TRIGGER tamper_orders_update ON orders",
        "ALTER TABLE orders DISABLE TRIGGER tamper_orders_update",
        "ALTER TABLE journal DISABLE TRIGGER USER",
        "CREATE TRIGGER journal_forged AFTER INSERT ON journal FOR EACH ROW EXECUTE FUNCTION refuse_change('x')",
        "CREATE OR REPLACE FUNCTION tamper_watch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$",
        "DROP FUNCTION tamper_watch()",
        "SET session_replication_role = replica",
    ])
    func refused(statement: String) throws {
        try Self.withApplicationRole { db, _ in
            do {
                try db.execute(statement)
                Issue.record("the application role was allowed: \(statement)")
            } catch let error as PostgresError {
                #expect(error.sqlState == "42501", "\(error)")
            }
        }
    }

    /// PostgreSQL looks for a table in the session's temporary tables first: the watch must still
    /// write to the shop's tamper log and read the shop's writer mark, never stand-ins.
    @Test("Temporary tables named like the tamper log or the writer mark change nothing")
    func temporaryStandInsIgnored() throws {
        try Self.withApplicationRole { db, schema in
            try db.run("INSERT INTO customers(name, phone, created_at) VALUES ('张三', '13800000001', 1795400000)", [])
            try db.execute("""
                CREATE TEMP TABLE tamper_log (tbl TEXT, op TEXT, row_id TEXT);
                CREATE TEMP TABLE writer_mark (id BIGINT);
                INSERT INTO pg_temp.writer_mark VALUES (1);
                """)
            try db.run("UPDATE customers SET name = '李四' WHERE id = 1", [])
            #expect(try db.scalar("SELECT count(*) FROM \(schema.name).tamper_log", []) == 2)
            #expect(try db.scalar("SELECT count(*) FROM pg_temp.tamper_log", []) == 0)
        }
    }
}
