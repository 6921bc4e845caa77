import WorkshopModel
import WorkshopStore

/// Follow-up calls and complaints (跟踪回访, 客户投诉处理程序).
enum AfterSalesCommands {
    static let writers: Set<Role> = [.advisor, .manager]

    static let followup = CommandSpec("followup", aliases: ["回访"], group: .afterSales,
        summary: Phrase("交车后 2 天至 1 周内的跟踪回访；记录每次回访的结果和满意度",
                        "the follow-up calls, due 2 days to 1 week after release; record each call's outcome and satisfaction"), forms: [
        Form([word("list", "ls")], access: .read, summary: Phrase("全部待回访", "every call not yet made"),
             examples: ["followup list"]) { _, s in
            try listFollowUps(dueOnly: false, s)
        },
        Form([word("list", "ls"), word("due", "到期")], access: .read, summary: Phrase("已到回访时间的", "the calls due now"),
             examples: ["followup list due"]) { _, s in
            try listFollowUps(dueOnly: true, s)
        },
        Form([arg("order", .order), word("done", "完成")],
             options: [required("result", .text), required("satisfaction", .satisfaction)], access: .write, roles: writers,
             summary: Phrase("记录回访：结果和满意度（1 很不满意 … 5 很满意）", "record the call: what the customer said and their satisfaction (1 very unhappy … 5 very happy)"),
             examples: ["followup RO12 done result=\"刹车正常，客户满意\" satisfaction=5"]) { invocation, s in
            let order = try s.store.resolveOrder(invocation.need("order"))
            guard var item = try s.store.followUp(orderID: order.id) else { throw AfterSalesRefusal.noFollowUp(order: order.number) }
            if let done = item.doneAt { throw AfterSalesRefusal.followUpRecorded(order: order.number, at: done) }
            let satisfaction: Int = invocation.need("satisfaction")
            item.doneAt = s.now
            item.result = invocation.need("result")
            item.satisfaction = satisfaction
            item.by = s.user
            try s.store.completeFollowUp(item, order: order)
            var message = s.t("\(order.number) 回访已记录：满意度 \(satisfaction)/5", "\(order.number) follow-up recorded: satisfaction \(satisfaction)/5")
            if satisfaction <= 2 {
                message += "\n  ! " + s.t("客户不满意：如属投诉请登记 (complaint add \(order.number) \"…\" channel=phone)",
                                          "the customer is unhappy: if it is a complaint, register it (complaint add \(order.number) \"…\" channel=phone)")
            }
            return .message(message)
        },
        Form([arg("order", .order), word("noanswer", "no-answer", "未接通", "无人接听")], options: [option("note", .text)],
             access: .write, roles: writers,
             summary: Phrase("记一次未接通的回访电话（谁、何时）；回访仍待完成", "log a call no one answered (who, when); the follow-up stays due"),
             examples: ["followup RO12 noanswer", "followup RO12 noanswer note=\"关机\""]) { invocation, s in
            let order = try s.store.resolveOrder(invocation.need("order"))
            guard let item = try s.store.followUp(orderID: order.id) else { throw AfterSalesRefusal.noFollowUp(order: order.number) }
            let call = try item.unansweredCall(by: s.user, at: s.now, note: invocation.value("note"), order: order.number)
            try s.store.addFollowUpCall(call, order: order)
            let attempts = try s.store.followUpCalls(orderID: order.id).count
            let until = s.zone.formatDate(item.dueUntil)
            return .message(s.t("\(order.number) 回访未接通，已记录（第 \(attempts) 次，\(s.user) \(s.formatTime(s.now))）；回访仍待完成，截止 \(until)",
                                "\(order.number): unanswered call logged (attempt \(attempts), \(s.user) at \(s.formatTime(s.now))); the follow-up stays due, until \(until)"),
                            [("order", .string(order.number)), ("attempts", .int(attempts))])
        },
    ])

    static func listFollowUps(dueOnly: Bool, _ s: Session) throws -> Output {
        let items = try s.store.openFollowUps(dueBy: dueOnly ? s.now : nil)
        // Each row: whom to call and that person's own phone; the owner beside it when it is someone else.
        var table = TextTable([s.t("单号", "Order"), s.t("车牌", "Plate"), s.t("回访对象", "Call"), s.t("电话", "Phone"),
                               s.t("车主", "Owner"), s.t("回访时段", "Call between"), s.t("状态", "State"), s.t("未接通", "Unanswered")])
        var rows: [JSON] = []
        for item in items {
            guard let order = try s.store.order(id: item.orderID), let record = try? s.store.record(of: order) else { continue }
            let state = item.isOverdue(at: s.now) ? s.t("已逾期", "overdue") : item.isDue(at: s.now) ? s.t("应回访", "due") : s.t("未到期", "not yet")
            let contact = FollowUp.contact(for: order, owner: record.customer)
            let who = contact.role == .owner ? s.t("车主", "owner") : s.t("送修人", "dropped it off")
            let owner = contact.role == .owner ? "—" : "\(record.customer.name) \(record.customer.phone)"
            // The calls no one answered: how many, the last one when and by whom.
            let calls = try s.store.followUpCalls(orderID: order.id)
            let attempts = calls.last.map { s.t("\(calls.count) 次，最近 \(s.formatTime($0.at)) \($0.by)", "\(calls.count), last \(s.formatTime($0.at)) \($0.by)") } ?? ""
            table.add([order.number, record.vehicle.plate.value, (contact.name ?? "") + s.t("（\(who)）", contact.name == nil ? "(\(who))" : " (\(who))"),
                       contact.phone, owner, "\(s.zone.formatDate(item.dueFrom)) – \(s.zone.formatDate(item.dueUntil))", state, attempts])
            rows.append(.object([("order", .string(order.number)), ("plate", .string(record.vehicle.plate.value)),
                                 ("customer", .string(record.customer.name)), ("phone", .string(record.customer.phone)),
                                 ("call", .object([("name", .string(contact.name)), ("phone", .string(contact.phone)),
                                                   ("as", .string(contact.role.rawValue))])),
                                 ("due_from", .string(item.dueFrom.iso8601)), ("due_until", .string(item.dueUntil.iso8601)),
                                 ("overdue", .bool(item.isOverdue(at: s.now))),
                                 ("unanswered", .array(calls.map { .object([("at", .string($0.at.iso8601)), ("by", .string($0.by)),
                                                                            ("note", .string($0.note))]) }))]))
        }
        return Output(text: items.isEmpty ? s.t("没有待回访", "no follow-up calls waiting") : table.render(),
                      json: .object([("followups", .array(rows))]))
    }

    static let complaint = CommandSpec("complaint", aliases: ["投诉"], group: .afterSales,
        summary: Phrase("登记并跟踪投诉：定性、指派、24 小时内核实、7 日内答复、回访",
                        "register a complaint and track it: classify, assign, verify within 24 h, reply within 7 days, follow up"), forms: [
        Form([word("add", "new"), arg("about", .text("车牌|单号", "PLATE|RO", completion: .order)), textArg("text", .text("投诉内容", "TEXT"))],
             options: [required("channel", .choice(ComplaintChannel.self))], access: .write, roles: writers,
             summary: Phrase("登记投诉（来电、来访、信函、网上）", "register a complaint (phone, visit, letter, online)"),
             examples: ["complaint add 京A12345 \"刹车仍有异响\" channel=phone"]) { invocation, s in
            try add(invocation, s)
        },
        Form([word("list", "ls")], access: .read, summary: Phrase("未结投诉", "the open complaints"), examples: ["complaint list"]) { _, s in
            list(try s.store.siteComplaints(includeClosed: false), s)
        },
        Form([word("list", "ls"), word("all", "全部")], access: .read, summary: Phrase("全部投诉（含已结案）", "every complaint, closed ones too"),
             examples: ["complaint list all"]) { _, s in
            list(try s.store.siteComplaints(includeClosed: true), s)
        },
        Form([arg("complaint", .complaintNumber)], access: .read, summary: Phrase("投诉详情", "the complaint"),
             examples: ["complaint 1"]) { invocation, s in
            show(try complaint(invocation, s), s)
        },
        Form([arg("complaint", .complaintNumber), word("show")], access: .read, summary: Phrase("投诉详情", "the complaint"),
             examples: ["complaint 1 show"]) { invocation, s in
            show(try complaint(invocation, s), s)
        },
        Form([arg("complaint", .complaintNumber), word("classify"), arg("class", .choice(ComplaintClass.self))], options: [handledBy],
             access: .write, roles: writers,
             summary: Phrase("定性：有效、无效或重大（重大投诉由经理处理，此后只有经理可改定性）", "classify: valid, invalid or major (a major one is the manager's, and only a manager reclassifies it)"),
             examples: ["complaint 1 classify valid"]) { invocation, s in
            var c = try open(invocation, s)
            try handler(c, invocation, s)
            let classification: ComplaintClass = invocation.choice("class")!
            if classification == .major, let assigned = c.assignedTo, try s.store.staff(named: assigned)?.has(.manager) != true {
                c.assignedTo = nil
            }
            c.classification = classification
            try s.store.saveComplaint(c, action: .complaintClassify, detail: [("class", .string(classification.code))])
            var text = s.t("投诉 #\(c.id)：\(classification.chinese)", "complaint #\(c.id): \(classification.english)")
            if classification == .major { text += "\n  ! " + s.t("重大投诉须由经理处理：complaint \(c.id) assign 经理姓名", "a major complaint is the manager's: complaint \(c.id) assign MANAGER") }
            if classification == .invalid { text += "\n  " + s.t("无效投诉：礼貌解释原因后以 resolve 记录答复", "invalid: explain politely, then record the answer with resolve") }
            return .message(text)
        },
        Form([arg("complaint", .complaintNumber), word("assign"), textArg("name", .staff)], access: .write, roles: writers,
             summary: Phrase("指派处理人（重大投诉须为经理）", "name who handles it (a manager for a major one)"),
             examples: ["complaint 1 assign 钱主管"]) { invocation, s in
            var c = try open(invocation, s)
            let name: String = invocation.need("name")
            let member = c.classification == .major ? try s.store.staff(name, role: .manager)
                : try s.store.staff(name, role: .advisor, orAnyOf: [.manager, .inspector])
            c.assignedTo = member.name
            try s.store.saveComplaint(c, action: .complaintAssign, detail: [("to", .string(member.name))])
            return .message(s.t("投诉 #\(c.id) 由 \(member.name) 处理", "complaint #\(c.id) assigned to \(member.name)"))
        },
        Form([arg("complaint", .complaintNumber), word("verify", "核实"), textArg("found", .text("核实情况", "WHAT WAS FOUND"))],
             options: [handledBy], access: .write, roles: writers,
             summary: Phrase("记录核实情况（登记后 24 小时内；重大投诉由经理核实）", "record what was found (within 24 hours; a manager's for a major one)"),
             examples: ["complaint 1 verify \"试车确认左前刹车片安装不到位\"", "complaint 1 verify \"高峰期工位不足\" by=钱主管"]) { invocation, s in
            var c = try open(invocation, s)
            try handler(c, invocation, s)
            guard c.classification != nil else { throw AfterSalesRefusal.notClassified(complaint: c.id) }
            let text: String = invocation.need("found")
            c.verifiedAt = s.now
            c.verification = text
            try s.store.saveComplaint(c, action: .complaintVerify, detail: [("found", .string(text))])
            let late = s.now > c.verifyBy
            return .message(s.t("投诉 #\(c.id) 已核实" + (late ? "（超过24小时期限）" : ""), "complaint #\(c.id) verified" + (late ? " (after the 24-hour deadline)" : "")))
        },
        Form([arg("complaint", .complaintNumber), word("resolve", "reply", "答复"), textArg("answer", .text("答复内容", "ANSWER"))],
             options: [handledBy], access: .write, roles: writers,
             summary: Phrase("记录给客户的答复（登记后 7 日内；重大投诉由经理答复）", "record the answer given to the customer (within 7 days; a manager's for a major one)"),
             examples: ["complaint 1 resolve \"免费返修，已重新安装\""]) { invocation, s in
            var c = try open(invocation, s)
            guard let classification = c.classification else { throw AfterSalesRefusal.notClassified(complaint: c.id) }
            let text: String = invocation.need("answer")
            // Whoever answers signs for it: the person signed in, or by= confirmed with their PIN.
            let resolver = try s.store.staff((invocation.value("by") as String?) ?? s.user, role: classification == .major ? .manager : .advisor,
                                             orAnyOf: classification == .major ? [] : Role.allCases).name
            try handler(c, invocation, s)
            if classification != .invalid && c.verifiedAt == nil { throw AfterSalesRefusal.notVerified(complaint: c.id) }
            c.resolvedAt = s.now
            c.resolution = text
            c.resolvedBy = resolver
            try s.store.saveComplaint(c, action: .complaintResolve, detail: [("answer", .string(text)), ("by", .string(resolver))])
            let late = s.now > c.replyBy
            return .message(s.t("投诉 #\(c.id) 已答复客户" + (late ? "（超过7日期限）" : "") + (classification == .invalid ? "，已结案" : "；请回访：complaint \(c.id) followup …"),
                                "complaint #\(c.id) answered" + (late ? " (after the 7-day deadline)" : "") + (classification == .invalid ? "; closed" : "; follow up: complaint \(c.id) followup …")))
        },
        Form([arg("complaint", .complaintNumber), word("followup", "回访")], options: [required("result", .text), required("satisfied", .yesNo), handledBy],
             access: .write, roles: writers,
             summary: Phrase("回访答复结果：满意则结案，不满意则重新打开（重大投诉由经理结案）", "follow up the answer: satisfied closes it, unhappy reopens it (a manager's for a major one)"),
             examples: ["complaint 1 followup result=\"异响消除\" satisfied=yes"]) { invocation, s in
            var c = try open(invocation, s)
            try handler(c, invocation, s)
            guard c.resolvedAt != nil else { throw AfterSalesRefusal.notAnswered(complaint: c.id) }
            let result: String = invocation.need("result")
            let satisfied: Bool = invocation.need("satisfied")
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
        },
    ])

    /// Who acts on a complaint for the shop, when not the person signed in (confirmed with their PIN).
    static let handledBy = signer("by", roles: Set(Role.allCases))

    /// Whoever acts on the complaint — `by=` or the person signed in — may: a major one is its manager's.
    @discardableResult
    static func handler(_ c: Complaint, _ invocation: Invocation, _ s: Session) throws -> StaffMember {
        let name = (invocation.value("by") as String?) ?? s.user
        guard let member = try s.store.staff(named: name) else { throw PeopleRefusal.notOnStaff(name: name) }
        let assignee = try c.assignedTo.flatMap { try s.store.staff(named: $0) }
        try c.mayBeHandled(by: member, assignee: assignee)
        return member
    }

    /// The complaint the invocation names.
    static func complaint(_ invocation: Invocation, _ s: Session) throws -> Complaint {
        let number: Int = invocation.need("complaint")
        guard let c = try s.store.complaint(id: number) else { throw AfterSalesRefusal.noComplaint(number: number) }
        return c
    }

    /// The complaint the invocation names, still open to a next step, and this site's to take.
    static func open(_ invocation: Invocation, _ s: Session) throws -> Complaint {
        let c = try complaint(invocation, s)
        try SiteWork.mayHandle(complaint: c.id, at: c.siteID, from: s.store.siteID) { try s.store.site(id: $0).name }
        guard !c.isClosed else { throw AfterSalesRefusal.complaintClosed(complaint: c.id) }
        return c
    }

    static func add(_ invocation: Invocation, _ s: Session) throws -> Output {
        let reference: String = invocation.need("about")
        var vehicleID: Int?
        var orderID: Int?
        if RepairOrder.id(fromNumber: reference) != nil {
            let order = try s.store.resolveOrder(reference)
            orderID = order.id
            vehicleID = order.vehicleID
        } else {
            vehicleID = try s.store.resolveVehicle(reference).id
        }
        let channel: ComplaintChannel = invocation.choice("channel")!
        let saved = try s.store.addComplaint(Complaint(id: 0, vehicleID: vehicleID, orderID: orderID, channel: channel, text: invocation.need("text"),
                                                       registeredAt: s.now, registeredBy: s.user))
        return .message(s.t("已登记投诉 #\(saved.id)：核实期限 \(s.formatTime(saved.verifyBy))，答复期限 \(s.formatTime(saved.replyBy))",
                            "complaint #\(saved.id) registered: verify by \(s.formatTime(saved.verifyBy)), reply by \(s.formatTime(saved.replyBy))"),
                        [("complaint", .int(saved.id))])
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
