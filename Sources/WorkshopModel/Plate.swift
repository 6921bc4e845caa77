/// A Chinese number plate (号牌号码) by the kinds of GA 36-2018, or a foreign plate kept as typed.
/// Stored without the separating dot; `dotted` gives the printed form (京A·12345).
public struct Plate: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public let kind: Kind

    public enum Kind: String, Sendable, CaseIterable {
        case ordinary, newEnergySmall, newEnergyLarge, trailer, coach, police, hongKongMacao,
             consulate, embassy, emergency, armedPolice, military, foreign

        public var chinese: String {
            switch self {
            case .ordinary: return "普通"
            case .newEnergySmall: return "小型新能源"
            case .newEnergyLarge: return "大型新能源"
            case .trailer: return "挂车"
            case .coach: return "教练"
            case .police: return "警用"
            case .hongKongMacao: return "港澳入出境"
            case .consulate: return "领馆"
            case .embassy: return "使馆"
            case .emergency: return "应急救援"
            case .armedPolice: return "武警"
            case .military: return "军队"
            case .foreign: return "境外"
            }
        }

        public var english: String {
            switch self {
            case .ordinary: return "ordinary"
            case .newEnergySmall: return "new-energy (small)"
            case .newEnergyLarge: return "new-energy (large)"
            case .trailer: return "trailer"
            case .coach: return "driving-school"
            case .police: return "police"
            case .hongKongMacao: return "Hong Kong/Macao cross-border"
            case .consulate: return "consulate"
            case .embassy: return "embassy"
            case .emergency: return "emergency rescue"
            case .armedPolice: return "armed police"
            case .military: return "military"
            case .foreign: return "foreign"
            }
        }

        /// The plate colour this kind is issued in; ordinary plates are blue for small vehicles
        /// and yellow for large ones, so the vehicle record may override it.
        public var defaultColor: PlateColor {
            switch self {
            case .ordinary: return .blue
            case .newEnergySmall: return .green
            case .newEnergyLarge: return .yellowGreen
            case .trailer, .coach: return .yellow
            case .police, .emergency, .armedPolice, .military: return .white
            case .hongKongMacao, .consulate, .embassy: return .black
            case .foreign: return .other
            }
        }
    }

    public var description: String { value }

    /// 京A·12345: the form printed on documents.
    public var dotted: String {
        switch kind {
        case .ordinary, .newEnergySmall, .newEnergyLarge, .trailer, .coach, .police, .hongKongMacao,
             .consulate, .emergency:
            let characters = Array(value)
            return String(characters[0..<2]) + "·" + String(characters[2...])
        case .military:
            let characters = Array(value)
            return String(characters[0..<2]) + "·" + String(characters[2...])
        default:
            return value
        }
    }

    static let provinces: Set<Character> = Set("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
    static let energyLetters: Set<Character> = Set("DABCEFGHJK")

    /// Upper-cases and removes the dot (·, •, ., ・, spaces, dashes) people write between the
    /// issuing-office letter and the serial.
    public static func normalize(_ text: String) -> String {
        let separators: Set<Character> = ["·", "•", ".", "・", "‧", "．", "-", "－", " ", "\u{3000}"]
        return String(text.uppercased().filter { !separators.contains($0) })
    }

    /// Parses a plate. `foreign` (a vehicle marked foreign) skips the check and keeps the plate as typed.
    public init(_ text: String, foreign: Bool = false) throws {
        let normalized = Plate.normalize(text)
        guard !normalized.isEmpty else { throw InputRefusal.plateEmpty }
        if foreign {
            guard normalized.count <= 16 else { throw InputRefusal.plateTooLong(given: text) }
            self.value = normalized
            self.kind = .foreign
            return
        }
        guard let kind = Plate.kind(of: normalized) else {
            throw Plate.refusal(text, normalized: normalized)
        }
        self.value = normalized
        self.kind = kind
    }

    /// Rebuilds a plate already validated and stored.
    public init(stored: String, foreign: Bool) {
        self.value = stored
        self.kind = foreign ? .foreign : (Plate.kind(of: stored) ?? .foreign)
    }

    private static func isSerial(_ c: Character) -> Bool {
        (c.isASCII && (c.isNumber || c.isUppercase)) && c != "I" && c != "O"
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    private static func isOfficeLetter(_ c: Character) -> Bool {
        c.isASCII && c.isUppercase && c != "I"
    }

    /// The GA 36-2018 kind of a normalized plate, or nil when it is none of them.
    static func kind(of plate: String) -> Kind? {
        let c = Array(plate)
        let n = c.count
        // 使014578: embassy, 使 then a three-digit mission code and a three-digit serial.
        if n == 7, c[0] == "使", c[1...].allSatisfy(isDigit) { return .embassy }
        // WJ京12345 or WJ12345: armed police.
        if n >= 7, c[0] == "W", c[1] == "J" {
            let rest = provinces.contains(c[2]) ? Array(c[3...]) : Array(c[2...])
            if rest.count == 5, rest.allSatisfy(isSerial), isDigit(rest[0]) { return .armedPolice }
            return nil
        }
        // VA12345: military, two letters and five digits.
        if n == 7, c[0].isASCII, c[0].isUppercase, c[1].isASCII, c[1].isUppercase, c[2...].allSatisfy(isDigit) {
            return .military
        }
        guard n >= 7, provinces.contains(c[0]), isOfficeLetter(c[1]) else { return nil }
        let serial = Array(c[2...])
        // 京A1234应急: emergency rescue.
        if serial.count == 6, serial[4] == "应", serial[5] == "急", serial[0..<4].allSatisfy(isSerial) {
            return .emergency
        }
        if serial.count == 5, let last = serial.last, serial[0..<4].allSatisfy(isSerial) {
            switch last {
            case "挂": return .trailer
            case "学": return .coach
            case "警": return .police
            case "领": return .consulate
            case "港", "澳": return c[0] == "粤" && c[1] == "Z" ? .hongKongMacao : nil
            default:
                return isSerial(last) ? .ordinary : nil
            }
        }
        if serial.count == 6 {
            // 粤BD12345: small new-energy; energy letter, a letter or digit, four digits.
            if energyLetters.contains(serial[0]), isSerial(serial[1]), serial[2...].allSatisfy(isDigit) {
                return .newEnergySmall
            }
            // 京A12345D: large new-energy; five digits, then the energy letter.
            if serial[0..<5].allSatisfy(isDigit), energyLetters.contains(serial[5]) {
                return .newEnergyLarge
            }
        }
        return nil
    }

    /// Why a text is not a plate, as precisely as can be said.
    static func refusal(_ text: String, normalized: String) -> InputRefusal {
        let c = Array(normalized)
        if let first = c.first, !first.isASCII, !provinces.contains(first), first != "使" {
            return .plateProvince(given: text, character: String(first))
        }
        if c.dropFirst(2).contains(where: { $0 == "I" || $0 == "O" }) {
            return .plateIOInSerial(given: text)
        }
        return .plateUnknownKind(given: text)
    }
}

public enum PlateColor: String, Sendable, CaseIterable {
    case blue, yellow, green, yellowGreen = "yellow-green", white, black, other

    public var chinese: String {
        switch self {
        case .blue: return "蓝"
        case .yellow: return "黄"
        case .green: return "渐变绿"
        case .yellowGreen: return "黄绿"
        case .white: return "白"
        case .black: return "黑"
        case .other: return "其他"
        }
    }
}
