import Foundation

/// An instant, stored as whole seconds since 1970-01-01 00:00 UTC. Shown in the shop's zone.
public struct Timestamp: Hashable, Comparable, Sendable {
    public var seconds: Int
    public init(seconds: Int) { self.seconds = seconds }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }
    public static func + (lhs: Timestamp, seconds: Int) -> Timestamp { Timestamp(seconds: lhs.seconds + seconds) }
    public static func - (lhs: Timestamp, rhs: Timestamp) -> Int { lhs.seconds - rhs.seconds }

    public static var currentTime: Timestamp { Timestamp(seconds: Int(Date().timeIntervalSince1970)) }

    /// "2026-11-22T06:30:00Z": the UTC form used in JSON and exports.
    public var iso8601: String {
        let civil = CivilTime(utcSeconds: seconds)
        return civil.formatted(seconds: true, separator: "T") + "Z"
    }
}

/// A wall-clock date and time without a zone: year, month, day, hour, minute, second.
public struct CivilTime: Hashable, Sendable {
    public var year, month, day, hour, minute, second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// The civil time of `utcSeconds` seconds since the epoch, read as if in UTC.
    public init(utcSeconds: Int) {
        let days = utcSeconds >= 0 ? utcSeconds / 86_400 : (utcSeconds - 86_399) / 86_400
        let secondsOfDay = utcSeconds - days * 86_400
        let (y, m, d) = CivilTime.civil(fromDays: days)
        self.init(year: y, month: m, day: d, hour: secondsOfDay / 3600,
                  minute: secondsOfDay % 3600 / 60, second: secondsOfDay % 60)
    }

    /// Seconds since the epoch of this civil time read as UTC.
    public var utcSeconds: Int {
        CivilTime.days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    public static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// "2026-11-22 14:30" (or with ":05" seconds).
    public func formatted(seconds: Bool = false, separator: String = " ") -> String {
        // Lists show a time or two a row: written as bytes, without string interpolation.
        if (1000...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
           (0...59).contains(minute), (0...60).contains(second), separator.utf8.count == 1 {
            let separator = separator.utf8.first!
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 19) { bytes in
                var end = 0
                func put(_ byte: UInt8) {
                    bytes[end] = byte
                    end += 1
                }
                func digits(_ n: Int, _ count: Int) {
                    var divisor = count == 4 ? 1000 : 10
                    while divisor > 0 {
                        put(UInt8(ascii: "0") + UInt8(n / divisor % 10))
                        divisor /= 10
                    }
                }
                digits(year, 4); put(UInt8(ascii: "-")); digits(month, 2); put(UInt8(ascii: "-")); digits(day, 2)
                put(separator)
                digits(hour, 2); put(UInt8(ascii: ":")); digits(minute, 2)
                if seconds { put(UInt8(ascii: ":")); digits(second, 2) }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
            }
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var text = "\(year)-\(two(month))-\(two(day))\(separator)\(two(hour)):\(two(minute))"
        if seconds { text += ":\(two(second))" }
        return text
    }

    public var dateText: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

/// The shop's time zone: converts between stored UTC instants and the wall clock people read.
public struct ShopZone: Sendable {
    public let identifier: String
    private let zone: TimeZone
    private let offsets: OffsetCache

    public init(identifier: String) throws {
        guard let zone = TimeZone(identifier: identifier) else {
            throw InputRefusal.notTimeZone(given: identifier)
        }
        self.identifier = identifier
        self.zone = zone
        self.offsets = OffsetCache(zone)
    }

    public static let shanghai = try! ShopZone(identifier: "Asia/Shanghai")

    /// Seconds east of UTC at `instant`: the zone's rules, asked once per stretch between two
    /// transitions (a list of a hundred orders asked ICU a hundred times before).
    public func offset(at instant: Timestamp) -> Int { offsets.offset(at: instant.seconds) }
}

/// The offset of the stretch of time around the last instant asked about, between two of the
/// zone's transitions (daylight saving or a change of rules). Two instants whose next transition
/// is the same have no transition between them, so they share the offset; for a zone without
/// daylight saving, such as China's since 1991, every instant after its last change is one stretch.
private final class OffsetCache: @unchecked Sendable {
    private let zone: TimeZone
    private let lock = NSLock()
    /// From `start` (an instant known to be in it) up to, not including, `end` (the next
    /// transition; Int.max when there is none).
    private var stretch: (start: Int, end: Int, offset: Int)?

    init(_ zone: TimeZone) { self.zone = zone }

    func offset(at seconds: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let stretch, seconds >= stretch.start, seconds < stretch.end { return stretch.offset }
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        let next = zone.nextDaylightSavingTimeTransition(after: date).map { Int($0.timeIntervalSince1970.rounded(.up)) } ?? Int.max
        let offset = zone.secondsFromGMT(for: date)
        if let known = stretch, next == known.end, seconds < known.start, offset == known.offset {
            stretch = (seconds, known.end, offset)  // earlier in the same stretch: it reaches back further
        } else {
            stretch = (seconds, next, offset)
        }
        return offset
    }
}

extension ShopZone {

    public func civil(_ instant: Timestamp) -> CivilTime {
        CivilTime(utcSeconds: instant.seconds + offset(at: instant))
    }

    /// The instant a wall-clock time in this zone names (the earlier one across a DST change).
    public func instant(_ civil: CivilTime) -> Timestamp {
        let asUTC = civil.utcSeconds
        let guess = asUTC - offset(at: Timestamp(seconds: asUTC))
        return Timestamp(seconds: asUTC - offset(at: Timestamp(seconds: guess)))
    }

    /// "2026-11-22 14:30" in this zone.
    public func format(_ instant: Timestamp) -> String { civil(instant).formatted() }
    public func formatDate(_ instant: Timestamp) -> String { civil(instant).dateText }

    /// The start of the shop's day that contains `instant`.
    public func startOfDay(_ instant: Timestamp) -> Timestamp {
        let c = civil(instant)
        return self.instant(CivilTime(year: c.year, month: c.month, day: c.day))
    }
}

/// Reads the dates and times people type: `2026-11-22 14:30`, `2026-11-22T14:30`, `2026-11-22`,
/// `14:30` (today), `today 17:00`, `tomorrow 9:00`, `今天 17:00`, `明天 9:00`, `后天 9:00`, and back in
/// time `yesterday`/`昨天`, `前天`, `大前天`; so many days back or ahead, `100天前 9:00`, `10天后 9:00`.
public enum TimeParser {
    public static let accepted = "write 2026-11-22 14:30 (or 2026-11-22T14:30, a date alone, today/tomorrow 17:00, 明天 9:00)"

    public static func parse(_ text: String, zone: ShopZone, now: Timestamp, field: String) throws -> Timestamp {
        guard let instant = instant(text, zone: zone, now: now) else {
            // A date with an impossible time ("明天 25:00"): the time is what is wrong.
            let parts = text.split(separator: " ").map(String.init)
            if parts.count == 2, isDateWord(parts[0]), looksLikeTimeOfDay(parts[1]) {
                throw InputRefusal.notTimeOfDay(field: field, given: parts[1])
            }
            throw InputRefusal.notDateTime(field: field, given: text)
        }
        return instant
    }

    /// A date and its time of day, where a day alone is no answer (a promised time, the clock): the
    /// refusal lists only what such a field takes.
    public static func parseWithTime(_ text: String, zone: ShopZone, now: Timestamp, field: String) throws -> Timestamp {
        do {
            return try parse(text, zone: zone, now: now, field: field)
        } catch InputRefusal.notDateTime(let field, let given) {
            throw InputRefusal.notDateAndTime(field: field, given: given)
        }
    }

    static func instant(_ raw: String, zone: ShopZone, now: Timestamp) -> Timestamp? {
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "T", with: " ")
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard (1...2).contains(parts.count) else { return nil }
        let today = zone.civil(now)
        var date: (Int, Int, Int)
        var timeText: String?
        if let (y, m, d) = parseDate(parts[0]) {
            date = (y, m, d)
            timeText = parts.count == 2 ? parts[1] : nil
        } else if let offset = relativeDay(parts[0]) {
            let days = CivilTime.days(fromCivil: today.year, today.month, today.day) + offset
            date = CivilTime.civil(fromDays: days)
            guard parts.count == 2 else { return nil }
            timeText = parts[1]
        } else if parts.count == 1, parseTime(parts[0]) != nil {
            date = (today.year, today.month, today.day)
            timeText = parts[0]
        } else {
            return nil
        }
        var (hour, minute, second) = (0, 0, 0)
        if let timeText {
            guard let time = parseTime(timeText) else { return nil }
            (hour, minute, second) = time
        }
        return zone.instant(CivilTime(year: date.0, month: date.1, day: date.2, hour: hour, minute: minute, second: second))
    }

    static func relativeDay(_ word: String) -> Int? {
        // "100天前", "10天后": so many days back or ahead (a demo's history, a date said as "in 10 days").
        for (suffix, sign) in [("天前", -1), ("天后", 1)] where word.hasSuffix(suffix) {
            let digits = word.dropLast(suffix.count)
            guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let days = Int(digits) else { return nil }
            return sign * days
        }
        switch word.lowercased() {
        case "today", "今天": return 0
        case "tomorrow", "明天": return 1
        case "后天": return 2
        case "yesterday", "昨天": return -1
        case "前天": return -2
        case "大前天": return -3
        default: return nil
        }
    }

    /// "2026-11-22" (also 2026/11/22) → (year, month, day), checking the day exists.
    public static func parseDate(_ text: String) -> (Int, Int, Int)? {
        let fields = text.split(whereSeparator: { $0 == "-" || $0 == "/" }).map { Int($0) }
        guard fields.count == 3, let y = fields[0], let m = fields[1], let d = fields[2],
              (1900...2999).contains(y), (1...12).contains(m), d >= 1, d <= CivilTime.daysIn(month: m, year: y)
        else { return nil }
        return (y, m, d)
    }

    static func parseTime(_ text: String) -> (Int, Int, Int)? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(fields.count), let h = fields[0], let m = fields[1],
              (0...23).contains(h), (0...59).contains(m) else { return nil }
        let s = fields.count == 3 ? fields[2] : 0
        guard let s, (0...59).contains(s) else { return nil }
        return (h, m, s)
    }

    /// Whether a word is a time of day, so that "2026-11-22" "14:30" typed as two words join up.
    public static func isTimeOfDay(_ word: String) -> Bool { parseTime(word) != nil }
    /// Written as a time of day (digits, a colon, digits), possible or not: "25:00" is one, wrong.
    public static func looksLikeTimeOfDay(_ word: String) -> Bool {
        let fields = word.split(separator: ":", omittingEmptySubsequences: false)
        return (2...3).contains(fields.count) && fields.allSatisfy { !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
    public static func isDateWord(_ word: String) -> Bool { parseDate(word) != nil || relativeDay(word) != nil }

    /// The shop's day a date word names: 2027-05-31, or one counted from `now` (today, 明天, 10天后, 100天前).
    public static func day(_ word: String, zone: ShopZone, now: Timestamp) -> CalendarDay? {
        if let (y, m, d) = parseDate(word) { return CalendarDay(year: y, month: m, day: d) }
        return relativeDay(word).map { CalendarDay(now, zone: zone).adding(days: $0) }
    }
}

/// Telephone numbers, kept as digits so that 138-0013-8000 and 13800138000 are the same customer.
public enum Phone {
    public static func normalize(_ text: String) throws -> String {
        var digits = text.filter { !" -()（）".contains($0) && $0 != "\u{3000}" }
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.hasPrefix("0086") { digits.removeFirst(4) }
        guard (5...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw InputRefusal.notPhone(given: text)
        }
        return digits
    }
}
