import Testing
@testable import WorkshopModel

/// The order's rules the tester found broken: the category follows the work; what was signed is never
/// rewritten; a belonging is accounted for, never deleted, once the checklist is signed.
@Suite("Order rules: category, signed diagnosis, belongings")
struct OrderRulesTests {
    static let catalogue: [String: RepairCategory] = ["MNT-02": .level2, "ENG-09": .assembly]
    static let level2Work = OrderLine.labor(number: 0, description: "二级维护（MNT-02）", hours: Hours(hundredths: 300),
                                            rate: Money(fen: 12_000), operationCode: "MNT-02")

    // MARK: Category

    @Test func aLabourOperationRaisesTheOrderToTheCategoryItsWorkImplies() throws {
        var shop = OrderFixture(category: .minor)
        shop.apply(try shop.record.addLine(Self.level2Work, implies: .level2))
        #expect(shop.record.order.category == .level2)
        // A lower operation never lowers it.
        shop.apply(try shop.record.addLine(.labor(number: 0, description: "洗车", hours: Hours(hundredths: 50), rate: Money(fen: 12_000)),
                                           implies: nil))
        #expect(shop.record.order.category == .level2)
        #expect(shop.record.requiredCategory(Self.catalogue)?.line == 1)
    }

    @Test func aReopenedLevel2OrderCannotBeSetToMinorWhileItsWorkIsLevel2() throws {
        var shop = OrderFixture(category: .level2)
        shop.apply(try shop.record.addLine(Self.level2Work, implies: .level2))
        try shop.sign()
        shop.apply(try shop.record.reopen(reason: "改价", paid: .zero))
        let refusal = OrderRefusal.categoryBelowWork(order: "RO7", given: .minor, required: .level2, line: 1, description: "二级维护（MNT-02）")
        #expect(throws: refusal) {
            try shop.record.correct(ReceptionFacts(category: .minor), odometerBefore: nil, catalogue: Self.catalogue, authorizedBy: nil)
        }
        // Not even a manager signs a level-2 maintenance off as a minor repair.
        #expect(throws: refusal) {
            try shop.record.correct(ReceptionFacts(category: .minor), odometerBefore: nil, catalogue: Self.catalogue, authorizedBy: "钱主管")
        }
        // Raising it is anyone's to do.
        let raised = try shop.record.correct(ReceptionFacts(category: .overhaul), odometerBefore: nil, catalogue: Self.catalogue, authorizedBy: nil)
        #expect(raised.order.category == .overhaul)
    }

    @Test func theCheckInReadingIsNotCorrectedBelowACorrectionMadeSince() throws {
        let shop = OrderFixture()
        let before = OdometerReading(km: 45_000, at: Timestamp(seconds: 0), source: .correction)
        let since = OdometerReading(km: 45_300, at: OrderFixture.checkedIn + 600, source: .correction)
        #expect(throws: OrderRefusal.odometerBelowCorrection(reading: 45_100, corrected: 45_300, plate: "京A12345")) {
            try shop.record.correct(ReceptionFacts(odometer: 45_100), odometerBefore: before, correctedSince: since)
        }
        // A typo above the correction is still the advisor's to fix before signing; without a
        // correction since, a lower check-in reading (down to the one before it) too.
        #expect(try shop.record.correct(ReceptionFacts(odometer: 45_350), odometerBefore: before, correctedSince: since).order.odometerIn == 45_350)
        #expect(try shop.record.correct(ReceptionFacts(odometer: 45_100), odometerBefore: before).order.odometerIn == 45_100)
    }

    @Test func aDowngradeTheWorkAllowsNeedsAManager() throws {
        let shop = OrderFixture(category: .level2)
        #expect(throws: OrderRefusal.categoryDowngradeNeedsManager(order: "RO7", from: .level2, to: .minor)) {
            try shop.record.correct(ReceptionFacts(category: .minor), odometerBefore: nil, catalogue: Self.catalogue, authorizedBy: nil)
        }
        let lowered = try shop.record.correct(ReceptionFacts(category: .minor), odometerBefore: nil, catalogue: Self.catalogue, authorizedBy: "钱主管")
        #expect(lowered.order.category == .minor)
        #expect(lowered.detail.contains { $0.0 == "authorized_by" })
        // Between categories of one rank (小修, 一级维护, 专项修理) no authorisation is needed.
        let minor = OrderFixture(category: .minor)
        #expect(try minor.record.correct(ReceptionFacts(category: .special), odometerBefore: nil, catalogue: Self.catalogue,
                                         authorizedBy: nil).order.category == .special)
    }

    @Test func anOrderIsNotSignedUnderACategoryBelowItsWork() throws {
        var shop = OrderFixture(category: .minor)
        // A line written before the catalogue said MNT-02 is level-2 work (no raise then).
        shop.apply(try shop.record.addLine(Self.level2Work, implies: nil))
        #expect(throws: OrderRefusal.categoryBelowWork(order: "RO7", given: .minor, required: .level2, line: 1, description: "二级维护（MNT-02）")) {
            try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], takenBy: "王芳", at: shop.now, terms: OrderFixture.terms,
                                 catalogue: Self.catalogue)
        }
        // Declined work implies nothing: the order is signed for what the customer approved.
        shop.apply(try shop.record.addLine(.labor(number: 0, description: "洗车", hours: Hours(hundredths: 50), rate: Money(fen: 12_000)), implies: nil))
        let signed = try shop.record.sign(signer: "张伟", via: .inPerson, declining: [1], takenBy: "王芳", at: shop.now, terms: OrderFixture.terms,
                                          catalogue: [:])
        shop.apply(signed)
        #expect(shop.record.impliedCategories(Self.catalogue).isEmpty)
    }

    @Test func aBookingsJobSetsTheCheckInsCategory() throws {
        #expect(try CheckInFacts.category(given: nil, implied: [("MNT-02", .level2)], booking: "A4") == .level2)
        #expect(try CheckInFacts.category(given: nil, implied: [], booking: nil) == .minor)
        #expect(try CheckInFacts.category(given: .overhaul, implied: [("MNT-02", .level2)], booking: "A4") == .overhaul)
        #expect(throws: OrderRefusal.categoryBelowBooking(booking: "A4", given: .minor, required: .level2, operation: "MNT-02")) {
            try CheckInFacts.category(given: .minor, implied: [("MNT-02", .level2)], booking: "A4")
        }
    }

    @Test func categoriesRankByWhatTheyAskOfTheShop() {
        #expect(RepairCategory.minor.isBelow(.level2))
        #expect(RepairCategory.level2.isBelow(.assembly))
        #expect(RepairCategory.assembly.isBelow(.overhaul))
        #expect(!RepairCategory.level1.isBelow(.minor) && !RepairCategory.minor.isBelow(.special))
    }
    // MARK: The signed diagnosis

    @Test func aDiagnosisAfterSignatureIsAddedNeverWrittenOverTheSignedOne() throws {
        var shop = OrderFixture()
        shop.apply(try shop.record.diagnose("后刹车蹄片磨光", fee: nil, feeDescription: "诊断费", by: "赵师傅", at: shop.now))
        // Before signature the diagnosis is rewritten freely (the journal keeps what it was).
        shop.apply(try shop.record.diagnose("后刹车蹄片磨光，后轮毂轴承松旷", fee: nil, feeDescription: "诊断费", by: "赵师傅", at: shop.now))
        #expect(shop.record.order.findings == "后刹车蹄片磨光，后轮毂轴承松旷")
        try shop.sign()
        let later = try shop.record.diagnose("发现变速箱漏油，需大修", fee: nil, feeDescription: "诊断费", by: "赵师傅", at: shop.now)
        #expect(later.order.findings == "后刹车蹄片磨光，后轮毂轴承松旷")
        #expect(later.laterFinding == LaterFinding(text: "发现变速箱漏油，需大修", at: shop.now, by: "赵师傅"))
        #expect(later.action == .orderFindingAdd)
        // A fee is still refused on a signed order, and an empty finding is no finding.
        #expect(throws: OrderRefusal.signedNeedsReopen(order: "RO7")) {
            try shop.record.diagnose("x", fee: Money(fen: 5_000), feeDescription: "诊断费", by: "赵师傅", at: shop.now)
        }
        #expect(throws: InputRefusal.empty(field: "findings")) {
            try shop.record.diagnose("  ", fee: nil, feeDescription: "诊断费", by: "赵师傅", at: shop.now)
        }
    }

    // MARK: The signed checklist

    static func withBelongings(_ status: OrderStatus) throws -> OrderRecord {
        var shop = OrderFixture()
        if status != .estimating { try shop.sign() }
        let order = shop.record.order
        return OrderRecord(order: order, vehicle: shop.record.vehicle, customer: shop.record.customer, lines: shop.record.lines, damage: [],
                           belongings: [Belonging(name: "雨伞", count: 1), Belonging(name: "脚垫", count: 4, returned: 2)], documents: [])
    }

    @Test func aBelongingComesOffTheChecklistOnlyBeforeSignature() throws {
        let unsigned = try Self.withBelongings(.estimating)
        try Gate.belongingRemovable(unsigned, item: "雨伞")
        let signed = try Self.withBelongings(.signed)
        #expect(throws: OrderRefusal.belongingRemoveAfterSigning(order: "RO7", status: .signed, item: "雨伞")) {
            try Gate.belongingRemovable(signed, item: "雨伞")
        }
        // One not on the checklist is named as such, before or after signature.
        #expect(throws: LookupRefusal.noBelonging(item: "千斤顶", order: "RO7")) { try Gate.belongingRemovable(signed, item: "千斤顶") }
        #expect(throws: OrderRefusal.missingBeforeSigning(order: "RO7", item: "雨伞")) {
            try unsigned.markMissing("雨伞", reason: "x", by: "周静", at: OrderFixture.checkedIn)
        }
    }

    @Test func missingMarksAllThatIsStillOutAndACountMustSaySo() throws {
        let signed = try Self.withBelongings(.signed)             // 脚垫×4, 2 back
        #expect(throws: OrderRefusal.missingCountNotOut(order: "RO7", item: "脚垫", given: 1, out: 2)) {
            try signed.markMissing("脚垫", count: 1, reason: "只找到一块", by: "周静", at: OrderFixture.checkedIn)
        }
        #expect(try signed.markMissing("脚垫", count: 2, reason: "找不到", by: "周静", at: OrderFixture.checkedIn).missingDisplay == "脚垫×2")
        #expect(try signed.markMissing("脚垫", reason: "找不到", by: "周静", at: OrderFixture.checkedIn).missingDisplay == "脚垫×2")
    }

    @Test func aBelongingMarkedMissingIsAccountedForAtReleaseWithItsRecord() throws {
        let signed = try Self.withBelongings(.signed)
        #expect(signed.belongingsMissing == ["雨伞", "脚垫×2"])
        #expect(throws: InputRefusal.empty(field: "reason")) { try signed.markMissing("雨伞", reason: " ", by: "周静", at: OrderFixture.checkedIn) }
        #expect(throws: LookupRefusal.noBelonging(item: "伞", order: "RO7")) { try signed.markMissing("伞", reason: "x", by: "周静", at: OrderFixture.checkedIn) }
        let marked = try signed.markMissing("雨伞", reason: "客户确认未放在车内", by: "周静", at: OrderFixture.checkedIn)
        #expect(marked.missingRecord == MissingBelonging(reason: "客户确认未放在车内", by: "周静", at: OrderFixture.checkedIn))
        let after = OrderRecord(order: signed.order, vehicle: signed.vehicle, customer: signed.customer, lines: signed.lines, damage: [],
                                belongings: [marked, signed.belongings[1]], documents: [])
        // Still on the checklist; no longer in release's way; `return all` does not count it back.
        #expect(after.belongings.count == 2)
        #expect(after.belongingsMissing == ["脚垫×2"])
        #expect(try after.checkBack([], all: true, at: OrderFixture.checkedIn).returned == [BelongingItem(name: "脚垫", count: 2)])
        #expect(throws: OrderRefusal.missingAlreadyMarked(order: "RO7", item: "雨伞", by: "周静", at: OrderFixture.checkedIn)) {
            try after.markMissing("雨伞", reason: "x", by: "周静", at: OrderFixture.checkedIn)
        }
    }
}
