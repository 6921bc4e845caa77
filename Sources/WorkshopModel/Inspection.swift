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

/// The result of an inspection or of one item on its checklist.
public enum InspectionResult: String, Vocabulary {
    case pass, fail, notApplicable = "na"
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .pass: return "合格"
        case .fail: return "不合格"
        case .notApplicable: return "不适用"
        }
    }
    public var english: String {
        switch self {
        case .pass: return "pass"
        case .fail: return "fail"
        case .notApplicable: return "n/a"
        }
    }
    public var aliases: [String] {
        switch self {
        case .pass: return ["ok", "passed", "good", "√", "y", "yes"]
        case .fail: return ["failed", "bad", "no", "x", "×", "n"]
        case .notApplicable: return ["n/a", "无", "-"]
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

/// The rules of the three inspections.
public enum InspectionRules {
    /// Whether an inspection at `stage` may be recorded now. With the three inspections mandatory
    /// (二级维护, 总成修理, 整车修理) they go in order, each after the previous one passed.
    public static func ensureCanInspect(stage: InspectionStage, status: OrderStatus, category: RepairCategory,
                                        passed: Set<InspectionStage>, order: String) throws {
        guard status.isAuthorised else {
            throw UserError("\(order) is \(status.english): inspections are for a signed order in the workshop")
        }
        switch stage {
        case .pre, .process:
            guard status == .signed || status == .inWork else {
                throw UserError("\(order) is \(status.english): the \(stage.english) is done before the work is finished")
            }
            if stage == .process && status != .inWork {
                throw UserError("\(order) is not in work yet: dispatch it first (dispatch \(order) group=…)")
            }
        case .final:
            guard status == .completed || status == .ready else {
                throw UserError("\(order) is \(status.english): the final inspection comes after the work is completed (complete \(order))")
            }
        }
        if category.requiresThreeInspections, let previous = stage.previous, !passed.contains(previous) {
            throw UserError("\(order) is \(category.chinese) (\(category.english)): the three inspections go in order, and the \(previous.english) (\(previous.chinese)) has not passed yet")
        }
    }

    /// An overall pass with a failed item is a contradiction: the inspection fails.
    public static func ensureConsistent(result: InspectionResult, items: [(code: String, name: String, result: InspectionResult)]) throws {
        if result == .pass, let failed = items.first(where: { $0.result == .fail }) {
            throw UserError("item \(failed.name) (\(failed.code)) failed: the inspection cannot pass; record it as fail, with a note of what to rework")
        }
        if result == .notApplicable { throw UserError("an inspection passes or fails; n/a is only for single items") }
    }
}
