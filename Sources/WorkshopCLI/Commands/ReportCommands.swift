import DocumentModel
import JobCards
import WorkshopModel
import WorkshopStore

/// How the shop is doing: the day and the month.
enum ReportCommands {
    static let command = CommandSpec("report", aliases: ["报表"], group: .afterSales,
        summary: Phrase("日报、月报：车辆、开单、营业额（工时/材料/其他）、单车产值、成交率、优惠、返修、投诉；收款按方式、挂账另计；应收款；对账单",
                        "the day's or the month's figures: cars, orders, revenue by labour/parts/other, average order, close ratio, discounts, comebacks, complaints; payments by method, charges to account apart; receivables; statements"), forms: [
        Form([word("day", "日"), optionalArg("day", .day)], options: [siteOption], access: .read,
             summary: Phrase("某天的数字（默认今天），含收银日结：各付款方式收款、退款，钱箱现金（实收−找零−退款），挂账另计",
                             "a day's figures (today unless given), with the cashier's end of day: each method's payments and refunds, the cash drawer (handed over − change − refunds), charges to account apart"),
             examples: ["report day", "report day 2026-11-21"]) { invocation, s in
            let start = invocation.value("day") ?? s.zone.startOfDay(s.now)
            let end = Day.next(start, s.zone)
            let scope = try scope(invocation, s)
            let report = try s.store.report(from: start, to: end, site: scope.site)
            let title = s.zone.formatDate(start) + (try scopeTitle(scope, s))
            let record = try DayRecord(from: start, to: end, site: scope.site, s.store)
            return Output(text: text(report, title: title, daily: false, s) + "\n\n" + AccountReports.cashDesk(report, s) + "\n\n" + record.text(s),
                          json: json(report, title: title, adding: record.json(s)))
        },
        Form([word("month", "月"), optionalArg("month", .month)],
             options: [option("format", .choice(ReportFormat.self)), option("out", .path), siteOption], access: .read,
             summary: Phrase("某月的数字及每日营业额（默认本月）；format=pdf 或 html 打印月度报表", "a month's figures and daily revenue (this month unless given); format=pdf or html prints the monthly report"),
             examples: ["report month", "report month 2026-10 format=html", "report month 2026-10 format=pdf out=/tmp/report.pdf",
                        "report month 2026-10 site=all"]) { invocation, s in
            let today = s.zone.civil(s.now)
            let month = invocation.value("month") ?? String(today.year) + "-" + (today.month < 10 ? "0" : "") + String(today.month)
            let parts = month.split(separator: "-").compactMap { Int($0) }
            let (year, monthNumber) = (parts[0], parts[1])
            let start = s.zone.instant(CivilTime(year: year, month: monthNumber, day: 1))
            let end = s.zone.instant(CivilTime(year: monthNumber == 12 ? year + 1 : year, month: monthNumber == 12 ? 1 : monthNumber + 1, day: 1))
            let scope = try scope(invocation, s)
            let title = month + (try scopeTitle(scope, s))
            let report = try s.store.report(from: start, to: end, site: scope.site)
            let reminders = try s.store.reminderFigures(from: start, to: end, returnDays: s.settings.remindReturnDays, site: scope.site)
            switch invocation.choice("format", as: ReportFormat.self) ?? .text {
            case .text: break
            case .html: return try printMonth(report, reminders, title: title, format: .html, out: invocation.value("out"), site: scope.site, s)
            case .pdf: return try printMonth(report, reminders, title: title, format: .pdf, out: invocation.value("out"), site: scope.site, s)
            }
            var text = text(report, title: title, daily: true, s)
            if !reminders.isEmpty { text += "\n\n" + remindersText(reminders, s) }
            return Output(text: text, json: json(report, title: title, adding: remindersJSON(reminders)))
        },
        AccountReports.receivablesForm,
        AccountReports.statementForm,
    ])

    /// `site=NAME|all`: another site's figures, or every site's together (a manager's).
    static let siteOption = option("site", .text("门店|all", "SITE|all"))

    /// Whose figures: the session's site in a chain unless `site=` says otherwise (Site.reportScope).
    static func scope(_ invocation: Invocation, _ s: Session) throws -> ReportScope {
        let isChain = try s.store.hasSites()
        return try Site.reportScope(requested: invocation.value("site"), isChain: isChain, sites: s.store.sites(),
                                    session: s.store.currentSite(), person: s.signedIn)
    }

    /// What the title adds in a chain: the site's name, or "every site"; nothing in a shop with one site.
    static func scopeTitle(_ scope: ReportScope, _ s: Session) throws -> String {
        guard try s.store.hasSites() else { return "" }
        switch scope {
        case .everySite: return s.t(" · 全部门店", " · every site")
        case .site(let site): return " · " + site.name
        }
    }

    /// How the month report is given: on screen, or printed (PDF, or an HTML page from the templates).
    enum ReportFormat: String, Vocabulary {
        case text, pdf, html
        var code: String { rawValue }
        var chinese: String {
            switch self {
            case .text: return "屏幕文字"
            case .pdf: return "PDF 文件"
            case .html: return "网页"
            }
        }
        var english: String {
            switch self {
            case .text: return "text on screen"
            case .pdf: return "PDF file"
            case .html: return "HTML page"
            }
        }
    }

    static func percent(_ basisPoints: Int) -> String { FixedPoint.format(basisPoints, scale: 2, minimumDecimals: 1) + "%" }

    static func text(_ r: PeriodReport, title: String, daily: Bool, _ s: Session) -> String {
        var fields = Fields()
        let cars = carsLabel(r)
        fields.add(s.t(cars.zh, cars.en), "\(r.carsCheckedIn)")
        fields.add(s.t("开单 / 交车", "Orders opened / released"), "\(r.ordersOpened) / \(r.ordersReleased)")
        fields.add(s.t("营业额（已交车）", "Revenue (released)"), "\(s.settings.currency) \(r.revenue.grouped)")
        fields.add(s.t("  工时 / 材料 / 其他", "  labour / parts / other"), "\(r.labor.grouped) / \(r.parts.grouped) / \(r.other.grouped)")
        fields.add(s.t("优惠", "Discounts given"), r.discounts.grouped)
        fields.add(s.t("单车产值", "Average order"), r.averageOrder.grouped)
        fields.add(s.t("成交率（确认/报价）", "Close ratio (approved of estimated)"), "\(percent(r.closeRatio)) (\(r.approved.grouped) / \(r.estimated.grouped))")
        fields.add(s.t("收款（不含挂账）", "Payments received (not on account)"), r.payments.grouped)
        fields.add(s.t("挂账", "Charged to account"), r.chargedToAccount.grouped)
        fields.add(s.t("预约 / 到店 / 未到", "Bookings / arrived / no-shows"), "\(r.bookings) / \(r.arrivals) / \(r.noShows)")
        fields.add(s.t("返修", "Comebacks"), "\(r.comebacks)")
        fields.add(s.t("新投诉 / 未结投诉", "Complaints new / open"), "\(r.complaintsRegistered) / \(r.openComplaints)")
        var text = s.t("报表 \(title)", "Report \(title)") + "\n" + fields.render()
        if !r.cards.isEmpty || r.paidFromCards.fen != 0 { text += "\n\n" + cards(r, s) }
        if daily {
            var table = TextTable([s.t("日期", "Day"), s.t("营业额", "Revenue"), s.t("进厂", "Cars")], rightAligned: [1, 2])
            for day in r.daily where day.cars > 0 || day.revenue.fen > 0 { table.add([day.day, day.revenue.grouped, "\(day.cars)"]) }
            text += "\n\n" + table.render()
        }
        return text
    }

    /// The members' cards of the period: what was sold (paid-in and bonus apart), consumed (paying
    /// orders from stored value, or uses of count cards), refunded, expired, adjusted; and the
    /// paid-in balance every card still holds at its end — money the shop owes its customers.
    static func cards(_ r: PeriodReport, _ s: Session) -> String {
        var fields = Fields()
        for (label, value) in cardFigures(r, currency: s.settings.currency) { fields.add(s.t(label.zh, label.en), value) }
        return s.t("会员卡", "Members' cards") + "\n" + fields.render()
    }

    /// The reminders of the month: calls that got through, the bookings they brought, the cars
    /// that came back (the booking arrived, or the car was checked in within remind_return_days of
    /// the call, counted as the record stands now), and the calls no one answered.
    static func remindersText(_ f: ReminderFigures, _ s: Session) -> String {
        var fields = Fields()
        for (label, value) in reminderFigures(f) { fields.add(s.t(label.zh, label.en), value) }
        return s.t("提醒（回厂：预约已到店，或联系后 \(s.settings.remindReturnDays) 天内进厂）",
                   "Reminders (came back: the booking arrived, or checked in within \(s.settings.remindReturnDays) days of the call)") + "\n" + fields.render()
    }

    /// The reminders' figures as the screen and the printed month report show them.
    static func reminderFigures(_ f: ReminderFigures) -> [(Label, String)] {
        [(Label("已联系", "Called"), "\(f.called)"),
         (Label("其中预约 / 回厂", "  booked / came back"), "\(f.booked) / \(f.broughtBack)"),
         (Label("回厂率", "Came back"), f.called == 0 ? "—" : percent(FixedPoint.divideRoundingHalfUp(f.broughtBack * 10_000, f.called))),
         (Label("未接通（次）", "Unanswered calls"), "\(f.unanswered)")]
    }

    static func remindersJSON(_ f: ReminderFigures) -> [(String, JSON)] {
        [("reminders", .object([("called", .int(f.called)), ("booked", .int(f.booked)), ("came_back", .int(f.broughtBack)),
                                ("unanswered_calls", .int(f.unanswered))]))]
    }

    /// The cards' figures as the screen and the printed month report show them: sold (paid-in and
    /// bonus apart), consumed (stored money paid on orders; count cards' and packages' uses, with the
    /// paid-in they earned), refunded, expired, adjusted, and the liability at the end.
    static func cardFigures(_ r: PeriodReport, currency: String) -> [(Label, String)] {
        let c = r.cards
        var figures: [(Label, String)] = [
            (Label("售卡（张）", "Cards sold"), "\(c.cardsSold)"),
            (Label("售卡本金 / 赠送", "Sold: paid-in / bonus"), "\(c.soldPaidIn.grouped) / \(c.soldBonus.grouped)"),
            (Label("储值卡消费：本金 / 赠送（不计入新收款）", "Paid from stored-value cards: paid-in / bonus (not new money)"),
             "\((c.consumedPaidIn - c.usesValue).grouped) / \(c.consumedBonus.grouped)"),
            (Label("次卡、套餐卡使用：次数 / 本金", "Count-card and package uses: uses / paid-in earned"), "\(c.uses) / \(c.usesValue.grouped)"),
            (Label("退卡退款 / 作废赠送", "Refunded / bonus forfeited"), "\(c.refunded.grouped) / \(c.refundForfeitedBonus.grouped)"),
        ]
        // A site's report: what its desk did with cards; their expiries and balances are the chain's.
        if !c.ofOneSite {
            figures.append((Label("过期：本金转收入 / 赠送作废", "Expired: paid-in earned / bonus forfeited"),
                            "\(c.expiredPaidIn.grouped) / \(c.expiredBonus.grouped)"))
        }
        if c.adjusted.fen != 0 { figures.append((Label("调整（本金）", "Adjusted (paid-in)"), CardCommands.signed(c.adjusted))) }
        guard !c.ofOneSite else { return figures }
        figures.append((Label("期末卡内本金（负债）", "Paid-in held on cards at the end (liability)"), "\(currency) \(c.outstandingPaidIn.grouped)"))
        figures.append((Label("期末卡内赠送", "Bonus held on cards at the end"), c.outstandingBonus.grouped))
        return figures
    }

    static func cardsJSON(_ r: PeriodReport) -> [(String, JSON)] {
        let c = r.cards
        guard !c.isEmpty || r.paidFromCards.fen != 0 else { return [] }
        return [("cards", .object([
            ("sold", .int(c.cardsSold)), ("sold_paid_in", .money(c.soldPaidIn)), ("sold_bonus", .money(c.soldBonus)),
            ("consumed_paid_in", .money(c.consumedPaidIn)), ("consumed_bonus", .money(c.consumedBonus)), ("uses", .int(c.uses)),
            ("uses_value", .money(c.usesValue)), ("stored_spent", .money(c.storedSpent)),
            ("paid_from_cards", .money(r.paidFromCards)), ("refunded", .money(c.refunded)),
            ("refund_forfeited_bonus", .money(c.refundForfeitedBonus)), ("expired_paid_in", .money(c.expiredPaidIn)),
            ("expired_bonus", .money(c.expiredBonus)), ("adjusted", .money(c.adjusted)),
            ("outstanding_paid_in", .money(c.outstandingPaidIn)), ("outstanding_bonus", .money(c.outstandingBonus)),
        ]))]
    }

    static func json(_ r: PeriodReport, title: String, adding more: [(String, JSON)] = []) -> JSON {
        .object([
            ("period", .string(title)), ("cars", .int(r.carsCheckedIn)), ("orders_opened", .int(r.ordersOpened)),
            ("orders_released", .int(r.ordersReleased)), ("revenue", .money(r.revenue)), ("labor", .money(r.labor)),
            ("parts", .money(r.parts)), ("other", .money(r.other)), ("discounts", .money(r.discounts)),
            ("average_order", .money(r.averageOrder)), ("close_ratio_bp", .int(r.closeRatio)), ("estimated", .money(r.estimated)),
            ("approved", .money(r.approved)), ("payments", .money(r.payments)), ("comebacks", .int(r.comebacks)),
            ("bookings", .int(r.bookings)), ("arrivals", .int(r.arrivals)), ("no_shows", .int(r.noShows)),
            ("complaints_new", .int(r.complaintsRegistered)), ("complaints_open", .int(r.openComplaints)),
            ("daily", .array(r.daily.map { .object([("day", .string($0.day)), ("revenue", .money($0.revenue)), ("cars", .int($0.cars))]) })),
        ] + AccountReports.cashDeskJSON(r) + cardsJSON(r) + more)
    }

    /// The month as a document (月度报表), printed like every other: PDF, or HTML from Templates/report-month.html.
    /// `site`: a site's report is headed with that site (its name, address, phone); the whole
    /// shop's with the shop's.
    /// What the screen shows is printed: the figures, the cards, the days (up to today in the
    /// month under way) and the reminders.
    static func printMonth(_ r: PeriodReport, _ reminders: ReminderFigures, title: String, format: PrintCommands.DocumentFormat,
                           out: String?, site: Site? = nil, _ s: Session) throws -> Output {
        let cards = r.cards.isEmpty && r.paidFromCards.fen == 0 ? [] : cardFigures(r, currency: s.settings.currency)
        let document = ReportDocuments.month(title, figures: figures(r).map { ReportDocuments.Figure($0.0, $0.1) },
                                             cards: cards.map { ReportDocuments.Figure($0.0, $0.1) },
                                             reminders: reminders.isEmpty ? [] : reminderFigures(reminders).map {
                                                 // The screen's indent is not the paper's.
                                                 ReportDocuments.Figure(Label($0.0.zh, $0.0.en.trimmingCharacters(in: .whitespaces)), $0.1)
                                             },
                                             days: r.daily.map { ReportDocuments.Day(day: $0.day, revenue: $0.revenue, cars: $0.cars) },
                                             today: s.zone.formatDate(s.now), settings: try s.papersSettings(site: site), printedAt: s.now)
        let path = try PrintCommands.outputPath(out, defaultName: "report-\(title.replacingOccurrences(of: " · ", with: "-")).\(format.rawValue)", session: s)
        return try PrintCommands.write([document], format: format, to: path, session: s)
    }

    /// The cars checked in; a chain's, added up from its sites' (a car two sites serviced counts at each).
    static func carsLabel(_ r: PeriodReport) -> Label {
        r.carsSummedOverSites ? Label("进厂车辆（各店合计）", "Cars checked in (sites added up)") : Label("进厂车辆", "Cars checked in")
    }

    /// The month's figures as the printed report shows them.
    static func figures(_ r: PeriodReport) -> [(Label, String)] {
        [(carsLabel(r), "\(r.carsCheckedIn)"),
         (Label("开单 / 交车", "Orders opened / released"), "\(r.ordersOpened) / \(r.ordersReleased)"),
         (Label("营业额", "Revenue"), r.revenue.grouped),
         (Label("工时 / 材料 / 其他", "Labour / parts / other"), "\(r.labor.grouped) / \(r.parts.grouped) / \(r.other.grouped)"),
         (Label("单车产值", "Average order"), r.averageOrder.grouped),
         (Label("成交率", "Close ratio"), percent(r.closeRatio)),
         (Label("优惠", "Discounts"), r.discounts.grouped),
         (Label("收款（不含挂账）", "Payments received (not on account)"), r.payments.grouped),
         (Label("挂账", "Charged to account"), r.chargedToAccount.grouped),
         (Label("预约 / 到店 / 未到", "Bookings / arrived / no-shows"), "\(r.bookings) / \(r.arrivals) / \(r.noShows)"),
         (Label("返修", "Comebacks"), "\(r.comebacks)"),
         (Label("新投诉 / 未结投诉", "Complaints new / open"), "\(r.complaintsRegistered) / \(r.openComplaints)")]
    }
}

/// What the day report puts on paper about the record itself: the day's late entries (补录), and
/// the journal's chain head — as it stood at the end of the day by the real clock, or at printing
/// while the day is not over — so that the paper can later be held against the database. Printed
/// again for the same day, a report shows the same head unless the chain was rewritten.
struct DayRecord {
    var late: [JournalEntry]
    var lateCount: Int
    var head: JournalAnchor.Link?
    /// The end of the day, or nil when the head is the one at printing.
    var headAsOf: Timestamp?
    /// Every site's report of a chain names the site of each late entry (by id; nil otherwise).
    var siteNames: [Int: String]?

    /// `site`: one site's late entries (a chain's site report); nil: every site's.
    init(from start: Timestamp, to end: Timestamp, site: Site?, _ store: Store) throws {
        (late, lateCount) = try store.lateEntries(from: start, to: end, site: site)
        if site == nil, try store.hasSites() {
            siteNames = Dictionary(uniqueKeysWithValues: try store.sites().map { ($0.id, $0.name) })
        }
        let now = Timestamp.currentTime
        headAsOf = end <= now ? end : nil
        head = try store.journalHead(before: headAsOf ?? now + 1)
    }

    func text(_ s: Session) -> String {
        let w = s.wording
        var lines: [String] = []
        if lateCount > 0 {
            lines.append(s.t("补录 \(lateCount) 条（记为本日，或于本日补录）：", "Late entries: \(lateCount) (dated this day, or typed this day for another)"))
            for e in late {
                lines.append("  " + s.t("第 \(e.id) 条 ", "entry \(e.id) ") + "\(s.formatTime(e.at)) \(e.actor) \(JournalAction.label(of: e.action, w)) · "
                             + w.realTime(e.recordedAt!) + (siteName(e).map { " · " + $0 } ?? ""))
            }
            if lateCount > late.count { lines.append("  " + s.t("另有 \(lateCount - late.count) 条（history 可查）", "\(lateCount - late.count) more (history shows them)")) }
        }
        let asOf = headAsOf.map { s.t("截至 \(s.formatTime($0))", "as of \(s.formatTime($0))") } ?? s.t("打印时", "at printing")
        lines.append(s.t("日志链头（\(asOf)）：", "Journal chain head (\(asOf)): ") + w.chainHead(entry: head?.entry ?? 0, hash: head?.hash ?? ""))
        return lines.joined(separator: "\n")
    }

    func siteName(_ entry: JournalEntry) -> String? { siteNames.map { $0[entry.siteID ?? Site.homeID] ?? "" } }

    func json(_ s: Session) -> [(String, JSON)] {
        [("late_entries", .object([("count", .int(lateCount)), ("listed", .array(late.map {
            .object([("entry", .int($0.id)), ("at", .string($0.at.iso8601)), ("recorded_at", .string($0.recordedAt?.iso8601 ?? "")),
                     ("actor", .string($0.actor)), ("action", .string($0.action))] + (siteName($0).map { [("site", .string($0))] } ?? []))
         }))])),
         ("chain_head", .object([("entry", .int(head?.entry ?? 0)), ("hash", .string(head?.hash ?? "")),
                                 ("as_of", headAsOf.map { .string($0.iso8601) } ?? .null)]))]
    }
}
