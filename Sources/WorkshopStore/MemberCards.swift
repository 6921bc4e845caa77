import SQLite
import WorkshopModel

/// Members' cards: each card's running balance beside every movement that made it, written in the
/// same transaction, and journalled.
extension Store {
    private static let cardColumns = """
        id, customer_id, kind, paid_in, bonus, uses, paid, bonus_given, job, times, expires_at, sold_at, sold_by, closed_at
        """

    private func card(from row: ShopRow) throws -> MemberCard {
        let stored = StoredCodes(row, table: "member_cards", key: MemberCard.number(row.int("id")))
        return MemberCard(id: row.int("id"), customerID: row.int("customer_id"), kind: try stored.code("kind"),
                          balance: CardBalance(paidIn: row.money("paid_in"), bonus: row.money("bonus"), uses: row.int("uses")),
                          paid: row.money("paid"), bonusGiven: row.money("bonus_given"), expiresAt: row.optionalTimestamp("expires_at"),
                          soldAt: row.timestamp("sold_at"), soldBy: row.string("sold_by"), closedAt: row.optionalTimestamp("closed_at"))
    }

    /// The card with its items: each as sold, with what is left of it — its uses and price less its
    /// movements (a closed card's items hold nothing).
    private func withItems(_ card: MemberCard) throws -> MemberCard {
        guard card.kind.coversJobs else { return card }
        var card = card
        card.items = try db.rows("""
            SELECT i.item, i.job, i.name, i.operations, i.times, i.price,
                   (SELECT coalesce(sum(m.uses_delta), 0) FROM card_movements m WHERE m.card_id = i.card_id AND m.item = i.item) AS uses_moved,
                   (SELECT coalesce(sum(m.paid_in_delta), 0) FROM card_movements m WHERE m.card_id = i.card_id AND m.item = i.item) AS paid_in_moved
            FROM card_items i WHERE i.card_id = ? ORDER BY i.item
            """, [.integer(Int64(card.id))]) { row in
            let open = card.closedAt == nil
            return CardItem(number: row.int("item"), job: row.string("job"), name: row.string("name"),
                            operations: row.string("operations").split(separator: ",").map(String.init), times: row.int("times"),
                            price: row.money("price"), uses: open ? row.int("times") + row.int("uses_moved") : 0,
                            paidIn: open ? row.money("price") + row.money("paid_in_moved") : .zero)
        }
        return card
    }

    public func card(id: Int) throws -> MemberCard? {
        try db.first("SELECT \(Self.cardColumns) FROM member_cards WHERE id = ?", [.integer(Int64(id))], card(from:)).map(withItems)
    }

    /// The card a person names ("K3"), or a refusal naming what they typed.
    public func resolveCard(_ text: String) throws -> MemberCard {
        guard let id = MemberCard.id(text), let found = try card(id: id) else { throw CardRefusal.unknownCard(card: text.uppercased()) }
        return found
    }

    /// A customer's cards, newest first.
    public func cards(customerID: Int) throws -> [MemberCard] {
        try db.rows("SELECT \(Self.cardColumns) FROM member_cards WHERE customer_id = ? ORDER BY id DESC",
                    [.integer(Int64(customerID))], card(from:)).map(withItems)
    }

    /// Open cards with an expiry before `before` (those past it included), soonest first.
    public func cardsExpiring(before: Timestamp) throws -> [MemberCard] {
        try db.rows("""
            SELECT \(Self.cardColumns) FROM member_cards WHERE expires_at IS NOT NULL AND closed_at IS NULL AND expires_at < ?
            ORDER BY expires_at, id
            """, [.integer(Int64(before.seconds))], card(from:)).map(withItems)
    }

    /// Every card, newest first (at most `limit`).
    public func allCards(limit: Int = 200) throws -> [MemberCard] {
        try db.rows("SELECT \(Self.cardColumns) FROM member_cards ORDER BY id DESC LIMIT ?", [.integer(Int64(limit))], card(from:))
            .map(withItems)
    }

    /// The uses of a card that open orders hold: lines covered by it, offered or approved, on orders
    /// neither released, declined nor void (`order_lines_card`), each by the item whose job it is.
    public func cardHolds(_ card: MemberCard) throws -> CardHolds {
        guard card.kind.coversJobs else { return CardHolds() }
        let covers = try db.rows("""
            SELECT l.order_id, l.number, l.op_code FROM order_lines l JOIN orders o ON o.id = l.order_id
            WHERE l.card_id = ? AND l.status IN ('proposed','approved') AND o.released_at IS NULL AND o.status NOT IN ('declined','void')
            ORDER BY l.order_id, l.number
            """, [.integer(Int64(card.id))]) { row in (row.int("order_id"), row.int("number"), row.string("op_code")) }
        return CardHolds(covers.compactMap { order, line, operation in
            card.item(covering: operation).map { CardHold(item: $0.number, orderID: order, line: line) }
        })
    }

    /// Sells a card: the card (with a count card's or package's items) with its sale's balance,
    /// and the sale as its first movement.
    @discardableResult
    public func sellCard(customer: Customer, kind: CardKind, sale: CardMovement, items: [CardItem] = [],
                         expiresAt: Timestamp?) throws -> MemberCard {
        // A count card keeps its one job on the card's row too; a package its uses in all.
        let job = kind == .count ? items.first?.job : nil
        let times = kind.coversJobs ? items.reduce(0) { $0 + $1.times } : nil
        let id = try insert("""
            INSERT INTO member_cards(customer_id, kind, paid_in, bonus, uses, paid, bonus_given, job, times, expires_at, sold_at, sold_by)
            VALUES (?, ?, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(Int64(customer.id)), .text(kind.code), .integer(Int64(sale.change.paidIn.fen)),
                  .integer(Int64(sale.change.bonus.fen)), SQLValue(job), SQLValue(times), SQLValue(expiresAt?.seconds),
                  .integer(Int64(sale.at.seconds)), .text(sale.by)])
        for item in items {
            try db.run("INSERT INTO card_items(card_id, item, job, name, operations, times, price) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [.integer(Int64(id)), .integer(Int64(item.number)), .text(item.job), .text(item.name),
                        .text(item.operations.joined(separator: ",")), .integer(Int64(item.times)), .integer(Int64(item.price.fen))])
        }
        let card = MemberCard(id: id, customerID: customer.id, kind: kind, balance: .zero, paid: sale.change.paidIn,
                              bonusGiven: sale.change.bonus, items: items, expiresAt: expiresAt, soldAt: sale.at, soldBy: sale.by)
        let jobs = items.map { "\($0.job):\($0.times)=\($0.price.plain)" }.joined(separator: ",")
        try moveCard(card, sale, extra: [("customer", .string(customer.reference)), ("kind", .string(kind.code)),
                                         ("jobs", .string(jobs.isEmpty ? nil : jobs)),
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
            INSERT INTO card_movements(card_id, kind, paid_in_delta, bonus_delta, uses_delta, order_id, line_number, item, method, amount,
                                       reference, reason, authorized_by, at, by, site_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(Int64(card.id)), .text(movement.kind.rawValue), .integer(Int64(movement.change.paidIn.fen)),
                  .integer(Int64(movement.change.bonus.fen)), .integer(Int64(movement.change.uses)), SQLValue(movement.orderID),
                  SQLValue(movement.line), SQLValue(movement.item), SQLValue(movement.method?.code), SQLValue(movement.amount?.fen),
                  SQLValue(movement.reference), SQLValue(movement.reason), SQLValue(movement.authorizedBy),
                  .integer(Int64(movement.at.seconds)), .text(movement.by), SiteScope.value(siteID)])
        let moved = card.applying(movement)
        try db.run("UPDATE member_cards SET paid_in = paid_in + ?, bonus = bonus + ?, uses = uses + ?, closed_at = ? WHERE id = ?",
                   [.integer(Int64(movement.change.paidIn.fen)), .integer(Int64(movement.change.bonus.fen)),
                    .integer(Int64(movement.change.uses)), SQLValue(moved.closedAt?.seconds), .integer(Int64(card.id))])
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
            ("item", .int(movement.item)), ("job", .string(movement.item.flatMap { number in card.items.first { $0.number == number }?.job })),
            ("method", .string(movement.method?.code)), ("amount", .string(movement.amount?.plain)),
            ("reference", .string(movement.reference)), ("reason", .string(movement.reason)),
            ("authorized_by", .string(movement.authorizedBy)),
            ("balance_paid_in", .string(after.paidIn.plain)), ("balance_bonus", .string(after.bonus.plain)),
            ("balance_uses", .int(after.uses)),
        ] + extra)
        return moved
    }

    /// A card's movements, oldest first.
    public func cardMovements(cardID: Int) throws -> [CardMovement] {
        try db.rows("""
            SELECT id, kind, paid_in_delta, bonus_delta, uses_delta, order_id, line_number, item, method, amount, reference, reason,
                   authorized_by, at, by
            FROM card_movements WHERE card_id = ? ORDER BY id
            """, [.integer(Int64(cardID))]) { row in
            let stored = StoredCodes(row, table: "card_movements", key: String(row.int("id")))
            return CardMovement(kind: try stored.code("kind", CardMovementKind.init(rawValue:)),
                                change: CardBalance(paidIn: row.money("paid_in_delta"), bonus: row.money("bonus_delta"),
                                                    uses: row.int("uses_delta")),
                                orderID: row.optionalInt("order_id"), line: row.optionalInt("line_number"),
                                item: row.optionalInt("item"), method: try stored.optionalCode("method"),
                                amount: row.optionalMoney("amount"), reference: row.optionalString("reference"),
                                reason: row.optionalString("reason"), authorizedBy: row.optionalString("authorized_by"),
                                at: row.timestamp("at"), by: row.string("by"))
        }
    }

    /// Cards whose balance differs from the sum of their movements (there should be none), and count
    /// cards or packages whose items do not add up to what was sold (their price and uses).
    public func cardMismatches() throws -> [(card: String, balance: CardBalance, movements: CardBalance)] {
        var found = try db.rows("""
            SELECT c.id, c.paid_in, c.bonus, c.uses,
                   coalesce(sum(m.paid_in_delta), 0) AS m_paid_in, coalesce(sum(m.bonus_delta), 0) AS m_bonus,
                   coalesce(sum(m.uses_delta), 0) AS m_uses
            FROM member_cards c LEFT JOIN card_movements m ON m.card_id = c.id GROUP BY c.id
            HAVING c.paid_in <> coalesce(sum(m.paid_in_delta), 0) OR c.bonus <> coalesce(sum(m.bonus_delta), 0)
                OR c.uses <> coalesce(sum(m.uses_delta), 0)
            ORDER BY c.id
            """) { row in
            (MemberCard.number(row.int("id")),
             CardBalance(paidIn: row.money("paid_in"), bonus: row.money("bonus"), uses: row.int("uses")),
             CardBalance(paidIn: row.money("m_paid_in"), bonus: row.money("m_bonus"), uses: row.int("m_uses")))
        }
        found += try db.rows("""
            SELECT c.id, c.paid, c.times, sum(i.price) AS items_price, sum(i.times) AS items_times
            FROM member_cards c JOIN card_items i ON i.card_id = c.id GROUP BY c.id
            HAVING c.paid <> sum(i.price) OR coalesce(c.times, 0) <> sum(i.times)
            ORDER BY c.id
            """) { row in
            (MemberCard.number(row.int("id")), CardBalance(paidIn: row.money("paid"), uses: row.int("times")),
             CardBalance(paidIn: row.money("items_price"), uses: row.int("items_times")))
        }
        return found
    }

    /// Open cards past their last day with no use held by an open order: what `card expire` closes
    /// (each with its expiry movement), and what the reports count as expired whether or not it
    /// has been written yet. Through the partial index of open cards with an expiry.
    public func cardsDueToExpire(at moment: Timestamp) throws -> [MemberCard] {
        try cardsExpiring(before: moment + 1).filter { try cardHolds($0).total == 0 }
    }

    /// Writes the expiry of every card due at `now` (`CardRules.expire`): each dated at its own
    /// expiry, journalled now. Gives the movements written, with their cards.
    public func expireCards(at now: Timestamp, by: String) throws -> [(card: MemberCard, movement: CardMovement)] {
        try cardsDueToExpire(at: now).compactMap { card in
            guard let movement = CardRules.expire(card, at: now, by: by) else { return nil }
            try moveCard(card, movement)
            return (card, movement)
        }
    }

    /// The cards' figures of [start, end): sold, consumed (stored money paid, count-card uses),
    /// refunded, expired, adjusted; and what every card holds at `end` (the liability).
    ///
    /// The liability is read from the open cards' running balances (`member_cards_open`), less what
    /// moved since `end` (the movements' time index): its cost follows the cards held and the time
    /// since the period, never the whole history of movements. Expiries due by `end` but not yet
    /// written (`card expire` writes them) count as expired at their date all the same: the figures
    /// never wait for it.
    ///
    /// `site`: one site of a chain — the movements made at its desk (SiteScope); expiries and what
    /// the cards hold at the end are the chain's and left out (`ofOneSite`).
    public func cardFigures(from start: Timestamp, to end: Timestamp, site: Site? = nil) throws -> CardFigures {
        var f = CardFigures()
        let ownSite = site.map { SiteScope.clause("site_id", $0.id) } ?? (sql: "", arguments: [])
        let range: [SQLValue] = [.integer(Int64(start.seconds)), .integer(Int64(end.seconds))]
        try db.forEach("""
            SELECT kind, count(*) AS movements, coalesce(sum(paid_in_delta), 0) AS paid_in, coalesce(sum(bonus_delta), 0) AS bonus,
                   coalesce(sum(uses_delta), 0) AS uses, coalesce(sum(amount), 0) AS amount,
                   coalesce(sum(CASE WHEN item IS NOT NULL THEN paid_in_delta END), 0) AS item_paid_in
            FROM card_movements WHERE at >= ? AND at < ?\(ownSite.sql) GROUP BY kind
            """, range + ownSite.arguments) { row in
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
                f.usesValue = Money(fen: -row.money("item_paid_in").fen)
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
        if site != nil {
            f.expiredPaidIn = .zero
            f.expiredBonus = .zero
            f.ofOneSite = true
            return f
        }
        try db.forEach("SELECT coalesce(sum(paid_in), 0) AS paid_in, coalesce(sum(bonus), 0) AS bonus FROM member_cards WHERE closed_at IS NULL",
                       []) { row in
            f.outstandingPaidIn = row.money("paid_in")
            f.outstandingBonus = row.money("bonus")
        }
        try db.forEach("""
            SELECT coalesce(sum(paid_in_delta), 0) AS paid_in, coalesce(sum(bonus_delta), 0) AS bonus FROM card_movements WHERE at >= ?
            """, [.integer(Int64(end.seconds))]) { row in
            f.outstandingPaidIn = f.outstandingPaidIn - row.money("paid_in")
            f.outstandingBonus = f.outstandingBonus - row.money("bonus")
        }
        // Due by the period's end — or by now, for a period not over yet.
        for card in try cardsDueToExpire(at: min(end, context.now)) {
            f.outstandingPaidIn = f.outstandingPaidIn - card.balance.paidIn
            f.outstandingBonus = f.outstandingBonus - card.balance.bonus
            if let expiry = card.expiresAt, expiry >= start {
                f.expiredPaidIn += card.balance.paidIn
                f.expiredBonus += card.balance.bonus
            }
        }
        return f
    }

    /// What an order's papers say of the cards on it (`OrderCardNotes`): each covered line's card
    /// and the uses of its job left after it — after the use its release took, or, while the use is
    /// held, after it is taken — and the balance each payment from a stored-value card left. Read
    /// through the order's movements (`card_movements_order`) and each card's own (`card_movements_card`).
    public func cardNotes(of record: OrderRecord) throws -> OrderCardNotes {
        var notes = OrderCardNotes()
        let movements = try db.rows("""
            SELECT id, card_id, kind, line_number, item FROM card_movements WHERE order_id = ? AND kind = 'use' ORDER BY id
            """, [.integer(Int64(record.order.id))]) { row in
            (id: row.int("id"), card: row.int("card_id"), line: row.optionalInt("line_number"), item: row.optionalInt("item"))
        }
        for movement in movements where movement.item == nil {
            let balance: Int = try db.scalar("""
                SELECT coalesce(sum(paid_in_delta + bonus_delta), 0) FROM card_movements WHERE card_id = ? AND id <= ?
                """, [.integer(Int64(movement.card)), .integer(Int64(movement.id))]) ?? 0
            notes.balancesAfterCardPayments.append(Money(fen: balance))
        }
        for line in record.lines where line.cardID != nil {
            guard let id = line.cardID, let card = try card(id: id), let item = card.items.first(where: { $0.covers(operation: line.operationCode ?? "") })
            else { continue }
            if let used = movements.first(where: { $0.card == id && $0.line == line.number }) {
                let moved: Int = try db.scalar("""
                    SELECT coalesce(sum(uses_delta), 0) FROM card_movements WHERE card_id = ? AND item = ? AND id <= ?
                    """, [.integer(Int64(id)), .integer(Int64(item.number)), .integer(Int64(used.id))]) ?? 0
                notes.covers[line.number] = .init(card: card.number, job: item.job, usesLeft: item.times + moved, taken: true)
            } else {
                notes.covers[line.number] = .init(card: card.number, job: item.job, usesLeft: max(0, item.uses - 1), taken: false)
            }
        }
        return notes
    }

    /// Money that came in or went out at the desk for cards in [start, end), by method: sales in,
    /// refunds out (for the day's cash figures).
    /// `site`: one site of a chain — the money its own desk took and paid back.
    public func cardMoney(from start: Timestamp, to end: Timestamp,
                          site: Site? = nil) throws -> [(method: PaymentMethod, received: Money, refunded: Money, count: Int)] {
        let ownSite = site.map { SiteScope.clause("site_id", $0.id) } ?? (sql: "", arguments: [])
        return try db.rows("""
            SELECT method, coalesce(sum(CASE WHEN kind = 'sale' THEN amount END), 0) AS received,
                   coalesce(sum(CASE WHEN kind = 'refund' THEN amount END), 0) AS refunded,
                   count(CASE WHEN kind = 'sale' THEN 1 END) AS sales
            FROM card_movements WHERE at >= ? AND at < ? AND method IS NOT NULL\(ownSite.sql) GROUP BY method
            """, [.integer(Int64(start.seconds)), .integer(Int64(end.seconds))] + ownSite.arguments) { row in
            let stored = StoredCodes(row, table: "card_movements", key: "method")
            return (try stored.code("method"), row.money("received"), row.money("refunded"), row.int("sales"))
        }
    }
}
