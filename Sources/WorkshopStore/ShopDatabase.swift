import Postgres
import SQLInterface
import SQLite

/// The shop's database as the store uses it, on either engine: a SQLite file (the default, in
/// the same process) or a PostgreSQL server (several desks and shops on one record).
///
/// One concrete class rather than `any SQLConnection`: the store's row mappers are written once
/// against `ShopRow`, and a call costs one `switch`, not an existential's dispatch and boxing.
/// What only one engine has (SQLite's checkpoints, backup, pre-update hook) is reached through
/// `sqlite` / `postgres`, in the one place that needs it.
final class ShopDatabase {
    enum Engine {
        case sqlite(SQLite.Database)
        case postgres(Postgres.Connection)
    }

    let engine: Engine

    init(_ database: SQLite.Database) { engine = .sqlite(database) }
    init(_ connection: Postgres.Connection) { engine = .postgres(connection) }

    /// The SQLite connection, when the shop is a file.
    var sqlite: SQLite.Database? {
        if case .sqlite(let database) = engine { return database }
        return nil
    }

    /// The server connection, when the shop is on PostgreSQL.
    var postgres: Postgres.Connection? {
        if case .postgres(let connection) = engine { return connection }
        return nil
    }

    var isPostgres: Bool { postgres != nil }

    /// The statement text for this engine: the SQLite text, or its PostgreSQL variant when the
    /// two must differ (kept side by side in one `PortableSQL` value, never in scattered `if`s).
    func text(_ sql: PortableSQL) -> String {
        portableObserver?(sql)
        return isPostgres ? sql.postgres : sql.sqlite
    }

    /// Tests only: told of every `PortableSQL` this connection picks a text of, so that a test that
    /// watches the statements SQLite runs knows what PostgreSQL would run in their place.
    var portableObserver: ((PortableSQL) -> Void)?

    func execute(_ sql: String) throws {
        switch engine {
        case .sqlite(let db): try db.execute(sql)
        case .postgres(let db): try db.execute(sql)
        }
    }

    func run(_ sql: String, _ arguments: [SQLValue] = []) throws {
        switch engine {
        case .sqlite(let db): try db.run(sql, arguments)
        case .postgres(let db): try db.run(sql, arguments)
        }
    }

    func forEach(_ sql: String, _ arguments: [SQLValue] = [], _ body: (ShopRow) throws -> Void) throws {
        switch engine {
        case .sqlite(let db): try db.forEach(sql, arguments) { try body(.sqlite($0)) }
        case .postgres(let db): try db.forEach(sql, arguments) { try body(.postgres($0)) }
        }
    }

    func rows<T>(_ sql: String, _ arguments: [SQLValue] = [], _ map: (ShopRow) throws -> T) throws -> [T] {
        switch engine {
        case .sqlite(let db): return try db.rows(sql, arguments) { try map(.sqlite($0)) }
        case .postgres(let db): return try db.rows(sql, arguments) { try map(.postgres($0)) }
        }
    }

    func first<T>(_ sql: String, _ arguments: [SQLValue] = [], _ map: (ShopRow) throws -> T) throws -> T? {
        switch engine {
        case .sqlite(let db): return try db.first(sql, arguments) { try map(.sqlite($0)) }
        case .postgres(let db): return try db.first(sql, arguments) { try map(.postgres($0)) }
        }
    }

    func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int? {
        switch engine {
        case .sqlite(let db): return try db.scalar(sql, arguments)
        case .postgres(let db): return try db.scalar(sql, arguments)
        }
    }

    /// Runs the statements in turn, `body` told each row each returns with the statement's index;
    /// returns the rows each INSERT, UPDATE or DELETE changed. On a server, one round trip for all (pipeline mode,
    /// Postgres.Connection.runEach); on SQLite, one after the other, as a loop of calls would.
    @discardableResult
    func runEach(_ statements: [(sql: String, arguments: [SQLValue])], _ body: (Int, ShopRow) throws -> Void = { _, _ in }) throws -> [Int] {
        switch engine {
        case .sqlite(let db):
            var changed: [Int] = []
            changed.reserveCapacity(statements.count)
            for (index, statement) in statements.enumerated() {
                try db.forEach(statement.sql, statement.arguments) { try body(index, .sqlite($0)) }
                changed.append(db.changes)
            }
            return changed
        case .postgres(let db):
            return try db.runEach(statements) { try body($0, .postgres($1)) }
        }
    }

    /// Statements the transaction will run, whose answers nothing it does before changes: on a
    /// server, run now, all in one round trip, and answered from there when the body runs them
    /// with the same arguments (Postgres.Connection.sendAhead); on SQLite, nothing: they run when
    /// called.
    func sendAhead(_ statements: @autoclosure () -> [(sql: String, arguments: [SQLValue])]) throws {
        try postgres?.sendAhead(statements())
    }

    /// Runs a statement whose answer nobody reads as the transaction's last: on a server, in the
    /// round trip of the COMMIT (Postgres.Connection.runBeforeCommit); on SQLite, now.
    func runBeforeCommit(_ sql: String, _ arguments: [SQLValue] = []) throws {
        switch engine {
        case .sqlite(let db): try db.run(sql, arguments)
        case .postgres(let db): try db.runBeforeCommit(sql, arguments)
        }
    }

    /// Runs an INSERT … VALUES whose answer nobody reads (a journal entry): on a server, held back
    /// and sent with the COMMIT, in its round trip, unless a later statement names its table first
    /// (Postgres.Connection.runQueued); on SQLite, now.
    func runQueued(_ sql: String, _ arguments: [SQLValue] = []) throws {
        switch engine {
        case .sqlite(let db): try db.run(sql, arguments)
        case .postgres(let db): try db.runQueued(sql, arguments)
        }
    }

    /// `runQueued` for an INSERT … VALUES into a sealed table, whose answer nobody reads: its seal
    /// trigger notes the row in the connection's touched list, so reading the list (at the end of
    /// the write) sends it first (PostgresTouchedRows).
    func runQueuedSealed(_ sql: String, _ arguments: [SQLValue] = []) throws {
        switch engine {
        case .sqlite(let db): try db.run(sql, arguments)
        case .postgres(let db): try db.runQueued(sql, arguments, triggersWrite: [PostgresTouchedRows.listName])
        }
    }

    /// Rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int {
        switch engine {
        case .sqlite(let db): return db.changes
        case .postgres(let db): return db.changes
        }
    }

    var isInTransaction: Bool {
        switch engine {
        case .sqlite(let db): return db.isInTransaction
        case .postgres(let db): return db.isInTransaction
        }
    }

    /// One transaction, all or nothing. On PostgreSQL the body may run again after a
    /// serialisation failure (see `Postgres.Connection.transaction`), so it must be re-runnable.
    ///
    /// `prefetching`: statements without arguments the body runs first, in this order. On a server
    /// they travel with the BEGIN, in its round trip, and the body's calls of them are answered
    /// from there (Postgres.Connection.transaction(prefetching:)); SQLite, in the same process,
    /// has no round trip to save and runs them as the body calls them.
    func transaction<T>(immediate: Bool, prefetching: [String] = [], _ body: () throws -> T) throws -> T {
        switch engine {
        case .sqlite(let db): return try db.transaction(immediate: immediate, body)
        case .postgres(let db): return try db.transaction(immediate: immediate, prefetching: prefetching, body)
        }
    }

    /// Calls `body` for every row of a query as long as the shop's history (verify's walks, migrate's
    /// checks, export): on a server a page at a time, through a cursor, in bounded memory
    /// (Postgres.Connection.walk; inside a transaction); on SQLite as `forEach`, which steps row by row.
    func walk(_ sql: String, _ arguments: [SQLValue] = [], _ body: (ShopRow) throws -> Void) throws {
        switch engine {
        case .sqlite(let db): try db.forEach(sql, arguments) { try body(.sqlite($0)) }
        case .postgres(let db): try db.walk(sql, arguments) { try body(.postgres($0)) }
        }
    }

    /// The query's rows pulled one at a time, beside another query's (verify's merge walks); on a
    /// server a page at a time, through a cursor (inside a transaction).
    func withCursor<T>(_ sql: String, _ arguments: [SQLValue] = [], _ body: (ShopCursor) throws -> T) throws -> T {
        switch engine {
        case .sqlite(let db): return try db.withCursor(sql, arguments) { try body(.sqlite($0)) }
        case .postgres(let db): return try db.withCursor(sql, arguments) { try body(.postgres($0)) }
        }
    }

    /// A second connection to the same shop, for reading afresh what others have committed since
    /// this connection's snapshot began (verify's look at the chain's end).
    func freshReader() throws -> ShopDatabase {
        switch engine {
        case .sqlite(let db):
            let fresh = try SQLite.Database(path: db.path, readOnly: true, immutable: DatabaseOpening.decide(db.path).immutable)
            fresh.setBusyTimeout(milliseconds: 5_000)
            return ShopDatabase(fresh)
        case .postgres(let db):
            return ShopDatabase(try Postgres.Connection(uri: db.uri))
        }
    }

    /// Where the shop is, for messages and the anchor file's name: the file's path, or the
    /// server's connection URI.
    var location: String {
        switch engine {
        case .sqlite(let db): return db.path
        case .postgres(let db): return db.uri
        }
    }
}

/// A query's rows pulled one at a time (`ShopDatabase.withCursor`).
enum ShopCursor {
    case sqlite(SQLite.Cursor)
    case postgres(Postgres.Cursor)

    /// The next row, valid until the next call; nil past the last.
    func next() throws -> ShopRow? {
        switch self {
        case .sqlite(let cursor): return try cursor.next().map(ShopRow.sqlite)
        case .postgres(let cursor): return try cursor.next().map(ShopRow.postgres)
        }
    }
}

/// A statement whose text differs between the engines: both texts in one place.
struct PortableSQL: Sendable {
    let sqlite: String
    let postgres: String
}

/// One row of a query's result on either engine; valid only inside the closure it is given to.
enum ShopRow: SQLRow {
    case sqlite(SQLite.Row)
    case postgres(Postgres.Row)

    func isNull(_ name: String) -> Bool {
        switch self { case .sqlite(let r): return r.isNull(name); case .postgres(let r): return r.isNull(name) }
    }
    func int(_ name: String) -> Int {
        switch self { case .sqlite(let r): return r.int(name); case .postgres(let r): return r.int(name) }
    }
    func optionalInt(_ name: String) -> Int? {
        switch self { case .sqlite(let r): return r.optionalInt(name); case .postgres(let r): return r.optionalInt(name) }
    }
    func bool(_ name: String) -> Bool {
        switch self { case .sqlite(let r): return r.bool(name); case .postgres(let r): return r.bool(name) }
    }
    func string(_ name: String) -> String {
        switch self { case .sqlite(let r): return r.string(name); case .postgres(let r): return r.string(name) }
    }
    func optionalString(_ name: String) -> String? {
        switch self { case .sqlite(let r): return r.optionalString(name); case .postgres(let r): return r.optionalString(name) }
    }
    func value(_ name: String) -> SQLValue {
        switch self { case .sqlite(let r): return r.value(name); case .postgres(let r): return r.value(name) }
    }
    var columnNames: [String] {
        switch self { case .sqlite(let r): return r.columnNames; case .postgres(let r): return r.columnNames }
    }
    func isNull(_ column: Int32) -> Bool {
        switch self { case .sqlite(let r): return r.isNull(column); case .postgres(let r): return r.isNull(column) }
    }
    func int(_ column: Int32) -> Int {
        switch self { case .sqlite(let r): return r.int(column); case .postgres(let r): return r.int(column) }
    }
    func optionalInt(_ column: Int32) -> Int? {
        switch self { case .sqlite(let r): return r.optionalInt(column); case .postgres(let r): return r.optionalInt(column) }
    }
    func bool(_ column: Int32) -> Bool {
        switch self { case .sqlite(let r): return r.bool(column); case .postgres(let r): return r.bool(column) }
    }
    func string(_ column: Int32) -> String {
        switch self { case .sqlite(let r): return r.string(column); case .postgres(let r): return r.string(column) }
    }
    func optionalString(_ column: Int32) -> String? {
        switch self { case .sqlite(let r): return r.optionalString(column); case .postgres(let r): return r.optionalString(column) }
    }
    func value(_ column: Int32) -> SQLValue {
        switch self { case .sqlite(let r): return r.value(column); case .postgres(let r): return r.value(column) }
    }
    var columnCount: Int32 {
        switch self { case .sqlite(let r): return r.columnCount; case .postgres(let r): return r.columnCount }
    }
}

extension ShopRow {
    /// Appends the column's value in canonical form (CanonicalBytes): the journal's hashes and the
    /// row seals are computed over it, the same bytes on either engine.
    func appendCanonical(_ column: Int32, to buffer: inout [UInt8]) {
        switch self {
        case .sqlite(let r): r.appendCanonical(column, to: &buffer)
        case .postgres(let r): CanonicalBytes.append(r.value(column), to: &buffer)
        }
    }

    func appendCanonical(_ name: String, to buffer: inout [UInt8]) {
        switch self {
        case .sqlite(let r): r.appendCanonical(name, to: &buffer)
        case .postgres(let r): CanonicalBytes.append(r.value(name), to: &buffer)
        }
    }

    /// The column's bytes as text (a number as its decimal text), without making a String.
    func withUnsafeBytes<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        switch self {
        case .sqlite(let r): return try r.withUnsafeBytes(column, body)
        case .postgres(let r): return try r.withUnsafeBytes(column, body)
        }
    }
}
