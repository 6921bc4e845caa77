/// What one transition of the workflow did to an order: the order as it now is, the lines it added
/// or changed, the records it made (an inspection, an answer, a payment…) and what the journal
/// says. Only the transitions in this module make one; the store persists it whole, in the
/// command's transaction, as one journal entry.
public struct OrderChange: Sendable {
    public let order: RepairOrder
    /// Lines new to the order, already numbered.
    public internal(set) var newLines: [OrderLine] = []
    /// Lines whose status or content changed.
    public internal(set) var changedLines: [OrderLine] = []
    public internal(set) var assignment: Assignment?
    public internal(set) var inspection: Inspection?
    /// An added item reported, or its answer recorded.
    public internal(set) var supplement: Supplement?
    public internal(set) var progress: ProgressReport?
    /// A finding added after the customer signed (the signed diagnosis kept as it was).
    public internal(set) var laterFinding: LaterFinding?
    public internal(set) var payment: Payment?
    /// The car goes into a bay (out of the one it was in), or leaves its bay.
    public internal(set) var bayMove: BayMove?
    /// What the dispatcher overrode to put the car in its bay: bookings' holds, equipment missing.
    public internal(set) var overriddenHolds: [BayHold] = []
    public internal(set) var overriddenEquipment: [EquipmentNeed] = []
    public let action: JournalAction
    public internal(set) var detail: [(String, JSON)]

    init(_ order: RepairOrder, _ action: JournalAction, _ detail: [(String, JSON)] = []) {
        self.order = order
        self.action = action
        self.detail = detail
    }
}

/// What a change does to where the car is on the floor.
public enum BayMove: Equatable, Sendable {
    /// Into `bay` (by its name); out of the bay it was in, if any (that stay ends, moved).
    case enter(bay: String, leaving: BayStay?)
    /// Out of the bay it is in.
    case leave(BayStay, BayLeaving)
}

extension OrderChange {
    /// The same change, the car leaving the bay it is in (if it is in one).
    func leavingBay(of record: OrderRecord, _ why: BayLeaving) -> OrderChange {
        guard let stay = record.bayStay else { return self }
        var change = self
        change.bayMove = .leave(stay, why)
        change.detail.append(("bay_left", .string(stay.bay)))
        return change
    }
}

extension OrderRecord {
    /// The record as a hand-back left it, made without reading it again: a release changes the
    /// order's header and takes the car out of its bay, and the vehicle's reading moves on to the
    /// release's when that is higher. Nil for any change that did more (lines, records, a move
    /// into a bay): that record must be read as stored.
    public func handedBack(_ change: OrderChange) -> OrderRecord? {
        guard change.action == .orderRelease, change.order.id == order.id, change.newLines.isEmpty, change.changedLines.isEmpty,
              change.assignment == nil, change.inspection == nil, change.supplement == nil, change.progress == nil,
              change.laterFinding == nil, change.payment == nil else { return nil }
        switch change.bayMove {
        case nil, .leave?: break
        case .enter?: return nil
        }
        var vehicle = vehicle
        vehicle.odometer = max(vehicle.odometer, change.order.releaseOdometer ?? change.order.odometerIn)
        return OrderRecord(order: change.order, vehicle: vehicle, customer: customer, lines: lines, damage: damage,
                           belongings: belongings, documents: documents, assignments: assignments, inspections: inspections,
                           supplements: supplements, billedTo: billedTo, bayStay: nil, laterFindings: laterFindings)
    }
}
