import Foundation
import Postgres
import SQLite
import Testing
@testable import WorkshopStore

/// The PostgreSQL schema does what SQLite's does: the same raw statements — Workshop's own, under
/// its writer mark, and someone else's, without it — give the same report tallies and the same
/// tamper log, step by step; the journal and the tamper log refuse to change on both.
@Suite("The PostgreSQL schema behaves as SQLite's",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct PostgresSchemaBehaviourTests {
    /// Statements run in one transaction, under Workshop's writer mark or without it.
    struct Step {
        let name: String
        let marked: Bool
        let statements: [String]
    }

    /// What the triggers keep: the report's totals and the tamper log (without its times).
    struct Snapshot: Equatable {
        var tallies: [[SQLValue]]
        var methodTallies: [[SQLValue]]
        var tamperLog: [[SQLValue]]
    }

    static let steps: [Step] = [
        Step(name: "an order opened with four lines", marked: true, statements: [
            "INSERT INTO customers(name, phone, created_at) VALUES ('张三', '13800000001', 1795400000)",
            "INSERT INTO vehicles(plate, owner_id, plate_color, created_at) VALUES ('京A12345', 1, 'blue', 1795400000)",
            """
            INSERT INTO orders(vehicle_id, customer_id, status, checked_in_at, advisor, odometer_in, fuel, complaint, category, payer)
            VALUES (1, 1, 'estimating', 1795400137, '王芳', 12000, 'half', '刹车异响', 'repair', 'customer')
            """,
            "INSERT INTO order_lines(order_id, number, kind, description, amount, status) VALUES (1, 1, 'labor', '更换刹车片', 24000, 'proposed')",
            "INSERT INTO order_lines(order_id, number, kind, description, amount, status) VALUES (1, 2, 'part', '刹车片', 36000, 'proposed')",
            "INSERT INTO order_lines(order_id, number, kind, description, amount, status, op_code) VALUES (1, 3, 'labor', '诊断', 5000, 'proposed', 'DIAG')",
            "INSERT INTO order_lines(order_id, number, kind, description, amount, status, covered) VALUES (1, 4, 'labor', '保养', 10000, 'proposed', 1)",
        ]),
        Step(name: "three lines approved, one declined, the order signed", marked: true, statements: [
            "UPDATE order_lines SET status = 'approved' WHERE order_id = 1 AND number IN (1, 3, 4)",
            "UPDATE order_lines SET status = 'declined' WHERE order_id = 1 AND number = 2",
            "UPDATE orders SET status = 'signed' WHERE id = 1",
        ]),
        Step(name: "behind Workshop's back: an approved line made cheaper, another's words changed", marked: false, statements: [
            "UPDATE order_lines SET amount = 18000 WHERE order_id = 1 AND number = 1",
            "UPDATE order_lines SET description = '更换前刹车片' WHERE order_id = 1 AND number = 2",
        ]),
        Step(name: "paid in cash with change, from a card, by WeChat; a refund", marked: true, statements: [
            """
            INSERT INTO member_cards(customer_id, kind, paid_in, bonus, uses, paid, bonus_given, sold_at, sold_by)
            VALUES (1, 'stored', 50000, 0, 0, 50000, 0, 1795400000, '周静')
            """,
            "INSERT INTO payments(order_id, amount, method, at, by, tendered, change_given) VALUES (1, 20000, 'cash', 1795403000, '周静', 25000, 5000)",
            "INSERT INTO payments(order_id, amount, method, at, by, card_id) VALUES (1, 4000, 'card', 1795403000, '周静', 1)",
            "INSERT INTO payments(order_id, amount, method, at, by) VALUES (1, 2000, 'wechat', 1795403100, '周静')",
            "INSERT INTO payments(order_id, amount, method, at, by) VALUES (1, -3000, 'cash', 1795404000, '周静')",
        ]),
        Step(name: "behind Workshop's back: a payment added, another moved to a later quarter hour", marked: false, statements: [
            "INSERT INTO payments(order_id, amount, method, at, by, tendered) VALUES (1, 9999, 'cash', 1795405000, '某人', 10000)",
            "UPDATE payments SET at = 1795490000 WHERE method = 'wechat'",
        ]),
        Step(name: "released; a comeback opened with its line and payments", marked: true, statements: [
            "UPDATE orders SET status = 'released', released_at = 1795406000 WHERE id = 1",
            """
            INSERT INTO orders(vehicle_id, customer_id, status, checked_in_at, advisor, odometer_in, fuel, complaint, category, payer, rework_of)
            VALUES (1, 1, 'in-work', 1795500000, '王芳', 12500, 'half', '刹车仍异响', 'repair', 'shop', 1)
            """,
            "INSERT INTO order_lines(order_id, number, kind, description, amount, status) VALUES (2, 1, 'labor', '返修', 6000, 'approved')",
            "INSERT INTO payments(order_id, amount, method, at, by) VALUES (2, 6000, 'cash', 1795501000, '周静')",
            "INSERT INTO payments(order_id, amount, method, at, by, card_id) VALUES (2, 1000, 'card', 1795501000, '周静', 1)",
        ]),
        Step(name: "behind Workshop's back: the comeback voided", marked: false, statements: [
            "UPDATE orders SET status = 'void' WHERE id = 2",
        ]),
        Step(name: "the comeback restored", marked: true, statements: [
            "UPDATE orders SET status = 'in-work' WHERE id = 2",
        ]),
        Step(name: "behind Workshop's back: a check-in moved, a comeback no longer one", marked: false, statements: [
            "UPDATE orders SET checked_in_at = 1795300000 WHERE id = 1",
            "UPDATE orders SET rework_of = NULL WHERE id = 2",
        ]),
        Step(name: "behind Workshop's back: the refund and a line deleted, a payment changed", marked: false, statements: [
            "DELETE FROM payments WHERE amount = -3000",
            "DELETE FROM order_lines WHERE order_id = 1 AND number = 4",
            "UPDATE payments SET amount = 7000 WHERE order_id = 2 AND method = 'cash'",
        ]),
        Step(name: "behind Workshop's back: rows keyed by text, by several columns, by rowid", marked: false, statements: [
            "INSERT INTO settings(key, value) VALUES ('labor_rate', '150')",
            "UPDATE settings SET value = '160' WHERE key = 'labor_rate'",
            "INSERT INTO belongings(order_id, name, count) VALUES (1, '雨伞', 1)",
            "UPDATE belongings SET count = 2 WHERE order_id = 1",
            "INSERT INTO checklist_items(stage, code, name, position) VALUES ('final', 'brakes', '制动', 1)",
            "INSERT INTO supplements(order_id, line_number, reason, reported_by, reported_at) VALUES (1, 2, '磨损', '赵师傅', 1795400500)",
            "INSERT INTO parts(part_no, name, price) VALUES ('BP-01', '刹车片', 18000)",
            "DELETE FROM settings WHERE key = 'labor_rate'",
        ]),
        Step(name: "a journal entry", marked: true, statements: [
            "INSERT INTO journal(id, at, actor, command, action, entity, detail) VALUES (1, 1795400000, '王芳', 'open', 'create', 'order', '{}')",
        ]),
    ]

    static func run<C: SQLConnection>(_ step: Step, on db: C) throws {
        try db.transaction(immediate: true) {
            if step.marked { try db.run("INSERT INTO writer_mark DEFAULT VALUES", []) }
            for statement in step.statements { try db.run(statement, []) }
            if step.marked { try db.run("DELETE FROM writer_mark", []) }
        }
    }

    static func snapshot<C: SQLConnection>(_ db: C) throws -> Snapshot {
        func table(_ sql: String) throws -> [[SQLValue]] {
            try db.rows(sql, []) { row in (0..<row.columnCount).map { row.value($0) } }
        }
        return Snapshot(
            tallies: try table("""
                SELECT at, orders_opened, comebacks, estimated, approved, orders_released, labor, parts, other, discounts,
                       revenue, paid_from_cards
                FROM report_tallies ORDER BY at
                """),
            methodTallies: try table("""
                SELECT at, method, received, refunded, tendered, change_given, payments FROM report_method_tallies ORDER BY at, method
                """),
            tamperLog: try table("SELECT tbl, op, row_id FROM tamper_log ORDER BY id"))
    }

    /// The journal and the tamper log refuse an UPDATE or a DELETE, as a constraint's refusal.
    static func refusals<C: SQLConnection>(_ db: C) throws -> [String] {
        var accepted: [String] = []
        // An entry's site (024-site-hooks-and-entries) as any other of its columns.
        for statement in ["UPDATE journal SET detail = 'rewritten'", "UPDATE journal SET site_id = 2", "DELETE FROM journal",
                          "UPDATE tamper_log SET op = 'nothing'", "DELETE FROM tamper_log"] {
            do {
                try db.run(statement, [])
                accepted.append(statement)
            } catch {
                #expect(isConstraint(error), "\(statement): \(error)")
            }
        }
        return accepted
    }

    @Test("The same statements give the same tallies and the same tamper log, step by step")
    func sameTalliesAndTamperLog() throws {
        try ShopSchemas.withSQLiteShop { sqlite in
            try Backends.withPostgres { schema in
                let postgres = try schema.connect()
                try ShopSchemas.applyPostgresSchema(postgres)
                var before = try Self.snapshot(postgres)
                for step in Self.steps {
                    try Self.run(step, on: sqlite)
                    try Self.run(step, on: postgres)
                    let expected = try Self.snapshot(sqlite), found = try Self.snapshot(postgres)
                    #expect(found.tallies == expected.tallies, "after \(step.name): report_tallies")
                    #expect(found.methodTallies == expected.methodTallies, "after \(step.name): report_method_tallies")
                    #expect(found.tamperLog == expected.tamperLog, "after \(step.name): tamper_log")
                    if step.marked { #expect(found.tamperLog == before.tamperLog, "Workshop's own step \(step.name) was logged") }
                    before = found
                }

                // Not two empty tables agreeing: the totals moved, every kind of key was logged.
                let last = try Self.snapshot(sqlite)
                #expect(last.tallies.count >= 3 && last.methodTallies.count >= 4)
                for logged: [SQLValue] in [["order_lines", "update", "1"], ["orders", "update", "2"], ["payments", "delete", "4"],
                                           ["settings", "insert", "labor_rate"], ["belongings", "insert", "1"],
                                           ["checklist_items", "insert", "final/brakes"], ["supplements", "insert", "1/2"],
                                           ["report_tallies", "update", "1795400100"], ["report_method_tallies", "insert", "1795404600 cash"]] {
                    #expect(last.tamperLog.contains(logged), "\(logged) not logged")
                }

                #expect(try Self.refusals(sqlite) == [])
                #expect(try Self.refusals(postgres) == [])
                #expect(try Self.snapshot(postgres) == Self.snapshot(sqlite))
                for db in [sqlite as any SQLConnection, postgres] {
                    #expect(try db.rows("SELECT detail FROM journal", []) { $0.string("detail") } == ["{}"])
                }

                // The time of each change logged, as SQLite's datetime('now') writes it, in UTC.
                let form = try Regex(#"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"#)
                for db in [sqlite as any SQLConnection, postgres] {
                    for at in try db.rows("SELECT at FROM tamper_log", [], { $0.string("at") }) {
                        #expect(at.wholeMatch(of: form) != nil, "\(at)")
                    }
                }
            }
        }
    }
}
