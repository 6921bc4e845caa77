import Postgres
import SQLite
import Testing

/// What the store relies on from any connection, written once over `SQLConnection` and run on
/// both databases (the two suites below): the same statements must give the same answers.
enum Contract {
    struct Refused: Error {}

    static func valuesRoundTrip<C: SQLConnection>(_ db: C) throws {
        try db.execute("CREATE TABLE v (id BIGINT PRIMARY KEY, n BIGINT, t TEXT, r DOUBLE PRECISION)")
        let rows: [(Int64, SQLValue, SQLValue, SQLValue)] = [
            (1, .integer(Int64.max), .text("京A·12345 更换机油滤芯（原厂）"), .real(1.5)),
            (2, .integer(Int64.min), .text(""), .real(-0.000_25)),
            (3, .integer(-42), .null, .null),
            (4, .null, .text("O'Brien \"quoted\" \\ back"), .real(1e300)),
        ]
        for (id, n, t, r) in rows {
            try db.run("INSERT INTO v (id, n, t, r) VALUES (?, ?, ?, ?)", [.integer(id), n, t, r])
        }
        let read = try db.rows("SELECT id, n, t, r FROM v ORDER BY id", []) { row in
            (row.int("id"), row.value("n"), row.value("t"), row.value("r"))
        }
        #expect(read.map(\.0) == [1, 2, 3, 4])
        for (expected, got) in zip(rows, read) {
            #expect(got.1 == expected.1)
            #expect(got.2 == expected.2)
            #expect(got.3 == expected.3)
        }
        // The typed readers: the extremes of 64 bits, NULL apart from the empty string.
        try db.forEach("SELECT id, n, t FROM v WHERE id IN (?, ?) ORDER BY id", [2, 3]) { row in
            if row.int("id") == 2 {
                #expect(row.int("n") == Int(Int64.min))
                #expect(row.optionalString("t") == "")
                #expect(!row.isNull("t"))
            } else {
                #expect(row.optionalInt("n") == -42)
                #expect(row.optionalString("t") == nil)
                #expect(row.string("t") == "")
                #expect(row.isNull("t"))
            }
        }
        #expect(try db.scalar("SELECT n FROM v WHERE id = ?", [1]) == Int(Int64.max))
        #expect(try db.first("SELECT t FROM v WHERE id = ?", [1]) { $0.string("t") } == "京A·12345 更换机油滤芯（原厂）")
        #expect(try db.first("SELECT t FROM v WHERE t = ?", ["京A·12345 更换机油滤芯（原厂）"]) { $0.columnNames } == ["t"])
        #expect(try db.scalar("SELECT n FROM v WHERE id = ?", [4]) == nil)
        // Booleans as SQLite gives them: 1 and 0.
        #expect(try db.first("SELECT n < 0 AS negative FROM v WHERE id = ?", [3]) { $0.bool("negative") } == true)
    }

    static func placeholders<C: SQLConnection>(_ db: C) throws {
        try db.execute("CREATE TABLE p (id BIGINT PRIMARY KEY, a TEXT, b TEXT)")
        // A question mark in a literal, a quoted identifier or a comment is text, not a placeholder.
        try db.run("""
            INSERT INTO p (id, a, "b") -- is this a placeholder?
            VALUES (?, '?' || ?, /* nor this? */ ?)
            """, [1, "x", "y"])
        #expect(try db.first("SELECT a, b FROM p WHERE id = ?", [1]) { [$0.string("a"), $0.string("b")] } == ["?x", "y"])
        // Numbered placeholders, one used twice, and a plain one after them takes the next number.
        try db.run("INSERT INTO p (id, a, b) VALUES (?2, ?1, ?1 || ?)", ["z", 2, "!"])
        #expect(try db.first("SELECT a, b FROM p WHERE id = ?", [2]) { [$0.string("a"), $0.string("b")] } == ["z", "z!"])
        #expect(try db.scalar("SELECT count(*) FROM p WHERE a = '?x' AND id = ?1 OR id = ?1 + 1", [1]) == 2)
        // The wrong number of arguments is refused, not guessed at.
        #expect(throws: (any Error).self) { try db.run("INSERT INTO p (id, a) VALUES (?, ?)", [3]) }
    }

    static func queries<C: SQLConnection>(_ db: C) throws {
        try db.execute("CREATE TABLE q (id BIGINT PRIMARY KEY, name TEXT NOT NULL)")
        for (id, name) in [(3, "丙"), (1, "甲"), (2, "乙")] {
            try db.run("INSERT INTO q (id, name) VALUES (?, ?)", [.integer(Int64(id)), .text(name)])
        }
        #expect(try db.rows("SELECT name FROM q ORDER BY id", []) { $0.string("name") } == ["甲", "乙", "丙"])
        #expect(try db.rows("SELECT name FROM q WHERE id > ?", [9]) { $0.string("name") } == [])
        #expect(try db.first("SELECT name FROM q ORDER BY id DESC", []) { $0.string("name") } == "丙")
        #expect(try db.first("SELECT name FROM q WHERE id = ?", [9]) { $0.string("name") } == nil)
        #expect(try db.scalar("SELECT count(*) FROM q", []) == 3)
        #expect(try db.scalar("SELECT max(id) FROM q WHERE id > ?", [9]) == nil)
        try db.run("UPDATE q SET name = name || ? WHERE id >= ?", ["+", 2])
        #expect(db.changes == 2)
        var seen: [Int] = []
        try db.forEach("SELECT id FROM q ORDER BY id DESC", []) { seen.append($0.int("id")) }
        #expect(seen == [3, 2, 1])
    }

    static func rollback<C: SQLConnection>(_ db: C) throws {
        try db.execute("CREATE TABLE r (id BIGINT PRIMARY KEY)")
        #expect(throws: Refused.self) {
            try db.transaction(immediate: true) {
                try db.run("INSERT INTO r (id) VALUES (?)", [1])
                // A nested call joins the outer transaction: its failure undoes the outer work too.
                try db.transaction(immediate: true) {
                    try db.run("INSERT INTO r (id) VALUES (?)", [2])
                    throw Refused()
                }
            }
        }
        #expect(!db.isInTransaction)
        #expect(try db.scalar("SELECT count(*) FROM r", []) == 0)
        let value = try db.transaction(immediate: true) { () -> Int in
            try db.run("INSERT INTO r (id) VALUES (?)", [7])
            #expect(db.isInTransaction)
            return 7
        }
        #expect(value == 7)
        #expect(try db.scalar("SELECT id FROM r", []) == 7)
    }

    static func uniqueViolation<C: SQLConnection>(_ db: C) throws {
        try db.execute("CREATE TABLE u (id BIGINT PRIMARY KEY, plate TEXT UNIQUE)")
        try db.run("INSERT INTO u (id, plate) VALUES (?, ?)", [1, "京A12345"])
        do {
            try db.transaction(immediate: true) {
                try db.run("INSERT INTO u (id, plate) VALUES (?, ?)", [2, "京B00001"])
                try db.run("INSERT INTO u (id, plate) VALUES (?, ?)", [3, "京A12345"])
            }
            Issue.record("a second row with the same plate was accepted")
        } catch {
            #expect(isConstraint(error), "\(error)")
        }
        #expect(try db.rows("SELECT plate FROM u ORDER BY id", []) { $0.string("plate") } == ["京A12345"])
    }
}

@Suite("The connection contract on SQLite")
struct SQLiteContractTests {
    @Test func valuesRoundTrip() throws { try Backends.withSQLite { try Contract.valuesRoundTrip($0) } }
    @Test func placeholders() throws { try Backends.withSQLite { try Contract.placeholders($0) } }
    @Test func queries() throws { try Backends.withSQLite { try Contract.queries($0) } }
    @Test func rollback() throws { try Backends.withSQLite { try Contract.rollback($0) } }
    @Test func uniqueViolation() throws { try Backends.withSQLite { try Contract.uniqueViolation($0) } }
}

@Suite("The connection contract on PostgreSQL",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct PostgresContractTests {
    @Test func valuesRoundTrip() throws { try Backends.withPostgres { try Contract.valuesRoundTrip($0.connect()) } }
    @Test func placeholders() throws { try Backends.withPostgres { try Contract.placeholders($0.connect()) } }
    @Test func queries() throws { try Backends.withPostgres { try Contract.queries($0.connect()) } }
    @Test func rollback() throws { try Backends.withPostgres { try Contract.rollback($0.connect()) } }
    @Test func uniqueViolation() throws { try Backends.withPostgres { try Contract.uniqueViolation($0.connect()) } }
}
