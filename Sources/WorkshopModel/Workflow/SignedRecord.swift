/// What the customer signed stays as it was signed: a diagnosis written after signature is added as a
/// finding of its own — its text, when and who — beside the signed one, never over it; a belonging
/// on a signed checklist is never deleted, only marked missing with the reason, who and when.

/// A finding the workshop added after the customer signed (追加诊断): what, when and who.
public struct LaterFinding: Hashable, Sendable {
    public var text: String
    public var at: Timestamp
    public var by: String
    public init(text: String, at: Timestamp, by: String) { (self.text, self.at, self.by) = (text, at, by) }
}

extension Gate {
    /// The diagnosis the customer signed is not rewritten: while the order is signed (or in the
    /// workshop, or done) what is found is added as a finding of its own.
    public static func diagnosisSigned(_ order: RepairOrder) -> Bool {
        switch order.status {
        case .signed, .inWork, .completed, .ready: return true
        case .estimating, .declined, .released, .void: return false
        }
    }

    /// A belonging comes off the checklist only before the customer signed it (a typo); after, it is
    /// marked missing, with the reason (`belongings … missing ITEM reason=…`).
    /// An item not on the checklist is named as such first: there is nothing to take off or to miss.
    public static func belongingRemovable(_ record: OrderRecord, item: String) throws {
        let order = record.order
        guard record.belongings.contains(where: { $0.name == item }) else {
            throw LookupRefusal.noBelonging(item: item, order: order.number)
        }
        if order.status == .released || order.status == .void || order.releasedAt != nil {
            throw OrderRefusal.closed(order: order.number, status: order.status)
        }
        guard order.status == .estimating else {
            throw OrderRefusal.belongingRemoveAfterSigning(order: order.number, status: order.status, item: item)
        }
    }
}

extension Gate {
    /// The damage seen at the visual check is part of what the customer signs: a note comes off only
    /// before signature (a slip); after it, a correction is a note of its own, and notes made after
    /// signature are printed as such (`DamageNote.isAfterSigning`).
    public static func damageRemovable(_ record: OrderRecord, note: Int) throws {
        let order = record.order
        try open(order)
        guard (1...max(1, record.damage.count)).contains(note), !record.damage.isEmpty else {
            throw OrderRefusal.noSuchDamageNote(order: order.number, given: note, count: record.damage.count)
        }
        guard order.status == .estimating else {
            throw OrderRefusal.damageRemoveAfterSigning(order: order.number, status: order.status, note: note)
        }
    }
}

extension DamageNote {
    /// Noted after the customer signed the order (found in the workshop, or a correction): not part
    /// of what the customer signed at reception.
    public func isAfterSigning(_ order: RepairOrder) -> Bool {
        guard let signed = order.signedAt else { return false }
        return notedAt > signed
    }
}

extension OrderRecord {
    /// Records the diagnosis (诊断书): before signature it is written (and rewritten) on the order, with
    /// a diagnostic fee as a line when there is one; after, what is found is added as a finding with
    /// its time and who (`by`), the signed one kept as it was — and a fee is refused as before.
    public func diagnose(_ findings: String, fee: Money?, feeDescription: String, by: String, at now: Timestamp) throws -> OrderChange {
        guard Gate.diagnosisSigned(order) else { return try diagnose(findings, fee: fee, feeDescription: feeDescription) }
        if fee != nil { try Gate.estimateEditable(order) }
        let text = findings.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw InputRefusal.empty(field: "findings") }
        var change = OrderChange(order, .orderFindingAdd, [("finding", .string(text)), ("signed_findings", .string(order.findings))])
        change.laterFinding = LaterFinding(text: text, at: now, by: by)
        return change
    }

    /// Counts items into the checklist (随车物品清点): an item already on it is counted up by what is
    /// added (脚垫x1 on four floor mats makes five), never set to it — a checklist is lowered only by
    /// `remove` before signature, or by `missing` at hand-back, each with its own rule. Returns each
    /// item as it now stands; those already checked back keep what came back, the added ones are out.
    public func countIn(_ items: [BelongingItem]) throws -> [Belonging] {
        try Gate.open(order)
        var standing: [Belonging] = []
        for item in items {
            let before = standing.last(where: { $0.name == item.name }) ?? belongings.first(where: { $0.name == item.name })
            var counted = before ?? Belonging(name: item.name, count: 0)
            let back = counted.back
            counted.count += item.count
            guard counted.count <= Belonging.largestCount else {
                throw InputRefusal.belongingCount(given: "\(item.name)×\(counted.count)")
            }
            if counted.returnedAt != nil || counted.returned != nil { (counted.returnedAt, counted.returned) = (nil, back) }
            standing.removeAll { $0.name == item.name }
            standing.append(counted)
        }
        return standing
    }

    /// Marks a belonging on the checklist missing at hand-back (丢失/未找到): kept on the checklist, printed
    /// as missing with the reason, who and when; release counts it accounted for by that record.
    /// Marks what is still out of an item missing — all of it: a count given (`脚垫x2`) must be what
    /// is still out, so that the ones found are checked back first and never counted as lost.
    public func markMissing(_ name: String, count given: Int? = nil, reason: String, by: String, at now: Timestamp) throws -> Belonging {
        try ensureCanReturnBelongings()
        guard order.status != .estimating else { throw OrderRefusal.missingBeforeSigning(order: order.number, item: name) }
        guard var item = belongings.first(where: { $0.name == name }) else {
            throw LookupRefusal.noBelonging(item: name, order: order.number)
        }
        let reason = reason.trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty else { throw InputRefusal.empty(field: "reason") }
        guard !item.isBack else { throw OrderRefusal.missingButBack(order: order.number, item: name) }
        if let given, given != item.missing {
            throw OrderRefusal.missingCountNotOut(order: order.number, item: name, given: given, out: item.missing)
        }
        if let marked = item.missingRecord {
            throw OrderRefusal.missingAlreadyMarked(order: order.number, item: name, by: marked.by, at: marked.at)
        }
        item.missingRecord = MissingBelonging(reason: reason, by: by, at: now)
        return item
    }
}

/// Declined work offered again at the vehicle's next visits (domain.md: declined lines stay on the
/// record and are offered again) — until it is done: once the same labour operation, or the same part
/// number, was approved on a later order of the vehicle that was released, it is no longer offered.
public enum DeclinedWork {
    /// `declined`: the vehicle's declined lines, with their orders; `done`: the approved lines of its
    /// released orders, with their orders.
    public static func stillOffered(_ declined: [(order: Int, line: OrderLine)], done: [(order: Int, line: OrderLine)]) -> [(order: Int, line: OrderLine)] {
        declined.filter { item in
            !done.contains { later in later.order > item.order && sameWork(item.line, later.line) }
        }
    }

    /// The same work: the same labour operation (not the diagnostic fee's reserved code), or the same part number.
    static func sameWork(_ a: OrderLine, _ b: OrderLine) -> Bool {
        if let code = a.operationCode, code != OrderLine.diagnosticFeeCode, code.uppercased() == b.operationCode?.uppercased() { return true }
        if let part = a.partNumber, part.uppercased() == b.partNumber?.uppercased() { return true }
        return false
    }
}
