import CSQLite3

/// Values written as bytes that say exactly what they are: the form the journal's hashes and the
/// row seals are computed over. One tag byte for the storage class, then
///
///     NULL     0x00
///     INTEGER  0x01, 8 bytes big-endian two's complement
///     REAL     0x02, 8 bytes big-endian IEEE 754
///     TEXT     0x03, 4-byte big-endian length, the UTF-8 bytes
///     BLOB     0x04, 4-byte big-endian length, the bytes
///
/// so that no two different sequences of values give the same bytes, and the text `12` never
/// reads as the integer 12. Frozen: a stored hash depends on it; never change it.
public enum CanonicalBytes {
    public static func append(_ value: SQLValue, to buffer: inout [UInt8]) {
        switch value {
        case .null: buffer.append(0)
        case .integer(let int): appendInteger(int, to: &buffer)
        case .real(let double): appendReal(double, to: &buffer)
        case .text(let text):
            var text = text
            text.withUTF8 { appendBytes(tag: 3, UnsafeRawBufferPointer($0), to: &buffer) }
        }
    }

    /// UTF-8 bytes as a text value.
    public static func appendText(_ bytes: [UInt8], to buffer: inout [UInt8]) {
        bytes.withUnsafeBytes { appendBytes(tag: 3, $0, to: &buffer) }
    }

    /// A blob (a digest, say) as a value.
    public static func appendBlob(_ bytes: [UInt8], to buffer: inout [UInt8]) {
        bytes.withUnsafeBytes { appendBytes(tag: 4, $0, to: &buffer) }
    }

    static func appendInteger(_ value: Int64, to buffer: inout [UInt8]) {
        buffer.append(1)
        appendBigEndian(UInt64(bitPattern: value), to: &buffer)
    }

    static func appendReal(_ value: Double, to buffer: inout [UInt8]) {
        buffer.append(2)
        appendBigEndian(value.bitPattern, to: &buffer)
    }

    static func appendBytes(tag: UInt8, _ bytes: UnsafeRawBufferPointer, to buffer: inout [UInt8]) {
        buffer.append(tag)
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: bytes.count).bigEndian) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: bytes)
    }

    static func appendBigEndian(_ value: UInt64, to buffer: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { buffer.append(contentsOf: $0) }
    }

    /// One value SQLite hands to a function or a hook (a protected `sqlite3_value`).
    static func append(value: OpaquePointer, to buffer: inout [UInt8]) {
        switch sqlite3_value_type(value) {
        case SQLITE_NULL: buffer.append(0)
        case SQLITE_INTEGER: appendInteger(sqlite3_value_int64(value), to: &buffer)
        case SQLITE_FLOAT: appendReal(sqlite3_value_double(value), to: &buffer)
        case SQLITE_TEXT:
            let text = sqlite3_value_text(value)
            appendBytes(tag: 3, UnsafeRawBufferPointer(start: text, count: Int(sqlite3_value_bytes(value))), to: &buffer)
        default:
            let blob = sqlite3_value_blob(value)
            appendBytes(tag: 4, UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_value_bytes(value))), to: &buffer)
        }
    }
}

extension Row {
    /// Appends the column's value in canonical form, read straight from SQLite's memory.
    public func appendCanonical(_ column: Int32, to buffer: inout [UInt8]) {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: buffer.append(0)
        case SQLITE_INTEGER: CanonicalBytes.appendInteger(sqlite3_column_int64(handle, column), to: &buffer)
        case SQLITE_FLOAT: CanonicalBytes.appendReal(sqlite3_column_double(handle, column), to: &buffer)
        case SQLITE_TEXT:
            let text = sqlite3_column_text(handle, column)
            CanonicalBytes.appendBytes(tag: 3, UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))),
                                       to: &buffer)
        default:
            let blob = sqlite3_column_blob(handle, column)
            CanonicalBytes.appendBytes(tag: 4, UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(handle, column))),
                                       to: &buffer)
        }
    }

    public func appendCanonical(_ name: String, to buffer: inout [UInt8]) {
        appendCanonical(columns.position(of: name), to: &buffer)
    }

    /// The column's bytes as SQLite holds them (text as UTF-8, a number as its text), without
    /// making a String: for hashing. Empty for NULL.
    public func withUnsafeBytes<T>(_ name: String, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try withUnsafeBytes(columns.position(of: name), body)
    }

    public func withUnsafeBytes<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        if sqlite3_column_type(handle, column) == SQLITE_BLOB {
            let blob = sqlite3_column_blob(handle, column)
            return try body(UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(handle, column))))
        }
        let text = sqlite3_column_text(handle, column)
        return try body(UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))))
    }
}
