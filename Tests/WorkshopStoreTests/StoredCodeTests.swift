import Foundation
import SQLite
import Testing
import WorkshopModel
import WorkshopStore

/// A code in the database that no Workshop writes is named as an error, never read as a default;
/// a damaged setting keeps the shop working on its default and is named by verify.
@Suite("Unknown stored codes and damaged settings")
struct StoredCodeTests {
    static func shop() throws -> String {
        let path = try Support.copyOfFixture(5)
        _ = try Support.open(path)
        return path
    }

    @Test func anUnknownOrderStatusNamesTheOrderAndTheValue() throws {
        let path = try Self.shop()
        try Support.sql(path, "UPDATE orders SET status = 'teleported' WHERE id = 2")
        let store = try Support.open(path)
        #expect(throws: StoreRefusal.unknownCode(table: "orders", row: "RO2", column: "status", value: "teleported")) {
            try store.order(id: 2)
        }
        #expect(try store.order(id: 3)?.status == .released, "other orders read as before")
    }

    @Test func anUnknownPaymentMethodIsNotCash() throws {
        let path = try Self.shop()
        let payment = try #require(try Support.scalar(path, "SELECT min(id) FROM payments WHERE order_id = 2"))
        try Support.sql(path, "UPDATE payments SET method = 'bitcoin' WHERE id = \(payment)")
        let store = try Support.open(path)
        #expect(throws: StoreRefusal.unknownCode(table: "payments", row: "\(payment)", column: "method", value: "bitcoin")) {
            try store.payments(orderID: 2)
        }
    }

    @Test func anUnknownLineKindStockKindAndRoleAreNamed() throws {
        let path = try Self.shop()
        try Support.sql(path, """
            UPDATE order_lines SET kind = 'gift' WHERE order_id = 3 AND number = 1;
            UPDATE stock_movements SET kind = 'borrow' WHERE id = 1;
            UPDATE staff SET roles = 'advisor,wizard' WHERE name = '王芳';
            """)
        let store = try Support.open(path)
        #expect(throws: StoreRefusal.unknownCode(table: "order_lines", row: "RO3/1", column: "kind", value: "gift")) {
            try store.lines(orderID: 3)
        }
        let part = try #require(try Database(path: path, readOnly: true).first("SELECT part_no FROM stock_movements WHERE id = 1") {
            $0.string("part_no")
        })
        #expect(throws: StoreRefusal.unknownCode(table: "stock_movements", row: "1", column: "kind", value: "borrow")) {
            try store.movements(partNumber: part)
        }
        #expect(throws: StoreRefusal.unknownCode(table: "staff", row: "王芳", column: "roles", value: "wizard")) {
            try store.staff(named: "王芳")
        }
    }

    @Test func aDamagedSettingKeepsItsDefaultAndVerifyNamesIt() throws {
        let path = try Self.shop()
        try Support.sql(path, """
            INSERT INTO writer_mark DEFAULT VALUES;
            UPDATE settings SET value = 'thirteen' WHERE key = 'tax_rate';
            DELETE FROM writer_mark;
            """)
        let store = try Support.open(path)
        #expect(store.settings.taxRate == TaxRate(basisPoints: 1300), "the default is in force")
        #expect(store.settings.name == "顺达汽车维修服务有限公司", "the other settings are read")
        let report = try store.read { try store.verify() }
        // The edit slipped past the watch triggers (the writer mark was set), not past the row's seal.
        let sealed = try #require(try Support.scalar(path, "SELECT max(id) FROM journal"))
        #expect(report.problems == [.rowChanged(table: "settings", row: "tax_rate", entry: sealed),
                                    .damagedSetting(key: "tax_rate", value: "thirteen")])
        try store.write { try store.setSetting("tax_rate", to: "9") }
        // Set again, it is no longer damaged; the entry that rewrote it keeps what it found.
        #expect(try store.read { try store.verify() }.problems == [.rowFoundAltered(table: "settings", row: "tax_rate", entry: sealed + 1)])
        #expect(store.settings.taxRate == TaxRate(basisPoints: 900))
    }
}
