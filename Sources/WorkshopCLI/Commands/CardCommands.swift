import WorkshopModel
import WorkshopStore

/// Members' cards (会员卡): stored-value cards (储值卡), sold, used to pay, refunded and adjusted at
/// the cash desk; every movement recorded and journalled. (Count cards, 次卡: the model's rules are
/// there; selling and using them on order lines is still to come.)
enum CardCommands {
    static let desk: Set<Role> = [.cashier, .manager]

    static let command = CommandSpec("card", aliases: ["cards", "会员卡"], group: .cash,
        summary: Phrase("会员卡（储值卡）：本金+赠送，付款时先扣本金、后扣赠送，不低于零；售卡、查询、退卡、调整",
                        "members' stored-value cards: paid-in + bonus; a payment takes the paid-in balance first, then the bonus, never below zero; sell, show, refund, adjust"), forms: [
        Form([word("sell", "售卡"), arg("customer", .customer)],
             options: [option("type", .choice(CardKind.self)), required("amount", .money), option("bonus", .money),
                       required("method", .choice(PaymentMethod.self)), option("ref", .text("凭证号", "REF"))],
             access: .write, roles: desk,
             summary: Phrase("售出储值卡：amount= 为客户付入的本金，bonus= 为门店赠送；售卡款计入当日收款（按付款方式）",
                             "sell a stored-value card: amount= is what the customer pays in, bonus= what the shop adds; the money counts in the day's payments by method"),
             examples: ["card sell 13912345678 type=stored amount=1000 bonus=100 method=wechat"]) { invocation, s in
            try sellStored(invocation, s)
        },
        Form([word("show", "查看"), arg("card", .text("卡号", "K…"))], access: .read,
             summary: Phrase("会员卡余额及每一笔变动（单号、经办人）", "a card's balance and every movement, with its order and who did it"),
             examples: ["card show K3"]) { invocation, s in
            try show(try s.store.resolveCard(invocation.need("card")), s)
        },
        Form([word("list", "ls")], access: .read, summary: Phrase("全部会员卡（最近的在前）", "every card, newest first"),
             examples: ["card list"]) { _, s in
            try table(try s.store.allCards(), s, empty: s.t("还没有售出会员卡", "no cards sold yet"))
        },
        Form([word("list", "ls"), arg("customer", .customer)], access: .read,
             summary: Phrase("某客户的会员卡", "a customer's cards"), examples: ["card list 13912345678", "card list C2"]) { invocation, s in
            let customer = try s.store.resolveCustomer(invocation.need("customer"))
            return try table(try s.store.cards(customerID: customer.id), s,
                         empty: s.t("\(customer.reference) \(customer.name) 没有会员卡", "\(customer.reference) \(customer.name) has no cards"))
        },
        Form([word("refund", "退卡"), arg("card", .text("卡号", "K…"))],
             options: [required("reason", .text("原因", "REASON")), required("method", .choice(PaymentMethod.self)),
                       option("ref", .text("凭证号", "REF")), signer("authorized", roles: [.manager])],
             access: .write, roles: desk,
             summary: Phrase("退卡：退还剩余本金（付款先扣本金，故即付入的本金减去已消费的部分），剩余赠送作废，卡关闭；收银员须经理批准（authorized=经理）",
                             "refund a card: pays back the paid-in balance left (payments take paid-in first, so this is the money paid in less what was spent), forfeits the bonus left, closes the card; a cashier needs a manager (authorized=MANAGER)"),
             examples: ["card refund K3 reason=\"客户搬家\" method=wechat authorized=钱主管"]) { invocation, s in
            try refund(invocation, s)
        },
        Form([word("adjust", "调整"), arg("card", .text("卡号", "K…"))],
             options: [required("amount", .moneyChange), required("reason", .text("原因", "REASON")),
                       signer("authorized", roles: [.manager])],
             access: .write, roles: desk,
             summary: Phrase("调整卡内本金（amount=±金额），须写原因并经经理批准（authorized=经理 输入其 PIN）",
                             "adjust a card's paid-in balance (amount=±AMOUNT), with a reason and a manager's sign-off (authorized=MANAGER gives their PIN)"),
             examples: ["card adjust K3 amount=-50 reason=\"售卡金额录错\" authorized=钱主管"]) { invocation, s in
            try adjust(invocation, s)
        },
    ])

    static func sellStored(_ invocation: Invocation, _ s: Session) throws -> Output {
        guard invocation.choice("type", as: CardKind.self) ?? .stored == .stored else { throw CardRefusal.countCardsNotSold }
        let customer = try s.store.resolveCustomer(invocation.need("customer"))
        let sale = try CardRules.sellStored(amount: invocation.need("amount"), bonus: invocation.value("bonus") ?? .zero,
                                            method: invocation.choice("method")!, reference: invocation.value("ref"), at: s.now, by: s.user)
        let card = try s.store.sellCard(customer: customer, kind: .stored, sale: sale, job: nil, times: nil, expiresAt: nil)
        return .message(s.t("售出储值卡 \(card.number)：\(customer.reference) \(customer.name)，本金 \(card.balance.paidIn.grouped) + 赠送 \(card.balance.bonus.grouped)，余额 \(card.balance.total.grouped)（收款 \(sale.amount!.grouped) \(sale.method!.chinese)）",
                            "stored-value card \(card.number) sold to \(customer.reference) \(customer.name): paid-in \(card.balance.paidIn.grouped) + bonus \(card.balance.bonus.grouped), balance \(card.balance.total.grouped) (received \(sale.amount!.grouped) by \(sale.method!.english))"),
                        [("card", .string(card.number)), ("paid_in", .money(card.balance.paidIn)), ("bonus", .money(card.balance.bonus))])
    }

    static func holder(_ card: MemberCard, _ s: Session) throws -> String {
        guard let customer = try s.store.customer(id: card.customerID) else { return "C\(card.customerID)" }
        return "\(customer.reference) \(customer.name)"
    }

    static func balanceText(_ card: MemberCard, _ s: Session) -> String {
        switch card.kind {
        case .stored:
            return s.t("\(card.balance.total.grouped)（本金 \(card.balance.paidIn.grouped) + 赠送 \(card.balance.bonus.grouped)）",
                       "\(card.balance.total.grouped) (paid-in \(card.balance.paidIn.grouped) + bonus \(card.balance.bonus.grouped))")
        case .count:
            return s.t("\(card.job ?? "") 剩 \(card.balance.uses)/\(card.times ?? 0) 次（未消费本金 \(card.balance.paidIn.grouped)）",
                       "\(card.job ?? "") \(card.balance.uses) of \(card.times ?? 0) uses left (paid-in not yet used \(card.balance.paidIn.grouped))")
        }
    }

    static func state(_ card: MemberCard, _ s: Session) -> String {
        if let closed = card.closedAt { return s.t("已退卡 \(s.zone.formatDate(closed))", "refunded \(s.zone.formatDate(closed))") }
        if card.isExpired(at: s.now) { return s.t("已过期", "expired") }
        return s.t("有效", "valid")
    }

    static func show(_ card: MemberCard, _ s: Session) throws -> Output {
        var fields = Fields()
        fields.add(s.t("卡号", "Card"), "\(card.number)  \(card.kind.label(s.language))  \(state(card, s))")
        fields.add(s.t("持卡人", "Holder"), try holder(card, s))
        fields.add(s.t("余额", "Balance"), balanceText(card, s))
        fields.add(s.t("有效期至", "Valid until"), card.expiresAt.map { s.zone.formatDate($0 + -1) })
        fields.add(s.t("售卡", "Sold"), "\(s.formatTime(card.soldAt)) · \(card.soldBy) · " +
                   (card.kind == .stored ? s.t("本金 \(card.paid.grouped) + 赠送 \(card.bonusGiven.grouped)", "paid-in \(card.paid.grouped) + bonus \(card.bonusGiven.grouped)")
                                         : s.t("售价 \(card.paid.grouped)，\(card.times ?? 0) 次", "price \(card.paid.grouped), \(card.times ?? 0) uses")))
        let movements = try s.store.cardMovements(cardID: card.id)
        var table = TextTable([s.t("时间", "Time"), s.t("变动", "Movement"), s.t("本金", "Paid-in"), s.t("赠送", "Bonus"), s.t("次数", "Uses"),
                               s.t("单号", "Order"), s.t("经办", "By"), s.t("说明", "Note")], rightAligned: [2, 3, 4])
        for m in movements {
            var note: [String] = []
            if let method = m.method, let amount = m.amount {
                note.append(m.kind == .refund ? s.t("退 \(amount.grouped) \(method.chinese)", "paid back \(amount.grouped) by \(method.english)")
                                              : s.t("收 \(amount.grouped) \(method.chinese)", "received \(amount.grouped) by \(method.english)"))
            }
            if let reference = m.reference { note.append(reference) }
            if let reason = m.reason { note.append(reason) }
            if let manager = m.authorizedBy { note.append(s.t("经理 \(manager) 批准", "authorised by \(manager)")) }
            table.add([s.formatTime(m.at), CardWording.kind(m.kind, s.wording), signed(m.change.paidIn), signed(m.change.bonus),
                       m.change.uses == 0 ? "" : (m.change.uses > 0 ? "+\(m.change.uses)" : "\(m.change.uses)"),
                       m.orderID.map { RepairOrder.number($0) + (m.line.map { "/\($0)" } ?? "") } ?? "", m.by, note.joined(separator: " · ")])
        }
        let text = fields.render() + "\n" + table.render()
        return Output(text: text, json: .object([
            ("card", .string(card.number)), ("kind", .string(card.kind.code)), ("customer", .string(MemberCardJSON.customer(card))),
            ("paid_in", .money(card.balance.paidIn)), ("bonus", .money(card.balance.bonus)), ("uses", .int(card.balance.uses)),
            ("job", .string(card.job)), ("until", .string(card.expiresAt.map { s.zone.formatDate($0 + -1) })),
            ("refunded_at", .string(card.closedAt?.iso8601)),
            ("movements", .array(movements.map { m in
                .object([("kind", .string(m.kind.rawValue)), ("paid_in", .money(m.change.paidIn)), ("bonus", .money(m.change.bonus)),
                         ("uses", .int(m.change.uses)), ("order", .string(m.orderID.map(RepairOrder.number))), ("line", .int(m.line)),
                         ("method", .string(m.method?.code)), ("amount", .money(m.amount ?? .zero)), ("reason", .string(m.reason)),
                         ("authorized_by", .string(m.authorizedBy)), ("at", .string(m.at.iso8601)), ("by", .string(m.by))])
            })),
        ]))
    }

    static func signed(_ money: Money) -> String {
        money.fen == 0 ? "" : money.fen > 0 ? "+" + money.grouped : "-" + Money(fen: -money.fen).grouped
    }

    static func table(_ cards: [MemberCard], _ s: Session, empty: String) throws -> Output {
        guard !cards.isEmpty else { return Output(text: empty, json: .array([])) }
        var table = TextTable([s.t("卡号", "Card"), s.t("类型", "Kind"), s.t("持卡人", "Holder"), s.t("余额", "Balance"),
                               s.t("有效期至", "Valid until"), s.t("状态", "State")])
        for card in cards {
            table.add([card.number, card.kind.label(s.language), try holder(card, s), balanceText(card, s),
                       card.expiresAt.map { s.zone.formatDate($0 + -1) } ?? "", state(card, s)])
        }
        return Output(text: table.render(), json: .array(cards.map { card in
            .object([("card", .string(card.number)), ("kind", .string(card.kind.code)), ("customer", .string(MemberCardJSON.customer(card))),
                     ("paid_in", .money(card.balance.paidIn)), ("bonus", .money(card.balance.bonus)), ("uses", .int(card.balance.uses)),
                     ("until", .string(card.expiresAt.map { s.zone.formatDate($0 + -1) }))])
        }))
    }

    /// The manager who signs: the one named in `authorized=` (their PIN confirmed by the parser's
    /// sign-off), or a manager signed in.
    static func manager(_ invocation: Invocation, _ s: Session) throws -> String? {
        let named: String? = invocation.value("authorized")
        return try named.map { try s.store.staff($0, role: .manager).name } ?? (s.signedIn?.has(.manager) == true ? s.user : nil)
    }

    static func refund(_ invocation: Invocation, _ s: Session) throws -> Output {
        let card = try s.store.resolveCard(invocation.need("card"))
        let movement = try CardRules.refund(card, method: invocation.choice("method")!, reference: invocation.value("ref"),
                                            reason: invocation.value("reason"), authorizedBy: try manager(invocation, s), at: s.now, by: s.user)
        try s.store.moveCard(card, movement)
        let amount = movement.amount ?? .zero
        let forfeited = Money(fen: -movement.change.bonus.fen)
        return .message(s.t("\(card.number) 已退卡：退还本金 \(amount.grouped)（\(movement.method!.chinese)）" + (forfeited.fen > 0 ? "，赠送余额 \(forfeited.grouped) 作废" : "")
                            + (movement.change.uses < 0 ? "，剩余 \(-movement.change.uses) 次作废" : ""),
                            "\(card.number) refunded: \(amount.grouped) paid back (\(movement.method!.english))" + (forfeited.fen > 0 ? "; bonus left \(forfeited.grouped) forfeited" : "")
                            + (movement.change.uses < 0 ? "; \(-movement.change.uses) uses left forfeited" : "")),
                        [("card", .string(card.number)), ("refunded", .money(amount)), ("bonus_forfeited", .money(forfeited))])
    }

    static func adjust(_ invocation: Invocation, _ s: Session) throws -> Output {
        let card = try s.store.resolveCard(invocation.need("card"))
        let movement = try CardRules.adjust(card, amount: invocation.value("amount"), uses: nil,
                                            reason: invocation.value("reason"), authorizedBy: try manager(invocation, s), at: s.now, by: s.user)
        let after = try s.store.moveCard(card, movement)
        return .message(s.t("\(card.number) 已调整，余额 ", "\(card.number) adjusted; balance ") + balanceText(after, s),
                        [("card", .string(card.number)), ("paid_in", .money(after.balance.paidIn)), ("uses", .int(after.balance.uses))])
    }

}

enum MemberCardJSON {
    static func customer(_ card: MemberCard) -> String { "C\(card.customerID)" }
}

extension ValueType {
    /// An amount up or down: "+50", "-12.5", "30".
    static let moneyChange = ValueType(Phrase("±金额", "±AMOUNT")) { text, field, _ in
        let negative = text.hasPrefix("-")
        let magnitude = try Money.parse(negative || text.hasPrefix("+") ? String(text.dropFirst()) : text, field: field)
        return .money(Money(fen: negative ? -magnitude.fen : magnitude.fen))
    }

}
