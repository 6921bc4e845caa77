import HealthRecordUpload
import NationalRecord
import WorkshopModel

/// The national repair record (汽车维修电子健康档案): set-up, what keeps a record back, how a push went.
extension HealthRecordRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .notSetUp:
            return w("尚未设置健康档案平台：经理用 healthrecord set url=… company=企业编码 password=… 设置",
                     "the national record platform is not set up: a manager sets it with healthrecord set url=… company=CODE password=…")
        case .setUpIncomplete(let missing):
            return w("首次设置须同时给出 url=、company=、password=；缺少：\(w.list(missing))",
                     "the first set-up gives url=, company= and password= together; missing: \(w.list(missing))")
        case .notAnAddress(let given):
            return w("url= 须是 http:// 或 https:// 开头的平台地址，收到的是“\(given)”",
                     "url= is the platform's address starting with http:// or https://; got \"\(given)\"")
        case .unknownStyle(let given, let known):
            return w("没有“\(given)”这种平台接口；可用：\(w.list(known))", "no platform style \"\(given)\"; the styles are: \(w.list(known))")
        case .noRecord(let order):
            return w("\(order) 没有健康档案记录：只有已修竣交车的维修单才上报（报价、客户不修、作废的不报）",
                     "\(order) has no national record: only orders released as repaired are reported (not estimates, declined or voided ones)")
        case .alreadySent(let order, let at):
            return w("\(order) 的记录已于 \(w.time(at)) 上报平台，不能再更正或重报", "\(order)'s record was taken by the platform at \(w.time(at)); it is not corrected or sent again")
        case .nothingToCorrect:
            return w("请写出要更正的内容：vin=、plate=、mileage=、fault=、part=项号:配件编码", "say what to correct: vin=, plate=, mileage=, fault=, part=LINE:CODE")
        case .notPartCorrection(let given):
            return w("part= 写作 项号:配件编码，如 part=2:04465-33450；收到的是“\(given)”", "part= is LINE:NUMBER, e.g. part=2:04465-33450; got \"\(given)\"")
        case .noSuchPart(let order, let line, let lines):
            return w("\(order) 的记录里没有第 \(line) 项配件；配件项：\(lines.map(String.init).joined(separator: "、"))",
                     "\(order)'s record has no part on line \(line); its part lines: \(lines.map(String.init).joined(separator: ", "))")
        }
    }
}

extension Wording {
    /// What keeps a record back, and how to fix it.
    func problem(_ problem: ReportingProblem, order: String) -> String {
        switch problem {
        case .companyNameMissing:
            return self("缺少企业名称（shop set name=…）", "the shop's name is missing (shop set name=…)")
        case .vinMissing:
            return self("缺少车辆识别代号（healthrecord correct \(order) vin=…）", "no VIN (healthrecord correct \(order) vin=…)")
        case .vinInvalid(let vin, let why):
            let reason: String
            switch why {
            case .length(let count): reason = self("应为 17 位，实为 \(count) 位", "17 characters, not \(count)")
            case .forbiddenCharacter(let c, let position): reason = self("第 \(position) 位“\(c)”不能出现在 VIN 中", "\"\(c)\" at position \(position) is never in a VIN")
            case .checkDigit(let expected, let found): reason = self("第 9 位校验位应为 \(expected)，实为 \(found)", "check digit (9th) should be \(expected), is \(found)")
            }
            return self("车辆识别代号 \(vin) 有误：\(reason)（healthrecord correct \(order) vin=…）", "VIN \(vin) is wrong: \(reason) (healthrecord correct \(order) vin=…)")
        case .plateMissing:
            return self("缺少车牌号码（healthrecord correct \(order) plate=…）", "no plate (healthrecord correct \(order) plate=…)")
        case .mileageMissing:
            return self("缺少送修里程（healthrecord correct \(order) mileage=…）", "no mileage at check-in (healthrecord correct \(order) mileage=…)")
        case .faultDescriptionMissing:
            return self("缺少故障描述（healthrecord correct \(order) fault=…）", "no fault description (healthrecord correct \(order) fault=…)")
        case .settlementNumberMissing:
            return self("缺少结算清单编号（交车前已结算的旧单）", "no settlement list number (an order released before numbering)")
        case .nothingRepaired:
            return self("没有维修项目和配件，无可上报", "no repair work and no parts: nothing to report")
        case .projectWithoutHours(let name):
            return self("项目“\(name)”没有工时", "work \"\(name)\" has no hours")
        case .partWithoutCode(let line, let name):
            return self("第 \(line) 项配件“\(name)”没有配件编码（healthrecord correct \(order) part=\(line):编码）",
                        "part \"\(name)\" on line \(line) has no part number (healthrecord correct \(order) part=\(line):NUMBER)")
        }
    }

    /// The platform's words as they came, or Workshop's own failure codes in the shop's language.
    func platformAnswer(_ answer: String) -> String {
        switch answer {
        case "network:unreachable": return self("无法连接平台", "the platform can't be reached")
        case "network:timeout": return self("平台未在时限内答复", "the platform did not answer in time")
        case "network:tls": return self("平台的 HTTPS 证书校验未通过", "the platform's HTTPS certificate did not verify")
        case "network:other": return self("网络错误", "a network error")
        case _ where answer.hasPrefix("http:"):
            let status = answer.dropFirst(5)
            return self("平台答复无法识别（HTTP \(status)）", "the platform's answer can't be read (HTTP \(status))")
        default: return answer
        }
    }

    /// One push's result for one order, as a line.
    func pushResult(_ order: String, _ result: Reporter.Report.Result) -> String {
        switch result {
        case .sent(let words):
            return self("\(order) 已上报（平台：\(words)）", "\(order) reported (platform: \(words))")
        case .alreadyHeld(let words):
            return self("\(order) 平台已有此记录（\(words)），视为已上报，不重复上报", "\(order) the platform already holds it (\(words)): counted as reported, not sent twice")
        case .refused(let words):
            return self("\(order) 被平台退回：\(words)；更正后重报（healthrecord correct \(order) …）",
                        "\(order) refused by the platform: \(words); correct it and it is sent again (healthrecord correct \(order) …)")
        case .failed(let code, let next):
            let words = platformAnswer(code)
            return self("\(order) 未能上报（\(words)）；将于 \(time(next)) 自动重试，记录不会丢失",
                        "\(order) not reported (\(words)); tried again at \(time(next)), nothing is lost")
        case .busy:
            return self("\(order) 正由另一终端上报", "\(order) is being sent by another terminal")
        case .alreadySent(let at):
            return self("\(order) 已于 \(time(at)) 上报，不再重报", "\(order) was reported at \(time(at)); not sent again")
        case .needsCorrection(let problems):
            return self("\(order) 须先更正：", "\(order) needs correcting first: ") + list(problems.map { problem($0, order: order) })
        }
    }
}
