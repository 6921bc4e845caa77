/// What a reminder is about: the next maintenance (保养), the annual inspection (年检), the
/// insurance renewal (保险续保), or work the customer declined on an earlier visit.
public enum ReminderKind: String, Vocabulary {
    case maintenance, inspection, insurance, declined
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .maintenance: return "保养"
        case .inspection: return "年检"
        case .insurance: return "保险续保"
        case .declined: return "未做项目"
        }
    }
    public var english: String {
        switch self {
        case .maintenance: return "maintenance"
        case .inspection: return "annual inspection"
        case .insurance: return "insurance renewal"
        case .declined: return "declined work"
        }
    }
    public var aliases: [String] {
        switch self {
        case .maintenance: return ["service", "维护", "保养提醒"]
        case .inspection: return ["年审", "检验", "annual-inspection"]
        case .insurance: return ["保险", "续保", "车险", "renewal"]
        case .declined: return ["拒修", "拒绝项目", "declined-work"]
        }
    }
}

/// Where a reminder came from.
public enum ReminderOrigin: String, Sendable {
    /// `remind set`.
    case set
    /// The release of an order that did maintenance.
    case release
    /// A document checked in with its expiry (行驶证's inspection date, the insurance policy).
    case document
    /// A line the customer declined on an order.
    case declined
}

/// What a maintenance reminder counts from: a service on record (or given by `last=`), or — none
/// being known — the latest reading, or the day it was set. A message claims a "last service" only
/// for the first.
public enum CountedFrom: String, Sendable {
    case service, reading, setDay = "set-day"
}

/// How a reminder left the list.
public enum ReminderOutcome: String, Sendable {
    /// The customer was reached (`done`, or a booking linked).
    case called
    /// The work was done: a later maintenance, or the declined item on a later order.
    case serviced
    /// A newer reminder of the same kind replaced it (set again, a new document date).
    case replaced
    /// `remind clear`: the shop stopped it.
    case cleared
    /// `remind R… dismiss`: not to be offered again (done elsewhere, no longer wanted).
    case dismissed
}

/// A reminder to call a customer about a vehicle: what is due, by when and why, and what came of it.
/// It states the facts in force when it was made (the interval, the last service, the estimate);
/// settings changed later do not rewrite it.
public struct Reminder: Equatable, Sendable {
    public var id: Int
    public var vehicleID: Int
    public var kind: ReminderKind
    public var origin: ReminderOrigin
    /// The order it came from: the maintenance released, the order whose line was declined, the
    /// order a document was checked in with.
    public var orderID: Int?
    /// The declined line's number and what it was ("更换刹车油 176.00").
    public var lineNumber: Int?
    public var item: String?
    /// Maintenance: the interval in force, and whether it is the vehicle's own (`remind set every=`)
    /// rather than the shop's default.
    public var interval: ServiceInterval?
    public var ownInterval: Bool
    /// Maintenance: the last service's day and odometer.
    public var lastService: CalendarDay?
    public var lastKm: Int?
    public var countedFrom: CountedFrom?
    /// The date bound: the last service plus the months, or the date given (年检, insurance, due=).
    public var dueDate: CalendarDay?
    /// The reading the maintenance is due at, and the day it is expected from `distance`.
    public var dueKm: Int?
    public var dueByKm: CalendarDay?
    public var distance: DailyDistance?
    /// When it is due: the earlier of the bounds. The list is read by this day.
    public var dueOn: CalendarDay
    public var createdAt: Timestamp
    public var createdBy: String
    /// The call that reached the customer: when, who, what they said.
    public var calledAt: Timestamp?
    public var calledBy: String?
    public var result: String?
    /// The booking the call brought (A12), linked when and by whom.
    public var appointmentID: Int?
    public var bookedAt: Timestamp?
    public var bookedBy: String?
    public var closedAt: Timestamp?
    public var closedBy: String?
    public var outcome: ReminderOutcome?
    /// The order that did the work (serviced), or why it was cleared or dismissed.
    public var closedOrderID: Int?
    public var closeReason: String?
    /// The site (门店) whose reminder it is, as rows store it (nil: the home site): its order's when
    /// it comes from one, else the site that set it. Listed, counted and signed there.
    public var siteID: Int?

    public init(id: Int = 0, vehicleID: Int, kind: ReminderKind, origin: ReminderOrigin, orderID: Int? = nil, lineNumber: Int? = nil,
                item: String? = nil, interval: ServiceInterval? = nil, ownInterval: Bool = false, lastService: CalendarDay? = nil,
                lastKm: Int? = nil, countedFrom: CountedFrom? = nil, dueDate: CalendarDay? = nil, dueKm: Int? = nil, dueByKm: CalendarDay? = nil,
                distance: DailyDistance? = nil, dueOn: CalendarDay, createdAt: Timestamp, createdBy: String) {
        (self.id, self.vehicleID, self.kind, self.origin, self.orderID, self.lineNumber, self.item) =
            (id, vehicleID, kind, origin, orderID, lineNumber, item)
        (self.interval, self.ownInterval, self.lastService, self.lastKm, self.countedFrom) = (interval, ownInterval, lastService, lastKm, countedFrom)
        (self.dueDate, self.dueKm, self.dueByKm, self.distance) = (dueDate, dueKm, dueByKm, distance)
        (self.dueOn, self.createdAt, self.createdBy) = (dueOn, createdAt, createdBy)
    }

    /// "R7": how a reminder is shown and typed.
    public var number: String { Reminder.number(id) }
    public static func number(_ id: Int) -> String { "R\(id)" }

    /// Reads "R7" or "r7" as a reminder's id.
    public static func id(fromNumber text: String) -> Int? {
        guard let first = text.first, first == "R" || first == "r" else { return nil }
        let digits = text.dropFirst()
        guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    public var isOpen: Bool { closedAt == nil }

    /// Whether the maintenance is due by the kilometre estimate rather than the date.
    public var dueByKilometres: Bool { dueByKm != nil && dueByKm == dueOn && (dueDate.map { dueOn < $0 } ?? true) }

    /// Open and due by `lastDay` (the window's last day): overdue ones too.
    public func isDue(by lastDay: CalendarDay) -> Bool { isOpen && dueOn <= lastDay }
}
