import SQLite
import WorkshopModel

/// A change to a part's stock: what is on the shelf (on hand) and what is promised (reserved).
public struct StockMovement: Sendable {
    public enum Kind: String, Sendable {
        case receive, issue, `return`, adjust, reserve, unreserve
    }
    public var kind: Kind
    public var partNumber: String
    public var onHand: Int
    public var reserved: Int
    public var orderID: Int?
    public var line: Int?
    public var appointmentID: Int?
    public var reason: String?
    public var at: Timestamp
    public var by: String
    /// The site whose shelf it moved, as rows store it (nil: the home site).
    public var siteID: Int? = nil
}

extension Store {
    /// Records a movement and keeps the part's running totals in step, in the same transaction.
    /// Refuses to take the shelf below zero.
    public func moveStock(_ partNumber: String, _ kind: StockMovement.Kind, onHand: Int = 0, reserved: Int = 0,
                          orderID: Int? = nil, line: Int? = nil, appointmentID: Int? = nil, reason: String? = nil) throws {
        guard let part = try part(number: partNumber) else { throw CatalogRefusal.unknownPart(partNumber: partNumber) }
        if part.onHand.thousandths + onHand < 0 {
            throw StockRefusal.notEnoughOnHand(partNumber: part.partNumber, name: part.name, onHand: part.onHand, unit: part.unit,
                                               wanted: Quantity(thousandths: -onHand))
        }
        try db.run("""
            INSERT INTO stock_movements(part_no, kind, on_hand_delta, reserved_delta, order_id, line_number, appointment_id, reason, at, by,
                                        site_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(part.partNumber), .text(kind.rawValue), .integer(Int64(onHand)), .integer(Int64(reserved)), SQLValue(orderID),
                  SQLValue(line), SQLValue(appointmentID), SQLValue(reason), .integer(Int64(context.now.seconds)), .text(context.actor),
                  SiteScope.value(siteID)])
        try db.run("UPDATE parts SET stock = stock + ?, reserved = reserved + ? WHERE part_no = ?",
                   [.integer(Int64(onHand)), .integer(Int64(reserved)), .text(part.partNumber)])
        try journalStockMovement(part.partNumber, kind, onHand: onHand, reserved: reserved, orderID: orderID, line: line,
                                 appointmentID: appointmentID, reason: reason)
    }

    /// The journal entry of one part's movement (`moveStock`, `moveReservations`).
    func journalStockMovement(_ partNumber: String, _ kind: StockMovement.Kind, onHand: Int, reserved: Int, orderID: Int? = nil,
                              line: Int? = nil, appointmentID: Int?, reason: String? = nil) throws {
        try journal(JournalAction(rawValue: "stock.\(kind.rawValue)")!, entity: "part", id: partNumber, orderID: orderID,
                    detail: [("on_hand", .string(Quantity(thousandths: onHand).description)),
                             ("reserved", .string(Quantity(thousandths: reserved).description)),
                             ("appointment", .string(appointmentID.map { "A\($0)" })), ("line", .int(line)), ("reason", .string(reason))])
    }

    public func setOnOrder(_ partNumber: String, quantity: Quantity, eta: String?) throws {
        try db.run("UPDATE parts SET on_order = ?, on_order_eta = ? WHERE part_no = ?",
                   [.integer(Int64(quantity.thousandths)), SQLValue(eta), .text(partNumber)])
        try journal(.partOnOrder, entity: "part", id: partNumber,
                    detail: [("on_order", .string(quantity.description)), ("eta", .string(eta))])
    }

    /// A part's latest movements on the session's shelf: in a chain, the session's site's only (its
    /// 在库 is its own shelf's); every movement while the shop has one site. `scope`: another site's
    /// shelf, or every site's (`parts show … site=`).
    public func movements(partNumber: String, limit: Int = 200, scope: ReportScope? = nil) throws -> [StockMovement] {
        let shelf: (sql: String, arguments: [SQLValue])
        switch scope {
        case .everySite?: shelf = ("", [])
        case .site(let site)?: shelf = SiteScope.clause("site_id", site.id)
        case nil: shelf = try hasSites() ? SiteScope.clause("site_id", siteID) : ("", [])
        }
        return try db.rows("""
            SELECT id, kind, part_no, on_hand_delta, reserved_delta, order_id, line_number, appointment_id, reason, at, by, site_id
            FROM stock_movements WHERE part_no = ?\(shelf.sql) ORDER BY id DESC LIMIT ?
            """, [.text(partNumber.uppercased())] + shelf.arguments + [.integer(Int64(limit))]) { row in
            let stored = StoredCodes(row, table: "stock_movements", key: String(row.int("id")))
            return StockMovement(kind: try stored.code("kind", StockMovement.Kind.init(rawValue:)), partNumber: row.string("part_no"),
                                 onHand: row.int("on_hand_delta"), reserved: row.int("reserved_delta"), orderID: row.optionalInt("order_id"),
                                 line: row.optionalInt("line_number"), appointmentID: row.optionalInt("appointment_id"),
                                 reason: row.optionalString("reason"), at: row.timestamp("at"), by: row.string("by"),
                                 siteID: row.optionalInt("site_id"))
        }
    }

    /// Parts whose running totals differ from the sum of their movements (there should be none).
    public func stockMismatches() throws -> [(partNumber: String, onHand: Int, movements: Int)] {
        try db.rows("""
            SELECT p.part_no, p.stock, coalesce(sum(m.on_hand_delta), 0) AS movements
            FROM parts p LEFT JOIN stock_movements m ON m.part_no = p.part_no GROUP BY p.part_no
            HAVING p.stock <> coalesce(sum(m.on_hand_delta), 0) OR p.reserved <> coalesce(sum(m.reserved_delta), 0)
            ORDER BY p.part_no
            """) { ($0.string("part_no"), $0.int("stock"), $0.int("movements")) }
    }

    /// Marks how much of a line's part was taken from the shelf.
    public func setIssued(_ quantity: Int, line: Int, of order: RepairOrder) throws {
        try db.run("UPDATE order_lines SET issued = ? WHERE order_id = ? AND number = ?",
                   [.integer(Int64(quantity)), .integer(Int64(order.id)), .integer(Int64(line))])
    }

    /// The order's lines with parts taken from the shelf for them.
    public func issuedLines(orderID: Int) throws -> [Int] {
        try db.rows("SELECT number FROM order_lines WHERE order_id = ? AND issued > 0 ORDER BY number", [.integer(Int64(orderID))]) {
            $0.int("number")
        }
    }

    public func issued(line: Int, of orderID: Int) throws -> Int {
        try db.first("SELECT issued FROM order_lines WHERE order_id = ? AND number = ?",
                     [.integer(Int64(orderID)), .integer(Int64(line))]) { $0.int("issued") } ?? 0
    }

    /// Issues the catalogued parts of an order's approved lines not yet taken from the shelf, as far
    /// as stock allows; returns the lines that could not be issued (to order).
    /// What `issueApprovedParts` did: the lines issued now and how much, and the lines short of stock.
    public struct Issue {
        public var issued: [(line: OrderLine, quantity: Quantity)] = []
        public var short: [(line: OrderLine, short: Quantity)] = []
    }

    public func issueApprovedParts(of order: RepairOrder) throws -> Issue {
        var issue = Issue()
        for line in try lines(orderID: order.id) where line.kind == .part && line.status == .approved && line.partClass != .customer {
            guard let number = line.partNumber, let part = try part(number: number), let quantity = line.quantity else { continue }
            let done = try issued(line: line.number, of: order.id)
            let needed = quantity.thousandths - done
            guard needed > 0 else { continue }
            let free = part.onHand.thousandths
            guard free >= needed else {
                issue.short.append((line, Quantity(thousandths: needed - max(0, free))))
                continue
            }
            try moveStock(part.partNumber, .issue, onHand: -needed, orderID: order.id, line: line.number)
            try setIssued(done + needed, line: line.number, of: order)
            issue.issued.append((line, Quantity(thousandths: needed)))
        }
        return issue
    }

    /// Puts back the parts issued to lines that are no longer billed (declined or removed). The
    /// movement names the order and line; the line's status says why, so no reason is written.
    public func returnUnbilledParts(of order: RepairOrder) throws -> [(line: OrderLine, quantity: Quantity)] {
        var returned: [(line: OrderLine, quantity: Quantity)] = []
        for line in try lines(orderID: order.id) where line.kind == .part && line.status != .approved {
            let done = try issued(line: line.number, of: order.id)
            guard done > 0, let number = line.partNumber else { continue }
            try moveStock(number, .return, onHand: done, orderID: order.id, line: line.number)
            try setIssued(0, line: line.number, of: order)
            returned.append((line, Quantity(thousandths: done)))
        }
        return returned
    }

    // MARK: Jobs

    private func job(from row: ShopRow) throws -> Job {
        let parts: [(partNumber: String, quantity: Quantity)]
        do {
            parts = row.string("parts").isEmpty ? [] : try Job.parseParts(row.string("parts"))
        } catch {
            throw StoreRefusal.unknownCode(table: "jobs", row: row.string("code"), column: "parts", value: row.string("parts"))
        }
        return Job(code: row.string("code"), name: row.string("name"),
                   operations: row.string("operations").split(separator: ",").map(String.init), parts: parts,
                   equipment: row.string("equipment").split(separator: ",").map(String.init))
    }

    public func job(code: String) throws -> Job? {
        try db.first("SELECT code, name, operations, parts, equipment FROM jobs WHERE code = ?", [.text(code.uppercased())]) { try job(from: $0) }
    }

    /// Several jobs by code in one read (a booking's), by their code; a code not in the list is not among them.
    public func jobs(codes: [String]) throws -> [String: Job] {
        guard let read = Self.jobsByCode(codes) else { return [:] }
        return Dictionary(try db.rows(read.sql, read.arguments) { try job(from: $0) }.map { ($0.code, $0) }) { first, _ in first }
    }

    static func jobsByCode(_ codes: [String]) -> (sql: String, arguments: [SQLValue])? {
        let wanted = Array(Set(codes.map { $0.uppercased() })).sorted()
        guard !wanted.isEmpty else { return nil }
        return ("SELECT code, name, operations, parts, equipment FROM jobs WHERE code IN (" + wanted.map { _ in "?" }.joined(separator: ", ") + ")",
                wanted.map { .text($0) })
    }

    public func jobs() throws -> [Job] {
        try db.rows("SELECT code, name, operations, parts, equipment FROM jobs ORDER BY code", []) { try job(from: $0) }
    }

    /// The jobs that need some equipment in the bay (a few, of the shop's many canned jobs).
    func jobsNeedingEquipment() throws -> [Job] {
        try db.rows(Self.jobsNeedingEquipmentQuery, []) { try job(from: $0) }
    }

    static let jobsNeedingEquipmentQuery = "SELECT code, name, operations, parts, equipment FROM jobs WHERE equipment <> '' ORDER BY code"

    public func saveJob(_ job: Job) throws {
        let parts = job.parts.map { "\($0.partNumber):\($0.quantity)" }.joined(separator: ",")
        try db.run("""
            INSERT INTO jobs(code, name, operations, parts, equipment) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, operations = excluded.operations, parts = excluded.parts,
                equipment = excluded.equipment
            """, [.text(job.code), .text(job.name), .text(job.operations.joined(separator: ",")), .text(parts),
                  .text(job.equipment.joined(separator: ","))])
        try journal(.jobSave, entity: "job", id: job.code,
                    detail: [("name", .string(job.name)), ("operations", .string(job.operations.joined(separator: ","))),
                             ("parts", .string(parts)), ("equipment", .string(job.equipment.joined(separator: ",")))])
    }
}
