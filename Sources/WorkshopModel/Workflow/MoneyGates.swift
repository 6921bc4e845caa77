/// What the shop's lists say a line costs, for the price-concession gate: a part's list unit price
/// (the parts price list), or for labour the shop's hourly rate and the operation's standard hours
/// (工时定额; nil for labour described in words, whose hours are the advisor's).
public struct ListPrice: Equatable, Sendable {
    public var partUnitPrice: Money?
    public var laborRate: Money?
    public var standardHours: Hours?

    public init(partUnitPrice: Money? = nil, laborRate: Money? = nil, standardHours: Hours? = nil) {
        (self.partUnitPrice, self.laborRate, self.standardHours) = (partUnitPrice, laborRate, standardHours)
    }

    public static func part(_ price: Money) -> ListPrice { ListPrice(partUnitPrice: price) }
    public static func labor(rate: Money, standardHours: Hours?) -> ListPrice { ListPrice(laborRate: rate, standardHours: standardHours) }

    /// The line at list: a part's quantity at its list price; labour at the shop's rate for the
    /// standard hours (or, without an operation, the hours given). Nil when the lists say nothing.
    public func amount(of line: OrderLine) -> Money? {
        switch line.kind {
        case .part:
            guard let price = partUnitPrice, let quantity = line.quantity else { return nil }
            return LineAmount.part(quantity: quantity, unitPrice: price)
        case .labor:
            guard let rate = laborRate, let hours = standardHours ?? line.hours else { return nil }
            return LineAmount.labor(hours: hours, rate: rate)
        case .fee: return nil
        }
    }
}

extension Gate {
    /// A price concession (让价): a line below its list value by more than the discount an advisor may
    /// give alone (`limitPercent`, the shop's discount limit) is a manager's to give, like a discount
    /// above that limit. Above the list, within the limit, a part not on the list, a customer-supplied
    /// part or warranty work (charged nothing) passes. Returns the list value when it is a concession
    /// (and a manager authorised it), nil when it is none.
    public static func priceConcession(_ line: OrderLine, list: ListPrice?, limitPercent: Int, authorizedBy manager: String?) throws -> Money? {
        guard let list, let listAmount = list.amount(of: line), listAmount.fen > 0 else { return nil }
        if line.covered || line.partClass == .customer { return nil }
        // Below the list by more than the limit: given < list × (100 − limit) / 100, in whole fen.
        guard line.amount.fen * 100 < listAmount.fen * (100 - limitPercent) else { return nil }
        guard manager != nil else {
            throw MoneyRefusal.priceBelowList(line: line.description, given: line.amount, list: listAmount, limitPercent: limitPercent)
        }
        return listAmount
    }

    /// The line's value at its list when it is priced below it at all (within the limit or not), for
    /// the record and the order's manual reductions; nil at or above the list, or not judged.
    public static func listValueAbove(_ line: OrderLine, list: ListPrice?) -> Money? {
        guard let list, let listAmount = list.amount(of: line), !line.covered, line.partClass != .customer,
              line.amount < listAmount else { return nil }
        return listAmount
    }

    /// The manual reductions on an order together: its lines priced below their (member) list
    /// without a manager, and an order discount given without one, may not exceed the advisor's limit
    /// of the order's value at list — each within the limit alone must not stack to twice it. Lines a
    /// manager priced count at their price. Member prices are no reduction (the list is the member's).
    public static func manualReductions(lines: [OrderLine], discount: Money, limitPercent: Int, authorizedBy manager: String?) throws {
        guard manager == nil, discount.fen > 0 else { return }
        let charged = lines.filter { !$0.covered }
        let reduced = charged.filter { $0.listAmount != nil && $0.concessionBy == nil }
        let lineReductions = reduced.reduce(Money.zero) { $0 + ($1.listAmount! - $1.amount) }
        guard lineReductions.fen > 0 else { return }
        let valueAtList = charged.reduce(Money.zero) { $0 + ($1.concessionBy == nil ? ($1.listAmount ?? $1.amount) : $1.amount) }
        guard (lineReductions + discount).fen * 100 > valueAtList.fen * limitPercent else { return }
        throw MoneyRefusal.reductionsAboveLimit(lines: reduced.map(\.number), lineReductions: lineReductions, discount: discount,
                                                valueAtList: valueAtList, limitPercent: limitPercent)
    }

    /// A refund goes back the way the money came in: by a method up to what it paid on the order, net
    /// of the refunds by it already. Another method, or more, is a manager's (cash back for a card
    /// payment is how a till is skimmed). Every refund says why.
    /// Money asked back for what members' cards paid goes back to the cards (`OrderRecord.refund(_:to:…)`).
    public static func refund(_ amount: Money, method: PaymentMethod, reason: String?, payments: [Payment], authorizedBy manager: String?,
                              order: String) throws {
        guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw MoneyRefusal.refundNeedsReason }
        let paid = Gate.paidByMethod(payments)
        let available = paid.first { $0.method == method }?.amount ?? .zero
        // Card money asked back as money: it goes back to the card (bonus turned into cash otherwise).
        let cards = Gate.paidByCard(payments)
        if amount > available && manager == nil && !cards.isEmpty {
            throw CardRefusal.refundGoesToCard(order: order, cards: cards.map { CardAmount(MemberCard.number($0.card), $0.amount) })
        }
        if amount > available && manager == nil {
            throw MoneyRefusal.refundMethodNeedsManager(refund: amount, method: method, available: available,
                                                        paidBy: paid.filter { $0.amount.fen > 0 })
        }
    }

    /// A charge to account (挂账) is credit: for a company customer (a company name or a tax number on
    /// file), or an order an insurer or the maker pays; a private customer's only with a manager.
    public static func chargeToAccount(_ record: OrderRecord, authorizedBy manager: String?) throws {
        let customer = record.payingCustomer
        if customer.company != nil || customer.taxNumber != nil || record.order.payer != .owner || manager != nil { return }
        throw MoneyRefusal.accountNeedsManager(customer: "\(customer.reference) \(customer.name)")
    }

    /// What each member's card paid on an order, net of what went back to it, in the order first used.
    public static func paidByCard(_ payments: [Payment]) -> [(card: Int, amount: Money)] {
        var order: [Int] = []
        var net: [Int: Int] = [:]
        for payment in payments {
            guard let card = payment.card else { continue }
            if net[card] == nil { order.append(card) }
            net[card, default: 0] += payment.amount.fen
        }
        return order.filter { net[$0]! > 0 }.map { ($0, Money(fen: net[$0]!)) }
    }

    /// What each method paid on an order, net of refunds by it, in the order the methods were first used.
    public static func paidByMethod(_ payments: [Payment]) -> [MethodAmount] {
        var order: [PaymentMethod] = []
        var net: [PaymentMethod: Int] = [:]
        // What a member's card paid goes back to no bank card: it is not counted as paid by card.
        for payment in payments where payment.card == nil {
            if net[payment.method] == nil { order.append(payment.method) }
            net[payment.method, default: 0] += payment.amount.fen
        }
        return order.map { MethodAmount($0, Money(fen: net[$0]!)) }
    }

    /// An odometer corrected down — below the reading that stands — lowers the car's record (its
    /// mileage, its warranty by km): a manager's to sign. Up is a reading like any other.
    public static func odometerCorrection(reading: Int, standing: OdometerReading?, plate: String, authorizedBy manager: String?) throws {
        guard let standing, reading < standing.km, manager == nil else { return }
        throw CorrectionRefusal.odometerDownNeedsManager(plate: plate, given: reading, standing: standing.km)
    }

    /// A late entry's clock (补录) is set to a time that has been: not later than the real time, give
    /// or take `clockToleranceMinutes` of a terminal's clock running fast.
    public static let clockToleranceMinutes = 5

    public static func clock(_ requested: Timestamp, real: Timestamp) throws {
        guard requested.seconds <= real.seconds + clockToleranceMinutes * 60 else {
            throw CorrectionRefusal.clockAhead(requested: requested, real: real, toleranceMinutes: clockToleranceMinutes)
        }
    }

    /// A late entry about an order is dated within the order's life: never before its check-in,
    /// when there was no order (its history would show the change before the car came in).
    public static func lateEntry(at requested: Timestamp, onOrder order: String, checkedInAt: Timestamp) throws {
        guard requested.seconds < checkedInAt.seconds else { return }
        throw CorrectionRefusal.beforeCheckIn(requested: requested, order: order, checkedInAt: checkedInAt)
    }
}

extension OrderRecord {
    /// Adds a line (see `addLine`), through the price-concession gate: below the list beyond the
    /// discount limit in the order's terms only with a manager's authorisation, which the line keeps
    /// with its list value and the journal records.
    /// A line typed in words with a catalogue item's name (`named`) goes through
    /// `Gate.catalogueName` first: refused, unless `unlisted` says it is not that item.
    /// `member`: the tier of the customer who pays (`memberTierName`): a line priced from the lists
    /// (`priceTyped` false) is put at the member price, and any line is judged against the member's list.
    public func addLine(_ line: OrderLine, covered: Bool? = nil, list: ListPrice?, authorizedBy manager: String?,
                        current: PricingTerms, named: CatalogueName? = nil, unlisted: Bool = false,
                        member: MemberTier? = nil, priceTyped: Bool = false) throws -> OrderChange {
        let offered = memberOffer(line, member: member, priceTyped: priceTyped, covered: coversByWarranty(covered))
        var change = try addLine(offered, covered: covered)
        try Gate.catalogueName(line, named: named, unlisted: unlisted, order: order.number, supplement: false)
        try memberGate(member) { try priceConcession(&change, list: memberList(list, member), manager: manager, current: current, previous: nil) }
        change.recordUnlisted(unlisted, named: named)
        return change
    }

    /// Changes a line (see `changeLine`) through the same gate. A concession given before stands as
    /// long as the line is not priced lower than it was then. A line at the member price is judged
    /// against the member price it was given (the tier as it was then); a new rate or price typed on
    /// it ends its member price.
    /// A new description (`edit.description`) that is a catalogue item's name (`named`) goes through
    /// `Gate.catalogueName` like a new line.
    public func changeLine(_ number: Int, _ edit: LineEdit, list: ListPrice?, authorizedBy manager: String?,
                           current: PricingTerms, named: CatalogueName? = nil, unlisted: Bool = false,
                           member: MemberTier? = nil) throws -> OrderChange {
        let before = try line(number)
        var change = try changeLine(number, edit)
        if edit.description != nil, let changed = change.changedLines.first {
            try Gate.catalogueName(changed, named: named, unlisted: unlisted, order: order.number, supplement: false)
        }
        var judgedAgainst = memberList(list, member)
        if let regular = before.regularPrice, before.memberTier != nil {
            judgedAgainst = list.map { ListPrice(partUnitPrice: $0.partUnitPrice == nil ? nil : before.unitPrice,
                                                 laborRate: $0.laborRate == nil ? nil : before.rate, standardHours: $0.standardHours) }
            if (before.kind == .labor && edit.rate != nil) || (before.kind == .part && edit.unitPrice != nil) {
                change.changedLines[0].memberTier = nil
                change.changedLines[0].regularPrice = nil
                change.detail += [("member_tier_was", .string(before.memberTier)), ("regular_price_was", .string(regular.plain))]
            }
        }
        try memberGate(before.memberTier ?? member?.name) {
            try priceConcession(&change, list: judgedAgainst, manager: manager, current: current, previous: before)
        }
        change.recordUnlisted(unlisted, named: named)
        return change
    }

    /// Added work reported from the workshop (see `addSupplement`), through the same gate, at the
    /// member price like an estimate line.
    public func addSupplement(_ line: OrderLine, reason: String, reportedBy: String, at now: Timestamp, list: ListPrice?,
                              authorizedBy manager: String?, current: PricingTerms, named: CatalogueName? = nil,
                              unlisted: Bool = false, member: MemberTier? = nil, priceTyped: Bool = false) throws -> OrderChange {
        let offered = memberOffer(line, member: member, priceTyped: priceTyped, covered: false)
        var change = try addSupplement(offered, reason: reason, reportedBy: reportedBy, at: now)
        try Gate.catalogueName(line, named: named, unlisted: unlisted, order: order.number, supplement: true)
        try memberGate(member) { try priceConcession(&change, list: memberList(list, member), manager: manager, current: current, previous: nil) }
        change.recordUnlisted(unlisted, named: named)
        return change
    }

    /// The line a member is offered: at the member price when its price came from the lists and it is
    /// charged (warranty work is free either way).
    private func memberOffer(_ line: OrderLine, member: MemberTier?, priceTyped: Bool, covered: Bool) -> OrderLine {
        guard let member, !priceTyped, !covered else { return line }
        return member.priced(line)
    }

    /// A member's line below the member price beyond the limit is refused saying it is the member price.
    private func memberGate(_ member: MemberTier?, _ gate: () throws -> Void) throws { try memberGate(member?.name, gate) }

    private func memberGate(_ tier: String?, _ gate: () throws -> Void) throws {
        do { try gate() } catch MoneyRefusal.priceBelowList(let line, let given, let list, let limit) where tier != nil {
            throw MoneyRefusal.priceBelowMemberList(line: line, given: given, memberList: list, tier: tier!, limitPercent: limit)
        }
    }

    private func memberList(_ list: ListPrice?, _ member: MemberTier?) -> ListPrice? {
        guard let list, let member else { return list }
        return member.reduced(list)
    }

    private func priceConcession(_ change: inout OrderChange, list: ListPrice?, manager: String?, current: PricingTerms,
                                 previous: OrderLine?) throws {
        let limit = terms(current: current).discountLimitPercent
        let isNew = !change.newLines.isEmpty
        guard var line = isNew ? change.newLines.first : change.changedLines.first else { return }
        // A concession already given holds while the line costs no less than when it was given.
        let standing = previous.flatMap { old in old.concessionBy.map { (by: $0, amount: old.amount) } }
        let keep = standing.map { line.amount >= $0.amount } ?? false
        let concession = try Gate.priceConcession(line, list: list, limitPercent: limit,
                                                  authorizedBy: manager ?? (keep ? standing?.by : nil))
        line.listAmount = concession ?? Gate.listValueAbove(line, list: list)
        line.concessionBy = concession == nil ? nil : (manager ?? standing?.by)
        if let listAmount = concession, line.concessionBy != previous?.concessionBy || listAmount != previous?.listAmount {
            change.detail += [("list", .string(listAmount.plain)), ("given", .string(line.amount.plain)),
                              ("authorized_by", .string(line.concessionBy))]
        }
        if isNew { change.newLines[0] = line } else { change.changedLines[0] = line }
        // Within the limit on its own, the line's reduction and an order discount given without a
        // manager must stay within it together.
        if concession == nil, order.discount != nil, order.discountAuthorizedBy == nil {
            var counted = lines.filter { $0.isOffered && $0.number != line.number }
            if line.isOffered { counted.append(line) }
            let chargeable = counted.filter { !$0.covered }.reduce(Money.zero) { $0 + $1.amount }
            try Gate.manualReductions(lines: counted, discount: order.discount?.value(on: chargeable) ?? .zero,
                                      limitPercent: limit, authorizedBy: manager)
        }
    }
}
