/// The repair category an order's work implies (维修类别): a labour operation of the catalogue may say
/// it (MNT-02 二级维护 is 二级维护 work), and an order doing that work is never signed, nor set, as a
/// lower category — the category decides the three inspections and the statutory warranty, and a car
/// that had a level-2 maintenance does not leave as a 小修 without them.
extension RepairCategory {
    /// How much the category asks of the shop: 整车修理 above 总成修理 above 二级维护 above the rest
    /// (一级维护, 小修, 专项修理: no mandatory inspections, the shortest warranty).
    public var rank: Int {
        switch self {
        case .overhaul: return 3
        case .assembly: return 2
        case .level2: return 1
        case .level1, .minor, .special: return 0
        }
    }

    /// Whether this category asks less of the shop than `other`.
    public func isBelow(_ other: RepairCategory) -> Bool { rank < other.rank }
}

/// A line of an order whose labour operation implies a repair category.
public struct ImpliedCategory: Equatable, Sendable {
    public var line: Int
    public var description: String
    public var operationCode: String
    public var category: RepairCategory

    public init(line: Int, description: String, operationCode: String, category: RepairCategory) {
        (self.line, self.description, self.operationCode, self.category) = (line, description, operationCode, category)
    }
}

extension OrderRecord {
    /// The lines in force — offered before signature, approved after, added work reported — whose
    /// labour operation the catalogue gives a category (`catalogue`: operation code → category).
    public func impliedCategories(_ catalogue: [String: RepairCategory]) -> [ImpliedCategory] {
        lines.filter { $0.kind == .labor && ($0.isOffered) }.compactMap { line in
            guard let code = line.operationCode, let category = catalogue[code.uppercased()] else { return nil }
            return ImpliedCategory(line: line.number, description: line.description, operationCode: code, category: category)
        }
    }

    /// The highest category the order's work implies, and the first line that implies it; nil when
    /// no line implies one above the lowest.
    public func requiredCategory(_ catalogue: [String: RepairCategory]) -> ImpliedCategory? {
        impliedCategories(catalogue).filter { $0.category.rank > 0 }.max { a, b in
            a.category.rank < b.category.rank || (a.category.rank == b.category.rank && a.line > b.line)
        }
    }
}

extension Gate {
    /// An order's category is never lower than its work implies (refused, naming the line); a lower
    /// category than the one the order has otherwise needs a manager (`authorizedBy`).
    public static func category(_ category: RepairCategory, for record: OrderRecord, catalogue: [String: RepairCategory],
                                authorizedBy manager: String?) throws {
        let order = record.order
        if let required = record.requiredCategory(catalogue), category.isBelow(required.category) {
            throw OrderRefusal.categoryBelowWork(order: order.number, given: category, required: required.category,
                                                 line: required.line, description: required.description)
        }
        if category.isBelow(order.category) && manager == nil {
            throw OrderRefusal.categoryDowngradeNeedsManager(order: order.number, from: order.category, to: category)
        }
    }

    /// The customer signs the order under a category its work allows.
    public static func categoryCoversWork(_ record: OrderRecord, catalogue: [String: RepairCategory]) throws {
        let order = record.order
        if let required = record.requiredCategory(catalogue), order.category.isBelow(required.category) {
            throw OrderRefusal.categoryBelowWork(order: order.number, given: order.category, required: required.category,
                                                 line: required.line, description: required.description)
        }
    }
}

extension OrderRecord {
    /// `ro set … category=`: the category checked against the order's work and, lowered, a manager's
    /// authorisation (`Gate.category`), then the facts corrected as `correct` does.
    public func correct(_ facts: ReceptionFacts, odometerBefore before: OdometerReading?, correctedSince: OdometerReading? = nil,
                        catalogue: [String: RepairCategory], authorizedBy manager: String?, payments: [Payment] = []) throws -> OrderChange {
        if let category = facts.category, category != order.category {
            try Gate.open(order)
            if order.status == .estimating {
                try Gate.category(category, for: self, catalogue: catalogue, authorizedBy: manager)
            }
        }
        var change = try correct(facts, odometerBefore: before, correctedSince: correctedSince, payments: payments)
        if let category = facts.category, category.isBelow(order.category) {
            change.detail += [("category_was", .string(order.category.code)), ("authorized_by", .string(manager))]
        }
        return change
    }

    /// Adds a line to the estimate (`addLine`); a labour operation implying a higher category than the
    /// order's (`implies`) raises the order to it, said in the journal (`category_raised`).
    public func addLine(_ line: OrderLine, covered: Bool? = nil, implies: RepairCategory?) throws -> OrderChange {
        raising(try addLine(line, covered: covered), to: implies)
    }

    /// The same through the price-concession gate too (`addLine(_:covered:list:authorizedBy:current:)`).
    public func addLine(_ line: OrderLine, covered: Bool? = nil, list: ListPrice?, authorizedBy manager: String?,
                        current: PricingTerms, implies: RepairCategory?, named: CatalogueName? = nil,
                        unlisted: Bool = false, member: MemberTier? = nil, priceTyped: Bool = false) throws -> OrderChange {
        raising(try addLine(line, covered: covered, list: list, authorizedBy: manager, current: current, named: named, unlisted: unlisted,
                            member: member, priceTyped: priceTyped),
                to: implies)
    }

    private func raising(_ change: OrderChange, to implies: RepairCategory?) -> OrderChange {
        guard let implies, order.category.isBelow(implies) else { return change }
        return change.raisingCategory(to: implies, from: order.category)
    }

    /// The customer signs (`sign`) an order whose category its work allows (`Gate.categoryCoversWork`).
    public func sign(signer: String, via: Channel, declining: [Int], takenBy: String, at now: Timestamp, terms: PricingTerms,
                     catalogue: [String: RepairCategory]) throws -> OrderChange {
        if order.status == .estimating { try Gate.categoryCoversWork(self, catalogue: catalogue) }
        return try sign(signer: signer, via: via, declining: declining, takenBy: takenBy, at: now, terms: terms)
    }
}

extension CheckInFacts {
    /// The category a check-in opens with: the one given, or the highest a booking's planned work
    /// implies (`implied`: the work's operations' categories); one given below that work is refused.
    public static func category(given: RepairCategory?, implied: [(operation: String, category: RepairCategory)],
                                booking: String?) throws -> RepairCategory {
        let highest = implied.max { $0.category.rank < $1.category.rank }
        if let given {
            if let highest, given.isBelow(highest.category) {
                throw OrderRefusal.categoryBelowBooking(booking: booking ?? "", given: given, required: highest.category,
                                                        operation: highest.operation)
            }
            return given
        }
        guard let highest, highest.category.rank > 0 else { return .minor }
        return highest.category
    }
}

extension OrderChange {
    /// The same change, the order's category raised to `category` (its work implies it).
    func raisingCategory(to category: RepairCategory, from was: RepairCategory) -> OrderChange {
        var updated = order
        updated.category = category
        var change = OrderChange(updated, action, detail + [("category_raised", .string(category.code)), ("category_was", .string(was.code))])
        change.newLines = newLines
        change.changedLines = changedLines
        return change
    }
}
