/// The cash desk and the hand-back (结算, 交车): discounts, payments, refunds, release.
extension OrderRecord {
    /// A discount on the chargeable total; above the advisor's limit in the order's terms only with
    /// a manager's authorisation. A discount worth nothing removes it.
    public func discount(_ discount: Discount, by: String, authorizedBy manager: String?, payments: [Payment],
                         current: PricingTerms) throws -> OrderChange {
        if order.status == .void { throw OrderRefusal.closed(order: order.number, status: order.status) }
        guard order.status.isAuthorised || order.status == .declined, order.releasedAt == nil else {
            throw OrderRefusal.discountOnlySigned(order: order.number, status: order.status)
        }
        let terms = terms(current: current)
        var updated = order
        updated.discount = discount
        let settlement = Settlement(lines: lines, discount: discount, payments: payments, terms: terms)
        let chargeable = settlement.labor + settlement.parts + settlement.other
        if case .amount(let money) = discount, money > chargeable {
            throw OrderRefusal.discountAboveChargeable(discount: money, chargeable: chargeable)
        }
        if DiscountRule.needsManager(discount, value: settlement.discount, chargeable: chargeable, limitPercent: terms.discountLimitPercent),
           manager == nil {
            var share = settlement.discountShare
            if case .percent(let basisPoints) = discount { share = basisPoints }
            throw OrderRefusal.discountNeedsManager(discount: settlement.discount, shareBasisPoints: share, limitPercent: terms.discountLimitPercent)
        }
        // Within the limit alone, it may not stack with lines priced below their list to beyond it.
        try Gate.manualReductions(lines: lines.filter { $0.status == .approved }, discount: settlement.discount,
                                  limitPercent: terms.discountLimitPercent, authorizedBy: manager)
        let removed = settlement.discount.fen == 0
        updated.discount = removed ? nil : discount
        updated.discountBy = removed ? nil : by
        updated.discountAuthorizedBy = removed ? nil : manager
        return OrderChange(updated, .orderDiscount, [("discount", .string(discount.description)), ("value", .string(settlement.discount.plain)),
                                                     ("authorized_by", .string(manager))])
    }

    /// A payment, at most what is payable: the balance, and by money also what the account still
    /// owes on the order (a 挂账 paid later). Cash handed over above it is recorded as `tendered`,
    /// with the change given back (`Tender`), never kept.
    public func pay(_ amount: Money, method: PaymentMethod, reference: String?, by: String, at now: Timestamp,
                    payments: [Payment], current: PricingTerms, tendered: Money? = nil, change given: Money? = nil,
                    receipt: Int? = nil) throws -> OrderChange {
        try ensureChargeable()
        guard amount.fen > 0 else { throw InputRefusal.mustBePositive(field: "amount", given: amount.plain) }
        let payable = settlement(payments: payments, current: current).payable(by: method)
        guard amount <= payable else { throw OrderRefusal.paymentAboveBalance(order: order.number, balance: payable) }
        var detail: [(String, JSON)] = [("amount", .string(amount.plain)), ("method", .string(method.code)), ("reference", .string(reference))]
        if let tendered { detail += [("tendered", .string(tendered.plain)), ("change", .string((given ?? .zero).plain))] }
        if let receipt { detail.append(("receipt", .int(receipt))) }
        var change = OrderChange(order, .paymentAdd, detail)
        change.payment = Payment(amount: amount, method: method, at: now, by: by, reference: reference,
                                 tendered: tendered, change: tendered == nil ? nil : (given ?? .zero), receipt: receipt)
        return change
    }

    /// One payment over several orders of one customer (`pay RO3 RO5 …`): the customer each is
    /// billed to must be the same; the amount is spread over them in the order named, each taking
    /// what is payable on it until the amount runs out (an order it does not reach gets nothing);
    /// each order's share is its own payment, all under one receipt number when there are several.
    /// Cash handed over (`tendered=`) is recorded on the shares, the change on the last one. With
    /// one order, this is `pay` with the tender worked out.
    public static func payTogether(_ orders: [(record: OrderRecord, payments: [Payment])], amount: Money?, tendered: Money?,
                                   method: PaymentMethod, reference: String?, by: String, at now: Timestamp, current: PricingTerms,
                                   receipt: Int?, authorizedBy manager: String? = nil) throws -> PaymentReceipt {
        var seen: Set<Int> = []
        for (record, _) in orders where !seen.insert(record.order.id).inserted {
            throw OrderRefusal.orderNamedTwice(order: record.order.number)
        }
        let payers = Set(orders.map { $0.record.order.payingCustomerID })
        if payers.count > 1 {
            throw OrderRefusal.paymentAcrossCustomers(orders: orders.map(\.record.order.number),
                                                      customers: orders.map { $0.record.payingCustomer.reference + " " + $0.record.payingCustomer.name })
        }
        var dues: [Money] = []
        for (record, payments) in orders {
            try record.ensureChargeable()
            if method == .account { try Gate.chargeToAccount(record, authorizedBy: manager) }
            let due = record.settlement(payments: payments, current: current).payable(by: method)
            if orders.count > 1 && due.fen == 0 { throw OrderRefusal.nothingDueOn(order: record.order.number) }
            dues.append(due)
        }
        let numbers = orders.map(\.record.order.number).joined(separator: " ")
        let tender = try Tender.resolve(amount: amount, tendered: tendered, method: method,
                                        due: dues.reduce(Money.zero, +), orders: numbers)
        var left = tender.amount
        var shares: [(index: Int, amount: Money)] = []
        for (index, due) in dues.enumerated() where left.fen > 0 {
            let share = Money(fen: min(due.fen, left.fen))
            shares.append((index, share))
            left = left - share
        }
        let several = orders.count > 1
        var changes: [OrderChange] = []
        for (position, share) in shares.enumerated() {
            let (record, payments) = orders[share.index]
            let last = position == shares.count - 1
            // The cash is handed over once: each share is paid with its own amount, the last one with the change.
            let tenderedHere = tender.tendered.map { _ in last ? share.amount + (tender.change ?? .zero) : share.amount }
            var change = try record.pay(share.amount, method: method, reference: reference, by: by, at: now, payments: payments,
                                        current: current, tendered: tenderedHere, change: last ? tender.change : (tenderedHere == nil ? nil : .zero),
                                        receipt: several ? receipt : nil)
            if method == .account, let manager { change.detail.append(("authorized_by", .string(manager))) }
            changes.append(change)
        }
        let unreached = orders.indices.filter { index in !shares.contains { $0.index == index } }.map { orders[$0].record.order.number }
        return PaymentReceipt(changes: changes, tender: tender, unreached: unreached)
    }

    /// Pays back what the customer overpaid (a discount given after payment), never more; the way
    /// the money came in unless a manager authorises another (`Gate.refund`), and always with a reason.
    public func refund(_ amount: Money, method: PaymentMethod, reference: String?, by: String, at now: Timestamp,
                       payments: [Payment], current: PricingTerms, reason: String?, authorizedBy manager: String? = nil) throws -> OrderChange {
        try ensureChargeable()
        guard amount.fen > 0 else { throw InputRefusal.mustBePositive(field: "amount", given: amount.plain) }
        let balance = settlement(payments: payments, current: current).balance
        guard balance.fen < 0 else { throw OrderRefusal.nothingToRefund(order: order.number, balance: balance) }
        guard amount.fen <= -balance.fen else {
            throw OrderRefusal.refundAboveOverpayment(refund: amount, overpaid: Money(fen: -balance.fen))
        }
        guard method != .account else { throw OrderRefusal.refundToAccount }
        try Gate.refund(amount, method: method, reason: reason, payments: payments, authorizedBy: manager, order: order.number)
        var change = OrderChange(order, .paymentRefund, [("amount", .string(amount.plain)), ("method", .string(method.code)),
                                                         ("reference", .string(reference)), ("reason", .string(reason)),
                                                         ("authorized_by", .string(manager))])
        change.payment = Payment(amount: Money(fen: -amount.fen), method: method, at: now, by: by, reference: reference)
        return change
    }

    func ensureChargeable() throws {
        if order.status == .void { throw OrderRefusal.closed(order: order.number, status: order.status) }
        guard order.status.isAuthorised || order.status == .declined || order.status == .released else {
            throw OrderRefusal.paymentBeforeSignature(order: order.number, status: order.status)
        }
    }

    /// What a declined estimate still holds in the shop until it is released (交车): the fee due, the
    /// key on its hook, belongings in the car. Nil when the order is not a declined one waiting for its
    /// release, or holds nothing any more. The board and the order list keep such an order in view.
    public func heldUntilRelease(payments: [Payment], current: PricingTerms) -> HeldUntilRelease? {
        guard order.status == .declined, order.releasedAt == nil else { return nil }
        let balance = settlement(payments: payments, current: current).balance
        let held = HeldUntilRelease(feeDue: balance.fen > 0 ? balance : .zero,
                                    keyTag: order.keyReturnedAt == nil ? order.keyTag : nil,
                                    belongings: belongingsMissing)
        return held.isEmpty ? nil : held
    }

    /// Hands the car back when nothing stands in the way (or says exactly what does). The warranty
    /// promised now is fixed on the order: a later change of the shop's terms does not touch it.
    /// `lastReading` is the vehicle's reading standing now (this order's check-in, unless it was
    /// corrected on record since); without `odometer` it is the release reading.
    public func release(signer: String, odometer given: Int?, oldParts: OldParts?, by: String, at now: Timestamp,
                        payments: [Payment], current: PricingTerms, warranty: WarrantyTerm, settlementNumber: String,
                        lastReading: OdometerReading? = nil, confirmOdometer: Bool = false) throws -> OrderChange {
        if let at = order.releasedAt {
            throw OrderRefusal.alreadyReleased(order: order.number, at: at, to: order.releaseSigned ?? "")
        }
        if order.status == .void { throw OrderRefusal.closed(order: order.number, status: order.status) }
        let standing = lastReading ?? OdometerReading(km: order.odometerIn, at: order.checkedInAt, source: .checkIn(order: order.id))
        let odometer = given ?? standing.km
        let settlement = settlement(payments: payments, current: current)
        let reading = OdometerAtRelease(given: given, standing: standing, confirmed: confirmOdometer)
        let blockers = Gate.releaseBlockers(self, settlement: settlement, odometer: reading, at: now, oldParts: oldParts)
        guard blockers.isEmpty else { throw OrderRefusal.releaseBlocked(order: order.number, blockers: blockers) }
        let confirmation = given.flatMap { OdometerRule.confirmationNeeded(reading: $0, after: standing, at: now) }
        var updated = order
        if order.status != .declined {
            updated.status = .released
            updated.warrantyTerm = warranty
        }
        updated.releasedAt = now
        updated.releaseOdometer = odometer
        updated.releasedBy = by
        updated.releaseSigned = signer
        updated.oldParts = oldParts ?? (hasReplacedParts ? nil : OldParts.none)
        updated.closedAt = order.closedAt ?? now
        // The settlement list is numbered once, when the bill is final: at release.
        updated.settlementNumber = order.settlementNumber ?? settlementNumber
        return OrderChange(updated, .orderRelease, [
            ("signed", .string(signer)), ("odometer", .int(odometer)), ("old_parts", .string(updated.oldParts?.code)),
            ("total", .string(settlement.total.plain)), ("paid", .string(settlement.paid.plain)),
            ("warranty_km", .int(updated.warrantyTerm?.km)), ("warranty_days", .int(updated.warrantyTerm?.days)),
            ("settlement_no", .string(updated.settlementNumber)),
        ] + (confirmation.map { [("odometer_confirmed", JSON.object($0.journalDetail))] } ?? [])).leavingBay(of: self, .released)
    }
}

/// What a payment at the desk came to: one change per order it paid (its share), the cash handed
/// over and the change, and the orders named that the amount did not reach.
public struct PaymentReceipt: Sendable {
    public let changes: [OrderChange]
    public let tender: Tender
    public let unreached: [String]
}

/// The money of a payment at the desk. `amount=` is what the payment settles on the order(s): never
/// more than is due. `tendered=` (cash only) is what the customer handed over, at least the amount;
/// the change given back is the difference. Without `amount=`, the cash handed over pays what is
/// due, up to all of it (a 200.00 note on 170.90: 170.90 paid, 29.10 change).
public struct Tender: Equatable, Sendable {
    public let amount: Money
    public let tendered: Money?
    public let change: Money?

    public init(amount: Money, tendered: Money? = nil, change: Money? = nil) {
        (self.amount, self.tendered, self.change) = (amount, tendered, change)
    }

    public static func resolve(amount: Money?, tendered: Money?, method: PaymentMethod, due: Money, orders: String) throws -> Tender {
        if tendered != nil && method != .cash { throw OrderRefusal.tenderedOnlyCash(method: method) }
        if let tendered, tendered.fen <= 0 { throw InputRefusal.mustBePositive(field: "tendered", given: tendered.plain) }
        let paying: Money
        switch (amount, tendered) {
        case (let amount?, _): paying = amount
        case (nil, let tendered?):
            guard due.fen > 0 else { throw OrderRefusal.paymentAboveBalance(order: orders, balance: due) }
            paying = Money(fen: min(tendered.fen, due.fen))
        case (nil, nil): throw OrderRefusal.paymentNeedsAmount
        }
        guard paying.fen > 0 else { throw InputRefusal.mustBePositive(field: "amount", given: paying.plain) }
        guard paying <= due else { throw OrderRefusal.paymentAboveBalance(order: orders, balance: due) }
        guard let tendered else { return Tender(amount: paying) }
        guard tendered >= paying else { throw OrderRefusal.tenderedBelowAmount(tendered: tendered, amount: paying) }
        return Tender(amount: paying, tendered: tendered, change: tendered - paying)
    }
}

extension OrderRecord {
    /// The customer who pays the order: the one it is billed to, else the owner.
    public var payingCustomer: Customer { billedTo ?? customer }
}

extension Settlement {
    /// The settlement under an order's pricing terms.
    public init(lines: [OrderLine], discount: Discount?, payments: [Payment], terms: PricingTerms) {
        self.init(lines: lines, discount: discount, payments: payments, rate: terms.taxRate, pricesIncludeTax: terms.pricesIncludeTax)
    }
}

/// What a declined order keeps in the shop until its release: money owed, a key, belongings.
public struct HeldUntilRelease: Equatable, Sendable {
    /// The diagnosis/estimate fee not yet paid (zero when paid).
    public var feeDue: Money
    /// The key tag whose hook still holds the car's key.
    public var keyTag: String?
    /// Belongings not yet checked back.
    public var belongings: [String]

    public init(feeDue: Money, keyTag: String?, belongings: [String]) {
        (self.feeDue, self.keyTag, self.belongings) = (feeDue, keyTag, belongings)
    }

    public var isEmpty: Bool { feeDue.fen == 0 && keyTag == nil && belongings.isEmpty }
}
