import Foundation
import HTTPClient
import HealthRecordUpload
import NationalRecord
import WorkshopModel
import WorkshopStore

/// The national repair record (汽车维修电子健康档案): every released order reported once, queued,
/// retried, never lost; what was sent and what the platform said, in the shop's language.
enum HealthRecordCommands {
    static let password = OptionSpec(key: "password", type: .text("密码", "PASSWORD"), secret: true)

    static let command = CommandSpec("healthrecord", aliases: ["健康档案", "档案上报"], group: .shop,
        summary: Phrase("维修电子健康档案：交车即上报，排队、重试、不丢、不重报", "the national repair record: each release reported once, queued, retried, never lost"), forms: [
        Form([word("set")], options: [option("url", .text("地址", "URL")), option("company", .text("企业编码", "CODE")), password,
                                      option("style", .text("接口", "STYLE")), option("auto", .yesNo), option("site", .site)],
             access: .write, roles: [.manager],
             summary: Phrase("设置本省平台地址和本店企业编码、密码（密码不显示、不记入日志、不导出）",
                             "set the province's platform address and the shop's company code and password (never shown, journalled or exported)"),
             examples: ["healthrecord set url=https://weixiu.example.gov.cn company=4403000001 password=…", "healthrecord set auto=no",
                        "healthrecord set site=深圳南山店 password=…"]) { invocation, s in
            if let site: String = invocation.value("site") { return try setSite(site, invocation, s) }
            return try set(invocation, s)
        },
        Form([word("push", "send", "上报"), optionalListArg("orders", .order)], access: .session,
             roles: [.manager, .cashier, .advisor],
             summary: Phrase("现在上报待上报的记录（或指定单号，不等重试时间）", "send what waits now (or the orders named, whatever their retry time)"),
             examples: ["healthrecord push", "healthrecord push RO12"]) { invocation, s in
            try push(invocation, s)
        },
        Form([word("status", "list"), optionalListArg("orders", .order)], access: .read,
             summary: Phrase("已上报、待上报、被退回的记录及原因", "what was sent, what waits and what the platform refused, and why"),
             examples: ["healthrecord status", "healthrecord status RO12"]) { invocation, s in
            try status(invocation, s)
        },
        Form([word("show"), arg("order", .order)], access: .read,
             summary: Phrase("一张单的上报记录：内容、每次上报的请求和平台答复", "one order's record: its content, each attempt's request and the platform's answer"),
             examples: ["healthrecord show RO12"]) { invocation, s in
            try show(invocation, s)
        },
        Form([word("correct", "fix", "更正"), arg("order", .order)],
             options: [option("vin", .text("VIN", "VIN")), option("plate", .plate), option("foreign", .yesNo), option("mileage", .odometer),
                       option("fault", .text),
                       repeated("part", .text("项号:编码", "LINE:CODE")), required("reason", .text)],
             access: .write, roles: [.manager, .advisor],
             summary: Phrase("更正被退回或无法上报的记录（如输错的 VIN），写明原因；更正后等待上报", "correct a refused or unsendable record (a mistyped VIN), with the reason; it then waits to be sent"),
             examples: ["healthrecord correct RO12 vin=LSVAM4187C2184847 reason=\"VIN 输错\""]) { invocation, s in
            try correct(invocation, s)
        },
    ])

    // MARK: Set-up

    /// A site of a chain reports under its own 企业编码 (given at `site add`) and its own password;
    /// the platform's address, style and auto are the shop's, set without site=. The home site's
    /// account is the shop's.
    static func setSite(_ name: String, _ invocation: Invocation, _ s: Session) throws -> Output {
        let site = try s.store.resolveSite(name)
        if site.isHome { return try set(invocation, s) }
        let others = ["url", "company", "style", "auto"].filter { invocation.has($0) }.map { $0 + "=" }
        guard try s.store.healthRecordAccount() != nil else { throw HealthRecordRefusal.notSetUp }
        let secret: String? = invocation.value("password")
        guard let secret, others.isEmpty else { throw SiteRefusal.siteAccountIsItsPassword(site: site.name, given: others) }
        try s.store.setSiteHealthRecordPassword(secret, site: site)
        return .message(s.t("\(site.name) 以企业编码 \(site.code) 上报健康档案（密码已设置）",
                            "\(site.name) reports to the national record under company code \(site.code) (password set)"),
                        [("site", .string(site.name)), ("company", .string(site.code))])
    }

    static func set(_ invocation: Invocation, _ s: Session) throws -> Output {
        let before = try s.store.healthRecordAccount()
        let url: String? = invocation.value("url")
        let company: String? = invocation.value("company")
        let secret: String? = invocation.value("password")
        if before == nil {
            let missing = [("url", url), ("company", company), ("password", secret)].filter { $0.1 == nil }.map { $0.0 + "=" }
            if !missing.isEmpty { throw HealthRecordRefusal.setUpIncomplete(missing: missing) }
        }
        if let url, !(url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://")) {
            throw HealthRecordRefusal.notAnAddress(url)
        }
        let style: String? = invocation.value("style")
        if let style, PlatformStyles.named(style) == nil { throw HealthRecordRefusal.unknownStyle(style, known: PlatformStyles.names) }
        let account = HealthRecordAccount(url: url ?? before!.url, company: company ?? before!.company, password: secret ?? before!.password,
                                          style: style ?? before?.style ?? PlatformStyles.standard.name,
                                          auto: invocation.value("auto") ?? before?.auto ?? true, token: nil, setAt: s.now, setBy: s.user)
        try s.store.saveHealthRecordAccount(account)
        let text = s.t("健康档案平台：\(account.url) · 企业编码 \(account.company) · 接口 \(account.style) · " + (account.auto ? "交车即上报" : "手动上报（healthrecord push）"),
                       "national record platform: \(account.url) · company \(account.company) · style \(account.style) · "
                        + (account.auto ? "reported at each release" : "sent by hand (healthrecord push)"))
        return .message(text, [("url", .string(account.url)), ("company", .string(account.company)), ("style", .string(account.style)),
                               ("auto", .bool(account.auto))])
    }

    // MARK: Sending

    /// The transport: libcurl, with timeouts a test may shorten (WORKSHOP_HEALTHRECORD_TIMEOUT_MS).
    /// At a release the cashier is waiting: at most 5 s, then the record waits for the next push.
    static func transport(_ s: Session, atRelease: Bool = false) -> any HTTPTransport {
        let given = ProcessInfo.processInfo.environment["WORKSHOP_HEALTHRECORD_TIMEOUT_MS"].flatMap(Int.init)
        let total = min(given ?? 10_000, atRelease ? 5_000 : .max)
        return CurlTransport(connectTimeoutMilliseconds: min(3_000, total), timeoutMilliseconds: total)
    }

    static func push(_ invocation: Invocation, _ s: Session) throws -> Output {
        let ids = try (invocation.values("orders") as [String]).map { try s.store.resolveOrder($0).id }
        let report = try Reporter(store: s.store, transport: transport(s)).push(orders: ids.isEmpty ? nil : ids)
        var nothing = s.t("没有待上报的记录", "nothing waits to be sent")
        let later = try s.store.outboxWaitingLater()
        if ids.isEmpty, later.count > 0, let next = later.next {
            nothing = s.t("现在没有到重试时间的记录；\(later.count) 条待上报，最早 \(s.wording.time(next)) 自动重试；立即上报：healthrecord push 单号",
                          "nothing is due now; \(later.count) waiting, the first tried again at \(s.wording.time(next)); to send now: healthrecord push RO…")
        }
        return output(report, s, nothing: nothing)
    }

    static func output(_ report: Reporter.Report, _ s: Session, nothing: String) -> Output {
        var lines: [String] = []
        for site in report.sitesNotSetUp {
            lines.append(s.t("\(site) 尚未设置健康档案平台密码：该店的记录留在待上报队列；经理用 healthrecord set site=\(site) password=… 设置",
                             "\(site) has no national record password yet: its records wait in the queue; a manager sets it with healthrecord set site=\(site) password=…"))
        }
        if let words = report.accountRefused, let site = report.accountRefusedSite {
            lines.append(s.t("平台拒绝了 \(site) 的企业编码或密码（\(words)）：该店的记录未上报；请经理核对后 healthrecord set site=\(site) password=…",
                             "the platform refused \(site)'s company code or password (\(words)): its records were not sent; a manager checks them (healthrecord set site=\(site) password=…)"))
        } else if let words = report.accountRefused {
            lines.append(s.t("平台拒绝了本店的企业编码或密码（\(words)）：未上报任何记录；请经理核对后 healthrecord set company=… password=…",
                             "the platform refused the shop's company code or password (\(words)): nothing was sent; a manager checks them (healthrecord set company=… password=…)"))
        }
        if let code = report.unreachable {
            let words = s.wording.platformAnswer(code)
            lines.append(s.t("未能取得健康档案平台的令牌（\(words)）：记录留在待上报队列，稍后自动重试，不会丢失",
                             "no token from the national record platform (\(words)): the records wait in the queue and are tried again later; nothing is lost"))
        }
        lines += report.results.map { s.wording.pushResult($0.order, $0.result) }
        if lines.isEmpty { lines = [nothing] }
        let json = JSON.object([
            ("ok", .bool(true)), ("message", .string(lines.joined(separator: "\n"))),
            ("account_refused", .string(report.accountRefused)), ("unreachable", .string(report.unreachable)),
            ("sites_not_set_up", .array(report.sitesNotSetUp.map { .string($0) })),
            ("results", .array(report.results.map { .object([("order", .string($0.order)), ("result", .string(code($0.result)))]) })),
        ])
        return Output(text: lines.joined(separator: "\n"), json: json)
    }

    static func code(_ result: Reporter.Report.Result) -> String {
        switch result {
        case .sent: return "sent"
        case .alreadyHeld: return "already-held"
        case .refused: return "refused"
        case .failed: return "failed"
        case .busy: return "busy"
        case .alreadySent: return "already-sent"
        case .needsCorrection: return "needs-correction"
        }
    }

    /// After a release has committed: its record (and any other due) goes now, when the shop
    /// reports automatically. A failure to send never undoes or fails the release: the record waits.
    static func reportAfterRelease(_ output: Output, order: RepairOrder, _ s: Session) -> Output {
        guard let account = try? s.store.healthRecordAccount(), account.auto else { return output }
        var output = output
        let previous = output.afterCommit
        output.afterCommit = {
            let released = try previous?() ?? Output(text: output.text, json: output.json)
            guard var report = try? Reporter(store: s.store, transport: transport(s, atRelease: true)).push(limit: 20) else { return released }
            // This release's own record, when it can't be sent as it is: said now, at the counter.
            if let entry = try? s.store.outboxEntry(orderID: order.id), entry.state == .refused,
               let problems = entry.record?.problems, !problems.isEmpty {
                report.results.insert((entry.orderNumber, .needsCorrection(problems)), at: 0)
            }
            let said = Self.output(report, s, nothing: "")
            guard !said.text.isEmpty else { return released }
            var json = released.json
            if case .object(var pairs) = json {
                pairs.append(("healthrecord", said.json))
                json = .object(pairs)
            }
            return Output(text: released.text + "\n  " + s.t("健康档案：", "national record: ") + said.text.replacingOccurrences(of: "\n", with: "\n  "),
                          json: json)
        }
        return output
    }

    // MARK: Reading

    static func status(_ invocation: Invocation, _ s: Session) throws -> Output {
        let named = try (invocation.values("orders") as [String]).map { try s.store.resolveOrder($0) }
        var entries: [OutboxEntry]
        var sentCount = 0
        if named.isEmpty {
            let all = try s.store.outbox()
            entries = all.open + all.sent
            sentCount = all.sentCount
        } else {
            entries = try named.map { order in
                guard let entry = try s.store.outboxEntry(orderID: order.id) else { throw HealthRecordRefusal.noRecord(order: order.number) }
                return entry
            }
        }
        let account = try s.store.healthRecordAccount()
        var text = account.map {
            s.t("健康档案平台 \($0.url) · 企业编码 \($0.company) · " + ($0.auto ? "交车即上报" : "手动上报"),
                "national record platform \($0.url) · company \($0.company) · " + ($0.auto ? "reported at each release" : "sent by hand"))
        } ?? s.t("尚未设置健康档案平台（healthrecord set …）；交车的记录在此排队，设置后补报",
                 "the national record platform is not set up (healthrecord set …); released orders' records queue here and are sent once it is")
        if named.isEmpty {
            let waiting = entries.filter { $0.state == .waiting || $0.state == .sending }.count
            let refused = entries.filter { $0.state == .refused }.count
            text += "\n" + s.t("已上报 \(sentCount) · 待上报 \(waiting) · 待更正 \(refused)", "sent \(sentCount) · waiting \(waiting) · to correct \(refused)")
        }
        if !entries.isEmpty {
            var table = TextTable([s.t("单号", "Order"), s.t("结算清单", "Settlement"), s.t("状态", "State"), s.t("次数", "Tries"),
                                   s.t("时间", "When"), s.t("平台答复 / 原因", "Platform's answer / why")], rightAligned: [3])
            table.maximumWidth = 60
            for entry in entries {
                table.add([entry.orderNumber, entry.record?.settlementNumber ?? "", s.wording.label(entry.state), "\(entry.attempts)",
                           when(entry, s), why(entry, s)])
            }
            text += "\n" + table.render()
        }
        return Output(text: text, json: .object([
            ("configured", .bool(account != nil)), ("sent", .int(sentCount)),
            ("records", .array(entries.map { json($0, s) })),
        ]))
    }

    static func when(_ entry: OutboxEntry, _ s: Session) -> String {
        switch entry.state {
        case .sent: return s.wording.time(entry.sentAt)
        case .waiting: return s.t("下次 ", "next ") + s.wording.time(entry.nextAttemptAt)
        case .sending: return s.t("开始于 ", "since ") + s.wording.time(entry.claimedAt)
        case .refused: return s.wording.time(entry.createdAt)
        }
    }

    /// The platform's words, or what keeps the record back.
    static func why(_ entry: OutboxEntry, _ s: Session) -> String {
        let problems = entry.record?.problems ?? []
        if entry.state == .refused, !problems.isEmpty { return s.wording.list(problems.map { s.wording.problem($0, order: entry.orderNumber) }) }
        return entry.answer.map(s.wording.platformAnswer) ?? ""
    }

    static func json(_ entry: OutboxEntry, _ s: Session) -> JSON {
        .object([("order", .string(entry.orderNumber)), ("settlement_no", .string(entry.record?.settlementNumber)),
                 ("state", .string(entry.state.code)), ("attempts", .int(entry.attempts)),
                 ("next_attempt_at", .string(entry.state == .waiting ? entry.nextAttemptAt.iso8601 : nil)),
                 ("sent_at", .string(entry.sentAt?.iso8601)), ("answer", .string(entry.answer)),
                 ("problems", .array((entry.record?.problems ?? []).map { .string(s.wording.problem($0, order: entry.orderNumber)) }))])
    }

    static func show(_ invocation: Invocation, _ s: Session) throws -> Output {
        let order = try s.store.resolveOrder(invocation.need("order"))
        guard let entry = try s.store.outboxEntry(orderID: order.id), let record = entry.record else {
            throw HealthRecordRefusal.noRecord(order: order.number)
        }
        let account = try s.store.healthRecordAccount()
        let style = account.flatMap { PlatformStyles.named($0.style) } ?? PlatformStyles.standard
        var lines = [
            s.t("\(order.number) 维修电子健康档案 · \(s.wording.label(entry.state)) · 上报 \(entry.attempts) 次",
                "\(order.number) national repair record · \(s.wording.label(entry.state)) · \(entry.attempts) attempts"),
            s.t("  企业名称 \(record.companyName) · 车牌 \(record.plate) · VIN \(record.vin)",
                "  company \(record.companyName) · plate \(record.plate) · VIN \(record.vin)"),
            s.t("  送修 \(dashed(record.repairDay)) \(record.repairMileage) km · 结算 \(dashed(record.settleDay)) · 结算清单 \(record.settlementNumber) · \(record.category.chinese)",
                "  in \(dashed(record.repairDay)) \(record.repairMileage) km · settled \(dashed(record.settleDay)) · settlement \(record.settlementNumber) · \(record.category.english)"),
            s.t("  故障描述 \(record.faultDescription)", "  fault \(record.faultDescription)"),
        ]
        lines += record.projects.map { s.t("  项目 \($0.name) · 工时 \($0.hours)", "  work \($0.name) · \($0.hours) h") }
        lines += record.parts.map { s.t("  配件 #\($0.line) \($0.name) · 编码 \($0.code) · 数量 \($0.quantity)", "  part #\($0.line) \($0.name) · number \($0.code) · qty \($0.quantity)") }
        lines += record.problems.map { "  ! " + s.wording.problem($0, order: order.number) }
        let attempts = try s.store.attempts(outboxID: entry.id)
        for (number, attempt) in zip(1..., attempts) {
            // libcurl's own words are English: shown to an English reader, kept in the JSON for all.
            let detail = s.language == .en ? attempt.failure.map { " · \($0)" } ?? "" : ""
            lines.append(s.t("  第 \(number) 次 \(s.wording.time(attempt.startedAt)) → ", "  attempt \(number) \(s.wording.time(attempt.startedAt)) → ")
                         + (attempt.outcome.map { outcomeWords($0, s) } ?? s.t("无结果（上报中断）", "no outcome (the push stopped)"))
                         + (attempt.httpStatus.map { " HTTP \($0)" } ?? "") + detail)
            lines.append("    POST \(attempt.url)")
            lines.append("    " + masked(attempt.request))
            if let response = attempt.response { lines.append("    ← " + masked(response)) }
        }
        if attempts.isEmpty, let account {
            let preview = style.uploadRequest(base: account.url, token: "…", company: account.company, record: record, sentAt: s.now, zone: s.zone)
            lines.append(s.t("  将发送：", "  will send: ") + preview.url)
            lines.append("    " + preview.body)
        }
        return Output(text: lines.joined(separator: "\n"), json: .object([
            ("record", json(entry, s)), ("content", record.json),
            ("attempts", .array(attempts.map {
                .object([("at", .string($0.startedAt.iso8601)), ("url", .string($0.url)), ("request", .string(masked($0.request))),
                         ("http_status", .int($0.httpStatus)), ("response", .string($0.response.map(masked))), ("failure", .string($0.failure)),
                         ("outcome", .string($0.outcome))])
            })),
        ]))
    }

    /// A request or answer as shown: the platform's token, which stands for the shop's password
    /// until it expires, is never shown (the database keeps the exact text).
    static func masked(_ text: String) -> String {
        var result = text
        for key in ["access_token", "accessToken"] {
            let pattern = "\"" + key + "\":\"[^\"]*\""
            result = result.replacingOccurrences(of: pattern, with: "\"" + key + "\":\"…\"", options: .regularExpression)
        }
        return result
    }

    /// "20261122" as people read it: "2026-11-22".
    static func dashed(_ day: String) -> String {
        guard day.count == 8 else { return day }
        let characters = Array(day)
        return String(characters[0..<4]) + "-" + String(characters[4..<6]) + "-" + String(characters[6..<8])
    }

    /// How an attempt ended, as its stored code says, in words.
    static func outcomeWords(_ code: String, _ s: Session) -> String {
        switch code {
        case "accepted": return s.t("平台已接收", "accepted")
        case "already-held": return s.t("平台已有此记录", "already held by the platform")
        case "refused": return s.t("平台退回", "refused by the platform")
        case "token-refused": return s.t("令牌失效，已换新令牌重发", "token refused; sent again with a new one")
        case "failed": return s.t("未得到答复", "no answer")
        default: return code
        }
    }

    // MARK: Correcting

    static func correct(_ invocation: Invocation, _ s: Session) throws -> Output {
        let order = try s.store.resolveOrder(invocation.need("order"))
        guard let entry = try s.store.outboxEntry(orderID: order.id), var record = entry.record else {
            throw HealthRecordRefusal.noRecord(order: order.number)
        }
        if entry.state == .sent { throw HealthRecordRefusal.alreadySent(order: order.number, at: entry.sentAt ?? entry.createdAt) }
        var changes: [(String, JSON)] = []
        if let text: String = invocation.value("vin"), VIN.normalize(text) != record.vin {
            let vin = try VIN(text)
            changes.append(("vin", .object([("was", .string(record.vin)), ("now", .string(vin.value))])))
            record.vin = vin.value
            record.vinConfirmed = false
        }
        if let plate: String = invocation.value("plate"), Plate.normalize(plate) != record.plate {
            let parsed = try Plate(plate, foreign: invocation.value("foreign") ?? false)
            changes.append(("plate", .object([("was", .string(record.plate)), ("now", .string(parsed.value))])))
            record.plate = parsed.value
        }
        if let mileage: Int = invocation.value("mileage"), mileage != record.repairMileage {
            changes.append(("mileage", .object([("was", .int(record.repairMileage)), ("now", .int(mileage))])))
            record.repairMileage = mileage
        }
        if let fault: String = invocation.value("fault"), fault != record.faultDescription {
            changes.append(("fault", .object([("was", .string(record.faultDescription)), ("now", .string(fault))])))
            record.faultDescription = fault
        }
        for given in invocation.values("part") as [String] {
            let pieces = given.split(separator: ":", maxSplits: 1).map(String.init)
            let lines = record.parts.map(\.line)
            guard pieces.count == 2, let line = Int(pieces[0]), !pieces[1].isEmpty else {
                throw HealthRecordRefusal.notPartCorrection(given: given)
            }
            guard let index = record.parts.firstIndex(where: { $0.line == line }) else {
                throw HealthRecordRefusal.noSuchPart(order: order.number, line: line, lines: lines)
            }
            changes.append(("part", .object([("line", .int(line)), ("was", .string(record.parts[index].code)), ("now", .string(pieces[1]))])))
            record.parts[index].code = pieces[1]
        }
        guard !changes.isEmpty else { throw HealthRecordRefusal.nothingToCorrect }
        try s.store.correct(entry, to: record, changes: changes, reason: invocation.value("reason"))
        let problems = record.problems
        var text = s.t("\(order.number) 的上报记录已更正", "\(order.number)'s record corrected")
        text += problems.isEmpty ? s.t("，等待上报（healthrecord push \(order.number)）", "; it waits to be sent (healthrecord push \(order.number))")
            : s.t("，仍须更正：", "; still to correct: ") + s.wording.list(problems.map { s.wording.problem($0, order: order.number) })
        return .message(text, [("order", .string(order.number)), ("state", .string(problems.isEmpty ? "waiting" : "refused"))])
    }
}
