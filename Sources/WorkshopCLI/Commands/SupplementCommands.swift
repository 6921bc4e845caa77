import WorkshopModel
import WorkshopStore

/// Added work (追加维修项目): the workshop reports it, the advisor asks the customer and records the
/// answer once. Only approved added work is ever billed.
enum SupplementCommands {
    static let reporters: Set<Role> = [.advisor, .technician, .manager]
    static let reason = required("reason", .text("原因", "REASON"))
    static let answerOptions = [required("via", .choice(Channel.self)), required("customer", .name), required("told", .staff),
                                option("promise", .promisedTime)]

    static let command = CommandSpec("supplement", aliases: ["追加", "addwork"], group: .floor,
        summary: Phrase("追加维修项目及客户答复：同意或不同意、谁答复、方式、时间", "added work found in the workshop, and the customer's answer: approved or declined, by whom, how, when"), forms: [
        Form([arg("order", .order)], access: .read, summary: Phrase("追加项目及答复", "the added items and their answers"),
             examples: ["supplement RO12"]) { invocation, s in try list(invocation, s) },
        Form([arg("order", .order), word("list", "ls")], access: .read, summary: Phrase("追加项目及答复", "the added items and their answers"),
             examples: ["supplement RO12 list"]) { invocation, s in try list(invocation, s) },
        Form([arg("order", .order), word("add"), word("labor", "labour", "工时"), textArg("work", EstimateCommands.laborWork)],
             options: EstimateCommands.laborOptions + [reason, EstimateCommands.authorized], access: .write, roles: reporters,
             summary: Phrase("追加一项工时，待客户答复", "report added labour, for the customer's answer"),
             examples: ["supplement RO12 add labor \"更换刹车油\" hours=0.5 reason=\"刹车油含水超标\""]) { invocation, s in
            try add({ record in try EstimateCommands.laborLine(invocation, s, terms: record.terms(current: s.terms)) }, invocation, s,
                    priceTyped: EstimateCommands.priceTyped(invocation, "rate"), unlisted: invocation.value("unlisted") ?? false)
        },
        Form([arg("order", .order), word("add"), word("part", "parts", "材料", "配件"), textArg("part", EstimateCommands.partNamed)],
             options: EstimateCommands.partOptions + [reason, EstimateCommands.authorized], access: .write, roles: reporters,
             summary: Phrase("追加一项配件，待客户答复", "report an added part, for the customer's answer"),
             examples: ["supplement RO12 add part BD-0986 qty=2 reason=\"前刹车盘厚度低于极限，影响制动安全\""]) { invocation, s in
            try add({ _ in try EstimateCommands.partLine(invocation, s) }, invocation, s,
                    priceTyped: EstimateCommands.priceTyped(invocation, "price"), unlisted: invocation.value("unlisted") ?? false)
        },
        Form([arg("order", .order), word("add"), word("fee", "other", "其他"), textArg("description")],
             options: [required("amount", .money), reason], access: .write, roles: reporters,
             summary: Phrase("追加一项其他费用，待客户答复", "report an added charge, for the customer's answer"),
             examples: ["supplement RO12 add fee \"外加工\" amount=80 reason=\"需光盘\""]) { invocation, s in
            // A fee is on no catalogue: nothing for `unlisted=` to say, and the form does not take it.
            try add({ _ in try EstimateCommands.feeLine(invocation) }, invocation, s, priceTyped: true, unlisted: false)
        },
        Form([arg("order", .order), arg("item", .line), word("approve", "approved", "yes", "同意")], options: answerOptions,
             access: .write, roles: [.advisor, .manager], summary: Phrase("记录客户同意", "the customer approves"),
             examples: ["supplement RO12 4 approve via=phone customer=\"张伟\" told=赵师傅 promise=\"2026-11-23 18:00\""]) { invocation, s in
            try answer(invocation, approved: true, s)
        },
        Form([arg("order", .order), arg("item", .line), word("decline", "declined", "no", "拒绝", "不同意")], options: answerOptions,
             access: .write, roles: [.advisor, .manager], summary: Phrase("记录客户不同意：不施工、不收费", "the customer declines: not done, not billed"),
             examples: ["supplement RO12 4 decline via=phone customer=\"张伟\" told=赵师傅"]) { invocation, s in
            try answer(invocation, approved: false, s)
        },
    ])

    /// `unlisted`: as the calling form read it (only labour and parts declare `unlisted=`).
    static func add(_ makeLine: (OrderRecord) throws -> OrderLine, _ invocation: Invocation, _ s: Session,
                    priceTyped: Bool, unlisted: Bool) throws -> Output {
        let record = try s.record(invocation)
        let order = record.order
        let line = try makeLine(record)
        let change = try s.store.apply(try record.addSupplement(line, reason: invocation.need("reason"), reportedBy: s.user, at: s.now,
                                                                list: try EstimateCommands.listPrice(of: line, record, s),
                                                                authorizedBy: s.authorizingManager(invocation), current: s.terms,
                                                                named: try EstimateCommands.catalogueName(of: line, s),
                                                                unlisted: unlisted,
                                                                member: try s.store.memberTier(for: record), priceTyped: priceTyped))
        let added = change.newLines[0]
        return .message(s.t("\(order.number) 追加项目 \(added.number)：\(OrderView.itemText(added, s)) ¥\(added.amount.grouped)，待客户确认（notify \(order.number) 可生成告知短信）",
                            "\(order.number) added item \(added.number): \(OrderView.itemText(added, s)) \(added.amount.grouped), awaiting the customer's answer (notify \(order.number) composes the message)"),
                        [("line", .int(added.number))])
    }

    static func answer(_ invocation: Invocation, approved: Bool, _ s: Session) throws -> Output {
        let record = try s.record(invocation)
        let order = record.order
        let number: Int = invocation.need("item")
        let told = try s.store.staff(invocation.need("told"), role: .technician, orAnyOf: [.manager])
        let via: Channel = invocation.choice("via")!
        let customer: String = invocation.need("customer")
        let change = try s.store.apply(try record.answerSupplement(number, approved: approved, via: via, customer: customer, told: told.name,
                                                                   promise: invocation.value("promise"), recordedBy: s.user, at: s.now))
        if approved { _ = try s.store.issueApprovedParts(of: change.order) }
        var text = approved
            ? s.t("\(order.number) 追加项目 \(number) 客户同意（\(customer)，\(via.chinese)）；已告知 \(told.name)",
                  "\(order.number) added item \(number) approved by \(customer) (\(via.english)); \(told.name) told")
            : s.t("\(order.number) 追加项目 \(number) 客户不同意（\(customer)，\(via.chinese)）；已告知 \(told.name)，不施工、不收费",
                  "\(order.number) added item \(number) declined by \(customer) (\(via.english)); \(told.name) told: not done, not billed")
        if let promise = change.supplement?.promiseNow {
            text += s.t("；交车时间改为 \(s.formatTime(promise))", "; promised time now \(s.formatTime(promise))")
        }
        return .message(text)
    }

    static func list(_ invocation: Invocation, _ s: Session) throws -> Output {
        let record = try s.record(invocation)
        let order = record.order
        var table = TextTable(["#", s.t("项目", "Item"), s.t("金额", "Amount"), s.t("原因", "Reason"), s.t("答复", "Answer")], rightAligned: [0, 2])
        for item in record.supplements {
            let line = record.lines.first { $0.number == item.line }
            let answer = item.answer.map { "\($0.label(s.language)) · \(item.answeredBy ?? "") · \(item.via?.label(s.language) ?? "") · \(s.formatTime(item.answeredAt)) · → \(item.told ?? "")" }
                ?? s.t("待答复", "waiting")
            table.add(["\(item.line)", line.map { OrderView.itemText($0, s) } ?? "", line?.amount.grouped ?? "", item.reason, answer])
        }
        return Output(text: record.supplements.isEmpty ? s.t("\(order.number) 没有追加项目", "\(order.number) has no added work") : table.render(),
                      json: .object([("order", .string(order.number)), ("supplements", .array(record.supplements.map(json)))]))
    }

    static func json(_ item: Supplement) -> JSON {
        .object([("line", .int(item.line)), ("reason", .string(item.reason)), ("reported_by", .string(item.reportedBy)),
                 ("reported_at", .string(item.reportedAt.iso8601)), ("answer", .string(item.answer?.code)),
                 ("via", .string(item.via?.code)), ("customer", .string(item.answeredBy)), ("told", .string(item.told)),
                 ("answered_at", .string(item.answeredAt?.iso8601)), ("promise_was", .string(item.promiseWas?.iso8601)),
                 ("promise_now", .string(item.promiseNow?.iso8601))])
    }
}
