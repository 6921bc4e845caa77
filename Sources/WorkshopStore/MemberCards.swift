import SQLite
import WorkshopModel

/// Members' cards: each card's running balance beside every movement that made it, written in the
/// same transaction, and journalled.
extension Store {
    private static let cardColumns = """
        id, customer_id, kind, paid_in, bonus, uses, paid, bonus_given, job, times, expires_at, sold_at, sold_by, closed_at
        """

    private func card(from row: Row) throws -> MemberCard {
        let stored = StoredCodes(row, table: "member_cards", key: MemberCard.number(row.int("id")))
        return MemberCard(id: row.int("id"), customerID: row.int("customer_id"), kind: try stored.code("kind"),
                          balance: CardBalance(paidIn: row.money("paid_in"), bonus: row.money("bonus"), uses: row.int("uses")),
                          paid: row.money("paid"), bonusGiven: row.money("bonus_given"), job: row.optionalString("job"),
                          times: row.optionalInt("times"), expiresAt: row.optionalTimestamp("expires_at"),
                          soldAt: row.timestamp("sold_at"), soldBy: row.string("sold_by"), closedAt: row.optionalTimestamp("closed_at"))
    }

    public func card(id: Int) throws -> MemberCard? {
        try db.first("SELECT \(Self.cardColumns) FROM member_cards WHERE id = ?", [.integer(Int64(id))], card(from:))
    }

    /// The card a person names ("K3"), or a refusal naming what they typed.
    public func resolveCard(_ text: String) throws -> MemberCard {
        guard let id = MemberCard.id(text), let found = try card(id: id) else { throw CardRefusal.unknownCard(card: text.uppercased()) }
        return found
    }

    /// A customer's cards, newest first.
    public func cards(customerID: Int) throws -> [MemberCard] {
        try db.rows("SELECT \(Self.cardColumns) FROM member_cards WHERE customer_id = ? ORDER BY id DESC",
                    [.integer(Int64(customerID))], card(from:))
    }

    /// Open cards with an expiry before `before` (those past it included), soonest first.
    public func cardsExpiring(before: Timestamp) throws -> [MemberCard] {
        try db.rows("""
            SELECT \(Self.cardColumns) FROM member_cards WHERE expires_at IS NOT NULL AND closed_at IS NULL AND expires_at < ?
            ORDER BY expires_at, id
            """, [.integer(Int64(before.seconds))], card(from:))
    }

    /// Every card, newest first (at most `limit`).
    public func allCards(limit: Int = 200) throws -> [MemberCard] {
        try db.rows("SELECT \(Self.cardColumns) FROM member_cards ORDER BY id DESC LIMIT ?", [.integer(Int64(limit))], card(from:))
    }

    /// Sells a card: the card with its sale's balance, and the sale as its first movement.
    @discardableResult
    public func sellCard(customer: Customer, kind: CardKind, sale: CardMovement, job: String?, times: Int?,
                         expiresAt: Timestamp?) throws -> MemberCard {
        try db.run("""
            INSERT INTO member_cards(customer_id, kind, paid_in, bonus, uses, paid, bonus_given, job, times, expires_at, sold_at, sold_by)
            VALUES (?, ?, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(Int64(customer.id)), .text(kind.code), .integer(Int64(sale.change.paidIn.fen)),
                  .integer(Int64(sale.change.bonus.fen)), SQLValue(job), SQLValue(times), SQLValue(expiresAt?.seconds),
                  .integer(Int64(sale.at.seconds)), .text(sale.by)])
        let id = db.lastInsertRowID
        let card = MemberCard(id: id, customerID: customer.id, kind: kind, balance: .zero, paid: sale.change.paidIn,
                              bonusGiven: sale.change.bonus, job: job, times: times, expiresAt: expiresAt, soldAt: sale.at, soldBy: sale.by)
        try moveCard(card, sale, extra: [("customer", .string(customer.reference)), ("kind", .string(kind.code)), ("job", .string(job)),
                                         ("expires_at", .string(expiresAt.map { settings.timeZone.formatDate($0 + -1) }))])
        return try self.card(id: id)!
    }

    /// Records a movement of a card and keeps its balance in step, in the same transaction; a refund
    /// closes the card. Refuses (as a last guard) to take any part of the balance below zero.
    @discardableResult
    public func moveCard(_ card: MemberCard, _ movement: CardMovement, paymentOrder: RepairOrder? = nil,
                         extra: [(String, JSON)] = []) throws -> MemberCard {
        let after = card.balance + movement.change
        guard after.paidIn.fen >= 0, after.bonus.fen >= 0, after.uses >= 0 else {
            throw CardRefusal.aboveBalance(card: card.number, amount: Money(fen: -movement.change.paidIn.fen - movement.change.bonus.fen),
                                           paidIn: card.balance.paidIn, bonus: card.balance.bonus)
        }
        try db.run("""
            INSERT INTO card_movements(card_id, kind, paid_in_delta, bonus_delta, uses_delta, order_id, line_number, method, amount,
                                       reference, reason, authorized_by, at, by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(Int64(card.id)), .text(movement.kind.rawValue), .integer(Int64(movement.change.paidIn.fen)),
                  .integer(Int64(movement.change.bonus.fen)), .integer(Int64(movement.change.uses)), SQLValue(movement.orderID),
                  SQLValue(movement.line), SQLValue(movement.method?.code), SQLValue(movement.amount?.fen), SQLValue(movement.reference),
                  SQLValue(movement.reason), SQLValue(movement.authorizedBy), .integer(Int64(movement.at.seconds)), .text(movement.by)])
        try db.run("UPDATE member_cards SET paid_in = paid_in + ?, bonus = bonus + ?, uses = uses + ?, closed_at = ? WHERE id = ?",
                   [.integer(Int64(movement.change.paidIn.fen)), .integer(Int64(movement.change.bonus.fen)),
                    .integer(Int64(movement.change.uses)),
                    SQLValue(movement.kind == .refund ? movement.at.seconds : card.closedAt?.seconds), .integer(Int64(card.id))])
        let action: JournalAction
        switch movement.kind {
        case .sale: action = .cardSell
        case .use: action = .cardUse
        case .refund: action = .cardRefund
        case .adjust: action = .cardAdjust
        case .expire: action = .cardExpire
        }
        let order = movement.orderID.map(RepairOrder.number)
        try journal(action, entity: "card", id: card.number, orderID: movement.orderID, detail: [
            ("paid_in", .string(movement.change.paidIn.plain)), ("bonus", .string(movement.change.bonus.plain)),
            ("uses", .int(movement.change.uses)), ("order", .string(order)), ("line", .int(movement.line)),
            ("method", .string(movement.method?.code)), ("amount", .string(movement.amount?.plain)),
            ("reference", .string(movement.reference)), ("reason", .string(movement.reason)),
            ("authorized_by", .string(movement.authorizedBy)),
            ("balance_paid_in", .string(after.paidIn.plain)), ("balance_bonus", .string(after.bonus.plain)),
            ("balance_uses", .int(after.uses)),
        ] + extra)
        var moved = card
        moved.balance = after
        if movement.kind == .refund { moved.closedAt = movement.at }
        return moved
    }

    /// A card's movements, oldest first.
    public func cardMovements(cardID: Int) throws -> [CardMovement] {
        try db.rows("""
            SELECT id, kind, paid_in_delta, bonus_delta, uses_delta, order_id, line_number, method, amount, reference, reason,
                   authorized_by, at, by
            FROM card_movements WHERE card_id = ? ORDER BY id
            """, [.integer(Int64(cardID))]) { row in
            let stored = StoredCodes(row, table: "card_movements", key: String(row.int("id")))
            return CardMovement(kind: try stored.code("kind", CardMovementKind.init(rawValue:)),
                                change: CardBalance(paidIn: row.money("paid_in_delta"), bonus: row.money("bonus_delta"),
                                                    uses: row.int("uses_delta")),
                                orderID: row.optionalInt("order_id"), line: row.optionalInt("line_number"),
                                method: try stored.optionalCode("method"),
                                amount: row.optionalMoney("amount"), reference: row.optionalString("reference"),
                                reason: row.optionalString("reason"), authorizedBy: row.optionalString("authorized_by"),
                                at: row.timestamp("at"), by: row.string("by"))
        }
    }

    /// Cards whose balance differs from the sum of their movements (there should be none).
    public func cardMismatches() throws -> [(card: String, balance: CardBalance, movements: CardBalance)] {
        try db.rows("""
            SELECT c.id, c.paid_in, c.bonus, c.uses,
                   coalesce(sum(m.paid_in_delta), 0) AS m_paid_in, coalesce(sum(m.bonus_delta), 0) AS m_bonus,
                   coalesce(sum(m.uses_delta), 0) AS m_uses
            FROM member_cards c LEFT JOIN card_movements m ON m.card_id = c.id GROUP BY c.id
            HAVING c.paid_in <> coalesce(sum(m.paid_in_delta), 0) OR c.bonus <> coalesce(sum(m.bonus_delta), 0)
                OR c.uses <> coalesce(sum(m.uses_delta), 0)
            """) { row in
            (MemberCard.number(row.int("id")),
             CardBalance(paidIn: row.money("paid_in"), bonus: row.money("bonus"), uses: row.int("uses")),
             CardBalance(paidIn: row.money("m_paid_in"), bonus: row.money("m_bonus"), uses: row.int("m_uses")))
        }
    }

    /// The cards' figures of [start, end): sold, consumed, refunded, expired, adjusted; and what
    /// every card holds at `end` (the liability), as the sum of the movements before it.
    public func cardFigures(from start: Timestamp, to end: Timestamp) throws -> CardFigures {
        var f = CardFigures()
        let range: [SQLValue] = [.integer(Int64(start.seconds)), .integer(Int64(end.seconds))]
        try db.forEach("""
            SELECT kind, count(*) AS movements, coalesce(sum(paid_in_delta), 0) AS paid_in, coalesce(sum(bonus_delta), 0) AS bonus,
                   coalesce(sum(uses_delta), 0) AS uses, coalesce(sum(amount), 0) AS amount
            FROM card_movements WHERE at >= ? AND at < ? GROUP BY kind
            """, range) { row in
            let paidIn = row.money("paid_in"), bonus = row.money("bonus")
            switch CardMovementKind(rawValue: row.string("kind")) {
            case .sale?:
                f.cardsSold = row.int("movements")
                f.soldPaidIn = paidIn
                f.soldBonus = bonus
            case .use?:
                f.consumedPaidIn = Money(fen: -paidIn.fen)
                f.consumedBonus = Money(fen: -bonus.fen)
                f.uses = -row.int("uses")
            case .refund?:
                f.refunded = row.money("amount")
                f.refundForfeitedBonus = Money(fen: -bonus.fen)
            case .expire?:
                f.expiredPaidIn = Money(fen: -paidIn.fen)
                f.expiredBonus = Money(fen: -bonus.fen)
            case .adjust?:
                f.adjusted = paidIn
            case nil: break
            }
        }
        try db.forEach("""
            SELECT coalesce(sum(paid_in_delta), 0) AS paid_in, coalesce(sum(bonus_delta), 0) AS bonus FROM card_movements WHERE at < ?
            """, [.integer(Int64(end.seconds))]) { row in
            f.outstandingPaidIn = row.money("paid_in")
            f.outstandingBonus = row.money("bonus")
        }
        return f
    }

    /// Money that came in or went out at the desk for cards in [start, end), by method: sales in,
    /// refunds out (for the day's cash figures).
    public func cardMoney(from start: Timestamp, to end: Timestamp) throws -> [(method: PaymentMethod, received: Money, refunded: Money, count: Int)] {
        try db.rows("""
            SELECT method, coalesce(sum(CASE WHEN kind = 'sale' THEN amount END), 0) AS received,
                   coalesce(sum(CASE WHEN kind = 'refund' THEN amount END), 0) AS refunded,
                   count(CASE WHEN kind = 'sale' THEN 1 END) AS sales
            FROM card_movements WHERE at >= ? AND at < ? AND method IS NOT NULL GROUP BY method
            """, [.integer(Int64(start.seconds)), .integer(Int64(end.seconds))]) { row in
            let stored = StoredCodes(row, table: "card_movements", key: "method")
            return (try stored.code("method"), row.money("received"), row.money("refunded"), row.int("sales"))
        }
    }
}
