import Testing
@testable import WorkshopModel

@Suite("Order vocabulary")
struct OrderVocabularyTests {
    @Test func threeInspectionsForLevel2AssemblyAndOverhaul() {
        #expect(RepairCategory.level2.requiresThreeInspections)
        #expect(RepairCategory.assembly.requiresThreeInspections)
        #expect(RepairCategory.overhaul.requiresThreeInspections)
        #expect(!RepairCategory.minor.requiresThreeInspections)
        #expect(!RepairCategory.level1.requiresThreeInspections)
    }

    @Test func vocabularyAcceptsChineseAndEnglish() throws {
        #expect(RepairCategory.parse("二级维护") == .level2)
        #expect(RepairCategory.parse("二保") == .level2)
        #expect(RepairCategory.parse("LEVEL2") == .level2)
        #expect(PartClass.parse("原厂件") == .oem)
        #expect(PartClass.parse("副厂件") == .equivalent)
        #expect(FuelLevel.parse("f") == .full)
        #expect(FuelLevel.parse("3/4") == .threeQuarters)
        #expect(throws: InputRefusal.notAccepted(field: "fuel", given: "half", accepted: FuelLevel.entries)) {
            try FuelLevel.parse("half", field: "fuel")
        }
    }
}

@Suite("Time: stored in UTC, read and shown in the shop's zone")
struct TimeTests {
    let zone = ShopZone.shanghai
    let now = ShopZone.shanghai.instant(CivilTime(year: 2026, month: 11, day: 22, hour: 9, minute: 0))

    @Test func shanghaiIsEightHoursAhead() {
        #expect(now.iso8601 == "2026-11-22T01:00:00Z")
        #expect(zone.format(now) == "2026-11-22 09:00")
    }

    @Test("the forms people type", arguments: [
        ("2026-11-22 14:30", "2026-11-22 14:30"), ("2026-11-22T14:30", "2026-11-22 14:30"), ("2026/11/22 14:30", "2026-11-22 14:30"),
        ("2026-11-22", "2026-11-22 00:00"), ("14:30", "2026-11-22 14:30"), ("tomorrow 9:00", "2026-11-23 09:00"),
        ("明天 17:00", "2026-11-23 17:00"), ("后天 8:30", "2026-11-24 08:30"), ("today 18:00", "2026-11-22 18:00"),
        ("2026-12-31 23:59", "2026-12-31 23:59"), ("2028-02-29 10:00", "2028-02-29 10:00"),
    ])
    func parses(text: String, shown: String) throws {
        let instant = try TimeParser.parse(text, zone: zone, now: now, field: "at")
        #expect(zone.format(instant) == shown)
    }

    @Test("impossible dates are refused", arguments: ["2026-02-30 10:00", "2026-13-01", "2026-11-22 25:00", "2026-11-22 10:60", "soon", "tomorrow", "2027-02-29"])
    func refuses(text: String) {
        #expect(throws: InputRefusal.self) { try TimeParser.parse(text, zone: zone, now: now, field: "at") }
    }

    @Test func civilConversionRoundTripsAcrossCenturies() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (y, m, d) = CivilTime.civil(fromDays: days)
            #expect(CivilTime.days(fromCivil: y, m, d) == days)
        }
        #expect(CivilTime(utcSeconds: -1).formatted(seconds: true) == "1969-12-31 23:59:59")
    }

    @Test func otherZonesWork() throws {
        let berlin = try ShopZone(identifier: "Europe/Berlin")
        // Summer time: UTC+2.
        let july = berlin.instant(CivilTime(year: 2026, month: 7, day: 1, hour: 12))
        #expect(july.iso8601 == "2026-07-01T10:00:00Z")
        #expect(throws: InputRefusal.self) { try ShopZone(identifier: "Mars/Olympus") }
    }
}

@Suite("Shop settings")
struct ShopSettingsTests {
    @Test func defaultsAreTheChineseConsumerPractice() {
        let settings = ShopSettings()
        #expect(settings.taxRate.basisPoints == 1_300)
        #expect(settings.pricesIncludeTax)
        #expect(settings.timeZone.identifier == "Asia/Shanghai")
        #expect(settings.currency == "CNY")
    }

    @Test func settingValidatesAndRoundTrips() throws {
        var settings = ShopSettings()
        try settings.set("labor_rate", to: "150.5")
        #expect(settings.value(of: "labor_rate") == "150.50")
        try settings.set("prices_include_tax", to: "no")
        #expect(!settings.pricesIncludeTax)
        #expect(throws: InputRefusal.self) { try settings.set("labor_rate", to: "0") }
        #expect(throws: InputRefusal.self) { try settings.set("discount_limit", to: "150") }
        #expect(throws: InputRefusal.self) { try settings.set("timezone", to: "Nowhere/City") }
        #expect(throws: InputRefusal.self) { try settings.set("colour", to: "red") }
        #expect(throws: InputRefusal.self) { try settings.set("credit_code", to: "123") }
    }
}
