import WorkshopModel

/// Text a person typed that the field does not take: what was wrong and what is accepted.
extension InputRefusal: WordedRefusal {
    /// What a field left empty is, in words: a refusal names its field by the key a person types
    /// (or the model's name for it), which a Chinese sentence never shows bare.
    static let emptyFieldLabels: [String: (chinese: String, english: String)] = [
        "site": ("门店名称", "the site name"), "bay": ("工位名称", "the bay name"), "name": ("名称", "the name"),
        "tier": ("会员等级名称", "the tier name"), "item": ("物品名称", "the item"), "reason": ("原因", "the reason"),
        "complaint": ("故障描述", "the complaint"), "desc": ("说明", "the description"), "findings": ("检查结果", "the findings"),
    ]

    func words(_ w: Wording) -> String {
        switch self {
        case .notAccepted(let field, let given, let accepted):
            let guess = Suggest.closest(to: given, among: accepted.map(\.code)).map { w("；您是不是要写 \($0)？", "; did you mean \($0)?") } ?? ""
            return w("\(w.typed(field, given)) 无法识别\(guess)；可填：\(w.accepted(accepted))",
                        "\(w.typed(field, given)) is not accepted\(guess); accepted: \(w.accepted(accepted))")
        case .notMoney(let field, let given):
            let limit = Money(fen: Money.maximumYuan * 100).grouped
            // A comma typed for a space (an input method's ，) is named: options are separated by spaces.
            if given.contains("，") {
                return w("\(w.typed(field, given)) 不是金额：中文逗号“，”不分隔选项，选项之间请用空格",
                         "\(w.typed(field, given)) is not an amount of money: the Chinese comma does not separate options; put a space between them")
            }
            return w("\(w.typed(field, given)) 不是金额：以元为单位，最多两位小数，不超过 \(limit)，如 \(w.example(field, "120")) 或 \(w.example(field, "85.50"))",
                        "\(w.typed(field, given)) is not an amount of money: write yuan with at most two decimals, up to \(limit), e.g. \(w.example(field, "120")) or \(w.example(field, "85.50"))")
        case .notHours(let field, let given, let maximum):
            return w("\(w.typed(field, given)) 不是工时：写不超过 \(maximum) 的正数，最多两位小数，如 \(w.example(field, "1.5"))",
                        "\(w.typed(field, given)) is not a number of hours: write a positive number with at most two decimals, up to \(maximum), e.g. \(w.example(field, "1.5"))")
        case .notQuantity(let field, let given):
            return w("\(w.typed(field, given)) 不是数量：写不超过 \(Quantity.maximum) 的正数，最多三位小数，如 \(w.example(field, "2")) 或 \(w.example(field, "4.5"))",
                        "\(w.typed(field, given)) is not a quantity: write a positive number up to \(Quantity.maximum), with at most three decimals, e.g. \(w.example(field, "2")) or \(w.example(field, "4.5"))")
        case .notPercentage(let field, let given):
            return w("\(w.typed(field, given)) 不是百分比：写 0 到 100，如 \(w.example(field, "13")) 或 \(w.example(field, "6.5"))",
                        "\(w.typed(field, given)) is not a percentage: write 0 to 100, e.g. \(w.example(field, "13")) or \(w.example(field, "6.5"))")
        case .notWholePercentage(let field, let given):
            return w("\(w.typed(field, given))：写 0 到 100 的整数百分比，如 \(w.example(field, "5"))",
                        "\(w.typed(field, given)): write a whole percentage from 0 to 100, e.g. \(w.example(field, "5"))")
        case .notYesNo(let field, let given):
            return w("\(w.typed(field, given))：请写 yes 或 no（是/否）", "\(w.typed(field, given)): write yes or no")
        case .notDateTime(let field, let given):
            return w("\(w.typed(field, given)) 不是日期时间：写 2026-11-22 14:30（或 2026-11-22T14:30、只写日期、今天/明天 17:00）",
                        "\(w.typed(field, given)) is not a date and time: write 2026-11-22 14:30 (or 2026-11-22T14:30, a date alone, today/tomorrow 17:00, 明天 9:00)")
        case .notDateAndTime(let field, let given):
            return w("\(w.typed(field, given)) 不是日期和时间：写日期和几点，如 2026-11-22 14:30（或 2026-11-22T14:30、今天/明天 17:00）",
                        "\(w.typed(field, given)) is not a date and time: write the day and the hour, e.g. 2026-11-22 14:30 (or 2026-11-22T14:30, today/tomorrow 17:00, 明天 9:00)")
        case .notTimeOfDay(let field, let given):
            return w("\(w.typed(field, given)) 不是一天中的时间：时 0–23，分 0–59，如 17:00",
                     "\(w.typed(field, given)) is not a time of day: hours 0–23, minutes 0–59, e.g. 17:00")
        case .notOdometer(let field, let given):
            return w("\(w.typed(field, given)) 不是里程读数：写整公里数，如 \(w.example(field, "45210"))",
                        "\(w.typed(field, given)) is not an odometer reading: write whole kilometres, e.g. \(w.example(field, "45210"))")
        case .notPhone(let given):
            return w("电话 \(given) 不是电话号码：写数字，如 13800138000 或 0755-82345678",
                        "phone \(given) is not a telephone number: write its digits, e.g. 13800138000 or 0755-82345678")
        case .notTimeZone(let given):
            return w("时区 \(given) 无法识别：写 IANA 名称，如 Asia/Shanghai、Asia/Hong_Kong",
                        "time zone \(given) is unknown: write an IANA name such as Asia/Shanghai, Asia/Hong_Kong or Europe/Berlin")
        case .notOpeningHours(let given):
            return w("hours=\(given)：开放时间写作 08:00-18:00", "hours=\(given): write the opening hours as 08:00-18:00")
        case .opensAfterCloses(let given):
            return w("hours=\(given)：开始时间须早于结束时间", "hours=\(given): the bay must open before it closes")
        case .notPartsList(let given):
            return w("parts=\(given)：写 配件号:数量，多个用逗号分隔，如 BP-1234:2,W712:1",
                        "parts=\(given): write PARTNO:QTY, separated by commas, e.g. BP-1234:2,W712:1")
        case .notCurrency(let given):
            return w("currency=\(given)：写三个字母的币种代码，如 CNY", "currency=\(given): write a three-letter code such as CNY")
        case .notNumber(let field, let given, let range):
            guard let range else { return w("\(w.typed(field, given)) 不是整数", "\(w.typed(field, given)) is not a whole number") }
            return w("\(w.typed(field, given))：写 \(range.lowerBound) 到 \(range.upperBound) 之间的整数",
                     "\(w.typed(field, given)): write a whole number from \(range.lowerBound) to \(range.upperBound)")
        case .empty(let field):
            let label = Self.emptyFieldLabels[field]
            return w("\(label?.chinese ?? field)不能为空", "\(label?.english ?? field) cannot be empty")
        case .tooLong(let field, let given, let maximum):
            return w("\(w.typed(field, given)) 超过 \(maximum) 个字", "\(w.typed(field, given)) is longer than \(maximum) characters")
        case .mustBePositive(let field, let given):
            return w("\(w.typed(field, given))：必须大于零", "\(w.typed(field, given)): must be above zero")
        case .belongingCount(let given):
            return w("\(given)：数量为 1 到 99，如 脚垫x4", "\(given): a count is 1 to 99, e.g. 脚垫x4")
        case .equipmentTypo(let given, let meant):
            return w("设备“\(given)”像是 \(meant.code)（\(meant.chinese)）的笔误：请改正；常用设备以外的新设备请用与之不相近的名称",
                        "equipment '\(given)' looks like a typo for \(meant.code) (\(meant.english)): correct it; name equipment of your own so it is not close to a known one")
        case .plateEmpty:
            return w("车牌为空", "the plate is empty")
        case .plateTooLong(let given):
            return w("车牌 \(given) 太长（最多 16 个字符）", "plate \(given) is too long (16 characters at most)")
        case .plateProvince(let given, let character):
            return w("车牌 \(given)：“\(character)”不是省份简称；\(w.plateKinds)", "plate \(given): '\(character)' is not a province abbreviation; \(w.plateKinds)")
        case .plateIOInSerial(let given):
            return w("车牌 \(given)：号码中不会出现字母 I 和 O（易与 1、0 混淆）；\(w.plateKinds)",
                        "plate \(given): the letters I and O never appear in a plate's serial (they read as 1 and 0); \(w.plateKinds)")
        case .plateUnknownKind(let given):
            return w("车牌 \(given) 不属于 GA 36-2018 的任何号牌种类；\(w.plateKinds)",
                        "plate \(given) is not a Chinese plate of any GA 36-2018 kind; \(w.plateKinds)")
        case .vinLength(let vin, let count):
            return w("VIN \(vin) 有 \(count) 位；VIN 为 17 位字母和数字（无 I、O、Q）",
                        "VIN \(vin) has \(count) characters; a VIN has exactly 17 (letters and digits, no I, O or Q)")
        case .vinCharacter(let vin, let character, let position):
            let why = "IOQ".contains(character)
                ? w("VIN 中不会出现 I、O、Q（易与 1、0 混淆）", "I, O and Q never appear in a VIN (they look like 1 and 0)")
                : w("VIN 只含字母和数字", "a VIN has only letters and digits")
            return w("VIN \(vin) 第 \(position) 位是“\(character)”：\(why)", "VIN \(vin) has '\(character)' at position \(position): \(why)")
        case .vinCheckDigit(let vin, let found, let expected):
            return w("VIN \(vin) 校验位不符：第 9 位是“\(found)”，按其余各位应为“\(expected)”。请对照挡风玻璃或行驶证重新核对；如确实无误（部分欧洲品牌不用校验位），加 confirm-vin=yes 再执行",
                        "VIN \(vin) fails its check digit: position 9 is '\(found)' but the other characters give '\(expected)'. Re-read the VIN from the windscreen or the 行驶证; if it is right (some European makers do not use the check digit), repeat the command with confirm-vin=yes")
        case .creditCodeLength(let given, let count):
            return w("credit_code \(given) 有 \(count) 位；统一社会信用代码为 18 位", "credit_code \(given) has \(count) characters; a 统一社会信用代码 has 18")
        case .creditCodeCharacter(let given):
            return w("credit_code \(given) 含有 0-9、A-Y（不含 I、O、S、V、Z）以外的字符",
                        "credit_code \(given) has a character outside 0-9 and A-Y without I, O, S, V, Z")
        case .creditCodeCheck(let given, let expected):
            return w("credit_code \(given) 校验不符：最后一位应为 \(expected)；请对照营业执照重新核对",
                        "credit_code \(given) fails its check: the last character should be \(expected); re-read it from the business licence")
        case .unknownSetting(let key, let keys):
            return w("门店没有设置项 \(key)；设置项：\(keys.joined(separator: ", "))", "shop has no setting \(key); settings: \(keys.joined(separator: ", "))")
        case .shorterWarranty(let vehicleClass, let category, let km, let days):
            return w("质量保证期只可比法定的长，不可更短：\(vehicleClass.chinese)\(category.chinese)最低 \(km) 公里 / \(days) 天（机动车维修管理规定）",
                        "a shop may promise a longer warranty, never a shorter one: the minimum for \(vehicleClass.english) \(category.english) is \(km) km / \(days) days (机动车维修管理规定)")
        case .notKeyTag(let given):
            return w("钥匙编号 \(given)：写挂钩号，如 K07（字母、数字、-，最多 12 位）", "key tag \(given): write the tag's number, e.g. K07 (letters, digits, -, up to 12)")
        case .notDate(let field, let given):
            return w("\(w.typed(field, given)) 不是日期：写 2027-03-01", "\(w.typed(field, given)) is not a date: write 2027-03-01")
        case .promiseWithoutTime(let field, let given):
            return w("\(w.typed(field, given)) 只有日期：交车时间要写到几点，如 \(given) 17:00",
                     "\(w.typed(field, given)) is a day without a time: a promised time says the hour, e.g. \(given) 17:00")
        case .discountKind:
            return w("优惠请写 amount=… 或 percent=…（二选一），如 discount RO12 percent=5",
                        "discount: give amount=… or percent=… (one of them), e.g. discount RO12 percent=5")
        }
    }
}

extension Wording {
    /// The plate kinds GA 36-2018 defines, as an example of each.
    var plateKinds: String {
        self("可接受：京A12345（普通）、粤B·D12345 和 京A12345D（新能源：D/A/B/C/E 纯电，F/G/H/J/K 混动）、京A1234挂/学/警、粤Z1234港/澳、京A1234应急、224·009使（使馆）、沪123·45领（领馆）、WJ京12345、VA12345（军车）；境外车牌加 foreign=yes",
             "accepted: 京A12345 (ordinary), 粤B·D12345 and 京A12345D (new-energy; D/A/B/C/E electric, F/G/H/J/K hybrid), 京A1234挂/学/警, 粤Z1234港/澳, 京A1234应急, 224·009使 (embassy), 沪123·45领 (consulate), WJ京12345, VA12345 (military); for a foreign plate add foreign=yes")
    }
}

extension Wording {
    /// "price=12abc" for an option; "“12abc”" for a word typed in its place on the line.
    /// "price=abc" for an option, "“abc”" for a word; an option given nothing is said to be empty.
    func typed(_ field: String, _ given: String) -> String {
        if field.isEmpty { return self("“\(given)”", "'\(given)'") }
        // A launch option is typed `--now VALUE`, not `key=value`.
        if field.hasPrefix("--") { return self("\(field) “\(given)”", "\(field) '\(given)'") }
        return given.isEmpty ? self("\(field)=（空）", "\(field)= (empty)") : "\(field)=\(given)"
    }

    /// "price=120" for an option; "120" for a word on the line.
    func example(_ field: String, _ value: String) -> String { field.isEmpty ? value : "\(field)=\(value)" }
}
