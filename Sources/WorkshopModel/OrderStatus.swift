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
    /// Opened by mistake and voided (作废): kept on record, never deleted, but out of the board, the
    /// lists of orders in the shop and every report. Not an open status: the key tag and the vehicle
    /// are free again (the partial indexes of migration 002 list the open statuses, and never this one).
    case void

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
        case .void: return "已作废"
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
        case .void: return "void"
        }
    }
    public var aliases: [String] {
        switch self {
        case .inWork: return ["in_work", "inwork", "work"]
        case .void: return ["voided", "作废"]
        default: return []
        }
    }

    /// The car is in the shop under this order: the vehicle cannot be checked in again.
    public var isOpen: Bool {
        switch self {
        case .estimating, .signed, .inWork, .completed, .ready: return true
        case .declined, .released, .void: return false
        }
    }

    /// The codes of the open statuses, for queries.
    public static let openCodes: [String] = allCases.filter(\.isOpen).map(\.code)

    /// The customer has signed and the order is not closed: the workshop may work on it.
    public var isAuthorised: Bool { self == .signed || self == .inWork || self == .completed || self == .ready }
}
