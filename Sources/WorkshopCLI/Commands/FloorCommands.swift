import WorkshopModel
import WorkshopStore

/// The workshop floor: dispatch, hand-over, inspections, progress, completion.
enum FloorCommands {
    /// Work, dispatch and inspection need a signed order.
    static func ensureSigned(_ order: RepairOrder) throws {
        switch order.status {
        case .estimating:
            throw UserError("\(order.number) is not signed: work, dispatch and inspection need the customer's signature first (approve \(order.number) signed=\"…\")")
        case .declined, .released:
            throw UserError("\(order.number) is \(order.status.english) and closed")
        default: return
        }
    }

    static let dispatchUsage = "dispatch RO group=GROUP [tech=NAME] [bay=BAY]"
    static let dispatch = Command(
        name: "dispatch", aliases: ["派工"], group: .floor,
        summary: "send a signed order to a work group, technician and bay; again with another group to split it",
        usage: [dispatchUsage],
        examples: ["dispatch RO12 group=一组 tech=赵师傅 bay=3号工位", "dispatch RO12 group=钣喷组"],
        access: .write, roles: [.manager]
    ) { invocation, s in
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: dispatchUsage))
        try ensureSigned(order)
        guard order.status == .signed || order.status == .inWork else {
            throw UserError("\(order.number) is \(order.status.english): dispatch is for a signed order or one in work")
        }
        let group = try invocation.requiredOption("group", example: "group=一组")
        let groups = try s.store.workGroups()
        guard groups.contains(group) else {
            throw UserError("there is no work group \(group); groups: \(groups.isEmpty ? "none yet (staff add NAME role=technician group=…)" : groups.joined(separator: ", "))")
        }
        var technician: StaffMember?
        if let name = invocation.option("tech") {
            let member = try s.store.staff(name, role: .technician)
            guard member.group == group else {
                throw UserError("\(member.name) works in group \(member.group ?? "—"), not \(group): dispatch to that group, or name a technician of \(group)")
            }
            technician = member
        }
        var bay: Bay?
        if let bayName = invocation.option("bay") {
            guard let found = try s.store.bay(named: bayName) else {
                throw UserError("there is no bay \(bayName); bays: \(try s.store.bays().map(\.name).joined(separator: ", "))")
            }
            if let holder = try s.store.orderInBay(found), holder != order.id {
                throw UserError("bay \(found.name) holds \(RepairOrder.number(holder)) now: choose a free bay (bay list)")
            }
            bay = found
        }
        try s.store.addAssignment(order, group: group, technician: technician?.name, bay: bay)
        let first = order.status == .signed
        if first {
            order.status = .inWork
            order.startedAt = s.now
        }
        try s.store.saveOrder(order, action: first ? .orderDispatch : .orderDispatchSplit,
                              detail: [("group", .string(group)), ("tech", .string(technician?.name)), ("bay", .string(bay?.name))])
        var text = s.t("\(order.number) 派工：\(group)", "\(order.number) dispatched to \(group)")
        if let technician { text += " · \(technician.name)" }
        if let bay { text += " · \(bay.name)" }
        if !first { text += s.t("（分组作业）", " (split across groups)") }
        let prePassed = try s.store.record(of: order).passedStages.contains(.pre)
        if order.category.requiresThreeInspections && !prePassed {
            text += "\n  " + s.t("\(order.category.chinese)：请先做进厂检验 (inspect \(order.number) pre …)",
                                 "\(order.category.english): the pre-repair inspection comes first (inspect \(order.number) pre …)")
        }
        return .message(text)
    }

    static let handoverUsage = "handover RO receiver=NAME [at=TIME]"
    static let handover = Command(
        name: "handover", aliases: ["交车间", "接车签字"], group: .floor,
        summary: "the workshop receiver signs for the car, with the time (to ten minutes)",
        usage: [handoverUsage],
        examples: ["handover RO12 receiver=钱主管", "handover RO12 receiver=钱主管 at=09:40"],
        access: .write, roles: [.advisor, .technician, .manager]
    ) { invocation, s in
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: handoverUsage))
        try ensureSigned(order)
        let receiverName = try invocation.requiredOption("receiver", example: "receiver=钱主管 — who in the workshop takes the car")
        guard let receiver = try s.store.staff(named: receiverName), receiver.active else {
            throw UserError("\(receiverName) is not on the staff list: the receiver is the workshop manager or a technician (staff list)")
        }
        if let by = order.handoverBy, let at = order.handoverAt {
            throw UserError("\(order.number) was already received by \(by) at \(s.formatTime(at))")
        }
        var at = s.now
        if let text = invocation.option("at") {
            at = try s.parseTime(text, field: "at")
            guard at <= s.now + 600, at >= order.checkedInAt else {
                throw UserError("at=\(text): the hand-over happened between check-in (\(s.formatTime(order.checkedInAt))) and now")
            }
        }
        // The receiver writes the time to ten minutes.
        at = Timestamp(seconds: at.seconds - at.seconds % 600)
        order.handoverBy = receiver.name
        order.handoverAt = at
        try s.store.saveOrder(order, action: .orderHandover, detail: [("receiver", .string(receiver.name)), ("at", .string(at.iso8601))])
        return .message(s.t("\(order.number) 车间接车：\(receiver.name) \(s.formatTime(at))",
                            "\(order.number) received in the workshop by \(receiver.name) at \(s.formatTime(at))"))
    }

    static let inspectUsage = "inspect RO pre|process|final pass|fail by=INSPECTOR [CODE=pass|fail|na]… [note=\"…\"]"
    static let inspect = Command(
        name: "inspect", aliases: ["检验"], group: .floor,
        summary: "record an inspection (进厂/过程/竣工) against its checklist; a passed final issues the completion certificate",
        usage: [inspectUsage],
        examples: ["inspect RO12 pre pass by=孙检", "inspect RO12 final fail by=孙检 brakes=fail note=\"左前制动拖滞\"",
                   "inspect RO12 final pass by=孙检"],
        access: .write, roles: [.inspector, .manager]
    ) { invocation, s in
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: inspectUsage))
        try ensureSigned(order)
        let stage = try InspectionStage.parse(try invocation.required("the stage (pre, process, final)", usage: inspectUsage), field: "stage")
        let result = try InspectionResult.parse(try invocation.required("the result (pass or fail)", usage: inspectUsage), field: "result")
        let inspector = try s.store.staff(try invocation.requiredOption("by", example: "by=孙检 — the inspector who signs"), role: .inspector)
        let note = invocation.option("note")
        let record = try s.store.record(of: order)
        try InspectionRules.ensureCanInspect(stage: stage, status: order.status, category: order.category,
                                             passed: record.passedStages, order: order.number)
        if stage == .final, record.passedStages.contains(.final) {
            throw UserError("\(order.number) has passed its final inspection already (certificate \(record.inspections.last { $0.certificate != nil }?.certificate ?? ""))")
        }
        // Item results: CODE=result options, or NAME=result words for items typed in Chinese.
        let checklist = try s.store.checklistItems(stage: stage)
        var given: [String: InspectionResult] = [:]
        for (code, value) in invocation.allOptions(accepting: checklist.map(\.code)) {
            given[code] = try InspectionResult.parse(value, field: code)
        }
        for word in invocation.rest() {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let item = checklist.first(where: { $0.name == parts[0] || $0.code == parts[0].lowercased() }) else {
                throw UserError("\(word) is not an item of the \(stage.english) checklist; items: \(checklist.map { "\($0.code) (\($0.name))" }.joined(separator: ", "))")
            }
            given[item.code] = try InspectionResult.parse(parts[1], field: item.code)
        }
        let items = checklist.map { item in (code: item.code, name: item.name, result: given[item.code] ?? .pass) }
        try InspectionRules.ensureConsistent(result: result, items: items)
        if result == .fail && !items.contains(where: { $0.result == .fail }) && (note ?? "").isEmpty {
            throw UserError("a failed inspection says what failed: mark the item (e.g. brakes=fail) or add note=\"…\"")
        }
        var certificate: String?
        if stage == .final && result == .pass {
            certificate = try s.store.nextCertificateNumber(year: s.zone.civil(s.now).year)
        }
        _ = try s.store.addInspection(Inspection(id: 0, stage: stage, result: result, inspector: inspector.name, at: s.now,
                                                 note: note, certificate: certificate, items: items), to: order)
        var text = "\(order.number) \(stage.label(s.language))：\(result.label(s.language)) · \(inspector.name)"
        if stage == .final {
            if result == .pass {
                order.status = .ready
                try s.store.saveOrder(order, action: .orderReady, detail: [("certificate", .string(certificate))])
                text += "\n  " + s.t("竣工出厂合格证 No. \(certificate!)；车辆竣工待交车（print \(order.number) certificate）",
                                     "completion certificate No. \(certificate!); the car is ready for hand-back (print \(order.number) certificate)")
            } else {
                order.status = .inWork
                order.completedAt = nil
                try s.store.saveOrder(order, action: .orderRework, detail: [("note", .string(note))])
                let failed = items.filter { $0.result == .fail }.map(\.name)
                text += "\n  " + s.t("返工：车辆退回车间" + (failed.isEmpty ? "" : "（\(failed.joined(separator: "、"))）") + "；完工后再次报竣工 (complete \(order.number))",
                                     "rework: the car goes back to the workshop" + (failed.isEmpty ? "" : " (\(failed.joined(separator: ", ")))") + "; report completion again when done (complete \(order.number))")
            }
        }
        return .message(text, [("certificate", .string(certificate))])
    }

    static let progressUsage = "progress RO PERCENT [note=\"…\"]"
    static let progress = Command(
        name: "progress", aliases: ["进度"], group: .floor,
        summary: "report how far the work is, in percent",
        usage: [progressUsage],
        examples: ["progress RO12 60", "progress RO12 80 note=\"等配件：前刹车盘下午到\""],
        access: .write, roles: [.technician, .manager, .advisor]
    ) { invocation, s in
        let order = try s.store.resolveOrder(try invocation.required("the order", usage: progressUsage))
        try ensureSigned(order)
        guard order.status == .inWork else {
            throw UserError("\(order.number) is \(order.status.english): progress is reported while it is in work")
        }
        let text = try invocation.required("the percentage", usage: progressUsage)
        guard let percent = Int(text.hasSuffix("%") ? String(text.dropLast()) : text), (0...100).contains(percent) else {
            throw UserError("progress \(text): write a whole percentage from 0 to 100, e.g. progress \(order.number) 60")
        }
        try s.store.addProgress(percent, note: invocation.option("note"), to: order)
        var message = s.t("\(order.number) 进度 \(percent)%", "\(order.number) progress \(percent)%")
        if let promised = order.promisedAt, s.now > promised {
            message += "\n  ! " + s.t("已超过交车时间：请通知客户延期原因 (notify \(order.number) reason=…)",
                                      "past the promised time: tell the customer why (notify \(order.number) reason=…)")
        }
        return .message(message)
    }

    static let completeUsage = "complete RO"
    static let complete = Command(
        name: "complete", aliases: ["完工", "竣工"], group: .floor,
        summary: "the work is done: the car waits for the final inspection (or is ready, where none is required)",
        usage: [completeUsage],
        access: .write, roles: [.technician, .manager]
    ) { invocation, s in
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: completeUsage))
        try ensureSigned(order)
        guard order.status == .inWork else {
            throw UserError("\(order.number) is \(order.status.english): only an order in work can be completed")
        }
        let record = try s.store.record(of: order)
        if let pending = record.supplements.first(where: { $0.answer == nil }) {
            throw UserError("added item \(pending.line) of \(order.number) still waits for the customer's answer: record it first (supplement \(order.number) \(pending.line) approve|decline …)")
        }
        if order.category.requiresThreeInspections {
            for stage in [InspectionStage.pre, .process] where !record.passedStages.contains(stage) {
                throw UserError("\(order.number) is \(order.category.chinese): the \(stage.english) (\(stage.chinese)) has not passed, so the work cannot be completed")
            }
        }
        order.completedAt = s.now
        order.status = order.category.requiresThreeInspections ? .completed : .ready
        try s.store.saveOrder(order, action: .orderComplete, detail: [("status", .string(order.status.code))])
        if order.status == .completed {
            return .message(s.t("\(order.number) 完工，待竣工检验 (inspect \(order.number) final pass|fail by=…)",
                                "\(order.number) completed; the final inspection is due (inspect \(order.number) final pass|fail by=…)"))
        }
        return .message(s.t("\(order.number) 完工，竣工待交车（\(order.category.chinese)无需三级检验；如做竣工检验：inspect \(order.number) final …）",
                            "\(order.number) completed and ready for hand-back (\(order.category.english) needs no three inspections; to record a final one: inspect \(order.number) final …)"))
    }
}
