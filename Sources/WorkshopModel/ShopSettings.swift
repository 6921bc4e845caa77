/// The settings of a shop: who it is (printed on every document), how it prices and where it is.
public struct ShopSettings: Sendable {
    public var name = "Workshop"
    public var address = ""
    public var phone = ""
    /// 统一社会信用代码 (or licence number), printed on documents.
    public var creditCode = ""
    /// Not a setting: on the papers of a site headed with the company running it (`name` then
    /// being the company's), the site's own name, printed beside its address and phone. Empty
    /// otherwise.
    public var papersSiteName = ""
    /// The default labour rate per hour (工时单价).
    public var laborRate = Money(fen: 120_00)
    public var taxRate = TaxRate.chineseVAT
    /// Chinese consumer practice: prices include VAT and documents show the tax they contain.
    public var pricesIncludeTax = true
    public var currency = "CNY"
    public var timeZone = ShopZone.shanghai
    /// The largest discount an advisor may give without a manager, in percent of the order.
    public var advisorDiscountLimitPercent = 5
    /// A cashier's largest bonus on a stored-value card without a manager, in percent of the amount
    /// paid in (充 1000 送 100 is 10%): a bonus is money the shop gives away, like a discount.
    public var cardBonusLimitPercent = 10
    public var language = Language.zh
    /// Reminders: the maintenance interval of a car without its own (`remind set … every=`).
    public var maintenanceInterval = ServiceInterval(km: 5_000, months: 6)
    /// Reminders: how many days ahead `remind list due` looks by default.
    public var remindLeadDays = 14
    /// Reminders: declined work is offered again this many days after the car left.
    public var remindDeclinedDays = 30
    /// Reminders: a call brought the car back when it is checked in within this many days after
    /// (or its booking arrives, whenever).
    public var remindReturnDays = 30

    public init() {}

    /// Every key, in the order `shop show` lists them, with what it accepts.
    public static let keys: [(key: String, accepts: String)] = [
        ("name", "the shop's name"),
        ("address", "the shop's address"),
        ("phone", "the shop's telephone"),
        ("credit_code", "统一社会信用代码: 18 characters with a valid check character"),
        ("labor_rate", "yuan per labour hour, e.g. 120"),
        ("tax_rate", "VAT in percent, e.g. 13"),
        ("prices_include_tax", "yes or no"),
        ("currency", "a three-letter code, e.g. CNY"),
        ("timezone", "an IANA zone, e.g. Asia/Shanghai"),
        ("discount_limit", "an advisor's largest discount without a manager, in percent (0-100)"),
        ("card_bonus_limit", "a cashier's largest bonus on a stored-value card without a manager, in percent of the amount paid in (0-100)"),
        ("language", "zh or en: the language of screens and documents"),
        ("remind_maintenance_km", "reminders: kilometres between services of a car without its own interval, e.g. 5000"),
        ("remind_maintenance_months", "reminders: months between services of a car without its own interval, e.g. 6"),
        ("remind_lead_days", "reminders: how many days ahead remind list due looks, e.g. 14"),
        ("remind_declined_days", "reminders: days after the car left that declined work is offered again, e.g. 30"),
        ("remind_return_days", "reminders: a call brought the car back if it is checked in within this many days, e.g. 30"),
    ]

    /// The value of a key as text, as it is stored and shown.
    public func value(of key: String) -> String {
        switch key {
        case "name": return name
        case "address": return address
        case "phone": return phone
        case "credit_code": return creditCode
        case "labor_rate": return laborRate.plain
        case "tax_rate": return taxRate.description
        case "prices_include_tax": return pricesIncludeTax ? "yes" : "no"
        case "currency": return currency
        case "timezone": return timeZone.identifier
        case "discount_limit": return "\(advisorDiscountLimitPercent)%"
        case "card_bonus_limit": return "\(cardBonusLimitPercent)%"
        case "language": return language.code
        case "remind_maintenance_km": return maintenanceInterval.km.map(String.init) ?? ""
        case "remind_maintenance_months": return maintenanceInterval.months.map(String.init) ?? ""
        case "remind_lead_days": return "\(remindLeadDays)"
        case "remind_declined_days": return "\(remindDeclinedDays)"
        case "remind_return_days": return "\(remindReturnDays)"
        default: return ""
        }
    }

    /// Sets a key from text, validating it. Throws naming the key and what it accepts.
    public mutating func set(_ key: String, to text: String) throws {
        switch key {
        case "name":
            // The shop's name is the home site's: kept trimmed, as a site's is, so that site= finds it.
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw InputRefusal.empty(field: "name") }
            name = trimmed
        case "address": address = text
        case "phone": phone = text
        case "credit_code":
            if !text.isEmpty { try CreditCode.validate(text) }
            creditCode = text.uppercased()
        case "labor_rate":
            let rate = try Money.parse(text, field: "labor_rate")
            guard rate.fen > 0 else { throw InputRefusal.mustBePositive(field: "labor_rate", given: text) }
            laborRate = rate
        case "tax_rate": taxRate = try TaxRate.parse(text)
        case "prices_include_tax": pricesIncludeTax = try YesNo.parse(text, field: key)
        case "currency":
            guard text.count == 3, text.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw InputRefusal.notCurrency(given: text)
            }
            currency = text.uppercased()
        case "timezone": timeZone = try ShopZone(identifier: text)
        case "discount_limit":
            let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
            guard let percent = Int(digits), (0...100).contains(percent) else {
                throw InputRefusal.notWholePercentage(field: "discount_limit", given: text)
            }
            advisorDiscountLimitPercent = percent
        case "card_bonus_limit":
            let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
            guard let percent = Int(digits), (0...100).contains(percent) else {
                throw InputRefusal.notWholePercentage(field: "card_bonus_limit", given: text)
            }
            cardBonusLimitPercent = percent
        case "language": language = try Language.parse(text, field: key)
        case "remind_maintenance_km": maintenanceInterval.km = try Self.whole(text, key, ServiceInterval.kilometres)
        case "remind_maintenance_months": maintenanceInterval.months = try Self.whole(text, key, ServiceInterval.monthRange)
        case "remind_lead_days": remindLeadDays = try Self.whole(text, key, 0...366)
        case "remind_declined_days": remindDeclinedDays = try Self.whole(text, key, 0...366)
        case "remind_return_days": remindReturnDays = try Self.whole(text, key, 1...366)
        default:
            throw InputRefusal.unknownSetting(key: key, keys: ShopSettings.keys.map(\.key))
        }
    }
}

extension ShopSettings {
    /// A whole number within `range`, bare or with the key's unit ("5000", "5000km", "14天").
    static func whole(_ text: String, _ key: String, _ range: ClosedRange<Int>) throws -> Int {
        let unit: ServiceInterval.UnitCount.Unit = key.hasSuffix("_km") ? .km : key.hasSuffix("_months") ? .months : .days
        let typed = text.filter { !$0.isWhitespace }
        let value = Int(typed) ?? ServiceInterval.UnitCount.split(typed).flatMap { $0.1 == unit ? $0.0 : nil }
        guard let value, range.contains(value) else { throw InputRefusal.notNumber(field: key, given: text, range: range) }
        return value
    }
}

/// yes/no answers: yes, y, true, 1, 是 / no, n, false, 0, 否.
public enum YesNo {
    public static func parse(_ text: String, field: String) throws -> Bool {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "是", "on": return true
        case "no", "n", "false", "0", "否", "off": return false
        default: throw InputRefusal.notYesNo(field: field, given: text)
        }
    }
}

/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last a check
/// character over the first 17.
public enum CreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public static func checkCharacter(of first17: String) -> Character? {
        let characters = Array(first17.uppercased())
        guard characters.count == 17 else { return nil }
        var sum = 0
        for (index, character) in characters.enumerated() {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            sum += value * weights[index]
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    public static func validate(_ text: String) throws {
        let characters = Array(text.uppercased())
        guard characters.count == 18 else {
            throw InputRefusal.creditCodeLength(given: text, count: characters.count)
        }
        guard let expected = checkCharacter(of: String(characters[0..<17])) else {
            throw InputRefusal.creditCodeCharacter(given: text)
        }
        guard characters[17] == expected else {
            throw InputRefusal.creditCodeCheck(given: text, expected: String(expected))
        }
    }
}
