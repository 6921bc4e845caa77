import WorkshopModel
import WorkshopStore

/// How reminders read: the call list with whom to call, why and the message; the open list; one
/// reminder in full.
extension RemindCommands {
    /// `remind list due [within=…]`: each reminder due, as a block an advisor calls from.
    static func listDue(_ invocation: Invocation, _ s: Session) throws -> Output {
        let today = ReminderDesk.today(s)
        let window = try (invocation.value("within") as String?).map(ReminderWindow.parse) ?? .days(s.settings.remindLeadDays)
        let lastDay = window.lastDay(from: today)
        let due = try s.store.openReminders(dueBy: lastDay)
        var blocks: [String] = []
        var rows: [JSON] = []
        var contacts: [Int: (FollowUpContact, Customer, Vehicle)] = [:]
        // Signed by the site making the calls — the reminders' own (the list is the session's site's):
        // its name and phone (the shop's, while it has one site).
        let site = try s.store.hasSites() ? try s.store.currentSite() : nil
        let caller = (name: site?.name ?? s.settings.name, phone: site?.phone ?? s.settings.phone)
        for reminder in due {
            if contacts[reminder.vehicleID] == nil {
                guard let vehicle = try s.store.vehicle(id: reminder.vehicleID), let owner = try s.store.customer(id: vehicle.ownerID) else { continue }
                let contact = ReminderRules.contact(recentOrders: try s.store.recentOrders(vehicleID: vehicle.id), owner: owner)
                contacts[reminder.vehicleID] = (contact, owner, vehicle)
            }
            guard let (contact, owner, vehicle) = contacts[reminder.vehicleID] else { continue }
            let origin = try reminder.kind == .declined ? reminder.orderID.flatMap(s.store.order(id:)) : nil
            let message = ReminderMessage(shopName: caller.name, shopPhone: caller.phone, name: contact.name, plate: vehicle.plate.dotted,
                                          reminder: reminder, today: today, orderDay: origin.map { CalendarDay($0.checkedInAt, zone: s.zone) },
                                          orderNumber: origin?.number).text(s.language)
            let calls = try s.store.reminderCalls(reminderID: reminder.id)
            let who = contact.role == .owner ? s.t("车主", "owner") : s.t("常来送修", "usually brings it")
            var block = "\(reminder.number)  \(vehicle.plate.value)  \(kindText(reminder, s))  " + s.t("到期 ", "due ") + reminder.dueOn.text
                + s.t("（\(state(reminder, today, s))）", " (\(state(reminder, today, s)))")
            var fields = Fields()
            fields.add(s.t("原因", "Why"), why(reminder, s))
            // The car is here now: offered face to face rather than by phone.
            if let open = try s.store.openOrder(vehicleID: vehicle.id) {
                fields.add(s.t("在厂", "In the shop"), s.t("\(open.number)：可当面建议", "\(open.number): offer it in person"))
            }
            fields.add(s.t("联系", "Call"), (contact.name.map { $0 + " " } ?? "") + "\(contact.phone)" + s.t("（\(who)）", " (\(who))")
                       + (contact.role == .owner ? "" : s.t(" · 车主 ", " · owner ") + "\(owner.name) \(owner.phone)"))
            if let last = calls.last {
                fields.add(s.t("未接通", "Unanswered"), s.t("\(calls.count) 次，最近 \(s.formatTime(last.at)) \(last.by)", "\(calls.count), last \(s.formatTime(last.at)) \(last.by)")
                           + (last.note.map { s.t("（\($0)）", " (\($0))") } ?? ""))
            }
            fields.add(s.t("短信", "Message"), message)
            block += "\n" + fields.render()
            blocks.append(block)
            rows.append(json(reminder, s, extra: [
                ("plate", .string(vehicle.plate.value)), ("state", .string(state(reminder, today, s))), ("why", .string(why(reminder, s))),
                ("call", .object([("name", .string(contact.name)), ("phone", .string(contact.phone)), ("as", .string(contact.role.rawValue))])),
                ("owner", .object([("name", .string(owner.name)), ("phone", .string(owner.phone))])),
                ("unanswered", .array(calls.map { .object([("at", .string($0.at.iso8601)), ("by", .string($0.by)), ("note", .string($0.note))]) })),
                ("message", .string(message)),
            ]))
        }
        let title = s.t("到期提醒（\(lastDay.text) 前到期及已逾期）：\(blocks.count) 条", "Reminders due by \(lastDay.text), and overdue: \(blocks.count)")
        return Output(text: blocks.isEmpty ? s.t("\(lastDay.text) 前没有到期的提醒", "no reminders due by \(lastDay.text)") : title + "\n\n" + blocks.joined(separator: "\n\n"),
                      json: .object([("due_by", .string(lastDay.text)), ("reminders", .array(rows))]))
    }

    /// `remind list`: every open reminder, soonest first.
    static func list(_ s: Session) throws -> Output {
        let today = ReminderDesk.today(s)
        let open = try s.store.openReminders(dueBy: nil)
        var table = TextTable([s.t("提醒", "Reminder"), s.t("车牌", "Plate"), s.t("事项", "What"), s.t("到期", "Due"), s.t("状态", "State"),
                               s.t("原因", "Why")])
        var plates: [Int: String] = [:]
        var rows: [JSON] = []
        for reminder in open {
            if plates[reminder.vehicleID] == nil { plates[reminder.vehicleID] = try plate(of: reminder, s) }
            let plate = plates[reminder.vehicleID] ?? ""
            table.add([reminder.number, plate, kindText(reminder, s), reminder.dueOn.text, state(reminder, today, s), why(reminder, s)])
            rows.append(json(reminder, s, extra: [("plate", .string(plate))]))
        }
        return Output(text: open.isEmpty ? s.t("没有待处理的提醒", "no open reminders") : table.render(), json: .object([("reminders", .array(rows))]))
    }

    /// `remind R7` in full; `remind PLATE` (or an order): every reminder of the vehicle.
    static func show(_ invocation: Invocation, _ s: Session) throws -> Output {
        let reference: String = invocation.need("reminder")
        let today = ReminderDesk.today(s)
        guard let id = Reminder.id(fromNumber: reference) else {
            let vehicleID = RepairOrder.id(fromNumber: reference) != nil ? try s.store.resolveOrder(reference).vehicleID
                : try s.store.resolveVehicle(reference).id
            let all = try s.store.reminders(vehicleID: vehicleID, openOnly: false)
            var table = TextTable([s.t("提醒", "Reminder"), s.t("事项", "What"), s.t("到期", "Due"), s.t("状态", "State"), s.t("原因", "Why")])
            for reminder in all { table.add([reminder.number, kindText(reminder, s), reminder.dueOn.text, state(reminder, today, s), why(reminder, s)]) }
            return Output(text: all.isEmpty ? s.t("\(reference) 没有提醒", "\(reference) has no reminders") : table.render(),
                          json: .object([("reminders", .array(all.map { json($0, s) }))]))
        }
        guard let reminder = try s.store.reminder(id: id) else { throw ReminderRefusal.noReminder(given: reference.uppercased()) }
        let plate = try plate(of: reminder, s)
        var fields = Fields()
        fields.add(s.t("车牌", "Plate"), plate)
        fields.add(s.t("事项", "What"), kindText(reminder, s))
        fields.add(s.t("到期", "Due"), reminder.dueOn.text + s.t("（\(state(reminder, today, s))）", " (\(state(reminder, today, s)))"))
        fields.add(s.t("原因", "Why"), why(reminder, s))
        fields.add(s.t("生成", "Made"), "\(s.formatTime(reminder.createdAt)) \(reminder.createdBy) · " + originText(reminder, s))
        let calls = try s.store.reminderCalls(reminderID: reminder.id)
        for call in calls {
            fields.add(s.t("未接通", "Unanswered"), "\(s.formatTime(call.at)) \(call.by)" + (call.note.map { s.t("（\($0)）", " (\($0))") } ?? ""))
        }
        if let at = reminder.calledAt {
            fields.add(s.t("已联系", "Called"), "\(s.formatTime(at)) \(reminder.calledBy ?? "")" + (reminder.result.map { s.t("：", ": ") + $0 } ?? ""))
        }
        if let booking = reminder.appointmentID {
            let status = try s.store.appointment(id: booking)?.status.label(s.language) ?? ""
            fields.add(s.t("预约", "Booking"), "\(Appointment.reference(booking)) \(status) · \(s.formatTime(reminder.bookedAt)) \(reminder.bookedBy ?? "")")
        }
        if let outcome = reminder.outcome, let at = reminder.closedAt {
            fields.add(s.t("关闭", "Closed"), "\(outcome.label(s.language)) · \(s.formatTime(at)) \(reminder.closedBy ?? "")"
                       + (reminder.closedOrderID.map { " · \(RepairOrder.number($0))" } ?? "") + (reminder.closeReason.map { " · \($0)" } ?? ""))
        }
        return Output(text: "\(reminder.number)\n" + fields.render(), json: json(reminder, s, extra: [("plate", .string(plate))]))
    }

    // MARK: Words

    static func kindText(_ r: Reminder, _ s: Session) -> String {
        r.kind == .declined ? s.t("未做项目：", "declined: ") + (r.item ?? "") : r.kind.label(s.language)
    }

    /// "已逾期 5 天" / "今天到期" / "3 天后" / "已联系".
    static func state(_ r: Reminder, _ today: CalendarDay, _ s: Session) -> String {
        if let outcome = r.outcome { return outcome.label(s.language) }
        let days = r.dueOn - today
        if days < 0 { return s.t("已逾期 \(-days) 天", "overdue \(-days) day" + (days == -1 ? "" : "s")) }
        if days == 0 { return s.t("今天到期", "due today") }
        return s.t("\(days) 天后", "in \(days) day" + (days == 1 ? "" : "s"))
    }

    static func km(_ value: Int) -> String { FixedPoint.format(value, scale: 0, grouping: true) + " km" }

    /// Why it is due when it is: the date, the estimated kilometres, or both and which comes first.
    static func why(_ r: Reminder, _ s: Session) -> String {
        switch r.kind {
        case .maintenance:
            guard let interval = r.interval else { return s.t("指定日期 \(r.dueOn.text)", "date set: \(r.dueOn.text)") }
            var parts: [String] = []
            let estimate = r.dueByKm.flatMap { day in r.dueKm.flatMap { km in r.distance.map { (day, km, $0) } } }
            if let (day, dueKm, distance) = estimate {
                let expected = s.t("预计 \(day.text) 达到 \(self.km(dueKm))（平均每天约 \(distance.perDay) km）",
                                   "\(self.km(dueKm)) expected on \(day.text) (about \(distance.perDay) km a day)")
                if let date = r.dueDate {
                    parts = r.dueByKilometres
                        ? [s.t("里程先到：", "km first: ") + expected, s.t("按时间：\(date.text)", "by date: \(date.text)")]
                        : [s.t("时间先到：\(date.text)", "date first: \(date.text)"), s.t("按里程：", "by km: ") + expected]
                } else {
                    parts = [s.t("按里程：", "by km: ") + expected]
                }
            } else {
                if let date = r.dueDate { parts.append(s.t("按时间：\(date.text)", "by date: \(date.text)")) }
                if let dueKm = r.dueKm {
                    parts.append(s.t("\(self.km(dueKm)) 无法估算日期（里程读数不足两次），只按日期",
                                     "\(self.km(dueKm)) cannot be dated (fewer than two odometer readings): the date alone counts"))
                }
            }
            return ([interval.label(s.language)] + parts).joined(separator: s.t("；", "; "))
        case .inspection:
            return s.t("年检有效期至 \(r.dueOn.text)", "inspection valid until \(r.dueOn.text)") + sourceText(r, s)
        case .insurance:
            return s.t("保险到期 \(r.dueOn.text)", "insurance expires \(r.dueOn.text)") + sourceText(r, s)
        case .declined:
            let order = r.orderID.map(RepairOrder.number) ?? ""
            return s.t("\(order) 第 \(r.lineNumber ?? 0) 项客户未做：\(r.item ?? "")", "\(order) line \(r.lineNumber ?? 0) declined: \(r.item ?? "")")
        }
    }

    /// "（RO5 行驶证）": where a date came from, when a document gave it.
    static func sourceText(_ r: Reminder, _ s: Session) -> String {
        guard r.origin == .document, let order = r.orderID else { return "" }
        return s.t("（\(RepairOrder.number(order)) \(r.item ?? "")）", " (\(RepairOrder.number(order)) \(r.item ?? ""))")
    }

    static func originText(_ r: Reminder, _ s: Session) -> String {
        let order = r.orderID.map(RepairOrder.number) ?? ""
        switch r.origin {
        case .set: return s.t("手工设置", "set by hand")
        case .release: return s.t("\(order) 保养交车", "maintenance released on \(order)")
        case .document: return s.t("\(order) 登记证件 \(r.item ?? "")", "document \(r.item ?? "") recorded on \(order)")
        case .declined: return s.t("\(order) 客户未做的项目", "declined on \(order)")
        }
    }

    static func json(_ r: Reminder, _ s: Session, extra: [(String, JSON)] = []) -> JSON {
        .object([("reminder", .string(r.number)), ("kind", .string(r.kind.code)), ("origin", .string(r.origin.rawValue)),
                 ("due_on", .string(r.dueOn.text)), ("due_date", .string(r.dueDate?.text)), ("due_km", r.dueKm.map { .int($0) } ?? .null),
                 ("due_by_km", .string(r.dueByKm?.text)), ("every", .string(r.interval?.code)),
                 ("km_per_day", r.distance.map { .int($0.perDay) } ?? .null), ("last_service", .string(r.lastService?.text)),
                 ("last_km", r.lastKm.map { .int($0) } ?? .null), ("order", .string(r.orderID.map(RepairOrder.number))),
                 ("item", .string(r.item)), ("booking", .string(r.appointmentID.map(Appointment.reference))),
                 ("outcome", .string(r.outcome?.rawValue))] + extra)
    }
}
