import Foundation
import Security
import SQLite
import Testing

/// An insider with the sqlite3 tool against the record, end to end: each way issue 11 found to
/// fool `verify` is tried on a copy of one shop, and `verify` must name it — table and row, journal
/// entry, trigger or anchor — while a later Workshop write must not wash the finding away.
@Suite("Attacks on the record")
struct RecordAttackTests {
    /// One shop made once through the binary (an order signed, in work and partly paid); each test
    /// works on its own copy of the database and its anchor.
    static let template: Result<String, Error> = Result {
        let shop = Workshop()
        let result = try shop.script(FloorTests.fixtures + """
            staff add 周静 role=cashier pin=1234
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响"
            estimate RO1 labor BRK-01
            estimate RO1 part 5QD698151 qty=1
            promise RO1 2026-11-22 17:00
            approve RO1 signed=张伟
            dispatch RO1 group=机修一组
            pay RO1 amount=100 method=cash
            """)
        guard result.status == 0 else { throw TemplateFailed(stderr: result.stderr) }
        try Database(path: shop.database).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return shop.database
    }

    struct TemplateFailed: Error { let stderr: String }

    func shop() throws -> Workshop {
        let template = try Self.template.get()
        let shop = Workshop()
        try FileManager.default.copyItem(atPath: template, toPath: shop.database)
        try FileManager.default.copyItem(atPath: template + ".anchor", toPath: shop.database + ".anchor")
        let clean = try shop.command("verify")
        #expect(clean.status == 0, "\(clean.stderr)")
        return shop
    }

    func sql(_ shop: Workshop, _ text: String) throws { try TrustTests.sqlite3(shop.database, text) }

    func value(_ shop: Workshop, _ query: String) throws -> Int { try shop.count(query) }

    /// The entry whose seal a row carries now.
    func sealOf(_ shop: Workshop, _ table: String, _ key: String) throws -> Int {
        try value(shop, "SELECT max(entry_id) FROM row_seals WHERE tbl = '\(table)' AND row_key = \(key)")
    }

    /// verify refuses, saying each of `findings`; and says it again after Workshop writes once more.
    func expectFound(_ shop: Workshop, _ findings: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for round in ["", " after a later write"] {
            if !round.isEmpty {
                #expect(try shop.command("customer add 后来者 phone=13911112222").status == 0, sourceLocation: sourceLocation)
            }
            let found = try shop.command("verify")
            #expect(found.status == 1, "verify passed\(round)", sourceLocation: sourceLocation)
            #expect(!found.stdout.contains("verified"), sourceLocation: sourceLocation)
            for finding in findings {
                #expect(found.stderr.contains(finding), "\(round) missing: \(finding)\n\(found.stderr)", sourceLocation: sourceLocation)
            }
        }
    }

    // 1
    @Test func anEditInsideAForgedWriterMarkIsNamed() throws {
        let shop = try shop()
        let entry = try sealOf(shop, "payments", "1")
        try sql(shop, "INSERT INTO writer_mark DEFAULT VALUES; UPDATE payments SET amount = 1 WHERE id = 1; DELETE FROM writer_mark;")
        #expect(try value(shop, "SELECT count(*) FROM tamper_log") == 0, "the watch triggers saw nothing")
        try expectFound(shop, ["payments row 1 differs from what journal entry \(entry) wrote: changed outside Workshop since"])
    }

    // 2
    @Test func anEditBetweenDroppingATriggerAndMakingItAgainIsNamed() throws {
        let shop = try shop()
        let line = try value(shop, "SELECT id FROM order_lines WHERE order_id = 1 AND number = 2")
        let entry = try sealOf(shop, "order_lines", "\(line)")
        let trigger = try #require(try Database(path: shop.database).first(
            "SELECT sql FROM sqlite_master WHERE name = 'tamper_order_lines_update'") { $0.string("sql") })
        try sql(shop, "DROP TRIGGER tamper_order_lines_update; UPDATE order_lines SET amount = 1 WHERE id = \(line); \(trigger);")
        try expectFound(shop, ["order_lines row \(line) differs from what journal entry \(entry) wrote"])
        #expect(!(try shop.command("verify").stderr.contains("safeguard")), "the trigger is back as it was")
    }

    // 3
    @Test func aTriggerReplacedByOneThatDoesNothingIsNamed() throws {
        let shop = try shop()
        let entry = try sealOf(shop, "payments", "1")
        try sql(shop, """
            DROP TRIGGER tamper_payments_update;
            CREATE TRIGGER tamper_payments_update AFTER UPDATE ON payments BEGIN SELECT 1; END;
            UPDATE payments SET amount = 1 WHERE id = 1;
            """)
        try expectFound(shop, ["safeguard trigger tamper_payments_update was replaced",
                               "payments row 1 differs from what journal entry \(entry) wrote"])
    }

    // 4
    @Test func aWipedTamperLogIsNamedAndTheEditItLoggedStillIs() throws {
        let shop = try shop()
        try sql(shop, "UPDATE customers SET name = '别人' WHERE id = 1;")
        #expect(try shop.command("customer add 路人 phone=13922223333").status == 0, "a write seals the tamper log's new row")
        let logged = try sealOf(shop, "tamper_log", "1")
        let found = try sealOf(shop, "customers", "1")
        try sql(shop, """
            DROP TRIGGER tamper_log_is_append_only_delete;
            DELETE FROM tamper_log;
            CREATE TRIGGER tamper_log_is_append_only_delete BEFORE DELETE ON tamper_log
                BEGIN SELECT RAISE(ABORT, 'the tamper log is append-only'); END;
            """)
        try expectFound(shop, ["tamper_log row 1, written by journal entry \(logged), is gone: deleted outside Workshop",
                               "customers row 1 differs from what journal entry \(found) wrote"])
    }

    /// The attacker's own chain: format 2, or format 3 for an entry with its site, as Workshop's
    /// source says, with no secret in it.
    static func rehash(_ db: Database, from first: Int) throws {
        var prev = try db.first("SELECT hash FROM journal WHERE id = ?", [.integer(Int64(first - 1))]) { $0.string("hash") } ?? ""
        let entries = try db.rows("SELECT * FROM journal WHERE id >= ? ORDER BY id", [.integer(Int64(first))]) { row in
            let formatThree = !row.isNull("site_id")
            return (row.int("id"), formatThree, (["id", "at", "recorded_at", "actor", "command", "action", "entity", "entity_id", "order_id",
                                                  "vehicle_id", "detail", "rows_digest"] + (formatThree ? ["site_id"] : [])).map { row.value($0) })
        }
        for (id, formatThree, values) in entries {
            var bytes: [UInt8] = []
            CanonicalBytes.append(.text("workshop journal entry \(formatThree ? 3 : 2)"), to: &bytes)
            CanonicalBytes.append(.text(prev), to: &bytes)
            for value in values { CanonicalBytes.append(value, to: &bytes) }
            let hash = Digest.hex(Digest.sha256(bytes))
            try db.run("UPDATE journal SET prev_hash = ?, hash = ? WHERE id = ?", [.text(prev), .text(hash), .integer(Int64(id))])
            prev = hash
        }
    }

    // 5
    @Test func aWholeChainRecomputedAfterAnEditIsNamedByItsAnchor() throws {
        let shop = try shop()
        let head = try value(shop, "SELECT max(id) FROM journal")
        let signed = try value(shop, "SELECT id FROM journal WHERE action = 'order.sign'")
        let db = try Database(path: shop.database)
        try db.execute("DROP TRIGGER journal_is_append_only_update")
        try db.run("UPDATE journal SET actor = '别人' WHERE id = ?", [.integer(Int64(signed))])
        try Self.rehash(db, from: signed)
        try db.execute(Self.appendOnlyUpdate)
        let found = try shop.command("verify")
        #expect(!found.stderr.contains("hash chain breaks"), "the chain holds together by itself")
        try expectFound(shop, ["journal entry \(head) has another hash than the anchor \(shop.database).anchor"])
    }

    static let appendOnlyUpdate = """
        CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
            BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END
        """

    // 6
    @Test func aForgedEntryAppendedWithACorrectLinkIsNamed() throws {
        let shop = try shop()
        let head = try value(shop, "SELECT max(id) FROM journal")
        let db = try Database(path: shop.database)
        try db.run("""
            INSERT INTO journal(id, at, recorded_at, actor, command, action, entity, entity_id, order_id, detail, prev_hash, hash)
            SELECT id + 1, at, recorded_at, '钱主管', 'refund RO1 amount=100', 'payment.refund', 'order', 'RO1', 1, '{}', '', ''
            FROM journal WHERE id = ?
            """, [.integer(Int64(head))])
        try db.execute("DROP TRIGGER journal_is_append_only_update")
        try Self.rehash(db, from: head + 1)
        try db.execute(Self.appendOnlyUpdate)
        try expectFound(shop, ["journal entries \(head + 1)…\(head + 1) go past the anchor"])
    }

    // 7
    @Test func theLastEntriesCutAreNamed() throws {
        let shop = try shop()
        let head = try value(shop, "SELECT max(id) FROM journal")
        let sealed = (try value(shop, "SELECT min(entry_id) FROM row_seals WHERE entry_id > \(head - 2)"),
                      try value(shop, "SELECT max(entry_id) FROM row_seals"))
        try sql(shop, "DROP TRIGGER journal_is_append_only_delete; DELETE FROM journal WHERE id > \(head - 2);")
        // After a later write the cut stays in the chain too: new entries do not take the cut ids.
        try expectFound(shop, ["the journal ends at entry \(head - 2), the anchor \(shop.database).anchor",
                               "says it reached entry \(head): entries \(head - 1)…\(head) were cut",
                               "row seals name journal entries \(sealed.0)…\(sealed.1), which the journal does not have"])
        #expect(try shop.command("verify").stderr.contains("journal: entries \(head - 1)…\(head) are missing"))
    }

    @Test func aJournalDeletedWholeIsNamed() throws {
        let shop = try shop()
        let head = try value(shop, "SELECT max(id) FROM journal")
        try sql(shop, "DROP TRIGGER journal_is_append_only_delete; DELETE FROM journal;")
        try expectFound(shop, ["the journal ends at entry 0", "entries 1…\(head) were cut"])
    }

    /// An older copy of the database put back with the anchor deleted — a cash payment gone — is
    /// named: before any write as an anchor removed, after one as an anchor begun late. A restore
    /// accounted for is restarted by a manager, which verify names as a note with the reason.
    @Test func anOlderCopyPutBackWithTheAnchorRemovedIsNamed() throws {
        let shop = try shop()
        let older = Workshop.temporaryDirectory() + "/older.db"
        try FileManager.default.copyItem(atPath: shop.database, toPath: older)
        #expect(try shop.command("pay RO1 amount=80 method=cash").status == 0)
        let kept = try value(shop, "SELECT max(id) FROM journal")
        for suffix in ["", "-wal", "-shm", ".anchor"] { try? FileManager.default.removeItem(atPath: shop.database + suffix) }
        try FileManager.default.copyItem(atPath: older, toPath: shop.database)
        let olderHead = try value(shop, "SELECT max(id) FROM journal")
        let unwritten = try shop.command("verify")
        #expect(unwritten.status == 1)
        #expect(unwritten.stderr.contains("no anchor file at \(shop.database).anchor, though Workshop kept one while it wrote entries up to \(olderHead)"),
                "\(unwritten.stderr)")
        #expect(try shop.command("customer add 路人 phone=13000007777").status == 0)
        try expectFound(shop, ["the anchor \(shop.database).anchor begins at entry \(olderHead), though Workshop had kept an anchor while it wrote entries up to \(olderHead)"])
        #expect(kept > olderHead)
        // Accounted for: a manager starts the anchor again, saying why.
        var manager = shop
        manager.user = "钱主管"
        let restarted = try manager.command("anchor restart reason=\"旧副本恢复，80 元现金已补录\"")
        #expect(restarted.status == 0, "\(restarted.stderr)")
        let verified = try shop.command("verify")
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("the anchor was started again at entry") && verified.stdout.contains("by 钱主管")
                && verified.stdout.contains("旧副本恢复"), "\(verified.stdout)")
        var technician = shop
        (technician.user, technician.now) = ("赵师傅", nil)
        #expect(try technician.command("anchor restart reason=x").stderr.contains("manager"), "only a manager restarts it")
    }

    /// A person's roles or PIN changed outside Workshop — inside a forged writer mark, which the
    /// watch triggers do not see — sign nobody in and confirm nothing: the row is checked against
    /// its seal before it is used, until a manager sets the person again.
    @Test func aStaffRowChangedOutsideNeitherSignsInNorSignsOff() throws {
        let shop = try shop()
        try sql(shop, "INSERT INTO writer_mark DEFAULT VALUES; UPDATE staff SET roles = 'manager' WHERE name = '赵师傅'; DELETE FROM writer_mark;")
        let before = try shop.fingerprint()
        var technician = shop
        technician.user = "赵师傅"
        let signedIn = try technician.command("discount RO1 percent=50")
        #expect(signedIn.status != 0)
        #expect(signedIn.stderr.contains("the staff record of 赵师傅 (roles, site or PIN) was changed outside Workshop"), "\(signedIn.stderr)")
        let signedOff = try shop.command("discount RO1 percent=50 authorized=赵师傅")
        #expect(signedOff.status != 0)
        #expect(signedOff.stderr.contains("the staff record of 赵师傅"), "\(signedOff.stderr)")
        #expect(try shop.fingerprint() == before, "refused before anything was counted or written")
        // The home manager sets him again: sealed as set, he signs in as what he is (and verify
        // still names the change made outside).
        var manager = shop
        manager.user = "钱主管"
        #expect(try manager.command("staff set 赵师傅 role=technician group=机修一组").status == 0)
        technician.now = nil  // only a manager sets the clock
        #expect(try technician.command("ro show RO1").status == 0)
        #expect(try technician.command("discount RO1 percent=50").stderr.contains("manager"))
        #expect(try shop.command("verify").stderr.contains("staff row"))
    }

    /// The staff list emptied outside Workshop does not make the next person in a new shop's manager.
    @Test func aStaffListEmptiedOutsideMakesNobodyManager() throws {
        let shop = try shop()
        try sql(shop, "INSERT INTO writer_mark DEFAULT VALUES; DELETE FROM staff; DELETE FROM writer_mark;")
        let before = try shop.fingerprint()
        var stranger = shop
        stranger.user = "路人"
        let refused = try stranger.command("staff add 路人 role=manager pin=1234")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("the staff list was emptied outside Workshop"), "\(refused.stderr)")
        #expect(try shop.fingerprint() == before)
    }

    // 8
    @Test func aWriterMarkLeftBehindIsNamedEvenAfterAWrite() throws {
        let shop = try shop()
        try sql(shop, "INSERT INTO writer_mark DEFAULT VALUES;")
        try expectFound(shop, ["writer_mark holds a row outside any Workshop transaction"])
        // In one session, after a write of its own.
        let session = try shop.script("customer add 同一会话 phone=13933334444\nverify\n")
        #expect(session.stderr.contains("writer_mark holds a row outside any Workshop transaction"), "\(session.stderr)")
    }

    @Test func lateEntriesAreMarkedInHistoryTheDayReportAndVerify() throws {
        var shop = try shop()
        shop.now = "2026-11-23 16:00"  // typed today, for a day the real clock has left behind (after RO1 came in)
        #expect(try shop.command("damage RO1 \"左后门凹陷\"").status == 0)
        let entry = try value(shop, "SELECT max(id) FROM journal")
        let history = try shop.command("history RO1")
        #expect(history.stdout.contains("2026-11-23 16:00 late entry (entered "), "\(history.stdout)")
        let day = try shop.command("report day 2026-11-23")
        #expect(day.stdout.contains("Late entries: 1"), "\(day.stdout)")
        #expect(day.stdout.contains("entry \(entry) 2026-11-23 16:00 王芳 damage noted · entered "))
        #expect(day.stdout.contains("Journal chain head (as of 2026-11-24 00:00)"))
        let verified = try shop.command("verify")
        #expect(verified.status == 0)
        #expect(verified.stdout.contains("late entry: entry \(entry), damage noted by 王芳, dated 2026-11-23 16:00, entered "))
        let json = try shop.command("history RO1", json: true)
        #expect(json.stdout.contains("\"late_entry\":true") && json.stdout.contains("\"recorded_at\":\"20"))
    }
}
