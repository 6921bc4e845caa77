import Testing
@testable import WorkshopModel

@Suite("Settlement arithmetic, worked by hand")
struct SettlementTests {
    let now = Timestamp(seconds: 1_795_300_000)

    func approved(_ line: OrderLine) -> OrderLine {
        var l = line
        l.status = .approved
        return l
    }

    var lines: [OrderLine] {
        [approved(.labor(number: 1, description: "更换前刹车片", hours: Hours(hundredths: 120), rate: Money(fen: 12_000))),   // 144.00
         approved(.part(number: 2, description: "前刹车片", quantity: Quantity(units: 1), unitPrice: Money(fen: 42_000),
                        partNumber: nil, brand: nil, partClass: .oem)),                                                      // 420.00
         approved(.fee(number: 3, description: "外加工", amount: Money(fen: 8_000))),                                         //  80.00
         .part(number: 4, description: "刹车盘（客户未同意）", quantity: Quantity(units: 2), unitPrice: Money(fen: 38_000),
               partNumber: nil, brand: nil, partClass: .equivalent)]                                                        // proposed: not billed
    }

    @Test func taxIncluded() {
        // 644.00 including 13%: tax = 644 × 13 / 113 = 74.088… → 74.09; net 569.91.
        let s = Settlement(lines: lines, discount: nil, payments: [], rate: .chineseVAT, pricesIncludeTax: true)
        #expect(s.labor.fen == 14_400 && s.parts.fen == 42_000 && s.other.fen == 8_000)
        #expect(s.total.fen == 64_400)
        #expect(s.tax.fen == 7_409)
        #expect(s.net.fen == 56_991)
        #expect(s.balance.fen == 64_400)
    }

    @Test func taxAdded() {
        // 644.00 before tax: 13% is 83.72, total 727.72.
        let s = Settlement(lines: lines, discount: nil, payments: [], rate: .chineseVAT, pricesIncludeTax: false)
        #expect(s.tax.fen == 8_372)
        #expect(s.total.fen == 72_772)
    }

    @Test func percentDiscountRoundsOnceHalfUp() {
        // 7.5% of 644.00 = 48.30; total 595.70; tax in it 595.70 × 13/113 = 68.5310… → 68.53.
        let s = Settlement(lines: lines, discount: .percent(750), payments: [], rate: .chineseVAT, pricesIncludeTax: true)
        #expect(s.discount.fen == 4_830)
        #expect(s.total.fen == 59_570)
        #expect(s.tax.fen == 6_853)
        #expect(s.discountShare == 750)
        // 3.33% of 644.00 = 21.4452 → 21.45
        #expect(Discount.percent(333).value(on: Money(fen: 64_400)).fen == 2_145)
        // An amount discount never exceeds what is charged.
        #expect(Discount.amount(Money(fen: 100_000)).value(on: Money(fen: 64_400)).fen == 64_400)
    }

    @Test func splitPaymentsAndARefund() {
        let payments = [Payment(amount: Money(fen: 30_000), method: .wechat, at: now, by: "周静"),
                        Payment(amount: Money(fen: 34_400), method: .cash, at: now, by: "周静")]
        let settled = Settlement(lines: lines, discount: nil, payments: payments, rate: .chineseVAT, pricesIncludeTax: true)
        #expect(settled.isSettled)
        // A discount given after payment leaves the customer overpaid: a negative balance to refund.
        let discounted = Settlement(lines: lines, discount: .amount(Money(fen: 4_400)), payments: payments, rate: .chineseVAT, pricesIncludeTax: true)
        #expect(discounted.balance.fen == -4_400)
        let refunded = Settlement(lines: lines, discount: .amount(Money(fen: 4_400)),
                                  payments: payments + [Payment(amount: Money(fen: -4_400), method: .cash, at: now, by: "周静")],
                                  rate: .chineseVAT, pricesIncludeTax: true)
        #expect(refunded.isSettled)
        #expect(refunded.paid.fen == 60_000)
    }

    @Test func reworkUnderWarrantyCostsNothing() {
        var rework = lines
        rework[0].covered = true
        rework[1].covered = true
        let s = Settlement(lines: rework, discount: nil, payments: [], rate: .chineseVAT, pricesIncludeTax: true)
        #expect(s.coveredByWarranty.fen == 56_400)
        #expect(s.total.fen == 8_000)
        #expect(s.labor.fen == 0 && s.parts.fen == 0)
    }

    @Test func theAdvisorsLimit() throws {
        #expect(!DiscountRule.needsManager(share: 500, limitPercent: 5))
        #expect(DiscountRule.needsManager(share: 501, limitPercent: 5))
        #expect(throws: InputRefusal.self) { try DiscountRule.parse(amount: "10", percent: "5") }
        #expect(throws: InputRefusal.self) { try DiscountRule.parse(amount: nil, percent: "101") }
        #expect(try DiscountRule.parse(amount: nil, percent: "7.5%") == .percent(750))
    }
}

@Suite("Warranty: km and days, whichever first")
struct WarrantyTests {
    let zone = ShopZone.shanghai

    @Test func theStatutoryTable() {
        #expect(WarrantyTable.statutory(.car, .overhaul) == WarrantyTerm(km: 20_000, days: 100))
        #expect(WarrantyTable.statutory(.car, .assembly) == WarrantyTerm(km: 20_000, days: 100))
        #expect(WarrantyTable.statutory(.car, .level2) == WarrantyTerm(km: 5_000, days: 30))
        #expect(WarrantyTable.statutory(.car, .minor) == WarrantyTerm(km: 2_000, days: 10))
        #expect(WarrantyTable.statutory(.motorcycle, .overhaul) == WarrantyTerm(km: 7_000, days: 80))
        #expect(WarrantyTable.statutory(.motorcycle, .level2) == WarrantyTerm(km: 800, days: 10))
        #expect(WarrantyTable.statutory(.other, .assembly) == WarrantyTerm(km: 6_000, days: 60))
        #expect(WarrantyTable.statutory(.other, .special) == WarrantyTerm(km: 700, days: 7))
    }

    @Test func longerIsAllowedShorterIsRefused() throws {
        try WarrantyTable.validate(WarrantyTerm(km: 3_000, days: 30), .car, .minor)
        #expect(throws: InputRefusal.self) { try WarrantyTable.validate(WarrantyTerm(km: 1_999, days: 30), .car, .minor) }
        #expect(throws: InputRefusal.self) { try WarrantyTable.validate(WarrantyTerm(km: 3_000, days: 9), .car, .minor) }
    }

    @Test func theLastDayAndTheLastKilometreAreCovered() {
        // Released 2026-11-22 23:30 at 45,215 km, minor repair: 10 days from the next day, 2,000 km.
        let released = zone.instant(CivilTime(year: 2026, month: 11, day: 22, hour: 23, minute: 30))
        let line = OrderLine.labor(number: 1, description: "x", hours: Hours(hundredths: 100), rate: Money(fen: 100))
        let c = WarrantyCoverage(orderID: 1, line: line, releasedAt: released, releaseOdometer: 45_215,
                                 term: WarrantyTerm(km: 2_000, days: 10), zone: zone)
        #expect(c.lastDay == "2026-12-02")
        #expect(c.lastKilometre == 47_215)
        #expect(c.covers(day: "2026-12-02", odometer: 47_215))
        #expect(!c.covers(day: "2026-12-03", odometer: 45_300), "the day after the last is outside")
        #expect(!c.covers(day: "2026-11-25", odometer: 47_216), "one kilometre over is outside, whatever the date")
        #expect(c.covers(day: "2026-11-25", odometer: nil))
    }

    @Test func aReleaseLateInTheEveningCountsInTheShopsZone() {
        // 2026-11-22 17:00 UTC is 2026-11-23 01:00 in Shanghai: the period counts from the 23rd.
        let released = Timestamp(seconds: CivilTime(year: 2026, month: 11, day: 22, hour: 17).utcSeconds)
        let line = OrderLine.fee(number: 1, description: "x", amount: Money(fen: 1))
        let c = WarrantyCoverage(orderID: 1, line: line, releasedAt: released, releaseOdometer: 0,
                                 term: WarrantyTerm(km: 800, days: 10), zone: zone)
        #expect(c.lastDay == "2026-12-03")
    }
}

@Suite("After-sales deadlines")
struct AfterSalesTests {
    let registered = Timestamp(seconds: 1_795_300_000)

    @Test func complaintsAreVerifiedInADayAndAnsweredInAWeek() {
        var c = Complaint(id: 1, vehicleID: 1, orderID: nil, channel: .phone, text: "x", registeredAt: registered, registeredBy: "王芳")
        #expect(c.overdue(at: registered + 24 * 3_600).isEmpty)
        #expect(c.overdue(at: registered + 24 * 3_600 + 1) == ["verify"])
        c.verifiedAt = registered + 3_600
        #expect(c.overdue(at: registered + 7 * 86_400).isEmpty)
        #expect(c.overdue(at: registered + 7 * 86_400 + 1) == ["reply"])
        c.resolvedAt = registered + 86_400
        #expect(c.overdue(at: registered + 30 * 86_400).isEmpty)
        #expect(c.stage == .resolved)
    }

    @Test func theFollowUpCallIsDueFromTwoDaysToAWeek() {
        let f = FollowUp.after(release: registered, orderID: 1)
        #expect(!f.isDue(at: registered + (2 * 86_400 - 1)))
        #expect(f.isDue(at: registered + 2 * 86_400))
        #expect(!f.isOverdue(at: registered + 7 * 86_400))
        #expect(f.isOverdue(at: registered + 7 * 86_400 + 1))
    }
}
