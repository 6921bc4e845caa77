/// A Chinese number plate (号牌号码) by the kinds of GA 36-2018, or a foreign plate kept as typed.
/// Stored without the separating dot; `dotted` gives the printed form (京A·12345).
///
/// What each kind looks like, and where it comes from:
/// - GA 36-2018《中华人民共和国机动车号牌》(replacing GA 36-2007; its foreword lists the changes:
///   http://www1.csres.com/detail/252675.html): ordinary large/small car, motorcycle and low-speed
///   plates 京A12345 (a province, the issuing office's letter, five serial characters, never I or O);
///   trailer 挂, driving-school 学 and police 警 plates with four serial characters and the word;
///   Hong Kong/Macao 粤Z1234港/澳; new-energy small 粤BD12345 (energy letter, a letter or digit,
///   four digits) and large 京A12345D (five digits, energy letter).
/// - Embassy plates as issued since the standard's 2017–2018 change: the mission's three-digit code
///   (its first digit 1–3) and a three-digit serial, 使 at the end: 224009使, printed 224·009使.
///   Consulate plates: the province, the mission's three-digit code and a two-digit serial, 领 at
///   the end: 沪12345领. (https://www.yoojia.com/ask/17-13900568681909257493.html on the change;
///   the patterns ^[1-3][0-9]{2}…使$ and ^省[1-3]…领$ of
///   https://blog.csdn.net/codingLeader/article/details/122878554; the brief of issue 12.)
///   Plates issued before it stay on the road and are still read: 使014578 (使 first, six digits)
///   and 沪A0123领 (province, letter, four serial characters, 领).
/// - The energy letters as widened later (纯电动 D A B C E, 非纯电动 F G H J K), domain.md §3.
/// - Not GA 36 but on the road and on job cards: emergency rescue 川A1234应急 (应急管理部), armed
///   police WJ京12345 / WJ01234, military VA12345.
/// Refused: anything else — a serial with I or O, the wrong length, an unknown province, a
/// 港/澳 plate outside 粤Z, an embassy code starting 0 or 4–9.
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
        case .embassy where value.last == "使":
            // 224·009使: the mission's code, its serial.
            let characters = Array(value)
            return String(characters[0..<3]) + "·" + String(characters[3...])
        case .consulate where Plate.isDigit(Array(value)[1]):
            // 沪123·45领: the province and the mission's code, its serial.
            let characters = Array(value)
            return String(characters[0..<4]) + "·" + String(characters[4...])
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

    // By ASCII value: Character's Unicode properties made classifying a plate cost more than
    // reading its vehicle.
    private static func isSerial(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return (a >= UInt8(ascii: "0") && a <= UInt8(ascii: "9"))
            || (a >= UInt8(ascii: "A") && a <= UInt8(ascii: "Z") && a != UInt8(ascii: "I") && a != UInt8(ascii: "O"))
    }

    static func isDigit(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return a >= UInt8(ascii: "0") && a <= UInt8(ascii: "9")
    }

    private static func isOfficeLetter(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return a >= UInt8(ascii: "A") && a <= UInt8(ascii: "Z") && a != UInt8(ascii: "I")
    }

    /// The GA 36-2018 kind of a normalized plate, or nil when it is none of them.
    static func kind(of plate: String) -> Kind? {
        let c = Array(plate)
        let n = c.count
        // 224009使: embassy (GA 36-2018), the mission's code (first digit 1–3) and a serial, 使 last.
        if n == 7, c[6] == "使", "123".contains(c[0]), c[0..<6].allSatisfy(isDigit) { return .embassy }
        // 使014578: embassy plates issued before it, 使 then the mission's code and a serial.
        if n == 7, c[0] == "使", c[1...].allSatisfy(isDigit) { return .embassy }
        // 沪12345领: consulate (GA 36-2018), the province, the mission's code and a serial, 领 last.
        if n == 7, provinces.contains(c[0]), c[6] == "领", c[1..<6].allSatisfy(isDigit) { return .consulate }
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
            case "领": return .consulate   // 沪A0123领: issued before GA 36-2018
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
