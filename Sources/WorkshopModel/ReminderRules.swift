/// The reminders' rules: how each is made (set by hand, derived from a release or a document,
/// offered from declined work), the gates a change passes, and what a call records.
public enum ReminderRules {
    /// What `remind set` was given.
    public struct Setting: Sendable {
        public var kind: ReminderKind
        public var interval: ServiceInterval?
        public var due: CalendarDay?
        public var lastService: CalendarDay?
        public var lastKm: Int?

        public init(kind: ReminderKind, interval: ServiceInterval? = nil, due: CalendarDay? = nil, lastService: CalendarDay? = nil,
                    lastKm: Int? = nil) {
            (self.kind, self.interval, self.due, self.lastService, self.lastKm) = (kind, interval, due, lastService, lastKm)
        }
    }

    /// What the record says about the vehicle when a maintenance reminder is worked out.
    public struct VehicleFacts: Sendable {
        public var vehicle: Vehicle
        /// The last maintenance released, when there is one: its day and odometer.
        public var lastMaintenance: (day: CalendarDay, km: Int)?
        /// The latest reading on record.
        public var latest: (day: CalendarDay, km: Int)?
        /// How far the car goes in a day; nil with fewer than two readings on different days.
        public var distance: DailyDistance?
        /// How many readings the vehicle has.
        public var readings: Int

        public init(vehicle: Vehicle, lastMaintenance: (day: CalendarDay, km: Int)?, latest: (day: CalendarDay, km: Int)?,
                    distance: DailyDistance?, readings: Int) {
            (self.vehicle, self.lastMaintenance, self.latest, self.distance, self.readings) = (vehicle, lastMaintenance, latest, distance, readings)
        }
    }

    /// `remind set PLATE kind=… every=… due=… [last=… odometer=…]`, checked: the reminder it makes.
    /// Maintenance counts from the last service given, else the last maintenance on record, else the
    /// latest reading (or today, for a car never read); 年检 and insurance are due on the date given.
    public static func set(_ given: Setting, facts: VehicleFacts, today: CalendarDay, at now: Timestamp, by: String) throws -> Reminder {
        let plate = facts.vehicle.plate.value
        switch given.kind {
        case .declined:
            throw ReminderRefusal.notSettable(kind: .declined)
        case .inspection, .insurance:
            if given.interval != nil { throw ReminderRefusal.onlyForMaintenance(option: "every", kind: given.kind) }
            if given.lastService != nil { throw ReminderRefusal.onlyForMaintenance(option: "last", kind: given.kind) }
            if given.lastKm != nil { throw ReminderRefusal.onlyForMaintenance(option: "odometer", kind: given.kind) }
            guard let due = given.due else { throw ReminderRefusal.dateNeeded(kind: given.kind) }
            return Reminder(vehicleID: facts.vehicle.id, kind: given.kind, origin: .set, dueDate: due, dueOn: due, createdAt: now, createdBy: by)
        case .maintenance:
            break
        }
        if given.interval == nil {
            if given.lastService != nil { throw ReminderRefusal.lastServiceNeedsInterval(option: "last") }
            if given.lastKm != nil { throw ReminderRefusal.lastServiceNeedsInterval(option: "odometer") }
        }
        if given.lastKm != nil, given.lastService == nil { throw ReminderRefusal.odometerNeedsDay }
        if let last = given.lastService, last > today { throw ReminderRefusal.lastServiceAhead(given: last.text, today: today.text) }
        if let km = given.lastKm, let latest = facts.latest, km > latest.km {
            throw ReminderRefusal.lastKmAboveReading(given: km, plate: plate, reading: latest.km)
        }
        guard let interval = given.interval else {
            guard let due = given.due else { throw ReminderRefusal.maintenanceNeedsIntervalOrDate }
            return Reminder(vehicleID: facts.vehicle.id, kind: .maintenance, origin: .set, dueDate: due, dueOn: due, createdAt: now, createdBy: by)
        }
        let base: (day: CalendarDay, km: Int?, from: CountedFrom)
        if let last = given.lastService {
            base = (last, given.lastKm, .service)
        } else if let last = facts.lastMaintenance {
            base = (last.day, last.km, .service)
        } else if let latest = facts.latest {
            base = (latest.day, latest.km, .reading)
        } else {
            base = (today, nil, .setDay)
        }
        var reminder = Reminder(vehicleID: facts.vehicle.id, kind: .maintenance, origin: .set, interval: interval, ownInterval: true,
                                lastService: base.day, lastKm: base.km, countedFrom: base.from, dueOn: today, createdAt: now, createdBy: by)
        if let due = given.due {
            // A date given with the interval: this time it is due then; the interval is the car's from now on.
            reminder.dueDate = due
            reminder.dueOn = due
            return reminder
        }
        guard let due = MaintenanceDue.compute(interval: interval, lastService: base.day, lastKm: base.km, latest: facts.latest,
                                               distance: facts.distance) else {
            throw ReminderRefusal.kilometresNeedAnEstimate(plate: plate, readings: facts.readings)
        }
        return reminder.with(due)
    }

    /// A reminder set again replaces the open ones of its kind; one due earlier than the new one is
    /// put off only with a reason (kept on the one closed): otherwise a due date pushed far ahead
    /// hides a customer from the calls, with nothing on record but the new date.
    public static func replacing(_ open: [Reminder], with new: Reminder, reason: String?) throws {
        let said = !(reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        if !said, let earlier = open.first(where: { $0.dueOn < new.dueOn }) {
            throw ReminderRefusal.laterNeedsReason(reminder: earlier.number, was: earlier.dueOn.text, now: new.dueOn.text)
        }
    }

    /// The next maintenance after a release that did maintenance: from the release's day and
    /// odometer, with the vehicle's own interval, else the shop's. A kilometre interval of the
    /// car's own that cannot be dated (one reading) takes the shop's months beside it.
    public static func afterMaintenance(vehicleID: Int, orderID: Int, releasedOn day: CalendarDay, odometer: Int,
                                        own: ServiceInterval?, shopDefault: ServiceInterval, latest: (day: CalendarDay, km: Int)?,
                                        distance: DailyDistance?, at now: Timestamp, by: String) -> Reminder? {
        var interval = own ?? shopDefault
        if interval.months == nil, distance == nil { interval.months = shopDefault.months }
        guard let due = MaintenanceDue.compute(interval: interval, lastService: day, lastKm: odometer, latest: latest, distance: distance)
        else { return nil }
        return Reminder(vehicleID: vehicleID, kind: .maintenance, origin: .release, orderID: orderID, interval: interval,
                        ownInterval: own != nil, lastService: day, lastKm: odometer, countedFrom: .service, dueOn: due.due, createdAt: now, createdBy: by).with(due)
    }

    /// A maintenance reminder worked out again with a newer reading (`latest`, `distance`): nil when
    /// its day moves by less than `smallestMoveDays`, or for a reminder not counted from an interval.
    public static func reestimated(_ reminder: Reminder, latest: (day: CalendarDay, km: Int)?, distance: DailyDistance?) -> Reminder? {
        guard reminder.isOpen, reminder.kind == .maintenance, let interval = reminder.interval, let last = reminder.lastService,
              reminder.dueDate == nil || reminder.dueDate == interval.months.map({ last.adding(months: $0) }),
              let due = MaintenanceDue.compute(interval: interval, lastService: last, lastKm: reminder.lastKm, latest: latest, distance: distance)
        else { return nil }
        let updated = reminder.with(due)
        return abs(updated.dueOn.number - reminder.dueOn.number) < smallestMoveDays ? nil : updated
    }

    /// An estimate moves by a week or more, or stays: a day that wandered with every reading would
    /// tell the customer nothing ("预计…前后"), and cost a write at every check-in.
    public static let smallestMoveDays = 7

    /// A line the customer declined on an order, offered again `afterDays` after the car left.
    public static func declined(_ line: OrderLine, of order: RepairOrder, leftOn day: CalendarDay, afterDays: Int,
                                at now: Timestamp, by: String) -> Reminder {
        Reminder(vehicleID: order.vehicleID, kind: .declined, origin: .declined, orderID: order.id, lineNumber: line.number,
                 item: line.description, dueOn: day.adding(days: afterDays), createdAt: now, createdBy: by)
    }

    /// The lines of an order that are offered again later: declined ones, not the diagnostic fee,
    /// nor a part the customer brought (the shop has nothing to offer: the work fitting it is its
    /// own line).
    public static func offeredAgain(_ lines: [OrderLine]) -> [OrderLine] {
        lines.filter { $0.status == .declined && !$0.isDiagnosticFee && $0.partClass != .customer }
    }

    /// Whether `declined` (a line of an earlier order) was done among `lines` (the approved lines of
    /// a later order): the same labour operation or the same part number.
    public static func isDone(_ declined: OrderLine, among lines: [OrderLine]) -> Bool {
        lines.contains { $0.status == .approved && DeclinedWork.sameWork(declined, $0) }
    }

    /// Whether an order did maintenance: its category is a maintenance (一级维护, 二级维护), or an
    /// approved labour line's operation is one in the catalogue (`catalogue`: code → category).
    public static func didMaintenance(_ record: OrderRecord, catalogue: [String: RepairCategory]) -> Bool {
        didMaintenance(category: record.order.category, lines: record.lines, catalogue: catalogue)
    }

    /// The same from the order's category and lines alone.
    public static func didMaintenance(category: RepairCategory, lines: [OrderLine], catalogue: [String: RepairCategory]) -> Bool {
        let maintenance: Set<RepairCategory> = [.level1, .level2]
        if maintenance.contains(category) { return true }
        return lines.contains { line in
            line.kind == .labor && line.status == .approved
                && line.operationCode.flatMap { catalogue[$0.uppercased()] }.map(maintenance.contains) == true
        }
    }

    /// The reminder a document's expiry makes: the insurance policy (保单, 保险单, 交强险…) its renewal,
    /// the registration certificate (行驶证: its 检验有效期) or inspection mark its 年检; nil for others.
    public static func kind(ofDocument name: String) -> ReminderKind? {
        let lower = name.lowercased()
        if ["保单", "保险", "交强险", "商业险", "车险", "policy", "insurance"].contains(where: lower.contains) { return .insurance }
        if ["行驶证", "年检", "检验", "registration", "inspection"].contains(where: lower.contains) { return .inspection }
        return nil
    }

    /// Who to call about a vehicle: whoever brought it in most often on its recent orders (newest
    /// first; a tie goes to the latest) — the person dropping it off when their phone was taken, the
    /// owner otherwise — with that person's own phone.
    public static func contact(recentOrders: [RepairOrder], owner: Customer) -> FollowUpContact {
        var tally: [String: (count: Int, newest: Int, contact: FollowUpContact)] = [:]
        for (rank, order) in recentOrders.enumerated() {
            let contact = FollowUp.contact(for: order, owner: owner)
            let entry = tally[contact.phone] ?? (0, rank, contact)
            tally[contact.phone] = (entry.count + 1, entry.newest, entry.contact)
        }
        let best = tally.values.max { a, b in a.count != b.count ? a.count < b.count : a.newest > b.newest }
        return best?.contact ?? FollowUpContact(name: owner.name, phone: owner.phone, role: .owner)
    }

    /// Whether a call brought the car back: its booking arrived, or the car was checked in within
    /// `days` days after the call (`checkIns`: the vehicle's check-ins after the call).
    public static func broughtBack(calledAt: Timestamp, booking: Appointment?, checkIns: [Timestamp], days: Int) -> Bool {
        if booking?.status == .arrived { return true }
        return checkIns.contains { $0 > calledAt && $0.seconds <= calledAt.seconds + days * 86_400 }
    }
}

extension Reminder {
    /// The same reminder with its due worked out.
    func with(_ due: MaintenanceDue) -> Reminder {
        var copy = self
        copy.dueDate = due.byDate
        copy.dueKm = due.dueKm
        copy.dueByKm = due.byKm
        copy.distance = due.distance
        copy.dueOn = due.due
        return copy
    }

    /// The call got through: what the customer said. Closes the reminder.
    public func answered(result: String?, by: String, at now: Timestamp) throws -> Reminder {
        try ensureOpen()
        var copy = self
        (copy.calledAt, copy.calledBy, copy.result) = (now, by, result)
        (copy.closedAt, copy.closedBy, copy.outcome) = (now, by, .called)
        return copy
    }

    /// A call no one answered: logged; the reminder stays due.
    public func unansweredCall(by: String, at now: Timestamp, note: String?) throws -> ReminderCall {
        try ensureOpen()
        return ReminderCall(reminderID: id, at: now, by: by, note: note)
    }

    /// The booking the call brought: of this vehicle, not cancelled nor missed, one per reminder.
    /// An open reminder is answered by it; one already answered takes it (the customer rang back).
    public func booked(_ booking: Appointment, plate: String, by: String, at now: Timestamp) throws -> Reminder {
        if let linked = appointmentID { throw ReminderRefusal.alreadyBooked(reminder: number, booking: Appointment.reference(linked)) }
        if outcome != .called { try ensureOpen() }
        guard booking.vehicleID == vehicleID else {
            throw ReminderRefusal.bookingOfAnotherVehicle(reminder: number, booking: booking.reference, plate: plate)
        }
        guard booking.status != .cancelled, booking.status != .noShow else {
            throw ReminderRefusal.bookingNotActive(booking: booking.reference, status: booking.status.code)
        }
        var copy = isOpen ? try answered(result: result, by: by, at: now) : self
        (copy.appointmentID, copy.bookedAt, copy.bookedBy) = (booking.id, now, by)
        return copy
    }

    /// Closed without a call: serviced, replaced, cleared or dismissed.
    public func closing(_ outcome: ReminderOutcome, by: String, at now: Timestamp, reason: String? = nil, orderID: Int? = nil) throws -> Reminder {
        try ensureOpen()
        var copy = self
        (copy.closedAt, copy.closedBy, copy.outcome, copy.closeReason, copy.closedOrderID) = (now, by, outcome, reason, orderID)
        return copy
    }

    func ensureOpen() throws {
        if let closedAt { throw ReminderRefusal.closed(reminder: number, outcome: (outcome ?? .cleared).rawValue, at: closedAt) }
    }
}

/// A call about a reminder that no one answered (未接通).
public struct ReminderCall: Equatable, Sendable {
    public var reminderID: Int
    public var at: Timestamp
    public var by: String
    public var note: String?

    public init(reminderID: Int, at: Timestamp, by: String, note: String? = nil) {
        (self.reminderID, self.at, self.by, self.note) = (reminderID, at, by, note)
    }
}

extension Appointment {
    public static func reference(_ id: Int) -> String { "A\(id)" }
}
