import WorkshopModel

/// A value read from what a person typed, checked and converted before anything runs.
enum Value: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case money(Money)
    case quantity(Quantity)
    case hours(Hours)
    /// A percentage in hundredths of a percent: 7.5% is 750.
    case basisPoints(Int)
    case time(Timestamp)
    case flag(Bool)
    /// A measured value or a limit: a signed decimal to thousandths.
    case measure(Measure)
}

/// What the parser needs to read dates: the shop's zone and the session's clock.
struct ParseContext {
    let zone: ShopZone
    let now: Timestamp
}

/// What an argument or option takes: how help names it, how it is read, and the words Tab offers.
struct ValueType: Sendable {
    let placeholder: Phrase
    let read: @Sendable (_ text: String, _ field: String, _ context: ParseContext) throws -> Value
    /// The words a person may type (a vocabulary's codes), for help and Tab.
    var choices: [String] = []
    /// What Tab offers from the shop's data for this kind of value.
    var completion: Completion = .none
    /// Words a person typed (a name, a description, a note): an argument of this type is never empty
    /// nor only spaces, since a nameless customer or a blank note is nobody's intent.
    var isText = false

    enum Completion: Sendable { case none, plate, order, staff, bay, part, laborCode, keyTag }

    init(_ placeholder: Phrase, choices: [String] = [], completion: Completion = .none,
         read: @escaping @Sendable (_ text: String, _ field: String, _ context: ParseContext) throws -> Value) {
        self.placeholder = placeholder
        self.choices = choices
        self.completion = completion
        self.read = read
    }

    /// Text as typed, named in help by `placeholder`; spaces around it are not part of it (a name
    /// typed `authorized="钱主管 "` is 钱主管).
    static func text(_ chinese: String, _ english: String, completion: Completion = .none) -> ValueType {
        var type = ValueType(Phrase(chinese, english), completion: completion) { text, _, _ in .text(text.trimmingSpaces) }
        type.isText = true
        return type
    }

    static let text = ValueType.text("文字", "TEXT")
    static let name = ValueType.text("姓名", "NAME")
    static let order = ValueType.text("单号|车牌", "RO|PLATE", completion: .order)
    static let plate = ValueType.text("车牌", "PLATE", completion: .plate)
    static let vehicle = ValueType.text("车牌|VIN", "PLATE|VIN", completion: .plate)
    static let customer = ValueType.text("客户号|电话", "C…|PHONE")
    static let staff = ValueType.text("员工", "NAME", completion: .staff)
    static let bay = ValueType.text("工位", "BAY", completion: .bay)
    static let site = ValueType.text("门店", "SITE")
    static let part = ValueType.text("配件号", "PARTNO", completion: .part)
    static let path = ValueType.text("路径", "PATH")
    static let appointment = ValueType.text("预约号", "A…")

    static let phone = ValueType(Phrase("电话", "PHONE")) { text, _, _ in .text(try Phone.normalize(text)) }
    static let keyTag = ValueType(Phrase("钥匙号", "TAG"), completion: .keyTag) { text, _, _ in .text(try KeyTag.normalize(text)) }
    /// A day: "2027-03-01", kept as that text.
    static let date = ValueType(Phrase("日期", "DATE")) { text, field, _ in
        guard let (y, m, d) = TimeParser.parseDate(text) else { throw InputRefusal.notDate(field: field, given: text) }
        return .text(CivilTime(year: y, month: m, day: d).dateText)
    }

    static let money = ValueType(Phrase("金额", "AMOUNT")) { text, field, _ in .money(try Money.parse(text, field: field)) }
    static let quantity = ValueType(Phrase("数量", "QTY")) { text, field, _ in .quantity(try Quantity.parse(text, field: field)) }
    static let hours = ValueType(Phrase("工时", "HOURS")) { text, field, _ in .hours(try Hours.parse(text, field: field)) }
    static let odometer = ValueType(Phrase("公里", "KM")) { text, field, _ in .integer(try OdometerRule.parse(text, field: field)) }
    static let yesNo = ValueType(Phrase("yes|no", "yes|no"), choices: ["yes", "no"]) { text, field, _ in .flag(try YesNo.parse(text, field: field)) }
    static let dateTime = ValueType(Phrase("日期时间", "DATETIME")) { text, field, context in
        .time(try TimeParser.parse(text, zone: context.zone, now: context.now, field: field))
    }
    /// A time promised to a customer: a day and its hour. A day alone would be midnight, which no
    /// customer was told.
    static let promisedTime = ValueType(Phrase("日期时间", "DATETIME")) { text, field, context in
        let time = try TimeParser.parseWithTime(text, zone: context.zone, now: context.now, field: field)
        // "2026-12-03", "明天": a day without a clock time in it.
        if !text.contains(where: { ":：点时".contains($0) }) { throw InputRefusal.promiseWithoutTime(field: field, given: text) }
        return .time(time)
    }
    /// A percentage with up to two decimals, 0 to 100: "5", "7.5", "7.5%".
    static let percent = ValueType(Phrase("百分比", "PERCENT")) { text, field, _ in
        let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let basisPoints = FixedPoint.parse(digits, scale: 2, limit: 100) else {
            throw InputRefusal.notPercentage(field: field, given: text)
        }
        return .basisPoints(basisPoints)
    }

    /// A measured value or a limit, negative too: "60", "0.6", "-5".
    static let measure = ValueType(Phrase("数值", "NUMBER")) { text, field, _ in
        guard let measure = Measure.parse(text) else { throw InputRefusal.notNumber(field: field, given: text, range: nil) }
        return .measure(measure)
    }

    /// A whole number within `range`, named in help by `placeholder`.
    static func integer(_ chinese: String, _ english: String, _ range: ClosedRange<Int>) -> ValueType {
        ValueType(Phrase(chinese, english)) { text, field, _ in
            guard let value = Int(text), range.contains(value) else {
                throw InputRefusal.notNumber(field: field, given: text, range: range)
            }
            return .integer(value)
        }
    }

    /// A line of an order, as `ro show` numbers them.
    static let line = ValueType.integer("项号", "LINE", 1...9_999)

    /// One word of a vocabulary, stored as its code.
    static func choice<V: Vocabulary>(_ type: V.Type) -> ValueType { choice(of: V.allCases) }

    /// One of some words of a vocabulary (an inspection passes or fails; n/a is for single items).
    static func choice<V: Vocabulary>(of cases: [V]) -> ValueType {
        let codes = cases.map(\.code)
        let entries = cases.map { VocabularyEntry(code: $0.code, chinese: $0.chinese, english: $0.english) }
        return ValueType(Phrase(codes.joined(separator: "|"), codes.joined(separator: "|")), choices: codes) { text, field, _ in
            guard let value = V.parse(text), cases.contains(value) else {
                throw InputRefusal.notAccepted(field: field, given: text, accepted: entries)
            }
            return .text(value.code)
        }
    }
}

/// Values the invocation hands out typed: `let price: Money? = invocation.value("price")`.
protocol ParsedValue {
    init?(_ value: Value)
}

extension String: ParsedValue {
    init?(_ value: Value) { guard case .text(let text) = value else { return nil }; self = text }
}
extension Int: ParsedValue {
    init?(_ value: Value) {
        switch value {
        case .integer(let int), .basisPoints(let int): self = int
        default: return nil
        }
    }
}
extension Measure: ParsedValue {
    init?(_ value: Value) { guard case .measure(let measure) = value else { return nil }; self = measure }
}
extension Money: ParsedValue {
    init?(_ value: Value) { guard case .money(let money) = value else { return nil }; self = money }
}
extension Quantity: ParsedValue {
    init?(_ value: Value) { guard case .quantity(let quantity) = value else { return nil }; self = quantity }
}
extension Hours: ParsedValue {
    init?(_ value: Value) { guard case .hours(let hours) = value else { return nil }; self = hours }
}
extension Timestamp: ParsedValue {
    init?(_ value: Value) { guard case .time(let time) = value else { return nil }; self = time }
}
extension Bool: ParsedValue {
    init?(_ value: Value) { guard case .flag(let flag) = value else { return nil }; self = flag }
}
