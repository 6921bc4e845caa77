/// Everything about one repair order, read in one go: what `ro show` prints and what the
/// documents are made from.
public struct OrderRecord: Sendable {
    public let order: RepairOrder
    public let vehicle: Vehicle
    public let customer: Customer
    /// All lines, removed ones included (they keep their numbers).
    public let lines: [OrderLine]
    public let damage: [DamageNote]
    public let belongings: [Belonging]
    public let documents: [ReceivedDocument]
    public let assignments: [Assignment]
    public let inspections: [Inspection]
    public let supplements: [Supplement]
    /// The customer the order is billed to when it is not the owner (`order.billTo`).
    public let billedTo: Customer?
    /// The bay the car is in now, if it is in one.
    public let bayStay: BayStay?
    /// What the workshop found after the customer signed: added, each with its time and who; the
    /// diagnosis the customer signed (`order.findings`) stays as it was.
    public let laterFindings: [LaterFinding]

    public init(order: RepairOrder, vehicle: Vehicle, customer: Customer, lines: [OrderLine], damage: [DamageNote],
                belongings: [Belonging], documents: [ReceivedDocument], assignments: [Assignment] = [],
                inspections: [Inspection] = [], supplements: [Supplement] = [], billedTo: Customer? = nil,
                bayStay: BayStay? = nil, laterFindings: [LaterFinding] = []) {
        self.order = order
        self.vehicle = vehicle
        self.customer = customer
        self.lines = lines
        self.damage = damage
        self.belongings = belongings
        self.documents = documents
        self.assignments = assignments
        self.inspections = inspections
        self.supplements = supplements
        self.billedTo = billedTo
        self.bayStay = bayStay
        self.laterFindings = laterFindings
    }

    /// The stages whose latest inspection passed.
    public var passedStages: Set<InspectionStage> {
        var latest: [InspectionStage: InspectionResult] = [:]
        for inspection in inspections { latest[inspection.stage] = inspection.result }
        return Set(latest.filter { $0.value == .pass }.keys)
    }

    /// The passed final inspection that issued the completion certificate (竣工出厂合格证), if any.
    public var passedFinalInspection: Inspection? {
        inspections.last { $0.stage == .final && $0.result == .pass && $0.certificate != nil }
    }

    /// The lines shown: everything but removed ones.
    public var visibleLines: [OrderLine] { lines.filter { $0.status != .removed } }

    /// The lines that count: offered before signature, approved after. Added work the customer has
    /// not answered yet is not among them: it is never part of what was signed.
    public var offeredLines: [OrderLine] {
        let waiting = linesAwaitingAnswer
        return lines.filter { $0.isOffered && !waiting.contains($0.number) }
    }

    /// The numbers of the added items (supplements) still waiting for the customer's answer.
    public var linesAwaitingAnswer: Set<Int> { Set(supplements.filter { $0.answer == nil }.map(\.line)) }

    /// Added work reported and not yet answered: shown apart from the signed total, never in it.
    public var addedWorkAwaitingAnswer: [OrderLine] {
        let waiting = linesAwaitingAnswer
        return lines.filter { $0.status == .proposed && waiting.contains($0.number) }
    }

    /// What is offered or approved, under the order's terms (the shop's current ones before signature).
    public func totals(_ settings: ShopSettings) -> Totals { offeredTotals(current: settings.pricingTerms) }

    public var hasNoWarrantyLines: Bool { offeredLines.contains { $0.noWarranty } }
}
