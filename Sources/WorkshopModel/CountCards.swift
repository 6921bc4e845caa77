/// Count cards (次卡) and packages (套餐卡): sold with their jobs, covering job lines on orders,
/// used at the order's settlement.
///
/// **How a line is covered.** The cashier or advisor says which line a card covers (`ro cover RO12
/// 2 card=K5`): a labour line whose operation is one of the card's jobs, on an order of the card's
/// holder (its owner, or the customer it is billed to). The line stays on the order — its work is
/// done and counted as work — but its price is off the bill: the settlement lists it as covered by
/// the card and charges nothing for it. Covering takes nothing from the card yet: it **holds** a
/// use, which no other order can then take. The use is taken when the order is released (交车, the
/// settlement list numbered): the work is delivered, the paid-in money it consumes is earned. An
/// order declined or voided, a line removed or declined, a cover taken off — none of them took
/// anything, so nothing needs giving back, and the card's balance is at every moment the uses and
/// money the shop still owes (no use taken for work that may never be done).
public struct CardItemSale: Hashable, Sendable {
    /// The code sold: a canned job (J-WASH) or a labour operation (ALN-01).
    public var job: String
    public var name: String
    /// The labour operations a covered line may be: the job's, or the operation itself.
    public var operations: [String]
    public var times: Int
    /// What one use is worth at the shop's list prices at the sale: the operations' standard hours at
    /// the labour rate, and a canned job's parts at their list prices. Only the split of a package's
    /// price over its jobs depends on it.
    public var listValue: Money

    public init(job: String, name: String, operations: [String], times: Int, listValue: Money) {
        (self.job, self.name, self.operations, self.times, self.listValue) = (job, name, operations, times, listValue)
    }
}

extension CardRules {
    /// The most uses one job of a card may be sold with.
    public static let maximumTimes = 1_000

    /// Selling a count card (one job) or a package (several): each job with its uses (1 to 1,000),
    /// for `price` (above zero), valid until `expiresAt` (after the sale). No labour operation may be
    /// covered by two of its jobs (which job a covered line uses must be plain). Gives the sale and
    /// the card's items, the price split over them (`splitPrice`).
    /// Sold below the uses' list value by more than `giftLimitPercent` (the shop's card_bonus_limit:
    /// what a cashier may give away on a card), it is a manager's (`authorizedBy`, kept on the sale) —
    /// as a bonus on a stored-value card is.
    public static func sellCount(kind: CardKind, items sold: [CardItemSale], price: Money, expiresAt: Timestamp, method: PaymentMethod,
                                 reference: String?, giftLimitPercent: Int, authorizedBy manager: String? = nil,
                                 at now: Timestamp, by: String) throws -> (sale: CardMovement, items: [CardItem]) {
        guard kind.coversJobs, !sold.isEmpty else { throw CardRefusal.jobsNeeded }
        if kind == .count && sold.count > 1 { throw CardRefusal.countCardOneJob(jobs: sold.map(\.job)) }
        for item in sold where item.times <= 0 || item.times > maximumTimes {
            throw CardRefusal.timesOutOfRange(job: item.job, given: item.times, maximum: maximumTimes)
        }
        var seen: [String: String] = [:]
        for item in sold {
            for operation in item.operations {
                if let other = seen[operation.uppercased()] { throw CardRefusal.jobTwice(operation: operation, jobs: [other, item.job]) }
                seen[operation.uppercased()] = item.job
            }
        }
        guard price.fen > 0 else { throw InputRefusal.mustBePositive(field: "price", given: price.plain) }
        guard expiresAt > now else { throw CardRefusal.untilPassed(until: expiresAt) }
        guard method != .account else { throw CardRefusal.soldOnAccount }
        let listValue = sold.reduce(0) { $0 + $1.times * $1.listValue.fen }
        let belowLimit = price.fen * 100 < listValue * (100 - giftLimitPercent)
        if belowLimit && manager == nil {
            throw CardRefusal.priceBelowListNeedsManager(price: price, listValue: Money(fen: listValue), limitPercent: giftLimitPercent)
        }
        let prices = splitPrice(price, over: sold.map { ($0.times, $0.listValue) })
        let items = sold.enumerated().map { index, item in
            CardItem(number: index + 1, job: item.job, name: item.name, operations: item.operations, times: item.times, price: prices[index])
        }
        let uses = sold.reduce(0) { $0 + $1.times }
        return (CardMovement(kind: .sale, change: CardBalance(paidIn: price, uses: uses), method: method, amount: price,
                             reference: reference, authorizedBy: belowLimit ? manager : nil, at: now, by: by), items)
    }

    /// A package's price over its jobs, in fen: each job but the last gets the price in proportion to
    /// its list value at the sale (uses × the list value of one use), rounded down to the fen; the
    /// last job gets the rest, so that the parts add up to the price exactly. Jobs without a list
    /// value (every one worth nothing on the lists) share it in proportion to their uses instead.
    /// 1,200.00 over 4 × 96.00 and 2 × 120.00 (384.00 and 240.00 of 624.00): 738.46 and 461.54.
    public static func splitPrice(_ price: Money, over items: [(times: Int, listValue: Money)]) -> [Money] {
        guard !items.isEmpty else { return [] }
        var weights = items.map { $0.times * $0.listValue.fen }
        if weights.reduce(0, +) == 0 { weights = items.map(\.times) }
        let whole = weights.reduce(0, +)
        var parts = weights.dropLast().map { Money(fen: price.fen * $0 / whole) }
        parts.append(price - parts.reduce(Money.zero, +))
        return parts
    }

    /// The paid-in money one use of an item consumes: its paid-in left over its uses left, rounded
    /// down to the fen; the last use takes all that is left. 300.00 over 10 uses: 30.00 each; 100.00
    /// over 3: 33.33, 33.33, 33.34 — the uses always add up to the price.
    public static func useShare(_ item: CardItem) -> Money {
        guard item.uses > 0 else { return .zero }
        return Money(fen: item.paidIn.fen / item.uses)
    }

    /// The use a covered line takes at its order's settlement (release): one use of the item whose
    /// job the line is, with its share of that item's paid-in money. The card's expiry is not asked
    /// again — the cover was made while it was valid and held the use since — but a card closed
    /// (refunded) or an item used up is refused, as a last guard.
    public static func use(_ card: MemberCard, line: OrderLine, orderID: Int, at now: Timestamp, by: String) throws -> CardMovement {
        guard card.kind.coversJobs else { throw CardRefusal.notCountCard(card: card.number) }
        if let closed = card.closedAt { throw CardRefusal.closed(card: card.number, at: closed) }
        let item = try coveringItem(card, line: line)
        guard item.uses > 0 else { throw CardRefusal.noUsesLeft(card: card.number, job: item.job, left: 0, heldBy: []) }
        return CardMovement(kind: .use, change: -CardBalance(paidIn: useShare(item), uses: 1), orderID: orderID, line: line.number,
                            item: item.number, at: now, by: by)
    }

    /// The card's item that covers `line`: a labour line of one of its jobs' operations.
    public static func coveringItem(_ card: MemberCard, line: OrderLine) throws -> CardItem {
        guard line.kind == .labor, let operation = line.operationCode, let item = card.item(covering: operation) else {
            throw CardRefusal.jobNotCovered(card: card.number, job: line.operationCode ?? line.description,
                                            covers: card.items.map(\.job).joined(separator: ", "))
        }
        return item
    }
}

/// The uses of a card's items that open orders hold (lines covered, not yet released), with the
/// orders holding them.
public struct CardHolds: Hashable, Sendable {
    /// Item number → the (order, line) of each cover holding one of its uses.
    public var byItem: [Int: [CardHold]]

    public init(_ holds: [CardHold] = []) { byItem = Dictionary(grouping: holds, by: \.item) }

    public func count(item: Int) -> Int { byItem[item]?.count ?? 0 }
    public var total: Int { byItem.values.reduce(0) { $0 + $1.count } }
    public var counts: [Int: Int] { byItem.mapValues(\.count) }
    /// "RO12/2", each once, in order.
    public var orders: [String] { byItem.values.flatMap { $0 }.sorted { ($0.orderID, $0.line) < ($1.orderID, $1.line) }.map(\.text) }
}

/// One covered line of an open order: which card item's use it holds.
public struct CardHold: Hashable, Sendable {
    public var item: Int
    public var orderID: Int
    public var line: Int
    public init(item: Int, orderID: Int, line: Int) { (self.item, self.orderID, self.line) = (item, orderID, line) }
    public var text: String { RepairOrder.number(orderID) + "/\(line)" }
}

extension OrderRecord {
    /// A count card or package covers a job line of this order: the line a labour line of one of
    /// the card's jobs, offered or approved, not yet covered (by a card, or as warranty work); the
    /// order open (not declined, void or released); the card its customer's — the owner's or the
    /// payer's, as for a stored-value card: a card belongs to its holder, and a relative's car uses
    /// it only when its order is billed to the holder (`ro set RO billto=C…`, on record) — valid
    /// now, with a use of that job left that no other open order holds (`holds`).
    /// `useValue`: what one use covers — the operation's standard hours at the order's labour rate;
    /// a line worth more (more hours, a higher rate) is more than a use, and is refused.
    public func cover(line number: Int, with card: MemberCard, holder: String, holds: CardHolds, useValue: Money? = nil, by: String,
                      at now: Timestamp) throws -> OrderChange {
        try ensureCoverable()
        var line = try line(number)
        guard line.isOffered else { throw CardRefusal.lineNotCoverable(order: order.number, line: number) }
        if let covering = line.cardID { throw CardRefusal.lineAlreadyCovered(order: order.number, line: number, card: MemberCard.number(covering)) }
        if line.covered { throw CardRefusal.lineUnderWarranty(order: order.number, line: number) }
        guard card.kind.coversJobs else { throw CardRefusal.notCountCard(card: card.number) }
        guard card.customerID == customer.id || card.customerID == payingCustomer.id else {
            throw CardRefusal.otherCustomer(card: card.number, holder: holder, order: order.number)
        }
        try CardRules.ensureOpen(card, at: now)
        let item = try CardRules.coveringItem(card, line: line)
        if let useValue, line.amount > useValue {
            throw CardRefusal.lineAboveOneUse(order: order.number, line: number, value: line.amount, use: useValue)
        }
        let held = holds.byItem[item.number] ?? []
        guard item.uses - held.count > 0 else {
            throw CardRefusal.noUsesLeft(card: card.number, job: item.job, left: item.uses, heldBy: held.map(\.text))
        }
        line.cardID = card.id
        var change = OrderChange(order, .lineCover, [("line", .int(number)), ("card", .string(card.number)), ("job", .string(item.job)),
                                                     ("value", .string(line.amount.plain)),
                                                     ("uses_left", .int(item.uses - held.count - 1))])
        change.changedLines = [line]
        return change
    }

    /// Takes a card's cover off a line (before the order's release): the line is charged again and
    /// the card's use it held is free. Nothing was taken from the card, so nothing is given back.
    public func uncover(line number: Int) throws -> OrderChange {
        try ensureCoverable()
        var line = try line(number)
        guard let card = line.cardID else { throw CardRefusal.lineNotCovered(order: order.number, line: number) }
        line.cardID = nil
        var change = OrderChange(order, .lineUncover, [("line", .int(number)), ("card", .string(MemberCard.number(card))),
                                                       ("value", .string(line.amount.plain))])
        change.changedLines = [line]
        return change
    }

    /// The lines covered by cards that the settlement uses: approved, with a card.
    public var cardCoveredLines: [OrderLine] { lines.filter { $0.status == .approved && $0.cardID != nil } }

    func ensureCoverable() throws {
        if let at = order.releasedAt { throw OrderRefusal.alreadyReleased(order: order.number, at: at, to: order.releaseSigned ?? "") }
        guard order.status.isOpen else { throw OrderRefusal.closed(order: order.number, status: order.status) }
    }
}

/// What an order's papers and screens say of the members' cards on it: each line a card covers —
/// the card, its job and the uses left after this one (taken at release, or still held) — and each
/// payment from a stored-value card with the card's balance after it.
public struct OrderCardNotes: Sendable {
    public struct Cover: Hashable, Sendable {
        public var card: String
        public var job: String
        /// The uses of the job left on the card after this line's use.
        public var usesLeft: Int
        /// Taken (the order released), or held until the release.
        public var taken: Bool
        public init(card: String, job: String, usesLeft: Int, taken: Bool) {
            (self.card, self.job, self.usesLeft, self.taken) = (card, job, usesLeft, taken)
        }
    }

    /// By line number.
    public var covers: [Int: Cover] = [:]
    /// The balance (paid-in and bonus) each payment from a stored-value card left on its card, in
    /// the order of the order's payments from cards.
    public var balancesAfterCardPayments: [Money] = []

    public init(covers: [Int: Cover] = [:], balancesAfterCardPayments: [Money] = []) {
        (self.covers, self.balancesAfterCardPayments) = (covers, balancesAfterCardPayments)
    }

    /// "次卡抵扣 K5（剩 7 次）" / "covered by card K5 (7 left)".
    public func coverText(_ line: OrderLine, chinese: Bool) -> String? {
        guard let id = line.cardID else { return nil }
        let card = covers[line.number]?.card ?? MemberCard.number(id)
        guard let left = covers[line.number]?.usesLeft else { return chinese ? "次卡抵扣 \(card)" : "covered by card \(card)" }
        return chinese ? "次卡抵扣 \(card)（剩 \(left) 次）" : "covered by card \(card) (\(left) left)"
    }

    /// The balance a payment left on its stored-value card: `payments` are the order's, in order.
    public func balanceAfter(_ payment: Payment, among payments: [Payment]) -> Money? {
        guard payment.card != nil, let index = payments.filter({ $0.card != nil }).firstIndex(of: payment),
              index < balancesAfterCardPayments.count else { return nil }
        return balancesAfterCardPayments[index]
    }
}
