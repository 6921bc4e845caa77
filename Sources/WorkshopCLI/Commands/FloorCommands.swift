import WorkshopModel
import WorkshopStore

/// The workshop floor: dispatch, hand-over, inspections, progress, completion.
enum FloorCommands {
    static let all = [dispatch, handover, inspect, progress, complete]

    static let dispatch = CommandSpec("dispatch", aliases: ["派工"], group: .floor,
        summary: Phrase("派工：把已签字的单派给班组、技师和工位；再次派给其他班组即分组作业；再次派 bay= 即把车移到该工位",
                        "send a signed order to a work group, technician and bay; again with another group to split it; again with bay= to move the car there"), forms: [
        Form([arg("order", .order)], options: [option("group", .text("班组", "GROUP")), option("tech", .staff), option("bay", .bay),
                                               option("override", .yesNo), option("reason", .text)],
             access: .write, roles: [.manager],
             summary: Phrase("派工（首次须写 group=）；工位被预约占用（至交车时间）或缺少所需设备时拒绝，override=yes reason=… 强制派入并记录在案",
                             "dispatch (group= the first time); a bay a booking holds before the promised time, or without the equipment the work needs, is refused — override=yes reason=… puts the car there anyway, on record"),
             examples: ["dispatch RO12 group=一组 tech=赵师傅 bay=3号工位", "dispatch RO12 group=钣喷组", "dispatch RO12 bay=4号工位",
                        "dispatch RO12 bay=1号工位 override=yes reason=\"A12 改到下午，客户同意\""]) { invocation, s in
            try dispatch(invocation, s)
        },
    ])

    static func dispatch(_ invocation: Invocation, _ s: Session) throws -> Output {
        let record = try s.record(invocation)
        try s.store.sendAheadDispatchReads(record, technician: invocation.value("tech"), bay: invocation.value("bay"), from: s.now,
                                           until: BayRules.expectedUntil(promise: record.order.promisedAt, now: s.now))
        let groups = try s.store.workGroups()
        let group: String
        if let given: String = invocation.value("group") {
            guard groups.contains(given) else { throw FloorRefusal.noSuchGroup(group: given, groups: groups) }
            group = given
        } else if let last = record.assignments.last?.group {
            group = last
        } else {
            throw FloorRefusal.groupNeeded(order: record.order.number, groups: groups)
        }
        var technician: StaffMember?
        if let name: String = invocation.value("tech") {
            let member = try s.store.staff(name, role: .technician)
            guard member.group == group else { throw FloorRefusal.technicianInOtherGroup(name: member.name, group: member.group, dispatched: group) }
            technician = member
        }
        let override: Bool = invocation.value("override") ?? false
        let reason = (invocation.value("reason") as String?).flatMap { $0.isEmpty ? nil : $0 }
        if override && reason == nil { throw BayRefusal.overrideNeedsReason }
        if !override && invocation.has("reason") { throw BayRefusal.reasonWithoutOverride }
        var placement: BayPlacement?
        if let bayName: String = invocation.value("bay") {
            guard let found = try s.store.bay(named: bayName) else {
                throw FloorRefusal.noSuchBay(bay: bayName, bays: try s.store.bays().map(\.name))
            }
            let until = BayRules.expectedUntil(promise: record.order.promisedAt, now: s.now)
            let states = try s.store.bayStates(from: s.now, to: until)
            guard let target = states.first(where: { $0.bay.id == found.id }) else {
                throw FloorRefusal.noSuchBay(bay: bayName, bays: states.map(\.bay.name))
            }
            placement = BayPlacement(target: target, all: states, needs: try s.store.equipmentNeeded(record), override: override ? reason : nil)
        }
        let change = try s.store.apply(try record.dispatch(group: group, technician: technician?.name, bay: placement, by: s.user, at: s.now))
        let order = change.order
        let w = s.wording
        let until = s.formatTime(BayRules.expectedUntil(promise: order.promisedAt, now: s.now))
        var text: String
        switch change.bayMove {
        case .enter(let bay, let leaving?)? where change.action == .orderBayMove:
            text = s.t("\(order.number) 移工位：\(leaving.bay) → \(bay)（\(group)", "\(order.number) moved from \(leaving.bay) to \(bay) (\(group)")
                + (technician.map { " · \($0.name)" } ?? "") + s.t("），预计占用至 \(until)（交车时间）", "), expected there until \(until) (its promised time)")
        case .enter(let bay, let leaving)?:
            text = s.t("\(order.number) 派工：\(group)", "\(order.number) dispatched to \(group)") + (technician.map { " · \($0.name)" } ?? "")
                + " · \(bay)" + (leaving.map { s.t("（由 \($0.bay) 移入）", " (moved from \($0.bay))") } ?? "")
                + s.t("，预计占用至 \(until)（交车时间）", ", expected there until \(until) (its promised time)")
        default:
            text = s.t("\(order.number) 派工：\(group)", "\(order.number) dispatched to \(group)") + (technician.map { " · \($0.name)" } ?? "")
            if let stay = record.bayStay { text += s.t(" · 仍在 \(stay.bay)", " · still in \(stay.bay)") }
        }
        if change.action == .orderDispatchSplit { text += s.t("（分组作业）", " (split across groups)") }
        let holds = change.overriddenHolds, missing = change.overriddenEquipment
        if !holds.isEmpty || !missing.isEmpty {
            let what = holds.map(w.hold) + (missing.isEmpty ? [] : [s.t("缺少", "without ") + w.needs(missing)])
            text += "\n  ! " + s.t("已强制派入（记录在案）：", "overridden, on record: ") + what.joined(separator: s.t("；", "; "))
                + s.t("。原因：", ". Reason: ") + (reason ?? "")
        } else if override {
            text += "\n  " + s.t("（没有需要强制的：override 未使用）", "(nothing to override: override not used)")
        }
        if case .enter? = change.bayMove, let bay = placement?.target.bay, BayRules.shouldRemindEVSafe(record.vehicle, bay: bay),
           !change.overriddenEquipment.contains(where: { $0.equipment.code == KnownEquipment.evSafe.code }) {
            let evBays = (placement?.all ?? []).filter { $0.bay.equipment.contains(KnownEquipment.evSafe.code) }.map(\.bay.name)
            text += "\n  " + s.t("\(record.vehicle.plate) 是新能源车：高压系统的作业须在有新能源高压防护的工位进行（\(w.bays(evBays))）",
                                 "\(record.vehicle.plate) is a new-energy vehicle: work on its high-voltage system belongs in a bay with EV high-voltage safety (\(w.bays(evBays)))")
        }
        if order.category.requiresThreeInspections && !record.passedStages.contains(.pre) {
            text += "\n  " + s.t("\(order.category.chinese)：请先做进厂检验 (inspect \(order.number) pre …)",
                                 "\(order.category.english): the pre-repair inspection comes first (inspect \(order.number) pre …)")
        }
        var fields: [(String, JSON)] = [("order", .string(order.number)), ("group", .string(group)), ("tech", .string(technician?.name))]
        if case .enter(let bay, let leaving)? = change.bayMove {
            fields += [("bay", .string(bay)), ("from_bay", .string(leaving?.bay)),
                       ("until", .string(BayRules.expectedUntil(promise: order.promisedAt, now: s.now).iso8601))]
        } else {
            fields.append(("bay", .string(record.bayStay?.bay)))
        }
        if !holds.isEmpty || !missing.isEmpty {
            fields += [("overridden_holds", .array(holds.map { .string($0.reference) })),
                       ("overridden_equipment", .array(missing.map { .string($0.equipment.code) })), ("reason", .string(reason))]
        }
        return .message(text, fields)
    }

    static let handover = CommandSpec("handover", aliases: ["交车间", "接车签字"], group: .floor,
        summary: Phrase("车间接车人签字，记时间（精确到十分钟）", "the workshop receiver signs for the car, with the time (to ten minutes)"), forms: [
        // The receiver signs for the car: signed in, or giving their own PIN (WORKSHOP_SIGNER_PIN in a script).
        Form([arg("order", .order)], options: [signer("receiver", roles: [.manager, .technician], required: true), option("at", .dateTime)], access: .write,
             roles: [.advisor, .technician, .manager],
             summary: Phrase("车间接车：接车人为车间主管（经理）或技师，本人登录或输入其 PIN 签收", "the workshop takes the car: the receiver, the workshop manager or a technician, signs in or gives their PIN"),
             examples: ["handover RO12 receiver=钱主管", "handover RO12 receiver=钱主管 at=09:40"]) { invocation, s in
            let record = try s.record(invocation)
            let receiver = try s.store.staff(invocation.need("receiver"), role: .manager, orAnyOf: [.technician])
            let change = try s.store.apply(try record.handover(to: receiver, at: invocation.value("at"), now: s.now))
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
                       option("note", .text)], otherOptions: Phrase("检验项目代码=pass|fail|na，测量项目代码=测得值", "CODE=pass|fail|na, or CODE=VALUE for a measured item"),
             access: .write, roles: [.inspector, .manager],
             summary: Phrase("检验结果：逐项写明（brakes=pass），测量项目写测得值（brake-force=72，超出限值即不合格），rest= 为其余各项（测量项目除外）的结果；判合格须每项都有结果，不合格时未写明的项目记为未检",
                             "the result, item by item (brakes=pass), a measured item by its value (brake-force=72; outside its limits it fails), rest= for every other item not named (not measured ones); a pass needs every item's result, a fail records the items not named as not checked"),
             examples: ["inspect RO12 pre pass by=孙检 rest=pass", "inspect RO12 final fail by=孙检 brakes=fail note=\"左前制动拖滞\"",
                        "inspect RO12 final pass by=孙检 lights=pass road-test=na rest=pass",
                        "inspect RO12 final pass by=孙检 brake-force=72 co=0.3 hc=45 rest=pass"]) { invocation, s in
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
        var typed = invocation.otherOptions
        for word in invocation.values("items") as [String] {
            // "=" alone or "=pass" names no item: kept whole, so the refusal says what was typed.
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            typed.append((parts[0].isEmpty ? word : parts[0], parts.count == 2 ? parts[1] : ""))
        }
        var given: [String: InspectionItem] = [:]
        for (key, value) in typed {
            guard let item = checklist.first(where: { $0.code == key.lowercased() || $0.name == key }) else {
                throw FloorRefusal.notOnChecklist(item: key, stage: stage, items: checklist.map { "\($0.code) (\($0.name))" })
            }
            given[item.code] = try item.answer(value)
        }
        // Nothing is 合格 that the inspector did not say: an item not named, without rest=, is not
        // checked; a measured item is given a result by its value only.
        let rest: InspectionResult? = invocation.choice("rest")
        let items = checklist.map { item in given[item.code] ?? item.unnamed(rest: rest) }
        let certificate = stage == .final && result == .pass
            ? try s.store.nextCertificateNumber(year: s.zone.civil(s.now).year, site: order.siteID) : nil
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
        let readings = items.compactMap { item -> String? in
            guard let reading = item.readingText, let quantity = item.quantity else { return nil }
            return s.t("\(item.name) \(reading)（\(quantity.limitText(.zh))）\(item.result.chinese)",
                       "\(item.name) \(reading) (\(quantity.limitText(.en))) \(item.result.english)")
        }
        if !readings.isEmpty { text += "\n  " + s.t("测得：", "measured: ") + s.wording.list(readings) }
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

/// Refusals of the floor's commands about the shop's data: groups, bays, the checklist.
enum FloorRefusal: Refusal {
    static let area = "floor"
    case noSuchGroup(group: String, groups: [String])
    case technicianInOtherGroup(name: String, group: String?, dispatched: String)
    case noSuchBay(bay: String, bays: [String])
    /// The first dispatch of an order names its work group.
    case groupNeeded(order: String, groups: [String])
    case notOnChecklist(item: String, stage: InspectionStage, items: [String])
}
