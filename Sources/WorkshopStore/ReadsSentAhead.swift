import SQLite
import WorkshopModel

/// What a command reads before it writes, when no read depends on another's answer: on a server
/// sent together, one round trip for all (ShopDatabase.sendAhead), and answered from there when
/// the command reads them one by one; on SQLite, nothing (each runs when read). Each statement is
/// the one its reader runs, named once beside it.
extension Store {
    /// A check-in's reads once the car is known: its owner, its orders released under warranty,
    /// the categories the labour operations imply, its odometer readings, an order it is already
    /// in the shop under, its declined orders not yet released (the check-in's notice; its new
    /// order is never one of them), and its reminders (the maintenance due, moved by the reading
    /// taken). Seven round trips become one.
    public func sendAheadCheckInReads(_ vehicle: Vehicle) throws {
        let id: [SQLValue] = [.integer(Int64(vehicle.id))]
        try db.sendAhead([(Self.customerByID, [.integer(Int64(vehicle.ownerID))]), (Self.releasedUnderWarranty, id),
                          (Self.operationsWithCategory, [])]
                         + Self.odometerReads(vehicleID: vehicle.id)
                         + [(Self.openOrderOfVehicle, id), (Self.declinedUnreleasedOfVehicle, id), (Self.remindersOfVehicle, id)])
    }

    /// A release's reads before it hands the car back: the order's payments, the warranty term of
    /// the car's class and the order's category, the car's odometer readings, and the year's last
    /// settlement number when the order has none yet (at its site). Five round trips become one.
    public func sendAheadReleaseReads(_ record: OrderRecord, year: Int) throws {
        let order = record.order
        var reads = [(Self.paymentsOfOrder, [.integer(Int64(order.id))]), Self.shopWarrantyTerm(record.vehicle.vehicleClass, order.category)]
            + Self.odometerReads(vehicleID: record.vehicle.id)
        if order.settlementNumber == nil { reads.append(Self.lastSettlementNumber(year: year, site: order.siteID)) }
        try db.sendAhead(reads)
    }

    /// A release's reads after its writes (the order released, its car's odometer): the car's
    /// reminders, and once it is released the labour catalogue and the car's odometer readings
    /// (ReminderDesk.afterRelease, which moves the reminders), and the national record's account
    /// (whether to report it at once). What the release writes meanwhile changes none of them;
    /// an entry journalled meanwhile drops the readings' answer, read again then
    /// (Postgres.Connection.runQueued). Up to five round trips become one.
    public func sendAheadAfterReleaseReads(vehicleID: Int, released: Bool) throws {
        try db.sendAhead([(Self.remindersOfVehicle, [.integer(Int64(vehicleID))])]
                         + (released ? [(Self.operationsWithCategory, [])] + Self.odometerReads(vehicleID: vehicleID) : [])
                         + [(Self.healthRecordAccountQuery, [])])
    }

    /// The vehicle file's reads once the car is known: its owner, its orders, its declined lines,
    /// its orders released under warranty, its comebacks and its complaints (`vehicle show`). Six
    /// round trips become one.
    public func sendAheadVehicleFileReads(_ vehicle: Vehicle) throws {
        let id: [SQLValue] = [.integer(Int64(vehicle.id))]
        try db.sendAhead([(Self.customerByID, [.integer(Int64(vehicle.ownerID))]), (Self.summariesOfVehicle, id + [.integer(Int64(Self.ordersOfVehicleListed))]),
                          Self.declinedLinesOfVehicle(vehicle.id), (Self.releasedUnderWarranty, id), (Self.comebacksOfVehicle, id),
                          (Self.complaintsOfVehicle, id)])
    }

    /// A dispatch's reads of what it names: the site's work groups, the technician, and with a
    /// bay, the bay, the bays' states over [from, until) (`bayStates`) and what the order's work
    /// needs of one (its booking, the canned jobs that need equipment). Up to six round trips become one.
    public func sendAheadDispatchReads(_ record: OrderRecord, technician: String?, bay: String?, from: Timestamp, until: Timestamp) throws {
        var reads = [workGroupsQuery()]
        if let technician { reads.append((Self.staffByName, [.text(technician)])) }
        if let bay {
            reads += [bayNamedQuery(bay), (Self.bookingOfOrder, [.integer(Int64(record.order.id))])] + bayStatesReads(from: from, to: until)
            if Self.readsJobs(record) { reads.append((Self.jobsNeedingEquipmentQuery, [])) }
        }
        try db.sendAhead(reads)
    }

    /// A booking's reads before it is made or confirmed: its jobs, and the car's declined orders not
    /// yet released (the warning it ends with; the booking never changes them); for a confirmation,
    /// the bay it names and the bays' availability over its time (`bayAvailability`). Up to four
    /// round trips become one.
    public func sendAheadBookingReads(jobs: [String], vehicleID: Int, bay: String? = nil, availabilityFor booking: Appointment? = nil) throws {
        try db.sendAhead((Self.jobsByCode(jobs).map { [$0] } ?? []) + [(Self.declinedUnreleasedOfVehicle, [.integer(Int64(vehicleID))])]
                         + (bay.map { [bayNamedQuery($0)] } ?? [])
                         + (booking.map { bayAvailabilityReads(start: $0.at, end: $0.end, excluding: $0.id) } ?? []))
    }

    /// A booking's reads once it is made: its parts' stock (the shortages it is told of) and the
    /// bays free for it (`bayAvailability`). Two round trips become one.
    public func sendAheadFreeBayReads(_ booking: Appointment, parts: [String]) throws {
        try db.sendAhead((Self.partsByNumber(parts).map { [$0] } ?? []) + bayAvailabilityReads(start: booking.at, end: booking.end, excluding: booking.id))
    }

    /// The board's reads: its orders' facts (`boardFacts`), the open complaints, the bookings of
    /// [from, to), the follow-up calls due by `now`, the count of reminders due by `remindersBy`
    /// and the national record's records waiting on someone (`outboxAttention`). Five round trips
    /// become one.
    public func sendAheadBoardReads(bookingsFrom from: Timestamp, to: Timestamp, now: Timestamp, remindersBy lastDay: CalendarDay) throws {
        let dueReminders = try dueRemindersQuery(by: lastDay)
        let outbox = try outboxAttentionQueries()
        try db.sendAhead(boardQueries().all + [(Self.openComplaints, []), appointmentsQuery(from: from, to: to), openFollowUpsQuery(dueBy: now),
                                               dueReminders, outbox.refused, outbox.late])
    }
}
