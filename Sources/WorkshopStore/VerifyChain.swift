import Security
import SQLite
import WorkshopModel

extension Store {
    /// Walks the journal in order with each entry's seals (one pass, no entry held in memory):
    /// the chain's links and hashes (the first break only: past it every hash differs), each
    /// entry's seals against the digest its hash covers, the rows Workshop found altered, seals
    /// of entries the journal does not have, and the late entries.
    func verifyChain(_ report: inout VerifyReport) throws {
        var chainBroken = false
        var prev = Array(Journal.genesis.utf8)
        var lastID = 0
        var formatTwoSince: Int?
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        let seals = SHA256Stream()
        var sealBytes: [UInt8] = []
        var entry: (id: Int, rowsDigest: String?, seals: Int, baseline: Bool, at: Int)?
        var altered: [String: [RecordProblem]] = [:]
        var gaps: [(from: Int, to: Int)] = []
        var late: [RecordNote] = []

        func endEntry() {
            guard let current = entry else { return }
            seals.update(sealBytes)
            sealBytes.removeAll(keepingCapacity: true)
            let digest = seals.finish()
            let found = current.seals == 0 ? nil : Digest.hex(digest)
            if found != current.rowsDigest { report.problems.append(.sealsAltered(entry: current.id)) }
            if current.baseline {
                report.notes.append(.sealedAsFound(entry: current.id, rows: current.seals, at: Timestamp(seconds: current.at)))
            }
        }

        try db.forEach("""
            SELECT j.id, j.at, j.recorded_at, j.actor, j.command, j.action, j.entity, j.entity_id, j.order_id, j.vehicle_id,
                   j.detail, j.rows_digest, j.prev_hash, j.hash, s.tbl, s.row_key, s.digest, s.altered
            FROM journal AS j LEFT JOIN row_seals AS s ON s.entry_id = j.id
            ORDER BY j.id, s.tbl, s.row_key
            """) { row in
            let id = row.int("id")
            if id != entry?.id {
                endEntry()
                report.journalEntries += 1
                let formatTwo = !row.isNull("recorded_at")
                if formatTwo, formatTwoSince == nil { formatTwoSince = id }
                if id != lastID + 1 {
                    // Entries removed: named once. Past the gap the entry is checked against the link
                    // it stores (a cut journal's later entries chain on from where it was cut).
                    report.problems.append(.journalEntriesMissing(from: lastID + 1, to: id - 1))
                    gaps.append((lastID + 1, id - 1))
                    prev = Array(row.string("prev_hash").utf8)
                }
                if !chainBroken {
                    bytes.removeAll(keepingCapacity: true)
                    if formatTwo { Journal.formatTwoBytes(row, prev: prev, into: &bytes) } else { Journal.formatOneBytes(row, prev: prev, into: &bytes) }
                    let hash = Digest.hex(Digest.sha256(bytes))
                    if row.optionalString("prev_hash") != String(decoding: prev, as: UTF8.self) || row.optionalString("hash") != hash
                        || (!formatTwo && formatTwoSince != nil) {
                        // Past a changed entry every hash differs: the first is named.
                        report.problems.append(.journalEntryAltered(entry: id, action: row.string("action"), actor: row.string("actor")))
                        chainBroken = true
                    }
                }
                prev = Array(row.string("hash").utf8)
                lastID = id
                report.head = .init(entry: id, hash: row.string("hash"))
                let at = row.int("at")
                if let recorded = row.optionalInt("recorded_at"), abs(at - recorded) > 60 {
                    report.lateEntries += 1
                    // The latest ones are listed: the earlier ones were listed by earlier verifies.
                    if late.count == Store.listedPerKind { late.removeFirst() }
                    late.append(.lateEntry(entry: id, claimed: Timestamp(seconds: at), recorded: Timestamp(seconds: recorded),
                                           actor: row.string("actor"), action: row.string("action")))
                }
                let baseline = RecordSeal.isSealAsFound(actor: row.string("actor"), action: row.string("action"))
                entry = (id, row.optionalString("rows_digest"), 0, baseline, at)
            }
            guard !row.isNull("tbl") else { return }
            entry?.seals += 1
            RowSeals.appendSeal(row, to: &sealBytes)
            if sealBytes.count > 1 << 16 {
                seals.update(sealBytes)
                sealBytes.removeAll(keepingCapacity: true)
            }
            if row.int("altered") != 0 {
                let table = row.string("tbl")
                let key = RowKey(row.value("row_key"))?.display ?? "?"
                altered[table, default: []].append(.rowFoundAltered(table: table, row: key, entry: id))
            }
        }
        endEntry()
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
