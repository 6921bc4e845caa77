/// The equipment codes a shop usually gives its bays and canned jobs, with their names in both
/// languages. A shop may type any other word: it is kept and shown as typed.
public enum KnownEquipment: String, Vocabulary {
    case lift
    case alignment
    case evSafe = "ev-safe"
    case paintBooth = "paint-booth"
    case tyreChanger = "tyre-changer"
    case balancer
    case acStation = "ac-station"
    case pit
    case diagnostics

    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .lift: return "举升机"
        case .alignment: return "四轮定位仪"
        case .evSafe: return "新能源高压防护"
        case .paintBooth: return "烤漆房"
        case .tyreChanger: return "扒胎机"
        case .balancer: return "动平衡机"
        case .acStation: return "空调加注机"
        case .pit: return "地沟"
        case .diagnostics: return "诊断仪"
        }
    }
    public var english: String {
        switch self {
        case .lift: return "lift"
        case .alignment: return "wheel alignment"
        case .evSafe: return "EV high-voltage safety"
        case .paintBooth: return "paint booth"
        case .tyreChanger: return "tyre changer"
        case .balancer: return "wheel balancer"
        case .acStation: return "A/C service station"
        case .pit: return "inspection pit"
        case .diagnostics: return "diagnostic scanner"
        }
    }
    public var aliases: [String] {
        switch self {
        case .lift: return ["升降机", "举升"]
        case .alignment: return ["四轮定位", "定位仪"]
        case .evSafe: return ["ev", "新能源", "高压防护"]
        case .paintBooth: return ["paint", "烤房"]
        case .tyreChanger: return ["tire-changer", "拆胎机"]
        case .balancer: return ["动平衡"]
        case .acStation: return ["ac", "空调机"]
        case .pit: return ["检修地沟"]
        case .diagnostics: return ["scanner", "电脑诊断仪"]
        }
    }
}

/// One piece of equipment a bay has or a job needs: a known code (named in the shop's language)
/// or a word the shop typed (shown as typed). Stored as its code.
public struct Equipment: Hashable, Sendable, CustomStringConvertible {
    /// "lift", or the word as the shop typed it.
    public let code: String

    /// Reads what a person typed: a known code, name or alias becomes that code ("举升机" → lift);
    /// any other word is kept as typed.
    public init(_ typed: String) {
        let word = String(typed.drop { $0 == " " || $0 == "\u{3000}" }.reversed().drop { $0 == " " || $0 == "\u{3000}" }.reversed())
        code = KnownEquipment.parse(word)?.code ?? word
    }

    /// Rebuilds equipment from a stored code.
    public init(code: String) { self.code = code }

    public var known: KnownEquipment? { KnownEquipment(code: code) }

    /// "举升机" / "lift"; a word the shop typed, as typed.
    public func label(_ language: Language) -> String { known?.label(language) ?? code }

    public var description: String { code }

    /// Reads "lift,alignment" (also separated by ，or 、), skipping empty items and repeats.
    public static func list(_ text: String) -> [Equipment] {
        var result: [Equipment] = []
        for piece in text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }) {
            let item = Equipment(String(piece))
            if !item.code.isEmpty, !result.contains(item) { result.append(item) }
        }
        return result
    }

    /// Stored codes → equipment.
    public static func stored(_ codes: [String]) -> [Equipment] { codes.filter { !$0.isEmpty }.map(Equipment.init(code:)) }
}
