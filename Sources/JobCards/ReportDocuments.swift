import DocumentModel
import WorkshopModel

/// The shop's reports as documents, printed like every other: the month report (月度报表).
public enum ReportDocuments {
    /// One figure of the report: what it is and its value as printed.
    public struct Figure: Sendable {
        public var label: Label
        public var value: String
        public init(_ label: Label, _ value: String) { (self.label, self.value) = (label, value) }
    }

    /// One day of the month: its revenue and the cars checked in.
    public struct Day: Sendable {
        public var day: String
        public var revenue: Money
        public var cars: Int
        public init(day: String, revenue: Money, cars: Int) { (self.day, self.revenue, self.cars) = (day, revenue, cars) }
    }

    /// The month: its figures, then every day with revenue as a bar scaled to the month's best day.
    public static func month(_ period: String, figures: [Figure], days: [Day], settings: ShopSettings, printedAt: Timestamp) -> Document {
        let best = max(1, days.map(\.revenue.fen).max() ?? 1)
        let table = Table(title: Label("每日营业额", "Revenue by day"), columns: [
            Column(Label("日期", "Day"), weight: 1.2),
            Column(Label("营业额", "Revenue"), alignment: .right, weight: 1.2),
            Column(Label("", ""), weight: 3),
            Column(Label("进厂", "Cars"), alignment: .right, weight: 0.7),
        ], rows: days.map { day in
            // Twenty steps at most: a bar a person can compare at a glance, in the document's own font.
            let steps = Int((Double(day.revenue.fen) / Double(best) * 20).rounded())
            return [day.day, day.revenue.grouped, String(repeating: "■", count: steps), "\(day.cars)"]
        }, emptyText: settings.language == .zh ? "（本月无营业）" : "(nothing this month)")
        return Document(
            kind: "report-month", title: Label("月度报表", "Monthly Report"), reference: period,
            printedAt: settings.timeZone.format(printedAt),
            shop: ShopHeader(name: settings.name, address: settings.address, phone: settings.phone, creditCode: settings.creditCode),
            blocks: [
                .fields(title: Label("本月概况", "The month"), columns: 2, fields: figures.map { Field($0.label, $0.value) }),
                .table(table),
            ],
            closing: [],
            bilingual: settings.language == .zh)
    }
}
