import SQLite
import WorkshopModel

/// One line of an order list: enough to find the order and see where it stands.
public struct OrderSummary: Sendable {
    public var id: Int
    public var plate: String
    public var status: OrderStatus
    public var checkedInAt: Timestamp
    public var promisedAt: Timestamp?
    public var odometerIn: Int
    public var complaint: String
    public var category: RepairCategory
    /// What is offered (before signature) or approved (after), as `ro show` totals it under the
    /// order's terms: warranty work and added work still waiting for an answer are not in it.
    public var total: Money
    /// Added work reported and not yet answered by the customer, apart from `total`.
    public var awaitingAnswer: Money
    /// A declined order not yet released: what it still holds (fee, key, belongings).
    public var held: HeldUntilRelease?
    /// The site the car was checked in at (nil: the home site).
    public var siteID: Int?
    public var number: String { RepairOrder.number(id) }
}

extension Store {
    private static let orderColumns = """
        id, vehicle_id, customer_id, status, checked_in_at, advisor, odometer_in, fuel, complaint, dropped_by,
        dropped_phone, category, payer, findings, estimate_method, promised_at, key_tag, signed_by, signed_via,
        signed_at, closed_at, version, started_at, handover_by, handover_at, completed_at, rework_of, rework_line,
        rework_cause, discount_kind, discount_value, discount_by, discount_authorized_by, key_returned_at, released_at,
        release_odometer, released_by, release_signed, old_parts, tax_rate_bp, prices_include_tax, labor_rate,
        discount_limit, warranty_km, warranty_days, bill_to, battery, sign_taken_by, settlement_no, site_id
        """

    private func order(from row: ShopRow) throws -> RepairOrder {
        let id = row.int("id")
        let stored = StoredCodes(row, table: "orders", key: RepairOrder.number(id))
        var order = RepairOrder(
            id: id, vehicleID: row.int("vehicle_id"), customerID: row.int("customer_id"), status: try stored.code("status"),
            checkedInAt: row.timestamp("checked_in_at"), advisor: row.string("advisor"), odometerIn: row.int("odometer_in"),
            fuel: try Store.fuel(stored), battery: row.optionalInt("battery"), complaint: row.string("complaint"),
            droppedBy: row.optionalString("dropped_by"), droppedPhone: row.optionalString("dropped_phone"),
            category: try stored.code("category"), payer: try stored.code("payer"), findings: row.optionalString("findings"),
            estimateMethod: try stored.optionalCode("estimate_method"), promisedAt: row.optionalTimestamp("promised_at"),
            keyTag: row.optionalString("key_tag"), signedBy: row.optionalString("signed_by"),
            signedVia: try stored.optionalCode("signed_via"), signedAt: row.optionalTimestamp("signed_at"),
            closedAt: row.optionalTimestamp("closed_at"), version: row.int("version"),
            startedAt: row.optionalTimestamp("started_at"), handoverBy: row.optionalString("handover_by"),
            handoverAt: row.optionalTimestamp("handover_at"), completedAt: row.optionalTimestamp("completed_at"),
            reworkOf: row.optionalInt("rework_of"), reworkLine: row.optionalInt("rework_line"),
            reworkCause: row.optionalString("rework_cause"), discount: try stored.discount(),
            discountBy: row.optionalString("discount_by"), discountAuthorizedBy: row.optionalString("discount_authorized_by"),
            keyReturnedAt: row.optionalTimestamp("key_returned_at"), releasedAt: row.optionalTimestamp("released_at"),
            releaseOdometer: row.optionalInt("release_odometer"), releasedBy: row.optionalString("released_by"),
            releaseSigned: row.optionalString("release_signed"), oldParts: try stored.optionalCode("old_parts"),
            terms: try stored.pricingTerms(), warrantyTerm: try stored.warrantyTerm(), billTo: row.optionalInt("bill_to"),
            signTakenBy: row.optionalString("sign_taken_by"), settlementNumber: row.optionalString("settlement_no"))
        order.siteID = row.optionalInt("site_id")
        writing?.checkIns[id] = order.checkedInAt
        writing?.orderSites[id] = Journal.siteColumn(order.siteID)
        return order
    }

    /// The fuel level read at check-in; '' for an electric car's order, which has its battery
    /// instead, and for a trailer's, which has no gauge.
    private static func fuel(_ stored: StoredCodes) throws -> FuelLevel? {
        if stored.row.string("fuel").isEmpty { return nil }
        return try stored.code("fuel") as FuelLevel
    }

    public func order(id: Int) throws -> RepairOrder? {
        try db.first("SELECT \(Self.orderColumns) FROM orders WHERE id = ?", [.integer(Int64(id))], order(from:))
    }

    /// The vehicle's released orders, newest first (at most `limit`).
    func releasedOrders(vehicleID: Int, limit: Int) throws -> [RepairOrder] {
        try db.rows("""
            SELECT \(Self.orderColumns) FROM orders
            WHERE vehicle_id = ? AND status = 'released' AND released_at IS NOT NULL ORDER BY id DESC LIMIT ?
            """, [.integer(Int64(vehicleID)), .integer(Int64(limit))], order(from:))
    }

    /// The order the vehicle is in the shop under, if any.
    public func openOrder(vehicleID: Int) throws -> RepairOrder? {
        try db.first(Self.openOrderOfVehicle, [.integer(Int64(vehicleID))], order(from:))
    }

    static let openOrderOfVehicle = "SELECT \(orderColumns) FROM orders WHERE vehicle_id = ? AND status IN \(Schema.openStatuses)"

    /// The vehicle's declined order not yet released, if any (through the partial index of those).
    func declinedUnreleasedOrder(vehicleID: Int) throws -> RepairOrder? {
        try db.first("""
            SELECT \(Self.orderColumns) FROM orders WHERE status = 'declined' AND released_at IS NULL AND vehicle_id = ?
            ORDER BY id DESC LIMIT 1
            """, [.integer(Int64(vehicleID))], order(from:))
    }

    /// An order by its number (RO123, 123), or by the plate of the vehicle's open order (or of its
    /// declined order, while the car is still here).
    public func resolveOrder(_ reference: String) throws -> RepairOrder {
        if let id = RepairOrder.id(fromNumber: reference) {
            guard let found = try order(id: id) else {
                throw LookupRefusal.noOrder(order: RepairOrder.number(id))
            }
            return found
        }
        // An order number too long to be one of ours is no order, never a plate to add.
        if reference.lowercased().hasPrefix("ro"), reference.count > 2, reference.dropFirst(2).allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw LookupRefusal.noOrder(order: "RO" + reference.dropFirst(2))
        }
        let vehicle = try resolveVehicle(reference)
        // A car whose estimate was declined is still here until it is released: its plate names
        // that order (to pay its fee, hand back its key, release it).
        guard let open = try openOrder(vehicleID: vehicle.id) ?? declinedUnreleasedOrder(vehicleID: vehicle.id) else {
            let last = try db.scalar("SELECT max(id) FROM orders WHERE vehicle_id = ?", [.integer(Int64(vehicle.id))])
            throw LookupRefusal.noOpenOrder(plate: vehicle.plate.value, lastOrder: last.map(RepairOrder.number))
        }
        return open
    }

    /// Key tags starting with `prefix` that the shop has hung keys on (over its last 2,000 orders)
    /// and that no car's key hangs on now at the session's site (each site has its own key board),
    /// for Tab: the hooks free to register a key on.
    public func freeKeyTags(startingWith prefix: String, limit: Int = 20) throws -> [String] {
        try db.rows("""
            SELECT DISTINCT key_tag FROM orders
            WHERE id > (SELECT coalesce(max(id), 0) - 2000 FROM orders) AND key_tag >= ?1 AND key_tag < ?3
              AND key_tag NOT IN (SELECT key_tag FROM orders WHERE key_tag IS NOT NULL AND key_returned_at IS NULL
                                  AND released_at IS NULL AND (status IN \(Schema.openStatuses) OR status = 'declined')
                                  AND coalesce(site_id, 0) = ?4)
            ORDER BY key_tag LIMIT ?2
            """, [.text(prefix.uppercased()), .integer(Int64(limit)), .prefixEnd(prefix.uppercased()),
                  .integer(Int64(SiteScope.storedID(siteID) ?? 0))]) { $0.string("key_tag") }
    }

    /// A key hook holds one key: refuses a tag that another order's key hangs on at the same site
    /// (each site has its own key board) — an open order's, or a declined one's not yet released
    /// whose key has not been handed back (the car is still here, and so is its key).
    /// `siteID`: the site of the order the key is for, as rows store it (nil: the home site).
    public func ensureKeyTagFree(_ tag: String, for orderID: Int, at siteID: Int?) throws {
        let board = Int64(SiteScope.storedID(siteID) ?? 0)
        if let holder = try db.scalar(Self.keyHookHolder, [.text(tag), .integer(Int64(orderID)), .integer(board)]) {
            throw ConflictRefusal.keyTagInUse(tag: tag, order: RepairOrder.number(holder))
        }
    }

    /// Each branch through its own partial index: the open orders' key hooks (unique per site on
    /// `coalesce(site_id, 0)`, the expression of 024-site-hooks-and-entries, written the same here
    /// so that the index serves it), the declined orders not released (a handful: the site is
    /// tested beside).
    static let keyHookHolder = """
        SELECT id FROM orders WHERE coalesce(site_id, 0) = ?3 AND key_tag = ?1 AND id <> ?2 AND status IN \(Schema.openStatuses)
        UNION ALL
        SELECT id FROM orders WHERE status = 'declined' AND released_at IS NULL AND key_tag = ?1 AND id <> ?2
          AND key_returned_at IS NULL AND coalesce(site_id, 0) = ?3
        LIMIT 1
        """

    /// Records a new order; `odometerConfirmed` is the advisor's confirmation of a reading beyond the plausible.
    public func createOrder(_ order: RepairOrder, odometerConfirmed: OdometerConfirmation? = nil) throws -> RepairOrder {
        if let tag = order.keyTag { try ensureKeyTagFree(tag, for: 0, at: siteID) }
        let id = try insert("""
            INSERT INTO orders(vehicle_id, customer_id, status, checked_in_at, advisor, odometer_in, fuel, complaint,
                               dropped_by, dropped_phone, category, payer, promised_at, key_tag, rework_of, rework_line,
                               rework_cause, tax_rate_bp, prices_include_tax, labor_rate, discount_limit, warranty_km,
                               warranty_days, bill_to, battery, site_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(Int64(order.vehicleID)), .integer(Int64(order.customerID)), .text(order.status.code),
                  .integer(Int64(order.checkedInAt.seconds)), .text(order.advisor), .integer(Int64(order.odometerIn)),
                  .text(order.fuel?.code ?? ""), .text(order.complaint), SQLValue(order.droppedBy), SQLValue(order.droppedPhone),
                  .text(order.category.code), .text(order.payer.code), SQLValue(order.promisedAt?.seconds),
                  SQLValue(order.keyTag), SQLValue(order.reworkOf), SQLValue(order.reworkLine), SQLValue(order.reworkCause)]
                + Store.fixedFactValues(order) + [SQLValue(order.billTo), SQLValue(order.battery), SiteScope.value(siteID)])
        var created = order.identified(as: id)
        created.siteID = SiteScope.storedID(siteID)
        writing?.checkIns[id] = order.checkedInAt
        writing?.orderSites[id] = Journal.siteColumn(siteID)
        try journal(.orderCheckin, entity: "order", id: created.number, orderID: created.id, vehicleID: order.vehicleID,
                    detail: [("odometer", .int(order.odometerIn)), ("fuel", .string(order.fuel?.code)),
                             ("complaint", .string(order.complaint)), ("dropped_by", .string(order.droppedBy)),
                             ("phone", .string(order.droppedPhone)), ("category", .string(order.category.code)),
                             ("payer", .string(order.payer.code)), ("key_tag", .string(order.keyTag)),
                             ("promised_at", .string(order.promisedAt?.iso8601)),
                             ("rework_of", .string(order.reworkOf.map(RepairOrder.number))), ("rework_line", .int(order.reworkLine)),
                             ("rework_cause", .string(order.reworkCause))]
                        + (odometerConfirmed.map { [("odometer_confirmed", JSON.object($0.journalDetail))] } ?? [])
                        + (order.battery.map { [("battery", JSON.int($0))] } ?? [])
                        + (order.billTo.map { [("bill_to", JSON.string("C\($0)"))] } ?? []))
        return created
    }

    /// Saves the order's header fields, bumps its version, and journals `action` with `detail`.
    public func saveOrder(_ order: RepairOrder, action: JournalAction, detail: [(String, JSON)]) throws {
        // Checked when a key is hung (here and at check-in), never at every later change: a payment
        // or a release is not refused over a hook.
        if action == .keyRegister, let tag = order.keyTag { try ensureKeyTagFree(tag, for: order.id, at: order.siteID) }
        // The comeback link is written only by the transition that makes it (RepairOrder.reworkOf is
        // set by the model alone: at check-in, the insert, and by linkComeback): `rework_of` refers
        // to orders itself, and SQLite rewrites every index of an order whose UPDATE names that
        // column, changed or not — five index pages more in every write of an order.
        // Only the order's own site changes it: tested by the UPDATE itself (no read before it).
        if action == .orderComebackLink {
            try db.run("UPDATE orders SET rework_of = ?, rework_line = ?, rework_cause = ? WHERE id = ?",
                       [SQLValue(order.reworkOf), SQLValue(order.reworkLine), SQLValue(order.reworkCause), .integer(Int64(order.id))])
        }
        let here = SiteScope.condition("site_id", siteID)
        try db.run(db.text(Self.orderUpdate(siteCondition: here.sql)),
                   Self.headerValues(order) + (db.isPostgres ? Self.keyValues(order) : []) + [.integer(Int64(order.id))]
                    + here.arguments)
        // Not changed: the row is another site's (SiteWork) — as the row says, not the order given —
        // and the whole command is refused.
        if db.changes == 0 {
            var stored = order
            stored.siteID = try siteID(ofOrder: order.id)
            try requireSiteWork(of: stored)
            throw LookupRefusal.noOrder(order: order.number)
        }
        if !db.isPostgres {
            try db.run(Self.orderKeysUpdateWhenChanged, Self.keyValues(order) + [.integer(Int64(order.id))])
        }
        try journal(action, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID, detail: detail)
    }

    // The order's columns its indexes are built on (open work, key hooks, bill-to, release,
    // settlement number). SQLite rewrites the entries of every index whose columns an UPDATE names,
    // changed or not: two pages more in every write of an open order, had the header's UPDATE named
    // its status. So on SQLite these are set by a second statement that touches the row only when
    // one of them changed. A server compares values itself (an UPDATE that changes no indexed column
    // leaves the indexes alone), and one statement is one round trip fewer.
    private static let keyColumns = ["status", "key_tag", "released_at", "settlement_no", "bill_to"]

    private static func keyValues(_ order: RepairOrder) -> [SQLValue] {
        [.text(order.status.code), SQLValue(order.keyTag), SQLValue(order.releasedAt?.seconds),
         SQLValue(order.settlementNumber), SQLValue(order.billTo)]
    }

    private static let headerColumns = [
        "odometer_in", "fuel", "complaint", "dropped_by", "dropped_phone", "category", "payer", "findings",
        "estimate_method", "promised_at", "signed_by", "signed_via", "signed_at", "closed_at", "started_at",
        "handover_by", "handover_at", "completed_at", "discount_kind", "discount_value", "discount_by",
        "discount_authorized_by", "key_returned_at", "release_odometer", "released_by", "release_signed", "old_parts",
        "tax_rate_bp", "prices_include_tax", "labor_rate", "discount_limit", "warranty_km", "warranty_days", "battery",
        "sign_taken_by"]

    private static func headerValues(_ order: RepairOrder) -> [SQLValue] {
        [.integer(Int64(order.odometerIn)), .text(order.fuel?.code ?? ""), .text(order.complaint),
         SQLValue(order.droppedBy), SQLValue(order.droppedPhone), .text(order.category.code), .text(order.payer.code),
         SQLValue(order.findings), SQLValue(order.estimateMethod?.code), SQLValue(order.promisedAt?.seconds),
         SQLValue(order.signedBy), SQLValue(order.signedVia?.code), SQLValue(order.signedAt?.seconds),
         SQLValue(order.closedAt?.seconds), SQLValue(order.startedAt?.seconds), SQLValue(order.handoverBy),
         SQLValue(order.handoverAt?.seconds), SQLValue(order.completedAt?.seconds), SQLValue(Store.discountKind(order.discount)),
         SQLValue(Store.discountValue(order.discount)), SQLValue(order.discountBy), SQLValue(order.discountAuthorizedBy),
         SQLValue(order.keyReturnedAt?.seconds), SQLValue(order.releaseOdometer), SQLValue(order.releasedBy),
         SQLValue(order.releaseSigned), SQLValue(order.oldParts?.code)] + Store.fixedFactValues(order)
        + [SQLValue(order.battery), SQLValue(order.signTakenBy)]
    }

    /// The order's header (and on a server its keys too), by id, only at the store's own site.
    private static func orderUpdate(siteCondition: String) -> PortableSQL {
        PortableSQL(sqlite: "UPDATE orders SET \(headerSet), version = version + 1 WHERE id = ? AND \(siteCondition)",
                    postgres: "UPDATE orders SET \(headerSet), \(keySet), version = version + 1 WHERE id = ? AND \(siteCondition)")
    }
    private static let headerSet = headerColumns.map { "\($0) = ?" }.joined(separator: ", ")
    private static let keySet = keyColumns.map { "\($0) = ?" }.joined(separator: ", ")

    /// SQLite: the keys set only when one of them differs from the row's (in words a server
    /// would take too, though it is never sent one).
    private static let orderKeysUpdateWhenChanged: String = {
        let set = keyColumns.enumerated().map { "\($1) = ?\($0 + 1)" }.joined(separator: ", ")
        let differs = keyColumns.enumerated().map { "\($1) IS DISTINCT FROM ?\($0 + 1)" }.joined(separator: " OR ")
        return "UPDATE orders SET \(set) WHERE id = ?\(keyColumns.count + 1) AND (\(differs))"
    }()

    // MARK: Lines

    private static let lineColumns = """
        number, kind, description, hours, rate, quantity, unit_price, amount, part_no, brand, part_class, op_code,
        no_warranty, status, covered, list_amount, concession_by, member_tier, regular_price, card_id
        """
    /// The same, of `order_lines l` in a join.
    private static let lineColumnsOfL = lineColumns.split(separator: ",")
        .map { "l." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")

    private func line(from row: ShopRow, order: Int) throws -> OrderLine {
        let number = row.int("number")
        let stored = StoredCodes(row, table: "order_lines", key: "\(RepairOrder.number(order))/\(number)")
        return OrderLine(number: number, kind: try stored.code("kind"), description: row.string("description"),
                         hours: row.optionalInt("hours").map(Hours.init(hundredths:)), rate: row.optionalMoney("rate"),
                         quantity: row.optionalInt("quantity").map(Quantity.init(thousandths:)),
                         unitPrice: row.optionalMoney("unit_price"), amount: row.money("amount"),
                         partNumber: row.optionalString("part_no"), brand: row.optionalString("brand"),
                         partClass: try stored.optionalCode("part_class"), operationCode: row.optionalString("op_code"),
                         noWarranty: row.bool("no_warranty"), status: try stored.code("status"), covered: row.bool("covered"),
                         listAmount: row.optionalMoney("list_amount"), concessionBy: row.optionalString("concession_by"),
                         memberTier: row.optionalString("member_tier"), regularPrice: row.optionalMoney("regular_price"),
                         cardID: row.optionalInt("card_id"))
    }

    /// The order's lines, removed ones included (they keep their numbers), in number order.
    public func lines(orderID: Int) throws -> [OrderLine] {
        try db.rows(Self.linesOfOrder, [.integer(Int64(orderID))]) { try line(from: $0, order: orderID) }
    }

    static let linesOfOrder = "SELECT \(lineColumns) FROM order_lines WHERE order_id = ? ORDER BY number"

    /// The lines of the vehicle's orders numbered `first`…`last`, by order, in number order: one read.
    func linesOfOrders(vehicleID: Int, from first: Int, through last: Int) throws -> [Int: [OrderLine]] {
        var lines: [Int: [OrderLine]] = [:]
        try db.forEach("""
            SELECT l.order_id, \(Self.lineColumnsOfL)
            FROM orders o JOIN order_lines l ON l.order_id = o.id
            WHERE o.vehicle_id = ? AND o.id BETWEEN ? AND ? ORDER BY l.order_id, l.number
            """, [.integer(Int64(vehicleID)), .integer(Int64(first)), .integer(Int64(last))]) { row in
            let order = row.int("order_id")
            lines[order, default: []].append(try line(from: row, order: order))
        }
        return lines
    }

    // MARK: Lists

    /// An order's offered or approved lines, less warranty work (covered) and added work still
    /// waiting for the customer's answer (`awaiting`, summed apart): what `offeredTotals` counts.
    /// The lines are read once (`offered`); the few lines with an unanswered supplement are found
    /// from the supplements' side, a single probe for an order that has none, and taken off (a
    /// line has at most one supplement). Reading each line once per sum cost a list of the open
    /// orders more than all the rest of its work. CROSS JOIN keeps the supplements SQLite's outer
    /// loop; the join's condition is in WHERE, since PostgreSQL's CROSS JOIN takes no ON.
    private static let summarySelect = """
        SELECT o.id, v.plate, o.status, o.checked_in_at, o.promised_at, o.odometer_in, o.complaint, o.category, o.site_id,
               o.tax_rate_bp, o.prices_include_tax, o.labor_rate, o.discount_limit,
               (SELECT coalesce(sum(l.amount), 0) FROM order_lines l
                WHERE l.order_id = o.id AND l.status IN ('proposed','approved') AND l.covered = 0 AND l.card_id IS NULL)
               - (SELECT coalesce(sum(l.amount), 0) FROM supplements s CROSS JOIN order_lines l
                  WHERE s.order_id = o.id AND l.order_id = s.order_id AND l.number = s.line_number
                    AND s.answer IS NULL AND l.status IN ('proposed','approved') AND l.covered = 0 AND l.card_id IS NULL) AS total,
               (SELECT coalesce(sum(l.amount), 0) FROM supplements s CROSS JOIN order_lines l
                WHERE s.order_id = o.id AND l.order_id = s.order_id AND l.number = s.line_number
                  AND s.answer IS NULL AND l.status = 'proposed' AND l.covered = 0 AND l.card_id IS NULL) AS awaiting
        FROM orders o JOIN vehicles v ON v.id = o.vehicle_id
        """
    static let summariesOfVehicle = "\(summarySelect) WHERE o.vehicle_id = ? ORDER BY o.id DESC LIMIT ?"
    /// The session's site's orders in a status, or open (SiteScope: the home site's are NULL).
    private func summariesInStatus() -> (sql: String, arguments: [SQLValue]) {
        let site = SiteScope.filter("o.site_id", siteID)
        return ("\(Self.summarySelect) WHERE o.status = ? AND \(site.sql) ORDER BY o.id DESC LIMIT ?", site.arguments)
    }
    private func summariesOpen() -> (sql: String, arguments: [SQLValue]) {
        let site = SiteScope.filter("o.site_id", siteID)
        return ("\(Self.summarySelect) WHERE o.status IN \(Schema.openStatuses) AND \(site.sql) ORDER BY o.id DESC LIMIT ?", site.arguments)
    }
    private static let summaryOfOrder = "\(summarySelect) WHERE o.id = ?"

    private func summary(from row: ShopRow) throws -> OrderSummary {
        let id = row.int("id")
        let stored = StoredCodes(row, table: "orders", key: RepairOrder.number(id))
        // The tax under the order's terms (fixed at signature; the shop's current ones before), as
        // the model's Totals applies it: the same figure `ro show` gives.
        let terms = try stored.pricingTerms() ?? settings.pricingTerms
        return OrderSummary(id: id, plate: row.string("plate"), status: try stored.code("status"),
                            checkedInAt: row.timestamp("checked_in_at"), promisedAt: row.optionalTimestamp("promised_at"),
                            odometerIn: row.int("odometer_in"), complaint: row.string("complaint"),
                            category: try stored.code("category"), total: terms.taxed(row.money("total")).gross,
                            awaitingAnswer: terms.taxed(row.money("awaiting")).gross, held: nil, siteID: row.optionalInt("site_id"))
    }

    /// Every order of a vehicle, newest first.
    /// The first statement `declinedLines` runs: the car's declined lines (before `orderID`).
    static func declinedLinesOfVehicle(_ vehicleID: Int, before orderID: Int? = nil) -> (sql: String, arguments: [SQLValue]) {
        ("""
            SELECT l.order_id, l.number, l.kind, l.description, l.hours, l.rate, l.quantity, l.unit_price, l.amount,
                   l.part_no, l.brand, l.part_class, l.op_code, l.no_warranty, l.status, 0 AS covered,
                   NULL AS list_amount, NULL AS concession_by, NULL AS member_tier, NULL AS regular_price, NULL AS card_id
            FROM order_lines l JOIN orders o ON o.id = l.order_id
            WHERE o.vehicle_id = ? AND l.status = 'declined' AND o.id < ?
            ORDER BY l.order_id DESC, l.number LIMIT 20
            """, [.integer(Int64(vehicleID)), .integer(Int64(orderID ?? Int.max))])
    }

    /// How many of a car's orders its file lists, newest first.
    public static let ordersOfVehicleListed = 1000

    public func orderSummaries(vehicleID: Int, limit: Int = Store.ordersOfVehicleListed) throws -> [OrderSummary] {
        try db.rows(Self.summariesOfVehicle,
                    [.integer(Int64(vehicleID)), .integer(Int64(limit))], summary(from:))
    }

    /// Orders in the shop now (the default: the open ones, and declined ones not yet released that
    /// still hold a fee, a key or belongings), or in one status, newest first. Void orders only when
    /// asked for by their status.
    public func listOrders(status: OrderStatus?, limit: Int = 200) throws -> [OrderSummary] {
        if let status {
            let query = summariesInStatus()
            var list = try db.rows(query.sql, [.text(status.code)] + query.arguments + [.integer(Int64(limit))], summary(from:))
            if status == .declined {
                let held = try Dictionary(uniqueKeysWithValues: declinedHeld().map { ($0.order.id, $0.held) })
                for index in list.indices { list[index].held = held[list[index].id] }
            }
            return list
        }
        let query = summariesOpen()
        // With the declined orders still held: one round trip on a server.
        try db.sendAhead([(query.sql, query.arguments + [.integer(Int64(limit))]), (Self.declinedHeldQuery, [])])
        var list = try db.rows(query.sql, query.arguments + [.integer(Int64(limit))], summary(from:))
        for (order, held) in try declinedHeld() {
            guard var declined = try db.first(Self.summaryOfOrder, [.integer(Int64(order.id))], summary(from:)) else {
                continue
            }
            declined.held = held
            list.append(declined)
        }
        return Array(list.sorted { $0.id > $1.id }.prefix(limit))
    }

    static let declinedHeldQuery = """
        SELECT o.id, o.site_id FROM orders o WHERE \(Schema.declinedUnreleased)
          AND ((o.key_tag IS NOT NULL AND o.key_returned_at IS NULL)
               OR EXISTS (SELECT 1 FROM belongings b WHERE b.order_id = o.id AND b.returned_at IS NULL)
               OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.status = 'approved'))
        ORDER BY o.id
        """

    /// Declined orders not yet released that still hold something in the shop — the fee unpaid, the
    /// key on its hook, belongings — with what they hold (`OrderRecord.heldUntilRelease`), oldest first.
    /// Found through the partial index of declined orders not released (009-bay-stays), whatever
    /// the history.
    /// The session's site's only (few: the partial index finds them, the site is read beside), or
    /// with `everySite` the whole chain's (what customers owe is owed to the chain).
    public func declinedHeld(everySite: Bool = false) throws -> [(order: RepairOrder, held: HeldUntilRelease)] {
        let here = SiteScope.storedID(siteID)
        let ids = try db.rows(Self.declinedHeldQuery) { ($0.int("id"), $0.optionalInt("site_id")) }
            .filter { everySite || $0.1 == here }.map(\.0)
        return try ids.compactMap { id in
            guard let order = try order(id: id) else { return nil }
            let record = try record(of: order)
            return try record.heldUntilRelease(payments: payments(orderID: id), current: settings.pricingTerms).map { (order, $0) }
        }
    }

    static let declinedUnreleasedOfVehicle = "SELECT id FROM orders o WHERE o.vehicle_id = ? AND \(Schema.declinedUnreleased) ORDER BY o.id"

    /// The vehicle's declined orders not yet released that still hold something (its fee, its key,
    /// belongings): a new check-in of the car names them.
    public func declinedHeld(vehicleID: Int) throws -> [(order: RepairOrder, held: HeldUntilRelease)] {
        let ids = try db.rows(Self.declinedUnreleasedOfVehicle, [.integer(Int64(vehicleID))]) { $0.int("id") }
        return try ids.compactMap { id in
            guard let order = try order(id: id) else { return nil }
            return try record(of: order).heldUntilRelease(payments: payments(orderID: id), current: settings.pricingTerms).map { (order, $0) }
        }
    }

    /// Lines the customer declined on earlier orders of this vehicle: offered again at the next
    /// visit, as ordinary work (never as free warranty work).
    public func declinedLines(vehicleID: Int, before orderID: Int? = nil) throws -> [(order: Int, line: OrderLine)] {
        let read = Self.declinedLinesOfVehicle(vehicleID, before: orderID)
        let declined: [(order: Int, line: OrderLine)] = try db.rows(read.sql, read.arguments) { row in
            (row.int("order_id"), try line(from: row, order: row.int("order_id")))
        }
        // Work done since on a released order is no longer offered (DeclinedWork.stillOffered):
        // only the orders after the oldest declined line can have done it.
        guard let oldest = declined.map(\.order).min() else { return [] }
        let done = try db.rows("""
            SELECT l.order_id, l.number, l.kind, l.description, l.hours, l.rate, l.quantity, l.unit_price, l.amount,
                   l.part_no, l.brand, l.part_class, l.op_code, l.no_warranty, l.status, l.covered, l.list_amount, l.concession_by,
                   l.member_tier, l.regular_price, l.card_id
            FROM order_lines l JOIN orders o ON o.id = l.order_id
            WHERE o.vehicle_id = ? AND o.id > ? AND o.status = 'released' AND l.status = 'approved'
              AND (l.op_code IS NOT NULL OR l.part_no IS NOT NULL)
            """, [.integer(Int64(vehicleID)), .integer(Int64(oldest))]) { row in
            (order: row.int("order_id"), line: try line(from: row, order: row.int("order_id")))
        }
        return DeclinedWork.stillOffered(declined, done: done)
    }

    // MARK: Damage, belongings, documents

    static let damageOfOrder = "SELECT id, note, noted_at, noted_by FROM damage_notes WHERE order_id = ? ORDER BY id"

    public func damageNotes(orderID: Int) throws -> [DamageNote] {
        try db.rows(Self.damageOfOrder, [.integer(Int64(orderID))]) {
            DamageNote(id: $0.int("id"), note: $0.string("note"), notedAt: $0.timestamp("noted_at"), notedBy: $0.string("noted_by"))
        }
    }

    public func addDamage(_ note: String, to order: RepairOrder) throws {
        try requireSiteWork(of: order)
        try db.run("INSERT INTO damage_notes(order_id, note, noted_at, noted_by) VALUES (?, ?, ?, ?)",
                   [.integer(Int64(order.id)), .text(note), .integer(Int64(context.now.seconds)), .text(context.actor)])
        try journal(.damageAdd, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("note", .string(note))])
    }

    static let belongingsOfOrder = """
        SELECT name, count, returned_at, returned, missing_reason, missing_by, missing_at FROM belongings WHERE order_id = ? ORDER BY rowid
        """

    public func belongings(orderID: Int) throws -> [Belonging] {
        try db.rows(Self.belongingsOfOrder, [.integer(Int64(orderID))]) { row in
            let missing = row.optionalString("missing_reason").map { reason in
                MissingBelonging(reason: reason, by: row.optionalString("missing_by") ?? "", at: row.optionalTimestamp("missing_at") ?? Timestamp(seconds: 0))
            }
            return Belonging(name: row.string("name"), count: row.int("count"), returnedAt: row.optionalTimestamp("returned_at"),
                             returned: row.optionalInt("returned"), missingRecord: missing)
        }
    }

    /// Marks a belonging missing at hand-back (`OrderRecord.markMissing`): kept on the checklist, with
    /// the reason, who and when.
    public func markBelongingMissing(_ item: Belonging, of order: RepairOrder) throws {
        try requireSiteWork(of: order)
        guard let record = item.missingRecord else { return }
        try db.run("UPDATE belongings SET missing_reason = ?, missing_by = ?, missing_at = ? WHERE order_id = ? AND name = ?",
                   [.text(record.reason), .text(record.by), .integer(Int64(record.at.seconds)), .integer(Int64(order.id)), .text(item.name)])
        guard db.changes == 1 else { throw LookupRefusal.noBelonging(item: item.name, order: order.number) }
        try journal(.belongingsMissing, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("item", .string(item.missingDisplay)), ("reason", .string(record.reason))])
    }

    /// The findings added after the customer signed, in the order they were made.
    static let findingsOfOrder = "SELECT text, at, by FROM order_findings WHERE order_id = ? ORDER BY id"

    public func laterFindings(orderID: Int) throws -> [LaterFinding] {
        try db.rows(Self.findingsOfOrder, [.integer(Int64(orderID))]) {
            LaterFinding(text: $0.string("text"), at: $0.timestamp("at"), by: $0.string("by"))
        }
    }

    /// Counts items into the checklist; an item already there gets the new count.
    /// Writes items counted in (`OrderRecord.countIn`): each as it now stands. The journal names what
    /// was added and what each item comes to.
    public func addBelongings(_ added: [BelongingItem], standing: [Belonging], to order: RepairOrder) throws {
        try requireSiteWork(of: order)
        for item in standing {
            try db.run("""
                INSERT INTO belongings(order_id, name, count, returned_at, returned) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(order_id, name) DO UPDATE SET count = excluded.count, returned_at = excluded.returned_at,
                                                          returned = excluded.returned
                """, [.integer(Int64(order.id)), .text(item.name), .integer(Int64(item.count)),
                      SQLValue(item.returnedAt?.seconds), SQLValue(item.returned)])
        }
        try journal(.belongingsAdd, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("items", .array(added.map { .string($0.display) })),
                             ("now", .array(standing.map { .string(BelongingItem(name: $0.name, count: $0.count).display) }))])
    }

    public func removeBelonging(_ name: String, from order: RepairOrder) throws {
        try db.run("DELETE FROM belongings WHERE order_id = ? AND name = ?", [.integer(Int64(order.id)), .text(name)])
        guard db.changes == 1 else { throw LookupRefusal.noBelonging(item: name, order: order.number) }
        try journal(.belongingsRemove, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("item", .string(name))])
    }

    /// Checks items back into the car at hand-back, each by the count counted back
    /// (`OrderRecord.checkBack`); the journal names what came back and what is still missing.
    public func returnBelongings(_ checked: BelongingsCheckBack, of order: RepairOrder) throws {
        try requireSiteWork(of: order)
        for item in checked.updated {
            try db.run("UPDATE belongings SET returned_at = ?, returned = ? WHERE order_id = ? AND name = ?",
                       [SQLValue(item.returnedAt?.seconds), SQLValue(item.returned), .integer(Int64(order.id)), .text(item.name)])
            guard db.changes == 1 else { throw LookupRefusal.noBelonging(item: item.name, order: order.number) }
        }
        try journal(.belongingsReturn, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("items", .array(checked.returnedDisplay.map { .string($0) })),
                             ("missing", .array(checked.missing.map { .string($0.missingDisplay) }))])
    }

    static let documentsOfOrder = "SELECT name, valid_until FROM received_documents WHERE order_id = ? ORDER BY rowid"

    public func documents(orderID: Int) throws -> [ReceivedDocument] {
        try db.rows(Self.documentsOfOrder, [.integer(Int64(orderID))]) { ReceivedDocument(name: $0.string("name"), validUntil: $0.optionalString("valid_until")) }
    }

    public func addDocument(_ document: ReceivedDocument, to order: RepairOrder) throws {
        try requireSiteWork(of: order)
        try db.run("""
            INSERT INTO received_documents(order_id, name, valid_until) VALUES (?, ?, ?)
            ON CONFLICT(order_id, name) DO UPDATE SET valid_until = excluded.valid_until
            """, [.integer(Int64(order.id)), .text(document.name), SQLValue(document.validUntil)])
        try journal(.documentReceive, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("document", .string(document.name)), ("valid_until", .string(document.validUntil))])
    }
}

extension Store {
    public func removeDamage(_ note: DamageNote, from order: RepairOrder) throws {
        try db.run("DELETE FROM damage_notes WHERE id = ?", [.integer(Int64(note.id))])
        try journal(.damageRemove, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("note", .string(note.note)), ("noted_by", .string(note.notedBy)),
                             ("noted_at", .string(note.notedAt.iso8601))])
    }
}

extension Store {
    /// The highest check-in reading of the vehicle's earlier orders (`void` says whether a voided
    /// order's reading is still the car's last). `ro set` reads against `odometerHistory` instead,
    /// which honours corrections made on record.
    public func previousOdometer(vehicleID: Int, before orderID: Int) throws -> Int {
        try db.scalar("SELECT max(odometer_in) FROM orders WHERE vehicle_id = ? AND id < ? AND status <> 'void'",
                      [.integer(Int64(vehicleID)), .integer(Int64(orderID))]) ?? 0
    }

    /// The check-in and release readings of a vehicle's orders, each with the journal entry that
    /// took it (its sequence among the corrections), found in the journal's index by order and
    /// action (022), not in the entries themselves.
    static let odometerReadingsOfOrders = """
        SELECT o.id, o.checked_in_at, o.odometer_in, o.released_at, o.release_odometer,
               (SELECT min(j.id) FROM journal j WHERE j.order_id = o.id AND j.action = ?2) AS checked_in_entry,
               (SELECT max(j.id) FROM journal j WHERE j.order_id = o.id AND j.action = ?3) AS released_entry
        FROM orders o WHERE o.vehicle_id = ?1 AND o.status <> 'void'
        """

    /// Every odometer reading of a vehicle: its orders' check-in and release readings (not those of
    /// an order voided as opened by mistake), and the corrections made on record (`vehicle
    /// odometer`), each with when it was taken.
    public func odometerHistory(vehicleID: Int) throws -> OdometerHistory {
        let reads = Self.odometerReads(vehicleID: vehicleID)
        var readings = try db.rows(reads[0].sql, reads[0].arguments) { row -> [OdometerReading] in
            let id = row.int("id")
            var found = [OdometerReading(km: row.int("odometer_in"), at: row.timestamp("checked_in_at"), source: .checkIn(order: id),
                                         sequence: row.optionalInt("checked_in_entry") ?? 0)]
            if let at = row.optionalTimestamp("released_at"), let km = row.optionalInt("release_odometer") {
                found.append(OdometerReading(km: km, at: at, source: .release(order: id), sequence: row.optionalInt("released_entry") ?? 0))
            }
            return found
        }.flatMap { $0 }
        // The reading is in the correction's detail, read here (not with SQLite's json_extract) so
        // that the statement runs on PostgreSQL too.
        readings += try db.rows(reads[1].sql, reads[1].arguments) { row -> OdometerReading? in
            Journal.integer("odometer", inDetail: row.string("detail")).map {
                OdometerReading(km: $0, at: row.timestamp("at"), source: .correction, sequence: row.int("id"))
            }
        }.compactMap { $0 }
        return OdometerHistory(readings)
    }

    /// `odometerHistory`'s two reads: the orders' readings, and the corrections on record.
    static func odometerReads(vehicleID: Int) -> [(sql: String, arguments: [SQLValue])] {
        [(odometerReadingsOfOrders,
          [.integer(Int64(vehicleID)), .text(JournalAction.orderCheckin.rawValue), .text(JournalAction.orderRelease.rawValue)]),
         ("SELECT id, at, detail FROM journal WHERE vehicle_id = ? AND order_id IS NULL AND action = ?",
          [.integer(Int64(vehicleID)), .text(JournalAction.vehicleOdometerCorrection.rawValue)])]
    }
}

extension Store {
    /// The order with its vehicle, customer, lines, damage notes, belongings and documents.
    public func record(of order: RepairOrder) throws -> OrderRecord {
        try record(of: order, sendingAhead: [])
    }

    /// The order's record, and its payments and the member tiers read in the same round trip on a
    /// server: what the order's view and its settlement show beside the record (`ro show`, `invoice`).
    public func recordToShow(of order: RepairOrder) throws -> OrderRecord {
        try record(of: order, sendingAhead: [(Self.paymentsOfOrder, [.integer(Int64(order.id))]), (Self.memberTiersQuery, [])])
    }

    private func record(of order: RepairOrder, sendingAhead more: [(sql: String, arguments: [SQLValue])]) throws -> OrderRecord {
        // On a server, the dozen reads below go in one round trip (none depends on another's
        // answer), with `more`; SQLite runs each when called.
        let id: [SQLValue] = [.integer(Int64(order.id))]
        try db.sendAhead([(Self.vehicleByID, [.integer(Int64(order.vehicleID))]), (Self.customerByID, [.integer(Int64(order.customerID))])]
                         + [Self.linesOfOrder, Self.damageOfOrder, Self.belongingsOfOrder, Self.documentsOfOrder, Self.assignmentsOfOrder,
                            Self.inspectionsOfOrder, Self.supplementsOfOrder, Self.openStayOfOrder, Self.earlierStayOfOrder,
                            Self.findingsOfOrder].map { ($0, id) } + more)
        guard let vehicle = try vehicle(id: order.vehicleID), let customer = try customer(id: order.customerID) else {
            throw StoreRefusal.orderWithoutVehicleOrCustomer(order: order.number)
        }
        var order = order
        if order.signedBy != nil, order.signTakenBy == nil {
            // Signed before 010-documents-of-record kept who took the signature: the journal says.
            order = order.signTaken(byJournalActor: try db.first("""
                SELECT actor FROM journal WHERE order_id = ? AND action = ? ORDER BY id DESC LIMIT 1
                """, [.integer(Int64(order.id)), .text(JournalAction.orderSign.rawValue)]) { $0.string("actor") })
        }
        return OrderRecord(order: order, vehicle: vehicle, customer: customer, lines: try lines(orderID: order.id),
                           damage: try damageNotes(orderID: order.id), belongings: try belongings(orderID: order.id),
                           documents: try documents(orderID: order.id), assignments: try assignments(orderID: order.id),
                           inspections: try inspections(orderID: order.id), supplements: try supplements(orderID: order.id),
                           billedTo: try order.billTo.flatMap(customer(id:)),
                           bayStay: try stay(ofOrder: order.id), laterFindings: try laterFindings(orderID: order.id))
    }
}

extension Store {
    /// Orders checked in from `start` (inclusive) to `end` (exclusive), in number order; void ones are not among them.
    public func orders(checkedInFrom start: Timestamp, to end: Timestamp) throws -> [RepairOrder] {
        let ids = try db.rows("SELECT id FROM orders WHERE checked_in_at >= ? AND checked_in_at < ? AND status <> 'void' ORDER BY id",
                              [.integer(Int64(start.seconds)), .integer(Int64(end.seconds))]) { $0.int("id") }
        return try ids.compactMap { try order(id: $0) }
    }
}

extension Store {
    static func discountKind(_ discount: Discount?) -> String? {
        switch discount {
        case .amount?: return "amount"
        case .percent?: return "percent"
        case nil: return nil
        }
    }

    static func discountValue(_ discount: Discount?) -> Int? {
        switch discount {
        case .amount(let money)?: return money.fen
        case .percent(let bp)?: return bp
        case nil: return nil
        }
    }
}
