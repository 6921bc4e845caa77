import SQLite
import WorkshopModel

/// The figures of a period: how the shop is doing.
public struct PeriodReport: Sendable {
    public var carsCheckedIn = 0
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
    public var comebacks = 0
    public var openComplaints = 0
    public var complaintsRegistered = 0
    public var payments = Money.zero
    public var bookings = 0
    public var arrivals = 0
    public var noShows = 0
    /// Per day of the period ("2026-11-03"): revenue and cars checked in.
    public var daily: [(day: String, revenue: Money, cars: Int)] = []

    public init() {}

    public var averageOrder: Money { ordersReleased == 0 ? .zero : Money(fen: FixedPoint.divideRoundingHalfUp(revenue.fen, ordersReleased)) }
    /// Approved of estimated, in basis points.
    public var closeRatio: Int { estimated.fen == 0 ? 0 : approved.fen * 10_000 / estimated.fen }
}

extension Store {
    /// The report of [start, end) in the shop's zone, with a line per day. Void orders (opened by
    /// mistake) count nowhere in it.
    public func report(from start: Timestamp, to end: Timestamp) throws -> PeriodReport {
        var r = PeriodReport()
        let range: [SQLValue] = [.integer(Int64(start.seconds)), .integer(Int64(end.seconds))]
        let counted = "status <> 'void'"
        r.ordersOpened = try db.scalar("SELECT count(*) FROM orders WHERE checked_in_at >= ? AND checked_in_at < ? AND \(counted)", range) ?? 0
        r.carsCheckedIn = try db.scalar("SELECT count(DISTINCT vehicle_id) FROM orders WHERE checked_in_at >= ? AND checked_in_at < ? AND \(counted)",
                                        range) ?? 0
        r.comebacks = try db.scalar("""
            SELECT count(*) FROM orders WHERE checked_in_at >= ? AND checked_in_at < ? AND rework_of IS NOT NULL AND \(counted)
            """, range) ?? 0
        try db.forEach("""
            SELECT coalesce(sum(CASE WHEN l.status IN ('proposed','approved','declined') THEN l.amount END), 0) AS estimated,
                   coalesce(sum(CASE WHEN l.status = 'approved' THEN l.amount END), 0) AS approved
            FROM orders o JOIN order_lines l ON l.order_id = o.id
            WHERE o.checked_in_at >= ? AND o.checked_in_at < ? AND o.\(counted) AND l.covered = 0 AND (l.op_code IS NULL OR l.op_code <> 'DIAG')
            """, range) { row in
            r.estimated = row.money("estimated")
            r.approved = row.money("approved")
        }
        // Released orders: their approved, chargeable lines and discounts, computed per order as the
        // settlement does, each under the terms fixed on it.
        var byDay: [String: (revenue: Money, cars: Int)] = [:]
        let zone = settings.timeZone
        try db.forEach("""
            SELECT o.id, o.released_at, o.discount_kind, o.discount_value, o.tax_rate_bp, o.prices_include_tax, o.labor_rate,
                   o.discount_limit,
                   coalesce(sum(CASE WHEN l.kind = 'labor' THEN l.amount END), 0) AS labor,
                   coalesce(sum(CASE WHEN l.kind = 'part' THEN l.amount END), 0) AS parts,
                   coalesce(sum(CASE WHEN l.kind = 'fee' THEN l.amount END), 0) AS other
            FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id AND l.status = 'approved' AND l.covered = 0
            WHERE o.released_at >= ? AND o.released_at < ? AND o.\(counted)
            GROUP BY o.id
            """, range) { row in
            let stored = StoredCodes(row, table: "orders", key: RepairOrder.number(row.int("id")))
            let labor = row.money("labor"), parts = row.money("parts"), other = row.money("other")
            let discount = try stored.discount()?.value(on: labor + parts + other) ?? .zero
            let terms = try stored.pricingTerms() ?? settings.pricingTerms
            let total = terms.taxed(labor + parts + other - discount).gross
            r.ordersReleased += 1
            r.labor += labor
            r.parts += parts
            r.other += other
            r.discounts += discount
            r.revenue += total
            let day = zone.formatDate(row.timestamp("released_at"))
            byDay[day, default: (.zero, 0)].revenue += total
        }
        try db.forEach("SELECT checked_in_at FROM orders WHERE checked_in_at >= ? AND checked_in_at < ? AND \(counted)", range) { row in
            byDay[zone.formatDate(row.timestamp("checked_in_at")), default: (.zero, 0)].cars += 1
        }
        r.payments = Money(fen: try db.scalar("SELECT coalesce(sum(amount), 0) FROM payments WHERE at >= ? AND at < ?", range) ?? 0)
        r.complaintsRegistered = try db.scalar("SELECT count(*) FROM complaints WHERE registered_at >= ? AND registered_at < ?", range) ?? 0
        r.openComplaints = try complaints().count
        try db.forEach("""
            SELECT status, count(*) AS bookings FROM appointments WHERE at >= ? AND at < ? AND status <> 'cancelled' GROUP BY status
            """, range) { row in
            r.bookings += row.int("bookings")
            if row.string("status") == AppointmentStatus.arrived.code { r.arrivals = row.int("bookings") }
            if row.string("status") == AppointmentStatus.noShow.code { r.noShows = row.int("bookings") }
        }
        // Every day of the period, including quiet ones.
        var day = start
        while day < end {
            let key = zone.formatDate(day)
            r.daily.append((key, byDay[key]?.revenue ?? .zero, byDay[key]?.cars ?? 0))
            day = zone.startOfDay(day + 36 * 3_600)
        }
        return r
    }
}
