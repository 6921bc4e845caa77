import CSQLite3
import Glibc

/// One row of the main database about to change, as SQLite's pre-update hook reports it. Valid only
/// during the call it is given to: read what is needed there.
public struct RowChange {
    public enum Operation: Sendable { case insert, update, delete }

    public let operation: Operation
    public let table: String
    /// The row's rowid before and after the change (rowid tables; for a WITHOUT ROWID table read
    /// the key's columns instead).
    public let oldRowID: Int64
    public let newRowID: Int64
    let db: OpaquePointer

    /// The number of columns of the table.
    public var columnCount: Int { Int(sqlite3_preupdate_count(db)) }

    /// Whether a column was NULL before the change.
    public func isOldNull(_ column: Int) -> Bool {
        var value: OpaquePointer?
        guard sqlite3_preupdate_old(db, Int32(column), &value) == SQLITE_OK, let value else { return true }
        return sqlite3_value_type(value) == SQLITE_NULL
    }

    /// A column's value before the change (update, delete), in canonical form.
    public func appendOld(_ column: Int, to buffer: inout [UInt8]) {
        var value: OpaquePointer?
        if sqlite3_preupdate_old(db, Int32(column), &value) == SQLITE_OK, let value {
            CanonicalBytes.append(value: value, to: &buffer)
        } else {
            buffer.append(0)
        }
    }

    /// A column's value after the change (insert, update), in canonical form.
    public func appendNew(_ column: Int, to buffer: inout [UInt8]) {
        var value: OpaquePointer?
        if sqlite3_preupdate_new(db, Int32(column), &value) == SQLITE_OK, let value {
            CanonicalBytes.append(value: value, to: &buffer)
        } else {
            buffer.append(0)
        }
    }

    public func oldValue(_ column: Int) -> SQLValue { value(old: true, column) }
    public func newValue(_ column: Int) -> SQLValue { value(old: false, column) }

    private func value(old: Bool, _ column: Int) -> SQLValue {
        var value: OpaquePointer?
        let rc = old ? sqlite3_preupdate_old(db, Int32(column), &value) : sqlite3_preupdate_new(db, Int32(column), &value)
        guard rc == SQLITE_OK, let value else { return .null }
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: return .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: return .real(sqlite3_value_double(value))
        case SQLITE_NULL: return .null
        default:
            let text = sqlite3_value_text(value)
            return .text(String(decoding: UnsafeRawBufferPointer(start: text, count: Int(sqlite3_value_bytes(value))), as: UTF8.self))
        }
    }
}

/// Watches every row this connection is about to change in the main database, through SQLite's
/// pre-update hook, until released. Changes made by other connections are not seen.
public final class RowChangeWatch {
    private final class Box {
        let handler: (RowChange) -> Void
        init(_ handler: @escaping (RowChange) -> Void) { self.handler = handler }
    }

    private let database: Database
    private let box: Unmanaged<Box>

    public init(_ database: Database, _ handler: @escaping (RowChange) -> Void) {
        self.database = database
        box = Unmanaged.passRetained(Box(handler))
        _ = sqlite3_preupdate_hook(database.handle, { context, db, operation, schema, table, oldRowID, newRowID in
            guard let context, let db, let schema, let table, strcmp(schema, "main") == 0 else { return }
            let kind: RowChange.Operation
            switch operation {
            case SQLITE_INSERT: kind = .insert
            case SQLITE_DELETE: kind = .delete
            default: kind = .update
            }
            let change = RowChange(operation: kind, table: String(cString: table), oldRowID: oldRowID, newRowID: newRowID, db: db)
            Unmanaged<Box>.fromOpaque(context).takeUnretainedValue().handler(change)
        }, box.toOpaque())
    }

    deinit {
        _ = sqlite3_preupdate_hook(database.handle, nil, nil)
        box.release()
    }
}
