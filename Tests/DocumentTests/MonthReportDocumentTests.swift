import DocumentModel
import Foundation
import Testing
import HaruPDF
import JobCards
import WorkshopModel

/// The printed month report (月度报表) carries what `report month` shows on screen — money
/// received and charged to account among its figures, the reminders — and a month under way
/// stops at today rather than listing the days to come as rows of 0.00.
@Suite("The printed month report")
struct MonthReportDocumentTests {
    /// November printed on the 22nd: sales on most days so far; on the 27th a car was recorded
    /// (a late entry's date, say), nothing else after today.
    static func november(today: String?) -> Document {
        ReportDocuments.month("2026-11", figures: [
            .init(Label("营业额", "Revenue"), "186,420.00"),
            .init(Label("收款（不含挂账）", "Payments received (not on account)"), "170,000.00"),
            .init(Label("挂账", "Charged to account"), "16,420.00"),
        ], reminders: [.init(Label("已联系", "Called"), "12"), .init(Label("回厂率", "Came back"), "50.0%")],
        days: (1...30).map { day in
            ReportDocuments.Day(day: "2026-11-\(day < 10 ? "0" : "")\(day)", revenue: Money(fen: day <= 22 ? day * 10_000 : 0),
                                cars: day == 27 ? 1 : 0)
        }, today: today, settings: Fixtures.settings, printedAt: Fixtures.now)
    }

    static func text(_ document: Document) throws -> String {
        let path = Fixtures.temporaryPath("month.pdf")
        _ = try PDFRenderer().write([document], to: path)
        return try Fixtures.pdfText(path).joined()
    }

    @Test func theMonthUnderWayStopsAtTodayAndHidesNothingRecorded() throws {
        let text = try Self.text(Self.november(today: "2026-11-22"))
        #expect(text.contains("2026-11-01") && text.contains("2026-11-22"))
        for day in [23, 24, 25, 26, 28, 29, 30] { #expect(!text.contains("2026-11-\(day)"), "the \(day)th is still to come") }
        #expect(text.contains("2026-11-27"), "a day after today with something recorded is printed")
    }

    @Test func aMonthOverListsEveryDay() throws {
        let text = try Self.text(Self.november(today: nil))
        for day in 1...30 { #expect(text.contains("2026-11-\(day < 10 ? "0" : "")\(day)")) }
    }

    @Test func moneyReceivedChargedToAccountAndRemindersArePrinted() throws {
        let text = try Self.text(Self.november(today: "2026-11-22"))
        for printed in ["收款（不含挂账）", "170,000.00", "挂账", "16,420.00", "提醒", "已联系", "12", "回厂率", "50.0%"] {
            #expect(text.contains(printed), "\(printed)")
        }
    }
}
