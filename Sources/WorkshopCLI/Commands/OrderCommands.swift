import WorkshopModel
import WorkshopStore

/// `ro`: show, list and correct repair orders; `reopen` a signed one.
enum OrderCommands {
    static let all = [command, reopen]

    static let command = CommandSpec("ro", aliases: ["order", "维修单"], group: .order,
        summary: Phrase("查看维修单（进厂维修单）、列出维修单、更正接车信息", "show a repair order (进厂维修单), list orders, correct check-in facts"), forms: [
        Form([word("show", "查看"), arg("order", .order)], access: .read,
             summary: Phrase("一张维修单的全部内容", "everything about one order"), examples: ["ro show RO12", "ro show 京A12345"]) { invocation, s in
            OrderView.render(try s.record(invocation), session: s)
        },
        Form([word("list", "ls", "列表")], options: [option("status", .choice(OrderStatus.self))], access: .read,
             summary: Phrase("在修的单，或某一状态的单", "the open orders, or those of one status"),
             examples: ["ro list", "ro list status=signed"]) { invocation, s in
            list(try s.store.listOrders(status: invocation.choice("status")), s)
        },
        Form([word("set", "edit"), arg("order", .order)], options: [
            option("complaint", .text), option("category", .choice(RepairCategory.self)), option("payer", .choice(Payer.self)),
            option("by", .name), option("phone", .text("电话", "PHONE")), option("fuel", .choice(FuelLevel.self)),
            option("odometer", .odometer),
        ], access: .write, roles: [.advisor, .manager],
        summary: Phrase("更正接车信息（里程只能在签字前更正）", "correct check-in facts (the odometer only before signing)"),
        examples: ["ro set RO12 category=level2", "ro set RO12 by=王小强 phone=13500001111"]) { invocation, s in
            let record = try s.record(invocation)
            let phone = try (invocation.value("phone") as String?).map { $0.isEmpty ? "" : try Phone.normalize($0) }
            let facts = ReceptionFacts(complaint: invocation.value("complaint"), category: invocation.choice("category"),
                                       payer: invocation.choice("payer"), droppedBy: invocation.value("by"), droppedPhone: phone,
                                       fuel: invocation.choice("fuel"), odometer: invocation.value("odometer"))
            let floor = facts.odometer == nil ? 0 : try s.store.previousOdometer(vehicleID: record.order.vehicleID, before: record.order.id)
            let change = try s.store.apply(try record.correct(facts, odometerFloor: floor))
            if let reading = facts.odometer {
                try s.store.setOdometer(vehicleID: record.order.vehicleID, reading: reading, was: record.order.odometerIn)
            }
            return .message(s.t("\(change.order.number) 已更新", "\(change.order.number) updated"), [("order", .string(change.order.number))])
        },
    ])

    static func list(_ orders: [OrderSummary], _ s: Session) -> Output {
        var table = TextTable([s.t("单号", "Order"), s.t("车牌", "Plate"), s.t("状态", "Status"), s.t("进厂", "Checked in"),
                               s.t("交车", "Promised"), s.t("金额", "Amount"), s.t("故障描述", "Complaint")], rightAligned: [5])
        table.maximumWidth = 30
        for o in orders {
            table.add([o.number, o.plate, o.status.label(s.language), s.formatTime(o.checkedInAt), s.formatTime(o.promisedAt),
                       o.total.grouped, o.complaint])
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
            try s.store.apply(try record.reopen(reason: invocation.need("reason")))
            let signedBy = record.order.signedBy ?? ""
            return .message(s.t("\(record.order.number) 已重新打开（原签字人 \(signedBy)），修改后请客户重新签字",
                                "\(record.order.number) reopened (was signed by \(signedBy)); have it signed again after the change"))
        },
    ])
}
