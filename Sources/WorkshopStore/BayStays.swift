import SQLite
import WorkshopModel

/// Who is in which bay (`bay_stays`, 009-bay-stays), and which bookings hold the bays. Every query
/// here goes through an index: the open stays through their partial indexes, the holds through the
/// bookings' time, the cars put in a bay before stays were recorded through the open orders.
extension Store {
    static let openStayQuery = """
        SELECT s.id, s.bay_id, b.name AS bay, s.order_id, v.plate, s.since, o.promised_at
        FROM bay_stays s JOIN bays b ON b.id = s.bay_id JOIN orders o ON o.id = s.order_id JOIN vehicles v ON v.id = o.vehicle_id
        """

    /// A car put in a bay before stays were recorded: in the bay of its order's latest dispatch
    /// with a bay, while the order is in work or waits for its final inspection (as the program had
    /// it then), and no stay of it was written since.
    static let earlierStayQuery = """
        SELECT NULL AS id, a.bay_id, b.name AS bay, o.id AS order_id, v.plate, a.assigned_at AS since, o.promised_at
        FROM orders o
        JOIN assignments a ON a.id = (SELECT max(x.id) FROM assignments x WHERE x.order_id = o.id AND x.bay_id IS NOT NULL)
        JOIN bays b ON b.id = a.bay_id JOIN vehicles v ON v.id = o.vehicle_id
        WHERE o.status IN \(Schema.openStatuses) AND o.status IN ('in-work','completed')
          AND NOT EXISTS (SELECT 1 FROM bay_stays s WHERE s.order_id = o.id)
        """

    static let holdsQuery = """
        SELECT a.id, a.bay_id, a.vehicle_id, v.plate, a.order_id, a.at, a.duration
        FROM appointments a JOIN vehicles v ON v.id = a.vehicle_id
        WHERE a.at >= ? AND a.at < ? AND a.bay_id IS NOT NULL
          AND (a.status = 'confirmed'
               OR (a.status = 'arrived'
                   AND EXISTS (SELECT 1 FROM orders o WHERE o.id = a.order_id AND o.status IN \(Schema.openStatuses))
                   AND NOT EXISTS (SELECT 1 FROM assignments x WHERE x.order_id = a.order_id AND x.bay_id IS NOT NULL)))
        ORDER BY a.at, a.id
        """

    /// The bay's next confirmed booking: on the index of the bookings still holding bays (004).
    static let nextHoldQuery = """
        SELECT a.id, a.bay_id, a.vehicle_id, v.plate, a.order_id, a.at, a.duration
        FROM appointments a JOIN vehicles v ON v.id = a.vehicle_id
        WHERE a.bay_id = ? AND a.status IN ('pending','confirmed') AND a.at >= ? AND a.status = 'confirmed'
        ORDER BY a.at, a.id LIMIT 1
        """

    private func hold(from row: ShopRow) -> BayHold {
        BayHold(appointmentID: row.int("id"), bayID: row.int("bay_id"), vehicleID: row.int("vehicle_id"), plate: row.string("plate"),
                orderID: row.optionalInt("order_id"), from: row.timestamp("at"), until: row.timestamp("at") + row.int("duration") * 60)
    }

    private func stay(from row: ShopRow) -> BayStay {
        BayStay(id: row.optionalInt("id"), bayID: row.int("bay_id"), bay: row.string("bay"), orderID: row.int("order_id"),
                plate: row.string("plate"), since: row.timestamp("since"), promisedAt: row.optionalTimestamp("promised_at"))
    }

    /// `currentStays`' two statements: the open stays, and the cars put in bays before stays were recorded.
    static let currentStaysQueries = [openStayQuery + " WHERE s.left_at IS NULL", earlierStayQuery + " ORDER BY a.id DESC"]

    /// Every car in a bay now, one per bay (where two cars of before stays were recorded claim one
    /// bay, the one put there last).
    public func currentStays() throws -> [BayStay] {
        var stays = try db.rows(Self.currentStaysQueries[0], [], stay(from:))
        let earlier = try db.rows(Self.currentStaysQueries[1], [], stay(from:))
        for stay in earlier where !stays.contains(where: { $0.bayID == stay.bayID }) { stays.append(stay) }
        return stays
    }

    /// The bay the order's car is in now, if any.
    static let openStayOfOrder = openStayQuery + " WHERE s.order_id = ? AND s.left_at IS NULL"
    static let earlierStayOfOrder = earlierStayQuery + " AND o.id = ?"

    public func stay(ofOrder orderID: Int) throws -> BayStay? {
        if let open = try db.first(Self.openStayOfOrder, [.integer(Int64(orderID))], stay(from:)) {
            return open
        }
        guard let earlier = try db.first(Self.earlierStayOfOrder, [.integer(Int64(orderID))], stay(from:)) else {
            return nil
        }
        // Another car of before, dispatched to that bay later, is the one in it.
        return try stay(inBay: earlier.bayID)?.orderID == orderID ? earlier : nil
    }

    /// The car in the bay now, if any.
    public func stay(inBay bayID: Int) throws -> BayStay? {
        if let open = try db.first(Self.openStayQuery + " WHERE s.bay_id = ? AND s.left_at IS NULL",
                                   [.integer(Int64(bayID))], stay(from:)) {
            return open
        }
        return try db.first(Self.earlierStayQuery + " AND a.bay_id = ? ORDER BY a.id DESC LIMIT 1", [.integer(Int64(bayID))], stay(from:))
    }

    /// The bookings holding a bay at some time in [from, to): confirmed ones, and arrived ones whose
    /// order is open and was never given a bay (the car waits for the bay booked for it). A booking
    /// lasts at most a day, so the bookings' time index is read from a day before `from`.
    public func bayHolds(from: Timestamp, to: Timestamp) throws -> [BayHold] {
        try db.rows(Self.holdsQuery, holdsArguments(from: from, to: to), hold(from:)).filter { $0.until > from }
    }

    private func holdsArguments(from: Timestamp, to: Timestamp) -> [SQLValue] {
        [.integer(Int64(from.seconds - 86_400)), .integer(Int64(to.seconds))]
    }

    /// The first confirmed booking of each bay from `from` on, by bay: one look-up a bay, all sent
    /// together (on a server, one round trip for all the bays).
    public func nextHolds(bayIDs: [Int], from: Timestamp) throws -> [Int: BayHold] {
        var holds: [Int: BayHold] = [:]
        try db.runEach(bayIDs.map { (Self.nextHoldQuery, [.integer(Int64($0)), .integer(Int64(from.seconds))]) }) { index, row in
            holds[bayIDs[index]] = hold(from: row)
        }
        return holds
    }

    /// Every bay with the car in it and the bookings holding it in [from, to).
    public func bayStates(from: Timestamp, to: Timestamp) throws -> [BayState] {
        // All in one round trip on a server: none depends on another's answer.
        try db.sendAhead(bayStatesReads(from: from, to: to))
        let stays = try currentStays()
        let holds = try bayHolds(from: from, to: to)
        return try bays().map { bay in
            BayState(bay: bay, occupant: stays.first { $0.bayID == bay.id }, holds: holds.filter { $0.bayID == bay.id })
        }
    }

    /// The statements `bayStates` runs.
    func bayStatesReads(from: Timestamp, to: Timestamp) -> [(sql: String, arguments: [SQLValue])] {
        Self.currentStaysQueries.map { ($0, []) } + [(Self.holdsQuery, holdsArguments(from: from, to: to)), baysQuery()]
    }

    static let bookingOfOrder = "SELECT appointment_id FROM orders WHERE id = ?"

    /// Whether `equipmentNeeded` reads the canned jobs: only for an order with labour codes.
    static func readsJobs(_ record: OrderRecord) -> Bool { record.offeredLines.contains { $0.operationCode != nil } }

    /// What the order's work needs of a bay: its booking's equipment and its canned jobs'.
    public func equipmentNeeded(_ record: OrderRecord) throws -> [EquipmentNeed] {
        let bookingID = try db.first(Self.bookingOfOrder, [.integer(Int64(record.order.id))]) {
            $0.optionalInt("appointment_id")
        } ?? nil
        let booking = try bookingID.flatMap { try appointment(id: $0) }
        // Only a job that names equipment can add to the needs, and only one whose operations are
        // all on the order: an order without labour codes needs no job read at all.
        let onOrder = Self.readsJobs(record)
            ? BayRules.jobsOn(record.offeredLines, among: try jobsNeedingEquipment()) : []
        return BayRules.equipmentNeeded(booking: booking, jobs: onOrder)
    }

    /// Moves the order's car as the change says: out of the bay it was in (the stay closed, or for
    /// a car of before stays were recorded, written closed), into the new one.
    func moveBays(_ move: BayMove, of order: RepairOrder, at: Timestamp) throws {
        switch move {
        case .enter(let name, let leaving):
            if let leaving { try endStay(leaving, .moved, at: at) }
            guard let bay = try bay(named: name) else { throw PeopleRefusal.unknownBay(name: name, bays: try bays().map(\.name)) }
            try db.run("INSERT INTO bay_stays(bay_id, order_id, since, placed_by) VALUES (?, ?, ?, ?)",
                       [.integer(Int64(bay.id)), .integer(Int64(order.id)), .integer(Int64(at.seconds)), .text(context.actor)])
        case .leave(let stay, let why):
            try endStay(stay, why, at: at)
        }
    }

    private func endStay(_ stay: BayStay, _ why: BayLeaving, at: Timestamp) throws {
        if let id = stay.id {
            try db.run("UPDATE bay_stays SET left_at = ?, left_by = ?, left_why = ? WHERE id = ? AND left_at IS NULL",
                       [.integer(Int64(at.seconds)), .text(context.actor), .text(why.code), .integer(Int64(id))])
            return
        }
        let placedBy = try db.first("""
            SELECT assigned_by FROM assignments WHERE order_id = ? AND bay_id = ? ORDER BY id DESC LIMIT 1
            """, [.integer(Int64(stay.orderID)), .integer(Int64(stay.bayID))]) { $0.string("assigned_by") } ?? ""
        try db.run("""
            INSERT INTO bay_stays(bay_id, order_id, since, placed_by, left_at, left_by, left_why) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.integer(Int64(stay.bayID)), .integer(Int64(stay.orderID)), .integer(Int64(stay.since.seconds)), .text(placedBy),
                  .integer(Int64(at.seconds)), .text(context.actor), .text(why.code)])
    }
}
