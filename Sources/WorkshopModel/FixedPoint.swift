/// Parsing and formatting of non-negative decimal numbers held as scaled integers, so that money,
/// hours and quantities are exact: "12.5" with scale 2 is 1250.
public enum FixedPoint {
    /// Parses `text` as a decimal with at most `scale` fraction digits. Returns nil when the text is
    /// not such a number (letters, two points, too many decimals, empty) or is larger than `limit`.
    public static func parse(_ text: String, scale: Int, limit: Int) -> Int? {
        var whole = 0
        var fraction = 0
        var fractionDigits = 0
        var seenPoint = false
        var seenDigit = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                let digit = Int(byte - UInt8(ascii: "0"))
                if seenPoint {
                    fractionDigits += 1
                    if fractionDigits > scale { return nil }
                    fraction = fraction * 10 + digit
                } else {
                    whole = whole * 10 + digit
                    if whole > limit { return nil }
                }
            case UInt8(ascii: "."):
                if seenPoint { return nil }
                seenPoint = true
            default:
                return nil
            }
        }
        guard seenDigit else { return nil }
        var factor = 1
        for _ in 0..<scale { factor *= 10 }
        for _ in fractionDigits..<scale { fraction *= 10 }
        let value = whole * factor + fraction
        return value > limit * factor ? nil : value
    }

    /// Formats `value` (scaled by 10^scale) with exactly `minimumDecimals`…`scale` fraction digits:
    /// trailing zeros beyond `minimumDecimals` are dropped.
    public static func format(_ value: Int, scale: Int, minimumDecimals: Int = 0, grouping: Bool = false) -> String {
        var factor = 1
        for _ in 0..<scale { factor *= 10 }
        let negative = value < 0
        let magnitude = value.magnitude
        let whole = magnitude / UInt(factor)
        var fraction = magnitude % UInt(factor)
        var digits = scale
        while digits > minimumDecimals && fraction % 10 == 0 && digits > 0 {
            fraction /= 10
            digits -= 1
        }
        // Written as bytes (lists show an amount a row).
        var wholeDigits: [UInt8] = []
        var rest = whole
        repeat {
            wholeDigits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        wholeDigits.reverse()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(wholeDigits.count * 4 / 3 + digits + 3)
        if negative { bytes.append(UInt8(ascii: "-")) }
        for (index, digit) in wholeDigits.enumerated() {
            if grouping && index > 0 && (wholeDigits.count - index) % 3 == 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(digit)
        }
        if digits > 0 {
            bytes.append(UInt8(ascii: "."))
            var fractionDigits = [UInt8](repeating: UInt8(ascii: "0"), count: digits)
            for index in stride(from: digits - 1, through: 0, by: -1) {
                fractionDigits[index] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
            }
            bytes += fractionDigits
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `numerator / denominator` rounded half away from zero (the "half-up" of commerce).
    public static func divideRoundingHalfUp(_ numerator: Int, _ denominator: Int) -> Int {
        precondition(denominator > 0)
        let magnitude = (numerator.magnitude + denominator.magnitude / 2) / denominator.magnitude
        return numerator < 0 ? -Int(magnitude) : Int(magnitude)
    }
}
