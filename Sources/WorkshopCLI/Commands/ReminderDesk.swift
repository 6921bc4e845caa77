import WorkshopModel
import WorkshopStore

/// The reminders other commands make or move, inside their own transaction: a release that did
/// maintenance makes the next one; a release's declined lines are offered again later, and
/// declined work done on it closes its reminders; a document checked in with its expiry sets the
/// 年检 or insurance date.
enum ReminderDesk {
    static func today(_ s: Session) -> CalendarDay { CalendarDay(s.now, zone: s.zone) }

    /// What the record says about the vehicle: its last maintenance released, its latest reading,
    /// its daily distance.
    static func facts(_ vehicle: Vehicle, _ s: Session, catalogue known: [String: RepairCategory]? = nil) throws -> ReminderRules.VehicleFacts {
        var facts = try readings(of: vehicle, s)
        let catalogue = try known ?? s.store.laborCategories()
        // The category and lines decide it: the whole records (a dozen reads each) are not needed.
        for (order, lines) in try s.store.releasedOrdersWithLines(vehicleID: vehicle.id) {
            guard let at = order.releasedAt, ReminderRules.didMaintenance(category: order.category, lines: lines, catalogue: catalogue)
            else { continue }
            facts.lastMaintenance = (CalendarDay(at, zone: s.zone), order.releaseOdometer ?? order.odometerIn)
            break
        }
        return facts
    }

    /// The vehicle's readings alone — its latest, its daily distance — without its last
    /// maintenance (nil), which would take its released orders' lines: what a release moves its
    /// reminders by.
    static func readings(of vehicle: Vehicle, _ s: Session) throws -> ReminderRules.VehicleFacts {
        readings(of: vehicle, from: try s.store.odometerHistory(vehicleID: vehicle.id), s)
    }

    /// The same, from a history already read.
    static func readings(of vehicle: Vehicle, from history: OdometerHistory, _ s: Session) -> ReminderRules.VehicleFacts {
        let latest = history.standing(at: s.now).map { (day: CalendarDay($0.at, zone: s.zone), km: $0.km) }
        return ReminderRules.VehicleFacts(vehicle: vehicle, lastMaintenance: nil, latest: latest,
                                          distance: DailyDistance.from(history, zone: s.zone), readings: history.readings.count)
    }

    /// After the order of `record` left the shop: the reminders it closes and makes, as lines for the
    /// release's output.
    static func afterRelease(_ record: OrderRecord, _ s: Session) throws -> [String] {
        let released = record.order
        let vehicle = record.vehicle
        let day = today(s)
        var said: [String] = []
        var open = try s.store.reminders(vehicleID: vehicle.id)
        if released.status == .released {
            // Declined work done now: its reminders are closed as done, by this order.
            var closed: Set<Int> = []
            for reminder in open where reminder.kind == .declined {
                guard let orderID = reminder.orderID, let number = reminder.lineNumber,
                      let line = try s.store.lines(orderID: orderID).first(where: { $0.number == number }),
                      ReminderRules.isDone(line, among: record.lines) else { continue }
                try s.store.saveReminder(try reminder.closing(.serviced, by: s.user, at: s.now, orderID: released.id), action: .reminderClose)
                closed.insert(reminder.id)
                said.append(s.t("未做项目 \(reminder.number)（\(reminder.item ?? "")）本次已做", "declined work \(reminder.number) (\(reminder.item ?? "")) done on this order"))
            }
            open.removeAll { closed.contains($0.id) }
            let catalogue = try s.store.laborCategories()
            let facts = try readings(of: vehicle, s)
            if ReminderRules.didMaintenance(record, catalogue: catalogue) {
                for reminder in open where reminder.kind == .maintenance {
                    try s.store.saveReminder(try reminder.closing(.serviced, by: s.user, at: s.now, orderID: released.id), action: .reminderClose)
                }
                let odometer = released.releaseOdometer ?? released.odometerIn
                if let next = ReminderRules.afterMaintenance(vehicleID: vehicle.id, orderID: released.id, releasedOn: day, odometer: odometer,
                                                             own: try s.store.ownMaintenanceInterval(vehicleID: vehicle.id),
                                                             shopDefault: s.settings.maintenanceInterval, latest: facts.latest,
                                                             distance: facts.distance, at: s.now, by: s.user) {
                    let saved = try s.store.addReminder(next)
                    said.append(s.t("下次保养提醒 \(saved.number)：", "next maintenance \(saved.number): ") + RemindCommands.why(saved, s))
                }
            } else {
                // Not a maintenance: the new reading may move the estimate of the one due.
                said += try reestimate(open, by: facts, s)
            }
        }
        // What the customer declined on this order: offered again later.
        for line in ReminderRules.offeredAgain(record.lines) {
            let saved = try s.store.addReminder(ReminderRules.declined(line, of: released, leftOn: day, afterDays: s.settings.remindDeclinedDays,
                                                                       at: s.now, by: s.user))
            said.append(s.t("未做项目提醒 \(saved.number)：\(line.description)，\(saved.dueOn.text) 再次建议",
                            "declined work \(saved.number): \(line.description), offered again on \(saved.dueOn.text)"))
        }
        return said
    }

    /// After a check-in: the reading just taken may move the estimate of the maintenance due (a car
    /// driven less than estimated is not told it is due). `history`: the car's readings with the
    /// check-in's own.
    static func afterCheckIn(_ vehicle: Vehicle, history: OdometerHistory, _ s: Session) throws -> [String] {
        let open = try s.store.reminders(vehicleID: vehicle.id).filter { $0.kind == .maintenance }
        guard !open.isEmpty else { return [] }
        return try reestimate(open, by: readings(of: vehicle, from: history, s), s)
    }

    /// The open maintenance reminders whose estimate the vehicle's readings move, saved moved, as
    /// lines for the output.
    private static func reestimate(_ open: [Reminder], by facts: ReminderRules.VehicleFacts, _ s: Session) throws -> [String] {
        var said: [String] = []
        for reminder in open {
            guard let moved = ReminderRules.reestimated(reminder, latest: facts.latest, distance: facts.distance) else { continue }
            try s.store.reestimateReminder(moved, was: reminder)
            said.append(s.t("保养提醒 \(moved.number) 按新里程重估：", "maintenance \(moved.number) re-estimated: ") + RemindCommands.why(moved, s))
        }
        return said
    }

    /// After a document was recorded on `order` with its expiry: the 年检 or insurance reminder it
    /// sets (replacing an open one with another date), as a line for the output; nil when the
    /// document says nothing of either, or the date is already the one set.
    static func afterDocument(_ document: ReceivedDocument, of order: RepairOrder, _ s: Session) throws -> String? {
        guard let kind = ReminderRules.kind(ofDocument: document.name), let until = document.validUntil.flatMap(CalendarDay.init) else { return nil }
        let open = try s.store.reminders(vehicleID: order.vehicleID).filter { $0.kind == kind }
        if open.contains(where: { $0.dueOn == until }) { return nil }
        for reminder in open {
            try s.store.saveReminder(try reminder.closing(.replaced, by: s.user, at: s.now, reason: document.name), action: .reminderClose)
        }
        let saved = try s.store.addReminder(Reminder(vehicleID: order.vehicleID, kind: kind, origin: .document, orderID: order.id,
                                                     item: document.name, dueDate: until, dueOn: until, createdAt: s.now, createdBy: s.user))
        return s.t("\(kind.chinese)提醒 \(saved.number)：\(until.text)", "\(kind.english) reminder \(saved.number): \(until.text)")
    }
}
