/// A refusal: a rule or an input said no. It carries a stable code and the facts (which order, what
/// is missing); the screen words it in the shop's language. A command that throws one changes nothing.
///
/// Each area of the shop has its own enum of refusals (`InputRefusal`, `OrderRefusal`…); a case's
/// name is its code, so `OrderRefusal.notSigned(order:)` is `order.not-signed` for programs.
public protocol Refusal: Error, Sendable {
    /// The area of the shop the refusals of this type belong to: the first part of their code.
    static var area: String { get }
}

extension Refusal {
    /// "order.not-signed": the area and the case's name in kebab case. Stable: programs read it.
    public var code: String { Self.area + "." + RefusalCode.kebab(RefusalCode.caseName(of: self)) }
}

enum RefusalCode {
    /// The case's name: "notSigned" for `.notSigned(order: "RO1")`. A case with facts is named by its
    /// reflection label; one without facts by its description (so a refusal must not give itself a
    /// `description` of its own).
    static func caseName(of value: Any) -> String {
        if let label = Mirror(reflecting: value).children.first?.label { return label }
        let text = String(describing: value)
        return String(text.prefix { $0 != "(" })
    }

    /// "notSigned" → "not-signed".
    static func kebab(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "-" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// Text a person typed that is not what the field takes. Each names the field and what it got.
public enum InputRefusal: Refusal, Equatable {
    public static let area = "input"

    /// `accepted` lists the codes a person may type, with their labels (a vocabulary).
    case notAccepted(field: String, given: String, accepted: [VocabularyEntry])
    case notMoney(field: String, given: String)
    case notHours(field: String, given: String, maximum: Int)
    case notQuantity(field: String, given: String)
    case notPercentage(field: String, given: String)
    case notWholePercentage(field: String, given: String)
    case notYesNo(field: String, given: String)
    case notDateTime(field: String, given: String)
    /// Where a day alone is no answer (a promised time, the clock): a date and its time of day.
    case notDateAndTime(field: String, given: String)
    /// A date with a time of day that does not exist (25:00, 9:60).
    case notTimeOfDay(field: String, given: String)
    case notOdometer(field: String, given: String)
    case notPhone(given: String)
    case notTimeZone(given: String)
    case notOpeningHours(given: String)
    case opensAfterCloses(given: String)
    case notPartsList(given: String)
    case notCurrency(given: String)
    case notNumber(field: String, given: String, range: ClosedRange<Int>?)
    case empty(field: String)
    case tooLong(field: String, given: String, maximum: Int)
    case mustBePositive(field: String, given: String)
    case belongingCount(given: String)
    /// An equipment word one letter or so from a known one ("aligment"): a typo, not new equipment.
    case equipmentTypo(given: String, meant: VocabularyEntry)
    case plateEmpty
    case plateTooLong(given: String)
    case plateProvince(given: String, character: String)
    case plateIOInSerial(given: String)
    case plateUnknownKind(given: String)
    case vinLength(vin: String, count: Int)
    case vinCharacter(vin: String, character: String, position: Int)
    case vinCheckDigit(vin: String, found: String, expected: String)
    case creditCodeLength(given: String, count: Int)
    case creditCodeCharacter(given: String)
    case creditCodeCheck(given: String, expected: String)
    case unknownSetting(key: String, keys: [String])
    case shorterWarranty(vehicleClass: VehicleClass, category: RepairCategory, minimumKm: Int, minimumDays: Int)
    case discountKind
    case notKeyTag(given: String)
    case notDate(field: String, given: String)
    /// A promised time given as a day alone: the customer is told an hour, not midnight.
    case promiseWithoutTime(field: String, given: String)
}

/// One word of a vocabulary as a refusal lists it: what to type and what it means.
public struct VocabularyEntry: Hashable, Sendable {
    public let code: String
    public let chinese: String
    public let english: String

    public init(code: String, chinese: String, english: String) {
        (self.code, self.chinese, self.english) = (code, chinese, english)
    }
}
