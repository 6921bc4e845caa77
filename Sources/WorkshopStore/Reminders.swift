import SQLite
import WorkshopModel

/// Reminders: each row states what is due, by when and why, and what came of it; every change is
/// journalled on the reminder (entity "reminder", R7) with its vehicle, so `history PLATE` shows it.
extension Store {
    private static let reminderColumns = """
        id, vehicle_id, kind, origin, order_id, line_number, item, every_km, every_months, own_interval, last_service, last_km,
        counted_from, due_date, due_km, due_by_km, span_km, span_days, due_on, created_at, created_by, called_at, called_by, result,
        appointment_id, booked_at, booked_by, closed_at, closed_by, outcome, closed_order_id, close_reason,
        \(SiteScope.ofOrderElseOwn("reminders")) AS site
        """

    private func reminder(from row: ShopRow) throws -> Reminder {
        let key = Reminder.number(row.int("id"))
        let stored = StoredCodes(row, table: "reminders", key: key)
        var r = Reminder(id: row.int("id"), vehicleID: row.int("vehicle_id"), kind: try stored.code("kind"),
                         origin: try stored.code("origin") { ReminderOrigin(rawValue: $0) }, orderID: row.optionalInt("order_id"),
                         lineNumber: row.optionalInt("line_number"), item: row.optionalString("item"),
                         dueOn: try stored.code("due_on") { CalendarDay($0) }, createdAt: row.timestamp("created_at"),
                         createdBy: row.string("created_by"))
        if row.optionalInt("every_km") != nil || row.optionalInt("every_months") != nil {
            r.interval = ServiceInterval(km: row.optionalInt("every_km"), months: row.optionalInt("every_months"))
        }
        r.ownInterval = row.int("own_interval") != 0
        r.lastService = try optionalDay(stored, "last_service")
        r.lastKm = row.optionalInt("last_km")
        r.countedFrom = try row.optionalString("counted_from").map { _ in try stored.code("counted_from") { CountedFrom(rawValue: $0) } }
        r.dueDate = try optionalDay(stored, "due_date")
        r.dueKm = row.optionalInt("due_km")
        r.dueByKm = try optionalDay(stored, "due_by_km")
        if let km = row.optionalInt("span_km"), let days = row.optionalInt("span_days") { r.distance = DailyDistance(km: km, days: days) }
        r.calledAt = row.optionalTimestamp("called_at")
        r.calledBy = row.optionalString("called_by")
        r.result = row.optionalString("result")
        r.appointmentID = row.optionalInt("appointment_id")
        r.bookedAt = row.optionalTimestamp("booked_at")
        r.bookedBy = row.optionalString("booked_by")
        r.closedAt = row.optionalTimestamp("closed_at")
        r.closedBy = row.optionalString("closed_by")
        r.outcome = try row.optionalString("outcome").map { _ in try stored.code("outcome") { ReminderOutcome(rawValue: $0) } }
        r.closedOrderID = row.optionalInt("closed_order_id")
        r.closeReason = row.optionalString("close_reason")
        r.siteID = row.optionalInt("site")
        return r
    }

    private func optionalDay(_ stored: StoredCodes, _ column: String) throws -> CalendarDay? {
        guard stored.row.optionalString(column) != nil else { return nil }
        return try stored.code(column) { CalendarDay($0) }
    }

    /// What a reminder's row holds, in the order of `INSERT` below.
    private func values(_ r: Reminder) -> [SQLValue] {
        [.integer(Int64(r.vehicleID)), .text(r.kind.code), .text(r.origin.rawValue), SQLValue(r.orderID), SQLValue(r.lineNumber),
         SQLValue(r.item), SQLValue(r.interval?.km), SQLValue(r.interval?.months), SQLValue(r.ownInterval), SQLValue(r.lastService?.text),
         SQLValue(r.lastKm), SQLValue(r.countedFrom?.rawValue), SQLValue(r.dueDate?.text), SQLValue(r.dueKm), SQLValue(r.dueByKm?.text),
         SQLValue(r.distance?.km), SQLValue(r.distance?.days), .text(r.dueOn.text), .integer(Int64(r.createdAt.seconds)), .text(r.createdBy),
         SiteScope.value(r.siteID)]
    }

    /// What the journal says about a reminder's due.
    private func dueDetail(_ r: Reminder) -> [(String, JSON)] {
        [("kind", .string(r.kind.code)), ("origin", .string(r.origin.rawValue)), ("due_on", .string(r.dueOn.text)),
         ("due_date", .string(r.dueDate?.text)), ("due_km", r.dueKm.map { .int($0) } ?? .null),
         ("due_by_km", .string(r.dueByKm?.text)), ("every", .string(r.interval?.code)), ("own_interval", .bool(r.ownInterval)),
         ("last_service", .string(r.lastService?.text)), ("last_km", r.lastKm.map { .int($0) } ?? .null),
         ("counted_from", .string(r.countedFrom?.rawValue)),
         ("daily_distance", r.distance.map { .object([("km", .int($0.km)), ("days", .int($0.days))]) } ?? .null),
         ("order", .string(r.orderID.map(RepairOrder.number))), ("line", r.lineNumber.map { .int($0) } ?? .null), ("item", .string(r.item))]
    }

    /// Records a new reminder: `remind set` (reminder.set) or derived (reminder.derive) — its site's:
    /// its order's when it comes from one, else the session's, where it was set.
    @discardableResult
    public func addReminder(_ r: Reminder) throws -> Reminder {
        var saved = r
        saved.siteID = SiteScope.storedID(try r.orderID.map { try siteID(ofOrder: $0) } ?? siteID)
        let id = try insert("""
            INSERT INTO reminders(vehicle_id, kind, origin, order_id, line_number, item, every_km, every_months, own_interval,
                last_service, last_km, counted_from, due_date, due_km, due_by_km, span_km, span_days, due_on, created_at, created_by,
                site_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, values(saved))
        saved.id = id
        try journal(r.origin == .set ? .reminderSet : .reminderDerive, entity: "reminder", id: saved.number, orderID: r.orderID,
                    vehicleID: r.vehicleID, detail: dueDetail(saved))
        return saved
    }

    /// Its due worked out again from a newer reading.
    public func reestimateReminder(_ r: Reminder, was: Reminder) throws {
        try db.run("UPDATE reminders SET due_km = ?, due_by_km = ?, span_km = ?, span_days = ?, due_on = ? WHERE id = ? AND closed_at IS NULL",
                   [SQLValue(r.dueKm), SQLValue(r.dueByKm?.text), SQLValue(r.distance?.km), SQLValue(r.distance?.days), .text(r.dueOn.text),
                    .integer(Int64(r.id))])
        try journal(.reminderReestimate, entity: "reminder", id: r.number, vehicleID: r.vehicleID,
                    detail: [("due_on_was", .string(was.dueOn.text))] + dueDetail(r))
    }

    /// The call, the booking and the closing as `r` now has them; journalled as `action`.
    public func saveReminder(_ r: Reminder, action: JournalAction, detail: [(String, JSON)] = []) throws {
        try db.run("""
            UPDATE reminders SET called_at = ?, called_by = ?, result = ?, appointment_id = ?, booked_at = ?, booked_by = ?,
                closed_at = ?, closed_by = ?, outcome = ?, closed_order_id = ?, close_reason = ?
            WHERE id = ?
            """, [SQLValue(r.calledAt?.seconds), SQLValue(r.calledBy), SQLValue(r.result), SQLValue(r.appointmentID),
                  SQLValue(r.bookedAt?.seconds), SQLValue(r.bookedBy), SQLValue(r.closedAt?.seconds), SQLValue(r.closedBy),
                  SQLValue(r.outcome?.rawValue), SQLValue(r.closedOrderID), SQLValue(r.closeReason), .integer(Int64(r.id))])
        var fields: [(String, JSON)] = [("kind", .string(r.kind.code))]
        if let outcome = r.outcome { fields.append(("outcome", .string(outcome.rawValue))) }
        if let result = r.result, action == .reminderCall { fields.append(("result", .string(result))) }
        if let booking = r.appointmentID, action == .reminderBook { fields.append(("booking", .string(Appointment.reference(booking)))) }
        if let order = r.closedOrderID { fields.append(("by_order", .string(RepairOrder.number(order)))) }
        if let reason = r.closeReason { fields.append(("reason", .string(reason))) }
        try journal(action, entity: "reminder", id: r.number, orderID: r.orderID, vehicleID: r.vehicleID, detail: fields + detail)
    }

    public func reminder(id: Int) throws -> Reminder? {
        try db.first("SELECT \(Self.reminderColumns) FROM reminders WHERE id = ?", [.integer(Int64(id))], reminder(from:))
    }

    /// In a chain, the session's site's reminders only (`SiteScope.ofOrderElseOwn`), as " AND …";
    /// nothing while the shop has one site.
    private func sessionSitesReminders() throws -> (sql: String, arguments: [SQLValue]) {
        guard try hasSites() else { return ("", []) }
        return SiteScope.clause(SiteScope.ofOrderElseOwn("reminders"), siteID)
    }

    /// The session's site's open reminders due by `lastDay` (overdue ones too), soonest first; every
    /// open one when nil. Read through the open reminders' due-day index, whatever the shop's history.
    public func openReminders(dueBy lastDay: CalendarDay?) throws -> [Reminder] {
        let site = try sessionSitesReminders()
        if let lastDay {
            return try db.rows("SELECT \(Self.reminderColumns) FROM reminders WHERE closed_at IS NULL AND due_on <= ?\(site.sql) ORDER BY due_on, id",
                               [.text(lastDay.text)] + site.arguments, reminder(from:))
        }
        return try db.rows("SELECT \(Self.reminderColumns) FROM reminders WHERE closed_at IS NULL\(site.sql) ORDER BY due_on, id",
                           site.arguments, reminder(from:))
    }

    /// How many of the session's site's reminders are open and due by `lastDay`: for the board.
    public func dueReminderCount(by lastDay: CalendarDay) throws -> Int {
        let query = try dueRemindersQuery(by: lastDay)
        return try db.scalar(query.sql, query.arguments) ?? 0
    }

    /// The count `dueReminderCount` reads, as the board also sends it ahead (the same text).
    func dueRemindersQuery(by lastDay: CalendarDay) throws -> (sql: String, arguments: [SQLValue]) {
        let site = try sessionSitesReminders()
        return ("SELECT count(*) FROM reminders WHERE closed_at IS NULL AND due_on <= ?\(site.sql)", [.text(lastDay.text)] + site.arguments)
    }

    /// A vehicle's reminders (open only, or all), newest first.
    static let remindersOfVehicle = "SELECT \(reminderColumns) FROM reminders WHERE vehicle_id = ? ORDER BY id DESC"

    public func reminders(vehicleID: Int, openOnly: Bool = true) throws -> [Reminder] {
        let all = try db.rows(Self.remindersOfVehicle, [.integer(Int64(vehicleID))], reminder(from:))
        return openOnly ? all.filter(\.isOpen) : all
    }

    /// The open reminders an order made (its maintenance, its declined lines, its documents).
    public func openReminders(orderID: Int) throws -> [Reminder] {
        try db.rows("SELECT \(Self.reminderColumns) FROM reminders WHERE order_id = ? AND closed_at IS NULL ORDER BY id",
                    [.integer(Int64(orderID))], reminder(from:))
    }

    /// The interval the vehicle was given its own (`remind set … every=`), the latest; nil: the shop's.
    public func ownMaintenanceInterval(vehicleID: Int) throws -> ServiceInterval? {
        try db.first("""
            SELECT every_km, every_months FROM reminders
            WHERE vehicle_id = ? AND kind = 'maintenance' AND own_interval = 1 ORDER BY id DESC LIMIT 1
            """, [.integer(Int64(vehicleID))]) {
            ServiceInterval(km: $0.optionalInt("every_km"), months: $0.optionalInt("every_months"))
        }
    }

    /// The reminder a booking was linked to, if any.
    public func reminder(appointmentID: Int) throws -> Reminder? {
        try db.first("SELECT \(Self.reminderColumns) FROM reminders WHERE appointment_id = ? ORDER BY id", [.integer(Int64(appointmentID))], reminder(from:))
    }

    /// Logs a call no one answered; the reminder stays due.
    public func addReminderCall(_ call: ReminderCall, reminder r: Reminder) throws {
        try db.run("INSERT INTO reminder_calls(reminder_id, at, by, note) VALUES (?, ?, ?, ?)",
                   [.integer(Int64(call.reminderID)), .integer(Int64(call.at.seconds)), .text(call.by), SQLValue(call.note)])
        let attempts = try reminderCalls(reminderID: r.id).count
        try journal(.reminderNoAnswer, entity: "reminder", id: r.number, orderID: r.orderID, vehicleID: r.vehicleID,
                    detail: [("attempt", .int(attempts)), ("note", .string(call.note))])
    }

    /// The unanswered calls about a reminder, oldest first.
    public func reminderCalls(reminderID: Int) throws -> [ReminderCall] {
        try db.rows("SELECT reminder_id, at, by, note FROM reminder_calls WHERE reminder_id = ? ORDER BY at, id", [.integer(Int64(reminderID))]) {
            ReminderCall(reminderID: $0.int("reminder_id"), at: $0.timestamp("at"), by: $0.string("by"), note: $0.optionalString("note"))
        }
    }

    /// The vehicle's latest orders (not void), newest first: who usually brings it in.
    public func recentOrders(vehicleID: Int, limit: Int = 5) throws -> [RepairOrder] {
        let ids = try db.rows("SELECT id FROM orders WHERE vehicle_id = ? AND status <> 'void' ORDER BY id DESC LIMIT ?",
                              [.integer(Int64(vehicleID)), .integer(Int64(limit))]) { $0.int("id") }
        return try ids.compactMap { try order(id: $0) }
    }

    /// The vehicle's released orders, newest first (at most `limit`), each with its lines: two reads,
    /// however many orders the car has had.
    public func releasedOrdersWithLines(vehicleID: Int, limit: Int = 20) throws -> [(order: RepairOrder, lines: [OrderLine])] {
        let orders = try releasedOrders(vehicleID: vehicleID, limit: limit)
        guard let oldest = orders.last?.id, let newest = orders.first?.id else { return [] }
        let lines = try linesOfOrders(vehicleID: vehicleID, from: oldest, through: newest)
        return orders.map { ($0, lines[$0.id] ?? []) }
    }

    /// The month report's reminders: those answered in [start, end), how many of them brought a
    /// booking, and how many brought the car back (their booking arrived, or the car was checked in
    /// within `returnDays` days after the call); and the unanswered calls made in the period.
    ///
    /// `site`: one site of a chain — its own reminders (`SiteScope.ofOrderElseOwn`) and their calls.
    public func reminderFigures(from start: Timestamp, to end: Timestamp, returnDays: Int, site: Site? = nil) throws -> ReminderFigures {
        let ownSite = site.map { SiteScope.clause(SiteScope.ofOrderElseOwn("reminders"), $0.id) } ?? (sql: "", arguments: [])
        let period: [SQLValue] = [.integer(Int64(start.seconds)), .integer(Int64(end.seconds))]
        let called = try db.rows("""
            SELECT \(Self.reminderColumns) FROM reminders WHERE called_at >= ? AND called_at < ?\(ownSite.sql) ORDER BY called_at, id
            """, period + ownSite.arguments, reminder(from:))
        var figures = ReminderFigures()
        figures.called = called.count
        for r in called {
            guard let at = r.calledAt else { continue }
            let booking = try r.appointmentID.flatMap(appointment(id:))
            if booking != nil { figures.booked += 1 }
            let checkIns = try db.rows("""
                SELECT checked_in_at FROM orders WHERE vehicle_id = ? AND checked_in_at > ? AND checked_in_at <= ? AND status <> 'void'
                """, [.integer(Int64(r.vehicleID)), .integer(Int64(at.seconds)), .integer(Int64(at.seconds + returnDays * 86_400))]) {
                $0.timestamp("checked_in_at")
            }
            if ReminderRules.broughtBack(calledAt: at, booking: booking, checkIns: checkIns, days: returnDays) { figures.broughtBack += 1 }
        }
        if site == nil {
            figures.unanswered = try db.scalar("SELECT count(*) FROM reminder_calls WHERE at >= ? AND at < ?", period) ?? 0
        } else {
            figures.unanswered = try db.scalar("""
                SELECT count(*) FROM reminder_calls c JOIN reminders ON reminders.id = c.reminder_id
                WHERE c.at >= ? AND c.at < ?\(ownSite.sql)
                """, period + ownSite.arguments) ?? 0
        }
        return figures
    }
}

/// The reminders' figures of a period (the month report).
public struct ReminderFigures: Equatable, Sendable {
    /// Reminders whose call got through in the period.
    public var called = 0
    /// Of them, those linked to a booking.
    public var booked = 0
    /// Of them, those whose car came back: the booking arrived, or a check-in within the shop's days.
    public var broughtBack = 0
    /// Calls no one answered in the period.
    public var unanswered = 0

    public init() {}
    public var isEmpty: Bool { called == 0 && unanswered == 0 }
}
