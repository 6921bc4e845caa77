/// What the board knows about one open order, or one declined order not yet released.
public struct BoardFacts: Sendable {
    public var orderID: Int
    public var plate: String
    public var status: OrderStatus
    public var category: RepairCategory
    public var checkedInAt: Timestamp
    public var promisedAt: Timestamp?
    /// When the work started (first dispatch).
    public var startedAt: Timestamp?
    /// When the work was last reported complete.
    public var completedAt: Timestamp?
    public var progress: Int?
    public var lastProgressAt: Timestamp?
    public var lastNotifiedAt: Timestamp?
    public var pendingSupplements: Int
    public var passedStages: Set<InspectionStage>
    public var reworkPending: Bool
    public var assignment: String
    /// A declined order not yet released: what it still holds (fee, key, belongings).
    public var held: HeldUntilRelease?

    public init(orderID: Int, plate: String, status: OrderStatus, category: RepairCategory, checkedInAt: Timestamp,
                promisedAt: Timestamp?, startedAt: Timestamp? = nil, completedAt: Timestamp? = nil, progress: Int? = nil, lastProgressAt: Timestamp? = nil,
                lastNotifiedAt: Timestamp? = nil, pendingSupplements: Int = 0, passedStages: Set<InspectionStage> = [],
                reworkPending: Bool = false, assignment: String = "", held: HeldUntilRelease? = nil) {
        self.orderID = orderID
        self.plate = plate
        self.status = status
        self.category = category
        self.checkedInAt = checkedInAt
        self.promisedAt = promisedAt
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.progress = progress
        self.lastProgressAt = lastProgressAt
        self.lastNotifiedAt = lastNotifiedAt
        self.pendingSupplements = pendingSupplements
        self.passedStages = passedStages
        self.reworkPending = reworkPending
        self.assignment = assignment
        self.held = held
    }
}

/// Something about an order that needs a person now. Listed most urgent first.
public enum BoardFlag: Hashable, Sendable, Comparable {
    case overdue
    case awaitingCustomerAnswer
    case notifyCustomer
    case rework
    /// Signed, and no one has sent it to a work group yet (待派工).
    case awaitingDispatch
    case inspectionDue(InspectionStage)
    case checkProgress
    case awaitingSignature
    case readyForHandBack
    /// A declined estimate whose diagnosis/estimate fee is unpaid.
    case feeDue(Money)
    /// A declined order's key still on its hook.
    case keyOnHook(String)
    /// A declined order's belongings still in the shop.
    case belongingsHere

    /// 0 is the most urgent.
    public var urgency: Int {
        switch self {
        case .overdue: return 0
        case .awaitingCustomerAnswer: return 1
        case .notifyCustomer: return 2
        case .rework: return 3
        case .awaitingDispatch: return 4
        case .inspectionDue: return 5
        case .checkProgress: return 6
        case .awaitingSignature: return 7
        case .readyForHandBack: return 8
        case .feeDue: return 9
        case .keyOnHook: return 10
        case .belongingsHere: return 11
        }
    }

    public static func < (lhs: BoardFlag, rhs: BoardFlag) -> Bool { lhs.urgency < rhs.urgency }

    public var code: String {
        switch self {
        case .overdue: return "overdue"
        case .awaitingCustomerAnswer: return "added-work-waiting"
        case .notifyCustomer: return "tell-customer"
        case .rework: return "rework"
        case .awaitingDispatch: return "awaiting-dispatch"
        case .inspectionDue(let stage): return "\(stage.code)-inspection-due"
        case .checkProgress: return "check-progress"
        case .awaitingSignature: return "awaiting-signature"
        case .readyForHandBack: return "ready"
        case .feeDue: return "fee-due"
        case .keyOnHook: return "key-on-hook"
        case .belongingsHere: return "belongings-here"
        }
    }

    public func label(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .overdue: return zh ? "已超时" : "overdue"
        case .awaitingCustomerAnswer: return zh ? "追加项目待客户答复" : "added work awaiting customer"
        case .notifyCustomer: return zh ? "通知客户" : "tell the customer"
        case .rework: return zh ? "竣工检验不合格，返工" : "rework: final inspection failed"
        case .awaitingDispatch: return zh ? "待派工" : "awaiting dispatch"
        case .inspectionDue(let stage): return zh ? "待\(stage.chinese)" : "\(stage.english) due"
        case .checkProgress: return zh ? "询问进度" : "check progress"
        case .awaitingSignature: return zh ? "待客户签字" : "awaiting signature"
        case .readyForHandBack: return zh ? "待交车" : "ready for hand-back"
        case .feeDue(let fee): return zh ? "拒修，检测费 \(fee.grouped) 未付" : "declined: fee \(fee.grouped) due"
        case .keyOnHook(let tag): return zh ? "钥匙在 \(tag) 挂钩" : "key on hook \(tag)"
        case .belongingsHere: return zh ? "随车物品未交还" : "belongings still here"
        }
    }
}

/// The timing rules of domain.md §2 steps 10–11, as pure functions of the facts and the time.
public enum BoardRules {
    static let hour = 3_600
    static let twoDays = 48 * 3_600

    /// The customer is told 1 hour before the promised time when the job takes under two days,
    /// 4 hours before when it takes two days or more.
    public static func notificationLead(checkedIn: Timestamp, promised: Timestamp) -> Int {
        promised - checkedIn >= twoDays ? 4 * hour : hour
    }

    /// The moment from which the advisor should check progress: 70% of the planned time.
    public static func progressCheckMoment(started: Timestamp, promised: Timestamp) -> Timestamp {
        started + (promised - started) * 7 / 10
    }

    public static func flags(_ f: BoardFacts, now: Timestamp) -> [BoardFlag] {
        var flags: [BoardFlag] = []
        // A declined order waits for its release: its fee, its key, its belongings. No promise applies.
        if f.status == .declined {
            guard let held = f.held else { return [] }
            if held.feeDue.fen > 0 { flags.append(.feeDue(held.feeDue)) }
            if let tag = held.keyTag { flags.append(.keyOnHook(tag)) }
            if !held.belongings.isEmpty { flags.append(.belongingsHere) }
            return flags
        }
        if let promised = f.promisedAt {
            if now > promised && f.status != .ready { flags.append(.overdue) }
            let notifyFrom = promised + (-notificationLead(checkedIn: f.checkedInAt, promised: promised))
            // Told in the window, or (for a car that is ready) told since it was finished.
            var told = f.lastNotifiedAt.map { $0 >= notifyFrom } ?? false
            if f.status == .ready, let last = f.lastNotifiedAt, let done = f.completedAt, last >= done { told = true }
            if now >= notifyFrom && !told && f.status.isAuthorised {
                flags.append(.notifyCustomer)
            }
            if f.status == .inWork, let started = f.startedAt {
                let checkFrom = progressCheckMoment(started: started, promised: promised)
                if now >= checkFrom && (f.lastProgressAt.map { $0 < checkFrom } ?? true) { flags.append(.checkProgress) }
            }
        }
        if f.pendingSupplements > 0 { flags.append(.awaitingCustomerAnswer) }
        if f.reworkPending && f.status == .inWork { flags.append(.rework) }
        // Signed, and dispatch is what starts the work: until then it waits for the workshop manager.
        if f.status == .signed { flags.append(.awaitingDispatch) }
        switch f.status {
        case .estimating: flags.append(.awaitingSignature)
        case .completed: flags.append(.inspectionDue(.final))
        case .inWork where f.category.requiresThreeInspections:
            if !f.passedStages.contains(.pre) { flags.append(.inspectionDue(.pre)) }
            else if !f.passedStages.contains(.process) { flags.append(.inspectionDue(.process)) }
        case .signed where f.category.requiresThreeInspections && !f.passedStages.contains(.pre):
            flags.append(.inspectionDue(.pre))
        case .ready: flags.append(.readyForHandBack)
        default: break
        }
        return flags.sorted()
    }

    /// Most urgent first; among equals, the one promised soonest.
    public static func sorted(_ facts: [BoardFacts], now: Timestamp) -> [(facts: BoardFacts, flags: [BoardFlag])] {
        facts.map { ($0, flags($0, now: now)) }.sorted { a, b in
            let ua = a.flags.first?.urgency ?? 99, ub = b.flags.first?.urgency ?? 99
            if ua != ub { return ua < ub }
            let pa = a.facts.promisedAt?.seconds ?? Int.max, pb = b.facts.promisedAt?.seconds ?? Int.max
            if pa != pb { return pa < pb }
            return a.facts.orderID < b.facts.orderID
        }
    }
}
