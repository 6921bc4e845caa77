import Testing
@testable import WorkshopModel

/// Reminders' due dates worked by hand — kilometres or months, whichever first, from the car's
/// average daily distance — the window of the due list, and every refusal.
@Suite struct ReminderTests {
    let now = Timestamp(seconds: 1_795_000_000)
    let every = ServiceInterval(km: 5_000, months: 6)

    func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    func car(id: Int = 1) throws -> Vehicle { Vehicle(id: id, plate: try Plate("京A12345"), vin: nil, ownerID: 1, odometer: 40_000, createdAt: now) }

    /// 40,000 km on 2026-06-01, the first reading 90 days before at 35,500: 4,500 km in 90 days is
    /// 50 km a day. 45,000 km is 5,000 km on: 100 days, 2026-09-09 — before the six months'
    /// 2026-12-01, so the kilometres decide.
    @Test func fiftyKilometresADayReachTheKilometresFirst() throws {
        let distance = try #require(DailyDistance.from([(day("2026-03-03"), 35_500), (day("2026-06-01"), 40_000)]))
        #expect(distance == DailyDistance(km: 4_500, days: 90))
        #expect(distance.perDay == 50)
        let due = try #require(MaintenanceDue.compute(interval: every, lastService: day("2026-06-01"), lastKm: 40_000,
                                                      latest: (day("2026-06-01"), 40_000), distance: distance))
        #expect(due.dueKm == 45_000)
        #expect(due.byKm == day("2026-09-09"))
        #expect(day("2026-09-09") - day("2026-06-01") == 100)
        #expect(due.byDate == day("2026-12-01"))
        #expect(due.due == day("2026-09-09"))
        #expect(due.reason == .km)
    }

    /// The same service at 20 km a day (1,800 km in 90 days): 5,000 km take 250 days, 2027-02-06;
    /// the six months' 2026-12-01 comes first.
    @Test func twentyKilometresADayLetTheDateWin() throws {
        let distance = try #require(DailyDistance.from([(day("2026-03-03"), 38_200), (day("2026-06-01"), 40_000)]))
        #expect(distance.perDay == 20)
        let due = try #require(MaintenanceDue.compute(interval: every, lastService: day("2026-06-01"), lastKm: 40_000,
                                                      latest: (day("2026-06-01"), 40_000), distance: distance))
        #expect(due.byKm == day("2027-02-06"))
        #expect(due.due == day("2026-12-01"))
        #expect(due.reason == .date)
    }

    /// One reading (or two on one day) gives no daily distance: the date alone counts, and the
    /// kilometre bound is kept to say so.
    @Test func oneReadingOnlyLeavesTheDate() throws {
        #expect(DailyDistance.from([(day("2026-06-01"), 40_000)]) == nil)
        #expect(DailyDistance.from([(day("2026-06-01"), 39_000), (day("2026-06-01"), 40_000)]) == nil)
        #expect(DailyDistance.from([]) == nil)
        let due = try #require(MaintenanceDue.compute(interval: every, lastService: day("2026-06-01"), lastKm: 40_000,
                                                      latest: (day("2026-06-01"), 40_000), distance: nil))
        #expect(due.due == day("2026-12-01"))
        #expect(due.byKm == nil)
        #expect(due.dueKm == 45_000)
        #expect(due.reason == .date)
        // Kilometres alone and no estimate: nothing gives a date.
        #expect(MaintenanceDue.compute(interval: ServiceInterval(km: 5_000), lastService: day("2026-06-01"), lastKm: 40_000,
                                       latest: nil, distance: nil) == nil)
    }

    /// A later reading moves the estimate: from 42,000 km on 2026-07-01 at 50 km a day, 3,000 km
    /// more take 60 days — 2026-08-30.
    @Test func theEstimateRunsFromTheLatestReading() throws {
        let distance = DailyDistance(km: 4_500, days: 90)
        let due = try #require(MaintenanceDue.compute(interval: every, lastService: day("2026-06-01"), lastKm: 40_000,
                                                      latest: (day("2026-07-01"), 42_000), distance: distance))
        #expect(due.byKm == day("2026-08-30"))
        // Past the kilometres already: a day before the reading, overdue.
        let past = try #require(MaintenanceDue.compute(interval: every, lastService: day("2026-06-01"), lastKm: 40_000,
                                                       latest: (day("2026-10-01"), 46_000), distance: distance))
        #expect(past.byKm == day("2026-09-11"))
    }

    /// Every 6 months from the last day of August is the last day of February; a month's day that
    /// exists stays; across a leap year.
    @Test func monthsEndAtTheMonthsLastDay() throws {
        #expect(day("2026-08-31").adding(months: 6) == day("2027-02-28"))
        #expect(day("2027-08-31").adding(months: 6) == day("2028-02-29"))
        #expect(day("2026-06-01").adding(months: 6) == day("2026-12-01"))
        #expect(day("2026-11-30").adding(months: 3) == day("2027-02-28"))
        #expect(day("2026-01-31").adding(months: 1) == day("2026-02-28"))
        #expect(day("2026-12-15").adding(months: 12) == day("2027-12-15"))
        let due = try #require(MaintenanceDue.compute(interval: ServiceInterval(months: 6), lastService: day("2026-08-31"), lastKm: 40_000,
                                                      latest: nil, distance: nil))
        #expect(due.due == day("2027-02-28"))
    }

    /// Due by the window's last day, that day included; overdue ones too; closed ones never.
    @Test func theWindowTakesInItsLastDayAndWhatIsOverdue() throws {
        let today = day("2026-11-22")
        let lastDay = ReminderWindow.days(14).lastDay(from: today)
        #expect(lastDay == day("2026-12-06"))
        func reminder(_ due: String) -> Reminder {
            Reminder(id: 1, vehicleID: 1, kind: .inspection, origin: .set, dueDate: day(due), dueOn: day(due), createdAt: now, createdBy: "王芳")
        }
        #expect(reminder("2026-12-06").isDue(by: lastDay))
        #expect(!reminder("2026-12-07").isDue(by: lastDay))
        #expect(reminder("2026-11-22").isDue(by: lastDay))
        #expect(reminder("2026-01-01").isDue(by: lastDay), "overdue")
        let closed = try reminder("2026-11-30").closing(.cleared, by: "王芳", at: now)
        #expect(!closed.isDue(by: lastDay))
        #expect(ReminderWindow.days(0).lastDay(from: today) == today)
        #expect(ReminderWindow.months(1).lastDay(from: day("2026-01-31")) == day("2026-02-28"))
    }

    @Test func intervalsAndWindowsAreReadAsPeopleWriteThem() throws {
        #expect(try ServiceInterval.parse("5000km|6months") == every)
        #expect(try ServiceInterval.parse("6months|5000km") == every)
        #expect(try ServiceInterval.parse("5000公里|6个月") == every)
        #expect(try ServiceInterval.parse("5000公里或6个月") == every)
        #expect(try ServiceInterval.parse("1万公里") == ServiceInterval(km: 10_000))
        #expect(try ServiceInterval.parse("1年") == ServiceInterval(months: 12))
        #expect(try ServiceInterval.parse("6 months") == ServiceInterval(months: 6))
        #expect(every.code == "5000km|6months")
        #expect(every.label(.zh) == "每5,000公里或6个月（以先到者为准）")
        #expect(every.label(.en) == "every 5,000 km or 6 months, whichever first")
        for bad in ["5000", "0km", "5000km|6000km", "abc", "10days", "61months", "", "6months|1年"] {
            #expect(throws: ReminderRefusal.badInterval(given: bad)) { try ServiceInterval.parse(bad) }
        }
        #expect(try ReminderWindow.parse("14days") == .days(14))
        #expect(try ReminderWindow.parse("14天") == .days(14))
        #expect(try ReminderWindow.parse("2周") == .days(14))
        #expect(try ReminderWindow.parse("30") == .days(30))
        #expect(try ReminderWindow.parse("1个月") == .months(1))
        for bad in ["abc", "400days", "5000km", "13months"] {
            #expect(throws: ReminderRefusal.badWindow(given: bad)) { try ReminderWindow.parse(bad) }
        }
    }

    func facts(latest: (CalendarDay, Int)? = nil, distance: DailyDistance? = nil, readings: Int = 2,
               lastMaintenance: (CalendarDay, Int)? = nil) throws -> ReminderRules.VehicleFacts {
        ReminderRules.VehicleFacts(vehicle: try car(), lastMaintenance: lastMaintenance.map { (day: $0.0, km: $0.1) },
                                   latest: latest.map { (day: $0.0, km: $0.1) }, distance: distance, readings: readings)
    }

    /// `remind set`: counted from the last service given, else the last maintenance on record, else
    /// the latest reading (not claimed as a service); every refusal names what is wrong.
    @Test func settingAReminderCountsFromWhatIsKnown() throws {
        let today = day("2026-06-10")
        let fifty = DailyDistance(km: 4_500, days: 90)
        let given = try ReminderRules.set(.init(kind: .maintenance, interval: every, lastService: day("2026-06-01"), lastKm: 40_000),
                                          facts: facts(latest: (day("2026-06-01"), 40_000), distance: fifty), today: today, at: now, by: "王芳")
        #expect(given.dueOn == day("2026-09-09"))
        #expect(given.countedFrom == .service)
        #expect(given.ownInterval)
        let onRecord = try ReminderRules.set(.init(kind: .maintenance, interval: ServiceInterval(months: 6)),
                                             facts: facts(latest: (day("2026-06-05"), 40_200), lastMaintenance: (day("2026-06-01"), 40_000)),
                                             today: today, at: now, by: "王芳")
        #expect(onRecord.dueOn == day("2026-12-01"))
        #expect(onRecord.countedFrom == .service)
        let fromReading = try ReminderRules.set(.init(kind: .maintenance, interval: ServiceInterval(months: 6)),
                                                facts: facts(latest: (day("2026-06-05"), 40_200)), today: today, at: now, by: "王芳")
        #expect(fromReading.dueOn == day("2026-12-05"))
        #expect(fromReading.countedFrom == .reading)
        let inspection = try ReminderRules.set(.init(kind: .inspection, due: day("2027-05-31")), facts: facts(), today: today, at: now, by: "王芳")
        #expect(inspection.dueOn == day("2027-05-31"))

        let refused: [(ReminderRules.Setting, ReminderRefusal)] = [
            (.init(kind: .declined, due: day("2027-01-01")), .notSettable(kind: .declined)),
            (.init(kind: .inspection), .dateNeeded(kind: .inspection)),
            (.init(kind: .insurance, interval: every, due: day("2027-03-15")), .onlyForMaintenance(option: "every", kind: .insurance)),
            (.init(kind: .insurance, due: day("2027-03-15"), lastService: day("2026-01-01")), .onlyForMaintenance(option: "last", kind: .insurance)),
            (.init(kind: .maintenance), .maintenanceNeedsIntervalOrDate),
            (.init(kind: .maintenance, due: day("2027-01-01"), lastService: day("2026-01-01")), .lastServiceNeedsInterval(option: "last")),
            (.init(kind: .maintenance, interval: every, lastKm: 39_000), .odometerNeedsDay),
            (.init(kind: .maintenance, interval: every, lastService: day("2026-06-11")), .lastServiceAhead(given: "2026-06-11", today: "2026-06-10")),
            (.init(kind: .maintenance, interval: every, lastService: day("2026-06-01"), lastKm: 41_000),
             .lastKmAboveReading(given: 41_000, plate: "京A12345", reading: 40_000)),
            (.init(kind: .maintenance, interval: ServiceInterval(km: 5_000)), .kilometresNeedAnEstimate(plate: "京A12345", readings: 1)),
        ]
        for (setting, refusal) in refused {
            #expect(throws: refusal) {
                try ReminderRules.set(setting, facts: facts(latest: (day("2026-06-01"), 40_000), readings: 1), today: today, at: now, by: "王芳")
            }
        }
    }

    /// The release of a maintenance: from its day and reading, with the car's own interval, else the
    /// shop's; a car's own kilometres that cannot be dated take the shop's months.
    @Test func aMaintenanceReleaseMakesTheNextOne() throws {
        let shop = ServiceInterval(km: 5_000, months: 6)
        let next = try #require(ReminderRules.afterMaintenance(vehicleID: 1, orderID: 7, releasedOn: day("2026-06-01"), odometer: 40_000, own: nil,
                                                               shopDefault: shop, latest: (day("2026-06-01"), 40_000),
                                                               distance: DailyDistance(km: 4_500, days: 90), at: now, by: "周静"))
        #expect(next.dueOn == day("2026-09-09"))
        #expect(next.orderID == 7 && next.origin == .release && !next.ownInterval)
        let own = try #require(ReminderRules.afterMaintenance(vehicleID: 1, orderID: 7, releasedOn: day("2026-06-01"), odometer: 40_000,
                                                              own: ServiceInterval(km: 10_000), shopDefault: shop, latest: nil, distance: nil,
                                                              at: now, by: "周静"))
        #expect(own.interval == ServiceInterval(km: 10_000, months: 6))
        #expect(own.dueOn == day("2026-12-01"))
        #expect(own.ownInterval)
    }

    @Test func aNewReadingMovesTheEstimateOfAnOpenMaintenance() throws {
        let first = try #require(ReminderRules.afterMaintenance(vehicleID: 1, orderID: 7, releasedOn: day("2026-06-01"), odometer: 40_000, own: nil,
                                                                shopDefault: every, latest: (day("2026-06-01"), 40_000), distance: nil,
                                                                at: now, by: "周静"))
        #expect(first.dueOn == day("2026-12-01"))
        let moved = try #require(ReminderRules.reestimated(first, latest: (day("2026-07-01"), 42_000), distance: DailyDistance(km: 4_500, days: 90)))
        #expect(moved.dueOn == day("2026-08-30"))
        #expect(ReminderRules.reestimated(moved, latest: (day("2026-07-01"), 42_000), distance: DailyDistance(km: 4_500, days: 90)) == nil)
        // A few days either way is no move: the estimate stays as told.
        #expect(ReminderRules.reestimated(moved, latest: (day("2026-07-01"), 42_000), distance: DailyDistance(km: 4_300, days: 90)) == nil)
        #expect(ReminderRules.reestimated(moved, latest: (day("2026-07-01"), 42_000), distance: DailyDistance(km: 2_500, days: 90)) != nil)
    }

    func booking(_ id: Int, vehicle: Int = 1, status: AppointmentStatus = .pending) -> Appointment {
        Appointment(id: id, vehicleID: vehicle, at: now + 86_400, duration: 60, complaint: "保养", jobs: [], equipment: [], bayID: nil,
                    status: status, orderID: nil, estimate: .zero, createdAt: now, createdBy: "王芳")
    }

    /// A call answered closes it; answered again, or a call on a closed one, is refused; a booking
    /// is of the same vehicle, not cancelled, one per reminder.
    @Test func callsAndBookingsPassTheirGates() throws {
        let open = Reminder(id: 7, vehicleID: 1, kind: .maintenance, origin: .set, dueOn: day("2026-09-09"), createdAt: now, createdBy: "王芳")
        let called = try open.answered(result: "下周来", by: "王芳", at: now)
        #expect(called.outcome == .called && called.calledAt == now && !called.isOpen)
        #expect(throws: ReminderRefusal.closed(reminder: "R7", outcome: "called", at: now)) { try called.answered(result: "x", by: "王芳", at: now) }
        #expect(throws: ReminderRefusal.closed(reminder: "R7", outcome: "called", at: now)) { try called.unansweredCall(by: "王芳", at: now, note: nil) }
        #expect(try open.unansweredCall(by: "刘敏", at: now, note: "关机") == ReminderCall(reminderID: 7, at: now, by: "刘敏", note: "关机"))
        // The customer rings back and books: the answered reminder takes the booking.
        let booked = try called.booked(booking(12), plate: "京A12345", by: "王芳", at: now)
        #expect(booked.appointmentID == 12)
        #expect(throws: ReminderRefusal.alreadyBooked(reminder: "R7", booking: "A12")) { try booked.booked(booking(13), plate: "京A12345", by: "王芳", at: now) }
        #expect(throws: ReminderRefusal.bookingOfAnotherVehicle(reminder: "R7", booking: "A13", plate: "京A12345")) {
            try open.booked(booking(13, vehicle: 2), plate: "京A12345", by: "王芳", at: now)
        }
        #expect(throws: ReminderRefusal.bookingNotActive(booking: "A14", status: "cancelled")) {
            try open.booked(booking(14, status: .cancelled), plate: "京A12345", by: "王芳", at: now)
        }
        // Booked straight from the open list: answered by it.
        let direct = try open.booked(booking(15), plate: "京A12345", by: "王芳", at: now)
        #expect(direct.outcome == .called && direct.appointmentID == 15)
        let cleared = try open.closing(.cleared, by: "王芳", at: now)
        #expect(throws: ReminderRefusal.closed(reminder: "R7", outcome: "cleared", at: now)) { try cleared.booked(booking(16), plate: "京A12345", by: "王芳", at: now) }
        #expect(throws: ReminderRefusal.closed(reminder: "R7", outcome: "cleared", at: now)) { try cleared.closing(.dismissed, by: "王芳", at: now) }
    }

    /// Brought back: its booking arrived, or the car was checked in within the days after the call.
    @Test func aCallBroughtTheCarBackWithinItsDays() {
        #expect(ReminderRules.broughtBack(calledAt: now, booking: booking(1, status: .arrived), checkIns: [], days: 30))
        #expect(!ReminderRules.broughtBack(calledAt: now, booking: booking(1), checkIns: [], days: 30))
        #expect(ReminderRules.broughtBack(calledAt: now, booking: nil, checkIns: [now + 30 * 86_400], days: 30))
        #expect(!ReminderRules.broughtBack(calledAt: now, booking: nil, checkIns: [now + 30 * 86_400 + 1], days: 30))
        #expect(!ReminderRules.broughtBack(calledAt: now, booking: nil, checkIns: [now + (-1)], days: 30), "a visit before the call was not brought by it")
    }

    func order(_ id: Int, by name: String? = nil, phone: String? = nil) throws -> RepairOrder {
        RepairOrder(id: id, vehicleID: 1, customerID: 1, status: .released, checkedInAt: now, advisor: "王芳", odometerIn: 40_000, fuel: .half,
                    complaint: "保养", droppedBy: name, droppedPhone: phone)
    }

    /// Whoever usually brings the car, with their own phone; the owner when it is they.
    @Test func theCallGoesToWhoUsuallyBringsTheCar() throws {
        let owner = Customer(id: 1, name: "张伟", phone: "13800138000", createdAt: now)
        let driver = ReminderRules.contact(recentOrders: [try order(3, by: "王小强", phone: "13500001111"), try order(2),
                                                          try order(1, by: "王小强", phone: "13500001111")], owner: owner)
        #expect(driver == FollowUpContact(name: "王小强", phone: "13500001111", role: .droppedOff))
        let tie = ReminderRules.contact(recentOrders: [try order(2), try order(1, by: "王小强", phone: "13500001111")], owner: owner)
        #expect(tie == FollowUpContact(name: "张伟", phone: "13800138000", role: .owner), "a tie goes to the latest visit")
        #expect(ReminderRules.contact(recentOrders: [], owner: owner).role == .owner)
    }

    /// The message claims only what is true: a last service only when one is on record, the
    /// kilometres only as an estimate with its daily distance, "due now" only once due.
    @Test func theMessageStatesOnlyWhatIsTrue() throws {
        let estimated = try #require(ReminderRules.afterMaintenance(vehicleID: 1, orderID: 7, releasedOn: day("2026-06-01"), odometer: 40_000,
                                                                    own: nil, shopDefault: every, latest: (day("2026-06-01"), 40_000),
                                                                    distance: DailyDistance(km: 4_500, days: 90), at: now, by: "周静"))
        func text(_ r: Reminder, on today: String, _ language: Language = .zh) -> String {
            ReminderMessage(shopName: "顺达汽修", shopPhone: "0755-82345678", name: "张伟", plate: "京A·12345", reminder: r, today: day(today)).text(language)
        }
        let ahead = text(estimated, on: "2026-09-01")
        #expect(ahead.contains("上次保养是2026-06-01（40,000 公里）"))
        #expect(ahead.contains("按平均每天约 50 公里估算，预计2026-09-09前后达到 45,000 公里"))
        #expect(!ahead.contains("现已到保养时间"))
        #expect(text(estimated, on: "2026-09-10").contains("现已到保养时间"))
        #expect(text(estimated, on: "2026-09-01", .en).contains("At about 50 km a day, it will reach 45,000 km around 2026-09-09"))

        let dateOnly = try ReminderRules.set(.init(kind: .maintenance, interval: every), facts: facts(latest: (day("2026-06-01"), 40_000), readings: 1),
                                             today: day("2026-06-10"), at: now, by: "王芳")
        let plain = text(dateOnly, on: "2026-11-25")
        #expect(!plain.contains("上次保养"), "a reading is not a service: \(plain)")
        #expect(plain.contains("下次保养日期为2026-12-01（或行驶至 45,000 公里，以先到者为准）"))
        #expect(!plain.contains("估算"))

        let lapsed = Reminder(id: 3, vehicleID: 1, kind: .insurance, origin: .set, dueDate: day("2026-11-01"), dueOn: day("2026-11-01"),
                              createdAt: now, createdBy: "王芳")
        #expect(text(lapsed, on: "2026-11-22").contains("车险已于2026-11-01到期，请尽快续保"))
        #expect(text(lapsed, on: "2026-10-22").contains("车险将于2026-11-01到期，请及时续保"))
    }

    @Test func documentsAndOrdersSayWhatTheyRemindOf() throws {
        #expect(ReminderRules.kind(ofDocument: "保单") == .insurance)
        #expect(ReminderRules.kind(ofDocument: "交强险保单") == .insurance)
        #expect(ReminderRules.kind(ofDocument: "行驶证") == .inspection)
        #expect(ReminderRules.kind(ofDocument: "驾驶证") == nil)

        let vehicle = try car()
        let owner = Customer(id: 1, name: "张伟", phone: "13800138000", createdAt: now)
        func record(category: RepairCategory, lines: [OrderLine]) throws -> OrderRecord {
            var o = try order(1)
            o.category = category
            return OrderRecord(order: o, vehicle: vehicle, customer: owner, lines: lines, damage: [], belongings: [], documents: [])
        }
        var level2 = OrderLine.labor(number: 1, description: "二级维护", hours: try Hours.parse("3"), rate: Money(fen: 12_000), operationCode: "MNT-02")
        level2.status = .approved
        var brake = OrderLine.labor(number: 2, description: "更换刹车油", hours: try Hours.parse("0.8"), rate: Money(fen: 12_000), operationCode: "BRK-03")
        brake.status = .declined
        let catalogue: [String: RepairCategory] = ["MNT-02": .level2]
        #expect(ReminderRules.didMaintenance(try record(category: .level1, lines: []), catalogue: catalogue))
        #expect(ReminderRules.didMaintenance(try record(category: .minor, lines: [level2]), catalogue: catalogue))
        #expect(!ReminderRules.didMaintenance(try record(category: .minor, lines: [brake]), catalogue: catalogue))
        level2.status = .declined
        #expect(!ReminderRules.didMaintenance(try record(category: .minor, lines: [level2]), catalogue: catalogue), "declined maintenance was not done")

        #expect(ReminderRules.offeredAgain([level2, brake, .diagnosticFee(description: "检测费", amount: Money(fen: 5_000))]).map(\.number) == [1, 2])
        var ownPart = OrderLine.part(number: 3, description: "机油（客户自带）", quantity: Quantity(units: 4), unitPrice: .zero,
                                     partNumber: nil, brand: nil, partClass: .customer)
        ownPart.status = .declined
        #expect(ReminderRules.offeredAgain([brake, ownPart]).map(\.number) == [2], "a part the customer brought is not offered back")
        var redone = OrderLine.labor(number: 4, description: "换刹车油", hours: try Hours.parse("0.8"), rate: Money(fen: 12_000), operationCode: "brk-03")
        #expect(!ReminderRules.isDone(brake, among: [redone]), "proposed, not done")
        redone.status = .approved
        #expect(ReminderRules.isDone(brake, among: [redone]))
        let offered = ReminderRules.declined(brake, of: try order(3), leftOn: day("2026-11-22"), afterDays: 30, at: now, by: "周静")
        #expect(offered.dueOn == day("2026-12-22") && offered.item == "更换刹车油" && offered.lineNumber == 2 && offered.orderID == 3)
    }
}

@Suite struct ReminderReplacingTests {
    /// A 年检 due 2026-11-20 (from the 行驶证) set again to 2099-12-31: only with the reason; sooner,
    /// or the same day, it is anyone's.
    @Test func aReminderPutOffLaterNeedsTheReason() throws {
        let now = Timestamp(seconds: 1_795_309_200)
        let day = { (text: String) in CalendarDay(text)! }
        let standing = Reminder(vehicleID: 1, kind: .inspection, origin: .document, dueDate: day("2026-11-20"), dueOn: day("2026-11-20"),
                                createdAt: now, createdBy: "王芳")
        let later = Reminder(vehicleID: 1, kind: .inspection, origin: .set, dueDate: day("2099-12-31"), dueOn: day("2099-12-31"),
                             createdAt: now, createdBy: "王芳")
        #expect(throws: ReminderRefusal.laterNeedsReason(reminder: standing.number, was: "2026-11-20", now: "2099-12-31")) {
            try ReminderRules.replacing([standing], with: later, reason: " ")
        }
        try ReminderRules.replacing([standing], with: later, reason: "已年检，新行驶证")
        let sooner = Reminder(vehicleID: 1, kind: .inspection, origin: .set, dueDate: day("2026-11-01"), dueOn: day("2026-11-01"),
                              createdAt: now, createdBy: "王芳")
        try ReminderRules.replacing([standing], with: sooner, reason: nil)
    }
}
