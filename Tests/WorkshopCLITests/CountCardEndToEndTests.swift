import Foundation
import Testing

/// Count cards (次卡) and packages (套餐卡) through the binary: sold, covering a line of an order
/// (off the bill, a use held), the rest paid partly from a stored-value card, the use taken at
/// release; the month's figures exact in fen; expiry; and every refusal changing nothing.
@Suite("Count cards and packages, end to end")
struct CountCardEndToEndTests {
    func json(_ result: Workshop.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    func fen(_ value: Any?) -> Int? { (value as? [String: Any])?["fen"] as? Int }

    /// 张伟 (C1) holds K1, 10 washes for 300.00 by WeChat, and K2, a stored-value card of 500.00 + 50.00
    /// in cash. RO1 (京A12345, his): the brakes (BRK-01 144.00, pads 420.00) and a wash (WASH-01 36.00).
    func shop() throws -> Workshop {
        let shop = Workshop()
        let result = try shop.script(FloorTests.fixtures + """
            labor add WASH-01 "精致洗车" hours=0.3
            labor add ALN-01 "四轮定位" hours=1
            job add J-WASH "精致洗车" labor=WASH-01
            staff add 周静 role=cashier pin=1234
            card sell 13800138000 type=count job=J-WASH times=10 price=300 until=2027-11-30 method=wechat
            card sell 13800138000 type=stored amount=500 bonus=50 method=cash
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响"
            estimate RO1 labor BRK-01
            estimate RO1 part 5QD698151 qty=1
            estimate RO1 labor WASH-01
            promise RO1 2026-11-22 17:00
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("count card K1 sold to C1 张伟: J-WASH 精致洗车 × 10 (300.00), price 300.00 (received 300.00 by WeChat Pay); valid until 2027-11-30"),
                "\(result.stdout)")
        return shop
    }

    /// Covered, signed, worked, paid 200.00 from K2 and 364.00 by WeChat, released: the use is taken
    /// at release (30.00 of K1's paid-in), and the month's cards add up to the fen.
    @Test func aCountCardCoversALineTheUseTakenAtRelease() throws {
        let shop = try shop()
        let covered = try shop.command("ro cover RO1 3 card=K1")
        #expect(covered.status == 0, "\(covered.stderr)")
        #expect(covered.stdout.contains("RO1 line 3 精致洗车 covered by count card K1 (36.00 off the bill; one use taken at release; 9 more uses of J-WASH free); total 564.00"),
                "\(covered.stdout)")
        let held = try shop.command("card show K1")
        #expect(held.stdout.contains("J-WASH 10 of 10 left"), "nothing taken before the release: \(held.stdout)")
        #expect(held.stdout.contains("RO1/3"), "the use RO1 holds: \(held.stdout)")

        let settled = try shop.script("""
            approve RO1 signed=张伟
            dispatch RO1 group=机修一组
            complete RO1
            pay RO1 amount=200 method=card card=K2
            pay RO1 amount=364 method=wechat
            """)
        #expect(settled.status == 0, "\(settled.stderr)")
        let invoice = try shop.command("invoice RO1")
        #expect(invoice.stdout.contains("精致洗车 (WASH-01) [card K1]"), "\(invoice.stdout)")
        #expect(invoice.stdout.contains("line 3: covered by card K1 (9 left)"), "\(invoice.stdout)")
        #expect(invoice.stdout.contains("Covered by count cards (no charge)  36.00"), "\(invoice.stdout)")
        #expect(invoice.stdout.contains("200.00 member card K2 (card balance 350.00 after)"), "\(invoice.stdout)")
        // The lines' value 600.00 = 36.00 on the card + the total 564.00, and the total = 200.00 + 364.00 paid.
        let ro = try json(try shop.command("ro show RO1", json: true))
        let totals = ro["totals"] as? [String: Any]
        #expect(fen(totals?["by_cards"]) == 3_600, "\(ro)")
        #expect(fen(totals?["total"]) == 56_400, "\(ro)")

        let released = try shop.command("release RO1 signed=张伟 oldparts=returned print=no")
        #expect(released.status == 0, "\(released.stderr)")
        #expect(released.stdout.contains("K1 covered line 3 J-WASH: one use taken (paid-in 30.00), 9 left"), "\(released.stdout)")
        let shown = try shop.command("card show K1")
        #expect(shown.stdout.contains("J-WASH 9 of 10 left (paid-in not yet used 270.00)"), "\(shown.stdout)")
        #expect(shown.stdout.contains("-30.00") && shown.stdout.contains("RO1/3"), "the use with its order and line: \(shown.stdout)")
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'card.use' AND entity_id = 'K1'") == 1, "journalled")

        // The month: 800.00 paid in on two cards, 50.00 bonus; 200.00 spent from K2; one wash worth
        // 30.00 earned; the liability 800.00 − 200.00 − 30.00 = 570.00, the bonus 50.00 untouched.
        let month = try json(try shop.command("report month 2026-11", json: true))
        let cards = month["cards"] as? [String: Any]
        #expect(cards?["sold"] as? Int == 2)
        #expect(fen(cards?["sold_paid_in"]) == 80_000)
        #expect(fen(cards?["sold_bonus"]) == 5_000)
        #expect(fen(cards?["stored_spent"]) == 20_000)
        #expect(cards?["uses"] as? Int == 1)
        #expect(fen(cards?["uses_value"]) == 3_000)
        #expect(fen(cards?["consumed_paid_in"]) == 23_000)
        #expect(fen(cards?["expired_paid_in"]) == 0)
        #expect(fen(cards?["outstanding_paid_in"]) == 57_000, "\(String(describing: cards))")
        #expect(fen(cards?["outstanding_bonus"]) == 5_000)
        #expect(fen(month["revenue"]) == 56_400, "the order charged 564.00; the wash is the card's: \(month)")
        let text = try shop.command("report month 2026-11")
        #expect(text.stdout.contains("Count-card and package uses: uses / paid-in earned") && text.stdout.contains("1 / 30.00"), "\(text.stdout)")
        #expect(text.stdout.contains("Paid-in held on cards at the end (liability)") && text.stdout.contains("CNY 570.00"), "\(text.stdout)")
        #expect(try shop.command("verify").status == 0)
    }

    /// RO2 is 李娜's car billed to 张伟: his cards may cover it (a card belongs to its holder; a
    /// relative's car uses it when its order is billed to the holder, on record), hers may not.
    @Test func everyRefusalSaysWhyAndChangesNothing() throws {
        let shop = try shop()
        let setup = try shop.script("""
            card sell 13912345678 type=count job=J-WASH times=5 price=150 until=2027-11-30 method=cash
            card sell 13800138000 type=count job=WASH-01 times=1 price=30 until=2027-11-30 method=cash
            card sell 13800138000 type=count job=J-WASH times=3 price=90 until=2026-11-22 method=cash
            checkin 粤BD12345 odometer=100 battery=90 complaint="洗车" billto=C1
            estimate RO2 labor WASH-01
            ro cover RO1 3 card=K4
            """)
        #expect(setup.status == 0, "\(setup.stderr)")
        var later = shop
        later.now = "2026-11-23 09:00"
        let before = try shop.fingerprint()
        let refused: [(Workshop, String, String)] = [
            (shop, "ro cover RO1 1 card=K1", "K1 covers J-WASH, not BRK-01"),
            (shop, "ro cover RO1 2 card=K1", "K1 covers J-WASH, not 前刹车片"),
            (shop, "ro cover RO2 1 card=K2", "K2 is not a count card"),
            (shop, "ro cover RO2 1 card=K9", "no member card K9"),
            (shop, "ro cover RO1 1 card=K3", "K3 belongs to C2 李娜: it cannot pay or cover RO1"),
            (shop, "ro cover RO1 3 card=K1", "RO1 line 3 is covered by K4 already"),
            (shop, "ro cover RO2 1 card=K4", "K4 has 1 use of WASH-01 left, all held by open orders (RO1/3)"),
            (later, "ro cover RO2 1 card=K5", "K5 has expired (valid until 2026-11-22)"),
            (shop, "ro uncover RO1 1", "RO1 line 1 is not covered by a card"),
            (shop, "card refund K4 reason=搬家 method=cash", "open orders hold uses of K4 (RO1/3)"),
            (shop, "card sell 13800138000 type=count job=J-WSH times=10 price=300 until=2027-11-30 method=cash",
             "no job or labour operation J-WSH (job list, labor list): did you mean J-WASH?"),
            (shop, "card sell 13800138000 type=count job=J-WASH times=10 price=300 until=2026-11-01 method=cash", "has passed"),
            (shop, "card sell 13800138000 type=count job=J-WASH times=10 price=300 method=cash", "needs its last day"),
            (shop, "card sell 13800138000 type=count job=J-WASH times=10 price=300 bonus=20 until=2027-11-30 method=cash",
             "bonus= does not apply to a count card"),
            (shop, "card sell 13800138000 type=count jobs=J-WASH:2,BRK-01:1 price=300 until=2027-11-30 method=cash",
             "a count card covers one job"),
            (shop, "card sell 13800138000 type=package jobs=J-WASH:2,WASH-01:1 price=300 until=2027-11-30 method=cash",
             "WASH-01 is in both J-WASH and WASH-01"),
            (shop, "card sell 13800138000 type=count job=J-WASH times=10 amount=300 until=2027-11-30 method=cash",
             "amount= does not apply to a count card"),
        ]
        for (who, line, says) in refused {
            let result = try who.command(line)
            #expect(result.status != 0, "\(line): \(result.stdout)")
            #expect(result.stderr.contains(says), "\(line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before, "a refusal changes nothing")
        let chinese = try shop.inShopLanguage.command("ro cover RO2 1 card=K4")
        #expect(chinese.stderr.contains("K4 的 WASH-01 剩 1 次，都已被在修的单占用（RO1/3）"), "\(chinese.stderr)")
    }

    /// A cover takes nothing from the card: taken off, or the order declined, the card is as it was
    /// and can be refunded whole.
    @Test func aCoverOnADeclinedOrderTakesNothing() throws {
        let shop = try shop()
        #expect(try shop.command("ro cover RO1 3 card=K1").status == 0)
        let uncovered = try shop.command("ro uncover RO1 3")
        #expect(uncovered.stdout.contains("RO1 line 3 no longer covered by K1: charged 36.00 again; total 600.00"), "\(uncovered.stdout)")
        #expect(try shop.command("ro cover RO1 3 card=K1").status == 0)
        let declined = try shop.command("decline RO1 reason=太贵")
        #expect(declined.status == 0, "\(declined.stderr)")
        let card = try json(try shop.command("card show K1", json: true))
        #expect(card["uses"] as? Int == 10)
        #expect(((card["items"] as? [[String: Any]])?.first?["held_by"] as? [Any])?.isEmpty == true, "\(card)")
        let refund = try shop.command("card refund K1 reason=不需要了 method=wechat")
        #expect(refund.stdout.contains("K1 refunded: 300.00 paid back (WeChat Pay); 10 uses left forfeited"), "\(refund.stdout) \(refund.stderr)")
        #expect(try shop.command("verify").status == 0)
    }

    /// Covered after the order was paid, the line's price is owed back, as a discount after payment is.
    @Test func aCoverAfterPaymentSaysWhatIsOwedBack() throws {
        let shop = try shop()
        let paid = try shop.script("approve RO1 signed=张伟\npay RO1 amount=600 method=wechat")
        #expect(paid.status == 0, "\(paid.stderr)")
        let covered = try shop.command("ro cover RO1 3 card=K1")
        #expect(covered.stdout.contains("total 564.00; paid 600.00, overpaid by 36.00, to refund: refund RO1 amount=36.00 method=… reason=…"),
                "\(covered.stdout) \(covered.stderr)")
    }

    /// A package: 2 × BRK-01 (1.2 h at the shop's 120.00 = 144.00 a use) and 4 × J-WASH (0.3 h,
    /// 36.00 a use) for 400.00 — 288.00 and 144.00 of 432.00 at list: 266.66 and 133.34. Two lines of
    /// one order covered by it, both uses taken at release.
    @Test func aPackageCoversTwoJobsOfOneOrder() throws {
        let shop = try shop()
        let sold = try shop.command("card sell 13800138000 type=package jobs=BRK-01:2,J-WASH:4 price=400 until=2027-06-30 method=alipay")
        #expect(sold.stdout.contains("package K3 sold to C1 张伟: BRK-01 更换前刹车片 × 2 (266.66), J-WASH 精致洗车 × 4 (133.34), price 400.00"),
                "\(sold.stdout) \(sold.stderr)")
        let done = try shop.script("""
            ro cover RO1 1 card=K3
            ro cover RO1 3 card=K3
            approve RO1 signed=张伟
            dispatch RO1 group=机修一组
            complete RO1
            pay RO1 amount=420 method=cash
            release RO1 signed=张伟 oldparts=returned print=no
            """)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("K3 covered line 1 BRK-01: one use taken (paid-in 133.33), 1 left"), "\(done.stdout)")
        #expect(done.stdout.contains("K3 covered line 3 J-WASH: one use taken (paid-in 33.33), 3 left"), "\(done.stdout)")
        let card = try json(try shop.command("card show K3", json: true))
        #expect(fen(card["paid_in"]) == 40_000 - 13_333 - 3_333)
        #expect(card["uses"] as? Int == 4)
        #expect(try shop.command("verify").status == 0)
    }

    /// K3, 3 washes for 90.00 valid until 2026-11-22, one used that day. On the 24th the month report
    /// counts the 60.00 left as expired in November — before `card expire` has written it, and the
    /// same after; the liability leaves it out.
    @Test func anExpiredCardIsRecognisedInTheMonthItExpired() throws {
        let shop = try shop()
        let used = try shop.script("""
            card sell 13800138000 type=count job=J-WASH times=3 price=90 until=2026-11-22 method=cash
            ro cover RO1 3 card=K3
            approve RO1 signed=张伟
            dispatch RO1 group=机修一组
            complete RO1
            pay RO1 amount=564 method=wechat
            release RO1 signed=张伟 oldparts=returned print=no
            """)
        #expect(used.status == 0, "\(used.stderr)")
        var later = shop
        later.now = "2026-11-24 09:00"
        let expiring = try shop.command("card list expiring within=5days")
        #expect(expiring.stdout.contains("K3") && !expiring.stdout.contains("K1 "), "\(expiring.stdout)")
        func figures() throws -> [String: Any]? { try json(try later.command("report month 2026-11", json: true))["cards"] as? [String: Any] }
        let before = try figures()
        #expect(fen(before?["expired_paid_in"]) == 6_000, "\(String(describing: before))")
        #expect(fen(before?["outstanding_paid_in"]) == 30_000 + 50_000, "K1 and K2 only: \(String(describing: before))")
        let written = try later.command("card expire")
        #expect(written.stdout.contains("K3 valid until 2026-11-22: paid-in 60.00 earned (expired), 2 uses forfeited"), "\(written.stdout) \(written.stderr)")
        let after = try figures()
        #expect(fen(after?["expired_paid_in"]) == 6_000)
        #expect(fen(after?["outstanding_paid_in"]) == 80_000)
        let movement = try shop.count("SELECT at FROM card_movements WHERE card_id = 3 AND kind = 'expire'")
        #expect(movement == 1_795_363_200, "dated at the expiry, 2026-11-23 00:00 in Shanghai, written on the 24th")
        #expect(try later.command("card show K3").stdout.contains("expired, closed"))
        #expect(try later.command("card expire").stdout.contains("no expired card to close"))
        #expect(try later.command("verify").status == 0)
    }
}
