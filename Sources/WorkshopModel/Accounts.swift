/// A company customer's taxpayer number (纳税人识别号) as invoices carry it: since 2015 it is the
/// company's 统一社会信用代码, 18 characters with a check character, checked like one (`CreditCode`).
public enum TaxNumber {
    /// The number upper-cased, or a refusal naming what is wrong with it.
    public static func validate(_ text: String) throws -> String {
        let number = text.trimmingCharacters(in: .whitespaces).uppercased()
        do {
            try CreditCode.validate(number)
        } catch InputRefusal.creditCodeLength(_, let count) {
            throw CustomerRefusal.taxNumberLength(given: text, count: count)
        } catch InputRefusal.creditCodeCharacter {
            throw CustomerRefusal.taxNumberCharacter(given: text)
        } catch InputRefusal.creditCodeCheck(_, let expected) {
            throw CustomerRefusal.taxNumberCheck(given: text, expected: expected)
        }
        return number
    }
}

/// An order's account (挂账) as it moved: a charge to the account adds to what the account owes on
/// the order; money paid later pays it off. What it owes after each payment is the settlement's
/// `accountOutstanding` at that moment, under the order's total as it stands.
public enum AccountLedger {
    public struct Movement: Equatable, Sendable {
        public var payment: Payment
        /// Positive: charged to the account; negative: paid off it.
        public var change: Money
        /// What the account owes on the order after it.
        public var outstanding: Money
    }

    /// The movements of the account of an order whose total is `total`, from its payments oldest
    /// first: only the payments that changed what the account owes.
    public static func movements(total: Money, payments: [Payment]) -> [Movement] {
        var money = 0, account = 0, owed = 0
        var movements: [Movement] = []
        for payment in payments {
            if payment.method == .account { account += payment.amount.fen } else { money += payment.amount.fen }
            let now = max(0, min(account, total.fen - money))
            if now != owed { movements.append(Movement(payment: payment, change: Money(fen: now - owed), outstanding: Money(fen: now))) }
            owed = now
        }
        return movements
    }
}

/// An account customer's statement (对账单) for a period: what its account owed at the start,
/// every charge to it and payment off it in the period, what it owes at the end, and the orders.
public struct AccountStatement: Sendable {
    /// One order billed to the customer, as the store reads it.
    public struct Order: Sendable {
        public var number: String
        public var plate: String
        public var checkedInAt: Timestamp
        public var releasedAt: Timestamp?
        public var settlement: Settlement
        /// Oldest first.
        public var payments: [Payment]

        public init(number: String, plate: String, checkedInAt: Timestamp, releasedAt: Timestamp?, settlement: Settlement,
                    payments: [Payment]) {
            (self.number, self.plate, self.checkedInAt, self.releasedAt, self.settlement, self.payments) =
                (number, plate, checkedInAt, releasedAt, settlement, payments)
        }
    }

    public struct Line: Sendable {
        public var at: Timestamp
        public var order: String
        public var plate: String
        public var method: PaymentMethod
        public var reference: String?
        /// Positive: charged to the account; negative: paid off it.
        public var change: Money
        /// What the account owes after it, over all the customer's orders.
        public var balance: Money
    }

    public var opening = Money.zero
    public var charged = Money.zero
    public var paid = Money.zero
    public var closing = Money.zero
    public var lines: [Line] = []
    /// The orders of the period: released in it, moved on account in it, or still owing at its end.
    public var orders: [Order] = []

    /// The statement of [start, end) (from the first order when `start` is nil).
    public init(orders all: [Order], from start: Timestamp?, to end: Timestamp) {
        var moves: [Line] = []
        for order in all {
            var moved = false, owedAtEnd = Money.zero
            for movement in AccountLedger.movements(total: order.settlement.total, payments: order.payments) {
                let at = movement.payment.at
                guard at < end else { break }
                owedAtEnd = movement.outstanding
                if let start, at < start {
                    opening += movement.change
                    continue
                }
                moved = true
                moves.append(Line(at: at, order: order.number, plate: order.plate, method: movement.payment.method,
                                  reference: movement.payment.reference, change: movement.change, balance: .zero))
            }
            var released = false
            if let at = order.releasedAt { released = at < end && at >= (start ?? at) }
            if moved || released || owedAtEnd.fen > 0 { orders.append(order) }
        }
        var balance = opening
        for line in moves.sorted(by: { ($0.at.seconds, $0.order) < ($1.at.seconds, $1.order) }) {
            var line = line
            balance += line.change
            line.balance = balance
            if line.change.fen > 0 { charged += line.change } else { paid += Money(fen: -line.change.fen) }
            lines.append(line)
        }
        closing = balance
    }
}

/// What a customer owes the shop and the shop has let go without payment: an order's unpaid
/// charge to account (挂账), or a declined estimate's fee not yet paid.
public struct Receivable: Sendable {
    public enum Kind: String, Sendable { case account, declinedFee = "declined-fee" }
    public var kind: Kind
    public var order: String
    public var plate: String
    public var amount: Money
    /// Since when: the first charge to the account, or the day the estimate was declined.
    public var since: Timestamp

    public init(kind: Kind, order: String, plate: String, amount: Money, since: Timestamp) {
        (self.kind, self.order, self.plate, self.amount, self.since) = (kind, order, plate, amount, since)
    }
}

import Foundation
