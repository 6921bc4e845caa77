import CSQLite3

/// The Swift side of an SQL function: its body, and a buffer reused from call to call.
private final class BytesFunctionBox {
    let body: ([UInt8]) -> String
    var buffer: [UInt8] = []

    init(_ body: @escaping ([UInt8]) -> String) {
        self.body = body
        buffer.reserveCapacity(1024)
    }
}

extension Database {
    /// Defines `name(…)` on this connection only: any number of arguments, written out in
    /// canonical form (CanonicalBytes) one after the other and handed to `body`, whose text is the
    /// result. Deterministic, so SQLite may use it in indexes and constraints.
    public func defineTextFunction(overCanonicalBytes name: String, _ body: @escaping ([UInt8]) -> String) throws {
        let box = Unmanaged.passRetained(BytesFunctionBox(body)).toOpaque()
        let rc = sqlite3_create_function_v2(
            handle, name, -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, box,
            { context, count, arguments in
                let box = Unmanaged<BytesFunctionBox>.fromOpaque(sqlite3_user_data(context)!).takeUnretainedValue()
                box.buffer.removeAll(keepingCapacity: true)
                for index in 0..<Int(count) {
                    if let value = arguments?[index] { CanonicalBytes.append(value: value, to: &box.buffer) }
                }
                var result = box.body(box.buffer)
                result.withUTF8 { csqlite3_result_text(context, $0.baseAddress, Int32($0.count)) }
            },
            nil, nil,
            { box in if let box { Unmanaged<BytesFunctionBox>.fromOpaque(box).release() } })
        guard rc == SQLITE_OK else { throw SQLiteError(code: rc, message: lastErrorMessage) }
    }
}
