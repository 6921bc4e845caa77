/// The named gates of the repair order's workflow. Each is one rule of domain.md, written once;
/// the transitions check them, and each refuses with the facts a person needs.
public enum Gate {
    /// Lines, prices and the estimate method change only before the customer signs.
    public static func estimateEditable(_ order: RepairOrder) throws {
        switch order.status {
        case .estimating: return
        case .signed: throw OrderRefusal.signedNeedsReopen(order: order.number)
        case .inWork, .completed, .ready: throw OrderRefusal.workUsesSupplements(order: order.number, status: order.status)
        case .declined, .released, .void: throw OrderRefusal.closed(order: order.number, status: order.status)
        }
    }

    /// Facts of the reception (damage, belongings, diagnosis, promise) are recorded while the car is here.
    public static func open(_ order: RepairOrder) throws {
        guard order.status.isOpen else { throw OrderRefusal.closed(order: order.number, status: order.status) }
    }

    /// Work, dispatch and inspection need the customer's signature.
    public static func signed(_ order: RepairOrder) throws {
        switch order.status {
        case .estimating: throw OrderRefusal.notSigned(order: order.number)
        case .declined, .released, .void: throw OrderRefusal.closed(order: order.number, status: order.status)
        default: return
        }
    }

    /// A promised time is after check-in and ahead of now: a time the shop can keep.
    public static func promise(_ when: Timestamp, checkedIn: Timestamp, now: Timestamp) throws {
        guard when > checkedIn, when > now else { throw OrderRefusal.promiseNotAhead(promised: when, now: now) }
    }

    /// A delay is announced with a new promised time later than the one it replaces (the promise gate
    /// then checks it is ahead of now); a car that is ready is not delayed.
    public static func delay(_ order: RepairOrder, newPromise: Timestamp?) throws {
        if order.status == .ready { throw OrderRefusal.delayWhenReady(order: order.number) }
        guard let newPromise else { throw OrderRefusal.delayNeedsNewPromise(order: order.number, promised: order.promisedAt) }
        if let old = order.promisedAt, newPromise <= old {
            throw OrderRefusal.delayNotLater(order: order.number, given: newPromise, promised: old)
        }
    }

    /// An order opened by mistake may be voided while nothing has happened on it that the record must
    /// keep as money or stock: an unsigned estimate (a signed one is reopened first), with no payment
    /// on it and no part issued to it. Work, inspections, added work, discounts and payments all need a
    /// signature, so an unsigned order has none of them — except what a reopened one kept.
    public static func voidable(_ order: RepairOrder, paid: Money, issuedLines: [Int]) throws {
        switch order.status {
        case .estimating: break
        case .signed: throw OrderRefusal.voidSignedNeedsReopen(order: order.number)
        case .void, .declined, .released: throw OrderRefusal.closed(order: order.number, status: order.status)
        case .inWork, .completed, .ready: throw OrderRefusal.voidOnlyUnsigned(order: order.number, status: order.status)
        }
        if paid.fen != 0 { throw OrderRefusal.voidPaid(order: order.number, paid: paid) }
        if !issuedLines.isEmpty { throw OrderRefusal.voidPartsIssued(order: order.number, lines: issuedLines) }
    }

    /// The fee a decline charges is the one on record, the diagnosis fee the customer saw on the
    /// estimate: a higher one is refused (it goes on the estimate first), a lower one (a waiver) is a
    /// manager's. Returns the other fee to charge instead of the lines on record, nil for those.
    public static func declineFee(_ given: Money?, onRecord: Money, order: String, authorizedBy manager: String?) throws -> Money? {
        guard let given, given != onRecord else { return nil }
        if given > onRecord { throw OrderRefusal.declineFeeAboveRecord(order: order, given: given, onRecord: onRecord) }
        guard manager != nil else { throw OrderRefusal.declineFeeWaiverNeedsManager(order: order, given: given, onRecord: onRecord) }
        return given
    }

    /// A signed order is reopened (its estimate changed, signed again) only before the car goes into
    /// the workshop and while nothing is paid on it: after that, added work is a supplement.
    public static func reopenable(_ order: RepairOrder, paid: Money) throws {
        guard order.status == .signed else {
            if order.status == .estimating { throw OrderRefusal.reopenNotSigned(order: order.number) }
            throw OrderRefusal.reopenOnlySigned(order: order.number, status: order.status)
        }
        if let by = order.handoverBy, let at = order.handoverAt { throw OrderRefusal.reopenInWorkshop(order: order.number, by: by, at: at) }
        if paid.fen != 0 { throw OrderRefusal.reopenPaid(order: order.number, paid: paid) }
    }

    /// The three inspections: in order where they are mandatory, pre and in-process before the
    /// work is finished, the final one after it; a passed final one is final.
    public static func inspection(_ stage: InspectionStage, of record: OrderRecord) throws {
        let order = record.order
        guard order.status.isAuthorised else {
            throw OrderRefusal.inspectionNeedsWorkshop(order: order.number, status: order.status)
        }
        switch stage {
        case .pre, .process:
            guard order.status == .signed || order.status == .inWork else {
                throw OrderRefusal.inspectionBeforeFinish(order: order.number, status: order.status, stage: stage)
            }
            if stage == .process && order.status != .inWork { throw OrderRefusal.processNeedsDispatch(order: order.number) }
        case .final:
            guard order.status == .completed || order.status == .ready else {
                throw OrderRefusal.finalAfterCompletion(order: order.number, status: order.status)
            }
            if record.finalInspection == .passed {
                throw OrderRefusal.finalAlreadyPassed(order: order.number, certificate: record.certificate ?? "")
            }
        }
        if order.category.requiresThreeInspections, let previous = stage.previous, !record.passedStages.contains(previous) {
            throw OrderRefusal.inspectionsInOrder(order: order.number, category: order.category, previous: previous)
        }
    }

    /// Nothing is done, or billed, that the customer has not answered: every added item has its answer
    /// before the work is reported complete.
    public static func supplementsAnswered(_ record: OrderRecord) throws {
        if let pending = record.supplements.first(where: { $0.answer == nil }) {
            throw OrderRefusal.supplementAwaitsAnswer(order: record.order.number, line: pending.line)
        }
    }

    /// Where the three inspections are mandatory, the work is complete only after the pre-repair
    /// and in-process ones passed.
    public static func stagesBeforeCompletion(_ record: OrderRecord) throws {
        guard record.order.category.requiresThreeInspections else { return }
        for stage in [InspectionStage.pre, .process] where !record.passedStages.contains(stage) {
            throw OrderRefusal.stageNotPassed(order: record.order.number, category: record.order.category, stage: stage)
        }
    }

    /// What stands between the car and its hand-back (未达标准不准出厂): a failed final inspection
    /// blocks it in every category until a later one passes; a mandatory one must have passed;
    /// the bill settled; every belonging and the key back; an odometer not below check-in (or the
    /// reading corrected on record since) nor implausibly far beyond it unless confirmed; the
    /// replaced parts' fate said.
    public static func releaseBlockers(_ record: OrderRecord, settlement: Settlement, odometer: OdometerAtRelease,
                                       at now: Timestamp, oldParts: OldParts?) -> [ReleaseBlocker] {
        let order = record.order
        var blockers: [ReleaseBlocker] = []
        if record.finalInspection == .failed {
            blockers.append(.finalInspectionFailed(status: order.status))
        } else {
            switch order.status {
            case .ready, .declined:
                if order.status == .ready && order.category.requiresThreeInspections && record.finalInspection != .passed {
                    blockers.append(.finalInspectionPending)
                }
            case .completed: blockers.append(.finalInspectionPending)
            default: blockers.append(.notFinished(order.status))
            }
        }
        if settlement.balance.fen > 0 { blockers.append(.balanceDue(settlement.balance)) }
        if settlement.balance.fen < 0 { blockers.append(.refundDue(Money(fen: -settlement.balance.fen))) }
        let notBack = record.belongingsMissing
        if !notBack.isEmpty { blockers.append(.belongingsNotReturned(notBack)) }
        if let tag = order.keyTag, order.keyReturnedAt == nil { blockers.append(.keyNotReturned(tag)) }
        if let given = odometer.given {
            let standing = odometer.standing
            if given < standing.km {
                blockers.append(standing.source == .checkIn(order: order.id) ? .odometerBelowCheckIn(given: given, checkIn: standing.km)
                                                                            : .odometerBelowCorrected(given: given, corrected: standing.km))
            } else if !odometer.confirmed, let needed = OdometerRule.confirmationNeeded(reading: given, after: standing, at: now) {
                blockers.append(.odometerImplausible(given: given, last: standing.km, lastAt: standing.at, limit: needed.limit))
            }
        }
        if record.hasReplacedParts && oldParts == nil && order.status != .declined { blockers.append(.oldPartsUndecided) }
        return blockers
    }
}

/// The odometer at hand-back: the reading given (nil: none was taken, the standing one is kept),
/// the vehicle's reading standing now, and whether the advisor confirmed an implausible one.
public struct OdometerAtRelease: Sendable {
    public var given: Int?
    public var standing: OdometerReading
    public var confirmed: Bool

    public init(given: Int?, standing: OdometerReading, confirmed: Bool = false) {
        (self.given, self.standing, self.confirmed) = (given, standing, confirmed)
    }
}

/// Where an order's final inspection stands: its latest result counts.
public enum FinalInspection: Sendable, Equatable {
    case none, passed, failed
}

extension OrderRecord {
    public var finalInspection: FinalInspection {
        guard let latest = inspections.last(where: { $0.stage == .final }) else { return .none }
        return latest.result == .pass ? .passed : .failed
    }

    /// The completion certificate (竣工出厂合格证) number of the passed final inspection.
    public var certificate: String? { inspections.last { $0.certificate != nil }?.certificate }

    /// Parts of the shop's were fitted: what happens to the old ones must be said at release.
    public var hasReplacedParts: Bool {
        lines.contains { $0.kind == .part && $0.status == .approved && $0.partClass != .customer }
    }
}
