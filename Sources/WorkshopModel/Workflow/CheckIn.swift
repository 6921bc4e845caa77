/// What the advisor records at check-in (接车).
public struct CheckInFacts: Sendable {
    public var odometer: Int
    /// The fuel gauge; nil for an electric car, which gives `battery` instead.
    public var fuel: FuelLevel?
    public var complaint: String
    public var droppedBy: String?
    public var droppedPhone: String?
    public var category: RepairCategory
    /// nil: the owner pays, or the warranty on a comeback.
    public var payer: Payer?
    public var promise: Timestamp?
    public var keyTag: String?
    /// The advisor confirms a reading far beyond the vehicle's last (`confirm-odometer=yes`).
    public var confirmOdometer: Bool
    /// The battery in percent (电量): an electric car's reading, a hybrid's too if given.
    public var battery: Int?
    /// The customer the order is billed to, when not the owner.
    public var billTo: Customer?

    public init(odometer: Int, fuel: FuelLevel?, complaint: String, droppedBy: String? = nil, droppedPhone: String? = nil,
                category: RepairCategory = .minor, payer: Payer? = nil, promise: Timestamp? = nil, keyTag: String? = nil,
                confirmOdometer: Bool = false, battery: Int? = nil, billTo: Customer? = nil) {
        (self.odometer, self.fuel, self.complaint, self.droppedBy, self.droppedPhone, self.category, self.payer, self.promise,
         self.keyTag, self.confirmOdometer) = (odometer, fuel, complaint, droppedBy, droppedPhone, category, payer, promise, keyTag,
                                              confirmOdometer)
        (self.battery, self.billTo) = (battery, billTo)
    }
}

/// A comeback (返修): the car is back within the warranty of an earlier order; the new order is a
/// free rework linked to the original order and line, with the cause found.
public struct Comeback: Sendable, Equatable {
    public let order: Int
    public let line: Int?
    public let cause: String

    /// "RO12" or "RO12/3": the original order, and its line if known.
    public static func reference(_ text: String) throws -> (order: Int, line: Int?) {
        let parts = text.split(separator: "/").map(String.init)
        guard (1...2).contains(parts.count), let order = RepairOrder.id(fromNumber: parts[0]) else {
            throw OrderRefusal.reworkReference(given: text)
        }
        guard parts.count == 2 else { return (order, nil) }
        guard let line = Int(parts[1]) else { throw OrderRefusal.reworkReference(given: text) }
        return (order, line)
    }

    /// Links a comeback to `original` (the order the reference names, if there is one), checking
    /// that it is this vehicle's, was released, and that the line is under warranty now.
    public static func link(_ text: String, cause: String?, vehicle: Vehicle, original: RepairOrder?,
                            covered: [WarrantyCoverage]) throws -> Comeback {
        let (orderID, line) = try reference(text)
        guard let original, original.id == orderID, original.vehicleID == vehicle.id else {
            throw OrderRefusal.reworkOtherVehicle(given: text, plate: vehicle.plate.value)
        }
        guard original.status == .released else { throw OrderRefusal.reworkNeverReleased(order: original.number) }
        guard let cause, !cause.isEmpty else { throw OrderRefusal.reworkNeedsCause }
        if let line {
            guard covered.contains(where: { $0.orderID == orderID && $0.line.number == line }) else {
                throw OrderRefusal.reworkLineNotCovered(order: original.number, line: line, plate: vehicle.plate.value)
            }
        } else {
            guard covered.contains(where: { $0.orderID == orderID }) else {
                throw OrderRefusal.reworkNothingCovered(order: original.number, plate: vehicle.plate.value)
            }
        }
        return Comeback(order: orderID, line: line, cause: cause)
    }
}

extension RepairOrder {
    /// Opens a repair order for a car checked in: one open order per car, the odometer never below
    /// the vehicle's last reading nor more than 2,000 km a day beyond it (`lastReading`, when it was
    /// taken) unless confirmed, a promise ahead of now, a comeback on the warranty's terms.
    /// `site`: the session's site (nil: the home site); a car open at another site of a chain is
    /// refused with that site named (`siteName` gives a site's name from its id).
    public static func checkIn(_ facts: CheckInFacts, vehicle: Vehicle, owner: Customer, openOrder: RepairOrder?,
                               comeback: Comeback?, advisor: String, at now: Timestamp,
                               lastReading: OdometerReading? = nil, site: Int? = nil,
                               siteName: (Int) throws -> String = { _ in "" }) throws -> RepairOrder {
        if let open = openOrder {
            let openAt = open.siteID ?? Site.homeID
            guard openAt == site ?? Site.homeID else {
                throw OrderRefusal.inAtAnotherSite(plate: vehicle.plate.value, order: open.number, site: try siteName(openAt),
                                                   checkedInAt: open.checkedInAt, status: open.status)
            }
            throw OrderRefusal.alreadyInShop(plate: vehicle.plate.value, order: open.number, checkedInAt: open.checkedInAt, status: open.status)
        }
        try OdometerRule.check(reading: facts.odometer, vehicle: vehicle)
        try OdometerRule.checkPlausible(reading: facts.odometer, plate: vehicle.plate.value, after: lastReading, at: now,
                                        confirmed: facts.confirmOdometer)
        guard !facts.complaint.isEmpty else { throw InputRefusal.empty(field: "complaint") }
        if let promise = facts.promise { try Gate.promise(promise, checkedIn: now, now: now) }
        let gauge = try Gauge.check(vehicle: vehicle, fuel: facts.fuel, battery: facts.battery)
        var order = RepairOrder(id: 0, vehicleID: vehicle.id, customerID: owner.id, status: .estimating, checkedInAt: now,
                                advisor: advisor, odometerIn: facts.odometer, fuel: gauge.fuel, battery: gauge.battery,
                                complaint: facts.complaint,
                                droppedBy: facts.droppedBy, droppedPhone: facts.droppedPhone, category: facts.category,
                                payer: facts.payer ?? (comeback != nil ? .warranty : .owner), promisedAt: facts.promise,
                                keyTag: facts.keyTag)
        order.reworkOf = comeback?.order
        order.reworkLine = comeback?.line
        order.reworkCause = comeback?.cause
        order.billTo = facts.billTo.flatMap { $0.id == owner.id ? nil : $0.id }
        return order
    }
}

/// Key-cabinet tags: short codes such as K07 or 12.
public enum KeyTag {
    public static func normalize(_ text: String) throws -> String {
        let tag = text.uppercased().trimmingCharacters(in: .whitespaces)
        guard !tag.isEmpty, tag.count <= 12, tag.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw InputRefusal.notKeyTag(given: text)
        }
        return tag
    }
}
