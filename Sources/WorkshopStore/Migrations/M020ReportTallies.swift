extension Migration {
    /// The report's running totals (issue 14: `report month` at a million orders read every order of
    /// a busy month and its lines, 75 ms for 8,300 orders). The figures that add up are kept per
    /// quarter hour (UTC seconds, a multiple of 900: every zone's midnight falls on one), in the
    /// transaction that changes them, so that a day or a month is a sum over at most 96 or 2,976 rows
    /// whatever the shop's size:
    /// - by check-in time, kept by triggers on the orders and their lines: orders opened, comebacks,
    ///   and the offered and approved line amounts (void orders count nowhere);
    /// - by payment time, kept by triggers on the payments: each method's money received, refunded,
    ///   handed over and given back as change, and what members' cards paid;
    /// - by release time, added by the release itself (`Store.tallyRelease`): the settlement's labour,
    ///   parts, other, discount and total, computed as the settlement does — Swift, not SQL.
    ///
    /// The totals are derived: `verify` computes them again from the orders, lines and payments and
    /// names any quarter hour that disagrees. The two tables have the watch triggers every watched
    /// table has, and the tally triggers are on the frozen list (SafeguardTriggers.swift), so one
    /// dropped is named too. The figures of the orders already released are added by the step
    /// `tallyReleased`, after this SQL.
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let reportTallies = Migration(name: "020-report-tallies", then: .tallyReleased, sql: """
        CREATE TABLE report_tallies (
            at              INTEGER PRIMARY KEY,
            orders_opened   INTEGER NOT NULL DEFAULT 0,
            comebacks       INTEGER NOT NULL DEFAULT 0,
            estimated       INTEGER NOT NULL DEFAULT 0,
            approved        INTEGER NOT NULL DEFAULT 0,
            orders_released INTEGER NOT NULL DEFAULT 0,
            labor           INTEGER NOT NULL DEFAULT 0,
            parts           INTEGER NOT NULL DEFAULT 0,
            other           INTEGER NOT NULL DEFAULT 0,
            discounts       INTEGER NOT NULL DEFAULT 0,
            revenue         INTEGER NOT NULL DEFAULT 0,
            paid_from_cards INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE report_method_tallies (
            at           INTEGER NOT NULL,
            method       TEXT NOT NULL,
            received     INTEGER NOT NULL DEFAULT 0,
            refunded     INTEGER NOT NULL DEFAULT 0,
            tendered     INTEGER NOT NULL DEFAULT 0,
            change_given INTEGER NOT NULL DEFAULT 0,
            payments     INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (at, method)
        ) WITHOUT ROWID;
        -- The cars of a period are counted from the check-ins' index alone; the void orders, which
        -- count nowhere, are found apart (few, and written once, when voided).
        DROP INDEX orders_checked_in;
        CREATE INDEX orders_checked_in ON orders(checked_in_at, vehicle_id);
        CREATE INDEX orders_void_checked_in ON orders(checked_in_at) WHERE status = 'void';

        INSERT INTO report_tallies(at, orders_opened, comebacks, estimated, approved)
        SELECT o.checked_in_at / 900 * 900, count(*), count(o.rework_of), coalesce(sum(l.estimated), 0), coalesce(sum(l.approved), 0)
        FROM orders o LEFT JOIN (SELECT order_id, sum(\(ReportTallySQL.estimated("order_lines"))) AS estimated,
                                        sum(\(ReportTallySQL.approved("order_lines"))) AS approved
                                 FROM order_lines GROUP BY order_id) l ON l.order_id = o.id
        WHERE o.status <> 'void'
        GROUP BY o.checked_in_at / 900 * 900;
        INSERT INTO report_method_tallies(at, method, received, refunded, tendered, change_given, payments)
        SELECT p.at / 900 * 900, p.method, sum(\(ReportTallySQL.received("p"))), sum(\(ReportTallySQL.refunded("p"))),
               sum(\(ReportTallySQL.tendered("p"))), sum(\(ReportTallySQL.changeGiven("p"))), sum(p.amount > 0)
        FROM payments p JOIN orders o ON o.id = p.order_id
        WHERE o.status <> 'void' AND p.card_id IS NULL
        GROUP BY p.at / 900 * 900, p.method;
        INSERT INTO report_tallies(at, paid_from_cards)
        SELECT p.at / 900 * 900, sum(p.amount)
        FROM payments p JOIN orders o ON o.id = p.order_id
        WHERE o.status <> 'void' AND p.card_id IS NOT NULL
        GROUP BY p.at / 900 * 900
        ON CONFLICT(at) DO UPDATE SET paid_from_cards = paid_from_cards + excluded.paid_from_cards;

        \(ReportTallySQL.triggers.map(\.sql).joined(separator: ";\n"));
        """)
}

/// The SQL of the report's running totals, each piece said once: what a line, a payment, an order
/// adds to its quarter hour, and the triggers that add it.
enum ReportTallySQL {
    /// What a line adds to the offered amount: offered, approved or declined, not covered by a card,
    /// not the diagnosis fee. `r`: the row's name (NEW, OLD, a table).
    static func estimated(_ r: String) -> String {
        "CASE WHEN \(r).covered = 0 AND (\(r).op_code IS NULL OR \(r).op_code <> 'DIAG') AND \(r).status IN ('proposed','approved','declined') THEN \(r).amount ELSE 0 END"
    }

    static func approved(_ r: String) -> String {
        "CASE WHEN \(r).covered = 0 AND (\(r).op_code IS NULL OR \(r).op_code <> 'DIAG') AND \(r).status = 'approved' THEN \(r).amount ELSE 0 END"
    }

    static func received(_ p: String) -> String { "max(\(p).amount, 0)" }
    static func refunded(_ p: String) -> String { "max(-\(p).amount, 0)" }
    static func tendered(_ p: String) -> String { "CASE WHEN \(p).amount > 0 THEN coalesce(\(p).tendered, \(p).amount) ELSE 0 END" }
    static func changeGiven(_ p: String) -> String { "CASE WHEN \(p).amount > 0 THEN coalesce(\(p).change_given, 0) ELSE 0 END" }

    static let addTallies = "ON CONFLICT(at) DO UPDATE SET orders_opened = orders_opened + excluded.orders_opened, "
        + "comebacks = comebacks + excluded.comebacks, estimated = estimated + excluded.estimated, "
        + "approved = approved + excluded.approved, orders_released = orders_released + excluded.orders_released, "
        + "labor = labor + excluded.labor, parts = parts + excluded.parts, other = other + excluded.other, "
        + "discounts = discounts + excluded.discounts, revenue = revenue + excluded.revenue, "
        + "paid_from_cards = paid_from_cards + excluded.paid_from_cards"
    static let addMethodTallies = "ON CONFLICT(at, method) DO UPDATE SET received = received + excluded.received, "
        + "refunded = refunded + excluded.refunded, tendered = tendered + excluded.tendered, "
        + "change_given = change_given + excluded.change_given, payments = payments + excluded.payments"

    /// A line's part of its order's quarter hour, added (`sign` "") or taken away ("-").
    static func line(_ r: String, _ sign: String) -> String {
        """
        INSERT INTO report_tallies(at, estimated, approved)
                SELECT o.checked_in_at / 900 * 900, \(sign)(\(estimated(r))), \(sign)(\(approved(r)))
                FROM orders o WHERE o.id = \(r).order_id AND o.status <> 'void'
                \(addTallies);
        """
    }

    /// A payment's part of its quarter hour: by method, or what a card paid.
    static func payment(_ r: String, _ sign: String) -> String {
        """
        INSERT INTO report_method_tallies(at, method, received, refunded, tendered, change_given, payments)
                SELECT \(r).at / 900 * 900, \(r).method, \(sign)\(received(r)), \(sign)\(refunded(r)), \(sign)(\(tendered(r))),
                       \(sign)(\(changeGiven(r))), \(sign)(\(r).amount > 0)
                FROM orders o WHERE o.id = \(r).order_id AND o.status <> 'void' AND \(r).card_id IS NULL
                \(addMethodTallies);
                INSERT INTO report_tallies(at, paid_from_cards)
                SELECT \(r).at / 900 * 900, \(sign)\(r).amount
                FROM orders o WHERE o.id = \(r).order_id AND o.status <> 'void' AND \(r).card_id IS NOT NULL
                \(addTallies);
        """
    }

    /// An order's whole part, unless void: itself, its lines by its check-in, its payments by theirs.
    static func order(_ r: String, _ sign: String) -> String {
        """
        INSERT INTO report_tallies(at, orders_opened, comebacks, estimated, approved)
                SELECT \(r).checked_in_at / 900 * 900, \(sign)1, \(sign)(\(r).rework_of IS NOT NULL), \(sign)e, \(sign)a
                FROM (SELECT coalesce(sum(\(estimated("l"))), 0) AS e, coalesce(sum(\(approved("l"))), 0) AS a
                      FROM order_lines l WHERE l.order_id = \(r).id)
                WHERE \(r).status <> 'void'
                \(addTallies);
                INSERT INTO report_method_tallies(at, method, received, refunded, tendered, change_given, payments)
                SELECT p.at / 900 * 900, p.method, \(sign)sum(\(received("p"))), \(sign)sum(\(refunded("p"))),
                       \(sign)sum(\(tendered("p"))), \(sign)sum(\(changeGiven("p"))), \(sign)sum(p.amount > 0)
                FROM payments p WHERE p.order_id = \(r).id AND \(r).status <> 'void' AND p.card_id IS NULL
                GROUP BY p.at / 900 * 900, p.method
                \(addMethodTallies);
                INSERT INTO report_tallies(at, paid_from_cards)
                SELECT p.at / 900 * 900, \(sign)sum(p.amount)
                FROM payments p WHERE p.order_id = \(r).id AND \(r).status <> 'void' AND p.card_id IS NOT NULL
                GROUP BY p.at / 900 * 900
                \(addTallies);
        """
    }

    /// The tally triggers and the watch triggers of the two tables, with the text SQLite keeps.
    static let triggers: [Schema.ExpectedTrigger] = [
        // A new order has no lines or payments yet: itself alone.
        trigger("tally_orders_insert", "orders", "AFTER INSERT ON orders WHEN NEW.status <> 'void'", """
            INSERT INTO report_tallies(at, orders_opened, comebacks)
                    VALUES (NEW.checked_in_at / 900 * 900, 1, NEW.rework_of IS NOT NULL)
                    \(addTallies);
            """),
        trigger("tally_orders_update", "orders", """
            AFTER UPDATE OF status, checked_in_at, rework_of ON orders
                WHEN (OLD.status = 'void') IS NOT (NEW.status = 'void') OR OLD.checked_in_at IS NOT NEW.checked_in_at
                    OR (OLD.rework_of IS NULL) IS NOT (NEW.rework_of IS NULL)
            """, order("OLD", "-") + "\n        " + order("NEW", "")),
        trigger("tally_orders_delete", "orders", "AFTER DELETE ON orders", order("OLD", "-")),
        trigger("tally_order_lines_insert", "order_lines", "AFTER INSERT ON order_lines", line("NEW", "")),
        trigger("tally_order_lines_update", "order_lines", """
            AFTER UPDATE OF status, amount, covered, op_code, order_id ON order_lines
                WHEN OLD.status IS NOT NEW.status OR OLD.amount IS NOT NEW.amount OR OLD.covered IS NOT NEW.covered
                    OR OLD.op_code IS NOT NEW.op_code OR OLD.order_id IS NOT NEW.order_id
            """, line("OLD", "-") + "\n        " + line("NEW", "")),
        trigger("tally_order_lines_delete", "order_lines", "AFTER DELETE ON order_lines", line("OLD", "-")),
        trigger("tally_payments_insert", "payments", "AFTER INSERT ON payments", payment("NEW", "")),
        trigger("tally_payments_update", "payments", "AFTER UPDATE ON payments",
                payment("OLD", "-") + "\n        " + payment("NEW", "")),
        trigger("tally_payments_delete", "payments", "AFTER DELETE ON payments", payment("OLD", "-")),
    ] + watch("report_tallies", key: { "\($0).at" }) + watch("report_method_tallies", key: { "\($0).at || ' ' || \($0).method" })

    private static func trigger(_ name: String, _ table: String, _ when: String, _ body: String) -> Schema.ExpectedTrigger {
        Schema.ExpectedTrigger(name: name, table: table, sql: "CREATE TRIGGER \(name) \(when)\n    BEGIN\n        \(body)\n    END")
    }

    /// The three triggers every watched table has: a change without Workshop's writer mark is logged.
    private static func watch(_ table: String, key: (String) -> String) -> [Schema.ExpectedTrigger] {
        [("insert", "NEW"), ("update", "NEW"), ("delete", "OLD")].map { op, row in
            Schema.ExpectedTrigger(name: "tamper_\(table)_\(op)", table: table, sql: """
                CREATE TRIGGER tamper_\(table)_\(op) AFTER \(op.uppercased()) ON \(table)
                    WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
                    BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('\(table)', '\(op)', \(key(row))); END
                """)
        }
    }
}
