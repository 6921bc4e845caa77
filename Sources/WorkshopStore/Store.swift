import SafeFiles
import Postgres
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
    let db: ShopDatabase
    /// Opened for reading only: every change is refused (`ensureWritable`).
    public let isReadOnly: Bool
    public var context: ChangeContext
    public private(set) var settings: ShopSettings
    /// The site (门店) the session works at: the signed-in person's; nil for the home site. Work
    /// lists, new orders, cash and reports are this site's (SiteScope).
    public var siteID: Int?
    /// Settings whose stored value Workshop cannot read (edited by hand): their defaults are in
    /// force, and `verify` names them until a manager sets them again.
    private(set) var damagedSettings: [(key: String, value: String)] = []
    private var settingsDataVersion = -1
    /// What a write transaction in progress keeps: where the chain ends, the entry it will write
    /// last, and the rows it changes. Nil outside `write`.
    var writing: WriteState?
    /// Whether the shop has added sites, as this transaction read it (`hasSites`); nil: not read yet.
    var sitesKnown: Bool?
    /// The sealed tables and the rows each write changes: set up at the first write (`sealing()`).
    private var sealingState: Sealing?
    /// On a server: the connection's list of touched rows has been made (at its first write).
    private var touchedListMade = false
    /// Why the anchor file could not be written after the last write, if it could not (the write
    /// itself stands; `verify` reports an anchor that is behind or missing).
    public internal(set) var anchorFailure: String?
    /// This store replaced the anchor file without syncing it since it last synced it
    /// (`anchorWhenIdle`).
    var anchorUnsynced = false
    /// The anchor file's lock and last-known text, kept between writes (AnchorFile).
    var keptAnchorFile: AnchorFile?
    /// The chain's head after this store's last commit, not yet written into the anchor file as its
    /// head: that is done once the command's output is out (`anchorWhenIdle`), or by the next write.
    var anchorHeadToSettle: JournalAnchor.Link?
    /// Where the anchor file is: `$WORKSHOP_ANCHOR/<database file name>.anchor` when that folder is
    /// given, else `<database>.anchor` beside the database (JournalAnchor); on a server, in the
    /// folder `init(server:anchorFolder:context:)` was given.
    public lazy var anchorPath: String = JournalAnchor.defaultPath(forDatabase: db.location)

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
            let file = try Database(path: path, readOnly: opening.readOnly, immutable: opening.immutable)
            db = ShopDatabase(file)
            // The busy timeout comes first: on a brand-new file several processes may be switching
            // it to WAL and migrating it at once, and each waits for the others' locks.
            file.setBusyTimeout(milliseconds: Migrator.busyTimeoutMilliseconds)
            // FULL syncs the log at every commit, so a command Workshop has confirmed survives a
            // crash or a power cut. The migrator switches the file to WAL once it knows it is a shop's.
            try file.execute("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = \(Store.pageCacheKibibytes);")
            if opening.readOnly {
                try Migrator.checkForReading(file, path: path)
            } else {
                try Migrator.migrate(file, path: path, now: context.now)
                try BackupMark.clear(file)
                // No checkpoint inside a command's commit: they run when idle (checkpointWhenIdle).
                try file.takeCheckpointsOutOfCommits()
            }
            file.setBusyTimeout(milliseconds: 5_000)
        } catch let error as SQLiteError where !error.isBusy {
            // Not a database, unreadable, or damaged: say so with SQLite's own words.
            throw StoreRefusal.unreadable(reason: error.message)
        }
        try reloadSettingsIfChanged()
    }

    /// Opens a shop kept on a PostgreSQL server (`uri`: a libpq URI such as
    /// `postgresql://workshop@shop-server/workshop`, or key=value conninfo; the password comes from
    /// ~/.pgpass or PGPASSWORD, never the URI). The database must sort text as SQLite does (C
    /// collation); its schema is brought up to date, each migration once (PostgresMigrator).
    ///
    /// `anchorFolder`: a folder on this machine, outside the server's reach, where the anchor (this
    /// machine's witness of the chain's end) is kept, named after the server and database
    /// (`PathText.safeFileName(uri).anchor`; no password is ever in the URI: the connection refuses
    /// one). The CLI gives $WORKSHOP_ANCHOR or the user's data folder.
    public init(server uri: String, anchorFolder: String, context: ChangeContext) throws {
        self.context = context
        self.settings = ShopSettings()
        isReadOnly = false
        let connection = try Postgres.Connection(uri: uri)
        db = ShopDatabase(connection)
        try ServerOpening.checkCollation(connection)
        try ServerOpening.migrate(connection, now: context.now)
        try reloadSettingsIfChanged()
        anchorPath = ServerOpening.anchorPath(uri: uri, folder: anchorFolder)
    }

    /// A store over a connection someone else opened and keeps in a transaction, for reading only:
    /// `workshop migrate` walks the journal's chain with it on both sides of the move (ShopTransfer).
    init(reading db: ShopDatabase, context: ChangeContext) {
        self.context = context
        self.settings = ShopSettings()
        self.db = db
        isReadOnly = true
    }

    /// The shop is kept on a PostgreSQL server, not in a file.
    public var isOnServer: Bool { db.isPostgres }

    public static var schemaVersion: Int { Schema.currentVersion }

    /// Runs an INSERT into a table keyed by `id` and returns the new row's id, read back with
    /// `RETURNING id`: the same SQL on SQLite and on PostgreSQL, where there is no last-rowid call.
    func insert(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int {
        guard let id = try db.first(sql + " RETURNING id", arguments, { $0.int("id") }) else {
            throw SQLiteError(code: 1, message: "an INSERT returned no id", sql: sql)
        }
        return id
    }

    /// The database file's path.
    public var path: String { db.location }

    /// Inside `write`: Workshop's writer mark is set.
    var isWriting: Bool { writing != nil }

    /// Runs a command that changes data: one IMMEDIATE transaction, all or nothing. Every row it
    /// changes is sealed under its last journal entry; before the commit the anchor file announces the
    /// chain's new head, and once the command is done it holds it (`anchorWhenIdle`).
    public func write<T>(_ body: () throws -> T) throws -> T {
        if isWriting { return try body() }  // already inside one: it is that transaction's work
        let sealing = try sealing()
        if db.isPostgres, !touchedListMade {
            // Where the server's triggers note the rows each write changes, to be sealed
            // (PostgresTouchedRows): made at the first write, outside any transaction, so that a
            // connection that only reads (`workshop -c "ro list"`) does not pay its 5 ms.
            try db.execute(PostgresTouchedRows.create)
            touchedListMade = true
        }
        let result: T
        let head: (id: Int, hash: String)
        do {
            (result, head) = try db.transaction(immediate: true, prefetching: writeOpening) {
                sitesKnown = nil
                try reloadSettingsIfChanged()
                // Mark the transaction as Workshop's own, and pick up the chain where it ends now
                // (another terminal may have written since).
                let mark = try insert(Store.writerMarkInsert)
                let tail = try Journal.tail(db)
                writing = WriteState(tail: tail, nextID: try Journal.nextID(after: tail.id, db))
                sealing.touched.reset()
                sealing.touched.isCollecting = true
                let result = try body()
                sealing.touched.isCollecting = false
                try finishJournal(sealing)
                // Only its own mark: one left behind by someone else stays for `verify` to name.
                // On a server it goes with the COMMIT, in its round trip.
                try db.runBeforeCommit("DELETE FROM writer_mark WHERE id = ?", [.integer(Int64(mark))])
                let state = writing!
                if state.tail.id != state.start.id {
                    anchorBeforeCommit(start: .init(entry: state.start.id, hash: state.start.hash),
                                       next: .init(entry: state.tail.id, hash: state.tail.hash))
                }
                return (result, state.tail)
            }
        } catch {
            settingsDataVersion = -1  // a rolled-back `shop set` must not linger in memory
            sealing.touched.isCollecting = false
            writing = nil
            throw error
        }
        let start = writing?.start
        writing = nil
        // The announcement made before the commit stands for the head until the command's output
        // is out; the head is written then (anchorWhenIdle), not while the person waits.
        if head.id != start?.id { anchorHeadToSettle = .init(entry: head.id, hash: head.hash) }
        // A program that never idles (no REPL around the store) still keeps the log bounded.
        if let file = db.sqlite, file.framesInLog >= Store.logCeilingFrames { file.checkpoint() }
        return result
    }

    static let writerMarkInsert = "INSERT INTO writer_mark DEFAULT VALUES"

    /// What every write runs first, in this order, none with arguments: on a server they go with
    /// the BEGIN and the writer lock, in one round trip (ShopDatabase.transaction(prefetching:)).
    /// SQLite has no round trip to save: nothing.
    private var writeOpening: [String] { db.isPostgres ? Store.serverWriteOpening : [] }
    private static let serverWriteOpening = [Store.settingsQuery, Store.writerMarkInsert + " RETURNING id",
                                             Journal.tailQuery, Journal.lastSealedEntryQuery, Store.hasSitesQuery]

    /// Tests only: `observer` hears the text of every statement this store's connection runs.
    public func observeStatements(_ observer: @escaping (String) -> Void) { db.sqlite?.observeStatements(observer) }

    /// Tests only, on a server: `observer` hears every statement this store's connection runs with
    /// arguments, and the arguments (to plan it as it ran).
    public func observeServerStatements(_ observer: @escaping (String, [SQLValue]) -> Void) {
        db.postgres?.statementObserver = observer
    }

    /// Tests only: the round trips this store's connection has made to its server, and how many of
    /// them prepared a statement (made once per statement and connection); 0 on a file.
    public var serverRoundTrips: (all: Int, preparations: Int) {
        (db.postgres?.roundTrips ?? 0, db.postgres?.preparedCount ?? 0)
    }

    /// Tests only: `observer` hears both texts of every statement whose text differs between the
    /// engines (`PortableSQL`), as the store picks the one its database runs.
    public func observePortableStatements(_ observer: @escaping (_ sqlite: String, _ postgres: String) -> Void) {
        db.portableObserver = { observer($0.sqlite, $0.postgres) }
    }

    /// SQLite's page cache for a shop's connection, in KiB (as a negative cache_size), filled only
    /// as pages are read. SQLite's 2 MiB default holds a small shop whole, but at a million orders
    /// not even the inner pages of the indexes a command walks: each statement then read two or
    /// three pages again from the system's cache (30 reads a release). 64 MiB keeps those inner
    /// pages for the life of a terminal.
    static let pageCacheKibibytes = -65_536

    /// The log's size past which a commit checkpoints at once, if no idle moment did (≈40 MB).
    static let logCeilingFrames = 10_000

    /// Copies the write-ahead log's committed pages into the database file, at a moment nobody is
    /// waiting for a command (after its output is out, at exit): a PASSIVE checkpoint, which takes
    /// no lock another connection waits for. Only when the log holds at least `minimumFrames`
    /// frames of this connection's commits, so that a run of commands checkpoints now and then,
    /// not after each one. Never inside a transaction; nothing on a read-only database.
    public func checkpointWhenIdle(minimumFrames: Int = 1) {
        guard !isReadOnly, let file = db.sqlite, !file.isInTransaction, file.framesInLog >= max(1, minimumFrames) else { return }
        file.checkpoint()
    }

    /// The sealed tables and the hook that notes every row this connection changes; made once.
    private func sealing() throws -> Sealing {
        if let sealingState { return sealingState }
        let sealing = try Sealing(db)
        sealingState = sealing
        return sealing
    }

    /// The sealed tables (for verify and the migration's seal), with the row-digest function defined.
    func sealedTables() throws -> [String: TableShape] { try sealing().shapes }

    /// Ends a write: the tamper log's new rows and every row the transaction changed are sealed
    /// under its last entry (one is made if the transaction journalled nothing), which is written
    /// with the digest of its seals.
    private func finishJournal(_ sealing: Sealing) throws {
        try sealing.collect(command: context.command, db)
        // Nothing journalled and nothing changed (a sign-in): no entry, and the tamper log's rows
        // wait for the next write that journals something.
        guard var last = writing?.pending ?? (sealing.touched.touches.isEmpty ? nil : automaticEntry(sealing.touched.touches)) else {
            return
        }
        writing?.pending = nil
        for (key, digest) in try RowSeals.unsealedTamperLogRows(sealing.shapes, db) {
            sealing.touched.noteFound(TableShape.tamperLog, key, digest: digest)
        }
        let touches = sealing.touched.touches
        if !touches.isEmpty {
            last.rowsDigest = try RowSeals.seal(touches, shapes: sealing.shapes, entry: last.id, db)
        }
        try append(last)
    }

    /// The entry for rows a transaction changed without journalling anything itself.
    private func automaticEntry(_ touches: [TouchedRows.Touch]) -> Journal.NewEntry {
        let tables = Set(touches.map(\.table)).sorted()
        return newEntry(.recordSeal, entity: "record", id: nil, orderID: nil, vehicleID: nil,
                        detail: [("rows", .int(touches.count)), ("tables", .string(tables.joined(separator: ",")))],
                        site: Journal.siteColumn(siteID))
    }

    /// Runs a command that only reads: one consistent snapshot.
    public func read<T>(_ body: () throws -> T) throws -> T {
        try db.transaction(immediate: false, prefetching: db.isPostgres ? [Store.settingsQuery, Store.hasSitesQuery] : []) {
            sitesKnown = nil
            try reloadSettingsIfChanged()
            return try body()
        }
    }

    /// Another terminal may have changed the shop's settings: `data_version` moves when any other
    /// connection commits, so settings are re-read only then.
    /// On a server there is no such counter: the dozen settings rows are read at every transaction,
    /// in the same round trip as its BEGIN (`settingsQuery` goes with it) and in its snapshot, so
    /// a setting another desk changed is in force from this desk's next command.
    private func reloadSettingsIfChanged() throws {
        if let file = db.sqlite {
            let version = try file.first("PRAGMA data_version") { $0.int("data_version") } ?? 0
            guard version != settingsDataVersion else { return }
            settingsDataVersion = version
        }
        (settings, damagedSettings) = try Store.readSettings(db)
    }

    /// The settings as stored. A value Workshop wrote is always valid. One edited by hand may not
    /// be: refusing to open would lock out the manager who has to fix it (with `shop set`), so its
    /// default stays in force and `verify` reports it as damaged until then.
    static let settingsQuery = "SELECT key, value FROM settings ORDER BY key"

    static func readSettings(_ db: ShopDatabase) throws -> (ShopSettings, damaged: [(key: String, value: String)]) {
        var loaded = ShopSettings()
        var damaged: [(key: String, value: String)] = []
        try db.forEach(settingsQuery) { row in
            do {
                try loaded.set(row.string("key"), to: row.string("value"))
            } catch {
                damaged.append((row.string("key"), row.string("value")))
            }
        }
        return (loaded, damaged)
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
    /// Inside a write the entry is held until the next one (or the end of the transaction), so that
    /// the transaction's last entry can carry the seals of every row it wrote.
    public func journal(_ action: JournalAction, entity: String, id: String?, orderID: Int? = nil, vehicleID: Int? = nil,
                        detail: [(String, JSON)]) throws {
        guard isWriting else {
            return try write { try journal(action, entity: entity, id: id, orderID: orderID, vehicleID: vehicleID, detail: detail) }
        }
        if let pending = writing?.pending { try append(pending) }
        // Every change made to an order passes here: a late entry dated before the order existed is
        // refused whatever the command (a read only for late entries, never in everyday work).
        if context.isLateEntry, let orderID,
           let checkedIn = try writing?.checkIns[orderID]
               ?? db.scalar("SELECT checked_in_at FROM orders WHERE id = ?", [.integer(Int64(orderID))]).map({ Timestamp(seconds: Int($0)) }) {
            try Gate.lateEntry(at: context.now, onOrder: RepairOrder.number(orderID), checkedInAt: checkedIn)
        }
        let entry = newEntry(action, entity: entity, id: id, orderID: orderID, vehicleID: vehicleID, detail: detail,
                             site: try entrySite(orderID: orderID))
        writing?.pending = entry
    }

    /// The site an entry belongs to, as the journal keeps it (Journal.siteColumn): its order's when
    /// it names one (the site that did the work, whoever wrote there), else the session's. The
    /// order's site as this write read or made it, or read once.
    private func entrySite(orderID: Int?) throws -> Int {
        guard let orderID else { return Journal.siteColumn(siteID) }
        if let known = writing?.orderSites[orderID] { return known }
        let site = Journal.siteColumn(try siteID(ofOrder: orderID))
        writing?.orderSites[orderID] = site
        return site
    }

    /// The next entry of the chain, made now in this context: the time it claims, and the real time
    /// read from the system's clock here, whatever a caller's context says, so that every entry's
    /// real time is the clock's and entries follow each other in it.
    /// `site`: the site it belongs to, as the journal keeps it (entrySite).
    private func newEntry(_ action: JournalAction, entity: String, id: String?, orderID: Int?, vehicleID: Int?,
                          detail: [(String, JSON)], site: Int) -> Journal.NewEntry {
        Journal.NewEntry(id: writing?.nextID ?? 1, at: context.now.seconds, recordedAt: Timestamp.currentTime.seconds,
                         actor: context.actor, command: context.command, action: action.rawValue, entity: entity, entityID: id,
                         orderID: orderID, vehicleID: vehicleID, detail: JSON.object(detail).serialized(), rowsDigest: nil,
                         site: site)
    }

    /// Writes an entry at the end of the chain.
    private func append(_ entry: Journal.NewEntry) throws {
        guard let tail = writing?.tail else { preconditionFailure("journal entries are written inside write") }
        let hash = try Journal.insert(entry, after: tail.hash, db)
        writing?.tail = (entry.id, hash)
        writing?.nextID = entry.id + 1
    }
}

/// A write transaction in progress.
struct WriteState {
    /// Where the chain ended when the transaction began.
    let start: (id: Int, hash: String)
    /// The chain's last written entry.
    var tail: (id: Int, hash: String)
    /// The entry journalled last and not yet written: it will carry the transaction's seals.
    var pending: Journal.NewEntry?
    /// The id the next entry takes.
    var nextID: Int
    /// When each order this write has read or made was checked in: what a late entry about it is
    /// held to (Gate.lateEntry) without reading the order again.
    var checkIns: [Int: Timestamp] = [:]
    /// Bays this write has looked up by name (by site and name; nil: none of that name), until it
    /// saves a bay (Store.bay(named:)).
    var baysByName: [String: Bay?] = [:]
    /// The site of each order this write has read or made, as the journal keeps it: the site of
    /// an entry about it (Store.entrySite) without reading the order again.
    var orderSites: [Int: Int] = [:]

    init(tail: (id: Int, hash: String), nextID: Int) {
        start = tail
        self.tail = tail
        self.nextID = nextID
    }
}

/// One journal entry, as `history` shows it.
public struct JournalEntry: Sendable {
    public var id: Int
    /// The time the entry claims.
    public var at: Timestamp
    /// The real time it was made (nil for entries written before 007-record-seals kept it).
    public var recordedAt: Timestamp?
    public var actor: String
    public var command: String
    public var action: String
    public var entity: String
    public var entityID: String?
    public var detail: String
    /// The site the entry was made at (SiteScope.ofEntry; nil: the home site).
    public var siteID: Int?

    /// Made at another time than it claims (补录): more than a minute apart.
    public var isLateEntry: Bool { recordedAt.map { abs($0.seconds - at.seconds) > 60 } ?? false }

    static let columns = "id, at, recorded_at, actor, command, action, entity, entity_id, detail, "
        + "\(SiteScope.ofEntry("journal")) AS site_id"

    init(_ row: ShopRow) {
        id = row.int("id")
        at = row.timestamp("at")
        recordedAt = row.optionalTimestamp("recorded_at")
        actor = row.string("actor")
        command = row.string("command")
        action = row.string("action")
        entity = row.string("entity")
        entityID = row.optionalString("entity_id")
        detail = row.string("detail")
        siteID = row.optionalInt("site_id")
    }
}

extension Store {
    /// The journal entries about an order, or about a vehicle and all its orders, oldest first.
    public func history(orderID: Int? = nil, vehicleID: Int? = nil, limit: Int = 500) throws -> [JournalEntry] {
        let columns = JournalEntry.columns
        if let orderID {
            return try db.rows("SELECT \(columns) FROM journal WHERE order_id = ? ORDER BY id LIMIT ?",
                               [.integer(Int64(orderID)), .integer(Int64(limit))], JournalEntry.init)
        }
        if let vehicleID {
            return try db.rows("""
                SELECT \(columns) FROM journal WHERE vehicle_id = ?1 AND order_id IS NULL
                UNION SELECT \(columns) FROM journal WHERE order_id IN (SELECT id FROM orders WHERE vehicle_id = ?1)
                ORDER BY id LIMIT ?2
                """, [.integer(Int64(vehicleID)), .integer(Int64(limit))], JournalEntry.init)
        }
        return []
    }

    /// The late entries (补录) of a period: those claiming a time in it, and those typed in it for
    /// another time, oldest first, with how many there are in all.
    /// `site`: in a chain, those made at one site (SiteScope.ofEntry); nil: every site's.
    public func lateEntries(from start: Timestamp, to end: Timestamp, site: Site? = nil,
                            limit: Int = 20) throws -> (entries: [JournalEntry], count: Int) {
        var arguments: [SQLValue] = [.integer(Int64(start.seconds)), .integer(Int64(end.seconds))]
        var ofSite = ""
        if let site {
            let condition = SiteScope.condition(SiteScope.ofEntry("journal"), site.id)
            // Numbered after the period's ?1 and ?2, the limit after it.
            ofSite = " AND " + condition.sql.replacingOccurrences(of: "?", with: "?3")
            arguments += condition.arguments
        }
        let count = try db.scalar(db.text(Store.lateEntryCount(ofSite)), arguments) ?? 0
        let list = Store.lateEntryList(ofSite + " ORDER BY id LIMIT ?\(arguments.count + 1)")
        let entries = try db.rows(db.text(list), arguments + [.integer(Int64(limit))], JournalEntry.init)
        return (entries, count)
    }

    /// The late entries of a period (?1, ?2): on SQLite through the partial index that holds the late
    /// entries only (few, in a shop's ordinary days), named with INDEXED BY; PostgreSQL has no such
    /// hint, and its planner finds its own partial index by the same condition.
    private static let lateEntriesWhere = "recorded_at IS NOT NULL AND abs(at - recorded_at) > 60 "
        + "AND ((at >= ?1 AND at < ?2) OR (recorded_at >= ?1 AND recorded_at < ?2))"
    /// `more`: what follows the conditions (a site's, the order and limit).
    static func lateEntryCount(_ more: String) -> PortableSQL {
        PortableSQL(sqlite: "SELECT count(*) FROM journal INDEXED BY journal_late_entries WHERE \(lateEntriesWhere)\(more)",
                    postgres: "SELECT count(*) FROM journal WHERE \(lateEntriesWhere)\(more)")
    }
    static func lateEntryList(_ more: String) -> PortableSQL {
        PortableSQL(sqlite: "SELECT \(JournalEntry.columns) FROM journal INDEXED BY journal_late_entries WHERE \(lateEntriesWhere)\(more)",
                    postgres: "SELECT \(JournalEntry.columns) FROM journal WHERE \(lateEntriesWhere)\(more)")
    }

    /// The chain's head as it stood at `instant` by the real clock: the last entry made before then
    /// (an entry from before 007-record-seals counts by the time it claims). A day report printed
    /// again later shows the same head for the same day, unless the chain was rewritten.
    public func journalHead(before instant: Timestamp) throws -> JournalAnchor.Link? {
        try db.first("SELECT id, hash FROM journal WHERE coalesce(recorded_at, at) < ? ORDER BY id DESC LIMIT 1",
                     [.integer(Int64(instant.seconds))]) { JournalAnchor.Link(entry: $0.int("id"), hash: $0.string("hash")) }
    }
}

extension Store {
    /// Why, by whom and when an order was voided, as its journal entry says (the reason is kept
    /// there, with the change, rather than in a column of its own).
    public func voiding(orderID: Int) throws -> (reason: String, by: String, at: Timestamp)? {
        // The reason is read from the entry's detail here, not with SQLite's json_extract: the same
        // statement runs on PostgreSQL.
        try db.first("""
            SELECT detail, actor, at FROM journal
            WHERE order_id = ? AND action = ? ORDER BY id DESC LIMIT 1
            """, [.integer(Int64(orderID)), .text(JournalAction.orderVoid.rawValue)]) {
            (Journal.detail($0.string("detail"))["reason"] as? String ?? "", $0.string("actor"), $0.timestamp("at"))
        }
    }
}
