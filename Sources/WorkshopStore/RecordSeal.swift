import SQLite
import WorkshopModel

/// Sealing the record as it stands, in one journal entry: what a migration does for the rows that
/// were there before row seals existed (007-record-seals). `verify` can vouch for a row only from
/// its seal on; this entry says when that was, and `verify` names it.
enum RecordSeal {
    /// Is this entry one that sealed rows as found (by this actor, with this action)?
    static func isSealAsFound(actor: String, action: String) -> Bool {
        actor == self.actor && action == JournalAction.recordSeal.rawValue
    }

    static let actor = "Workshop"

    /// Seals every row of every sealed table under a new entry, when there is any row to seal.
    /// `site`: the entry's site as the journal keeps it (Journal.siteColumn); nil only before the
    /// journal has the column (007-record-seals).
    static func sealAsFound(_ db: ShopDatabase, command: String, site: Int?) throws {
        try RowDigest.register(on: db)
        let shapes = try TableShape.load(db)
        let tail = try Journal.tail(db)
        let entryID = try Journal.nextID(after: tail.id, db)
        let counts = try RowSeals.sealEverything(shapes, entry: entryID, db).filter { $0.rows > 0 }
        guard !counts.isEmpty else { return }
        let now = Timestamp.currentTime.seconds
        let detail = JSON.object([("rows", .int(counts.map(\.rows).reduce(0, +))),
                                  ("tables", .object(counts.map { ($0.table, .int($0.rows)) }))]).serialized()
        let entry = Journal.NewEntry(id: entryID, at: now, recordedAt: now, actor: actor, command: command,
                                     action: JournalAction.recordSeal.rawValue, entity: "record", entityID: nil, orderID: nil,
                                     vehicleID: nil, detail: detail, rowsDigest: try RowSeals.digest(ofEntry: entryID, shapes: shapes, db),
                                     site: site)
        _ = try Journal.insert(entry, after: tail.hash, db)
    }
}

extension Store {
    /// Seals every row as it is now, in one entry that `verify` names: for rows put in the database
    /// in bulk outside Workshop's writes (the bench's generated history). Nothing a command can reach.
    public func sealRecordAsFound(command: String) throws {
        try db.transaction(immediate: true) { try RecordSeal.sealAsFound(db, command: command, site: Journal.siteColumn(siteID)) }
    }
}
