import SQLite
import WorkshopModel

extension Store {
    private static let complaintColumns = """
        id, vehicle_id, order_id, channel, text, registered_at, registered_by, classification, assigned_to, verified_at,
        verification, resolved_at, resolution, resolved_by, followed_up_at, followup_result, satisfied
        """

    private func complaint(from row: Row) -> Complaint {
        var c = Complaint(id: row.int(0), vehicleID: row.optionalInt(1), orderID: row.optionalInt(2),
                          channel: ComplaintChannel(code: row.string(3)) ?? .phone, text: row.string(4),
                          registeredAt: Timestamp(seconds: row.int(5)), registeredBy: row.string(6))
        c.classification = row.optionalString(7).flatMap(ComplaintClass.init(code:))
        c.assignedTo = row.optionalString(8)
        c.verifiedAt = row.optionalInt(9).map(Timestamp.init(seconds:))
        c.verification = row.optionalString(10)
        c.resolvedAt = row.optionalInt(11).map(Timestamp.init(seconds:))
        c.resolution = row.optionalString(12)
        c.resolvedBy = row.optionalString(13)
        c.followedUpAt = row.optionalInt(14).map(Timestamp.init(seconds:))
        c.followUpResult = row.optionalString(15)
        c.satisfied = row.optionalInt(16).map { $0 != 0 }
        return c
    }

    public func addComplaint(_ complaint: Complaint) throws -> Complaint {
        try db.run("""
            INSERT INTO complaints(vehicle_id, order_id, channel, text, registered_at, registered_by) VALUES (?, ?, ?, ?, ?, ?)
            """, [SQLValue(complaint.vehicleID), SQLValue(complaint.orderID), .text(complaint.channel.code), .text(complaint.text),
                  .integer(Int64(complaint.registeredAt.seconds)), .text(complaint.registeredBy)])
        var saved = complaint
        saved.id = db.lastInsertRowID
        try journal(.complaintAdd, entity: "complaint", id: "\(saved.id)", orderID: complaint.orderID, vehicleID: complaint.vehicleID,
                    detail: [("channel", .string(complaint.channel.code)), ("text", .string(complaint.text))])
        return saved
    }

    public func complaint(id: Int) throws -> Complaint? {
        try db.first("SELECT \(Self.complaintColumns) FROM complaints WHERE id = ?", [.integer(Int64(id))], complaint(from:))
    }

    /// Saves a complaint's progress and journals `action`.
    public func saveComplaint(_ c: Complaint, action: JournalAction, detail: [(String, JSON)]) throws {
        try db.run("""
            UPDATE complaints SET classification = ?, assigned_to = ?, verified_at = ?, verification = ?, resolved_at = ?,
                resolution = ?, resolved_by = ?, followed_up_at = ?, followup_result = ?, satisfied = ?
            WHERE id = ?
            """, [SQLValue(c.classification?.code), SQLValue(c.assignedTo), SQLValue(c.verifiedAt?.seconds), SQLValue(c.verification),
                  SQLValue(c.resolvedAt?.seconds), SQLValue(c.resolution), SQLValue(c.resolvedBy), SQLValue(c.followedUpAt?.seconds),
                  SQLValue(c.followUpResult), c.satisfied.map { SQLValue($0) } ?? .null, .integer(Int64(c.id))])
        try journal(action, entity: "complaint", id: "\(c.id)", orderID: c.orderID, vehicleID: c.vehicleID, detail: detail)
    }

    /// Complaints not yet closed (all, with `includeClosed`), oldest first.
    public func complaints(includeClosed: Bool = false, vehicleID: Int? = nil) throws -> [Complaint] {
        if let vehicleID {
            return try db.rows("SELECT \(Self.complaintColumns) FROM complaints WHERE vehicle_id = ? ORDER BY id",
                               [.integer(Int64(vehicleID))], complaint(from:))
        }
        let all = try db.rows("SELECT \(Self.complaintColumns) FROM complaints WHERE \(includeClosed ? "1" : "followed_up_at IS NULL") ORDER BY id",
                              [], complaint(from:))
        return includeClosed ? all : all.filter { !$0.isClosed }
    }
}
