import Foundation
import Postgres
import Testing
import WorkshopModel
@testable import WorkshopStore

/// On a server, the numbers people see (RO, C, A, K, R, complaints) are given as SQLite gives them:
/// the largest plus one. A command refused after its insert, rolled back, leaves no gap.
@Suite("PostgreSQL: numbers without gaps",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct GaplessNumberTests {
    struct Refused: Error {}

    @Test func aRolledBackInsertLeavesNoGap() throws {
        for engine in ["sqlite", "postgres"] {
            let check: (Store) throws -> Void = { store in
                let first = try store.write { try store.addCustomer(name: "张三", phone: "13800000001", company: nil, address: nil) }
                #expect(throws: Refused.self) {
                    try store.write {
                        _ = try store.addCustomer(name: "李四", phone: "13800000002", company: nil, address: nil)
                        throw Refused()
                    }
                }
                let next = try store.write { try store.addCustomer(name: "王五", phone: "13800000003", company: nil, address: nil) }
                #expect(next.id == first.id + 1, "\(engine): C\(first.id) then C\(next.id)")
            }
            if engine == "sqlite" { try PostgresSealTests.withFileStore(check) } else { try PostgresSealTests.withServerStore { store, _ in try check(store) } }
        }
    }

    /// Every numbered table takes its number so, and a number given (as `workshop migrate` copies
    /// them) is kept.
    @Test func everyNumberedTableCountsOnFromItsLargestNumber() throws {
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            try ShopSchemas.applyPostgresSchema(db)
            for table in PostgresGaplessNumbers.tablesOfPG004 {
                #expect(try db.scalar("SELECT next_number('\(table)')", []) == 1, "\(table) starts at 1")
            }
            try db.execute("INSERT INTO customers(id, name, phone, created_at) VALUES (41, '张三', '13800000001', 0)")
            try db.execute("INSERT INTO customers(name, phone, created_at) VALUES ('李四', '13800000002', 0)")
            #expect(try db.rows("SELECT id FROM customers ORDER BY id", []) { $0.int("id") } == [41, 42])
        }
    }
}
