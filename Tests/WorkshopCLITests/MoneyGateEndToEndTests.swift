import Foundation
import Testing

/// The holes a tester found living a week in the shop, each closed through the binary: a price set
/// below the list, cash skimmed by a refund, an odometer wound back, a clock set ahead, a manager
/// locked out by someone typing their name with wrong PINs.
@Suite("Money gates, end to end")
struct MoneyGateEndToEndTests {
    /// RO1 signed and in work (BRK-01 144.00 + 5QD698151 420.00 = 564.00); RO2 an estimate for 粤BD12345.
    func shop() throws -> Workshop {
        let shop = try TrustTests().shop()
        let result = try shop.command("checkin 粤BD12345 odometer=100 battery=90 complaint=\"异响\"")
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    /// The shop as `user` sees it: on the system's clock, with no sign-off PIN given.
    func asUser(_ shop: Workshop, _ user: String, signerPIN: String? = nil) -> Workshop {
        var other = shop
        other.user = user
        other.now = nil
        other.environment["WORKSHOP_SIGNER_PIN"] = signerPIN
        return other
    }

    func json(_ result: Workshop.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    func fen(_ value: Any?) -> Int? { (value as? [String: Any])?["fen"] as? Int }

    @Test func anAdvisorCannotPriceBelowTheListAlone() throws {
        let shop = try shop()
        let advisor = asUser(shop, "刘敏")
        let before = try shop.fingerprint()
        let refused: [(String, String)] = [
            ("estimate RO2 part 5QD698151 qty=1 price=50", "below its list price of 420.00 by more than 5%"),
            ("estimate RO2 part 5QD698151 qty=1 price=1", "below its list price of 420.00"),
            ("estimate RO2 labor BRK-01 rate=1", "below its list price of 144.00"),
            ("estimate RO2 labor BRK-01 hours=0.01", "below its list price of 144.00"),
            ("estimate RO2 labor \"检查异响\" hours=1 rate=10", "below its list price of 120.00"),
            ("estimate RO2 part 5QD698151 qty=1 price=50 authorized=钱主管", "must be confirmed by 钱主管"),
        ]
        for (line, says) in refused {
            let result = try advisor.command(line)
            #expect(result.status == 1, "\(line)")
            #expect(result.stderr.contains(says), "\(line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before, "a refused price changes nothing")
        // Within the limit, at or above the list, a part not on the list: as before.
        #expect(try advisor.command("estimate RO2 part 5QD698151 qty=1 price=399").status == 0)
        #expect(try advisor.command("estimate RO2 labor BRK-01 rate=150").status == 0)
        #expect(try advisor.command("estimate RO2 part \"杂件\" qty=1 price=1").status == 0)
        // A manager's sign-off gives the concession: on the order with its list price, in the journal.
        let signed = asUser(shop, "刘敏", signerPIN: "1234")
        let given = try signed.command("estimate RO2 part BF-DOT4-1L qty=2 price=50 authorized=钱主管")
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout.contains("list 176.00, concession authorised by 钱主管"), "\(given.stdout)")
        #expect(try advisor.command("ro show RO2").stdout.contains("below list: list 176.00, concession authorised by 钱主管"))
        #expect(try shop.count("""
            SELECT count(*) FROM journal WHERE action = 'line.add' AND actor = '刘敏'
            AND detail LIKE '%"list":"176.00"%' AND detail LIKE '%"given":"100.00"%' AND detail LIKE '%"authorized_by":"钱主管"%'
            """) == 1)
        #expect(try shop.count("SELECT count(*) FROM order_lines WHERE list_amount = 17600 AND concession_by = '钱主管'") == 1)
        // Changing the price lower afterwards goes through the same gate.
        let line = try shop.count("SELECT max(number) FROM order_lines WHERE order_id = 2")
        let lower = try advisor.command("estimate RO2 change \(line) price=10")
        #expect(lower.stderr.contains("below its list price of 176.00"), "\(lower.stderr)")
        // A manager signed in gives it by being the one signed in; added work is gated too.
        #expect(try asUser(shop, "钱主管").command("estimate RO2 change \(line) price=10").status == 0)
        let added = try advisor.command("supplement RO1 add part 5QD698151 qty=1 price=1 reason=\"磨损\"")
        #expect(added.stderr.contains("below its list price of 420.00"), "\(added.stderr)")
        // The settlement shows it, once the customer signed.
        #expect(try shop.command("promise RO2 2026-11-22 17:00").status == 0)
        #expect(try shop.command("approve RO2 signed=张伟").status == 0)
        let invoice = try advisor.command("invoice RO2")
        #expect(invoice.stdout.contains("below list: list 176.00, concession authorised by 钱主管"), "\(invoice.stdout)")
    }

    @Test func aRefundGoesBackTheWayTheMoneyCameInAndTheDrawerStaysRight() throws {
        let shop = try shop()
        let cashier = asUser(shop, "周静")
        #expect(try cashier.command("pay RO1 amount=564 method=card ref=POS777").status == 0)
        #expect(try asUser(shop, "刘敏").command("discount RO1 percent=5").status == 0)   // 28.20 overpaid now
        let before = try shop.fingerprint()
        let cash = try cashier.command("refund RO1 amount=28.20 method=cash reason=\"优惠\"")
        #expect(cash.status == 1)
        #expect(cash.stderr.contains("more than cash paid on the order, net (0.00)") && cash.stderr.contains("card 564.00"), "\(cash.stderr)")
        let noReason = try cashier.command("refund RO1 amount=28.20 method=card")
        #expect(noReason.status != 0 && noReason.stderr.contains("reason="), "\(noReason.stderr)")
        #expect(try shop.fingerprint() == before, "a refused refund changes nothing")
        // Back to the card: the drawer holds no cash, and the card's net is less the refund.
        let card = try cashier.command("refund RO1 amount=20 method=card ref=POS778 reason=\"结算后优惠\"")
        #expect(card.status == 0, "\(card.stderr)")
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'payment.refund' AND detail LIKE '%\"reason\":\"结算后优惠\"%'") == 1)
        // Cash for card money only with a manager's sign-off, on record.
        let authorised = try asUser(shop, "周静", signerPIN: "1234").command("refund RO1 amount=8.20 method=cash reason=\"POS 无法退回\" authorized=钱主管")
        #expect(authorised.status == 0, "\(authorised.stderr)")
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'payment.refund' AND detail LIKE '%\"authorized_by\":\"钱主管\"%'") == 1)
        let day = try json(try cashier.command("report day", json: true))
        let drawer = day["cash"] as? [String: Any]
        #expect(fen(drawer?["refunded"]) == 820 && fen(drawer?["in_drawer"]) == -820, "\(day)")
        let methods = (day["by_method"] as? [[String: Any]]) ?? []
        let byCard = methods.first { $0["method"] as? String == "card" }
        #expect(fen(byCard?["refunded"]) == 2_000 && fen(byCard?["net"]) == 54_400, "\(methods)")
    }

    @Test func anOdometerIsWoundBackOnlyByAManager() throws {
        let shop = try shop()
        let advisor = asUser(shop, "刘敏")
        let before = try shop.fingerprint()
        let down = try advisor.command("vehicle odometer 京A12345 30000 reason=\"录错\"")
        #expect(down.status == 1)
        #expect(down.stderr.contains("correcting 京A12345's odometer down (45210 km → 30000 km) needs a manager"), "\(down.stderr)")
        #expect(try shop.fingerprint() == before)
        #expect(try advisor.command("vehicle odometer 京A12345 45300 reason=\"读数\"").status == 0, "up, as before")
        let signed = try asUser(shop, "刘敏", signerPIN: "1234").command("vehicle odometer 京A12345 45000 reason=\"录错\" authorized=钱主管")
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'vehicle.odometer-correction' AND detail LIKE '%\"authorized_by\":\"钱主管\"%'") == 1)
        #expect(try asUser(shop, "钱主管").command("vehicle odometer 京A12345 44000 reason=\"仪表更换\"").status == 0, "a manager signed in")
    }

    @Test func theClockIsNeverSetAhead() throws {
        let shop = try shop()
        var ahead = shop
        ahead.now = "2099-06-01 10:00"
        let launched = try ahead.command("ro list")
        #expect(launched.status != 0)
        #expect(launched.stderr.contains("the clock cannot be set in the future"), "\(launched.stderr)")
        let typed = try asUser(shop, "王芳").command("set now 2099-06-01 10:00")
        #expect(typed.status == 1 && typed.stderr.contains("the clock cannot be set in the future"), "\(typed.stderr)")
        #expect(try asUser(shop, "王芳").command("set now 2026-11-22 09:00").status == 0, "a late entry, in the past")
    }

    @Test func wrongSignOffPINsNeverLockTheManagersOwnSignIn() throws {
        let shop = try shop()
        let wrong = asUser(shop, "刘敏", signerPIN: "0000")
        for attempt in 1...4 {
            let result = try wrong.command("discount RO1 percent=10 authorized=钱主管")
            #expect(result.stderr.contains("wrong PIN for 钱主管 (\(5 - attempt) tries left to confirm a sign-off"), "\(result.stderr)")
        }
        #expect(try wrong.command("discount RO1 percent=10 authorized=钱主管").stderr.contains("sign-off by PIN is locked for 15 minutes"))
        #expect(try shop.count("SELECT failed_attempts FROM staff WHERE name = '钱主管'") == 0, "sign-in is counted apart")
        // The right PIN waits out the lock of co-signing…
        let right = asUser(shop, "刘敏", signerPIN: "1234")
        #expect(try right.command("discount RO1 percent=10 authorized=钱主管").stderr.contains("sign-off by PIN for 钱主管 is locked until"))
        // Said before any PIN is asked for: with none given at all, the lock, not "give the PIN".
        #expect(try asUser(shop, "刘敏").command("discount RO1 percent=10 authorized=钱主管").stderr.contains("sign-off by PIN for 钱主管 is locked until"))
        // …but the manager signs in and works.
        #expect(try asUser(shop, "钱主管").command("discount RO1 percent=10").status == 0)
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'staff.sign-off-locked'") == 1)
    }

    @Test func aCommandTypedIntoAPINPromptIsNotAWrongPIN() throws {
        let shop = try shop()
        let typed = asUser(shop, "刘敏", signerPIN: "pay RO1 amount=240 method=card")
        let before = try shop.fingerprint()
        let result = try typed.command("discount RO1 percent=10 authorized=钱主管")
        #expect(result.status == 1)
        #expect(result.stderr.contains("that is not a PIN"), "\(result.stderr)")
        #expect(try shop.fingerprint() == before, "not counted: nothing changed")
        var login = shop
        login.user = "钱主管"
        login.now = nil
        login.environment["WORKSHOP_PIN"] = "ro list"
        #expect(try login.command("ro list").stderr.contains("that is not a PIN"))
        #expect(try shop.count("SELECT failed_attempts FROM staff WHERE name = '钱主管'") == 0)
    }
}
