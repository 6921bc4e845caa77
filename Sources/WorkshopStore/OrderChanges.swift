import SQLite
import WorkshopModel

extension Store {
    /// Persists what one workflow transition did to an order — its header, new and changed lines,
    /// and the record it made (assignment, inspection, added item or its answer, progress report,
    /// payment) — as one journal entry, in the command's transaction. Returns the order as stored.
    @discardableResult
    public func apply(_ change: OrderChange) throws -> OrderChange {
        let order = change.order
        for line in change.newLines { try insertLine(line, of: order) }
        for line in change.changedLines { try updateLine(line, of: order) }
        if let assignment = change.assignment { try insertAssignment(assignment, of: order) }
        if let move = change.bayMove { try moveBays(move, of: order, at: change.assignment?.at ?? context.now) }
        if let inspection = change.inspection { try insertInspection(inspection, of: order) }
        if let supplement = change.supplement { try saveSupplement(supplement, of: order) }
        if let progress = change.progress {
            try db.run("INSERT INTO progress_reports(order_id, percent, note, at, by) VALUES (?, ?, ?, ?, ?)",
                       [.integer(Int64(order.id)), .integer(Int64(progress.percent)), SQLValue(progress.note),
                        .integer(Int64(progress.at.seconds)), .text(progress.by)])
        }
        if let finding = change.laterFinding {
            try db.run("INSERT INTO order_findings(order_id, text, at, by) VALUES (?, ?, ?, ?)",
                       [.integer(Int64(order.id)), .text(finding.text), .integer(Int64(finding.at.seconds)), .text(finding.by)])
        }
        if let payment = change.payment {
            try db.run("""
                INSERT INTO payments(order_id, amount, method, at, by, reference, tendered, change_given, receipt, card_id, site_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.integer(Int64(order.id)), .integer(Int64(payment.amount.fen)), .text(payment.method.code),
                      .integer(Int64(payment.at.seconds)), .text(payment.by), SQLValue(payment.reference),
                      SQLValue(payment.tendered?.fen), SQLValue(payment.change?.fen), SQLValue(payment.receipt),
                      SQLValue(payment.card), SiteScope.value(siteID)])
        }
        try saveOrder(order, action: change.action, detail: change.detail)
        if change.action == .orderRelease { try tallyRelease(orderID: order.id) }
        return change
    }

    private func insertLine(_ line: OrderLine, of order: RepairOrder) throws {
        try db.run("""
            INSERT INTO order_lines(order_id, number, kind, description, hours, rate, quantity, unit_price, amount,
                                    part_no, brand, part_class, op_code, no_warranty, status, covered, list_amount, concession_by,
                                    member_tier, regular_price, card_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(Int64(order.id))] + lineColumnValues(line))
    }

    /// The line's number is its key, not set: SQLite would rewrite its entry in the (order, number)
    /// index at every change of the line.
    private func updateLine(_ line: OrderLine, of order: RepairOrder) throws {
        try db.run("""
            UPDATE order_lines SET kind = ?, description = ?, hours = ?, rate = ?, quantity = ?,
                unit_price = ?, amount = ?, part_no = ?, brand = ?, part_class = ?, op_code = ?, no_warranty = ?, status = ?,
                covered = ?, list_amount = ?, concession_by = ?, member_tier = ?, regular_price = ?, card_id = ?
            WHERE order_id = ? AND number = ?
            """, Array(lineColumnValues(line).dropFirst()) + [.integer(Int64(order.id)), .integer(Int64(line.number))])
    }

    private func lineColumnValues(_ l: OrderLine) -> [SQLValue] {
        [.integer(Int64(l.number)), .text(l.kind.code), .text(l.description), SQLValue(l.hours?.hundredths),
         SQLValue(l.rate?.fen), SQLValue(l.quantity?.thousandths), SQLValue(l.unitPrice?.fen),
         .integer(Int64(l.amount.fen)), SQLValue(l.partNumber), SQLValue(l.brand), SQLValue(l.partClass?.code),
         SQLValue(l.operationCode), SQLValue(l.noWarranty), .text(l.status.code), SQLValue(l.covered),
         SQLValue(l.listAmount?.fen), SQLValue(l.concessionBy), SQLValue(l.memberTier), SQLValue(l.regularPrice?.fen), SQLValue(l.cardID)]
    }

    private func insertAssignment(_ assignment: Assignment, of order: RepairOrder) throws {
        let bayID = try assignment.bay.flatMap { try bay(named: $0)?.id }
        try db.run("INSERT INTO assignments(order_id, group_name, technician, bay_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?, ?)",
                   [.integer(Int64(order.id)), .text(assignment.group), SQLValue(assignment.technician), SQLValue(bayID),
                    .integer(Int64(assignment.at.seconds)), .text(assignment.by)])
    }

    private func insertInspection(_ inspection: Inspection, of order: RepairOrder) throws {
        let id = try insert("INSERT INTO inspections(order_id, stage, result, inspector, at, note, certificate) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [.integer(Int64(order.id)), .text(inspection.stage.code), .text(inspection.result.code),
                    .text(inspection.inspector), .integer(Int64(inspection.at.seconds)), SQLValue(inspection.note),
                    SQLValue(inspection.certificate)])
        for item in inspection.items {
            let q = item.quantity
            try db.run("""
                INSERT INTO inspection_items(inspection_id, code, name, result, unit, minimum, maximum, value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [.integer(Int64(id)), .text(item.code), .text(item.name), .text(item.result.code), SQLValue(q?.unit),
                      SQLValue(q?.minimum?.thousandths), SQLValue(q?.maximum?.thousandths), SQLValue(item.value?.thousandths)])
        }
    }

    /// A new added item, or the answer to one (recorded once: an answered item is never answered again).
    private func saveSupplement(_ supplement: Supplement, of order: RepairOrder) throws {
        guard supplement.answer != nil else {
            try db.run("INSERT INTO supplements(order_id, line_number, reason, reported_by, reported_at) VALUES (?, ?, ?, ?, ?)",
                       [.integer(Int64(order.id)), .integer(Int64(supplement.line)), .text(supplement.reason),
                        .text(supplement.reportedBy), .integer(Int64(supplement.reportedAt.seconds))])
            return
        }
        try db.run("""
            UPDATE supplements SET answer = ?, answered_via = ?, answered_by = ?, told = ?, answered_at = ?, recorded_by = ?,
                promise_was = ?, promise_now = ?
            WHERE order_id = ? AND line_number = ? AND answer IS NULL
            """, [SQLValue(supplement.answer?.code), SQLValue(supplement.via?.code), SQLValue(supplement.answeredBy),
                  SQLValue(supplement.told), SQLValue(supplement.answeredAt?.seconds), SQLValue(supplement.recordedBy),
                  SQLValue(supplement.promiseWas?.seconds), SQLValue(supplement.promiseNow?.seconds),
                  .integer(Int64(order.id)), .integer(Int64(supplement.line))])
        guard db.changes == 1 else { throw try answeredAlready(order, line: supplement.line) }
    }
}
