import SQLite
import Security
import WorkshopModel

/// Who is making a change, when, and with which command: every journal entry carries it.
public struct ChangeContext: Sendable {
    public var actor: String
    public var command: String
    public var now: Timestamp

    public init(actor: String, command: String, now: Timestamp) {
        self.actor = actor
        self.command = command
        self.now = now
    }
}

/// The shop's database: one SQLite file. Commands read and write it through the repository
/// methods in this module's extensions; every change goes into the journal in the same transaction.
public final class Store {
    public let db: Database
    public var context: ChangeContext
    public private(set) var settings: ShopSettings
    private var settingsDataVersion = -1
    /// The journal's last entry during a write transaction: the next entry chains to it.
    private var journalTail: (id: Int, hash: String)?

    /// Opens (creating and migrating if needed) the database at `path`.
    public init(path: String, context: ChangeContext) throws {
        db = try Database(path: path)
        self.context = context
        self.settings = ShopSettings()
        db.setBusyTimeout(milliseconds: 5_000)
        // WAL lets readers work while one writer commits; FULL syncs the log at every commit, so a
        // command Workshop has confirmed survives a crash or a power cut.
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
        try Schema.migrate(db)
        try reloadSettingsIfChanged()
    }

    public static var schemaVersion: Int { Schema.currentVersion }

    /// Runs a command that changes data: one IMMEDIATE transaction, all or nothing.
    public func write<T>(_ body: () throws -> T) throws -> T {
        do {
            return try db.transaction(immediate: true) {
                try reloadSettingsIfChanged()
                // Mark the transaction as Workshop's own, and pick up the chain where it ends now
                // (another terminal may have written since).
                try db.run("INSERT INTO writer_mark DEFAULT VALUES")
                journalTail = try Journal.tail(db)
                let result = try body()
                try db.run("DELETE FROM writer_mark")
                return result
            }
        } catch {
            settingsDataVersion = -1  // a rolled-back `shop set` must not linger in memory
            journalTail = nil
            throw error
        }
    }

    /// Runs a command that only reads: one consistent snapshot.
    public func read<T>(_ body: () throws -> T) throws -> T {
        try db.transaction(immediate: false) {
            try reloadSettingsIfChanged()
            return try body()
        }
    }

    /// Another terminal may have changed the shop's settings: `data_version` moves when any other
    /// connection commits, so settings are re-read only then.
    private func reloadSettingsIfChanged() throws {
        let version = try db.scalar("PRAGMA data_version") ?? 0
        guard version != settingsDataVersion else { return }
        settingsDataVersion = version
        var loaded = ShopSettings()
        try db.forEach("SELECT key, value FROM settings") { row in
            // A value the program wrote is valid; if one was damaged by hand, keep the default.
            try? loaded.set(row.string(0), to: row.string(1))
        }
        settings = loaded
    }

    /// Changes one shop setting, validated, and records it.
    public func setSetting(_ key: String, to value: String) throws {
        var updated = settings
        try updated.set(key, to: value)
        let stored = updated.value(of: key)
        let before = settings.value(of: key)
        try db.run("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   [.text(key), .text(stored)])
        try journal(.shopSet, entity: "shop", id: key, detail: [(key, .string(stored)), ("was", .string(before))])
        settings = updated
    }

    /// Appends one entry to the journal: what was done, to what, with the values that changed.
    public func journal(_ action: JournalAction, entity: String, id: String?, orderID: Int? = nil, vehicleID: Int? = nil,
                        detail: [(String, JSON)]) throws {
        let tail = try journalTail ?? Journal.tail(db)
        let entryID = tail.id + 1
        let detailText = JSON.object(detail).serialized()
        let hash = Digest.sha256Hex(Journal.canonical(
            prev: tail.hash, id: entryID, at: context.now.seconds, actor: context.actor, command: context.command, action: action.rawValue,
            entity: entity, entityID: id, orderID: orderID, vehicleID: vehicleID, detail: detailText))
        try db.run("""
            INSERT INTO journal(id, at, actor, command, action, entity, entity_id, order_id, vehicle_id, detail, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(Int64(entryID)), .integer(Int64(context.now.seconds)), .text(context.actor), .text(context.command),
                  .text(action.rawValue), .text(entity), SQLValue(id), SQLValue(orderID), SQLValue(vehicleID), .text(detailText),
                  .text(tail.hash), .text(hash)])
        journalTail = (entryID, hash)
    }
}

/// One journal entry, as `history` shows it.
public struct JournalEntry: Sendable {
    public var id: Int
    public var at: Timestamp
    public var actor: String
    public var command: String
    public var action: String
    public var entity: String
    public var entityID: String?
    public var detail: String
}

extension Store {
    /// The journal entries about an order, or about a vehicle and all its orders, oldest first.
    public func history(orderID: Int? = nil, vehicleID: Int? = nil, limit: Int = 500) throws -> [JournalEntry] {
        let map: (Row) -> JournalEntry = { row in
            JournalEntry(id: row.int(0), at: Timestamp(seconds: row.int(1)), actor: row.string(2), command: row.string(3),
                         action: row.string(4), entity: row.string(5), entityID: row.optionalString(6), detail: row.string(7))
        }
        let columns = "id, at, actor, command, action, entity, entity_id, detail"
        if let orderID {
            return try db.rows("SELECT \(columns) FROM journal WHERE order_id = ? ORDER BY id LIMIT ?",
                               [.integer(Int64(orderID)), .integer(Int64(limit))], map)
        }
        if let vehicleID {
            return try db.rows("""
                SELECT \(columns) FROM journal WHERE vehicle_id = ?1
                UNION SELECT \(columns) FROM journal WHERE order_id IN (SELECT id FROM orders WHERE vehicle_id = ?1)
                ORDER BY id LIMIT ?2
                """, [.integer(Int64(vehicleID)), .integer(Int64(limit))], map)
        }
        return []
    }
}
