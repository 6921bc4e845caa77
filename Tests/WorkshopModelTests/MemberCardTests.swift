import Testing
@testable import WorkshopModel

/// The cards' arithmetic, worked by hand: a sale with bonus, use across two orders (paid-in first,
/// then bonus), never below zero, refund (the paid-in left; the bonus forfeited), adjustment.
/// (Count cards and packages: CountCardTests.)
@Suite struct MemberCardTests {
    let t0 = Timestamp(seconds: 1_795_000_000)

    func yuan(_ value: Int) -> Money { Money(fen: value * 100) }

    /// Applies a movement as the store does.
    func moved(_ card: MemberCard, _ movement: CardMovement) -> MemberCard { card.applying(movement) }

    func soldCard() throws -> MemberCard {
        let sale = try CardRules.sellStored(amount: yuan(1_000), bonus: yuan(100), method: .wechat, reference: nil, bonusLimitPercent: 10, at: t0, by: "周静")
        #expect(sale.change == CardBalance(paidIn: yuan(1_000), bonus: yuan(100)))
        #expect(sale.amount == yuan(1_000), "the money received is the paid-in amount, not the bonus")
        let card = MemberCard(id: 3, customerID: 2, kind: .stored, balance: .zero, paid: yuan(1_000), bonusGiven: yuan(100), soldAt: t0, soldBy: "周静")
        return moved(card, sale)
    }

    @Test func aSaleWithBonusHoldsBoth() throws {
        let card = try soldCard()
        #expect(card.number == "K3")
        #expect(card.balance.paidIn == yuan(1_000))
        #expect(card.balance.bonus == yuan(100))
        #expect(card.balance.total == yuan(1_100))
        #expect(throws: InputRefusal.mustBePositive(field: "amount", given: "0.00")) {
            try CardRules.sellStored(amount: .zero, bonus: yuan(100), method: .cash, reference: nil, bonusLimitPercent: 10, at: t0, by: "周静")
        }
        #expect(throws: CardRefusal.soldOnAccount) {
            try CardRules.sellStored(amount: yuan(100), bonus: .zero, method: .account, reference: nil, bonusLimitPercent: 10, at: t0, by: "周静")
        }
    }

    /// 充 1000 送 100 is a 10% bonus, within the default card_bonus_limit; 100 送 100,000 is not.
    @Test func aBonusAboveTheShopsLimitIsAManagers() throws {
        let within = try CardRules.sellStored(amount: yuan(1_000), bonus: yuan(100), method: .wechat, reference: nil,
                                              bonusLimitPercent: 10, at: t0, by: "周静")
        #expect(within.authorizedBy == nil)
        #expect(throws: CardRefusal.bonusNeedsManager(bonus: Money(fen: 10_001), amount: yuan(1_000), limitPercent: 10)) {
            try CardRules.sellStored(amount: yuan(1_000), bonus: Money(fen: 10_001), method: .wechat, reference: nil,
                                     bonusLimitPercent: 10, at: t0, by: "周静")
        }
        let authorised = try CardRules.sellStored(amount: yuan(100), bonus: yuan(100_000), method: .cash, reference: nil,
                                                  bonusLimitPercent: 10, authorizedBy: "钱主管", at: t0, by: "周静")
        #expect(authorised.authorizedBy == "钱主管" && authorised.change.bonus == yuan(100_000))
    }

    /// 1,000.00 + 100.00; RO1 takes 300.00 (all paid-in: 700.00 + 100.00 left); RO2 takes 750.00
    /// (700.00 paid-in, then 50.00 bonus: 0.00 + 50.00 left); 60.00 more is refused naming the balance.
    @Test func useAcrossTwoOrdersTakesPaidInFirstThenBonus() throws {
        var card = try soldCard()
        let first = try CardRules.pay(yuan(300), from: card, orderID: 1, at: t0 + 60, by: "周静")
        #expect(first.change == CardBalance(paidIn: yuan(-300), bonus: .zero))
        #expect(first.orderID == 1)
        card = moved(card, first)
        #expect(card.balance == CardBalance(paidIn: yuan(700), bonus: yuan(100)))
        let second = try CardRules.pay(yuan(750), from: card, orderID: 2, at: t0 + 120, by: "周静")
        #expect(second.change == CardBalance(paidIn: yuan(-700), bonus: yuan(-50)))
        card = moved(card, second)
        #expect(card.balance == CardBalance(paidIn: .zero, bonus: yuan(50)))
        #expect(throws: CardRefusal.aboveBalance(card: "K3", amount: yuan(60), paidIn: .zero, bonus: yuan(50))) {
            try CardRules.pay(yuan(60), from: card, orderID: 3, at: t0 + 180, by: "周静")
        }
        #expect(CardRules.split(yuan(50), of: card.balance) == CardBalance(paidIn: .zero, bonus: yuan(50)))
    }

    /// Refunded after RO1 (700.00 + 100.00 left): 700.00 back, the 100.00 bonus forfeited — the
    /// 1,000.00 paid in less the 300.00 spent. After RO2 (0.00 + 50.00 left): nothing back.
    @Test func aRefundPaysBackThePaidInLeftAndForfeitsTheBonus() throws {
        var card = try soldCard()
        card = moved(card, try CardRules.pay(yuan(300), from: card, orderID: 1, at: t0, by: "周静"))
        #expect(throws: CardRefusal.refundNeedsManager(card: "K3")) {
            try CardRules.refund(card, method: .wechat, reference: nil, reason: "搬家", authorizedBy: nil, at: t0, by: "周静")
        }
        #expect(throws: CardRefusal.needsReason(card: "K3")) {
            try CardRules.refund(card, method: .wechat, reference: nil, reason: " ", authorizedBy: "钱主管", at: t0, by: "周静")
        }
        let refund = try CardRules.refund(card, method: .wechat, reference: nil, reason: "搬家", authorizedBy: "钱主管", at: t0, by: "周静")
        #expect(refund.amount == yuan(700))
        #expect(refund.change == CardBalance(paidIn: yuan(-700), bonus: yuan(-100)))
        let closed = moved(card, refund)
        #expect(closed.balance == .zero)
        #expect(throws: CardRefusal.closed(card: "K3", at: t0)) { try CardRules.pay(yuan(1), from: closed, orderID: 2, at: t0, by: "周静") }

        var spent = try soldCard()
        spent = moved(spent, try CardRules.pay(yuan(1_050), from: spent, orderID: 1, at: t0, by: "周静"))
        #expect(CardRules.refundAmount(spent.balance) == .zero)
        #expect(CardRules.refundAmount(CardBalance(paidIn: Money(fen: 12_345), bonus: yuan(100))) == Money(fen: 12_345))
    }

    @Test func anAdjustmentNeedsAManagerAReasonAndNeverGoesBelowZero() throws {
        let card = try soldCard()
        #expect(throws: CardRefusal.adjustNeedsManager(card: "K3")) {
            try CardRules.adjust(card, amount: yuan(-50), uses: nil, reason: "录错", authorizedBy: nil, at: t0, by: "周静")
        }
        #expect(throws: CardRefusal.needsReason(card: "K3")) {
            try CardRules.adjust(card, amount: yuan(-50), uses: nil, reason: nil, authorizedBy: "钱主管", at: t0, by: "周静")
        }
        #expect(throws: CardRefusal.adjustBelowZero(card: "K3", paidIn: yuan(1_000), uses: 0)) {
            try CardRules.adjust(card, amount: yuan(-1_001), uses: nil, reason: "录错", authorizedBy: "钱主管", at: t0, by: "周静")
        }
        let down = try CardRules.adjust(card, amount: yuan(-50), uses: nil, reason: "录错", authorizedBy: "钱主管", at: t0, by: "钱主管")
        #expect(moved(card, down).balance == CardBalance(paidIn: yuan(950), bonus: yuan(100)))
    }
}

/// An overpayment on an order a stored-value card paid goes back to the card, to the bonus first.
@Suite struct RefundToCardTests {
    /// RO7 (564.00) paid from K3 (500.00 paid-in + 100.00 bonus): 500.00 paid-in + 64.00 bonus; then
    /// 80.00 off, given by a manager after payment: 80.00 overpaid, to go back to the card.
    func overpaidFromCard() throws -> (record: OrderRecord, card: MemberCard, taken: [CardMovement], payments: [Payment]) {
        var shop = OrderFixture()
        try shop.workDone()
        let card = MemberCard(id: 3, customerID: 1, kind: .stored, balance: CardBalance(paidIn: Money(fen: 50_000), bonus: Money(fen: 10_000)),
                              paid: Money(fen: 50_000), bonusGiven: Money(fen: 10_000), soldAt: OrderFixture.checkedIn, soldBy: "周静")
        let paid = try shop.record.pay(Money(fen: 56_400), from: card, holder: "C1 张伟", by: "周静", at: shop.now, payments: [],
                                       current: OrderFixture.terms)
        #expect(paid.movement.change == CardBalance(paidIn: Money(fen: -50_000), bonus: Money(fen: -6_400)))
        let payments = [paid.change.payment!]
        shop.apply(try shop.record.discount(.amount(Money(fen: 8_000)), by: "周静", authorizedBy: "钱主管", payments: payments,
                                            current: OrderFixture.terms))
        return (shop.record, card.applying(paid.movement), [paid.movement], payments)
    }

    @Test func theOverpaymentGoesBackToTheBonusFirstThenThePaidIn() throws {
        let (record, card, taken, payments) = try overpaidFromCard()
        let back = try record.refund(Money(fen: 8_000), to: card, taken: taken, reason: "结算后优惠", by: "周静", at: OrderFixture.checkedIn + 7_200,
                                     payments: payments, current: OrderFixture.terms)
        #expect(back.movement.change == CardBalance(paidIn: Money(fen: 1_600), bonus: Money(fen: 6_400)))
        #expect(back.change.payment == Payment(amount: Money(fen: -8_000), method: .card, at: OrderFixture.checkedIn + 7_200, by: "周静", card: 3))
        #expect(record.settlement(payments: payments + [back.change.payment!], current: OrderFixture.terms).balance == .zero)
    }

    @Test func aRefundToACardIsBoundedAndAskedBackAsMoneyIsPointedToTheCard() throws {
        let (record, card, taken, payments) = try overpaidFromCard()
        func refund(_ fen: Int, to card: MemberCard, reason: String? = "优惠") throws {
            _ = try record.refund(Money(fen: fen), to: card, taken: taken, reason: reason, by: "周静", at: OrderFixture.checkedIn,
                                  payments: payments, current: OrderFixture.terms)
        }
        #expect(throws: OrderRefusal.refundAboveOverpayment(refund: Money(fen: 8_001), overpaid: Money(fen: 8_000))) { try refund(8_001, to: card) }
        #expect(throws: MoneyRefusal.refundNeedsReason) { try refund(100, to: card, reason: " ") }
        var other = card
        other.id = 4
        #expect(throws: CardRefusal.cardDidNotPay(card: "K4", order: "RO7")) { try refund(100, to: other) }
        // Cash for card money is a manager's: the cashier is pointed to the card.
        #expect(throws: CardRefusal.refundGoesToCard(order: "RO7", cards: [CardAmount("K3", Money(fen: 56_400))])) {
            try record.refund(Money(fen: 8_000), method: .cash, reference: nil, by: "周静", at: OrderFixture.checkedIn, payments: payments,
                              current: OrderFixture.terms, reason: "优惠")
        }
    }
}
