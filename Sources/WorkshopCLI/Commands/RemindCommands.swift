import WorkshopModel
import WorkshopStore

/// Reminders that bring cars back (提醒): the next maintenance, 年检, insurance renewal and declined
/// work; whom to call with the message, the calls made, the booking they brought.
enum RemindCommands {
    static let writers: Set<Role> = [.advisor, .manager]

    static let command = CommandSpec("remind", aliases: ["reminder", "reminders", "提醒"], group: .afterSales,
        summary: Phrase("保养、年检、保险续保和未做项目的提醒：到期名单（联系谁、为什么、短信内容）、电话结果、带来的预约",
                        "reminders for maintenance, annual inspection, insurance renewal and declined work: who to call, why, the message; the calls and the bookings they brought"), forms: [
        Form([word("set", "设置"), arg("vehicle", .vehicle)],
             options: [required("kind", .choice(ReminderKind.self)), option("every", .serviceInterval), option("due", .reminderDay),
                       option("last", .reminderDay), option("odometer", .odometer), option("reason", .text("原因", "REASON"))],
             access: .write, roles: writers,
             summary: Phrase("设置提醒：保养按里程和/或月数（先到为准，可写上次保养 last= odometer=），或年检、保险的到期日",
                             "set a reminder: maintenance every so many km and/or months, whichever first (last= odometer= give the last service), or the inspection or insurance date"),
             examples: ["remind set 粤B8K3M2 kind=maintenance every=5000km|6months", "remind set 粤B8K3M2 kind=maintenance every=1万公里 last=2026-06-01 odometer=40000",
                        "remind set 粤B8K3M2 kind=inspection due=2027-05-31", "remind set 粤B8K3M2 kind=insurance due=2027-03-15", "remind set 粤B8K3M2 kind=insurance due=30天后"]) { invocation, s in
            try set(invocation, s)
        },
        Form([word("clear", "清除"), arg("vehicle", .vehicle)],
             options: [required("kind", .choice(ReminderKind.self)), required("reason", .text("原因", "REASON"))], access: .write, roles: writers,
             summary: Phrase("清除车辆某类未关闭的提醒，写明原因（车辆自己的保养间隔保留）", "clear a vehicle's open reminders of a kind, with the reason (its own maintenance interval stays)"),
             examples: ["remind clear 粤B8K3M2 kind=insurance reason=\"已在别处续保\""]) { invocation, s in
            try clear(invocation, s)
        },
        Form([word("list", "ls")], access: .read, summary: Phrase("全部未关闭的提醒，按到期日", "every open reminder, by due day"),
             examples: ["remind list"]) { _, s in
            try list(s)
        },
        Form([word("list", "ls"), word("due", "到期")], options: [option("within", .reminderWindow)], access: .read,
             summary: Phrase("到期名单：提前期内到期和已逾期的提醒，联系谁（常来送修的人或车主）及电话、原因、短信内容",
                             "the call list: reminders due within the lead time and overdue ones, whom to call (who usually brings the car, or the owner) and their phone, why, and the message"),
             examples: ["remind list due", "remind list due within=30days"]) { invocation, s in
            try listDue(invocation, s)
        },
        Form([arg("reminder", .reminderReference)], access: .read,
             summary: Phrase("提醒详情（车牌：该车全部提醒）", "a reminder in full (a plate: all of the vehicle's reminders)"),
             examples: ["remind R7", "remind 粤B8K3M2"]) { invocation, s in
            try show(invocation, s)
        },
        Form([arg("reminder", .reminderReference), word("done", "完成")],
             options: [required("result", .text), option("booked", .appointmentWithLetter)], access: .write, roles: writers,
             summary: Phrase("记录电话已接通及结果（车牌或单号：该车/该单到期的全部提醒）；约了就写 booked=预约号",
                             "record the call that got through and what was said (a plate or order: all of its reminders due); booked= links the booking it brought"),
             examples: ["remind R7 done result=\"下周六来保养\" booked=A12", "remind 粤B8K3M2 done result=\"已在4S店保养\""]) { invocation, s in
            try done(invocation, s)
        },
        Form([arg("reminder", .reminderReference), word("noanswer", "no-answer", "未接通", "无人接听")], options: [option("note", .text)],
             access: .write, roles: writers,
             summary: Phrase("记一次未接通的电话（谁、何时）；提醒仍待处理", "log a call no one answered (who, when); the reminder stays due"),
             examples: ["remind R7 noanswer", "remind R7 noanswer note=\"关机\""]) { invocation, s in
            try noAnswer(invocation, s)
        },
        Form([arg("reminder", .reminderReference)], options: [required("booked", .appointmentWithLetter)], access: .write, roles: writers,
             summary: Phrase("把提醒带来的预约关联上（客户回电预约也可）", "link the booking the reminder brought (the customer ringing back too)"),
             examples: ["remind R7 booked=A12"]) { invocation, s in
            try book(invocation, s)
        },
        Form([arg("reminder", .reminderReference), word("dismiss", "不再提醒")], options: [required("reason", .text("原因", "REASON"))],
             access: .write, roles: writers,
             summary: Phrase("不再提醒（已在别处做、客户不需要），写明原因", "stop offering it (done elsewhere, not wanted), with the reason"),
             examples: ["remind R9 dismiss reason=\"已在别处更换\""]) { invocation, s in
            try dismiss(invocation, s)
        },
    ])

    // MARK: Setting and clearing

    static func set(_ invocation: Invocation, _ s: Session) throws -> Output {
        let vehicle = try s.store.resolveVehicle(invocation.need("vehicle"))
        let kind: ReminderKind = invocation.choice("kind")!
        let every: String? = invocation.value("every")
        let given = ReminderRules.Setting(kind: kind, interval: try every.map(ServiceInterval.parse), due: (invocation.value("due") as String?).flatMap(CalendarDay.init),
                                          lastService: (invocation.value("last") as String?).flatMap(CalendarDay.init), lastKm: invocation.value("odometer"))
        let reminder = try ReminderRules.set(given, facts: try ReminderDesk.facts(vehicle, s), today: ReminderDesk.today(s), at: s.now, by: s.user)
        // A reminder set again replaces the open one of its kind; put off later, with the reason.
        let open = try s.store.reminders(vehicleID: vehicle.id).filter { $0.kind == kind }
        let reason: String? = invocation.value("reason")
        try ReminderRules.replacing(open, with: reminder, reason: reason)
        for old in open {
            try s.store.saveReminder(try old.closing(.replaced, by: s.user, at: s.now, reason: reason), action: .reminderClose)
        }
        let saved = try s.store.addReminder(reminder)
        var text = s.t("\(vehicle.plate.value) \(kind.chinese)提醒 \(saved.number)：", "\(vehicle.plate.value) \(kind.english) reminder \(saved.number): ") + why(saved, s)
        if saved.kind == .maintenance, saved.interval != nil, saved.countedFrom != .service {
            text += "\n  " + s.t("无保养记录，自\(saved.countedFrom == .reading ? "最近一次里程读数" : "今天")起算；知道上次保养请写 last=日期 odometer=里程",
                                 "no maintenance on record: counted from \(saved.countedFrom == .reading ? "the latest reading" : "today"); give last=DATE odometer=KM if the last service is known")
        }
        return .message(text, [("reminder", json(saved, s))])
    }

    static func clear(_ invocation: Invocation, _ s: Session) throws -> Output {
        let vehicle = try s.store.resolveVehicle(invocation.need("vehicle"))
        let kind: ReminderKind = invocation.choice("kind")!
        let open = try s.store.reminders(vehicleID: vehicle.id).filter { $0.kind == kind }
        guard !open.isEmpty else { throw ReminderRefusal.nothingOpen(plate: vehicle.plate.value, kind: kind) }
        for reminder in open {
            try s.store.saveReminder(try reminder.closing(.cleared, by: s.user, at: s.now, reason: invocation.value("reason")), action: .reminderClose)
        }
        return .message(s.t("\(vehicle.plate.value) 已清除\(kind.chinese)提醒：", "\(vehicle.plate.value): cleared the \(kind.english) reminder\(open.count == 1 ? "" : "s") ")
                        + s.wording.list(open.map(\.number)), [("cleared", .array(open.map { .string($0.number) }))])
    }

    // MARK: Calls

    /// The reminders a reference names, to call, book or dismiss: R7 itself (another site's is
    /// refused, SiteWork); for a plate or an order, this site's open reminders due within the lead
    /// time (one call covers them all).
    static func named(_ reference: String, _ s: Session) throws -> [Reminder] {
        if let id = Reminder.id(fromNumber: reference) {
            guard let found = try s.store.reminder(id: id) else { throw ReminderRefusal.noReminder(given: reference.uppercased()) }
            try SiteWork.mayCall(reminder: found.number, at: found.siteID, from: s.store.siteID) { try s.store.site(id: $0).name }
            return [found]
        }
        let lastDay = ReminderWindow.days(s.settings.remindLeadDays).lastDay(from: ReminderDesk.today(s))
        let open: [Reminder]
        if RepairOrder.id(fromNumber: reference) != nil {
            open = try s.store.openReminders(orderID: s.store.resolveOrder(reference).id)
        } else {
            open = try s.store.reminders(vehicleID: s.store.resolveVehicle(reference).id)
        }
        let here = s.store.siteID ?? Site.homeID
        let due = open.filter { $0.isDue(by: lastDay) && ($0.siteID ?? Site.homeID) == here }
        guard !due.isEmpty else { throw ReminderRefusal.nothingDue(reference: reference, open: open.sorted { $0.dueOn < $1.dueOn }.map(\.number)) }
        return due.sorted { ($0.dueOn, $0.id) < ($1.dueOn, $1.id) }
    }

    static func done(_ invocation: Invocation, _ s: Session) throws -> Output {
        let reminders = try named(invocation.need("reminder"), s)
        let result: String = invocation.need("result")
        let booking = try (invocation.value("booked") as String?).map(s.store.resolveAppointment)
        var lines: [String] = []
        for reminder in reminders {
            var answered = try reminder.answered(result: result, by: s.user, at: s.now)
            try s.store.saveReminder(answered, action: .reminderCall)
            if let booking {
                answered = try answered.booked(booking, plate: try plate(of: reminder, s), by: s.user, at: s.now)
                try s.store.saveReminder(answered, action: .reminderBook)
            }
            lines.append(s.t("\(reminder.number) \(reminder.kind.chinese)：已联系", "\(reminder.number) \(reminder.kind.english): called")
                         + (booking.map { s.t("，预约 \($0.reference)", ", booked \($0.reference)") } ?? ""))
        }
        return .message(lines.joined(separator: "\n"), [("reminders", .array(reminders.map { .string($0.number) }))])
    }

    static func noAnswer(_ invocation: Invocation, _ s: Session) throws -> Output {
        let reminders = try named(invocation.need("reminder"), s)
        var lines: [String] = []
        for reminder in reminders {
            try s.store.addReminderCall(try reminder.unansweredCall(by: s.user, at: s.now, note: invocation.value("note")), reminder: reminder)
            let attempts = try s.store.reminderCalls(reminderID: reminder.id).count
            lines.append(s.t("\(reminder.number) 未接通，已记录（第 \(attempts) 次，\(s.user) \(s.formatTime(s.now))）；提醒仍待处理",
                             "\(reminder.number): unanswered call logged (attempt \(attempts), \(s.user) at \(s.formatTime(s.now))); the reminder stays due"))
        }
        return .message(lines.joined(separator: "\n"), [("reminders", .array(reminders.map { .string($0.number) }))])
    }

    static func book(_ invocation: Invocation, _ s: Session) throws -> Output {
        let reminders = try named(invocation.need("reminder"), s)
        let booking = try s.store.resolveAppointment(invocation.need("booked"))
        for reminder in reminders {
            try s.store.saveReminder(try reminder.booked(booking, plate: try plate(of: reminder, s), by: s.user, at: s.now), action: .reminderBook)
        }
        let numbers = s.wording.list(reminders.map(\.number))
        return .message(s.t("提醒 \(numbers) 已关联预约 \(booking.reference)（\(s.formatTime(booking.at))）",
                            "reminder \(numbers) linked to booking \(booking.reference) (\(s.formatTime(booking.at)))"),
                        [("booking", .string(booking.reference)), ("reminders", .array(reminders.map { .string($0.number) }))])
    }

    static func dismiss(_ invocation: Invocation, _ s: Session) throws -> Output {
        let reminders = try named(invocation.need("reminder"), s)
        for reminder in reminders {
            try s.store.saveReminder(try reminder.closing(.dismissed, by: s.user, at: s.now, reason: invocation.value("reason")), action: .reminderClose)
        }
        return .message(s.t("不再提醒：", "dismissed: ") + s.wording.list(reminders.map(\.number)))
    }

    static func plate(of reminder: Reminder, _ s: Session) throws -> String {
        try s.store.vehicle(id: reminder.vehicleID)?.plate.value ?? ""
    }
}

extension ValueType {
    /// A maintenance interval: 5000km|6months, 5000公里|6个月, 1万公里, 6个月.
    static let serviceInterval = ValueType(Phrase("公里|月数", "KM|MONTHS")) { text, _, _ in
        .text(try ServiceInterval.parse(text).code)
    }

    /// A day: 2027-05-31, or counted from today (今天, 明天, 10天后, 100天前), kept as its date.
    static let reminderDay = ValueType(Phrase("日期", "DATE")) { text, field, context in
        guard let day = TimeParser.day(text, zone: context.zone, now: context.now) else { throw InputRefusal.notDate(field: field, given: text) }
        return .text(day.text)
    }

    /// How far ahead the due list looks: 14days, 14天, 2周, 1个月.
    static let reminderWindow = ValueType(Phrase("天数", "DAYS")) { text, _, _ in
        .text(try ReminderWindow.parse(text).code)
    }

    /// A reminder (R7), or the plate or order whose reminders are meant. A word of letters alone is
    /// none of them, so a mistyped sub-command is never taken for one.
    static let reminderReference = ValueType(Phrase("提醒号|车牌|单号", "R…|PLATE|RO"), completion: .plate) { text, _, _ in
        guard Reminder.id(fromNumber: text) != nil || text.contains(where: { $0.isNumber || !$0.isASCII }) else {
            throw ReminderRefusal.noReminder(given: text)
        }
        return .text(text)
    }
}
