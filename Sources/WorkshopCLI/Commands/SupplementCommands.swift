import WorkshopModel
import WorkshopStore

/// Added work (追加维修项目): the workshop reports it, the advisor asks the customer and records the
/// answer once. Only approved added work is ever billed.
enum SupplementCommands {
    static let usage = [
        "supplement RO add labor \"desc\"|OPCODE hours=H [rate=R] reason=\"…\"",
        "supplement RO add part \"name\"|PARTNO qty=Q [price=P partno=… brand=… class=…] reason=\"…\"",
        "supplement RO add fee \"desc\" amount=A reason=\"…\"",
        "supplement RO N approve|decline via=phone|in-person|wechat|sms customer=\"NAME\" told=WORKSHOP-PERSON [promise=DATETIME]",
        "supplement RO [list]",
    ]

    static let command = Command(
        name: "supplement", aliases: ["追加", "addwork"], group: .floor,
        summary: "added work found in the workshop, and the customer's answer: approved or declined, by whom, how, when",
        usage: usage,
        examples: ["supplement RO12 add part BD-0986 qty=2 reason=\"前刹车盘厚度低于极限，影响制动安全\"",
                   "supplement RO12 4 approve via=phone customer=\"张伟\" told=赵师傅 promise=\"2026-11-23 18:00\"",
                   "supplement RO12 4 decline via=phone customer=\"张伟\" told=赵师傅"],
        access: .write, roles: [.advisor, .manager], rolesBySubcommand: ["add": [.advisor, .technician, .manager]]
    ) { invocation, s in
        let order = try s.store.resolveOrder(try invocation.required("the order", usage: usage.joined(separator: " | ")))
        guard let word = invocation.next() else { return try list(order, s) }
        if word.lowercased() == "list" || word.lowercased() == "ls" { return try list(order, s) }
        if word.lowercased() == "add" { return try add(order, &invocation, s) }
        guard let number = Int(word) else {
            throw UserError("supplement \(order.number) \(word): write add, list, or the added item's number; usage: \(usage.joined(separator: " | "))")
        }
        return try answer(order, number: number, &invocation, s)
    }

    static func add(_ order: RepairOrder, _ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        try FloorCommands.ensureSigned(order)
        guard order.status == .signed || order.status == .inWork else {
            throw UserError("\(order.number) is \(order.status.english): added work is reported while the car is in the workshop")
        }
        let kind = try invocation.required("labor, part or fee", usage: usage[0])
        let reason = try invocation.requiredOption("reason", example: "reason=\"前刹车盘厚度低于极限，影响制动安全\" — what the customer is told")
        var line: OrderLine
        switch kind.lowercased() {
        case "labor", "labour", "工时": line = try EstimateCommands.laborLine(&invocation, s)
        case "part", "parts", "材料", "配件": line = try EstimateCommands.partLine(&invocation, s)
        case "fee", "other", "其他":
            let description = invocation.rest().joined(separator: " ")
            guard !description.isEmpty else { throw UserError("supplement add fee: the description is missing; usage: \(usage[2])") }
            let amount = try Money.parse(try invocation.requiredOption("amount", example: "amount=80"), field: "amount")
            guard amount.fen > 0 else { throw UserError("amount=\(amount.plain): a charge must be above zero") }
            line = .fee(number: 0, description: description, amount: amount)
        default:
            throw UserError("supplement add \(kind): write labor, part or fee")
        }
        line.status = .proposed
        let added = try s.store.addLine(line, to: order)
        try s.store.addSupplement(line: added, reason: reason, to: order)
        return .message(s.t("\(order.number) 追加项目 \(added.number)：\(OrderView.itemText(added, s)) ¥\(added.amount.grouped)，待客户确认（notify \(order.number) 可生成告知短信）",
                            "\(order.number) added item \(added.number): \(OrderView.itemText(added, s)) \(added.amount.grouped), awaiting the customer's answer (notify \(order.number) composes the message)"),
                        [("line", .int(added.number))])
    }

    static func answer(_ order: RepairOrder, number: Int, _ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        let supplements = try s.store.supplements(orderID: order.id)
        guard var supplement = supplements.first(where: { $0.line == number }) else {
            let numbers = supplements.map { String($0.line) }
            throw UserError("\(order.number) has no added item \(number)" + (numbers.isEmpty ? "" : "; its added items are \(numbers.joined(separator: ", "))"))
        }
        if let answer = supplement.answer {
            throw UserError("the answer to \(order.number) added item \(number) is already recorded: \(answer.english) by \(supplement.answeredBy ?? "") via \(supplement.via?.english ?? "") at \(s.formatTime(supplement.answeredAt))")
        }
        guard order.status.isOpen else { throw UserError("\(order.number) is \(order.status.english) and closed") }
        let verb = try invocation.required("approve or decline", usage: usage[3]).lowercased()
        let approved: Bool
        switch verb {
        case "approve", "approved", "yes", "同意": approved = true
        case "decline", "declined", "no", "拒绝", "不同意": approved = false
        default: throw UserError("supplement \(order.number) \(number) \(verb): write approve or decline")
        }
        let via = try Channel.parse(try invocation.requiredOption("via", example: "via=phone"), field: "via")
        let customer = try invocation.requiredOption("customer", example: "customer=\"张伟\" — who gave the answer")
        let told = try s.store.staff(try invocation.requiredOption("told", example: "told=赵师傅 — the workshop person told of the answer"),
                                     role: .technician, orAnyOf: [.manager])
        var updated = order
        if let promiseText = invocation.option("promise") {
            let promise = try PromiseRule.check(try s.parseTime(promiseText, field: "promise"), checkedIn: order.checkedInAt, session: s)
            supplement.promiseWas = order.promisedAt
            supplement.promiseNow = promise
            updated.promisedAt = promise
        }
        supplement.answer = approved ? .approved : .declined
        supplement.via = via
        supplement.answeredBy = customer
        supplement.told = told.name
        supplement.answeredAt = s.now
        supplement.recordedBy = s.user
        try s.store.answerSupplement(supplement, of: order)
        guard var line = try s.store.lines(orderID: order.id).first(where: { $0.number == number }) else {
            throw UserError("\(order.number) line \(number) is missing")
        }
        line.status = supplement.answer!
        try s.store.saveLine(line, of: order, action: approved ? .lineApprove : .lineDecline,
                             detail: [("description", .string(line.description)), ("supplement", .bool(true))])
        if approved { _ = try s.store.issueApprovedParts(of: updated) }
        if supplement.promiseNow != nil {
            try s.store.saveOrder(updated, action: .orderPromise, detail: [("promised_at", .string(updated.promisedAt?.iso8601)),
                                                                            ("was", .string(order.promisedAt?.iso8601)),
                                                                            ("because", .string("added item \(number)"))])
        }
        var text = approved
            ? s.t("\(order.number) 追加项目 \(number) 客户同意（\(customer)，\(via.chinese)）；已告知 \(told.name)",
                  "\(order.number) added item \(number) approved by \(customer) (\(via.english)); \(told.name) told")
            : s.t("\(order.number) 追加项目 \(number) 客户不同意（\(customer)，\(via.chinese)）；已告知 \(told.name)，不施工、不收费",
                  "\(order.number) added item \(number) declined by \(customer) (\(via.english)); \(told.name) told: not done, not billed")
        if let promise = supplement.promiseNow {
            text += s.t("；交车时间改为 \(s.formatTime(promise))", "; promised time now \(s.formatTime(promise))")
        }
        return .message(text)
    }

    static func list(_ order: RepairOrder, _ s: Session) throws -> Output {
        let supplements = try s.store.supplements(orderID: order.id)
        let lines = try s.store.lines(orderID: order.id)
        var table = TextTable(["#", s.t("项目", "Item"), s.t("金额", "Amount"), s.t("原因", "Reason"), s.t("答复", "Answer")], rightAligned: [0, 2])
        for item in supplements {
            let line = lines.first { $0.number == item.line }
            let answer = item.answer.map { "\($0.label(s.language)) · \(item.answeredBy ?? "") · \(item.via?.label(s.language) ?? "") · \(s.formatTime(item.answeredAt)) · → \(item.told ?? "")" }
                ?? s.t("待答复", "waiting")
            table.add(["\(item.line)", line.map { OrderView.itemText($0, s) } ?? "", line?.amount.grouped ?? "", item.reason, answer])
        }
        return Output(text: supplements.isEmpty ? s.t("\(order.number) 没有追加项目", "\(order.number) has no added work") : table.render(),
                      json: .object([("order", .string(order.number)), ("supplements", .array(supplements.map(json)))]))
    }

    static func json(_ item: Supplement) -> JSON {
        .object([("line", .int(item.line)), ("reason", .string(item.reason)), ("reported_by", .string(item.reportedBy)),
                 ("reported_at", .string(item.reportedAt.iso8601)), ("answer", .string(item.answer?.code)),
                 ("via", .string(item.via?.code)), ("customer", .string(item.answeredBy)), ("told", .string(item.told)),
                 ("answered_at", .string(item.answeredAt?.iso8601)), ("promise_was", .string(item.promiseWas?.iso8601)),
                 ("promise_now", .string(item.promiseNow?.iso8601))])
    }
}
