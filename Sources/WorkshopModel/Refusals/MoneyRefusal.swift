/// The money gates: a price below the list beyond the discount limit, a refund by another way than
/// the money came in, without a manager's sign-off.
public enum MoneyRefusal: Refusal, Equatable {
    public static let area = "money"

    /// A line priced below its list value (a part's list price, a labour operation's standard hours at
    /// the shop's rate) by more than the discount limit: a price concession, a manager's to give.
    case priceBelowList(line: String, given: Money, list: Money, limitPercent: Int)
    /// The same for a member's line: below the member price (the list less the tier's discount).
    case priceBelowMemberList(line: String, given: Money, memberList: Money, tier: String, limitPercent: Int)
    /// Lines priced below their (member) list within the limit (`lines`, worth `lineReductions` in
    /// all) and an order discount within it, together beyond the limit of the order's value at list:
    /// a manager's to give.
    case reductionsAboveLimit(lines: [Int], lineReductions: Money, discount: Money, valueAtList: Money, limitPercent: Int)
    /// A refund needs its reason on record.
    case refundNeedsReason
    /// A refund by a method the money did not come in by (or more than it brought in, net of earlier
    /// refunds): `paidBy` lists what each method paid, net.
    case refundMethodNeedsManager(refund: Money, method: PaymentMethod, available: Money, paidBy: [MethodAmount])
    /// Charging a private customer's order to account (挂账: the car leaves unpaid) is credit the shop
    /// gives: a manager's to give. A company, or an insurer or the maker paying, is billed on account.
    case accountNeedsManager(customer: String)
}

/// One payment method and an amount (what it paid net of refunds).
public struct MethodAmount: Equatable, Sendable {
    public let method: PaymentMethod
    public let amount: Money
    public init(_ method: PaymentMethod, _ amount: Money) { (self.method, self.amount) = (method, amount) }
}

/// Corrections of the record that lower what it says, and the clock: a manager's.
public enum CorrectionRefusal: Refusal, Equatable {
    public static let area = "correction"

    /// An odometer corrected down (below the reading standing) needs a manager's sign-off.
    case odometerDownNeedsManager(plate: String, given: Int, standing: Int)
    /// The clock of a late entry (补录) is set back, never ahead of the real time.
    case clockAhead(requested: Timestamp, real: Timestamp, toleranceMinutes: Int)
    /// A late entry about `order` dated before the order was checked in.
    case beforeCheckIn(requested: Timestamp, order: String, checkedInAt: Timestamp)
}
