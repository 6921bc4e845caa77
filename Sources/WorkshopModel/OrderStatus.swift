/// Where a repair order (进厂维修单) stands. The order moves forward only through the transitions
/// below; each refusal says why and what to do instead.
public enum OrderStatus: String, Vocabulary {
    /// Checked in; diagnosis and estimate being written. Not yet signed.
    case estimating
    /// Signed by the customer: work may start.
    case signed
    /// In the workshop.
    case inWork = "in-work"
    /// Work finished, waiting for the final inspection.
    case completed
    /// Passed the final inspection (or needs none): ready to hand back (竣工待交车).
    case ready
    /// The customer declined the estimate; the car leaves unrepaired.
    case declined
    /// Handed back to the customer.
    case released

    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .estimating: return "估价中"
        case .signed: return "已签字"
        case .inWork: return "维修中"
        case .completed: return "待竣工检验"
        case .ready: return "竣工待交车"
        case .declined: return "客户拒修"
        case .released: return "已出厂"
        }
    }
    public var english: String {
        switch self {
        case .estimating: return "estimating"
        case .signed: return "signed"
        case .inWork: return "in work"
        case .completed: return "awaiting final inspection"
        case .ready: return "ready for hand-back"
        case .declined: return "declined"
        case .released: return "released"
        }
    }
    public var aliases: [String] { self == .inWork ? ["in_work", "inwork", "work"] : [] }

    /// The car is in the shop under this order: the vehicle cannot be checked in again.
    public var isOpen: Bool {
        switch self {
        case .estimating, .signed, .inWork, .completed, .ready: return true
        case .declined, .released: return false
        }
    }

    /// The codes of the open statuses, for queries.
    public static let openCodes: [String] = allCases.filter(\.isOpen).map(\.code)

    /// The customer has signed and the order is not closed: the workshop may work on it.
    public var isAuthorised: Bool { self == .signed || self == .inWork || self == .completed || self == .ready }
}

/// The rules of what may be done to an order in each status.
public enum OrderRules {
    /// Lines, prices and the estimate method may change only before the customer signs.
    public static func ensureEstimateEditable(_ status: OrderStatus, order: String) throws {
        switch status {
        case .estimating:
            return
        case .signed:
            throw UserError("\(order) is signed: its lines cannot change without the customer. Reopen it first (reopen \(order) reason=\"…\"), which is recorded, then have it signed again")
        case .inWork, .completed, .ready:
            throw UserError("\(order) is \(status.english): added work goes through the customer as a supplement (supplement \(order) add …)")
        case .declined, .released:
            throw UserError("\(order) is \(status.english) and closed: it can no longer change")
        }
    }

    /// Facts of the reception (damage, belongings, diagnosis, promise) may be recorded while the car is here.
    public static func ensureOpen(_ status: OrderStatus, order: String) throws {
        guard status.isOpen else {
            throw UserError("\(order) is \(status.english) and closed: it can no longer change")
        }
    }

    /// What the customer signs: an estimate with at least one line, and a promised time.
    public static func ensureCanSign(_ status: OrderStatus, order: String, pendingLines: Int, hasPromise: Bool) throws {
        switch status {
        case .estimating: break
        case .signed, .inWork, .completed, .ready:
            throw UserError("\(order) is already signed")
        case .declined, .released:
            throw UserError("\(order) is \(status.english) and closed: check the car in again for new work")
        }
        guard pendingLines > 0 else {
            throw UserError("\(order) has no estimate lines to sign: add them first (estimate \(order) labor|part|fee …)")
        }
        guard hasPromise else {
            throw UserError("\(order) has no promised completion time: set it before the customer signs (promise \(order) 2026-11-23 17:00)")
        }
    }

    public static func ensureCanDecline(_ status: OrderStatus, order: String) throws {
        switch status {
        case .estimating: return
        case .signed:
            throw UserError("\(order) is signed: reopen it first (reopen \(order) reason=\"…\") if the customer withdraws")
        default:
            throw UserError("\(order) is \(status.english): only an estimate not yet signed can be declined")
        }
    }

    public static func ensureCanReopen(_ status: OrderStatus, order: String) throws {
        guard status == .signed else {
            if status == .estimating { throw UserError("\(order) is not signed: it can be edited as it is") }
            throw UserError("\(order) is \(status.english): only a signed order not yet in the workshop can be reopened")
        }
    }
}
