/// Members' cards (会员卡): money and uses the shop owes its customers, kept like money.
///
/// A **stored-value card** (储值卡) holds what the customer paid in and the bonus the shop added
/// (1,000.00 paid in + 100.00 bonus). Paying from it takes the **paid-in balance first, then the
/// bonus**; it never goes below zero. Refunded, it gives back the paid-in balance left (the money
/// the customer paid that the card has not spent); the bonus left is forfeited.
///
/// A **count card** (次卡) covers a number of uses of one job or labour operation until a date
/// (10 washes for 300.00 until 2027-11-30); a **package** (套餐卡) is the same with several jobs, each
/// with its number of uses, and one expiry (4 × 一级维护 + 2 × 四轮定位 for 1,200.00). Both are a card
/// with items (`CardItem`): a count card has one. The price is paid in and split over the items
/// (`CardRules.splitPrice`); each use consumes an even share of its item's paid-in left (the
/// paid-in left divided by the uses left, rounded half-up; the last use takes the rest), so that
/// the paid-in balance is always the money not yet earned. An expired card covers nothing; a card
/// that is not a stored-value card pays nothing.
///
/// Every change of a card is a movement (sale, use, refund, adjustment, expiry); a card's balance
/// is always the sum of its movements (`verify` checks it).
public enum CardKind: String, Vocabulary {
    case stored, count, package
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .stored: return "储值卡"
        case .count: return "次卡"
        case .package: return "套餐卡"
        }
    }
    public var english: String {
        switch self {
        case .stored: return "stored-value card"
        case .count: return "count card"
        case .package: return "package"
        }
    }
    public var aliases: [String] {
        switch self {
        case .stored: return ["储值", "value"]
        case .count: return ["计次", "times"]
        case .package: return ["套餐", "bundle"]
        }
    }
    /// Count cards and packages cover jobs on orders; a stored-value card pays money.
    public var coversJobs: Bool { self != .stored }
}

/// What a card holds: paid-in money, bonus money, uses (a count card).
public struct CardBalance: Hashable, Sendable {
    public var paidIn: Money
    public var bonus: Money
    public var uses: Int

    public init(paidIn: Money = .zero, bonus: Money = .zero, uses: Int = 0) {
        (self.paidIn, self.bonus, self.uses) = (paidIn, bonus, uses)
    }

    public static let zero = CardBalance()
    /// What a stored-value card can still pay: paid-in and bonus.
    public var total: Money { paidIn + bonus }
    public var isEmpty: Bool { paidIn.fen == 0 && bonus.fen == 0 && uses == 0 }

    public static func + (lhs: CardBalance, rhs: CardBalance) -> CardBalance {
        CardBalance(paidIn: lhs.paidIn + rhs.paidIn, bonus: lhs.bonus + rhs.bonus, uses: lhs.uses + rhs.uses)
    }
    public static prefix func - (value: CardBalance) -> CardBalance {
        CardBalance(paidIn: Money(fen: -value.paidIn.fen), bonus: Money(fen: -value.bonus.fen), uses: -value.uses)
    }
}

/// One job a count card or package covers: the code sold (a canned job or a labour operation), the
/// labour operations a covered line may be (the job's, as they were at the sale), the uses sold and
/// its part of the price; and what is left of both.
public struct CardItem: Hashable, Sendable {
    /// 1, 2, … in the order sold.
    public var number: Int
    public var job: String
    public var name: String
    public var operations: [String]
    public var times: Int
    /// Its part of the card's price (`CardRules.splitPrice`).
    public var price: Money
    /// Left: uses, and the paid-in money they stand for.
    public var uses: Int
    public var paidIn: Money

    public init(number: Int, job: String, name: String, operations: [String], times: Int, price: Money, uses: Int? = nil, paidIn: Money? = nil) {
        (self.number, self.job, self.name, self.operations, self.times, self.price) = (number, job, name, operations, times, price)
        (self.uses, self.paidIn) = (uses ?? times, paidIn ?? price)
    }

    /// Whether a labour line of `operation` is this job.
    public func covers(operation: String) -> Bool { operations.contains { $0.uppercased() == operation.uppercased() } }
}

/// A card as sold, with its balance now.
public struct MemberCard: Hashable, Sendable {
    public var id: Int
    public var customerID: Int
    public var kind: CardKind
    public var balance: CardBalance
    /// What the customer paid for it (the stored amount, or the count card's price).
    public var paid: Money
    /// The bonus the shop added at the sale (a stored-value card).
    public var bonusGiven: Money
    /// A count card's or package's jobs, with their uses left; none on a stored-value card.
    public var items: [CardItem]
    /// The first instant the card is no longer valid (the start of the day after its last day).
    public var expiresAt: Timestamp?
    public var soldAt: Timestamp
    public var soldBy: String
    /// Refunded, or expired with its rest forfeited: nothing more moves on it.
    public var closedAt: Timestamp?

    public init(id: Int, customerID: Int, kind: CardKind, balance: CardBalance, paid: Money, bonusGiven: Money = .zero,
                items: [CardItem] = [], expiresAt: Timestamp? = nil, soldAt: Timestamp, soldBy: String, closedAt: Timestamp? = nil) {
        (self.id, self.customerID, self.kind, self.balance, self.paid, self.bonusGiven) = (id, customerID, kind, balance, paid, bonusGiven)
        (self.items, self.expiresAt, self.soldAt, self.soldBy, self.closedAt) = (items, expiresAt, soldAt, soldBy, closedAt)
    }

    public var number: String { Self.number(id) }
    public static func number(_ id: Int) -> String { "K\(id)" }
    /// "K3", "k3" → 3.
    public static func id(_ text: String) -> Int? {
        let upper = text.uppercased()
        guard upper.hasPrefix("K"), let id = Int(upper.dropFirst()), id > 0 else { return nil }
        return id
    }

    public func isExpired(at now: Timestamp) -> Bool { expiresAt.map { now >= $0 } ?? false }

    /// The uses sold, all items together.
    public var times: Int { items.reduce(0) { $0 + $1.times } }

    /// The item that covers a labour line of `operation`, if any.
    public func item(covering operation: String) -> CardItem? { items.first { $0.covers(operation: operation) } }

    /// The card after `movement`, as the store records it: the balance moves; a use or an adjustment
    /// of an item moves that item; a refund or an expiry takes everything and closes the card. (The
    /// sale makes the card: its items are created with their uses and price.)
    public func applying(_ movement: CardMovement) -> MemberCard {
        var card = self
        card.balance = balance + movement.change
        if let number = movement.item, let index = items.firstIndex(where: { $0.number == number }) {
            card.items[index].uses += movement.change.uses
            card.items[index].paidIn += movement.change.paidIn
        }
        if movement.kind == .refund || movement.kind == .expire {
            card.closedAt = movement.at
            for index in card.items.indices { (card.items[index].uses, card.items[index].paidIn) = (0, .zero) }
        }
        return card
    }
}

/// What moved a card.
public enum CardMovementKind: String, CaseIterable, Sendable {
    case sale, use, refund, adjust, expire
}

/// One movement of a card: the change of each part of its balance (negative when taken), with what
/// it is linked to (the order and line it paid or covered, the money's method) and why.
public struct CardMovement: Hashable, Sendable {
    public var kind: CardMovementKind
    public var change: CardBalance
    public var orderID: Int?
    public var line: Int?
    /// The item of a count card or package a use or an adjustment moved.
    public var item: Int?
    /// Money that came in or went out at the desk for it (a sale, a refund): how.
    public var method: PaymentMethod?
    public var amount: Money?
    public var reference: String?
    public var reason: String?
    public var authorizedBy: String?
    public var at: Timestamp
    public var by: String

    public init(kind: CardMovementKind, change: CardBalance, orderID: Int? = nil, line: Int? = nil, item: Int? = nil,
                method: PaymentMethod? = nil, amount: Money? = nil, reference: String? = nil, reason: String? = nil,
                authorizedBy: String? = nil, at: Timestamp, by: String) {
        (self.kind, self.change, self.orderID, self.line, self.item, self.method, self.amount) = (kind, change, orderID, line, item, method, amount)
        (self.reference, self.reason, self.authorizedBy, self.at, self.by) = (reference, reason, authorizedBy, at, by)
    }
}

/// The rules of the cards, as pure functions: each gate refuses with a `CardRefusal` or gives the
/// movement to record. (Count cards' and packages' own rules: CountCards.swift.)
public enum CardRules {
    /// Selling a stored-value card: `amount` paid in (above zero), `bonus` added (zero or more). It
    /// expires only when sold with a last day (`expiresAt`, after the sale).
    /// A bonus above `bonusLimitPercent` of the amount (the shop's card_bonus_limit) is money given
    /// away beyond what a cashier may give: a manager's (`authorizedBy`, kept on the sale).
    public static func sellStored(amount: Money, bonus: Money, method: PaymentMethod, reference: String?, expiresAt: Timestamp? = nil,
                                  bonusLimitPercent: Int, authorizedBy manager: String? = nil,
                                  at now: Timestamp, by: String) throws -> CardMovement {
        guard amount.fen > 0 else { throw InputRefusal.mustBePositive(field: "amount", given: amount.plain) }
        guard method != .account else { throw CardRefusal.soldOnAccount }
        if let expiresAt, expiresAt <= now { throw CardRefusal.untilPassed(until: expiresAt) }
        let aboveLimit = bonus.fen * 100 > amount.fen * bonusLimitPercent
        if aboveLimit && manager == nil {
            throw CardRefusal.bonusNeedsManager(bonus: bonus, amount: amount, limitPercent: bonusLimitPercent)
        }
        return CardMovement(kind: .sale, change: CardBalance(paidIn: amount, bonus: bonus), method: method, amount: amount,
                            reference: reference, authorizedBy: aboveLimit ? manager : nil, at: now, by: by)
    }

    /// A card that can move at `now`: not closed, not expired.
    public static func ensureOpen(_ card: MemberCard, at now: Timestamp) throws {
        if card.isExpired(at: now), let expiry = card.expiresAt { throw CardRefusal.expired(card: card.number, expiredAt: expiry) }
        if let closed = card.closedAt { throw CardRefusal.closed(card: card.number, at: closed) }
    }

    /// Paying `amount` from a stored-value card: paid-in first, then bonus; never more than it holds.
    public static func pay(_ amount: Money, from card: MemberCard, orderID: Int, at now: Timestamp, by: String) throws -> CardMovement {
        guard card.kind == .stored else { throw CardRefusal.notStoredValue(card: card.number) }
        try ensureOpen(card, at: now)
        guard amount.fen > 0 else { throw InputRefusal.mustBePositive(field: "amount", given: amount.plain) }
        guard amount <= card.balance.total else {
            throw CardRefusal.aboveBalance(card: card.number, amount: amount, paidIn: card.balance.paidIn, bonus: card.balance.bonus)
        }
        return CardMovement(kind: .use, change: -split(amount, of: card.balance), orderID: orderID, amount: amount, at: now, by: by)
    }

    /// How a payment of `amount` is taken from a balance: paid-in first, then bonus.
    public static func split(_ amount: Money, of balance: CardBalance) -> CardBalance {
        let fromPaidIn = Money(fen: min(amount.fen, balance.paidIn.fen))
        return CardBalance(paidIn: fromPaidIn, bonus: amount - fromPaidIn)
    }

    /// What a refund of the card pays back: the paid-in balance left; the bonus left is forfeited.
    public static func refundAmount(_ balance: CardBalance) -> Money { balance.paidIn }

    /// Refunding a card: pays back the paid-in balance left (by `method`), forfeits the rest, closes
    /// the card. Always with a reason; a cashier needs a manager's sign-off. Never while an open
    /// order holds a use of it (`heldBy`: those orders): the cover comes off first.
    public static func refund(_ card: MemberCard, method: PaymentMethod, reference: String?, reason: String?, authorizedBy manager: String?,
                              heldBy: [String] = [], at now: Timestamp, by: String) throws -> CardMovement {
        if let closed = card.closedAt { throw CardRefusal.closed(card: card.number, at: closed) }
        guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw CardRefusal.needsReason(card: card.number) }
        guard manager != nil else { throw CardRefusal.refundNeedsManager(card: card.number) }
        guard method != .account else { throw CardRefusal.soldOnAccount }
        guard heldBy.isEmpty else { throw CardRefusal.usesHeld(card: card.number, orders: heldBy) }
        guard !card.balance.isEmpty else { throw CardRefusal.nothingLeft(card: card.number) }
        // Past its last day the paid-in left is earned (counted as expired in that month's report):
        // paying it out now would take back money on record as the shop's, and rewrite that month.
        if card.isExpired(at: now), let expiry = card.expiresAt { throw CardRefusal.refundAfterExpiry(card: card.number, expiredAt: expiry) }
        return CardMovement(kind: .refund, change: -card.balance, method: method, amount: refundAmount(card.balance),
                            reference: reference, reason: reason, authorizedBy: manager, at: now, by: by)
    }

    /// An adjustment by a manager, with a reason: of the paid-in balance (`amount`, ±) or of the
    /// uses (`uses`, ±); never below zero, nor below the uses open orders hold. On a count card or
    /// package it moves one item (`item`; the only one when it has one).
    public static func adjust(_ card: MemberCard, amount: Money?, uses: Int?, item number: Int? = nil, held: [Int: Int] = [:],
                              reason: String?, authorizedBy manager: String?, at now: Timestamp, by: String) throws -> CardMovement {
        if let closed = card.closedAt { throw CardRefusal.closed(card: card.number, at: closed) }
        guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw CardRefusal.needsReason(card: card.number) }
        guard manager != nil else { throw CardRefusal.adjustNeedsManager(card: card.number) }
        let change = CardBalance(paidIn: amount ?? .zero, uses: uses ?? 0)
        guard !change.isEmpty else { throw CardRefusal.adjustNothing(card: card.number) }
        if uses != nil && !card.kind.coversJobs { throw CardRefusal.notCountCard(card: card.number) }
        var item: CardItem?
        if card.kind.coversJobs {
            if let number {
                guard let found = card.items.first(where: { $0.number == number }) else {
                    throw CardRefusal.noSuchItem(card: card.number, item: number, items: card.items.map(\.number))
                }
                item = found
            } else if card.items.count == 1 {
                item = card.items[0]
            } else {
                throw CardRefusal.itemNeeded(card: card.number, items: card.items.map { "\($0.number) \($0.job)" })
            }
        }
        let after = card.balance + change
        guard after.paidIn.fen >= 0, after.uses >= 0 else {
            throw CardRefusal.adjustBelowZero(card: card.number, paidIn: card.balance.paidIn, uses: card.balance.uses)
        }
        if let item {
            let held = held[item.number] ?? 0
            guard item.paidIn.fen + change.paidIn.fen >= 0, item.uses + change.uses >= held else {
                throw CardRefusal.adjustBelowZero(card: card.number, paidIn: item.paidIn, uses: item.uses - held)
            }
        }
        return CardMovement(kind: .adjust, change: change, item: item?.number, reason: reason, authorizedBy: manager, at: now, by: by)
    }

    /// The expiry of a card past its last day with something left: all that is left is forfeited
    /// (the paid-in left is earned: revenue, "expired"). Dated at the expiry itself — the start of
    /// the day after the last day — whenever it is written, so that the month it falls in counts it.
    /// A card used up expires too, forfeiting nothing: it is closed. Nil when the card is closed or
    /// not yet expired, and while an open order holds a use of it (`held`): a line covered while the
    /// card was valid is used at its settlement, and the rest expires after.
    public static func expire(_ card: MemberCard, held: Int = 0, at now: Timestamp, by: String) -> CardMovement? {
        guard card.closedAt == nil, card.isExpired(at: now), let expiry = card.expiresAt, held == 0 else { return nil }
        return CardMovement(kind: .expire, change: -card.balance, at: expiry, by: by)
    }
}

/// The cards' figures of a period, and the liability at its end.
public struct CardFigures: Hashable, Sendable {
    public var soldPaidIn = Money.zero
    public var soldBonus = Money.zero
    public var cardsSold = 0
    /// Taken from cards to pay orders (stored value) or by count-card uses: paid-in and bonus.
    public var consumedPaidIn = Money.zero
    public var consumedBonus = Money.zero
    /// Count cards' and packages' uses, and the paid-in money they consumed (part of `consumedPaidIn`).
    public var uses = 0
    public var usesValue = Money.zero
    /// Paid back at refunds, and the bonus forfeited by them.
    public var refunded = Money.zero
    public var refundForfeitedBonus = Money.zero
    /// Forfeited at expiry: paid-in and bonus (counted in the month the card expired, whenever its
    /// expiry was written: `CardRules.expire`).
    public var expiredPaidIn = Money.zero
    public var expiredBonus = Money.zero
    public var adjusted = Money.zero
    /// The paid-in money held on every card at the end of the period: what the shop owes.
    public var outstandingPaidIn = Money.zero
    public var outstandingBonus = Money.zero
    /// One site's figures in a chain: the movements made at its desk (cards sold, used, refunded,
    /// adjusted there). Expiries and what the cards hold are the chain's (a card is the customer's
    /// at every site): in the chain's report only.
    public var ofOneSite = false

    public init() {}

    public var isEmpty: Bool {
        var empty = CardFigures()
        empty.ofOneSite = ofOneSite
        return self == empty
    }

    /// What stored-value cards paid on orders: paid-in and bonus, less what count-card uses consumed.
    public var storedSpent: Money { consumedPaidIn - usesValue + consumedBonus }
}

/// A card at the cash desk.
extension OrderRecord {
    /// Paying the order from a member's stored-value card: the card must be its owner's or its
    /// payer's; at most what is payable on the order and what the card holds (paid-in first, then
    /// bonus). Gives the payment (method card, naming the card) and the card's movement.
    public func pay(_ amount: Money, from card: MemberCard, holder: String, by: String, at now: Timestamp, payments: [Payment],
                    current: PricingTerms) throws -> (change: OrderChange, movement: CardMovement) {
        try ensureChargeable()
        guard card.customerID == customer.id || card.customerID == payingCustomer.id else {
            throw CardRefusal.otherCustomer(card: card.number, holder: holder, order: order.number)
        }
        guard amount.fen > 0 else { throw InputRefusal.mustBePositive(field: "amount", given: amount.plain) }
        let payable = settlement(payments: payments, current: current).payable(by: .card)
        guard amount <= payable else { throw OrderRefusal.cardPaymentAboveBalance(order: order.number, balance: payable) }
        let movement = try CardRules.pay(amount, from: card, orderID: order.id, at: now, by: by)
        var change = OrderChange(order, .paymentAdd, [("amount", .string(amount.plain)), ("method", .string(PaymentMethod.card.code)),
                                                      ("card", .string(card.number)),
                                                      ("from_paid_in", .string(Money(fen: -movement.change.paidIn.fen).plain)),
                                                      ("from_bonus", .string(Money(fen: -movement.change.bonus.fen).plain))])
        change.payment = Payment(amount: amount, method: .card, at: now, by: by, card: card.id)
        return (change, movement)
    }

    /// An overpayment goes back to the stored-value card that paid it (退回储值卡), never out as money
    /// (cash back for card money turns the bonus into cash): at most the overpayment and what the card
    /// paid on this order net of what went back to it (`payments`); back to the bonus first, up to the
    /// bonus this order's card payments took (`taken`: their movements, as the card's own record has
    /// them), then to the paid-in — the reverse of how a payment takes it. Always with a reason.
    public func refund(_ amount: Money, to card: MemberCard, taken: [CardMovement], reason: String?, by: String, at now: Timestamp,
                       payments: [Payment], current: PricingTerms) throws -> (change: OrderChange, movement: CardMovement) {
        try ensureChargeable()
        guard amount.fen > 0 else { throw InputRefusal.mustBePositive(field: "amount", given: amount.plain) }
        guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw MoneyRefusal.refundNeedsReason }
        let balance = settlement(payments: payments, current: current).balance
        guard balance.fen < 0 else { throw OrderRefusal.nothingToRefund(order: order.number, balance: balance) }
        guard amount.fen <= -balance.fen else { throw OrderRefusal.refundAboveOverpayment(refund: amount, overpaid: Money(fen: -balance.fen)) }
        let paid = Gate.paidByCard(payments).first { $0.card == card.id }?.amount ?? .zero
        guard paid.fen > 0 else { throw CardRefusal.cardDidNotPay(card: card.number, order: order.number) }
        guard amount <= paid else { throw CardRefusal.refundAboveCardPaid(card: card.number, refund: amount, paid: paid) }
        if let closed = card.closedAt { throw CardRefusal.closed(card: card.number, at: closed) }
        // Net of this order's movements on the card: what its payments took of the bonus, less what went back.
        let bonusTaken = -taken.filter { $0.orderID == order.id && $0.kind == .use && $0.item == nil }.reduce(0) { $0 + $1.change.bonus.fen }
        let toBonus = Money(fen: min(amount.fen, max(0, bonusTaken)))
        let back = CardBalance(paidIn: amount - toBonus, bonus: toBonus)
        let movement = CardMovement(kind: .use, change: back, orderID: order.id, amount: Money(fen: -amount.fen), reason: reason, at: now, by: by)
        var change = OrderChange(order, .paymentRefund, [("amount", .string(amount.plain)), ("method", .string(PaymentMethod.card.code)),
                                                         ("card", .string(card.number)), ("to_paid_in", .string(back.paidIn.plain)),
                                                         ("to_bonus", .string(back.bonus.plain)), ("reason", .string(reason))])
        change.payment = Payment(amount: Money(fen: -amount.fen), method: .card, at: now, by: by, card: card.id)
        return (change, movement)
    }
}
