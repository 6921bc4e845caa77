import SQLite
import Security
import WorkshopModel

/// The journal as a hash chain: each entry carries the SHA-256 of the one before it and of its own
/// fields, so an entry changed, removed or slipped in breaks the chain from there on.
enum Journal {
    static let genesis = String(repeating: "0", count: 64)

    /// The text an entry's hash covers: the previous hash and every field, in a fixed order.
    static func canonical(prev: String, id: Int, at: Int, actor: String, command: String, action: String, entity: String,
                          entityID: String?, orderID: Int?, vehicleID: Int?, detail: String) -> String {
        [prev, String(id), String(at), actor, command, action, entity, entityID ?? "", orderID.map(String.init) ?? "",
         vehicleID.map(String.init) ?? "", detail].map { $0.replacingOccurrences(of: "\u{1F}", with: " ") }.joined(separator: "\u{1F}")
    }

    static let columns = "id, at, actor, command, action, entity, entity_id, order_id, vehicle_id, detail, prev_hash, hash"

    /// The latest entry's id and hash (the genesis hash for an empty journal).
    static func tail(_ db: Database) throws -> (id: Int, hash: String) {
        try db.first("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1") { ($0.int(0), $0.optionalString(1) ?? genesis) }
            ?? (0, genesis)
    }

    /// Chains entries written before the chain existed (migration 5).
    static func sealUnchained(_ db: Database) throws {
        var prev = genesis
        let rows = try db.rows("SELECT id, at, actor, command, action, entity, entity_id, order_id, vehicle_id, detail FROM journal ORDER BY id") { r in
            (r.int(0), r.int(1), r.string(2), r.string(3), r.string(4), r.string(5), r.optionalString(6), r.optionalInt(7), r.optionalInt(8), r.string(9))
        }
        for row in rows {
            let hash = Digest.sha256Hex(canonical(prev: prev, id: row.0, at: row.1, actor: row.2, command: row.3, action: row.4,
                                                  entity: row.5, entityID: row.6, orderID: row.7, vehicleID: row.8, detail: row.9))
            try db.run("UPDATE journal SET prev_hash = ?, hash = ? WHERE id = ?", [.text(prev), .text(hash), .integer(Int64(row.0))])
            prev = hash
        }
    }
}

/// What `verify` found.
public struct VerifyReport: Sendable {
    public var journalEntries = 0
    public var problems: [String] = []
    public var isClean: Bool { problems.isEmpty }
}

extension Store {
    /// Walks the journal's chain and checks the tables: integrity, foreign keys, changes made outside
    /// Workshop, the watch triggers, and stock running totals against their movements.
    public func verify() throws -> VerifyReport {
        var report = VerifyReport()
        let integrity = try db.rows("PRAGMA integrity_check") { $0.string(0) }
        if integrity != ["ok"] { report.problems.append("SQLite integrity check: " + integrity.prefix(5).joined(separator: "; ")) }
        let keys = try db.rows("PRAGMA foreign_key_check") { "\($0.string(0)) row \($0.int(1)) refers to a missing \($0.string(2))" }
        report.problems += keys.prefix(10).map { "foreign key: \($0)" }

        var prev = Journal.genesis
        var firstBreak: Int?
        var lastID = 0
        try db.forEach("SELECT \(Journal.columns) FROM journal ORDER BY id") { r in
            report.journalEntries += 1
            let id = r.int(0)
            if firstBreak == nil {
                if id != lastID + 1 {
                    firstBreak = id
                    report.problems.append("journal: entries \(lastID + 1)…\(id - 1) are missing (removed)")
                } else {
                    let expected = Digest.sha256Hex(Journal.canonical(
                        prev: prev, id: id, at: r.int(1), actor: r.string(2), command: r.string(3), action: r.string(4), entity: r.string(5),
                        entityID: r.optionalString(6), orderID: r.optionalInt(7), vehicleID: r.optionalInt(8), detail: r.string(9)))
                    if r.optionalString(10) != prev || r.optionalString(11) != expected {
                        firstBreak = id
                        report.problems.append("journal: entry \(id) (\(r.string(4)) by \(r.string(2))) was changed or inserted outside Workshop: the hash chain breaks there")
                    }
                }
            }
            prev = r.optionalString(11) ?? ""
            lastID = id
        }
        try db.forEach("SELECT tbl, op, row_id, at FROM tamper_log ORDER BY id LIMIT 50") { r in
            report.problems.append("\(r.string(0)): row \(r.optionalString(2) ?? "?") was \(r.string(1) == "insert" ? "inserted" : r.string(1) == "update" ? "updated" : "deleted") outside Workshop (at \(r.string(3)) UTC)")
        }
        let triggers = Set(try db.rows("SELECT name FROM sqlite_master WHERE type = 'trigger'") { $0.string(0) })
        let missing = Schema.tamperTriggerNames.filter { !triggers.contains($0) }
            + ["journal_is_append_only_update", "journal_is_append_only_delete", "tamper_log_is_append_only_update",
               "tamper_log_is_append_only_delete"].filter { !triggers.contains($0) }
        if !missing.isEmpty { report.problems.append("safeguards removed: triggers \(missing.prefix(6).joined(separator: ", "))") }
        if (try db.scalar("SELECT count(*) FROM writer_mark") ?? 0) > 0 && !db.isInTransaction {
            report.problems.append("writer_mark holds a row outside any Workshop transaction: someone is hiding changes")
        }
        for mismatch in try stockMismatches() {
            report.problems.append("stock: \(mismatch.partNumber) shows \(Quantity(thousandths: mismatch.onHand)) on hand but its movements add to \(Quantity(thousandths: mismatch.movements))")
        }
        return report
    }
}
