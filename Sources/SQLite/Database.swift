import CSQLite3

/// One connection to an SQLite database file. Not thread-safe: one connection per thread.
public final class Database: SQLConnection {
    let handle: OpaquePointer
    public let path: String
    private var statements: [String: Statement] = [:]
    private var transactionDepth = 0
    /// The write-ahead log's size as the WAL hook last reported it (WriteAheadLog.swift).
    let walState = WriteAheadLogState()
    /// Tests only: who is told of every statement run (observeStatements).
    var statementObserver: StatementObserver?

    /// Opens (creating if needed) the database at `path`. `immutable` (read-only only) tells SQLite
    /// the file cannot change while it is open: nothing is locked and no -wal or -shm file is made
    /// beside it, so a database in a folder no one may write to can still be read.
    public init(path: String, readOnly: Bool = false, immutable: Bool = false) throws {
        var db: OpaquePointer?
        var flags = readOnly
            ? SQLITE_OPEN_READONLY
            : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        var name = path
        if readOnly && immutable {
            flags |= SQLITE_OPEN_URI
            name = Database.fileURI(path) + "?immutable=1"
        }
        let rc = sqlite3_open_v2(name, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message)
        }
        self.handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
    }

    /// `path` as an SQLite file URI: every byte but the unreserved ones and "/" percent-encoded.
    static func fileURI(_ path: String) -> String {
        var uri = "file:"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                uri.append(Character(Unicode.Scalar(byte)))
            default:
                uri += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return uri
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// How long to wait for another connection's lock before failing with SQLITE_BUSY.
    public func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Switches the file to write-ahead logging and returns the mode in force ("wal" unless the file
    /// cannot use it). Several connections opening a brand-new file at once all try the switch;
    /// it needs the file to itself for a moment and SQLite may answer BUSY without waiting, so a
    /// busy answer is retried for up to `timeoutMilliseconds`.
    @discardableResult
    public func enableWriteAheadLog(timeoutMilliseconds: Int32 = 10_000) throws -> String {
        var waited: Int32 = 0
        var pause: Int32 = 2
        while true {
            do {
                return try first("PRAGMA journal_mode = WAL") { $0.string("journal_mode") } ?? ""
            } catch let error as SQLiteError where error.isBusy && waited < timeoutMilliseconds {
                sqlite3_sleep(pause)
                waited += pause
                pause = min(pause * 2, 50)
            }
        }
    }

    /// Runs one or more statements that take no arguments and return no rows.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    private func statement(_ sql: String) throws -> Statement {
        if let cached = statements[sql] { return cached }
        let statement = try Statement(database: self, sql: sql)
        statements[sql] = statement
        return statement
    }

    /// Runs a statement that returns no rows.
    public func run(_ sql: String, _ arguments: [SQLValue] = []) throws {
        let statement = try statement(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        while try statement.step() {}
    }

    /// Calls `body` for every row the query returns.
    public func forEach(_ sql: String, _ arguments: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        let statement = try statement(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        while try statement.step() {
            try body(statement.row)
        }
    }

    /// Runs `body` with the query's rows to pull one at a time (`Cursor.next`), beside another
    /// query's: for walking two sorted queries side by side (verify merges a table with its seals).
    public func withCursor<T>(_ sql: String, _ arguments: [SQLValue] = [], _ body: (Cursor) throws -> T) throws -> T {
        let statement = try statement(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        return try body(Cursor(statement: statement))
    }

    /// Maps every row the query returns.
    public func rows<T>(_ sql: String, _ arguments: [SQLValue] = [], _ map: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEach(sql, arguments) { result.append(try map($0)) }
        return result
    }

    /// Maps the first row, if any.
    public func first<T>(_ sql: String, _ arguments: [SQLValue] = [], _ map: (Row) throws -> T) throws -> T? {
        let statement = try statement(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return try map(statement.row)
    }

    /// The first column of the first row as an integer, or nil when there is no row or it is NULL.
    public func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int? {
        try first(sql, arguments) { $0.optionalInt(0) } ?? nil
    }

    public var lastInsertRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }
    public var changes: Int { Int(sqlite3_changes64(handle)) }
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// `immediate` takes the write lock at the start, so a writer never fails half-way on a lock
    /// another connection holds. Nested calls join the outer transaction.
    public func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            return try body()
        }
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        let result: T
        do {
            result = try body()
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        return result
    }

    /// The library's version, e.g. "3.40.1".
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}

extension Database {
    /// Copies the whole database into `destination` with SQLite's online backup: a consistent
    /// snapshot, taken while other connections keep reading and writing (WAL). Returns the pages
    /// copied. A lock that keeps it waiting longer than `patienceMilliseconds` in all ends it with
    /// SQLITE_BUSY, instead of waiting forever.
    @discardableResult
    public func backup(into destination: Database, patienceMilliseconds: Int32 = 5_000) throws -> Int {
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw SQLiteError(code: sqlite3_errcode(destination.handle), message: destination.lastErrorMessage)
        }
        var rc: Int32
        var waited: Int32 = 0
        repeat {
            // A few hundred pages at a time, so a writer waiting on the lock is not held up long.
            rc = sqlite3_backup_step(backup, 512)
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED {
                guard waited < patienceMilliseconds else { break }
                sqlite3_sleep(5)
                waited += 5
            }
        } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
        let pages = Int(sqlite3_backup_pagecount(backup))
        sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE else {
            throw SQLiteError(code: rc, message: String(cString: sqlite3_errstr(rc)))
        }
        return pages
    }
}

extension Database {
    /// Calls `observer` with the text of every statement this connection runs, as prepared (with its
    /// `?` placeholders), including those run by `execute` and the triggers' own programs (named
    /// `-- TRIGGER name`). For tests that check the plans of the statements commands really issue.
    public func observeStatements(_ observer: @escaping (String) -> Void) {
        statementObserver = StatementObserver(observer)
        let context = Unmanaged.passUnretained(statementObserver!).toOpaque()
        sqlite3_trace_v2(handle, UInt32(SQLITE_TRACE_STMT), { _, context, statement, _ in
            guard let context, let statement, let sql = sqlite3_sql(OpaquePointer(statement)) else { return 0 }
            Unmanaged<StatementObserver>.fromOpaque(context).takeUnretainedValue().observer(String(cString: sql))
            return 0
        }, context)
    }

    /// The plan SQLite makes for `sql` (its parameters unbound), one step a line as EXPLAIN QUERY PLAN
    /// details them.
    public func queryPlan(_ sql: String) throws -> [String] {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, "EXPLAIN QUERY PLAN " + sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw SQLiteError(code: rc, message: lastErrorMessage, sql: sql) }
        defer { sqlite3_finalize(stmt) }
        var steps: [String] = []
        while sqlite3_step(stmt) == SQLITE_ROW {
            if let text = sqlite3_column_text(stmt, 3) { steps.append(String(cString: text)) }
        }
        return steps
    }
}

final class StatementObserver {
    let observer: (String) -> Void
    init(_ observer: @escaping (String) -> Void) { self.observer = observer }
}
