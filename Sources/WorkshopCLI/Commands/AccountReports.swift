import DocumentModel
import JobCards
import WorkshopModel
import WorkshopStore

/// The cash desk's reports: the end of day by payment method, what customers owe (receivables),
/// and an account customer's statement (对账单).
enum AccountReports {
    static let receivablesForm = Form([word("receivables", "应收", "ar")], access: .read,
        summary: Phrase("应收款：各客户未结的挂账和拒修未付的检测费，按客户合计", "what customers owe: every unpaid charge to account and unpaid declined fee, by customer"),
        examples: ["report receivables"]) { _, s in
        receivables(try s.store.receivables(), s)
    }

    static let statementForm = Form([word("statement", "对账单"), arg("customer", .customer)],
        options: [option("month", .month), option("format", .choice(PrintCommands.DocumentFormat.self)), option("out", .path)],
        access: .read,
        summary: Phrase("挂账客户对账单：期初未结、本期挂账和收款、期末未结及相关维修单（默认全部；month= 某月）；format=pdf 或 html 打印",
                        "an account customer's statement: owed at the start, the period's charges and payments, owed at the end, and its orders (all time unless month= gives one); format=pdf or html prints it"),
        examples: ["report statement C3", "report statement C3 month=2026-11", "report statement 13800138000 month=2026-11 format=pdf"]) { invocation, s in
        try statement(invocation, s)
    }

    // MARK: End of day

    /// The cashier's end of day: each method's money received and refunded, the cash drawer, and
    /// the charges to account apart (they are not money).
    static func cashDesk(_ r: PeriodReport, _ s: Session) -> String {
        var text = s.t("收款明细（按付款方式）", "Payments by method")
        if r.byMethod.isEmpty {
            text += "\n  " + s.t("(无收款)", "(none)")
        } else {
            var table = TextTable([s.t("方式", "Method"), s.t("笔数", "Payments"), s.t("收款", "Received"), s.t("退款", "Refunded"), s.t("净额", "Net")],
                                  rightAligned: [1, 2, 3, 4])
            for m in r.byMethod {
                table.add([m.method.label(s.language), "\(m.count)", m.received.grouped, m.refunded.grouped, m.net.grouped])
            }
            table.add([s.t("合计", "Total"), "", "", "", r.payments.grouped])
            text += "\n" + table.render()
        }
        var fields = Fields()
        if r.cashTendered.fen != 0 || r.cashRefunded.fen != 0 {
            fields.add(s.t("现金：实收", "Cash handed over"), r.cashTendered.grouped)
            fields.add(s.t("找零", "Change given"), r.changeGiven.grouped)
            fields.add(s.t("现金退款", "Cash refunded"), r.cashRefunded.grouped)
            fields.add(s.t("钱箱应有现金", "Cash in the drawer"), r.cashInDrawer.grouped)
        }
        if r.chargedToAccount.fen != 0 {
            fields.add(s.t("挂账（未收款）", "Charged to account (not received)"), r.chargedToAccount.grouped)
        }
        let figures = fields.render()
        return figures.isEmpty ? text : text + "\n" + figures
    }

    static func cashDeskJSON(_ r: PeriodReport) -> [(String, JSON)] {
        [("charged_to_account", .money(r.chargedToAccount)),
         ("by_method", .array(r.byMethod.map {
             .object([("method", .string($0.method.code)), ("payments", .int($0.count)), ("received", .money($0.received)),
                      ("refunded", .money($0.refunded)), ("net", .money($0.net))])
         })),
         ("cash", .object([("tendered", .money(r.cashTendered)), ("change", .money(r.changeGiven)), ("refunded", .money(r.cashRefunded)),
                           ("in_drawer", .money(r.cashInDrawer))]))]
    }

    // MARK: Receivables

    static func receivables(_ owed: [Store.CustomerReceivables], _ s: Session) -> Output {
        let total = owed.reduce(Money.zero) { $0 + $1.total }
        var text = s.t("应收款合计 \(total.grouped)", "Receivables: \(total.grouped) in all")
        if owed.isEmpty { return Output(text: s.t("没有应收款", "nothing owed"), json: .object([("customers", .array([])), ("total", .money(total))])) }
        let today = s.zone.startOfDay(s.now)
        for entry in owed {
            let c = entry.customer
            text += "\n\n" + "\(c.reference) \(c.name)" + (c.company.map { " · \($0)" } ?? "") + " · "
                + (c.contact.map { s.t("联系人 ", "contact ") + $0 + " · " } ?? "") + c.phone + s.t("  合计 ", "  owes ") + entry.total.grouped
            var table = TextTable([s.t("单号", "Order"), s.t("车牌", "Plate"), s.t("类别", "Kind"), s.t("金额", "Amount"), s.t("自", "Since"),
                                   s.t("天数", "Days")], rightAligned: [3, 5])
            for item in entry.items {
                let days = max(0, (today.seconds - s.zone.startOfDay(item.since).seconds) / 86_400)
                table.add([item.order, item.plate, kindLabel(item.kind, s), item.amount.grouped, s.zone.formatDate(item.since), "\(days)"])
            }
            text += "\n" + table.render()
        }
        return Output(text: text, json: .object([
            ("total", .money(total)),
            ("customers", .array(owed.map { entry in
                .object([("customer", CustomerCommands.json(entry.customer)), ("total", .money(entry.total)),
                         ("items", .array(entry.items.map {
                             .object([("order", .string($0.order)), ("plate", .string($0.plate)), ("kind", .string($0.kind.rawValue)),
                                      ("amount", .money($0.amount)), ("since", .string($0.since.iso8601))])
                         }))])
            })),
        ]))
    }

    static func kindLabel(_ kind: Receivable.Kind, _ s: Session) -> String {
        kind == .account ? s.t("挂账", "on account") : s.t("拒修检测费", "declined fee")
    }

    // MARK: Statement

    static func statement(_ invocation: Invocation, _ s: Session) throws -> Output {
        let customer = try s.store.resolveCustomer(invocation.need("customer"))
        let month: String? = invocation.value("month")
        var start: Timestamp?
        var end = s.now + 1
        if let month {
            let parts = month.split(separator: "-").compactMap { Int($0) }
            let (year, number) = (parts[0], parts[1])
            start = s.zone.instant(CivilTime(year: year, month: number, day: 1))
            end = s.zone.instant(CivilTime(year: number == 12 ? year + 1 : year, month: number == 12 ? 1 : number + 1, day: 1))
        }
        let statement = AccountStatement(orders: try s.store.statementOrders(customerID: customer.id), from: start, to: end)
        let period = month ?? s.t("全部", "all")
        if let format = invocation.choice("format", as: PrintCommands.DocumentFormat.self) {
            let document = self.document(statement, customer: customer, period: period, s)
            let path = try PrintCommands.outputPath(invocation.value("out"), defaultName: "statement-\(customer.reference)-\(month ?? "all").\(format.rawValue)",
                                                    session: s)
            return try PrintCommands.write([document], format: format, to: path, session: s)
        }
        var text = s.t("对账单 \(customer.reference) \(customer.name) \(period)", "Statement \(customer.reference) \(customer.name) \(period)")
        var header = Fields()
        header.add(s.t("发票抬头", "Invoice title"), customer.invoiceName)
        header.add(s.t("纳税人识别号", "Tax number"), customer.taxNumber)
        header.add(s.t("联系人", "Contact"), customer.contact.map { $0 + " " + customer.phone } ?? customer.phone)
        text += "\n" + header.render() + "\n\n"
        var ledger = TextTable([s.t("日期", "Date"), s.t("单号", "Order"), s.t("车牌", "Plate"), s.t("摘要", "Entry"), s.t("挂账", "Charged"),
                                s.t("收款", "Paid"), s.t("未结", "Owed")], rightAligned: [4, 5, 6])
        ledger.add(["", "", "", s.t("期初未结", "Owed at the start"), "", "", statement.opening.grouped])
        for line in statement.lines {
            let (charged, paid) = line.change.fen > 0 ? (line.change.grouped, "") : ("", Money(fen: -line.change.fen).grouped)
            ledger.add([s.zone.formatDate(line.at), line.order, line.plate, entryText(line, s), charged, paid, line.balance.grouped])
        }
        ledger.add(["", "", "", s.t("期末未结", "Owed at the end"), statement.charged.grouped, statement.paid.grouped, statement.closing.grouped])
        text += ledger.render()
        if !statement.orders.isEmpty {
            var orders = TextTable([s.t("单号", "Order"), s.t("车牌", "Plate"), s.t("进厂", "In"), s.t("交车", "Released"), s.t("合计", "Total"),
                                    s.t("已收款", "Money paid"), s.t("挂账未结", "Owed on account")], rightAligned: [4, 5, 6])
            for o in statement.orders {
                orders.add([o.number, o.plate, s.zone.formatDate(o.checkedInAt), o.releasedAt.map(s.zone.formatDate) ?? "—",
                            o.settlement.total.grouped, o.settlement.moneyPaid.grouped, o.settlement.accountOutstanding.grouped])
            }
            text += "\n\n" + orders.render()
        }
        return Output(text: text, json: .object([
            ("customer", CustomerCommands.json(customer)), ("period", .string(month ?? "all")),
            ("opening", .money(statement.opening)), ("charged", .money(statement.charged)), ("paid", .money(statement.paid)),
            ("closing", .money(statement.closing)),
            ("lines", .array(statement.lines.map {
                .object([("at", .string($0.at.iso8601)), ("order", .string($0.order)), ("plate", .string($0.plate)),
                         ("method", .string($0.method.code)), ("reference", .string($0.reference)), ("change", .money($0.change)),
                         ("owed", .money($0.balance))])
            })),
            ("orders", .array(statement.orders.map {
                .object([("order", .string($0.number)), ("plate", .string($0.plate)), ("total", .money($0.settlement.total)),
                         ("money_paid", .money($0.settlement.moneyPaid)), ("account_outstanding", .money($0.settlement.accountOutstanding))])
            })),
        ]))
    }

    /// "挂账", or "收款 转账 网银0815".
    static func entryText(_ line: AccountStatement.Line, _ s: Session) -> String {
        if line.change.fen > 0 { return s.t("挂账", "charged to account") + (line.reference.map { " " + $0 } ?? "") }
        return s.t("收款 ", "paid ") + line.method.label(s.language) + (line.reference.map { " " + $0 } ?? "")
    }

    /// The statement as a document (对账单), printed like every other.
    static func document(_ statement: AccountStatement, customer: Customer, period: String, _ s: Session) -> Document {
        let zh = s.settings.language == .zh
        func entry(_ line: AccountStatement.Line) -> String {
            if line.change.fen > 0 { return (zh ? "挂账" : "Charged") + (line.reference.map { " " + $0 } ?? "") }
            return (zh ? "收款 " + line.method.chinese : "Paid, " + line.method.english) + (line.reference.map { " " + $0 } ?? "")
        }
        let ledger = statement.lines.map { line -> [String] in
            let (charged, paid) = line.change.fen > 0 ? (line.change.grouped, "") : ("", Money(fen: -line.change.fen).grouped)
            return [s.settings.timeZone.formatDate(line.at), line.order, line.plate, entry(line), charged, paid, line.balance.grouped]
        }
        let orders = statement.orders.map { o -> [String] in
            [o.number, o.plate, o.releasedAt.map(s.settings.timeZone.formatDate) ?? "—", o.settlement.total.grouped,
             o.settlement.moneyPaid.grouped, o.settlement.accountOutstanding.grouped]
        }
        return ReportDocuments.statement(
            reference: "\(customer.reference) \(period)",
            customer: [Field(Label("客户", "Customer"), "\(customer.name) \(customer.phone)", span: 2),
                       Field(Label("联系人", "Contact"), customer.contact ?? ""),
                       Field(Label("期间", "Period"), period),
                       Field(Label("发票抬头", "Invoice title"), customer.invoiceName, span: 2),
                       Field(Label("纳税人识别号", "Tax number"), customer.taxNumber ?? "", span: 2)],
            ledger: ledger, orders: orders,
            totals: [(Label("期初未结", "Owed at the start"), statement.opening.grouped),
                     (Label("本期挂账", "Charged in the period"), statement.charged.grouped),
                     (Label("本期收款", "Paid in the period"), statement.paid.grouped),
                     (Label("期末未结", "Owed at the end"), statement.closing.grouped)],
            settings: s.settings, printedAt: s.now)
    }
}
