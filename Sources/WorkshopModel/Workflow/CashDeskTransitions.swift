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
        if DiscountRule.needsManager(share: settlement.discountShare, limitPercent: terms.discountLimitPercent) && manager == nil {
            throw OrderRefusal.discountNeedsManager(discount: settlement.discount, shareBasisPoints: settlement.discountShare,
                                                    limitPercent: terms.discountLimitPercent)
        }
        let removed = settlement.discount.fen == 0
        updated.discount = removed ? nil : discount
        updated.discountBy = removed ? nil : by
        updated.discountAuthorizedBy = removed ? nil : manager
        return OrderChange(updated, .orderDiscount, [("discount", .string(discount.description)), ("value", .string(settlement.discount.plain)),
                                                     ("authorized_by", .string(manager))])
    }

    /// A payment, at most the balance (cash handed over above it is given back as change).
    public func pay(_ amount: Money, method: PaymentMethod, reference: String?, by: String, at now: Timestamp,
                    payments: [Payment], current: PricingTerms) throws -> OrderChange {
        try ensureChargeable()
        guard amount.fen > 0 else { throw InputRefusal.mustBePositive(field: "amount", given: amount.plain) }
        let balance = settlement(payments: payments, current: current).balance
        guard amount <= balance else { throw OrderRefusal.paymentAboveBalance(order: order.number, balance: balance) }
        var change = OrderChange(order, .paymentAdd, [("amount", .string(amount.plain)), ("method", .string(method.code)),
                                                      ("reference", .string(reference))])
        change.payment = Payment(amount: amount, method: method, at: now, by: by, reference: reference)
        return change
    }

    /// Pays back what the customer overpaid (a discount given after payment), never more.
    public func refund(_ amount: Money, method: PaymentMethod, reference: String?, by: String, at now: Timestamp,
                       payments: [Payment], current: PricingTerms) throws -> OrderChange {
        try ensureChargeable()
        guard amount.fen > 0 else { throw InputRefusal.mustBePositive(field: "amount", given: amount.plain) }
        let balance = settlement(payments: payments, current: current).balance
        guard balance.fen < 0 else { throw OrderRefusal.nothingToRefund(order: order.number, balance: balance) }
        guard amount.fen <= -balance.fen else {
            throw OrderRefusal.refundAboveOverpayment(refund: amount, overpaid: Money(fen: -balance.fen))
        }
        guard method != .account else { throw OrderRefusal.refundToAccount }
        var change = OrderChange(order, .paymentRefund, [("amount", .string(amount.plain)), ("method", .string(method.code)),
                                                         ("reference", .string(reference))])
        change.payment = Payment(amount: Money(fen: -amount.fen), method: method, at: now, by: by, reference: reference)
        return change
    }

    private func ensureChargeable() throws {
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
                                    belongings: belongings.filter { $0.returnedAt == nil }.map(\.name))
        return held.isEmpty ? nil : held
    }

    /// Hands the car back when nothing stands in the way (or says exactly what does). The warranty
    /// promised now is fixed on the order: a later change of the shop's terms does not touch it.
    /// `lastReading` is the vehicle's reading standing now (this order's check-in, unless it was
    /// corrected on record since); without `odometer` it is the release reading.
    public func release(signer: String, odometer given: Int?, oldParts: OldParts?, by: String, at now: Timestamp,
                        payments: [Payment], current: PricingTerms, warranty: WarrantyTerm,
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
        return OrderChange(updated, .orderRelease, [
            ("signed", .string(signer)), ("odometer", .int(odometer)), ("old_parts", .string(updated.oldParts?.code)),
            ("total", .string(settlement.total.plain)), ("paid", .string(settlement.paid.plain)),
            ("warranty_km", .int(updated.warrantyTerm?.km)), ("warranty_days", .int(updated.warrantyTerm?.days)),
        ] + (confirmation.map { [("odometer_confirmed", JSON.object($0.journalDetail))] } ?? []))
    }
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
