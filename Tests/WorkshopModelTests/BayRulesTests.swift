import Testing
@testable import WorkshopModel

/// The bays on the floor, on hand-worked cases: one car to a bay, bookings' holds, the equipment
/// the work needs, a move, and the bay freed when the car is ready.
@Suite("Bays: holds, equipment, moves")
struct BayRulesTests {
    static let lift = Bay(id: 1, name: "1号工位", equipment: ["lift"])
    static let lift2 = Bay(id: 2, name: "2号工位", equipment: ["lift"])
    static let ev = Bay(id: 3, name: "EV工位", equipment: ["lift", "ev-safe"])
    static let alignment = Bay(id: 4, name: "定位工位", equipment: ["lift", "alignment"])

    /// RO7 (京A12345, promised 17:00) signed; it is 10:10.
    static func signed(category: RepairCategory = .minor) throws -> OrderFixture {
        var shop = OrderFixture(category: category)
        try shop.sign()
        return shop
    }

    /// A1 of another car (vehicle 2) holding 1号工位 13:00–14:30.
    static let bookingAtOne = BayHold(appointmentID: 1, bayID: 1, vehicleID: 2, plate: "粤B2D3E4", orderID: nil,
                                      from: OrderFixture.checkedIn + 4 * 3_600, until: OrderFixture.checkedIn + 5 * 3_600 + 1_800)

    /// A canned high-voltage job on the order: it needs an ev-safe bay.
    static let highVoltageJob = BayRules.equipmentNeeded(booking: nil, jobs: [Job(code: "J-HV", name: "高压系统检查", operations: ["EV-01"],
                                                                                  parts: [], equipment: ["ev-safe"])])

    static func states(holds: [BayHold] = [], occupants: [BayStay] = []) -> [BayState] {
        [lift, lift2, ev, alignment].map { bay in
            BayState(bay: bay, occupant: occupants.first { $0.bayID == bay.id }, holds: holds.filter { $0.bayID == bay.id })
        }
    }

    static func placement(_ bay: Bay, _ states: [BayState], needs: [EquipmentNeed] = [], override: String? = nil) -> BayPlacement {
        BayPlacement(target: states.first { $0.bay.id == bay.id }!, all: states, needs: needs, override: override)
    }

    /// The record after the change, as the store keeps it: the assignment added, the car where the change put it.
    static func applied(_ record: OrderRecord, _ change: OrderChange, bays: [Bay] = [lift, lift2, ev, alignment]) -> OrderRecord {
        var stay = record.bayStay
        switch change.bayMove {
        case .enter(let name, _)?:
            let bay = bays.first { $0.name == name }!
            stay = BayStay(id: 1, bayID: bay.id, bay: bay.name, orderID: change.order.id, plate: record.vehicle.plate.value,
                           since: change.assignment!.at, promisedAt: change.order.promisedAt)
        case .leave?: stay = nil
        case nil: break
        }
        return OrderRecord(order: change.order, vehicle: record.vehicle, customer: record.customer, lines: record.lines, damage: [],
                           belongings: [], documents: [], assignments: record.assignments + (change.assignment.map { [$0] } ?? []),
                           inspections: record.inspections + (change.inspection.map { [$0] } ?? []), supplements: record.supplements,
                           bayStay: stay)
    }

    // MARK: How long a car is counted on in a bay

    @Test func aCarIsExpectedInItsBayUntilItsPromisedTimeAndAtLeastHalfAnHour() {
        let now = OrderFixture.checkedIn
        #expect(BayRules.expectedUntil(promise: now + 8 * 3_600, now: now) == now + 8 * 3_600)
        #expect(BayRules.expectedUntil(promise: Timestamp(seconds: now.seconds - 600), now: now) == now + 1_800, "overdue: still there")
        #expect(BayRules.expectedUntil(promise: now + 600, now: now) == now + 1_800)
        #expect(BayRules.expectedUntil(promise: nil, now: now) == now + 1_800)
    }

    // MARK: What the work needs

    @Test func aNewEnergyVehicleIsKnownByItsPlateOrItsFuel() throws {
        func vehicle(_ plate: String, fuel: String? = nil) throws -> Vehicle {
            Vehicle(id: 1, plate: try Plate(plate), vin: nil, ownerID: 1, fuel: fuel, createdAt: Timestamp(seconds: 0))
        }
        #expect(BayRules.isNewEnergy(try vehicle("粤B·D12345")), "small new-energy plate")
        #expect(BayRules.isNewEnergy(try vehicle("京A12345F")), "large new-energy plate, hybrid")
        for fuel in ["electric", "纯电动", "插电混动", "PHEV", "ev", "Hybrid", "增程式"] {
            #expect(BayRules.isNewEnergy(try vehicle("京A12345", fuel: fuel)), "\(fuel)")
        }
        for fuel in ["汽油", "diesel", "petrol", "CNG"] {
            #expect(!BayRules.isNewEnergy(try vehicle("京A12345", fuel: fuel)), "\(fuel)")
        }
        #expect(!BayRules.isNewEnergy(try vehicle("京A12345")))
    }

    @Test func aCannedJobIsOnTheOrderWhenAllItsLabourIs() {
        let brake = Job(code: "J-BRAKE", name: "刹车", operations: ["BRK-01"], parts: [], equipment: ["lift"])
        let align = Job(code: "J-ALIGN", name: "定位", operations: ["ALN-01", "ALN-02"], parts: [], equipment: ["alignment"])
        let partsOnly = Job(code: "J-OIL", name: "机油", operations: [], parts: [("OIL", Quantity(units: 4))], equipment: ["lift"])
        let lines = [OrderLine.labor(number: 1, description: "刹车", hours: Hours(hundredths: 120), rate: Money(fen: 12_000), operationCode: "brk-01"),
                     OrderLine.labor(number: 2, description: "定位", hours: Hours(hundredths: 100), rate: Money(fen: 12_000), operationCode: "ALN-01")]
        #expect(BayRules.jobsOn(lines, among: [brake, align, partsOnly]).map(\.code) == ["J-BRAKE"], "ALN-02 is missing; parts alone say nothing")
    }

    @Test func theNeedsComeFromTheBookingAndTheJobsEachWithItsReasons() throws {
        let booking = Appointment(id: 12, vehicleID: 1, at: OrderFixture.checkedIn, duration: 90, complaint: "", jobs: ["J-HV"],
                                  equipment: ["lift", "ev-safe"], bayID: nil, status: .arrived, orderID: 7, estimate: Money(fen: 0),
                                  createdAt: OrderFixture.checkedIn, createdBy: "王芳")
        let align = Job(code: "J-ALIGN", name: "定位", operations: ["ALN-01"], parts: [], equipment: ["alignment", "lift"])
        let needs = BayRules.equipmentNeeded(booking: booking, jobs: [align])
        #expect(needs == [
            EquipmentNeed(Equipment(code: "lift"), [.booking(reference: "A12"), .job(code: "J-ALIGN")]),
            EquipmentNeed(Equipment(code: "ev-safe"), [.booking(reference: "A12")]),
            EquipmentNeed(Equipment(code: "alignment"), [.job(code: "J-ALIGN")]),
        ])
        #expect(BayRules.missing(needs, in: Self.ev).map(\.equipment.code) == ["alignment"])
        #expect(BayRules.missing(needs, in: Self.lift).map(\.equipment.code) == ["ev-safe", "alignment"])
        #expect(BayRules.equipmentNeeded(booking: nil, jobs: []).isEmpty, "a walk-in with no canned job needs nothing in particular")
    }

    @Test func aNewEnergyVehicleInABayWithoutEVSafetyIsARemindingNotARefusal() throws {
        let car = Vehicle(id: 1, plate: try Plate("粤B·D12345"), vin: nil, ownerID: 1, createdAt: Timestamp(seconds: 0))
        #expect(BayRules.shouldRemindEVSafe(car, bay: Self.lift))
        #expect(!BayRules.shouldRemindEVSafe(car, bay: Self.ev))
        let petrol = Vehicle(id: 2, plate: try Plate("京A12345"), vin: nil, ownerID: 1, createdAt: Timestamp(seconds: 0))
        #expect(!BayRules.shouldRemindEVSafe(petrol, bay: Self.lift))
    }

    // MARK: Holds

    @Test func aHoldClashesWhenItOverlapsTheTimeTheCarIsExpectedThereAndIsAnotherCars() throws {
        let order = try Self.signed().record.order
        let hold = Self.bookingAtOne
        let now = OrderFixture.checkedIn + 3_600
        #expect(BayRules.clashingHolds([hold], from: now, until: now + 3 * 3_600, order: order).isEmpty, "10:00–13:00 ends as it starts")
        #expect(BayRules.clashingHolds([hold], from: now, until: now + 3 * 3_600 + 60, order: order) == [hold])
        #expect(BayRules.clashingHolds([hold], from: hold.until, until: hold.until + 3_600, order: order).isEmpty, "after it")
        var own = hold
        own.vehicleID = order.vehicleID
        #expect(BayRules.clashingHolds([own], from: now, until: now + 8 * 3_600, order: order).isEmpty, "this car's own booking")
        own.vehicleID = 9
        own.orderID = order.id
        #expect(BayRules.clashingHolds([own], from: now, until: now + 8 * 3_600, order: order).isEmpty, "the booking this order came from")
    }

    @Test func aBayHeldForABookingIsRefusedNamingTheBookingAndTheFreeBays() throws {
        var shop = try Self.signed()
        let states = Self.states(holds: [Self.bookingAtOne])
        #expect(throws: BayRefusal.heldForBooking(bay: "1号工位", order: "RO7", until: shop.record.order.promisedAt!, holds: [Self.bookingAtOne],
                                                  lacking: [], free: ["2号工位", "EV工位", "定位工位"])) {
            try shop.record.dispatch(group: "一组", technician: nil, bay: Self.placement(Self.lift, states), by: "钱主管", at: shop.now)
        }
        // Promised before the booking starts: the bay is free for it.
        shop.apply(try shop.record.promise(OrderFixture.checkedIn + 4 * 3_600, now: shop.now))
        let change = try shop.record.dispatch(group: "一组", technician: nil, bay: Self.placement(Self.lift, states), by: "钱主管", at: shop.now)
        #expect(change.bayMove == .enter(bay: "1号工位", leaving: nil))
        #expect(change.overriddenHolds.isEmpty)
    }

    @Test func aBayWithoutTheEquipmentIsRefusedNamingWhatIsMissingAndTheBaysThatHaveIt() throws {
        let shop = try Self.signed()
        let needs = Self.highVoltageJob
        let states = Self.states()
        #expect(throws: BayRefusal.lacksEquipment(bay: "2号工位", order: "RO7", missing: needs, withIt: ["EV工位"], free: ["EV工位"])) {
            try shop.record.dispatch(group: "一组", technician: nil, bay: Self.placement(Self.lift2, states, needs: needs), by: "钱主管", at: shop.now)
        }
        #expect(try shop.record.dispatch(group: "一组", technician: nil, bay: Self.placement(Self.ev, states, needs: needs),
                                         by: "钱主管", at: shop.now).bayMove == .enter(bay: "EV工位", leaving: nil))
    }

    @Test func aHeldBayThatAlsoLacksEquipmentSaysBoth() throws {
        let shop = try Self.signed()
        let needs = Self.highVoltageJob
        let states = Self.states(holds: [Self.bookingAtOne])
        #expect(throws: BayRefusal.heldForBooking(bay: "1号工位", order: "RO7", until: shop.record.order.promisedAt!, holds: [Self.bookingAtOne],
                                                  lacking: needs, free: ["EV工位"])) {
            try shop.record.dispatch(group: "一组", technician: nil, bay: Self.placement(Self.lift, states, needs: needs), by: "钱主管", at: shop.now)
        }
    }

    @Test func anOverrideWithItsReasonPutsTheCarThereAndSaysWhatWasOverridden() throws {
        let shop = try Self.signed()
        let needs = Self.highVoltageJob
        let states = Self.states(holds: [Self.bookingAtOne])
        let change = try shop.record.dispatch(group: "一组", technician: nil,
                                              bay: Self.placement(Self.lift, states, needs: needs, override: "A1 改到下午"), by: "钱主管", at: shop.now)
        #expect(change.bayMove == .enter(bay: "1号工位", leaving: nil))
        #expect(change.overriddenHolds == [Self.bookingAtOne])
        #expect(change.overriddenEquipment == needs)
        let detail = Dictionary(uniqueKeysWithValues: change.detail.map { ($0.0, $0.1) })
        #expect(detail["override"] == .string("A1 改到下午"))
        #expect(detail["overridden_holds"] == .array([.string("A1")]))
        #expect(detail["overridden_equipment"] == .array([.string("ev-safe")]))
    }

    @Test func aCarInTheBayIsNeverOverridden() throws {
        let shop = try Self.signed()
        let other = BayStay(id: 3, bayID: 1, bay: "1号工位", orderID: 5, plate: "粤B8K3M2", since: OrderFixture.checkedIn,
                            promisedAt: OrderFixture.checkedIn + 3 * 3_600)
        let states = Self.states(occupants: [other])
        #expect(throws: BayRefusal.occupied(bay: "1号工位", order: "RO5", plate: "粤B8K3M2", since: OrderFixture.checkedIn,
                                            until: other.promisedAt, free: ["2号工位", "EV工位", "定位工位"])) {
            try shop.record.dispatch(group: "一组", technician: nil, bay: Self.placement(Self.lift, states, override: "急"), by: "钱主管", at: shop.now)
        }
    }

    // MARK: Moves

    @Test func dispatchingAgainWithABayMovesTheCarAndAnotherGroupSplitsTheWork() throws {
        var shop = try Self.signed()
        var record = shop.record
        let first = try record.dispatch(group: "一组", technician: "赵师傅", bay: Self.placement(Self.lift, Self.states()), by: "钱主管", at: shop.now)
        #expect(first.action == .orderDispatch && first.order.status == .inWork)
        record = Self.applied(record, first)
        let inOne = try #require(record.bayStay)
        #expect(inOne.bay == "1号工位")
        // The car in 1号工位 is this one: dispatching it there again checks nothing and moves nothing.
        let states = Self.states(holds: [Self.bookingAtOne], occupants: [inOne])
        let again = try record.dispatch(group: "一组", technician: "李师傅", bay: Self.placement(Self.lift, states), by: "钱主管", at: shop.now)
        #expect(again.bayMove == nil && again.action == .orderDispatch)
        // The same group, another bay: a move out of 1号工位.
        let move = try record.dispatch(group: "一组", technician: nil, bay: Self.placement(Self.lift2, states), by: "钱主管", at: shop.now)
        #expect(move.action == .orderBayMove)
        #expect(move.bayMove == .enter(bay: "2号工位", leaving: inOne))
        #expect(move.detail.contains { $0.0 == "from_bay" && $0.1 == .string("1号工位") })
        record = Self.applied(record, move)
        // Another group, no bay: the work is split, the car stays where it is.
        let split = try record.dispatch(group: "钣喷组", technician: nil, bay: nil, by: "钱主管", at: shop.now)
        #expect(split.action == .orderDispatchSplit && split.bayMove == nil)
    }

    @Test func bayFreeTakesTheCarOutOfItsBayAndOnlyThatBay() throws {
        let shop = try Self.signed()
        let record = Self.applied(shop.record, try shop.record.dispatch(group: "一组", technician: nil, bay: Self.placement(Self.lift, Self.states()),
                                                                        by: "钱主管", at: shop.now))
        #expect(throws: BayRefusal.notOccupied(bay: "2号工位")) { try record.leaveBay(Self.lift2) }
        let freed = try record.leaveBay(Self.lift)
        #expect(freed.bayMove == .leave(record.bayStay!, .freed))
        #expect(freed.order.status == .inWork, "the order stays in work")
        #expect(freed.action == .orderBayFree)
    }

    // MARK: When the car leaves its bay

    @Test func aCarReadyForHandBackLeavesItsBayAndOneWaitingForItsFinalInspectionKeepsIt() throws {
        for category in [RepairCategory.minor, .level2] {
            let shop = try Self.signed(category: category)
            var record = Self.applied(shop.record, try shop.record.dispatch(group: "一组", technician: nil, bay: Self.placement(Self.lift, Self.states()),
                                                                            by: "钱主管", at: shop.now))
            if category.requiresThreeInspections {
                record = Self.applied(record, try record.inspect(.pre, .pass, inspector: "孙检", items: [], note: nil, certificate: nil, at: shop.now))
                record = Self.applied(record, try record.inspect(.process, .pass, inspector: "孙检", items: [], note: nil, certificate: nil, at: shop.now))
            }
            let stay = try #require(record.bayStay)
            let completed = try record.complete(at: shop.now)
            if category == .minor {
                #expect(completed.order.status == .ready)
                #expect(completed.bayMove == .leave(stay, .ready), "ready: the bay takes the next car")
                continue
            }
            #expect(completed.order.status == .completed)
            #expect(completed.bayMove == nil, "inspected in its bay, and reworked there if it fails")
            record = Self.applied(record, completed)
            let failed = try record.inspect(.final, .fail, inspector: "孙检", items: [InspectionItem(code: "brakes", name: "制动", result: .fail)],
                                            note: nil, certificate: nil, at: shop.now)
            #expect(failed.bayMove == nil)
            let passed = try record.inspect(.final, .pass, inspector: "孙检", items: [InspectionItem(code: "brakes", name: "制动", result: .pass)],
                                            note: nil, certificate: "2026-00001", at: shop.now)
            #expect(passed.bayMove == .leave(stay, .ready))
        }
    }
}
