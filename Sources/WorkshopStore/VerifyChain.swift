import Security
import SQLite
import WorkshopModel

extension Store {
    /// Walks the journal in order beside the row seals in entry order (one pass over each, no entry
    /// held in memory): the chain's links and hashes (the first break only: past it every hash
    /// differs), each entry's seals against the digest its hash covers, the rows Workshop found
    /// altered, seals of entries the journal does not have, and the late entries. The two are read
    /// side by side in the order their B-trees keep, rather than searching the seals for each entry.
    func verifyChain(_ shapes: [String: TableShape], _ report: inout VerifyReport) throws {
        var chainBroken = false
        var prev = Array(Journal.genesis.utf8)
        var lastID = 0
        var formatTwoSince: Int?
        var formatThreeSince: Int?
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        let hasher = SHA256Stream()
        var computed: [UInt8] = []
        let seals = SHA256Stream()
        var sealBytes: [UInt8] = []
        var altered: [String: [RecordProblem]] = [:]
        var gaps: [(from: Int, to: Int)] = []
        var late: [RecordNote] = []

        // Columns by position: these loops run once for every entry and every seal.
        let (id, at, recordedAt, actor, action, rowsDigest, prevHash, hash) = (Int32(0), Int32(1), Int32(2), Int32(3), Int32(5), Int32(11), Int32(12), Int32(13))
        let formatOne: [Int32] = [0, 1, 3, 4, 5, 6, 7, 8, 9, 10]
        let formatTwo: [Int32] = Array(0...11)
        // Format 3: format 2's fields and the entry's site (Journal.formatThreeFields).
        let site = Int32(14)
        let formatThree: [Int32] = formatTwo + [site]
        let (sealEntry, table, rowKey, sealAltered) = (Int32(0), Int32(1), Int32(2), Int32(4))
        // Read as an entry's digest covers them (on PostgreSQL a rowid key is read as an integer too).
        let read = RowSeals.sealColumns(shapes, db)
        try db.withCursor("SELECT entry_id, \(read.columns) FROM row_seals ORDER BY entry_id, \(read.order)") { sealRows in
            var seal = try sealRows.next()
            try db.walk("""
                SELECT id, at, recorded_at, actor, command, action, entity, entity_id, order_id, vehicle_id,
                       detail, rows_digest, prev_hash, hash, site_id
                FROM journal ORDER BY id
                """) { row in
                let entryID = row.int(id)
                report.journalEntries += 1
                let isFormatTwo = !row.isNull(recordedAt)
                if isFormatTwo, formatTwoSince == nil { formatTwoSince = entryID }
                // An entry with a site is in format 3 (Journal.siteColumn): one whose site was
                // added, or taken away, hashes to what its entry never did.
                let isFormatThree = !row.isNull(site)
                if isFormatThree, formatThreeSince == nil { formatThreeSince = entryID }
                if entryID != lastID + 1 {
                    // Entries removed: named once. Past the gap the entry is checked against the link
                    // it stores (a cut journal's later entries chain on from where it was cut).
                    report.problems.append(.journalEntriesMissing(from: lastID + 1, to: entryID - 1))
                    gaps.append((lastID + 1, entryID - 1))
                    prev = row.withUnsafeBytes(prevHash) { Array($0) }
                }
                let stored = row.withUnsafeBytes(hash) { Array($0) }
                if !chainBroken {
                    bytes.removeAll(keepingCapacity: true)
                    if isFormatThree {
                        Journal.formatThreeBytes(row, columns: formatThree, prev: prev, into: &bytes)
                    } else if isFormatTwo {
                        Journal.formatTwoBytes(row, columns: formatTwo, prev: prev, into: &bytes)
                    } else {
                        Journal.formatOneBytes(row, columns: formatOne, prev: prev, into: &bytes)
                    }
                    let linked = row.withUnsafeBytes(prevHash) { $0.elementsEqual(prev) } && !row.isNull(prevHash)
                    computed.removeAll(keepingCapacity: true)
                    hasher.appendHexDigest(of: bytes, length: 32, to: &computed)
                    if !linked || computed != stored || (!isFormatTwo && formatTwoSince != nil)
                        || (!isFormatThree && formatThreeSince != nil) {
                        // Past a changed entry every hash differs: the first is named.
                        report.problems.append(.journalEntryAltered(entry: entryID, action: row.string(action), actor: row.string(actor)))
                        chainBroken = true
                    }
                }
                prev = stored
                lastID = entryID
                let claimed = row.int(at)
                if let recorded = row.optionalInt(recordedAt), abs(claimed - recorded) > 60 {
                    report.lateEntries += 1
                    // The latest ones are listed: the earlier ones were listed by earlier verifies.
                    if late.count == Store.listedPerKind { late.removeFirst() }
                    late.append(.lateEntry(entry: entryID, claimed: Timestamp(seconds: claimed), recorded: Timestamp(seconds: recorded),
                                           actor: row.string(actor), action: row.string(action)))
                }

                // The entry's seals (those of entries the journal lacks are named after the walk).
                while let current = seal, current.int(sealEntry) < entryID { seal = try sealRows.next() }
                var count = 0
                while let current = seal, current.int(sealEntry) == entryID {
                    count += 1
                    RowSeals.appendSeal(current, from: table, integerKey: read.integerKey, to: &sealBytes)
                    if sealBytes.count > 1 << 16 {
                        seals.update(sealBytes)
                        sealBytes.removeAll(keepingCapacity: true)
                    }
                    if current.int(sealAltered) != 0 {
                        let name = current.string(table)
                        let key = RowKey(current.value(rowKey))?.display ?? "?"
                        altered[name, default: []].append(.rowFoundAltered(table: name, row: key, entry: entryID))
                    }
                    seal = try sealRows.next()
                }
                seals.update(sealBytes)
                sealBytes.removeAll(keepingCapacity: true)
                let digest = seals.finish()
                if (count == 0 ? nil : Digest.hex(digest)) != row.optionalString(rowsDigest) {
                    report.problems.append(.sealsAltered(entry: entryID))
                }
                if row.withUnsafeBytes(action, { $0.elementsEqual(JournalAction.recordSeal.rawValue.utf8) })
                    && RecordSeal.isSealAsFound(actor: row.string(actor), action: row.string(action)) {
                    report.notes.append(.sealedAsFound(entry: entryID, rows: count, at: Timestamp(seconds: claimed)))
                }
            }
        }
        report.head = .init(entry: lastID, hash: String(decoding: prev, as: UTF8.self))
        report.problems += Self.listed(altered)
        if report.lateEntries > late.count { report.notes.append(.moreLateEntries(count: report.lateEntries - late.count)) }
        report.notes += late
        // Seals of entries the journal does not have: in its gaps, or past its end.
        for gap in gaps + [(lastID + 1, Int(Int64.max))] {
            if let orphans = try db.first("SELECT min(entry_id) AS low, max(entry_id) AS high FROM row_seals WHERE entry_id BETWEEN ? AND ?",
                                          [.integer(Int64(gap.from)), .integer(Int64(gap.to))], { row -> (Int, Int)? in
                row.isNull("low") ? nil : (row.int("low"), row.int("high"))
            }) ?? nil {
                report.problems.append(.sealsWithoutEntries(from: orphans.0, to: orphans.1))
            }
        }
    }

    /// Per table, the first few problems, then how many more.
    static func listed(_ byTable: [String: [RecordProblem]]) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        for table in byTable.keys.sorted() {
            let all = byTable[table]!
            problems += all.prefix(listedPerKind)
            if all.count > listedPerKind { problems.append(.moreRows(table: table, count: all.count - listedPerKind)) }
        }
        return problems
    }
}
