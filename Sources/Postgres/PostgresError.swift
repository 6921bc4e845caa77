/// An error reported by PostgreSQL (or by libpq on its behalf): the SQLSTATE, the message, and
/// the SQL that caused it.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// The five-character SQLSTATE ("23505"); libpq's own failures (no connection, a refused
    /// URI) carry a class-08 or class-22 code chosen here, so every error has one.
    public let sqlState: String
    public let message: String
    public let sql: String?

    public init(sqlState: String, message: String, sql: String? = nil) {
        self.sqlState = sqlState
        self.message = message
        self.sql = sql
    }

    /// The server could not serialise this transaction with another (40001), or chose it as a
    /// deadlock's victim (40P01): running it again from the start may succeed.
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }
    /// A lock another connection holds was waited for longer than the connection's lock timeout
    /// (55P03): another terminal is writing. Nothing was changed.
    public var isLockTimeout: Bool { sqlState == "55P03" }
    /// A UNIQUE or PRIMARY KEY constraint refused the row.
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// Any integrity constraint (class 23: unique, foreign key, not null, check), as
    /// SQLiteError.isConstraint.
    public var isConstraint: Bool { sqlState.hasPrefix("23") }
    /// The connection failed or was lost (class 08).
    public var isConnectionFailure: Bool { sqlState.hasPrefix("08") }

    public var description: String {
        if let sql { return "PostgreSQL error \(sqlState): \(message) (in \(sql))" }
        return "PostgreSQL error \(sqlState): \(message)"
    }
}
