/// An error reported by SQLite: its result code, its message, and the SQL that caused it.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// SQLITE_BUSY or SQLITE_LOCKED: another connection holds the lock.
    public var isBusy: Bool { code & 0xff == 5 || code & 0xff == 6 }
    /// SQLITE_CONSTRAINT (any extended code).
    public var isConstraint: Bool { code & 0xff == 19 }

    public var description: String {
        if let sql { return "SQLite error \(code): \(message) (in \(sql))" }
        return "SQLite error \(code): \(message)"
    }
}
