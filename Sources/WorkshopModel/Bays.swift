/// A car in a bay: which order, since when. It is expected to stay until its order's promised
/// time (the time the shop committed to hand it back, moved by every delay); it stays, in fact,
/// until it is moved, the bay is freed, or the car is ready.
public struct BayStay: Equatable, Sendable {
    /// The stay's row; nil for a car put in the bay before stays were recorded (the bay-stays migration), which
    /// is in the bay of its latest dispatch while its order is in work or waits for its final
    /// inspection, as the program then had it.
    public var id: Int?
    public var bayID: Int
    public var bay: String
    public var orderID: Int
    public var plate: String
    public var since: Timestamp
    /// The order's promised time: when the bay is expected to be free again.
    public var promisedAt: Timestamp?

    public init(id: Int?, bayID: Int, bay: String, orderID: Int, plate: String, since: Timestamp, promisedAt: Timestamp?) {
        (self.id, self.bayID, self.bay, self.orderID, self.plate, self.since, self.promisedAt) =
            (id, bayID, bay, orderID, plate, since, promisedAt)
    }

    public var order: String { RepairOrder.number(orderID) }
}

/// Why a car left its bay: recorded on the stay.
public enum BayLeaving: String, Vocabulary {
    /// Dispatched to another bay.
    case moved
    /// `bay free`: the floor took it out (work done, waiting for parts, to the lot).
    case freed
    /// The work is done and nothing more is due in the bay: ready for hand-back.
    case ready
    /// Handed back to the customer.
    case released

    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .moved: return "移至其他工位"
        case .freed: return "腾空工位"
        case .ready: return "竣工待交车"
        case .released: return "已交车"
        }
    }
    public var english: String {
        switch self {
        case .moved: return "moved to another bay"
        case .freed: return "bay freed"
        case .ready: return "ready for hand-back"
        case .released: return "released"
        }
    }
}

/// A booking holding a bay for its time: confirmed, or arrived with its order open and not yet
/// given a bay (the car is on the lot, waiting for the bay booked for it).
public struct BayHold: Equatable, Sendable {
    public var appointmentID: Int
    public var bayID: Int
    public var vehicleID: Int
    public var plate: String
    /// The order the booking became, once the car arrived.
    public var orderID: Int?
    public var from: Timestamp
    public var until: Timestamp

    public init(appointmentID: Int, bayID: Int, vehicleID: Int, plate: String, orderID: Int?, from: Timestamp, until: Timestamp) {
        (self.appointmentID, self.bayID, self.vehicleID, self.plate, self.orderID, self.from, self.until) =
            (appointmentID, bayID, vehicleID, plate, orderID, from, until)
    }

    public var reference: String { "A\(appointmentID)" }
}

/// A bay as dispatch sees it: its equipment, the car in it, the bookings that hold it.
public struct BayState: Equatable, Sendable {
    public var bay: Bay
    public var occupant: BayStay?
    /// The holds that may matter (those that have not ended), in time order.
    public var holds: [BayHold]

    public init(bay: Bay, occupant: BayStay?, holds: [BayHold]) {
        (self.bay, self.occupant, self.holds) = (bay, occupant, holds)
    }
}

/// Equipment an order's work needs, and why.
public struct EquipmentNeed: Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// A canned job on the order needs it (`job add … equipment=`).
        case job(code: String)
        /// The booking the order came from held a bay with it for its jobs.
        case booking(reference: String)
    }

    public var equipment: Equipment
    public var reasons: [Reason]

    public init(_ equipment: Equipment, _ reasons: [Reason]) {
        (self.equipment, self.reasons) = (equipment, reasons)
    }
}

/// What the dispatcher asks of a bay: the bay, every bay's state (to name the free ones), what the
/// order's work needs, and an override of the bookings' holds and the equipment, with its reason.
public struct BayPlacement: Sendable {
    public var target: BayState
    public var all: [BayState]
    public var needs: [EquipmentNeed]
    /// The reason the dispatcher gave with override=yes; nil: no override.
    public var override: String?

    public init(target: BayState, all: [BayState], needs: [EquipmentNeed], override: String? = nil) {
        (self.target, self.all, self.needs, self.override) = (target, all, needs, override)
    }
}

/// The rules of the bays on the floor: one car in a bay at a time, and one bay for a car; a car
/// goes into a bay only for a time no booking holds it, and only into one with the equipment its
/// work needs — unless the dispatcher overrides, saying why.
public enum BayRules {
    /// A bay's name is the chain's (a shop's bays were named uniquely before sites existed, and the
    /// record keeps that): a bay is added or changed only at its own site; a name another site's
    /// bay has is refused with that site named. `heldAt`/`here`: the sites as rows store them (nil: home).
    /// The refusal suggests the name with the adding site's short name before it (`Site.shortName`),
    /// unless the name already starts with it.
    public static func nameFree(_ name: String, heldAt: Int?, here: Int?, siteName: (Int?) throws -> String) throws {
        let held = heldAt ?? Site.homeID, mine = here ?? Site.homeID
        guard held == mine else {
            let prefix = Site.shortName(try siteName(here))
            let suggestion = prefix.isEmpty || name.hasPrefix(prefix) ? nil : prefix + name
            throw BayRefusal.nameAtAnotherSite(bay: name, site: try siteName(heldAt), suggestion: suggestion)
        }
    }

    /// A bay's name as stored and checked: trimmed of surrounding spaces (a trailing space would
    /// make a second bay look like another's), never empty.
    public static func checkedName(_ given: String) throws -> String {
        let name = given.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw InputRefusal.empty(field: "bay") }
        return name
    }

    /// The shortest time a car is counted on in a bay, as for a booking.
    public static let minimumStay = 30 * 60

    /// Until when a car put in a bay at `now` is expected to be in it: its order's promised time
    /// (every signed order has one, and every delay or added work moves it), and at least half an
    /// hour — an overdue car is still there.
    public static func expectedUntil(promise: Timestamp?, now: Timestamp) -> Timestamp {
        max(promise ?? now, now + minimumStay)
    }

    /// A new-energy vehicle (新能源): a new-energy plate (green, or yellow-green), or a fuel recorded
    /// as electric, hybrid, plug-in or range-extended. Hybrids are included: they carry a
    /// high-voltage battery too.
    public static func isNewEnergy(_ vehicle: Vehicle) -> Bool {
        if vehicle.isElectric || vehicle.plate.kind == .newEnergySmall || vehicle.plate.kind == .newEnergyLarge { return true }
        guard let fuel = vehicle.fuel?.lowercased() else { return false }
        let words = ["electric", "hybrid", "plug-in", "纯电", "电动", "新能源", "混动", "混合动力", "插电", "增程", "油电"]
        let codes: Set<String> = ["ev", "bev", "phev", "hev", "erev", "reev", "nev"]
        return words.contains { fuel.contains($0) } || codes.contains(fuel.trimmingCharacters(in: .whitespaces))
    }

    /// A canned job is on the order when each of its labour operations is one of the order's lines
    /// that count (offered, or approved once signed). A job of parts only is never recognised so.
    public static func jobsOn(_ lines: [OrderLine], among jobs: [Job]) -> [Job] {
        let operations = Set(lines.compactMap(\.operationCode).map { $0.uppercased() })
        return jobs.filter { !$0.operations.isEmpty && $0.operations.allSatisfy { operations.contains($0.uppercased()) } }
    }

    /// The equipment the order's work needs: that of the booking it came from (its jobs'), and of
    /// the canned jobs on it. The work decides, not the car: a new-energy vehicle needs an ev-safe
    /// bay for work on its high-voltage system, which the shop's jobs for it say (`job add J-HV …
    /// equipment=ev-safe`); its tyres or brakes do not (dispatch reminds, `shouldRemindEVSafe`).
    public static func equipmentNeeded(booking: Appointment?, jobs: [Job]) -> [EquipmentNeed] {
        var needs: [EquipmentNeed] = []
        func add(_ code: String, _ reason: EquipmentNeed.Reason) {
            let item = Equipment(code: code)
            guard !item.code.isEmpty else { return }
            if let index = needs.firstIndex(where: { $0.equipment == item }) {
                if !needs[index].reasons.contains(reason) { needs[index].reasons.append(reason) }
            } else {
                needs.append(EquipmentNeed(item, [reason]))
            }
        }
        if let booking { for code in booking.equipment { add(code, .booking(reference: booking.reference)) } }
        for job in jobs { for code in job.equipment { add(code, .job(code: job.code)) } }
        return needs
    }

    /// A new-energy vehicle going into a bay without ev-safe, for work that does not need it: the
    /// dispatcher is reminded that work on its high-voltage system belongs in a bay with it.
    public static func shouldRemindEVSafe(_ vehicle: Vehicle, bay: Bay) -> Bool {
        isNewEnergy(vehicle) && !bay.equipment.contains(KnownEquipment.evSafe.code)
    }

    /// What the bay lacks of what the work needs.
    public static func missing(_ needs: [EquipmentNeed], in bay: Bay) -> [EquipmentNeed] {
        needs.filter { !bay.equipment.contains($0.equipment.code) }
    }

    /// The holds of other cars on a bay that overlap [from, until): a booking of this very car
    /// (this vehicle, or the booking this order came from) does not stand in its way.
    public static func clashingHolds(_ holds: [BayHold], from: Timestamp, until: Timestamp, order: RepairOrder) -> [BayHold] {
        holds.filter { hold in
            hold.vehicleID != order.vehicleID && hold.orderID != order.id
                && BookingRules.overlaps(from, until, hold.from, hold.until)
        }
    }

    /// Whether the car in a bay is expected out of it by `start` (a booking's time): by its
    /// promised time, and not before half an hour from now.
    public static func occupantGoneBy(_ start: Timestamp, _ stay: BayStay, now: Timestamp) -> Bool {
        expectedUntil(promise: stay.promisedAt, now: now) <= start
    }

    /// Whether the bay could take the order's car now, until `until`: no other car in it, no other
    /// booking holding it then, and the equipment the work needs.
    public static func isFree(_ state: BayState, for order: RepairOrder, needs: [EquipmentNeed], from: Timestamp, until: Timestamp) -> Bool {
        if let occupant = state.occupant, occupant.orderID != order.id { return false }
        return clashingHolds(state.holds, from: from, until: until, order: order).isEmpty && missing(needs, in: state.bay).isEmpty
    }

    /// What stands in the way of putting the order's car in the bay asked for, as a refusal; or,
    /// when the dispatcher overrides, what was overridden. A car in the bay is never overridden:
    /// it is moved or the bay freed first.
    public static func check(_ placement: BayPlacement, order: RepairOrder, now: Timestamp) throws -> (holds: [BayHold], missing: [EquipmentNeed]) {
        let target = placement.target
        let until = expectedUntil(promise: order.promisedAt, now: now)
        let free = placement.all.filter { isFree($0, for: order, needs: placement.needs, from: now, until: until) }.map(\.bay.name)
        if let occupant = target.occupant, occupant.orderID != order.id {
            throw BayRefusal.occupied(bay: target.bay.name, order: occupant.order, plate: occupant.plate, since: occupant.since,
                                      until: occupant.promisedAt, free: free)
        }
        let holds = clashingHolds(target.holds, from: now, until: until, order: order)
        let missing = missing(placement.needs, in: target.bay)
        guard placement.override == nil else { return (holds, missing) }
        if !holds.isEmpty {
            throw BayRefusal.heldForBooking(bay: target.bay.name, order: order.number, until: until, holds: holds, lacking: missing, free: free)
        }
        if !missing.isEmpty {
            let having = placement.all.filter { state in missing.allSatisfy { state.bay.equipment.contains($0.equipment.code) } }
            throw BayRefusal.lacksEquipment(bay: target.bay.name, order: order.number, missing: missing,
                                            withIt: having.map(\.bay.name), free: free)
        }
        return ([], [])
    }
}
