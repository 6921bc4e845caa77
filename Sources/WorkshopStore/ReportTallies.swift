import SQLite
import WorkshopModel

/// The report's running totals (migration 020-report-tallies): the figures that add up, kept per
/// quarter hour in the transaction that changes them, so that a day or a month is read from at most
/// 96 or 2,976 rows, whatever the shop's history. `verify` computes them again from the record.
enum ReportTallies {
    /// A quarter hour, in seconds: every zone's midnight falls on one (offsets are whole quarter hours).
    static let quarter = 900

    static func quarter(of instant: Timestamp) -> Int { instant.seconds / quarter * quarter }

    /// What a released order came to in the report: its approved, chargeable lines (a card's cover and
    /// a card's price are not charged), the order's discount, and the total with tax, computed as the
    /// settlement does under the terms fixed on the order.
    struct Released: Equatable {
        var orders = 0
        var labor = Money.zero, parts = Money.zero, other = Money.zero, discounts = Money.zero, revenue = Money.zero

        static func += (sum: inout Released, order: Released) {
            sum.orders += order.orders
            sum.labor += order.labor
            sum.parts += order.parts
            sum.other += order.other
            sum.discounts += order.discounts
            sum.revenue += order.revenue
        }
    }

    /// The released orders `condition` (on `orders o`) picks, one row each. `+o.id`: grouping by the
    /// bare rowid makes SQLite walk the whole orders table in id order instead of the period's through
    /// the index on released_at (196 ms against 6 ms at a million orders).
    static func releasedOrdersSQL(where condition: String) -> String {
        """
        SELECT o.id, o.released_at, o.discount_kind, o.discount_value, o.tax_rate_bp, o.prices_include_tax, o.labor_rate,
               o.discount_limit,
               coalesce(sum(CASE WHEN l.kind = 'labor' THEN l.amount END), 0) AS labor,
               coalesce(sum(CASE WHEN l.kind = 'part' THEN l.amount END), 0) AS parts,
               coalesce(sum(CASE WHEN l.kind = 'fee' THEN l.amount END), 0) AS other
        FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id AND l.status = 'approved' AND l.covered = 0 AND l.card_id IS NULL
        WHERE \(condition) AND o.released_at IS NOT NULL AND o.status <> 'void'
        GROUP BY +o.id
        """
    }

    /// One row of `releasedOrdersSQL`: the order's figures. `fallback`: the terms of an order with
    /// none fixed on it (one released before terms were fixed on orders).
    static func released(_ row: Row, fallback: PricingTerms) throws -> Released {
        let stored = StoredCodes(row, table: "orders", key: RepairOrder.number(row.int("id")))
        let labor = row.money("labor"), parts = row.money("parts"), other = row.money("other")
        let discount = try stored.discount()?.value(on: labor + parts + other) ?? .zero
        let terms = try stored.pricingTerms() ?? fallback
        return Released(orders: 1, labor: labor, parts: parts, other: other, discounts: discount,
                        revenue: terms.taxed(labor + parts + other - discount).gross)
    }

    /// Adds released figures to their quarter hours.
    static func add(_ released: [Int: Released], _ db: Database) throws {
        for (at, r) in released {
            try db.run("""
                INSERT INTO report_tallies(at, orders_released, labor, parts, other, discounts, revenue) VALUES (?, ?, ?, ?, ?, ?, ?)
                \(ReportTallySQL.addTallies)
                """, [.integer(Int64(at)), .integer(Int64(r.orders)), .integer(Int64(r.labor.fen)), .integer(Int64(r.parts.fen)),
                      .integer(Int64(r.other.fen)), .integer(Int64(r.discounts.fen)), .integer(Int64(r.revenue.fen))])
        }
    }

    /// The released figures of every order released, by quarter hour: what the tallies should hold.
    static func releasedByQuarter(_ db: Database, fallback: PricingTerms) throws -> [Int: Released] {
        var byQuarter: [Int: Released] = [:]
        try db.forEach(releasedOrdersSQL(where: "1")) { row in
            byQuarter[quarter(of: row.timestamp("released_at")), default: Released()] += try released(row, fallback: fallback)
        }
        return byQuarter
    }

    /// 020-report-tallies' step: the orders released before it.
    static func tallyReleased(_ db: Database) throws {
        try add(releasedByQuarter(db, fallback: Store.readSettings(db).0.pricingTerms), db)
    }
}

extension Store {
    /// Adds every released order's figures to the tallies, under Workshop's writer mark: for orders
    /// put in the database in bulk outside Workshop's writes (the bench's generated history), whose
    /// check-ins, lines and payments the triggers tallied as they went in. Nothing a command can reach.
    public func tallyReleasesFound() throws {
        try db.transaction(immediate: true) {
            try db.run("INSERT INTO writer_mark DEFAULT VALUES")
            let mark = db.lastInsertRowID
            try ReportTallies.tallyReleased(db)
            try db.run("DELETE FROM writer_mark WHERE id = ?", [.integer(Int64(mark))])
        }
    }

    /// The release of `orderID` into the report's tallies, in the release's transaction: the order
    /// as it is billed now is what the report counts.
    func tallyRelease(orderID: Int) throws {
        let fallback = settings.pricingTerms
        var byQuarter: [Int: ReportTallies.Released] = [:]
        try db.forEach(ReportTallies.releasedOrdersSQL(where: "o.id = ?"), [.integer(Int64(orderID))]) { row in
            byQuarter[ReportTallies.quarter(of: row.timestamp("released_at")), default: .init()]
                += try ReportTallies.released(row, fallback: fallback)
        }
        try ReportTallies.add(byQuarter, db)
    }

    /// The tallies of [start, end), with a line per day of the shop's zone; nil when a bound is not
    /// on a quarter hour (the report is then computed from the record).
    func talliedReport(from start: Timestamp, to end: Timestamp) throws -> PeriodReport? {
        guard start.seconds % ReportTallies.quarter == 0, end.seconds % ReportTallies.quarter == 0 else { return nil }
        var r = PeriodReport()
        let range: [SQLValue] = [.integer(Int64(start.seconds)), .integer(Int64(end.seconds))]
        let zone = settings.timeZone
        var dayStart = start
        var dayEnd = zone.startOfDay(start + 36 * 3_600)
        var day = (revenue: Money.zero, cars: 0)
        func closeDays(before at: Timestamp) {
            while at >= dayEnd && dayStart < end {
                r.daily.append(DayFigures(day: zone.formatDate(dayStart), revenue: day.revenue, cars: day.cars))
                day = (.zero, 0)
                dayStart = dayEnd
                dayEnd = zone.startOfDay(dayEnd + 36 * 3_600)
            }
        }
        try db.forEach("""
            SELECT at, orders_opened, comebacks, estimated, approved, orders_released, labor, parts, other, discounts, revenue,
                   paid_from_cards
            FROM report_tallies WHERE at >= ? AND at < ? ORDER BY at
            """, range) { row in
            closeDays(before: row.timestamp("at"))
            r.ordersOpened += row.int("orders_opened")
            r.comebacks += row.int("comebacks")
            r.estimated += row.money("estimated")
            r.approved += row.money("approved")
            r.ordersReleased += row.int("orders_released")
            r.labor += row.money("labor")
            r.parts += row.money("parts")
            r.other += row.money("other")
            r.discounts += row.money("discounts")
            r.revenue += row.money("revenue")
            r.paidFromCards += row.money("paid_from_cards")
            day.revenue += row.money("revenue")
            day.cars += row.int("orders_opened")
        }
        closeDays(before: end)
        if dayStart < end { r.daily.append(DayFigures(day: zone.formatDate(dayStart), revenue: day.revenue, cars: day.cars)) }
        try db.forEach("""
            SELECT method, sum(received) AS received, sum(refunded) AS refunded, sum(tendered) AS tendered,
                   sum(change_given) AS change_given, sum(payments) AS payments
            FROM report_method_tallies WHERE at >= ? AND at < ? GROUP BY method
            """, range) { row in
            // A method whose only payments were on an order voided since has nothing left to show.
            if row.int("payments") == 0 && row.int("received") == 0 && row.int("refunded") == 0 { return }
            let stored = StoredCodes(row, table: "report_method_tallies", key: "method")
            r.addPayments(method: try stored.code("method"), received: row.money("received"), refunded: row.money("refunded"),
                          count: row.int("payments"), tendered: row.money("tendered"), change: row.money("change_given"))
        }
        return r
    }

    /// Each quarter hour whose tallies differ from what the orders, lines and payments add up to
    /// (at most `listedPerKind`), with the figures that differ.
    func tallyMismatches() throws -> [(at: Timestamp, figures: [String])] {
        var expected: [Int: [String: Int]] = [:]
        func expect(_ at: Int, _ figure: String, _ value: Int) {
            if value != 0 { expected[at, default: [:]][figure, default: 0] += value }
        }
        try db.forEach("""
            SELECT o.checked_in_at / 900 * 900 AS at, count(*) AS orders_opened, count(o.rework_of) AS comebacks,
                   coalesce(sum(l.estimated), 0) AS estimated, coalesce(sum(l.approved), 0) AS approved
            FROM orders o LEFT JOIN (SELECT order_id, sum(\(ReportTallySQL.estimated("order_lines"))) AS estimated,
                                            sum(\(ReportTallySQL.approved("order_lines"))) AS approved
                                     FROM order_lines GROUP BY order_id) l ON l.order_id = o.id
            WHERE o.status <> 'void' GROUP BY 1
            """) { row in
            for figure in ["orders_opened", "comebacks", "estimated", "approved"] { expect(row.int("at"), figure, row.int(figure)) }
        }
        try db.forEach("""
            SELECT p.at / 900 * 900 AS at, p.method, p.card_id IS NOT NULL AS card, sum(p.amount) AS amount,
                   sum(\(ReportTallySQL.received("p"))) AS received, sum(\(ReportTallySQL.refunded("p"))) AS refunded,
                   sum(\(ReportTallySQL.tendered("p"))) AS tendered, sum(\(ReportTallySQL.changeGiven("p"))) AS change_given,
                   sum(p.amount > 0) AS payments
            FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.status <> 'void' GROUP BY 1, 2, 3
            """) { row in
            if row.bool("card") {
                expect(row.int("at"), "paid_from_cards", row.int("amount"))
            } else {
                for figure in ["received", "refunded", "tendered", "change_given", "payments"] {
                    expect(row.int("at"), row.string("method") + " " + figure, row.int(figure))
                }
            }
        }
        for (at, r) in try ReportTallies.releasedByQuarter(db, fallback: settings.pricingTerms) {
            for (figure, value) in [("orders_released", r.orders), ("labor", r.labor.fen), ("parts", r.parts.fen),
                                    ("other", r.other.fen), ("discounts", r.discounts.fen), ("revenue", r.revenue.fen)] {
                expect(at, figure, value)
            }
        }
        var tallied: [Int: [String: Int]] = [:]
        func tally(_ at: Int, _ figure: String, _ value: Int) {
            if value != 0 { tallied[at, default: [:]][figure, default: 0] += value }
        }
        let columns = ["orders_opened", "comebacks", "estimated", "approved", "orders_released", "labor", "parts", "other",
                       "discounts", "revenue", "paid_from_cards"]
        try db.forEach("SELECT at, \(columns.joined(separator: ", ")) FROM report_tallies") { row in
            for figure in columns { tally(row.int("at"), figure, row.int(figure)) }
        }
        try db.forEach("SELECT at, method, received, refunded, tendered, change_given, payments FROM report_method_tallies") { row in
            for figure in ["received", "refunded", "tendered", "change_given", "payments"] {
                tally(row.int("at"), row.string("method") + " " + figure, row.int(figure))
            }
        }
        var mismatches: [(at: Timestamp, figures: [String])] = []
        for at in Set(expected.keys).union(tallied.keys).sorted() where expected[at] != tallied[at] {
            let want = expected[at] ?? [:], have = tallied[at] ?? [:]
            let figures = Set(want.keys).union(have.keys).filter { want[$0] != have[$0] }.sorted()
            mismatches.append((Timestamp(seconds: at), figures))
            if mismatches.count == Store.listedPerKind { break }
        }
        return mismatches
    }
}

extension PeriodReport {
    /// One method's payments of the period: account charges apart, cash into the drawer.
    mutating func addPayments(method: PaymentMethod, received: Money, refunded: Money, count: Int, tendered: Money, change: Money) {
        let total = MethodTotal(method: method, received: received, refunded: refunded, count: count)
        if method == .account {
            chargedToAccount = total.net
            return
        }
        byMethod.append(total)
        payments += total.net
        if method == .cash {
            cashTendered = tendered
            changeGiven = change
            cashRefunded = total.refunded
        }
    }
}
