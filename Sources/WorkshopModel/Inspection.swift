/// The three inspections (三级检验): before repair, in process, and at completion.
public enum InspectionStage: String, Vocabulary {
    case pre, process, final
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .pre: return "进厂检验"
        case .process: return "过程检验"
        case .final: return "竣工检验"
        }
    }
    public var english: String {
        switch self {
        case .pre: return "pre-repair inspection"
        case .process: return "in-process inspection"
        case .final: return "final inspection"
        }
    }
    public var aliases: [String] {
        switch self {
        case .pre: return ["维护前检验", "进厂", "before"]
        case .process: return ["过程", "during", "in-process"]
        case .final: return ["竣工", "completion"]
        }
    }

    /// The stage that must have passed before this one, when the three are mandatory.
    public var previous: InspectionStage? {
        switch self {
        case .pre: return nil
        case .process: return .pre
        case .final: return .process
        }
    }
}

/// The result of an inspection or of one item on its checklist. An item the inspector gave no
/// result for is recorded as not checked (未检), never as passed.
public enum InspectionResult: String, Vocabulary {
    case pass, fail, notApplicable = "na", notChecked = "unchecked"
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .pass: return "合格"
        case .fail: return "不合格"
        case .notApplicable: return "不适用"
        case .notChecked: return "未检"
        }
    }
    public var english: String {
        switch self {
        case .pass: return "pass"
        case .fail: return "fail"
        case .notApplicable: return "n/a"
        case .notChecked: return "not checked"
        }
    }
    public var aliases: [String] {
        switch self {
        case .pass: return ["ok", "passed", "good", "√", "y", "yes"]
        case .fail: return ["failed", "bad", "no", "x", "×", "n"]
        case .notApplicable: return ["n/a", "无", "-"]
        case .notChecked: return ["not-checked", "未检"]
        }
    }
}

/// An item of an inspection checklist: a short code to type and the name printed.
public struct ChecklistItem: Hashable, Sendable {
    public var stage: InspectionStage
    public var code: String
    public var name: String
    public init(stage: InspectionStage, code: String, name: String) { (self.stage, self.code, self.name) = (stage, code, name) }
}

/// A checklist item as a refusal names it: the code to type and the name printed.
public struct ChecklistEntry: Hashable, Sendable {
    public var code: String
    public var name: String
    public init(code: String, name: String) { (self.code, self.name) = (code, name) }
}

/// A recorded inspection.
public struct Inspection: Hashable, Sendable {
    public var id: Int
    public var stage: InspectionStage
    public var result: InspectionResult
    public var inspector: String
    public var at: Timestamp
    public var note: String?
    /// 竣工出厂合格证 number, for a passed final inspection.
    public var certificate: String?
    public var items: [(code: String, name: String, result: InspectionResult)]

    public init(id: Int, stage: InspectionStage, result: InspectionResult, inspector: String, at: Timestamp, note: String?,
                certificate: String?, items: [(code: String, name: String, result: InspectionResult)]) {
        (self.id, self.stage, self.result, self.inspector, self.at, self.note, self.certificate, self.items) =
            (id, stage, result, inspector, at, note, certificate, items)
    }

    public static func == (lhs: Inspection, rhs: Inspection) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
