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

    /// The fields of one stored entry that its hash covers.
    struct Entry {
        var id: Int
        var at: Int
        var actor: String
        var command: String
        var action: String
        var entity: String
        var entityID: String?
        var orderID: Int?
        var vehicleID: Int?
        var detail: String

        init(_ row: Row) {
            id = row.int("id")
            at = row.int("at")
            actor = row.string("actor")
            command = row.string("command")
            action = row.string("action")
            entity = row.string("entity")
            entityID = row.optionalString("entity_id")
            orderID = row.optionalInt("order_id")
            vehicleID = row.optionalInt("vehicle_id")
            detail = row.string("detail")
        }

        /// The entry's hash when `prev` is the hash before it.
        func hash(after prev: String) -> String {
            Digest.sha256Hex(Journal.canonical(prev: prev, id: id, at: at, actor: actor, command: command, action: action,
                                               entity: entity, entityID: entityID, orderID: orderID, vehicleID: vehicleID,
                                               detail: detail))
        }
    }

    /// The latest entry's id and hash (the genesis hash for an empty journal).
    static func tail(_ db: Database) throws -> (id: Int, hash: String) {
        try db.first("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1") { ($0.int("id"), $0.optionalString("hash") ?? genesis) }
            ?? (0, genesis)
    }

    /// Chains entries written before the chain existed (migration 005-trust), oldest first.
    static func sealUnchained(_ db: Database) throws {
        let entries = try db.rows("SELECT \(columns) FROM journal ORDER BY id", [], Entry.init)
        var prev = genesis
        for entry in entries {
            let hash = entry.hash(after: prev)
            try db.run("UPDATE journal SET prev_hash = ?, hash = ? WHERE id = ?", [.text(prev), .text(hash), .integer(Int64(entry.id))])
            prev = hash
        }
    }
}
