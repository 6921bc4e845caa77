/// Where a booking (预约) stands.
public enum AppointmentStatus: String, Vocabulary {
    /// Written down, not yet confirmed: parts and bay not held.
    case pending
    /// Parts reserved and a bay held.
    case confirmed
    /// The car came: an order was opened from it.
    case arrived
    case cancelled
    case noShow = "no-show"

    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .pending: return "待确认"
        case .confirmed: return "已确认"
        case .arrived: return "已到店"
        case .cancelled: return "已取消"
        case .noShow: return "未到店"
        }
    }
    public var english: String { self == .noShow ? "no-show" : rawValue }
    /// Still holding (or about to hold) parts and a bay.
    public var isActive: Bool { self == .pending || self == .confirmed }
}

/// A canned job (套餐/标准作业): labour operations and parts, with the equipment it needs.
public struct Job: Hashable, Sendable {
    public var code: String
    public var name: String
    public var operations: [String]
    public var parts: [(partNumber: String, quantity: Quantity)]
    public var equipment: [String]

    public init(code: String, name: String, operations: [String], parts: [(partNumber: String, quantity: Quantity)], equipment: [String]) {
        (self.code, self.name, self.operations, self.parts, self.equipment) = (code, name, operations, parts, equipment)
    }

    public static func == (lhs: Job, rhs: Job) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Reads "BP-1234:2,W712/94:1" (quantity 1 when left out).
    public static func parseParts(_ text: String) throws -> [(partNumber: String, quantity: Quantity)] {
        try text.split(separator: ",").map { item in
            // ":2" or ":" names no part: kept as an empty number, refused below (never an index out of range).
            let pieces = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let number = pieces[0].trimmingCharacters(in: .whitespaces).uppercased()
            guard !number.isEmpty else { throw InputRefusal.notPartsList(given: text) }
            let quantity = pieces.count == 2 ? try Quantity.parse(pieces[1], field: "quantity of \(number)") : Quantity(units: 1)
            return (number, quantity)
        }
    }
}

/// A booking by phone.
public struct Appointment: Sendable {
    public var id: Int
    public var vehicleID: Int
    public var at: Timestamp
    /// Minutes the bay is held.
    public var duration: Int
    public var complaint: String
    public var jobs: [String]
    public var equipment: [String]
    public var bayID: Int?
    public var status: AppointmentStatus
    public var orderID: Int?
    public var estimate: Money
    public var createdAt: Timestamp
    public var createdBy: String
    public var note: String?

    public init(id: Int, vehicleID: Int, at: Timestamp, duration: Int, complaint: String, jobs: [String], equipment: [String],
                bayID: Int?, status: AppointmentStatus, orderID: Int?, estimate: Money, createdAt: Timestamp, createdBy: String,
                note: String? = nil) {
        (self.id, self.vehicleID, self.at, self.duration, self.complaint, self.jobs, self.equipment, self.bayID, self.status,
         self.orderID, self.estimate, self.createdAt, self.createdBy, self.note) =
            (id, vehicleID, at, duration, complaint, jobs, equipment, bayID, status, orderID, estimate, createdAt, createdBy, note)
    }

    public var reference: String { "A\(id)" }
    public var end: Timestamp { at + duration * 60 }

    /// Reads "A12", "a12" or "12".
    public static func id(from text: String) -> Int? {
        var digits = Substring(text)
        if digits.first == "A" || digits.first == "a" { digits = digits.dropFirst() }
        return digits.isEmpty ? nil : Int(digits)
    }
}

/// The rules of booking: a bay holds one car at a time, within its opening hours, with the equipment
/// the jobs need; parts are in stock before the booking is confirmed.
public enum BookingRules {
    /// Whether [a, a+da) and [b, b+db) overlap.
    public static func overlaps(_ start: Timestamp, _ end: Timestamp, _ otherStart: Timestamp, _ otherEnd: Timestamp) -> Bool {
        start < otherEnd && otherStart < end
    }

    /// Opening hours "08:00-18:00" as minutes of the day.
    public static func parseHours(_ text: String) throws -> (open: Int, close: Int) {
        let parts = text.split(separator: "-").map { $0.split(separator: ":").compactMap { Int($0) } }
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              (0...23).contains(parts[0][0]), (0...59).contains(parts[0][1]), (0...24).contains(parts[1][0]), (0...59).contains(parts[1][1]) else {
            throw InputRefusal.notOpeningHours(given: text)
        }
        let open = parts[0][0] * 60 + parts[0][1], close = parts[1][0] * 60 + parts[1][1]
        guard open < close else { throw InputRefusal.opensAfterCloses(given: text) }
        return (open, close)
    }

    /// Whether the booking [start, end) lies within the opening hours of its day.
    public static func withinHours(start: Timestamp, minutes: Int, hours: (open: Int, close: Int), zone: ShopZone) -> Bool {
        let c = zone.civil(start)
        let begin = c.hour * 60 + c.minute
        return begin >= hours.open && begin + minutes <= hours.close
    }

    /// Minutes to hold a bay for `hours` of labour: rounded up to the half hour, at least 30.
    public static func duration(forLabour hours: Hours) -> Int {
        let minutes = (hours.hundredths * 60 + 99) / 100
        return max(30, (minutes + 29) / 30 * 30)
    }
}
