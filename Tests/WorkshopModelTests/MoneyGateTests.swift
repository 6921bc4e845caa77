import Testing
@testable import WorkshopModel

/// The money gates an insider could slip through alone: a price below the list, a refund by another
/// way than the money came in, an odometer wound back, a clock set ahead.
@Suite struct MoneyGateTests {
    let terms = OrderFixture.terms   // the discount limit is 5%

    func part(_ price: Int, qty: Int = 1, class partClass: PartClass? = .oem) -> OrderLine {
        .part(number: 0, description: "机油滤清器", quantity: Quantity(units: qty), unitPrice: Money(fen: price),
              partNumber: "06L115562", brand: nil, partClass: partClass)
    }

    func labor(hours: Int, rate: Int) -> OrderLine {
        .labor(number: 0, description: "更换前刹车片", hours: Hours(hundredths: hours), rate: Money(fen: rate), operationCode: "BRK-01")
    }

    @Test func aPriceBelowTheListBeyondTheLimitIsAManagersConcession() throws {
        let shop = OrderFixture()
        let list = ListPrice.part(Money(fen: 6_800))
        for price in [5_000, 100] {
            #expect(throws: MoneyRefusal.priceBelowList(line: "机油滤清器", given: Money(fen: price), list: Money(fen: 6_800), limitPercent: 5)) {
                try shop.record.addLine(part(price), list: list, authorizedBy: nil, current: terms)
            }
        }
        // Within the limit (68.00 less 5% is 64.60): no concession, the list value kept for the order's
        // manual reductions (ManualReductionTests); at the list, above it: as before.
        let within = try shop.record.addLine(part(6_460), list: list, authorizedBy: nil, current: terms).newLines[0]
        #expect(within.listAmount == Money(fen: 6_800) && within.concessionBy == nil && !within.isConcession)
        for price in [6_800, 9_000] {
            let change = try shop.record.addLine(part(price), list: list, authorizedBy: nil, current: terms)
            #expect(change.newLines[0].listAmount == nil && change.newLines[0].concessionBy == nil)
        }
        #expect(throws: MoneyRefusal.self) { try shop.record.addLine(part(6_459), list: list, authorizedBy: nil, current: terms) }
        // A part not on the list, a customer-supplied one: nothing to compare.
        #expect(try shop.record.addLine(part(100), list: nil, authorizedBy: nil, current: terms).newLines[0].listAmount == nil)
        #expect(try shop.record.addLine(part(0, class: .customer), list: list, authorizedBy: nil, current: terms).newLines[0].listAmount == nil)
        // A manager gives it: the line keeps the list value and who; the journal says list and given.
        let given = try shop.record.addLine(part(5_000, qty: 2), list: list, authorizedBy: "钱主管", current: terms)
        #expect(given.newLines[0].listAmount == Money(fen: 13_600) && given.newLines[0].concessionBy == "钱主管")
        let detail = Dictionary(given.detail.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        #expect(detail["list"] == .string("136.00") && detail["given"] == .string("100.00") && detail["authorized_by"] == .string("钱主管"))
    }

    @Test func labourBelowItsStandardHoursOrTheShopRateIsAConcession() throws {
        let shop = OrderFixture()
        let list = ListPrice.labor(rate: Money(fen: 12_000), standardHours: Hours(hundredths: 120))
        for (hours, rate) in [(120, 100), (1, 12_000), (60, 12_000)] {
            #expect(throws: MoneyRefusal.self) { try shop.record.addLine(labor(hours: hours, rate: rate), list: list, authorizedBy: nil, current: terms) }
        }
        #expect(try shop.record.addLine(labor(hours: 120, rate: 12_000), list: list, authorizedBy: nil, current: terms).newLines[0].listAmount == nil)
        #expect(try shop.record.addLine(labor(hours: 240, rate: 8_000), list: list, authorizedBy: nil, current: terms).newLines[0].listAmount == nil)
        // Labour described in words: the hours are the advisor's, the rate is the shop's.
        let words = ListPrice.labor(rate: Money(fen: 12_000), standardHours: nil)
        #expect(throws: MoneyRefusal.self) { try shop.record.addLine(labor(hours: 100, rate: 100), list: words, authorizedBy: nil, current: terms) }
        #expect(try shop.record.addLine(labor(hours: 10, rate: 15_000), list: words, authorizedBy: nil, current: terms).newLines[0].listAmount == nil)
    }

    @Test func aChangeLowerThanTheConcessionNeedsTheManagerAgain() throws {
        var shop = OrderFixture()
        let list = ListPrice.part(Money(fen: 6_800))
        shop.apply(try shop.record.addLine(part(6_800), list: list, authorizedBy: nil, current: terms))
        // Changing the price afterwards goes through the same gate.
        #expect(throws: MoneyRefusal.self) {
            try shop.record.changeLine(1, LineEdit(unitPrice: Money(fen: 100)), list: list, authorizedBy: nil, current: terms)
        }
        shop.apply(try shop.record.changeLine(1, LineEdit(unitPrice: Money(fen: 5_000)), list: list, authorizedBy: "钱主管", current: terms))
        #expect(shop.record.lines[0].concessionBy == "钱主管")
        // The quantity changes: the concession given holds at its price; lower again is refused.
        let more = try shop.record.changeLine(1, LineEdit(quantity: Quantity(units: 2)), list: list, authorizedBy: nil, current: terms)
        #expect(more.changedLines[0].concessionBy == "钱主管" && more.changedLines[0].listAmount == Money(fen: 13_600))
        #expect(throws: MoneyRefusal.self) {
            try shop.record.changeLine(1, LineEdit(unitPrice: Money(fen: 4_000)), list: list, authorizedBy: nil, current: terms)
        }
        // Back at the list: no concession any more.
        let back = try shop.record.changeLine(1, LineEdit(unitPrice: Money(fen: 6_800)), list: list, authorizedBy: nil, current: terms)
        #expect(back.changedLines[0].concessionBy == nil && back.changedLines[0].listAmount == nil)
    }

    @Test func aRefundGoesBackTheWayTheMoneyCameIn() throws {
        let now = OrderFixture.checkedIn
        let card = Payment(amount: Money(fen: 24_000), method: .card, at: now, by: "周静", reference: "POS777")
        #expect(throws: MoneyRefusal.refundNeedsReason) {
            try Gate.refund(Money(fen: 1_200), method: .card, reason: " ", payments: [card], authorizedBy: nil, order: "RO7")
        }
        #expect(throws: MoneyRefusal.refundMethodNeedsManager(refund: Money(fen: 1_200), method: .cash, available: .zero,
                                                              paidBy: [MethodAmount(.card, Money(fen: 24_000))])) {
            try Gate.refund(Money(fen: 1_200), method: .cash, reason: "优惠", payments: [card], authorizedBy: nil, order: "RO7")
        }
        try Gate.refund(Money(fen: 1_200), method: .card, reason: "优惠", payments: [card], authorizedBy: nil, order: "RO7")
        try Gate.refund(Money(fen: 1_200), method: .cash, reason: "刷卡退款不成功", payments: [card], authorizedBy: "钱主管", order: "RO7")
        // Each method up to what it paid, net of refunds by it already.
        let mixed = [card, Payment(amount: Money(fen: 5_000), method: .cash, at: now, by: "周静"),
                     Payment(amount: Money(fen: -4_000), method: .cash, at: now, by: "周静")]
        #expect(Gate.paidByMethod(mixed) == [MethodAmount(.card, Money(fen: 24_000)), MethodAmount(.cash, Money(fen: 1_000))])
        try Gate.refund(Money(fen: 1_000), method: .cash, reason: "多付", payments: mixed, authorizedBy: nil, order: "RO7")
        #expect(throws: MoneyRefusal.self) { try Gate.refund(Money(fen: 1_001), method: .cash, reason: "多付", payments: mixed, authorizedBy: nil, order: "RO7") }
    }

    @Test func theRefundTransitionChecksTheGateAndRecordsTheReason() throws {
        var shop = OrderFixture()
        try shop.sign()
        let card = [Payment(amount: Money(fen: 56_400), method: .card, at: shop.now, by: "周静"),
                    Payment(amount: Money(fen: 1_000), method: .card, at: shop.now, by: "周静")]
        #expect(throws: MoneyRefusal.self) {
            try shop.record.refund(Money(fen: 1_000), method: .cash, reference: nil, by: "周静", at: shop.now, payments: card,
                                   current: OrderFixture.terms, reason: "多付")
        }
        let refund = try shop.record.refund(Money(fen: 1_000), method: .card, reference: nil, by: "周静", at: shop.now, payments: card,
                                            current: OrderFixture.terms, reason: "多付")
        #expect(refund.detail.contains { $0.0 == "reason" && $0.1 == .string("多付") })
    }

    @Test func anOdometerWoundBackIsAManagersCorrection() throws {
        let standing = OdometerReading(km: 45_210, at: OrderFixture.checkedIn, source: .release(order: 7))
        #expect(throws: CorrectionRefusal.odometerDownNeedsManager(plate: "粤BA7788", given: 30_000, standing: 45_210)) {
            try Gate.odometerCorrection(reading: 30_000, standing: standing, plate: "粤BA7788", authorizedBy: nil)
        }
        try Gate.odometerCorrection(reading: 30_000, standing: standing, plate: "粤BA7788", authorizedBy: "钱主管")
        try Gate.odometerCorrection(reading: 45_210, standing: standing, plate: "粤BA7788", authorizedBy: nil)
        try Gate.odometerCorrection(reading: 46_000, standing: standing, plate: "粤BA7788", authorizedBy: nil)
        try Gate.odometerCorrection(reading: 1, standing: nil, plate: "粤BA7788", authorizedBy: nil)
    }

    @Test func aLateEntrysClockIsNeverAhead() throws {
        let real = OrderFixture.checkedIn
        try Gate.clock(Timestamp(seconds: real.seconds - 86_400 * 30), real: real)
        try Gate.clock(real + 5 * 60, real: real)
        #expect(throws: CorrectionRefusal.clockAhead(requested: real + 5 * 60 + 1, real: real, toleranceMinutes: 5)) {
            try Gate.clock(real + 5 * 60 + 1, real: real)
        }
    }

    @Test func aLateEntryOnAnOrderIsDatedAfterItsCheckIn() throws {
        let checkedIn = OrderFixture.checkedIn
        try Gate.lateEntry(at: checkedIn, onOrder: "RO18", checkedInAt: checkedIn)
        try Gate.lateEntry(at: checkedIn + 60, onOrder: "RO18", checkedInAt: checkedIn)
        #expect(throws: CorrectionRefusal.beforeCheckIn(requested: Timestamp(seconds: checkedIn.seconds - 1), order: "RO18", checkedInAt: checkedIn)) {
            try Gate.lateEntry(at: Timestamp(seconds: checkedIn.seconds - 1), onOrder: "RO18", checkedInAt: checkedIn)
        }
    }
}

@Suite struct PINAttemptTests {
    @Test func onlyDigitsOfAPINsLengthAreATryAtThePIN() {
        for text in ["1234", "000000", "123456789012"] { #expect(PINAttempts.isPINShaped(text), "\(text)") }
        for text in ["", "123", "1234567890123", "pay RO16 amount=240", "12 34", "abcd", "１２３４", "1234\n"] {
            #expect(!PINAttempts.isPINShaped(text), "\(text)")
        }
    }

    @Test func theFifthWrongPINLocksForFifteenMinutes() {
        let now = OrderFixture.checkedIn
        let fourth = PINAttempts.afterFailure(failures: 3, at: now)
        #expect(fourth.failures == 4 && fourth.lockedUntil == nil)
        let locked = PINAttempts.afterFailure(failures: 4, at: now)
        #expect(locked.failures == 5 && locked.lockedUntil == now + 900)
        #expect(PINAttempts.isLocked(until: locked.lockedUntil, at: now + 899))
        #expect(!PINAttempts.isLocked(until: locked.lockedUntil, at: now + 900))
        #expect(!PINAttempts.isLocked(until: nil, at: now))
    }
}
