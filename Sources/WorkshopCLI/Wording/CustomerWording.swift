import WorkshopModel

/// Customers, vehicles and the messages to the customer.
extension CustomerRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .notCustomerReference(let given):
            return w("“\(given)”不是客户号或电话：写 C12 或 13800138000（按姓名查找：customer find 姓名）",
                     "'\(given)' is neither a customer number nor a phone number: write C12 or 13800138000 (by name: customer find NAME)")
        case .notVehicleReference(let given):
            return w("“\(given)”不是车牌或 VIN", "'\(given)' is not a plate or a VIN")
        case .notModelYear(let given, let latest):
            return w("year=\(given) 不是车型年份：写 1900 到 \(latest) 的四位年份", "year=\(given) is not a model year: write four digits from 1900 to \(latest)")
        case .nothingToChange(let customer):
            return w("customer set \(customer)：请写要修改的内容：name=、phone=、company= 或 address=",
                     "customer set \(customer): nothing to change; give name=, phone=, company= or address=")
        case .nothingToChangeOnVehicle(let plate):
            return w("vehicle set \(plate)：请写要修改的内容，如 owner=、vin=、plate=、color=",
                     "vehicle set \(plate): nothing to change; give owner=, vin=, plate=, make=, model=, color=…")
        case .confirmVINWithoutVIN(let plate, let confirmed):
            guard confirmed else { return w("confirm-vin=no：没有需要确认的 VIN", "confirm-vin=no: nothing to confirm") }
            return w("confirm-vin=yes 要和它确认的 VIN 一起写：vehicle set \(plate) vin=… confirm-vin=yes",
                     "confirm-vin=yes goes with the VIN it confirms: vehicle set \(plate) vin=… confirm-vin=yes")
        case .notReady(let order, let status):
            return w("\(order) 目前为“\(status.chinese)”，还不能取车：竣工检验合格（无需检验的为完工）后才发取车通知",
                     "\(order) is \(status.english), not ready: a ready message goes out after the final inspection passes (or the work is completed, where none is needed)")
        case .noAddedWorkWaiting(let order):
            return w("\(order) 没有等待客户答复的追加项目", "\(order) has no added work waiting for the customer")
        case .delayNeedsReason:
            return w("延误通知要说明原因：加 reason=\"…\"（如 reason=\"配件未到货\"），客户会收到原因和致歉",
                     "a delay message says why: add reason=\"…\" (e.g. reason=\"parts not in yet\"); the customer gets the reason and an apology")
        case .promiseOnlyForDelay(let kind):
            return w("promise= 是延误通知的新交车时间（kind=delay）；kind=\(kind) 的消息不带它。只改交车时间请用 promise 单号 时间",
                     "promise= is the new time of a delay notice (kind=delay); a kind=\(kind) message takes none. To change the promise alone: promise RO TIME")
        case .taxNumberLength(let given, let count):
            return w("纳税人识别号 \(given) 有 \(count) 位；应为 18 位统一社会信用代码", "tax number \(given) has \(count) characters; a taxpayer number is the 18-character 统一社会信用代码")
        case .taxNumberCharacter(let given):
            return w("纳税人识别号 \(given) 含有 0-9、A-Y（不含 I、O、S、V、Z）以外的字符",
                     "tax number \(given) has a character outside 0-9 and A-Y without I, O, S, V, Z")
        case .taxNumberCheck(let given, let expected):
            return w("纳税人识别号 \(given) 校验不符：最后一位应为 \(expected)；请对照发票信息或营业执照重新核对",
                     "tax number \(given) fails its check: the last character should be \(expected); re-read it from the company's invoice details or licence")
        }
    }
}
