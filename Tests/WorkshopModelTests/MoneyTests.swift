import Testing
@testable import WorkshopModel

@Suite("Money is exact: integer fen, half-up once per line")
struct MoneyTests {
    @Test("amounts people type are read exactly", arguments: [
        ("120", 12_000), ("85.5", 8_550), ("85.50", 8_550), ("0.01", 1), ("¥120", 12_000), ("120元", 12_000),
        ("￥1234.56", 123_456), ("0", 0), ("1,200", 120_000), ("1,234,567.50", 123_456_750), ("¥1,145.00", 114_500),
    ])
    func parsesAmounts(text: String, fen: Int) {
        #expect(Money.parse(text)?.fen == fen)
    }

    @Test("anything but a plain amount is refused", arguments: ["-5", "1.234", "12abc", "", ".", "1e3", "1,5", "12,34", ",100", "1,2000", "1234,567", "1,200,", "12.3.4", "100000001", " 5"])
    func refusesNonAmounts(text: String) {
        #expect(Money.parse(text) == nil)
    }

    @Test func refusalNamesTheFieldAndAnExample() {
        #expect(throws: InputRefusal.notMoney(field: "price", given: "12abc")) { try Money.parse("12abc", field: "price") }
    }

    @Test func formatsWithAndWithoutGrouping() {
        #expect(Money(fen: 123_456_78).grouped == "123,456.78")
        #expect(Money(fen: 123_456_78).plain == "123456.78")
        #expect(Money(fen: 5).plain == "0.05")
        #expect(Money(fen: -1_050).plain == "-10.50")
        #expect(Money(fen: 100_000).grouped == "1,000.00")
        // Written as bytes from the right: the edges of grouping, sign and dropped zeros.
        #expect(Money(fen: -123_456_789_00).grouped == "-123,456,789.00")
        #expect(Money(fen: 99_999).grouped == "999.99" && Money(fen: 0).grouped == "0.00" && Money(fen: -5).grouped == "-0.05")
        #expect(Money(fen: Int.max).plain == "92233720368547758.07")
        #expect(FixedPoint.format(1_500, scale: 3) == "1.5" && FixedPoint.format(2_000, scale: 3) == "2" && FixedPoint.format(-20, scale: 3) == "-0.02")
    }

    @Test func labourIsHoursTimesRateRoundedHalfUp() throws {
        #expect(LineAmount.labor(hours: try Hours.parse("1.5"), rate: Money(fen: 12_000)).fen == 18_000)
        // 0.33 h × 99.99 = 32.9967 → 33.00
        #expect(LineAmount.labor(hours: try Hours.parse("0.33"), rate: Money(fen: 9_999)).fen == 3_300)
        // 0.05 h × 0.10 = 0.005 → 0.01 (half goes up)
        #expect(LineAmount.labor(hours: try Hours.parse("0.05"), rate: Money(fen: 10)).fen == 1)
    }

    @Test func partsAreQuantityTimesPriceRoundedHalfUp() throws {
        #expect(LineAmount.part(quantity: try Quantity.parse("4.5"), unitPrice: Money(fen: 6_800)).fen == 30_600)
        // 0.333 × 10.01 = 3.33333 → 3.33
        #expect(LineAmount.part(quantity: try Quantity.parse("0.333"), unitPrice: Money(fen: 1_001)).fen == 333)
        // 0.5 × 0.01 = 0.005 → 0.01
        #expect(LineAmount.part(quantity: try Quantity.parse("0.5"), unitPrice: Money(fen: 1)).fen == 1)
    }

    @Test func roundingIsHalfAwayFromZero() {
        #expect(FixedPoint.divideRoundingHalfUp(5, 10) == 1)
        #expect(FixedPoint.divideRoundingHalfUp(4, 10) == 0)
        #expect(FixedPoint.divideRoundingHalfUp(-5, 10) == -1)
        #expect(FixedPoint.divideRoundingHalfUp(15, 10) == 2)
        #expect(FixedPoint.divideRoundingHalfUp(25, 10) == 3)  // not banker's rounding
    }

    @Test("hours and quantities must be positive and bounded", arguments: ["0", "-1", "abc", "1.234", "1001"])
    func refusesBadHours(text: String) {
        #expect(throws: InputRefusal.self) { try Hours.parse(text) }
    }

    @Test func quantityRefusesZeroAndFourDecimals() {
        #expect(throws: InputRefusal.self) { try Quantity.parse("0") }
        #expect(throws: InputRefusal.self) { try Quantity.parse("1.2345") }
        #expect((try? Quantity.parse("1.5"))?.thousandths == 1_500)
    }

    @Test func taxIncludedShowsTheTaxContained() {
        // 590.00 including 13% VAT contains 590 × 13/113 = 67.876… → 67.88
        let total = TaxedTotal(subtotal: Money(fen: 59_000), rate: .chineseVAT, pricesIncludeTax: true)
        #expect(total.gross.fen == 59_000)
        #expect(total.tax.fen == 6_788)
        #expect(total.net.fen == 52_212)
    }

    @Test func taxExcludedIsAdded() {
        let total = TaxedTotal(subtotal: Money(fen: 10_000), rate: .chineseVAT, pricesIncludeTax: false)
        #expect(total.tax.fen == 1_300)
        #expect(total.gross.fen == 11_300)
    }

    @Test func totalsSplitLabourPartsAndOther() throws {
        let lines = [
            OrderLine.labor(number: 1, description: "更换前刹车片", hours: try Hours.parse("1.5"), rate: Money(fen: 12_000)),
            OrderLine.part(number: 2, description: "前刹车片", quantity: Quantity(units: 1), unitPrice: Money(fen: 36_000),
                           partNumber: "BP-1234", brand: "博世", partClass: .equivalent),
            OrderLine.fee(number: 3, description: "诊断费", amount: Money(fen: 5_000)),
        ]
        let totals = Totals(lines: lines, rate: .chineseVAT, pricesIncludeTax: true)
        #expect(totals.labor.fen == 18_000)
        #expect(totals.parts.fen == 36_000)
        #expect(totals.other.fen == 5_000)
        #expect(totals.taxed.gross.fen == 59_000)
    }

    @Test func customerSuppliedPartsCarryNoWarranty() {
        let own = OrderLine.part(number: 1, description: "机油", quantity: Quantity(units: 1), unitPrice: .zero,
                                 partNumber: nil, brand: nil, partClass: .customer)
        let insisted = OrderLine.part(number: 2, description: "刹车片", quantity: Quantity(units: 1), unitPrice: Money(fen: 100),
                                      partNumber: nil, brand: nil, partClass: .equivalent, warranted: false)
        let normal = OrderLine.part(number: 3, description: "刹车片", quantity: Quantity(units: 1), unitPrice: Money(fen: 100),
                                    partNumber: nil, brand: nil, partClass: .oem)
        #expect(own.noWarranty)
        #expect(insisted.noWarranty)
        #expect(!normal.noWarranty)
    }

    @Test func taxRateParses() throws {
        #expect(try TaxRate.parse("13").basisPoints == 1_300)
        #expect(try TaxRate.parse("6.5%").basisPoints == 650)
        #expect(throws: InputRefusal.self) { try TaxRate.parse("101") }
    }
}
