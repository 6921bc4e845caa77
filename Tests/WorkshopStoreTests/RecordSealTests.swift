import Foundation
import Security
import SQLite
import Testing
import WorkshopModel
@testable import WorkshopStore

/// Row seals, the journal's two formats, the anchor kept outside the database, and late entries,
/// through the store.
@Suite("Row seals, anchor and late entries")
struct RecordSealTests {
    /// The v6 fixture upgraded: every row sealed as found under one entry.
    static func shop() throws -> (store: Store, path: String) {
        let path = try Support.copyOfFixture(6)
        return (try Support.open(path), path)
    }

    /// A write as a command runs it: then the moment after its output, when the head is settled.
    static func command(_ store: Store, _ body: () throws -> Void) throws {
        try store.write(body)
        store.anchorWhenIdle(syncNow: false)
    }

    static func sealsFoundAltered(_ path: String) throws -> Int {
        try Support.scalar(path, "SELECT count(*) FROM row_seals WHERE altered <> 0") ?? -1
    }

    @Test func theUpgradeSealsEveryRowAsFoundInOneEntryThatVerifyNames() throws {
        let (store, path) = try Self.shop()
        let entry = try #require(try Support.scalar(path, "SELECT max(id) FROM journal"))
        #expect(entry == 322, "the fixture's 321 entries, then the seal")
        let rows = try #require(try Support.scalar(path, "SELECT count(*) FROM row_seals WHERE entry_id = \(entry)"))
        #expect(rows > 200)
        let report = try store.read { try store.verify() }
        #expect(report.isClean, "\(report.problems)")
        #expect(report.rowsChecked == rows)
        #expect(report.notes.contains(.sealedAsFound(entry: entry, rows: rows,
                                                     at: Timestamp(seconds: try #require(try Support.scalar(path, "SELECT at FROM journal WHERE id = \(entry)"))))))
        // A new, empty database has nothing to seal, and no entry for it.
        let (_, fresh) = try Support.freshStore()
        #expect(try Support.scalar(fresh, "SELECT count(*) FROM journal") == 0)
    }

    /// The digest SQL computes of a row as it is and the one Swift computes from the values the
    /// pre-update hook shows must agree byte for byte, for every way a table is keyed: else every
    /// rewrite of a row would be taken for one altered outside.
    @Test func aRowDigestIsTheSameInSQLAndFromTheHookForEveryKindOfKey() throws {
        let (store, path) = try Self.shop()
        let customer = try #require(try store.customer(id: 1))
        let order = try #require(try store.order(id: 12))
        for round in 1...2 {
            try store.write {
                _ = try store.updateCustomer(customer, changes: [("company", "公司\(round)")])              // INTEGER PRIMARY KEY
                try store.addBelongings([BelongingItem(name: "雨伞", count: round)], standing: [Belonging(name: "雨伞", count: round)], to: order)           // rowid, no key column
                try store.setSetting("name", to: "店\(round)")                                            // WITHOUT ROWID, one column
                try store.saveChecklistItem(ChecklistItem(stage: .final, code: "lights", name: "灯光\(round)"))  // two columns, text
                try store.setWarrantyTerm(WarrantyTerm(km: 30_000 + round, days: 120), .car, .overhaul)  // two columns
            }
        }
        #expect(try Self.sealsFoundAltered(path) == 0, "each row was found as its seal said")
        #expect(try store.read { try store.verify() }.isClean)
        // Taken apart by hand: the seal of the composite key names both parts.
        let key = try #require(try Database(path: path, readOnly: true).first(
            "SELECT row_key FROM row_seals WHERE tbl = 'checklist_items' ORDER BY entry_id DESC LIMIT 1") { $0.string("row_key") })
        #expect(RowKey.text(key).display == "final/lights")
    }

    /// A later migration may add a column: NULL in every row written before, it leaves their digests
    /// as they were, in SQL and from the hook alike, so the record needs no resealing.
    @Test func aColumnAddedLaterLeavesTheSealsOfEarlierRowsAlone() throws {
        let (store, path) = try Self.shop()
        let adding = try Database(path: path)
        try adding.execute("INSERT INTO writer_mark DEFAULT VALUES; ALTER TABLE customers ADD COLUMN nickname TEXT; DELETE FROM writer_mark;")
        let reopened = try Support.open(path)
        #expect(try reopened.read { try reopened.verify() }.isClean, "the rows still match their seals")
        let customer = try #require(try reopened.customer(id: 1))
        try reopened.write { _ = try reopened.updateCustomer(customer, changes: [("company", "新公司")]) }
        #expect(try Self.sealsFoundAltered(path) == 0, "the hook found the row as its seal said")
        #expect(try reopened.read { try reopened.verify() }.isClean)
        _ = store
    }

    @Test func canonicalBytesTellTypesAndBoundariesApart() {
        func bytes(_ values: [SQLValue]) -> [UInt8] {
            var out: [UInt8] = []
            for value in values { CanonicalBytes.append(value, to: &out) }
            return out
        }
        #expect(bytes([.text("12")]) != bytes([.integer(12)]))
        #expect(bytes([.null]) != bytes([.text("")]))
        #expect(bytes([.text("ab"), .text("c")]) != bytes([.text("a"), .text("bc")]))
        #expect(bytes([.integer(1)]) == [1, 0, 0, 0, 0, 0, 0, 0, 1], "a tag, then eight bytes big-endian")
        #expect(bytes([.text("é")]) == [3, 0, 0, 0, 2, 0xC3, 0xA9], "a tag, a length, the UTF-8 bytes")
    }

    /// Format 1 is read from the stored bytes for speed; it must hash exactly as the text it froze.
    @Test func formatOneFromBytesHashesAsTheOldCanonicalText() throws {
        let db = try Database(path: Support.temporaryDirectory() + "/journal.db")
        try db.execute("""
            CREATE TABLE journal (id INTEGER PRIMARY KEY, at INTEGER, actor TEXT, command TEXT, action TEXT, entity TEXT,
                                  entity_id TEXT, order_id INTEGER, vehicle_id INTEGER, detail TEXT, prev_hash TEXT, hash TEXT);
            INSERT INTO journal VALUES (7, 1795400000, 'a\u{1F}b', 'checkin 京A12345 complaint="异响"', 'order.checkin', 'order',
                                        NULL, 12, NULL, '{"x":"\u{1F}"}', NULL, NULL);
            """)
        let prev = String(repeating: "ab", count: 32)
        try db.forEach("SELECT * FROM journal") { sqliteRow in
            let row = ShopRow.sqlite(sqliteRow)
            var bytes: [UInt8] = []
            Journal.formatOneBytes(row, columns: Journal.positions(of: Journal.formatOneFields, in: row), prev: Array(prev.utf8), into: &bytes)
            #expect(Digest.hex(Digest.sha256(bytes)) == Journal.Entry(row).hash(after: prev))
        }
    }

    @Test func anAnchorIsWrittenAfterEveryWriteAndReadsBackWhatItSays() throws {
        let (store, path) = try Self.shop()
        #expect(!FileManager.default.fileExists(atPath: path + ".anchor"), "not written by opening, only by a write")
        try Self.command(store) { try store.setSetting("name", to: "新店名") }
        let text = try String(contentsOfFile: path + ".anchor", encoding: .utf8)
        let anchor = try #require(JournalAnchor(text: text))
        let tail = try Journal.tail(ShopDatabase(Database(path: path, readOnly: true)))
        #expect(anchor.head == .init(entry: tail.id, hash: tail.hash))
        #expect(anchor.next == nil, "settled after the commit")
        #expect(anchor.entries == tail.id)
        #expect(JournalAnchor(text: anchor.text) == anchor)
        let mode = try FileManager.default.attributesOfItem(atPath: path + ".anchor")[.posixPermissions] as? Int
        #expect(mode == 0o600, "readable by the shop's account only")
        #expect(try store.anchorText().contains("head \(tail.id) \(tail.hash)"))
        let report = try store.read { try store.verify() }
        #expect(report.isClean && report.notes.contains(.anchorAgrees(path: path + ".anchor", entry: tail.id)))
        // Beside the database, or in the folder $WORKSHOP_ANCHOR names.
        #expect(JournalAnchor.defaultPath(forDatabase: "/srv/shop.db", environment: [:]) == "/srv/shop.db.anchor")
        #expect(JournalAnchor.defaultPath(forDatabase: "/srv/shop.db", environment: ["WORKSHOP_ANCHOR": "/mnt/usb"]) == "/mnt/usb/shop.db.anchor")
    }

    /// Between a write's commit and the moment after its output the anchor announces the new head
    /// (`next`), which verify takes as it takes a Workshop killed there; the idle moment, the next
    /// write or a verify make it the head. A cut found then is named, however the head was settled.
    @Test func theHeadIsSettledOnceTheCommandIsDone() throws {
        let (store, path) = try Self.shop()
        func anchor() throws -> JournalAnchor {
            try #require(JournalAnchor(text: String(contentsOfFile: path + ".anchor", encoding: .utf8)))
        }
        func tail() throws -> Int { try #require(try Support.scalar(path, "SELECT max(id) FROM journal")) }
        try store.write { try store.setSetting("name", to: "一") }
        let announced = try anchor(), first = try tail()
        #expect(announced.next?.entry == first && announced.head.entry < first, "announced, not yet the head")
        store.anchorWhenIdle(syncNow: false)
        let settled = try anchor()
        #expect(settled.head.entry == first && settled.next == nil)
        // The next write settles it too, in the replacement it makes before its commit.
        try store.write { try store.setSetting("name", to: "二") }
        let second = try tail()
        try store.write { try store.setSetting("name", to: "三") }
        #expect(try anchor().head.entry == second)
        // A verify settles it before reading the file: the last write's entry cut away is named.
        let head = try tail()
        let report = try store.read { try store.verify() }
        #expect(report.isClean && report.notes.contains(.anchorAgrees(path: path + ".anchor", entry: head)))
        try Support.sql(path, "DROP TRIGGER journal_is_append_only_delete; DELETE FROM journal WHERE id = \(head);")
        #expect(try store.read { try store.verify() }.problems.contains { problem in
            if case .journalCut(head - 1, head, _, _, false) = problem { return true }
            return false
        })
    }

    /// A staff row is taken as Workshop sealed it, or not at all: changed outside (a forged writer
    /// mark hides it from the watch triggers), it is not as sealed until Workshop writes it again.
    @Test func aStaffRowChangedOutsideIsNotAsSealedUntilWorkshopWritesIt() throws {
        let (store, path) = try Self.shop()
        try store.write { _ = try store.saveStaff(name: "赵师傅", roles: [.technician], group: "一组") }
        #expect(try store.read { try store.staffRowIsAsSealed("赵师傅") })
        #expect(try store.read { try store.hadStaff() })
        try Support.sql(path, "INSERT INTO writer_mark DEFAULT VALUES; UPDATE staff SET roles = 'manager' WHERE name = '赵师傅'; DELETE FROM writer_mark;")
        #expect(try !store.read { try store.staffRowIsAsSealed("赵师傅") })
        try store.write { _ = try store.saveStaff(name: "赵师傅", roles: [.technician], group: "一组") }
        #expect(try store.read { try store.staffRowIsAsSealed("赵师傅") })
    }

    /// A store remembers the anchor it last wrote (not parsing it again at every write), yet what
    /// another hand did to the file since counts: another Workshop's write is taken as it is, a
    /// head rewritten outside is named, a lock file removed is made again.
    @Test func aStoreKeepsTheAnchorItWroteButSeesAnyOtherHandOnIt() throws {
        let (store, path) = try Self.shop()
        func anchor() throws -> JournalAnchor {
            try #require(JournalAnchor(text: String(contentsOfFile: path + ".anchor", encoding: .utf8)))
        }
        func tail() throws -> Int { try #require(try Support.scalar(path, "SELECT max(id) FROM journal")) }
        try Self.command(store) { try store.setSetting("name", to: "一") }
        let other = try Support.open(path)
        try Self.command(other) { try other.setSetting("name", to: "二") }
        try Self.command(store) { try store.setSetting("name", to: "三") }
        #expect(try anchor().head.entry == (try tail()))
        #expect(try anchor().disagreements.isEmpty, "another Workshop's write is no disagreement")
        // Someone rewrites the head's hash in the file: the next write names it.
        let text = try String(contentsOfFile: path + ".anchor", encoding: .utf8)
        let head = try anchor().head
        try text.replacingOccurrences(of: head.hash, with: String(repeating: "0", count: 64))
            .write(toFile: path + ".anchor", atomically: false, encoding: .utf8)
        try Self.command(store) { try store.setSetting("name", to: "四") }
        let found = try anchor().disagreements
        #expect(found.count == 1)
        if case .rewritten(let named, _)? = found.first {
            #expect(named == .init(entry: head.entry, hash: String(repeating: "0", count: 64)))
        } else {
            Issue.record("the rewritten head is not named: \(found)")
        }
        // The lock file removed while the store is open: made again, and the writes go on.
        try FileManager.default.removeItem(atPath: path + ".anchor.lock")
        try Self.command(store) { try store.setSetting("name", to: "五") }
        #expect(FileManager.default.fileExists(atPath: path + ".anchor.lock"))
        #expect(try anchor().head.entry == (try tail()))
    }

    /// The anchor is replaced at every write but synced only when a commit would pass its bound (or
    /// when idle): whatever the system keeps, no committed entry is ever past the bound of a file that
    /// was synced (JournalAnchor.unsyncedEntries).
    @Test func theAnchorIsSyncedOnlyWhenACommitWouldPassItsBound() throws {
        let (store, path) = try Self.shop()
        func anchor() throws -> JournalAnchor {
            try #require(JournalAnchor(text: String(contentsOfFile: path + ".anchor", encoding: .utf8)))
        }
        func tail() throws -> Int { try #require(try Support.scalar(path, "SELECT max(id) FROM journal")) }
        func inode() throws -> Int { try #require(try FileManager.default.attributesOfItem(atPath: path + ".anchor")[.systemFileNumber] as? Int) }
        try Self.command(store) { try store.setSetting("name", to: "一") }
        let first = try anchor()
        let file = try inode()
        let bound = try #require(first.bound)
        #expect(bound == (try tail()) + JournalAnchor.unsyncedEntries, "the first write syncs it, with room ahead")
        for name in ["二", "三", "四"] {
            try Self.command(store) { try store.setSetting("name", to: name) }
            let now = try anchor(), end = try tail()
            #expect(now.bound == bound, "within the bound: replaced, not synced")
            #expect(now.head.entry == end && end <= bound)
        }
        #expect(store.anchorUnsynced, "the head moved on after each commit is never synced at once")
        #expect(try inode() == file, "written over in place, not replaced")
        // Plenty of room left: a script's idle moment leaves it; a terminal's syncs it.
        store.anchorWhenIdle(syncNow: false)
        let left = try anchor()
        #expect(store.anchorUnsynced && left.bound == bound)
        store.anchorWhenIdle(syncNow: true)
        let synced = try anchor(), end = try tail()
        #expect(!store.anchorUnsynced && synced.bound == end + JournalAnchor.unsyncedEntries)
        #expect(try inode() != file, "a synced anchor is a new file renamed over the old one")
        // A commit that would pass the bound syncs a file with a new one first.
        var near = synced
        near.bound = end
        try near.write(to: path + ".anchor", sync: false)
        try Self.command(store) { try store.setSetting("name", to: "五") }
        let passed = try anchor(), last = try tail()
        #expect(passed.bound == last + JournalAnchor.unsyncedEntries)
        #expect(try store.read { try store.verify() }.isClean)
    }

    @Test func anAnchorTellsACutARewriteAndAnUnannouncedEntryApart() {
        let now = Timestamp(seconds: 1_796_000_000)
        let hashes = [5: String(repeating: "5", count: 64), 6: String(repeating: "6", count: 64), 7: String(repeating: "7", count: 64)]
        let anchor = JournalAnchor(head: .init(entry: 6, hash: hashes[6]!), writtenAt: now)
        func check(_ a: JournalAnchor, endingAt end: Int, _ lookup: [Int: String] = hashes) -> [JournalAnchor.Disagreement] {
            a.disagreements(withJournalEndingAt: .init(entry: end, hash: lookup[end] ?? ""), now: now) { lookup[$0] }
        }
        #expect(check(anchor, endingAt: 6).isEmpty)
        #expect(check(anchor, endingAt: 5) == [.cut(anchor: anchor.head, writtenAt: now, journalEnded: 5)])
        #expect(check(anchor, endingAt: 6, [6: String(repeating: "f", count: 64)]) == [.rewritten(anchor: anchor.head, writtenAt: now)])
        #expect(check(anchor, endingAt: 7) == [.unanchored(from: 7, to: 7, foundAt: now)], "nobody announced entry 7")
        var announced = anchor
        announced.next = .init(entry: 7, hash: hashes[7]!)
        #expect(check(announced, endingAt: 7).isEmpty, "a write announced it and was stopped before settling the anchor")
        #expect(check(announced, endingAt: 6).isEmpty, "a write announced it and was stopped before its commit")
        var carried = anchor
        carried.disagreements = [.cut(anchor: .init(entry: 9, hash: hashes[5]!), writtenAt: now, journalEnded: 4), .unreadable(foundAt: now)]
        #expect(JournalAnchor(text: carried.text) == carried, "what a write found is kept in the file")
    }

    /// A write that finds the anchor ahead of the journal keeps that in the new anchor: the next
    /// write does not wash a cut away.
    @Test func aWriteKeepsWhatItFoundWrongWithTheAnchor() throws {
        let (store, path) = try Self.shop()
        try Self.command(store) { try store.setSetting("name", to: "一") }
        try Self.command(store) { try store.setSetting("name", to: "二") }
        let head = try #require(try Support.scalar(path, "SELECT max(id) FROM journal"))
        try Support.sql(path, "DROP TRIGGER journal_is_append_only_delete; DELETE FROM journal WHERE id = \(head);")
        try Self.command(store) { try store.setSetting("name", to: "三") }
        let report = try store.read { try store.verify() }
        #expect(report.problems.contains { problem in
            if case .journalCut(head - 1, head, _, _, true) = problem { return true }
            return false
        }, "\(report.problems)")
    }

    @Test func aLateEntryKeepsTheRealTimeBesideTheTimeItClaims() throws {
        let (store, _) = try Self.shop()
        let claimed = Timestamp(seconds: 1_795_000_000)
        store.context = ChangeContext(actor: "钱主管", command: "customer add 补录客户", now: claimed)
        let before = Timestamp.currentTime
        let customer = try store.write { try store.addCustomer(name: "补录客户", phone: "13900000001", company: nil, address: nil) }
        let entries = try store.lateEntries(from: claimed, to: claimed + 60)
        #expect(entries.count == 1)
        let entry = try #require(entries.entries.first)
        #expect(entry.isLateEntry && entry.at == claimed)
        #expect(try #require(entry.recordedAt) >= before, "the real time, from the system's clock")
        #expect(customer.createdAt == claimed, "the record itself carries the time claimed")
        let report = try store.read { try store.verify() }
        #expect(report.isClean)
        #expect(report.lateEntries == 1)
        #expect(report.notes.contains { if case .lateEntry(entry.id, claimed, _, "钱主管", "customer.add") = $0 { return true } else { return false } })
        // The head as it stood before the entry was made, by the real clock, leaves it out.
        let recorded = try #require(entry.recordedAt)
        #expect(try #require(try store.journalHead(before: recorded)).entry < entry.id)
        #expect(try store.journalHead(before: Timestamp.currentTime + 1)?.entry == entry.id)
    }

    /// verify walks a rowid table beside its seals: a row changed, one added and one deleted behind
    /// Workshop's back (with its writer mark, so the watch triggers stay silent) are each named, in
    /// key order, the deleted one after the others.
    @Test func rowsChangedAddedAndDeletedAreNamedInKeyOrder() throws {
        let (store, path) = try Self.shop()
        let ids = try Database(path: path, readOnly: true).rows("SELECT id FROM customers ORDER BY id LIMIT 2") { $0.int("id") }
        #expect(ids.count == 2)
        func sealedBy(_ id: Int) throws -> Int {
            try #require(try Support.scalar(path, "SELECT max(entry_id) FROM row_seals WHERE tbl = 'customers' AND row_key = \(id)"))
        }
        let (gone, changed) = (ids[0], ids[1])
        let (goneBy, changedBy) = (try sealedBy(gone), try sealedBy(changed))
        try Support.sql(path, """
            INSERT INTO writer_mark DEFAULT VALUES;
            DELETE FROM customers WHERE id = \(gone);
            UPDATE customers SET name = '改名' WHERE id = \(changed);
            INSERT INTO customers(name, phone, created_at) SELECT name, '13900009999', created_at FROM customers WHERE id = \(changed);
            DELETE FROM writer_mark;
            """)
        let added = try #require(try Support.scalar(path, "SELECT max(id) FROM customers"))
        let problems = try store.read { try store.verify() }.problems.filter {
            switch $0 {
            case .rowChanged("customers", _, _), .rowAdded("customers", _, _), .rowDeleted("customers", _, _): return true
            default: return false
            }
        }
        #expect(problems == [.rowChanged(table: "customers", row: "\(changed)", entry: changedBy),
                             .rowAdded(table: "customers", row: "\(added)", deletedBy: nil),
                             .rowDeleted(table: "customers", row: "\(gone)", entry: goneBy)])
    }

    @Test func editedSealsAndALeftoverWriterMarkAreNamed() throws {
        let (store, path) = try Self.shop()
        try store.write { try store.setSetting("name", to: "一") }
        let entry = try #require(try Support.scalar(path, "SELECT max(id) FROM journal"))
        // Someone changes a row and its seal to match: the entry's hash no longer covers its seals.
        try Support.sql(path, """
            DROP TRIGGER row_seals_are_append_only_update;
            INSERT INTO writer_mark DEFAULT VALUES;
            UPDATE settings SET value = '二' WHERE key = 'name';
            UPDATE row_seals SET digest = (SELECT digest FROM row_seals WHERE entry_id = 1 LIMIT 1) WHERE entry_id = \(entry);
            """)
        let problems = try store.read { try store.verify() }.problems
        #expect(problems.contains(.sealsAltered(entry: entry)))
        #expect(problems.contains(.writerMarkLeftSet))
        #expect(problems.contains(.safeguardsRemoved(triggers: ["row_seals_are_append_only_update"])))
        // Workshop's next write removes only its own mark: the one left behind is still named.
        try store.write { try store.setSetting("name", to: "三") }
        #expect(try store.read { try store.verify() }.problems.contains(.writerMarkLeftSet))
    }
}
