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
    /// Sum of the lines offered or approved (before tax handling).
    public var total: Money
    public var number: String { RepairOrder.number(id) }
}

extension Store {
    private static let orderColumns = """
        id, vehicle_id, customer_id, status, checked_in_at, advisor, odometer_in, fuel, complaint, dropped_by,
        dropped_phone, category, payer, findings, estimate_method, promised_at, key_tag, signed_by, signed_via,
        signed_at, closed_at, version, started_at, handover_by, handover_at, completed_at, rework_of, rework_line,
        rework_cause, discount_kind, discount_value, discount_by, discount_authorized_by, key_returned_at, released_at,
        release_odometer, released_by, release_signed, old_parts
        """

    private func order(from row: Row) -> RepairOrder {
        RepairOrder(id: row.int(0), vehicleID: row.int(1), customerID: row.int(2),
                    status: OrderStatus(code: row.string(3)) ?? .estimating,
                    checkedInAt: Timestamp(seconds: row.int(4)), advisor: row.string(5), odometerIn: row.int(6),
                    fuel: FuelLevel(code: row.string(7)) ?? .half, complaint: row.string(8),
                    droppedBy: row.optionalString(9), droppedPhone: row.optionalString(10),
                    category: RepairCategory(code: row.string(11)) ?? .minor, payer: Payer(code: row.string(12)) ?? .owner,
                    findings: row.optionalString(13), estimateMethod: row.optionalString(14).flatMap(EstimateMethod.init(code:)),
                    promisedAt: row.optionalInt(15).map(Timestamp.init(seconds:)), keyTag: row.optionalString(16),
                    signedBy: row.optionalString(17), signedVia: row.optionalString(18).flatMap(Channel.init(code:)),
                    signedAt: row.optionalInt(19).map(Timestamp.init(seconds:)),
                    closedAt: row.optionalInt(20).map(Timestamp.init(seconds:)), version: row.int(21),
                    startedAt: row.optionalInt(22).map(Timestamp.init(seconds:)), handoverBy: row.optionalString(23),
                    handoverAt: row.optionalInt(24).map(Timestamp.init(seconds:)),
                    completedAt: row.optionalInt(25).map(Timestamp.init(seconds:)),
                    reworkOf: row.optionalInt(26), reworkLine: row.optionalInt(27), reworkCause: row.optionalString(28),
                    discount: Store.discount(kind: row.optionalString(29), value: row.optionalInt(30)),
                    discountBy: row.optionalString(31), discountAuthorizedBy: row.optionalString(32),
                    keyReturnedAt: row.optionalInt(33).map(Timestamp.init(seconds:)),
                    releasedAt: row.optionalInt(34).map(Timestamp.init(seconds:)), releaseOdometer: row.optionalInt(35),
                    releasedBy: row.optionalString(36), releaseSigned: row.optionalString(37),
                    oldParts: row.optionalString(38).flatMap(OldParts.init(code:)))
    }

    public func order(id: Int) throws -> RepairOrder? {
        try db.first("SELECT \(Self.orderColumns) FROM orders WHERE id = ?", [.integer(Int64(id))], order(from:))
    }

    /// The order the vehicle is in the shop under, if any.
    public func openOrder(vehicleID: Int) throws -> RepairOrder? {
        try db.first("SELECT \(Self.orderColumns) FROM orders WHERE vehicle_id = ? AND status IN \(Schema.openStatuses)",
                     [.integer(Int64(vehicleID))], order(from:))
    }

    /// An order by its number (RO123, 123) or by the plate of the vehicle's open order.
    public func resolveOrder(_ reference: String) throws -> RepairOrder {
        if let id = RepairOrder.id(fromNumber: reference) {
            guard let found = try order(id: id) else {
                throw UserError("no order \(RepairOrder.number(id)): ro list shows the open ones")
            }
            return found
        }
        let vehicle = try resolveVehicle(reference)
        guard let open = try openOrder(vehicleID: vehicle.id) else {
            if let last = try db.scalar("SELECT max(id) FROM orders WHERE vehicle_id = ?", [.integer(Int64(vehicle.id))]) {
                throw UserError("\(vehicle.plate) has no open order (its last was \(RepairOrder.number(last))): check it in first, or name the order by number")
            }
            throw UserError("\(vehicle.plate) has no open order: check it in first (checkin \(vehicle.plate) odometer=… fuel=… complaint=\"…\")")
        }
        return open
    }

    /// A key hook holds one key: refuses a tag that an open order of another car is using.
    public func ensureKeyTagFree(_ tag: String, for orderID: Int) throws {
        if let holder = try db.scalar("SELECT id FROM orders WHERE key_tag = ? AND id <> ? AND status IN \(Schema.openStatuses)",
                                      [.text(tag), .integer(Int64(orderID))]) {
            throw UserError("key tag \(tag) already holds the key of \(RepairOrder.number(holder)): use a free hook")
        }
    }

    public func createOrder(_ order: RepairOrder) throws -> RepairOrder {
        if let tag = order.keyTag { try ensureKeyTagFree(tag, for: 0) }
        try db.run("""
            INSERT INTO orders(vehicle_id, customer_id, status, checked_in_at, advisor, odometer_in, fuel, complaint,
                               dropped_by, dropped_phone, category, payer, promised_at, key_tag, rework_of, rework_line,
                               rework_cause)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(Int64(order.vehicleID)), .integer(Int64(order.customerID)), .text(order.status.code),
                  .integer(Int64(order.checkedInAt.seconds)), .text(order.advisor), .integer(Int64(order.odometerIn)),
                  .text(order.fuel.code), .text(order.complaint), SQLValue(order.droppedBy), SQLValue(order.droppedPhone),
                  .text(order.category.code), .text(order.payer.code), SQLValue(order.promisedAt?.seconds),
                  SQLValue(order.keyTag), SQLValue(order.reworkOf), SQLValue(order.reworkLine), SQLValue(order.reworkCause)])
        let created = order.identified(as: db.lastInsertRowID)
        try journal(.orderCheckin, entity: "order", id: created.number, orderID: created.id, vehicleID: order.vehicleID,
                    detail: [("odometer", .int(order.odometerIn)), ("fuel", .string(order.fuel.code)),
                             ("complaint", .string(order.complaint)), ("dropped_by", .string(order.droppedBy)),
                             ("phone", .string(order.droppedPhone)), ("category", .string(order.category.code)),
                             ("payer", .string(order.payer.code)), ("key_tag", .string(order.keyTag)),
                             ("promised_at", .string(order.promisedAt?.iso8601)),
                             ("rework_of", .string(order.reworkOf.map(RepairOrder.number))), ("rework_line", .int(order.reworkLine)),
                             ("rework_cause", .string(order.reworkCause))])
        return created
    }

    /// Saves the order's header fields, bumps its version, and journals `action` with `detail`.
    public func saveOrder(_ order: RepairOrder, action: JournalAction, detail: [(String, JSON)]) throws {
        if let tag = order.keyTag { try ensureKeyTagFree(tag, for: order.id) }
        try db.run("""
            UPDATE orders SET status = ?, odometer_in = ?, fuel = ?, complaint = ?, dropped_by = ?, dropped_phone = ?,
                category = ?, payer = ?, findings = ?, estimate_method = ?, promised_at = ?, key_tag = ?, signed_by = ?,
                signed_via = ?, signed_at = ?, closed_at = ?, started_at = ?, handover_by = ?, handover_at = ?,
                completed_at = ?, rework_of = ?, rework_line = ?, rework_cause = ?, discount_kind = ?, discount_value = ?,
                discount_by = ?, discount_authorized_by = ?, key_returned_at = ?, released_at = ?, release_odometer = ?,
                released_by = ?, release_signed = ?, old_parts = ?, version = version + 1
            WHERE id = ?
            """, [.text(order.status.code), .integer(Int64(order.odometerIn)), .text(order.fuel.code), .text(order.complaint),
                  SQLValue(order.droppedBy), SQLValue(order.droppedPhone), .text(order.category.code),
                  .text(order.payer.code), SQLValue(order.findings), SQLValue(order.estimateMethod?.code),
                  SQLValue(order.promisedAt?.seconds), SQLValue(order.keyTag), SQLValue(order.signedBy),
                  SQLValue(order.signedVia?.code), SQLValue(order.signedAt?.seconds), SQLValue(order.closedAt?.seconds),
                  SQLValue(order.startedAt?.seconds), SQLValue(order.handoverBy), SQLValue(order.handoverAt?.seconds),
                  SQLValue(order.completedAt?.seconds), SQLValue(order.reworkOf), SQLValue(order.reworkLine),
                  SQLValue(order.reworkCause), SQLValue(Store.discountKind(order.discount)),
                  SQLValue(Store.discountValue(order.discount)), SQLValue(order.discountBy),
                  SQLValue(order.discountAuthorizedBy), SQLValue(order.keyReturnedAt?.seconds),
                  SQLValue(order.releasedAt?.seconds), SQLValue(order.releaseOdometer), SQLValue(order.releasedBy),
                  SQLValue(order.releaseSigned), SQLValue(order.oldParts?.code), .integer(Int64(order.id))])
        try journal(action, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID, detail: detail)
    }

    // MARK: Lines

    private static let lineColumns = """
        number, kind, description, hours, rate, quantity, unit_price, amount, part_no, brand, part_class, op_code,
        no_warranty, status, covered
        """

    private func line(from row: Row) -> OrderLine {
        OrderLine(number: row.int(0), kind: LineKind(code: row.string(1)) ?? .fee, description: row.string(2),
                  hours: row.optionalInt(3).map(Hours.init(hundredths:)), rate: row.optionalInt(4).map(Money.init(fen:)),
                  quantity: row.optionalInt(5).map(Quantity.init(thousandths:)),
                  unitPrice: row.optionalInt(6).map(Money.init(fen:)), amount: Money(fen: row.int(7)),
                  partNumber: row.optionalString(8), brand: row.optionalString(9),
                  partClass: row.optionalString(10).flatMap(PartClass.init(code:)), operationCode: row.optionalString(11),
                  noWarranty: row.bool(12), status: LineStatus(code: row.string(13)) ?? .proposed, covered: row.bool(14))
    }

    /// The order's lines, removed ones included (they keep their numbers), in number order.
    public func lines(orderID: Int) throws -> [OrderLine] {
        try db.rows("SELECT \(Self.lineColumns) FROM order_lines WHERE order_id = ? ORDER BY number",
                    [.integer(Int64(orderID))], line(from:))
    }

    /// Adds a line with the next free number and journals it.
    public func addLine(_ line: OrderLine, to order: RepairOrder) throws -> OrderLine {
        let numbered = line.numbered((try db.scalar("SELECT max(number) FROM order_lines WHERE order_id = ?",
                                                    [.integer(Int64(order.id))]) ?? 0) + 1)
        try db.run("""
            INSERT INTO order_lines(order_id, number, kind, description, hours, rate, quantity, unit_price, amount,
                                    part_no, brand, part_class, op_code, no_warranty, status, covered)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(Int64(order.id))] + lineValues(numbered))
        try bumpVersion(order)
        try journal(.lineAdd, entity: "line", id: "\(order.number)/\(numbered.number)", orderID: order.id,
                    vehicleID: order.vehicleID, detail: lineDetail(numbered))
        return numbered
    }

    /// Saves an edited line and journals `action`.
    public func saveLine(_ line: OrderLine, of order: RepairOrder, action: JournalAction, detail: [(String, JSON)]) throws {
        try db.run("""
            UPDATE order_lines SET number = ?, kind = ?, description = ?, hours = ?, rate = ?, quantity = ?,
                unit_price = ?, amount = ?, part_no = ?, brand = ?, part_class = ?, op_code = ?, no_warranty = ?, status = ?,
                covered = ?
            WHERE order_id = ? AND number = ?
            """, lineValues(line) + [.integer(Int64(order.id)), .integer(Int64(line.number))])
        try bumpVersion(order)
        try journal(action, entity: "line", id: "\(order.number)/\(line.number)", orderID: order.id,
                    vehicleID: order.vehicleID, detail: detail)
    }

    /// Moves every line of `order` in status `from` to `to` (signing approves the proposed lines).
    public func setLineStatus(of order: RepairOrder, from: LineStatus, to: LineStatus) throws {
        try db.run("UPDATE order_lines SET status = ? WHERE order_id = ? AND status = ?",
                   [.text(to.code), .integer(Int64(order.id)), .text(from.code)])
    }

    private func bumpVersion(_ order: RepairOrder) throws {
        try db.run("UPDATE orders SET version = version + 1 WHERE id = ?", [.integer(Int64(order.id))])
    }

    private func lineValues(_ l: OrderLine) -> [SQLValue] {
        [.integer(Int64(l.number)), .text(l.kind.code), .text(l.description), SQLValue(l.hours?.hundredths),
         SQLValue(l.rate?.fen), SQLValue(l.quantity?.thousandths), SQLValue(l.unitPrice?.fen),
         .integer(Int64(l.amount.fen)), SQLValue(l.partNumber), SQLValue(l.brand), SQLValue(l.partClass?.code),
         SQLValue(l.operationCode), SQLValue(l.noWarranty), .text(l.status.code), SQLValue(l.covered)]
    }

    public func lineDetail(_ l: OrderLine) -> [(String, JSON)] {
        var detail: [(String, JSON)] = [("kind", .string(l.kind.code)), ("description", .string(l.description))]
        if let hours = l.hours { detail.append(("hours", .string(hours.description))) }
        if let rate = l.rate { detail.append(("rate", .string(rate.plain))) }
        if let quantity = l.quantity { detail.append(("qty", .string(quantity.description))) }
        if let price = l.unitPrice { detail.append(("price", .string(price.plain))) }
        detail.append(("amount", .string(l.amount.plain)))
        if let partNo = l.partNumber { detail.append(("partno", .string(partNo))) }
        if let brand = l.brand { detail.append(("brand", .string(brand))) }
        if let partClass = l.partClass { detail.append(("class", .string(partClass.code))) }
        if l.noWarranty { detail.append(("no_warranty", .bool(true))) }
        if l.covered { detail.append(("covered", .bool(true))) }
        detail.append(("status", .string(l.status.code)))
        return detail
    }

    // MARK: Lists

    private static let summarySelect = """
        SELECT o.id, v.plate, o.status, o.checked_in_at, o.promised_at, o.odometer_in, o.complaint, o.category,
               (SELECT coalesce(sum(amount), 0) FROM order_lines l WHERE l.order_id = o.id AND l.status IN ('proposed','approved'))
        FROM orders o JOIN vehicles v ON v.id = o.vehicle_id
        """

    private func summary(from row: Row) -> OrderSummary {
        OrderSummary(id: row.int(0), plate: row.string(1), status: OrderStatus(code: row.string(2)) ?? .estimating,
                     checkedInAt: Timestamp(seconds: row.int(3)), promisedAt: row.optionalInt(4).map(Timestamp.init(seconds:)),
                     odometerIn: row.int(5), complaint: row.string(6),
                     category: RepairCategory(code: row.string(7)) ?? .minor, total: Money(fen: row.int(8)))
    }

    /// Every order of a vehicle, newest first.
    public func orderSummaries(vehicleID: Int, limit: Int = 1000) throws -> [OrderSummary] {
        try db.rows("\(Self.summarySelect) WHERE o.vehicle_id = ? ORDER BY o.id DESC LIMIT ?",
                    [.integer(Int64(vehicleID)), .integer(Int64(limit))], summary(from:))
    }

    /// Orders in the shop now (the default), or in one status, newest first.
    public func listOrders(status: OrderStatus?, limit: Int = 200) throws -> [OrderSummary] {
        if let status {
            return try db.rows("\(Self.summarySelect) WHERE o.status = ? ORDER BY o.id DESC LIMIT ?",
                               [.text(status.code), .integer(Int64(limit))], summary(from:))
        }
        return try db.rows("\(Self.summarySelect) WHERE o.status IN \(Schema.openStatuses) ORDER BY o.id DESC LIMIT ?",
                           [.integer(Int64(limit))], summary(from:))
    }

    /// Lines the customer declined on earlier orders of this vehicle: offered again at the next visit.
    public func declinedLines(vehicleID: Int, before orderID: Int? = nil) throws -> [(order: Int, line: OrderLine)] {
        try db.rows("""
            SELECT l.order_id, l.number, l.kind, l.description, l.hours, l.rate, l.quantity, l.unit_price, l.amount,
                   l.part_no, l.brand, l.part_class, l.op_code, l.no_warranty
            FROM order_lines l JOIN orders o ON o.id = l.order_id
            WHERE o.vehicle_id = ? AND l.status = 'declined' AND o.id < ?
            ORDER BY l.order_id DESC, l.number LIMIT 20
            """, [.integer(Int64(vehicleID)), .integer(Int64(orderID ?? Int.max))]) { row in
            let line = OrderLine(number: row.int(1), kind: LineKind(code: row.string(2)) ?? .fee, description: row.string(3),
                                 hours: row.optionalInt(4).map(Hours.init(hundredths:)),
                                 rate: row.optionalInt(5).map(Money.init(fen:)),
                                 quantity: row.optionalInt(6).map(Quantity.init(thousandths:)),
                                 unitPrice: row.optionalInt(7).map(Money.init(fen:)), amount: Money(fen: row.int(8)),
                                 partNumber: row.optionalString(9), brand: row.optionalString(10),
                                 partClass: row.optionalString(11).flatMap(PartClass.init(code:)),
                                 operationCode: row.optionalString(12), noWarranty: row.bool(13), status: .declined)
            return (row.int(0), line)
        }
    }

    // MARK: Damage, belongings, documents

    public func damageNotes(orderID: Int) throws -> [DamageNote] {
        try db.rows("SELECT id, note, noted_at, noted_by FROM damage_notes WHERE order_id = ? ORDER BY id",
                    [.integer(Int64(orderID))]) {
            DamageNote(id: $0.int(0), note: $0.string(1), notedAt: Timestamp(seconds: $0.int(2)), notedBy: $0.string(3))
        }
    }

    public func addDamage(_ note: String, to order: RepairOrder) throws {
        try db.run("INSERT INTO damage_notes(order_id, note, noted_at, noted_by) VALUES (?, ?, ?, ?)",
                   [.integer(Int64(order.id)), .text(note), .integer(Int64(context.now.seconds)), .text(context.actor)])
        try journal(.damageAdd, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("note", .string(note))])
    }

    public func belongings(orderID: Int) throws -> [Belonging] {
        try db.rows("SELECT name, count, returned_at FROM belongings WHERE order_id = ? ORDER BY rowid",
                    [.integer(Int64(orderID))]) {
            Belonging(name: $0.string(0), count: $0.int(1), returnedAt: $0.optionalInt(2).map(Timestamp.init(seconds:)))
        }
    }

    /// Counts items into the checklist; an item already there gets the new count.
    public func addBelongings(_ items: [BelongingItem], to order: RepairOrder) throws {
        for item in items {
            try db.run("""
                INSERT INTO belongings(order_id, name, count) VALUES (?, ?, ?)
                ON CONFLICT(order_id, name) DO UPDATE SET count = excluded.count, returned_at = NULL
                """, [.integer(Int64(order.id)), .text(item.name), .integer(Int64(item.count))])
        }
        try journal(.belongingsAdd, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("items", .array(items.map { .string($0.display) }))])
    }

    public func removeBelonging(_ name: String, from order: RepairOrder) throws {
        try db.run("DELETE FROM belongings WHERE order_id = ? AND name = ?", [.integer(Int64(order.id)), .text(name)])
        guard db.changes == 1 else {
            throw UserError("\(name) is not on \(order.number)'s belongings checklist: belongings \(order.number) list shows what is")
        }
        try journal(.belongingsRemove, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("item", .string(name))])
    }

    /// Checks items back into the car at hand-back.
    public func returnBelongings(_ names: [String], of order: RepairOrder) throws {
        for name in names {
            try db.run("UPDATE belongings SET returned_at = ? WHERE order_id = ? AND name = ?",
                       [.integer(Int64(context.now.seconds)), .integer(Int64(order.id)), .text(name)])
            guard db.changes == 1 else {
                throw UserError("\(name) is not on \(order.number)'s belongings checklist: belongings \(order.number) list shows what is")
            }
        }
        try journal(.belongingsReturn, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("items", .array(names.map { .string($0) }))])
    }

    public func documents(orderID: Int) throws -> [ReceivedDocument] {
        try db.rows("SELECT name, valid_until FROM received_documents WHERE order_id = ? ORDER BY rowid",
                    [.integer(Int64(orderID))]) { ReceivedDocument(name: $0.string(0), validUntil: $0.optionalString(1)) }
    }

    public func addDocument(_ document: ReceivedDocument, to order: RepairOrder) throws {
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
    /// The highest check-in reading of the vehicle's earlier orders: the floor for correcting this one.
    public func previousOdometer(vehicleID: Int, before orderID: Int) throws -> Int {
        try db.scalar("SELECT max(odometer_in) FROM orders WHERE vehicle_id = ? AND id < ?",
                      [.integer(Int64(vehicleID)), .integer(Int64(orderID))]) ?? 0
    }
}

extension Store {
    /// The order with its vehicle, customer, lines, damage notes, belongings and documents.
    public func record(of order: RepairOrder) throws -> OrderRecord {
        guard let vehicle = try vehicle(id: order.vehicleID), let customer = try customer(id: order.customerID) else {
            throw UserError("\(order.number) refers to a vehicle or customer that is missing from the database")
        }
        return OrderRecord(order: order, vehicle: vehicle, customer: customer, lines: try lines(orderID: order.id),
                           damage: try damageNotes(orderID: order.id), belongings: try belongings(orderID: order.id),
                           documents: try documents(orderID: order.id), assignments: try assignments(orderID: order.id),
                           inspections: try inspections(orderID: order.id), supplements: try supplements(orderID: order.id))
    }
}

extension Store {
    /// Orders checked in from `start` (inclusive) to `end` (exclusive), in number order.
    public func orders(checkedInFrom start: Timestamp, to end: Timestamp) throws -> [RepairOrder] {
        let ids = try db.rows("SELECT id FROM orders WHERE checked_in_at >= ? AND checked_in_at < ? ORDER BY id",
                              [.integer(Int64(start.seconds)), .integer(Int64(end.seconds))]) { $0.int(0) }
        return try ids.compactMap { try order(id: $0) }
    }
}

extension Store {
    static func discount(kind: String?, value: Int?) -> Discount? {
        guard let kind, let value else { return nil }
        return kind == "percent" ? .percent(value) : .amount(Money(fen: value))
    }

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
