import Testing
@testable import WorkshopModel

/// Member prices by tier, worked by hand: the member price rounded half-up to the fen, the line that
/// keeps its tier and regular price, the concession gate against the member's list, and the
/// advisor's limit over line reductions and the order discount together.
@Suite struct MemberPriceTests {
    let terms = OrderFixture.terms   // labour 120.00 an hour, the discount limit 5%
    let gold = MemberTier(name: "金卡", laborBasisPoints: 1_000, partsBasisPoints: 500, setBy: "钱主管", setAt: OrderFixture.checkedIn)

    func part(_ price: Int, qty: Int = 1, class partClass: PartClass? = .oem) -> OrderLine {
        .part(number: 0, description: "前刹车片", quantity: Quantity(units: qty), unitPrice: Money(fen: price),
              partNumber: "5QD698151", brand: nil, partClass: partClass)
    }

    func labor(hours: Int = 100, rate: Int = 12_000) -> OrderLine {
        .labor(number: 0, description: "更换前刹车片", hours: Hours(hundredths: hours), rate: Money(fen: rate), operationCode: "BRK-01")
    }

    let partList = ListPrice.part(Money(fen: 36_500))
    let laborList = ListPrice.labor(rate: Money(fen: 12_000), standardHours: Hours(hundredths: 100))

    @Test func theMemberPriceIsRoundedHalfUpToTheFen() {
        #expect(MemberTier.memberPrice(Money(fen: 12_000), basisPoints: 1_000) == Money(fen: 10_800))   // 120.00 at 10% → 108.00
        #expect(MemberTier.memberPrice(Money(fen: 36_500), basisPoints: 500) == Money(fen: 34_675))     // 365.00 at 5% → 346.75
        // 0.5%: 0.99 → 0.98505 → 0.99; 3.00 → 2.985 → 2.99 (half up); 1.30 → 1.2935 → 1.29.
        #expect(MemberTier.memberPrice(Money(fen: 99), basisPoints: 50) == Money(fen: 99))
        #expect(MemberTier.memberPrice(Money(fen: 300), basisPoints: 50) == Money(fen: 299))
        #expect(MemberTier.memberPrice(Money(fen: 130), basisPoints: 50) == Money(fen: 129))
        #expect(MemberTier.zhe(1_000) == "9 折" && MemberTier.zhe(500) == "95 折" && MemberTier.zhe(1_250) == "87.5 折")
    }

    @Test func aMembersLineIsPricedAtTheMemberPriceAndKeepsTheRegularBesideIt() throws {
        let shop = OrderFixture()
        let labour = try shop.record.addLine(labor(hours: 150), list: laborList, authorizedBy: nil, current: terms, member: gold).newLines[0]
        #expect(labour.rate == Money(fen: 10_800) && labour.amount == Money(fen: 16_200))   // 1.5 h × 108.00
        #expect(labour.memberTier == "金卡" && labour.regularPrice == Money(fen: 12_000) && labour.memberSaving == Money(fen: 1_800))
        #expect(labour.listAmount == nil && labour.concessionBy == nil, "the member price is no concession")
        let brakes = try shop.record.addLine(part(36_500, qty: 2), list: partList, authorizedBy: nil, current: terms, member: gold)
        #expect(brakes.newLines[0].unitPrice == Money(fen: 34_675) && brakes.newLines[0].amount == Money(fen: 69_350))
        // The journal says the member price was given, and from what.
        let detail = Dictionary(brakes.detail.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        #expect(detail["price"] == .string("346.75") && detail["member_tier"] == .string("金卡") && detail["regular_price"] == .string("365.00"))
    }

    @Test func typedPricesCustomerPartsFeesAndWarrantyWorkAreNotMemberPriced() throws {
        let shop = OrderFixture()
        let typed = try shop.record.addLine(part(35_000), list: partList, authorizedBy: nil, current: terms, member: gold, priceTyped: true)
        #expect(typed.newLines[0].unitPrice == Money(fen: 35_000) && typed.newLines[0].memberTier == nil)
        let own = try shop.record.addLine(part(0, class: .customer), list: nil, authorizedBy: nil, current: terms, member: gold)
        #expect(own.newLines[0].amount == .zero && own.newLines[0].memberTier == nil)
        let fee = try shop.record.addLine(.fee(number: 0, description: "拖车", amount: Money(fen: 8_000)), list: nil, authorizedBy: nil,
                                          current: terms, member: gold)
        #expect(fee.newLines[0].amount == Money(fen: 8_000) && fee.newLines[0].memberTier == nil)
        // A comeback's warranty work is free: not member priced (it is charged nothing either way).
        var comeback = OrderFixture()
        comeback.record = OrderRecord(order: RepairOrder(id: 8, vehicleID: 1, customerID: 1, status: .estimating,
                                                         checkedInAt: OrderFixture.checkedIn, advisor: "王芳", odometerIn: 45_300,
                                                         fuel: .half, complaint: "刹车又响", reworkOf: 7),
                                      vehicle: shop.record.vehicle, customer: shop.record.customer, lines: [], damage: [],
                                      belongings: [], documents: [])
        let covered = try comeback.record.addLine(labor(), list: laborList, authorizedBy: nil, current: terms, member: gold).newLines[0]
        #expect(covered.covered && covered.rate == Money(fen: 12_000) && covered.memberTier == nil)
        let chargeable = try comeback.record.addLine(labor(), covered: false, list: laborList, authorizedBy: nil, current: terms, member: gold)
        #expect(chargeable.newLines[0].rate == Money(fen: 10_800))
    }

    @Test func theMemberPriceIsNoConcessionButBelowTheMemberListIsJudgedAgainstIt() throws {
        let shop = OrderFixture()
        // 10% off labour with a 5% limit needs no manager: the yardstick is the member's list.
        #expect(try shop.record.addLine(labor(), list: laborList, authorizedBy: nil, current: terms, member: gold).newLines[0].amount == Money(fen: 10_800))
        // Typed below the member price (346.75) beyond 5% (329.41 is the floor): a manager's, said as the member price.
        #expect(throws: MoneyRefusal.priceBelowMemberList(line: "前刹车片", given: Money(fen: 32_900), memberList: Money(fen: 34_675),
                                                          tier: "金卡", limitPercent: 5)) {
            try shop.record.addLine(part(32_900), list: partList, authorizedBy: nil, current: terms, member: gold, priceTyped: true)
        }
        let within = try shop.record.addLine(part(33_000), list: partList, authorizedBy: nil, current: terms, member: gold, priceTyped: true)
        #expect(within.newLines[0].listAmount == Money(fen: 34_675) && !within.newLines[0].isConcession)
        let given = try shop.record.addLine(part(30_000), list: partList, authorizedBy: "钱主管", current: terms, member: gold, priceTyped: true)
        #expect(given.newLines[0].isConcession && given.newLines[0].listAmount == Money(fen: 34_675))
        // Without a tier the same 330.00 is below 365.00 by 9.6%: refused as before.
        #expect(throws: MoneyRefusal.priceBelowList(line: "前刹车片", given: Money(fen: 33_000), list: Money(fen: 36_500), limitPercent: 5)) {
            try shop.record.addLine(part(33_000), list: partList, authorizedBy: nil, current: terms, priceTyped: true)
        }
    }

    @Test func aTierChangedLaterLeavesTheLinesPricedBefore() throws {
        var shop = OrderFixture()
        let laborList = ListPrice.labor(rate: Money(fen: 12_000), standardHours: nil)   // labour in words: the hours are the advisor's
        shop.apply(try shop.record.addLine(labor(), list: laborList, authorizedBy: nil, current: terms, member: gold))
        // The shop makes gold 20% off labour; the line priced at 10% stays, a change of its hours too.
        let richer = MemberTier(name: "金卡", laborBasisPoints: 2_000, partsBasisPoints: 500, setBy: "钱主管", setAt: shop.now)
        shop.apply(try shop.record.addLine(labor(hours: 50), list: laborList, authorizedBy: nil, current: terms, member: richer))
        #expect(shop.record.lines[0].rate == Money(fen: 10_800) && shop.record.lines[1].rate == Money(fen: 9_600))
        let more = try shop.record.changeLine(1, LineEdit(hours: Hours(hundredths: 200)), list: laborList, authorizedBy: nil, current: terms,
                                              member: richer)
        #expect(more.changedLines[0].rate == Money(fen: 10_800) && more.changedLines[0].memberTier == "金卡"
                && more.changedLines[0].amount == Money(fen: 21_600) && more.changedLines[0].listAmount == nil)
        // The summary says gold's rates only while they still give the lines' prices.
        #expect(MemberSavings.of(shop.record.lines, tiers: [richer]) == [MemberSavings(tier: "金卡", labor: Money(fen: 1_200 + 1_200), parts: .zero, pricedAt: nil)])
        #expect(MemberSavings.of([shop.record.lines[1]], tiers: [richer])[0].pricedAt == richer)
        // A rate typed on the line ends its member price.
        let typed = try shop.record.changeLine(1, LineEdit(rate: Money(fen: 11_000)), list: laborList, authorizedBy: nil, current: terms, member: richer)
        #expect(typed.changedLines[0].memberTier == nil && typed.changedLines[0].regularPrice == nil)
    }

    @Test func theTierIsThatOfWhoPaysWhileTheCustomerPays() {
        let owner = Customer(id: 1, name: "张伟", phone: "13900001111", createdAt: Timestamp(seconds: 0), memberTier: "银卡")
        let company = Customer(id: 2, name: "顺达物流", phone: "075588889999", createdAt: Timestamp(seconds: 0), memberTier: "金卡")
        let vehicle = Vehicle(id: 1, plate: try! Plate("京A12345"), vin: nil, ownerID: 1, createdAt: Timestamp(seconds: 0))
        func record(payer: Payer, billTo: Customer?) -> OrderRecord {
            OrderRecord(order: RepairOrder(id: 7, vehicleID: 1, customerID: 1, status: .estimating, checkedInAt: OrderFixture.checkedIn,
                                           advisor: "王芳", odometerIn: 1, fuel: .half, complaint: "x", payer: payer, billTo: billTo?.id),
                        vehicle: vehicle, customer: owner, lines: [], damage: [], belongings: [], documents: [], billedTo: billTo)
        }
        #expect(record(payer: .owner, billTo: nil).memberTierName == "银卡")
        #expect(record(payer: .owner, billTo: company).memberTierName == "金卡")
        #expect(record(payer: .insurer, billTo: nil).memberTierName == nil)
        #expect(record(payer: .warranty, billTo: company).memberTierName == nil)
    }

    @Test func aTierIsSetWithItsDiscountsAndChangedOnlyByWhatIsGiven() throws {
        let now = OrderFixture.checkedIn
        #expect(throws: MemberRefusal.reservedTierName(given: "none")) { try MemberTier.set(name: "none", labor: 500, parts: nil, existing: nil, by: "钱主管", at: now) }
        #expect(throws: MemberRefusal.tierNeedsDiscount(tier: "银卡")) { try MemberTier.set(name: "银卡", labor: nil, parts: nil, existing: nil, by: "钱主管", at: now) }
        #expect(throws: MemberRefusal.discountTooHigh(field: "parts", basisPoints: 10_000)) {
            try MemberTier.set(name: "银卡", labor: 500, parts: 10_000, existing: nil, by: "钱主管", at: now)
        }
        let silver = try MemberTier.set(name: "银卡", labor: 500, parts: nil, existing: nil, by: "钱主管", at: now)
        #expect(silver.laborBasisPoints == 500 && silver.partsBasisPoints == 0)
        let changed = try MemberTier.set(name: "银卡", labor: nil, parts: 300, existing: silver, by: "钱主管", at: now)
        #expect(changed.laborBasisPoints == 500 && changed.partsBasisPoints == 300)
        #expect(throws: MemberRefusal.tierUnchanged(tier: "银卡")) { try MemberTier.set(name: "银卡", labor: 500, parts: 300, existing: changed, by: "钱主管", at: now) }
    }

    @Test func aTierAboveTheAdvisorsLimitIsGivenToACustomerByAManager() throws {
        let now = OrderFixture.checkedIn
        let silver = try MemberTier.set(name: "银卡", labor: 500, parts: 300, existing: nil, by: "钱主管", at: now)
        try silver.assignable(limitPercent: 5, authorizedBy: nil)                  // 5% is within a 5% limit
        let gold = try MemberTier.set(name: "金卡", labor: 1_000, parts: 500, existing: nil, by: "钱主管", at: now)
        #expect(throws: MemberRefusal.tierAboveLimitNeedsManager(tier: "金卡", laborBasisPoints: 1_000, partsBasisPoints: 500, limitPercent: 5)) {
            try gold.assignable(limitPercent: 5, authorizedBy: nil)
        }
        try gold.assignable(limitPercent: 5, authorizedBy: "钱主管")
        try gold.assignable(limitPercent: 10, authorizedBy: nil)
        let partsOnly = try MemberTier.set(name: "配件卡", labor: nil, parts: 501, existing: nil, by: "钱主管", at: now)
        #expect(throws: MemberRefusal.self) { try partsOnly.assignable(limitPercent: 5, authorizedBy: nil) }
    }
}

/// The loophole closed: a line within the limit and an order discount within it do not stack to twice
/// the limit without a manager.
@Suite struct ManualReductionTests {
    let terms = OrderFixture.terms   // the discount limit is 5%

    /// Signed: a part typed at 95.00 against its list of 100.00 (5% below, within the limit) and labour at list 100.00.
    func signedWithReducedLine() throws -> OrderFixture {
        var shop = OrderFixture()
        shop.apply(try shop.record.addLine(.part(number: 0, description: "刹车盘", quantity: Quantity(units: 1), unitPrice: Money(fen: 9_500),
                                                 partNumber: "BD-1", brand: nil, partClass: .oem),
                                           list: .part(Money(fen: 10_000)), authorizedBy: nil, current: terms))
        shop.apply(try shop.record.addLine(.labor(number: 0, description: "更换刹车盘", hours: Hours(hundredths: 100), rate: Money(fen: 10_000)),
                                           list: .labor(rate: Money(fen: 10_000), standardHours: nil), authorizedBy: nil, current: terms))
        shop.apply(try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], takenBy: "王芳", at: shop.now, terms: terms))
        return shop
    }

    @Test func aLineReductionAndADiscountTogetherBeyondTheLimitNeedAManager() throws {
        let shop = try signedWithReducedLine()
        #expect(shop.record.lines[0].listAmount == Money(fen: 10_000) && shop.record.lines[0].concessionBy == nil)
        // 5.00 below list on line 1, and 5% of 195.00 (9.75): 14.75 of 200.00 at list is 7.38%.
        #expect(throws: MoneyRefusal.reductionsAboveLimit(lines: [1], lineReductions: Money(fen: 500), discount: Money(fen: 975),
                                                          valueAtList: Money(fen: 20_000), limitPercent: 5)) {
            try shop.record.discount(.percent(500), by: "王芳", authorizedBy: nil, payments: [], current: terms)
        }
        // Up to 5% of 200.00 together (10.00): a discount of 5.00 passes, 5.01 does not.
        _ = try shop.record.discount(.amount(Money(fen: 500)), by: "王芳", authorizedBy: nil, payments: [], current: terms)
        #expect(throws: MoneyRefusal.self) { try shop.record.discount(.amount(Money(fen: 501)), by: "王芳", authorizedBy: nil, payments: [], current: terms) }
        // A manager gives it.
        _ = try shop.record.discount(.percent(500), by: "王芳", authorizedBy: "钱主管", payments: [], current: terms)
    }

    @Test func addedWorkBelowItsListOnADiscountedOrderIsJudgedWithTheDiscount() throws {
        var shop = OrderFixture()
        try shop.sign()   // 144.00 labour + 420.00 part, at list
        shop.apply(try shop.record.discount(.percent(500), by: "王芳", authorizedBy: nil, payments: [], current: terms))
        let part = OrderLine.part(number: 0, description: "刹车油", quantity: Quantity(units: 1), unitPrice: Money(fen: 9_500),
                                  partNumber: "BF-1", brand: nil, partClass: .oem)
        #expect(throws: MoneyRefusal.self) {
            try shop.record.addSupplement(part, reason: "含水超标", reportedBy: "赵师傅", at: shop.now, list: .part(Money(fen: 10_000)),
                                          authorizedBy: nil, current: terms)
        }
        // At its list it is no reduction; with a manager it is given.
        _ = try shop.record.addSupplement(part, reason: "含水超标", reportedBy: "赵师傅", at: shop.now, list: .part(Money(fen: 9_500)),
                                          authorizedBy: nil, current: terms)
        _ = try shop.record.addSupplement(part, reason: "含水超标", reportedBy: "赵师傅", at: shop.now, list: .part(Money(fen: 10_000)),
                                          authorizedBy: "钱主管", current: terms)
    }

    @Test func memberPricesAreNoManualReduction() throws {
        var shop = OrderFixture()
        let gold = MemberTier(name: "金卡", laborBasisPoints: 1_000, partsBasisPoints: 500, setBy: "钱主管", setAt: shop.now)
        shop.apply(try shop.record.addLine(.labor(number: 0, description: "更换前刹车片", hours: Hours(hundredths: 100), rate: Money(fen: 12_000)),
                                           list: .labor(rate: Money(fen: 12_000), standardHours: nil), authorizedBy: nil, current: terms, member: gold))
        shop.apply(try shop.record.sign(signer: "张伟", via: .inPerson, declining: [], takenBy: "王芳", at: shop.now, terms: terms))
        // 10% member price, then the advisor's full 5% discount: no manager.
        let change = try shop.record.discount(.percent(500), by: "王芳", authorizedBy: nil, payments: [], current: terms)
        #expect(change.order.discount == .percent(500))
    }
}
