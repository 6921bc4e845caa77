import CSQLite3

/// The current row of a statement being stepped. Valid only inside the closure it is given to.
///
/// Read columns by name — `row.int("id")`, `row.optionalString("vin")` — so a mapper says what it
/// reads and cannot drift when a query's column list changes. The name is resolved through the
/// statement's own map (one dictionary lookup). Reading by position remains for code that walks
/// every column of a row without knowing its names in advance (tests' fingerprints).
public struct Row: SQLRow {
    let handle: OpaquePointer
    let columns: ColumnNames

    // MARK: By name

    public func isNull(_ name: String) -> Bool { isNull(columns.position(of: name)) }
    public func int(_ name: String) -> Int { int(columns.position(of: name)) }
    public func optionalInt(_ name: String) -> Int? { optionalInt(columns.position(of: name)) }
    public func bool(_ name: String) -> Bool { bool(columns.position(of: name)) }
    /// The column as text; NULL reads as the empty string.
    public func string(_ name: String) -> String { string(columns.position(of: name)) }
    public func optionalString(_ name: String) -> String? { optionalString(columns.position(of: name)) }
    public func value(_ name: String) -> SQLValue { value(columns.position(of: name)) }

    /// The names of the result columns, in order.
    public var columnNames: [String] { columns.names }

    // MARK: By position

    public func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    public func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    public func optionalInt(_ column: Int32) -> Int? {
        isNull(column) ? nil : int(column)
    }

    public func bool(_ column: Int32) -> Bool { int(column) != 0 }

    /// The column as text; NULL reads as the empty string.
    public func string(_ column: Int32) -> String {
        optionalString(column) ?? ""
    }

    public func optionalString(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func columnName(_ column: Int32) -> String { columns.names[Int(column)] }

    public func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_NULL: return .null
        default: return .text(string(column))
        }
    }
}
