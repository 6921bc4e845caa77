import WorkshopModel
import WorkshopStore

/// A member's count card or package on an order: `ro cover RO12 2 card=K5` puts a labour line on the
/// card (off the bill, a use held), `ro uncover` takes it off, and the release takes the uses.
///
/// Why a command of the order and not an option of `estimate … labor`: a cover is said at the desk
/// as often as at the estimate — after signing, when the customer shows the card — and it changes no
/// line's work or price, only who pays for it (like a discount or a payment). `ro cover` works from
/// check-in until release, and on an order signed it is never a change to what was signed but less
/// to pay.
enum CardCoverCommands {
    static let roles: Set<Role> = [.advisor, .cashier, .manager]

    static func cover(_ invocation: Invocation, _ s: Session) throws -> Output {
        let record = try s.record(invocation)
        let card = try s.store.resolveCard(invocation.need("card"))
        let number: Int = invocation.need("line")
        // One use covers the operation's standard hours (工时定额) at the order's labour rate.
        let operation = try record.lines.first { $0.number == number }?.operationCode.flatMap { try s.store.laborOperation(code: $0) }
        let useValue = operation.map { LineAmount.labor(hours: $0.hours, rate: record.terms(current: s.terms).laborRate) }
        let change = try s.store.apply(try record.cover(line: number, with: card, holder: try CardCommands.holder(card, s),
                                                        holds: try s.store.cardHolds(card), useValue: useValue, by: s.user, at: s.now))
        let after = try s.store.record(of: change.order)
        let line = change.changedLines[0]
        let item = try CardRules.coveringItem(card, line: line)
        let free = item.uses - (try s.store.cardHolds(card)).count(item: item.number)
        let total = after.totals(s.settings).taxed.gross
        // Covered after payment, the line's price is money owed back, as a discount would be.
        let overpaid = CashCommands.overpaidText(after.order, after.settlement(payments: try s.store.payments(orderID: after.order.id), current: s.terms), s)
        return .message(s.t("\(record.order.number) 第 \(number) 项 \(line.description) 由\(card.kind.chinese) \(card.number) 抵扣（\(line.amount.grouped) 不收费，交车时扣 1 次；\(item.job) 另有 \(free) 次可用）；合计 \(total.grouped)",
                            "\(record.order.number) line \(number) \(line.description) covered by \(card.kind.english) \(card.number) (\(line.amount.grouped) off the bill; one use taken at release; \(free) more uses of \(item.job) free); total \(total.grouped)")
                        + overpaid,
                        [("order", .string(record.order.number)), ("line", .int(number)), ("card", .string(card.number)),
                         ("value", .money(line.amount)), ("total", .money(total)), ("uses_free", .int(free))])
    }

    static func uncover(_ invocation: Invocation, _ s: Session) throws -> Output {
        let record = try s.record(invocation)
        let number: Int = invocation.need("line")
        let card = MemberCard.number(record.lines.first { $0.number == number }?.cardID ?? 0)
        let change = try s.store.apply(try record.uncover(line: number))
        let total = try s.store.record(of: change.order).totals(s.settings).taxed.gross
        let line = change.changedLines[0]
        return .message(s.t("\(record.order.number) 第 \(number) 项不再由 \(card) 抵扣，重新收费 \(line.amount.grouped)；合计 \(total.grouped)",
                            "\(record.order.number) line \(number) no longer covered by \(card): charged \(line.amount.grouped) again; total \(total.grouped)"),
                        [("order", .string(record.order.number)), ("line", .int(number)), ("card", .string(card)), ("total", .money(total))])
    }

    /// At release: each approved line a card covers takes its use from the card (`CardRules.use`),
    /// in the release's transaction. Gives a line of text per use for the release's message.
    static func takeUses(_ record: OrderRecord, _ s: Session) throws -> [String] {
        try record.cardCoveredLines.map { line in
            guard let id = line.cardID, let card = try s.store.card(id: id) else { throw CardRefusal.unknownCard(card: MemberCard.number(line.cardID ?? 0)) }
            let movement = try CardRules.use(card, line: line, orderID: record.order.id, at: s.now, by: s.user)
            let after = card.applying(movement)
            try s.store.moveCard(card, movement)
            let item = after.items.first { $0.number == movement.item }
            let value = Money(fen: -movement.change.paidIn.fen)
            return s.t("\(card.number) 抵扣第 \(line.number) 项 \(item?.job ?? "")：扣 1 次（本金 \(value.grouped)），剩 \(item?.uses ?? 0) 次",
                       "\(card.number) covered line \(line.number) \(item?.job ?? ""): one use taken (paid-in \(value.grouped)), \(item?.uses ?? 0) left")
        }
    }
}
