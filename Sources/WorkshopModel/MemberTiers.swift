/// A membership tier (会员等级) the shop sets: its discount on labour and on parts, in basis points
/// (10% is 1000). A member's labour and parts lines are priced at the member price; changing a
/// tier changes the lines priced after it, never those on record.
public struct MemberTier: Hashable, Sendable {
    public var name: String
    public var laborBasisPoints: Int
    public var partsBasisPoints: Int
    public var setBy: String
    public var setAt: Timestamp

    public init(name: String, laborBasisPoints: Int, partsBasisPoints: Int, setBy: String, setAt: Timestamp) {
        (self.name, self.laborBasisPoints, self.partsBasisPoints, self.setBy, self.setAt) =
            (name, laborBasisPoints, partsBasisPoints, setBy, setAt)
    }

    /// Words that end a membership (`member set … tier=none`), never a tier's name.
    public static let noneWords: Set<String> = ["none", "无"]

    /// A tier's discount is below 100%: a member price is never zero.
    public static let maximumBasisPoints = 9_999

    /// A new tier, or one changed (`existing`): what is given changes, the rest stays (0% for a new one).
    public static func set(name: String, labor: Int?, parts: Int?, existing: MemberTier?, by: String, at now: Timestamp) throws -> MemberTier {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw InputRefusal.empty(field: "tier") }
        guard !noneWords.contains(trimmed.lowercased()) else { throw MemberRefusal.reservedTierName(given: trimmed) }
        guard labor != nil || parts != nil else { throw MemberRefusal.tierNeedsDiscount(tier: trimmed) }
        for (field, value) in [("labor", labor), ("parts", parts)] {
            if let value, value > maximumBasisPoints { throw MemberRefusal.discountTooHigh(field: field, basisPoints: value) }
        }
        let tier = MemberTier(name: existing?.name ?? trimmed, laborBasisPoints: labor ?? existing?.laborBasisPoints ?? 0,
                              partsBasisPoints: parts ?? existing?.partsBasisPoints ?? 0, setBy: by, setAt: now)
        if let existing, existing.laborBasisPoints == tier.laborBasisPoints, existing.partsBasisPoints == tier.partsBasisPoints {
            throw MemberRefusal.tierUnchanged(tier: existing.name)
        }
        return tier
    }

    /// Making a customer a member of this tier: a tier giving more than the advisor's discount limit
    /// (on labour or on parts) is a standing discount beyond it, given by a manager, or any advisor
    /// could give any customer more than the limit by naming a tier.
    public func assignable(limitPercent: Int, authorizedBy manager: String?) throws {
        guard max(laborBasisPoints, partsBasisPoints) > limitPercent * 100, manager == nil else { return }
        throw MemberRefusal.tierAboveLimitNeedsManager(tier: name, laborBasisPoints: laborBasisPoints, partsBasisPoints: partsBasisPoints,
                                                       limitPercent: limitPercent)
    }

    /// `regular` less `basisPoints`, rounded half-up once to the fen: 120.00 at 10% is 108.00.
    public static func memberPrice(_ regular: Money, basisPoints: Int) -> Money {
        Money(fen: FixedPoint.divideRoundingHalfUp(regular.fen * (10_000 - basisPoints), 10_000))
    }

    /// The labour rate a member pays.
    public func laborRate(_ regular: Money) -> Money { Self.memberPrice(regular, basisPoints: laborBasisPoints) }
    /// A part's unit price a member pays.
    public func partPrice(_ regular: Money) -> Money { Self.memberPrice(regular, basisPoints: partsBasisPoints) }

    /// The line at the member price, keeping the tier's name and the regular rate or unit price beside
    /// it. Untouched: other charges, customer-supplied parts (price 0), warranty work (charged
    /// nothing), and a kind the tier gives nothing on.
    public func priced(_ line: OrderLine) -> OrderLine {
        guard !line.covered else { return line }
        var priced = line
        switch line.kind {
        case .labor:
            guard let rate = line.rate, laborBasisPoints > 0 else { return line }
            priced.rate = laborRate(rate)
            priced.regularPrice = rate
        case .part:
            guard let price = line.unitPrice, price.fen > 0, line.partClass != .customer, partsBasisPoints > 0 else { return line }
            priced.unitPrice = partPrice(price)
            priced.regularPrice = price
        case .fee:
            return line
        }
        priced.memberTier = name
        priced.recomputeAmount()
        return priced
    }

    /// What the lists say a line costs a member: the part's list price and the labour rate at the
    /// member price (the standard hours as they are). The price-concession gate judges against this.
    public func reduced(_ list: ListPrice) -> ListPrice {
        ListPrice(partUnitPrice: list.partUnitPrice.map(partPrice), laborRate: list.laborRate.map(laborRate),
                  standardHours: list.standardHours)
    }

    /// "9 折", "95 折", "87.5 折": the share of the price a member pays, as a Chinese shop writes it
    /// (tenths when whole, else hundredths).
    public static func zhe(_ basisPoints: Int) -> String {
        let paid = 10_000 - basisPoints
        return (paid % 1000 == 0 ? String(paid / 1000) : FixedPoint.format(paid, scale: 2)) + " 折"
    }

    /// "10%", "7.5%".
    public static func percentText(_ basisPoints: Int) -> String { FixedPoint.format(basisPoints, scale: 2) + "%" }
}

extension OrderRecord {
    /// The tier whose member prices the order's lines get: that of the customer who pays the order
    /// (the one it is billed to, else the owner), and only while the customer pays it (payer owner):
    /// a claim on an insurer or a maker's warranty is priced at the list.
    public var memberTierName: String? {
        guard order.payer == .owner else { return nil }
        return payingCustomer.memberTier
    }

    /// What the member prices on the lines offered (or approved) saved (`MemberSavings.of`).
    public func memberSavings(tiers: [MemberTier]) -> [MemberSavings] { MemberSavings.of(offeredLines, tiers: tiers) }
}

/// What a member saved on an order under one tier: on labour, on parts; `pricedAt` is the tier as
/// it stands when it still gives the lines' prices (nil when it changed since they were priced).
public struct MemberSavings: Equatable, Sendable {
    public let tier: String
    public let labor: Money
    public let parts: Money
    public let pricedAt: MemberTier?
    public var total: Money { labor + parts }

    public init(tier: String, labor: Money, parts: Money, pricedAt: MemberTier?) {
        (self.tier, self.labor, self.parts, self.pricedAt) = (tier, labor, parts, pricedAt)
    }

    /// What the member prices among `lines` saved, by tier (a customer whose tier changed while the
    /// order was open may have two); warranty work and lines a member's card covers (charged nothing)
    /// count in none. `tiers`: the shop's tiers now, to say a tier's discounts only while they still
    /// give every line's price.
    public static func of(_ lines: [OrderLine], tiers: [MemberTier]) -> [MemberSavings] {
        let priced = lines.filter { !$0.covered && $0.cardID == nil && $0.status != .removed && $0.memberSaving != nil }
        var names: [String] = []
        for line in priced where !names.contains(line.memberTier!) { names.append(line.memberTier!) }
        return names.map { name in
            let own = priced.filter { $0.memberTier == name }
            let sum = { (kind: LineKind) in own.filter { $0.kind == kind }.reduce(Money.zero) { $0 + $1.memberSaving! } }
            let tier = tiers.first { $0.name == name }.flatMap { tier in own.allSatisfy { tier.priced($0.atRegularPrice) == $0 } ? tier : nil }
            return MemberSavings(tier: name, labor: sum(.labor), parts: sum(.part), pricedAt: tier)
        }
    }
}

extension OrderLine {
    /// What the line would cost at the regular rate or unit price, less what it costs: the member's
    /// saving on it. Nil for a line not at the member price.
    public var memberSaving: Money? {
        guard memberTier != nil, regularPrice != nil, kind != .fee else { return nil }
        return atRegularPrice.amount - amount
    }

    /// The line at its regular rate or unit price, as it was before the member price.
    public var atRegularPrice: OrderLine {
        guard memberTier != nil, let regular = regularPrice else { return self }
        var line = self
        switch kind {
        case .labor: line.rate = regular
        case .part: line.unitPrice = regular
        case .fee: return self
        }
        line.memberTier = nil
        line.regularPrice = nil
        line.recomputeAmount()
        return line
    }
}
