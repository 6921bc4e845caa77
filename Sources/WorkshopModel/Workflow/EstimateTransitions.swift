/// The estimate and the customer's answer (报价/估价, 客户签字): transitions of an order before
/// the workshop starts. Each checks its gates and returns the change; nothing here touches storage.
extension OrderRecord {
    /// The terms this order is priced under: fixed when signed or declined; the shop's current ones before.
    public func terms(current: PricingTerms) -> PricingTerms { order.terms ?? current }

    /// What is offered (before signature) or approved (after), with the tax under the order's terms:
    /// the total the customer signs, which the invoice charges. Warranty work is in it at no charge
    /// (`warranty`, apart); added work still waiting for the customer's answer is not in it.
    public func offeredTotals(current: PricingTerms) -> Totals {
        let terms = terms(current: current)
        return Totals(lines: offeredLines, rate: terms.taxRate, pricesIncludeTax: terms.pricesIncludeTax)
    }

    /// Added work waiting for the customer's answer, under the order's terms: shown beside the signed
    /// total, never inside it.
    public func awaitingAnswerTotals(current: PricingTerms) -> Totals {
        let terms = terms(current: current)
        return Totals(lines: addedWorkAwaitingAnswer, rate: terms.taxRate, pricesIncludeTax: terms.pricesIncludeTax)
    }

    /// The settlement: only approved lines, work under warranty free, the discount, the tax under
    /// the order's terms, what was paid. Invoice, documents, messages and reports all use this.
    public func settlement(payments: [Payment], current: PricingTerms) -> Settlement {
        Settlement(lines: lines, discount: order.discount, payments: payments, terms: terms(current: current))
    }

    /// The next number a new line gets: numbers are never reused, removed lines keep theirs.
    var nextLineNumber: Int { (lines.map(\.number).max() ?? 0) + 1 }

    func line(_ number: Int) throws -> OrderLine {
        guard let line = lines.first(where: { $0.number == number && $0.status != .removed }) else {
            throw OrderRefusal.noSuchLine(order: order.number, given: number, lines: visibleLines.map(\.number))
        }
        return line
    }

    // MARK: Lines

    /// Adds a line to the estimate. On a comeback (返修) a line is warranty work — free, shown at its
    /// value and charged nothing — unless `covered: false` says it is other work the customer asked
    /// for on the same visit, which is chargeable and signed for like any line. The default leans to
    /// the customer: the order exists to redo the shop's own work, which the law says is free.
    public func addLine(_ line: OrderLine, covered: Bool? = nil) throws -> OrderChange {
        try Gate.estimateEditable(order)
        if covered == true && order.reworkOf == nil { throw OrderRefusal.coveredNotComeback(order: order.number) }
        var added = line.numbered(nextLineNumber)
        added.status = .proposed
        added.covered = coversByWarranty(covered)
        var change = OrderChange(order, .lineAdd, added.journalDetail)
        change.newLines = [added]
        return change
    }

    /// Whether a line added with `covered` is warranty work: on a comeback, unless said otherwise.
    func coversByWarranty(_ covered: Bool?) -> Bool { order.reworkOf != nil && (covered ?? true) }

    /// Puts a booking's planned lines on the order it became, ready to sign.
    public func addPlannedLines(_ planned: [OrderLine], fromBooking booking: String) throws -> OrderChange {
        try Gate.estimateEditable(order)
        var number = nextLineNumber
        var change = OrderChange(order, .lineAdd, [("appointment", .string(booking)), ("lines", .int(planned.count))])
        change.newLines = planned.map { line in
            var added = line.numbered(number)
            number += 1
            added.status = .proposed
            added.covered = false
            return added
        }
        return change
    }

    public func removeLine(_ number: Int) throws -> OrderChange {
        try Gate.estimateEditable(order)
        var line = try line(number)
        line.status = .removed
        var change = OrderChange(order, .lineRemove, [("line", .int(number)), ("description", .string(line.description)),
                                                      ("amount", .string(line.amount.plain))])
        change.changedLines = [line]
        return change
    }

    public func changeLine(_ number: Int, _ edit: LineEdit) throws -> OrderChange {
        try Gate.estimateEditable(order)
        var line = try line(number)
        if edit.covered == true && order.reworkOf == nil { throw OrderRefusal.coveredNotComeback(order: order.number) }
        // Warranty work is free already: a line a count card covers comes off the card first.
        if edit.covered == true, let card = line.cardID {
            throw CardRefusal.lineAlreadyCovered(order: order.number, line: number, card: MemberCard.number(card))
        }
        // A covered line is what one use of the card paid for: changed, it would be more on the card.
        if let card = line.cardID, edit.changesWorkOrPrice {
            throw CardRefusal.coveredLineChanged(order: order.number, line: number, card: MemberCard.number(card))
        }
        let detail = try edit.apply(to: &line, order: order.number)
        var change = OrderChange(order, .lineChange, [("line", .int(number))] + detail)
        change.changedLines = [line]
        return change
    }

    public func setMethod(_ method: EstimateMethod) throws -> OrderChange {
        try Gate.estimateEditable(order)
        var updated = order
        updated.estimateMethod = method
        return OrderChange(updated, .estimateMethod, [("method", .string(method.code))])
    }

    /// Records the diagnosis (诊断书), with a diagnostic fee as a line when there is one.
    public func diagnose(_ findings: String, fee: Money?, feeDescription: String) throws -> OrderChange {
        try Gate.open(order)
        var updated = order
        updated.findings = findings
        var change = OrderChange(updated, .orderDiagnose, [("findings", .string(findings)), ("was", .string(order.findings)),
                                                           ("fee", .string(fee?.plain))])
        if let fee {
            try Gate.estimateEditable(order)
            guard fee.fen > 0 else { throw InputRefusal.mustBePositive(field: "fee", given: fee.plain) }
            var line = OrderLine.diagnosticFee(description: feeDescription, amount: fee).numbered(nextLineNumber)
            line.status = .proposed
            change.newLines = [line]
        }
        return change
    }

    /// Sets the promised completion time (交车时间).
    public func promise(_ when: Timestamp, now: Timestamp) throws -> OrderChange {
        try Gate.open(order)
        try Gate.promise(when, checkedIn: order.checkedInAt, now: now)
        var updated = order
        updated.promisedAt = when
        return OrderChange(updated, .orderPromise, [("promised_at", .string(when.iso8601)), ("was", .string(order.promisedAt?.iso8601))])
    }

    /// A delay announced to the customer (延误告知): the reason, and a new promised time later than
    /// the one it replaces, which becomes the order's promise through `promise` (after check-in, ahead
    /// of now). The message then quotes the new time, never one that has passed.
    public func announceDelay(until when: Timestamp?, reason: String?, now: Timestamp) throws -> OrderChange {
        try Gate.signed(order)
        guard let reason, !reason.isEmpty else { throw CustomerRefusal.delayNeedsReason }
        try Gate.delay(order, newPromise: when)
        let promised = try promise(when!, now: now)
        return OrderChange(promised.order, .orderPromise, promised.detail + [("reason", .string(reason)), ("delay", .bool(true))])
    }

    /// Corrects facts of the check-in while the car is here; the odometer only before signing,
    /// never below the vehicle's reading that stood before this check-in (`before`: the highest
    /// since its last correction), and no more than 2,000 km a day beyond it unless confirmed.
    /// A correction of the vehicle's reading made on record since this check-in (`correctedSince`)
    /// is not undone by correcting the check-in: that takes `vehicle odometer`, a manager's when down.
    /// `payments`: the order's, for the member's cards on it (`Gate.payerChange`).
    public func correct(_ facts: ReceptionFacts, odometerBefore before: OdometerReading?,
                        correctedSince: OdometerReading? = nil, payments: [Payment] = []) throws -> OrderChange {
        try Gate.open(order)
        var updated = order
        var detail: [(String, JSON)] = []
        if let complaint = facts.complaint, complaint != order.complaint {
            guard !complaint.isEmpty else { throw InputRefusal.empty(field: "complaint") }
            guard order.status == .estimating else { throw OrderRefusal.complaintAfterSigning(order: order.number, status: order.status) }
            updated.complaint = complaint
            detail.append(("complaint", .string(complaint)))
        }
        if let category = facts.category, category != order.category {
            // The category decides the inspections and the warranty: signed, it stays what the customer signed.
            guard order.status == .estimating else { throw OrderRefusal.categoryAfterSigning(order: order.number, status: order.status) }
            updated.category = category
            detail.append(("category", .string(category.code)))
        }
        if let payer = facts.payer, payer != order.payer {
            guard order.status == .estimating else { throw OrderRefusal.payerAfterSigning(order: order.number, status: order.status) }
            updated.payer = payer
            detail.append(("payer", .string(payer.code)))
        }
        if let droppedBy = facts.droppedBy {
            updated.droppedBy = droppedBy.isEmpty ? nil : droppedBy
            detail.append(("dropped_by", .string(updated.droppedBy)))
        }
        if let phone = facts.droppedPhone {
            updated.droppedPhone = phone.isEmpty ? nil : phone
            detail.append(("phone", .string(updated.droppedPhone)))
        }
        if facts.fuel != nil || facts.battery != nil {
            // An electric car keeps no fuel reading: a battery given for one replaces it.
            let gauge = try Gauge.check(vehicle: vehicle, fuel: facts.fuel ?? (vehicle.isElectric ? nil : order.fuel),
                                        battery: facts.battery ?? order.battery)
            updated.fuel = gauge.fuel
            updated.battery = gauge.battery
            if let fuel = facts.fuel { detail.append(("fuel", .string(fuel.code))) }
            if let battery = facts.battery { detail.append(("battery", .int(battery))) }
        }
        if let billTo = facts.billTo {
            if billTo.customerID(owner: order.customerID) != order.payingCustomerID { try Gate.payerChange(self, payments: payments) }
            switch billTo {
            case .owner: updated.billTo = nil
            case .customer(let customer): updated.billTo = customer.id == order.customerID ? nil : customer.id
            }
            detail.append(("bill_to", .string(updated.billTo.map { "C\($0)" } ?? "owner")))
        }
        if let reading = facts.odometer {
            guard order.status == .estimating else { throw OrderRefusal.odometerAfterSigning(order: order.number, status: order.status) }
            let floor = before?.km ?? 0
            guard reading >= floor else { throw OrderRefusal.odometerBelowEarlierOrder(reading: reading, earlier: floor) }
            if let correctedSince, reading < correctedSince.km {
                throw OrderRefusal.odometerBelowCorrection(reading: reading, corrected: correctedSince.km, plate: vehicle.plate.value)
            }
            // The reading is the one at check-in: compared with the one before it, as of then.
            let confirmation = try OdometerRule.checkPlausible(reading: reading, plate: vehicle.plate.value, after: before,
                                                               at: order.checkedInAt, confirmed: facts.confirmOdometer)
            updated.odometerIn = reading
            detail += [("odometer", .int(reading)), ("odometer_was", .int(order.odometerIn))]
            if let confirmation { detail.append(("odometer_confirmed", .object(confirmation.journalDetail))) }
        }
        guard !detail.isEmpty else { throw OrderRefusal.nothingToCorrect(order: order.number) }
        return OrderChange(updated, .orderSet, detail)
    }

    // MARK: The customer's answer

    /// The customer signs (客户签字): the offered lines are approved (those named in `declining`
    /// declined), the pricing terms in force now are fixed on the order, and work may start.
    /// The customer signs (or approves by phone, WeChat, SMS: `via`), recorded by `takenBy`.
    public func sign(signer: String, via: Channel, declining: [Int], takenBy: String, at now: Timestamp, terms: PricingTerms) throws -> OrderChange {
        switch order.status {
        case .estimating: break
        case .declined, .released, .void: throw OrderRefusal.closed(order: order.number, status: order.status)
        default: throw OrderRefusal.alreadySigned(order: order.number)
        }
        // Added work still waiting for its own answer is not signed for with the estimate.
        let waiting = linesAwaitingAnswer
        let pending = lines.filter { $0.status == .proposed && !waiting.contains($0.number) }
        guard !pending.isEmpty else { throw OrderRefusal.nothingToSign(order: order.number) }
        guard let promised = order.promisedAt else { throw OrderRefusal.noPromise(order: order.number) }
        try Gate.promise(promised, checkedIn: order.checkedInAt, now: now)
        for number in declining where !pending.contains(where: { $0.number == number }) {
            throw OrderRefusal.declineUnknownLines(order: order.number, given: number, offered: pending.map(\.number))
        }
        guard Set(declining).count < pending.count else { throw OrderRefusal.declineEveryLine(order: order.number) }
        let answered = pending.map { line -> OrderLine in
            var line = line
            line.status = declining.contains(line.number) ? .declined : .approved
            return line
        }
        var updated = order
        updated.status = .signed
        updated.signedBy = signer
        updated.signedVia = via
        updated.signedAt = now
        updated.signTakenBy = takenBy
        updated.terms = terms
        let approved = lines.filter { $0.status == .approved } + answered.filter { $0.status == .approved }
        let total = Totals(lines: approved, rate: terms.taxRate, pricesIncludeTax: terms.pricesIncludeTax).taxed.gross
        var change = OrderChange(updated, .orderSign, [
            ("signed_by", .string(signer)), ("via", .string(via.code)),
            ("approved_lines", .array(approved.map { .int($0.number) })), ("declined_lines", .array(declining.map { .int($0) })),
            ("total", .string(total.plain)), ("tax_rate", .string(terms.taxRate.description)),
            ("prices_include_tax", .bool(terms.pricesIncludeTax)),
        ])
        change.changedLines = answered
        return change
    }

    /// The customer declines the estimate: the fee on record (the diagnostic fee lines the customer
    /// saw on the estimate) is charged, everything else declined; the car leaves unrepaired once the
    /// fee is paid. `fee` may only lower it, with a manager (`Gate.declineFee`).
    public func decline(fee: Money?, feeDescription: String, reason: String?, authorizedBy manager: String? = nil,
                        at now: Timestamp, terms: PricingTerms) throws -> OrderChange {
        switch order.status {
        case .estimating: break
        case .signed: throw OrderRefusal.declineNeedsReopen(order: order.number)
        case .void: throw OrderRefusal.closed(order: order.number, status: order.status)
        default: throw OrderRefusal.declineOnlyEstimate(order: order.number, status: order.status)
        }
        let onRecord = declineFeeOnRecord
        // The fee on record typed again is no other fee: its lines are charged as they stand.
        let other = try Gate.declineFee(fee, onRecord: onRecord, order: order.number, authorizedBy: manager)
        let answered = lines.filter { $0.status == .proposed }.map { line -> OrderLine in
            var line = line
            line.status = line.isDiagnosticFee && other == nil ? .approved : .declined
            return line
        }
        var charged = answered.filter { $0.status == .approved }
        var newLines: [OrderLine] = []
        if let other, other.fen > 0 {
            var line = OrderLine.fee(number: 0, description: feeDescription, amount: other).numbered(nextLineNumber)
            line.status = .approved
            newLines.append(line)
            charged.append(line)
        }
        var updated = order
        updated.status = .declined
        updated.closedAt = now
        updated.terms = terms
        let total = Totals(lines: charged, rate: terms.taxRate, pricesIncludeTax: terms.pricesIncludeTax).taxed.gross
        var detail: [(String, JSON)] = [("fee", .string(fee?.plain)), ("reason", .string(reason)), ("charged", .string(total.plain))]
        if let other { detail += [("fee_on_record", .string(onRecord.plain)), ("authorized_by", .string(manager))] }
        var change = OrderChange(updated, .orderDecline, detail)
        change.changedLines = answered
        change.newLines = newLines
        return change
    }

    /// The fee a decline charges as it stands: the diagnostic fee lines on the estimate, unanswered.
    public var declineFeeOnRecord: Money {
        lines.filter { $0.status == .proposed && $0.isDiagnosticFee }.reduce(Money.zero) { $0 + $1.amount }
    }

    /// Reopens a signed order not yet in the workshop and with nothing paid on it, to change its
    /// estimate; the customer signs again (`Gate.reopenable`).
    public func reopen(reason: String, paid: Money) throws -> OrderChange {
        try Gate.reopenable(order, paid: paid)
        var updated = order
        updated.status = .estimating
        updated.signedBy = nil
        updated.signedVia = nil
        updated.signedAt = nil
        updated.signTakenBy = nil
        updated.terms = nil
        var change = OrderChange(updated, .orderReopen, [("reason", .string(reason)), ("signed_by_was", .string(order.signedBy))])
        change.changedLines = lines.filter { $0.status == .approved }.map { line in
            var line = line
            line.status = .proposed
            return line
        }
        return change
    }

    // MARK: The key

    public func registerKey(_ tag: String) throws -> OrderChange {
        try Gate.open(order)
        var updated = order
        updated.keyTag = tag
        // Hung again after it was handed back: here again, to be handed back at release.
        updated.keyReturnedAt = nil
        return OrderChange(updated, .keyRegister, [("key_tag", .string(tag)), ("was", .string(order.keyTag))])
    }

    /// The key handed back at release; nil when there is no key on a hook or it is already back.
    public func returnKey(at now: Timestamp) -> OrderChange? {
        guard let tag = order.keyTag, order.keyReturnedAt == nil else { return nil }
        var updated = order
        updated.keyReturnedAt = now
        return OrderChange(updated, .keyReturn, [("key_tag", .string(tag))])
    }

    /// Belongings are checked back while the order is open, or declined and not yet released.
    public func ensureCanReturnBelongings() throws {
        guard order.status.isOpen || order.status == .declined, order.releasedAt == nil else {
            throw OrderRefusal.returnWhenClosed(order: order.number, status: order.status)
        }
    }
}

/// The facts of a check-in that `ro set` corrects; nil leaves a fact as it is, "" clears a text.
public struct ReceptionFacts: Sendable {
    public var complaint: String?
    public var category: RepairCategory?
    public var payer: Payer?
    public var droppedBy: String?
    public var droppedPhone: String?
    public var fuel: FuelLevel?
    public var odometer: Int?
    /// The advisor confirms a reading far beyond the one before (`confirm-odometer=yes`).
    public var confirmOdometer: Bool
    public var battery: Int?
    public var billTo: BillTo?

    public init(complaint: String? = nil, category: RepairCategory? = nil, payer: Payer? = nil, droppedBy: String? = nil,
                droppedPhone: String? = nil, fuel: FuelLevel? = nil, odometer: Int? = nil, confirmOdometer: Bool = false,
                battery: Int? = nil, billTo: BillTo? = nil) {
        (self.complaint, self.category, self.payer, self.droppedBy, self.droppedPhone, self.fuel, self.odometer, self.confirmOdometer) =
            (complaint, category, payer, droppedBy, droppedPhone, fuel, odometer, confirmOdometer)
        (self.battery, self.billTo) = (battery, billTo)
    }

    /// Nothing to correct.
    public var isEmpty: Bool {
        complaint == nil && category == nil && payer == nil && droppedBy == nil && droppedPhone == nil && fuel == nil && odometer == nil
            && battery == nil && billTo == nil
    }
}

/// Who an order is billed to: its owner, or another customer (a company, an insurer).
public enum BillTo: Sendable {
    case owner
    case customer(Customer)

    /// The customer billed: the owner (`owner`), or the one named.
    public func customerID(owner: Int) -> Int {
        switch self {
        case .owner: return owner
        case .customer(let customer): return customer.id
        }
    }
}

/// A change to an estimate line (`estimate RO change LINE …`): nil leaves a field as it is; an empty
/// part number or brand clears it. Fields that do not belong to the line's kind are refused.
public struct LineEdit: Sendable {
    public var description: String?
    public var hours: Hours?
    public var rate: Money?
    public var quantity: Quantity?
    public var unitPrice: Money?
    public var amount: Money?
    public var partNumber: String?
    public var brand: String?
    public var partClass: PartClass?
    /// false: the customer insisted on a part the shop gives no warranty for; true: the shop gives a
    /// used part its warranty.
    public var warranted: Bool?
    /// On a comeback: true, the line is warranty work (free); false, the customer pays for it.
    public var covered: Bool?

    /// Whether it changes the work or the price (not only how the line reads or its warranty).
    public var changesWorkOrPrice: Bool {
        hours != nil || rate != nil || quantity != nil || unitPrice != nil || amount != nil || partNumber != nil || description != nil
    }

    public init(description: String? = nil, hours: Hours? = nil, rate: Money? = nil, quantity: Quantity? = nil,
                unitPrice: Money? = nil, amount: Money? = nil, partNumber: String? = nil, brand: String? = nil,
                partClass: PartClass? = nil, warranted: Bool? = nil, covered: Bool? = nil) {
        (self.description, self.hours, self.rate, self.quantity, self.unitPrice, self.amount, self.partNumber, self.brand,
         self.partClass, self.warranted, self.covered) = (description, hours, rate, quantity, unitPrice, amount, partNumber, brand,
                                                          partClass, warranted, covered)
    }

    /// Applies the edit, recomputes the amount and returns what changed, for the journal.
    func apply(to line: inout OrderLine, order: String) throws -> [(String, JSON)] {
        var detail: [(String, JSON)] = []
        if let description {
            guard !description.isEmpty else { throw InputRefusal.empty(field: "desc") }
            line.description = description
            detail.append(("description", .string(description)))
        }
        switch line.kind {
        case .labor:
            if let hours { line.hours = hours; detail.append(("hours", .string(hours.description))) }
            if let rate {
                guard rate.fen > 0 else { throw InputRefusal.mustBePositive(field: "rate", given: rate.plain) }
                line.rate = rate
                detail.append(("rate", .string(rate.plain)))
            }
        case .part:
            if let quantity { line.quantity = quantity; detail.append(("qty", .string(quantity.description))) }
            if let partClass {
                line.partClass = partClass
                line.noWarranty = !partClass.carriesWarranty(warranted: warranted)
                detail.append(("class", .string(partClass.code)))
            }
            if let unitPrice {
                guard unitPrice.fen > 0 || line.partClass == .customer else { throw OrderRefusal.partPriceZero(given: unitPrice) }
                line.unitPrice = unitPrice
                detail.append(("price", .string(unitPrice.plain)))
            }
            if let partNumber {
                line.partNumber = partNumber.isEmpty ? nil : partNumber.uppercased()
                detail.append(("partno", .string(partNumber)))
            }
            if let brand { line.brand = brand.isEmpty ? nil : brand; detail.append(("brand", .string(brand))) }
            if let warranted {
                line.noWarranty = !PartClass.carriesWarranty(line.partClass, warranted: warranted)
                detail.append(("no_warranty", .bool(line.noWarranty)))
            }
        case .fee:
            if let amount {
                guard amount.fen > 0 else { throw InputRefusal.mustBePositive(field: "amount", given: amount.plain) }
                line.amount = amount
                detail.append(("amount", .string(amount.plain)))
            }
        }
        if let covered {
            line.covered = covered
            detail.append(("covered", .bool(covered)))
        }
        guard !detail.isEmpty else { throw OrderRefusal.nothingToChange(order: order, kind: line.kind) }
        line.recomputeAmount()
        detail.append(("amount", .string(line.amount.plain)))
        return detail
    }
}

extension OrderLine {
    /// What the journal records of a line.
    public var journalDetail: [(String, JSON)] {
        var detail: [(String, JSON)] = [("line", .int(number)), ("kind", .string(kind.code)), ("description", .string(description))]
        if let hours { detail.append(("hours", .string(hours.description))) }
        if let rate { detail.append(("rate", .string(rate.plain))) }
        if let quantity { detail.append(("qty", .string(quantity.description))) }
        if let unitPrice { detail.append(("price", .string(unitPrice.plain))) }
        detail.append(("amount", .string(amount.plain)))
        if let partNumber { detail.append(("partno", .string(partNumber))) }
        if let brand { detail.append(("brand", .string(brand))) }
        if let partClass { detail.append(("class", .string(partClass.code))) }
        if noWarranty { detail.append(("no_warranty", .bool(true))) }
        if covered { detail.append(("covered", .bool(true))) }
        if let memberTier, let regularPrice {
            detail += [("member_tier", .string(memberTier)), ("regular_price", .string(regularPrice.plain))]
        }
        return detail
    }
}

extension Gate {
    /// Who pays decides whose member tier prices the lines and whose cards may pay or cover them: it
    /// does not move while a line is at a member's price, a card covers a line or a card paid —
    /// or billing an order to a gold member for a moment would give anyone gold prices, or another
    /// customer's card money. The lines and cards come off first (priced again, uncovered, refunded).
    public static func payerChange(_ record: OrderRecord, payments: [Payment]) throws {
        let live = record.lines.filter { $0.status != .removed }
        let memberPriced = live.filter { $0.memberTier != nil }.map(\.number)
        let covered = live.filter { $0.cardID != nil }.map(\.number)
        let cardPaid = !Gate.paidByCard(payments).isEmpty
        guard memberPriced.isEmpty, covered.isEmpty, !cardPaid else {
            throw OrderRefusal.payerHasMemberValue(order: record.order.number, memberPriced: memberPriced, covered: covered, cardPaid: cardPaid)
        }
    }
}
