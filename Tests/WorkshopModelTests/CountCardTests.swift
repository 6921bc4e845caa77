import Testing
@testable import WorkshopModel

/// Count cards (次卡) and packages (套餐卡), worked by hand: the price split over a package's jobs,
/// each use's share of the paid-in money, covering a line of an order (and every refusal of it),
/// the use taken at release, expiry, refund.
@Suite struct CountCardTests {
    let t0 = OrderFixture.checkedIn
    var lastDay: Timestamp { t0 + 30 * 86_400 }

    func yuan(_ value: Int) -> Money { Money(fen: value * 100) }

    func wash(times: Int = 10) -> CardItemSale {
        CardItemSale(job: "J-WASH", name: "精致洗车", operations: ["WASH-01"], times: times, listValue: yuan(40))
    }

    /// A card sold to 张伟 (C1, the fixture's customer) as the store makes it: its items as sold, then the sale.
    func sold(_ items: [CardItemSale], kind: CardKind = .count, price: Money, id: Int = 5, customer: Int = 1) throws -> MemberCard {
        let (sale, made) = try CardRules.sellCount(kind: kind, items: items, price: price, expiresAt: lastDay, method: .wechat,
                                                   reference: nil, giftLimitPercent: 100, at: t0, by: "周静")
        return MemberCard(id: id, customerID: customer, kind: kind, balance: .zero, paid: price, items: made, expiresAt: lastDay,
                          soldAt: t0, soldBy: "周静").applying(sale)
    }

    /// The use a line takes at release, applied.
    func use(_ card: inout MemberCard, line: OrderLine, order: Int = 7) throws -> Money {
        let movement = try CardRules.use(card, line: line, orderID: order, at: t0 + 3_600, by: "周静")
        card = card.applying(movement)
        return Money(fen: -movement.change.paidIn.fen)
    }

    let washLine = OrderLine.labor(number: 1, description: "精致洗车", hours: Hours(hundredths: 30), rate: Money(fen: 12_000), operationCode: "WASH-01")

    // MARK: Shares

    /// 10 washes for 300.00: the first use consumes 30.00, and the ten add up to 300.00.
    @Test func tenUsesForThreeHundredTakeThirtyEach() throws {
        var card = try sold([wash()], price: yuan(300))
        #expect(card.balance == CardBalance(paidIn: yuan(300), uses: 10))
        #expect(card.items[0].price == yuan(300))
        #expect(try use(&card, line: washLine) == yuan(30))
        #expect(card.balance == CardBalance(paidIn: yuan(270), uses: 9))
        #expect(card.items[0].uses == 9 && card.items[0].paidIn == yuan(270))
    }

    /// 3 uses left and 100.00 paid-in left: 33.33, 33.33, then the last takes the rest, 33.34.
    @Test func threeUsesOfOneHundredAreThirtyThreeThirtyThreeAndTheRest() throws {
        var card = try sold([wash(times: 3)], price: yuan(100))
        var shares: [Money] = []
        for _ in 1...3 { shares.append(try use(&card, line: washLine)) }
        #expect(shares == [Money(fen: 3_333), Money(fen: 3_333), Money(fen: 3_334)])
        #expect(card.balance == .zero)
        #expect(throws: CardRefusal.noUsesLeft(card: "K5", job: "J-WASH", left: 0, heldBy: [])) { try use(&card, line: washLine) }
    }

    /// 保养套餐 for 1,200.00: 4 × 一级维护 (0.8 h at 120.00 = 96.00 a use, 384.00) and 2 × 四轮定位 (1.0 h,
    /// 120.00 a use, 240.00) — 624.00 at list. 一级维护 gets ⌊1,200.00 × 384/624⌋ = 738.46, 四轮定位 the
    /// rest, 461.54. The four 一级维护 uses: 184.61, 184.61, 184.62, 184.62 (738.46); the two 四轮定位
    /// uses 230.77 each. Without list values the price goes by uses: 100.00 over 2 + 1 uses, 66.66 and 33.34.
    @Test func aPackagesPriceIsSplitByListValueTheRestToTheLastJob() throws {
        let maintenance = CardItemSale(job: "MNT-01", name: "一级维护", operations: ["MNT-01"], times: 4, listValue: Money(fen: 9_600))
        let alignment = CardItemSale(job: "J-ALIGN", name: "四轮定位", operations: ["ALN-01"], times: 2, listValue: yuan(120))
        var card = try sold([maintenance, alignment], kind: .package, price: yuan(1_200))
        #expect(card.items.map(\.price) == [Money(fen: 73_846), Money(fen: 46_154)])
        #expect(card.balance == CardBalance(paidIn: yuan(1_200), uses: 6))
        let oil = OrderLine.labor(number: 2, description: "一级维护", hours: Hours(hundredths: 80), rate: Money(fen: 12_000), operationCode: "MNT-01")
        let align = OrderLine.labor(number: 3, description: "四轮定位", hours: Hours(hundredths: 100), rate: Money(fen: 12_000), operationCode: "ALN-01")
        var oilShares: [Int] = []
        for _ in 1...4 { oilShares.append(try use(&card, line: oil).fen) }
        #expect(oilShares == [18_461, 18_461, 18_462, 18_462])
        #expect(try use(&card, line: align) == Money(fen: 23_077))
        #expect(try use(&card, line: align) == Money(fen: 23_077))
        #expect(card.balance == .zero)
        #expect(CardRules.splitPrice(yuan(100), over: [(2, .zero), (1, .zero)]) == [Money(fen: 6_666), Money(fen: 3_334)])
    }

    @Test func aSaleIsRefusedInWords() throws {
        #expect(throws: CardRefusal.countCardOneJob(jobs: ["J-WASH", "MNT-01"])) {
            try sold([wash(), CardItemSale(job: "MNT-01", name: "一级维护", operations: ["MNT-01"], times: 1, listValue: .zero)], price: yuan(1))
        }
        #expect(throws: CardRefusal.jobTwice(operation: "WASH-01", jobs: ["J-WASH", "WASH-01"])) {
            try sold([wash(), CardItemSale(job: "WASH-01", name: "洗车", operations: ["WASH-01"], times: 2, listValue: .zero)], kind: .package, price: yuan(1))
        }
        #expect(throws: CardRefusal.timesOutOfRange(job: "J-WASH", given: 0, maximum: 1_000)) { try sold([wash(times: 0)], price: yuan(1)) }
        #expect(throws: CardRefusal.untilPassed(until: t0)) {
            try CardRules.sellCount(kind: .count, items: [wash()], price: yuan(300), expiresAt: t0, method: .cash, reference: nil, giftLimitPercent: 100, at: t0, by: "周静")
        }
        #expect(throws: CardRefusal.soldOnAccount) {
            try CardRules.sellCount(kind: .count, items: [wash()], price: yuan(300), expiresAt: lastDay, method: .account, reference: nil, giftLimitPercent: 100, at: t0, by: "周静")
        }
    }

    // MARK: Covering a line

    /// An order of 张伟 with a wash (line 1, 36.00) and a brake job (line 2, 144.00; line 3, the pads 420.00).
    func order() throws -> OrderFixture {
        var shop = OrderFixture()
        shop.apply(try shop.record.addLine(washLine))
        try shop.estimate()
        return shop
    }

    @Test func aCoveredLineIsOffTheBillItsWorkStillDone() throws {
        var shop = try order()
        let card = try sold([wash()], price: yuan(300))
        let before = shop.record.totals(ShopSettings()).taxed.gross
        shop.apply(try shop.record.cover(line: 1, with: card, holder: "C1 张伟", holds: CardHolds(), by: "周静", at: shop.now))
        #expect(shop.record.lines[0].cardID == 5)
        #expect(shop.record.lines[0].amount == Money(fen: 3_600), "the line keeps its value: the work is done")
        let totals = shop.record.offeredTotals(current: OrderFixture.terms)
        #expect(totals.byCards == Money(fen: 3_600))
        #expect(totals.taxed.gross == before - Money(fen: 3_600))
        shop.apply(try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], takenBy: "王芳", at: shop.now, terms: OrderFixture.terms))
        // Paid 300.00 from a stored-value card and the rest by WeChat: the lines' value is what the
        // card covered plus the total, and the total is what was paid.
        let total = shop.record.settlement(payments: [], current: OrderFixture.terms).total
        #expect(total == Money(fen: 14_400 + 42_000), "the brake job only")
        let payments = [Payment(amount: yuan(300), method: .card, at: shop.now, by: "周静", card: 3),
                        Payment(amount: total - yuan(300), method: .wechat, at: shop.now, by: "周静")]
        let settlement = shop.record.settlement(payments: payments, current: OrderFixture.terms)
        let value = shop.record.lines.filter { $0.status == .approved }.reduce(Money.zero) { $0 + $1.amount }
        #expect(value == Money(fen: 3_600 + 14_400 + 42_000))
        #expect(settlement.coveredByCards == Money(fen: 3_600))
        #expect(settlement.labor == Money(fen: 14_400), "the covered wash is not charged labour")
        #expect(value == settlement.coveredByCards + settlement.total)
        #expect(settlement.paid == settlement.total && settlement.isSettled)
        #expect(shop.record.cardCoveredLines.map(\.number) == [1])
    }

    @Test func aCoverIsRefusedInWordsAndNamesWhy() throws {
        var shop = try order()
        let card = try sold([wash(times: 2)], price: yuan(60))
        func cover(_ line: Int, _ card: MemberCard, holds: CardHolds = CardHolds(), at: Timestamp? = nil) throws {
            _ = try shop.record.cover(line: line, with: card, holder: "C\(card.customerID) 某人", holds: holds, by: "周静", at: at ?? shop.now)
        }
        // Not the card's job: the brake labour, the pads.
        #expect(throws: CardRefusal.jobNotCovered(card: "K5", job: "更换前刹车片", covers: "J-WASH")) { try cover(2, card) }
        #expect(throws: CardRefusal.jobNotCovered(card: "K5", job: "前刹车片", covers: "J-WASH")) { try cover(3, card) }
        // Another customer's card: the card belongs to its holder, and the order is 张伟's.
        let theirs = try sold([wash()], price: yuan(300), id: 6, customer: 2)
        #expect(throws: CardRefusal.otherCustomer(card: "K6", holder: "C2 某人", order: "RO7")) { try cover(1, theirs) }
        // Expired: past its last day, it covers nothing, and says until when it was valid.
        #expect(throws: CardRefusal.expired(card: "K5", expiredAt: lastDay)) { try cover(1, card, at: lastDay) }
        // Used up by other open orders: both uses held.
        let held = CardHolds([CardHold(item: 1, orderID: 3, line: 1), CardHold(item: 1, orderID: 4, line: 2)])
        #expect(throws: CardRefusal.noUsesLeft(card: "K5", job: "J-WASH", left: 2, heldBy: ["RO3/1", "RO4/2"])) { try cover(1, card, holds: held) }
        // Covered already.
        shop.apply(try shop.record.cover(line: 1, with: card, holder: "C1 张伟", holds: CardHolds(), by: "周静", at: shop.now))
        #expect(throws: CardRefusal.lineAlreadyCovered(order: "RO7", line: 1, card: "K5")) { try cover(1, card) }
        // A stored-value card pays; it covers nothing.
        let stored = MemberCard(id: 3, customerID: 1, kind: .stored, balance: CardBalance(paidIn: yuan(100)), paid: yuan(100), soldAt: t0, soldBy: "周静")
        shop.apply(try shop.record.uncover(line: 1))
        #expect(shop.record.lines[0].cardID == nil)
        #expect(throws: CardRefusal.lineNotCovered(order: "RO7", line: 1)) { _ = try shop.record.uncover(line: 1) }
        #expect(throws: CardRefusal.notCountCard(card: "K3")) { try cover(1, stored) }
        // A refunded card.
        let refunded = card.applying(try CardRules.refund(card, method: .cash, reference: nil, reason: "搬家", authorizedBy: "钱主管", at: t0, by: "周静"))
        #expect(throws: CardRefusal.closed(card: "K5", at: t0)) { try cover(1, refunded) }
    }

    /// On a comeback, a line a count card covers is not also marked warranty work: the cover comes off first.
    @Test func aCoveredLineIsNotMadeWarrantyWork() throws {
        var shop = try order()
        let card = try sold([wash()], price: yuan(300))
        shop.apply(try shop.record.cover(line: 1, with: card, holder: "C1 张伟", holds: CardHolds(), by: "周静", at: shop.now))
        var comeback = shop.record.order
        comeback.reworkOf = 3
        let record = OrderRecord(order: comeback, vehicle: shop.record.vehicle, customer: shop.record.customer, lines: shop.record.lines,
                                 damage: [], belongings: [], documents: [])
        #expect(throws: CardRefusal.lineAlreadyCovered(order: "RO7", line: 1, card: "K5")) {
            try record.changeLine(1, LineEdit(covered: true))
        }
    }

    // MARK: Expiry and refund

    /// Past its last day, the expiry forfeits all that is left — the paid-in left is earned — dated
    /// at the expiry whenever it is written; not while an open order holds a use; a card used up
    /// expires forfeiting nothing, and is closed.
    @Test func anExpiredCardForfeitsWhatIsLeftDatedAtItsExpiry() throws {
        var card = try sold([wash()], price: yuan(300))
        _ = try use(&card, line: washLine)
        #expect(CardRules.expire(card, at: lastDay + -1, by: "周静") == nil, "not expired yet")
        #expect(CardRules.expire(card, held: 1, at: lastDay + 86_400, by: "周静") == nil, "an open order holds a use")
        let expiry = try #require(CardRules.expire(card, at: lastDay + 5 * 86_400, by: "周静"))
        #expect(expiry.kind == CardMovementKind.expire)
        #expect(expiry.at == lastDay, "dated at the expiry, written five days later")
        #expect(expiry.change == CardBalance(paidIn: yuan(-270), uses: -9))
        card = card.applying(expiry)
        #expect(card.balance == .zero && card.closedAt == lastDay && card.items[0].uses == 0)
        #expect(CardRules.expire(card, at: lastDay + 6 * 86_400, by: "周静") == nil, "closed")

        var usedUp = try sold([wash(times: 1)], price: yuan(30))
        _ = try use(&usedUp, line: washLine)
        let closing = try #require(CardRules.expire(usedUp, at: lastDay, by: "周静"))
        #expect(closing.change == .zero)

        // A stored-value card expires only when sold with a last day.
        let stored = MemberCard(id: 3, customerID: 1, kind: .stored, balance: CardBalance(paidIn: yuan(100), bonus: yuan(10)),
                                paid: yuan(100), soldAt: t0, soldBy: "周静")
        #expect(CardRules.expire(stored, at: t0 + 3_650 * 86_400, by: "周静") == nil)
        var dated = stored
        dated.expiresAt = lastDay
        #expect(CardRules.expire(dated, at: lastDay, by: "周静")?.change == CardBalance(paidIn: yuan(-100), bonus: yuan(-10)))
    }

    /// 10 washes for 300.00, two used: a refund pays back the paid-in left, 240.00; the 8 uses are
    /// forfeited and the card closed. Not while an open order holds a use of it.
    @Test func aCountCardsRefundPaysBackThePaidInLeft() throws {
        var card = try sold([wash()], price: yuan(300))
        _ = try use(&card, line: washLine)
        _ = try use(&card, line: washLine)
        #expect(throws: CardRefusal.usesHeld(card: "K5", orders: ["RO9/1"])) {
            try CardRules.refund(card, method: .wechat, reference: nil, reason: "搬家", authorizedBy: "钱主管", heldBy: ["RO9/1"], at: t0, by: "周静")
        }
        let refund = try CardRules.refund(card, method: .wechat, reference: nil, reason: "搬家", authorizedBy: "钱主管", at: t0, by: "周静")
        #expect(refund.amount == yuan(240))
        #expect(refund.change == CardBalance(paidIn: yuan(-240), uses: -8))
        #expect(card.applying(refund).closedAt == t0)
    }

    /// An adjustment of a package moves one item; never below the uses open orders hold.
    @Test func anAdjustmentOfAPackageNamesItsItem() throws {
        let maintenance = CardItemSale(job: "MNT-01", name: "一级维护", operations: ["MNT-01"], times: 4, listValue: Money(fen: 9_600))
        let card = try sold([maintenance, wash(times: 2)], kind: .package, price: yuan(500))
        #expect(throws: CardRefusal.itemNeeded(card: "K5", items: ["1 MNT-01", "2 J-WASH"])) {
            try CardRules.adjust(card, amount: nil, uses: 1, reason: "补偿", authorizedBy: "钱主管", at: t0, by: "钱主管")
        }
        #expect(throws: CardRefusal.adjustBelowZero(card: "K5", paidIn: card.items[1].paidIn, uses: 0)) {
            try CardRules.adjust(card, amount: nil, uses: -1, item: 2, held: [2: 2], reason: "录错", authorizedBy: "钱主管", at: t0, by: "钱主管")
        }
        let more = try CardRules.adjust(card, amount: nil, uses: 1, item: 2, reason: "补偿", authorizedBy: "钱主管", at: t0, by: "钱主管")
        #expect(card.applying(more).items[1].uses == 3)
    }
}

/// What the second insider tester found on cards, worked by hand.
@Suite struct CardLoopholeTests {
    let base = CountCardTests()

    /// 10 washes at 40.00 list (400.00): 320.00 is 20% under, within a 20% limit; 300.00 is not.
    @Test func aCountCardSoldFarUnderItsListIsAManagers() throws {
        let t0 = base.t0
        func sell(_ fen: Int, manager: String? = nil) throws -> CardMovement {
            try CardRules.sellCount(kind: .count, items: [base.wash()], price: Money(fen: fen), expiresAt: base.lastDay, method: .cash,
                                    reference: nil, giftLimitPercent: 20, authorizedBy: manager, at: t0, by: "周静").sale
        }
        #expect(try sell(32_000).authorizedBy == nil)
        #expect(throws: CardRefusal.priceBelowListNeedsManager(price: Money(fen: 31_999), listValue: Money(fen: 40_000), limitPercent: 20)) {
            try sell(31_999)
        }
        #expect(try sell(100, manager: "钱主管").authorizedBy == "钱主管")
    }

    @Test func aCardPastItsLastDayIsNotRefunded() throws {
        let card = try base.sold([base.wash()], price: base.yuan(300))
        #expect(throws: CardRefusal.refundAfterExpiry(card: "K5", expiredAt: base.lastDay)) {
            try CardRules.refund(card, method: .cash, reference: nil, reason: "客户要求", authorizedBy: "钱主管", at: base.lastDay, by: "周静")
        }
    }

    /// A use covers the operation's standard hours at the order's rate (0.3 h × 120.00 = 36.00).
    @Test func aLineWorthMoreThanOneUseIsNotCoveredAndACoveredLineIsNotChanged() throws {
        var shop = try base.order()
        let card = try base.sold([base.wash()], price: base.yuan(300))
        shop.apply(try shop.record.addLine(.labor(number: 0, description: "精致洗车", hours: Hours(hundredths: 800), rate: Money(fen: 12_000),
                                                  operationCode: "WASH-01")))
        #expect(throws: CardRefusal.lineAboveOneUse(order: "RO7", line: 4, value: Money(fen: 96_000), use: Money(fen: 3_600))) {
            try shop.record.cover(line: 4, with: card, holder: "C1 张伟", holds: CardHolds(), useValue: Money(fen: 3_600), by: "周静", at: shop.now)
        }
        shop.apply(try shop.record.cover(line: 1, with: card, holder: "C1 张伟", holds: CardHolds(), useValue: Money(fen: 3_600), by: "周静",
                                         at: shop.now))
        #expect(throws: CardRefusal.coveredLineChanged(order: "RO7", line: 1, card: "K5")) {
            try shop.record.changeLine(1, LineEdit(hours: Hours(hundredths: 1_000)))
        }
    }

    /// Who pays does not move while a card covers a line or paid, or a line is at a member's price.
    @Test func thePayerDoesNotMoveWhileMemberValueIsOnTheOrder() throws {
        var shop = try base.order()
        let card = try base.sold([base.wash()], price: base.yuan(300))
        let other = Customer(id: 2, name: "李娜", phone: "13912345678", createdAt: Timestamp(seconds: 0))
        shop.apply(try shop.record.cover(line: 1, with: card, holder: "C1 张伟", holds: CardHolds(), by: "周静", at: shop.now))
        #expect(throws: OrderRefusal.payerHasMemberValue(order: "RO7", memberPriced: [], covered: [1], cardPaid: false)) {
            try shop.record.correct(ReceptionFacts(billTo: .customer(other)), odometerBefore: nil)
        }
        // Naming the payer it already has moves nothing, and is not refused.
        #expect(try shop.record.correct(ReceptionFacts(billTo: .owner), odometerBefore: nil).order.billTo == nil)
        let paidByCard = [Payment(amount: Money(fen: 100), method: .card, at: shop.now, by: "周静", card: 3)]
        shop.apply(try shop.record.uncover(line: 1))
        #expect(throws: OrderRefusal.payerHasMemberValue(order: "RO7", memberPriced: [], covered: [], cardPaid: true)) {
            try shop.record.correct(ReceptionFacts(billTo: .customer(other)), odometerBefore: nil, payments: paidByCard)
        }
        #expect(try shop.record.correct(ReceptionFacts(billTo: .customer(other)), odometerBefore: nil).order.billTo == 2)
    }

    /// A member-priced line a card covers is charged nothing: the member saved nothing on it.
    @Test func aCoveredLineCountsInNoMemberSaving() {
        var priced = OrderLine.labor(number: 1, description: "四轮定位", hours: Hours(hundredths: 100), rate: Money(fen: 10_800), operationCode: "ALN-01")
        priced.memberTier = "金卡"
        priced.regularPrice = Money(fen: 12_000)
        #expect(MemberSavings.of([priced], tiers: []).first?.labor == Money(fen: 1_200))
        priced.cardID = 3
        #expect(MemberSavings.of([priced], tiers: []).isEmpty)
    }
}
