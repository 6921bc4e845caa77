import Testing
@testable import WorkshopModel

/// What the customer signed at reception stays as signed (the fault described, who pays, the damage
/// seen, the belongings counted), the hand-over time is not before the signature, a private
/// customer's 挂账 is a manager's, and a discount over the limit by a fraction is over it.
@Suite("Signed facts, the checklist counted up, credit and the limit's edge")
struct SignedFactsTests {
    // MARK: The complaint and who pays

    @Test func theComplaintAndThePayerAreCorrectedOnlyBeforeSignature() throws {
        var shop = OrderFixture()
        #expect(try shop.record.correct(ReceptionFacts(complaint: "刹车异响，方向盘抖"), odometerBefore: nil).order.complaint == "刹车异响，方向盘抖")
        #expect(try shop.record.correct(ReceptionFacts(payer: .insurer), odometerBefore: nil).order.payer == .insurer)
        try shop.sign()
        #expect(throws: OrderRefusal.complaintAfterSigning(order: "RO7", status: .signed)) {
            try shop.record.correct(ReceptionFacts(complaint: "改了"), odometerBefore: nil)
        }
        #expect(throws: OrderRefusal.payerAfterSigning(order: "RO7", status: .signed)) {
            try shop.record.correct(ReceptionFacts(payer: .warranty), odometerBefore: nil)
        }
        // The same words again change nothing and are no correction; the person dropping off still is one.
        #expect(throws: OrderRefusal.nothingToCorrect(order: "RO7")) {
            try shop.record.correct(ReceptionFacts(complaint: "刹车异响", payer: .owner), odometerBefore: nil)
        }
        #expect(try shop.record.correct(ReceptionFacts(droppedBy: "王小强"), odometerBefore: nil).order.droppedBy == "王小强")
    }

    // MARK: Damage seen at reception

    static func withDamage(_ status: OrderStatus) throws -> OrderRecord {
        var shop = OrderFixture()
        if status != .estimating { try shop.sign() }
        let notes = [DamageNote(id: 1, note: "左前门划痕约10cm", notedAt: OrderFixture.checkedIn, notedBy: "王芳")]
        return OrderRecord(order: shop.record.order, vehicle: shop.record.vehicle, customer: shop.record.customer,
                           lines: shop.record.lines, damage: notes, belongings: [], documents: [])
    }

    @Test func aDamageNoteComesOffOnlyBeforeSignature() throws {
        try Gate.damageRemovable(try Self.withDamage(.estimating), note: 1)
        let signed = try Self.withDamage(.signed)
        #expect(throws: OrderRefusal.damageRemoveAfterSigning(order: "RO7", status: .signed, note: 1)) {
            try Gate.damageRemovable(signed, note: 1)
        }
        #expect(throws: OrderRefusal.noSuchDamageNote(order: "RO7", given: 2, count: 1)) { try Gate.damageRemovable(signed, note: 2) }
    }

    @Test func aDamageNoteMadeAfterSignatureIsMarkedSo() throws {
        let signed = try Self.withDamage(.signed)
        let signedAt = try #require(signed.order.signedAt)
        #expect(!signed.damage[0].isAfterSigning(signed.order))
        #expect(DamageNote(id: 2, note: "后保险杠凹陷", notedAt: signedAt + 60, notedBy: "赵师傅").isAfterSigning(signed.order))
        #expect(!DamageNote(id: 2, note: "后保险杠凹陷", notedAt: signedAt + 60, notedBy: "赵师傅").isAfterSigning(Self.withDamageUnsigned.order))
    }

    static var withDamageUnsigned: OrderRecord { try! withDamage(.estimating) }

    // MARK: The belongings checklist

    @Test func anItemAddedAgainIsCountedUpNeverSetDown() throws {
        let signed = try OrderRulesTests.withBelongings(.signed)            // 雨伞 1, 脚垫×4 with 2 back
        let standing = try signed.countIn([BelongingItem(name: "脚垫", count: 1), BelongingItem(name: "备胎", count: 1),
                                           BelongingItem(name: "备胎", count: 1)])
        #expect(standing.map(\.name) == ["脚垫", "备胎"])
        #expect(standing[0].count == 5 && standing[0].back == 2 && standing[0].missing == 3)
        #expect(standing[1].count == 2 && standing[1].back == 0)
        // An item all back gets what is added out again, the ones back still back.
        let allBack = OrderRecord(order: signed.order, vehicle: signed.vehicle, customer: signed.customer, lines: [], damage: [],
                                  belongings: [Belonging(name: "雨伞", count: 1, returnedAt: OrderFixture.checkedIn)], documents: [])
        let umbrella = try allBack.countIn([BelongingItem(name: "雨伞", count: 1)])[0]
        #expect(umbrella.count == 2 && umbrella.back == 1 && umbrella.returnedAt == nil)
        #expect(throws: InputRefusal.belongingCount(given: "脚垫×100")) {
            try signed.countIn([BelongingItem(name: "脚垫", count: 96)])
        }
    }

    // MARK: The hand-over to the workshop

    @Test func theHandOverIsToTheMinuteAndNeverBeforeTheSignature() throws {
        var shop = OrderFixture()
        shop.now = OrderFixture.checkedIn + 3_600 + 37 * 60 + 25          // signed at 10:37:25
        try shop.sign()
        let signedAt = try #require(shop.record.order.signedAt)
        let manager = StaffMember(id: 2, name: "钱主管", roles: [.manager, .inspector], group: nil)
        let handed = try shop.record.handover(to: manager, at: nil, now: signedAt + 20)
        #expect(handed.order.handoverAt == Timestamp(seconds: signedAt.seconds - signedAt.seconds % 60))
        #expect(throws: OrderRefusal.handoverTime(order: "RO7", signedAt: signedAt)) {
            try shop.record.handover(to: manager, at: Timestamp(seconds: signedAt.seconds - 120), now: signedAt + 20)
        }
    }

    // MARK: 挂账

    @Test func aPrivateCustomersChargeToAccountNeedsAManager() throws {
        var shop = OrderFixture()
        try shop.workDone()
        try shop.inspectFinal(.pass)
        let owed = shop.record.settlement(payments: [], current: OrderFixture.terms).total
        func charge(_ record: OrderRecord, manager: String?) throws -> PaymentReceipt {
            try OrderRecord.payTogether([(record, [])], amount: owed, tendered: nil, method: .account, reference: nil, by: "周静",
                                        at: shop.now, current: OrderFixture.terms, receipt: nil, authorizedBy: manager)
        }
        #expect(throws: MoneyRefusal.accountNeedsManager(customer: "C1 张伟")) { try charge(shop.record, manager: nil) }
        let authorised = try charge(shop.record, manager: "钱主管")
        #expect(authorised.changes[0].detail.contains { $0.0 == "authorized_by" && $0.1 == .string("钱主管") })
        // Money is anyone's to take; a company customer is billed on account without a manager.
        #expect(try OrderRecord.payTogether([(shop.record, [])], amount: owed, tendered: nil, method: .wechat, reference: nil, by: "周静",
                                            at: shop.now, current: OrderFixture.terms, receipt: nil).changes.count == 1)
        var company = shop.record.customer
        company.company = "顺达物流"
        let companyRecord = OrderRecord(order: shop.record.order, vehicle: shop.record.vehicle, customer: company, lines: shop.record.lines,
                                        damage: [], belongings: [], documents: [], inspections: shop.record.inspections)
        #expect(try charge(companyRecord, manager: nil).changes.count == 1)
    }

    // MARK: The discount limit's edge

    @Test func aDiscountOverTheLimitByAFractionOfAPercentIsOverIt() {
        let lines = [OrderLine.fee(number: 1, description: "x", amount: Money(fen: 52_400))].map { line -> OrderLine in
            var approved = line
            approved.status = .approved
            return approved
        }
        func share(_ fen: Int) -> Int {
            Settlement(lines: lines, discount: .amount(Money(fen: fen)), payments: [], terms: OrderFixture.terms).discountShare
        }
        #expect(share(2_620) == 500)                                     // 26.20 off 524.00: exactly 5%
        #expect(!DiscountRule.needsManager(share: share(2_620), limitPercent: 5))
        #expect(share(2_625) == 501)                                     // 26.25: 5.0095%, over
        #expect(DiscountRule.needsManager(share: share(2_625), limitPercent: 5))
        // Judged exactly, not on the rounded share: 26.25 is over, and 5% of 142.50 (7.13 once
        // rounded to the fen) is 5%, at the limit.
        #expect(DiscountRule.needsManager(.amount(Money(fen: 2_625)), value: Money(fen: 2_625), chargeable: Money(fen: 52_400), limitPercent: 5))
        #expect(!DiscountRule.needsManager(.amount(Money(fen: 2_620)), value: Money(fen: 2_620), chargeable: Money(fen: 52_400), limitPercent: 5))
        #expect(!DiscountRule.needsManager(.percent(500), value: Money(fen: 713), chargeable: Money(fen: 14_250), limitPercent: 5))
        #expect(DiscountRule.needsManager(.percent(501), value: Money(fen: 714), chargeable: Money(fen: 14_250), limitPercent: 5))
    }
}

@Suite("Part units: counted parts in whole pieces")
struct PartUnitTests {
    @Test func aPartCountedInPiecesTakesAWholeQuantityAndOneMeasuredAFraction() throws {
        try Gate.quantity(Quantity(units: 2), of: "BP-1234", unit: "套")
        #expect(throws: CatalogRefusal.partCountedInWholes(partNumber: "BP-1234", unit: "件", given: Quantity(thousandths: 1))) {
            try Gate.quantity(Quantity(thousandths: 1), of: "BP-1234", unit: "件")
        }
        try Gate.quantity(Quantity(thousandths: 4_500), of: "OIL-BULK", unit: "升")
        try Gate.quantity(Quantity(thousandths: 4_500), of: "OIL-BULK", unit: "L")
    }
}
