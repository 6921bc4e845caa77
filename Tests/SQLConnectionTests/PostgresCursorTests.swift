import Foundation
@testable import Postgres
import Testing

/// A long answer on a server is read a page at a time (verify's walks over the journal and the
/// seals, migrate's checks, export): the program holds one page, never the whole answer, which at
/// a million orders would be gigabytes.
@Suite("PostgreSQL cursors",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct PostgresCursorTests {
    static let numbers = "SELECT g AS n FROM generate_series(1, ?) AS g ORDER BY g"

    @Test("Rows come a page at a time, one page held, two cursors side by side with statements between")
    func onePageHeld() throws {
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            try db.transaction(immediate: false) {
                var merged: [Int] = []
                var pages: [Int] = []
                var held: [Int] = []
                try db.withCursor(Self.numbers, [.integer(2_500)], pageSize: 1_000) { odd in
                    try db.withCursor(Self.numbers, [.integer(5)], pageSize: 2) { short in
                        while let row = try odd.next() {
                            let n = row.int("n")
                            if n % 1_000 == 999 {
                                // Another statement between pages: the connection stays free.
                                #expect(try db.scalar("SELECT ? * 2", [.integer(Int64(n))]) == n * 2)
                                if let other = try short.next() { merged.append(-other.int("n")) }
                            }
                            if n % 500 == 0 { merged.append(n) }
                        }
                        while let other = try short.next() { merged.append(-other.int("n")) }
                        pages.append(short.pagesFetched)
                        held.append(short.mostRowsHeld)
                    }
                    pages.append(odd.pagesFetched)
                    held.append(odd.mostRowsHeld)
                }
                #expect(merged == [500, -1, 1_000, 1_500, -2, 2_000, 2_500, -3, -4, -5])
                // 5 rows by 2: pages of 2, 2, 1. 2,500 by 1,000: 1,000, 1,000, 500.
                #expect(pages == [3, 3])
                #expect(held == [2, 1_000])
            }
            #expect(!db.isInTransaction)
        }
    }

    /// What a whole-result read could never do: the rows before a failing one arrive before its
    /// error, a page at a time.
    @Test("A walk hands over the pages before the one that fails, then throws its error")
    func failureComesWithItsPage() throws {
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            var seen = 0
            #expect(throws: PostgresError.self) {
                try db.transaction(immediate: false) {
                    try db.walk("SELECT 10 / (2500 - g) AS q FROM generate_series(1, 3000) AS g", [], pageSize: 1_000) { _ in seen += 1 }
                }
            }
            #expect(seen == 2_000)
            #expect(!db.isInTransaction)
            // The cursor's names are free again: the same walk works in the next transaction.
            let total = try db.transaction(immediate: false) { () -> Int in
                var total = 0
                try db.walk(Self.numbers, [.integer(3)]) { total += $0.int("n") }
                return total
            }
            #expect(total == 6)
        }
    }

    @Test("A cursor outside a transaction is refused: it would end at once")
    func outsideATransaction() throws {
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            do {
                try db.walk(Self.numbers, [.integer(3)]) { _ in }
                Issue.record("a cursor outside a transaction was not refused")
            } catch let error as PostgresError {
                #expect(error.sqlState == "25P01")
            }
        }
    }
}
