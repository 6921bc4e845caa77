import SQLite
import WorkshopModel

/// The facts fixed on an order (006-facts-fixed-on-orders): the pricing terms it was signed or
/// declined under, and the warranty promised at its release.
extension Store {
    /// The terms and warranty fixed on an order, as the columns tax_rate_bp, prices_include_tax,
    /// labor_rate, discount_limit, warranty_km, warranty_days store them.
    static func fixedFactValues(_ order: RepairOrder) -> [SQLValue] {
        [SQLValue(order.terms?.taxRate.basisPoints), order.terms.map { SQLValue($0.pricesIncludeTax) } ?? .null,
         SQLValue(order.terms?.laborRate.fen), SQLValue(order.terms?.discountLimitPercent),
         SQLValue(order.warrantyTerm?.km), SQLValue(order.warrantyTerm?.days)]
    }
}

extension StoredCodes {
    /// The pricing terms fixed on an order: all four columns, or none (still estimating).
    func pricingTerms() throws -> PricingTerms? {
        let values = (row.optionalInt("tax_rate_bp"), row.optionalInt("prices_include_tax"), row.optionalInt("labor_rate"),
                      row.optionalInt("discount_limit"))
        guard let taxRate = values.0, let includes = values.1, let laborRate = values.2, let limit = values.3 else {
            if values == (nil, nil, nil, nil) { return nil }
            let columns = ["tax_rate_bp", "prices_include_tax", "labor_rate", "discount_limit"]
            let missing = [values.0, values.1, values.2, values.3].firstIndex(of: nil)!
            throw StoreRefusal.unknownCode(table: table, row: key, column: columns[missing], value: "NULL")
        }
        guard includes == 0 || includes == 1 else {
            throw StoreRefusal.unknownCode(table: table, row: key, column: "prices_include_tax", value: String(includes))
        }
        return PricingTerms(taxRate: TaxRate(basisPoints: taxRate), pricesIncludeTax: includes == 1,
                            laborRate: Money(fen: laborRate), discountLimitPercent: limit)
    }

    /// The warranty fixed on an order at release: both columns, or neither.
    func warrantyTerm() throws -> WarrantyTerm? {
        switch (row.optionalInt("warranty_km"), row.optionalInt("warranty_days")) {
        case (nil, nil): return nil
        case (let km?, let days?): return WarrantyTerm(km: km, days: days)
        case (nil, _): throw StoreRefusal.unknownCode(table: table, row: key, column: "warranty_km", value: "NULL")
        case (_, nil): throw StoreRefusal.unknownCode(table: table, row: key, column: "warranty_days", value: "NULL")
        }
    }
}
