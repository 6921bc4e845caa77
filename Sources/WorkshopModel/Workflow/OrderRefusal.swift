/// Why the workflow refused to move an order: the gate that said no, with the facts a person needs
/// to act (which order, its status, what is missing).
public enum OrderRefusal: Refusal, Equatable {
    public static let area = "order"

    // The order's status.
    case notSigned(order: String)
    case closed(order: String, status: OrderStatus)
    case alreadySigned(order: String)
    /// A signed order's lines change only after it is reopened.
    case signedNeedsReopen(order: String)
    /// In the workshop, new work is a supplement the customer answers.
    case workUsesSupplements(order: String, status: OrderStatus)
    case alreadyInShop(plate: String, order: String, checkedInAt: Timestamp, status: OrderStatus)
    /// The car is in at another site of the chain (`site`), under `order`: that site works on it
    /// and releases it before another checks it in.
    case inAtAnotherSite(plate: String, order: String, site: String, checkedInAt: Timestamp, status: OrderStatus)
    case alreadyReleased(order: String, at: Timestamp, to: String)
    /// The odometer never goes backwards; a wrong last reading is corrected first, on record.
    case odometerBelowLast(reading: Int, plate: String, last: Int)
    /// More than 2,000 km a day since the vehicle's last reading (`last`, taken at `lastAt`, `days`
    /// whole days begun since): taken only with `confirm-odometer=yes`, on record.
    case odometerImplausible(reading: Int, plate: String, last: Int, lastAt: Timestamp, days: Int, limit: Int)

    // Signing, declining, reopening.
    case nothingToSign(order: String)
    case noPromise(order: String)
    case promiseNotAhead(promised: Timestamp, now: Timestamp)
    case declineNeedsReopen(order: String)
    case declineOnlyEstimate(order: String, status: OrderStatus)
    case reopenNotSigned(order: String)
    /// The car is handed to the workshop: its receiver is the workshop manager or a technician.
    case receiverNotWorkshop(order: String, name: String, roles: [Role])
    case reopenOnlySigned(order: String, status: OrderStatus)
    /// The car went into the workshop (received by `by` at `at`): added work is a supplement now.
    case reopenInWorkshop(order: String, by: String, at: Timestamp)
    /// Money was paid on the order: what the customer paid for is not taken back to an estimate.
    case reopenPaid(order: String, paid: Money)
    /// A decline charges the fee on record (`onRecord`, the diagnosis fee the customer saw), never
    /// more: a higher one is put on the estimate first.
    case declineFeeAboveRecord(order: String, given: Money, onRecord: Money)
    /// Less than the fee on record is a waiver, a manager's to give.
    case declineFeeWaiverNeedsManager(order: String, given: Money, onRecord: Money)

    // Lines.
    case noSuchLine(order: String, given: Int, lines: [Int])
    case nothingToChange(order: String, kind: LineKind)
    case coveredNotComeback(order: String)
    case unknownLaborOperation(code: String)
    case laborNeedsHours(looksLikeCode: String?)
    case partNeedsPrice
    case partPriceZero(given: Money)
    case declineUnknownLines(order: String, given: Int, offered: [Int])
    case declineEveryLine(order: String)
    case odometerAfterSigning(order: String, status: OrderStatus)
    case odometerBelowEarlierOrder(reading: Int, earlier: Int)
    /// The vehicle's reading was corrected on record after this check-in: `ro set` does not undo it.
    case odometerBelowCorrection(reading: Int, corrected: Int, plate: String)
    case nothingToCorrect(order: String)
    case categoryAfterSigning(order: String, status: OrderStatus)
    /// The fault as the customer described it, and who pays, are part of what was signed.
    case complaintAfterSigning(order: String, status: OrderStatus)
    case payerAfterSigning(order: String, status: OrderStatus)
    /// Who pays does not move while member prices, card covers or card payments are on the order.
    case payerHasMemberValue(order: String, memberPriced: [Int], covered: [Int], cardPaid: Bool)
    /// The order's work implies a higher category than the one given (line `line` is that work).
    case categoryBelowWork(order: String, given: RepairCategory, required: RepairCategory, line: Int, description: String)
    /// A lower category than the order has needs a manager's authorisation.
    case categoryDowngradeNeedsManager(order: String, from: RepairCategory, to: RepairCategory)
    /// A booking's planned work implies a higher category than the one given at check-in.
    case categoryBelowBooking(booking: String, given: RepairCategory, required: RepairCategory, operation: String)

    // The signed checklist.
    /// After the customer signed, a belonging is marked missing with a reason, never taken off.
    case belongingRemoveAfterSigning(order: String, status: OrderStatus, item: String)
    case damageRemoveAfterSigning(order: String, status: OrderStatus, note: Int)
    /// Before signature a wrong item is simply taken off the checklist.
    case missingBeforeSigning(order: String, item: String)
    case missingButBack(order: String, item: String)
    /// `missing 脚垫x2` while four are out: the two found are checked back first.
    case missingCountNotOut(order: String, item: String, given: Int, out: Int)
    case missingAlreadyMarked(order: String, item: String, by: String, at: Timestamp)
    /// A part the customer brings is not sold to them.
    case customerPartPriced(given: Money)

    // The floor.
    case dispatchOnlySignedOrInWork(order: String, status: OrderStatus)
    case alreadyReceived(order: String, by: String, at: Timestamp)
    case handoverTime(order: String, signedAt: Timestamp)
    case inspectionNeedsWorkshop(order: String, status: OrderStatus)
    case inspectionBeforeFinish(order: String, status: OrderStatus, stage: InspectionStage)
    case processNeedsDispatch(order: String)
    case finalAfterCompletion(order: String, status: OrderStatus)
    case inspectionsInOrder(order: String, category: RepairCategory, previous: InspectionStage)
    case finalAlreadyPassed(order: String, certificate: String)
    case passWithFailedItem(item: String, code: String)
    /// A pass that leaves checklist items without a result: each is named (`brakes=pass`), or
    /// `rest=pass` gives every item not named its result.
    case passWithItemsNotChecked(stage: InspectionStage, items: [ChecklistEntry])
    case inspectionPassOrFail
    case failNeedsReason
    /// A failed inspection with no item failed: `items` are the checklist's, any of which can be marked.
    case failWithoutFailedItem(stage: InspectionStage, items: [ChecklistEntry])
    case progressOnlyInWork(order: String, status: OrderStatus)
    case completeOnlyInWork(order: String, status: OrderStatus)
    case supplementAwaitsAnswer(order: String, line: Int)
    case stageNotPassed(order: String, category: RepairCategory, stage: InspectionStage)
    case supplementOnlyInWorkshop(order: String, status: OrderStatus)
    case noSuchSupplement(order: String, given: Int, supplements: [Int])
    case supplementAlreadyAnswered(order: String, line: Int, answer: LineStatus, by: String, via: Channel?, at: Timestamp?)

    // The cash desk.
    case discountOnlySigned(order: String, status: OrderStatus)
    case discountAboveChargeable(discount: Money, chargeable: Money)
    case discountNeedsManager(discount: Money, shareBasisPoints: Int, limitPercent: Int)
    case paymentBeforeSignature(order: String, status: OrderStatus)
    case paymentAboveBalance(order: String, balance: Money)
    /// The same from a member's card: no cash handed over, so no change to work out.
    case cardPaymentAboveBalance(order: String, balance: Money)
    case nothingToRefund(order: String, balance: Money)
    case refundAboveOverpayment(refund: Money, overpaid: Money)
    case refundToAccount
    /// `pay` needs amount= (what the payment settles), or tendered= (the cash handed over).
    case paymentNeedsAmount
    /// tendered= is cash handed over: other methods pay exactly the amount.
    case tenderedOnlyCash(method: PaymentMethod)
    case tenderedBelowAmount(tendered: Money, amount: Money)
    /// One payment settles several orders of one customer only.
    case paymentAcrossCustomers(orders: [String], customers: [String])
    case orderNamedTwice(order: String)
    /// Among several orders paid together, one with nothing to pay.
    case nothingDueOn(order: String)
    case releaseBlocked(order: String, blockers: [ReleaseBlocker])

    // Reception.
    case noOwner(plate: String)
    /// An electric car records its battery (battery=), not a fuel level.
    case batteryNeeded(plate: String)
    case fuelOnElectric(plate: String)
    /// Any other car records its fuel level (fuel=).
    case fuelNeeded(plate: String)
    case bookingOtherVehicle(booking: String)
    case bookingNotActive(booking: String, status: AppointmentStatus)
    case noSuchDamageNote(order: String, given: Int, count: Int)
    case returnWhenClosed(order: String, status: OrderStatus)
    case nothingNamedToReturn
    /// Belongings are counted back exactly: never more of an item than is still out (`given` 0: a
    /// bare name when none is out).
    case returnMoreThanOut(order: String, item: String, given: Int, out: Int, count: Int)
    /// A comeback (返修) names the original order and line, and why it failed.
    case reworkReference(given: String)
    case reworkOtherVehicle(given: String, plate: String)
    case reworkNeverReleased(order: String)
    case reworkNeedsCause
    case reworkLineNotCovered(order: String, line: Int, plate: String)
    case reworkNothingCovered(order: String, plate: String)
    case causeWithoutRework
    /// `ro set RO rework=…` on an order that is already a comeback.
    case comebackAlreadyLinked(order: String, of: String)

    // Messages to the customer.
    /// A delay notice gives the new promised time (`promise=`), which becomes the order's promise.
    case delayNeedsNewPromise(order: String, promised: Timestamp?)
    case delayNotLater(order: String, given: Timestamp, promised: Timestamp)
    case delayWhenReady(order: String)

    // Voiding an order opened by mistake.
    case voidSignedNeedsReopen(order: String)
    case voidOnlyUnsigned(order: String, status: OrderStatus)
    case voidPaid(order: String, paid: Money)
    case voidPartsIssued(order: String, lines: [Int])
}

/// What stands between a car and its hand-back. Each is named in the refusal.
public enum ReleaseBlocker: Equatable, Sendable {
    /// Where the three inspections are required, the final one has not passed yet.
    case finalInspectionPending
    /// The latest final inspection failed: in every category, the car does not leave until a later one
    /// passes. `status` says whether the rework is still going on or done and waiting for it.
    case finalInspectionFailed(status: OrderStatus)
    case notFinished(OrderStatus)
    case balanceDue(Money)
    case refundDue(Money)
    case belongingsNotReturned([String])
    case keyNotReturned(String)
    case odometerBelowCheckIn(given: Int, checkIn: Int)
    /// The vehicle's reading was corrected on record after check-in (`vehicle odometer`): the
    /// release reading is compared with the corrected one.
    case odometerBelowCorrected(given: Int, corrected: Int)
    /// The release reading is more than 2,000 km a day beyond the last one: `confirm-odometer=yes`.
    case odometerImplausible(given: Int, last: Int, lastAt: Timestamp, limit: Int)
    case oldPartsUndecided
}
