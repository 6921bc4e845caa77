import SQLite
import WorkshopModel

extension Store {
    private static let tierColumns = "name, labor_bp, parts_bp, set_by, set_at"

    private func tier(from row: ShopRow) -> MemberTier {
        MemberTier(name: row.string("name"), laborBasisPoints: row.int("labor_bp"), partsBasisPoints: row.int("parts_bp"),
                   setBy: row.string("set_by"), setAt: row.timestamp("set_at"))
    }

    /// The shop's tiers, by name.
    public func memberTiers() throws -> [MemberTier] {
        try db.rows(Self.memberTiersQuery, [], tier(from:))
    }

    static let memberTiersQuery = "SELECT \(tierColumns) FROM member_tiers ORDER BY name"

    public func memberTier(named name: String) throws -> MemberTier? {
        try db.first("SELECT \(Self.tierColumns) FROM member_tiers WHERE name = ?", [.text(name)], tier(from:))
    }

    /// A tier by the name typed, or a refusal listing the shop's tiers.
    public func resolveMemberTier(_ name: String) throws -> MemberTier {
        if let found = try memberTier(named: name) { return found }
        throw MemberRefusal.unknownTier(given: name, tiers: try memberTiers().map(\.name))
    }

    /// Creates a tier or changes its discounts (`MemberTier.set` checked them), journalled with what
    /// they were: lines priced before keep their member price.
    public func saveMemberTier(_ tier: MemberTier, was: MemberTier?) throws {
        try db.run("""
            INSERT INTO member_tiers(name, labor_bp, parts_bp, set_by, set_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET labor_bp = excluded.labor_bp, parts_bp = excluded.parts_bp,
                set_by = excluded.set_by, set_at = excluded.set_at
            """, [.text(tier.name), .integer(Int64(tier.laborBasisPoints)), .integer(Int64(tier.partsBasisPoints)),
                  .text(tier.setBy), .integer(Int64(tier.setAt.seconds))])
        var detail: [(String, JSON)] = [("tier", .string(tier.name)), ("labor", .string(MemberTier.percentText(tier.laborBasisPoints))),
                                        ("parts", .string(MemberTier.percentText(tier.partsBasisPoints)))]
        if let was {
            detail += [("labor_was", .string(MemberTier.percentText(was.laborBasisPoints))),
                       ("parts_was", .string(MemberTier.percentText(was.partsBasisPoints)))]
        }
        try journal(.memberTierSet, entity: "member_tier", id: tier.name, detail: detail)
    }

    /// Gives a customer a tier (nil ends the membership), journalled with the tier before.
    /// `authorizedBy`: the manager who authorised a tier above the advisor's limit.
    public func setMemberTier(of customer: Customer, to tier: MemberTier?, authorizedBy manager: String? = nil) throws -> Customer {
        guard customer.memberTier != tier?.name else {
            throw MemberRefusal.memberUnchanged(customer: "\(customer.reference) \(customer.name)", tier: customer.memberTier)
        }
        try db.run("UPDATE customers SET member_tier = ? WHERE id = ?", [SQLValue(tier?.name), .integer(Int64(customer.id))])
        try journal(.memberSet, entity: "customer", id: customer.reference,
                    detail: [("tier", .string(tier?.name)), ("was", .string(customer.memberTier))]
                        + (manager.map { [("authorized_by", JSON.string($0))] } ?? []))
        var updated = customer
        updated.memberTier = tier?.name
        return updated
    }

    /// The members (customers with a tier), by tier and name.
    public func members(limit: Int = 500) throws -> [Customer] {
        let ids = try db.rows("SELECT id FROM customers WHERE member_tier IS NOT NULL ORDER BY member_tier, name, id LIMIT ?",
                              [.integer(Int64(limit))]) { $0.int("id") }
        return try ids.compactMap { try customer(id: $0) }
    }

    /// The tier whose member prices an order's lines get now (`OrderRecord.memberTierName`).
    public func memberTier(for record: OrderRecord) throws -> MemberTier? {
        try record.memberTierName.flatMap { try memberTier(named: $0) }
    }
}
