/// The report's running totals on PostgreSQL (SQLite's 020-report-tallies, ReportTallySQL): the same
/// arithmetic in PL/pgSQL. One trigger function per table (`tally_orders`, `tally_order_lines`,
/// `tally_payments`) behind SQLite's nine trigger names, each telling the operation by TG_OP, and
/// one function per thing that adds up — a line, a payment, an order — called with +1 or -1, as
/// ReportTallySQL writes the text once with its sign. SQLite's `WHEN` conditions are tested in the
/// bodies (the trigger definitions stay as the server prints them).
///
/// Where the dialects differ: SQLite's `max(a, b)` is GREATEST; a comparison summed or multiplied
/// is cast to an integer first (SQLite's is already 1 or 0); `IS NOT` between values is
/// IS DISTINCT FROM; a sum of BIGINTs is NUMERIC, stored back as BIGINT. Integer division truncates
/// toward zero in both, so a quarter hour (`at / 900 * 900`) is the same number.
enum PostgresReportTallies {
    /// What a line adds to the offered amount: offered, approved or declined, not covered by a
    /// card, not the diagnosis fee (as ReportTallySQL.estimated). `r`: the row's name.
    static func estimated(_ r: String) -> String {
        "CASE WHEN \(r).covered = 0 AND (\(r).op_code IS NULL OR \(r).op_code <> 'DIAG') AND \(r).status IN ('proposed','approved','declined') THEN \(r).amount ELSE 0 END"
    }

    static func approved(_ r: String) -> String {
        "CASE WHEN \(r).covered = 0 AND (\(r).op_code IS NULL OR \(r).op_code <> 'DIAG') AND \(r).status = 'approved' THEN \(r).amount ELSE 0 END"
    }

    static func received(_ p: String) -> String { "GREATEST(\(p).amount, 0)" }
    static func refunded(_ p: String) -> String { "GREATEST(-\(p).amount, 0)" }
    static func tendered(_ p: String) -> String { "CASE WHEN \(p).amount > 0 THEN coalesce(\(p).tendered, \(p).amount) ELSE 0 END" }
    static func changeGiven(_ p: String) -> String { "CASE WHEN \(p).amount > 0 THEN coalesce(\(p).change_given, 0) ELSE 0 END" }
    static func isPayment(_ p: String) -> String { "(\(p).amount > 0)::int" }

    /// Adds the new figures to the quarter hour's row (`t`) when it exists already.
    static let addTallies = "ON CONFLICT (at) DO UPDATE SET orders_opened = t.orders_opened + excluded.orders_opened, "
        + "comebacks = t.comebacks + excluded.comebacks, estimated = t.estimated + excluded.estimated, "
        + "approved = t.approved + excluded.approved, orders_released = t.orders_released + excluded.orders_released, "
        + "labor = t.labor + excluded.labor, parts = t.parts + excluded.parts, other = t.other + excluded.other, "
        + "discounts = t.discounts + excluded.discounts, revenue = t.revenue + excluded.revenue, "
        + "paid_from_cards = t.paid_from_cards + excluded.paid_from_cards"
    static let addMethodTallies = "ON CONFLICT (at, method) DO UPDATE SET received = t.received + excluded.received, "
        + "refunded = t.refunded + excluded.refunded, tendered = t.tendered + excluded.tendered, "
        + "change_given = t.change_given + excluded.change_given, payments = t.payments + excluded.payments"

    /// A line's part of its order's quarter hour (ReportTallySQL.line).
    static let line = PostgresFunction(name: "tally_line", arguments: "r order_lines, direction bigint", returns: "void", body: """

        BEGIN
            INSERT INTO report_tallies AS t (at, estimated, approved)
            SELECT o.checked_in_at / 900 * 900, direction * (\(estimated("r"))), direction * (\(approved("r")))
            FROM orders o WHERE o.id = r.order_id AND o.status <> 'void'
            \(addTallies);
        END

        """)

    /// A payment's part of its quarter hour: by method, or what a card paid (ReportTallySQL.payment).
    static let payment = PostgresFunction(name: "tally_payment", arguments: "r payments, direction bigint", returns: "void", body: """

        BEGIN
            INSERT INTO report_method_tallies AS t (at, method, received, refunded, tendered, change_given, payments)
            SELECT r.at / 900 * 900, r.method, direction * \(received("r")), direction * \(refunded("r")),
                   direction * (\(tendered("r"))), direction * (\(changeGiven("r"))), direction * \(isPayment("r"))
            FROM orders o WHERE o.id = r.order_id AND o.status <> 'void' AND r.card_id IS NULL
            \(addMethodTallies);
            INSERT INTO report_tallies AS t (at, paid_from_cards)
            SELECT r.at / 900 * 900, direction * r.amount
            FROM orders o WHERE o.id = r.order_id AND o.status <> 'void' AND r.card_id IS NOT NULL
            \(addTallies);
        END

        """)

    /// An order's whole part, unless void: itself, its lines by its check-in, its payments by
    /// theirs (ReportTallySQL.order).
    static let order = PostgresFunction(name: "tally_order", arguments: "r orders, direction bigint", returns: "void", body: """

        BEGIN
            IF r.status = 'void' THEN
                RETURN;
            END IF;
            INSERT INTO report_tallies AS t (at, orders_opened, comebacks, estimated, approved)
            SELECT r.checked_in_at / 900 * 900, direction, direction * (r.rework_of IS NOT NULL)::int,
                   direction * line_sums.estimated, direction * line_sums.approved
            FROM (SELECT coalesce(sum(\(estimated("l"))), 0) AS estimated, coalesce(sum(\(approved("l"))), 0) AS approved
                  FROM order_lines l WHERE l.order_id = r.id) AS line_sums
            \(addTallies);
            INSERT INTO report_method_tallies AS t (at, method, received, refunded, tendered, change_given, payments)
            SELECT p.at / 900 * 900, p.method, direction * sum(\(received("p"))), direction * sum(\(refunded("p"))),
                   direction * sum(\(tendered("p"))), direction * sum(\(changeGiven("p"))), direction * sum(\(isPayment("p")))
            FROM payments p WHERE p.order_id = r.id AND p.card_id IS NULL
            GROUP BY p.at / 900 * 900, p.method
            \(addMethodTallies);
            INSERT INTO report_tallies AS t (at, paid_from_cards)
            SELECT p.at / 900 * 900, direction * sum(p.amount)
            FROM payments p WHERE p.order_id = r.id AND p.card_id IS NOT NULL
            GROUP BY p.at / 900 * 900
            \(addTallies);
        END

        """)

    /// tally_orders_insert, _update, _delete. A new order has no lines or payments yet: itself alone.
    static let orders = PostgresFunction(name: "tally_orders", arguments: "", returns: "trigger", body: """

        BEGIN
            IF TG_OP = 'INSERT' THEN
                IF NEW.status <> 'void' THEN
                    INSERT INTO report_tallies AS t (at, orders_opened, comebacks)
                    VALUES (NEW.checked_in_at / 900 * 900, 1, (NEW.rework_of IS NOT NULL)::int)
                    \(addTallies);
                END IF;
            ELSIF TG_OP = 'UPDATE' THEN
                IF (OLD.status = 'void') IS DISTINCT FROM (NEW.status = 'void') OR OLD.checked_in_at IS DISTINCT FROM NEW.checked_in_at
                   OR (OLD.rework_of IS NULL) IS DISTINCT FROM (NEW.rework_of IS NULL) THEN
                    PERFORM tally_order(OLD, -1);
                    PERFORM tally_order(NEW, 1);
                END IF;
            ELSE
                PERFORM tally_order(OLD, -1);
            END IF;
            RETURN NULL;
        END

        """)

    /// tally_order_lines_insert, _update, _delete.
    static let orderLines = PostgresFunction(name: "tally_order_lines", arguments: "", returns: "trigger", body: """

        BEGIN
            IF TG_OP = 'UPDATE' AND NOT (OLD.status IS DISTINCT FROM NEW.status OR OLD.amount IS DISTINCT FROM NEW.amount
                    OR OLD.covered IS DISTINCT FROM NEW.covered OR OLD.op_code IS DISTINCT FROM NEW.op_code
                    OR OLD.order_id IS DISTINCT FROM NEW.order_id) THEN
                RETURN NULL;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                PERFORM tally_line(OLD, -1);
            END IF;
            IF TG_OP <> 'DELETE' THEN
                PERFORM tally_line(NEW, 1);
            END IF;
            RETURN NULL;
        END

        """)

    /// tally_payments_insert, _update, _delete.
    static let payments = PostgresFunction(name: "tally_payments", arguments: "", returns: "trigger", body: """

        BEGIN
            IF TG_OP <> 'INSERT' THEN
                PERFORM tally_payment(OLD, -1);
            END IF;
            IF TG_OP <> 'DELETE' THEN
                PERFORM tally_payment(NEW, 1);
            END IF;
            RETURN NULL;
        END

        """)

    static let functions = [line, payment, order, orders, orderLines, payments]

    static let triggers: [PostgresTrigger] = [
        trigger("tally_orders_insert", "AFTER INSERT", "orders", "tally_orders"),
        trigger("tally_orders_update", "AFTER UPDATE OF status, checked_in_at, rework_of", "orders", "tally_orders"),
        trigger("tally_orders_delete", "AFTER DELETE", "orders", "tally_orders"),
        trigger("tally_order_lines_insert", "AFTER INSERT", "order_lines", "tally_order_lines"),
        trigger("tally_order_lines_update", "AFTER UPDATE OF status, amount, covered, op_code, order_id", "order_lines", "tally_order_lines"),
        trigger("tally_order_lines_delete", "AFTER DELETE", "order_lines", "tally_order_lines"),
        trigger("tally_payments_insert", "AFTER INSERT", "payments", "tally_payments"),
        trigger("tally_payments_update", "AFTER UPDATE", "payments", "tally_payments"),
        trigger("tally_payments_delete", "AFTER DELETE", "payments", "tally_payments"),
    ]

    private static func trigger(_ name: String, _ event: String, _ table: String, _ function: String) -> PostgresTrigger {
        PostgresTrigger(name: name, table: table,
                        definition: "CREATE TRIGGER \(name) \(event) ON \(table) FOR EACH ROW EXECUTE FUNCTION \(function)()")
    }
}
