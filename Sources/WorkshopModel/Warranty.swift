/// A warranty period (维修质量保证期): kilometres and days, whichever comes first.
public struct WarrantyTerm: Hashable, Sendable {
    public var km: Int
    public var days: Int
    public init(km: Int, days: Int) { (self.km, self.days) = (km, days) }
}

/// The periods of 机动车维修管理规定, and the rule that a shop may promise longer, never shorter.
public enum WarrantyTable {
    public static func statutory(_ vehicleClass: VehicleClass, _ category: RepairCategory) -> WarrantyTerm {
        let major = category == .overhaul || category == .assembly
        switch vehicleClass {
        case .car:
            if major { return WarrantyTerm(km: 20_000, days: 100) }
            return category == .level2 ? WarrantyTerm(km: 5_000, days: 30) : WarrantyTerm(km: 2_000, days: 10)
        case .motorcycle:
            return major ? WarrantyTerm(km: 7_000, days: 80) : WarrantyTerm(km: 800, days: 10)
        case .other:
            return major ? WarrantyTerm(km: 6_000, days: 60) : WarrantyTerm(km: 700, days: 7)
        }
    }

    /// A shop's own term is accepted only if it is at least the statutory one on both counts.
    public static func validate(_ term: WarrantyTerm, _ vehicleClass: VehicleClass, _ category: RepairCategory) throws {
        let minimum = statutory(vehicleClass, category)
        guard term.km >= minimum.km, term.days >= minimum.days else {
            throw InputRefusal.shorterWarranty(vehicleClass: vehicleClass, category: category, minimumKm: minimum.km, minimumDays: minimum.days)
        }
    }
}

/// The warranty of one line of a released order: from the release date and odometer, until a date
/// or a reading, whichever comes first. Periods count from the day after release (the release day
/// itself is not counted), and cover the whole of the last day and the last kilometre.
public struct WarrantyCoverage: Sendable {
    public var orderID: Int
    public var line: OrderLine
    public var releasedAt: Timestamp
    public var releaseOdometer: Int
    public var term: WarrantyTerm
    /// The last day covered, "2026-12-02", in the shop's zone.
    public var lastDay: String
    public var lastKilometre: Int

    public init(orderID: Int, line: OrderLine, releasedAt: Timestamp, releaseOdometer: Int, term: WarrantyTerm, zone: ShopZone) {
        self.orderID = orderID
        self.line = line
        self.releasedAt = releasedAt
        self.releaseOdometer = releaseOdometer
        self.term = term
        (lastDay, lastKilometre) = Self.end(releasedAt: releasedAt, releaseOdometer: releaseOdometer, term: term, zone: zone)
    }

    /// The last day ("2026-12-02", in the shop's zone) and the last kilometre a term covers, for
    /// work released at `releasedAt` with `releaseOdometer` km.
    public static func end(releasedAt: Timestamp, releaseOdometer: Int, term: WarrantyTerm, zone: ShopZone) -> (day: String, kilometre: Int) {
        let released = zone.civil(releasedAt)
        let (y, m, d) = CivilTime.civil(fromDays: CivilTime.days(fromCivil: released.year, released.month, released.day) + term.days)
        return (CivilTime(year: y, month: m, day: d).dateText, releaseOdometer + term.km)
    }

    /// Whether the line is still covered on `day` ("2026-11-30") at `odometer` km (nil: unknown).
    public func covers(day: String, odometer: Int?) -> Bool {
        Self.covers(lastDay: lastDay, lastKilometre: lastKilometre, day: day, odometer: odometer)
    }

    /// Whether a term ending on `lastDay` at `lastKilometre` still covers `day` at `odometer` km.
    public static func covers(lastDay: String, lastKilometre: Int, day: String, odometer: Int?) -> Bool {
        guard day <= lastDay else { return false }
        if let odometer, odometer > lastKilometre { return false }
        return true
    }
}

extension OrderRecord {
    /// The warranty of each line that carries one, from the release date and odometer, under the
    /// term promised at release (`fallback` only for an order released before the term was kept on it).
    public func warrantyCoverage(zone: ShopZone, fallback: WarrantyTerm) -> [WarrantyCoverage] {
        guard let released = order.releasedAt, order.status == .released else { return [] }
        let term = order.warrantyTerm ?? fallback
        return lines.filter(\.carriesWarranty).map {
            WarrantyCoverage(orderID: order.id, line: $0, releasedAt: released, releaseOdometer: order.releaseOdometer ?? order.odometerIn,
                             term: term, zone: zone)
        }
    }
}
