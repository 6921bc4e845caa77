import SQLite

/// The rows one write transaction changes, as SQLite's pre-update hook reports them on Workshop's
/// own connection, each with its digest as Workshop found it before the first change (nil: the
/// row was not there). Nothing in the database file decides what is recorded here: dropping or
/// rewriting a trigger in the file cannot make Workshop skip a row it wrote.
///
/// On PostgreSQL there is no such hook: triggers the application's role cannot touch keep the rows
/// in a table of the connection's own, read at the end of the write (PostgresTouchedRows).
final class TouchedRows {
    struct Touch {
        let table: String
        let key: RowKey
        /// The row's digest before this transaction changed it; nil when there was no row.
        let found: String?
        /// The row's latest seal when the server said it with the change (PostgresTouchedRows);
        /// nil when it is still to be looked up (RowSeals.seal).
        var latestSeal: LatestSeal? = nil
    }

    /// A row's latest seal as read: its digest, nil when it has none (or it sealed the row deleted).
    struct LatestSeal {
        let digest: String?
    }

    private(set) var touches: [Touch] = []
    private var seen: Set<TouchKey> = []
    private let shapes: [String: TableShape]
    /// Only inside Workshop's write transactions.
    var isCollecting = false

    private struct TouchKey: Hashable {
        let table: String
        let key: RowKey
    }

    init(shapes: [String: TableShape]) {
        self.shapes = shapes
    }

    func reset() {
        touches.removeAll(keepingCapacity: true)
        seen.removeAll(keepingCapacity: true)
    }

    func record(_ change: RowChange) {
        guard isCollecting, let shape = shapes[change.table] else { return }
        switch change.operation {
        case .insert:
            note(shape, shape.key(of: change, old: false), found: { nil })
        case .delete:
            let key = shape.key(of: change, old: true)
            note(shape, key, found: { RowDigest.old(change, in: shape, key: key) })
        case .update:
            let old = shape.key(of: change, old: true)
            note(shape, old, found: { RowDigest.old(change, in: shape, key: old) })
            // A changed key leaves the old key without a row and makes a new one.
            let new = shape.key(of: change, old: false)
            if new != old { note(shape, new, found: { nil }) }
        }
    }

    /// Notes a row the first time the transaction touches it; `found` is digested only then.
    private func note(_ shape: TableShape, _ key: RowKey, found: () -> String?, latestSeal: LatestSeal? = nil) {
        guard seen.insert(TouchKey(table: shape.name, key: key)).inserted else { return }
        touches.append(Touch(table: shape.name, key: key, found: found(), latestSeal: latestSeal))
    }

    /// A row a server's trigger saw change (PostgresTouchedRows), in the order they changed: as
    /// `record` notes a change the hook reports. `found`: the row's digest before the change, nil
    /// for an insert; `newKey`: its key after the change, nil for a delete; `oldSealed`,
    /// `newSealed`: the latest seals of the two keys, read with the change.
    func recordFromServer(table: String, oldKey: RowKey?, found: String?, newKey: RowKey?, oldSealed: LatestSeal, newSealed: LatestSeal) {
        guard let shape = shapes[table] else { return }
        if let oldKey { note(shape, oldKey, found: { found }, latestSeal: oldSealed) }
        if let newKey, newKey != oldKey { note(shape, newKey, found: { nil }, latestSeal: newSealed) }
    }

    /// Rows found some other way (the tamper log's new rows), as they are now.
    func noteFound(_ table: String, _ key: RowKey, digest: String?) {
        guard seen.insert(TouchKey(table: table, key: key)).inserted else { return }
        touches.append(Touch(table: table, key: key, found: digest))
    }
}

/// What a connection needs to seal the rows it writes: the sealed tables, the row-digest function
/// defined on it, and the hook that notes every row it changes, for as long as this lives.
struct Sealing {
    let shapes: [String: TableShape]
    let touched: TouchedRows
    /// SQLite's pre-update hook. (On PostgreSQL, triggers note the rows instead, and `collect` reads them.)
    let watch: RowChangeWatch?
    /// On PostgreSQL, the tables each kind of command touched last time (PostgresTouchedRows.Guesses).
    let guesses = PostgresTouchedRows.Guesses()

    init(_ db: ShopDatabase) throws {
        try RowDigest.register(on: db)
        shapes = try TableShape.load(db)
        let touched = TouchedRows(shapes: shapes)
        self.touched = touched
        watch = db.sqlite.map { RowChangeWatch($0) { [unowned touched] change in touched.record(change) } }
    }

    /// On PostgreSQL, the rows this transaction changed, as the server's triggers kept them, noted
    /// in `touched`. Nothing on SQLite, whose hook noted each change as it was made.
    func collect(command: String, _ db: ShopDatabase) throws {
        guard db.isPostgres else { return }
        try PostgresTouchedRows.collect(into: touched, shapes: shapes, guesses: guesses, command: command, db)
    }
}
