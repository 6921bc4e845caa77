import Foundation
import Testing

/// The front desk through the built binary: what an advisor (or a program) sees and what stays.
@Suite("Front desk, end to end")
struct ReceptionTests {
    static let fixture = Workshop.transcripts + "/shop-fixture.ws"

    /// A shop with the fixture loaded and RO1 checked in and estimated for 京A12345.
    func estimatedShop() throws -> Workshop {
        let shop = Workshop()
        let result = try shop.script("""
            source \(Self.fixture)
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响" key=K07
            estimate RO1 labor BRK-01
            estimate RO1 part 5QD698151 qty=1
            promise RO1 2026-11-23 17:00
            """)
        #expect(result.status == 0, "setup failed: \(result.stderr)")
        return shop
    }

    @Test func everyBadInputIsRefusedAndChangesNothing() throws {
        let shop = try estimatedShop()
        let refusals: [(command: String, says: String)] = [
            ("vehicle add 京B12345 vin=LFV2A21K9C3070455 owner=C1", "fails its check digit"),
            ("vehicle add 京BI2345 vin=LSVAM4187C2184847 owner=C1", "I and O never appear"),
            ("vehicle add 京B12345 vin=LSVAM4187C2184847 owner=C9", "no customer C9"),
            ("customer add 张三 phone=13800138000", "already belongs to C1"),
            ("checkin 京A12345 odometer=50000 fuel=F complaint=x", "already in the shop under RO1"),
            ("checkin 粤BD12345 odometer=100 battery=90 complaint=x key=K07", "key tag K07 already holds"),
            ("checkin 粤BD12345 odometer=100 fuel=full-ish complaint=x", "fuel=full-ish is not accepted"),
            ("checkin 粤BD12345 odometer=100 battery=90 complaint=x promise=2020-01-01 09:00", "not in the future"),
            ("estimate RO1 part 前刹车片 qty=0 price=10", "qty=0 is not a quantity"),
            ("estimate RO1 part 前刹车片 qty=1 price=-10", "price=-10 is not an amount"),
            ("estimate RO1 labor 换油 hours=1 rat=100", "did you mean rate=?"),
            ("estimate RO1 remove 7", "RO1 has no line 7; its lines are 1, 2"),
            ("estimate RO9 labor x hours=1", "no order RO9"),
            ("approve RO1 signed=张伟 decline=1,2", "declines every line"),
            ("ro show 京Z00000", "no vehicle"),
            ("decline RO1 fee=abc", "fee=abc is not an amount"),
            ("belongings RO1 return 千斤顶", "not on RO1's belongings checklist"),
            ("shop set labor_rate=0", "labor_rate=0: must be above zero"),
            ("vehicle odometer 京A12345 100", "reason=TEXT is missing"),
        ]
        let before = try shop.fingerprint()
        for refusal in refusals {
            let result = try shop.command(refusal.command)
            #expect(result.status == 1, "\(refusal.command) should fail")
            #expect(result.stderr.contains(refusal.says), "\(refusal.command): \(result.stderr)")
            #expect(try shop.fingerprint() == before, "\(refusal.command) changed the database")
        }
    }

    @Test func aFailingCommandRollsBackWhatItHadAlreadyDone() throws {
        let shop = try estimatedShop()
        let before = try shop.fingerprint()
        // `shop set` saves name= before it reaches the bad tax_rate=: the whole command is undone.
        let result = try shop.command("shop set name=\"新名字\" tax_rate=abc")
        #expect(result.status == 1)
        #expect(try shop.fingerprint() == before)
        #expect(try shop.command("shop show").stdout.contains("顺达汽修"))
    }

    @Test func signedOrdersAreLockedUntilReopenedAndReopeningIsRecorded() throws {
        let shop = try estimatedShop()
        #expect(try shop.command("approve RO1 signed=张伟").status == 0)
        let locked = try shop.command("estimate RO1 labor BRK-03")
        #expect(locked.status == 1)
        #expect(locked.stderr.contains("reopen RO1"))
        #expect(try shop.command("reopen RO1 reason=\"客户要求加做刹车油\"").status == 0)
        #expect(try shop.command("estimate RO1 labor BRK-03").status == 0)
        let history = try shop.command("history RO1", json: true).stdout
        #expect(history.contains("order.sign"))
        #expect(history.contains("order.reopen"))
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'order.reopen' AND detail LIKE '%客户要求加做刹车油%'") == 1)
        // Signed again, with the new line approved.
        #expect(try shop.command("approve RO1 signed=张伟").status == 0)
        #expect(try shop.count("SELECT count(*) FROM order_lines WHERE order_id = 1 AND status = 'approved'") == 3)
    }

    @Test func declinedWorkIsOfferedAgainAtTheNextVisit() throws {
        let shop = try estimatedShop()
        #expect(try shop.command("diagnose RO1 \"前刹车片磨损\" fee=50").status == 0)
        let declined = try shop.command("decline RO1 reason=太贵")
        #expect(declined.status == 0)
        #expect(declined.stdout.contains("50.00"))
        let next = try shop.command("checkin 京A12345 odometer=46000 fuel=F complaint=保养")
        #expect(next.status == 0)
        #expect(next.stdout.contains("RO1/1 更换前刹车片"))
        #expect(next.stdout.contains("RO1/2 前刹车片（套）"))
        // The fee is the only charged line of the declined order.
        #expect(try shop.count("SELECT sum(amount) FROM order_lines WHERE order_id = 1 AND status = 'approved'") == 5_000)
    }

    @Test func aDeclinedEstimateChargesTheDiagnosticFeeOnly() throws {
        let shop = try estimatedShop()
        #expect(try shop.command("diagnose RO1 \"前刹车片磨损\" fee=50").status == 0)
        let declined = try shop.command("decline RO1")
        #expect(declined.stdout.contains("50.00"), "\(declined.stdout)")
        #expect(try shop.count("SELECT sum(amount) FROM order_lines WHERE order_id = 1 AND status = 'approved'") == 5_000)
        #expect(try shop.count("SELECT count(*) FROM order_lines WHERE order_id = 1 AND status = 'declined'") == 2)
    }

    @Test func aFeeGivenAtDeclineReplacesTheDiagnosticFee() throws {
        let shop = try estimatedShop()
        _ = try shop.command("diagnose RO1 \"前刹车片磨损\" fee=50")
        #expect(try shop.command("decline RO1 fee=30").status == 0)
        #expect(try shop.count("SELECT sum(amount) FROM order_lines WHERE order_id = 1 AND status = 'approved'") == 3_000)
    }

    @Test func theOdometerNeverGoesBackwardsButCanBeCorrectedOnRecord() throws {
        let shop = try estimatedShop()
        _ = try shop.command("decline RO1")
        let back = try shop.command("checkin 京A12345 odometer=45000 fuel=F complaint=x")
        #expect(back.status == 1)
        #expect(back.stderr.contains("below 京A12345's last reading of 45210 km"))
        #expect(try shop.command("vehicle odometer 京A12345 45000 reason=\"仪表总成更换\"").status == 0)
        #expect(try shop.command("checkin 京A12345 odometer=45000 fuel=F complaint=x").status == 0)
        #expect(try shop.command("history 京A12345", json: true).stdout.contains("vehicle.odometer-correction"))
    }

    @Test func everythingIsStillThereAfterARestart() throws {
        let shop = try estimatedShop()
        _ = try shop.command("approve RO1 signed=张伟 via=phone")
        // A new process on the same file.
        let shown = try shop.inShopLanguage.command("ro show 京A·12345")
        #expect(shown.status == 0)
        for expected in ["RO1", "已签字", "张伟 · 电话", "更换前刹车片", "前刹车片（套）", "564.00", "K07", "2026-11-23 17:00"] {
            #expect(shown.stdout.contains(expected), "missing \(expected) in\n\(shown.stdout)")
        }
        let file = try shop.command("vehicle show LFV2A21K8C3070455")
        #expect(file.stdout.contains("RO1"))
        #expect(file.stdout.contains("45210"))
    }

    @Test func everyChangeIsAttributedToAUserAndTime() throws {
        let shop = try estimatedShop()
        #expect(try shop.command("staff add 刘敏 role=advisor pin=1234").status == 0)
        var other = shop
        other.user = "刘敏"
        other.now = nil   // an advisor works on the system's clock
        let before = Int(Date().timeIntervalSince1970)
        _ = try other.command("damage RO1 \"右后视镜裂纹\"")
        #expect(try shop.count("SELECT count(*) FROM journal WHERE actor = '刘敏' AND action = 'damage.add' AND at >= \(before) AND at <= \(before + 60)") == 1)
        #expect(try shop.count("SELECT count(*) FROM journal WHERE actor = '王芳'") > 5)
        // The journal cannot be edited from SQL.
        #expect(throws: Error.self) {
            try SQLiteHelper.execute(shop.database, "UPDATE journal SET actor = 'x'")
        }
    }
}

@Suite("Scripts, pipes, one-shot commands and JSON")
struct RunnerTests {
    @Test func scriptErrorsNameTheLineAndTheRestGoesOn() throws {
        let shop = Workshop()
        let result = try shop.script("""
            customer add 张伟 phone=13800138000
            customer add 李娜 phone=oops
            # a comment

            customer add 李娜 phone=13912345678
            """)
        #expect(result.status == 1)
        #expect(result.stderr == "line 2: phone oops is not a telephone number: write its digits, e.g. 13800138000 or 0755-82345678\n")
        #expect(try shop.count("SELECT count(*) FROM customers") == 2)
        #expect(!result.stdout.contains("workshop>"), "no prompt when reading a pipe")
    }

    @Test func bailStopsAtTheFirstError() throws {
        let shop = Workshop()
        let result = try shop.script("customer add 张伟 phone=13800138000\ncustomer add 李娜 phone=oops\ncustomer add 李娜 phone=13912345678\n",
                                     options: ["--bail"])
        #expect(result.status == 1)
        #expect(try shop.count("SELECT count(*) FROM customers") == 1)
    }

    @Test func oneShotCommandsSetTheExitStatus() throws {
        let shop = Workshop()
        #expect(try shop.command("customer add 张伟 phone=13800138000").status == 0)
        let failed = try shop.command("customer show C7")
        #expect(failed.status == 1)
        #expect(failed.stderr.hasPrefix("error: no customer C7"))
    }

    @Test func aBadCommandLineExitsWithTwo() throws {
        let result = try Workshop().run(["--frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("usage: workshop"))
    }

    @Test func withJsonAFailureToStartIsAJsonDocumentToo() throws {
        let shop = Workshop()
        #expect(try shop.command("customer list").status == 0)  // the shop exists, 王芳 its manager
        var wrongPIN = shop
        wrongPIN.environment["WORKSHOP_PIN"] = "9999"
        for result in [try wrongPIN.command("customer list", json: true), try shop.run(["--json", "--frobnicate"]),
                       try shop.run(["--json", "/nonexistent/day.ws"])] {
            #expect(result.status == 2)
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            #expect(object?["ok"] as? Bool == false, "stdout: \(result.stdout)")
            #expect((object?["code"] as? String)?.hasPrefix("launch.") == true)
            #expect((object?["error"] as? String).map { result.stderr.contains($0.prefix(20)) } == true)
        }
        #expect(try wrongPIN.command("customer list", json: true).stdout.contains("wrong PIN"))
    }

    @Test func jsonOutputIsOneDocumentPerResult() throws {
        let shop = Workshop()
        let result = try shop.script("""
            source \(ReceptionTests.fixture)
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响"
            estimate RO1 part 5QD698151 qty=2
            ro show RO1
            customer show C9
            vehicle show 京A12345
            """, options: ["--json"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 15)
        var documents: [[String: Any]] = []
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object != nil, "not a JSON object: \(line)")
            documents.append(object ?? [:])
        }
        let order = documents[12]
        #expect(order["order"] as? String == "RO1")
        #expect(order["status"] as? String == "estimating")
        let totals = order["totals"] as? [String: Any]
        #expect((totals?["total"] as? [String: Any])?["fen"] as? Int == 84_000)
        #expect(documents[13]["ok"] as? Bool == false)
        #expect((documents[13]["error"] as? String)?.contains("no customer C9") == true)
        #expect(((documents[14]["orders"] as? [Any])?.count) == 1)
    }

    @Test func setFormatJsonSwitchesInsideASession() throws {
        let result = try Workshop().script("set format json\ncustomer add 张伟 phone=13800138000\n")
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let object = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
        #expect((object?["customer"] as? [String: Any])?["id"] as? String == "C1")
    }

    @Test func aLineThatIsNotUTF8IsRefusedAndTheRestRuns() throws {
        let shop = Workshop()
        var input = Data("customer add 张伟 phone=13800138000\n".utf8)
        input.append(contentsOf: [0x63, 0x75, 0xFF, 0xFE, 0x0A])
        input.append(Data("customer add 李娜 phone=13912345678\n".utf8))
        let result = try shop.run([], input: input)
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 2: the line is not valid UTF-8"))
        #expect(try shop.count("SELECT count(*) FROM customers") == 2)
    }

    @Test func sourceRunsAFileRelativeToTheScriptThatNamesIt() throws {
        let directory = Workshop.temporaryDirectory()
        try "customer add 张伟 phone=13800138000\ncustomer add 坏 phone=x\n".write(toFile: directory + "/inner.ws", atomically: true, encoding: .utf8)
        try "source inner.ws\ncustomer list\n".write(toFile: directory + "/outer.ws", atomically: true, encoding: .utf8)
        let shop = Workshop(database: directory + "/shop.db")
        let result = try shop.run([directory + "/outer.ws"], workingDirectory: "/")
        #expect(result.status == 1)
        #expect(result.stderr.contains("inner.ws line 2: phone x"))
        #expect(result.stdout.contains("张伟"))
    }

    @Test func unknownCommandsGetADidYouMean() throws {
        let result = try Workshop().command("custmer list")
        #expect(result.stderr.contains("unknown command 'custmer'; did you mean customer?"))
    }

    @Test func helpListsEveryCommandAndExplainsOne() throws {
        let shop = Workshop()
        let overview = try shop.command("help").stdout
        for name in ["customer", "vehicle", "checkin", "ro", "diagnose", "damage", "belongings", "estimate", "promise",
                     "approve", "decline", "shop", "source", "quit"] {
            #expect(overview.contains(name), "help does not list \(name)")
        }
        let one = try shop.command("help estimate").stdout
        #expect(one.contains("usage:"))
        #expect(one.contains("estimate RO|PLATE part"))
    }

    @Test func helpOnASubCommandShowsOnlyItsForms() throws {
        let shop = Workshop()
        let list = try shop.command("help ro list")
        #expect(list.stdout.contains("ro list [status="))
        #expect(!list.stdout.contains("ro set "), "help ro list shows other forms:\n\(list.stdout)")
        let typo = try shop.command("help ro lst")
        #expect(typo.status != 0)
        #expect(typo.stderr.contains("ro has no sub-command 'lst'; did you mean ro list? (it has: cover, list, set, show, uncover)"))
    }

    @Test func datesAndTimesTypedAsTwoWordsJoin() throws {
        let shop = Workshop()
        _ = try shop.script("source \(ReceptionTests.fixture)\ncheckin 京A12345 odometer=1 fuel=F complaint=x promise=2026-11-23 17:30\n")
        #expect(try shop.command("ro show RO1").stdout.contains("2026-11-23 17:30"))
        #expect(try shop.command("promise RO1 明天 18:00").stdout.contains("2026-11-23 18:00"))
    }

    /// A trailer comes in without a fuel level (it has no engine) and its order reads and prints.
    @Test func aTrailerIsCheckedInWithoutAFuelLevel() throws {
        let shop = Workshop()
        #expect(try shop.script("""
            source \(ReceptionTests.fixture)
            vehicle add 粤B1234挂 vin=LJRP12394J1000001 owner=13800138000 make=中集 model=半挂车 year=2018 confirm-vin=yes
            """).status == 0)
        let checkedIn = try shop.command("checkin 粤B1234挂 odometer=1000 complaint=刹车气管漏气")
        #expect(checkedIn.status == 0, "\(checkedIn.stderr)")
        #expect(try shop.command("ro show 粤B1234挂").stdout.contains("刹车气管漏气"))
        let folder = Workshop.temporaryDirectory()
        #expect(try shop.command("print 粤B1234挂 jobcard format=html out=\(folder)/card.html").status == 0)
    }

    /// A promise to a customer names the hour: a day alone would be midnight, which nobody said.
    @Test func aPromiseWithoutAnHourIsRefused() throws {
        let shop = Workshop()
        _ = try shop.script("source \(ReceptionTests.fixture)\ncheckin 京A12345 odometer=1 fuel=F complaint=x promise=2026-11-23 17:30\n")
        let before = try shop.fingerprint()
        for line in ["promise RO1 2026-11-24", "promise RO1 2026/11/24"] {
            let refused = try shop.command(line)
            #expect(refused.status != 0 && refused.stderr.contains("is a day without a time: a promised time says the hour"), "\(line): \(refused.stderr)")
        }
        let zh = try shop.inShopLanguage.command("promise RO1 2026-11-24")
        #expect(zh.stderr.contains("只有日期：交车时间要写到几点，如 2026-11-24 17:00"), "\(zh.stderr)")
        #expect(try shop.fingerprint() == before)
    }
}

/// Direct SQL on a test database, for proving what the program must refuse.
enum SQLiteHelper {
    static func execute(_ path: String, _ sql: String) throws {
        try SQLiteHandle(path).db.execute(sql)
    }
}

import SQLite
struct SQLiteHandle {
    let db: Database
    init(_ path: String) throws { db = try Database(path: path) }
}
