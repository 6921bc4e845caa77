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
        apply(try record.sign(signer: "张伟", via: .inPerson, declining: [], takenBy: "王芳", at: now, terms: OrderFixture.terms))
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
        apply(try record.inspect(.final, result, inspector: "孙检", items: [InspectionItem(code: "brakes", name: "制动", result: result)],
                                 note: nil, certificate: result == .pass ? "2026-0001" : nil, at: now))
    }

    func blockers(paid: Money? = nil, odometer: Int = 45_230, oldParts: OldParts? = .returned) -> [ReleaseBlocker] {
        let settlement = record.settlement(payments: [Payment(amount: paid ?? record.settlement(payments: [], current: OrderFixture.terms).total,
                                                              method: .cash, at: now, by: "周静")], current: OrderFixture.terms)
        let checkIn = OdometerReading(km: record.order.odometerIn, at: record.order.checkedInAt, source: .checkIn(order: record.order.id))
        return Gate.releaseBlockers(record, settlement: settlement, odometer: OdometerAtRelease(given: odometer, standing: checkIn),
                                    at: now, oldParts: oldParts)
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
            try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], takenBy: "王芳", at: shop.now, terms: OrderFixture.terms)
        }
        try shop.estimate()
        let late = OrderFixture.checkedIn + 9 * 3_600
        #expect(throws: OrderRefusal.promiseNotAhead(promised: shop.record.order.promisedAt!, now: late)) {
            try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], takenBy: "王芳", at: late, terms: OrderFixture.terms)
        }
        #expect(throws: OrderRefusal.declineEveryLine(order: "RO7")) {
            try shop.record.sign(signer: "张伟", via: .phone, declining: [1, 2], takenBy: "王芳", at: shop.now, terms: OrderFixture.terms)
        }
        #expect(throws: OrderRefusal.declineUnknownLines(order: "RO7", given: 9, offered: [1, 2])) {
            try shop.record.sign(signer: "张伟", via: .phone, declining: [9], takenBy: "王芳", at: shop.now, terms: OrderFixture.terms)
        }
        shop.apply(try shop.record.sign(signer: "张伟", via: .phone, declining: [2], takenBy: "王芳", at: shop.now, terms: OrderFixture.terms))
        #expect(shop.record.order.status == .signed)
        #expect(shop.record.lines.map(\.status) == [.approved, .declined])
        #expect(shop.record.order.terms == OrderFixture.terms)
        #expect(throws: OrderRefusal.alreadySigned(order: "RO7")) {
            try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], takenBy: "王芳", at: shop.now, terms: OrderFixture.terms)
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
        #expect(throws: OrderRefusal.reopenNotSigned(order: "RO7")) { try shop.record.reopen(reason: "x", paid: .zero) }
        try shop.sign()
        shop.apply(try shop.record.reopen(reason: "改用原厂件", paid: .zero))
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
            try shop.record.inspect(.final, .pass, inspector: "孙检", items: [InspectionItem(code: "brakes", name: "制动", result: .fail)], note: nil,
                                    certificate: "C", at: shop.now)
        }
        #expect(throws: OrderRefusal.failNeedsReason) {
            try shop.record.inspect(.final, .fail, inspector: "孙检", items: [], note: nil, certificate: nil, at: shop.now)
        }
    }

    @Test func aPassNeverLeavesAnItemNotChecked() throws {
        var shop = OrderFixture()
        try shop.workDone()
        let named = [InspectionItem(code: "brakes", name: "制动", result: .pass),
                     InspectionItem(code: "lights", name: "灯光", result: .notChecked),
                     InspectionItem(code: "road-test", name: "路试", result: .notChecked)]
        #expect(throws: OrderRefusal.passWithItemsNotChecked(stage: .final, items: [ChecklistEntry(code: "lights", name: "灯光"),
                                                                                   ChecklistEntry(code: "road-test", name: "路试")])) {
            try shop.record.inspect(.final, .pass, inspector: "孙检", items: named, note: nil, certificate: "C", at: shop.now)
        }
        // A fail may stop at the fault: the others are recorded as not checked, never as passed.
        var failing = named
        failing[0].result = .fail
        let failed = try shop.record.inspect(.final, .fail, inspector: "孙检", items: failing, note: nil, certificate: nil, at: shop.now)
        #expect(failed.inspection?.items.map(\.result) == [.fail, .notChecked, .notChecked])
        #expect(failed.detail.contains { $0.0 == "unchecked_items" && $0.1 == .array([.string("lights"), .string("road-test")]) })
        // Every item with its result, n/a included: the pass stands.
        let passed = try shop.record.inspect(.final, .pass, inspector: "孙检", items: named.map { InspectionItem(code: $0.code, name: $0.name, result: $0.code == "road-test" ? .notApplicable : .pass) },
                                             note: nil, certificate: "C", at: shop.now)
        #expect(passed.order.status == .ready)
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

    /// The record a release leaves is made without reading it again, only from a release: the
    /// order as released, the vehicle's reading moved on when the release's is higher; any other
    /// change gives nil (the caller reads the record as stored).
    @Test func aHandedBackRecordIsTheReleasedOrderWithItsReading() throws {
        var shop = OrderFixture()
        try shop.sign()
        let dispatch = try shop.record.dispatch(group: "一组", technician: "赵师傅", bay: nil, by: "钱主管", at: shop.now)
        #expect(shop.record.handedBack(dispatch) == nil, "not a release")
        shop = OrderFixture()
        try shop.workDone()
        let total = shop.record.settlement(payments: [], current: OrderFixture.terms).total
        let paid = [Payment(amount: total, method: .wechat, at: shop.now, by: "周静")]
        // The vehicle's file says 45,000; the order was checked in at 45,210.
        for (given, reading) in [(45_500 as Int?, 45_500), (nil, 45_210)] {
            let change = try shop.record.release(signer: "张伟", odometer: given, oldParts: .returned, by: "周静", at: shop.now, payments: paid,
                                                 current: OrderFixture.terms, warranty: WarrantyTerm(km: 3_000, days: 15),
                                                 settlementNumber: "JS2026-00001")
            let after = try #require(shop.record.handedBack(change))
            #expect(after.order.status == .released && after.order.settlementNumber == "JS2026-00001")
            #expect(after.vehicle.odometer == reading)
            #expect(after.lines.map(\.number) == shop.record.lines.map(\.number))
            #expect(after.bayStay == nil)
        }
    }

    @Test func releaseFixesTheWarrantyPromisedThen() throws {
        var shop = OrderFixture()
        try shop.workDone()
        let total = shop.record.settlement(payments: [], current: OrderFixture.terms).total
        let paid = [Payment(amount: total, method: .wechat, at: shop.now, by: "周静")]
        let promised = WarrantyTerm(km: 3_000, days: 15)
        shop.apply(try shop.record.release(signer: "张伟", odometer: 45_230, oldParts: .returned, by: "周静", at: shop.now,
                                           payments: paid, current: OrderFixture.terms, warranty: promised, settlementNumber: "JS2026-00001"))
        #expect(shop.record.order.status == .released)
        #expect(shop.record.order.warrantyTerm == promised)
        // Today's term is longer: the order keeps what was promised at release.
        let coverage = shop.record.warrantyCoverage(zone: .shanghai, fallback: WarrantyTerm(km: 9_000, days: 90))
        #expect(coverage.map(\.lastKilometre) == [48_230, 48_230])
        #expect(throws: OrderRefusal.alreadyReleased(order: "RO7", at: shop.record.order.releasedAt!, to: "张伟")) {
            try shop.record.release(signer: "张伟", odometer: nil, oldParts: .returned, by: "周静", at: shop.now, payments: paid,
                                    current: OrderFixture.terms, warranty: promised, settlementNumber: "JS2026-00001")
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
            try shop.record.refund(Money(fen: 100), method: .cash, reference: nil, by: "周静", at: shop.now, payments: paid, current: OrderFixture.terms, reason: "多付")
        }
        let over = paid + [Payment(amount: Money(fen: 1_000), method: .cash, at: shop.now, by: "周静")]
        #expect(throws: OrderRefusal.refundToAccount) {
            try shop.record.refund(Money(fen: 1_000), method: .account, reference: nil, by: "周静", at: shop.now, payments: over, current: OrderFixture.terms, reason: "多付")
        }
        let refund = try shop.record.refund(Money(fen: 1_000), method: .cash, reference: nil, by: "周静", at: shop.now, payments: over,
                                            current: OrderFixture.terms, reason: "多付")
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

    /// In a chain, a car open at another site is refused with that site and its order named; open
    /// at the session's own site (or in a shop of one site), it is "already in the shop".
    @Test func aCarOpenAtAnotherSiteIsRefusedWithThatSiteNamed() throws {
        let shop = OrderFixture()
        let facts = CheckInFacts(odometer: 45_300, fuel: .half, complaint: "异响")
        let names: (Int) throws -> String = { $0 == Site.homeID ? "顺达汽修" : "深圳南山店" }
        func checkIn(openAt: Int?, from here: Int?) throws {
            var open = shop.record.order
            open.siteID = openAt
            _ = try RepairOrder.checkIn(facts, vehicle: shop.record.vehicle, owner: shop.record.customer, openOrder: open, comeback: nil,
                                        advisor: "李娜", at: shop.now, site: here, siteName: names)
        }
        #expect(throws: OrderRefusal.inAtAnotherSite(plate: "京A12345", order: "RO7", site: "顺达汽修", checkedInAt: OrderFixture.checkedIn,
                                                     status: .estimating)) { try checkIn(openAt: nil, from: 2) }
        #expect(throws: OrderRefusal.inAtAnotherSite(plate: "京A12345", order: "RO7", site: "深圳南山店", checkedInAt: OrderFixture.checkedIn,
                                                     status: .estimating)) { try checkIn(openAt: 2, from: Site.homeID) }
        let here = OrderRefusal.alreadyInShop(plate: "京A12345", order: "RO7", checkedInAt: OrderFixture.checkedIn, status: .estimating)
        #expect(throws: here) { try checkIn(openAt: 2, from: 2) }
        #expect(throws: here) { try checkIn(openAt: nil, from: Site.homeID) }
        #expect(throws: here) { try checkIn(openAt: nil, from: nil) }
    }

    @Test func aComebackLinksOnlyToWorkStillUnderWarranty() throws {
        var original = OrderFixture()
        try original.workDone()
        let total = original.record.settlement(payments: [], current: OrderFixture.terms).total
        original.apply(try original.record.release(signer: "张伟", odometer: 45_230, oldParts: .returned, by: "周静", at: original.now,
                                                   payments: [Payment(amount: total, method: .cash, at: original.now, by: "周静")],
                                                   current: OrderFixture.terms, warranty: WarrantyTerm(km: 2_000, days: 10), settlementNumber: "JS2026-00001"))
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

extension OrderFixture {
    /// RO8, a comeback of RO7/1 checked in an hour after the fixture's order: estimating, promised for 3 hours later.
    static func comeback() throws -> OrderFixture {
        var shop = OrderFixture()
        let order = try RepairOrder.checkIn(CheckInFacts(odometer: 45_500, fuel: .half, complaint: "刹车又响", promise: shop.now + 3 * 3_600),
                                            vehicle: shop.record.vehicle, owner: shop.record.customer, openOrder: nil,
                                            comeback: Comeback(order: 7, line: 1, cause: "刹车片安装不到位"), advisor: "王芳", at: shop.now)
        shop.record = OrderRecord(order: order.identified(as: 8), vehicle: shop.record.vehicle, customer: shop.record.customer,
                                  lines: [], damage: [], belongings: [], documents: [])
        return shop
    }

    /// The same order with other facts of its reception (a key on a hook, belongings, a payer).
    mutating func reception(keyTag: String? = nil, belongings: [Belonging] = []) {
        var order = record.order
        order.keyTag = keyTag
        record = OrderRecord(order: order, vehicle: record.vehicle, customer: record.customer, lines: record.lines, damage: [],
                             belongings: belongings, documents: [], assignments: record.assignments, inspections: record.inspections,
                             supplements: record.supplements)
    }
}

/// The bugs a shop's busy week found (issue 12): what the customer signs is what they are charged,
/// messages state only what happened, nothing declined or mistaken vanishes or counts.
@Suite("Comebacks, voids, delays and declined orders, on hand-worked orders")
struct TruthfulOrderTests {
    let terms = OrderFixture.terms

    // MARK: Comebacks billed as signed

    /// The comeback the shop reported: the customer signed 188.00 and was charged 0.
    @Test func aComebacksWarrantyWorkIsFreeInTheTotalTheCustomerSignsAndInTheInvoice() throws {
        var shop = try OrderFixture.comeback()
        shop.apply(try shop.record.addLine(.labor(number: 0, description: "重新安装刹车片", hours: Hours(hundredths: 120), rate: Money(fen: 12_000))))
        shop.apply(try shop.record.addLine(.labor(number: 0, description: "顺便更换雨刮", hours: Hours(hundredths: 20), rate: Money(fen: 12_000)),
                                           covered: false))
        shop.apply(try shop.record.addLine(.fee(number: 0, description: "洗车", amount: Money(fen: 2_000)), covered: false))
        #expect(shop.record.lines.map(\.covered) == [true, false, false], "warranty work by default, other work when said")
        let offered = shop.record.offeredTotals(current: terms)
        #expect(offered.labor == Money(fen: 2_400) && offered.other == Money(fen: 2_000))
        #expect(offered.warranty == Money(fen: 14_400), "listed at its value, apart")
        #expect(offered.taxed.gross == Money(fen: 4_400), "the signed total: 24.00 + 20.00, warranty work at 0")
        let signing = try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], takenBy: "王芳", at: shop.now, terms: terms)
        #expect(signing.detail.contains { $0.0 == "total" && $0.1 == .string("44.00") }, "the journal records what was signed")
        shop.apply(signing)
        let settlement = shop.record.settlement(payments: [], current: terms)
        #expect(settlement.total == shop.record.offeredTotals(current: terms).taxed.gross, "signed = charged")
        #expect(settlement.coveredByWarranty == Money(fen: 14_400))
    }

    @Test func warrantyWorkIsMarkedOnlyOnAComebackAndOnlyBeforeSignature() throws {
        var ordinary = OrderFixture()
        try ordinary.estimate()
        #expect(throws: OrderRefusal.coveredNotComeback(order: "RO7")) { try ordinary.record.changeLine(1, LineEdit(covered: true)) }
        #expect(throws: OrderRefusal.coveredNotComeback(order: "RO7")) {
            try ordinary.record.addLine(.fee(number: 0, description: "检测", amount: Money(fen: 5_000)), covered: true)
        }
        var comeback = try OrderFixture.comeback()
        comeback.apply(try comeback.record.addLine(.fee(number: 0, description: "检测", amount: Money(fen: 5_000))))
        comeback.apply(try comeback.record.changeLine(1, LineEdit(covered: false)))
        #expect(comeback.record.lines[0].covered == false)
        #expect(comeback.record.offeredTotals(current: terms).taxed.gross == Money(fen: 5_000))
        comeback.apply(try comeback.record.sign(signer: "张伟", via: .phone, declining: [], takenBy: "王芳", at: comeback.now, terms: terms))
        #expect(throws: OrderRefusal.signedNeedsReopen(order: "RO8")) { try comeback.record.changeLine(1, LineEdit(covered: true)) }
    }

    @Test func aComebackFoundAfterCheckInIsLinkedOnceWithItsCauseAndItsLinesStayAsWritten() throws {
        var shop = OrderFixture()
        shop.apply(try shop.record.addLine(.labor(number: 0, description: "更换前刹车片", hours: Hours(hundredths: 120), rate: Money(fen: 12_000))))
        let link = try shop.record.linkComeback(Comeback(order: 3, line: 1, cause: "刹车片安装不到位"))
        #expect(link.action == .orderComebackLink)
        #expect(link.detail.contains { $0.0 == "cause" && $0.1 == .string("刹车片安装不到位") })
        shop.apply(link)
        #expect(shop.record.order.reworkOf == 3 && shop.record.order.reworkLine == 1 && shop.record.order.payer == .warranty)
        #expect(shop.record.lines[0].covered == false, "a line written before the link stays chargeable until marked")
        shop.apply(try shop.record.addLine(.labor(number: 0, description: "重新调整", hours: Hours(hundredths: 50), rate: Money(fen: 12_000))))
        #expect(shop.record.lines[1].covered, "added after the link: warranty work by default")
        #expect(throws: OrderRefusal.comebackAlreadyLinked(order: "RO7", of: "RO3/1")) {
            try shop.record.linkComeback(Comeback(order: 3, line: 2, cause: "x"))
        }
        // A signed order is linked as it stands: its payer is what was signed.
        var signed = OrderFixture()
        try signed.sign()
        let linked = try signed.record.linkComeback(Comeback(order: 3, line: nil, cause: "x"))
        #expect(linked.order.payer == .owner && linked.order.reworkOf == 3)
        var voided = OrderFixture()
        voided.apply(try voided.record.void(reason: "误开", paid: .zero, issuedLines: [], at: voided.now))
        #expect(throws: OrderRefusal.closed(order: "RO7", status: .void)) {
            try voided.record.linkComeback(Comeback(order: 3, line: nil, cause: "x"))
        }
    }

    // MARK: Voiding an order opened by mistake

    @Test func onlyAnUnsignedOrderWithNothingPaidOrIssuedIsVoided() throws {
        var shop = OrderFixture()
        shop.reception(keyTag: "K07")
        try shop.estimate()
        #expect(throws: InputRefusal.empty(field: "reason")) { try shop.record.void(reason: "  ", paid: .zero, issuedLines: [], at: shop.now) }
        #expect(throws: OrderRefusal.voidPaid(order: "RO7", paid: Money(fen: 10_000))) {
            try shop.record.void(reason: "误开", paid: Money(fen: 10_000), issuedLines: [], at: shop.now)
        }
        #expect(throws: OrderRefusal.voidPartsIssued(order: "RO7", lines: [2])) {
            try shop.record.void(reason: "误开", paid: .zero, issuedLines: [2], at: shop.now)
        }
        let change = try shop.record.void(reason: "车牌选错", paid: .zero, issuedLines: [], at: shop.now)
        #expect(change.action == .orderVoid)
        #expect(change.detail.contains { $0.0 == "reason" && $0.1 == .string("车牌选错") })
        shop.apply(change)
        #expect(shop.record.order.status == .void && shop.record.order.closedAt != nil)
        #expect(shop.record.lines.count == 2, "kept, never deleted")
        #expect(!OrderStatus.void.isOpen && !OrderStatus.openCodes.contains("void"), "the key tag and the car are free again")
        // Nothing more happens on it.
        #expect(throws: OrderRefusal.closed(order: "RO7", status: .void)) { try shop.record.void(reason: "x", paid: .zero, issuedLines: [], at: shop.now) }
        #expect(throws: OrderRefusal.closed(order: "RO7", status: .void)) { try shop.record.promise(shop.now + 3_600, now: shop.now) }
        #expect(throws: OrderRefusal.closed(order: "RO7", status: .void)) {
            try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], takenBy: "王芳", at: shop.now, terms: terms)
        }
        #expect(throws: OrderRefusal.closed(order: "RO7", status: .void)) {
            try shop.record.decline(fee: nil, feeDescription: "检测费", reason: nil, at: shop.now, terms: terms)
        }
        #expect(throws: OrderRefusal.closed(order: "RO7", status: .void)) {
            try shop.record.pay(Money(fen: 100), method: .cash, reference: nil, by: "周静", at: shop.now, payments: [], current: terms)
        }
        #expect(throws: OrderRefusal.closed(order: "RO7", status: .void)) {
            try shop.record.release(signer: "张伟", odometer: nil, oldParts: nil, by: "周静", at: shop.now, payments: [], current: terms,
                                    warranty: WarrantyTerm(km: 2_000, days: 10), settlementNumber: "JS2026-00001")
        }
        #expect(throws: OrderRefusal.closed(order: "RO7", status: .void)) {
            try shop.record.dispatch(group: "一组", technician: nil, bay: nil, by: "钱主管", at: shop.now)
        }
        // The car checks in again: a void order is not an open one.
        let again = try RepairOrder.checkIn(CheckInFacts(odometer: 45_300, fuel: .half, complaint: "异响"), vehicle: shop.record.vehicle,
                                            owner: shop.record.customer, openOrder: nil, comeback: nil, advisor: "王芳", at: shop.now)
        #expect(again.status == .estimating)
    }

    @Test func aSignedOrderIsReopenedBeforeItIsVoidedAndOneInTheWorkshopNeverIs() throws {
        var shop = OrderFixture()
        try shop.sign()
        #expect(throws: OrderRefusal.voidSignedNeedsReopen(order: "RO7")) {
            try shop.record.void(reason: "误开", paid: .zero, issuedLines: [], at: shop.now)
        }
        var reopened = shop
        reopened.apply(try reopened.record.reopen(reason: "误开", paid: .zero))
        #expect(try reopened.record.void(reason: "误开", paid: .zero, issuedLines: [], at: reopened.now).order.status == .void)
        shop.apply(try shop.record.dispatch(group: "一组", technician: nil, bay: nil, by: "钱主管", at: shop.now))
        #expect(throws: OrderRefusal.voidOnlyUnsigned(order: "RO7", status: .inWork)) {
            try shop.record.void(reason: "误开", paid: .zero, issuedLines: [], at: shop.now)
        }
    }

    // MARK: Added work never inside the signed total

    @Test func unansweredAddedWorkIsApartFromTheSignedTotalAndNeverSignedWithTheEstimate() throws {
        var shop = OrderFixture()
        try shop.sign()
        shop.apply(try shop.record.addSupplement(.part(number: 0, description: "刹车油", quantity: Quantity(units: 1), unitPrice: Money(fen: 8_800),
                                                       partNumber: nil, brand: nil, partClass: .equivalent),
                                                 reason: "含水超标", reportedBy: "赵师傅", at: shop.now))
        #expect(shop.record.offeredTotals(current: terms).taxed.gross == Money(fen: 56_400), "the signed total, unchanged")
        #expect(shop.record.awaitingAnswerTotals(current: terms).taxed.gross == Money(fen: 8_800))
        #expect(shop.record.offeredLines.map(\.number) == [1, 2])
        // Reopened and signed again, the estimate does not carry the added item with it.
        shop.apply(try shop.record.reopen(reason: "改用原厂件", paid: .zero))
        shop.apply(try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], takenBy: "王芳", at: shop.now, terms: terms))
        #expect(shop.record.lines.map(\.status) == [.approved, .approved, .proposed], "it waits for its own answer")
        shop.apply(try shop.record.answerSupplement(3, approved: true, via: .phone, customer: "张伟", told: "赵师傅", promise: nil,
                                                    recordedBy: "王芳", at: shop.now))
        #expect(shop.record.offeredTotals(current: terms).taxed.gross == Money(fen: 65_200))
        #expect(shop.record.awaitingAnswerTotals(current: terms).taxed.gross == .zero)
    }

    // MARK: Delays

    @Test func aDelayNoticeRecordsANewPromiseLaterThanTheOldOne() throws {
        var shop = OrderFixture()
        try shop.sign()
        let old = shop.record.order.promisedAt!   // 17:00
        #expect(throws: CustomerRefusal.delayNeedsReason) { try shop.record.announceDelay(until: old + 3_600, reason: nil, now: shop.now) }
        #expect(throws: OrderRefusal.delayNeedsNewPromise(order: "RO7", promised: old)) {
            try shop.record.announceDelay(until: nil, reason: "配件未到", now: shop.now)
        }
        #expect(throws: OrderRefusal.delayNotLater(order: "RO7", given: old, promised: old)) {
            try shop.record.announceDelay(until: old, reason: "配件未到", now: shop.now)
        }
        // Past the old promise, a new time must still be ahead of now.
        let late = old + 7_200
        #expect(throws: OrderRefusal.promiseNotAhead(promised: old + 3_600, now: late)) {
            try shop.record.announceDelay(until: old + 3_600, reason: "配件未到", now: late)
        }
        let change = try shop.record.announceDelay(until: old + 86_400, reason: "配件未到", now: late)
        #expect(change.order.promisedAt == old + 86_400)
        #expect(change.action == .orderPromise)
        #expect(change.detail.contains { $0.0 == "was" && $0.1 == .string(old.iso8601) })
        #expect(change.detail.contains { $0.0 == "reason" && $0.1 == .string("配件未到") })
        shop.apply(try shop.record.dispatch(group: "一组", technician: nil, bay: nil, by: "钱主管", at: shop.now))
        shop.apply(try shop.record.complete(at: shop.now))
        #expect(throws: OrderRefusal.delayWhenReady(order: "RO7")) {
            try shop.record.announceDelay(until: old + 86_400, reason: "x", now: shop.now)
        }
    }

    // MARK: Declined orders until released

    @Test func aDeclinedOrderHoldsItsFeeKeyAndBelongingsUntilItIsReleased() throws {
        var shop = OrderFixture()
        shop.reception(keyTag: "K07", belongings: [Belonging(name: "备胎", count: 1)])
        #expect(shop.record.heldUntilRelease(payments: [], current: terms) == nil, "an open order is on the board anyway")
        shop.apply(try shop.record.diagnose("前刹车片磨损", fee: Money(fen: 5_000), feeDescription: "诊断费"))
        shop.apply(try shop.record.decline(fee: nil, feeDescription: "检测估价费", reason: "太贵", at: shop.now, terms: terms))
        #expect(shop.record.heldUntilRelease(payments: [], current: terms)
                == HeldUntilRelease(feeDue: Money(fen: 5_000), keyTag: "K07", belongings: ["备胎"]))
        let paid = [Payment(amount: Money(fen: 5_000), method: .cash, at: shop.now, by: "周静")]
        #expect(shop.record.heldUntilRelease(payments: paid, current: terms) == HeldUntilRelease(feeDue: .zero, keyTag: "K07", belongings: ["备胎"]))
        var handedBack = shop
        var order = handedBack.record.order
        order.keyReturnedAt = shop.now
        handedBack.record = OrderRecord(order: order, vehicle: shop.record.vehicle, customer: shop.record.customer, lines: shop.record.lines,
                                        damage: [], belongings: [Belonging(name: "备胎", count: 1, returnedAt: shop.now)], documents: [])
        #expect(handedBack.record.heldUntilRelease(payments: paid, current: terms) == nil, "nothing left: off the board")
        handedBack.apply(try handedBack.record.release(signer: "张伟", odometer: nil, oldParts: nil, by: "周静", at: shop.now, payments: paid,
                                                       current: terms, warranty: WarrantyTerm(km: 2_000, days: 10), settlementNumber: "JS2026-00001"))
        #expect(handedBack.record.heldUntilRelease(payments: [], current: terms) == nil, "released: never held")
    }
}

/// What a customer reads: true of the order at the moment it is sent.
@Suite("Customer messages state only what happened")
struct CustomerMessageTests {
    let terms = OrderFixture.terms

    func message(_ shop: OrderFixture, payments: [Payment] = [], now: Timestamp) -> CustomerMessage {
        CustomerMessage(about: shop.record, settlement: shop.record.settlement(payments: payments, current: terms), shopName: "顺达汽修",
                        shopPhone: "", now: now, time: { ShopZone.shanghai.format($0) }, reason: nil, addedWork: [], progress: nil)
    }

    /// The bug: a 小修 order "通过竣工检验" with no final inspection done.
    @Test func theReadyMessageClaimsAnInspectionOnlyWhenOnePassed() throws {
        var shop = OrderFixture()
        try shop.workDone()
        let uninspected = message(shop, now: shop.now).text(.ready, language: .zh)
        #expect(uninspected.contains("已完成维修，") && !uninspected.contains("竣工检验"))
        #expect(!message(shop, now: shop.now).text(.ready, language: .en).contains("inspection"))
        try shop.inspectFinal(.pass)
        #expect(message(shop, now: shop.now).text(.ready, language: .zh).contains("已完成维修并通过竣工检验"))
        #expect(message(shop, now: shop.now).text(.ready, language: .en).contains("has passed its final inspection"))
    }

    /// The bug: 1,111.00 sent when the invoice said 1,061.00.
    @Test func theReadyMessageQuotesTheInvoicesTotalAfterTheDiscountAndWhatIsLeftToPay() throws {
        var shop = OrderFixture()
        try shop.workDone()
        shop.apply(try shop.record.discount(.amount(Money(fen: 6_400)), by: "王芳", authorizedBy: "钱主管", payments: [], current: terms))
        #expect(message(shop, now: shop.now).text(.ready, language: .zh).contains("费用合计¥500.00。"))
        let deposit = [Payment(amount: Money(fen: 20_000), method: .wechat, at: shop.now, by: "周静")]
        #expect(message(shop, payments: deposit, now: shop.now).text(.ready, language: .zh).contains("费用合计¥500.00，已付¥200.00，尚需支付¥300.00。"))
        let all = [Payment(amount: Money(fen: 50_000), method: .wechat, at: shop.now, by: "周静")]
        #expect(message(shop, payments: all, now: shop.now).text(.ready, language: .en).contains("The total is 500.00, paid in full."))
    }

    @Test func aPromisedTimeThatHasPassedIsNeverQuoted() throws {
        var shop = OrderFixture()
        try shop.workDone()
        let promised = shop.record.order.promisedAt!
        #expect(message(shop, now: promised + (-60)).text(.ready, language: .en).contains("Please collect it around"))
        let late = message(shop, now: promised + 60)
        #expect(late.promised == nil)
        #expect(late.text(.ready, language: .zh).contains("欢迎随时来店取车"))
        #expect(!late.text(.progress, language: .en).contains("expected"))
    }

    @Test func aFreeComebackSaysSoInsteadOfATotalOfNothing() throws {
        var shop = try OrderFixture.comeback()
        shop.apply(try shop.record.addLine(.labor(number: 0, description: "重新安装刹车片", hours: Hours(hundredths: 120), rate: Money(fen: 12_000))))
        shop.apply(try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], takenBy: "王芳", at: shop.now, terms: terms))
        let text = message(shop, now: shop.now).text(.ready, language: .zh)
        #expect(text.contains("本次保修项目不收费。") && !text.contains("¥0.00"))
    }
}

@Suite("The key on its hook")
struct KeyHookTests {
    /// A key handed back and hung again is here again: handed back at release, and asked for then.
    @Test func aKeyHungAgainIsHandedBackAgain() throws {
        var shop = OrderFixture()
        shop.apply(try shop.record.registerKey("K42"))
        guard let returned = shop.record.returnKey(at: shop.now) else { Issue.record("no key to hand back"); return }
        shop.apply(returned)
        #expect(shop.record.returnKey(at: shop.now) == nil, "already handed back")
        shop.apply(try shop.record.registerKey("K42"))
        #expect(shop.record.order.keyReturnedAt == nil)
        #expect(shop.record.returnKey(at: shop.now)?.order.keyReturnedAt == shop.now)
    }
}

@Suite("The gauges read at check-in")
struct GaugeTests {
    func vehicle(_ plate: String) throws -> Vehicle {
        Vehicle(id: 1, plate: try Plate(plate), vin: nil, ownerID: 1, odometer: 0, createdAt: Timestamp(seconds: 0))
    }

    /// A trailer (挂车) has no engine: no fuel level is asked of it; any other car's is.
    @Test func aTrailerHasNoGaugeToRead() throws {
        let trailer = try Gauge.check(vehicle: try vehicle("粤B1234挂"), fuel: nil, battery: nil)
        #expect(trailer.fuel == nil && trailer.battery == nil)
        #expect(throws: OrderRefusal.fuelNeeded(plate: "粤B12345")) {
            try Gauge.check(vehicle: try vehicle("粤B12345"), fuel: nil, battery: nil)
        }
    }
}
