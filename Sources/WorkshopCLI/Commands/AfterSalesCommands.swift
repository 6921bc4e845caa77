import WorkshopModel
import WorkshopStore

/// Follow-up calls and complaints (跟踪回访, 客户投诉处理程序).
enum AfterSalesCommands {
    static let followupUsage = ["followup list [due]", "followup RO done result=\"…\" satisfaction=1..5"]
    static let followup = Command(
        name: "followup", aliases: ["回访"], group: .afterSales,
        summary: "the follow-up calls, due 2 days to 1 week after release; record each call's outcome and satisfaction",
        usage: followupUsage,
        examples: ["followup list due", "followup RO12 done result=\"刹车正常，客户满意\" satisfaction=5"],
        access: .write, readingSubcommands: ["list", "ls"], roles: [.advisor, .manager]
    ) { invocation, s in
        let first = try invocation.required("list or the order", usage: followupUsage.joined(separator: " | "))
        if first.lowercased() == "list" || first.lowercased() == "ls" {
            let dueOnly = invocation.next().map { $0.lowercased() == "due" } ?? false
            let items = try s.store.openFollowUps(dueBy: dueOnly ? s.now : nil)
            var table = TextTable([s.t("单号", "Order"), s.t("车牌", "Plate"), s.t("客户", "Customer"), s.t("电话", "Phone"),
                                   s.t("回访时段", "Call between"), s.t("状态", "State")])
            var rows: [JSON] = []
            for item in items {
                guard let order = try s.store.order(id: item.orderID), let record = try? s.store.record(of: order) else { continue }
                let state = item.isOverdue(at: s.now) ? s.t("已逾期", "overdue") : item.isDue(at: s.now) ? s.t("应回访", "due") : s.t("未到期", "not yet")
                table.add([order.number, record.vehicle.plate.value, record.customer.name, order.droppedPhone ?? record.customer.phone,
                           "\(s.zone.formatDate(item.dueFrom)) – \(s.zone.formatDate(item.dueUntil))", state])
                rows.append(.object([("order", .string(order.number)), ("plate", .string(record.vehicle.plate.value)),
                                     ("customer", .string(record.customer.name)), ("phone", .string(record.customer.phone)),
                                     ("due_from", .string(item.dueFrom.iso8601)), ("due_until", .string(item.dueUntil.iso8601)),
                                     ("overdue", .bool(item.isOverdue(at: s.now)))]))
            }
            return Output(text: items.isEmpty ? s.t("没有待回访", "no follow-up calls waiting") : table.render(),
                          json: .object([("followups", .array(rows))]))
        }
        let order = try s.store.resolveOrder(first)
        let verb = try invocation.required("done", usage: followupUsage[1])
        guard verb.lowercased() == "done" || verb == "完成" else { throw UserError("followup \(order.number) \(verb): write done; usage: \(followupUsage[1])") }
        guard var item = try s.store.followUp(orderID: order.id) else {
            throw UserError("\(order.number) has no follow-up call: one is created when a repaired car is released")
        }
        if let done = item.doneAt { throw UserError("the follow-up call of \(order.number) was recorded at \(s.formatTime(done))") }
        let result = try invocation.requiredOption("result", example: "result=\"刹车正常，客户满意\"")
        let text = try invocation.requiredOption("satisfaction", example: "satisfaction=5 (1 very unhappy … 5 very happy)")
        guard let satisfaction = Int(text), (1...5).contains(satisfaction) else {
            throw UserError("satisfaction=\(text): write 1 (very unhappy) to 5 (very happy)")
        }
        item.doneAt = s.now
        item.result = result
        item.satisfaction = satisfaction
        item.by = s.user
        try s.store.completeFollowUp(item, order: order)
        var message = s.t("\(order.number) 回访已记录：满意度 \(satisfaction)/5", "\(order.number) follow-up recorded: satisfaction \(satisfaction)/5")
        if satisfaction <= 2 {
            message += "\n  ! " + s.t("客户不满意：如属投诉请登记 (complaint add \(order.number) \"…\" channel=phone)",
                                      "the customer is unhappy: if it is a complaint, register it (complaint add \(order.number) \"…\" channel=phone)")
        }
        return .message(message)
    }

    static let complaintUsage = [
        "complaint add PLATE|RO \"text\" channel=phone|visit|letter|online",
        "complaint list [all]",
        "complaint N [show]",
        "complaint N classify valid|invalid|major",
        "complaint N assign NAME",
        "complaint N verify \"what was found\"",
        "complaint N resolve \"the answer to the customer\" [by=MANAGER]",
        "complaint N followup result=\"…\" satisfied=yes|no",
    ]
    static let complaint = Command(
        name: "complaint", aliases: ["投诉"], group: .afterSales,
        summary: "register a complaint and track it: classify, assign, verify within 24 h, reply within 7 days, follow up",
        usage: complaintUsage,
        examples: ["complaint add 京A12345 \"刹车仍有异响\" channel=phone", "complaint 1 classify valid", "complaint 1 assign 钱主管",
                   "complaint 1 verify \"试车确认左前刹车片安装不到位\"", "complaint 1 resolve \"免费返修，已重新安装\"",
                   "complaint 1 followup result=\"异响消除\" satisfied=yes"],
        access: .write, readingSubcommands: ["list", "ls"], roles: [.advisor, .manager]
    ) { invocation, s in
        let first = try invocation.required("add, list or the complaint's number", usage: complaintUsage.joined(separator: " | "))
        switch first.lowercased() {
        case "add", "new": return try add(&invocation, s)
        case "list", "ls":
            let all = invocation.next()?.lowercased() == "all"
            return list(try s.store.complaints(includeClosed: all), s)
        default:
            guard let id = Int(first.hasPrefix("#") ? String(first.dropFirst()) : first), var c = try s.store.complaint(id: id) else {
                throw UserError("no complaint \(first): complaint list shows the open ones")
            }
            let verb = invocation.next()?.lowercased() ?? "show"
            return try act(verb, &c, &invocation, s)
        }
    }

    static func add(_ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        let reference = try invocation.required("the plate or order", usage: complaintUsage[0])
        var vehicleID: Int?
        var orderID: Int?
        if RepairOrder.id(fromNumber: reference) != nil {
            let order = try s.store.resolveOrder(reference)
            orderID = order.id
            vehicleID = order.vehicleID
        } else {
            vehicleID = try s.store.resolveVehicle(reference).id
        }
        let text = invocation.rest().joined(separator: " ")
        guard !text.isEmpty else { throw UserError("complaint add: what the customer says is missing; usage: \(complaintUsage[0])") }
        let channel = try ComplaintChannel.parse(try invocation.requiredOption("channel", example: "channel=phone"), field: "channel")
        let saved = try s.store.addComplaint(Complaint(id: 0, vehicleID: vehicleID, orderID: orderID, channel: channel, text: text,
                                                       registeredAt: s.now, registeredBy: s.user))
        return .message(s.t("已登记投诉 #\(saved.id)：核实期限 \(s.formatTime(saved.verifyBy))，答复期限 \(s.formatTime(saved.replyBy))",
                            "complaint #\(saved.id) registered: verify by \(s.formatTime(saved.verifyBy)), reply by \(s.formatTime(saved.replyBy))"),
                        [("complaint", .int(saved.id))])
    }

    static func act(_ verb: String, _ c: inout Complaint, _ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        if verb != "show" && c.isClosed { throw UserError("complaint #\(c.id) is closed") }
        switch verb {
        case "show":
            return show(c, s)
        case "classify":
            let classification = try ComplaintClass.parse(try invocation.required("valid, invalid or major", usage: complaintUsage[3]), field: "class")
            if classification == .major, let assigned = c.assignedTo, try s.store.staff(named: assigned)?.has(.manager) != true {
                c.assignedTo = nil
            }
            c.classification = classification
            try s.store.saveComplaint(c, action: .complaintClassify, detail: [("class", .string(classification.code))])
            var text = s.t("投诉 #\(c.id)：\(classification.chinese)", "complaint #\(c.id): \(classification.english)")
            if classification == .major { text += "\n  ! " + s.t("重大投诉须由经理处理：complaint \(c.id) assign 经理姓名", "a major complaint is the manager's: complaint \(c.id) assign MANAGER") }
            if classification == .invalid { text += "\n  " + s.t("无效投诉：礼貌解释原因后以 resolve 记录答复", "invalid: explain politely, then record the answer with resolve") }
            return .message(text)
        case "assign":
            let name = invocation.rest().joined(separator: " ")
            guard !name.isEmpty else { throw UserError("complaint \(c.id) assign: name who handles it") }
            let member = c.classification == .major ? try s.store.staff(name, role: .manager)
                : try s.store.staff(name, role: .advisor, orAnyOf: [.manager, .inspector])
            c.assignedTo = member.name
            try s.store.saveComplaint(c, action: .complaintAssign, detail: [("to", .string(member.name))])
            return .message(s.t("投诉 #\(c.id) 由 \(member.name) 处理", "complaint #\(c.id) assigned to \(member.name)"))
        case "verify":
            guard c.classification != nil else { throw UserError("classify complaint #\(c.id) first: complaint \(c.id) classify valid|invalid|major") }
            let text = invocation.rest().joined(separator: " ")
            guard !text.isEmpty else { throw UserError("complaint \(c.id) verify: say what was found") }
            c.verifiedAt = s.now
            c.verification = text
            try s.store.saveComplaint(c, action: .complaintVerify, detail: [("found", .string(text))])
            let late = s.now > c.verifyBy
            return .message(s.t("投诉 #\(c.id) 已核实" + (late ? "（超过24小时期限）" : ""), "complaint #\(c.id) verified" + (late ? " (after the 24-hour deadline)" : "")))
        case "resolve", "reply":
            guard let classification = c.classification else {
                throw UserError("classify complaint #\(c.id) first: complaint \(c.id) classify valid|invalid|major")
            }
            let text = invocation.rest().joined(separator: " ")
            guard !text.isEmpty else { throw UserError("complaint \(c.id) resolve: the answer given to the customer is missing") }
            var resolver = s.user
            if classification == .major {
                let manager = try s.store.staff(invocation.option("by") ?? c.assignedTo ?? s.user, role: .manager)
                resolver = manager.name
            } else if let by = invocation.option("by") {
                resolver = by
            }
            if classification != .invalid && c.verifiedAt == nil {
                throw UserError("complaint #\(c.id) is not verified yet: complaint \(c.id) verify \"what was found\"")
            }
            c.resolvedAt = s.now
            c.resolution = text
            c.resolvedBy = resolver
            try s.store.saveComplaint(c, action: .complaintResolve, detail: [("answer", .string(text)), ("by", .string(resolver))])
            let late = s.now > c.replyBy
            return .message(s.t("投诉 #\(c.id) 已答复客户" + (late ? "（超过7日期限）" : "") + (classification == .invalid ? "，已结案" : "；请回访：complaint \(c.id) followup …"),
                                "complaint #\(c.id) answered" + (late ? " (after the 7-day deadline)" : "") + (classification == .invalid ? "; closed" : "; follow up: complaint \(c.id) followup …")))
        case "followup":
            guard c.resolvedAt != nil else { throw UserError("complaint #\(c.id) has no answer yet: resolve it first") }
            let result = try invocation.requiredOption("result", example: "result=\"异响消除，客户满意\"")
            let satisfied = try YesNo.parse(try invocation.requiredOption("satisfied", example: "satisfied=yes"), field: "satisfied")
            if !satisfied {
                // 回访时若发现投诉者对处理结果不满意，应及时安排人员限期整改 — reopen for another answer.
                c.resolvedAt = nil
                c.resolution = nil
                c.verification = (c.verification ?? "") + " / " + s.t("回访不满意：", "follow-up unhappy: ") + result
                try s.store.saveComplaint(c, action: .complaintFollowupUnsatisfied, detail: [("result", .string(result))])
                return .message(s.t("客户仍不满意：投诉 #\(c.id) 重新打开，须限期整改后再次答复", "still unhappy: complaint #\(c.id) is reopened for another answer"))
            }
            c.followedUpAt = s.now
            c.followUpResult = result
            c.satisfied = true
            try s.store.saveComplaint(c, action: .complaintFollowup, detail: [("result", .string(result)), ("satisfied", .bool(true))])
            return .message(s.t("投诉 #\(c.id) 回访满意，结案", "complaint #\(c.id) followed up, customer satisfied: closed"))
        default:
            throw UserError("complaint \(c.id) \(verb): unknown step; usage: \(complaintUsage.joined(separator: " | "))")
        }
    }

    static func stageText(_ c: Complaint, _ s: Session) -> String {
        switch c.stage {
        case .registered: return s.t("待核实", "to verify")
        case .verified: return s.t("待答复", "to answer")
        case .resolved: return s.t("待回访", "to follow up")
        case .closed: return s.t("已结案", "closed")
        }
    }

    static func list(_ complaints: [Complaint], _ s: Session) -> Output {
        var table = TextTable(["#", s.t("登记", "Registered"), s.t("渠道", "Channel"), s.t("性质", "Class"), s.t("处理人", "Assigned"),
                               s.t("进度", "Stage"), s.t("逾期", "Late"), s.t("内容", "Text")], rightAligned: [0])
        for c in complaints {
            table.add(["\(c.id)", s.formatTime(c.registeredAt), c.channel.label(s.language), c.classification?.label(s.language) ?? "",
                       c.assignedTo ?? "", stageText(c, s), c.overdue(at: s.now).map { lateText($0, s) }.joined(separator: ", "), c.text])
        }
        return Output(text: complaints.isEmpty ? s.t("没有未结投诉", "no open complaints") : table.render(),
                      json: .object([("complaints", .array(complaints.map { json($0, s) }))]))
    }

    static func lateText(_ step: String, _ s: Session) -> String {
        step == "verify" ? s.t("超24小时未核实", "not verified in 24 h") : s.t("超7日未答复", "not answered in 7 days")
    }

    static func show(_ c: Complaint, _ s: Session) -> Output {
        var fields = Fields()
        fields.add(s.t("内容", "Text"), c.text)
        fields.add(s.t("登记", "Registered"), "\(s.formatTime(c.registeredAt)) · \(c.channel.label(s.language)) · \(c.registeredBy)")
        fields.add(s.t("关联", "About"), c.orderID.map(RepairOrder.number))
        fields.add(s.t("性质", "Class"), c.classification?.label(s.language))
        fields.add(s.t("处理人", "Assigned"), c.assignedTo)
        fields.add(s.t("核实", "Verified"), c.verification.map { "\($0) · \(s.formatTime(c.verifiedAt))" } ?? s.t("期限 ", "due ") + s.formatTime(c.verifyBy))
        fields.add(s.t("答复", "Answer"), c.resolution.map { "\($0) · \(c.resolvedBy ?? "") · \(s.formatTime(c.resolvedAt))" } ?? s.t("期限 ", "due ") + s.formatTime(c.replyBy))
        fields.add(s.t("回访", "Follow-up"), c.followUpResult.map { "\($0) · \(s.formatTime(c.followedUpAt))" })
        return Output(text: "#\(c.id)  \(stageText(c, s))\n" + fields.render(), json: json(c, s))
    }

    static func json(_ c: Complaint, _ s: Session) -> JSON {
        .object([("id", .int(c.id)), ("order", .string(c.orderID.map(RepairOrder.number))), ("channel", .string(c.channel.code)),
                 ("text", .string(c.text)), ("registered_at", .string(c.registeredAt.iso8601)), ("class", .string(c.classification?.code)),
                 ("assigned_to", .string(c.assignedTo)), ("stage", .string(c.stage.rawValue)),
                 ("verify_by", .string(c.verifyBy.iso8601)), ("reply_by", .string(c.replyBy.iso8601)),
                 ("overdue", .array(c.overdue(at: s.now).map { .string($0) })), ("resolution", .string(c.resolution)),
                 ("satisfied", c.satisfied.map { .bool($0) } ?? .null)])
    }
}
