import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

/// One connection to a PostgreSQL server through libpq. Not thread-safe: one connection per thread.
///
/// Statements are written as for SQLite (`?`, `?NNN`); each distinct text is translated and
/// prepared once per connection, then executed by name. Arguments go as text and the server gives
/// them the type their place in the statement needs, as SQLite's column affinity would. Results
/// come back whole, in text format; a long one is read a page at a time through a cursor
/// (`withCursor`, `walk`: Cursor.swift).
public final class Connection: SQLConnection {
    let handle: OpaquePointer
    /// How often `transaction` runs a body the server could not serialise before giving up.
    public let maximumAttempts: Int
    /// The URI or conninfo it was opened with (never holding a password: that is refused).
    public let uri: String
    private var statements: [String: PreparedStatement] = [:]
    /// Statements prepared on this connection so far (each one round trip, once).
    public private(set) var preparedCount = 0
    private(set) var transactionDepth = 0
    /// The error that left the transaction in progress failed, even if the body caught it: the
    /// commit reports it rather than the server's silent rollback.
    private var failureInTransaction: PostgresError?
    public private(set) var changes = 0
    /// Round trips to the server so far: each message this connection sent and waited for the
    /// answer to (a statement, a prepare, a batch of simple statements). For tests that count them.
    public internal(set) var roundTrips = 0
    /// Server-side cursors open now (Cursor.swift): the next one's name.
    var openCursors = 0
    /// Writes held back for the COMMIT's round trip, in order, and the tables they write
    /// (`runQueued`, QueuedWrites.swift).
    var queued: [(sql: String, arguments: [SQLValue])] = []
    var queuedTables: [String] = []
    /// The table each statement text given to `runQueued` inserts into (nil: it runs at once).
    var insertTargets: [String: String?] = [:]
    /// Tests only: told of every statement run with arguments (as written, with its `?`
    /// placeholders) and the arguments it was run with.
    public var statementObserver: ((String, [SQLValue]) -> Void)?

    /// Connects with a libpq URI (`postgresql://workshop@shop-server/workshop`) or key/value
    /// conninfo (`host=shop-server dbname=workshop`). A password in it is refused: it would show in
    /// the process list and the shell's history; libpq reads it from PGPASSWORD or ~/.pgpass.
    /// `lockTimeoutMilliseconds`: how long any statement waits for a lock another connection
    /// holds (the writer lock of `transaction(immediate:)` among them) before it fails with 55P03.
    public init(uri: String, maximumAttempts: Int = 10, lockTimeoutMilliseconds: Int = 5_000) throws {
        try Connection.loadLibrary()
        try Connection.refusePassword(in: uri)
        self.uri = uri
        guard let connection = PQconnectdb(uri) else {
            throw PostgresError(sqlState: "08001", message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Connection.trimmed(PQerrorMessage(connection))
            PQfinish(connection)
            throw PostgresError(sqlState: "08001", message: message)
        }
        // The server's notices (an implicit index, "there is no transaction in progress") would
        // go to stderr, at a user's terminal: they are not errors and are dropped.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        guard PQsetClientEncoding(connection, "UTF8") == 0 else {
            let message = Connection.trimmed(PQerrorMessage(connection))
            PQfinish(connection)
            throw PostgresError(sqlState: "22021", message: message)
        }
        self.handle = connection
        self.maximumAttempts = max(1, maximumAttempts)
        // Every cursor the program opens is read to its end (Cursor.swift): plan it as the query it
        // is, not for its first rows (PostgreSQL's default of 10%).
        try execute("SET lock_timeout = \(max(0, lockTimeoutMilliseconds)); SET cursor_tuple_fraction = 1")
    }

    deinit { PQfinish(handle) }

    /// Loads libpq (once): it is not linked into the program, so that a shop on a SQLite file
    /// never loads it. Throws when it is not installed (Debian package libpq5).
    static func loadLibrary() throws {
        if let reason = workshop_libpq_load() {
            throw PostgresError(sqlState: "08001", message: "the PostgreSQL client library libpq5 is not installed (\(String(cString: reason)))")
        }
    }

    /// Throws when the conninfo carries a password, or cannot be parsed at all.
    static func refusePassword(in uri: String) throws {
        try loadLibrary()
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(uri, &message) else {
            let text = message.map { trimmed($0) } ?? "cannot read the connection URI"
            PQfreemem(message)
            throw PostgresError(sqlState: "08001", message: text)
        }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password", let value = option.pointee.val, value.pointee != 0 {
                throw PostgresError(sqlState: "08001", message:
                    "the connection URI contains a password; give it in ~/.pgpass or PGPASSWORD instead, never on the command line")
            }
            option += 1
        }
    }

    static func trimmed(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "" }
        var string = String(cString: text)
        while string.last?.isNewline == true { string.removeLast() }
        return string
    }

    /// The server's version, e.g. 150018 for 15.18.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    public var isInTransaction: Bool { PQtransactionStatus(handle) != PQTRANS_IDLE }

    // MARK: Statements

    /// Runs one or more statements that take no arguments and return no rows.
    public func execute(_ sql: String) throws {
        try sendQueued(before: CollectionOfOne(sql))
        roundTrips += 1
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, sql: sql)
    }

    /// Runs a statement that returns no rows.
    public func run(_ sql: String, _ arguments: [SQLValue] = []) throws {
        let (result, _) = try query(sql, arguments)
        defer { PQclear(result) }
        // SQLite counts the rows only INSERT, UPDATE and DELETE change; PQcmdTuples counts a
        // SELECT's rows too.
        if let tag = PQcmdStatus(result), Connection.changesRows(tag) {
            changes = Int(Row.leadingInteger(PQcmdTuples(result), count: Int(strlen(PQcmdTuples(result)))))
        }
    }

    static func changesRows(_ tag: UnsafePointer<CChar>) -> Bool {
        strncmp(tag, "INSERT", 6) == 0 || strncmp(tag, "UPDATE", 6) == 0
            || strncmp(tag, "DELETE", 6) == 0 || strncmp(tag, "MERGE", 5) == 0
    }

    /// Calls `body` for every row the query returns.
    public func forEach(_ sql: String, _ arguments: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        let (result, columns) = try query(sql, arguments)
        defer { PQclear(result) }
        let count = PQntuples(result)
        var row: Int32 = 0
        while row < count {
            try body(Row(result: result, row: row, columns: columns))
            row += 1
        }
    }

    /// Maps every row the query returns.
    public func rows<T>(_ sql: String, _ arguments: [SQLValue] = [], _ map: (Row) throws -> T) throws -> [T] {
        let (result, columns) = try query(sql, arguments)
        defer { PQclear(result) }
        let count = PQntuples(result)
        var mapped: [T] = []
        mapped.reserveCapacity(Int(count))
        var row: Int32 = 0
        while row < count {
            mapped.append(try map(Row(result: result, row: row, columns: columns)))
            row += 1
        }
        return mapped
    }

    /// Maps the first row, if any.
    public func first<T>(_ sql: String, _ arguments: [SQLValue] = [], _ map: (Row) throws -> T) throws -> T? {
        let (result, columns) = try query(sql, arguments)
        defer { PQclear(result) }
        guard PQntuples(result) > 0 else { return nil }
        return try map(Row(result: result, row: 0, columns: columns))
    }

    /// The first column of the first row as an integer, or nil when there is no row or it is NULL.
    public func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int? {
        try first(sql, arguments) { $0.optionalInt(0) } ?? nil
    }

    /// Runs the statements in turn, as many calls of `rows`/`run` would, and tells `body` each row
    /// each returns with the statement's index; returns the rows each changed. With libpq 14 or
    /// later they travel together (pipeline mode): one round trip for all, once each is prepared.
    /// The first that fails throws its error, and those after it do not run; inside a transaction
    /// that fails the transaction, as a failed statement does.
    public func runEach(_ statements: [(sql: String, arguments: [SQLValue])], _ body: (Int, Row) throws -> Void) throws -> [Int] {
        try sendQueued(before: statements.lazy.map(\.sql))
        var changed: [Int] = []
        changed.reserveCapacity(statements.count)
        guard statements.count > 1, Connection.hasPipeline else {
            for (index, statement) in statements.enumerated() {
                let (result, columns) = try query(statement.sql, statement.arguments)
                defer { PQclear(result) }
                changed.append(try Connection.consume(result, columns, index, body))
            }
            return changed
        }
        // In groups small enough that what is sent never waits for answers not yet read.
        var start = 0
        while start < statements.count {
            let end = min(start + Connection.pipelineGroup, statements.count)
            try pipeline(statements[start..<end], firstIndex: start, body, into: &changed)
            start = end
        }
        return changed
    }

    static let hasPipeline = workshop_libpq_has_pipeline() == 1
    static let pipelineGroup = 100

    private func pipeline(_ statements: ArraySlice<(sql: String, arguments: [SQLValue])>, firstIndex: Int,
                          _ body: (Int, Row) throws -> Void, into changed: inout [Int]) throws {
        let (results, prepared) = try pipelined(statements)
        defer { for result in results { PQclear(result) } }
        for (offset, result) in results.enumerated() {
            let sql = statements[statements.startIndex + offset].sql
            let columns: ResultColumns
            if let known = prepared[offset].columns, known.matches(result!) {
                columns = known
            } else {
                columns = ResultColumns(result: result!, sql: sql)
                prepared[offset].columns = columns
            }
            changed.append(try Connection.consume(result!, columns, firstIndex + offset, body))
        }
    }

    /// Sends the statements in pipeline mode, one round trip (each prepared first if it was not),
    /// and returns their results, all successes, to be cleared by the caller; throws the first
    /// failure, having cleared them.
    func pipelined(_ statements: ArraySlice<(sql: String, arguments: [SQLValue])>, observedFrom: Int = 0) throws
        -> (results: [OpaquePointer?], prepared: [PreparedStatement]) {
        let (results, prepared) = try sendPipeline(statements, observedFrom: observedFrom)
        do {
            for (offset, statement) in statements.enumerated() {
                do {
                    try check(offset < results.count ? results[offset] : nil, sql: statement.sql)
                } catch let error as PostgresError {
                    if error.sqlState == "0A000" { self.statements[statement.sql] = nil }
                    throw error
                }
            }
        } catch {
            for result in results { PQclear(result) }
            throw error
        }
        return (results, prepared)
    }

    /// Sends the statements in pipeline mode, one round trip (each prepared first if it was not),
    /// and returns their results unchecked (fewer than the statements if libpq could not send
    /// them all; a failure's followers `PGRES_PIPELINE_ABORTED`), to be cleared by the caller.
    /// The observer is told of those from offset `observedFrom` on (the others were, when queued).
    private func sendPipeline(_ statements: ArraySlice<(sql: String, arguments: [SQLValue])>, observedFrom: Int) throws
        -> (results: [OpaquePointer?], prepared: [PreparedStatement]) {
        var prepared: [PreparedStatement] = []
        for (offset, statement) in statements.enumerated() {
            let made = try self.prepared(statement.sql, statement.arguments)
            guard statement.arguments.count == made.parameterCount else {
                throw PostgresError(sqlState: "07001", message: "expected \(made.parameterCount) arguments, got \(statement.arguments.count)",
                                    sql: statement.sql)
            }
            if offset >= observedFrom { statementObserver?(statement.sql, statement.arguments) }
            prepared.append(made)
        }
        roundTrips += 1
        guard PQenterPipelineMode(handle) == 1 else {
            throw PostgresError(sqlState: "08006", message: Connection.trimmed(PQerrorMessage(handle)))
        }
        var sent = 0
        for (offset, statement) in statements.enumerated() {
            let accepted = Parameters(statement.arguments).withValues { values in
                PQsendQueryPrepared(handle, prepared[offset].name, Int32(statement.arguments.count), values, nil, nil, 0)
            }
            guard accepted == 1 else { break }
            sent += 1
        }
        _ = PQpipelineSync(handle)
        // Each statement's result, then the NULL that ends it; after them all, the sync's.
        var results: [OpaquePointer?] = []
        for _ in 0..<sent {
            let result = PQgetResult(handle)
            while let extra = PQgetResult(handle) { PQclear(extra) }
            results.append(result)
        }
        while let end = PQgetResult(handle) {
            let status = PQresultStatus(end)
            PQclear(end)
            if status == PGRES_PIPELINE_SYNC { break }
        }
        _ = PQexitPipelineMode(handle)
        return (results, prepared)
    }

    /// Tells `body` the result's rows; returns the rows it changed (an INSERT's, UPDATE's or DELETE's).
    private static func consume(_ result: OpaquePointer, _ columns: ResultColumns, _ index: Int,
                                _ body: (Int, Row) throws -> Void) throws -> Int {
        let count = PQntuples(result)
        var row: Int32 = 0
        while row < count {
            try body(index, Row(result: result, row: row, columns: columns))
            row += 1
        }
        guard let tag = PQcmdStatus(result), changesRows(tag) else { return 0 }
        return Int(Row.leadingInteger(PQcmdTuples(result), count: Int(strlen(PQcmdTuples(result)))))
    }

    /// Prepares `sql` as its first run would, without running it: the server parses and checks it
    /// against the schema (names, types, grouping). For tests that check a statement is valid here.
    public func prepareOnly(_ sql: String) throws {
        _ = try prepared(sql, [])
    }

    // MARK: Transactions

    /// Runs `body` in one SERIALIZABLE transaction: committed when it returns, rolled back when it
    /// throws. When the server cannot serialise it with another connection's (SQLSTATE 40001) or
    /// picks it as a deadlock's victim (40P01), at any statement or at the commit, the whole body
    /// runs again after a short random pause, up to `maximumAttempts` times in all; then the
    /// error is thrown. So the body must be re-runnable: it may run more than once, and only the
    /// last run's database work stands. Nested calls join the outer transaction (and an error in
    /// one fails the outer one), as SQLite.Database's do.
    ///
    /// `immediate` says the body writes: as SQLite's BEGIN IMMEDIATE takes the file's write lock,
    /// the connection first takes the schema's writer lock (a session advisory lock, waited for at
    /// most `lockTimeoutMilliseconds`, released after the commit or rollback), so that writers
    /// queue instead of colliding: each starts its snapshot after the one before it committed, and
    /// a retry is left for the rare collision with a reader. Readers take no lock.
    /// The COMMIT and the writer lock's release go in one round trip.
    public func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
        try transaction(immediate: immediate, prefetching: [], body)
    }

    /// A transaction as above, whose body runs `prefetching` first: statements without arguments,
    /// in this order (the store's settings, its writer mark, the journal's end). They go to the
    /// server in the same round trip as the BEGIN (and a writer's lock), and the body's own calls
    /// of them are answered from what came back, without a round trip of their own. A nested call
    /// ignores them (the body runs them as any statement).
    public func transaction<T>(immediate: Bool = true, prefetching: [String], _ body: () throws -> T) throws -> T {
        if transactionDepth > 0 { return try body() }
        var holdsWriterLock = false
        defer {
            if holdsWriterLock {
                roundTrips += 1
                PQclear(PQexec(handle, Connection.releaseWriterLock))
            }
        }
        var attempt = 1
        while true {
            do {
                return try transactionOnce(lock: immediate, holdsWriterLock: &holdsWriterLock, prefetching: prefetching, body)
            } catch let error as PostgresError where error.isSerializationFailure && attempt < maximumAttempts {
                // Random, growing pauses, so that two connections that collided do not collide again.
                usleep(UInt32.random(in: 500...(1_000 << min(attempt, 6))))
                attempt += 1
            }
        }
    }

    /// One run of a transaction's body. A writer's lock is taken in the BEGIN's round trip, in an
    /// implicit transaction of its own that ends (COMMIT) before the BEGIN: the transaction's
    /// snapshot is taken once the lock is held, after the writer before it committed.
    private func transactionOnce<T>(lock: Bool, holdsWriterLock: inout Bool, prefetching: [String],
                                    _ body: () throws -> T) throws -> T {
        let taking = lock && !holdsWriterLock
        let opening = (taking ? [Connection.takeWriterLock, "COMMIT"] : []) + ["BEGIN ISOLATION LEVEL SERIALIZABLE"] + prefetching
        var results = batch(opening)
        defer { for result in results { PQclear(result) } }
        if taking, let first = results.first, PQresultStatus(first) == PGRES_TUPLES_OK { holdsWriterLock = true }
        do {
            for (index, result) in results.enumerated() { try check(result, sql: opening[index]) }
            if results.count < opening.count { try check(nil, sql: opening[results.count]) }
        } catch {
            if PQtransactionStatus(handle) != PQTRANS_IDLE { rollBack() }
            throw error
        }
        // The prefetched answers, handed to the body's calls (which clear them).
        let firstPrefetched = opening.count - prefetching.count
        for index in firstPrefetched..<opening.count {
            prefetched[opening[index]] = (results[index], [])
            statementObserver?(opening[index], [])
        }
        results.removeSubrange(firstPrefetched...)
        transactionDepth += 1
        failureInTransaction = nil
        defer {
            transactionDepth -= 1
            failureInTransaction = nil
            for answer in prefetched.values { PQclear(answer.result) }
            prefetched.removeAll()
            beforeCommit.removeAll()
            queued.removeAll()
            queuedTables.removeAll()
        }
        let result: T
        do {
            result = try body()
        } catch {
            rollBack()
            throw failureInTransaction.flatMap { $0.isSerializationFailure ? $0 : nil } ?? error
        }
        // A statement failed and the body caught the error: the server would turn the COMMIT into
        // a silent ROLLBACK. Say what failed instead (and retry it if it was a serialisation failure).
        if PQtransactionStatus(handle) == PQTRANS_INERROR {
            let failure = failureInTransaction ?? PostgresError(sqlState: "25P02", message: "the transaction failed earlier")
            rollBack()
            throw failure
        }
        // The queued writes, the statements for the end, the COMMIT, then the writer lock's release.
        let ending = queued + beforeCommit + [(sql: "COMMIT", arguments: [SQLValue]())]
        let closing = ending + (holdsWriterLock ? [(Connection.releaseWriterLock, [])] : [])
        let closed: [OpaquePointer?]
        if Connection.hasPipeline && ending.count > 1 {
            // Prepared, in one pipeline: the first that fails stops those after it, the COMMIT among them.
            closed = try sendPipeline(closing[...], observedFrom: closing.count).results
        } else {
            closed = batch(closing.map(\.sql))  // beforeCommit's statements have their arguments inlined
        }
        defer { for result in closed { PQclear(result) } }
        do {
            for index in ending.indices { try check(index < closed.count ? closed[index] : nil, sql: ending[index].sql) }
        } catch {
            if PQtransactionStatus(handle) != PQTRANS_IDLE { rollBack() }
            throw error
        }
        if holdsWriterLock, closed.count == closing.count, PQresultStatus(closed[closing.count - 1]) == PGRES_TUPLES_OK {
            holdsWriterLock = false
        }
        return result
    }

    /// Answers of statements sent ahead with a BEGIN (`transaction(prefetching:)`), by their text,
    /// until the body runs them or the transaction ends.
    var prefetched: [String: (result: OpaquePointer, arguments: [SQLValue])] = [:]

    /// Inside a transaction: runs `statements` now, together, in one round trip, and keeps their
    /// answers for the body's own calls of them with the same arguments, as
    /// `transaction(prefetching:)` does. For statements whose answer nothing the body does before it
    /// calls them changes. Each is prepared (once per connection) and sent in pipeline mode; with
    /// a libpq that has none, those without arguments go as one batch of text, the others run when
    /// called. One whose answer is already waiting (sent ahead with the same arguments, not yet
    /// read) is not sent again. Outside a transaction, nothing.
    public func sendAhead(_ statements: [(sql: String, arguments: [SQLValue])]) throws {
        // One already sent ahead, not yet read, has its answer waiting: not sent again.
        let statements = statements.filter { prefetched[$0.sql]?.arguments != $0.arguments }
        guard transactionDepth > 0, !statements.isEmpty else { return }
        if Connection.hasPipeline {
            // Queued writes a statement needs go first, in the same round trip.
            var writes = takeQueued(before: statements.lazy.map(\.sql))
            for group in stride(from: 0, to: statements.count, by: Connection.pipelineGroup) {
                let part = statements[group..<min(group + Connection.pipelineGroup, statements.count)]
                let (results, _) = try pipelined((writes + part)[...], observedFrom: writes.count)
                for result in results.prefix(writes.count) { PQclear(result) }
                for (offset, statement) in part.enumerated() {
                    keep(results[writes.count + offset]!, for: statement.sql, statement.arguments)
                }
                writes = []
            }
            return
        }
        let plain = statements.filter(\.arguments.isEmpty).map(\.sql)
        guard !plain.isEmpty else { return }
        let results = batch(plain)
        do {
            for (index, statement) in plain.enumerated() {
                try check(index < results.count ? results[index] : nil, sql: statement)
            }
        } catch {
            for result in results { PQclear(result) }
            throw error
        }
        for (index, statement) in plain.enumerated() {
            keep(results[index], for: statement, [])
            statementObserver?(statement, [])
        }
    }

    private func keep(_ result: OpaquePointer, for sql: String, _ arguments: [SQLValue]) {
        if let stale = prefetched.updateValue((result, arguments), forKey: sql) { PQclear(stale.result) }
    }

    /// Statements the COMMIT carries (`runBeforeCommit`), after the queued writes: prepared, in
    /// pipeline mode; without it, their arguments written into their text.
    private var beforeCommit: [(sql: String, arguments: [SQLValue])] = []

    /// Runs `sql` as the transaction's last statement, in the round trip of its COMMIT: for one
    /// whose answer nobody reads (the store's writer mark removed), and that must run after every
    /// other (no statement sends it earlier, unlike `runQueued`'s). Its failure fails the commit
    /// (and a serialisation failure runs the body again), as if it had run here; `changes` does
    /// not count it. Run at once when it cannot wait: outside a transaction, or, without pipeline
    /// mode, with an argument other than an integer or NULL, or text with quotes, dollars or comments.
    public func runBeforeCommit(_ sql: String, _ arguments: [SQLValue] = []) throws {
        guard transactionDepth > 0 else { return try run(sql, arguments) }
        if Connection.hasPipeline {
            _ = try prepared(sql, arguments)
            beforeCommit.append((sql, arguments))
        } else {
            guard let text = Connection.inlined(sql, arguments) else { return try run(sql, arguments) }
            beforeCommit.append((text, []))
        }
        statementObserver?(sql, arguments)
    }

    /// `sql` with its placeholders replaced by its arguments, integers or NULLs, as literals; nil
    /// when that cannot be done plainly.
    static func inlined(_ sql: String, _ arguments: [SQLValue]) -> String? {
        guard !sql.utf8.contains(where: { [UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "$"), UInt8(ascii: "-"),
                                           UInt8(ascii: "/"), UInt8(ascii: ";")].contains($0) }) else { return nil }
        var literals: [String] = []
        for argument in arguments {
            switch argument {
            case .integer(let value): literals.append(String(value))
            case .null: literals.append("NULL")
            case .real, .text: return nil
            }
        }
        let translated = TranslatedSQL(sql)
        guard translated.parameterCount == literals.count else { return nil }
        var output = ""
        var number: Int?
        for character in translated.text + " " {
            if let digit = character.wholeNumberValue, number != nil, character.isASCII {
                number = number! * 10 + digit
                continue
            }
            if let placeholder = number {
                guard placeholder >= 1 && placeholder <= literals.count else { return nil }
                output += literals[placeholder - 1]
                number = nil
            }
            if character == "$" { number = 0 } else { output.append(character) }
        }
        output.removeLast()
        return output
    }

    /// Sends `statements` (none taking arguments) to the server in one message, one round trip,
    /// and returns their results in order. The server stops at the first that fails: its result
    /// is the last. To be cleared by the caller.
    private func batch(_ statements: [String]) -> [OpaquePointer] {
        roundTrips += 1
        guard PQsendQuery(handle, statements.joined(separator: ";\n")) == 1 else { return [] }
        var results: [OpaquePointer] = []
        while let result = PQgetResult(handle) { results.append(result) }
        return results
    }

    /// One lock per schema (advisory locks already belong to one database): the schema is the shop.
    static let writerLockKey = "hashtext('workshop writer ' || current_schema())"
    static let takeWriterLock = "SELECT pg_advisory_lock(\(writerLockKey))"
    static let releaseWriterLock = "SELECT pg_advisory_unlock(\(writerLockKey))"

    private func rollBack() {
        roundTrips += 1
        PQclear(PQexec(handle, "ROLLBACK"))
    }

    // MARK: Prepared statements

    /// One translated statement prepared on this connection, and its result columns once known.
    final class PreparedStatement {
        let name: String
        let parameterCount: Int
        var columns: ResultColumns?

        init(name: String, parameterCount: Int) {
            self.name = name
            self.parameterCount = parameterCount
        }
    }

    /// Executes `sql` (prepared first if this connection has not yet) and returns its result, to
    /// be cleared by the caller, with the columns to read it by.
    private func query(_ sql: String, _ arguments: [SQLValue], observedAs observed: String? = nil) throws -> (OpaquePointer, ResultColumns) {
        if !prefetched.isEmpty, let answer = prefetched[sql], answer.arguments == arguments {
            prefetched[sql] = nil  // observed when it was sent
            return (answer.result, ResultColumns(result: answer.result, sql: sql))
        }
        if !queued.isEmpty {
            // Queued writes it needs go first, in its round trip (a cursor's DECLARE: in one of their own).
            if observed != nil { try sendQueued(before: CollectionOfOne(sql)) }
            let writes = takeQueued(before: CollectionOfOne(sql))
            if !writes.isEmpty { return try query(sql, arguments, after: writes) }
        }
        let statement = try prepared(sql, arguments)
        guard arguments.count == statement.parameterCount else {
            throw PostgresError(sqlState: "07001",
                                message: "expected \(statement.parameterCount) arguments, got \(arguments.count)", sql: sql)
        }
        statementObserver?(observed ?? sql, arguments)
        roundTrips += 1
        let result = Parameters(arguments).withValues { values in
            PQexecPrepared(handle, statement.name, Int32(arguments.count), values, nil, nil, 0)
        }
        do {
            try check(result, sql: sql)
        } catch let error as PostgresError {
            PQclear(result)
            // A table changed shape under a cached plan: prepare it afresh next time.
            if error.sqlState == "0A000" { statements[sql] = nil }
            throw error
        }
        guard let result else { throw PostgresError(sqlState: "08006", message: "no result", sql: sql) }
        if let columns = statement.columns, columns.matches(result) { return (result, columns) }
        let columns = ResultColumns(result: result, sql: sql)
        statement.columns = columns
        return (result, columns)
    }

    /// `query` with `writes` sent before it, in one pipeline: one round trip.
    private func query(_ sql: String, _ arguments: [SQLValue], after writes: [(sql: String, arguments: [SQLValue])]) throws
        -> (OpaquePointer, ResultColumns) {
        let (results, prepared) = try pipelined((writes + [(sql, arguments)])[...], observedFrom: writes.count)
        for result in results.dropLast() { PQclear(result) }
        let result = results.last!!, statement = prepared.last!
        if let columns = statement.columns, columns.matches(result) { return (result, columns) }
        let columns = ResultColumns(result: result, sql: sql)
        statement.columns = columns
        return (result, columns)
    }

    /// Declares the server-side cursor `name` over `sql` (Cursor.swift), prepared once per connection
    /// and name as any statement; an observer is told `sql`, the query whose rows it reads.
    func declareCursor(_ name: String, _ sql: String, _ arguments: [SQLValue]) throws {
        let (result, _) = try query("DECLARE \(name) NO SCROLL CURSOR FOR \(sql)", arguments, observedAs: sql)
        PQclear(result)
    }

    func prepared(_ sql: String, _ arguments: [SQLValue]) throws -> PreparedStatement {
        if let cached = statements[sql] { return cached }
        let translated = TranslatedSQL(sql)
        preparedCount += 1
        let name = "workshop_\(preparedCount)"
        // Types left to the server, which infers each from where it stands. Where nothing says
        // (`? IS NULL`), the arguments of this first call say: integer, real, or text.
        roundTrips += 1
        var result = PQprepare(handle, name, translated.text, 0, nil)
        if PQresultStatus(result) == PGRES_FATAL_ERROR, Connection.sqlState(result) == "42P18",
           PQtransactionStatus(handle) != PQTRANS_INERROR {
            PQclear(result)
            roundTrips += 1
            let types = (0..<translated.parameterCount).map { index in
                index < arguments.count ? Parameters.type(of: arguments[index]) : ResultColumns.textType
            }
            result = PQprepare(handle, name, translated.text, Int32(types.count), types)
        }
        defer { PQclear(result) }
        try check(result, sql: sql)
        let statement = PreparedStatement(name: name, parameterCount: translated.parameterCount)
        statements[sql] = statement
        return statement
    }

    static func sqlState(_ result: OpaquePointer?) -> String? {
        PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
    }

    /// Throws the server's error when `result` is not a success.
    func check(_ result: OpaquePointer?, sql: String) throws {
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return
        default:
            let error: PostgresError
            if let result, let state = Connection.sqlState(result) {
                let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M")))
                error = PostgresError(sqlState: state, message: Connection.trimmed(primary ?? PQresultErrorMessage(result)), sql: sql)
            } else {
                // No answer from the server: the connection is gone.
                error = PostgresError(sqlState: "08006", message: Connection.trimmed(PQerrorMessage(handle)), sql: sql)
            }
            if transactionDepth > 0 && failureInTransaction == nil { failureInTransaction = error }
            throw error
        }
    }
}

/// Arguments as libpq takes them: NUL-terminated text in one buffer (or a null pointer for NULL).
struct Parameters {
    private var buffer: [CChar] = []
    private var offsets: [Int?] = []

    init(_ arguments: [SQLValue]) {
        offsets.reserveCapacity(arguments.count)
        for argument in arguments {
            let text: String
            switch argument {
            case .null: offsets.append(nil); continue
            case .integer(let value): text = String(value)
            case .real(let value): text = Parameters.text(of: value)
            case .text(let value): text = value
            }
            offsets.append(buffer.count)
            buffer.append(contentsOf: text.utf8.map { CChar(bitPattern: $0) })
            buffer.append(0)
        }
    }

    /// The shortest text that reads back as the same double; PostgreSQL's spelling of the infinities.
    static func text(of value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return "\(value)"
    }

    static func type(of value: SQLValue) -> Oid {
        switch value {
        case .integer: return ResultColumns.int8Type
        case .real: return ResultColumns.float8Type
        case .text, .null: return ResultColumns.textType
        }
    }

    func withValues<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        buffer.withUnsafeBufferPointer { bytes in
            let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in offset.map { bytes.baseAddress! + $0 } }
            return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
        }
    }
}
