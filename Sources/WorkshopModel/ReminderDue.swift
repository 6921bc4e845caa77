/// How far a vehicle goes in a day, from its odometer readings on record: the distance between
/// the first and the last reading over the days between. Kept as that distance and those days, so
/// that every date worked out from it is exact integer arithmetic.
public struct DailyDistance: Equatable, Sendable {
    public var km: Int
    public var days: Int

    public init(km: Int, days: Int) { (self.km, self.days) = (km, days) }

    /// From the readings (any order): nil with fewer than two, with the first and last on the same
    /// day, or without distance between them — then no date can be estimated from kilometres.
    public static func from(_ readings: [(day: CalendarDay, km: Int)]) -> DailyDistance? {
        let sorted = readings.sorted { ($0.day, $0.km) < ($1.day, $1.km) }
        guard let first = sorted.first, let last = sorted.last, last.day > first.day, last.km > first.km else { return nil }
        return DailyDistance(km: last.km - first.km, days: last.day - first.day)
    }

    /// From a vehicle's readings as the shop's calendar sees them: those since its last correction
    /// (a corrected reading replaces what came before it).
    public static func from(_ history: OdometerHistory, zone: ShopZone) -> DailyDistance? {
        let since = history.readings.lastIndex { if case .correction = $0.source { return true } else { return false } } ?? 0
        return from(history.readings[since...].map { (CalendarDay($0.at, zone: zone), $0.km) })
    }

    /// Kilometres a day, rounded to a whole one for people to read ("about 50 km a day").
    public var perDay: Int { FixedPoint.divideRoundingHalfUp(km, days) }

    /// The day the car is expected to have gone `ahead` kilometres more than on `day`: the first day
    /// it has covered them (rounded up to a whole day). A distance already passed (`ahead` below
    /// zero) gives a day before `day`.
    public func day(covering ahead: Int, after day: CalendarDay) -> CalendarDay {
        let product = ahead * days
        let whole = product >= 0 ? (product + km - 1) / km : -((-product) / km)
        return day.adding(days: whole)
    }
}

/// When a maintenance is due: the date bound (the last service plus the months), the kilometre
/// bound (the last service's odometer plus the kilometres) and the day that reading is expected
/// from the car's daily distance — whichever comes first.
public struct MaintenanceDue: Equatable, Sendable {
    public enum Reason: String, Sendable { case date, km }

    /// The last service plus the interval's months.
    public var byDate: CalendarDay?
    /// The reading the next service is due at.
    public var dueKm: Int?
    /// The day `dueKm` is expected, from `distance`; nil when it cannot be estimated.
    public var byKm: CalendarDay?
    /// What the estimate used; nil when the vehicle has fewer than two readings on different days.
    public var distance: DailyDistance?
    /// The earlier of `byDate` and `byKm`.
    public var due: CalendarDay
    public var reason: Reason

    /// Works it out from the last service (its day, and its odometer when known), the interval, the
    /// latest reading on record and the car's daily distance. Nil when nothing gives a date: a
    /// kilometre interval alone, and no estimate to turn it into a day.
    public static func compute(interval: ServiceInterval, lastService: CalendarDay, lastKm: Int?,
                               latest: (day: CalendarDay, km: Int)?, distance: DailyDistance?) -> MaintenanceDue? {
        let byDate = interval.months.map { lastService.adding(months: $0) }
        let dueKm = interval.km.flatMap { km in lastKm.map { $0 + km } }
        var byKm: CalendarDay?
        if let dueKm, let distance {
            // From the latest reading when it is later than the service, else from the service itself.
            let from: (day: CalendarDay, km: Int) = latest.flatMap { $0.day >= lastService ? $0 : nil } ?? (lastService, lastKm ?? 0)
            byKm = distance.day(covering: dueKm - from.km, after: from.day)
        }
        switch (byDate, byKm) {
        case let (date?, km?):
            return MaintenanceDue(byDate: date, dueKm: dueKm, byKm: km, distance: distance, due: min(date, km), reason: km < date ? .km : .date)
        case let (date?, nil):
            return MaintenanceDue(byDate: date, dueKm: dueKm, byKm: nil, distance: distance, due: date, reason: .date)
        case let (nil, km?):
            return MaintenanceDue(byDate: nil, dueKm: dueKm, byKm: km, distance: distance, due: km, reason: .km)
        case (nil, nil):
            return nil
        }
    }
}
