import Foundation
import WorkshopModel

/// The kinds of value the shop's commands take beyond the grammar's own: each read and checked by
/// the parser, so that a command runs only with values it can use.
extension ValueType {
    /// A customer named as the first word of a form (`customer 13800138000`): a customer number or
    /// a telephone number only, so that a mistyped sub-command is never taken for a customer.
    static let customerReference = ValueType(Phrase("客户号|电话", "C…|PHONE")) { text, _, _ in
        let isNumber = (text.first == "C" || text.first == "c") && text.count > 1 && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
        guard isNumber || (try? Phone.normalize(text)) != nil else { throw CustomerRefusal.notCustomerReference(given: text) }
        return .text(text)
    }

    /// A vehicle named as the first word of a form (`warranty 京A12345`): a plate or VIN has a digit
    /// or a Chinese character, which a mistyped sub-command does not.
    static let vehicleReference = ValueType(Phrase("车牌|VIN", "PLATE|VIN"), completion: .plate) { text, _, _ in
        guard text.contains(where: { $0.isNumber || !$0.isASCII }) else { throw CustomerRefusal.notVehicleReference(given: text) }
        return .text(text)
    }

    /// A booking: A12 (or 12).
    static let appointmentNumber = ValueType(Phrase("预约号", "A…")) { text, _, _ in
        guard Appointment.id(from: text) != nil else { throw BookingRefusal.notBookingNumber(given: text) }
        return .text(text)
    }

    /// A booking written with its letter (A12), where a bare number names an order.
    static let appointmentWithLetter = ValueType(Phrase("预约号", "A…")) { text, _, _ in
        guard text.first == "A" || text.first == "a", Appointment.id(from: text) != nil else {
            throw BookingRefusal.notBookingNumber(given: text)
        }
        return .text(text)
    }

    /// A complaint's number, as `complaint list` shows it (3 or #3).
    static let complaintNumber = ValueType(Phrase("投诉号", "N")) { text, field, _ in
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard let number = Int(digits), number >= 1 else { throw InputRefusal.notNumber(field: field, given: text, range: nil) }
        return .integer(number)
    }

    /// A day: today, tomorrow (今天, 明天…) or a date, as the start of that day in the shop's zone.
    static let day = ValueType(Phrase("日期", "DATE"), choices: ["today", "tomorrow"]) { text, field, context in
        .time(try Day.start(of: text, field: field, context: context))
    }

    /// A month, 2026-11.
    static let month = ValueType(Phrase("年-月", "YYYY-MM")) { text, _, _ in
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let year = parts[0], let month = parts[1], (1900...2999).contains(year), (1...12).contains(month) else {
            throw ReportRefusal.notMonth(given: text)
        }
        return .text(String(year) + "-" + (month < 10 ? "0" : "") + String(month))
    }

    /// A vehicle's model year, from 1900 to next year.
    static let modelYear = ValueType(Phrase("年份", "YEAR")) { text, field, context in
        let latest = context.zone.civil(context.now).year + 1
        guard let year = Int(text), (1900...latest).contains(year) else { throw CustomerRefusal.notModelYear(given: text, latest: latest) }
        return .integer(year)
    }

    /// How happy the customer was: 1 (very unhappy) to 5 (very happy).
    static let satisfaction = ValueType(Phrase("1-5", "1-5"), choices: ["1", "2", "3", "4", "5"]) { text, _, _ in
        guard let value = Int(text), (1...5).contains(value) else { throw AfterSalesRefusal.notSatisfaction(given: text) }
        return .integer(value)
    }

    /// A quantity that may be zero (stock on the shelf, a reorder level), unlike an order line's.
    static let stockQuantity = ValueType(Phrase("数量", "QTY")) { text, field, _ in
        guard let value = FixedPoint.parse(text, scale: 3, limit: Quantity.maximum) else {
            throw InputRefusal.notQuantity(field: field, given: text)
        }
        return .quantity(Quantity(thousandths: value))
    }

    /// A change of stock, up or down: +2, -1.5, 3.
    static let stockChange = ValueType(Phrase("±数量", "±QTY")) { text, field, _ in
        let negative = text.hasPrefix("-")
        let magnitude = try Quantity.parse(negative || text.hasPrefix("+") ? String(text.dropFirst()) : text, field: field)
        return .quantity(Quantity(thousandths: negative ? -magnitude.thousandths : magnitude.thousandths))
    }

    /// A price above zero.
    static let price = ValueType(Phrase("金额", "AMOUNT")) { text, field, _ in
        let money = try Money.parse(text, field: field)
        guard money.fen > 0 else { throw InputRefusal.mustBePositive(field: field, given: text) }
        return .money(money)
    }

    /// A whole number above zero (kilometres, days).
    static func count(_ chinese: String, _ english: String) -> ValueType { .integer(chinese, english, 1...99_999_999) }

    /// A part number as a new part is listed under: up to 40 characters, without spaces, commas or colons.
    static let newPartNumber = ValueType(Phrase("配件号", "PARTNO")) { text, _, _ in
        guard text.count <= 40, !text.contains(where: { $0.isWhitespace || $0 == "," || $0 == ":" }) else {
            throw CatalogRefusal.badPartNumber(given: text)
        }
        return .text(text.uppercased())
    }

    /// A labour-operation code: letters, digits, - _ . (up to 20).
    static let laborCode = ValueType(Phrase("工时代码", "CODE"), completion: .laborCode) { text, _, _ in
        let code = text.uppercased()
        guard code.count <= 20, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) else {
            throw CatalogRefusal.badLaborCode(given: text)
        }
        return .text(code)
    }

    /// Labour operations by code: BRK-01,BRK-03.
    static let laborCodes = ValueType(Phrase("工时代码,…", "CODE,…"), completion: .laborCode) { text, _, _ in
        .text(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }.joined(separator: ","))
    }

    /// A canned job's code.
    static let jobCode = ValueType(Phrase("套餐代码", "JOB")) { text, _, _ in .text(text.uppercased()) }

    /// Parts and quantities: BP-1234:2,W712:1.
    static let partsList = ValueType(Phrase("配件号:数量,…", "PARTNO:QTY,…"), completion: .part) { text, _, _ in
        _ = try Job.parseParts(text)
        return .text(text)
    }

    /// Equipment: lift,alignment (or 举升机、四轮定位仪); any other word the shop uses is kept,
    /// unless it is a near miss of a known one — a bay typed "aligment" would never match a job
    /// that needs alignment.
    static let equipment = ValueType(Phrase("设备,…", "EQUIPMENT,…"), choices: KnownEquipment.allCases.map(\.code)) { text, _, _ in
        let items = Equipment.list(text)
        for item in items where item.known == nil {
            for known in KnownEquipment.allCases {
                let spellings = [known.code, known.chinese, known.english] + known.aliases
                if Suggest.closest(to: item.code, among: spellings) != nil {
                    throw InputRefusal.equipmentTypo(given: item.code,
                                                     meant: VocabularyEntry(code: known.code, chinese: known.chinese, english: known.english))
                }
            }
        }
        return .text(items.map(\.code).joined(separator: ","))
    }

    /// A bay's opening hours, 08:00-18:00.
    static let openingHours = ValueType(Phrase("08:00-18:00", "08:00-18:00")) { text, _, _ in
        _ = try BookingRules.parseHours(text)
        return .text(text)
    }

    /// One role or several: technician, or manager,inspector (经理、检验员).
    static let roles = ValueType(Phrase(Role.allCases.map(\.code).joined(separator: "|"), Role.allCases.map(\.code).joined(separator: "|")),
                                 choices: Role.allCases.map(\.code)) { text, _, _ in
        .text(try Role.parseList(text).map(\.code).joined(separator: ","))
    }

    /// An inspection checklist item's code: typed later as `code=fail`, so a key word.
    static let checkitemCode = ValueType(Phrase("项目代码", "CODE")) { text, _, _ in
        let code = text.lowercased()
        guard Tokenizer.isKey(code) else { throw PeopleRefusal.badCheckitemCode(given: text) }
        guard !["by", "note", "at"].contains(code) else { throw PeopleRefusal.reservedCheckitemCode(code: code) }
        return .text(code)
    }

    /// A number plate's colour: blue, yellow… or 蓝, 黄色….
    static let plateColor = ValueType(Phrase(PlateColor.allCases.map(\.rawValue).joined(separator: "|"),
                                             PlateColor.allCases.map(\.rawValue).joined(separator: "|")),
                                      choices: PlateColor.allCases.map(\.rawValue)) { text, field, _ in
        guard let color = PlateColor(rawValue: text.lowercased())
                ?? PlateColor.allCases.first(where: { $0.chinese == text || $0.chinese + "色" == text }) else {
            throw InputRefusal.notAccepted(field: field, given: text, accepted: PlateColor.allCases.map {
                VocabularyEntry(code: $0.rawValue, chinese: $0.chinese + "牌", english: $0.english)
            })
        }
        return .text(color.rawValue)
    }

    /// What `notify` tells the customer.
    static let messageKind = ValueType(Phrase(CustomerMessage.Kind.allCases.map(\.rawValue).joined(separator: "|"),
                                              CustomerMessage.Kind.allCases.map(\.rawValue).joined(separator: "|")),
                                       choices: CustomerMessage.Kind.allCases.map(\.rawValue)) { text, field, _ in
        guard let kind = CustomerMessage.Kind(rawValue: text.lowercased()) else {
            throw InputRefusal.notAccepted(field: field, given: text, accepted: CustomerMessage.Kind.allCases.map {
                VocabularyEntry(code: $0.rawValue, chinese: $0.label.chinese, english: $0.label.english)
            })
        }
        return .text(kind.rawValue)
    }

    /// A shop setting's value, checked as `shop set` would store it.
    static func setting(_ key: String, _ chinese: String, _ english: String) -> ValueType {
        ValueType(Phrase(chinese, english)) { text, _, _ in
            var probe = ShopSettings()
            try probe.set(key, to: text)
            return .text(text)
        }
    }
}

extension PlateColor {
    var english: String { rawValue }
}

extension CustomerMessage.Kind {
    var label: Phrase {
        switch self {
        case .ready: return Phrase("可以取车", "ready")
        case .delay: return Phrase("延误说明", "delay")
        case .supplement: return Phrase("追加项目待确认", "added work to approve")
        case .progress: return Phrase("进度", "progress")
        }
    }
}

/// Days as people type them.
enum Day {
    /// The start of the day `text` names: today/今天, tomorrow/明天, yesterday/昨天, 后天, 前天, or 2026-11-22.
    static func start(of text: String, field: String, context: ParseContext) throws -> Timestamp {
        let zone = context.zone
        let today = zone.startOfDay(context.now)
        let offset: Int?
        switch text.lowercased() {
        case "today", "今天", "今日": offset = 0
        case "tomorrow", "明天", "明日": offset = 1
        case "后天": offset = 2
        case "yesterday", "昨天", "昨日": offset = -1
        case "前天": offset = -2
        default: offset = nil
        }
        if let offset {
            let c = zone.civil(today)
            let (y, m, d) = CivilTime.civil(fromDays: CivilTime.days(fromCivil: c.year, c.month, c.day) + offset)
            return zone.instant(CivilTime(year: y, month: m, day: d))
        }
        guard let (y, m, d) = TimeParser.parseDate(text) else { throw InputRefusal.notDate(field: field, given: text) }
        return zone.instant(CivilTime(year: y, month: m, day: d))
    }

    /// The start of the day after `day`.
    static func next(_ day: Timestamp, _ zone: ShopZone) -> Timestamp { zone.startOfDay(day + 36 * 3_600) }
}
