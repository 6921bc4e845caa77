import CSQLite3

/// A prepared statement. Finalized when released; the database caches the ones it prepares.
public final class Statement {
    let handle: OpaquePointer
    let sql: String
    unowned let database: Database
    /// The result columns by name, read once when the statement is prepared (and again if SQLite
    /// re-prepared it after a schema change gave `SELECT *` other columns).
    private var columns: ColumnNames

    init(database: Database, sql: String) throws {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw SQLiteError(code: rc, message: database.lastErrorMessage, sql: sql)
        }
        self.handle = stmt
        self.sql = sql
        self.database = database
        self.columns = ColumnNames(statement: stmt, sql: sql)
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ arguments: [SQLValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard arguments.count == Int(sqlite3_bind_parameter_count(handle)) else {
            throw SQLiteError(code: SQLITE_RANGE,
                              message: "expected \(sqlite3_bind_parameter_count(handle)) arguments, got \(arguments.count)",
                              sql: sql)
        }
        for (offset, value) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, index)
            case .integer(let int): rc = sqlite3_bind_int64(handle, index, int)
            case .real(let double): rc = sqlite3_bind_double(handle, index, double)
            case .text(let text):
                rc = text.utf8CString.withUnsafeBufferPointer {
                    csqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count - 1))
                }
            }
            guard rc == SQLITE_OK else {
                throw SQLiteError(code: rc, message: database.lastErrorMessage, sql: sql)
            }
        }
    }

    /// Steps once: true when a row is available.
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(code: sqlite3_extended_errcode(database.handle),
                                    message: database.lastErrorMessage, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    func reset() { sqlite3_reset(handle) }

    /// The current row, to read while the statement stands on it.
    var row: Row {
        if columns.names.count != Int(sqlite3_column_count(handle)) {
            columns = ColumnNames(statement: handle, sql: sql)
        }
        return Row(handle: handle, columns: columns)
    }
}


/// A query's rows pulled one at a time (`Database.withCursor`).
public struct Cursor {
    let statement: Statement

    /// The next row, valid until the next call; nil past the last.
    public func next() throws -> Row? {
        try statement.step() ? statement.row : nil
    }
}
