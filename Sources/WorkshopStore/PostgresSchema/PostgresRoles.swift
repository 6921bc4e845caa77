/// The two roles of a shop's database on a PostgreSQL server, so that the account Workshop connects
/// with cannot rewrite the record:
///
/// - the owner (NOLOGIN) owns the schema, its tables, functions and triggers. Migrations run as it
///   (`SET ROLE`); no one works as it day to day.
/// - the application role (LOGIN) is what Workshop connects as. It may read and write the shop's
///   tables, but not UPDATE, DELETE or TRUNCATE the journal, the tamper log or the row seals, nor
///   write the record of migrations. Not being the owner, it cannot drop, disable or replace a
///   trigger or its function (PostgreSQL lets only a table's owner do that), and it may not set
///   session_replication_role, which would silence triggers (a superuser's setting).
///
/// In three steps, each run by an administrator (a role with CREATEROLE that may create schemas):
///
///     PostgresRoles.create(owner: "shop_owner", application: "shop_app", schema: "shop")
///     SET ROLE shop_owner; SET search_path TO shop; <the migrations>; RESET ROLE;
///     PostgresRoles.grant(application: "shop_app", schema: "shop")
///
/// The application role also makes a temporary table in each of its sessions (where the seal
/// triggers note the rows a write changes: PostgresTouchedRows): it needs TEMPORARY on the database,
/// which PostgreSQL grants to every role unless an administrator revoked it.
///
/// The application role's password is set apart (`\password shop_app` in psql), never in these
/// statements. `grant` may be run again at any time, and must be after every migration: a table a
/// migration adds is granted by it, and an append-only table added later goes in
/// PostgresSafeguards.appendOnly.
enum PostgresRoles {
    /// The tables no one may change once written: the application role only reads and appends.
    static let appendOnly = PostgresSafeguards.appendOnly.map(\.table)
    /// Written by the migrations only, which run as the owner.
    static let ownersOnly = ["schema_migrations"]

    static func create(owner: String, application: String, schema: String) -> String {
        """
        CREATE ROLE \(quoted(owner)) NOLOGIN;
        CREATE ROLE \(quoted(application)) LOGIN;
        CREATE SCHEMA IF NOT EXISTS \(quoted(schema));
        ALTER SCHEMA \(quoted(schema)) OWNER TO \(quoted(owner));
        ALTER ROLE \(quoted(application)) SET search_path TO \(quoted(schema));
        """
    }

    static func grant(application: String, schema: String) -> String {
        let app = quoted(application), s = quoted(schema)
        return """
        GRANT USAGE ON SCHEMA \(s) TO \(app);
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \(s) TO \(app);
        REVOKE UPDATE, DELETE, TRUNCATE ON \(appendOnly.map { "\(s).\($0)" }.joined(separator: ", ")) FROM \(app);
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON \(ownersOnly.map { "\(s).\($0)" }.joined(separator: ", ")) FROM \(app);
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA \(s) TO \(app);
        """
    }

    /// A name as an SQL identifier, whatever it holds.
    static func quoted(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
