import Foundation
import JobCards
import HaruPDF
import WorkshopModel
import WorkshopStore

/// The cash desk: the settlement, discounts, payments and refunds, and the hand-back.
enum CashCommands {
    static let invoice = Command(
        name: "invoice", aliases: ["settlement", "结算"], group: .cash,
        summary: "the settlement as it stands: labour, parts, other charges, warranty work, discount, tax, total, paid, balance",
        usage: ["invoice RO"],
        access: .read
    ) { invocation, s in
        let order = try s.store.resolveOrder(try invocation.required("the order", usage: "invoice RO"))
        return try render(order, s)
    }

    static func render(_ order: RepairOrder, _ s: Session) throws -> Output {
        let lines = try s.store.lines(orderID: order.id).filter { $0.status == .approved }
        let payments = try s.store.payments(orderID: order.id)
        let settlement = Settlement(lines: lines, discount: order.discount, payments: payments, rate: s.settings.taxRate,
                                    pricesIncludeTax: s.settings.pricesIncludeTax)
        let vehicle = try s.store.vehicle(id: order.vehicleID)
        var text = "\(order.number)  \(vehicle?.plate.value ?? "")  \(s.t("结算", "settlement"))  \(order.status.label(s.language))\n"
        var table = TextTable(["#", s.t("类别", "Kind"), s.t("项目", "Item"), s.t("数量", "Qty"), s.t("单价", "Price"), s.t("金额", "Amount")],
                              rightAligned: [0, 3, 4, 5])
        for line in lines {
            table.add(["\(line.number)", line.kind.label(s.language), OrderView.itemText(line, s) + (line.covered ? s.t(" [保修]", " [warranty]") : ""),
                       OrderView.quantityText(line), OrderView.priceText(line), line.covered ? s.t("保修 0.00", "0.00 (warranty)") : line.amount.grouped])
        }
        text += lines.isEmpty ? s.t("  (没有已确认的项目)", "  (no approved lines)") : table.render()
        var fields = Fields()
        fields.add(s.t("工时费", "Labour"), settlement.labor.grouped)
        fields.add(s.t("材料费", "Parts"), settlement.parts.grouped)
        fields.add(s.t("其他费用", "Other charges"), settlement.other.grouped)
        if settlement.coveredByWarranty.fen > 0 {
            fields.add(s.t("保修项目（不收费）", "Warranty work (no charge)"), settlement.coveredByWarranty.grouped)
        }
        if let discount = order.discount {
            fields.add(s.t("优惠", "Discount"), "-\(settlement.discount.grouped) (\(discount.description)" +
                       (order.discountAuthorizedBy.map { s.t("，经理 \($0) 批准", ", authorised by \($0)") } ?? "") + ")")
        }
        let rate = s.settings.taxRate.description
        if s.settings.pricesIncludeTax {
            fields.add(s.t("合计（价税合计）", "Total (incl. VAT)"), "\(s.settings.currency) \(settlement.total.grouped)")
            fields.add(s.t("其中增值税 \(rate)", "of which VAT \(rate)"), settlement.tax.grouped)
        } else {
            fields.add(s.t("增值税 \(rate)", "VAT \(rate)"), settlement.tax.grouped)
            fields.add(s.t("合计", "Total"), "\(s.settings.currency) \(settlement.total.grouped)")
        }
        for payment in payments {
            fields.add(payment.amount.fen < 0 ? s.t("退款", "Refund") : s.t("已付", "Paid"),
                       "\(payment.amount.grouped) \(payment.method.label(s.language)) · \(s.formatTime(payment.at)) · \(payment.by)" +
                       (payment.reference.map { " · \($0)" } ?? ""))
        }
        if settlement.balance.fen >= 0 {
            fields.add(s.t("未付余额", "Balance due"), settlement.balance.grouped)
        } else {
            fields.add(s.t("多付应退", "Overpaid, to refund"), Money(fen: -settlement.balance.fen).grouped)
        }
        text += "\n" + fields.render()
        return Output(text: text, json: .object([
            ("order", .string(order.number)), ("status", .string(order.status.code)),
            ("lines", .array(lines.map(OrderView.lineJSON))),
            ("labor", .money(settlement.labor)), ("parts", .money(settlement.parts)), ("other", .money(settlement.other)),
            ("warranty", .money(settlement.coveredByWarranty)), ("discount", .money(settlement.discount)),
            ("tax", .money(settlement.tax)), ("total", .money(settlement.total)), ("paid", .money(settlement.paid)),
            ("balance", .money(settlement.balance)),
            ("payments", .array(payments.map {
                .object([("amount", .money($0.amount)), ("method", .string($0.method.code)), ("at", .string($0.at.iso8601)),
                         ("by", .string($0.by)), ("reference", .string($0.reference))])
            })),
        ]))
    }

    static let discountUsage = "discount RO amount=A|percent=P [authorized=MANAGER]"
    static let discount = Command(
        name: "discount", aliases: ["优惠"], group: .cash,
        summary: "a discount on the order; above the advisor's limit (shop discount_limit) only with a manager's authorisation",
        usage: [discountUsage, "discount RO amount=0   (removes it)"],
        examples: ["discount RO12 percent=5", "discount RO12 amount=200 authorized=钱主管"],
        access: .write, roles: [.advisor, .cashier, .manager]
    ) { invocation, s in
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: discountUsage))
        guard order.status.isAuthorised || order.status == .declined, order.releasedAt == nil else {
            throw UserError("\(order.number) is \(order.status.english): a discount is given on a signed order before it is released")
        }
        let discount = try DiscountRule.parse(amount: invocation.option("amount"), percent: invocation.option("percent"))
        let authorizer = try invocation.option("authorized").map { try s.store.staff($0, role: .manager) }
        order.discount = discount
        let settlement = try s.store.settlement(of: order)
        if case .amount(let money) = discount, money.fen > (settlement.labor + settlement.parts + settlement.other).fen {
            throw UserError("a discount of \(money.grouped) is more than the chargeable \((settlement.labor + settlement.parts + settlement.other).grouped)")
        }
        let limit = s.settings.advisorDiscountLimitPercent
        if DiscountRule.needsManager(share: settlement.discountShare, limitPercent: limit) && authorizer == nil {
            throw UserError("a discount of \(settlement.discount.grouped) (\(FixedPoint.format(settlement.discountShare, scale: 2))%) is above the advisor's limit of \(limit)%: it needs a manager's authorisation (authorized=NAME of a manager)")
        }
        if settlement.discount.fen == 0 { order.discount = nil }
        order.discountBy = order.discount == nil ? nil : s.user
        order.discountAuthorizedBy = order.discount == nil ? nil : authorizer?.name
        try s.store.saveOrder(order, action: .orderDiscount, detail: [
            ("discount", .string(discount.description)), ("value", .string(settlement.discount.plain)),
            ("authorized_by", .string(authorizer?.name)),
        ])
        return .message(s.t("\(order.number) 优惠 \(settlement.discount.grouped)，应收 \(settlement.total.grouped)",
                            "\(order.number) discount \(settlement.discount.grouped); total now \(settlement.total.grouped)"))
    }

    static let payUsage = "pay RO amount=A method=cash|card|wechat|alipay|transfer|account [ref=…]"
    static let pay = Command(
        name: "pay", aliases: ["收款", "付款"], group: .cash,
        summary: "take a payment, in parts and across methods; refund RO … pays back an overpayment",
        usage: [payUsage, "refund RO amount=A method=…"],
        examples: ["pay RO12 amount=500 method=wechat", "pay RO12 amount=152 method=cash", "pay RO12 amount=652 method=account"],
        access: .write, roles: [.cashier, .manager]
    ) { invocation, s in
        try payment(&invocation, s, refund: false)
    }

    static let refund = Command(
        name: "refund", aliases: ["退款"], group: .cash,
        summary: "pay back what the customer overpaid",
        usage: ["refund RO amount=A method=cash|card|wechat|alipay|transfer [ref=…]"],
        access: .write, roles: [.cashier, .manager]
    ) { invocation, s in
        try payment(&invocation, s, refund: true)
    }

    static func payment(_ invocation: inout LegacyInvocation, _ s: Session, refund: Bool) throws -> Output {
        let order = try s.store.resolveOrder(try invocation.required("the order", usage: payUsage))
        guard order.status.isAuthorised || order.status == .declined || order.status == .released else {
            throw UserError("\(order.number) is \(order.status.english): nothing is charged before the customer signs")
        }
        let amount = try Money.parse(try invocation.requiredOption("amount", example: "amount=500"), field: "amount")
        guard amount.fen > 0 else { throw UserError("amount=\(amount.plain): the amount must be above zero") }
        let method = try PaymentMethod.parse(try invocation.requiredOption("method", example: "method=wechat"), field: "method")
        let before = try s.store.settlement(of: order)
        if refund {
            guard before.balance.fen < 0 else {
                throw UserError("\(order.number) is not overpaid (balance \(before.balance.grouped)): there is nothing to refund")
            }
            guard amount.fen <= -before.balance.fen else {
                throw UserError("the refund \(amount.grouped) is more than the overpayment \(Money(fen: -before.balance.fen).grouped)")
            }
            guard method != .account else { throw UserError("a refund goes back by cash, card, WeChat Pay, Alipay or transfer") }
        } else {
            guard amount.fen <= before.balance.fen else {
                throw UserError("the balance of \(order.number) is \(before.balance.grouped): take at most that (for cash handed over above it, give change)")
            }
        }
        try s.store.addPayment(Payment(amount: refund ? Money(fen: -amount.fen) : amount, method: method, at: s.now, by: s.user,
                                       reference: invocation.option("ref")), to: order)
        let after = try s.store.settlement(of: order)
        let text = refund
            ? s.t("\(order.number) 退款 \(amount.grouped)（\(method.chinese)）", "\(order.number) refunded \(amount.grouped) (\(method.english))")
            : s.t("\(order.number) 收款 \(amount.grouped)（\(method.chinese)），余额 \(after.balance.grouped)",
                  "\(order.number) received \(amount.grouped) (\(method.english)); balance \(after.balance.grouped)")
        return .message(text, [("balance", .money(after.balance)), ("paid", .money(after.paid))])
    }

    static let releaseUsage = "release RO signed=\"NAME\" [odometer=KM] [oldparts=returned|left] [print=no]"
    static let release = Command(
        name: "release", aliases: ["交车", "出厂"], group: .cash,
        summary: "hand the car back when everything is in order (or say exactly what is missing); prints settlement list, release note, warranty certificate",
        usage: [releaseUsage],
        examples: ["release RO12 signed=\"张伟\" oldparts=returned", "release RO12 signed=\"张伟\" odometer=45230 oldparts=left"],
        access: .write, roles: [.cashier, .advisor, .manager]
    ) { invocation, s in
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: releaseUsage))
        if order.releasedAt != nil {
            throw UserError("\(order.number) was released at \(s.formatTime(order.releasedAt)) to \(order.releaseSigned ?? "")")
        }
        let signer = try invocation.requiredOption("signed", example: "signed=\"张伟\" — who takes the car and signs")
        let odometer = try invocation.option("odometer").map { try OdometerRule.parse($0) } ?? order.odometerIn
        let oldParts = try invocation.option("oldparts").map { try OldParts.parse($0, field: "oldparts") }
        let printDocuments = try invocation.option("print").map { try YesNo.parse($0, field: "print") } ?? true
        let record = try s.store.record(of: order)
        let settlement = try s.store.settlement(of: order)
        var blockers: [ReleaseBlocker] = []
        switch order.status {
        case .ready, .declined: break
        case .completed: blockers.append(.finalInspectionPending)
        default: blockers.append(.notFinished(order.status))
        }
        if settlement.balance.fen > 0 { blockers.append(.balanceDue(settlement.balance)) }
        if settlement.balance.fen < 0 { blockers.append(.refundDue(Money(fen: -settlement.balance.fen))) }
        let notBack = record.belongings.filter { $0.returnedAt == nil }.map(\.name)
        if !notBack.isEmpty { blockers.append(.belongingsNotReturned(notBack)) }
        if let tag = order.keyTag, order.keyReturnedAt == nil { blockers.append(.keyNotReturned(tag)) }
        if odometer < order.odometerIn { blockers.append(.odometerBelowCheckIn(given: odometer, checkIn: order.odometerIn)) }
        let replacedParts = record.lines.contains { $0.kind == .part && $0.status == .approved && $0.partClass != .customer }
        if replacedParts && oldParts == nil && order.status != .declined { blockers.append(.oldPartsUndecided) }
        guard blockers.isEmpty else {
            let list = blockers.map { "  - " + $0.message.replacingOccurrences(of: " RO ", with: " \(order.number) ") }
            throw UserError("\(order.number) cannot be released yet:\n" + list.joined(separator: "\n"))
        }
        if order.status != .declined { order.status = .released }
        order.releasedAt = s.now
        order.releaseOdometer = odometer
        order.releasedBy = s.user
        order.releaseSigned = signer
        order.oldParts = oldParts ?? (replacedParts ? nil : OldParts.none)
        order.closedAt = order.closedAt ?? s.now
        try s.store.saveOrder(order, action: .orderRelease, detail: [
            ("signed", .string(signer)), ("odometer", .int(odometer)), ("old_parts", .string(order.oldParts?.code)),
            ("total", .string(settlement.total.plain)), ("paid", .string(settlement.paid.plain)),
        ])
        if let vehicle = try s.store.vehicle(id: order.vehicleID), odometer > vehicle.odometer {
            try s.store.setOdometer(vehicleID: vehicle.id, reading: odometer, was: vehicle.odometer)
        }
        var text = s.t("\(order.number) 已交车：\(signer) 签收 · \(odometer) km", "\(order.number) released to \(signer) · \(odometer) km")
        if order.status == .released {
            let followUp = FollowUp.after(release: s.now, orderID: order.id)
            try s.store.addFollowUp(followUp)
            text += "\n  " + s.t("回访：\(s.zone.formatDate(followUp.dueFrom)) 至 \(s.zone.formatDate(followUp.dueUntil))",
                                 "follow-up call due \(s.zone.formatDate(followUp.dueFrom)) to \(s.zone.formatDate(followUp.dueUntil))")
        }
        var paths: [String] = []
        if printDocuments {
            let released = try s.store.record(of: try s.store.order(id: order.id)!)
            let documents = OrderDocuments(record: released, settings: s.settings, printedAt: s.now,
                                           warranty: try AfterSalesDocuments.warranty(for: released, s),
                                           payments: try s.store.payments(orderID: order.id))
            var kinds: [OrderDocuments.Kind] = [.settlement, .release]
            if order.status == .released { kinds.append(.warranty) }
            let path = try PrintCommands.outputPath(invocation.option("out"), defaultName: "\(order.number)-release.pdf", session: s)
            let rendered = try PDFRenderer().write(try kinds.map { try documents.document($0) }, to: path)
            paths.append(path)
            text += "\n  " + s.t("已打印结算清单、出厂通知单" + (order.status == .released ? "、质量保证书" : "") + "：\(path)（\(rendered.pageCount) 页）",
                                 "printed the settlement list, release note" + (order.status == .released ? " and warranty certificate" : "") + ": \(path) (\(rendered.pageCount) pages)")
        }
        return .message(text, [("order", .string(order.number)), ("documents", .array(paths.map { .string($0) }))])
    }
}
