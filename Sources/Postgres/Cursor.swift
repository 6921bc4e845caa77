import CLibPQ

/// Reading a long answer a page at a time, in bounded memory. libpq keeps a statement's answer
/// whole, and single-row mode allows one query in flight per connection, while verify walks two
/// sorted queries side by side (the journal beside its seals, a table beside its seals) and runs
/// other statements as it goes. A server-side cursor (`DECLARE … NO SCROLL CURSOR`, then
/// `FETCH FORWARD n`) allows both: each open cursor is a name on the server, read a page at a
/// time, and the connection stays free for other statements between pages. A cursor lives in
/// the transaction that declares it, on that transaction's snapshot: it needs one.
extension Connection {
    /// Rows per FETCH: a few thousand, so a page costs one round trip per thousands of rows (~0.15 ms
    /// against the seconds a walk takes) and a few megabytes at most.
    public static let cursorPageSize = 5_000

    /// Runs `body` with the query's rows to pull one at a time (`Cursor.next`), beside another
    /// query's, as SQLite.Database.withCursor: for walking two sorted queries side by side. The rows
    /// come from a server-side cursor, `pageSize` at a time: only one page is held. Inside a
    /// transaction only (the cursor ends with it); outside one, it throws 25P01.
    public func withCursor<T>(_ sql: String, _ arguments: [SQLValue] = [], pageSize: Int = Connection.cursorPageSize,
                              _ body: (Cursor) throws -> T) throws -> T {
        guard isInTransaction else {
            throw PostgresError(sqlState: "25P01", message: "a cursor reads inside a transaction: there is none", sql: sql)
        }
        // Named by how many are open: a walk's statements keep the same text, prepared once.
        let name = "workshop_cursor_\(openCursors + 1)"
        try declareCursor(name, sql, arguments)
        openCursors += 1
        let cursor = Cursor(connection: self, name: name, sql: sql, pageSize: max(1, pageSize))
        defer {
            cursor.release()
            openCursors -= 1
            // A failed transaction has dropped its cursors; its rollback comes next anyway.
            if PQtransactionStatus(handle) == PQTRANS_INTRANS {
                roundTrips += 1
                PQclear(PQexec(handle, "CLOSE \(name)"))
            }
        }
        return try body(cursor)
    }

    /// Calls `body` for every row the query returns, as `forEach`, a page at a time through a
    /// cursor (`withCursor`): for queries as long as the shop's history (verify, migrate's checks,
    /// export). Inside a transaction only.
    public func walk(_ sql: String, _ arguments: [SQLValue] = [], pageSize: Int = Connection.cursorPageSize,
                     _ body: (Row) throws -> Void) throws {
        try withCursor(sql, arguments, pageSize: pageSize) { cursor in
            while let row = try cursor.next() { try body(row) }
        }
    }

    /// The next page of the cursor `name`: a result to be cleared by the caller.
    func fetch(_ pageSize: Int, from name: String, sql: String) throws -> OpaquePointer {
        roundTrips += 1
        let fetch = "FETCH FORWARD \(pageSize) FROM \(name)"
        let result = PQexec(handle, fetch)
        do {
            try check(result, sql: sql)
        } catch {
            PQclear(result)
            throw error
        }
        guard let result else { throw PostgresError(sqlState: "08006", message: "no result", sql: fetch) }
        return result
    }
}

/// A query's rows pulled one at a time (`Connection.withCursor`), read from a server-side cursor
/// a page at a time: it holds one page, never the whole answer. A row is valid until the next call.
public final class Cursor {
    private unowned let connection: Connection
    let name: String
    let sql: String
    let pageSize: Int
    private var page: OpaquePointer?
    private var columns: ResultColumns?
    private var count: Int32 = 0
    private var position: Int32 = 0
    private var exhausted = false
    /// FETCHes sent so far (one per page, and one that finds the end when the last page was full).
    public private(set) var pagesFetched = 0
    /// The most rows this cursor has held at once: at most one page.
    public private(set) var mostRowsHeld = 0

    init(connection: Connection, name: String, sql: String, pageSize: Int) {
        self.connection = connection
        self.name = name
        self.sql = sql
        self.pageSize = pageSize
    }

    /// The next row, valid until the next call; nil past the last.
    public func next() throws -> Row? {
        if position == count {
            guard !exhausted else { return nil }
            try fetchPage()
            guard count > 0 else { return nil }
        }
        defer { position += 1 }
        return Row(result: page!, row: position, columns: columns!)
    }

    private func fetchPage() throws {
        release()
        let result = try connection.fetch(pageSize, from: name, sql: sql)
        page = result
        pagesFetched += 1
        count = PQntuples(result)
        position = 0
        mostRowsHeld = max(mostRowsHeld, Int(count))
        // A short page is the last: no FETCH to find the end.
        exhausted = Int(count) < pageSize
        if let known = columns, known.matches(result) { return }
        columns = ResultColumns(result: result, sql: sql)
    }

    /// Lets the page go (the cursor's closure has ended, or the next page replaces it).
    func release() {
        if let page { PQclear(page) }
        page = nil
        count = 0
        position = 0
    }

    deinit { release() }
}
