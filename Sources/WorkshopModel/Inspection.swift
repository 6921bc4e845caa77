import Foundation

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

/// An item of an inspection checklist: a short code to type, the name printed, and — for brake force,
/// emissions, alignment readings… — the quantity it measures, with its unit and limits.
public struct ChecklistItem: Hashable, Sendable {
    public var stage: InspectionStage
    public var code: String
    public var name: String
    /// What the item measures; nil: the inspector gives a result (pass, fail, n/a).
    public var quantity: MeasuredQuantity?
    public init(stage: InspectionStage, code: String, name: String, quantity: MeasuredQuantity? = nil) {
        (self.stage, self.code, self.name, self.quantity) = (stage, code, name, quantity)
    }

    /// What the inspector wrote for the item (`brakes=pass`, `brake-force=72`), as recorded: a result,
    /// or for a measured item the value, judged against the limits in force now (kept with it). A
    /// measured item passes only by its value: `pass` alone is refused; `fail` (it could not be
    /// measured, or failed plainly) and `na` are taken as they are.
    public func answer(_ text: String) throws -> InspectionItem {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let quantity else {
            if let result = InspectionResult.parse(trimmed) { return InspectionItem(code: code, name: name, result: result) }
            if Measure.parse(trimmed) != nil { throw InspectionRefusal.notMeasured(item: name, code: code, given: text) }
            throw InputRefusal.notAccepted(field: code, given: text, accepted: InspectionResult.entries)
        }
        if let value = quantity.value(of: trimmed) {
            return InspectionItem(code: code, name: name, result: quantity.result(of: value), quantity: quantity, value: value)
        }
        switch InspectionResult.parse(trimmed) {
        case .fail?: return InspectionItem(code: code, name: name, result: .fail, quantity: quantity)
        case .notApplicable?: return InspectionItem(code: code, name: name, result: .notApplicable, quantity: quantity)
        case .pass?, .notChecked?:
            throw InspectionRefusal.readingNeeded(item: name, code: code, unit: quantity.unit)
        case nil:
            throw InspectionRefusal.notAReading(item: name, code: code, given: text, unit: quantity.unit)
        }
    }

    /// The item not named by the inspector: `rest=` gives an item without a measure its result; a
    /// measured item is never given a result it was not measured for, and stays not checked.
    public func unnamed(rest: InspectionResult?) -> InspectionItem {
        guard quantity == nil, let rest else { return InspectionItem(code: code, name: name, result: .notChecked, quantity: quantity) }
        return InspectionItem(code: code, name: name, result: rest)
    }
}

/// A checklist item as a refusal names it: the code to type and the name printed.
public struct ChecklistEntry: Hashable, Sendable {
    public var code: String
    public var name: String
    public init(code: String, name: String) { (self.code, self.name) = (code, name) }
}

/// A measured value (测得值): a decimal with up to three places, negative too (a toe-out, a side
/// slip), held in thousandths — never floating point.
public struct Measure: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var thousandths: Int
    public init(thousandths: Int) { self.thousandths = thousandths }

    /// Values a measuring instrument gives stay under a billion.
    public static let limit = 999_999_999

    /// "72", "0.5", "-5", "+2.10", "−0.15"; nil for anything else.
    public static func parse(_ text: String) -> Measure? {
        var digits = Substring(text)
        var negative = false
        if let first = digits.first, first == "-" || first == "+" || first == "−" {
            negative = first != "+"
            digits = digits.dropFirst()
        }
        guard let value = FixedPoint.parse(String(digits), scale: 3, limit: limit) else { return nil }
        return Measure(thousandths: negative ? -value : value)
    }

    public var description: String { FixedPoint.format(thousandths, scale: 3) }
    public static func < (lhs: Measure, rhs: Measure) -> Bool { lhs.thousandths < rhs.thousandths }
}

/// What a checklist item measures: its unit ("%", "ppm", "m/km", "cd"…) and, where sensible, the
/// limits a value must keep, both included. A value outside them fails the item.
public struct MeasuredQuantity: Hashable, Sendable {
    public var unit: String
    public var minimum: Measure?
    public var maximum: Measure?

    public init(unit: String, minimum: Measure? = nil, maximum: Measure? = nil) throws {
        if let minimum, let maximum, minimum > maximum {
            throw InspectionRefusal.limitsReversed(minimum: minimum.description, maximum: maximum.description)
        }
        (self.unit, self.minimum, self.maximum) = (unit, minimum, maximum)
    }

    /// As stored: the limits were checked when the item was declared.
    public init(stored unit: String, minimum: Measure?, maximum: Measure?) {
        (self.unit, self.minimum, self.maximum) = (unit, minimum, maximum)
    }

    /// Pass inside the limits (both included), fail outside; a quantity without limits is only
    /// recorded, and passes.
    public func result(of value: Measure) -> InspectionResult {
        if let minimum, value < minimum { return .fail }
        if let maximum, value > maximum { return .fail }
        return .pass
    }

    /// The value in what the inspector typed: the number, followed or not by this quantity's unit
    /// ("72", "72%", "72 %"); nil when it is not one.
    public func value(of text: String) -> Measure? {
        var number = text
        if !unit.isEmpty, number.lowercased().hasSuffix(unit.lowercased()) {
            number = String(number.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
        }
        return Measure.parse(number)
    }

    /// "72%", "18500 cd", "-1.2 m/km": a value with this unit (a sign or symbol unit sticks to it).
    public func text(_ value: Measure) -> String { Self.join(value.description, unit) }

    /// The limits as a form prints them: "≥ 60%", "≤ 0.6%", "-5 ~ 5 m/km" in Chinese; "min. 60%",
    /// "max. 0.6%", "-5 to 5 m/km" in English (Helvetica has no ≥); "—" without limits.
    public func limitText(_ language: Language) -> String {
        switch (minimum, maximum) {
        case let (minimum?, maximum?):
            return Self.join("\(minimum)" + (language == .zh ? " ~ " : " to ") + "\(maximum)", unit)
        case let (minimum?, nil): return (language == .zh ? "≥ " : "min. ") + Self.join(minimum.description, unit)
        case let (nil, maximum?): return (language == .zh ? "≤ " : "max. ") + Self.join(maximum.description, unit)
        case (nil, nil): return "—"
        }
    }

    static func join(_ number: String, _ unit: String) -> String {
        if unit.isEmpty { return number }
        return ["%", "°", "‰", "℃"].contains(unit) ? number + unit : number + " " + unit
    }
}

/// One item of a recorded inspection: its result and, for a measured item, the quantity it measured
/// as declared then (unit and limits) and the value read. A limit changed later does not change
/// what was measured and decided.
public struct InspectionItem: Hashable, Sendable {
    public var code: String
    public var name: String
    public var result: InspectionResult
    /// What the item measures; nil for an item judged by eye.
    public var quantity: MeasuredQuantity?
    /// The value read; nil when not measured (failed plainly, not applicable, not checked).
    public var value: Measure?
    public init(code: String, name: String, result: InspectionResult, quantity: MeasuredQuantity? = nil, value: Measure? = nil) {
        (self.code, self.name, self.result, self.quantity, self.value) = (code, name, result, quantity, value)
    }

    /// "72%": the value read, with its unit.
    public var readingText: String? {
        guard let value, let quantity else { return nil }
        return quantity.text(value)
    }
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
    public var items: [InspectionItem]

    public init(id: Int, stage: InspectionStage, result: InspectionResult, inspector: String, at: Timestamp, note: String?,
                certificate: String?, items: [InspectionItem]) {
        (self.id, self.stage, self.result, self.inspector, self.at, self.note, self.certificate, self.items) =
            (id, stage, result, inspector, at, note, certificate, items)
    }

    /// Whether any item was measured: the record then prints the values and limits.
    public var hasReadings: Bool { items.contains { $0.quantity != nil } }

    public static func == (lhs: Inspection, rhs: Inspection) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// What an inspector wrote for an item that it does not take, and limits that cannot be.
public enum InspectionRefusal: Refusal, Equatable {
    public static let area = "inspection"

    /// A number for an item that measures nothing.
    case notMeasured(item: String, code: String, given: String)
    /// `pass` for a measured item: it passes by its value.
    case readingNeeded(item: String, code: String, unit: String)
    case notAReading(item: String, code: String, given: String, unit: String)
    /// A pass with measured items not measured (nor n/a).
    case passWithoutReadings(stage: InspectionStage, items: [ChecklistEntry])
    /// A pass with a value outside its limits.
    case readingOutsideLimits(item: String, code: String, value: Measure, quantity: MeasuredQuantity)
    /// `min=` above `max=`.
    case limitsReversed(minimum: String, maximum: String)
    /// Limits without the unit they are in.
    case limitsWithoutUnit
}
