/// Putting right how an order was opened: a comeback recognised after check-in is linked to the work
/// it redoes; an order opened by mistake is voided. Both are recorded with their reason; nothing is
/// deleted.
extension OrderRecord {
    /// Links an order opened as an ordinary one to the earlier work it redoes under warranty (返修),
    /// with the cause: `comeback` is checked as at check-in (`Comeback.link`: this vehicle's released
    /// order, its line under warranty when the car came in). The lines already written stay as they
    /// are — chargeable — until the advisor marks the warranty work (`changeLine … covered: true`,
    /// before signature); lines added from now on are warranty work unless said otherwise. Before
    /// signature the payer becomes the warranty, as at a comeback's check-in.
    public func linkComeback(_ comeback: Comeback) throws -> OrderChange {
        try Gate.open(order)
        if let original = order.reworkOf {
            throw OrderRefusal.comebackAlreadyLinked(order: order.number,
                                                     of: RepairOrder.number(original) + (order.reworkLine.map { "/\($0)" } ?? ""))
        }
        var updated = order
        updated.reworkOf = comeback.order
        updated.reworkLine = comeback.line
        updated.reworkCause = comeback.cause
        if order.status == .estimating && order.payer == .owner { updated.payer = .warranty }
        return OrderChange(updated, .orderComebackLink, [
            ("rework_of", .string(RepairOrder.number(comeback.order))), ("rework_line", .int(comeback.line)),
            ("cause", .string(comeback.cause)), ("payer", .string(updated.payer.code)), ("payer_was", .string(order.payer.code)),
        ])
    }

    /// Voids an order opened by mistake (作废): kept with its lines and its reason, never deleted; out of
    /// the board, the order lists and the reports; its key tag and its vehicle free again. Only what
    /// `Gate.voidable` allows: an unsigned estimate with nothing paid and no part issued.
    /// `paid`: the payments recorded on it (net of refunds); `issuedLines`: lines with parts off the shelf.
    public func void(reason: String, paid: Money, issuedLines: [Int], at now: Timestamp) throws -> OrderChange {
        try Gate.voidable(order, paid: paid, issuedLines: issuedLines)
        let reason = reason.trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty else { throw InputRefusal.empty(field: "reason") }
        var updated = order
        updated.status = .void
        updated.closedAt = now
        return OrderChange(updated, .orderVoid, [
            ("reason", .string(reason)), ("status_was", .string(order.status.code)), ("key_tag", .string(order.keyTag)),
        ])
    }
}
