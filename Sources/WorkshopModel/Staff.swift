/// What a person does in the shop; a person may have more than one role.
public enum Role: String, Vocabulary {
    case advisor, technician, inspector, manager, cashier
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .advisor: return "服务顾问"
        case .technician: return "维修技工"
        case .inspector: return "质量检验员"
        case .manager: return "经理"
        case .cashier: return "收银员"
        }
    }
    public var english: String {
        switch self {
        case .advisor: return "service advisor"
        case .technician: return "technician"
        case .inspector: return "quality inspector"
        case .manager: return "manager"
        case .cashier: return "cashier"
        }
    }
    public var aliases: [String] {
        switch self {
        case .advisor: return ["业务接待", "接待", "顾问"]
        case .technician: return ["技工", "技师", "tech"]
        case .inspector: return ["检验员", "质检"]
        case .manager: return ["主管", "车间主管", "业务主管"]
        case .cashier: return ["结算员", "收银"]
        }
    }

    /// Reads "inspector,manager" or "检验员、经理".
    public static func parseList(_ text: String) throws -> [Role] {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" || $0 == "+" })
        guard !parts.isEmpty else { throw InputRefusal.notAccepted(field: "role", given: text, accepted: Role.entries) }
        var roles: [Role] = []
        for part in parts {
            let role = try Role.parse(String(part), field: "role")
            if !roles.contains(role) { roles.append(role) }
        }
        return roles
    }
}

/// A person working in the shop.
public struct StaffMember: Hashable, Sendable {
    public var id: Int
    public var name: String
    public var roles: [Role]
    /// The work group (班组) a technician belongs to.
    public var group: String?
    public var active: Bool
    /// The site (门店) the person works at: nil for the home site (Site).
    public var siteID: Int?

    public init(id: Int, name: String, roles: [Role], group: String?, active: Bool = true, siteID: Int? = nil) {
        (self.id, self.name, self.roles, self.group, self.active, self.siteID) = (id, name, roles, group, active, siteID)
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }
}

/// A work bay (工位): the equipment it has and its opening hours.
public struct Bay: Hashable, Sendable {
    public var id: Int
    public var name: String
    public var equipment: [String]
    /// "08:00-18:00"
    public var hours: String
    public init(id: Int, name: String, equipment: [String], hours: String = "08:00-18:00") {
        (self.id, self.name, self.equipment, self.hours) = (id, name, equipment, hours)
    }
}
