import Foundation
import SQLite

/// SQLite's own checks of the file — integrity (every page, every index against its table) and
/// foreign keys — on a connection and a thread of their own, while `verify` walks the journal and
/// the rows on its own: the integrity check alone reads the whole file, and a shop's machine has
/// more than one core. They check the file's structure, not the record's content, so they need not
/// share verify's snapshot.
final class StructureCheck: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<[RecordProblemFinding], Error> = .success([])

    /// A finding, as plain values (made on the other thread).
    enum RecordProblemFinding: Sendable {
        case integrity([String])
        case foreignKey(table: String, row: Int, parent: String)
    }

    init(path: String, immutable: Bool) {
        let thread = Thread { [self] in
            result = Result {
                let db = try Database(path: path, readOnly: true, immutable: immutable)
                db.setBusyTimeout(milliseconds: 5_000)
                return try db.transaction(immediate: false) {
                    var findings: [RecordProblemFinding] = []
                    let integrity = try db.rows("PRAGMA integrity_check") { $0.string("integrity_check") }
                    if integrity != ["ok"] { findings.append(.integrity(Array(integrity.prefix(5)))) }
                    findings += try db.rows("PRAGMA foreign_key_check") {
                        RecordProblemFinding.foreignKey(table: $0.string("table"), row: $0.int("rowid"), parent: $0.string("parent"))
                    }.prefix(10)
                    return findings
                }
            }
            done.signal()
        }
        thread.start()
    }

    func wait() throws -> [RecordProblemFinding] {
        done.wait()
        return try result.get()
    }
}
