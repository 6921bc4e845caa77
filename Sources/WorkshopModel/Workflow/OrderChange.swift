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
    public internal(set) var payment: Payment?
    public let action: JournalAction
    public let detail: [(String, JSON)]

    init(_ order: RepairOrder, _ action: JournalAction, _ detail: [(String, JSON)] = []) {
        self.order = order
        self.action = action
        self.detail = detail
    }
}
