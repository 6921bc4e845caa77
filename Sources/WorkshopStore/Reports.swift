import SQLite
import WorkshopModel

/// The payments of a period by one method: received, refunded, and how many payments.
public struct MethodTotal: Equatable, Sendable {
    public var method: PaymentMethod
    public var received: Money
    public var refunded: Money
    public var count: Int
    public var net: Money { received - refunded }
}

/// One day of a period's report: what released orders came to, and the cars checked in.
public struct DayFigures: Equatable, Sendable {
    public var day: String
    public var revenue: Money
    public var cars: Int
}

/// The figures of a period: how the shop is doing.
public struct PeriodReport: Equatable, Sendable {
    public var carsCheckedIn = 0
    /// A chain's report counts each site's cars and adds them up (a car two sites serviced counts
    /// twice, once at each): the figure is the sum of the sites' figures.
    public var carsSummedOverSites = false
    public var ordersOpened = 0
    public var ordersReleased = 0
    public var labor = Money.zero
    public var parts = Money.zero
    public var other = Money.zero
    public var discounts = Money.zero
    /// What released orders came to, after discounts, tax included.
    public var revenue = Money.zero
    /// Offered and approved line amounts of the orders opened in the period.
    public var estimated = Money.zero
    public var approved = Money.zero
    /// Comebacks: in a site's report, of the work the site did (whichever site the car came back to).
    public var comebacks = 0
    public var openComplaints = 0
    public var complaintsRegistered = 0
    /// Money received in the period (every method but account), net of refunds.
    public var payments = Money.zero
    /// Charged to customers' accounts (挂账) in the period: not money received.
    public var chargedToAccount = Money.zero
    /// The cashier's end of day, method by method (account apart).
    public var byMethod: [MethodTotal] = []
    /// Cash: handed over by customers, change given back, refunded; what the drawer should hold.
    public var cashTendered = Money.zero
    public var changeGiven = Money.zero
    public var cashRefunded = Money.zero
    public var bookings = 0
    public var arrivals = 0
    public var noShows = 0
    /// Paid from members' stored-value cards: not new money (it reduces what the cards hold).
    public var paidFromCards = Money.zero
    /// The members' cards: sold, consumed, refunded, expired in the period; held at its end.
    public var cards = CardFigures()
    /// Per day of the period ("2026-11-03"): revenue and cars checked in.
    public var daily: [DayFigures] = []

    public init() {}

    /// The cash the day's payments leave in the drawer: handed over, less change, less refunds.
    public var cashInDrawer: Money { cashTendered - changeGiven - cashRefunded }

    public var averageOrder: Money { ordersReleased == 0 ? .zero : Money(fen: FixedPoint.divideRoundingHalfUp(revenue.fen, ordersReleased)) }
    /// Approved of estimated, in basis points.
    public var closeRatio: Int { estimated.fen == 0 ? 0 : approved.fen * 10_000 / estimated.fen }
}

extension Store {
    /// The report of [start, end) in the shop's zone, with a line per day. Void orders (opened by
    /// mistake) count nowhere in it. The figures that add up come from the running tallies (a day
    /// or a month costs the same at any size of history); the rest is read from the record.
    ///
    /// `site`: one site of a chain — its check-ins and releases (by the site each order was checked
    /// in at), its cash desk (by the site each payment was taken at) and its bookings, read from the
    /// record (the tallies are the whole chain's). Nil: the whole shop, every site together.
    /// A site's report counts the cards its desk sold, used and refunded and its complaints; the
    /// cards' expiries and what they hold are the chain's: in the whole-chain report only.
    public func report(from start: Timestamp, to end: Timestamp, site: Site? = nil) throws -> PeriodReport {
        if let site {
            var r = try reportFromRecord(from: start, to: end, site: site)
            try addUntallied(&r, from: start, to: end, site: site)
            return r
        }
        var r = try talliedReport(from: start, to: end) ?? reportFromRecord(from: start, to: end)
        try addUntallied(&r, from: start, to: end)
        return r
    }

    /// The same report computed from the orders, lines and payments themselves, never from the
    /// tallies: what the tallies must agree with.
    public func reportRecomputed(from start: Timestamp, to end: Timestamp) throws -> PeriodReport {
        var r = try reportFromRecord(from: start, to: end)
        try addUntallied(&r, from: start, to: end)
        return r
    }

    /// The tallied figures of [start, end), read from the record.
    private func reportFromRecord(from start: Timestamp, to end: Timestamp, site: Site? = nil) throws -> PeriodReport {
        var r = PeriodReport()
        let period: [SQLValue] = [.integer(Int64(start.seconds)), .integer(Int64(end.seconds))]
        // One site's: its orders by the site they were checked in at, its payments by the desk that took them.
        // Each an " AND …" clause, or nothing: the whole shop's statements are as they were.
        let orderSite = site.map { SiteScope.clause("o.site_id", $0.id) } ?? (sql: "", arguments: [])
        let paymentSite = site.map { SiteScope.clause("p.site_id", $0.id) } ?? (sql: "", arguments: [])
        let ownSite = site.map { SiteScope.clause("site_id", $0.id) } ?? (sql: "", arguments: [])
        let range = period + orderSite.arguments
        let counted = "status <> 'void'"
        r.ordersOpened = try db.scalar("""
            SELECT count(*) FROM orders WHERE checked_in_at >= ? AND checked_in_at < ? AND \(counted)\(ownSite.sql)
            """, range) ?? 0
        if let site {
            // A comeback is the work of the site that did the original order come back: that site's,
            // whichever site the car came back to (which has the new order among its own).
            let original = SiteScope.clause("w.site_id", site.id)
            r.comebacks = try db.scalar("""
                SELECT count(*) FROM orders o JOIN orders w ON w.id = o.rework_of
                WHERE o.checked_in_at >= ? AND o.checked_in_at < ? AND o.rework_of IS NOT NULL AND o.\(counted)\(original.sql)
                """, period + original.arguments) ?? 0
        } else {
            r.comebacks = try db.scalar("""
                SELECT count(*) FROM orders WHERE checked_in_at >= ? AND checked_in_at < ? AND rework_of IS NOT NULL AND \(counted)
                """, period) ?? 0
        }
        try db.forEach("""
            SELECT coalesce(sum(CASE WHEN l.status IN ('proposed','approved','declined') THEN l.amount END), 0) AS estimated,
                   coalesce(sum(CASE WHEN l.status = 'approved' THEN l.amount END), 0) AS approved
            FROM orders o JOIN order_lines l ON l.order_id = o.id
            WHERE o.checked_in_at >= ? AND o.checked_in_at < ? AND o.\(counted) AND l.covered = 0 AND (l.op_code IS NULL OR l.op_code <> 'DIAG')\(orderSite.sql)
            """, range) { row in
            r.estimated = row.money("estimated")
            r.approved = row.money("approved")
        }
        // Released orders: each computed as the settlement does, under the terms fixed on it.
        var byDay: [String: (revenue: Money, cars: Int)] = [:]
        let zone = settings.timeZone
        var released = ReportTallies.Released()
        try db.forEach(ReportTallies.releasedOrdersSQL(where: "o.released_at >= ? AND o.released_at < ?\(orderSite.sql)", db), range) { row in
            let order = try ReportTallies.released(row, fallback: settings.pricingTerms)
            released += order
            byDay[zone.formatDate(row.timestamp("released_at")), default: (.zero, 0)].revenue += order.revenue
        }
        r.ordersReleased = released.orders
        (r.labor, r.parts, r.other, r.discounts, r.revenue) = (released.labor, released.parts, released.other, released.discounts, released.revenue)
        try db.forEach("SELECT checked_in_at FROM orders WHERE checked_in_at >= ? AND checked_in_at < ? AND \(counted)\(ownSite.sql)",
                       range) { row in
            byDay[zone.formatDate(row.timestamp("checked_in_at")), default: (.zero, 0)].cars += 1
        }
        // Money received by method; charges to account are not money and stand apart.
        try db.forEach("""
            SELECT p.method,
                   coalesce(sum(CASE WHEN p.amount > 0 THEN p.amount END), 0) AS received,
                   coalesce(sum(CASE WHEN p.amount < 0 THEN -p.amount END), 0) AS refunded,
                   coalesce(sum(CASE WHEN p.amount > 0 THEN coalesce(p.tendered, p.amount) END), 0) AS tendered,
                   coalesce(sum(CASE WHEN p.amount > 0 THEN coalesce(p.change_given, 0) END), 0) AS change_given,
                   count(CASE WHEN p.amount > 0 THEN 1 END) AS payments
            FROM payments p JOIN orders o ON o.id = p.order_id
            WHERE p.at >= ? AND p.at < ? AND o.\(counted) AND p.card_id IS NULL\(paymentSite.sql)
            GROUP BY p.method
            """, period + paymentSite.arguments) { row in
            let stored = StoredCodes(row, table: "payments", key: "method")
            r.addPayments(method: try stored.code("method"), received: row.money("received"), refunded: row.money("refunded"),
                          count: row.int("payments"), tendered: row.money("tendered"), change: row.money("change_given"))
        }
        r.paidFromCards = Money(fen: try db.scalar("SELECT coalesce(sum(p.amount), 0) FROM payments p JOIN orders o ON o.id = p.order_id "
            + "WHERE p.at >= ? AND p.at < ? AND o.\(counted) AND p.card_id IS NOT NULL\(paymentSite.sql)",
            period + paymentSite.arguments) ?? 0)
        // Every day of the period, including quiet ones.
        var day = start
        while day < end {
            let key = zone.formatDate(day)
            r.daily.append(DayFigures(day: key, revenue: byDay[key]?.revenue ?? .zero, cars: byDay[key]?.cars ?? 0))
            day = zone.startOfDay(day + 36 * 3_600)
        }
        return r
    }

    /// What is not tallied: the cars (each counted once however often it came), the members' cards,
    /// complaints and bookings — each read through an index of its own, and few.
    private func addUntallied(_ r: inout PeriodReport, from start: Timestamp, to end: Timestamp, site: Site? = nil) throws {
        let range: [SQLValue] = [.integer(Int64(start.seconds)), .integer(Int64(end.seconds))]
        if let site {
            // One site's cars (a car both sites serviced counts at each), bookings and complaints; the
            // members' cards are the chain's.
            let orderSite = SiteScope.condition("site_id", site.id)
            r.carsCheckedIn = try db.scalar("""
                SELECT count(DISTINCT vehicle_id) FROM orders
                WHERE checked_in_at >= ? AND checked_in_at < ? AND status <> 'void' AND \(orderSite.sql)
                """, range + orderSite.arguments) ?? 0
            try db.forEach("""
                SELECT status, count(*) AS bookings FROM appointments
                WHERE at >= ? AND at < ? AND status <> 'cancelled' AND \(orderSite.sql) GROUP BY status
                """, range + orderSite.arguments) { row in
                r.bookings += row.int("bookings")
                if row.string("status") == AppointmentStatus.arrived.code { r.arrivals = row.int("bookings") }
                if row.string("status") == AppointmentStatus.noShow.code { r.noShows = row.int("bookings") }
            }
            // A complaint is its site's (Complaint.siteID): its order's, else the site that registered it.
            let complaints = try complaints(includeClosed: true).filter { SiteScope.storedID($0.siteID) == SiteScope.storedID(site.id) }
            r.complaintsRegistered = complaints.filter { $0.registeredAt >= start && $0.registeredAt < end }.count
            r.openComplaints = complaints.filter { $0.isOpen(at: end) }.count
            try addCardMoney(&r, from: start, to: end, site: site)
            r.cards = try cardFigures(from: start, to: end, site: site)
            r.byMethod.sort { PaymentMethod.allCases.firstIndex(of: $0.method)! < PaymentMethod.allCases.firstIndex(of: $1.method)! }
            return
        }
        if try hasSites() {
            // A chain's figure is the sum of its sites': a car that two sites serviced counts at each,
            // as each site's report counts it.
            r.carsCheckedIn = try db.scalar("""
                SELECT count(*) FROM (SELECT DISTINCT site_id, vehicle_id FROM orders
                                      WHERE checked_in_at >= ? AND checked_in_at < ? AND status <> 'void') AS seen
                """, range) ?? 0
            r.carsSummedOverSites = true
        } else {
            // Every car checked in, from the check-ins' index alone, less those whose only orders of the
            // period were voided (found through the void orders' own index).
            r.carsCheckedIn = try db.scalar("""
                SELECT (SELECT count(DISTINCT vehicle_id) FROM orders WHERE checked_in_at >= ?1 AND checked_in_at < ?2)
                     - (SELECT count(DISTINCT v.vehicle_id) FROM orders v
                        WHERE v.status = 'void' AND v.checked_in_at >= ?1 AND v.checked_in_at < ?2
                          AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.vehicle_id = v.vehicle_id AND o.status <> 'void'
                                          AND o.checked_in_at >= ?1 AND o.checked_in_at < ?2))
                """, range) ?? 0
        }
        try addCardMoney(&r, from: start, to: end)
        r.cards = try cardFigures(from: start, to: end)
        r.byMethod.sort { PaymentMethod.allCases.firstIndex(of: $0.method)! < PaymentMethod.allCases.firstIndex(of: $1.method)! }
        r.complaintsRegistered = try db.scalar("SELECT count(*) FROM complaints WHERE registered_at >= ? AND registered_at < ?", range) ?? 0
        // Open at the end of the period: registered by then and not closed by then, whenever it is printed.
        r.openComplaints = try complaints(includeClosed: true).filter { $0.isOpen(at: end) }.count
        try db.forEach("""
            SELECT status, count(*) AS bookings FROM appointments WHERE at >= ? AND at < ? AND status <> 'cancelled' GROUP BY status
            """, range) { row in
            r.bookings += row.int("bookings")
            if row.string("status") == AppointmentStatus.arrived.code { r.arrivals = row.int("bookings") }
            if row.string("status") == AppointmentStatus.noShow.code { r.noShows = row.int("bookings") }
        }
    }

    /// A card's sale is money received (its refund money paid back), by its method, at the desk
    /// that took it (`site`: one site's desk; nil: every desk); a payment taken from a card is not:
    /// it is counted apart.
    private func addCardMoney(_ r: inout PeriodReport, from start: Timestamp, to end: Timestamp, site: Site? = nil) throws {
        for money in try cardMoney(from: start, to: end, site: site) {
            let index = r.byMethod.firstIndex { $0.method == money.method } ?? {
                r.byMethod.append(MethodTotal(method: money.method, received: .zero, refunded: .zero, count: 0))
                return r.byMethod.count - 1
            }()
            r.byMethod[index].received += money.received
            r.byMethod[index].refunded += money.refunded
            r.byMethod[index].count += money.count
            r.payments += money.received - money.refunded
            if money.method == .cash {
                r.cashTendered += money.received
                r.cashRefunded += money.refunded
            }
        }
    }
}

extension Store {
    /// What one customer owes: its unpaid charges to account and declined fees, oldest first.
    public struct CustomerReceivables: Sendable {
        public var customer: Customer
        public var items: [Receivable]
        public var total: Money { items.reduce(Money.zero) { $0 + $1.amount } }
    }

    /// Every customer that owes the shop something it let go without payment: the orders billed
    /// to it whose charge to account (挂账) is not yet paid, and its declined estimates' unpaid fees.
    /// Void orders are out. The account orders are read in one pass, each order's total computed as
    /// the settlement does under the terms fixed on it (the partial index on account payments finds them).
    public func receivables() throws -> [CustomerReceivables] {
        var owed: [Int: [Receivable]] = [:]
        try db.forEach("""
            SELECT o.id, v.plate, coalesce(o.bill_to, o.customer_id) AS payer, o.discount_kind, o.discount_value,
                   o.tax_rate_bp, o.prices_include_tax, o.labor_rate, o.discount_limit,
                   (SELECT coalesce(sum(l.amount), 0) FROM order_lines l
                    WHERE l.order_id = o.id AND l.status = 'approved' AND l.covered = 0 AND l.card_id IS NULL) AS chargeable,
                   (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.order_id = o.id AND p.method <> 'account') AS money,
                   a.account, a.since
            FROM (SELECT order_id, sum(amount) AS account, min(at) AS since FROM payments
                  WHERE method = 'account' GROUP BY order_id) a
            JOIN orders o ON o.id = a.order_id JOIN vehicles v ON v.id = o.vehicle_id
            WHERE o.status <> 'void' AND a.account > 0
            ORDER BY a.since, o.id
            """) { row in
            let stored = StoredCodes(row, table: "orders", key: RepairOrder.number(row.int("id")))
            let chargeable = row.money("chargeable")
            let discount = try stored.discount()?.value(on: chargeable) ?? .zero
            let total = (try stored.pricingTerms() ?? settings.pricingTerms).taxed(chargeable - discount).gross
            let outstanding = max(0, min(row.int("account"), total.fen - row.int("money")))
            guard outstanding > 0 else { return }
            owed[row.int("payer"), default: []].append(Receivable(kind: .account, order: RepairOrder.number(row.int("id")),
                                                                  plate: row.string("plate"), amount: Money(fen: outstanding),
                                                                  since: row.timestamp("since")))
        }
        for (order, held) in try declinedHeld(everySite: true) where held.feeDue.fen > 0 {
            guard let plate = try vehicle(id: order.vehicleID)?.plate.value else { continue }
            owed[order.payingCustomerID, default: []].append(Receivable(kind: .declinedFee, order: order.number, plate: plate,
                                                                       amount: held.feeDue, since: order.closedAt ?? order.checkedInAt))
        }
        return try owed.keys.sorted().compactMap { id in
            guard let customer = try customer(id: id) else { return nil }
            return CustomerReceivables(customer: customer, items: owed[id]!.sorted { $0.since < $1.since })
        }
    }

    /// The orders billed to a customer (to it, or owned by it and billed to no one else), void ones
    /// out, each with its settlement and payments: what its statement is made from.
    public func statementOrders(customerID: Int) throws -> [AccountStatement.Order] {
        let ids = try db.rows("""
            SELECT id FROM orders WHERE bill_to = ?1 AND status <> 'void'
            UNION SELECT id FROM orders WHERE customer_id = ?1 AND bill_to IS NULL AND status <> 'void'
            ORDER BY id
            """, [.integer(Int64(customerID))]) { $0.int("id") }
        return try ids.compactMap { id in
            guard let order = try order(id: id), let vehicle = try vehicle(id: order.vehicleID) else { return nil }
            return AccountStatement.Order(number: order.number, plate: vehicle.plate.value, checkedInAt: order.checkedInAt,
                                          releasedAt: order.releasedAt, settlement: try settlement(of: order),
                                          payments: try payments(orderID: id))
        }
    }
}
