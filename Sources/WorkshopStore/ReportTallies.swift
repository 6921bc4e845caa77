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

    /// The released orders `condition` (on `orders o`) picks, one row each, in the text of `db`'s
    /// engine. `+o.id`: grouping by the bare rowid makes SQLite walk the whole orders table in id
    /// order instead of the period's through the index on released_at (196 ms against 6 ms at a
    /// million orders) — and so does a bare `o.id` anywhere in the GROUP BY (a site's report walked
    /// it so). PostgreSQL lets the order's other columns be selected only when its key is grouped
    /// on: `o.id` there.
    static func releasedOrdersSQL(where condition: String, _ db: ShopDatabase) -> String {
        let statement = """
            SELECT o.id, o.released_at, o.discount_kind, o.discount_value, o.tax_rate_bp, o.prices_include_tax, o.labor_rate,
                   o.discount_limit,
                   \(chargedSums("l"))
            FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
            WHERE \(condition) AND o.released_at IS NOT NULL AND o.status <> 'void'
            """
        return db.text(PortableSQL(sqlite: statement + "\nGROUP BY +o.id", postgres: statement + "\nGROUP BY o.id"))
    }

    /// A line's amount if it is charged and of `kind`, else 0: approved, not covered by a card, not a
    /// card's price.
    static func charged(_ l: String, _ kind: String) -> String {
        "CASE WHEN \(l).status = 'approved' AND \(l).covered = 0 AND \(l).card_id IS NULL AND \(l).kind = '\(kind)' THEN \(l).amount ELSE 0 END"
    }

    /// The order's charged lines summed by kind (labour, parts, other).
    static func chargedSums(_ l: String) -> String {
        "coalesce(sum(\(charged(l, "labor"))), 0) AS labor, coalesce(sum(\(charged(l, "part"))), 0) AS parts, "
            + "coalesce(sum(\(charged(l, "fee"))), 0) AS other"
    }

    /// What a payment received, and what a refund paid back: ReportTallySQL.received/refunded in a
    /// form PostgreSQL runs too (SQLite's two-argument max() is its own); those stay as migration
    /// 020's triggers wrote them.
    static func received(_ p: String) -> String { "CASE WHEN \(p).amount > 0 THEN \(p).amount ELSE 0 END" }
    static func refunded(_ p: String) -> String { "CASE WHEN \(p).amount < 0 THEN -\(p).amount ELSE 0 END" }

    /// One line's charged amount by kind, as `chargedSums` adds them up.
    static func chargedAmounts(_ l: String) -> String {
        "\(charged(l, "labor")) AS labor, \(charged(l, "part")) AS parts, \(charged(l, "fee")) AS other"
    }

    /// One row of `releasedOrdersSQL`: the order's figures. `fallback`: the terms of an order with
    /// none fixed on it (one released before terms were fixed on orders).
    static func released(_ row: ShopRow, fallback: PricingTerms) throws -> Released {
        try released(row, labor: row.money("labor"), parts: row.money("parts"), other: row.money("other"), fallback: fallback)
    }

    /// The same from an order's row (its discount and terms) and its charged lines' sums by kind.
    static func released(_ row: ShopRow, labor: Money, parts: Money, other: Money, fallback: PricingTerms) throws -> Released {
        let stored = StoredCodes(row, table: "orders", key: RepairOrder.number(row.int("id")))
        let discount = try stored.discount()?.value(on: labor + parts + other) ?? .zero
        let terms = try stored.pricingTerms() ?? fallback
        return Released(orders: 1, labor: labor, parts: parts, other: other, discounts: discount,
                        revenue: terms.taxed(labor + parts + other - discount).gross)
    }

    /// Adds released figures to a quarter hour. `t` names the quarter hour's row already there:
    /// PostgreSQL reads a bare column in DO UPDATE as ambiguous between it and `excluded`.
    /// (ReportTallySQL.addTallies, the triggers' text, stays as migration 020 wrote it.)
    static let addReleased = """
        INSERT INTO report_tallies AS t (at, orders_released, labor, parts, other, discounts, revenue) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(at) DO UPDATE SET orders_released = t.orders_released + excluded.orders_released,
            labor = t.labor + excluded.labor, parts = t.parts + excluded.parts, other = t.other + excluded.other,
            discounts = t.discounts + excluded.discounts, revenue = t.revenue + excluded.revenue
        """

    /// Adds released figures to their quarter hours.
    static func add(_ released: [Int: Released], _ db: ShopDatabase) throws {
        for (at, r) in released {
            try db.run(addReleased, [.integer(Int64(at)), .integer(Int64(r.orders)), .integer(Int64(r.labor.fen)), .integer(Int64(r.parts.fen)),
                      .integer(Int64(r.other.fen)), .integer(Int64(r.discounts.fen)), .integer(Int64(r.revenue.fen))])
        }
    }

    /// The released figures of every order released, by quarter hour: what the tallies should hold.
    static func releasedByQuarter(_ db: ShopDatabase, fallback: PricingTerms) throws -> [Int: Released] {
        var byQuarter: [Int: Released] = [:]
        try db.walk(releasedOrdersSQL(where: "1 = 1", db)) { row in
            byQuarter[quarter(of: row.timestamp("released_at")), default: Released()] += try released(row, fallback: fallback)
        }
        return byQuarter
    }

    /// 020-report-tallies' step: the orders released before it.
    static func tallyReleased(_ db: ShopDatabase) throws {
        try add(releasedByQuarter(db, fallback: Store.readSettings(db).0.pricingTerms), db)
    }
}

extension Store {
    /// Adds every released order's figures to the tallies, under Workshop's writer mark: for orders
    /// put in the database in bulk outside Workshop's writes (the bench's generated history), whose
    /// check-ins, lines and payments the triggers tallied as they went in. Nothing a command can reach.
    public func tallyReleasesFound() throws {
        try db.transaction(immediate: true) {
            let mark = try insert("INSERT INTO writer_mark DEFAULT VALUES")
            try ReportTallies.tallyReleased(db)
            try db.run("DELETE FROM writer_mark WHERE id = ?", [.integer(Int64(mark))])
        }
    }

    /// The release of `orderID` into the report's tallies, in the release's transaction: the order
    /// as it is billed now is what the report counts.
    func tallyRelease(orderID: Int) throws {
        let fallback = settings.pricingTerms
        var byQuarter: [Int: ReportTallies.Released] = [:]
        try db.forEach(ReportTallies.releasedOrdersSQL(where: "o.id = ?", db), [.integer(Int64(orderID))]) { row in
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
    /// (at most `listedPerKind`), with the figures that differ. One walk over the orders with their
    /// lines, one over the payments: `verify` reads the whole record anyway, and this stays a part of it.
    func tallyMismatches() throws -> [(at: Timestamp, figures: [String])] {
        // The lines in the order they are stored (no join, no index): each one's part, summed per order.
        // The walks read columns by position: a million rows, read where names would cost a lookup each.
        // On a server a page at a time (walk), not the whole table held at once.
        var lines: [Int: LineSums] = [:]
        lines.reserveCapacity(try db.scalar("SELECT max(id) FROM orders") ?? 0)
        var expected: [Int: QuarterTally] = [:]
        expected.reserveCapacity(try db.scalar("SELECT count(*) FROM report_tallies") ?? 0)
        try db.walk("""
            SELECT order_id, \(ReportTallySQL.estimated("l")) AS estimated, \(ReportTallySQL.approved("l")) AS approved,
                   \(ReportTallies.chargedAmounts("l"))
            FROM order_lines l
            """) { row in lines[row.int(Int32(0)), default: LineSums()].add(row) }
        let fallback = settings.pricingTerms
        try db.walk("""
            SELECT id, checked_in_at, CASE WHEN status = 'void' THEN 1 ELSE 0 END AS void,
                   CASE WHEN rework_of IS NOT NULL THEN 1 ELSE 0 END AS comeback, released_at,
                   discount_kind, discount_value, tax_rate_bp, prices_include_tax, labor_rate, discount_limit
            FROM orders
            """) { row in
            guard !row.bool("void") else { return }
            let sums = lines[row.int("id")] ?? LineSums()
            expected[ReportTallies.quarter(of: row.timestamp("checked_in_at")), default: QuarterTally()]
                .add(opened: 1, comebacks: row.bool("comeback") ? 1 : 0, estimated: sums.estimated, approved: sums.approved)
            if !row.isNull("released_at") {
                expected[ReportTallies.quarter(of: row.timestamp("released_at")), default: QuarterTally()]
                    .add(try ReportTallies.released(row, labor: Money(fen: sums.labor), parts: Money(fen: sums.parts),
                                                    other: Money(fen: sums.other), fallback: fallback))
            }
        }
        var expectedByMethod: [MethodQuarter: MethodTally] = [:]
        let methodQuarters = try db.scalar("SELECT count(*) FROM report_method_tallies") ?? 0
        expectedByMethod.reserveCapacity(methodQuarters)
        try db.forEach("""
            SELECT p.at / 900 * 900 AS at, p.method, CASE WHEN p.card_id IS NOT NULL THEN 1 ELSE 0 END AS card,
                   sum(p.amount) AS amount,
                   sum(\(ReportTallies.received("p"))) AS received, sum(\(ReportTallies.refunded("p"))) AS refunded,
                   sum(\(ReportTallySQL.tendered("p"))) AS tendered, sum(\(ReportTallySQL.changeGiven("p"))) AS change_given,
                   count(CASE WHEN p.amount > 0 THEN 1 END) AS payments
            FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.status <> 'void' GROUP BY 1, 2, 3
            """) { row in
            if row.bool("card") {
                expected[row.int("at"), default: QuarterTally()].fromCards += row.int("amount")
            } else {
                expectedByMethod[MethodQuarter(at: row.int("at"), method: row.string("method"))] = MethodTally(row)
            }
        }
        var tallied: [Int: QuarterTally] = [:]
        tallied.reserveCapacity(expected.count)
        try db.forEach("""
            SELECT at, orders_opened, comebacks, estimated, approved, orders_released, labor, parts, other, discounts, revenue,
                   paid_from_cards
            FROM report_tallies
            """) { row in tallied[row.int(Int32(0))] = QuarterTally(row) }
        var talliedByMethod: [MethodQuarter: MethodTally] = [:]
        talliedByMethod.reserveCapacity(methodQuarters)
        try db.forEach("SELECT at, method, received, refunded, tendered, change_given, payments FROM report_method_tallies") { row in
            talliedByMethod[MethodQuarter(at: row.int("at"), method: row.string("method"))] = MethodTally(row)
        }
        // A quarter hour that adds up to nothing is the same whether or not it has a row. Equal sums
        // are the rule: the figures that differ are worked out only where they do.
        var figures: [Int: Set<String>] = [:]
        func compare<Key: Hashable, Sums: Equatable>(_ want: [Key: Sums], _ have: [Key: Sums], none: Sums,
                                                     _ name: (Key, Sums, Sums) -> (Int, [String])) {
            for (key, sums) in want where have[key] ?? none != sums {
                let (at, differ) = name(key, sums, have[key] ?? none)
                figures[at, default: []].formUnion(differ)
            }
            for (key, sums) in have where want[key] == nil && sums != none {
                let (at, differ) = name(key, none, sums)
                figures[at, default: []].formUnion(differ)
            }
        }
        compare(expected, tallied, none: QuarterTally()) { at, want, have in (at, want.differences(from: have)) }
        compare(expectedByMethod, talliedByMethod, none: MethodTally()) { key, want, have in
            (key.at, want.differences(from: have).map { key.method + " " + $0 })
        }
        return figures.keys.sorted().prefix(Store.listedPerKind).map { (Timestamp(seconds: $0), figures[$0]!.sorted()) }
    }
}

/// An order's lines summed: offered, approved, and charged by kind.
struct LineSums {
    var estimated = 0, approved = 0, labor = 0, parts = 0, other = 0

    /// Columns 1…5 of the lines' walk: estimated, approved, labor, parts, other.
    mutating func add(_ row: ShopRow) {
        estimated += row.int(Int32(1))
        approved += row.int(Int32(2))
        labor += row.int(Int32(3))
        parts += row.int(Int32(4))
        other += row.int(Int32(5))
    }
}

/// One quarter hour's figures, as `report_tallies` holds them: what `verify` compares.
struct QuarterTally: Equatable {
    var opened = 0, comebacks = 0, estimated = 0, approved = 0
    var released = 0, labor = 0, parts = 0, other = 0, discounts = 0, revenue = 0
    var fromCards = 0

    init() {}

    /// Columns 1…11 of `report_tallies` in its order (0 is `at`).
    init(_ row: ShopRow) {
        (opened, comebacks, estimated, approved) = (row.int(Int32(1)), row.int(Int32(2)), row.int(Int32(3)), row.int(Int32(4)))
        (released, labor, parts, other) = (row.int(Int32(5)), row.int(Int32(6)), row.int(Int32(7)), row.int(Int32(8)))
        (discounts, revenue, fromCards) = (row.int(Int32(9)), row.int(Int32(10)), row.int(Int32(11)))
    }

    mutating func add(opened: Int, comebacks: Int, estimated: Int, approved: Int) {
        self.opened += opened
        self.comebacks += comebacks
        self.estimated += estimated
        self.approved += approved
    }

    mutating func add(_ order: ReportTallies.Released) {
        released += order.orders
        labor += order.labor.fen
        parts += order.parts.fen
        other += order.other.fen
        discounts += order.discounts.fen
        revenue += order.revenue.fen
    }

    /// The columns whose figures differ.
    func differences(from other: QuarterTally) -> [String] {
        [("orders_opened", opened, other.opened), ("comebacks", comebacks, other.comebacks), ("estimated", estimated, other.estimated),
         ("approved", approved, other.approved), ("orders_released", released, other.released), ("labor", labor, other.labor),
         ("parts", parts, other.parts), ("other", self.other, other.other), ("discounts", discounts, other.discounts),
         ("revenue", revenue, other.revenue), ("paid_from_cards", fromCards, other.fromCards)]
            .filter { $0.1 != $0.2 }.map(\.0)
    }
}

struct MethodQuarter: Hashable {
    let at: Int
    let method: String
}

/// One method's figures in one quarter hour, as `report_method_tallies` holds them.
struct MethodTally: Equatable {
    var received = 0, refunded = 0, tendered = 0, changeGiven = 0, payments = 0

    init() {}

    init(_ row: ShopRow) {
        (received, refunded, tendered) = (row.int("received"), row.int("refunded"), row.int("tendered"))
        (changeGiven, payments) = (row.int("change_given"), row.int("payments"))
    }

    func differences(from other: MethodTally) -> [String] {
        [("received", received, other.received), ("refunded", refunded, other.refunded), ("tendered", tendered, other.tendered),
         ("change_given", changeGiven, other.changeGiven), ("payments", payments, other.payments)]
            .filter { $0.1 != $0.2 }.map(\.0)
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
