import Foundation
import SQLite
import Security
import WorkshopModel

/// The journal as a hash chain: each entry carries the SHA-256 of the one before it and of its own
/// fields, so an entry changed, removed or slipped in breaks the chain from there on.
///
/// Two formats. Entries written before 007-record-seals (no `recorded_at`) hash their fields as
/// text joined by U+001F (format 1, frozen with the entries it covers). Entries from then on
/// (format 2) hash every field in canonical form (CanonicalBytes) — including the real time the
/// entry was made and the digest of the rows its transaction wrote — so no field can run into the
/// next and no text can pass for a number. Once one entry is in format 2, every later one is.
/// Entries from 024-site-hooks-and-entries on (format 3) hash format 2's fields and the site the
/// entry belongs to (`site_id`), under a mark of their own, so that no entry can be moved from one
/// site to another unseen; once one entry is in format 3, every later one is.
enum Journal {
    static let genesis = String(repeating: "0", count: 64)

    /// An entry's detail (JSON that Workshop wrote) as an object; empty if it is not one. Read in
    /// Swift rather than with SQLite's json_extract, so that the statement runs on PostgreSQL too.
    static func detail(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// An integer of an entry's detail, if it holds one under `key`.
    static func integer(_ key: String, inDetail text: String) -> Int? {
        let value = detail(text)[key]
        return (value as? NSNumber)?.intValue ?? value as? Int
    }

    // MARK: Format 1

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

        init(_ row: ShopRow) {
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

    /// The fields format 1 hashes, in order, after the previous hash.
    static let formatOneFields = ["id", "at", "actor", "command", "action", "entity", "entity_id", "order_id", "vehicle_id", "detail"]

    /// Format 1's text, built from the stored row's bytes: the same bytes as `canonical`, without
    /// making a String of every field (verify walks every entry). `columns`: the positions of
    /// `formatOneFields` in the row.
    static func formatOneBytes(_ row: ShopRow, columns: [Int32], prev: [UInt8], into bytes: inout [UInt8]) {
        for byte in prev { bytes.append(byte == 0x1F ? 0x20 : byte) }
        for column in columns {
            bytes.append(0x1F)
            row.withUnsafeBytes(column) { raw in
                for byte in raw { bytes.append(byte == 0x1F ? 0x20 : byte) }
            }
        }
    }

    /// The positions of `fields` in the row's columns.
    static func positions(of fields: [String], in row: ShopRow) -> [Int32] {
        fields.map { field in Int32(row.columnNames.firstIndex(of: field)!) }
    }

    // MARK: Format 2

    static let formatTwoMark = "workshop journal entry 2"

    /// An entry as written from 007-record-seals on.
    struct NewEntry {
        var id: Int
        var at: Int
        var recordedAt: Int
        var actor: String
        var command: String
        var action: String
        var entity: String
        var entityID: String?
        var orderID: Int?
        var vehicleID: Int?
        var detail: String
        /// The digest of the row seals of its transaction (RowSeals.digest), when it has any.
        var rowsDigest: String?
        /// The site the entry belongs to, as the journal keeps it (`Journal.siteColumn`): written,
        /// and hashed, in format 3. Nil only for an entry written before the journal had the
        /// column (the seal of 007-record-seals), in format 2.
        var site: Int? = nil

        var values: [SQLValue] {
            [.integer(Int64(id)), .integer(Int64(at)), .integer(Int64(recordedAt)), .text(actor), .text(command), .text(action),
             .text(entity), SQLValue(entityID), SQLValue(orderID), SQLValue(vehicleID), .text(detail), SQLValue(rowsDigest)]
                + (site.map { [.integer(Int64($0))] } ?? [])
        }

        func hash(after prev: String) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(256 + detail.utf8.count + command.utf8.count)
            CanonicalBytes.append(.text(site == nil ? Journal.formatTwoMark : Journal.formatThreeMark), to: &bytes)
            CanonicalBytes.append(.text(prev), to: &bytes)
            for value in values { CanonicalBytes.append(value, to: &bytes) }
            return Digest.hex(Digest.sha256(bytes))
        }
    }

    /// The fields format 2 hashes, in order, after the mark and the previous hash.
    static let formatTwoFields = ["id", "at", "recorded_at", "actor", "command", "action", "entity", "entity_id", "order_id",
                                  "vehicle_id", "detail", "rows_digest"]

    /// Format 2's bytes from the stored row; `columns`: the positions of `formatTwoFields`.
    static func formatTwoBytes(_ row: ShopRow, columns: [Int32], prev: [UInt8], into bytes: inout [UInt8]) {
        bytes.append(contentsOf: formatTwoPrefix)
        CanonicalBytes.appendText(prev, to: &bytes)
        for column in columns { row.appendCanonical(column, to: &bytes) }
    }

    static let formatTwoPrefix: [UInt8] = {
        var bytes: [UInt8] = []
        CanonicalBytes.append(.text(formatTwoMark), to: &bytes)
        return bytes
    }()

    // MARK: Format 3

    static let formatThreeMark = "workshop journal entry 3"

    /// The fields format 3 hashes, in order, after its mark and the previous hash.
    static let formatThreeFields = formatTwoFields + ["site_id"]

    static let formatThreePrefix: [UInt8] = {
        var bytes: [UInt8] = []
        CanonicalBytes.append(.text(formatThreeMark), to: &bytes)
        return bytes
    }()

    /// Format 3's bytes from the stored row; `columns`: the positions of `formatThreeFields`.
    static func formatThreeBytes(_ row: ShopRow, columns: [Int32], prev: [UInt8], into bytes: inout [UInt8]) {
        bytes.append(contentsOf: formatThreePrefix)
        CanonicalBytes.appendText(prev, to: &bytes)
        for column in columns { row.appendCanonical(column, to: &bytes) }
    }

    /// `journal.site_id` of an entry made at `siteID` (a session's or an order's, nil: the home
    /// site). Unlike other tables the journal names the home site by its id: a NULL there says the
    /// entry is older than the column (its site is then read as SiteScope.ofEntry says), and tells
    /// verify the entry is in format 2.
    static func siteColumn(_ siteID: Int?) -> Int { SiteScope.storedID(siteID) ?? Site.homeID }

    /// Writes `entry` after the entry whose hash is `prev`; returns its hash.
    static func insert(_ entry: NewEntry, after prev: String, _ db: ShopDatabase) throws -> String {
        let hash = entry.hash(after: prev)
        if entry.site == nil {
            try db.runQueued("""
                INSERT INTO journal(id, at, recorded_at, actor, command, action, entity, entity_id, order_id, vehicle_id, detail,
                                    rows_digest, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, entry.values + [.text(prev), .text(hash)])
        } else {
            try db.runQueued("""
                INSERT INTO journal(id, at, recorded_at, actor, command, action, entity, entity_id, order_id, vehicle_id, detail,
                                    rows_digest, site_id, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, entry.values + [.text(prev), .text(hash)])
        }
        return hash
    }

    // MARK: Reading

    /// The latest entry's id and hash (the genesis hash for an empty journal).
    static let tailQuery = "SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1"
    static let lastSealedEntryQuery = "SELECT max(entry_id) FROM row_seals"

    static func tail(_ db: ShopDatabase) throws -> (id: Int, hash: String) {
        try db.first(tailQuery) { ($0.int("id"), $0.optionalString("hash") ?? genesis) }
            ?? (0, genesis)
    }

    /// The id the next entry takes: after the journal's last, and after any entry the row seals
    /// name. When the journal's end was cut away, its ids are not given again: the gap stays in
    /// the chain for `verify` to name, and new seals never mix with the cut entries' ones.
    static func nextID(after tail: Int, _ db: ShopDatabase) throws -> Int {
        let sealed = try db.scalar(lastSealedEntryQuery) ?? 0
        return max(tail, sealed) + 1
    }

    /// Chains entries written before the chain existed (migration 005-trust), oldest first.
    static func sealUnchained(_ db: ShopDatabase) throws {
        let entries = try db.rows("SELECT \(columns) FROM journal ORDER BY id", [], Entry.init)
        var prev = genesis
        for entry in entries {
            let hash = entry.hash(after: prev)
            try db.run("UPDATE journal SET prev_hash = ?, hash = ? WHERE id = ?", [.text(prev), .text(hash), .integer(Int64(entry.id))])
            prev = hash
        }
    }
}
