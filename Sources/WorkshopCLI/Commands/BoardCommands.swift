import WorkshopModel
import WorkshopStore

/// The board every open order is on, and the messages to customers.
enum BoardCommands {
    static let board = CommandSpec("board", aliases: ["看板"], group: .floor,
        summary: Phrase("在厂车辆看板：状态、负责人、交车时间和剩余时间、待办事项，最紧急的在前",
                        "every open order: status, who has it, promised time and time left, and what needs doing now — most urgent first"), forms: [
        Form([], access: .read, summary: Phrase("看板；--json 供大屏显示", "the board; --json for a wall display"), examples: ["board"]) { _, s in
            try render(s)
        },
    ])

    static func render(_ s: Session) throws -> Output {
        let now = s.now
        let dayStart = s.zone.startOfDay(now)
        let bookingsUntil = s.zone.startOfDay(dayStart + 36 * 3_600)
        let remindersBy = ReminderWindow.days(s.settings.remindLeadDays).lastDay(from: ReminderDesk.today(s))
        try s.store.sendAheadBoardReads(bookingsFrom: dayStart, to: bookingsUntil, now: now, remindersBy: remindersBy)
        let rows = BoardRules.sorted(try s.store.boardFacts(), now: now)
        var table = TextTable([s.t("单号", "Order"), s.t("车牌", "Plate"), s.t("状态", "Status"), s.t("班组/技工/工位", "Group/tech/bay"),
                               s.t("交车", "Promised"), s.t("剩余", "Left"), s.t("进度", "Done"), s.t("需要处理", "Needs")],
                              rightAligned: [5, 6])
        table.maximumWidth = 60
        var counts: [String: Int] = [:]
        for (facts, flags) in rows {
            for flag in flags { counts[flag.code, default: 0] += 1 }
            table.add([RepairOrder.number(facts.orderID), facts.plate, facts.status.label(s.language), facts.assignment,
                       s.formatTime(facts.promisedAt), facts.promisedAt.map { timeLeft($0 - now, s.language) } ?? "",
                       facts.progress.map { "\($0)%" } ?? "", flags.map { $0.label(s.language) }.joined(separator: " · ")])
        }
        // Declined orders not yet released are on the board for their fee, key or belongings, counted apart.
        let declined = rows.filter { $0.facts.status == .declined }.count
        let summary = s.t("在厂 \(rows.count - declined) 辆", "\(rows.count - declined) in the shop")
            + (declined > 0 ? s.t(" · 拒修未交车 \(declined)", " · \(declined) declined, not released") : "")
            + [BoardFlag.overdue, .awaitingCustomerAnswer, .notifyCustomer, .awaitingDispatch, .checkProgress].compactMap { flag in
                counts[flag.code].map { " · \(flag.label(s.language)) \($0)" }
            }.joined() + " · " + s.formatTime(now)
        var text = rows.isEmpty ? s.t("没有在厂车辆", "no cars in the shop") : summary + "\n" + table.render()
        // After-sales deadlines: complaints past their 24-hour or 7-day mark, follow-up calls due.
        let lateComplaints = try s.store.siteComplaints().filter { !$0.overdue(at: now).isEmpty }
        for c in lateComplaints {
            text += "\n  ! " + s.t("投诉 #\(c.id)", "complaint #\(c.id)") + " " + c.overdue(at: now).map { AfterSalesCommands.lateText($0, s) }.joined(separator: ", ")
                + (c.assignedTo.map { " · \($0)" } ?? "") + " · \(DisplayWidth.truncate(c.text, to: 30))"
        }
        // Today's bookings: who has come, who is still expected.
        let bookings = try s.store.appointments(from: dayStart, to: bookingsUntil)
            .filter { $0.status != .cancelled }
        if !bookings.isEmpty {
            let arrived = bookings.filter { $0.status == .arrived }.count
            let expected = bookings.filter { $0.status.isActive }
            text += "\n  " + s.t("今日预约 \(bookings.count)：已到 \(arrived)", "today's bookings \(bookings.count): \(arrived) arrived")
            if !expected.isEmpty {
                text += s.t("，待到 ", ", expected ") + (try expected.map { a in
                    "\(a.reference) \(s.formatTime(a.at).suffix(5)) \(try s.store.vehicle(id: a.vehicleID)?.plate.value ?? "")" + (now > a.at ? s.t("（迟到）", " (late)") : "")
                }).joined(separator: ", ")
            }
        }
        let calls = try s.store.openFollowUps(dueBy: now)
        if !calls.isEmpty {
            text += "\n  " + s.t("待回访 \(calls.count)（followup list due）", "\(calls.count) follow-up calls due (followup list due)")
        }
        // Reminders due within the lead time (and overdue): one count through the due-day index.
        let remindersDue = try s.store.dueReminderCount(by: remindersBy)
        if remindersDue > 0 {
            text += "\n  " + s.t("到期提醒 \(remindersDue)（remind list due）", "\(remindersDue) reminders due (remind list due)")
        }
        // The national repair record: what waits on a person, or has waited too long on the platform.
        let record = try s.store.outboxAttention()
        if record.toCorrect > 0 || record.lateByADay > 0 {
            text += "\n  ! " + s.t("健康档案：", "national record: ")
                + [record.toCorrect > 0 ? s.t("待更正 \(record.toCorrect)", "\(record.toCorrect) to correct") : nil,
                   record.lateByADay > 0 ? s.t("交车超过一天仍未上报 \(record.lateByADay)", "\(record.lateByADay) not sent a day after release") : nil]
                    .compactMap { $0 }.joined(separator: " · ") + s.t("（healthrecord status）", " (healthrecord status)")
        }
        return Output(text: text, json: .object([
            ("now", .string(now.iso8601)),
            ("healthrecord", .object([("to_correct", .int(record.toCorrect)), ("late", .int(record.lateByADay))])),
            ("complaints_overdue", .array(lateComplaints.map { c in
                .object([("id", .int(c.id)), ("late", .array(c.overdue(at: now).map { .string($0) })), ("assigned_to", .string(c.assignedTo))])
            })),
            ("followups_due", .int(calls.count)),
            ("reminders_due", .int(remindersDue)),
            ("bookings_today", .array(bookings.map { .object([("appointment", .string($0.reference)), ("at", .string($0.at.iso8601)),
                                                             ("status", .string($0.status.code))]) })),
            ("orders", .array(rows.map { facts, flags in
                .object([("order", .string(RepairOrder.number(facts.orderID))), ("plate", .string(facts.plate)),
                         ("status", .string(facts.status.code)), ("assignment", .string(facts.assignment)),
                         ("promised_at", .string(facts.promisedAt?.iso8601)),
                         ("minutes_left", .int(facts.promisedAt.map { ($0 - now) / 60 })), ("progress", .int(facts.progress)),
                         ("flags", .array(flags.map { .string($0.code) })),
                         ("held", facts.held.map(OrderCommands.heldJSON) ?? .null)])
            })),
        ]))
    }

    /// "2h05m", "1d3h", "-40m" / "2小时05分", "1天3小时", "-40分钟".
    static func timeLeft(_ seconds: Int, _ language: Language = .en) -> String {
        let sign = seconds < 0 ? "-" : ""
        let minutes = abs(seconds) / 60
        let zh = language == .zh
        if minutes >= 24 * 60 { return sign + "\(minutes / 1440)" + (zh ? "天" : "d") + "\(minutes % 1440 / 60)" + (zh ? "小时" : "h") }
        if minutes >= 60 { return sign + "\(minutes / 60)" + (zh ? "小时" : "h") + String(format: "%02d", minutes % 60) + (zh ? "分" : "m") }
        return sign + "\(minutes)" + (zh ? "分钟" : "m")
    }

    static let notify = CommandSpec("notify", aliases: ["通知"], group: .floor,
        summary: Phrase("生成给客户的消息（可取车、延误及原因和新交车时间、追加项目待确认、进度；预约确认）并记为已发送；只说此刻属实的事",
                        "compose the message to the customer (ready; delayed, with the reason and the new time; added work to approve; progress; a booking's confirmation) and record it as sent; it states only what is true now"), forms: [
        BookingNotice.form,
        Form([arg("order", .order)], options: [option("kind", .messageKind), option("reason", .text), option("promise", .promisedTime)],
             access: .write, roles: [.advisor, .manager],
             summary: Phrase("生成消息（不写 kind= 时按维修单状态选择），复制后发微信或短信；延误通知须 reason= 和晚于原定时间的 promise=，新时间记为交车时间",
                             "compose the message (chosen from the order's state unless kind= says), to paste into WeChat or an SMS; a delay needs reason= and promise= later than the old time, which becomes the promise"),
             examples: ["notify RO12", "notify RO12 kind=delay reason=\"配件未到货\" promise=\"明天 17:00\""]) { invocation, s in
            try notify(invocation, s)
        },
    ])

    static func notify(_ invocation: Invocation, _ s: Session) throws -> Output {
        var order = try s.store.resolveOrder(invocation.need("order"))
        try Gate.signed(order)
        var record = try s.store.record(of: order)
        let pending = record.supplements.filter { $0.answer == nil }.compactMap { item in
            record.lines.first { $0.number == item.line }.map { (description: $0.description, amount: $0.amount, reason: item.reason) }
        }
        let reason: String? = invocation.value("reason")
        let newPromise: Timestamp? = invocation.value("promise")
        let kind: CustomerMessage.Kind
        if let chosen = (invocation.value("kind") as String?).flatMap(CustomerMessage.Kind.init(rawValue:)) {
            kind = chosen
        } else if newPromise != nil {
            kind = .delay
        } else if !pending.isEmpty {
            kind = .supplement
        } else if order.status == .ready {
            kind = .ready
        } else if let promised = order.promisedAt, s.now >= promised || reason != nil {
            kind = .delay
        } else {
            kind = .progress
        }
        if newPromise != nil && kind != .delay { throw CustomerRefusal.promiseOnlyForDelay(kind: kind.rawValue) }
        switch kind {
        case .ready where order.status != .ready:
            throw CustomerRefusal.notReady(order: order.number, status: order.status)
        case .supplement where pending.isEmpty:
            throw CustomerRefusal.noAddedWorkWaiting(order: order.number)
        case .delay:
            // The new time becomes the order's promise first; the message then quotes it.
            let change = try s.store.apply(try record.announceDelay(until: newPromise, reason: reason, now: s.now))
            order = change.order
            record = try s.store.record(of: order)
        default: break
        }
        let payments = kind == .ready ? try s.store.payments(orderID: order.id) : []
        // From the site servicing the car (the shop, while it has one site).
        let repairer = try s.papersSettings(orderID: order.id)
        let message = CustomerMessage(
            about: record, settlement: record.settlement(payments: payments, current: s.terms), shopName: repairer.name,
            shopPhone: repairer.phone, now: s.now, time: { messageTime($0, s) },
            reason: kind == .supplement ? pending.map(\.reason).joined(separator: "；") : reason,
            addedWork: pending.map { ($0.description, $0.amount) }, progress: try s.store.progressReports(orderID: order.id).last?.percent)
        let text = message.text(kind, language: s.language)
        try s.store.addNotification(kind: kind.rawValue, message: text, to: order)
        var after = s.t("（已记录为已发送 \(s.formatTime(s.now))；复制上面的文字发微信或短信）",
                        "(recorded as sent at \(s.formatTime(s.now)); paste the text above into WeChat or an SMS)")
        if kind == .delay, let promised = order.promisedAt {
            after = s.t("交车时间已改为 \(s.formatTime(promised))", "promised time now \(s.formatTime(promised))") + " " + after
        }
        return Output(text: text + "\n  " + after,
                      json: .object([("ok", .bool(true)), ("order", .string(order.number)), ("kind", .string(kind.rawValue)),
                                     ("message", .string(text)), ("phone", .string(record.order.droppedPhone ?? record.customer.phone)),
                                     ("promised_at", .string(order.promisedAt?.iso8601))]))
    }

    /// "11月23日 17:00" / "23 Nov 17:00"
    static func messageTime(_ instant: Timestamp, _ s: Session) -> String {
        let c = s.zone.civil(instant)
        let time = String(format: "%02d:%02d", c.hour, c.minute)
        if s.language == .zh { return "\(c.month)月\(c.day)日 \(time)" }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(c.day) \(months[c.month - 1]) \(time)"
    }
}

import Foundation
