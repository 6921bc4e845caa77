/// A day of the shop's calendar (2026-06-01), counted in whole days since 1970-01-01: due dates are
/// compared, counted and moved by days and calendar months, never by seconds.
public struct CalendarDay: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01.
    public let number: Int

    public init(number: Int) { self.number = number }

    public init(year: Int, month: Int, day: Int) { number = CivilTime.days(fromCivil: year, month, day) }

    /// "2026-06-01" (or 2026/06/01); nil for a day that does not exist.
    public init?(_ text: String) {
        guard let (y, m, d) = TimeParser.parseDate(text) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The shop's day `instant` falls on.
    public init(_ instant: Timestamp, zone: ShopZone) {
        let c = zone.civil(instant)
        self.init(year: c.year, month: c.month, day: c.day)
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.number < b.number }
    /// Whole days from `b` to `a`.
    public static func - (a: CalendarDay, b: CalendarDay) -> Int { a.number - b.number }

    public var parts: (year: Int, month: Int, day: Int) { CivilTime.civil(fromDays: number) }

    /// "2026-06-01"
    public var text: String {
        let (y, m, d) = parts
        return CivilTime(year: y, month: m, day: d).dateText
    }

    public func adding(days: Int) -> CalendarDay { CalendarDay(number: number + days) }

    /// The same day of the month `months` later; a day the month does not have is its last day
    /// (2026-08-31 + 6 months is 2027-02-28).
    public func adding(months: Int) -> CalendarDay {
        let (y, m, d) = parts
        let index = y * 12 + (m - 1) + months
        let (year, month) = (index >= 0 ? index / 12 : (index - 11) / 12, (index % 12 + 12) % 12 + 1)
        return CalendarDay(year: year, month: month, day: min(d, CivilTime.daysIn(month: month, year: year)))
    }

    /// The start of this day in the shop's zone.
    public func start(in zone: ShopZone) -> Timestamp {
        let (y, m, d) = parts
        return zone.instant(CivilTime(year: y, month: m, day: d))
    }
}
