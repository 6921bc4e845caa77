import WorkshopModel
import WorkshopStore

/// Bookings by phone (预约): planned jobs, parts in stock before confirming, a bay held.
enum AppointmentCommands {
    static let usage = [
        "appointment add PLATE at=DATETIME complaint=\"…\" [job=CODE]… [duration=HOURS] [bay=BAY] [note=…]",
        "appointment A12 [show] | confirm [bay=BAY] | cancel [reason=…] | noshow",
        "appointment list [today|tomorrow|DATE]",
    ]

    static let command = Command(
        name: "appointment", aliases: ["appt", "预约"], group: .reception,
        summary: "book a car in: planned jobs, estimated total, parts checked and reserved, a bay with the right equipment held",
        usage: usage,
        examples: ["appointment add 粤B·3Q8X1 at=\"明天 10:00\" complaint=\"保养\" job=J-MNT-1", "appointment A3 confirm",
                   "appointment list tomorrow", "checkin 粤B3Q8X1 odometer=99000 fuel=1/2 appointment=A3"],
        access: .write, readingSubcommands: ["list", "ls"], roles: [.advisor, .manager]
    ) { invocation, s in
        let first = try invocation.required("add, list or the appointment (A12)", usage: usage.joined(separator: " | "))
        switch first.lowercased() {
        case "add", "new": return try add(&invocation, s)
        case "list", "ls": return try list(&invocation, s)
        default:
            var appointment = try s.store.resolveAppointment(first)
            switch (invocation.next() ?? "show").lowercased() {
            case "show": return try show(appointment, s)
            case "confirm": return try confirm(&appointment, &invocation, s)
            case "cancel": return try cancel(&appointment, &invocation, s)
            case "noshow", "no-show": return try noShow(&appointment, s)
            case let other: throw UserError("appointment \(appointment.reference) \(other): write show, confirm, cancel or noshow")
            }
        }
    }

    /// The planned lines of a booking's jobs.
    static func plannedLines(_ jobs: [String], _ s: Session) throws -> [OrderLine] {
        var lines: [OrderLine] = []
        for code in jobs {
            guard let job = try s.store.job(code: code) else { throw UserError("no job \(code): job list shows the canned jobs") }
            for line in try JobPricing.lines(job, s) {
                lines.append(line.numbered(lines.count + 1))
            }
        }
        return lines
    }

    /// Parts needed, summed by part number.
    static func partsNeeded(_ lines: [OrderLine]) -> [(partNumber: String, quantity: Quantity)] {
        var needed: [String: Int] = [:]
        var order: [String] = []
        for line in lines where line.kind == .part {
            guard let number = line.partNumber, let quantity = line.quantity else { continue }
            if needed[number] == nil { order.append(number) }
            needed[number, default: 0] += quantity.thousandths
        }
        return order.map { ($0, Quantity(thousandths: needed[$0]!)) }
    }

    /// What is short, each with what is on order.
    static func shortages(_ needed: [(partNumber: String, quantity: Quantity)], _ s: Session) throws -> [String] {
        var short: [String] = []
        for item in needed {
            guard let part = try s.store.part(number: item.partNumber) else { throw PartsCommands.unknown(item.partNumber) }
            if part.available.thousandths < item.quantity.thousandths {
                var text = "\(part.partNumber) \(part.name): " + s.t("需 \(item.quantity)，可用 \(part.available)", "need \(item.quantity), \(part.available) available")
                text += part.onOrder.thousandths > 0
                    ? s.t("，在途 \(part.onOrder)", ", \(part.onOrder) on order") + (part.onOrderETA.map { s.t("（预计 \($0)）", " (due \($0))") } ?? "")
                    : s.t("，未订货", ", none on order")
                short.append(text)
            }
        }
        return short
    }

    /// Bays with the equipment, open for the whole booking, and free then.
    static func freeBays(for a: Appointment, _ s: Session) throws -> [Bay] {
        try s.store.bays().filter { bay in
            guard Set(a.equipment).isSubset(of: Set(bay.equipment)) else { return false }
            let hours = try BookingRules.parseHours(bay.hours)
            guard BookingRules.withinHours(start: a.at, minutes: a.duration, hours: hours, zone: s.zone) else { return false }
            return try s.store.bayClash(bayID: bay.id, start: a.at, end: a.end, excluding: a.id) == nil
        }
    }

    static func add(_ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        let vehicle = try s.store.resolveVehicle(try invocation.required("the plate", usage: usage[0]))
        let at = try s.parseTime(try invocation.requiredOption("at", example: "at=\"明天 10:00\""), field: "at")
        guard at > s.now else { throw UserError("at=\(s.formatTime(at)) is not in the future: book a time to come") }
        let complaint = try invocation.requiredOption("complaint", example: "complaint=\"保养\" — what the customer said on the phone")
        let jobs = invocation.options("job").map { $0.uppercased() }
        let lines = try plannedLines(jobs, s)
        var equipment: [String] = []
        for code in jobs { for item in try s.store.job(code: code)!.equipment where !equipment.contains(item) { equipment.append(item) } }
        let labour = Hours(hundredths: lines.compactMap(\.hours).reduce(0) { $0 + $1.hundredths })
        var minutes = BookingRules.duration(forLabour: labour)
        if let text = invocation.option("duration") { minutes = BookingRules.duration(forLabour: try Hours.parse(text, field: "duration")) }
        let estimate = Totals(lines: lines, rate: s.settings.taxRate, pricesIncludeTax: s.settings.pricesIncludeTax).taxed.gross
        var draft = Appointment(id: 0, vehicleID: vehicle.id, at: at, duration: minutes, complaint: complaint, jobs: jobs,
                                equipment: equipment, bayID: nil, status: .pending, orderID: nil, estimate: estimate,
                                createdAt: s.now, createdBy: s.user, note: invocation.option("note"))
        if let bayName = invocation.option("bay") { draft.bayID = try chooseBay(bayName, for: draft, s).id }
        let saved = try s.store.addAppointment(draft)
        var text = s.t("预约 \(saved.reference)：\(vehicle.plate) \(s.formatTime(at))（\(minutes) 分钟），估价 \(estimate.grouped)",
                       "booking \(saved.reference): \(vehicle.plate) at \(s.formatTime(at)) (\(minutes) min), estimate \(estimate.grouped)")
        if !lines.isEmpty { text += "\n" + OrderView.linesTable(lines, session: s) }
        let short = try shortages(partsNeeded(lines), s)
        text += "\n  " + (short.isEmpty ? s.t("配件：全部有货", "parts: all in stock")
                                        : s.t("! 缺货：", "! short: ") + short.joined(separator: "; "))
        let bays = try freeBays(for: saved, s)
        text += "\n  " + s.t("可用工位", "free bays") + (equipment.isEmpty ? "" : " (\(equipment.joined(separator: ",")))") + ": "
            + (bays.isEmpty ? s.t("无", "none") : bays.map(\.name).joined(separator: ", "))
        text += "\n  " + s.t("客户同意后：appointment \(saved.reference) confirm [bay=…]；不同意：appointment \(saved.reference) cancel",
                             "when the customer agrees: appointment \(saved.reference) confirm [bay=…]; if not: appointment \(saved.reference) cancel")
        return Output(text: text, json: .object([
            ("ok", .bool(true)), ("appointment", .string(saved.reference)), ("at", .string(at.iso8601)), ("minutes", .int(minutes)),
            ("estimate", .money(estimate)), ("lines", .array(lines.map(OrderView.lineJSON))),
            ("short", .array(short.map { .string($0) })), ("free_bays", .array(bays.map { .string($0.name) })),
        ]))
    }

    static func chooseBay(_ name: String, for a: Appointment, _ s: Session) throws -> Bay {
        guard let bay = try s.store.bay(named: name) else {
            throw UserError("there is no bay \(name); bays: \(try s.store.bays().map(\.name).joined(separator: ", "))")
        }
        let missing = a.equipment.filter { !bay.equipment.contains($0) }
        guard missing.isEmpty else {
            throw UserError("bay \(bay.name) lacks \(missing.joined(separator: ", ")) (it has: \(bay.equipment.isEmpty ? "nothing" : bay.equipment.joined(separator: ", "))); free bays with it: \(try freeBays(for: a, s).map(\.name).joined(separator: ", "))")
        }
        guard BookingRules.withinHours(start: a.at, minutes: a.duration, hours: try BookingRules.parseHours(bay.hours), zone: s.zone) else {
            throw UserError("bay \(bay.name) is open \(bay.hours): \(s.formatTime(a.at)) for \(a.duration) minutes does not fit")
        }
        if let clash = try s.store.bayClash(bayID: bay.id, start: a.at, end: a.end, excluding: a.id) {
            let plate = try s.store.vehicle(id: clash.vehicleID)?.plate.value ?? ""
            throw UserError("bay \(bay.name) is booked \(s.formatTime(clash.at))–\(s.zone.civil(clash.end).formatted().suffix(5)) by \(clash.reference) (\(plate)): choose another time or bay; free then: \(try freeBays(for: a, s).map(\.name).joined(separator: ", "))")
        }
        return bay
    }

    static func confirm(_ a: inout Appointment, _ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        guard a.status == .pending else { throw UserError("\(a.reference) is \(a.status.english): only a pending booking is confirmed") }
        guard a.at > s.now else { throw UserError("\(a.reference) was for \(s.formatTime(a.at)), which has passed: book a new time") }
        let lines = try plannedLines(a.jobs, s)
        let needed = partsNeeded(lines)
        let short = try shortages(needed, s)
        guard short.isEmpty else {
            throw UserError("\(a.reference) cannot be confirmed: parts must be in stock first — " + short.joined(separator: "; "))
        }
        let bay: Bay
        if let name = invocation.option("bay") {
            bay = try chooseBay(name, for: a, s)
        } else if let id = a.bayID, let chosen = try s.store.bays().first(where: { $0.id == id }) {
            bay = try chooseBay(chosen.name, for: a, s)
        } else {
            guard let free = try freeBays(for: a, s).first else {
                throw UserError("no bay with \(a.equipment.isEmpty ? "room" : a.equipment.joined(separator: ", ")) is free at \(s.formatTime(a.at)) for \(a.duration) minutes: choose another time")
            }
            bay = free
        }
        for item in needed {
            try s.store.moveStock(item.partNumber, .reserve, reserved: item.quantity.thousandths, appointmentID: a.id, reason: "booking \(a.reference)")
        }
        a.bayID = bay.id
        a.status = .confirmed
        try s.store.saveAppointment(a, action: .appointmentConfirm, detail: [("bay", .string(bay.name)),
                                                                             ("parts", .array(needed.map { .string("\($0.partNumber)×\($0.quantity)") }))])
        return .message(s.t("\(a.reference) 已确认：\(s.formatTime(a.at)) \(bay.name)" + (needed.isEmpty ? "" : "，已预留配件 \(needed.count) 种"),
                            "\(a.reference) confirmed: \(s.formatTime(a.at)) in \(bay.name)" + (needed.isEmpty ? "" : ", \(needed.count) parts reserved")),
                        [("bay", .string(bay.name))])
    }

    static func cancel(_ a: inout Appointment, _ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        guard a.status.isActive else { throw UserError("\(a.reference) is \(a.status.english) already") }
        let reason = invocation.option("reason")
        try s.store.releaseReservations(of: a, reason: "cancelled")
        a.status = .cancelled
        a.note = [a.note, reason].compactMap { $0 }.joined(separator: " · ")
        try s.store.saveAppointment(a, action: .appointmentCancel, detail: [("reason", .string(reason))])
        return .message(s.t("\(a.reference) 已取消，预留配件已释放", "\(a.reference) cancelled; its parts are released"))
    }

    static func noShow(_ a: inout Appointment, _ s: Session) throws -> Output {
        guard a.status.isActive else { throw UserError("\(a.reference) is \(a.status.english) already") }
        guard s.now > a.at else { throw UserError("\(a.reference) is at \(s.formatTime(a.at)): a no-show is marked after that time") }
        try s.store.releaseReservations(of: a, reason: "no-show")
        a.status = .noShow
        try s.store.saveAppointment(a, action: .appointmentNoShow, detail: [])
        return .message(s.t("\(a.reference) 标记为未到店，预留配件已释放", "\(a.reference) marked as a no-show; its parts are released"))
    }

    static func show(_ a: Appointment, _ s: Session) throws -> Output {
        let vehicle = try s.store.vehicle(id: a.vehicleID)
        let owner = try vehicle.flatMap { try s.store.customer(id: $0.ownerID) }
        let bay = try a.bayID.flatMap { id in try s.store.bays().first { $0.id == id } }
        var fields = Fields()
        fields.add(s.t("车辆", "Vehicle"), "\(vehicle?.plate.value ?? "") \(vehicle?.description ?? "")")
        fields.add(s.t("客户", "Customer"), owner.map { "\($0.name) \($0.phone)" })
        fields.add(s.t("时间", "When"), "\(s.formatTime(a.at)) · \(a.duration) " + s.t("分钟", "min"))
        fields.add(s.t("工位", "Bay"), bay?.name)
        fields.add(s.t("故障描述", "Complaint"), a.complaint)
        fields.add(s.t("套餐", "Jobs"), a.jobs.joined(separator: ", "))
        fields.add(s.t("设备", "Equipment"), a.equipment.joined(separator: ", "))
        fields.add(s.t("估价", "Estimate"), a.estimate.grouped)
        let reserved = try s.store.reservations(appointmentID: a.id)
        fields.add(s.t("预留配件", "Parts reserved"), reserved.map { "\($0.partNumber)×\($0.quantity)" }.joined(separator: ", "))
        fields.add(s.t("维修单", "Order"), a.orderID.map(RepairOrder.number))
        fields.add(s.t("备注", "Note"), a.note)
        return Output(text: "\(a.reference)  \(a.status.label(s.language))\n" + fields.render(), json: json(a, plate: vehicle?.plate.value, bay: bay?.name, s))
    }

    static func json(_ a: Appointment, plate: String?, bay: String?, _ s: Session) -> JSON {
        .object([("appointment", .string(a.reference)), ("plate", .string(plate)), ("at", .string(a.at.iso8601)),
                 ("minutes", .int(a.duration)), ("bay", .string(bay)), ("status", .string(a.status.code)),
                 ("jobs", .array(a.jobs.map { .string($0) })), ("estimate", .money(a.estimate)),
                 ("order", .string(a.orderID.map(RepairOrder.number))), ("complaint", .string(a.complaint))])
    }

    /// The day's bookings; for a day to come, the parts to pick for each bay.
    static func list(_ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        let word = invocation.rest().joined(separator: " ")
        var day = s.zone.startOfDay(s.now)
        switch word.lowercased() {
        case "", "today", "今天": break
        case "tomorrow", "明天": day = s.zone.startOfDay(day + 36 * 3_600)
        default:
            guard let (y, m, d) = TimeParser.parseDate(word) else { throw UserError("appointment list \(word): write today, tomorrow or a date") }
            day = s.zone.instant(CivilTime(year: y, month: m, day: d))
        }
        let next = s.zone.startOfDay(day + 36 * 3_600)
        let bookings = try s.store.appointments(from: day, to: next)
        let bays = try s.store.bays()
        var table = TextTable([s.t("预约", "Booking"), s.t("时间", "Time"), s.t("车牌", "Plate"), s.t("工位", "Bay"), s.t("套餐", "Jobs"),
                               s.t("状态", "Status"), s.t("故障描述", "Complaint")])
        var json: [JSON] = []
        for a in bookings {
            let plate = try s.store.vehicle(id: a.vehicleID)?.plate.value ?? ""
            let bay = a.bayID.flatMap { id in bays.first { $0.id == id }?.name }
            table.add([a.reference, String(s.formatTime(a.at).suffix(5)), plate, bay ?? "", a.jobs.joined(separator: ","),
                       a.status.label(s.language) + (a.status.isActive && s.now > a.at ? s.t("（已过时）", " (late)") : ""), a.complaint])
            json.append(Self.json(a, plate: plate, bay: bay, s))
        }
        var text = s.t("\(s.zone.formatDate(day)) 预约 \(bookings.count) 个", "\(s.zone.formatDate(day)): \(bookings.count) bookings")
        if !bookings.isEmpty { text += "\n" + table.render() }
        let picks = try pickList(bookings, s)
        if day > s.now, !picks.isEmpty {
            var pickTable = TextTable([s.t("工位", "Bay"), s.t("预约", "Booking"), s.t("配件号", "Part no."), s.t("名称", "Name"),
                                       s.t("数量", "Qty"), s.t("货位", "Bin")], rightAligned: [4])
            for p in picks { pickTable.add([p.bay, p.appointment, p.partNumber, p.name, p.quantity.description, p.bin ?? ""]) }
            text += "\n\n" + s.t("领料（前一天备好，放到工位）", "Parts to pick (the day before, set aside for the bay)") + "\n" + pickTable.render()
        }
        return Output(text: text, json: .object([("day", .string(s.zone.formatDate(day))), ("appointments", .array(json)),
                                                 ("pick", .array(picks.map { .object([("bay", .string($0.bay)), ("appointment", .string($0.appointment)),
                                                                                      ("partno", .string($0.partNumber)), ("qty", .string($0.quantity.description)),
                                                                                      ("bin", .string($0.bin))]) }))]))
    }

    struct Pick { var bay: String; var appointment: String; var partNumber: String; var name: String; var quantity: Quantity; var bin: String? }

    /// The reserved parts of the confirmed bookings, by bay and time.
    static func pickList(_ bookings: [Appointment], _ s: Session) throws -> [Pick] {
        let bays = try s.store.bays()
        var picks: [Pick] = []
        for a in bookings where a.status == .confirmed {
            let bay = a.bayID.flatMap { id in bays.first { $0.id == id }?.name } ?? "—"
            for item in try s.store.reservations(appointmentID: a.id) {
                let part = try s.store.part(number: item.partNumber)
                picks.append(Pick(bay: bay, appointment: a.reference, partNumber: item.partNumber, name: part?.name ?? "",
                                  quantity: item.quantity, bin: part?.bin))
            }
        }
        return picks.sorted { ($0.bay, $0.appointment) < ($1.bay, $1.appointment) }
    }
}
