import CLibPQ

/// Writes whose answer nobody reads (a journal entry: its hash is computed in Swift), held back
/// and sent in the round trip of the transaction's COMMIT, in pipeline mode, rather than one
/// round trip each. The transaction's result is the same as if each had run where it was called:
///
/// - they run in the order they were queued, before the COMMIT (and before `runBeforeCommit`'s);
///   the first that fails fails the commit with its error, and the COMMIT does not run; a
///   serialisation failure runs the whole body again, with an empty queue (`transactionOnce`);
/// - a statement that names a table a queued write writes (a read of the journal, a cursor over
///   it, another write to it) sends the queue before it, in its own round trip's pipeline (a
///   cursor's or a batch's in a round trip of their own), so it sees them;
///   an answer sent ahead before the write was queued, of a statement naming its table, is dropped
///   (the statement runs when called);
/// - only `INSERT INTO t(…) VALUES (…)`, which reads nothing: its values are the ones it was
///   given, whenever it runs. Its table's triggers, if any, must touch nothing else the
///   transaction reads (the journal has only its append-only guards). Anything else runs at once;
/// - a client that dies with writes queued has sent no COMMIT: the server rolls it all back.
///
/// Without pipeline mode (libpq older than 14) a queued write runs at once.
extension Connection {
    /// Runs `sql`, an INSERT … VALUES whose answer nobody reads, in the round trip of the
    /// transaction's COMMIT (see above); at once outside a transaction, without pipeline mode, or
    /// when it is not such an INSERT. `changes` does not count it. `triggersWrite`: the other tables
    /// its table's triggers write; a statement naming one of them sends it first too.
    public func runQueued(_ sql: String, _ arguments: [SQLValue] = [], triggersWrite: [String] = []) throws {
        guard transactionDepth > 0, Connection.hasPipeline, let table = insertedTable(sql) else {
            return try run(sql, arguments)
        }
        // Prepared now, so that a statement the server refuses fails here, where it was written.
        let statement = try prepared(sql, arguments)
        guard arguments.count == statement.parameterCount else {
            throw PostgresError(sqlState: "07001", message: "expected \(statement.parameterCount) arguments, got \(arguments.count)", sql: sql)
        }
        statementObserver?(sql, arguments)
        queued.append((sql, arguments))
        let written = [table] + triggersWrite.map { $0.lowercased() }
        for name in written where !queuedTables.contains(name) { queuedTables.append(name) }
        // An answer sent ahead (`sendAhead`) that names a table it writes is out of date: read again when called.
        for (sql, answer) in prefetched where Connection.names(sql, anyOf: written) {
            prefetched[sql] = nil
            PQclear(answer.result)
        }
        // A pipeline's size stays bounded (`pipelineGroup`), the COMMIT's too.
        if queued.count >= Connection.pipelineGroup - 2 { try sendQueued() }
    }

    /// Sends the queued writes now, in one round trip, when one of `statements` names a table they
    /// write: it must see them.
    func sendQueued<S: Sequence<String>>(before statements: S) throws {
        try send(takeQueued(before: statements))
    }

    /// Sends the queued writes now, in one round trip.
    func sendQueued() throws {
        try send(takeQueued())
    }

    private func send(_ writes: [(sql: String, arguments: [SQLValue])]) throws {
        guard !writes.isEmpty else { return }
        let (results, _) = try pipelined(writes[...], observedFrom: writes.count)
        for result in results { PQclear(result) }
    }

    /// The queued writes, taken off the queue to be sent before `statements`, when one of them names
    /// a table they write (it must see them); none otherwise.
    func takeQueued<S: Sequence<String>>(before statements: S) -> [(sql: String, arguments: [SQLValue])] {
        guard !queued.isEmpty, statements.contains(where: { Connection.names($0, anyOf: queuedTables) }) else { return [] }
        return takeQueued()
    }

    private func takeQueued() -> [(sql: String, arguments: [SQLValue])] {
        defer {
            queued.removeAll()
            queuedTables.removeAll()
        }
        return queued
    }

    /// `insertedTable(sql)`, worked out once per statement text.
    private func insertedTable(_ sql: String) -> String? {
        if let known = insertTargets[sql] { return known }
        let table = Connection.insertedTable(sql)
        insertTargets[sql] = .some(table)
        return table
    }

    /// The table of `INSERT INTO table(…) VALUES (…)` that reads nothing (no SELECT, no RETURNING,
    /// no ON CONFLICT); nil for any other statement.
    static func insertedTable(_ sql: String) -> String? {
        let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "(" || $0 == ")" || $0 == "," })
            .map { $0.uppercased() }
        guard words.count > 3, words[0] == "INSERT", words[1] == "INTO", words.contains("VALUES"),
              !words.contains(where: { ["SELECT", "RETURNING", "ON", "WITH", "DEFAULT"].contains($0) }) else { return nil }
        let name = words[2].split(separator: ".").last.map(String.init) ?? ""
        guard !name.isEmpty, name.utf8.allSatisfy(Connection.isIdentifierByte) else { return nil }
        return name.lowercased()
    }

    /// Whether `sql` names one of `tables` (lowercase) as a whole word, in any case: may read or
    /// write it. A name inside a longer one (`journal_order`) is not it.
    static func names(_ sql: String, anyOf tables: [String]) -> Bool {
        var sql = sql
        return sql.withUTF8 { names($0, anyOf: tables) }
    }

    private static func names(_ text: UnsafeBufferPointer<UInt8>, anyOf tables: [String]) -> Bool {
        for table in tables {
            let name = Array(table.utf8)
            guard name.count <= text.count else { continue }
            var start = 0
            while start + name.count <= text.count {
                var same = true
                for offset in 0..<name.count where lowercased(text[start + offset]) != name[offset] {
                    same = false
                    break
                }
                if same, start == 0 || !isIdentifierByte(text[start - 1]),
                   start + name.count == text.count || !isIdentifierByte(text[start + name.count]) {
                    return true
                }
                start += 1
            }
        }
        return false
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }
}
