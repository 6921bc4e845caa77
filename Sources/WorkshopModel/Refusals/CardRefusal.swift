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
    /// A card past its last day is not refunded: its paid-in left is earned.
    case refundAfterExpiry(card: String, expiredAt: Timestamp)
    /// A line worth more than one use (the operation's standard hours at the order's rate).
    case lineAboveOneUse(order: String, line: Int, value: Money, use: Money)
    /// A covered line's work or price is not changed while the card covers it.
    case coveredLineChanged(order: String, line: Int, card: String)
    /// A count card or package sold below its uses' list value by more than card_bonus_limit.
    case priceBelowListNeedsManager(price: Money, listValue: Money, limitPercent: Int)
    /// More than the card holds: its paid-in and bonus balances.
    case aboveBalance(card: String, amount: Money, paidIn: Money, bonus: Money)
    /// A count card covers another job.
    case jobNotCovered(card: String, job: String, covers: String)
    /// No use of the job left that no open order holds: how many are left, and the covers holding them.
    case noUsesLeft(card: String, job: String, left: Int, heldBy: [String])
    /// A count card's last day must be after its sale.
    case untilPassed(until: Timestamp)
    /// A card is sold for money, never charged to an account.
    case soldOnAccount
    /// A bonus above the shop's card_bonus_limit (percent of the amount paid in) needs a manager.
    case bonusNeedsManager(bonus: Money, amount: Money, limitPercent: Int)
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
    /// A count card's cover is for a line offered or approved (not declined or removed).
    case lineNotCoverable(order: String, line: Int)
    /// The line is covered by a card already.
    case lineAlreadyCovered(order: String, line: Int, card: String)
    /// The line is warranty work: free already.
    case lineUnderWarranty(order: String, line: Int)
    /// `ro uncover` on a line no card covers.
    case lineNotCovered(order: String, line: Int)
    /// Open orders hold uses of the card (lines covered, not yet released): it is not refunded
    /// until the covers come off or the orders are released.
    case usesHeld(card: String, orders: [String])
    /// A refund to a card (`refund … method=card card=K…`) of an order the card did not pay.
    case cardDidNotPay(card: String, order: String)
    /// A refund to a card of more than the card paid on the order, net of what went back to it.
    case refundAboveCardPaid(card: String, refund: Money, paid: Money)
    /// Money asked back for an order members' cards paid: it goes back to the cards.
    case refundGoesToCard(order: String, cards: [CardAmount])
    /// A package's item by number: there is none of that number.
    case noSuchItem(card: String, item: Int, items: [Int])
    /// A package has several jobs: say which one (item=N).
    case itemNeeded(card: String, items: [String])
    /// A count card or package is sold with its jobs (job= times=, or jobs=CODE:N,…).
    case jobsNeeded
    /// A count card covers one job; several are a package (type=package).
    case countCardOneJob(jobs: [String])
    case timesOutOfRange(job: String, given: Int, maximum: Int)
    /// Two jobs of one card cover the same labour operation.
    case jobTwice(operation: String, jobs: [String])
    /// No canned job or labour operation has this code: the nearest codes.
    case unknownJob(code: String, nearest: [String])
    /// An option that belongs to another kind of card (bonus= on a count card, job= on a stored-value one).
    case optionNotFor(option: String, kind: CardKind)
    /// A count card or package is sold with its last day (until=).
    case untilNeeded
    /// A canned job without labour: no line of an order could be it.
    case jobWithoutLabor(job: String)
    /// `uses=` given on a stored-value card, or a count card sold with amount= instead of price=.
    case priceNeeded
}

/// A member's card and an amount (what it paid on an order, net of what went back to it).
public struct CardAmount: Equatable, Sendable {
    public let card: String
    public let amount: Money
    public init(_ card: String, _ amount: Money) { (self.card, self.amount) = (card, amount) }
}
