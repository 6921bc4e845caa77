import SQLite
import WorkshopModel

extension Store {
    static let appointmentColumns = """
        id, vehicle_id, at, duration, complaint, jobs, equipment, bay_id, status, order_id, estimate, created_at, created_by, note
        """

    func appointment(from row: ShopRow) throws -> Appointment {
        let stored = StoredCodes(row, table: "appointments", key: "A\(row.int("id"))")
        return Appointment(id: row.int("id"), vehicleID: row.int("vehicle_id"), at: row.timestamp("at"), duration: row.int("duration"),
                           complaint: row.string("complaint"), jobs: row.string("jobs").split(separator: ",").map(String.init),
                           equipment: row.string("equipment").split(separator: ",").map(String.init), bayID: row.optionalInt("bay_id"),
                           status: try stored.code("status"), orderID: row.optionalInt("order_id"), estimate: row.money("estimate"),
                           createdAt: row.timestamp("created_at"), createdBy: row.string("created_by"), note: row.optionalString("note"))
    }

    public func appointment(id: Int) throws -> Appointment? {
        try db.first("SELECT \(Self.appointmentColumns) FROM appointments WHERE id = ?", [.integer(Int64(id))], appointment(from:))
    }

    public func resolveAppointment(_ reference: String) throws -> Appointment {
        guard let id = Appointment.id(from: reference), let found = try appointment(id: id) else {
            throw LookupRefusal.noAppointment(given: reference)
        }
        return found
    }

    public func addAppointment(_ a: Appointment) throws -> Appointment {
        let id = try insert("""
            INSERT INTO appointments(vehicle_id, at, duration, complaint, jobs, equipment, bay_id, status, estimate, created_at, created_by, note,
                                     site_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(Int64(a.vehicleID)), .integer(Int64(a.at.seconds)), .integer(Int64(a.duration)), .text(a.complaint),
                  .text(a.jobs.joined(separator: ",")), .text(a.equipment.joined(separator: ",")), SQLValue(a.bayID),
                  .text(a.status.code), .integer(Int64(a.estimate.fen)), .integer(Int64(a.createdAt.seconds)), .text(a.createdBy),
                  SQLValue(a.note), SiteScope.value(siteID)])
        var saved = a
        saved.id = id
        try journal(.appointmentAdd, entity: "appointment", id: saved.reference, vehicleID: a.vehicleID,
                    detail: [("at", .string(a.at.iso8601)), ("minutes", .int(a.duration)), ("jobs", .string(a.jobs.joined(separator: ","))),
                             ("complaint", .string(a.complaint)), ("estimate", .string(a.estimate.plain))])
        return saved
    }

    /// A message about a booking (its confirmation), recorded as sent.
    public func addBookingMessage(kind: String, message: String, to a: Appointment) throws {
        try db.run("INSERT INTO appointment_messages(appointment_id, kind, message, at, by) VALUES (?, ?, ?, ?, ?)",
                   [.integer(Int64(a.id)), .text(kind), .text(message), .integer(Int64(context.now.seconds)), .text(context.actor)])
        try journal(.appointmentNotify, entity: "appointment", id: a.reference, vehicleID: a.vehicleID,
                    detail: [("kind", .string(kind)), ("message", .string(message))])
    }

    /// The messages sent about a booking, oldest first.
    public func bookingMessages(appointmentID: Int) throws -> [Notification] {
        try db.rows("SELECT kind, message, at, by FROM appointment_messages WHERE appointment_id = ? ORDER BY at, id",
                    [.integer(Int64(appointmentID))]) {
            Notification(kind: $0.string("kind"), message: $0.string("message"), at: $0.timestamp("at"), by: $0.string("by"))
        }
    }

    /// Saves what changed in a booking since it was read (`was`). Only the columns that changed are
    /// named: SQLite rewrites an index of every column an UPDATE names, changed or not (a confirm
    /// naming `at` rewrote appointments_at's pages at every commit).
    public func saveAppointment(_ a: Appointment, was old: Appointment, action: JournalAction, detail: [(String, JSON)]) throws {
        let columns: [(name: String, value: SQLValue, changed: Bool)] = [
            ("at", .integer(Int64(a.at.seconds)), a.at != old.at), ("duration", .integer(Int64(a.duration)), a.duration != old.duration),
            ("bay_id", SQLValue(a.bayID), a.bayID != old.bayID), ("status", .text(a.status.code), a.status != old.status),
            ("order_id", SQLValue(a.orderID), a.orderID != old.orderID), ("note", SQLValue(a.note), a.note != old.note),
        ].filter(\.changed)
        if !columns.isEmpty {
            try db.run("UPDATE appointments SET " + columns.map { "\($0.name) = ?" }.joined(separator: ", ") + " WHERE id = ?",
                       columns.map(\.value) + [.integer(Int64(a.id))])
        }
        try journal(action, entity: "appointment", id: a.reference, vehicleID: a.vehicleID, detail: detail)
    }

    /// Bookings from `start` to `end`, in time order.
    /// The session's site's bookings of [start, end) (SiteScope).
    public func appointments(from start: Timestamp, to end: Timestamp) throws -> [Appointment] {
        let query = appointmentsQuery(from: start, to: end)
        return try db.rows(query.sql, query.arguments, appointment(from:))
    }

    func appointmentsQuery(from start: Timestamp, to end: Timestamp) -> (sql: String, arguments: [SQLValue]) {
        let site = SiteScope.clause("site_id", siteID)
        return ("SELECT \(Self.appointmentColumns) FROM appointments WHERE at >= ? AND at < ?\(site.sql) ORDER BY at, id",
                [.integer(Int64(start.seconds)), .integer(Int64(end.seconds))] + site.arguments)
    }

    /// The parts a booking holds (its reservations), netted from the movements.
    public func reservations(appointmentID: Int) throws -> [(partNumber: String, quantity: Quantity)] {
        try db.rows("""
            SELECT part_no, sum(reserved_delta) AS reserved FROM stock_movements WHERE appointment_id = ?
            GROUP BY part_no HAVING sum(reserved_delta) <> 0 ORDER BY part_no
            """, [.integer(Int64(appointmentID))]) { ($0.string("part_no"), $0.quantity("reserved")) }
    }

    /// Releases what a booking holds (cancelled, no-show, or turned into an order). The movements
    /// name the booking, whose status says why: no reason is written.
    public func releaseReservations(of appointment: Appointment) throws {
        let held = try reservations(appointmentID: appointment.id)
        try moveReservations(held.map { ($0.partNumber, Quantity(thousandths: -$0.quantity.thousandths)) }, .unreserve, appointmentID: appointment.id)
    }

    /// Reserves the parts a confirmed booking needs (catalogued part numbers, each once).
    public func reserveParts(_ needed: [(partNumber: String, quantity: Quantity)], for appointment: Appointment) throws {
        try moveReservations(needed, .reserve, appointmentID: appointment.id)
    }
}

extension Store {
    public func linkAppointment(_ appointmentID: Int, to order: RepairOrder) throws {
        try db.run("UPDATE orders SET appointment_id = ? WHERE id = ?", [.integer(Int64(appointmentID)), .integer(Int64(order.id))])
    }
}
