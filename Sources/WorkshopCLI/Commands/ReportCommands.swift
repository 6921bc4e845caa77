import Foundation
import Templating
import WorkshopModel
import WorkshopStore

/// How the shop is doing: the day and the month.
enum ReportCommands {
    static let command = CommandSpec("report", aliases: ["报表"], group: .afterSales,
        summary: Phrase("日报、月报：车辆、开单、营业额（工时/材料/其他）、单车产值、成交率、优惠、返修、投诉",
                        "the day's or the month's figures: cars, orders, revenue by labour/parts/other, average order, close ratio, discounts, comebacks, complaints"), forms: [
        Form([word("day", "日"), optionalArg("day", .day)], access: .read,
             summary: Phrase("某天的数字（默认今天）", "a day's figures (today unless given)"),
             examples: ["report day", "report day 2026-11-21"]) { invocation, s in
            let start = invocation.value("day") ?? s.zone.startOfDay(s.now)
            let report = try s.store.report(from: start, to: Day.next(start, s.zone))
            let title = s.zone.formatDate(start)
            return Output(text: text(report, title: title, daily: false, s), json: json(report, title: title))
        },
        Form([word("month", "月"), optionalArg("month", .month)],
             options: [option("format", .choice(ReportFormat.self)), option("out", .path)], access: .read,
             summary: Phrase("某月的数字及每日营业额（默认本月）；format=html 生成网页报表", "a month's figures and daily revenue (this month unless given); format=html writes a page"),
             examples: ["report month", "report month 2026-10 format=html"]) { invocation, s in
            let today = s.zone.civil(s.now)
            let title = invocation.value("month") ?? String(today.year) + "-" + (today.month < 10 ? "0" : "") + String(today.month)
            let parts = title.split(separator: "-").compactMap { Int($0) }
            let (year, month) = (parts[0], parts[1])
            let start = s.zone.instant(CivilTime(year: year, month: month, day: 1))
            let end = s.zone.instant(CivilTime(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1))
            let report = try s.store.report(from: start, to: end)
            if invocation.choice("format", as: ReportFormat.self) == .html {
                return try html(report, title: title, out: invocation.value("out"), s)
            }
            return Output(text: text(report, title: title, daily: true, s), json: json(report, title: title))
        },
    ])

    /// How the month report is given: on screen, or as a page to print.
    enum ReportFormat: String, Vocabulary {
        case text, html
        var code: String { rawValue }
        var chinese: String { self == .text ? "屏幕文字" : "网页" }
        var english: String { self == .text ? "text on screen" : "HTML page" }
    }

    static func percent(_ basisPoints: Int) -> String { FixedPoint.format(basisPoints, scale: 2, minimumDecimals: 1) + "%" }

    static func text(_ r: PeriodReport, title: String, daily: Bool, _ s: Session) -> String {
        var fields = Fields()
        fields.add(s.t("进厂车辆", "Cars checked in"), "\(r.carsCheckedIn)")
        fields.add(s.t("开单 / 交车", "Orders opened / released"), "\(r.ordersOpened) / \(r.ordersReleased)")
        fields.add(s.t("营业额（已交车）", "Revenue (released)"), "\(s.settings.currency) \(r.revenue.grouped)")
        fields.add(s.t("  工时 / 材料 / 其他", "  labour / parts / other"), "\(r.labor.grouped) / \(r.parts.grouped) / \(r.other.grouped)")
        fields.add(s.t("优惠", "Discounts given"), r.discounts.grouped)
        fields.add(s.t("单车产值", "Average order"), r.averageOrder.grouped)
        fields.add(s.t("成交率（确认/报价）", "Close ratio (approved of estimated)"), "\(percent(r.closeRatio)) (\(r.approved.grouped) / \(r.estimated.grouped))")
        fields.add(s.t("收款", "Payments received"), r.payments.grouped)
        fields.add(s.t("预约 / 到店 / 未到", "Bookings / arrived / no-shows"), "\(r.bookings) / \(r.arrivals) / \(r.noShows)")
        fields.add(s.t("返修", "Comebacks"), "\(r.comebacks)")
        fields.add(s.t("新投诉 / 未结投诉", "Complaints new / open"), "\(r.complaintsRegistered) / \(r.openComplaints)")
        var text = s.t("报表 \(title)", "Report \(title)") + "\n" + fields.render()
        if daily {
            var table = TextTable([s.t("日期", "Day"), s.t("营业额", "Revenue"), s.t("进厂", "Cars")], rightAligned: [1, 2])
            for day in r.daily where day.cars > 0 || day.revenue.fen > 0 { table.add([day.day, day.revenue.grouped, "\(day.cars)"]) }
            text += "\n\n" + table.render()
        }
        return text
    }

    static func json(_ r: PeriodReport, title: String) -> JSON {
        .object([
            ("period", .string(title)), ("cars", .int(r.carsCheckedIn)), ("orders_opened", .int(r.ordersOpened)),
            ("orders_released", .int(r.ordersReleased)), ("revenue", .money(r.revenue)), ("labor", .money(r.labor)),
            ("parts", .money(r.parts)), ("other", .money(r.other)), ("discounts", .money(r.discounts)),
            ("average_order", .money(r.averageOrder)), ("close_ratio_bp", .int(r.closeRatio)), ("estimated", .money(r.estimated)),
            ("approved", .money(r.approved)), ("payments", .money(r.payments)), ("comebacks", .int(r.comebacks)),
            ("bookings", .int(r.bookings)), ("arrivals", .int(r.arrivals)), ("no_shows", .int(r.noShows)),
            ("complaints_new", .int(r.complaintsRegistered)), ("complaints_open", .int(r.openComplaints)),
            ("daily", .array(r.daily.map { .object([("day", .string($0.day)), ("revenue", .money($0.revenue)), ("cars", .int($0.cars))]) })),
        ])
    }

    /// The month as an HTML page from Templates/report-month.html, with an inline SVG bar chart.
    static func html(_ r: PeriodReport, title: String, out: String?, _ s: Session) throws -> Output {
        guard let templates = s.templatesDirectory else { throw DocumentRefusal.noTemplates(template: "report-month.html") }
        let data: TemplateValue = .object([
            "title": .string(s.t("月度报表 \(title)", "Monthly report \(title)")), "shop": .string(s.settings.name),
            "lang": .string(s.language == .zh ? "zh-CN" : "en"), "printed_at": .string(s.formatTime(s.now)),
            "chart": .string(barChart(r.daily, s)),
            "figures": .list(figureRows(r, s).map { .object(["label": .string($0.0), "value": .string($0.1)]) }),
            "days": .list(r.daily.map { .object(["day": .string($0.day), "revenue": .string($0.revenue.grouped), "cars": .string("\($0.cars)")]) }),
            "labels": .object(["day": .string(s.t("日期", "Day")), "revenue": .string(s.t("营业额", "Revenue")), "cars": .string(s.t("进厂", "Cars"))]),
        ])
        let page: String
        do {
            page = try TemplateLibrary(directory: templates).render("report-month", data)
        } catch let error as TemplateError {
            throw DocumentRefusal.template(folder: templates, detail: error.description)
        }
        let path = try PrintCommands.outputPath(out, defaultName: "report-\(title).html", session: s)
        do { try page.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw DocumentRefusal.couldNotWrite(path: path, reason: error.localizedDescription)
        }
        return Output(text: s.t("已生成 \(path)", "wrote \(path)"), json: .object([("ok", .bool(true)), ("path", .string(path))]))
    }

    static func figureRows(_ r: PeriodReport, _ s: Session) -> [(String, String)] {
        [(s.t("进厂车辆", "Cars checked in"), "\(r.carsCheckedIn)"),
         (s.t("开单 / 交车", "Orders opened / released"), "\(r.ordersOpened) / \(r.ordersReleased)"),
         (s.t("营业额", "Revenue"), r.revenue.grouped),
         (s.t("工时 / 材料 / 其他", "Labour / parts / other"), "\(r.labor.grouped) / \(r.parts.grouped) / \(r.other.grouped)"),
         (s.t("单车产值", "Average order"), r.averageOrder.grouped),
         (s.t("成交率", "Close ratio"), percent(r.closeRatio)),
         (s.t("优惠", "Discounts"), r.discounts.grouped),
         (s.t("返修", "Comebacks"), "\(r.comebacks)"),
         (s.t("未结投诉", "Open complaints"), "\(r.openComplaints)")]
    }

    /// Daily revenue as bars, the car count as dots on a second scale.
    static func barChart(_ days: [(day: String, revenue: Money, cars: Int)], _ s: Session) -> String {
        let width = 720, height = 240, left = 60, bottom = 30, top = 20
        let plotWidth = width - left - 40, plotHeight = height - top - bottom
        let maxRevenue = max(1, days.map(\.revenue.fen).max() ?? 1)
        let maxCars = max(1, days.map(\.cars).max() ?? 1)
        let step = Double(plotWidth) / Double(max(1, days.count))
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\">"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(left + plotWidth)\" y2=\"\(top + plotHeight)\" stroke=\"#333\"/>"
        svg += "<text x=\"4\" y=\"\(top + 8)\" font-size=\"10\">\(HTML.escape(Money(fen: maxRevenue).grouped))</text>"
        svg += "<text x=\"\(left + plotWidth + 6)\" y=\"\(top + 8)\" font-size=\"10\" fill=\"#c0392b\">\(maxCars)</text>"
        for (index, day) in days.enumerated() {
            let x = Double(left) + Double(index) * step
            let barHeight = Double(plotHeight) * Double(day.revenue.fen) / Double(maxRevenue)
            let label = "\(day.day): \(day.revenue.grouped) · \(day.cars)"
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a7ab5\"><title>%@</title></rect>",
                          x + step * 0.15, Double(top + plotHeight) - barHeight, step * 0.7, barHeight, HTML.escape(label))
            let carY = Double(top + plotHeight) - Double(plotHeight) * Double(day.cars) / Double(maxCars)
            svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#c0392b\"/>", x + step / 2, carY)
            if index % 5 == 0 || index == days.count - 1 {
                svg += String(format: "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\">%@</text>",
                              x + step / 2, top + plotHeight + 14, String(day.day.suffix(5)))
            }
        }
        svg += "<text x=\"\(left)\" y=\"\(height - 2)\" font-size=\"10\" fill=\"#4a7ab5\">■ \(HTML.escape(s.t("营业额", "revenue")))</text>"
        svg += "<text x=\"\(left + 90)\" y=\"\(height - 2)\" font-size=\"10\" fill=\"#c0392b\">● \(HTML.escape(s.t("进厂车辆", "cars")))</text>"
        return svg + "</svg>"
    }
}
