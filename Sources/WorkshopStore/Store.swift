import SafeFiles
import SQLite
import Security
import WorkshopModel

/// Who is making a change, when, and with which command: every journal entry carries it.
public struct ChangeContext: Sendable {
    public var actor: String
    public var command: String
    /// When the change is said to have happened: the real time, or for a late entry (补录) the
    /// time a manager claimed for it.
    public var now: Timestamp
    /// When the change was really made, by the system's clock, whatever `now` claims.
    public var recordedAt: Timestamp

    public init(actor: String, command: String, now: Timestamp, recordedAt: Timestamp? = nil) {
        self.actor = actor
        self.command = command
        self.now = now
        self.recordedAt = recordedAt ?? now
    }

    /// A late entry (补录): made at another time than it claims (more than a minute apart).
    public var isLateEntry: Bool { abs(now.seconds - recordedAt.seconds) > 60 }
}

/// The shop's database: one SQLite file. Commands read and write it through the repository
/// methods in this module's extensions; every change goes into the journal in the same transaction.
/// The connection itself stays inside the module: what a command may do to the shop's record is
/// what these methods offer.
public final class Store {
    let db: Database
    /// Opened for reading only: every change is refused (`ensureWritable`).
    public let isReadOnly: Bool
    public var context: ChangeContext
    public private(set) var settings: ShopSettings
    /// Settings whose stored value Workshop cannot read (edited by hand): their defaults are in
    /// force, and `verify` names them until a manager sets them again.
    private(set) var damagedSettings: [(key: String, value: String)] = []
    private var settingsDataVersion = -1
    /// The journal's last entry during a write transaction: the next entry chains to it.
    private var journalTail: (id: Int, hash: String)?

    /// Opens (creating and migrating if needed) the database at `path`; for reading only when the
    /// file or its folder cannot be written (`isReadOnly`; see DatabaseOpening).
    public init(path: String, context: ChangeContext) throws {
        self.context = context
        self.settings = ShopSettings()
        let opening = DatabaseOpening.decide(path)
        isReadOnly = opening.readOnly
        do {
            // A new database is readable by the shop's account only, and so are its -wal and -shm,
            // which SQLite creates with the database file's mode. An existing file keeps its mode:
            // the shop may have shared it on purpose, and 0444 is how it says "read only".
            if !opening.readOnly { PrivateFolder.createFile(path) }
            db = try Database(path: path, readOnly: opening.readOnly, immutable: opening.immutable)
            // The busy timeout comes first: on a brand-new file several processes may be switching
            // it to WAL and migrating it at once, and each waits for the others' locks.
            db.setBusyTimeout(milliseconds: Migrator.busyTimeoutMilliseconds)
            // FULL syncs the log at every commit, so a command Workshop has confirmed survives a
            // crash or a power cut. The migrator switches the file to WAL once it knows it is a shop's.
            try db.execute("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
            if opening.readOnly {
                try Migrator.checkForReading(db, path: path)
            } else {
                try Migrator.migrate(db, path: path, now: context.now)
                try BackupMark.clear(db)
            }
            db.setBusyTimeout(milliseconds: 5_000)
        } catch let error as SQLiteError where !error.isBusy {
            // Not a database, unreadable, or damaged: say so with SQLite's own words.
            throw StoreRefusal.unreadable(reason: error.message)
        }
        try reloadSettingsIfChanged()
    }

    public static var schemaVersion: Int { Schema.currentVersion }

    /// The database file's path.
    public var path: String { db.path }

    /// Inside `write`: Workshop's writer mark is set.
    var isWriting: Bool { journalTail != nil }

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
        let version = try db.first("PRAGMA data_version") { $0.int("data_version") } ?? 0
        guard version != settingsDataVersion else { return }
        settingsDataVersion = version
        var loaded = ShopSettings()
        var damaged: [(key: String, value: String)] = []
        try db.forEach("SELECT key, value FROM settings ORDER BY key") { row in
            // A value Workshop wrote is always valid. One edited by hand may not be: refusing to
            // open would lock out the manager who has to fix it (with `shop set`), so its default
            // stays in force and `verify` reports it as damaged until then.
            do {
                try loaded.set(row.string("key"), to: row.string("value"))
            } catch {
                damaged.append((row.string("key"), row.string("value")))
            }
        }
        settings = loaded
        damagedSettings = damaged
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
        damagedSettings.removeAll { $0.key == key }
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
            JournalEntry(id: row.int("id"), at: row.timestamp("at"), actor: row.string("actor"), command: row.string("command"),
                         action: row.string("action"), entity: row.string("entity"), entityID: row.optionalString("entity_id"),
                         detail: row.string("detail"))
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

extension Store {
    /// Why, by whom and when an order was voided, as its journal entry says (the reason is kept
    /// there, with the change, rather than in a column of its own).
    public func voiding(orderID: Int) throws -> (reason: String, by: String, at: Timestamp)? {
        try db.first("""
            SELECT json_extract(detail, '$.reason') AS reason, actor, at FROM journal
            WHERE order_id = ? AND action = ? ORDER BY id DESC LIMIT 1
            """, [.integer(Int64(orderID)), .text(JournalAction.orderVoid.rawValue)]) {
            ($0.optionalString("reason") ?? "", $0.string("actor"), $0.timestamp("at"))
        }
    }
}
