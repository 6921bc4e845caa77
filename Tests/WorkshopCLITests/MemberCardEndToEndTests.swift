import Foundation
import Testing

/// Members' stored-value cards through the binary: sold (money received, a liability), paying two
/// orders (paid-in first, then bonus), never below zero, refunded and adjusted only with a manager,
/// every movement checked by verify and counted apart in the day and month reports.
@Suite("Member cards, end to end")
struct MemberCardEndToEndTests {
    func json(_ result: Workshop.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    func fen(_ value: Any?) -> Int? { (value as? [String: Any])?["fen"] as? Int }

    /// The cashier 周静, on the system's clock, with no sign-off PIN given.
    func cashier(_ shop: Workshop) -> Workshop {
        var other = shop
        other.user = "周静"
        other.now = nil
        other.environment["WORKSHOP_SIGNER_PIN"] = nil
        return other
    }

    /// RO1 ready (564.00) for 张伟 (C1); K1 sold to 张伟: 1,000.00 + 100.00 bonus by WeChat; K2 to 李娜: 200.00 cash.
    func shop() throws -> Workshop {
        let shop = try CashDeskTests().readyShop()
        let sold = try shop.command("card sell 13800138000 type=stored amount=1000 bonus=100 method=wechat")
        #expect(sold.status == 0, "\(sold.stderr)")
        #expect(sold.stdout.contains("stored-value card K1 sold to C1 张伟: paid-in 1,000.00 + bonus 100.00, balance 1,100.00"), "\(sold.stdout)")
        #expect(try shop.command("card sell C2 amount=200 method=cash").status == 0)
        return shop
    }

    @Test func aCardPaysTwoOrdersPaidInFirstThenBonusAndNeverBelowZero() throws {
        let shop = try shop()
        let before = try shop.fingerprint()
        let refused: [(String, String)] = [
            ("pay RO1 amount=100 method=card card=K9", "no member card K9"),
            ("pay RO1 amount=100 method=cash card=K1", "card= names the member card that pays: use it with method=card"),
            ("pay RO1 amount=600 method=card card=K1", "balance"),
            ("pay RO1 amount=100 method=card card=K2", "K2 belongs to C2 李娜"),
            ("card sell 13800138000 amount=100 method=account", "never on account"),
            ("card sell 13800138000 type=count amount=100 method=cash", "amount= does not apply to a count card"),
            ("card sell 13800138000 amount=0 method=cash", "amount"),
        ]
        for (line, says) in refused {
            let result = try shop.command(line)
            #expect(result.status != 0, "\(line)")
            #expect(result.stderr.contains(says), "\(line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before, "a refusal changes nothing")

        let first = try shop.command("pay RO1 amount=300 method=card card=K1")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("RO1 paid 300.00 from card K1 (paid-in 300.00 + bonus 0.00); balance 264.00; the card holds 800.00"), "\(first.stdout)")
        let released = try shop.script("""
            pay RO1 amount=264 method=wechat
            belongings RO1 return all
            release RO1 signed=张伟 oldparts=returned print=no
            checkin 京A12345 odometer=45300 fuel=1/2 complaint="异响复查"
            estimate RO2 labor BRK-01
            estimate RO2 part 5QD698151 qty=2
            promise RO2 2026-11-22 17:00
            approve RO2 signed=张伟
            """)
        #expect(released.status == 0, "\(released.stderr)")
        #expect(try shop.command("invoice RO1").stdout.contains("300.00 member card K1"))
        // 700.00 paid-in is all that is left of it, then 50.00 of the bonus.
        let second = try shop.command("pay RO2 amount=750 method=card card=K1")
        #expect(second.stdout.contains("(paid-in 700.00 + bonus 50.00)"), "\(second.stdout) \(second.stderr)")
        let over = try shop.command("pay RO2 amount=60 method=card card=K1")
        #expect(over.status == 1)
        #expect(over.stderr.contains("K1 does not hold 60.00: its balance is 50.00 (paid-in 0.00 + bonus 50.00)"), "\(over.stderr)")
        let shown = try shop.command("card show K1")
        #expect(shown.stdout.contains("50.00 (paid-in 0.00 + bonus 50.00)"), "\(shown.stdout)")
        #expect(shown.stdout.contains("RO1") && shown.stdout.contains("RO2"), "every use with its order: \(shown.stdout)")
        #expect(try shop.command("card list 13800138000").stdout.contains("K1"))

        // The day: the card's sale is WeChat money received; what the card paid is not new money.
        let day = try json(try shop.command("report day 2026-11-22", json: true))
        let wechat = (day["by_method"] as? [[String: Any]])?.first { $0["method"] as? String == "wechat" }
        #expect(fen(wechat?["received"]) == 126_400, "1,000.00 for K1 and 264.00 for RO1: \(day)")
        let cash = (day["by_method"] as? [[String: Any]])?.first { $0["method"] as? String == "cash" }
        #expect(fen(cash?["received"]) == 20_000, "K2's sale")
        #expect(fen(day["payments"]) == 146_400, "\(day)")
        let cards = day["cards"] as? [String: Any]
        #expect(fen(cards?["paid_from_cards"]) == 105_000)
        #expect(fen(cards?["sold_paid_in"]) == 120_000)
        #expect(fen(cards?["sold_bonus"]) == 10_000)
        #expect(fen(cards?["consumed_paid_in"]) == 100_000)
        #expect(fen(cards?["consumed_bonus"]) == 5_000)
        #expect(fen(cards?["outstanding_paid_in"]) == 20_000, "the liability: K2's 200.00")
        #expect(try shop.command("verify").status == 0)
    }

    @Test func aRefundPaysBackThePaidInLeftOnlyWithAManager() throws {
        let shop = try shop()
        #expect(try shop.command("pay RO1 amount=300 method=card card=K1").status == 0)
        let desk = cashier(shop)
        let before = try shop.fingerprint()
        let alone = try desk.command("card refund K1 reason=搬家 method=wechat")
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("refunding K1 needs a manager"), "\(alone.stderr)")
        #expect(try desk.command("card refund K1 method=wechat authorized=钱主管").status != 0, "a reason is required")
        let adjust = try desk.command("card adjust K2 amount=-50 reason=录错")
        #expect(adjust.stderr.contains("adjusting K2 needs a manager"), "\(adjust.stderr)")
        #expect(try shop.fingerprint() == before, "a refusal changes nothing")

        var signed = desk
        signed.environment["WORKSHOP_SIGNER_PIN"] = "1234"
        let refund = try signed.command("card refund K1 reason=搬家 method=wechat authorized=钱主管")
        #expect(refund.status == 0, "\(refund.stderr)")
        #expect(refund.stdout.contains("K1 refunded: 700.00 paid back (WeChat Pay); bonus left 100.00 forfeited"), "\(refund.stdout)")
        let again = try signed.command("pay RO1 amount=10 method=card card=K1")
        #expect(again.stderr.contains("K1 was refunded"), "\(again.stderr)")
        let adjusted = try signed.command("card adjust K2 amount=-50 reason=录错 authorized=钱主管")
        #expect(adjusted.stdout.contains("K2 adjusted; balance 150.00 (paid-in 150.00 + bonus 0.00)"), "\(adjusted.stdout) \(adjusted.stderr)")
        let below = try signed.command("card adjust K2 amount=-151 reason=录错 authorized=钱主管")
        #expect(below.stderr.contains("K2 cannot go below zero: paid-in balance 150.00"), "\(below.stderr)")
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'card.refund' AND entity_id = 'K1'") == 1, "journalled")

        // The refund and the adjustment were made on the real clock (only a manager sets it): the
        // month they fell in is the cashier's current one, whatever day the suite runs.
        let month = try json(try signed.command("report month", json: true))
        let cards = month["cards"] as? [String: Any]
        #expect(fen(cards?["refunded"]) == 70_000)
        #expect(fen(cards?["refund_forfeited_bonus"]) == 10_000)
        #expect(fen(cards?["adjusted"]) == -5_000)
        #expect(fen(cards?["outstanding_paid_in"]) == 15_000)
        let monthText = try signed.command("report month").stdout
        #expect(monthText.contains("Paid-in held on cards at the end (liability)") && monthText.contains("CNY 150.00"), "\(monthText)")
        #expect(try shop.command("verify").status == 0)
    }

    @Test func aCashierGivesABonusWithinTheShopsLimitAndAManagerBeyondIt() throws {
        let shop = try shop()
        let desk = cashier(shop)
        let before = try shop.fingerprint()
        let refused = try desk.inShopLanguage.command("card sell 13912345678 amount=100 bonus=100000 method=cash")
        #expect(refused.stderr.contains("赠送 100,000.00 超过本金 100.00 的 10%（shop card_bonus_limit）：须经理批准"), "\(refused.stderr)")
        #expect(try shop.fingerprint() == before)
        #expect(try desk.command("card sell 13912345678 amount=1000 bonus=100 method=cash").status == 0)
        var countersigned = desk
        countersigned.environment["WORKSHOP_SIGNER_PIN"] = "1234"
        #expect(try countersigned.command("card sell 13912345678 amount=1000 bonus=200 method=cash authorized=王芳").status == 0)
        #expect(try DeskDetailsTests.lastDetail(shop, "card.sell").contains("\"authorized_by\":\"王芳\""))
    }

    @Test func anOverpaymentFromACardGoesBackToTheCardNotOutAsCash() throws {
        let shop = try shop()
        #expect(try shop.command("pay RO1 amount=564 method=card card=K1").status == 0)
        #expect(try shop.command("discount RO1 amount=28.20").status == 0)         // 王芳, a manager: 28.20 overpaid
        let desk = cashier(shop)
        let before = try shop.fingerprint()
        let cash = try desk.inShopLanguage.command("refund RO1 amount=28.20 method=cash reason=结算后优惠")
        #expect(cash.stderr.contains("RO1 由储值卡付款（K1 564.00）：退款退回卡内（refund RO1 amount=… method=card card=K1 reason=…）"), "\(cash.stderr)")
        #expect(try shop.fingerprint() == before)
        let back = try desk.command("refund RO1 amount=28.20 method=card card=K1 reason=结算后优惠")
        #expect(back.stdout.contains("RO1 refunded 28.20 to card K1 (paid-in 28.20 + bonus 0.00); balance 0.00; the card holds 564.20"), "\(back.stdout)\(back.stderr)")
        #expect(try shop.command("verify").status == 0)
    }

    @Test func verifyNamesACardWhoseBalanceIsNotItsMovements() throws {
        let shop = try shop()
        try TrustTests.sqlite3(shop.database, "UPDATE member_cards SET paid_in = paid_in + 100000 WHERE id = 2")
        let verify = try shop.command("verify")
        #expect(verify.status != 0)
        #expect(verify.stderr.contains("member card: K2 shows paid-in 1,200.00") || verify.stdout.contains("member card: K2 shows paid-in 1,200.00"),
                "\(verify.stdout) \(verify.stderr)")
    }
}
