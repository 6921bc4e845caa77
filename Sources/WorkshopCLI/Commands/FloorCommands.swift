import WorkshopModel
import WorkshopStore

/// The workshop floor: dispatch, hand-over, inspections, progress, completion.
enum FloorCommands {
    static let all = [dispatch, handover, inspect, progress, complete]

    static let dispatch = CommandSpec("dispatch", aliases: ["派工"], group: .floor,
        summary: Phrase("派工：把已签字的单派给班组、技师和工位；再次派给其他班组即分组作业", "send a signed order to a work group, technician and bay; again with another group to split it"), forms: [
        Form([arg("order", .order)], options: [required("group", .text("班组", "GROUP")), option("tech", .staff), option("bay", .bay)],
             access: .write, roles: [.manager], summary: Phrase("派工", "dispatch"),
             examples: ["dispatch RO12 group=一组 tech=赵师傅 bay=3号工位", "dispatch RO12 group=钣喷组"]) { invocation, s in
            let record = try s.record(invocation)
            let group: String = invocation.need("group")
            let groups = try s.store.workGroups()
            guard groups.contains(group) else { throw FloorRefusal.noSuchGroup(group: group, groups: groups) }
            var technician: StaffMember?
            if let name: String = invocation.value("tech") {
                let member = try s.store.staff(name, role: .technician)
                guard member.group == group else { throw FloorRefusal.technicianInOtherGroup(name: member.name, group: member.group, dispatched: group) }
                technician = member
            }
            var bay: Bay?
            if let bayName: String = invocation.value("bay") {
                guard let found = try s.store.bay(named: bayName) else {
                    throw FloorRefusal.noSuchBay(bay: bayName, bays: try s.store.bays().map(\.name))
                }
                if let holder = try s.store.orderInBay(found), holder != record.order.id {
                    throw FloorRefusal.bayTaken(bay: found.name, order: RepairOrder.number(holder))
                }
                bay = found
            }
            let change = try s.store.apply(try record.dispatch(group: group, technician: technician?.name, bay: bay?.name, by: s.user, at: s.now))
            let order = change.order
            var text = s.t("\(order.number) 派工：\(group)", "\(order.number) dispatched to \(group)")
            if let technician { text += " · \(technician.name)" }
            if let bay { text += " · \(bay.name)" }
            if change.action == .orderDispatchSplit { text += s.t("（分组作业）", " (split across groups)") }
            if order.category.requiresThreeInspections && !record.passedStages.contains(.pre) {
                text += "\n  " + s.t("\(order.category.chinese)：请先做进厂检验 (inspect \(order.number) pre …)",
                                     "\(order.category.english): the pre-repair inspection comes first (inspect \(order.number) pre …)")
            }
            return .message(text)
        },
    ])

    static let handover = CommandSpec("handover", aliases: ["交车间", "接车签字"], group: .floor,
        summary: Phrase("车间接车人签字，记时间（精确到十分钟）", "the workshop receiver signs for the car, with the time (to ten minutes)"), forms: [
        Form([arg("order", .order)], options: [required("receiver", .staff), option("at", .dateTime)], access: .write,
             roles: [.advisor, .technician, .manager], summary: Phrase("车间接车", "the workshop takes the car"),
             examples: ["handover RO12 receiver=钱主管", "handover RO12 receiver=钱主管 at=09:40"]) { invocation, s in
            let record = try s.record(invocation)
            let name: String = invocation.need("receiver")
            guard let receiver = try s.store.staff(named: name), receiver.active else { throw FloorRefusal.receiverNotStaff(name: name) }
            let change = try s.store.apply(try record.handover(to: receiver.name, at: invocation.value("at"), now: s.now))
            let order = change.order
            return .message(s.t("\(order.number) 车间接车：\(receiver.name) \(s.formatTime(order.handoverAt))",
                                "\(order.number) received in the workshop by \(receiver.name) at \(s.formatTime(order.handoverAt))"))
        },
    ])

    static let inspect = CommandSpec("inspect", aliases: ["检验"], group: .floor,
        summary: Phrase("记录检验（进厂/过程/竣工），逐项对照检验项目；竣工检验合格即出具合格证", "record an inspection (进厂/过程/竣工) against its checklist; a passed final issues the completion certificate"), forms: [
        Form([arg("order", .order), arg("stage", .choice(InspectionStage.self)), arg("result", .choice(of: [InspectionResult.pass, .fail])),
              optionalListArg("items", .text("项目=结果", "ITEM=RESULT"))],
             options: [signer("by", roles: [.inspector], required: true), option("rest", .choice(of: [InspectionResult.pass, .fail, .notApplicable])),
                       option("note", .text)], otherOptions: Phrase("检验项目代码=pass|fail|na", "CODE=pass|fail|na"),
             access: .write, roles: [.inspector, .manager],
             summary: Phrase("检验结果：逐项写明（brakes=pass），rest= 为其余各项的结果；判合格须每项都有结果，不合格时未写明的项目记为未检",
                             "the result, item by item (brakes=pass), rest= for every item not named; a pass needs every item's result, a fail records the items not named as not checked"),
             examples: ["inspect RO12 pre pass by=孙检 rest=pass", "inspect RO12 final fail by=孙检 brakes=fail note=\"左前制动拖滞\"",
                        "inspect RO12 final pass by=孙检 lights=pass road-test=na rest=pass"]) { invocation, s in
            try recordInspection(invocation, s)
        },
    ])

    static func recordInspection(_ invocation: Invocation, _ s: Session) throws -> Output {
        let record = try s.record(invocation)
        let order = record.order
        let stage: InspectionStage = invocation.choice("stage")!
        let result: InspectionResult = invocation.choice("result")!
        let inspector = try s.store.staff(invocation.need("by"), role: .inspector)
        let note: String? = invocation.value("note")
        // Item results: CODE=result options, or NAME=result typed in Chinese (a word, not an option).
        let checklist = try s.store.checklistItems(stage: stage)
        var given: [String: InspectionResult] = [:]
        var typed = invocation.otherOptions
        for word in invocation.values("items") as [String] {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            typed.append((parts[0], parts.count == 2 ? parts[1] : ""))
        }
        for (key, value) in typed {
            guard let item = checklist.first(where: { $0.code == key.lowercased() || $0.name == key }) else {
                throw FloorRefusal.notOnChecklist(item: key, stage: stage, items: checklist.map { "\($0.code) (\($0.name))" })
            }
            given[item.code] = try InspectionResult.parse(value, field: item.code)
        }
        // Nothing is 合格 that the inspector did not say: an item not named, without rest=, is not checked.
        let rest: InspectionResult? = invocation.choice("rest")
        let items = checklist.map { item in (code: item.code, name: item.name, result: given[item.code] ?? rest ?? .notChecked) }
        let certificate = stage == .final && result == .pass ? try s.store.nextCertificateNumber(year: s.zone.civil(s.now).year) : nil
        try s.store.apply(try record.inspect(stage, result, inspector: inspector.name, items: items, note: note,
                                             certificate: certificate, at: s.now))
        var text = "\(order.number) \(stage.label(s.language))：\(result.label(s.language)) · \(inspector.name)"
        if stage == .final {
            if let certificate {
                text += "\n  " + s.t("竣工出厂合格证 No. \(certificate)；车辆竣工待交车（print \(order.number) certificate）",
                                     "completion certificate No. \(certificate); the car is ready for hand-back (print \(order.number) certificate)")
            } else {
                let failed = items.filter { $0.result == .fail }.map(\.name)
                text += "\n  " + s.t("返工：车辆退回车间" + (failed.isEmpty ? "" : "（\(failed.joined(separator: "、"))）") + "；完工后再次报竣工 (complete \(order.number))",
                                     "rework: the car goes back to the workshop" + (failed.isEmpty ? "" : " (\(failed.joined(separator: ", ")))") + "; report completion again when done (complete \(order.number))")
            }
        }
        let unchecked = items.filter { $0.result == .notChecked }.map(\.name)
        if !unchecked.isEmpty {
            text += "\n  " + s.t("未检（记为未检，不是合格）：\(unchecked.joined(separator: "、"))",
                                 "not checked (recorded so, not as passed): \(unchecked.joined(separator: ", "))")
        }
        return .message(text, [("certificate", .string(certificate))])
    }

    static let progress = CommandSpec("progress", aliases: ["进度"], group: .floor,
        summary: Phrase("报告维修进度（百分比）", "report how far the work is, in percent"), forms: [
        Form([arg("order", .order), arg("percent", ValueType.integer("百分比", "PERCENT", 0...100))], options: [option("note", .text)],
             access: .write, roles: [.technician, .manager, .advisor], summary: Phrase("进度", "progress"),
             examples: ["progress RO12 60", "progress RO12 80 note=\"等配件：前刹车盘下午到\""]) { invocation, s in
            let record = try s.record(invocation)
            let percent: Int = invocation.need("percent")
            try s.store.apply(try record.reportProgress(percent, note: invocation.value("note"), by: s.user, at: s.now))
            let order = record.order
            var message = s.t("\(order.number) 进度 \(percent)%", "\(order.number) progress \(percent)%")
            if let promised = order.promisedAt, s.now > promised {
                message += "\n  ! " + s.t("已超过交车时间：请通知客户延期原因 (notify \(order.number) kind=delay reason=…)",
                                          "past the promised time: tell the customer why (notify \(order.number) kind=delay reason=…)")
            }
            return .message(message)
        },
    ])

    static let complete = CommandSpec("complete", aliases: ["完工", "竣工"], group: .floor,
        summary: Phrase("完工：待竣工检验（不需要检验的类别则直接待交车）", "the work is done: the car waits for the final inspection (or is ready, where none is required)"), forms: [
        Form([arg("order", .order)], access: .write, roles: [.technician, .manager], summary: Phrase("报完工", "report completion"),
             examples: ["complete RO12"]) { invocation, s in
            let record = try s.record(invocation)
            let order = try s.store.apply(try record.complete(at: s.now)).order
            if order.status == .completed {
                if record.finalInspection == .failed && !order.category.requiresThreeInspections {
                    return .message(s.t("\(order.number) 完工；上次竣工检验不合格，须再次竣工检验合格方可交车 (inspect \(order.number) final pass|fail by=…)",
                                        "\(order.number) completed; its last final inspection failed, so it needs a passed one before hand-back (inspect \(order.number) final pass|fail by=…)"))
                }
                return .message(s.t("\(order.number) 完工，待竣工检验 (inspect \(order.number) final pass|fail by=…)",
                                    "\(order.number) completed; the final inspection is due (inspect \(order.number) final pass|fail by=…)"))
            }
            return .message(s.t("\(order.number) 完工，竣工待交车（\(order.category.chinese)无需三级检验；如做竣工检验：inspect \(order.number) final …）",
                                "\(order.number) completed and ready for hand-back (\(order.category.english) needs no three inspections; to record a final one: inspect \(order.number) final …)"))
        },
    ])
}

/// Refusals of the floor's commands about the shop's data: groups, bays, the checklist, the receiver.
enum FloorRefusal: Refusal {
    static let area = "floor"
    case noSuchGroup(group: String, groups: [String])
    case technicianInOtherGroup(name: String, group: String?, dispatched: String)
    case noSuchBay(bay: String, bays: [String])
    case bayTaken(bay: String, order: String)
    case receiverNotStaff(name: String)
    case notOnChecklist(item: String, stage: InspectionStage, items: [String])
}
