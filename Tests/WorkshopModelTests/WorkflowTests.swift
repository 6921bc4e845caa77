import Testing
@testable import WorkshopModel

/// A small order to put through the workflow, built by hand: each test says which facts matter.
struct OrderFixture {
    static let checkedIn = Timestamp(seconds: 1_795_309_200)   // 2026-11-22 09:00, Shanghai
    static let terms = PricingTerms(taxRate: .chineseVAT, pricesIncludeTax: true, laborRate: Money(fen: 12_000), discountLimitPercent: 5)

    var record: OrderRecord
    var now = OrderFixture.checkedIn + 3_600

    init(category: RepairCategory = .minor) {
        let vehicle = Vehicle(id: 1, plate: try! Plate("京A12345"), vin: nil, ownerID: 1, odometer: 45_000, createdAt: Timestamp(seconds: 0))
        let customer = Customer(id: 1, name: "张伟", phone: "13900001111", createdAt: Timestamp(seconds: 0))
        let order = RepairOrder(id: 7, vehicleID: 1, customerID: 1, status: .estimating, checkedInAt: OrderFixture.checkedIn,
                                advisor: "王芳", odometerIn: 45_210, fuel: .half, complaint: "刹车异响", category: category,
                                promisedAt: OrderFixture.checkedIn + 8 * 3_600)
        record = OrderRecord(order: order, vehicle: vehicle, customer: customer, lines: [], damage: [], belongings: [], documents: [])
    }

    /// Applies a change the way the store does: the order, its new and changed lines and records.
    mutating func apply(_ change: OrderChange) {
        var lines = record.lines
        for line in change.changedLines { lines[lines.firstIndex { $0.number == line.number }!] = line }
        lines += change.newLines
        var inspections = record.inspections
        if let inspection = change.inspection { inspections.append(inspection) }
        var supplements = record.supplements
        if let supplement = change.supplement {
            if let index = supplements.firstIndex(where: { $0.line == supplement.line }) { supplements[index] = supplement } else { supplements.append(supplement) }
        }
        record = OrderRecord(order: change.order, vehicle: record.vehicle, customer: record.customer, lines: lines, damage: record.damage,
                             belongings: record.belongings, documents: record.documents, assignments: record.assignments,
                             inspections: inspections, supplements: supplements)
        now = now + 600
    }

    mutating func estimate() throws {
        apply(try record.addLine(.labor(number: 0, description: "更换前刹车片", hours: Hours(hundredths: 120), rate: Money(fen: 12_000))))   // 144.00
        apply(try record.addLine(.part(number: 0, description: "前刹车片", quantity: Quantity(units: 1), unitPrice: Money(fen: 42_000),
                                       partNumber: "BP-1", brand: nil, partClass: .oem)))                                         // 420.00
    }

    mutating func sign() throws {
        try estimate()
        apply(try record.sign(signer: "张伟", via: .inPerson, declining: [], at: now, terms: OrderFixture.terms))
    }

    mutating func workDone() throws {
        try sign()
        apply(try record.dispatch(group: "一组", technician: "赵师傅", bay: nil, by: "钱主管", at: now))
        if record.order.category.requiresThreeInspections {
            apply(try record.inspect(.pre, .pass, inspector: "孙检", items: [], note: nil, certificate: nil, at: now))
            apply(try record.inspect(.process, .pass, inspector: "孙检", items: [], note: nil, certificate: nil, at: now))
        }
        apply(try record.complete(at: now))
    }

    mutating func inspectFinal(_ result: InspectionResult) throws {
        apply(try record.inspect(.final, result, inspector: "孙检", items: [(code: "brakes", name: "制动", result: result)],
                                 note: nil, certificate: result == .pass ? "2026-0001" : nil, at: now))
    }

    func blockers(paid: Money? = nil, odometer: Int = 45_230, oldParts: OldParts? = .returned) -> [ReleaseBlocker] {
        let settlement = record.settlement(payments: [Payment(amount: paid ?? record.settlement(payments: [], current: OrderFixture.terms).total,
                                                              method: .cash, at: now, by: "周静")], current: OrderFixture.terms)
        return Gate.releaseBlockers(record, settlement: settlement, odometer: odometer, oldParts: oldParts)
    }
}

@Suite("Workflow gates, on hand-worked orders")
struct WorkflowTests {
    // MARK: The estimate

    @Test func onlyAnUnsignedEstimateIsEditable() throws {
        var shop = OrderFixture()
        try shop.sign()
        #expect(throws: OrderRefusal.signedNeedsReopen(order: "RO7")) {
            try shop.record.addLine(.fee(number: 0, description: "检测", amount: Money(fen: 5_000)))
        }
        shop.apply(try shop.record.dispatch(group: "一组", technician: nil, bay: nil, by: "钱主管", at: shop.now))
        #expect(throws: OrderRefusal.workUsesSupplements(order: "RO7", status: .inWork)) { try shop.record.removeLine(1) }
        #expect(throws: OrderRefusal.workUsesSupplements(order: "RO7", status: .inWork)) { try shop.record.setMethod(.system) }
    }

    @Test func linesAreNumberedOnceAndNeverReused() throws {
        var shop = OrderFixture()
        try shop.estimate()
        shop.apply(try shop.record.removeLine(2))
        shop.apply(try shop.record.addLine(.fee(number: 0, description: "外加工", amount: Money(fen: 8_000))))
        #expect(shop.record.lines.map(\.number) == [1, 2, 3])
        #expect(shop.record.lines[1].status == .removed)
        #expect(throws: OrderRefusal.noSuchLine(order: "RO7", given: 2, lines: [1, 3])) { try shop.record.removeLine(2) }
    }

    @Test func aLineEditRecomputesTheAmountAndRefusesAFreePart() throws {
        var shop = OrderFixture()
        try shop.estimate()
        shop.apply(try shop.record.changeLine(2, LineEdit(quantity: Quantity(units: 2))))
        #expect(shop.record.lines[1].amount == Money(fen: 84_000))
        #expect(throws: OrderRefusal.partPriceZero(given: .zero)) { try shop.record.changeLine(2, LineEdit(unitPrice: .zero)) }
        #expect(throws: OrderRefusal.nothingToChange(order: "RO7", kind: .labor)) { try shop.record.changeLine(1, LineEdit(quantity: Quantity(units: 2))) }
    }

    // MARK: Signing

    @Test func signingNeedsLinesAndAPromiseAhead() throws {
        var shop = OrderFixture()
        #expect(throws: OrderRefusal.nothingToSign(order: "RO7")) {
            try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], at: shop.now, terms: OrderFixture.terms)
        }
        try shop.estimate()
        let late = OrderFixture.checkedIn + 9 * 3_600
        #expect(throws: OrderRefusal.promiseNotAhead(promised: shop.record.order.promisedAt!, now: late)) {
            try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], at: late, terms: OrderFixture.terms)
        }
        #expect(throws: OrderRefusal.declineEveryLine(order: "RO7")) {
            try shop.record.sign(signer: "张伟", via: .phone, declining: [1, 2], at: shop.now, terms: OrderFixture.terms)
        }
        #expect(throws: OrderRefusal.declineUnknownLines(order: "RO7", given: 9, offered: [1, 2])) {
            try shop.record.sign(signer: "张伟", via: .phone, declining: [9], at: shop.now, terms: OrderFixture.terms)
        }
        shop.apply(try shop.record.sign(signer: "张伟", via: .phone, declining: [2], at: shop.now, terms: OrderFixture.terms))
        #expect(shop.record.order.status == .signed)
        #expect(shop.record.lines.map(\.status) == [.approved, .declined])
        #expect(shop.record.order.terms == OrderFixture.terms)
        #expect(throws: OrderRefusal.alreadySigned(order: "RO7")) {
            try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], at: shop.now, terms: OrderFixture.terms)
        }
    }

    @Test func aDeclinedEstimateChargesOnlyTheDiagnosticFee() throws {
        var shop = OrderFixture()
        shop.apply(try shop.record.diagnose("前刹车片磨损", fee: Money(fen: 5_000), feeDescription: "诊断费"))
        try shop.estimate()
        shop.apply(try shop.record.decline(fee: nil, feeDescription: "检测估价费", reason: "太贵", at: shop.now, terms: OrderFixture.terms))
        #expect(shop.record.order.status == .declined)
        #expect(shop.record.lines.map(\.status) == [.approved, .declined, .declined])
        #expect(shop.record.settlement(payments: [], current: OrderFixture.terms).total == Money(fen: 5_000))
    }

    @Test func reopeningASignedOrderPutsItsLinesBackBeforeTheCustomer() throws {
        var shop = OrderFixture()
        #expect(throws: OrderRefusal.reopenNotSigned(order: "RO7")) { try shop.record.reopen(reason: "x") }
        try shop.sign()
        shop.apply(try shop.record.reopen(reason: "改用原厂件"))
        #expect(shop.record.order.status == .estimating)
        #expect(shop.record.order.terms == nil && shop.record.order.signedBy == nil)
        #expect(shop.record.lines.allSatisfy { $0.status == .proposed })
    }

    @Test func aPromiseIsAfterCheckInAndAheadOfNow() throws {
        let shop = OrderFixture()
        #expect(throws: OrderRefusal.promiseNotAhead(promised: OrderFixture.checkedIn + (-60), now: shop.now)) {
            try shop.record.promise(OrderFixture.checkedIn + (-60), now: shop.now)
        }
        #expect(throws: OrderRefusal.promiseNotAhead(promised: shop.now + (-60), now: shop.now)) { try shop.record.promise(shop.now + (-60), now: shop.now) }
        #expect(try shop.record.promise(shop.now + 3_600, now: shop.now).order.promisedAt == shop.now + 3_600)
    }

    // MARK: The floor and the three inspections

    @Test func nothingHappensOnAnUnsignedOrder() throws {
        let shop = OrderFixture()
        #expect(throws: OrderRefusal.notSigned(order: "RO7")) { try shop.record.dispatch(group: "一组", technician: nil, bay: nil, by: "x", at: shop.now) }
        #expect(throws: OrderRefusal.notSigned(order: "RO7")) {
            try shop.record.inspect(.pre, .pass, inspector: "孙检", items: [], note: nil, certificate: nil, at: shop.now)
        }
        #expect(throws: OrderRefusal.notSigned(order: "RO7")) { try shop.record.complete(at: shop.now) }
    }

    @Test func theThreeInspectionsGoInOrderWhenMandatory() throws {
        var shop = OrderFixture(category: .level2)
        try shop.sign()
        shop.apply(try shop.record.dispatch(group: "一组", technician: nil, bay: nil, by: "钱主管", at: shop.now))
        #expect(throws: OrderRefusal.inspectionsInOrder(order: "RO7", category: .level2, previous: .pre)) {
            try shop.record.inspect(.process, .pass, inspector: "孙检", items: [], note: nil, certificate: nil, at: shop.now)
        }
        #expect(throws: OrderRefusal.stageNotPassed(order: "RO7", category: .level2, stage: .pre)) { try shop.record.complete(at: shop.now) }
        #expect(throws: OrderRefusal.finalAfterCompletion(order: "RO7", status: .inWork)) { try shop.inspectFinal(.pass) }
    }

    @Test func anInspectionResultMustAgreeWithItsItems() throws {
        var shop = OrderFixture()
        try shop.workDone()
        #expect(throws: OrderRefusal.passWithFailedItem(item: "制动", code: "brakes")) {
            try shop.record.inspect(.final, .pass, inspector: "孙检", items: [(code: "brakes", name: "制动", result: .fail)], note: nil,
                                    certificate: "C", at: shop.now)
        }
        #expect(throws: OrderRefusal.failNeedsReason) {
            try shop.record.inspect(.final, .fail, inspector: "孙检", items: [], note: nil, certificate: nil, at: shop.now)
        }
    }

    /// The bug a shop reported: a 小修 order released after its final inspection failed.
    @Test(arguments: [RepairCategory.minor, .level1, .special, .level2, .assembly, .overhaul])
    func aFailedFinalInspectionBlocksReleaseInEveryCategoryUntilALaterOnePasses(category: RepairCategory) throws {
        var shop = OrderFixture(category: category)
        try shop.workDone()
        try shop.inspectFinal(.fail)
        #expect(shop.record.order.status == .inWork)
        shop.apply(try shop.record.complete(at: shop.now))
        #expect(shop.record.order.status == .completed, "after a failed final inspection the car waits for another")
        #expect(shop.blockers().contains(.finalInspectionFailed(status: .completed)))
        try shop.inspectFinal(.pass)
        #expect(shop.record.order.status == .ready)
        #expect(shop.blockers() == [])
        #expect(throws: OrderRefusal.finalAlreadyPassed(order: "RO7", certificate: "2026-0001")) { try shop.inspectFinal(.pass) }
    }

    @Test func aMinorRepairNeedsNoInspectionButAMandatoryCategoryDoes() throws {
        var minor = OrderFixture(category: .minor)
        try minor.workDone()
        #expect(minor.record.order.status == .ready)
        #expect(minor.blockers() == [])
        var level2 = OrderFixture(category: .level2)
        try level2.workDone()
        #expect(level2.record.order.status == .completed)
        #expect(level2.blockers() == [.finalInspectionPending])
    }

    // MARK: Added work

    @Test func addedWorkIsBilledOnlyWithTheCustomersConsentGivenOnce() throws {
        var shop = OrderFixture()
        try shop.sign()
        shop.apply(try shop.record.dispatch(group: "一组", technician: nil, bay: nil, by: "钱主管", at: shop.now))
        shop.apply(try shop.record.addSupplement(.part(number: 0, description: "刹车盘", quantity: Quantity(units: 2), unitPrice: Money(fen: 38_000),
                                                       partNumber: nil, brand: nil, partClass: .oem),
                                                 reason: "厚度低于极限", reportedBy: "赵师傅", at: shop.now))
        #expect(throws: OrderRefusal.supplementAwaitsAnswer(order: "RO7", line: 3)) { try shop.record.complete(at: shop.now) }
        #expect(shop.record.settlement(payments: [], current: OrderFixture.terms).total == Money(fen: 56_400), "unanswered: not billed")
        shop.apply(try shop.record.answerSupplement(3, approved: false, via: .phone, customer: "张伟", told: "赵师傅", promise: nil,
                                                    recordedBy: "王芳", at: shop.now))
        #expect(shop.record.settlement(payments: [], current: OrderFixture.terms).total == Money(fen: 56_400), "declined: not billed")
        #expect(throws: OrderRefusal.self) {
            try shop.record.answerSupplement(3, approved: true, via: .phone, customer: "张伟", told: "赵师傅", promise: nil, recordedBy: "王芳", at: shop.now)
        }
        #expect(throws: OrderRefusal.noSuchSupplement(order: "RO7", given: 4, supplements: [3])) {
            try shop.record.answerSupplement(4, approved: true, via: .phone, customer: "张伟", told: "赵师傅", promise: nil, recordedBy: "王芳", at: shop.now)
        }
        shop.apply(try shop.record.complete(at: shop.now))
        #expect(shop.record.order.status == .ready)
    }

    // MARK: The cash desk and the hand-back

    @Test func releaseNamesEverythingThatIsMissing() throws {
        var shop = OrderFixture()
        shop.record = OrderRecord(order: shop.record.order, vehicle: shop.record.vehicle, customer: shop.record.customer, lines: [], damage: [],
                                  belongings: [Belonging(name: "备胎", count: 1)], documents: [])
        try shop.workDone()
        let blockers = shop.blockers(paid: Money(fen: 10_000), odometer: 45_000, oldParts: nil)
        #expect(blockers == [.balanceDue(Money(fen: 46_400)), .belongingsNotReturned(["备胎"]),
                             .odometerBelowCheckIn(given: 45_000, checkIn: 45_210), .oldPartsUndecided])
        #expect(shop.blockers(paid: Money(fen: 60_000)).contains(.refundDue(Money(fen: 3_600))))
    }

    @Test func releaseFixesTheWarrantyPromisedThen() throws {
        var shop = OrderFixture()
        try shop.workDone()
        let total = shop.record.settlement(payments: [], current: OrderFixture.terms).total
        let paid = [Payment(amount: total, method: .wechat, at: shop.now, by: "周静")]
        let promised = WarrantyTerm(km: 3_000, days: 15)
        shop.apply(try shop.record.release(signer: "张伟", odometer: 45_230, oldParts: .returned, by: "周静", at: shop.now,
                                           payments: paid, current: OrderFixture.terms, warranty: promised))
        #expect(shop.record.order.status == .released)
        #expect(shop.record.order.warrantyTerm == promised)
        // Today's term is longer: the order keeps what was promised at release.
        let coverage = shop.record.warrantyCoverage(zone: .shanghai, fallback: WarrantyTerm(km: 9_000, days: 90))
        #expect(coverage.map(\.lastKilometre) == [48_230, 48_230])
        #expect(throws: OrderRefusal.alreadyReleased(order: "RO7", at: shop.record.order.releasedAt!, to: "张伟")) {
            try shop.record.release(signer: "张伟", odometer: nil, oldParts: .returned, by: "周静", at: shop.now, payments: paid,
                                    current: OrderFixture.terms, warranty: promised)
        }
    }

    /// What was signed is priced under the terms of the day it was signed: a later change of the
    /// shop's tax setting leaves it as it was.
    @Test func aSignedOrderKeepsTheTaxTermsItWasSignedUnder() throws {
        var shop = OrderFixture()
        try shop.sign()
        let laterTerms = PricingTerms(taxRate: TaxRate(basisPoints: 600), pricesIncludeTax: false, laborRate: Money(fen: 15_000),
                                      discountLimitPercent: 20)
        let settled = shop.record.settlement(payments: [], current: laterTerms)
        #expect(settled.total == Money(fen: 56_400))
        #expect(settled.tax == Money(fen: 6_488))   // 564.00 × 13 / 113 = 64.884 → 64.88
        // An unsigned estimate follows the shop's current terms: 564.00 + 6% = 597.84.
        var estimate = OrderFixture()
        try estimate.estimate()
        #expect(estimate.record.settlement(payments: [], current: laterTerms).total == .zero, "nothing approved yet")
        #expect(estimate.record.offeredTotals(current: laterTerms).taxed.gross == Money(fen: 59_784))
    }

    @Test func theDiscountLimitIsTheOneTheOrderWasSignedUnder() throws {
        var shop = OrderFixture()
        try shop.sign()
        let generous = PricingTerms(taxRate: .chineseVAT, pricesIncludeTax: true, laborRate: Money(fen: 12_000), discountLimitPercent: 50)
        // 10% is above the 5% limit in force at signature, whatever today's setting says.
        #expect(throws: OrderRefusal.discountNeedsManager(discount: Money(fen: 5_640), shareBasisPoints: 1_000, limitPercent: 5)) {
            try shop.record.discount(.percent(1_000), by: "王芳", authorizedBy: nil, payments: [], current: generous)
        }
        let change = try shop.record.discount(.percent(1_000), by: "王芳", authorizedBy: "钱主管", payments: [], current: generous)
        #expect(change.order.discountAuthorizedBy == "钱主管")
        #expect(throws: OrderRefusal.discountAboveChargeable(discount: Money(fen: 100_000), chargeable: Money(fen: 56_400))) {
            try shop.record.discount(.amount(Money(fen: 100_000)), by: "王芳", authorizedBy: "钱主管", payments: [], current: generous)
        }
    }

    @Test func paymentsAndRefundsStayWithinTheBalance() throws {
        var shop = OrderFixture()
        #expect(throws: OrderRefusal.paymentBeforeSignature(order: "RO7", status: .estimating)) {
            try shop.record.pay(Money(fen: 100), method: .cash, reference: nil, by: "周静", at: shop.now, payments: [], current: OrderFixture.terms)
        }
        try shop.sign()
        #expect(throws: OrderRefusal.paymentAboveBalance(order: "RO7", balance: Money(fen: 56_400))) {
            try shop.record.pay(Money(fen: 56_401), method: .cash, reference: nil, by: "周静", at: shop.now, payments: [], current: OrderFixture.terms)
        }
        let paid = [Payment(amount: Money(fen: 56_400), method: .cash, at: shop.now, by: "周静")]
        #expect(throws: OrderRefusal.nothingToRefund(order: "RO7", balance: .zero)) {
            try shop.record.refund(Money(fen: 100), method: .cash, reference: nil, by: "周静", at: shop.now, payments: paid, current: OrderFixture.terms)
        }
        let over = paid + [Payment(amount: Money(fen: 1_000), method: .cash, at: shop.now, by: "周静")]
        #expect(throws: OrderRefusal.refundToAccount) {
            try shop.record.refund(Money(fen: 1_000), method: .account, reference: nil, by: "周静", at: shop.now, payments: over, current: OrderFixture.terms)
        }
        let refund = try shop.record.refund(Money(fen: 1_000), method: .cash, reference: nil, by: "周静", at: shop.now, payments: over,
                                            current: OrderFixture.terms)
        #expect(refund.payment?.amount == Money(fen: -1_000))
    }

    // MARK: Check-in and comebacks

    @Test func aCarIsInTheShopUnderOneOrderAndItsOdometerNeverGoesBack() throws {
        let shop = OrderFixture()
        let facts = CheckInFacts(odometer: 45_300, fuel: .half, complaint: "异响")
        #expect(throws: OrderRefusal.alreadyInShop(plate: "京A12345", order: "RO7", checkedInAt: OrderFixture.checkedIn, status: .estimating)) {
            try RepairOrder.checkIn(facts, vehicle: shop.record.vehicle, owner: shop.record.customer, openOrder: shop.record.order,
                                    comeback: nil, advisor: "王芳", at: shop.now)
        }
        #expect(throws: OrderRefusal.odometerBelowLast(reading: 44_000, plate: "京A12345", last: 45_000)) {
            try RepairOrder.checkIn(CheckInFacts(odometer: 44_000, fuel: .half, complaint: "异响"), vehicle: shop.record.vehicle,
                                    owner: shop.record.customer, openOrder: nil, comeback: nil, advisor: "王芳", at: shop.now)
        }
        let order = try RepairOrder.checkIn(facts, vehicle: shop.record.vehicle, owner: shop.record.customer, openOrder: nil,
                                            comeback: Comeback(order: 3, line: 1, cause: "安装不到位"), advisor: "王芳", at: shop.now)
        #expect(order.status == .estimating && order.payer == .warranty && order.reworkOf == 3)
    }

    @Test func aComebackLinksOnlyToWorkStillUnderWarranty() throws {
        var original = OrderFixture()
        try original.workDone()
        let total = original.record.settlement(payments: [], current: OrderFixture.terms).total
        original.apply(try original.record.release(signer: "张伟", odometer: 45_230, oldParts: .returned, by: "周静", at: original.now,
                                                   payments: [Payment(amount: total, method: .cash, at: original.now, by: "周静")],
                                                   current: OrderFixture.terms, warranty: WarrantyTerm(km: 2_000, days: 10)))
        let covered = original.record.warrantyCoverage(zone: .shanghai, fallback: WarrantyTerm(km: 2_000, days: 10))
        let vehicle = original.record.vehicle
        #expect(try Comeback.link("RO7/1", cause: "异响复发", vehicle: vehicle, original: original.record.order, covered: covered)
                == Comeback(order: 7, line: 1, cause: "异响复发"))
        #expect(throws: OrderRefusal.reworkNeedsCause) {
            try Comeback.link("RO7/1", cause: nil, vehicle: vehicle, original: original.record.order, covered: covered)
        }
        #expect(throws: OrderRefusal.reworkLineNotCovered(order: "RO7", line: 5, plate: "京A12345")) {
            try Comeback.link("RO7/5", cause: "x", vehicle: vehicle, original: original.record.order, covered: covered)
        }
        #expect(throws: OrderRefusal.reworkNothingCovered(order: "RO7", plate: "京A12345")) {
            try Comeback.link("RO7", cause: "x", vehicle: vehicle, original: original.record.order, covered: [])
        }
        #expect(throws: OrderRefusal.reworkReference(given: "RO7/x")) { try Comeback.reference("RO7/x") }
        // On a comeback's order the work is free unless the customer pays for it.
        var comeback = OrderFixture()
        comeback.record = OrderRecord(order: try RepairOrder.checkIn(CheckInFacts(odometer: 45_500, fuel: .half, complaint: "异响", promise: comeback.now + 7_200),
                                                                     vehicle: vehicle, owner: comeback.record.customer, openOrder: nil,
                                                                     comeback: Comeback(order: 7, line: 1, cause: "x"), advisor: "王芳",
                                                                     at: comeback.now).identified(as: 8),
                                      vehicle: vehicle, customer: comeback.record.customer, lines: [], damage: [], belongings: [], documents: [])
        comeback.apply(try comeback.record.addLine(.labor(number: 0, description: "重新安装", hours: Hours(hundredths: 100), rate: Money(fen: 12_000))))
        comeback.apply(try comeback.record.addLine(.fee(number: 0, description: "洗车", amount: Money(fen: 3_000)), covered: false))
        #expect(comeback.record.lines.map(\.covered) == [true, false])
    }
}
