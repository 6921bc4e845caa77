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
        // Written as bytes from the right, in a buffer on the stack (lists show an amount a row).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            var start = buffer.count
            func put(_ byte: UInt8) {
                start -= 1
                buffer[start] = byte
            }
            if digits > 0 {
                for _ in 0..<digits {
                    put(UInt8(ascii: "0") + UInt8(fraction % 10))
                    fraction /= 10
                }
                put(UInt8(ascii: "."))
            }
            var rest = whole, written = 0
            repeat {
                if grouping && written > 0 && written % 3 == 0 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
                written += 1
            } while rest > 0
            if negative { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }

    /// `numerator / denominator` rounded half away from zero (the "half-up" of commerce).
    public static func divideRoundingHalfUp(_ numerator: Int, _ denominator: Int) -> Int {
        precondition(denominator > 0)
        let magnitude = (numerator.magnitude + denominator.magnitude / 2) / denominator.magnitude
        return numerator < 0 ? -Int(magnitude) : Int(magnitude)
    }
}
