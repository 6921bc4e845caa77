import WorkshopModel
import WorkshopStore

/// Bookings by phone (预约): planned jobs, parts in stock before confirming, a bay held.
enum AppointmentCommands {
    static let writers: Set<Role> = [.advisor, .manager]

    static let command = CommandSpec("appointment", aliases: ["appt", "预约"], group: .reception,
        summary: Phrase("电话预约：计划项目、估价、配件检查与预留、按设备预留工位",
                        "book a car in: planned jobs, estimated total, parts checked and reserved, a bay with the right equipment held"), forms: [
        Form([word("add", "new"), arg("plate", .vehicle)],
             options: [required("at", .dateTime), required("complaint", .text), repeated("job", .jobCode), option("duration", .hours),
                       option("bay", .bay), option("note", .text)],
             access: .write, roles: writers,
             summary: Phrase("登记预约：估价、缺货配件和可用工位一并列出", "book: the estimate, any part short and the free bays are listed"),
             examples: ["appointment add 粤B·3Q8X1 at=\"明天 10:00\" complaint=\"保养\" job=J-MNT-VW"]) { invocation, s in
            try add(invocation, s)
        },
        Form([word("list", "ls"), optionalArg("day", .day)], access: .read,
             summary: Phrase("某天的预约（默认今天）；明天的预约附领料单", "the day's bookings (today unless given); for a day to come, the parts to pick"),
             examples: ["appointment list tomorrow", "appointment list"]) { invocation, s in
            try list(invocation.value("day") ?? s.zone.startOfDay(s.now), s)
        },
        Form([arg("appointment", .appointmentNumber)], access: .read,
             summary: Phrase("预约详情", "the booking"), examples: ["appointment A3"]) { invocation, s in
            try show(try s.store.resolveAppointment(invocation.need("appointment")), s)
        },
        Form([arg("appointment", .appointmentNumber), word("show")], access: .read,
             summary: Phrase("预约详情", "the booking"), examples: ["appointment A3 show"]) { invocation, s in
            try show(try s.store.resolveAppointment(invocation.need("appointment")), s)
        },
        Form([arg("appointment", .appointmentNumber), word("confirm")], options: [option("bay", .bay)], access: .write, roles: writers,
             summary: Phrase("确认预约：配件须有货（予以预留），预留有相应设备的空闲工位", "confirm: the parts must be in stock (they are reserved) and a bay with the equipment is held"),
             examples: ["appointment A3 confirm", "appointment A3 confirm bay=四轮定位"]) { invocation, s in
            var appointment = try s.store.resolveAppointment(invocation.need("appointment"))
            return try confirm(&appointment, bay: invocation.value("bay"), s)
        },
        Form([arg("appointment", .appointmentNumber), word("cancel")], options: [option("reason", .text)], access: .write, roles: writers,
             summary: Phrase("取消预约，释放预留配件和工位", "cancel: its parts and bay are released"),
             examples: ["appointment A3 cancel reason=\"客户改期\""]) { invocation, s in
            var appointment = try s.store.resolveAppointment(invocation.need("appointment"))
            return try cancel(&appointment, reason: invocation.value("reason"), s)
        },
        Form([arg("appointment", .appointmentNumber), word("noshow", "no-show", "未到")], access: .write, roles: writers,
             summary: Phrase("预约时间已过而未到店：释放预留", "the car did not come: its reservations are released"),
             examples: ["appointment A3 noshow"]) { invocation, s in
            var appointment = try s.store.resolveAppointment(invocation.need("appointment"))
            return try noShow(&appointment, s)
        },
    ])

    /// The planned lines of a booking's jobs.
    static func plannedLines(_ jobs: [String], _ s: Session) throws -> [OrderLine] {
        try plannedLines(jobs, found: try s.store.jobs(codes: jobs), s)
    }

    /// The planned lines of the jobs `codes`, read already (`found`, by code).
    static func plannedLines(_ codes: [String], found: [String: Job], _ s: Session) throws -> [OrderLine] {
        var lines: [OrderLine] = []
        for code in codes {
            guard let job = found[code.uppercased()] else { throw CatalogRefusal.unknownJob(code: code) }
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
    static func shortages(_ needed: [(partNumber: String, quantity: Quantity)], _ s: Session) throws -> [PartShortage] {
        var short: [PartShortage] = []
        let parts = try s.store.parts(numbers: needed.map(\.partNumber))
        for item in needed {
            guard let part = parts[item.partNumber.uppercased()] else { throw CatalogRefusal.unknownPart(partNumber: item.partNumber) }
            if part.available.thousandths < item.quantity.thousandths {
                short.append(PartShortage(partNumber: part.partNumber, name: part.name, needed: item.quantity, available: part.available,
                                          onOrder: part.onOrder, due: part.onOrderETA))
            }
        }
        return short
    }

    /// Bays with the equipment, open for the whole booking, and free then.
    static func freeBays(for a: Appointment, _ s: Session) throws -> [Bay] {
        let found = try s.store.bayAvailability(start: a.at, end: a.end, excluding: a.id)
        return try found.bays.filter { bay in
            guard Set(a.equipment).isSubset(of: Set(bay.equipment)) else { return false }
            let hours = try BookingRules.parseHours(bay.hours)
            guard BookingRules.withinHours(start: a.at, minutes: a.duration, hours: hours, zone: s.zone) else { return false }
            if let car = found.occupants[bay.id], !BayRules.occupantGoneBy(a.at, car, now: s.now) { return false }
            return found.clashes[bay.id] == nil
        }
    }

    static func add(_ invocation: Invocation, _ s: Session) throws -> Output {
        let vehicle = try s.store.resolveVehicle(invocation.need("plate"))
        let at: Timestamp = invocation.need("at")
        guard at > s.now else { throw BookingRefusal.notInFuture(at: at) }
        let jobs: [String] = invocation.values("job")
        try s.store.sendAheadBookingReads(jobs: jobs, vehicleID: vehicle.id)
        let found = try s.store.jobs(codes: jobs)
        let lines = try plannedLines(jobs, found: found, s)
        var equipment: [String] = []
        for code in jobs {
            for item in found[code.uppercased()]?.equipment ?? [] where !equipment.contains(item) { equipment.append(item) }
        }
        let labour = Hours(hundredths: lines.compactMap(\.hours).reduce(0) { $0 + $1.hundredths })
        let minutes = BookingRules.duration(forLabour: invocation.value("duration") ?? labour)
        let estimate = Totals(lines: lines, rate: s.settings.taxRate, pricesIncludeTax: s.settings.pricesIncludeTax).taxed.gross
        var draft = Appointment(id: 0, vehicleID: vehicle.id, at: at, duration: minutes, complaint: invocation.need("complaint"), jobs: jobs,
                                equipment: equipment, bayID: nil, status: .pending, orderID: nil, estimate: estimate,
                                createdAt: s.now, createdBy: s.user, note: invocation.value("note"))
        if let bayName: String = invocation.value("bay") { draft.bayID = try chooseBay(bayName, for: draft, s).id }
        let saved = try s.store.addAppointment(draft)
        try s.store.sendAheadFreeBayReads(saved, parts: partsNeeded(lines).map(\.partNumber))
        let w = s.wording
        var text = s.t("预约 \(saved.reference)：\(vehicle.plate) \(s.formatTime(at))（\(minutes) 分钟），估价 \(estimate.grouped)",
                       "booking \(saved.reference): \(vehicle.plate) at \(s.formatTime(at)) (\(minutes) min), estimate \(estimate.grouped)")
        if !lines.isEmpty { text += "\n" + OrderView.linesTable(lines, session: s) }
        let short = try shortages(partsNeeded(lines), s)
        text += "\n  " + (short.isEmpty ? s.t("配件：全部有货", "parts: all in stock")
                                        : s.t("! 缺货：", "! short: ") + short.map(w.shortage).joined(separator: s.t("；", "; ")))
        let bays = try freeBays(for: saved, s)
        text += "\n  " + s.t("可用工位", "free bays")
            + (equipment.isEmpty ? "" : s.t("（\(w.equipment(equipment))）", " (\(w.equipment(equipment)))")) + s.t("：", ": ")
            + (bays.isEmpty ? s.t("无", "none") : bays.map(\.name).joined(separator: s.t("、", ", ")))
        text += "\n  " + s.t("客户同意后：appointment \(saved.reference) confirm [bay=…]；不同意：appointment \(saved.reference) cancel",
                             "when the customer agrees: appointment \(saved.reference) confirm [bay=…]; if not: appointment \(saved.reference) cancel")
        for warning in declinedWarnings(try s.store.declinedHeld(vehicleID: vehicle.id), s) { text += "\n  ! " + warning }
        return Output(text: text, json: .object([
            ("ok", .bool(true)), ("appointment", .string(saved.reference)), ("at", .string(at.iso8601)), ("minutes", .int(minutes)),
            ("estimate", .money(estimate)), ("lines", .array(lines.map(OrderView.lineJSON))),
            ("short", .array(short.map { .string(w.shortage($0)) })),
            ("short_parts", .array(short.map(shortageJSON))),
            ("free_bays", .array(bays.map { .string($0.name) })),
        ]))
    }

    /// A declined order of the car not yet released (its fee unpaid, its key on the hook, belongings
    /// here): said when it is booked, confirmed or told of its booking — a warning, not a refusal.
    static func declinedWarnings(_ held: [(order: RepairOrder, held: HeldUntilRelease)], _ s: Session) -> [String] {
        held.map { declined, held in
            s.t("此车拒修单 \(declined.number)（\(s.zone.formatDate(declined.checkedInAt))）尚未交车：",
                "this car's declined order \(declined.number) (\(s.zone.formatDate(declined.checkedInAt))) is not released: ")
                + OrderCommands.heldText(held, s)
                + s.t("；请告知客户（收费、交还后 release \(declined.number) signed=…）", "; tell the customer (settle and return, then release \(declined.number) signed=…)")
        }
    }

    static func shortageJSON(_ short: PartShortage) -> JSON {
        .object([("partno", .string(short.partNumber)), ("name", .string(short.name)), ("needed", .string(short.needed.description)),
                 ("available", .string(short.available.description)), ("on_order", .string(short.onOrder.description)),
                 ("due", .string(short.due))])
    }

    static func chooseBay(_ name: String, for a: Appointment, _ s: Session) throws -> Bay {
        guard let bay = try s.store.bay(named: name) else {
            throw PeopleRefusal.unknownBay(name: name, bays: try s.store.bays().map(\.name))
        }
        let missing = a.equipment.filter { !bay.equipment.contains($0) }
        guard missing.isEmpty else {
            throw BookingRefusal.bayLacksEquipment(bay: bay.name, missing: Equipment.stored(missing), has: Equipment.stored(bay.equipment),
                                                   free: try freeBays(for: a, s).map(\.name))
        }
        guard BookingRules.withinHours(start: a.at, minutes: a.duration, hours: try BookingRules.parseHours(bay.hours), zone: s.zone) else {
            throw BookingRefusal.bayClosed(bay: bay.name, hours: bay.hours, at: a.at, minutes: a.duration)
        }
        // The bay's car and clash, read with every bay's (one round trip on a server, where these were three).
        let found = try s.store.bayAvailability(start: a.at, end: a.end, excluding: a.id)
        if let car = found.occupants[bay.id], !BayRules.occupantGoneBy(a.at, car, now: s.now) {
            throw BookingRefusal.bayOccupied(bay: bay.name, order: car.order, plate: car.plate,
                                             until: BayRules.expectedUntil(promise: car.promisedAt, now: s.now), free: try freeBays(for: a, s).map(\.name))
        }
        if let clash = found.clashes[bay.id] {
            let plate = try s.store.vehicle(id: clash.vehicleID)?.plate.value ?? ""
            throw BookingRefusal.bayTaken(bay: bay.name, by: clash.reference, plate: plate, from: clash.at, until: clash.end,
                                          free: try freeBays(for: a, s).map(\.name))
        }
        return bay
    }

    static func confirm(_ a: inout Appointment, bay name: String?, _ s: Session) throws -> Output {
        guard a.status == .pending else { throw BookingRefusal.notPending(appointment: a.reference, status: a.status) }
        guard a.at > s.now else { throw BookingRefusal.timePassed(appointment: a.reference, at: a.at) }
        try s.store.sendAheadBookingReads(jobs: a.jobs, vehicleID: a.vehicleID, bay: name, availabilityFor: a)
        let needed = partsNeeded(try plannedLines(a.jobs, s))
        let short = try shortages(needed, s)
        guard short.isEmpty else { throw BookingRefusal.partsShort(appointment: a.reference, shortages: short) }
        let bay: Bay
        if let name {
            bay = try chooseBay(name, for: a, s)
        } else if let id = a.bayID, let chosen = try s.store.bays().first(where: { $0.id == id }) {
            bay = try chooseBay(chosen.name, for: a, s)
        } else {
            guard let free = try freeBays(for: a, s).first else {
                throw BookingRefusal.noFreeBay(equipment: Equipment.stored(a.equipment), at: a.at, minutes: a.duration)
            }
            bay = free
        }
        try s.store.reserveParts(needed, for: a)
        let pending = a
        a.bayID = bay.id
        a.status = .confirmed
        try s.store.saveAppointment(a, was: pending, action: .appointmentConfirm, detail: [("bay", .string(bay.name)),
                                                                             ("parts", .array(needed.map { .string("\($0.partNumber)×\($0.quantity)") }))])
        var text = s.t("\(a.reference) 已确认：\(s.formatTime(a.at)) \(bay.name)" + (needed.isEmpty ? "" : "，已预留配件 \(needed.count) 种"),
                       "\(a.reference) confirmed: \(s.formatTime(a.at)) in \(bay.name)" + (needed.isEmpty ? "" : ", \(needed.count) parts reserved"))
        for warning in declinedWarnings(try s.store.declinedHeld(vehicleID: a.vehicleID), s) { text += "\n  ! " + warning }
        return .message(text, [("bay", .string(bay.name))])
    }

    static func cancel(_ a: inout Appointment, reason: String?, _ s: Session) throws -> Output {
        guard a.status.isActive else { throw BookingRefusal.alreadyClosed(appointment: a.reference, status: a.status) }
        // Only a confirmed booking reserved parts and held a bay.
        let held = a.status == .confirmed
        try s.store.releaseReservations(of: a)
        let booked = a
        a.status = .cancelled
        a.note = [a.note, reason].compactMap { $0 }.joined(separator: " · ")
        try s.store.saveAppointment(a, was: booked, action: .appointmentCancel, detail: [("reason", .string(reason))])
        return .message(held ? s.t("\(a.reference) 已取消，预留配件和工位已释放", "\(a.reference) cancelled; its parts and bay are released")
                             : s.t("\(a.reference) 已取消（未确认的预约，没有预留配件）", "\(a.reference) cancelled (it was not confirmed: nothing was reserved)"))
    }

    static func noShow(_ a: inout Appointment, _ s: Session) throws -> Output {
        guard a.status.isActive else { throw BookingRefusal.alreadyClosed(appointment: a.reference, status: a.status) }
        guard s.now > a.at else { throw BookingRefusal.noShowTooEarly(appointment: a.reference, at: a.at) }
        let held = a.status == .confirmed
        try s.store.releaseReservations(of: a)
        let booked = a
        a.status = .noShow
        try s.store.saveAppointment(a, was: booked, action: .appointmentNoShow, detail: [])
        return .message(held ? s.t("\(a.reference) 标记为未到店，预留配件和工位已释放", "\(a.reference) marked as a no-show; its parts and bay are released")
                             : s.t("\(a.reference) 标记为未到店（未确认的预约，没有预留配件）", "\(a.reference) marked as a no-show (it was not confirmed: nothing was reserved)"))
    }

    static func show(_ a: Appointment, _ s: Session) throws -> Output {
        let vehicle = try s.store.vehicle(id: a.vehicleID)
        let owner = try vehicle.flatMap { try s.store.customer(id: $0.ownerID) }
        let bay = try a.bayID.flatMap { id in try s.store.bay(id: id) }
        var fields = Fields()
        fields.add(s.t("车辆", "Vehicle"), "\(vehicle?.plate.value ?? "") \(vehicle?.description ?? "")")
        fields.add(s.t("客户", "Customer"), owner.map { "\($0.name) \($0.phone)" })
        fields.add(s.t("时间", "When"), "\(s.formatTime(a.at)) · \(a.duration) " + s.t("分钟", "min"))
        fields.add(s.t("工位", "Bay"), bay?.name)
        fields.add(s.t("故障描述", "Complaint"), a.complaint)
        fields.add(s.t("套餐", "Jobs"), a.jobs.joined(separator: ", "))
        fields.add(s.t("设备", "Equipment"), s.wording.equipment(a.equipment))
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
    static func list(_ day: Timestamp, _ s: Session) throws -> Output {
        let bookings = try s.store.appointments(from: day, to: Day.next(day, s.zone))
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
