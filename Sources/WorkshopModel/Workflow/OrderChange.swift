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
