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
        // As a gauge is read out at a Chinese desk.
        #expect(FuelLevel.parse("半箱") == .half)
        #expect(FuelLevel.parse("满箱") == .full)
        #expect(FuelLevel.parse("四分之一") == .quarter)
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

@Suite("Odometer: never back, never implausibly far on without a confirmation")
struct OdometerTests {
    static let day = 86_400
    static let monday = Timestamp(seconds: 1_795_309_200)   // 2026-11-22 09:00, Shanghai
    static let vehicle = Vehicle(id: 1, plate: try! Plate("粤B8K3M2"), vin: nil, ownerID: 1, odometer: 98_700, createdAt: Timestamp(seconds: 0))
    static let owner = Customer(id: 1, name: "王强", phone: "13688889999", createdAt: Timestamp(seconds: 0))

    static func checkIn(_ km: Int, order: Int, at: Timestamp) -> OdometerReading { OdometerReading(km: km, at: at, source: .checkIn(order: order)) }

    @Test func moreThan2000KmADaySinceTheLastReadingNeedsAConfirmation() throws {
        let last = Self.checkIn(98_700, order: 1, at: Self.monday)
        let fourDaysOn = Self.monday + 4 * Self.day
        #expect(OdometerRule.plausibleLimit(after: last, at: fourDaysOn) == 106_700)
        #expect(OdometerRule.confirmationNeeded(reading: 106_700, after: last, at: fourDaysOn) == nil)
        // The same day counts as one: a long drive of 2,000 km is plausible, 2,001 is not.
        #expect(OdometerRule.confirmationNeeded(reading: 100_700, after: last, at: Self.monday + 3_600) == nil)
        #expect(OdometerRule.confirmationNeeded(reading: 100_701, after: last, at: Self.monday + 3_600)?.limit == 100_700)
        // A day begun counts: 4 days and an hour on allows 5 days.
        #expect(OdometerRule.plausibleLimit(after: last, at: fourDaysOn + 3_600) == 108_700)
        #expect(throws: OrderRefusal.odometerImplausible(reading: 987_000, plate: "粤B8K3M2", last: 98_700, lastAt: Self.monday, days: 4, limit: 106_700)) {
            try OdometerRule.checkPlausible(reading: 987_000, plate: "粤B8K3M2", after: last, at: fourDaysOn, confirmed: false)
        }
        let confirmed = try OdometerRule.checkPlausible(reading: 987_000, plate: "粤B8K3M2", after: last, at: fourDaysOn, confirmed: true)
        #expect(confirmed?.limit == 106_700 && confirmed?.days == 4 && confirmed?.last == last)
        // A vehicle never read before may show anything.
        #expect(try OdometerRule.checkPlausible(reading: 987_000, plate: "粤B8K3M2", after: nil, at: fourDaysOn, confirmed: false) == nil)
    }

    @Test func checkInAsksForTheConfirmation() throws {
        let last = Self.checkIn(98_700, order: 1, at: Self.monday)
        let at = Self.monday + 4 * Self.day
        #expect(throws: OrderRefusal.odometerImplausible(reading: 987_000, plate: "粤B8K3M2", last: 98_700, lastAt: Self.monday, days: 4, limit: 106_700)) {
            try RepairOrder.checkIn(CheckInFacts(odometer: 987_000, fuel: .half, complaint: "异响"), vehicle: Self.vehicle, owner: Self.owner,
                                    openOrder: nil, comeback: nil, advisor: "王芳", at: at, lastReading: last)
        }
        let order = try RepairOrder.checkIn(CheckInFacts(odometer: 987_000, fuel: .half, complaint: "异响", confirmOdometer: true), vehicle: Self.vehicle,
                                            owner: Self.owner, openOrder: nil, comeback: nil, advisor: "王芳", at: at, lastReading: last)
        #expect(order.odometerIn == 987_000)
        _ = try RepairOrder.checkIn(CheckInFacts(odometer: 99_100, fuel: .half, complaint: "异响"), vehicle: Self.vehicle, owner: Self.owner,
                                    openOrder: nil, comeback: nil, advisor: "王芳", at: at, lastReading: last)
    }

    @Test func aCorrectionReplacesEveryReadingBeforeIt() {
        let history = OdometerHistory([
            Self.checkIn(98_700, order: 1, at: Self.monday),
            OdometerReading(km: 98_750, at: Self.monday + Self.day, source: .release(order: 1)),
            Self.checkIn(987_000, order: 2, at: Self.monday + 4 * Self.day),                                // confirmed, and wrong
            OdometerReading(km: 99_200, at: Self.monday + 4 * Self.day + 600, source: .correction),
            Self.checkIn(99_900, order: 3, at: Self.monday + 9 * Self.day),
        ])
        #expect(history.standing(at: Self.monday + 4 * Self.day)?.km == 987_000)
        #expect(history.standing(at: Self.monday + 5 * Self.day) == OdometerReading(km: 99_200, at: Self.monday + 4 * Self.day + 600, source: .correction))
        #expect(history.standing(at: Self.monday + 10 * Self.day)?.km == 99_900)
        // Correcting order 2's own reading: what stood before it, without it.
        #expect(history.standing(at: Self.monday + 4 * Self.day, excluding: 2)?.km == 98_750)
        // The release restated the reading a day later: the car was seen at it then.
        #expect(history.standing(at: Self.monday + 2 * Self.day)?.at == Self.monday + Self.day)
        #expect(OdometerHistory([]).standing(at: Self.monday) == nil)
    }

    @Test func theCheckInReadingIsCorrectedAgainstTheOneBeforeItAsOfThen() throws {
        var shop = OrderFixture()
        let before = Self.checkIn(45_000, order: 3, at: OrderFixture.checkedIn + (-2 * Self.day))
        // Checked in two days after 45,000: up to 49,000 is plausible then, however late the correction.
        shop.now = OrderFixture.checkedIn + 30 * Self.day
        #expect(throws: OrderRefusal.odometerImplausible(reading: 60_000, plate: "京A12345", last: 45_000, lastAt: before.at, days: 2, limit: 49_000)) {
            try shop.record.correct(ReceptionFacts(odometer: 60_000), odometerBefore: before)
        }
        #expect(throws: OrderRefusal.odometerBelowEarlierOrder(reading: 44_000, earlier: 45_000)) {
            try shop.record.correct(ReceptionFacts(odometer: 44_000), odometerBefore: before)
        }
        let change = try shop.record.correct(ReceptionFacts(odometer: 60_000, confirmOdometer: true), odometerBefore: before)
        #expect(change.order.odometerIn == 60_000)
        #expect(change.detail.contains { $0.0 == "odometer_confirmed" })
    }

    @Test func theReleaseReadingIsComparedWithTheStandingOne() throws {
        var shop = OrderFixture()
        try shop.workDone()
        let checkIn = Self.checkIn(45_210, order: 7, at: OrderFixture.checkedIn)
        let corrected = OdometerReading(km: 45_100, at: OrderFixture.checkedIn + 600, source: .correction)
        func blockers(_ given: Int?, _ standing: OdometerReading, confirmed: Bool = false) -> [ReleaseBlocker] {
            let settlement = shop.record.settlement(payments: [Payment(amount: shop.record.settlement(payments: [], current: OrderFixture.terms).total,
                                                                       method: .cash, at: shop.now, by: "周静")], current: OrderFixture.terms)
            return Gate.releaseBlockers(shop.record, settlement: settlement, odometer: OdometerAtRelease(given: given, standing: standing, confirmed: confirmed),
                                        at: shop.now, oldParts: .returned)
        }
        #expect(blockers(45_200, checkIn) == [.odometerBelowCheckIn(given: 45_200, checkIn: 45_210)])
        // Checked in wrong, corrected on record since: the corrected reading is the floor.
        #expect(blockers(45_150, corrected) == [])
        #expect(blockers(45_050, corrected) == [.odometerBelowCorrected(given: 45_050, corrected: 45_100)])
        #expect(blockers(145_000, checkIn) == [.odometerImplausible(given: 145_000, last: 45_210, lastAt: OrderFixture.checkedIn, limit: 47_210)])
        #expect(blockers(145_000, checkIn, confirmed: true) == [])
        #expect(blockers(nil, corrected) == [])
    }
}

@Suite("A job's parts list, as typed")
struct JobPartsListTests {
    @Test func partsAndQuantitiesAreRead() throws {
        let parts = try Job.parseParts("BP-1234:2,w712/94")
        #expect(parts.map(\.partNumber) == ["BP-1234", "W712/94"])
        #expect(parts.map(\.quantity) == [Quantity(units: 2), Quantity(units: 1)])
    }

    /// Found by the fuzzer: a piece that is only a colon once read past the end of its pieces.
    @Test(arguments: [":", ":2", "BP-1234,:3", " :1"])
    func aPieceWithoutAPartNumberIsRefused(text: String) {
        #expect(throws: InputRefusal.notPartsList(given: text)) { try Job.parseParts(text) }
    }
}
