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
        let sale = try CardRules.sellStored(amount: yuan(1_000), bonus: yuan(100), method: .wechat, reference: nil, at: t0, by: "周静")
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
            try CardRules.sellStored(amount: .zero, bonus: yuan(100), method: .cash, reference: nil, at: t0, by: "周静")
        }
        #expect(throws: CardRefusal.soldOnAccount) {
            try CardRules.sellStored(amount: yuan(100), bonus: .zero, method: .account, reference: nil, at: t0, by: "周静")
        }
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
