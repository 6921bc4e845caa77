/// A member's card refused what was asked of it. Each names the card and what stands in the way.
public enum CardRefusal: Refusal, Equatable {
    public static let area = "card"

    /// No card has this number.
    case unknownCard(card: String)
    /// Paying from a card that is not a stored-value card.
    case notStoredValue(card: String)
    /// A count card's use (or uses adjusted) on a card that is not a count card.
    case notCountCard(card: String)
    /// The card was refunded: nothing moves on it any more.
    case closed(card: String, at: Timestamp)
    /// The card's last day has passed: it covers and pays nothing.
    case expired(card: String, expiredAt: Timestamp)
    /// More than the card holds: its paid-in and bonus balances.
    case aboveBalance(card: String, amount: Money, paidIn: Money, bonus: Money)
    /// A count card covers another job.
    case jobNotCovered(card: String, job: String, covers: String)
    case noUsesLeft(card: String)
    /// A count card's last day must be after its sale.
    case untilPassed(until: Timestamp)
    /// A card is sold for money, never charged to an account.
    case soldOnAccount
    case needsReason(card: String)
    case refundNeedsManager(card: String)
    case adjustNeedsManager(card: String)
    case adjustNothing(card: String)
    case adjustBelowZero(card: String, paidIn: Money, uses: Int)
    case nothingLeft(card: String)
    /// The card belongs to another customer than the order's.
    case otherCustomer(card: String, holder: String, order: String)
    /// `card=` names the card a payment is taken from: only with method=card.
    case cardNeedsMethod
    /// A card pays one order at a time, an amount given.
    case cardPaysOneOrder
    /// Count cards (次卡) are not sold yet: only stored-value cards.
    case countCardsNotSold
    /// A count card's line is one use: quantity 1 of the covered job.
    case lineNotCoverable(order: String, line: Int)
}
