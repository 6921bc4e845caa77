import CSQLite3

/// The Swift side of an SQL function: its body, and the buffers it reuses from call to call (it
/// runs once for every row `verify` checks).
private final class BytesFunctionBox {
    let body: (_ input: [UInt8], _ output: inout [UInt8]) -> Void
    var input: [UInt8] = []
    var output: [UInt8] = []

    init(_ body: @escaping (_ input: [UInt8], _ output: inout [UInt8]) -> Void) {
        self.body = body
        input.reserveCapacity(1024)
        output.reserveCapacity(64)
    }
}

extension Database {
    /// Defines `name(…)` on this connection only: any number of arguments, written out in
    /// canonical form (CanonicalBytes) one after the other and handed to `body`, which writes the
    /// result's UTF-8 text into `output`. Deterministic, so SQLite may use it in indexes.
    public func defineTextFunction(overCanonicalBytes name: String,
                                   _ body: @escaping (_ input: [UInt8], _ output: inout [UInt8]) -> Void) throws {
        let box = Unmanaged.passRetained(BytesFunctionBox(body)).toOpaque()
        let rc = sqlite3_create_function_v2(
            handle, name, -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, box,
            { context, count, arguments in
                let box = Unmanaged<BytesFunctionBox>.fromOpaque(sqlite3_user_data(context)!).takeUnretainedValue()
                box.input.removeAll(keepingCapacity: true)
                // Trailing NULLs are left out: a column added later (NULL in every row written
                // before) leaves the digests of those rows as they were.
                var end = Int(count)
                while end > 0, let value = arguments?[end - 1], sqlite3_value_type(value) == SQLITE_NULL { end -= 1 }
                for index in 0..<end {
                    if let value = arguments?[index] { CanonicalBytes.append(value: value, to: &box.input) }
                }
                box.output.removeAll(keepingCapacity: true)
                box.body(box.input, &box.output)
                box.output.withUnsafeBufferPointer { csqlite3_result_text(context, $0.baseAddress, Int32($0.count)) }
            },
            nil, nil,
            { box in if let box { Unmanaged<BytesFunctionBox>.fromOpaque(box).release() } })
        guard rc == SQLITE_OK else { throw SQLiteError(code: rc, message: lastErrorMessage) }
    }
}
