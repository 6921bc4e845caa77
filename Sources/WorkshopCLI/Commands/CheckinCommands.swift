import WorkshopModel
import WorkshopStore

/// Check-in (接车) and the reception facts recorded on the order: diagnosis, damage, promised time.
enum CheckinCommands {
    static let all = [checkin, diagnose, damage, promise]

    static let checkin = CommandSpec("checkin", aliases: ["check-in", "接车"], group: .reception,
        summary: Phrase("接车：里程、油量（电动车为电量）、故障描述、送修人；开出维修单", "check a car in: odometer, fuel (an electric car's battery), complaint, who brought it; opens the repair order"), forms: [
        Form([arg("plate", .vehicle)], options: [
            required("odometer", .odometer), option("fuel", .choice(FuelLevel.self)), option("battery", battery, aliases: ["电量"]),
            option("complaint", .text),
            option("by", .name), option("phone", .phone), option("category", .choice(RepairCategory.self)),
            option("payer", .choice(Payer.self)), option("docs", .text("证件,证件", "DOC,DOC")), option("key", .keyTag),
            option("promise", .promisedTime), option("rework", .text("单号/项号", "RO/LINE")), option("cause", .text),
            option("appointment", .appointment), option("confirm-odometer", .yesNo), option("billto", .customer, aliases: ["付款方"]),
        ], access: .write, roles: [.advisor, .manager],
        summary: Phrase("开出维修单（complaint= 必填，来自预约 appointment= 时可省，沿用预约时的描述）；电动车写电量 battery=，不写油量；质保期内返修用 rework=；由他人付款（单位、保险公司）用 billto=客户",
                        "opens the order (complaint= is needed, except from a booking, appointment=, whose complaint it takes); an electric car gives battery=, not fuel=; a warranty comeback with rework=; billto=CUSTOMER when someone else pays (a company, an insurer)"),
        examples: ["checkin 京A12345 odometer=45210 fuel=1/2 complaint=\"刹车异响\" by=李明 phone=13900001111 category=minor docs=行驶证,保单 key=K07",
                   "checkin 粤B2D3E4 odometer=30100 fuel=3/4 appointment=A2",
                   "checkin 粤B·D12345 odometer=12000 battery=80 complaint=\"空调不制冷\" billto=C3"]) { invocation, s in
            try checkIn(invocation, s)
        },
    ])

    /// 电量: the battery in percent, 0 to 100 ("80" or "80%").
    static let battery = ValueType(Phrase("电量%", "PERCENT")) { text, field, _ in
        let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let value = Int(digits), (0...100).contains(value) else { throw InputRefusal.notNumber(field: field, given: text, range: 0...100) }
        return .integer(value)
    }

    static func checkIn(_ invocation: Invocation, _ s: Session) throws -> Output {
        let vehicle = try s.store.resolveVehicle(invocation.need("plate"))
        try s.store.sendAheadCheckInReads(vehicle)
        guard let owner = try s.store.customer(id: vehicle.ownerID) else { throw OrderRefusal.noOwner(plate: vehicle.plate.value) }
        let odometer: Int = invocation.need("odometer")
        var booking = try (invocation.value("appointment") as String?).map { try s.store.resolveAppointment($0) }
        if let booking {
            guard booking.vehicleID == vehicle.id else { throw OrderRefusal.bookingOtherVehicle(booking: booking.reference) }
            guard booking.status.isActive else { throw OrderRefusal.bookingNotActive(booking: booking.reference, status: booking.status) }
        }
        guard let complaint = (invocation.value("complaint") as String?).flatMap({ $0.isEmpty ? nil : $0 }) ?? booking?.complaint else {
            let form = invocation.form
            throw GrammarRefusal.missingOption(command: "checkin", key: "complaint", placeholder: ValueType.text.placeholder,
                                               usage: Usage.of(invocation.command, form))
        }
        let today = s.zone.formatDate(s.now)
        let underWarranty = try s.store.warrantyCoverage(vehicle: vehicle, coveringDay: today, odometer: odometer)
        var comeback: Comeback?
        if let reference: String = invocation.value("rework") {
            let original = try s.store.order(id: Comeback.reference(reference).order)
            comeback = try Comeback.link(reference, cause: invocation.value("cause"), vehicle: vehicle, original: original, covered: underWarranty)
        } else if invocation.has("cause") {
            throw OrderRefusal.causeWithoutRework
        }
        let billTo = try (invocation.value("billto") as String?).map { try s.store.resolveCustomer($0) }
        // A booking's planned work sets the category its operations imply (J-MNT-2: 二级维护).
        let catalogue = try s.store.laborCategories()
        var implied: [(operation: String, category: RepairCategory)] = []
        for code in booking?.jobs ?? [] {
            for operation in try s.store.job(code: code)?.operations ?? [] {
                if let category = catalogue[operation.uppercased()] { implied.append((operation, category)) }
            }
        }
        let category = try CheckInFacts.category(given: invocation.choice("category"), implied: implied, booking: booking?.reference)
        let facts = CheckInFacts(odometer: odometer, fuel: invocation.choice("fuel"), complaint: complaint,
                                 droppedBy: invocation.value("by"), droppedPhone: invocation.value("phone"),
                                 category: category, payer: invocation.choice("payer"),
                                 promise: invocation.value("promise"), keyTag: invocation.value("key"),
                                 confirmOdometer: invocation.value("confirm-odometer") ?? false,
                                 battery: invocation.value("battery"), billTo: billTo)
        let history = try s.store.odometerHistory(vehicleID: vehicle.id)
        let last = history.standing(at: s.now)
        let opened = try RepairOrder.checkIn(facts, vehicle: vehicle, owner: owner, openOrder: try s.store.openOrder(vehicleID: vehicle.id),
                                             comeback: comeback, advisor: s.user, at: s.now, lastReading: last,
                                             site: s.store.siteID, siteName: { try s.store.site(id: $0).name })
        let order = try s.store.createOrder(opened, odometerConfirmed: OdometerRule.confirmationNeeded(reading: odometer, after: last, at: s.now))
        try s.store.setOdometer(vehicleID: vehicle.id, reading: odometer, was: vehicle.odometer)
        var planned = 0
        if var arrived = booking {
            // The booking becomes the order: its planned lines, ready to sign; its parts are issued at signature.
            let lines = try AppointmentCommands.plannedLines(arrived.jobs, s)
            try s.store.apply(try s.store.record(of: order).addPlannedLines(lines, fromBooking: arrived.reference))
            planned = lines.count
            try s.store.releaseReservations(of: arrived)
            let booked = arrived
            arrived.status = .arrived
            arrived.orderID = order.id
            try s.store.saveAppointment(arrived, was: booked, action: .appointmentArrive, detail: [("order", .string(order.number))])
            try s.store.linkAppointment(arrived.id, to: order)
            booking = arrived
        }
        var notices: [String] = []
        let reading = OdometerReading(km: odometer, at: s.now, source: .checkIn(order: order.id), sequence: Int.max)
        let reestimated = try ReminderDesk.afterCheckIn(vehicle, history: history.adding(reading), s)
        // An earlier declined estimate of this car not yet released: its fee, its key, its belongings.
        let unreleased = try s.store.declinedHeld(vehicleID: vehicle.id)
        for (declined, held) in unreleased {
            notices.append(s.t("此车拒修单 \(declined.number)（\(s.zone.formatDate(declined.checkedInAt))）尚未交车：",
                               "this car's declined order \(declined.number) (\(s.zone.formatDate(declined.checkedInAt))) is not released: ")
                           + OrderCommands.heldText(held, s)
                           + s.t("（收费、交还后 release \(declined.number) signed=…）", " (settle and return, then release \(declined.number) signed=…)"))
        }
        if let booking {
            notices.append(s.t("来自预约 \(booking.reference)：已带入 \(planned) 个计划项目，请核对后签字",
                               "from booking \(booking.reference): \(planned) planned lines on the order, check them and have it signed"))
        }
        if let comeback {
            let original = RepairOrder.number(comeback.order) + (comeback.line.map { "/\($0)" } ?? "")
            notices.append(s.t("质保期内返修：关联 \(original)，原因：\(comeback.cause)；保修项目不收费",
                               "warranty comeback of \(original), cause: \(comeback.cause); warranty work is free"))
        } else if !underWarranty.isEmpty {
            notices.append(s.t("在保修期内的项目（如属返修：checkin … rework=单号/项号 cause=…）：", "under warranty (for a comeback: checkin … rework=RO/LINE cause=…): ")
                           + underWarranty.map { "\(RepairOrder.number($0.orderID))/\($0.line.number) \($0.line.description) " + s.t("至 ", "until ") + "\($0.lastDay) / \($0.lastKilometre) km" }.joined(separator: "; "))
        }
        for name in ((invocation.value("docs") as String?) ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }) {
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
            + (order.battery.map { s.t("  电量 \($0)%", "  battery \($0)%") } ?? "")
            + (billTo.flatMap { $0.id == owner.id ? nil : s.t("  付款方 \($0.reference) \($0.name)", "  billed to \($0.reference) \($0.name)") } ?? "")
        for notice in notices { text += "\n  ! " + notice }
        for line in reestimated { text += "\n  " + line }
        text += "\n  " + s.t("下一步：damage / belongings / diagnose / estimate \(order.number) …",
                             "next: damage / belongings / diagnose / estimate \(order.number) …")
        return Output(text: text, json: .object([
            ("ok", .bool(true)), ("order", .string(order.number)), ("plate", .string(vehicle.plate.value)),
            ("customer", .string(owner.reference)), ("odometer", .int(odometer)),
            ("notices", .array(notices.map { .string($0) })), ("reminders", .array(reestimated.map { .string($0) })),
            ("rework_of", .string(comeback.map { RepairOrder.number($0.order) })),
            ("under_warranty", .array(underWarranty.map(WarrantyCommands.json))),
            ("declined_unreleased", .array(unreleased.map { .object([("order", .string($0.order.number)), ("held", OrderCommands.heldJSON($0.held))]) })),
            ("declined_earlier", .array(declined.map { .object([("order", .string(RepairOrder.number($0.order))), ("line", OrderView.lineJSON($0.line))]) })),
        ]))
    }

    static let diagnose = CommandSpec("diagnose", aliases: ["diag", "诊断"], group: .order,
        summary: Phrase("记录诊断（诊断书）：检查结果和建议，可带诊断费", "record the diagnosis (诊断书): findings and recommendation, with a diagnostic fee if any"), forms: [
        Form([arg("order", .order), textArg("findings")], options: [option("fee", .money)], access: .write,
             roles: [.advisor, .technician, .manager], summary: Phrase("诊断结果；fee= 诊断费成为一项收费", "the findings; fee= makes the diagnostic fee a line"),
             examples: ["diagnose RO12 \"前刹车片磨损至2mm，建议更换；刹车盘正常\" fee=50"]) { invocation, s in
            let record = try s.record(invocation)
            let fee: Money? = invocation.value("fee")
            let change = try s.store.apply(try record.diagnose(invocation.need("findings"), fee: fee,
                                                               feeDescription: s.t("诊断费", "Diagnostic fee"), by: s.user, at: s.now))
            var text = s.t("\(record.order.number) 诊断已记录", "\(record.order.number): findings recorded")
            if change.laterFinding != nil {
                text = s.t("\(record.order.number) 已签字：诊断作为追加发现记录（\(s.user)，\(s.formatTime(s.now))），客户签字的诊断保持原样；需增加项目请用 supplement \(record.order.number) add …",
                           "\(record.order.number) is signed: recorded as a later finding (\(s.user), \(s.formatTime(s.now))); the diagnosis the customer signed stays as it was; added work goes through supplement \(record.order.number) add …")
            }
            if let fee, let line = change.newLines.first {
                text += s.t("；诊断费 \(fee.grouped) 为第 \(line.number) 项", "; diagnostic fee \(fee.grouped) is line \(line.number)")
            }
            return .message(text, [("order", .string(record.order.number))])
        },
    ])

    static let damage = CommandSpec("damage", aliases: ["外观"], group: .order,
        summary: Phrase("记录外观/内饰视检发现的损伤", "note damage seen at the visual check (外观/内饰视检)"), forms: [
        Form([arg("order", .order), word("remove", "删除"), arg("note", .integer("序号", "N", 1...999))], access: .write,
             roles: [.advisor, .manager], summary: Phrase("客户签字前删除一条写错的损伤记录（留痕）；签字后另记一条更正说明",
                                                          "remove a damage note written by mistake, before the customer signs (recorded); after, add a note correcting it"),
             examples: ["damage RO12 remove 2"]) { invocation, s in
            let record = try s.record(invocation)
            let number: Int = invocation.need("note")
            try Gate.damageRemovable(record, note: number)
            try s.store.removeDamage(record.damage[number - 1], from: record.order)
            return .message(s.t("已删除损伤记录 \(number)（已留痕）", "removed damage note \(number) (recorded)"))
        },
        Form([arg("order", .order), textArg("note")], access: .write, roles: [.advisor, .technician, .manager],
             summary: Phrase("记一处损伤", "note a damage"), examples: ["damage RO12 \"左前门划痕约10cm\"", "damage 京A12345 后保险杠凹陷"]) { invocation, s in
            let order = try s.store.resolveOrder(invocation.need("order"))
            try Gate.open(order)
            let note: String = invocation.need("note")
            try s.store.addDamage(note, to: order)
            let count = try s.store.damageNotes(orderID: order.id).count
            return .message(s.t("\(order.number) 损伤 \(count)：\(note)", "\(order.number) damage \(count): \(note)"))
        },
    ])

    static let promise = CommandSpec("promise", aliases: ["交车时间"], group: .estimate,
        summary: Phrase("约定交车时间，考虑配件供应留有余量", "set the promised completion time (交车时间), with margin for parts supply"), forms: [
        Form([arg("order", .order), arg("at", .promisedTime)], access: .write, roles: [.advisor, .manager],
             summary: Phrase("交车时间", "the promised time"), examples: ["promise RO12 2026-11-23 17:00", "promise RO12 明天 17:00"]) { invocation, s in
            let record = try s.record(invocation)
            let change = try s.store.apply(try record.promise(invocation.need("at"), now: s.now))
            let when = change.order.promisedAt!
            var message = s.t("\(record.order.number) 交车时间 \(s.formatTime(when))", "\(record.order.number) promised for \(s.formatTime(when))")
            // Later is a delay, told with its reason; earlier is only news of the new time.
            if let previous = record.order.promisedAt, record.order.status != .estimating, when != previous {
                message += when > previous ? s.t("（原 \(s.formatTime(previous))：请通知客户延期原因）", " (was \(s.formatTime(previous)): tell the customer why)")
                                           : s.t("（原 \(s.formatTime(previous))，已提前：请告知客户新的交车时间）", " (was \(s.formatTime(previous)), now earlier: tell the customer the new time)")
            }
            return .message(message, [("promised_at", .string(when.iso8601))])
        },
    ])
}

extension Session {
    /// The order named by the invocation's `order` argument, with everything about it.
    /// A command that changes it must be of the order's own site (SiteWork): said before anything
    /// else is checked. (The store refuses any change of another site's order too, whatever the path.)
    func record(_ invocation: Invocation, _ name: String = "order") throws -> OrderRecord {
        let order = try store.resolveOrder(invocation.need(name))
        if invocation.form.access == .write { try store.requireSiteWork(of: order) }
        return try store.record(of: order)
    }

    /// The order a read names, with its payments and the member tiers read beside its record: what
    /// `ro show` and `invoice` show.
    func recordToShow(_ invocation: Invocation) throws -> OrderRecord {
        try store.recordToShow(of: store.resolveOrder(invocation.need("order")))
    }

    /// The pricing terms in force now: what an unsigned order is estimated under.
    var terms: PricingTerms { settings.pricingTerms }
}
