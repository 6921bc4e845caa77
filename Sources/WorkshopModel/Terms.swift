/// The shop's pricing terms an order is signed under: the tax, whether prices include it, the labour
/// rate and the advisor's discount limit. Fixed on the order when the customer signs (or declines),
/// so that changing a setting later changes the future only, never what was signed, charged or paid.
public struct PricingTerms: Hashable, Sendable {
    public var taxRate: TaxRate
    public var pricesIncludeTax: Bool
    public var laborRate: Money
    /// An advisor's largest discount without a manager, in percent.
    public var discountLimitPercent: Int

    public init(taxRate: TaxRate, pricesIncludeTax: Bool, laborRate: Money, discountLimitPercent: Int) {
        self.taxRate = taxRate
        self.pricesIncludeTax = pricesIncludeTax
        self.laborRate = laborRate
        self.discountLimitPercent = discountLimitPercent
    }

    /// The tax on a subtotal under these terms.
    public func taxed(_ subtotal: Money) -> TaxedTotal {
        TaxedTotal(subtotal: subtotal, rate: taxRate, pricesIncludeTax: pricesIncludeTax)
    }
}

extension ShopSettings {
    /// The terms in force now: what a new order is estimated and signed under.
    public var pricingTerms: PricingTerms {
        PricingTerms(taxRate: taxRate, pricesIncludeTax: pricesIncludeTax, laborRate: laborRate,
                     discountLimitPercent: advisorDiscountLimitPercent)
    }
}
