import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

/// One row of a result, read where libpq holds it (text format): no copy of the row is made, and
/// integers are parsed from the bytes, not through a String. Valid only inside the closure it is
/// given to. Three words: fits an existential's inline buffer (SQLConnection's comment).
public struct Row: SQLRow {
    let result: OpaquePointer
    let row: Int32
    let columns: ResultColumns

    // MARK: By name

    public func isNull(_ name: String) -> Bool { isNull(columns.position(of: name)) }
    public func int(_ name: String) -> Int { int(columns.position(of: name)) }
    public func optionalInt(_ name: String) -> Int? { optionalInt(columns.position(of: name)) }
    public func bool(_ name: String) -> Bool { bool(columns.position(of: name)) }
    /// The column as text; NULL reads as the empty string.
    public func string(_ name: String) -> String { string(columns.position(of: name)) }
    public func optionalString(_ name: String) -> String? { optionalString(columns.position(of: name)) }
    public func value(_ name: String) -> SQLValue { value(columns.position(of: name)) }

    public var columnNames: [String] { columns.names }

    // MARK: By position

    public func isNull(_ column: Int32) -> Bool { PQgetisnull(result, row, column) == 1 }

    /// The column as an integer, as SQLite reads one: the leading integer of its text (a boolean
    /// is 1 or 0), 0 for NULL or for text that starts with none.
    public func int(_ column: Int32) -> Int {
        guard let bytes = PQgetvalue(result, row, column) else { return 0 }
        if columns.types[Int(column)] == ResultColumns.boolType { return bytes.pointee == UInt8(ascii: "t") ? 1 : 0 }
        return Row.leadingInteger(bytes, count: Int(PQgetlength(result, row, column)))
    }

    public func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

    public func bool(_ column: Int32) -> Bool { int(column) != 0 }

    /// The column as text; NULL reads as the empty string.
    public func string(_ column: Int32) -> String { optionalString(column) ?? "" }

    public func optionalString(_ column: Int32) -> String? {
        guard !isNull(column), let bytes = PQgetvalue(result, row, column) else { return nil }
        let count = Int(PQgetlength(result, row, column))
        return bytes.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    public var columnCount: Int32 { Int32(columns.names.count) }

    /// The column's bytes in text format, where libpq holds them (empty for NULL): what SQLite's
    /// `Row.withUnsafeBytes` gives for text, and an integer's decimal digits, as SQLite's.
    public func withUnsafeBytes<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        guard !isNull(column), let bytes = PQgetvalue(result, row, column) else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: bytes, count: Int(PQgetlength(result, row, column))))
    }

    /// Integers (int2, int4, int8, and booleans as 1/0) as `.integer`, floating point as `.real`,
    /// everything else as its text.
    public func value(_ column: Int32) -> SQLValue {
        if isNull(column) { return .null }
        switch columns.types[Int(column)] {
        case ResultColumns.int8Type, ResultColumns.int4Type, ResultColumns.int2Type, ResultColumns.boolType:
            return .integer(Int64(int(column)))
        case ResultColumns.float8Type, ResultColumns.float4Type:
            return .real(PQgetvalue(result, row, column).map { strtod($0, nil) } ?? 0)
        default:
            return .text(string(column))
        }
    }

    /// An optional sign and the digits after it; stops at the first other byte. Saturates rather
    /// than trapping on a number beyond 64 bits (a numeric column).
    static func leadingInteger(_ bytes: UnsafePointer<CChar>, count: Int) -> Int {
        var index = 0
        var negative = false
        if count > 0 && (bytes[0] == CChar(UInt8(ascii: "-")) || bytes[0] == CChar(UInt8(ascii: "+"))) {
            negative = bytes[0] == CChar(UInt8(ascii: "-"))
            index = 1
        }
        // Accumulated as a negative number: Int.min has no positive twin.
        var value = 0
        while index < count {
            let digit = Int(UInt8(bitPattern: bytes[index])) - Int(UInt8(ascii: "0"))
            guard digit >= 0 && digit <= 9 else { break }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times.subtractingReportingOverflow(digit)
            if overflow1 || overflow2 { return negative ? Int.min : Int.max }
            value = next
            index += 1
        }
        if negative { return value }
        return value == Int.min ? Int.max : -value
    }
}

/// A prepared statement's result columns: names, types, and each name's position, read from the
/// first result and kept with the statement, so reading by name costs one comparison when it is
/// the column after the last one read, else one dictionary lookup.
final class ResultColumns {
    static let boolType: Oid = 16, int8Type: Oid = 20, int2Type: Oid = 21, int4Type: Oid = 23
    static let float4Type: Oid = 700, float8Type: Oid = 701, textType: Oid = 25

    let names: [String]
    let types: [Oid]
    let sql: String
    private let positions: [String: Int32?]
    /// Whether the name at each position is the only one of its kind.
    private let unique: [Bool]
    /// Where the next read is likely to be: mappers mostly read columns in the query's order.
    private var guess = 0

    init(result: OpaquePointer, sql: String) {
        let count = PQnfields(result)
        names = (0..<count).map { String(cString: PQfname(result, $0)) }
        types = (0..<count).map { PQftype(result, $0) }
        var positions: [String: Int32?] = [:]
        for (index, name) in names.enumerated() {
            positions[name] = positions[name] == nil ? Int32(index) : .some(nil)
        }
        self.positions = positions
        self.unique = names.map { positions[$0] != .some(nil) }
        self.sql = sql
    }

    /// Whether a result has the columns these were read from (a statement whose table changed
    /// shape under it is prepared again, but a cached map must never be trusted blindly).
    func matches(_ result: OpaquePointer) -> Bool {
        guard Int(PQnfields(result)) == names.count else { return false }
        for index in 0..<names.count where PQftype(result, Int32(index)) != types[index] { return false }
        return true
    }

    /// The position of `name`. A name the query does not select is a mistake in the program's own
    /// SQL: it stops with the name and the SQL, as an index out of range would.
    func position(of name: String) -> Int32 {
        if guess < names.count, unique[guess], names[guess] == name {
            let position = guess
            guess = (position + 1) % names.count
            return Int32(position)
        }
        switch positions[name] {
        case .some(.some(let position)):
            guess = (Int(position) + 1) % names.count
            return position
        case .some(.none): preconditionFailure("column \(name) appears twice in: \(sql) (give one an alias with AS)")
        case .none: preconditionFailure("no column \(name) in: \(sql)")
        }
    }
}
