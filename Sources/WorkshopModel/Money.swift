/// An amount of money in fen (分, hundredths of a yuan). Never floating point.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var fen: Int

    public init(fen: Int) { self.fen = fen }

    public static let zero = Money(fen: 0)
    /// The largest amount a single price may have: 100 million yuan.
    public static let maximumYuan = 100_000_000

    /// Parses an amount written by a person: "120", "120.5", "120.50", "¥120", "120元".
    /// Refuses negative numbers, more than two decimals, and anything that is not a number.
    public static func parse(_ text: String) -> Money? {
        var trimmed = Substring(text)
        for prefix in ["¥", "￥", "CNY", "RMB"] where trimmed.hasPrefix(prefix) {
            trimmed = trimmed.dropFirst(prefix.count)
        }
        if trimmed.hasSuffix("元") { trimmed = trimmed.dropLast() }
        guard let digits = ungrouped(trimmed), let fen = FixedPoint.parse(digits, scale: 2, limit: maximumYuan) else { return nil }
        return Money(fen: fen)
    }

    /// "1,234.50" as the papers print it reads back as 1234.50: commas only between groups of three
    /// digits of the yuan ("1,5" or "12,34" are no amount).
    static func ungrouped(_ text: Substring) -> String? {
        guard text.contains(",") else { return String(text) }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return groups.joined() + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// Parses an amount or throws an error that names the field and what is accepted.
    public static func parse(_ text: String, field: String) throws -> Money {
        guard let money = parse(text) else {
            throw InputRefusal.notMoney(field: field, given: text)
        }
        return money
    }

    /// "1234.50" (no grouping) — what a person types back in.
    public var plain: String { FixedPoint.format(fen, scale: 2, minimumDecimals: 2) }
    /// "1,234.50" — for documents and totals.
    public var grouped: String { FixedPoint.format(fen, scale: 2, minimumDecimals: 2, grouping: true) }
    public var description: String { plain }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.fen += rhs.fen }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
}

/// Labour time in hundredths of an hour: 1.5 h is 150.
public struct Hours: Hashable, Sendable, CustomStringConvertible {
    public var hundredths: Int
    public init(hundredths: Int) { self.hundredths = hundredths }

    public static let maximum = 1_000

    public static func parse(_ text: String, field: String = "hours") throws -> Hours {
        guard let value = FixedPoint.parse(text, scale: 2, limit: maximum), value > 0 else {
            throw InputRefusal.notHours(field: field, given: text, maximum: maximum)
        }
        return Hours(hundredths: value)
    }

    public var description: String { FixedPoint.format(hundredths, scale: 2) }
}

/// A quantity of parts in thousandths: 4.5 litres of oil is 4500.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    public var thousandths: Int
    public init(thousandths: Int) { self.thousandths = thousandths }
    public init(units: Int) { self.thousandths = units * 1000 }

    public static let maximum = 100_000

    public static func parse(_ text: String, field: String = "qty") throws -> Quantity {
        guard let value = FixedPoint.parse(text, scale: 3, limit: maximum), value > 0 else {
            throw InputRefusal.notQuantity(field: field, given: text)
        }
        return Quantity(thousandths: value)
    }

    public var description: String { FixedPoint.format(thousandths, scale: 3) }
}

/// The amounts of lines: each line is rounded half-up once, to the fen.
public enum LineAmount {
    public static func labor(hours: Hours, rate: Money) -> Money {
        Money(fen: FixedPoint.divideRoundingHalfUp(hours.hundredths * rate.fen, 100))
    }

    public static func part(quantity: Quantity, unitPrice: Money) -> Money {
        Money(fen: FixedPoint.divideRoundingHalfUp(quantity.thousandths * unitPrice.fen, 1000))
    }
}

/// A tax rate in basis points (hundredths of a percent): 13% is 1300.
public struct TaxRate: Hashable, Sendable, CustomStringConvertible {
    public var basisPoints: Int
    public init(basisPoints: Int) { self.basisPoints = basisPoints }

    public static let chineseVAT = TaxRate(basisPoints: 1300)

    /// Parses "13", "13%", "6.5".
    public static func parse(_ text: String) throws -> TaxRate {
        var trimmed = text
        if trimmed.hasSuffix("%") { trimmed.removeLast() }
        guard let value = FixedPoint.parse(trimmed, scale: 2, limit: 100) else {
            throw InputRefusal.notPercentage(field: "tax_rate", given: text)
        }
        return TaxRate(basisPoints: value)
    }

    public var description: String { FixedPoint.format(basisPoints, scale: 2) + "%" }
}

/// The tax in a total, by the shop's setting: prices that include tax show the tax they contain
/// (价税合计, the Chinese consumer practice); prices before tax get the tax added.
public struct TaxedTotal: Equatable, Sendable {
    /// The amount before tax.
    public let net: Money
    public let tax: Money
    /// What the customer pays: net + tax.
    public let gross: Money

    public init(subtotal: Money, rate: TaxRate, pricesIncludeTax: Bool) {
        if pricesIncludeTax {
            let tax = FixedPoint.divideRoundingHalfUp(subtotal.fen * rate.basisPoints, 10_000 + rate.basisPoints)
            self.tax = Money(fen: tax)
            self.gross = subtotal
            self.net = Money(fen: subtotal.fen - tax)
        } else {
            let tax = FixedPoint.divideRoundingHalfUp(subtotal.fen * rate.basisPoints, 10_000)
            self.tax = Money(fen: tax)
            self.net = subtotal
            self.gross = Money(fen: subtotal.fen + tax)
        }
    }
}
