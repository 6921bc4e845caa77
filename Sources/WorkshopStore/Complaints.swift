import SQLite
import WorkshopModel

extension Store {
    private static let complaintColumns = """
        id, vehicle_id, order_id, channel, text, registered_at, registered_by, classification, assigned_to, verified_at,
        verification, resolved_at, resolution, resolved_by, followed_up_at, followup_result, satisfied,
        \(SiteScope.ofOrderElseOwn("complaints")) AS site
        """

    private func complaint(from row: ShopRow) throws -> Complaint {
        let stored = StoredCodes(row, table: "complaints", key: String(row.int("id")))
        var c = Complaint(id: row.int("id"), vehicleID: row.optionalInt("vehicle_id"), orderID: row.optionalInt("order_id"),
                          channel: try stored.code("channel"), text: row.string("text"),
                          registeredAt: row.timestamp("registered_at"), registeredBy: row.string("registered_by"))
        c.classification = try stored.optionalCode("classification")
        c.assignedTo = row.optionalString("assigned_to")
        c.verifiedAt = row.optionalTimestamp("verified_at")
        c.verification = row.optionalString("verification")
        c.resolvedAt = row.optionalTimestamp("resolved_at")
        c.resolution = row.optionalString("resolution")
        c.resolvedBy = row.optionalString("resolved_by")
        c.followedUpAt = row.optionalTimestamp("followed_up_at")
        c.followUpResult = row.optionalString("followup_result")
        c.satisfied = row.optionalInt("satisfied").map { $0 != 0 }
        c.siteID = row.optionalInt("site")
        return c
    }

    /// Records a complaint as its site's (`Complaint.siteID`): its order's when it names one, else
    /// the session's site, where it was registered.
    public func addComplaint(_ complaint: Complaint) throws -> Complaint {
        let site = try complaint.orderID.map { try siteID(ofOrder: $0) } ?? siteID
        let id = try insert("""
            INSERT INTO complaints(vehicle_id, order_id, channel, text, registered_at, registered_by, site_id) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [SQLValue(complaint.vehicleID), SQLValue(complaint.orderID), .text(complaint.channel.code), .text(complaint.text),
                  .integer(Int64(complaint.registeredAt.seconds)), .text(complaint.registeredBy), SiteScope.value(site)])
        var saved = complaint
        saved.id = id
        saved.siteID = SiteScope.storedID(site)
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
    static let complaintsOfVehicle = "SELECT \(complaintColumns) FROM complaints WHERE vehicle_id = ? ORDER BY id"

    public func complaints(includeClosed: Bool = false, vehicleID: Int? = nil) throws -> [Complaint] {
        if let vehicleID {
            return try db.rows(Self.complaintsOfVehicle, [.integer(Int64(vehicleID))], complaint(from:))
        }
        let all = try db.rows(includeClosed ? Self.allComplaints : Self.openComplaints, [], complaint(from:))
        return includeClosed ? all : all.filter { !$0.isClosed }
    }

    /// The complaints the session's site handles (`Complaint.siteID`: its order's, else where it
    /// was registered), as `complaints` lists them; every one while the shop has one site.
    public func siteComplaints(includeClosed: Bool = false) throws -> [Complaint] {
        let all = try complaints(includeClosed: includeClosed)
        guard try hasSites() else { return all }
        return all.filter { SiteScope.storedID($0.siteID) == SiteScope.storedID(siteID) }
    }

    static let allComplaints = "SELECT \(complaintColumns) FROM complaints ORDER BY id"
    static let openComplaints = "SELECT \(complaintColumns) FROM complaints WHERE followed_up_at IS NULL ORDER BY id"
}
