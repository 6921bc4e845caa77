import Foundation
import WorkshopModel
import WorkshopStore

/// Members' cards (会员卡): stored-value cards (储值卡), count cards (次卡) and packages (套餐卡) —
/// sold, paying orders or covering their job lines (`ro cover`), refunded, adjusted and expired at
/// the cash desk; every movement recorded and journalled.
enum CardCommands {
    static let desk: Set<Role> = [.cashier, .manager]
    static let cardNumber = ValueType.text("卡号", "K…")

    static let command = CommandSpec("card", aliases: ["cards", "会员卡"], group: .cash,
        summary: Phrase("会员卡：储值卡（本金+赠送，先扣本金后扣赠送）、次卡与套餐卡（抵扣维修单上的项目，交车时扣次）；售卡、查询、到期、退卡、调整",
                        "members' cards: stored-value (paid-in + bonus; a payment takes the paid-in first, then the bonus), count cards and packages (they cover job lines on orders; the use is taken at release); sell, show, expiring, refund, adjust"), forms: [
        Form([word("sell", "售卡"), arg("customer", .customer)],
             options: [option("type", .choice(CardKind.self)), option("amount", .money), option("bonus", .money),
                       option("job", .text("项目代码", "CODE", completion: .laborCode)), option("times", .integer("次数", "N", 1...CardRules.maximumTimes)),
                       option("jobs", .text("代码:次数,…", "CODE:N,…")), option("price", .price), option("until", .date),
                       required("method", .choice(PaymentMethod.self)), option("ref", .text("凭证号", "REF")),
                       signer("authorized", roles: [.manager])],
             access: .write, roles: desk,
             summary: Phrase("售卡：储值卡 amount= 本金、bonus= 赠送（超过本金的 card_bonus_limit 须经理批准）；次卡 job=项目代码 times=次数 price=售价 until=有效期；套餐卡 jobs=代码:次数,… price= until=（售价按各项目标准价比例分摊，尾差计入最后一项）；售卡款计入当日收款",
                             "sell a card: stored-value amount= paid in, bonus= added (above card_bonus_limit of the amount, a manager's); a count card job=CODE times=N price= until=DATE; a package jobs=CODE:N,… price= until= (the price split over the jobs by their list values, the remainder to the last); the money counts in the day's payments by method"),
             examples: ["card sell 13912345678 type=stored amount=1000 bonus=100 method=wechat",
                        "card sell 13912345678 type=count job=J-WASH times=10 price=300 until=2027-11-30 method=wechat",
                        "card sell 13912345678 type=package jobs=J-MNT-VW:4,J-ALIGN:2 price=1200 until=2027-11-30 method=alipay"]) { invocation, s in
            try sell(invocation, s)
        },
        Form([word("show", "查看"), arg("card", cardNumber)], access: .read,
             summary: Phrase("会员卡余额、各项目剩余次数及每一笔变动（单号、经办人）", "a card's balance, its jobs' uses left, and every movement, with its order and who did it"),
             examples: ["card show K3"]) { invocation, s in
            try show(try s.store.resolveCard(invocation.need("card")), s)
        },
        Form([word("list", "ls")], access: .read, summary: Phrase("全部会员卡（最近的在前）", "every card, newest first"),
             examples: ["card list"]) { _, s in
            try table(try s.store.allCards(), s, empty: s.t("还没有售出会员卡", "no cards sold yet"))
        },
        Form([word("list", "ls"), word("expiring", "到期")], options: [option("within", days)], access: .read,
             summary: Phrase("即将到期（默认 30 天内）及已过期未结的卡", "cards expiring soon (within 30 days unless said) and those expired and not yet closed"),
             examples: ["card list expiring", "card list expiring within=60days"]) { invocation, s in
            let within: Int = invocation.value("within") ?? 30
            return try table(try s.store.cardsExpiring(before: s.now + within * 86_400), s,
                             empty: s.t("\(within) 天内没有到期的卡", "no card expires within \(within) days"))
        },
        Form([word("list", "ls"), arg("customer", .customer)], access: .read,
             summary: Phrase("某客户的会员卡", "a customer's cards"), examples: ["card list 13912345678", "card list C2"]) { invocation, s in
            let customer = try s.store.resolveCustomer(invocation.need("customer"))
            return try table(try s.store.cards(customerID: customer.id), s,
                         empty: s.t("\(customer.reference) \(customer.name) 没有会员卡", "\(customer.reference) \(customer.name) has no cards"))
        },
        Form([word("expire", "过期")], access: .write, roles: desk,
             summary: Phrase("结清已过期的卡：剩余本金作为过期收入、剩余赠送与次数作废，卡关闭（记在到期那天；报表不等此命令也按到期计算）；仍有在修单占用次数的卡待交车后再结",
                             "close the cards past their last day: the paid-in left is earned (expired), the bonus and uses left forfeited (dated at the expiry; the reports count it there even before this runs); a card an open order holds a use of waits for that release"),
             examples: ["card expire"]) { _, s in
            try expire(s)
        },
        Form([word("refund", "退卡"), arg("card", cardNumber)],
             options: [required("reason", .text("原因", "REASON")), required("method", .choice(PaymentMethod.self)),
                       option("ref", .text("凭证号", "REF")), signer("authorized", roles: [.manager])],
             access: .write, roles: desk,
             summary: Phrase("退卡：退还剩余本金（储值卡付款先扣本金，故即付入的本金减去已消费的部分；次卡为未使用次数对应的本金），剩余赠送作废，卡关闭；收银员须经理批准（authorized=经理）",
                             "refund a card: pays back the paid-in balance left (payments take paid-in first, so this is the money paid in less what was spent; on a count card, the paid-in of the uses left), forfeits the bonus left, closes the card; a cashier needs a manager (authorized=MANAGER)"),
             examples: ["card refund K3 reason=\"客户搬家\" method=wechat authorized=钱主管"]) { invocation, s in
            try refund(invocation, s)
        },
        Form([word("adjust", "调整"), arg("card", cardNumber)],
             options: [option("amount", .moneyChange), option("uses", usesChange), option("item", .integer("项", "N", 1...99)),
                       required("reason", .text("原因", "REASON")), signer("authorized", roles: [.manager])],
             access: .write, roles: desk,
             summary: Phrase("调整卡内本金（amount=±金额）或次数（uses=±次数；套餐卡写 item=第几项），须写原因并经经理批准（authorized=经理 输入其 PIN）",
                             "adjust a card's paid-in balance (amount=±AMOUNT) or uses (uses=±N; item=N on a package), with a reason and a manager's sign-off (authorized=MANAGER gives their PIN)"),
             examples: ["card adjust K3 amount=-50 reason=\"售卡金额录错\" authorized=钱主管", "card adjust K5 uses=+1 reason=\"补偿\" authorized=钱主管"]) { invocation, s in
            try adjust(invocation, s)
        },
    ])

    /// "30", "30days", "30天", "30d".
    static let days = ValueType(Phrase("天数", "DAYS")) { text, field, _ in
        var digits = text.lowercased()
        for suffix in ["days", "day", "天", "d"] where digits.hasSuffix(suffix) { digits.removeLast(suffix.count); break }
        guard let value = Int(digits), (1...3_650).contains(value) else { throw InputRefusal.notNumber(field: field, given: text, range: 1...3_650) }
        return .integer(value)
    }

    /// A number of uses up or down: "+1", "-2".
    static let usesChange = ValueType(Phrase("±次数", "±N")) { text, field, _ in
        guard let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text), value != 0, abs(value) <= CardRules.maximumTimes else {
            throw InputRefusal.notNumber(field: field, given: text, range: -CardRules.maximumTimes...CardRules.maximumTimes)
        }
        return .integer(value)
    }

    /// The start of the day after `date` ("2027-11-30") in the shop's zone: the first instant a card
    /// valid until that day is no longer valid.
    static func expiry(_ date: String, _ s: Session) -> Timestamp? {
        guard let (y, m, d) = TimeParser.parseDate(date) else { return nil }
        let (ny, nm, nd) = CivilTime.civil(fromDays: CivilTime.days(fromCivil: y, m, d) + 1)
        return s.zone.instant(CivilTime(year: ny, month: nm, day: nd))
    }

    static func sell(_ invocation: Invocation, _ s: Session) throws -> Output {
        let kind: CardKind = invocation.choice("type") ?? (invocation.has("jobs") ? .package : invocation.has("job") ? .count : .stored)
        let customer = try s.store.resolveCustomer(invocation.need("customer"))
        let method: PaymentMethod = invocation.choice("method")!
        let until = (invocation.value("until") as String?).flatMap { expiry($0, s) }
        guard kind.coversJobs else {
            for option in ["job", "jobs", "times", "price"] where invocation.has(option) { throw CardRefusal.optionNotFor(option: option, kind: kind) }
            guard let amount: Money = invocation.value("amount") else { throw CardRefusal.priceNeeded }
            let sale = try CardRules.sellStored(amount: amount, bonus: invocation.value("bonus") ?? .zero, method: method,
                                                reference: invocation.value("ref"), expiresAt: until,
                                                bonusLimitPercent: s.settings.cardBonusLimitPercent, authorizedBy: try s.authorizingManager(invocation),
                                                at: s.now, by: s.user)
            let card = try s.store.sellCard(customer: customer, kind: .stored, sale: sale, expiresAt: until)
            return .message(s.t("售出储值卡 \(card.number)：\(customer.reference) \(customer.name)，本金 \(card.balance.paidIn.grouped) + 赠送 \(card.balance.bonus.grouped)，余额 \(card.balance.total.grouped)（收款 \(sale.amount!.grouped) \(sale.method!.chinese)）",
                                "stored-value card \(card.number) sold to \(customer.reference) \(customer.name): paid-in \(card.balance.paidIn.grouped) + bonus \(card.balance.bonus.grouped), balance \(card.balance.total.grouped) (received \(sale.amount!.grouped) by \(sale.method!.english))")
                            + validUntil(card, s),
                            [("card", .string(card.number)), ("paid_in", .money(card.balance.paidIn)), ("bonus", .money(card.balance.bonus))])
        }
        for option in ["amount", "bonus"] where invocation.has(option) { throw CardRefusal.optionNotFor(option: option, kind: kind) }
        guard let price: Money = invocation.value("price") else { throw CardRefusal.priceNeeded }
        guard let until else { throw CardRefusal.untilNeeded }
        let sold = try itemsSold(invocation, s)
        let (sale, items) = try CardRules.sellCount(kind: kind, items: sold, price: price, expiresAt: until, method: method,
                                                    reference: invocation.value("ref"), giftLimitPercent: s.settings.cardBonusLimitPercent,
                                                    authorizedBy: try s.authorizingManager(invocation), at: s.now, by: s.user)
        let card = try s.store.sellCard(customer: customer, kind: kind, sale: sale, items: items, expiresAt: until)
        let jobs = card.items.map { s.t("\($0.job) \($0.name) \($0.times) 次（\($0.price.grouped)）", "\($0.job) \($0.name) × \($0.times) (\($0.price.grouped))") }
        return .message(s.t("售出\(kind.chinese) \(card.number)：\(customer.reference) \(customer.name)，\(jobs.joined(separator: "、"))，售价 \(price.grouped)（收款 \(price.grouped) \(method.chinese)）",
                            "\(kind.english) \(card.number) sold to \(customer.reference) \(customer.name): \(jobs.joined(separator: ", ")), price \(price.grouped) (received \(price.grouped) by \(method.english))")
                        + validUntil(card, s),
                        [("card", .string(card.number)), ("paid_in", .money(card.balance.paidIn)), ("uses", .int(card.balance.uses))])
    }

    static func validUntil(_ card: MemberCard, _ s: Session) -> String {
        card.expiresAt.map { s.t("，有效期至 \(s.zone.formatDate($0 + -1))", "; valid until \(s.zone.formatDate($0 + -1))") } ?? ""
    }

    /// The jobs a count card or package is sold with — `job=CODE times=N`, or `jobs=CODE:N,…` — each
    /// a canned job or a labour operation of the catalogue, with its list value at the shop's rate.
    static func itemsSold(_ invocation: Invocation, _ s: Session) throws -> [CardItemSale] {
        var wanted: [(code: String, times: Int)] = []
        if let job: String = invocation.value("job") {
            guard let times: Int = invocation.value("times") else { throw CardRefusal.jobsNeeded }
            wanted.append((job.uppercased(), times))
        }
        if let list: String = invocation.value("jobs") {
            for piece in list.split(separator: ",") {
                let parts = piece.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, let times = Int(parts[1]) else { throw CardRefusal.jobsNeeded }
                wanted.append((parts[0].uppercased(), times))
            }
        }
        guard !wanted.isEmpty else { throw CardRefusal.jobsNeeded }
        let rate = s.terms.laborRate
        return try wanted.map { code, times in
            if let job = try s.store.job(code: code) {
                guard !job.operations.isEmpty else { throw CardRefusal.jobWithoutLabor(job: code) }
                var value = Money.zero
                for operation in job.operations {
                    if let op = try s.store.laborOperation(code: operation) { value += LineAmount.labor(hours: op.hours, rate: rate) }
                }
                for part in job.parts {
                    if let listed = try s.store.part(number: part.partNumber) { value += LineAmount.part(quantity: part.quantity, unitPrice: listed.price) }
                }
                return CardItemSale(job: job.code, name: job.name, operations: job.operations, times: times, listValue: value)
            }
            if let op = try s.store.laborOperation(code: code) {
                return CardItemSale(job: op.code, name: op.name, operations: [op.code], times: times, listValue: LineAmount.labor(hours: op.hours, rate: rate))
            }
            let codes = try s.store.jobs().map(\.code) + s.store.laborOperations(limit: 10_000).map(\.code)
            throw CardRefusal.unknownJob(code: code, nearest: Similarity.nearest(to: code, among: codes, ceiling: 3))
        }
    }

    static func expire(_ s: Session) throws -> Output {
        let written = try s.store.expireCards(at: s.now, by: s.user)
        guard !written.isEmpty else { return .message(s.t("没有需要结清的过期卡", "no expired card to close"), [("expired", .array([]))]) }
        let lines = written.map { card, movement in
            let paidIn = Money(fen: -movement.change.paidIn.fen), bonus = Money(fen: -movement.change.bonus.fen)
            return "  " + s.t("\(card.number) 有效期至 \(s.zone.formatDate(movement.at + -1))：本金 \(paidIn.grouped) 转为过期收入" + (bonus.fen > 0 ? "，赠送 \(bonus.grouped) 作废" : "")
                              + (movement.change.uses < 0 ? "，\(-movement.change.uses) 次作废" : ""),
                              "\(card.number) valid until \(s.zone.formatDate(movement.at + -1)): paid-in \(paidIn.grouped) earned (expired)" + (bonus.fen > 0 ? ", bonus \(bonus.grouped) forfeited" : "")
                              + (movement.change.uses < 0 ? ", \(-movement.change.uses) uses forfeited" : ""))
        }
        return .message(s.t("已结清 \(written.count) 张过期卡：", "closed \(written.count) expired cards:") + "\n" + lines.joined(separator: "\n"),
                        [("expired", .array(written.map { .string($0.card.number) }))])
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
        case .count, .package:
            let items = card.items.map { s.t("\($0.job) 剩 \($0.uses)/\($0.times) 次", "\($0.job) \($0.uses) of \($0.times) left") }
            return items.joined(separator: s.t("，", ", ")) + s.t("（未消费本金 \(card.balance.paidIn.grouped)）", " (paid-in not yet used \(card.balance.paidIn.grouped))")
        }
    }

    static func state(_ card: MemberCard, _ s: Session) -> String {
        if let closed = card.closedAt {
            return card.isExpired(at: closed) ? s.t("已过期结清", "expired, closed") : s.t("已退卡 \(s.zone.formatDate(closed))", "refunded \(s.zone.formatDate(closed))")
        }
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
                                         : s.t("售价 \(card.paid.grouped)，共 \(card.times) 次", "price \(card.paid.grouped), \(card.times) uses")))
        var text = fields.render()
        let holds = try s.store.cardHolds(card)
        if card.kind.coversJobs {
            var items = TextTable(["#", s.t("项目", "Job"), s.t("剩余/售出", "Left/sold"), s.t("分摊售价", "Price share"), s.t("未消费本金", "Paid-in left"),
                                   s.t("下次扣", "Next use"), s.t("在修单占用", "Held by open orders")], rightAligned: [0, 2, 3, 4, 5])
            for item in card.items {
                items.add(["\(item.number)", "\(item.job) \(item.name)", "\(item.uses)/\(item.times)", item.price.grouped, item.paidIn.grouped,
                           CardRules.useShare(item).grouped, (holds.byItem[item.number] ?? []).map(\.text).joined(separator: " ")])
            }
            text += "\n\n" + items.render()
        }
        let movements = try s.store.cardMovements(cardID: card.id)
        var table = TextTable([s.t("时间", "Time"), s.t("变动", "Movement"), s.t("本金", "Paid-in"), s.t("赠送", "Bonus"), s.t("次数", "Uses"),
                               s.t("单号", "Order"), s.t("经办", "By"), s.t("说明", "Note")], rightAligned: [2, 3, 4])
        for m in movements {
            var note: [String] = []
            if let number = m.item, let item = card.items.first(where: { $0.number == number }) { note.append(item.job) }
            if let method = m.method, let amount = m.amount {
                note.append(m.kind == .refund ? s.t("退 \(amount.grouped) \(method.chinese)", "paid back \(amount.grouped) by \(method.english)")
                                              : s.t("收 \(amount.grouped) \(method.chinese)", "received \(amount.grouped) by \(method.english)"))
            }
            if let reference = m.reference { note.append(reference) }
            if let reason = m.reason { note.append(reason) }
            if let manager = m.authorizedBy { note.append(s.t("经理 \(manager) 批准", "authorised by \(manager)")) }
            table.add([s.formatTime(m.at), CardWording.kind(m, s.wording), signed(m.change.paidIn), signed(m.change.bonus),
                       m.change.uses == 0 ? "" : (m.change.uses > 0 ? "+\(m.change.uses)" : "\(m.change.uses)"),
                       m.orderID.map { RepairOrder.number($0) + (m.line.map { "/\($0)" } ?? "") } ?? "", m.by, note.joined(separator: " · ")])
        }
        text += "\n\n" + table.render()
        return Output(text: text, json: .object([
            ("card", .string(card.number)), ("kind", .string(card.kind.code)), ("customer", .string(MemberCardJSON.customer(card))),
            ("paid_in", .money(card.balance.paidIn)), ("bonus", .money(card.balance.bonus)), ("uses", .int(card.balance.uses)),
            ("until", .string(card.expiresAt.map { s.zone.formatDate($0 + -1) })),
            ("closed_at", .string(card.closedAt?.iso8601)),
            ("items", .array(card.items.map { item in
                .object([("item", .int(item.number)), ("job", .string(item.job)), ("name", .string(item.name)), ("times", .int(item.times)),
                         ("uses", .int(item.uses)), ("price", .money(item.price)), ("paid_in", .money(item.paidIn)),
                         ("next_use", .money(CardRules.useShare(item))), ("held_by", .array((holds.byItem[item.number] ?? []).map { .string($0.text) }))])
            })),
            ("movements", .array(movements.map { m in
                .object([("kind", .string(m.kind.rawValue)), ("paid_in", .money(m.change.paidIn)), ("bonus", .money(m.change.bonus)),
                         ("uses", .int(m.change.uses)), ("order", .string(m.orderID.map(RepairOrder.number))), ("line", .int(m.line)),
                         ("item", .int(m.item)), ("method", .string(m.method?.code)), ("amount", .money(m.amount ?? .zero)), ("reason", .string(m.reason)),
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

    static func refund(_ invocation: Invocation, _ s: Session) throws -> Output {
        let card = try s.store.resolveCard(invocation.need("card"))
        let movement = try CardRules.refund(card, method: invocation.choice("method")!, reference: invocation.value("ref"),
                                            reason: invocation.value("reason"), authorizedBy: try s.authorizingManager(invocation),
                                            heldBy: try s.store.cardHolds(card).orders, at: s.now, by: s.user)
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
        let movement = try CardRules.adjust(card, amount: invocation.value("amount"), uses: invocation.value("uses"), item: invocation.value("item"),
                                            held: try s.store.cardHolds(card).counts, reason: invocation.value("reason"),
                                            authorizedBy: try s.authorizingManager(invocation), at: s.now, by: s.user)
        let after = try s.store.card(id: try s.store.moveCard(card, movement).id) ?? card
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
