import Testing
@testable import WorkshopModel

/// Checklist items that measure something (brake force, emissions, side slip…): the value the
/// inspector writes decides the item against the limits the checklist gives, and is kept with them.
@Suite("Measured inspection items")
struct MeasuredInspectionTests {
    static let brakeForce = ChecklistItem(stage: .final, code: "brake-force", name: "整车制动率",
                                          quantity: try! MeasuredQuantity(unit: "%", minimum: Measure(thousandths: 60_000)))
    static let sideSlip = ChecklistItem(stage: .final, code: "side-slip", name: "前轮侧滑量",
                                        quantity: try! MeasuredQuantity(unit: "m/km", minimum: Measure(thousandths: -5_000),
                                                                        maximum: Measure(thousandths: 5_000)))
    static let co = ChecklistItem(stage: .final, code: "co", name: "怠速CO",
                                  quantity: try! MeasuredQuantity(unit: "%", maximum: Measure(thousandths: 600)))
    static let toe = ChecklistItem(stage: .final, code: "toe", name: "前束", quantity: try! MeasuredQuantity(unit: "mm"))
    static let brakes = ChecklistItem(stage: .final, code: "brakes", name: "制动性能")

    @Test("values read exactly, negative too", arguments: [
        ("72", 72_000), ("0.6", 600), ("-5", -5_000), ("+2.10", 2_100), ("−0.15", -150), ("0", 0), ("18500", 18_500_000),
    ])
    func parsesValues(text: String, thousandths: Int) {
        #expect(Measure.parse(text)?.thousandths == thousandths)
    }

    @Test("anything else is not a value", arguments: ["", "-", "abc", "1.2345", "1e3", "1,2", "--5", "5-", " 5", "72%"])
    func refusesNonValues(text: String) {
        #expect(Measure.parse(text) == nil)
    }

    @Test("inside the limits passes, outside fails; the limits themselves pass", arguments: [
        ("60", InspectionResult.pass), ("59.999", .fail), ("72", .pass), ("72%", .pass), ("72 %", .pass), ("100", .pass), ("0", .fail),
    ])
    func brakeForceByItsMinimum(text: String, result: InspectionResult) throws {
        let item = try Self.brakeForce.answer(text)
        #expect(item.result == result, "\(text)")
        #expect(item.value != nil)
        #expect(item.quantity == Self.brakeForce.quantity, "the limits judged against are kept with the value")
    }

    @Test func aRangeIncludesBothEnds() throws {
        #expect(try Self.sideSlip.answer("-5").result == .pass)
        #expect(try Self.sideSlip.answer("5 m/km").result == .pass)
        #expect(try Self.sideSlip.answer("-5.001").result == .fail)
        #expect(try Self.sideSlip.answer("5.001").result == .fail)
        #expect(try Self.co.answer("0.61").result == .fail)
        #expect(try Self.co.answer("0.6%").result == .pass)
        // Without limits a reading is recorded, and decides nothing against the item.
        #expect(try Self.toe.answer("-1.5").result == .pass)
        #expect(try Self.toe.answer("-1.5").readingText == "-1.5 mm")
    }

    @Test func aMeasuredItemPassesOnlyByItsValue() throws {
        #expect(throws: InspectionRefusal.readingNeeded(item: "整车制动率", code: "brake-force", unit: "%")) {
            try Self.brakeForce.answer("pass")
        }
        #expect(throws: InspectionRefusal.notAReading(item: "整车制动率", code: "brake-force", given: "72kg", unit: "%")) {
            try Self.brakeForce.answer("72kg")
        }
        // Could not be measured, or does not apply: said so, without a value.
        let failed = try Self.brakeForce.answer("fail")
        #expect(failed.result == .fail && failed.value == nil && failed.quantity != nil)
        #expect(try Self.co.answer("na").result == .notApplicable)
        // rest= never stands for a measurement.
        #expect(Self.brakeForce.unnamed(rest: .pass).result == .notChecked)
        #expect(Self.brakes.unnamed(rest: .pass).result == .pass)
        #expect(Self.brakes.unnamed(rest: nil).result == .notChecked)
    }

    @Test func anItemJudgedByEyeTakesNoNumber() throws {
        #expect(throws: InspectionRefusal.notMeasured(item: "制动性能", code: "brakes", given: "72")) { try Self.brakes.answer("72") }
        #expect(try Self.brakes.answer("ok").result == .pass)
        #expect(try Self.brakes.answer("ok").quantity == nil)
    }

    @Test func limitsMustBeInOrder() {
        #expect(throws: InspectionRefusal.limitsReversed(minimum: "5", maximum: "2")) {
            try MeasuredQuantity(unit: "%", minimum: Measure(thousandths: 5_000), maximum: Measure(thousandths: 2_000))
        }
        #expect((try? MeasuredQuantity(unit: "%", minimum: Measure(thousandths: 2_000), maximum: Measure(thousandths: 2_000))) != nil)
    }

    @Test func limitsAreWrittenAsFormsWriteThem() {
        #expect(Self.brakeForce.quantity!.limitText(.zh) == "≥ 60%")
        #expect(Self.brakeForce.quantity!.limitText(.en) == "min. 60%")
        #expect(Self.co.quantity!.limitText(.zh) == "≤ 0.6%")
        #expect(Self.sideSlip.quantity!.limitText(.zh) == "-5 ~ 5 m/km")
        #expect(Self.sideSlip.quantity!.limitText(.en) == "-5 to 5 m/km")
        #expect(Self.toe.quantity!.limitText(.zh) == "—")
    }

    // MARK: The inspection

    static func readings(_ texts: [(ChecklistItem, String?)], rest: InspectionResult? = .pass) throws -> [InspectionItem] {
        try texts.map { item, text in try text.map(item.answer) ?? item.unnamed(rest: rest) }
    }

    @Test func aPassNeedsEveryMeasuredValueWithinItsLimits() throws {
        var shop = OrderFixture()
        try shop.workDone()
        let missing = try Self.readings([(Self.brakes, nil), (Self.brakeForce, nil), (Self.co, "0.3")])
        #expect(throws: InspectionRefusal.passWithoutReadings(stage: .final, items: [ChecklistEntry(code: "brake-force", name: "整车制动率")])) {
            try shop.record.inspect(.final, .pass, inspector: "孙检", items: missing, note: nil, certificate: "C", at: shop.now)
        }
        let low = try Self.readings([(Self.brakes, nil), (Self.brakeForce, "55"), (Self.co, "0.3")])
        #expect(throws: InspectionRefusal.readingOutsideLimits(item: "整车制动率", code: "brake-force", value: Measure(thousandths: 55_000),
                                                              quantity: Self.brakeForce.quantity!)) {
            try shop.record.inspect(.final, .pass, inspector: "孙检", items: low, note: nil, certificate: "C", at: shop.now)
        }
        // The fail is recorded with the value that failed, and the journal keeps every value read.
        let failed = try shop.record.inspect(.final, .fail, inspector: "孙检", items: low, note: nil, certificate: nil, at: shop.now)
        #expect(failed.inspection?.items[1].value == Measure(thousandths: 55_000))
        #expect(failed.detail.contains { $0.0 == "readings" && $0.1 == .object([("brake-force", .string("55")), ("co", .string("0.3"))]) })
        shop.apply(failed)
        shop.apply(try shop.record.complete(at: shop.now))
        let good = try Self.readings([(Self.brakes, nil), (Self.brakeForce, "72.5"), (Self.co, "na")])
        let passed = try shop.record.inspect(.final, .pass, inspector: "孙检", items: good, note: nil, certificate: "C", at: shop.now)
        #expect(passed.inspection?.items.map(\.result) == [.pass, .pass, .notApplicable])
        #expect(passed.inspection?.items[1].readingText == "72.5%")
    }
}
