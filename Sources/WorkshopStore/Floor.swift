import SQLite
import WorkshopModel

extension Store {
    // MARK: Dispatch

    static let assignmentsOfOrder = """
        SELECT a.group_name, a.technician, b.name AS bay, a.assigned_at, a.assigned_by
        FROM assignments a LEFT JOIN bays b ON b.id = a.bay_id WHERE a.order_id = ? ORDER BY a.id
        """

    public func assignments(orderID: Int) throws -> [Assignment] {
        try db.rows(Self.assignmentsOfOrder, [.integer(Int64(orderID))]) {
            Assignment(group: $0.string("group_name"), technician: $0.optionalString("technician"), bay: $0.optionalString("bay"),
                       at: $0.timestamp("assigned_at"), by: $0.string("assigned_by"))
        }
    }

    // MARK: Inspections

    public func checklistItems(stage: InspectionStage) throws -> [ChecklistItem] {
        try db.rows("SELECT code, name, unit, minimum, maximum FROM checklist_items WHERE stage = ? ORDER BY position, code",
                    [.text(stage.code)]) {
            ChecklistItem(stage: stage, code: $0.string("code"), name: $0.string("name"), quantity: Store.quantity($0))
        }
    }

    /// The quantity a row declares (`unit`, `minimum`, `maximum`, in thousandths): nil without a unit.
    static func quantity(_ row: ShopRow) -> MeasuredQuantity? {
        guard let unit = row.optionalString("unit") else { return nil }
        return MeasuredQuantity(stored: unit, minimum: row.optionalInt("minimum").map(Measure.init(thousandths:)),
                                maximum: row.optionalInt("maximum").map(Measure.init(thousandths:)))
    }

    /// Adds an item, or gives an existing one its new name and measure (a measure not given: none).
    public func saveChecklistItem(_ item: ChecklistItem) throws {
        let position = (try db.scalar("SELECT max(position) FROM checklist_items WHERE stage = ?", [.text(item.stage.code)]) ?? 0) + 1
        let q = item.quantity
        try db.run("""
            INSERT INTO checklist_items(stage, code, name, position, unit, minimum, maximum) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(stage, code) DO UPDATE SET name = excluded.name, unit = excluded.unit, minimum = excluded.minimum,
                maximum = excluded.maximum
            """, [.text(item.stage.code), .text(item.code), .text(item.name), .integer(Int64(position)), SQLValue(q?.unit),
                  SQLValue(q?.minimum?.thousandths), SQLValue(q?.maximum?.thousandths)])
        var detail: [(String, JSON)] = [("name", .string(item.name))]
        if let q {
            detail += [("unit", .string(q.unit)), ("min", .string(q.minimum?.description)), ("max", .string(q.maximum?.description))]
        }
        try journal(.checklistSave, entity: "checklist", id: "\(item.stage.code)/\(item.code)", detail: detail)
    }

    public func removeChecklistItem(stage: InspectionStage, code: String) throws {
        try db.run("DELETE FROM checklist_items WHERE stage = ? AND code = ?", [.text(stage.code), .text(code)])
        guard db.changes == 1 else { throw LookupRefusal.noChecklistItem(stage: stage, code: code) }
        try journal(.checklistRemove, entity: "checklist", id: "\(stage.code)/\(code)", detail: [])
    }

    static let inspectionsOfOrder = "SELECT id, stage, result, inspector, at, note, certificate FROM inspections WHERE order_id = ? ORDER BY id"

    public func inspections(orderID: Int) throws -> [Inspection] {
        let list = try db.rows(Self.inspectionsOfOrder, [.integer(Int64(orderID))]) { row in
            let stored = StoredCodes(row, table: "inspections", key: String(row.int("id")))
            return Inspection(id: row.int("id"), stage: try stored.code("stage"), result: try stored.code("result"),
                              inspector: row.string("inspector"), at: row.timestamp("at"), note: row.optionalString("note"),
                              certificate: row.optionalString("certificate"), items: [])
        }
        return try list.map { inspection in
            var full = inspection
            full.items = try db.rows("""
                SELECT code, name, result, unit, minimum, maximum, value FROM inspection_items WHERE inspection_id = ? ORDER BY rowid
                """, [.integer(Int64(inspection.id))]) { row in
                let stored = StoredCodes(row, table: "inspection_items", key: "\(inspection.id)/\(row.string("code"))")
                return InspectionItem(code: row.string("code"), name: row.string("name"), result: try stored.code("result"),
                                      quantity: Store.quantity(row), value: row.optionalInt("value").map(Measure.init(thousandths:)))
            }
            return full
        }
    }

    /// The next completion-certificate number of the year: "2026-00012".
    /// Each site of a chain numbers its own: the home site as before, another after its mark ("S2-2026-00012").
    public func nextCertificateNumber(year: Int, site: Int? = nil) throws -> String {
        let mark = SiteScope.paperMark(site)
        let prefix = "\(mark)\(year)-"
        // The year's certificates as a range of the unique index ("2026-" up to "2026.", '-' + 1): the
        // year's last is found at once, not by walking every certificate ever issued as LIKE did.
        let last = try db.first("""
            SELECT certificate FROM inspections WHERE certificate >= ? AND certificate < ? ORDER BY certificate DESC LIMIT 1
            """, [.text(prefix), .text("\(mark)\(year).")]) { $0.string("certificate") }
        let next = (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        let digits = String(next)
        return prefix + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    // MARK: Supplements

    private static let supplementColumns = """
        line_number, reason, reported_by, reported_at, answer, answered_via, answered_by, told, answered_at, recorded_by,
        promise_was, promise_now
        """

    private func supplement(from row: ShopRow, order: Int) throws -> Supplement {
        let stored = StoredCodes(row, table: "supplements", key: "\(RepairOrder.number(order))/\(row.int("line_number"))")
        return Supplement(line: row.int("line_number"), reason: row.string("reason"), reportedBy: row.string("reported_by"),
                          reportedAt: row.timestamp("reported_at"), answer: try stored.optionalCode("answer"),
                          via: try stored.optionalCode("answered_via"), answeredBy: row.optionalString("answered_by"),
                          told: row.optionalString("told"), answeredAt: row.optionalTimestamp("answered_at"),
                          recordedBy: row.optionalString("recorded_by"), promiseWas: row.optionalTimestamp("promise_was"),
                          promiseNow: row.optionalTimestamp("promise_now"))
    }

    public func supplements(orderID: Int) throws -> [Supplement] {
        try db.rows(Self.supplementsOfOrder, [.integer(Int64(orderID))]) { try supplement(from: $0, order: orderID) }
    }

    static let supplementsOfOrder = "SELECT \(supplementColumns) FROM supplements WHERE order_id = ? ORDER BY line_number"

    /// Why an answer to an added item was not recorded: the answer already on file (who, how,
    /// when), or no such item.
    func answeredAlready(_ order: RepairOrder, line: Int) throws -> OrderRefusal {
        let all = try supplements(orderID: order.id)
        guard let stored = all.first(where: { $0.line == line }), let answer = stored.answer else {
            return .noSuchSupplement(order: order.number, given: line, supplements: all.map(\.line))
        }
        return .supplementAlreadyAnswered(order: order.number, line: line, answer: answer, by: stored.answeredBy ?? "",
                                          via: stored.via, at: stored.answeredAt)
    }

    // MARK: Progress and notifications

    public func progressReports(orderID: Int) throws -> [ProgressReport] {
        try db.rows("SELECT percent, note, at, by FROM progress_reports WHERE order_id = ? ORDER BY at, id", [.integer(Int64(orderID))]) {
            ProgressReport(percent: $0.int("percent"), note: $0.optionalString("note"), at: $0.timestamp("at"), by: $0.string("by"))
        }
    }

    public func addNotification(kind: String, message: String, to order: RepairOrder) throws {
        try requireSiteWork(of: order)
        try db.run("INSERT INTO notifications(order_id, kind, message, at, by) VALUES (?, ?, ?, ?, ?)",
                   [.integer(Int64(order.id)), .text(kind), .text(message), .integer(Int64(context.now.seconds)), .text(context.actor)])
        try journal(.orderNotify, entity: "order", id: order.number, orderID: order.id, vehicleID: order.vehicleID,
                    detail: [("kind", .string(kind)), ("message", .string(message))])
    }

    public func notifications(orderID: Int) throws -> [Notification] {
        try db.rows("SELECT kind, message, at, by FROM notifications WHERE order_id = ? ORDER BY at, id", [.integer(Int64(orderID))]) {
            Notification(kind: $0.string("kind"), message: $0.string("message"), at: $0.timestamp("at"), by: $0.string("by"))
        }
    }

    // MARK: The board

    /// What the board needs of every open order, in a handful of queries whatever the history, and
    /// of every declined order not yet released that still holds a fee, a key or belongings.
    public func boardFacts() throws -> [BoardFacts] {
        var facts: [Int: BoardFacts] = [:]
        var order: [Int] = []
        let queries = boardQueries()
        let (openOrders, site) = (queries.openOrders, queries.site)
        let (progress, notified, pending) = (queries.progress, queries.notified, queries.pending)
        let (inspections, assignments) = (queries.inspections, queries.assignments)
        // All in one round trip on a server: none depends on another's answer (sent already with
        // the board's other reads: sendAheadBoardReads).
        try db.sendAhead(queries.all)
        try db.forEach(openOrders, site.arguments) { row in
            let id = row.int("id")
            let stored = StoredCodes(row, table: "orders", key: RepairOrder.number(id))
            order.append(id)
            facts[id] = BoardFacts(orderID: id, plate: row.string("plate"), status: try stored.code("status"),
                                   category: try stored.code("category"), checkedInAt: row.timestamp("checked_in_at"),
                                   promisedAt: row.optionalTimestamp("promised_at"), startedAt: row.optionalTimestamp("started_at"),
                                   completedAt: row.optionalTimestamp("completed_at"))
        }
        try db.forEach(progress) { row in
            facts[row.int("order_id")]?.progress = row.int("percent")
            facts[row.int("order_id")]?.lastProgressAt = row.timestamp("at")
        }
        try db.forEach(notified) { row in
            facts[row.int("order_id")]?.lastNotifiedAt = row.timestamp("at")
        }
        try db.forEach(pending) { row in
            facts[row.int("order_id")]?.pendingSupplements = row.int("pending")
        }
        try db.forEach(inspections) { row in
            let id = row.int("order_id")
            let stored = StoredCodes(row, table: "inspections", key: String(row.int("id")))
            let stage: InspectionStage = try stored.code("stage")
            let passed = try stored.code("result") as InspectionResult == .pass
            if passed { facts[id]?.passedStages.insert(stage) }
            if stage == .final { facts[id]?.reworkPending = !passed }
            // A failed final sends the car back to work: the progress reported before it is of
            // work that did not pass, not of the rework.
            if stage == .final, !passed, let reported = facts[id]?.lastProgressAt, reported <= row.timestamp("at") {
                facts[id]?.progress = nil
            }
        }
        // Who has it: each group (with its technician) once, then the bay the car is in now — one
        // bay, however often it was moved.
        var parts: [Int: [String]] = [:]
        try db.forEach(assignments) { row in
            let group = row.string("group_name")
            let part = [group, row.optionalString("technician")].compactMap { $0 }.joined(separator: "/")
            let id = row.int("order_id")
            let known = parts[id] ?? []
            guard !known.contains(part), !(part == group && known.contains { $0.hasPrefix(group + "/") }) else { return }
            parts[id] = known + [part]
        }
        let bays = Dictionary(try currentStays().map { ($0.orderID, $0.bay) }, uniquingKeysWith: { first, _ in first })
        for (id, list) in parts {
            facts[id]?.assignment = list.joined(separator: "; ") + (bays[id].map { "/" + $0 } ?? "")
        }
        // Declined, not released, still holding something: on the board until the car is released.
        // No promise applies to them any more.
        for (declined, held) in try declinedHeld() {
            order.append(declined.id)
            facts[declined.id] = BoardFacts(orderID: declined.id, plate: try vehicle(id: declined.vehicleID)?.plate.value ?? "",
                                            status: declined.status, category: declined.category,
                                            checkedInAt: declined.checkedInAt, promisedAt: nil, held: held)
        }
        return order.compactMap { facts[$0] }
    }

    /// The statements `boardFacts` runs.
    struct BoardQueries {
        let site: (sql: String, arguments: [SQLValue])
        let openOrders, progress, notified, pending, inspections, assignments: String

        /// Every one, in the order `boardFacts` reads them (the bays' stays and the declined orders last).
        var all: [(sql: String, arguments: [SQLValue])] {
            [(openOrders, site.arguments)] + ([progress, notified, pending, inspections, assignments] + Store.currentStaysQueries
                                              + [Store.declinedHeldQuery]).map { ($0, []) }
        }
    }

    func boardQueries() -> BoardQueries {
        // The session's site's cars only (SiteScope).
        let site = SiteScope.filter("o.site_id", siteID)
        let openFilter = "order_id IN (SELECT id FROM orders WHERE status IN \(Schema.openStatuses))"
        let openOrders = """
            SELECT o.id, v.plate, o.status, o.category, o.checked_in_at, o.promised_at, o.started_at, o.completed_at
            FROM orders o JOIN vehicles v ON v.id = o.vehicle_id WHERE o.status IN \(Schema.openStatuses) AND \(site.sql)
            """
        let progress = """
            SELECT p.order_id, p.percent, p.at FROM progress_reports p
            WHERE p.\(openFilter) ORDER BY p.order_id, p.at, p.id
            """
        let notified = "SELECT order_id, max(at) AS at FROM notifications WHERE \(openFilter) GROUP BY order_id"
        let pending = """
            SELECT order_id, count(*) AS pending FROM supplements WHERE answer IS NULL AND \(openFilter) GROUP BY order_id
            """
        let inspections = "SELECT id, order_id, stage, result, at FROM inspections WHERE \(openFilter) ORDER BY id"
        let assignments = "SELECT a.order_id, a.group_name, a.technician FROM assignments a WHERE a.\(openFilter) ORDER BY a.id"
        return BoardQueries(site: site, openOrders: openOrders, progress: progress, notified: notified, pending: pending,
                            inspections: inspections, assignments: assignments)
    }
}
