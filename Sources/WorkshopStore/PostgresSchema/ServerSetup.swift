import Postgres
import WorkshopModel

/// What an administrator runs once for a shop on a PostgreSQL server, and again after each upgrade
/// of Workshop: the two roles (PostgresRoles), the shop's schema, its migrations run as the owner,
/// and the application role's rights granted again. The desks then connect as the application
/// role, which can neither change the schema nor rewrite the record.
public enum ServerSetup {
    public struct Names: Sendable {
        public var schema: String
        public var owner: String
        public var application: String

        public init(schema: String = "shop", owner: String = "shop_owner", application: String = "shop_app") {
            (self.schema, self.owner, self.application) = (schema, owner, application)
        }
    }

    /// Sets up or upgrades the shop's schema through `adminURI` (a role that may create roles and
    /// schemas, and become the owner); returns the migrations applied. One transaction per step
    /// the migrator takes; the roles are made only when missing.
    @discardableResult
    public static func prepare(adminURI: String, names: Names, now: Timestamp) throws -> [String] {
        let admin = try Connection(uri: adminURI)
        try ServerOpening.checkCollation(admin)
        let existing = Set(try admin.rows("SELECT rolname FROM pg_roles WHERE rolname IN (?, ?)", [.text(names.owner), .text(names.application)]) {
            $0.string("rolname")
        })
        try admin.transaction(immediate: true) {
            if !existing.contains(names.owner) {
                try admin.execute("CREATE ROLE \(PostgresRoles.quoted(names.owner)) NOLOGIN")
            }
            if !existing.contains(names.application) {
                try admin.execute("CREATE ROLE \(PostgresRoles.quoted(names.application)) LOGIN")
            }
            // The administrator acts as the owner for the migrations (a superuser may anyway).
            try admin.execute("GRANT \(PostgresRoles.quoted(names.owner)) TO CURRENT_USER")
            try admin.execute("""
                CREATE SCHEMA IF NOT EXISTS \(PostgresRoles.quoted(names.schema));
                ALTER SCHEMA \(PostgresRoles.quoted(names.schema)) OWNER TO \(PostgresRoles.quoted(names.owner));
                ALTER ROLE \(PostgresRoles.quoted(names.application)) SET search_path TO \(PostgresRoles.quoted(names.schema));
                """)
        }
        try admin.execute("SET ROLE \(PostgresRoles.quoted(names.owner)); SET search_path TO \(PostgresRoles.quoted(names.schema))")
        let applied = try PostgresMigrator.migrate(admin, now: now)
        try admin.execute("RESET ROLE")
        try admin.execute(PostgresRoles.grant(application: names.application, schema: names.schema))
        return applied
    }
}
