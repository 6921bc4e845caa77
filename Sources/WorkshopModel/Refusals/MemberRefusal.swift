/// Member tiers and prices refused: each names the tier, the field or the customer in the way.
public enum MemberRefusal: Refusal, Equatable {
    public static let area = "member"

    /// No tier of this name: the shop's tiers are listed.
    case unknownTier(given: String, tiers: [String])
    /// "none" (无) ends a membership: it cannot name a tier.
    case reservedTierName(given: String)
    /// A tier is set with its discount on labour or parts (labor=…% parts=…%).
    case tierNeedsDiscount(tier: String)
    /// A tier's discount is below 100%.
    case discountTooHigh(field: String, basisPoints: Int)
    /// The tier already gives these discounts.
    case tierUnchanged(tier: String)
    /// The customer already has this tier (or, for none, no tier).
    case memberUnchanged(customer: String, tier: String?)
    /// A tier giving more than the advisor's discount limit is, for its member, a discount beyond it:
    /// a manager's to give.
    case tierAboveLimitNeedsManager(tier: String, laborBasisPoints: Int, partsBasisPoints: Int, limitPercent: Int)
}
