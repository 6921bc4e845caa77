import WorkshopModel
import WorkshopStore

/// `ro`: show, list and correct repair orders.
enum OrderCommands {
    static let usage = [
        "ro show RO|PLATE",
        "ro list [status=estimating|signed|in-work|completed|declined|released]",
        "ro set RO [complaint=… category=… payer=… by=… phone=… fuel=… odometer=…]",
    ]

    static let command = Command(
        name: "ro", aliases: ["order", "维修单"], group: .order,
        summary: "show a repair order (进厂维修单), list orders, correct check-in facts",
        usage: usage,
        examples: ["ro show RO12", "ro show 京A12345", "ro list", "ro list status=signed", "ro set RO12 category=level2"],
        access: .write, readingSubcommands: ["show", "list", "ls"], roles: [.advisor, .manager]
    ) { invocation, s in
        let sub = try invocation.required("a sub-command (show, list, set)", usage: usage.joined(separator: " | "))
        switch sub.lowercased() {
        case "show":
            let order = try s.store.resolveOrder(try invocation.required("the order or plate", usage: usage[0]))
            return OrderView.render(try s.store.record(of: order), session: s)
        case "list", "ls":
            let status = try invocation.option("status").map { try OrderStatus.parse($0, field: "status") }
            return list(try s.store.listOrders(status: status), s)
        case "set", "edit":
            return try set(&invocation, s)
        default:
            // "ro RO12" reads as show.
            if let order = try? s.store.resolveOrder(sub) { return OrderView.render(try s.store.record(of: order), session: s) }
            throw UserError("ro \(sub): unknown sub-command; usage: \(usage.joined(separator: " | "))")
        }
    }

    static func list(_ orders: [OrderSummary], _ s: Session) -> Output {
        var table = TextTable([s.t("单号", "Order"), s.t("车牌", "Plate"), s.t("状态", "Status"), s.t("进厂", "Checked in"),
                               s.t("交车", "Promised"), s.t("金额", "Amount"), s.t("故障描述", "Complaint")], rightAligned: [5])
        table.maximumWidth = 30
        for o in orders {
            table.add([o.number, o.plate, o.status.label(s.language), s.formatTime(o.checkedInAt), s.formatTime(o.promisedAt),
                       o.total.grouped, o.complaint])
        }
        return Output(text: orders.isEmpty ? s.t("(没有订单)", "(no orders)") : table.render(),
                      json: .object([("orders", .array(orders.map(VehicleFileView.summaryJSON)))]))
    }

    static func set(_ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: usage[2]))
        try OrderRules.ensureOpen(order.status, order: order.number)
        var changed: [(String, JSON)] = []
        if let complaint = invocation.option("complaint") {
            guard !complaint.isEmpty else { throw UserError("ro set: complaint= cannot be empty") }
            order.complaint = complaint
            changed.append(("complaint", .string(complaint)))
        }
        if let text = invocation.option("category") {
            order.category = try RepairCategory.parse(text, field: "category")
            changed.append(("category", .string(order.category.code)))
        }
        if let text = invocation.option("payer") {
            order.payer = try Payer.parse(text, field: "payer")
            changed.append(("payer", .string(order.payer.code)))
        }
        if let by = invocation.option("by") {
            order.droppedBy = by.isEmpty ? nil : by
            changed.append(("dropped_by", .string(order.droppedBy)))
        }
        if let phone = invocation.option("phone") {
            order.droppedPhone = phone.isEmpty ? nil : try Phone.normalize(phone)
            changed.append(("phone", .string(order.droppedPhone)))
        }
        if let text = invocation.option("fuel") {
            order.fuel = try FuelLevel.parse(text, field: "fuel")
            changed.append(("fuel", .string(order.fuel.code)))
        }
        if let text = invocation.option("odometer") {
            let reading = try OdometerRule.parse(text)
            guard order.status == .estimating else {
                throw UserError("\(order.number) is \(order.status.english): the check-in odometer can be corrected only before signing")
            }
            let floor = try s.store.previousOdometer(vehicleID: order.vehicleID, before: order.id)
            guard reading >= floor else {
                throw UserError("odometer \(reading) km is below this vehicle's reading of \(floor) km on an earlier order: re-read the dashboard, or correct the vehicle first (vehicle odometer PLATE KM reason=\"…\")")
            }
            changed.append(("odometer", .int(reading)))
            changed.append(("odometer_was", .int(order.odometerIn)))
            try s.store.setOdometer(vehicleID: order.vehicleID, reading: reading, was: order.odometerIn)
            order.odometerIn = reading
        }
        guard !changed.isEmpty else { throw UserError("ro set: nothing to change; usage: \(usage[2])") }
        try s.store.saveOrder(order, action: .orderSet, detail: changed)
        return .message(s.t("\(order.number) 已更新", "\(order.number) updated"), [("order", .string(order.number))])
    }

    static let reopenUsage = "reopen RO reason=\"…\""
    static let reopen = Command(
        name: "reopen", group: .estimate,
        summary: "reopen a signed order to change its estimate; the customer signs again",
        usage: [reopenUsage],
        examples: ["reopen RO12 reason=\"客户要求改用原厂件\""],
        access: .write, roles: [.advisor, .manager]
    ) { invocation, s in
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: reopenUsage))
        let reason = try invocation.requiredOption("reason", example: "reason=\"客户要求改用原厂件\" — reopening is recorded with its reason")
        try OrderRules.ensureCanReopen(order.status, order: order.number)
        let signedBy = order.signedBy
        order.status = .estimating
        order.signedBy = nil
        order.signedVia = nil
        order.signedAt = nil
        try s.store.setLineStatus(of: order, from: .approved, to: .proposed)
        try s.store.saveOrder(order, action: .orderReopen, detail: [("reason", .string(reason)), ("signed_by_was", .string(signedBy))])
        return .message(s.t("\(order.number) 已重新打开（原签字人 \(signedBy ?? "")），修改后请客户重新签字",
                            "\(order.number) reopened (was signed by \(signedBy ?? "")); have it signed again after the change"))
    }
}
