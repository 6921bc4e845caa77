import WorkshopModel
import WorkshopStore

/// `ro`: show, list and correct repair orders; `reopen` a signed one.
enum OrderCommands {
    static let all = [command, reopen, void]

    static let command = CommandSpec("ro", aliases: ["order", "维修单"], group: .order,
        summary: Phrase("查看维修单（进厂维修单）、列出维修单、更正接车信息", "show a repair order (进厂维修单), list orders, correct check-in facts"), forms: [
        Form([word("show", "查看"), arg("order", .order)], access: .read,
             summary: Phrase("一张维修单的全部内容", "everything about one order"), examples: ["ro show RO12", "ro show 京A12345"]) { invocation, s in
            try OrderView.render(try s.recordToShow(invocation), session: s)
        },
        Form([word("list", "ls", "列表")], options: [option("status", .choice(OrderStatus.self))], access: .read,
             summary: Phrase("在修的单（及尚未交车、仍欠费或留有钥匙、物品的拒修单），或某一状态的单",
                             "the open orders (and declined ones not yet released that still owe a fee or hold a key or belongings), or those of one status"),
             examples: ["ro list", "ro list status=signed"]) { invocation, s in
            list(try s.store.listOrders(status: invocation.choice("status")), s)
        },
        Form([word("set", "edit"), arg("order", .order)], options: [
            option("complaint", .text), option("category", .choice(RepairCategory.self)), option("payer", .choice(Payer.self)),
            option("by", .name), option("phone", .text("电话", "PHONE")), option("fuel", .choice(FuelLevel.self)),
            option("odometer", .odometer), option("confirm-odometer", .yesNo), option("rework", .text("单号/项号", "RO/LINE")),
            option("cause", .text),
            option("battery", CheckinCommands.battery, aliases: ["电量"]), option("billto", .text("客户号|电话|owner", "C…|PHONE|owner"), aliases: ["付款方"]),
            signer("authorized", roles: [.manager]),
        ], access: .write, roles: [.advisor, .manager],
        summary: Phrase("更正接车信息（里程只能在签字前更正）；rework= cause= 把误作普通单的返修关联到原单原项（留有记录）；billto= 改由他人付款（billto=owner 恢复为车主）",
                        "correct check-in facts (the odometer only before signing); rework= cause= links a comeback opened as an ordinary order to the original order and line (recorded); billto= bills someone else (billto=owner: the owner again)"),
        examples: ["ro set RO12 category=level2", "ro set RO12 by=王小强 phone=13500001111", "ro set RO12 billto=C3", "ro set RO12 battery=65",
                   "ro set RO12 rework=RO3/1 cause=\"刹车片安装不到位\""]) { invocation, s in
            var record = try s.record(invocation)
            let phone = try (invocation.value("phone") as String?).map { $0.isEmpty ? "" : try Phone.normalize($0) }
            let facts = ReceptionFacts(complaint: invocation.value("complaint"), category: invocation.choice("category"),
                                       payer: invocation.choice("payer"), droppedBy: invocation.value("by"), droppedPhone: phone,
                                       fuel: invocation.choice("fuel"), odometer: invocation.value("odometer"),
                                       confirmOdometer: invocation.value("confirm-odometer") ?? false, battery: invocation.value("battery"),
                                       billTo: try (invocation.value("billto") as String?).map { reference -> BillTo in
                                           ["owner", "车主"].contains(reference.lowercased()) ? .owner : .customer(try s.store.resolveCustomer(reference))
                                       })
            let reference: String? = invocation.value("rework")
            if reference == nil && invocation.has("cause") { throw OrderRefusal.causeWithoutRework }
            var text: [String] = []
            if reference == nil || !facts.isEmpty {
                // The reading that stood before this order's check-in, as corrections on record left it.
                let history = facts.odometer == nil ? nil : try s.store.odometerHistory(vehicleID: record.order.vehicleID)
                let before = history?.standing(at: record.order.checkedInAt, excluding: record.order.id)
                // …and a correction made on record since, which this does not undo.
                let correctedSince = history?.readings.last { $0.source == .correction && $0.at > record.order.checkedInAt }
                let manager = try s.authorizingManager(invocation)      // a lower category
                let change = try s.store.apply(try record.correct(facts, odometerBefore: before, correctedSince: correctedSince,
                                                                  catalogue: try s.store.laborCategories(),
                                                                  authorizedBy: manager,
                                                                  payments: try s.store.payments(orderID: record.order.id)))
                if let reading = facts.odometer {
                    try s.store.setOdometer(vehicleID: record.order.vehicleID, reading: reading, was: record.order.odometerIn)
                }
                text.append(s.t("\(change.order.number) 已更新：", "\(change.order.number) updated: ") + changes(from: record.order, to: change.order, s))
                record = try s.store.record(of: change.order)
            }
            if let reference {
                text.append(try linkComeback(reference, cause: invocation.value("cause"), record, s))
            }
            return .message(text.joined(separator: "\n  "), [("order", .string(record.order.number))])
        },
        Form([word("cover", "抵扣"), arg("order", .order), arg("line", .line)], options: [required("card", CardCommands.cardNumber)],
             access: .write, roles: CardCoverCommands.roles,
             summary: Phrase("用客户的次卡或套餐卡抵扣一项工时（该项不再收费，交车时从卡上扣一次）", "a member's count card or package covers a labour line (off the bill; one use is taken from the card at release)"),
             examples: ["ro cover RO12 2 card=K5"]) { invocation, s in
            try CardCoverCommands.cover(invocation, s)
        },
        Form([word("uncover", "取消抵扣"), arg("order", .order), arg("line", .line)], access: .write, roles: CardCoverCommands.roles,
             summary: Phrase("取消一项的次卡抵扣（交车前）：该项重新收费，卡上占用的次数放回", "take a card's cover off a line (before release): the line is charged again, the card's held use free"),
             examples: ["ro uncover RO12 2"]) { invocation, s in
            try CardCoverCommands.uncover(invocation, s)
        },
    ])

    /// What `ro set` changed, each as was → now: "类别 小修 → 二级维护；送修人 — → 王小强".
    static func changes(from was: RepairOrder, to now: RepairOrder, _ s: Session) -> String {
        var parts: [String] = []
        func note(_ label: Phrase, _ before: String?, _ after: String?) {
            guard before != after else { return }
            parts.append("\(s.t(label.chinese, label.english)) \(before ?? "—") → \(after ?? "—")")
        }
        note(Phrase("故障描述", "complaint"), was.complaint, now.complaint)
        note(Phrase("类别", "category"), was.category.label(s.language), now.category.label(s.language))
        note(Phrase("付款方", "payer"), was.payer.label(s.language), now.payer.label(s.language))
        note(Phrase("送修人", "dropped off by"), was.droppedBy, now.droppedBy)
        note(Phrase("电话", "phone"), was.droppedPhone, now.droppedPhone)
        note(Phrase("油量", "fuel"), was.fuel?.label(s.language), now.fuel?.label(s.language))
        note(Phrase("电量", "battery"), was.battery.map { "\($0)%" }, now.battery.map { "\($0)%" })
        note(Phrase("进厂里程", "odometer"), "\(was.odometerIn) km", "\(now.odometerIn) km")
        note(Phrase("付款客户", "billed to"), was.billTo.map { "C\($0)" } ?? s.t("车主", "owner"), now.billTo.map { "C\($0)" } ?? s.t("车主", "owner"))
        return parts.isEmpty ? s.t("无变化", "nothing changed") : parts.joined(separator: s.t("；", "; "))
    }

    /// Links a comeback recognised after check-in, checked as at check-in: this vehicle's released
    /// order, its line under warranty on the day and at the odometer the car came in with.
    static func linkComeback(_ reference: String, cause: String?, _ record: OrderRecord, _ s: Session) throws -> String {
        let order = record.order
        let cameIn = s.zone.formatDate(order.checkedInAt)
        let covered = try s.store.warrantyCoverage(vehicle: record.vehicle, coveringDay: cameIn, odometer: order.odometerIn)
        let original = try s.store.order(id: Comeback.reference(reference).order)
        let comeback = try Comeback.link(reference, cause: cause, vehicle: record.vehicle, original: original, covered: covered)
        try s.store.apply(try record.linkComeback(comeback))
        let linked = RepairOrder.number(comeback.order) + (comeback.line.map { "/\($0)" } ?? "")
        var text = s.t("\(order.number) 已关联为 \(linked) 的质保期内返修，原因：\(comeback.cause)",
                       "\(order.number) linked as a warranty comeback of \(linked), cause: \(comeback.cause)")
        let chargeable = record.visibleLines.filter { !$0.covered }.map(\.number)
        if order.status == .estimating {
            if !chargeable.isEmpty {
                text += "\n  ! " + s.t("关联前写的项目仍为收费项目（第 \(chargeable.map(String.init).joined(separator: ", ")) 项）；属保修的请标出：estimate \(order.number) change 项号 covered=yes",
                                      "lines written before the link stay chargeable (\(chargeable.map(String.init).joined(separator: ", "))); mark the warranty work: estimate \(order.number) change LINE covered=yes")
            }
            text += "\n  " + s.t("此后新增项目默认为保修项目（不收费）；客户另要求的项目加 covered=no",
                                 "lines added from now on are warranty work (free) unless covered=no says the customer pays")
        } else {
            text += "\n  ! " + s.t("此单已签字，项目按签字时的内容结算；如保修项目须免费，请重开后标出 (reopen \(order.number) reason=…)",
                                  "this order is signed: it is charged as signed; to make warranty work free, reopen it and mark those lines (reopen \(order.number) reason=…)")
        }
        return text
    }

    static let void = CommandSpec("void", aliases: ["作废"], group: .order,
        summary: Phrase("作废误开的维修单（保留记录，不删除）：不再出现在看板、在修列表和报表中，钥匙挂钩和车辆随即空出",
                        "void an order opened by mistake (kept on record, never deleted): it leaves the board, the list of orders in the shop and every report; its key tag and the vehicle are free again"), forms: [
        Form([arg("order", .order)], options: [required("reason", .text)], access: .write, roles: [.advisor, .manager],
             summary: Phrase("作废（记录原因）；只限未签字、未收款、未出库配件的单",
                             "void it (the reason is recorded); only an unsigned order with no payment and no part issued"),
             examples: ["void RO12 reason=\"车牌选错，应为 RO13\""]) { invocation, s in
            let record = try s.record(invocation)
            let order = record.order
            let paid = try s.store.payments(orderID: order.id).reduce(Money.zero) { $0 + $1.amount }
            let change = try s.store.apply(try record.void(reason: invocation.need("reason"), paid: paid,
                                                           issuedLines: try s.store.issuedLines(orderID: order.id), at: s.now))
            var text = s.t("\(order.number) 已作废（\(record.vehicle.plate)），原因已记录；不再计入看板、在修列表和报表",
                           "\(order.number) is void (\(record.vehicle.plate)), the reason recorded; it is out of the board, the order list and the reports")
            if let tag = order.keyTag { text += "\n  " + s.t("钥匙挂钩 \(tag) 已空出", "key hook \(tag) is free again") }
            // The check-in raised the car's last reading; a mistaken one is corrected on record, never silently.
            let earlier = try s.store.previousOdometer(vehicleID: order.vehicleID, before: order.id)
            if record.vehicle.odometer == order.odometerIn && order.odometerIn > earlier {
                text += "\n  ! " + s.t("此单接车时记录的 \(order.odometerIn) km 仍是 \(record.vehicle.plate) 的最近里程；如不是这辆车的读数，请更正：vehicle odometer \(record.vehicle.plate) 公里数 reason=\"…\"",
                                      "the \(order.odometerIn) km recorded at its check-in is still \(record.vehicle.plate)'s last reading; if it was not this car's, correct it: vehicle odometer \(record.vehicle.plate) KM reason=\"…\"")
            }
            let items = record.belongings.filter { $0.returnedAt == nil }.map(\.name)
            if !items.isEmpty {
                text += "\n  ! " + s.t("此单登记的随车物品：\(items.joined(separator: "、"))，请核对归属（如属另一张单，在那张单上登记）",
                                      "belongings recorded on it: \(items.joined(separator: ", ")) — check whose they are (record them on the right order)")
            }
            return .message(text, [("order", .string(change.order.number)), ("status", .string(change.order.status.code))])
        },
    ])

    /// What a declined order not yet released still holds, for programs.
    static func heldJSON(_ held: HeldUntilRelease) -> JSON {
        .object([("fee_due", .money(held.feeDue)), ("key_tag", .string(held.keyTag)),
                 ("belongings", .array(held.belongings.map { .string($0) }))])
    }

    /// "检测费 50.00 未付 · 钥匙在 K07 挂钩 · 随车物品 备胎" / "fee 50.00 due · key on hook K07 · belongings 备胎"
    /// `compact`, for a list's narrow column: "欠费 50.00 · 钥匙 K07 · 物品 1" / "fee 50.00 · key K07 · items 1".
    static func heldText(_ held: HeldUntilRelease, _ s: Session, compact: Bool = false) -> String {
        var parts: [String] = []
        if compact {
            if held.feeDue.fen > 0 { parts.append(s.t("欠费 \(held.feeDue.grouped)", "fee \(held.feeDue.grouped)")) }
            if let tag = held.keyTag { parts.append(s.t("钥匙 \(tag)", "key \(tag)")) }
            if !held.belongings.isEmpty { parts.append(s.t("物品 \(held.belongings.count)", "items \(held.belongings.count)")) }
            return parts.joined(separator: " · ")
        }
        if held.feeDue.fen > 0 { parts.append(s.t("检测费 \(held.feeDue.grouped) 未付", "fee \(held.feeDue.grouped) due")) }
        if let tag = held.keyTag { parts.append(s.t("钥匙在 \(tag) 挂钩", "key on hook \(tag)")) }
        if !held.belongings.isEmpty {
            parts.append(s.t("随车物品 \(held.belongings.joined(separator: "、"))", "belongings \(held.belongings.joined(separator: ", "))"))
        }
        return parts.joined(separator: " · ")
    }

    static func list(_ orders: [OrderSummary], _ s: Session) -> Output {
        // Added work still waiting for the customer's answer is never inside the signed amount: its own column.
        let awaiting = orders.contains { $0.awaitingAnswer.fen > 0 }
        var headers = [s.t("单号", "Order"), s.t("车牌", "Plate"), s.t("状态", "Status"), s.t("进厂", "Checked in"),
                       s.t("交车", "Promised"), s.t("金额", "Amount")]
        if awaiting { headers.append(s.t("追加待答复", "Added, unanswered")) }
        var table = TextTable(headers + [s.t("故障描述", "Complaint")], rightAligned: awaiting ? [5, 6] : [5])
        table.maximumWidth = 30
        for o in orders {
            var row = [o.number, o.plate, o.status.label(s.language), s.formatTime(o.checkedInAt), s.formatTime(o.promisedAt),
                       o.total.grouped]
            if awaiting { row.append(o.awaitingAnswer.fen > 0 ? o.awaitingAnswer.grouped : "") }
            table.add(row + [o.held.map { heldText($0, s, compact: true) + " · " + o.complaint } ?? o.complaint])
        }
        return Output(text: orders.isEmpty ? s.t("(没有维修单)", "(no orders)") : table.render(),
                      json: .object([("orders", .array(orders.map(VehicleFileView.summaryJSON)))]))
    }

    static let reopen = CommandSpec("reopen", aliases: ["重开"], group: .estimate,
        summary: Phrase("重新打开已签字的单以修改报价；客户须重新签字", "reopen a signed order to change its estimate; the customer signs again"), forms: [
        Form([arg("order", .order)], options: [required("reason", .text)], access: .write, roles: [.advisor, .manager],
             summary: Phrase("重开（记录原因）", "reopen (the reason is recorded)"),
             examples: ["reopen RO12 reason=\"客户要求改用原厂件\""]) { invocation, s in
            let record = try s.record(invocation)
            let paid = try s.store.payments(orderID: record.order.id).reduce(Money.zero) { $0 + $1.amount }
            try s.store.apply(try record.reopen(reason: invocation.need("reason"), paid: paid))
            let signedBy = record.order.signedBy ?? ""
            return .message(s.t("\(record.order.number) 已重新打开（原签字人 \(signedBy)），修改后请客户重新签字",
                                "\(record.order.number) reopened (was signed by \(signedBy)); have it signed again after the change"))
        },
    ])
}
