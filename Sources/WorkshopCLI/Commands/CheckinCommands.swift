import WorkshopModel
import WorkshopStore

/// Check-in (接车) and the reception facts recorded on the order: diagnosis, damage, promised time.
enum CheckinCommands {
    static let checkinUsage = "checkin PLATE odometer=KM fuel=E|1/4|1/2|3/4|F complaint=\"…\" [by=NAME phone=…] [category=…] [payer=owner|warranty|insurer] [docs=行驶证,保单] [key=TAG] [promise=DATETIME] [rework=RO[/LINE] cause=\"…\"] [appointment=A12]"

    static let checkin = Command(
        name: "checkin", aliases: ["check-in", "接车"], group: .reception,
        summary: "check a car in: odometer, fuel, complaint, who brought it; opens the repair order",
        usage: [checkinUsage],
        examples: ["checkin 京A12345 odometer=45210 fuel=1/2 complaint=\"刹车异响\" by=李明 phone=13900001111 category=minor docs=行驶证,保单 key=K07"],
        access: .write, roles: [.advisor, .manager]
    ) { invocation, s in
        let vehicle = try s.store.resolveVehicle(try invocation.required("the plate", usage: checkinUsage))
        if let open = try s.store.openOrder(vehicleID: vehicle.id) {
            throw UserError("\(vehicle.plate) is already in the shop under \(open.number) (checked in \(s.formatTime(open.checkedInAt)), \(open.status.english)): work on that order (ro show \(open.number))")
        }
        let odometer = try OdometerRule.parse(try invocation.requiredOption("odometer", example: "odometer=45210 (km on the dashboard)"))
        try OdometerRule.check(reading: odometer, vehicle: vehicle)
        let fuel = try FuelLevel.parse(try invocation.requiredOption("fuel", example: "fuel=1/2"), field: "fuel")
        var booking = try invocation.option("appointment").map { try s.store.resolveAppointment($0) }
        if let booking {
            guard booking.vehicleID == vehicle.id else {
                throw UserError("appointment=\(booking.reference) is for another vehicle")
            }
            guard booking.status.isActive else {
                throw UserError("\(booking.reference) is \(booking.status.english): check the car in without it, or book again")
            }
        }
        let complaint = try invocation.option("complaint").flatMap { $0.isEmpty ? nil : $0 } ?? booking?.complaint
            ?? { throw UserError("checkin: complaint= is missing, e.g. complaint=\"刹车异响\" — the customer's words") }()
        let category = try invocation.option("category").map { try RepairCategory.parse($0, field: "category") } ?? .minor
        let payer = try invocation.option("payer").map { try Payer.parse($0, field: "payer") } ?? .owner
        let droppedBy = invocation.option("by")
        let droppedPhone = try invocation.option("phone").map(Phone.normalize)
        guard let owner = try s.store.customer(id: vehicle.ownerID) else { throw UserError("\(vehicle.plate) has no owner on file") }
        var promise: Timestamp?
        if let promiseText = invocation.option("promise") {
            promise = try PromiseRule.check(try s.parseTime(promiseText, field: "promise"), checkedIn: s.now, session: s)
        }
        let keyTag = try invocation.option("key").map(KeyTag.normalize)
        let today = s.zone.formatDate(s.now)
        let underWarranty = try s.store.warrantyCoverage(vehicle: vehicle).filter { $0.covers(day: today, odometer: odometer) }
        var rework: (order: Int, line: Int?, cause: String)?
        if let reference = invocation.option("rework") {
            rework = try Comeback.link(reference, cause: invocation.option("cause"), vehicle: vehicle, covered: underWarranty, session: s)
        } else if invocation.has("cause") {
            throw UserError("cause= goes with rework=RO[/LINE]: it records why the earlier repair failed")
        }
        var newOrder = RepairOrder(
            id: 0, vehicleID: vehicle.id, customerID: owner.id, status: .estimating, checkedInAt: s.now, advisor: s.user,
            odometerIn: odometer, fuel: fuel, complaint: complaint, droppedBy: droppedBy, droppedPhone: droppedPhone,
            category: category, payer: rework != nil && !invocation.has("payer") ? .warranty : payer, promisedAt: promise, keyTag: keyTag)
        newOrder.reworkOf = rework?.order
        newOrder.reworkLine = rework?.line
        newOrder.reworkCause = rework?.cause
        let order = try s.store.createOrder(newOrder)
        try s.store.setOdometer(vehicleID: vehicle.id, reading: odometer, was: vehicle.odometer)
        var planned: [OrderLine] = []
        if var arrived = booking {
            // The booking becomes the order: its planned lines, ready to sign; its parts are issued at signature.
            for line in try AppointmentCommands.plannedLines(arrived.jobs, s) {
                planned.append(try s.store.addLine(line, to: order))
            }
            try s.store.releaseReservations(of: arrived, reason: "arrived: \(order.number)")
            arrived.status = .arrived
            arrived.orderID = order.id
            try s.store.saveAppointment(arrived, action: .appointmentArrive, detail: [("order", .string(order.number))])
            try s.store.linkAppointment(arrived.id, to: order)
            booking = arrived
        }
        var notices: [String] = []
        if let booking {
            notices.append(s.t("来自预约 \(booking.reference)：已带入 \(planned.count) 个计划项目，请核对后签字",
                               "from booking \(booking.reference): \(planned.count) planned lines on the order, check them and have it signed"))
        }
        if let rework {
            notices.append(s.t("质保期内返修：关联 \(RepairOrder.number(rework.order))" + (rework.line.map { " 第 \($0) 项" } ?? "") + "，原因：\(rework.cause)；保修项目不收费",
                               "warranty comeback of \(RepairOrder.number(rework.order))" + (rework.line.map { " line \($0)" } ?? "") + ", cause: \(rework.cause); warranty work is free"))
        } else if !underWarranty.isEmpty {
            notices.append(s.t("在保修期内的项目（如属返修：checkin … rework=RO/项 cause=…）：", "under warranty (for a comeback: checkin … rework=RO/LINE cause=…): ")
                           + underWarranty.map { "\(RepairOrder.number($0.orderID))/\($0.line.number) \($0.line.description) " + s.t("至 ", "until ") + "\($0.lastDay) / \($0.lastKilometre) km" }.joined(separator: "; "))
        }
        for name in (invocation.option("docs") ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }) {
            try s.store.addDocument(ReceivedDocument(name: String(name).trimmingCharacters(in: .whitespaces)), to: order)
        }
        let declined = try s.store.declinedLines(vehicleID: vehicle.id, before: order.id)
        if !declined.isEmpty {
            notices.append(s.t("上次拒绝的项目，请再次建议：", "declined on earlier visits, offer again: ")
                           + declined.map { "\(RepairOrder.number($0.order))/\($0.line.number) \($0.line.description) \($0.line.amount.grouped)" }.joined(separator: "; "))
        }
        if vehicle.vinConfirmed {
            notices.append(s.t("此车 VIN 校验位不符（已确认）：请与行驶证核对", "this vehicle's VIN fails its check digit (confirmed earlier): compare it with the 行驶证"))
        }
        var text = s.t("已接车 \(order.number)  \(vehicle.plate)  \(owner.name)  \(odometer) km",
                       "checked in \(order.number)  \(vehicle.plate)  \(owner.name)  \(odometer) km")
        for notice in notices { text += "\n  ! " + notice }
        text += "\n  " + s.t("下一步：damage / belongings / diagnose / estimate \(order.number) …",
                             "next: damage / belongings / diagnose / estimate \(order.number) …")
        return Output(text: text, json: .object([
            ("ok", .bool(true)), ("order", .string(order.number)), ("plate", .string(vehicle.plate.value)),
            ("customer", .string(owner.reference)), ("odometer", .int(odometer)),
            ("notices", .array(notices.map { .string($0) })),
            ("rework_of", .string(rework.map { RepairOrder.number($0.order) })),
            ("under_warranty", .array(underWarranty.map(WarrantyCommands.json))),
            ("declined_earlier", .array(declined.map { .object([("order", .string(RepairOrder.number($0.order))), ("line", OrderView.lineJSON($0.line))]) })),
        ]))
    }

    static let diagnoseUsage = "diagnose RO \"findings\" [fee=AMOUNT]"
    static let diagnose = Command(
        name: "diagnose", aliases: ["diag", "诊断"], group: .order,
        summary: "record the diagnosis (诊断书): findings and recommendation, with a diagnostic fee if any",
        usage: [diagnoseUsage],
        examples: ["diagnose RO12 \"前刹车片磨损至2mm，建议更换；刹车盘正常\" fee=50"],
        access: .write, roles: [.advisor, .technician, .manager]
    ) { invocation, s in
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: diagnoseUsage))
        try OrderRules.ensureOpen(order.status, order: order.number)
        let findings = invocation.rest().joined(separator: " ")
        guard !findings.isEmpty else { throw UserError("diagnose: the findings are missing; usage: \(diagnoseUsage)") }
        let previous = order.findings
        order.findings = findings
        try s.store.saveOrder(order, action: .orderDiagnose, detail: [("findings", .string(findings)), ("was", .string(previous))])
        var text = s.t("\(order.number) 诊断已记录", "\(order.number): findings recorded")
        if let feeText = invocation.option("fee") {
            try OrderRules.ensureEstimateEditable(order.status, order: order.number)
            let fee = try Money.parse(feeText, field: "fee")
            let line = try s.store.addLine(.diagnosticFee(description: s.t("诊断费", "Diagnostic fee"), amount: fee), to: order)
            text += s.t("；诊断费 \(fee.grouped) 为第 \(line.number) 项", "; diagnostic fee \(fee.grouped) is line \(line.number)")
        }
        return .message(text, [("order", .string(order.number))])
    }

    static let damageUsage = "damage RO \"note\" | damage RO remove N"
    static let damage = Command(
        name: "damage", aliases: ["外观"], group: .order,
        summary: "note damage seen at the visual check (外观/内饰视检)",
        usage: [damageUsage],
        examples: ["damage RO12 \"左前门划痕约10cm\"", "damage 京A12345 \"后保险杠凹陷\""],
        access: .write, roles: [.advisor, .technician, .manager]
    ) { invocation, s in
        let order = try s.store.resolveOrder(try invocation.required("the order", usage: damageUsage))
        try OrderRules.ensureOpen(order.status, order: order.number)
        let words = invocation.rest()
        if words.first?.lowercased() == "remove", words.count == 2 {
            let notes = try s.store.damageNotes(orderID: order.id)
            guard let n = Int(words[1]), (1...notes.count).contains(n) else {
                throw UserError("damage \(order.number) remove: write the note's number (1 to \(notes.count)) as ro show lists them")
            }
            try s.store.removeDamage(notes[n - 1], from: order)
            return .message(s.t("已删除损伤记录 \(n)（已留痕）", "removed damage note \(n) (recorded)"))
        }
        let note = words.joined(separator: " ")
        guard !note.isEmpty else { throw UserError("damage: the note is missing; usage: \(damageUsage)") }
        try s.store.addDamage(note, to: order)
        let count = try s.store.damageNotes(orderID: order.id).count
        return .message(s.t("\(order.number) 损伤 \(count)：\(note)", "\(order.number) damage \(count): \(note)"))
    }

    static let promiseUsage = "promise RO DATETIME"
    static let promise = Command(
        name: "promise", aliases: ["交车时间"], group: .estimate,
        summary: "set the promised completion time (交车时间), with margin for parts supply",
        usage: [promiseUsage],
        examples: ["promise RO12 2026-11-23 17:00", "promise RO12 明天 17:00"],
        access: .write, roles: [.advisor, .manager]
    ) { invocation, s in
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: promiseUsage))
        try OrderRules.ensureOpen(order.status, order: order.number)
        let text = invocation.rest().joined(separator: " ")
        guard !text.isEmpty else { throw UserError("promise: the date and time are missing; usage: \(promiseUsage)") }
        let when = try PromiseRule.check(try s.parseTime(text, field: "promise"), checkedIn: order.checkedInAt, session: s)
        let previous = order.promisedAt
        order.promisedAt = when
        try s.store.saveOrder(order, action: .orderPromise,
                              detail: [("promised_at", .string(when.iso8601)), ("was", .string(previous?.iso8601))])
        var message = s.t("\(order.number) 交车时间 \(s.formatTime(when))", "\(order.number) promised for \(s.formatTime(when))")
        if let previous, order.status != .estimating {
            message += s.t("（原 \(s.formatTime(previous))：请通知客户延期原因）", " (was \(s.formatTime(previous)): tell the customer why)")
        }
        return .message(message, [("promised_at", .string(when.iso8601))])
    }
}

/// A promised time is after check-in and not in the past.
enum PromiseRule {
    static func check(_ when: Timestamp, checkedIn: Timestamp, session s: Session) throws -> Timestamp {
        guard when > checkedIn, when > s.now else {
            throw UserError("the promised time \(s.formatTime(when)) is not in the future (now \(s.formatTime(s.now))): promise a time the shop can keep, with margin")
        }
        return when
    }
}

/// Key-cabinet tags: short codes such as K07 or 12.
enum KeyTag {
    static func normalize(_ text: String) throws -> String {
        let tag = text.uppercased().trimmingCharacters(in: .whitespaces)
        guard !tag.isEmpty, tag.count <= 12, tag.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw UserError("key tag \(text): write the tag's number, e.g. K07 (letters, digits, -, up to 12)")
        }
        return tag
    }
}

/// A comeback (返修): a car back within the warranty of an earlier order, opened as a free rework
/// linked to the original order and line.
enum Comeback {
    static func link(_ reference: String, cause: String?, vehicle: Vehicle, covered: [WarrantyCoverage],
                     session s: Session) throws -> (order: Int, line: Int?, cause: String) {
        let parts = reference.split(separator: "/").map(String.init)
        guard (1...2).contains(parts.count), let orderID = RepairOrder.id(fromNumber: parts[0]) else {
            throw UserError("rework=\(reference): write the original order, and its line if known: rework=RO12 or rework=RO12/3")
        }
        guard let original = try s.store.order(id: orderID), original.vehicleID == vehicle.id else {
            throw UserError("rework=\(reference): \(RepairOrder.number(orderID)) is not an order of \(vehicle.plate)")
        }
        guard original.status == .released else {
            throw UserError("rework=\(reference): \(original.number) was never released, so it has no warranty")
        }
        guard let cause, !cause.isEmpty else {
            throw UserError("a comeback records its cause: add cause=\"…\" (what failed, e.g. cause=\"刹车片安装不到位\")")
        }
        var line: Int?
        if parts.count == 2 {
            guard let number = Int(parts[1]) else { throw UserError("rework=\(reference): the line is a number, e.g. rework=RO12/3") }
            guard covered.contains(where: { $0.orderID == orderID && $0.line.number == number }) else {
                throw UserError("\(original.number) line \(number) is not under warranty now (ended, never covered, or customer-supplied): warranty \(vehicle.plate) shows what is")
            }
            line = number
        } else {
            guard covered.contains(where: { $0.orderID == orderID }) else {
                throw UserError("nothing of \(original.number) is under warranty now: warranty \(vehicle.plate) shows what is")
            }
        }
        return (orderID, line, cause)
    }
}
