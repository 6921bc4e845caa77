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
    /// `cards`: the members' cards of the month (sold, consumed, refunded, expired, the liability),
    /// printed as their own block when the shop has any; `reminders`: the month's reminder calls,
    /// likewise. `today` (as the days are written): a month not over yet stops there — the days
    /// after it are left out unless something is recorded on one (a record is never hidden).
    public static func month(_ period: String, figures: [Figure], cards: [Figure] = [], reminders: [Figure] = [], days: [Day],
                             today: String? = nil, settings: ShopSettings, printedAt: Timestamp) -> Document {
        let days = days.filter { day in (today.map { day.day <= $0 } ?? true) || day.revenue.fen != 0 || day.cars != 0 }
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
            shop: ShopHeader(name: settings.name, address: settings.address, phone: settings.phone, creditCode: settings.creditCode,
                             site: settings.papersSiteName),
            blocks: [
                .fields(title: Label("本月概况", "The month"), columns: 2, fields: figures.map { Field($0.label, $0.value) }),
            ] + (cards.isEmpty ? [] : [
                .fields(title: Label("会员卡", "Members' cards"), columns: 2, fields: cards.map { Field($0.label, $0.value) }),
            ]) + [
                .table(table),
            ] + (reminders.isEmpty ? [] : [
                .fields(title: Label("提醒", "Reminders"), columns: 2, fields: reminders.map { Field($0.label, $0.value) }),
            ]),
            closing: [],
            bilingual: settings.language == .zh)
    }

    /// An account customer's statement (对账单): who it is, the account's movements with what it
    /// owes after each, the orders, and the totals with signature lines for both sides.
    public static func statement(reference: String, customer: [Field], ledger: [[String]], orders: [[String]], totals: [(Label, String)],
                                 settings: ShopSettings, printedAt: Timestamp) -> Document {
        let zh = settings.language == .zh
        let movements = Table(title: Label("挂账及收款", "Charges and payments"), columns: [
            Column(Label("日期", "Date"), weight: 1.1),
            Column(Label("单号", "Order"), weight: 0.8),
            Column(Label("车牌", "Plate"), weight: 1.1),
            Column(Label("摘要", "Entry"), weight: 2),
            Column(Label("挂账", "Charged"), alignment: .right, weight: 1),
            Column(Label("收款", "Paid"), alignment: .right, weight: 1),
            Column(Label("未结", "Owed"), alignment: .right, weight: 1),
        ], rows: ledger, emptyText: zh ? "（本期无挂账或收款）" : "(no charges or payments in the period)")
        let orderTable = Table(title: Label("维修单", "Orders"), columns: [
            Column(Label("单号", "Order"), weight: 0.8),
            Column(Label("车牌", "Plate"), weight: 1.1),
            Column(Label("交车", "Released"), weight: 1.1),
            Column(Label("合计", "Total"), alignment: .right, weight: 1),
            Column(Label("已收款", "Money paid"), alignment: .right, weight: 1),
            Column(Label("挂账未结", "Owed on account"), alignment: .right, weight: 1.1),
        ], rows: orders, emptyText: "—")
        return Document(
            kind: "statement", title: Label("对账单", "Statement of Account"), reference: reference,
            printedAt: settings.timeZone.format(printedAt),
            shop: ShopHeader(name: settings.name, address: settings.address, phone: settings.phone, creditCode: settings.creditCode,
                             site: settings.papersSiteName),
            blocks: [.fields(title: nil, columns: 4, fields: customer), .table(movements), .table(orderTable)],
            closing: [.totals(totals.enumerated().map { TotalLine($0.element.0, $0.element.1, emphasized: $0.offset == totals.count - 1) }),
                      .notice(zh ? "请核对以上款项，如有疑问请于收到后 7 日内与本店联系。 Please check the amounts above and tell us within 7 days of any difference."
                                 : "Please check the amounts above and tell us within 7 days of any difference."),
                      .signatures([Signature(Label("客户确认（盖章）", "Customer (stamp)")), Signature(Label("结算员", "Cashier"))])],
            bilingual: zh)
    }
}
