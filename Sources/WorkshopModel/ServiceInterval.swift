/// How often a vehicle is serviced: every so many kilometres, every so many months, or both —
/// whichever comes first. Typed `5000km|6months`, `5000公里|6个月`, `1万公里`, `6个月`, `1年`.
public struct ServiceInterval: Equatable, Sendable {
    public var km: Int?
    public var months: Int?

    public init(km: Int? = nil, months: Int? = nil) { (self.km, self.months) = (km, months) }

    public static let kilometres = 100...100_000
    public static let monthRange = 1...60

    /// Reads "5000km|6months" (either part alone, in either order; separated by | , / 或 、). Throws
    /// `ReminderRefusal.badInterval` naming what was typed.
    public static func parse(_ text: String) throws -> ServiceInterval {
        let separators: Set<Character> = ["|", ",", "，", "/", "、", "或", "+"]
        let parts = text.filter { !$0.isWhitespace }.split(whereSeparator: { separators.contains($0) }).map(String.init)
        var interval = ServiceInterval()
        guard !parts.isEmpty else { throw ReminderRefusal.badInterval(given: text) }
        for part in parts {
            guard let (number, unit) = UnitCount.split(part) else { throw ReminderRefusal.badInterval(given: text) }
            switch unit {
            case .km:
                guard interval.km == nil, kilometres.contains(number) else { throw ReminderRefusal.badInterval(given: text) }
                interval.km = number
            case .months, .years:
                let months = unit == .years ? number * 12 : number
                guard interval.months == nil, monthRange.contains(months) else { throw ReminderRefusal.badInterval(given: text) }
                interval.months = months
            case .days, .weeks:
                throw ReminderRefusal.badInterval(given: text)
            }
        }
        return interval
    }

    /// "5000km|6months": how it is stored and shown to programs.
    public var code: String {
        [km.map { "\($0)km" }, months.map { "\($0)months" }].compactMap { $0 }.joined(separator: "|")
    }

    /// "每5,000公里或6个月（以先到者为准）" / "every 5,000 km or 6 months, whichever first".
    public func label(_ language: Language) -> String {
        let both = km != nil && months != nil
        if language == .zh { return "每" + span(language) + (both ? "（以先到者为准）" : "") }
        return "every " + span(language) + (both ? ", whichever first" : "")
    }

    /// "5,000公里或6个月" / "5,000 km or 6 months".
    public func span(_ language: Language) -> String {
        let kmText = km.map { FixedPoint.format($0, scale: 0, grouping: true) }
        if language == .zh {
            return [kmText.map { "\($0)公里" }, months.map { "\($0)个月" }].compactMap { $0 }.joined(separator: "或")
        }
        return [kmText.map { "\($0) km" }, months.map { "\($0) month" + ($0 == 1 ? "" : "s") }].compactMap { $0 }.joined(separator: " or ")
    }

    /// One part of what a person typed: a whole number and its unit ("5000km", "6个月", "1万公里").
    enum UnitCount {
        enum Unit { case km, months, years, days, weeks }

        static let units: [(spellings: [String], unit: Unit)] = [
            (["km", "公里", "千米"], .km),
            (["months", "month", "mo", "个月", "月"], .months),
            (["years", "year", "y", "年"], .years),
            (["days", "day", "d", "天", "日"], .days),
            (["weeks", "week", "w", "周", "星期", "个星期"], .weeks),
        ]

        /// The number and unit of `text`, or nil: a number without a unit is not taken (5000 what?).
        static func split(_ text: String) -> (Int, Unit)? {
            let lower = text.lowercased()
            let digits = String(lower.prefix { $0.isASCII && $0.isNumber })
            var rest = String(lower.dropFirst(digits.count))
            guard !digits.isEmpty, digits.count <= 7, var number = Int(digits) else { return nil }
            if rest.hasPrefix("万") {  // 1万公里 = 10,000 km
                number *= 10_000
                rest.removeFirst()
            }
            guard let unit = units.first(where: { $0.spellings.contains(rest) })?.unit else { return nil }
            return (number, unit)
        }
    }
}

/// How far ahead `remind list due` looks: `within=14days` (14天, 2weeks, 2周, 1month, 1个月; a bare
/// number is days). The list shows what is due up to and including its last day, and whatever is
/// overdue.
public enum ReminderWindow: Equatable, Sendable {
    case days(Int)
    case months(Int)

    public static func parse(_ text: String) throws -> ReminderWindow {
        let text = text.filter { !$0.isWhitespace }
        if let days = Int(text), (0...366).contains(days) { return .days(days) }
        guard let (number, unit) = ServiceInterval.UnitCount.split(text) else { throw ReminderRefusal.badWindow(given: text) }
        switch unit {
        case .days where number <= 366: return .days(number)
        case .weeks where number <= 52: return .days(number * 7)
        case .months where (1...12).contains(number): return .months(number)
        case .years where number == 1: return .months(12)
        default: throw ReminderRefusal.badWindow(given: text)
        }
    }

    /// The last day the window takes in, from `today`.
    public func lastDay(from today: CalendarDay) -> CalendarDay {
        switch self {
        case .days(let days): return today.adding(days: days)
        case .months(let months): return today.adding(months: months)
        }
    }

    /// "14days" / "1months": as stored after reading.
    public var code: String {
        switch self {
        case .days(let days): return "\(days)days"
        case .months(let months): return "\(months)months"
        }
    }
}
