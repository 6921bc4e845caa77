import Foundation
import Testing
import WorkshopCLI

/// People, roles and PINs; the tamper-evident journal; two terminals at once; a crash mid-script.
@Suite("Trust")
struct TrustTests {
    /// The floor fixture, with a cashier and an advisor; everyone's PIN is 1234.
    func shop() throws -> Workshop {
        let shop = Workshop()
        let result = try shop.script(FloorTests.fixtures + """
            staff add 周静 role=cashier pin=1234
            staff add 刘敏 role=advisor pin=1234
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响"
            estimate RO1 labor BRK-01
            estimate RO1 part 5QD698151 qty=1
            promise RO1 2026-11-22 17:00
            approve RO1 signed=张伟
            dispatch RO1 group=机修一组
            """)
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    /// The shop as `user` sees it, on the system's clock (only a manager may set one).
    func signedInAs(_ shop: Workshop, _ user: String) -> Workshop {
        var other = shop
        other.user = user
        other.now = nil
        return other
    }

    @Test func eachRoleDoesWhatItMayAndARefusalNamesTheRoleNeeded() throws {
        let shop = try shop()
        let refusals: [(String, String, String)] = [
            ("赵师傅", "inspect RO1 pre pass by=孙检", "inspect needs the role inspector (quality inspector) or manager (manager); 赵师傅 is technician"),
            ("周静", "discount RO1 percent=10 authorized=周静", "周静 is cashier, not a manager"),
            ("刘敏", "staff add 新人 role=advisor", "staff add needs the role manager"),
            ("刘敏", "dispatch RO1 group=机修二组", "dispatch needs the role manager"),
            ("赵师傅", "pay RO1 amount=10 method=cash", "pay needs the role manager (manager) or cashier (cashier)"),
            ("孙检", "checkin 粤BD12345 odometer=1 battery=90 complaint=x", "checkin needs the role advisor (service advisor) or manager (manager)"),
            ("周静", "shop set name=别的名字", "shop set needs the role manager"),
        ]
        for (user, command, says) in refusals {
            let result = try signedInAs(shop, user).command(command)
            #expect(result.status == 1, "\(user): \(command) should be refused")
            #expect(result.stderr.contains(says), "\(user): \(command): \(result.stderr)")
        }
        // Sign-ins change the staff rows (first-use PINs), so compare the order tables only.
        #expect(try shop.count("SELECT count(*) FROM orders WHERE status = 'in-work'") == 1)
        #expect(try shop.count("SELECT count(*) FROM payments") == 0)
        #expect(try shop.count("SELECT count(*) FROM staff WHERE name = '新人'") == 0)
        // And what they may do, they can.
        #expect(try signedInAs(shop, "孙检").command("ro show RO1").status == 0, "reading is open to everyone signed in")
        #expect(try signedInAs(shop, "赵师傅").command("progress RO1 50").status == 0)
        #expect(try signedInAs(shop, "赵师傅").command("belongings RO1 list").status == 0, "listing is reading")
        #expect(try signedInAs(shop, "赵师傅").command("belongings RO1 add 雨伞").status == 1)
        #expect(try signedInAs(shop, "周静").command("pay RO1 amount=100 method=cash").status == 0)
    }

    @Test func pinsAreHashedCheckedAndLockAfterFiveWrongTries() throws {
        var shop = try shop()
        _ = try shop.command("staff add 新人 role=advisor pin=7391")
        let hash = try SQLiteHandle(shop.database).db.first("SELECT pin_hash FROM staff WHERE name = '新人'") { $0.string(0) } ?? ""
        #expect(hash.hasPrefix("$y$"), "a yescrypt hash from libxcrypt")
        #expect(!hash.contains("7391"))
        #expect(try shop.count("SELECT count(*) FROM journal WHERE command LIKE '%7391%'") == 0, "the PIN never reaches the journal")
        shop.user = "新人"
        shop.now = nil   // not a manager: the system's clock
        shop.environment["WORKSHOP_PIN"] = "0000"
        for attempt in 1...4 {
            let wrong = try shop.command("ro list")
            #expect(wrong.status == 2)
            #expect(wrong.stderr.contains("wrong PIN for 新人 (\(5 - attempt) tries left)"), "\(wrong.stderr)")
        }
        #expect(try shop.command("ro list").stderr.contains("locked for 15 minutes"))
        shop.environment["WORKSHOP_PIN"] = "7391"
        #expect(try shop.command("ro list").stderr.contains("is locked until"), "even the right PIN waits out the lock")
        // A clock moved forward unlocks nothing: --now is a manager's, and sign-in counts on the system's clock.
        shop.now = "2099-01-01 00:20"
        #expect(try shop.command("ro list").stderr.contains("is locked until"))
        shop.now = nil
        // A manager gives a forgotten PIN a new one, which unlocks the account; never "blank until first use".
        var manager = signedInAs(shop, "王芳")
        manager.environment["WORKSHOP_PIN"] = "1234"
        #expect(try manager.command("staff pin 新人").stderr.contains("give the new PIN"))
        #expect(try manager.command("staff pin 新人 pin=2580").status == 0)
        shop.environment["WORKSHOP_PIN"] = "2580"
        #expect(try shop.command("ro list").status == 0)
        // Only a manager sets another person's PIN; a new person starts with one.
        #expect(try shop.command("staff pin 孙检 pin=1111").stderr.contains("only a manager sets another person's PIN"))
        #expect(try manager.command("staff add 无PIN role=advisor").stderr.contains("a new person starts with a PIN"))
    }

    @Test func nobodyWorksWithoutSigningIn() throws {
        let shop = try shop()
        #expect(try shop.command("ro list").status == 0, "signed in, it works")
        // The same database, without --user.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Workshop.binary)
        process.arguments = ["--db", shop.database, "-c", "ro list"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(message.contains("请先登录"), "a shop speaks its own language: \(message)")
    }

    @Test func verifyCatchesAnEditMadeWithTheSqlite3Tool() throws {
        let shop = try shop()
        #expect(try shop.command("verify").status == 0)
        try Self.sqlite3(shop.database, "UPDATE order_lines SET amount = 1 WHERE order_id = 1 AND number = 2;")
        let found = try shop.command("verify")
        #expect(found.status == 1)
        #expect(found.stderr.contains("order_lines: row"))
        #expect(found.stderr.contains("was updated outside Workshop"))
    }

    @Test func verifyCatchesAJournalEditEvenWithTheSafeguardsDropped() throws {
        let shop = try shop()
        let entry = try shop.count("SELECT id FROM journal WHERE action = 'order.sign'")
        try Self.sqlite3(shop.database, """
            DROP TRIGGER journal_is_append_only_update;
            DROP TRIGGER tamper_orders_update;
            UPDATE journal SET actor = '别人' WHERE id = \(entry);
            UPDATE orders SET signed_by = '别人' WHERE id = 1;
            """)
        let found = try shop.command("verify")
        #expect(found.status == 1)
        #expect(found.stderr.contains("journal: entry \(entry)"), "\(found.stderr)")
        #expect(found.stderr.contains("safeguards removed"))
    }

    @Test func twoTerminalsWritingAtOnceLoseNothing() throws {
        let shop = try shop()
        let perWriter = 1_000
        let directory = Workshop.temporaryDirectory()
        var processes: [Process] = []
        for (writer, user) in [(3, "王芳"), (4, "刘敏")] {
            let path = directory + "/writer\(writer).ws"
            try (0..<perWriter).map { "customer add 客户\(writer)-\($0) phone=1\(writer)\(String(format: "%09d", $0))" }
                .joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Workshop.binary)
            process.arguments = ["--db", shop.database, "--user", user, path]
            process.environment = ProcessInfo.processInfo.environment.merging(["WORKSHOP_PIN": "1234"]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            processes.append(process)
        }
        let started = Date()
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        let seconds = Date().timeIntervalSince(started)
        for process in processes { #expect(process.terminationStatus == 0) }
        #expect(try shop.count("SELECT count(*) FROM customers WHERE name LIKE '客户%'") == 2 * perWriter)
        #expect(try shop.command("verify").status == 0, "the journal chains across both writers")
        print("two writers: \(2 * perWriter) commands in \(String(format: "%.2f", seconds)) s = \(Int(Double(2 * perWriter) / seconds)) commands/s")
    }

    @Test func aKilledProcessKeepsEveryCommandItConfirmed() throws {
        let shop = try shop()
        let total = 20_000
        let ids = try shop.customersConfirmedBeforeKill(total: total, confirmations: 300)
        #expect(ids.count >= 299)
        #expect(ids.count < total, "the process was killed mid-script")
        let stored = Set(try SQLiteHandle(shop.database).db.rows("SELECT id FROM customers") { $0.int(0) })
        for id in ids { #expect(stored.contains(id), "C\(id) was confirmed but is missing") }
        #expect(try SQLiteHandle(shop.database).db.rows("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
        #expect(try shop.command("verify").status == 0)
    }

    @Test func backupIsAConsistentCopyAndExportWritesEveryTable() throws {
        let shop = try shop()
        let directory = Workshop.temporaryDirectory()
        #expect(try shop.command("backup \(directory)/copy.db").status == 0)
        let copy = Workshop(database: directory + "/copy.db")
        #expect(try copy.count("SELECT count(*) FROM orders") == 1)
        #expect(try copy.command("verify").status == 0)
        #expect(try shop.command("backup \(shop.database)").stderr.contains("is the shop database itself"))
        try "notes".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(try shop.command("backup \(directory)/notes.txt").stderr.contains("is not a database backup"))
        #expect(try shop.command("export \(directory)/export").status == 0)
        let lines = try String(contentsOfFile: directory + "/export/order_lines.csv", encoding: .utf8).split(separator: "\r\n")
        #expect(lines.count == 3, "a header and two lines")
        let staff = try String(contentsOfFile: directory + "/export/staff.json", encoding: .utf8)
        #expect(!staff.contains("pin_hash") && !staff.contains("$y$"), "PIN hashes stay in the shop")
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/export/journal.json"))) is [Any])
    }

    static func sqlite3(_ database: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "sqlite3 failed on: \(sql)")
    }
}

/// Seeded random input through the whole command layer: no crash, no hang, and a refused command
/// changes nothing. The same seed gives the same run.
@Suite("Hostile input")
struct HostileInputTests {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static let words = ["customer", "vehicle", "checkin", "ro", "estimate", "approve", "decline", "damage", "belongings", "diagnose",
                        "promise", "dispatch", "inspect", "supplement", "progress", "complete", "invoice", "pay", "discount", "release",
                        "warranty", "complaint", "followup", "parts", "job", "appointment", "staff", "bay", "shop", "history", "verify",
                        "board", "notify", "help", "set", "add", "show", "list", "set", "remove", "RO1", "RO2", "RO999", "京A12345",
                        "粤BD12345", "C1", "labor", "part", "fee", "pass", "fail", "final", "pre", "1", "0", "-1", "99999999999",
                        "1.2345", "all", "key", "'; DROP TABLE orders; --", "\" OR 1=1 --", "../../etc/passwd", "\u{0}", "\u{7}",
                        "\u{202E}", "💥", "𠀀", "   ", "#", "\"unclosed", "“中文引号”", "＝", "=", "===", "a=b=c"]
    static let keys = ["odometer", "fuel", "complaint", "qty", "price", "hours", "amount", "signed", "group", "by", "percent",
                       "authorized", "method", "reason", "out", "at", "job", "status", "class", "pin", "promise", "decline", "bay"]

    @Test func randomLinesNeverCrashAndRefusalsChangeNothing() throws {
        let database = Workshop.temporaryDirectory() + "/hostile.db"
        let options = try LaunchOptions(arguments: ["--db", database, "--user", "王芳", "--now", "2026-11-22 09:00"])
        let app = try App(options: options, environment: ["WORKSHOP_PIN": "1234", "HOME": NSTemporaryDirectory()])
        try app.signIn("王芳", readSecret: nil)
        for line in ["customer add 张伟 phone=13800138000", "vehicle add 京A12345 vin=LFV2A21K8C3070455 owner=C1",
                     "checkin 京A12345 odometer=1000 fuel=F complaint=异响", "estimate RO1 labor 换油 hours=1"] {
            #expect(app.execute(line).ok)
        }
        let shop = Workshop(database: database)
        var random = Generator(state: 20_261_122)
        var refused = 0
        for _ in 0..<400 {
            var parts: [String] = []
            for _ in 0..<Int(random.next() % 7) + 1 {
                if random.next() % 3 == 0 {
                    parts.append("\(random.pick(Self.keys))=\(random.pick(Self.words))")
                } else {
                    parts.append(random.pick(Self.words))
                }
            }
            if random.next() % 50 == 0 { parts.append(String(repeating: "长", count: 50_000)) }
            let line = parts.joined(separator: " ")
            let first = parts[0].lowercased()
            // Nothing that writes files or leaves the session.
            if ["backup", "export", "print", "source", "report", "quit", "login", "logout"].contains(first) { continue }
            let before = try shop.fingerprint()
            let result = app.execute(line)
            if !result.ok {
                refused += 1
                #expect(try shop.fingerprint() == before, "a refused command changed the database: \(line.prefix(200))")
            }
        }
        #expect(refused > 100, "most random lines are refused")
        #expect(app.execute("verify").ok, "the journal still chains")
    }
}
