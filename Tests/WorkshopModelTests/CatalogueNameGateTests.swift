import Testing
@testable import WorkshopModel

/// A line typed in words under a catalogue item's name is that item (`Gate.catalogueName`): typed
/// so, it slipped past the price-concession gate and the category its work implies.
@Suite struct CatalogueNameGateTests {
    let terms = OrderFixture.terms
    static let arm = CatalogueName(name: "前下摆臂总成（右）", item: .part(number: "1044331-00-D", listPrice: Money(fen: 115_000)))
    static let armWork = CatalogueName(name: "更换前下摆臂（单侧）", item: .labor(code: "SUS-01", standardHours: Hours(hundredths: 150)))
    static let level2 = CatalogueName(name: "二级维护（一级维护+空滤、空调滤、火花塞、底盘检查）",
                                      item: .labor(code: "MNT-02", standardHours: Hours(hundredths: 300)))

    func part(_ name: String = "前下摆臂总成（右）", price: Int = 50_000, class partClass: PartClass? = nil) -> OrderLine {
        .part(number: 0, description: name, quantity: Quantity(units: 1), unitPrice: Money(fen: price), partNumber: nil, brand: nil,
              partClass: partClass)
    }

    func labor(_ name: String = "更换前下摆臂（单侧）", hours: Int = 50) -> OrderLine {
        .labor(number: 0, description: name, hours: Hours(hundredths: hours), rate: Money(fen: 12_000))
    }

    @Test func aNameIsFoldedForSpacesBracketsAndLatinCase() {
        #expect(CatalogueName.key(" 前下摆臂总成(右) ") == CatalogueName.key("前下摆臂总成（右）"))
        #expect(CatalogueName.key("前下摆臂　总成（右）") == "前下摆臂总成(右)")
        #expect(CatalogueName.key("Brake Pads [Front]") == CatalogueName.key("brake pads［FRONT］"))
        #expect(CatalogueName.key("前下摆臂总成（左）") != CatalogueName.key("前下摆臂总成（右）"))
    }

    @Test func aListedPartsNameTypedInWordsIsRefusedNamingItsNumber() throws {
        let shop = OrderFixture()
        let list = ListPrice.labor(rate: Money(fen: 12_000), standardHours: nil)
        #expect(throws: CatalogRefusal.nameIsListedPart(name: "前下摆臂总成（右）", partNumber: "1044331-00-D", listPrice: Money(fen: 115_000),
                                                         order: "RO7", supplement: false)) {
            try shop.record.addLine(part(), list: nil, authorizedBy: nil, current: terms, named: Self.arm)
        }
        // At the list price too: the honest way in is the number.
        #expect(throws: CatalogRefusal.self) {
            try shop.record.addLine(part(price: 115_000), list: nil, authorizedBy: nil, current: terms, named: Self.arm)
        }
        #expect(throws: CatalogRefusal.nameIsListedLabor(name: "更换前下摆臂（单侧）", code: "SUS-01", standardHours: Hours(hundredths: 150),
                                                          order: "RO7", supplement: false)) {
            try shop.record.addLine(labor(), list: list, authorizedBy: nil, current: terms, named: Self.armWork)
        }
        // A customer's own part of that name is not the shop's list item; a part matched to labour is no match.
        #expect(try shop.record.addLine(part(price: 0, class: .customer), list: nil, authorizedBy: nil, current: terms, named: Self.arm)
            .newLines.count == 1)
        #expect(try shop.record.addLine(part(), list: nil, authorizedBy: nil, current: terms, named: Self.armWork).newLines.count == 1)
        // No catalogue name: as before.
        #expect(try shop.record.addLine(part("杂件"), list: nil, authorizedBy: nil, current: terms, named: nil).newLines.count == 1)
    }

    @Test func unlistedSaysItIsAnotherItemAndTheJournalKeepsIt() throws {
        let shop = OrderFixture()
        let change = try shop.record.addLine(part(), list: nil, authorizedBy: nil, current: terms, named: Self.arm, unlisted: true)
        #expect(change.newLines.count == 1)
        #expect(change.detail.contains { $0.0 == "unlisted" && $0.1 == .bool(true) })
        #expect(change.detail.contains { $0.0 == "catalogue_part" && $0.1 == .string("1044331-00-D") })
        let work = try shop.record.addLine(labor(), list: nil, authorizedBy: nil, current: terms, named: Self.armWork, unlisted: true)
        #expect(work.detail.contains { $0.0 == "catalogue_operation" && $0.1 == .string("SUS-01") })
        // Without unlisted= nothing is added to the journal.
        #expect(!(try shop.record.addLine(part("杂件"), list: nil, authorizedBy: nil, current: terms)).detail.contains { $0.0 == "unlisted" })
    }

    /// Level-2 maintenance typed in words kept a 小修 a 小修: refused, its code raises the order.
    @Test func theCategoryPathIsClosedForExactNames() throws {
        let shop = OrderFixture(category: .minor)
        #expect(throws: CatalogRefusal.self) {
            try shop.record.addLine(labor(Self.level2.name, hours: 300), list: nil, authorizedBy: nil, current: terms, implies: nil,
                                    named: Self.level2)
        }
        let coded = OrderLine.labor(number: 0, description: Self.level2.name, hours: Hours(hundredths: 300), rate: Money(fen: 12_000),
                                    operationCode: "MNT-02")
        let raised = try shop.record.addLine(coded, list: nil, authorizedBy: nil, current: terms, implies: .level2, named: nil)
        #expect(raised.order.category == .level2)
    }

    @Test func addedWorkAndARenamedLineGoThroughTheSameGate() throws {
        var shop = OrderFixture()
        try shop.sign()
        #expect(throws: CatalogRefusal.nameIsListedPart(name: "前下摆臂总成（右）", partNumber: "1044331-00-D", listPrice: Money(fen: 115_000),
                                                         order: "RO7", supplement: true)) {
            try shop.record.addSupplement(part(), reason: "松旷", reportedBy: "赵师傅", at: shop.now, list: nil, authorizedBy: nil,
                                          current: terms, named: Self.arm)
        }
        var estimate = OrderFixture()
        estimate.apply(try estimate.record.addLine(labor("检查底盘"), list: nil, authorizedBy: nil, current: terms))
        #expect(throws: CatalogRefusal.self) {
            try estimate.record.changeLine(1, LineEdit(description: "更换前下摆臂（单侧）"), list: nil, authorizedBy: nil, current: terms,
                                           named: Self.armWork)
        }
        #expect(try estimate.record.changeLine(1, LineEdit(hours: Hours(hundredths: 80)), list: nil, authorizedBy: nil, current: terms)
            .changedLines.count == 1)
    }
}
