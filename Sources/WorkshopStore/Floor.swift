import SQLite
import WorkshopModel

extension Store {
    // MARK: Dispatch

    public func addAssignment(_ order: RepairOrder, group: String, technician: String?, bay: Bay?) throws {
        try db.run("INSERT INTO assignments(order_id, group_name, technician, bay_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?, ?)",
                   [.integer(Int64(order.id)), .text(group), SQLValue(technician), SQLValue(bay?.id),
                    .integer(Int64(context.now.seconds)), .text(context.actor)])
    }

    public func assignments(orderID: Int) throws -> [Assignment] {
        try db.rows("""
            SELECT a.group_name, a.technician, b.name, a.assigned_at, a.assigned_by
            FROM assignments a LEFT JOIN bays b ON b.id = a.bay_id WHERE a.order_id = ? ORDER BY a.id
            """, [.integer(Int64(orderID))]) {
            Assignment(group: $0.string(0), technician: $0.optionalString(1), bay: $0.optionalString(2),
                       at: Timestamp(seconds: $0.int(3)), by: $0.string(4))
        }
    }

    // MARK: Inspections

    public func checklistItems(stage: InspectionStage) throws -> [ChecklistItem] {
        try db.rows("SELECT code, name FROM checklist_items WHERE stage = ? ORDER BY position, code", [.text(stage.code)]) {
            ChecklistItem(stage: stage, code: $0.string(0), name: $0.string(1))
        }
    }

    public func saveChecklistItem(_ item: ChecklistItem) throws {
        let position = (try db.scalar("SELECT max(position) FROM checklist_items WHERE stage = ?", [.text(item.stage.code)]) ?? 0) + 1
        try db.run("""
            INSERT INTO checklist_items(stage, code, name, position) VALUES (?, ?, ?, ?)
            ON CONFLICT(stage, code) DO UPDATE SET name = excluded.name
            """, [.text(item.stage.code), .text(item.code), .text(item.name), .integer(Int64(position))])
        try journal(.checklistSave, entity: "checklist", id: "\(item.stage.code)/\(item.code)", detail: [("name", .string(item.name))])
    }

    public func removeChecklistItem(stage: InspectionStage, code: String) throws {
        try db.run("DELETE FROM checklist_items WHERE stage = ? AND code = ?", [.text(stage.code), .text(code)])
        guard db.changes == 1 else { throw UserError("the \(stage.english) checklist has no item \(code)") }
        try journal(.checklistRemove, entity: "checklist", id: "\(stage.code)/\(code)", detail: [])
    }

    /// Records an inspection with its item results; returns it with its id.
    public func addInspection(_ inspection: Inspection, to order: RepairOrder) throws -> Inspection {
        try db.run("INSERT INTO inspections(order_id, stage, result, inspector, at, note, certificate) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [.integer(Int64(order.id)), .text(inspection.stage.code), .text(inspection.result.code),
                    .text(inspection.inspector), .integer(Int64(inspection.at.seconds)), SQLValue(inspection.note),
                    SQLValue(inspection.certificate)])
        var saved = inspection
        saved.id = db.lastInsertRowID
        for item in inspection.items {
            try db.run("INSERT INTO inspection_items(inspection_id, code, name, result) VALUES (?, ?, ?, ?)",
                       [.integer(Int64(saved.id)), .text(item.code), .text(item.name), .text(item.result.code)])
        }
        try journal(JournalAction(rawValue: "inspection.\(inspection.stage.code)")!, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("result", .string(inspection.result.code)), ("inspector", .string(inspection.inspector)),
                             ("certificate", .string(inspection.certificate)), ("note", .string(inspection.note)),
                             ("failed_items", .array(inspection.items.filter { $0.result == .fail }.map { .string($0.code) }))])
        return saved
    }

    public func inspections(orderID: Int) throws -> [Inspection] {
        let list = try db.rows("SELECT id, stage, result, inspector, at, note, certificate FROM inspections WHERE order_id = ? ORDER BY id",
                               [.integer(Int64(orderID))]) {
            Inspection(id: $0.int(0), stage: InspectionStage(code: $0.string(1)) ?? .pre,
                       result: InspectionResult(code: $0.string(2)) ?? .fail, inspector: $0.string(3),
                       at: Timestamp(seconds: $0.int(4)), note: $0.optionalString(5), certificate: $0.optionalString(6), items: [])
        }
        return try list.map { inspection in
            var full = inspection
            full.items = try db.rows("SELECT code, name, result FROM inspection_items WHERE inspection_id = ? ORDER BY rowid",
                                     [.integer(Int64(inspection.id))]) {
                (code: $0.string(0), name: $0.string(1), result: InspectionResult(code: $0.string(2)) ?? .pass)
            }
            return full
        }
    }

    /// The next completion-certificate number of the year: "2026-00012".
    public func nextCertificateNumber(year: Int) throws -> String {
        let prefix = "\(year)-"
        let last = try db.first("SELECT certificate FROM inspections WHERE certificate LIKE ? ORDER BY certificate DESC LIMIT 1",
                                [.text(prefix + "%")]) { $0.string(0) }
        let next = (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        let digits = String(next)
        return prefix + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    // MARK: Supplements

    public func addSupplement(line: OrderLine, reason: String, to order: RepairOrder) throws {
        try db.run("INSERT INTO supplements(order_id, line_number, reason, reported_by, reported_at) VALUES (?, ?, ?, ?, ?)",
                   [.integer(Int64(order.id)), .integer(Int64(line.number)), .text(reason), .text(context.actor),
                    .integer(Int64(context.now.seconds))])
        try journal(.supplementAdd, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("line", .int(line.number)), ("reason", .string(reason))])
    }

    private static let supplementColumns = """
        line_number, reason, reported_by, reported_at, answer, answered_via, answered_by, told, answered_at, recorded_by,
        promise_was, promise_now
        """

    private func supplement(from row: Row) -> Supplement {
        Supplement(line: row.int(0), reason: row.string(1), reportedBy: row.string(2), reportedAt: Timestamp(seconds: row.int(3)),
                   answer: row.optionalString(4).flatMap(LineStatus.init(code:)), via: row.optionalString(5).flatMap(Channel.init(code:)),
                   answeredBy: row.optionalString(6), told: row.optionalString(7),
                   answeredAt: row.optionalInt(8).map(Timestamp.init(seconds:)), recordedBy: row.optionalString(9),
                   promiseWas: row.optionalInt(10).map(Timestamp.init(seconds:)),
                   promiseNow: row.optionalInt(11).map(Timestamp.init(seconds:)))
    }

    public func supplements(orderID: Int) throws -> [Supplement] {
        try db.rows("SELECT \(Self.supplementColumns) FROM supplements WHERE order_id = ? ORDER BY line_number",
                    [.integer(Int64(orderID))], supplement(from:))
    }

    public func answerSupplement(_ supplement: Supplement, of order: RepairOrder) throws {
        try db.run("""
            UPDATE supplements SET answer = ?, answered_via = ?, answered_by = ?, told = ?, answered_at = ?, recorded_by = ?,
                promise_was = ?, promise_now = ?
            WHERE order_id = ? AND line_number = ? AND answer IS NULL
            """, [SQLValue(supplement.answer?.code), SQLValue(supplement.via?.code), SQLValue(supplement.answeredBy),
                  SQLValue(supplement.told), SQLValue(supplement.answeredAt?.seconds), SQLValue(supplement.recordedBy),
                  SQLValue(supplement.promiseWas?.seconds), SQLValue(supplement.promiseNow?.seconds),
                  .integer(Int64(order.id)), .integer(Int64(supplement.line))])
        guard db.changes == 1 else { throw UserError("the answer to \(order.number) added item \(supplement.line) is already recorded") }
        try journal(.supplementAnswer, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("line", .int(supplement.line)), ("answer", .string(supplement.answer?.code)),
                             ("via", .string(supplement.via?.code)), ("customer", .string(supplement.answeredBy)),
                             ("told", .string(supplement.told)), ("promise", .string(supplement.promiseNow?.iso8601))])
    }

    // MARK: Progress and notifications

    public func addProgress(_ percent: Int, note: String?, to order: RepairOrder) throws {
        try db.run("INSERT INTO progress_reports(order_id, percent, note, at, by) VALUES (?, ?, ?, ?, ?)",
                   [.integer(Int64(order.id)), .integer(Int64(percent)), SQLValue(note), .integer(Int64(context.now.seconds)),
                    .text(context.actor)])
        try journal(.orderProgress, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("percent", .int(percent)), ("note", .string(note))])
    }

    public func progressReports(orderID: Int) throws -> [ProgressReport] {
        try db.rows("SELECT percent, note, at, by FROM progress_reports WHERE order_id = ? ORDER BY at, id", [.integer(Int64(orderID))]) {
            ProgressReport(percent: $0.int(0), note: $0.optionalString(1), at: Timestamp(seconds: $0.int(2)), by: $0.string(3))
        }
    }

    public func addNotification(kind: String, message: String, to order: RepairOrder) throws {
        try db.run("INSERT INTO notifications(order_id, kind, message, at, by) VALUES (?, ?, ?, ?, ?)",
                   [.integer(Int64(order.id)), .text(kind), .text(message), .integer(Int64(context.now.seconds)), .text(context.actor)])
        try journal(.orderNotify, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("kind", .string(kind)), ("message", .string(message))])
    }

    public func notifications(orderID: Int) throws -> [Notification] {
        try db.rows("SELECT kind, message, at, by FROM notifications WHERE order_id = ? ORDER BY at, id", [.integer(Int64(orderID))]) {
            Notification(kind: $0.string(0), message: $0.string(1), at: Timestamp(seconds: $0.int(2)), by: $0.string(3))
        }
    }

    // MARK: The board

    /// What the board needs of every open order, in a handful of queries whatever the history.
    public func boardFacts() throws -> [BoardFacts] {
        var facts: [Int: BoardFacts] = [:]
        var order: [Int] = []
        try db.forEach("""
            SELECT o.id, v.plate, o.status, o.category, o.checked_in_at, o.promised_at, o.started_at, o.completed_at
            FROM orders o JOIN vehicles v ON v.id = o.vehicle_id WHERE o.status IN \(Schema.openStatuses)
            """) { row in
            let id = row.int(0)
            order.append(id)
            facts[id] = BoardFacts(orderID: id, plate: row.string(1), status: OrderStatus(code: row.string(2)) ?? .estimating,
                                   category: RepairCategory(code: row.string(3)) ?? .minor,
                                   checkedInAt: Timestamp(seconds: row.int(4)),
                                   promisedAt: row.optionalInt(5).map(Timestamp.init(seconds:)),
                                   startedAt: row.optionalInt(6).map(Timestamp.init(seconds:)),
                                   completedAt: row.optionalInt(7).map(Timestamp.init(seconds:)))
        }
        let openFilter = "order_id IN (SELECT id FROM orders WHERE status IN \(Schema.openStatuses))"
        try db.forEach("""
            SELECT p.order_id, p.percent, p.at FROM progress_reports p
            WHERE p.\(openFilter) ORDER BY p.order_id, p.at, p.id
            """) { row in
            facts[row.int(0)]?.progress = row.int(1)
            facts[row.int(0)]?.lastProgressAt = Timestamp(seconds: row.int(2))
        }
        try db.forEach("SELECT order_id, max(at) FROM notifications WHERE \(openFilter) GROUP BY order_id") { row in
            facts[row.int(0)]?.lastNotifiedAt = Timestamp(seconds: row.int(1))
        }
        try db.forEach("SELECT order_id, count(*) FROM supplements WHERE answer IS NULL AND \(openFilter) GROUP BY order_id") { row in
            facts[row.int(0)]?.pendingSupplements = row.int(1)
        }
        try db.forEach("SELECT order_id, stage, result FROM inspections WHERE \(openFilter) ORDER BY id") { row in
            let id = row.int(0)
            guard let stage = InspectionStage(code: row.string(1)) else { return }
            let passed = row.string(2) == InspectionResult.pass.code
            if passed { facts[id]?.passedStages.insert(stage) }
            if stage == .final { facts[id]?.reworkPending = !passed }
        }
        try db.forEach("""
            SELECT a.order_id, a.group_name, a.technician, b.name FROM assignments a LEFT JOIN bays b ON b.id = a.bay_id
            WHERE a.\(openFilter) ORDER BY a.id
            """) { row in
            let part = [row.string(1), row.optionalString(2), row.optionalString(3)].compactMap { $0 }.joined(separator: "/")
            let id = row.int(0)
            let current = facts[id]?.assignment ?? ""
            facts[id]?.assignment = current.isEmpty ? part : current + "; " + part
        }
        return order.compactMap { facts[$0] }
    }
}
