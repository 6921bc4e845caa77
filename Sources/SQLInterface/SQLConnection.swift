/// One connection to a database, as the store uses it: statements with `?` / `?NNN` placeholders
/// (SQLite's style; adapters for other servers translate them), rows read by name, and a
/// transaction that is all or nothing. Not thread-safe: one connection per thread.
///
/// Why an associated `Row` type rather than `any SQLRow` in the signatures: each adapter keeps its
/// own concrete methods as the witnesses, so code holding a concrete connection (the store on
/// SQLite today) calls them directly, statically dispatched, exactly as before the protocol
/// existed; generic code (`C: SQLConnection`) is handed the concrete row. Code holding
/// `any SQLConnection` still works: Swift opens the existential and hands the closures an
/// `any SQLRow`. Both adapters' rows are at most three words, which fit an existential's inline
/// buffer, so even then no row is allocated. `any SQLRow` in the protocol itself would box every
/// row for every caller, and would need a second set of methods on SQLite.Database whose closures
/// are ambiguous with the first.
///
/// No requirement has a default argument (protocols cannot), and there are deliberately no
/// convenience overloads such as `run(_ sql:)` in an extension: Swift prefers such an overload
/// over a concrete method with a defaulted argument, which would route every existing
/// `db.run("…")` through the protocol. Generic code passes `[]`.
public protocol SQLConnection: AnyObject {
    associatedtype Row: SQLRow

    /// Runs one or more statements that take no arguments and return no rows.
    func execute(_ sql: String) throws
    /// Runs a statement that returns no rows.
    func run(_ sql: String, _ arguments: [SQLValue]) throws
    /// Calls `body` for every row the query returns.
    func forEach(_ sql: String, _ arguments: [SQLValue], _ body: (Row) throws -> Void) throws
    /// Maps every row the query returns.
    func rows<T>(_ sql: String, _ arguments: [SQLValue], _ map: (Row) throws -> T) throws -> [T]
    /// Maps the first row, if any.
    func first<T>(_ sql: String, _ arguments: [SQLValue], _ map: (Row) throws -> T) throws -> T?
    /// The first column of the first row as an integer, or nil when there is no row or it is NULL.
    func scalar(_ sql: String, _ arguments: [SQLValue]) throws -> Int?
    /// Rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { get }
    var isInTransaction: Bool { get }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// Nested calls join the outer transaction. `immediate` says the body writes: SQLite takes the
    /// write lock at the start; a server that detects conflicts instead (PostgreSQL, serialisable)
    /// may run the body more than once, so the body must be re-runnable: no effect outside the
    /// database that a second run would repeat, no state it does not reset first.
    func transaction<T>(immediate: Bool, _ body: () throws -> T) throws -> T
}
