import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

extension Connection {
    /// Loads rows into `table` with one `COPY … FROM STDIN` (text format): for moving a whole shop
    /// onto the server, where a statement per row would cost a round trip each. `body` writes the
    /// rows through the `CopyIn` it is given, a field at a time. The table's triggers fire for
    /// every row, as for an INSERT, and its constraints are checked at the end of the COPY (one
    /// statement). Returns the rows loaded. If `body` throws, the COPY is abandoned and the error
    /// rethrown; either way the transaction around it has failed and must be rolled back.
    @discardableResult
    public func copy(into table: String, columns: [String], _ body: (CopyIn) throws -> Void) throws -> Int {
        try sendQueued()
        let sql = "COPY \(Connection.quoted(table)) (\(columns.map(Connection.quoted).joined(separator: ", "))) FROM STDIN"
        let start = PQexec(handle, sql)
        let status = PQresultStatus(start)
        let startError = status == PGRES_COPY_IN ? nil : Connection.error(of: start, handle, sql: sql)
        PQclear(start)
        if let startError { throw startError }
        let writer = CopyIn(connection: self, sql: sql)
        do {
            try body(writer)
            try writer.flush()
        } catch {
            // Ends the COPY with an error of our own: the server discards what it was sent.
            _ = PQputCopyEnd(handle, "abandoned by Workshop")
            drainResults()
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else {
            drainResults()
            throw PostgresError(sqlState: "08006", message: Connection.trimmed(PQerrorMessage(handle)), sql: sql)
        }
        // The COPY's own result, then nil.
        let end = PQgetResult(handle)
        defer { PQclear(end); drainResults() }
        guard PQresultStatus(end) == PGRES_COMMAND_OK else { throw Connection.error(of: end, handle, sql: sql) }
        return Int(Row.leadingInteger(PQcmdTuples(end), count: Int(strlen(PQcmdTuples(end)))))
    }

    /// Reads and frees every result still pending on the connection.
    private func drainResults() {
        while let result = PQgetResult(handle) { PQclear(result) }
    }

    /// The server's error in `result`, or the connection's when there is none.
    static func error(of result: OpaquePointer?, _ handle: OpaquePointer, sql: String) -> PostgresError {
        if let result, let state = sqlState(result) {
            let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M")))
            return PostgresError(sqlState: state, message: trimmed(primary ?? PQresultErrorMessage(result)), sql: sql)
        }
        return PostgresError(sqlState: "08006", message: trimmed(PQerrorMessage(handle)), sql: sql)
    }

    /// A name as an SQL identifier, whatever it holds.
    static func quoted(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

/// The rows of one `Connection.copy`, in COPY's text format: fields separated by a tab, rows ended
/// by a newline, NULL as `\N`, and a backslash, tab, newline or carriage return inside a value
/// escaped with a backslash. Sent in pieces of about 256 KB.
public final class CopyIn {
    private let connection: Connection
    private let sql: String
    private var buffer: [UInt8] = []
    private var atRowStart = true
    private static let flushSize = 1 << 18

    init(connection: Connection, sql: String) {
        self.connection = connection
        self.sql = sql
        buffer.reserveCapacity(CopyIn.flushSize + 4096)
    }

    /// The next field of the current row.
    public func field(_ value: SQLValue) {
        if !atRowStart { buffer.append(UInt8(ascii: "\t")) }
        atRowStart = false
        switch value {
        case .null: buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
        case .integer(let int): buffer.append(contentsOf: String(int).utf8)
        case .real(let double): append(Parameters.text(of: double))
        case .text(let text): append(text)
        }
    }

    /// Ends the current row.
    public func endRow() throws {
        buffer.append(UInt8(ascii: "\n"))
        atRowStart = true
        if buffer.count >= CopyIn.flushSize { try flush() }
    }

    private func append(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.append(byte); buffer.append(byte)
            case UInt8(ascii: "\t"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "t"))
            case UInt8(ascii: "\n"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "r"))
            default: buffer.append(byte)
            }
        }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        let sent = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(connection.handle, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else {
            throw PostgresError(sqlState: "08006", message: Connection.trimmed(PQerrorMessage(connection.handle)), sql: sql)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
