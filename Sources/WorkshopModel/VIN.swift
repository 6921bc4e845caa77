/// A vehicle identification number (车辆识别代号): 17 characters, no I, O or Q, with a check
/// digit in position 9 (ISO 3779 / GB 16735 weights).
public struct VIN: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public var description: String { value }

    public enum Problem: Equatable, Sendable {
        case length(Int)
        case forbiddenCharacter(Character, position: Int)
        case checkDigit(expected: Character, found: Character)
    }

    /// Upper-cases and drops spaces, dashes and dots, which people type or OCR adds.
    public static func normalize(_ text: String) -> String {
        String(text.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "." && $0 != "·" })
    }

    private static let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

    /// The value a VIN character counts for in the check-digit sum, nil for characters a VIN never has.
    static func transliterate(_ character: Character) -> Int? {
        switch character {
        case "0"..."9": return character.wholeNumberValue
        case "A", "J": return 1
        case "B", "K", "S": return 2
        case "C", "L", "T": return 3
        case "D", "M", "U": return 4
        case "E", "N", "V": return 5
        case "F", "W": return 6
        case "G", "P", "X": return 7
        case "H", "Y": return 8
        case "R", "Z": return 9
        default: return nil  // I, O, Q and anything else
        }
    }

    /// The check digit a 17-character VIN should carry in position 9.
    public static func checkDigit(of text: String) -> Character? {
        let characters = Array(text)
        guard characters.count == 17 else { return nil }
        var sum = 0
        for (index, character) in characters.enumerated() {
            guard let value = transliterate(character) else { return nil }
            sum += value * weights[index]
        }
        let remainder = sum % 11
        return remainder == 10 ? "X" : Character(String(remainder))
    }

    /// What is wrong with a normalized VIN, or nil when it is valid.
    public static func problem(with text: String) -> Problem? {
        let characters = Array(text)
        guard characters.count == 17 else { return .length(characters.count) }
        for (index, character) in characters.enumerated() where transliterate(character) == nil {
            return .forbiddenCharacter(character, position: index + 1)
        }
        let expected = checkDigit(of: text)!
        if characters[8] != expected { return .checkDigit(expected: expected, found: characters[8]) }
        return nil
    }

    /// Validates a VIN as typed. With `acceptCheckDigitMismatch` (the advisor has confirmed it for
    /// this vehicle: some European makers do not use the check digit) only the check digit may differ.
    public init(_ text: String, acceptCheckDigitMismatch: Bool = false) throws {
        let normalized = VIN.normalize(text)
        switch VIN.problem(with: normalized) {
        case nil:
            break
        case .length(let count)?:
            throw InputRefusal.vinLength(vin: normalized, count: count)
        case .forbiddenCharacter(let character, let position)?:
            throw InputRefusal.vinCharacter(vin: normalized, character: String(character), position: position)
        case .checkDigit(let expected, let found)?:
            if !acceptCheckDigitMismatch {
                throw InputRefusal.vinCheckDigit(vin: normalized, found: String(found), expected: String(expected))
            }
        }
        self.value = normalized
    }

    /// Whether the stored VIN carries a correct check digit (false for an advisor-confirmed exception).
    public var hasValidCheckDigit: Bool { VIN.problem(with: value) == nil }
}
