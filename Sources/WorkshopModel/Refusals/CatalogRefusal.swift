/// The price lists and the stock: parts, labour operations, canned jobs.
public enum CatalogRefusal: Refusal, Equatable {
    public static let area = "catalog"

    case unknownPart(partNumber: String)
    /// A part number typed for a line is not on the price list but near ones are: a typing slip, or
    /// a part the shop does not list (`unlisted=yes` says so).
    case partNumberNotListed(given: String, similar: [String])
    /// `unlisted=yes` on a part that is on the price list.
    case partIsListed(partNumber: String)
    /// A part the price list counts in pieces (its unit 件, 套…) given a quantity with a fraction.
    case partCountedInWholes(partNumber: String, unit: String, given: Quantity)
    /// A part typed in words whose name is a listed part's (`Gate.catalogueName`): it is entered by
    /// its number, or said to be another part with `unlisted=yes`.
    case nameIsListedPart(name: String, partNumber: String, listPrice: Money, order: String, supplement: Bool)
    /// Labour typed in words whose name is a labour operation's: entered by its code, or described
    /// otherwise, or said to be other work with `unlisted=yes`.
    case nameIsListedLabor(name: String, code: String, standardHours: Hours, order: String, supplement: Bool)
    /// `unlisted=yes` with a labour operation's code.
    case laborIsListed(code: String)
    /// A part number has up to 40 characters, without spaces, commas or colons.
    case badPartNumber(given: String)
    /// A new part needs its name.
    case nameNeeded(partNumber: String)
    /// A new part needs its price.
    case priceNeeded(partNumber: String)
    /// class=customer is for a part the customer brings, never for the stock.
    case customerPartNotStocked
    /// stock= is the opening stock of a new part; a listed part's stock changes by receipts and adjustments.
    case alreadyStocked(partNumber: String, onHand: Quantity)
    /// The count is what is on hand already.
    case countMatches(partNumber: String, onHand: Quantity)
    /// No issued part sits on a line no longer billed.
    case nothingToReturn(order: String)
    case unknownJob(code: String)
    case unknownLaborOperation(code: String, job: String)
    /// A canned job has labour or parts (or both).
    case jobNeedsWork(code: String)
    /// A labour code: letters, digits, - _ . (up to 20).
    case badLaborCode(given: String)
    /// The diagnostic fee's code.
    case reservedLaborCode(code: String)
}
