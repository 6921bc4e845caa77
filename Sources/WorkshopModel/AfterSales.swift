/// How a complaint came in (客户投诉的方式).
public enum ComplaintChannel: String, Vocabulary {
    case phone, visit, letter, online
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .phone: return "来电"
        case .visit: return "来访"
        case .letter: return "信函"
        case .online: return "网上"
        }
    }
    public var english: String { rawValue }
    public var aliases: [String] {
        switch self {
        case .phone: return ["电话", "call"]
        case .visit: return ["到店", "in-person"]
        case .letter: return ["信", "mail"]
        case .online: return ["网络", "web", "wechat"]
        }
    }
}

/// 投诉性质: valid (the shop is responsible), invalid (it is not), major (to the authorities, or
/// with a serious effect on the shop's name or money) — major ones are the manager's.
public enum ComplaintClass: String, Vocabulary {
    case valid, invalid, major
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .valid: return "有效投诉"
        case .invalid: return "无效投诉"
        case .major: return "重大投诉"
        }
    }
    public var english: String { rawValue }
    public var aliases: [String] {
        switch self {
        case .valid: return ["有效"]
        case .invalid: return ["无效"]
        case .major: return ["重大"]
        }
    }
}

/// A complaint, from registration to the follow-up call.
public struct Complaint: Sendable {
    public var id: Int
    public var vehicleID: Int?
    public var orderID: Int?
    public var channel: ComplaintChannel
    public var text: String
    public var registeredAt: Timestamp
    public var registeredBy: String
    public var classification: ComplaintClass?
    public var assignedTo: String?
    public var verifiedAt: Timestamp?
    public var verification: String?
    public var resolvedAt: Timestamp?
    public var resolution: String?
    public var resolvedBy: String?
    public var followedUpAt: Timestamp?
    public var followUpResult: String?
    public var satisfied: Bool?
    /// The site (门店) whose complaint it is, as rows store it (nil: the home site): its order's when
    /// it names one, else the site that registered it. Counted in that site's report.
    public var siteID: Int?

    public init(id: Int, vehicleID: Int?, orderID: Int?, channel: ComplaintChannel, text: String, registeredAt: Timestamp,
                registeredBy: String) {
        self.id = id
        self.vehicleID = vehicleID
        self.orderID = orderID
        self.channel = channel
        self.text = text
        self.registeredAt = registeredAt
        self.registeredBy = registeredBy
    }

    /// Verify within 24 hours; reply within 7 days (客户投诉处理程序).
    public var verifyBy: Timestamp { registeredAt + 24 * 3_600 }
    public var replyBy: Timestamp { registeredAt + 7 * 24 * 3_600 }

    public var isClosed: Bool { followedUpAt != nil || (resolvedAt != nil && classification == .invalid) }

    /// Whether the complaint was open at `instant`: registered before it and not closed by then — as
    /// a past day's report counts it, the same whenever it is printed.
    public func isOpen(at instant: Timestamp) -> Bool {
        guard registeredAt < instant else { return false }
        if let followed = followedUpAt, followed < instant { return false }
        if let resolved = resolvedAt, classification == .invalid, resolved < instant { return false }
        return true
    }

    public enum Stage: String, Sendable { case registered, verified, resolved, closed }
    public var stage: Stage {
        if isClosed { return .closed }
        if resolvedAt != nil { return .resolved }
        if verifiedAt != nil { return .verified }
        return .registered
    }

    /// A major complaint is the manager's (重大投诉由经理处理): once classified major, only a manager
    /// reclassifies, verifies, answers or closes it — its assignee, when a manager is assigned.
    public func mayBeHandled(by member: StaffMember, assignee: StaffMember?) throws {
        guard classification == .major else { return }
        let handler = assignee.flatMap { $0.has(.manager) && $0.active ? $0.name : nil }
        guard member.has(.manager), handler == nil || handler == member.name else {
            throw AfterSalesRefusal.majorIsManagers(complaint: id, by: member.name, handler: handler)
        }
    }

    /// Deadlines passed without the step done.
    public func overdue(at now: Timestamp) -> [String] {
        var late: [String] = []
        if verifiedAt == nil && resolvedAt == nil && now > verifyBy { late.append("verify") }
        if resolvedAt == nil && now > replyBy { late.append("reply") }
        return late
    }
}

/// The follow-up call after release (跟踪回访): due from 2 days to 1 week after.
public struct FollowUp: Sendable {
    public var orderID: Int
    public var dueFrom: Timestamp
    public var dueUntil: Timestamp
    public var doneAt: Timestamp?
    public var result: String?
    public var satisfaction: Int?
    public var by: String?

    public init(orderID: Int, dueFrom: Timestamp, dueUntil: Timestamp, doneAt: Timestamp? = nil, result: String? = nil,
                satisfaction: Int? = nil, by: String? = nil) {
        (self.orderID, self.dueFrom, self.dueUntil, self.doneAt, self.result, self.satisfaction, self.by) =
            (orderID, dueFrom, dueUntil, doneAt, result, satisfaction, by)
    }

    /// Created at release: due between 2 and 7 days after.
    public static func after(release: Timestamp, orderID: Int) -> FollowUp {
        FollowUp(orderID: orderID, dueFrom: release + 2 * 86_400, dueUntil: release + 7 * 86_400)
    }

    public func isDue(at now: Timestamp) -> Bool { doneAt == nil && now >= dueFrom }
    public func isOverdue(at now: Timestamp) -> Bool { doneAt == nil && now > dueUntil }

    /// Who is called, with that person's own phone: the one who brought the car in, when their
    /// phone was taken at check-in (they dealt with the shop and drove the car since), else the
    /// owner. Never one person's name beside another's number.
    public static func contact(for order: RepairOrder, owner: Customer) -> FollowUpContact {
        if let phone = order.droppedPhone, !phone.isEmpty {
            return FollowUpContact(name: order.droppedBy, phone: phone, role: .droppedOff)
        }
        return FollowUpContact(name: owner.name, phone: owner.phone, role: .owner)
    }

    /// A call no one answered: logged with who tried and when; the follow-up stays as it was, due
    /// until someone gets through (`done`). A follow-up already done takes no more attempts.
    public func unansweredCall(by: String, at now: Timestamp, note: String?, order: String) throws -> FollowUpCall {
        if let done = doneAt { throw AfterSalesRefusal.followUpRecorded(order: order, at: done) }
        return FollowUpCall(orderID: orderID, at: now, by: by, note: note)
    }
}

/// The person a follow-up call goes to, and why them.
public struct FollowUpContact: Sendable, Equatable {
    public enum Role: String, Sendable { case droppedOff = "dropped-off", owner }
    /// nil: the phone was taken at check-in without a name.
    public var name: String?
    public var phone: String
    public var role: Role

    public init(name: String?, phone: String, role: Role) { (self.name, self.phone, self.role) = (name, phone, role) }
}

/// An attempt at the follow-up call that no one answered (未接通).
public struct FollowUpCall: Sendable, Equatable {
    public var orderID: Int
    public var at: Timestamp
    public var by: String
    public var note: String?

    public init(orderID: Int, at: Timestamp, by: String, note: String? = nil) {
        (self.orderID, self.at, self.by, self.note) = (orderID, at, by, note)
    }
}

/// The old parts of a repair: returned to the customer, or left to the shop (recorded).
public enum OldParts: String, Vocabulary {
    case returned, left, none
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .returned: return "旧件已交还客户"
        case .left: return "旧件客户留厂处理"
        case .none: return "无旧件"
        }
    }
    public var english: String {
        switch self {
        case .returned: return "old parts returned to the customer"
        case .left: return "old parts left to the shop"
        case .none: return "no old parts"
        }
    }
    public var aliases: [String] {
        switch self {
        case .returned: return ["交还", "带走", "customer"]
        case .left: return ["留厂", "shop"]
        case .none: return ["无"]
        }
    }
}
