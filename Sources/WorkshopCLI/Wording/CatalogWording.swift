import WorkshopModel

/// The price lists and the stock.
extension CatalogRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .unknownPart(let number):
            return w("价目表中没有配件 \(number)（parts list 查看，parts add 新增）", "no part \(number) in the price list: parts list shows them (parts add adds one)")
        case .partNumberNotListed(let given, let similar):
            return w("价目表中没有配件 \(given)；是不是 \(w.either(similar))？如确是价目表外的配件，加 unlisted=yes（并写 price=）",
                     "no part \(given) in the price list; did you mean \(w.either(similar))? If it is a part the price list does not have, add unlisted=yes (with price=)")
        case .partCountedInWholes(let number, let unit, let given):
            return w("\(number) 按“\(unit)”计：数量须为整数（给的是 \(given)）；按升、公斤等计量的配件才有小数",
                     "\(number) is counted in \(unit): the quantity is a whole number (given: \(given)); only parts measured in litres, kilograms and the like take fractions")
        case .partIsListed(let number):
            return w("\(number) 在价目表中：去掉 unlisted=yes，按价目表报价", "\(number) is on the price list: leave out unlisted=yes and it is priced from the list")
        case .nameIsListedPart(let name, let number, let price, let order, let supplement):
            let command = supplement ? "supplement \(order) add part \(number)" : "estimate \(order) part \(number)"
            return w("价目表中已有“\(name)”（\(number)，标价 \(price.grouped)）：请用配件号 \(command) …；确为价目表外的配件加 unlisted=yes",
                     "“\(name)” is on the price list (\(number), list \(price.grouped)): enter it by its part number, \(command) …; for a part the price list does not have, add unlisted=yes")
        case .nameIsListedLabor(let name, let code, let hours, let order, let supplement):
            let command = supplement ? "supplement \(order) add labor \(code)" : "estimate \(order) labor \(code)"
            return w("工时定额中已有“\(name)”（\(code)，标准工时 \(hours) h）：请用工时代码 \(command) …；确为另一项工作请换个说明，或加 unlisted=yes",
                     "“\(name)” is a labour operation (\(code), standard \(hours) h): enter it by its code, \(command) …; for other work, describe it otherwise or add unlisted=yes")
        case .laborIsListed(let code):
            return w("\(code) 是工时定额中的项目：去掉 unlisted=yes，按工时定额报价", "\(code) is a labour operation: leave out unlisted=yes and it is priced from the list")
        case .badPartNumber(let given):
            return w("配件号 \(given)：最多 40 个字符，不含空格、逗号和冒号", "part number \(given): up to 40 characters, without spaces, commas or colons")
        case .nameNeeded(let number):
            return w("\(number) 是新配件，请写名称：parts add \(number) \"名称\" price=…", "\(number) is a new part: give its name, parts add \(number) \"NAME\" price=…")
        case .priceNeeded(let number):
            return w("\(number) 是新配件，请写售价，如 price=68", "\(number) is a new part: give its price, e.g. price=68")
        case .customerPartNotStocked:
            return w("class=customer 指客户自带的配件，不入库存", "class=customer is for a part the customer brings, not for the stock")
        case .alreadyStocked(let number, let onHand):
            return w("\(number) 已有库存（在库 \(onHand)）：库存变动请用 parts receive 或 parts adjust … reason=…",
                     "\(number) is already stocked (\(onHand) on hand): change stock with parts receive or parts adjust … reason=…")
        case .countMatches(let number, let onHand):
            return w("\(number)：盘点数与库存相符（\(onHand)），无需调整", "\(number): the count matches the stock (\(onHand)); nothing to adjust")
        case .nothingToReturn(let order):
            return w("\(order) 没有可退的配件：已确认项目的配件随单不退", "\(order) has no issued part on an unbilled line: parts of approved lines stay with the order")
        case .unknownJob(let code):
            return w("没有套餐 \(code)（job list 查看全部套餐）", "no job \(code): job list shows the canned jobs")
        case .unknownLaborOperation(let code, let job):
            return w("套餐 \(job)：没有工时定额 \(code)（labor list 查看）", "job \(job): no labour operation \(code) (labor list shows them)")
        case .jobNeedsWork(let code):
            return w("套餐 \(code)：请写 labor=… 或 parts=…（或两者）", "job \(code): give labor=… and/or parts=…")
        case .badLaborCode(let given):
            return w("工时代码 \(given)：只用字母、数字和 - _ .（最多 20 个），如 BRK-01", "labor code \(given): use letters, digits, - _ . (up to 20), e.g. BRK-01")
        case .reservedLaborCode(let code):
            return w("工时代码 \(code) 留作诊断费（diagnose RO … fee=）", "labor code \(code) is reserved for the diagnostic fee (diagnose RO … fee=)")
        }
    }
}
