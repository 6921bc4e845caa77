import Foundation
import Testing

/// The desk's holes a tester found, each closed through the binary: a decline fee typed at will, a
/// receiver named without their PIN, a PIN taken at a terminal left signed in, a major complaint
/// overridden by an advisor, a reopen after the workshop or a payment, a failed inspection with
/// every item passed, empty names and notes, and sentences that said what was not so.
@Suite("Desk gates, end to end")
struct DeskGateEndToEndTests {
    /// The fixtures, 刘敏 (an advisor) and 周静 (a cashier); RO1 an estimate for 京A12345 (BRK-01,
    /// 144.00) with its key on hook K33.
    func shop() throws -> Workshop {
        let shop = Workshop()
        let result = try shop.script(FloorTests.fixtures + """
            staff add 刘敏 role=advisor pin=1234
            staff add 周静 role=cashier pin=1234
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="异响" key=K33
            estimate RO1 labor BRK-01
            promise RO1 2026-11-22 17:00
            """)
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    /// Lines run signed in as `person` on the tests' clock, with a sign-off PIN given or not.
    @discardableResult
    func run(_ shop: Workshop, as person: String, signerPIN: String? = "1234", _ lines: String) throws -> Workshop.Result {
        var other = shop
        other.environment["WORKSHOP_SIGNER_PIN"] = signerPIN
        return try other.script("login \(person) pin=1234\n" + lines)
    }

    @Test func aDeclineChargesTheFeeOnTheEstimateAndAWaiverNeedsAManager() throws {
        let shop = try shop()
        let before = try shop.fingerprint()
        let above = try run(shop, as: "刘敏", "decline RO1 fee=5000")
        #expect(above.status != 0)
        #expect(above.stderr.contains("there is no fee on the estimate, not 5,000.00; a higher fee is put on the estimate first"), "\(above.stderr)")
        #expect(try shop.fingerprint() == before, "a refused decline changes nothing")
        #expect(try run(shop, as: "刘敏", "diagnose RO1 \"前刹车片磨损\" fee=200").status == 0)
        let recorded = try shop.fingerprint()
        let waived = try run(shop, as: "刘敏", "decline RO1 fee=0")
        #expect(waived.stderr.contains("the fee on the estimate is 200.00: waiving it down to 0.00 needs a manager's authorisation"), "\(waived.stderr)")
        #expect(try run(shop, as: "刘敏", "decline RO1 fee=300").stderr.contains("the fee on the estimate is 200.00, not 300.00"))
        #expect(try run(shop, as: "刘敏", signerPIN: nil, "decline RO1 fee=0 authorized=钱主管").stderr.contains("must be confirmed by 钱主管"))
        #expect(try shop.fingerprint() == recorded)
        // The manager's sign-off waives it, on record; nothing is charged.
        let given = try run(shop, as: "刘敏", "decline RO1 fee=0 authorized=钱主管 reason=\"老客户\"")
        #expect(given.status == 0, "\(given.stderr)")
        #expect(!given.stdout.contains("fee due"), "\(given.stdout)")
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'order.decline' AND detail LIKE '%\"authorized_by\":\"钱主管\"%'") == 1)
        #expect(try shop.count("SELECT count(*) FROM order_lines WHERE order_id = 1 AND status = 'approved'") == 0)
    }

    @Test func aDeclinedCarsReleaseNoteSaysWhereItsKeyIs() throws {
        let shop = try shop()
        #expect(try shop.script("diagnose RO1 \"前刹车片磨损\" fee=20\ndecline RO1").status == 0)
        let folder = Workshop.temporaryDirectory()
        let zh = shop.inShopLanguage
        #expect(try zh.command("print RO1 release format=html out=\(folder)/before.html").status == 0)
        let before = try String(contentsOfFile: folder + "/before.html", encoding: .utf8)
        #expect(before.contains("K33 仍在钥匙柜，待交还") && !before.contains("K33 已交还"), "\(before)")
        #expect(try shop.command("belongings RO1 return key").status == 0)
        #expect(try zh.command("print RO1 release format=html out=\(folder)/after.html").status == 0)
        #expect(try String(contentsOfFile: folder + "/after.html", encoding: .utf8).contains("K33 已交还"))
    }

    @Test func theWorkshopReceiverIsAWorkshopPersonWhoSignsForIt() throws {
        let shop = try shop()
        #expect(try shop.command("approve RO1 signed=张伟").status == 0)
        let before = try shop.fingerprint()
        let advisor = try run(shop, as: "刘敏", "handover RO1 receiver=刘敏")
        #expect(advisor.stderr.contains("刘敏 is service advisor, not a technician or manager"), "\(advisor.stderr)")
        let unconfirmed = try run(shop, as: "刘敏", signerPIN: nil, "handover RO1 receiver=钱主管")
        #expect(unconfirmed.stderr.contains("must be confirmed by 钱主管"), "\(unconfirmed.stderr)")
        #expect(try shop.fingerprint() == before)
        // With the receiver's PIN (a name typed with a stray space is the name).
        let received = try run(shop, as: "刘敏", "handover RO1 receiver=\"钱主管 \"")
        #expect(received.status == 0, "\(received.stderr)")
        #expect(try shop.count("SELECT count(*) FROM orders WHERE id = 1 AND handover_by = '钱主管'") == 1)
    }

    @Test func changingOnesOwnPINAsksForTheCurrentOne() throws {
        let shop = try shop()
        var cashier = shop
        cashier.user = "周静"
        cashier.now = nil
        cashier.environment["WORKSHOP_SIGNER_PIN"] = nil
        let taken = try cashier.command("staff pin 周静 pin=4321")
        #expect(taken.status != 0)
        #expect(taken.stderr.contains("changing your own PIN asks for the current one first"), "\(taken.stderr)")
        cashier.environment["WORKSHOP_SIGNER_PIN"] = "9999"
        #expect(try cashier.command("staff pin 周静 pin=4321").stderr.contains("wrong PIN for 周静"))
        // Still 1234: the old PIN signs in, the one typed does not.
        #expect(try cashier.command("login").status == 0)
        cashier.environment["WORKSHOP_SIGNER_PIN"] = "1234"
        #expect(try cashier.command("staff pin 周静 pin=4321").status == 0)
        cashier.environment["WORKSHOP_PIN"] = "4321"
        #expect(try cashier.command("login").status == 0, "the new PIN signs in")
        // A manager resets a forgotten one without it, as before.
        var manager = shop
        manager.environment["WORKSHOP_SIGNER_PIN"] = nil
        #expect(try manager.command("staff pin 周静 pin=1234").status == 0)
    }

    @Test func aMajorComplaintIsTheManagersToHandle() throws {
        let shop = try shop()
        #expect(try shop.command("complaint add 京A12345 \"保养后渗油，要求赔偿\" channel=phone").status == 0)
        #expect(try run(shop, as: "钱主管", "complaint 1 classify major\ncomplaint 1 assign 钱主管").status == 0)
        let before = try shop.fingerprint()
        for line in ["complaint 1 classify invalid", "complaint 1 verify \"车主自己加的机油\""] {
            let refused = try run(shop, as: "刘敏", line)
            #expect(refused.stderr.contains("complaint #1 is major, handled by the manager 钱主管, not 刘敏"), "\(line): \(refused.stderr)")
        }
        #expect(try run(shop, as: "刘敏", "complaint 1 resolve \"无效投诉\"").stderr.contains("not a manager"))
        #expect(try shop.fingerprint() == before)
        // The manager handles it; the advisor types it with the manager's PIN.
        #expect(try run(shop, as: "刘敏", "complaint 1 verify \"渗油点为机油滤清器\" by=钱主管").status == 0)
        #expect(try run(shop, as: "钱主管", "complaint 1 resolve \"免费更换滤清器密封圈\"").status == 0)
    }

    @Test func aReopenIsRefusedOnceTheCarIsInTheWorkshopOrPaidFor() throws {
        let shop = try shop()
        #expect(try shop.script("""
            approve RO1 signed=张伟
            handover RO1 receiver=钱主管
            checkin 粤BD12345 odometer=100 battery=90 complaint="异响"
            estimate RO2 labor BRK-01
            promise RO2 2026-11-22 17:00
            approve RO2 signed=李娜
            pay RO2 amount=100 method=cash
            """).status == 0)
        let before = try shop.fingerprint()
        let received = try shop.command("reopen RO1 reason=改价")
        #expect(received.stderr.contains("RO1 went into the workshop at 2026-11-22 09:00, received by 钱主管: it cannot be reopened; added work goes to the customer as a supplement"),
                "\(received.stderr)")
        let paid = try shop.command("reopen RO2 reason=改价")
        #expect(paid.stderr.contains("RO2 has 100.00 paid on it: it cannot be reopened"), "\(paid.stderr)")
        #expect(try shop.fingerprint() == before)
        #expect(try shop.command("dispatch RO1 group=机修一组").status == 0)
        #expect(try shop.command("reopen RO1 reason=改价").stderr.contains("supplement RO1 add"))
    }

    @Test func aFailedInspectionNamesTheItemThatFailed() throws {
        let shop = try FloorTests().shopInWork()
        #expect(try shop.script("""
            inspect RO1 process pass by=孙检 rest=pass
            progress RO1 100
            complete RO1
            """).status == 0)
        let before = try shop.fingerprint()
        let refused = try shop.command("inspect RO1 final fail by=孙检 rest=pass note=\"路试方向盘仍抖\"")
        #expect(refused.stderr.contains("a failed final inspection says what failed: mark the item (e.g. brakes=fail), never every item passed; the items: brakes (制动性能), lights (灯光), road-test (路试)"),
                "\(refused.stderr)")
        #expect(try shop.fingerprint() == before)
        let failed = try shop.command("inspect RO1 final fail by=孙检 road-test=fail rest=pass note=\"路试方向盘仍抖\"")
        #expect(failed.status == 0, "\(failed.stderr)")
    }

    @Test func aNameDescriptionOrNoteIsNeverEmpty() throws {
        let shop = try shop()
        let before = try shop.fingerprint()
        let refused: [(String, String)] = [
            ("customer add \"\" phone=13000000003", "NAME cannot be empty"),
            ("customer add \"  \" phone=13000000003", "NAME cannot be empty"),
            ("estimate RO1 fee \"\" amount=5", "TEXT cannot be empty"),
            ("damage RO1 \"\"", "TEXT cannot be empty"),
            ("damage RO1 \" \"", "TEXT cannot be empty"),
            ("belongings RO1 add \"\"", "cannot be empty"),
            ("decline RO1 reason=\" \"", "reason=TEXT cannot be empty"),
        ]
        for (line, says) in refused {
            let result = try shop.command(line)
            #expect(result.status != 0, "\(line)")
            #expect(result.stderr.contains(says), "\(line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before)
        // Spaces around a name are not part of it.
        #expect(try shop.command("customer add \" 赵六 \" phone=13000000003").status == 0)
        #expect(try shop.count("SELECT count(*) FROM customers WHERE name = '赵六'") == 1)
    }

    @Test func theSentencesSayWhatIsSo() throws {
        let shop = try shop()
        // help roles shows where the sub-command's word goes, as the parser takes it.
        let roles = try shop.command("help roles").stdout
        #expect(roles.contains("damage RO|PLATE remove") && !roles.contains("damage remove "), "\(roles)")
        #expect(try shop.command("damage RO1 \"左前门划痕\"").status == 0)
        #expect(try shop.command("damage RO1 remove 1").status == 0)
        #expect(try shop.command("approve RO1 signed=张伟").status == 0)
        // A promise moved earlier is no delay.
        let earlier = try shop.command("promise RO1 2026-11-22 15:00")
        #expect(earlier.stdout.contains("now earlier: tell the customer the new time") && !earlier.stdout.contains("why"), "\(earlier.stdout)")
        #expect(try shop.command("promise RO1 2026-11-22 18:00").stdout.contains("tell the customer why"))
        // A refusal says what the field takes, and only that.
        #expect(try shop.command("estimate RO1 part 机油 qty=99999999 price=1").stderr.contains("a positive number up to 100000"))
        let dayAlone = try shop.command("promise RO1 yesterday")
        #expect(dayAlone.stderr.contains("write the day and the hour") && !dayAlone.stderr.contains("a date alone"), "\(dayAlone.stderr)")
        var clock = shop
        clock.now = "yesterday"
        #expect(try clock.command("board").stderr.contains("--now 'yesterday' is not a date and time"))
    }
}
