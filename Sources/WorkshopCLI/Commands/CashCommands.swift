import Foundation
import JobCards
import HaruPDF
import NationalRecord
import WorkshopModel
import WorkshopStore

/// The cash desk: the settlement, discounts, payments and refunds, and the hand-back.
enum CashCommands {
    static let all = [invoice, discount, pay, refund, release]

    static let invoice = CommandSpec("invoice", aliases: ["settlement", "结算"], group: .cash,
        summary: Phrase("当前结算：工时、配件、其他费用、保修项目、优惠、税、合计、已付、余额", "the settlement as it stands: labour, parts, other charges, warranty work, discount, tax, total, paid, balance"), forms: [
        Form([arg("order", .order)], access: .read, summary: Phrase("结算明细", "the settlement"), examples: ["invoice RO12"]) { invocation, s in
            try render(try s.recordToShow(invocation), s)
        },
    ])

    static func render(_ record: OrderRecord, _ s: Session) throws -> Output {
        let order = record.order
        let lines = record.lines.filter { $0.status == .approved }
        let payments = try s.store.payments(orderID: order.id)
        let terms = record.terms(current: s.terms)
        let settlement = record.settlement(payments: payments, current: s.terms)
        var text = "\(order.number)  \(record.vehicle.plate.value)  \(s.t("结算", "settlement"))  \(order.status.label(s.language))\n"
        var table = TextTable(["#", s.t("类别", "Kind"), s.t("项目", "Item"), s.t("数量", "Qty"), s.t("单价", "Price"), s.t("金额", "Amount")],
                              rightAligned: [0, 3, 4, 5])
        let cards = try s.store.cardNotes(of: record)
        for line in lines {
            table.add(["\(line.number)", line.kind.label(s.language), OrderView.itemText(line, s) + OrderView.markText(line, s),
                       OrderView.quantityText(line), OrderView.priceText(line), OrderView.amountText(line, s)])
        }
        text += lines.isEmpty ? s.t("  (没有已确认的项目)", "  (no approved lines)")
                              : table.render() + OrderView.concessionNotes(lines, s) + OrderView.coverNotes(lines, cards, s)
        for savings in MemberSavings.of(lines, tiers: try s.store.memberTiers()) { text += "\n  " + OrderView.memberSavingsText(savings, s) }
        var fields = Fields()
        fields.add(s.t("工时费", "Labour"), settlement.labor.grouped)
        fields.add(s.t("材料费", "Parts"), settlement.parts.grouped)
        fields.add(s.t("其他费用", "Other charges"), settlement.other.grouped)
        if settlement.coveredByWarranty.fen > 0 {
            fields.add(s.t("保修项目（不收费）", "Warranty work (no charge)"), settlement.coveredByWarranty.grouped)
        }
        if settlement.coveredByCards.fen > 0 {
            fields.add(s.t("次卡抵扣（不收费）", "Covered by count cards (no charge)"), settlement.coveredByCards.grouped)
        }
        if let discount = order.discount {
            // The amount once; a percentage and the manager who authorised it beside it.
            var why: [String] = []
            if case .percent = discount { why.append(discount.description) }
            if let manager = order.discountAuthorizedBy { why.append(s.t("经理 \(manager) 批准", "authorised by \(manager)")) }
            fields.add(s.t("优惠", "Discount"), "-\(settlement.discount.grouped)"
                       + (why.isEmpty ? "" : s.t("（\(why.joined(separator: "，"))）", " (\(why.joined(separator: ", ")))")))
        }
        let rate = terms.taxRate.description
        if terms.pricesIncludeTax {
            fields.add(s.t("合计（价税合计）", "Total (incl. VAT)"), "\(s.settings.currency) \(settlement.total.grouped)")
            fields.add(s.t("其中增值税 \(rate)", "of which VAT \(rate)"), settlement.tax.grouped)
        } else {
            fields.add(s.t("增值税 \(rate)", "VAT \(rate)"), settlement.tax.grouped)
            fields.add(s.t("合计", "Total"), "\(s.settings.currency) \(settlement.total.grouped)")
        }
        for payment in payments {
            fields.add(payment.amount.fen < 0 ? s.t("退款", "Refund") : payment.method == .account ? s.t("挂账", "On account") : s.t("已付", "Paid"),
                       "\(payment.amount.grouped) \(payment.card.map { s.t("储值卡 ", "member card ") + MemberCard.number($0) } ?? payment.method.label(s.language))"
                       + (cards.balanceAfter(payment, among: payments).map { s.t("（卡内余额 \($0.grouped)）", " (card balance \($0.grouped) after)") } ?? "")
                       + " · \(s.formatTime(payment.at)) · \(payment.by)" +
                       (payment.reference.map { " · \($0)" } ?? "") + tenderText(payment, s))
        }
        if settlement.accountCharged.fen > 0 {
            fields.add(s.t("挂账未结", "Owed on account"), settlement.accountOutstanding.grouped)
        }
        if settlement.balance.fen >= 0 {
            fields.add(s.t("未付余额", "Balance due"), settlement.balance.grouped)
        } else {
            fields.add(s.t("多付应退", "Overpaid, to refund"), Money(fen: -settlement.balance.fen).grouped)
        }
        text += "\n" + fields.render()
        if let payer = billing(record, s) { text += "\n" + payer }
        return Output(text: text, json: .object([
            ("order", .string(order.number)), ("status", .string(order.status.code)),
            ("lines", .array(lines.map(OrderView.lineJSON))),
            ("labor", .money(settlement.labor)), ("parts", .money(settlement.parts)), ("other", .money(settlement.other)),
            ("warranty", .money(settlement.coveredByWarranty)), ("discount", .money(settlement.discount)),
            ("tax", .money(settlement.tax)), ("total", .money(settlement.total)), ("paid", .money(settlement.paid)),
            ("balance", .money(settlement.balance)),
            ("tax_rate", .string(terms.taxRate.description)), ("prices_include_tax", .bool(terms.pricesIncludeTax)),
            ("payments", .array(payments.map(paymentJSON))),
            ("account_charged", .money(settlement.accountCharged)), ("account_outstanding", .money(settlement.accountOutstanding)),
            ("bill_to", CustomerCommands.json(record.payingCustomer)),
        ]))
    }

    static func paymentJSON(_ payment: Payment) -> JSON {
        var fields: [(String, JSON)] = [("amount", .money(payment.amount)), ("method", .string(payment.method.code)),
                                        ("at", .string(payment.at.iso8601)), ("by", .string(payment.by)), ("reference", .string(payment.reference))]
        if let tendered = payment.tendered { fields += [("tendered", .money(tendered)), ("change", .money(payment.change ?? .zero))] }
        if let receipt = payment.receipt { fields.append(("receipt", .int(receipt))) }
        if let card = payment.card { fields.append(("card", .string(MemberCard.number(card)))) }
        return .object(fields)
    }

    /// " · 实收 200.00 找零 29.10", for a cash payment whose tendered cash was recorded.
    static func tenderText(_ payment: Payment, _ s: Session) -> String {
        guard let tendered = payment.tendered else { return "" }
        return s.t(" · 实收 \(tendered.grouped) 找零 \((payment.change ?? .zero).grouped)",
                   " · handed over \(tendered.grouped), change \((payment.change ?? .zero).grouped)")
            + (payment.receipt.map { s.t(" · 收款单 \($0)", " · receipt \($0)") } ?? "")
    }

    /// Who the invoice is made out to, when the cashier needs it: a company's invoice title, tax
    /// number and contact person, or the customer billed when the owner does not pay.
    static func billing(_ record: OrderRecord, _ s: Session) -> String? {
        let payer = record.payingCustomer
        guard record.billedTo != nil || payer.invoiceTitle != nil || payer.taxNumber != nil || payer.contact != nil else { return nil }
        var fields = Fields()
        if record.billedTo != nil {
            fields.add(s.t("付款方", "Billed to"), "\(payer.reference) \(payer.name) \(payer.phone)" + (payer.company.map { " · \($0)" } ?? ""))
        }
        fields.add(s.t("发票抬头", "Invoice title"), payer.invoiceName)
        fields.add(s.t("纳税人识别号", "Tax number"), payer.taxNumber)
        fields.add(s.t("联系人", "Contact"), payer.contact)
        return fields.render()
    }

    static let discount = CommandSpec("discount", aliases: ["优惠"], group: .cash,
        summary: Phrase("给予优惠；超出服务顾问权限（shop discount_limit）须经理批准", "a discount on the order; above the advisor's limit (shop discount_limit) only with a manager's authorisation"), forms: [
        Form([arg("order", .order)], options: [option("amount", .money), option("percent", .percent), signer("authorized", roles: [.manager])],
             access: .write, roles: [.advisor, .cashier, .manager],
             summary: Phrase("amount= 或 percent= 二选一；amount=0 取消优惠", "amount= or percent=, one of them; amount=0 removes it"),
             examples: ["discount RO12 percent=5", "discount RO12 amount=200 authorized=钱主管"]) { invocation, s in
            let record = try s.record(invocation)
            let discount: Discount
            switch (invocation.value("amount") as Money?, invocation.value("percent") as Int?) {
            case (let amount?, nil): discount = .amount(amount)
            case (nil, let percent?): discount = .percent(percent)
            default: throw InputRefusal.discountKind
            }
            let payments = try s.store.payments(orderID: record.order.id)
            let authorizer = try s.authorizingManager(invocation)
            let change = try s.store.apply(try record.discount(discount, by: s.user, authorizedBy: authorizer, payments: payments, current: s.terms))
            let settlement = try s.store.record(of: change.order).settlement(payments: payments, current: s.terms)
            var text = s.t("\(record.order.number) 优惠 \(settlement.discount.grouped)，应收 \(settlement.total.grouped)",
                           "\(record.order.number) discount \(settlement.discount.grouped); total now \(settlement.total.grouped)")
            // Given after payment, the discount is money owed back: the cashier is told, with the command.
            text += overpaidText(record.order, settlement, s)
            return .message(text)
        },
    ])

    /// What a change after payment (a discount, a line put on a member's card) leaves owed back: the
    /// overpayment and the command that refunds it; nothing when the order is not overpaid.
    static func overpaidText(_ order: RepairOrder, _ settlement: Settlement, _ s: Session) -> String {
        guard settlement.balance < .zero else { return "" }
        let over = Money(fen: -settlement.balance.fen)
        return s.t("；已付 \(settlement.paid.grouped)，多付 \(over.grouped)，须退款：refund \(order.number) amount=\(over) method=… reason=…",
                   "; paid \(settlement.paid.grouped), overpaid by \(over.grouped), to refund: refund \(order.number) amount=\(over) method=… reason=…")
    }

    static let paymentOptions = [required("amount", .money), required("method", .choice(PaymentMethod.self)), option("ref", .text("凭证号", "REF"))]

    static let pay = CommandSpec("pay", aliases: ["收款", "付款"], group: .cash,
        summary: Phrase("收款：可分次、可多种方式；现金可记实收和找零；一笔钱可结同一客户的几张单；多付用 refund 退还",
                        "take a payment, in parts and across methods; cash with what was handed over and the change; one payment for several orders of one customer; refund RO … pays back an overpayment"), forms: [
        Form([listArg("orders", .order)],
             options: [option("amount", .money), required("method", .choice(PaymentMethod.self)), option("tendered", .money, aliases: ["实收"]),
                       option("ref", .text("凭证号", "REF")), option("card", .text("会员卡号", "K…")), signer("authorized", roles: [.manager])],
             access: .write, roles: [.cashier, .manager],
             summary: Phrase("收款（不超过应收）：amount= 为本次收款金额；现金 tendered= 为客户实交金额，差额为找零（只写 tendered= 则按应收收款）；写几张单时按所写顺序逐单结清；method=card card=K3 从储值卡付款（先扣本金，后扣赠送，不计入当日新收款）；个人客户挂账（method=account）须经理批准",
                             "a payment (never more than is due): amount= is what it pays; for cash, tendered= is what was handed over, the difference the change (tendered= alone pays what is due); with several orders, each is paid in the order written until the amount runs out; method=card card=K3 pays from a member's stored-value card (its paid-in balance first, then its bonus; not new money in the day's figures); a private customer's charge to account (method=account) needs a manager"),
             examples: ["pay RO12 amount=500 method=wechat", "pay RO12 amount=652 method=account",
                        "pay RO12 amount=170.90 tendered=200 method=cash", "pay RO12 tendered=200 method=cash",
                        "pay RO3 RO5 amount=1200 method=transfer ref=网银0815",
                        "pay RO12 amount=300 method=card card=K3"]) { invocation, s in
            if invocation.value("card") as String? != nil { return try payFromCard(invocation, s) }
            return try payment(invocation, s)
        },
    ])

    static let refund = CommandSpec("refund", aliases: ["退款"], group: .cash,
        summary: Phrase("退还客户多付的款项：原路退回，写明原因", "pay back what the customer overpaid: the way it came in, with the reason"), forms: [
        Form([arg("order", .order)], options: paymentOptions + [required("reason", .text("原因", "REASON")), option("card", .text("会员卡号", "K…")),
                                                                signer("authorized", roles: [.manager])],
             access: .write, roles: [.cashier, .manager],
             summary: Phrase("退款（不超过多付金额）：按原付款方式退回（每种方式不超过其已付净额）；储值卡付的退回卡内（method=card card=K3，先退赠送再退本金）；换用其他方式须经理批准（authorized=经理）",
                             "a refund (at most the overpayment): by the method(s) the money came in, up to what each paid net; what a stored-value card paid goes back to it (method=card card=K3; to its bonus first, then paid-in); another method needs a manager (authorized=MANAGER)"),
             examples: ["refund RO12 amount=50 method=wechat reason=\"结算后优惠\"",
                        "refund RO12 amount=26.25 method=card card=K3 reason=\"结算后优惠\"",
                        "refund RO12 amount=12 method=cash reason=\"刷卡无法退回\" authorized=钱主管"]) { invocation, s in
            if invocation.value("card") as String? != nil { return try refundToCard(invocation, s) }
            return try refundPayment(invocation, s)
        },
    ])

    static func refundPayment(_ invocation: Invocation, _ s: Session) throws -> Output {
        let record = try s.record(invocation)
        let order = record.order
        let amount: Money = invocation.need("amount")
        let method: PaymentMethod = invocation.choice("method")!
        let payments = try s.store.payments(orderID: order.id)
        let manager = try s.authorizingManager(invocation)
        let change = try s.store.apply(try record.refund(amount, method: method, reference: invocation.value("ref"), by: s.user, at: s.now,
                                                         payments: payments, current: s.terms, reason: invocation.value("reason"),
                                                         authorizedBy: manager))
        let after = record.settlement(payments: payments + [change.payment!], current: s.terms)
        return .message(s.t("\(order.number) 退款 \(amount.grouped)（\(method.chinese)）", "\(order.number) refunded \(amount.grouped) (\(method.english))"),
                        [("balance", .money(after.balance)), ("paid", .money(after.paid))])
    }

    /// An overpayment back to the stored-value card that paid it (`method=card card=K3`), with the
    /// card's movement (to its bonus first, then paid-in) in the same transaction.
    static func refundToCard(_ invocation: Invocation, _ s: Session) throws -> Output {
        guard invocation.choice("method") as PaymentMethod? == .card else { throw CardRefusal.cardNeedsMethod }
        let record = try s.record(invocation)
        let card = try s.store.resolveCard(invocation.need("card"))
        let payments = try s.store.payments(orderID: record.order.id)
        let amount: Money = invocation.need("amount")
        let back = try record.refund(amount, to: card, taken: try s.store.cardMovements(cardID: card.id), reason: invocation.value("reason"),
                                     by: s.user, at: s.now, payments: payments, current: s.terms)
        try s.store.apply(back.change)
        let after = try s.store.moveCard(card, back.movement)
        let settlement = record.settlement(payments: payments + [back.change.payment!], current: s.terms)
        let (paidIn, bonus) = (back.movement.change.paidIn, back.movement.change.bonus)
        return .message(s.t("\(record.order.number) 退回储值卡 \(card.number) \(amount.grouped)（本金 \(paidIn.grouped) + 赠送 \(bonus.grouped)），余额 \(settlement.balance.grouped)；卡内余额 \(after.balance.total.grouped)",
                            "\(record.order.number) refunded \(amount.grouped) to card \(card.number) (paid-in \(paidIn.grouped) + bonus \(bonus.grouped)); balance \(settlement.balance.grouped); the card holds \(after.balance.total.grouped)"),
                        [("amount", .money(amount)), ("card", .string(card.number)), ("to_paid_in", .money(paidIn)), ("to_bonus", .money(bonus)),
                         ("balance", .money(settlement.balance)), ("card_paid_in", .money(after.balance.paidIn)), ("card_bonus", .money(after.balance.bonus))])
    }

    /// A payment from a member's stored-value card (`method=card card=K3`): one order, an amount;
    /// the payment names the card, and the card's movement (paid-in first, then bonus) is recorded
    /// with the order in the same transaction.
    static func payFromCard(_ invocation: Invocation, _ s: Session) throws -> Output {
        let method: PaymentMethod = invocation.choice("method")!
        guard method == .card, invocation.value("tendered") as Money? == nil else { throw CardRefusal.cardNeedsMethod }
        let references: [String] = invocation.values("orders")
        guard references.count == 1 else { throw CardRefusal.cardPaysOneOrder }
        guard let amount: Money = invocation.value("amount") else { throw OrderRefusal.paymentNeedsAmount }
        let record = try s.store.record(of: try s.store.resolveOrder(references[0]))
        let card = try s.store.resolveCard(invocation.need("card"))
        let payments = try s.store.payments(orderID: record.order.id)
        let paid = try record.pay(amount, from: card, holder: try CardCommands.holder(card, s), by: s.user, at: s.now, payments: payments,
                                  current: s.terms)
        try s.store.apply(paid.change)
        let after = try s.store.moveCard(card, paid.movement)
        let settlement = record.settlement(payments: payments + [paid.change.payment!], current: s.terms)
        let fromPaidIn = Money(fen: -paid.movement.change.paidIn.fen), fromBonus = Money(fen: -paid.movement.change.bonus.fen)
        return .message(s.t("\(record.order.number) 储值卡 \(card.number) 付款 \(amount.grouped)（本金 \(fromPaidIn.grouped) + 赠送 \(fromBonus.grouped)），余额 \(settlement.balance.grouped)；卡内余额 \(after.balance.total.grouped)",
                            "\(record.order.number) paid \(amount.grouped) from card \(card.number) (paid-in \(fromPaidIn.grouped) + bonus \(fromBonus.grouped)); balance \(settlement.balance.grouped); the card holds \(after.balance.total.grouped)"),
                        [("amount", .money(amount)), ("method", .string(method.code)), ("card", .string(card.number)),
                         ("from_paid_in", .money(fromPaidIn)), ("from_bonus", .money(fromBonus)), ("balance", .money(settlement.balance)),
                         ("paid", .money(settlement.paid)), ("card_paid_in", .money(after.balance.paidIn)), ("card_bonus", .money(after.balance.bonus))])
    }

    /// A payment of one order or several of one customer: each order's share is its own payment
    /// (one journal entry each), in one transaction; cash handed over and the change are recorded.
    static func payment(_ invocation: Invocation, _ s: Session) throws -> Output {
        let references: [String] = invocation.values("orders")
        let records = try references.map { try s.store.record(of: try s.store.resolveOrder($0)) }
        let method: PaymentMethod = invocation.choice("method")!
        let orders = try records.map { ($0, try s.store.payments(orderID: $0.order.id)) }
        let receipt = records.count > 1 ? try s.store.nextReceipt() : nil
        let manager = try s.authorizingManager(invocation)      // a private customer's 挂账
        let paid = try OrderRecord.payTogether(orders, amount: invocation.value("amount"), tendered: invocation.value("tendered"), method: method,
                                               reference: invocation.value("ref"), by: s.user, at: s.now, current: s.terms, receipt: receipt,
                                               authorizedBy: manager)
        var lines: [String] = []
        var shares: [JSON] = []
        for change in paid.changes {
            try s.store.apply(change)
            let (record, payments) = orders.first { $0.0.order.id == change.order.id }!
            let after = record.settlement(payments: payments + [change.payment!], current: s.terms)
            let amount = change.payment!.amount
            var line = method == .account
                ? s.t("\(change.order.number) 挂账 \(amount.grouped)，余额 \(after.balance.grouped)",
                      "\(change.order.number) charged \(amount.grouped) to account; balance \(after.balance.grouped)")
                : s.t("\(change.order.number) 收款 \(amount.grouped)（\(method.chinese)），余额 \(after.balance.grouped)",
                      "\(change.order.number) received \(amount.grouped) (\(method.english)); balance \(after.balance.grouped)")
            if method != .account && after.accountOutstanding.fen > 0 {
                line += s.t("，挂账未结 \(after.accountOutstanding.grouped)", "; still owed on account \(after.accountOutstanding.grouped)")
            }
            lines.append(line)
            shares.append(.object([("order", .string(change.order.number)), ("amount", .money(amount)), ("balance", .money(after.balance)),
                                   ("account_outstanding", .money(after.accountOutstanding)), ("paid", .money(after.paid))]))
        }
        for number in paid.unreached {
            lines.append(s.t("\(number) 未收款（金额已用完）", "\(number): nothing paid (the amount ran out)"))
        }
        var text = lines.joined(separator: "\n")
        if let receipt { text = s.t("收款单 \(receipt)：\(paid.tender.amount.grouped)，\(records[0].payingCustomer.name)", "receipt \(receipt): \(paid.tender.amount.grouped) from \(records[0].payingCustomer.name)") + "\n  " + lines.joined(separator: "\n  ") }
        if let tendered = paid.tender.tendered, let change = paid.tender.change {
            text += "\n  " + s.t("实收现金 \(tendered.grouped)，找零 \(change.grouped)", "cash handed over \(tendered.grouped), change \(change.grouped)")
        }
        var fields: [(String, JSON)] = [("amount", .money(paid.tender.amount)), ("method", .string(method.code)), ("orders", .array(shares)),
                                        ("unpaid", .array(paid.unreached.map { .string($0) }))]
        if let receipt { fields.append(("receipt", .int(receipt))) }
        if let tendered = paid.tender.tendered { fields += [("tendered", .money(tendered)), ("change", .money(paid.tender.change ?? .zero))] }
        if records.count == 1, let only = shares.first, case .object(let values) = only {
            // One order: its balance and paid at the top, as before.
            fields += values.filter { $0.0 == "balance" || $0.0 == "paid" }
        }
        return .message(text, fields)
    }

    static let release = CommandSpec("release", aliases: ["交车", "出厂"], group: .cash,
        summary: Phrase("一切齐备时交车（否则逐条说明缺什么）；给结算清单编号，打印结算清单、出厂通知单、竣工出厂合格证（竣工检验合格的）、质量保证书",
                        "hand the car back when everything is in order (or say exactly what is missing); numbers the settlement list and prints it, the release note, the completion certificate (after a passed final inspection) and the warranty certificate"), forms: [
        Form([arg("order", .order)], options: [required("signed", .name), option("odometer", .odometer), option("confirm-odometer", .yesNo),
                                               option("oldparts", .choice(OldParts.self)), option("print", .yesNo), option("out", .path)],
             access: .write, roles: [.cashier, .advisor, .manager],
             summary: Phrase("交车：客户签收；旧件 returned（交还）或 left（留厂）", "hand-back: the customer signs; old parts returned or left"),
             examples: ["release RO12 signed=\"张伟\" oldparts=returned", "release RO12 signed=\"张伟\" odometer=45230 oldparts=left"]) { invocation, s in
            // Named before the hand-back: a plate names the open order, which the release closes.
            let record = try s.record(invocation)
            return HealthRecordCommands.reportAfterRelease(try handBack(record, invocation, s), order: record.order, s)
        },
    ])

    static func handBack(_ record: OrderRecord, _ invocation: Invocation, _ s: Session) throws -> Output {
        let order = record.order
        let printDocuments: Bool = invocation.value("print") ?? true
        // Where the papers go is checked before anything changes.
        let path = printDocuments ? try PrintCommands.outputPath(invocation.value("out"), defaultName: "\(order.number)-release-papers.pdf", session: s) : nil
        try s.store.sendAheadReleaseReads(record, year: s.zone.civil(s.now).year)
        let payments = try s.store.payments(orderID: order.id)
        let warranty = try s.store.warrantyTerm(record.vehicle.vehicleClass, order.category)
        // The reading standing now: this order's check-in, or the correction made on record since.
        let standing = try s.store.odometerHistory(vehicleID: record.vehicle.id).standing(at: s.now)
        // The settlement list's number: taken from its sequence only if this release stands (the
        // transaction); an order that has one keeps it.
        let number = try order.settlementNumber ?? s.store.nextSettlementNumber(year: s.zone.civil(s.now).year,
                                                                               site: order.siteID)
        let change = try s.store.apply(try record.release(signer: invocation.need("signed"), odometer: invocation.value("odometer"),
                                                          oldParts: invocation.choice("oldparts"), by: s.user, at: s.now, payments: payments,
                                                          current: s.terms, warranty: warranty, settlementNumber: number, lastReading: standing,
                                                          confirmOdometer: invocation.value("confirm-odometer") ?? false))
        let released = change.order
        let odometer = released.releaseOdometer ?? order.odometerIn
        if odometer > record.vehicle.odometer {
            try s.store.setOdometer(vehicleID: record.vehicle.id, reading: odometer, was: record.vehicle.odometer)
        }
        var text = s.t("\(order.number) 已交车：\(released.releaseSigned ?? "") 签收 · \(odometer) km",
                       "\(order.number) released to \(released.releaseSigned ?? "") · \(odometer) km")
        // The lines members' count cards cover take their uses now: the work is delivered.
        for used in try CardCoverCommands.takeUses(record, s) { text += "\n  " + used }
        if let number = released.settlementNumber {
            text += "\n  " + s.t("结算清单编号 \(number)", "settlement list No. \(number)")
        }
        // The record as released: for the national record, the reminders and the papers (what
        // follows adds follow-ups, reminders and the outbox, none of them part of it). The release
        // changed only the order and the bay, so it is not read again (a dozen reads).
        let releasedRecord = try record.handedBack(change) ?? s.store.record(of: released)
        if released.status == .released {
            // The national repair record: queued in this transaction, sent once it has committed.
            // Reported as the site that serviced the car (its name; its 企业编码 when it is sent).
            try s.store.enqueueRepairRecord(orderID: order.id, record: RepairRecord(released: releasedRecord,
                                                                                    companyName: s.papersSettings(orderID: order.id).name,
                                                                                    zone: s.zone))
            let followUp = FollowUp.after(release: s.now, orderID: order.id)
            try s.store.addFollowUp(followUp)
            text += "\n  " + s.t("回访：\(s.zone.formatDate(followUp.dueFrom)) 至 \(s.zone.formatDate(followUp.dueUntil))",
                                 "follow-up call due \(s.zone.formatDate(followUp.dueFrom)) to \(s.zone.formatDate(followUp.dueUntil))")
        }
        // The next maintenance, declined work offered again later, declined work done now.
        try s.store.sendAheadAfterReleaseReads(vehicleID: record.vehicle.id, released: released.status == .released)
        for line in try ReminderDesk.afterRelease(releasedRecord, s) { text += "\n  " + line }
        let fields: [(String, JSON)] = [("order", .string(order.number)), ("settlement_no", .string(released.settlementNumber))]
        guard let path else { return .message(text, fields + [("documents", .array([]))]) }
        // The documents are made from the record as committed; the PDF is drawn after the commit.
        let documents = OrderDocuments(record: releasedRecord, settings: try s.papersSettings(orderID: order.id), printedAt: s.now,
                                       warranty: releasedRecord.warrantyCoverage(zone: s.zone, fallback: warranty),
                                       payments: try s.store.payments(orderID: order.id), memberTiers: try s.store.memberTiers(),
                                       cards: try s.store.cardNotes(of: releasedRecord))
        // The papers handed over: the settlement list, the release note, the completion certificate
        // (the sheet with the owner's copy, cut from the stub the shop keeps) where a final
        // inspection passed, and the warranty certificate of a repaired car.
        var kinds: [OrderDocuments.Kind] = [.settlement, .release]
        if released.status == .released, releasedRecord.passedFinalInspection != nil { kinds.append(.certificate) }
        if released.status == .released { kinds.append(.warranty) }
        let pages = try kinds.map { try documents.document($0) }
        let named = kinds.map { s.t($0.title.zh, $0.title.en.lowercased()) }
        return Output(text: text, json: .object([("ok", .bool(true)), ("message", .string(text))] + fields)) {
            do {
                let rendered = try PDFRenderer().write(pages, to: path, info: PrintCommands.info(pages, session: s))
                let printed = text + "\n  " + s.t("已打印" + s.wording.list(named) + "：\(path)（\(rendered.pageCount) 页）",
                                                  "printed the " + Self.englishList(named) + ": \(path) (\(rendered.pageCount) pages)")
                return .message(printed, fields + [("documents", .array([.string(path)]))])
            } catch {
                throw ReleaseRefusal.releasedButNotPrinted(order: order.number, released: text, reason: s.wording.refusal(error).text)
            }
        }
    }
}

extension CashCommands {
    /// "a, b and c"
    static func englishList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

/// The car was released (the change stands) but its papers could not be printed.
enum ReleaseRefusal: WordedRefusal {
    static let area = "release"
    case releasedButNotPrinted(order: String, released: String, reason: String)

    func words(_ w: Wording) -> String {
        switch self {
        case .releasedButNotPrinted(let order, let released, let reason):
            return released + "\n  ! " + w("交车已记录，但打印失败（\(reason)）：请用 print \(order) settlement|release|certificate|warranty 重新打印",
                                           "the release is recorded, but printing failed (\(reason)): print again with print \(order) settlement|release|certificate|warranty")
        }
    }
}
