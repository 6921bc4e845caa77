import SQLite
import WorkshopModel

extension Store {
    // MARK: Payments

    static let paymentsOfOrder = """
        SELECT id, amount, method, at, by, reference, tendered, change_given, receipt, card_id FROM payments WHERE order_id = ? ORDER BY id
        """

    public func payments(orderID: Int) throws -> [Payment] {
        try db.rows(Self.paymentsOfOrder, [.integer(Int64(orderID))]) { row in
            let stored = StoredCodes(row, table: "payments", key: String(row.int("id")))
            return Payment(amount: row.money("amount"), method: try stored.code("method"), at: row.timestamp("at"),
                           by: row.string("by"), reference: row.optionalString("reference"), tendered: row.optionalMoney("tendered"),
                           change: row.optionalMoney("change_given"), receipt: row.optionalInt("receipt"),
                           card: row.optionalInt("card_id"))
        }
    }

    /// The number the next receipt over several orders takes.
    public func nextReceipt() throws -> Int {
        try db.scalar("SELECT coalesce(max(receipt), 0) + 1 FROM payments WHERE receipt IS NOT NULL") ?? 1
    }

    /// The orders a receipt paid, in number order.
    public func ordersOfReceipt(_ receipt: Int) throws -> [Int] {
        try db.rows("SELECT order_id FROM payments WHERE receipt = ? ORDER BY order_id", [.integer(Int64(receipt))]) { $0.int("order_id") }
    }

    /// The settlement of an order as it stands, under the terms fixed on it when the customer signed
    /// or declined (the shop's current terms while it is still being estimated).
    public func settlement(of order: RepairOrder) throws -> Settlement {
        let terms = order.terms ?? settings.pricingTerms
        return Settlement(lines: try lines(orderID: order.id), discount: order.discount, payments: try payments(orderID: order.id),
                          rate: terms.taxRate, pricesIncludeTax: terms.pricesIncludeTax)
    }

    // MARK: Warranty

    /// The shop's term for a class and category: its own, or the statutory one.
    /// The next settlement-list number (结算清单编号) of the year, its own sequence: "JS2026-00001".
    /// The numbers are kept on the orders they were given to (unique), which are never deleted: a
    /// number is never given twice.
    /// Each site of a chain numbers its own (statutory papers are each enterprise's): the home site
    /// as before, another site after its mark ("S2-JS2026-00001", SiteScope.paperMark).
    public func nextSettlementNumber(year: Int, site: Int? = nil) throws -> String {
        let prefix = "\(SiteScope.paperMark(site))JS\(year)-"
        let read = Self.lastSettlementNumber(year: year, site: site)
        let last = try db.first(read.sql, read.arguments) { $0.string("settlement_no") }
        let next = (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        let digits = String(next)
        return prefix + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// The year's last settlement number at the site (its numbers sort as text: the prefix, then five digits).
    static func lastSettlementNumber(year: Int, site: Int?) -> (sql: String, arguments: [SQLValue]) {
        let mark = SiteScope.paperMark(site)
        return ("SELECT settlement_no FROM orders WHERE settlement_no >= ? AND settlement_no < ? ORDER BY settlement_no DESC LIMIT 1",
                [.text("\(mark)JS\(year)-"), .text("\(mark)JS\(year).")])
    }

    public func warrantyTerm(_ vehicleClass: VehicleClass, _ category: RepairCategory) throws -> WarrantyTerm {
        let read = Self.shopWarrantyTerm(vehicleClass, category)
        return try db.first(read.sql, read.arguments) { WarrantyTerm(km: $0.int("km"), days: $0.int("days")) }
            ?? WarrantyTable.statutory(vehicleClass, category)
    }

    /// The shop's own term for a class and category, if it set one.
    static func shopWarrantyTerm(_ vehicleClass: VehicleClass, _ category: RepairCategory) -> (sql: String, arguments: [SQLValue]) {
        ("SELECT km, days FROM warranty_terms WHERE vehicle_class = ? AND category = ?", [.text(vehicleClass.code), .text(category.code)])
    }

    public func setWarrantyTerm(_ term: WarrantyTerm, _ vehicleClass: VehicleClass, _ category: RepairCategory) throws {
        try WarrantyTable.validate(term, vehicleClass, category)
        try db.run("""
            INSERT INTO warranty_terms(vehicle_class, category, km, days) VALUES (?, ?, ?, ?)
            ON CONFLICT(vehicle_class, category) DO UPDATE SET km = excluded.km, days = excluded.days
            """, [.text(vehicleClass.code), .text(category.code), .integer(Int64(term.km)), .integer(Int64(term.days))])
        try journal(.warrantyTerm, entity: "warranty", id: "\(vehicleClass.code)/\(category.code)",
                    detail: [("km", .int(term.km)), ("days", .int(term.days))])
    }

    /// Every warrantable line of the vehicle's released orders, with its coverage (covered or not):
    /// each under the warranty promised at its release (today's term only for an order that has
    /// none on record). With `day`, only the lines still covered on that day at `odometer` km (nil:
    /// unknown): the orders whose term has run out are dropped before their lines are read, so a
    /// car with years of history costs no more than one with a few recent visits.
    public func warrantyCoverage(vehicle: Vehicle, coveringDay day: String? = nil, odometer: Int? = nil) throws -> [WarrantyCoverage] {
        let zone = settings.timeZone
        var released = try db.rows(Self.releasedUnderWarranty, [.integer(Int64(vehicle.id))]) { row in
            let stored = StoredCodes(row, table: "orders", key: RepairOrder.number(row.int("id")))
            return (id: row.int("id"), category: try stored.code("category") as RepairCategory, at: row.timestamp("released_at"),
                    odometer: row.optionalInt("release_odometer") ?? 0, term: try stored.warrantyTerm())
        }.map { order in (order, term: try order.term ?? warrantyTerm(vehicle.vehicleClass, order.category)) }
        if let day {
            released.removeAll { order, term in
                let end = WarrantyCoverage.end(releasedAt: order.at, releaseOdometer: order.odometer, term: term, zone: zone)
                return !WarrantyCoverage.covers(lastDay: end.day, lastKilometre: end.kilometre, day: day, odometer: odometer)
            }
        }
        // Their lines in one read, however many orders the car has had.
        guard let oldest = released.last?.0.id, let newest = released.first?.0.id else { return [] }
        let lines = try linesOfOrders(vehicleID: vehicle.id, from: oldest, through: newest)
        var coverage: [WarrantyCoverage] = []
        for (order, term) in released {
            for line in lines[order.id] ?? [] where line.status == .approved && !line.noWarranty && !line.isDiagnosticFee {
                coverage.append(WarrantyCoverage(orderID: order.id, line: line, releasedAt: order.at, releaseOdometer: order.odometer,
                                                 term: term, zone: zone))
            }
        }
        return coverage
    }

    /// A vehicle's latest released orders, with the warranty each was released under.
    static let releasedUnderWarranty = """
        SELECT id, category, released_at, release_odometer, warranty_km, warranty_days FROM orders
        WHERE vehicle_id = ? AND released_at IS NOT NULL AND status = 'released' ORDER BY id DESC LIMIT 50
        """

    /// The comebacks (warranty reworks) of a vehicle's earlier orders.
    static let comebacksOfVehicle =
        "SELECT id, rework_of, rework_line, rework_cause FROM orders WHERE vehicle_id = ? AND rework_of IS NOT NULL AND status <> 'void' ORDER BY id"

    public func comebacks(vehicleID: Int) throws -> [(order: Int, of: Int, line: Int?, cause: String?)] {
        try db.rows(Self.comebacksOfVehicle, [.integer(Int64(vehicleID))]) {
            ($0.int("id"), $0.int("rework_of"), $0.optionalInt("rework_line"), $0.optionalString("rework_cause"))
        }
    }

    // MARK: Follow-up calls

    private static let followupColumns = "order_id, due_from, due_until, done_at, result, satisfaction, by"

    private func followup(from row: ShopRow) -> FollowUp {
        FollowUp(orderID: row.int("order_id"), dueFrom: row.timestamp("due_from"), dueUntil: row.timestamp("due_until"),
                 doneAt: row.optionalTimestamp("done_at"), result: row.optionalString("result"),
                 satisfaction: row.optionalInt("satisfaction"), by: row.optionalString("by"))
    }

    /// On a server, sent with the release's COMMIT: nothing reads it back (ShopDatabase.runQueuedSealed).
    public func addFollowUp(_ followUp: FollowUp) throws {
        try db.runQueuedSealed("INSERT INTO followups(order_id, due_from, due_until) VALUES (?, ?, ?)",
                   [.integer(Int64(followUp.orderID)), .integer(Int64(followUp.dueFrom.seconds)), .integer(Int64(followUp.dueUntil.seconds))])
    }

    public func followUp(orderID: Int) throws -> FollowUp? {
        try db.first("SELECT \(Self.followupColumns) FROM followups WHERE order_id = ?", [.integer(Int64(orderID))], followup(from:))
    }

    /// Follow-ups not yet done: all of them, or only those due by `now`.
    /// The follow-up calls still to make of the session's site's orders (each site calls the
    /// customers of the work it did).
    public func openFollowUps(dueBy now: Timestamp?) throws -> [FollowUp] {
        let query = openFollowUpsQuery(dueBy: now)
        return try db.rows(query.sql, query.arguments, followup(from:))
    }

    func openFollowUpsQuery(dueBy now: Timestamp?) -> (sql: String, arguments: [SQLValue]) {
        let site = SiteScope.condition("o.site_id", siteID)
        let ours = "EXISTS (SELECT 1 FROM orders o WHERE o.id = followups.order_id AND \(site.sql))"
        if let now {
            return ("SELECT \(Self.followupColumns) FROM followups WHERE done_at IS NULL AND due_from <= ? AND \(ours) ORDER BY due_until, order_id",
                    [.integer(Int64(now.seconds))] + site.arguments)
        }
        return ("SELECT \(Self.followupColumns) FROM followups WHERE done_at IS NULL AND \(ours) ORDER BY due_from, order_id", site.arguments)
    }

    /// Logs a follow-up call no one answered; the follow-up stays due.
    public func addFollowUpCall(_ call: FollowUpCall, order: RepairOrder) throws {
        try requireSiteWork(of: order)
        try db.run("INSERT INTO followup_calls(order_id, at, by, note) VALUES (?, ?, ?, ?)",
                   [.integer(Int64(call.orderID)), .integer(Int64(call.at.seconds)), .text(call.by), SQLValue(call.note)])
        let attempts = try followUpCalls(orderID: order.id).count
        try journal(.followupNoAnswer, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("attempt", .int(attempts)), ("note", .string(call.note))])
    }

    /// The unanswered attempts at an order's follow-up call, oldest first.
    public func followUpCalls(orderID: Int) throws -> [FollowUpCall] {
        try db.rows("SELECT order_id, at, by, note FROM followup_calls WHERE order_id = ? ORDER BY at, id", [.integer(Int64(orderID))]) {
            FollowUpCall(orderID: $0.int("order_id"), at: $0.timestamp("at"), by: $0.string("by"), note: $0.optionalString("note"))
        }
    }

    public func completeFollowUp(_ followUp: FollowUp, order: RepairOrder) throws {
        try requireSiteWork(of: order)
        try db.run("UPDATE followups SET done_at = ?, result = ?, satisfaction = ?, by = ? WHERE order_id = ? AND done_at IS NULL",
                   [SQLValue(followUp.doneAt?.seconds), SQLValue(followUp.result), SQLValue(followUp.satisfaction),
                    SQLValue(followUp.by), .integer(Int64(followUp.orderID))])
        guard db.changes == 1 else {
            guard let done = try self.followUp(orderID: order.id), let at = done.doneAt else {
                throw AfterSalesRefusal.noFollowUp(order: order.number)
            }
            throw AfterSalesRefusal.followUpRecorded(order: order.number, at: at)
        }
        try journal(.followupDone, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("result", .string(followUp.result)), ("satisfaction", .int(followUp.satisfaction))])
    }
}
