/// A closed set of words a person may type, in English or Chinese: categories, fuel levels, part
/// classes… Each case has a stable code (stored in the database, used in JSON), a Chinese and an
/// English label, and any extra spellings people use.
public protocol Vocabulary: CaseIterable, Hashable, Sendable where AllCases == [Self] {
    var code: String { get }
    var chinese: String { get }
    var english: String { get }
    /// Extra accepted spellings, lower-cased.
    var aliases: [String] { get }
    /// Rebuilds a case from its stored code (nil for a code no case has).
    init?(code: String)
}

extension Vocabulary {
    public var aliases: [String] { [] }

    /// The case a person meant, matching code, labels and aliases without regard to case.
    public static func parse(_ text: String) -> Self? {
        let key = text.lowercased()
        return allCases.first { item in
            item.code == key || item.chinese == text || item.english.lowercased() == key || item.aliases.contains(key)
        }
    }

    /// Parses or throws an error that lists what is accepted.
    public static func parse(_ text: String, field: String) throws -> Self {
        guard let value = parse(text) else {
            throw InputRefusal.notAccepted(field: field, given: text, accepted: entries)
        }
        return value
    }

    /// Every case as a refusal lists what is accepted.
    public static var entries: [VocabularyEntry] {
        allCases.map { VocabularyEntry(code: $0.code, chinese: $0.chinese, english: $0.english) }
    }

    /// Rebuilds a case from its stored code.
    public init?(code: String) {
        guard let value = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = value
    }

    /// "小修 minor repair"
    public var bilingual: String { "\(chinese) \(english)" }

    public func label(_ language: Language) -> String { language == .zh ? chinese : english }
}

extension Vocabulary where Self: RawRepresentable, RawValue == String {
    /// Most codes are the case's raw value: found directly (every stored code a list shows is read
    /// back this way), else by looking through every case.
    public init?(code: String) {
        if let value = Self(rawValue: code), value.code == code {
            self = value
            return
        }
        guard let value = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = value
    }
}

/// The language a shop shows its screens and documents in.
public enum Language: String, Vocabulary {
    case zh, en
    public var code: String { rawValue }
    public var chinese: String { self == .zh ? "中文" : "英文" }
    public var english: String { self == .zh ? "Chinese" : "English" }
    public var aliases: [String] { self == .zh ? ["cn", "zh-cn"] : [] }
}

/// 油量: the fuel gauge at check-in.
public enum FuelLevel: String, Vocabulary {
    case empty = "E", quarter = "1/4", half = "1/2", threeQuarters = "3/4", full = "F"
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .empty: return "空"
        case .quarter: return "1/4"
        case .half: return "1/2"
        case .threeQuarters: return "3/4"
        case .full: return "满"
        }
    }
    public var english: String {
        switch self {
        case .empty: return "empty"
        case .quarter: return "1/4"
        case .half: return "1/2"
        case .threeQuarters: return "3/4"
        case .full: return "full"
        }
    }
    /// As a gauge is read out at the desk: 半箱, 满箱, 四分之一…
    public var aliases: [String] {
        switch self {
        case .empty: return ["e", "0", "空箱", "没油"]
        case .quarter: return ["1/4箱", "四分之一", "四分之一箱"]
        case .half: return ["半箱", "半", "一半", "1/2箱"]
        case .threeQuarters: return ["3/4箱", "四分之三", "四分之三箱"]
        case .full: return ["f", "1", "满箱", "加满"]
        }
    }
}

/// 维修类别: decides the warranty period and whether the three inspections are mandatory.
public enum RepairCategory: String, Vocabulary {
    case overhaul, assembly, level2, level1, minor, special
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .overhaul: return "整车修理"
        case .assembly: return "总成修理"
        case .level2: return "二级维护"
        case .level1: return "一级维护"
        case .minor: return "小修"
        case .special: return "专项修理"
        }
    }
    public var english: String {
        switch self {
        case .overhaul: return "vehicle overhaul"
        case .assembly: return "assembly repair"
        case .level2: return "level-2 maintenance"
        case .level1: return "level-1 maintenance"
        case .minor: return "minor repair"
        case .special: return "special repair"
        }
    }
    public var aliases: [String] {
        switch self {
        case .overhaul: return ["整修"]
        case .assembly: return ["major"]
        case .level2: return ["二保", "l2"]
        case .level1: return ["一保", "l1", "maintenance"]
        case .minor: return ["repair"]
        case .special: return ["专项"]
        }
    }

    /// 二级维护, 总成修理 and 整车修理 require the pre-repair, in-process and final inspections.
    public var requiresThreeInspections: Bool {
        self == .overhaul || self == .assembly || self == .level2
    }
}

public enum VehicleClass: String, Vocabulary {
    case car, motorcycle, other
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .car: return "汽车"
        case .motorcycle: return "摩托车"
        case .other: return "其他机动车"
        }
    }
    public var english: String { rawValue }
    public var aliases: [String] { self == .motorcycle ? ["moto", "摩托"] : [] }
}

/// 配件类别: the quality class of a part, or a part the customer brought.
public enum PartClass: String, Vocabulary {
    case oem, equivalent, repaired, used, customer
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .oem: return "原厂件"
        case .equivalent: return "同质件"
        case .repaired: return "修复件"
        case .used: return "旧件"
        case .customer: return "客户自带"
        }
    }
    public var english: String {
        switch self {
        case .oem: return "OEM"
        case .equivalent: return "equivalent"
        case .repaired: return "repaired"
        case .used: return "used"
        case .customer: return "customer-supplied"
        }
    }
    public var aliases: [String] {
        switch self {
        case .oem: return ["原厂", "正厂件"]
        case .equivalent: return ["同质", "副厂件", "aftermarket"]
        case .repaired: return ["修复"]
        case .used: return ["旧"]
        case .customer: return ["自带", "customer-supplied"]
        }
    }
}

/// 估价方式: how the estimate was made. By symptom is the risky one.
public enum EstimateMethod: String, Vocabulary {
    case system, symptom, item
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .system: return "系统估价"
        case .symptom: return "现象估价"
        case .item: return "项目定价"
        }
    }
    public var english: String {
        switch self {
        case .system: return "by system"
        case .symptom: return "by symptom"
        case .item: return "by item"
        }
    }
}

/// Who pays the order.
public enum Payer: String, Vocabulary {
    case owner, warranty, insurer
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .owner: return "自费"
        case .warranty: return "保修"
        case .insurer: return "保险"
        }
    }
    public var english: String {
        switch self {
        case .owner: return "customer"
        case .warranty: return "warranty"
        case .insurer: return "insurer"
        }
    }
    public var aliases: [String] { self == .owner ? ["self", "customer"] : [] }
}

/// How the customer gave an answer or a signature.
public enum Channel: String, Vocabulary {
    case inPerson = "in-person", phone, wechat, sms
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .inPerson: return "当面"
        case .phone: return "电话"
        case .wechat: return "微信"
        case .sms: return "短信"
        }
    }
    public var english: String {
        switch self {
        case .inPerson: return "in person"
        case .phone: return "phone"
        case .wechat: return "WeChat"
        case .sms: return "SMS"
        }
    }
}

public enum LineKind: String, Vocabulary {
    case labor, part, fee
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .labor: return "工时"
        case .part: return "材料"
        case .fee: return "其他"
        }
    }
    public var english: String {
        switch self {
        case .labor: return "labour"
        case .part: return "parts"
        case .fee: return "other"
        }
    }
    public var aliases: [String] { self == .labor ? ["labour"] : [] }
}

/// Where a line stands with the customer. Only approved lines are billed.
public enum LineStatus: String, Vocabulary {
    case proposed, approved, declined, removed
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .proposed: return "待确认"
        case .approved: return "已确认"
        case .declined: return "客户拒绝"
        case .removed: return "已删除"
        }
    }
    public var english: String { rawValue }
}
