import Foundation
@testable import Postgres
import Testing

/// Writes held back for the COMMIT's round trip (`Connection.runQueued`): the transaction ends as if
/// each had run where it was called.
@Suite("PostgreSQL writes queued for the commit",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct PostgresQueuedWriteTests {
    static let insert = "INSERT INTO entries(id, note) VALUES (?, ?)"

    static func make(_ schema: PostgresSchema) throws -> Connection {
        let db = try schema.connect()
        try db.execute("""
            CREATE TABLE entries (id BIGINT PRIMARY KEY, note TEXT NOT NULL);
            CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL); INSERT INTO counter VALUES (1, 0)
            """)
        return db
    }

    /// Round trips apart from preparations (once per statement and connection).
    static func trips(_ db: Connection, _ body: () throws -> Void) rethrows -> Int {
        let before = (db.roundTrips, db.preparedCount)
        try body()
        return db.roundTrips - before.0 - (db.preparedCount - before.1)
    }

    @Test("Queued writes go with the COMMIT, text arguments and all, in its round trip")
    func queuedWritesGoWithTheCommit() throws {
        try Backends.withPostgres { schema in
            let db = try Self.make(schema)
            let trips = try Self.trips(db) {
                try db.transaction(immediate: true) {
                    try db.run("UPDATE counter SET n = 1 WHERE id = 1", [])
                    for id in 1...5 { try db.runQueued(Self.insert, [.integer(Int64(id)), .text("第\(id)条 'it''s' $1 \\ ;")]) }
                    // Reads of other tables do not send them.
                    #expect(try db.scalar("SELECT n FROM counter WHERE id = 1", []) == 1)
                }
            }
            // Lock and BEGIN; the UPDATE; the read; the five with the COMMIT (one for all without pipeline mode).
            #expect(trips == (Connection.hasPipeline ? 4 : 9))
            #expect(try db.rows("SELECT id, note FROM entries ORDER BY id", []) { "\($0.int(0)) \($0.string(1))" }
                    == (1...5).map { "\($0) 第\($0)条 'it''s' $1 \\ ;" })
            #expect(!db.isInTransaction)
        }
    }

    @Test("A statement that names their table sees them: they are sent before it")
    func aReadOfTheirTableSeesThem() throws {
        try Backends.withPostgres { schema in
            let db = try Self.make(schema)
            try db.transaction(immediate: true) {
                try db.runQueued(Self.insert, [.integer(1), .text("一")])
                var count: Int?
                _ = try db.scalar("SELECT count(*) FROM Entries", [])  // prepared
                try db.runQueued(Self.insert, [.integer(5), .text("五")])
                let trips = try Self.trips(db) { count = try db.scalar("SELECT count(*) FROM Entries", []) }
                #expect(count == 2 && trips == 1)  // sent before it, in its round trip
                try db.runQueued(Self.insert, [.integer(2), .text("二")])
                var notes: [String] = []
                _ = try db.runEach([("SELECT note FROM entries ORDER BY id", []), ("SELECT n FROM counter", [])]) { index, row in
                    if index == 0 { notes.append(row.string(0)) }
                }
                #expect(notes == ["一", "二", "五"])
                try db.runQueued(Self.insert, [.integer(3), .text("三")])
                try db.walk("SELECT id FROM entries ORDER BY id", []) { notes.append(String($0.int(0))) }
                #expect(notes == ["一", "二", "五", "1", "2", "3", "5"])
                try db.runQueued(Self.insert, [.integer(6), .text("六")])
                try db.sendAhead([("SELECT max(id) AS m FROM entries", [])])
                #expect(try db.scalar("SELECT max(id) AS m FROM entries", []) == 6)
                // A name inside another is not theirs: nothing sent.
                try db.runQueued(Self.insert, [.integer(4), .text("四")])
                let unrelated = try Self.trips(db) { _ = try db.scalar("SELECT 1 AS entries_seen", []) }
                #expect(unrelated == 1)
            }
            #expect(try db.scalar("SELECT count(*) FROM entries", []) == 6)
        }
    }

    @Test("An answer sent ahead of a statement naming their table is dropped when a write to it is queued")
    func anAnswerSentAheadIsDroppedByAQueuedWrite() throws {
        try Backends.withPostgres { schema in
            let db = try Self.make(schema)
            try db.transaction(immediate: true) {
                try db.sendAhead([("SELECT count(*) AS n FROM entries", []), ("SELECT n FROM counter", [])])
                try db.runQueued(Self.insert, [.integer(1), .text("一")])
                var counter: Int?
                let trips = try Self.trips(db) { counter = try db.scalar("SELECT n FROM counter", []) }
                #expect(counter == 0 && trips == 0)  // still answered from what was sent ahead
                #expect(try db.scalar("SELECT count(*) AS n FROM entries", []) == 1)
            }
        }
    }

    @Test("A statement naming a table their triggers write sends them first")
    func aTableTheirTriggersWriteSendsThem() throws {
        try Backends.withPostgres { schema in
            let db = try Self.make(schema)
            try db.execute("""
                CREATE TABLE noted (id BIGINT);
                CREATE FUNCTION note_entry() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO noted VALUES (NEW.id); RETURN NULL; END $$;
                CREATE TRIGGER noting AFTER INSERT ON entries FOR EACH ROW EXECUTE FUNCTION note_entry()
                """)
            try db.transaction(immediate: true) {
                try db.runQueued(Self.insert, [.integer(1), .text("一")], triggersWrite: ["noted"])
                #expect(try db.scalar("SELECT count(*) FROM noted", []) == 1)
                try db.runQueued(Self.insert, [.integer(2), .text("二")], triggersWrite: ["noted"])
            }
            #expect(try db.scalar("SELECT count(*) FROM noted", []) == 2)
        }
    }

    @Test("A queued write that fails fails the commit: nothing of the body stays, the writer lock is free")
    func aFailureUndoesTheTransaction() throws {
        try Backends.withPostgres { schema in
            let db = try Self.make(schema)
            try db.transaction(immediate: true) { try db.runQueued(Self.insert, [.integer(1), .text("一")]) }
            do {
                try db.transaction(immediate: true) {
                    try db.run("UPDATE counter SET n = 100 WHERE id = 1", [])
                    try db.runQueued(Self.insert, [.integer(2), .text("二")])
                    try db.runQueued(Self.insert, [.integer(1), .text("again")])  // the key is taken
                    try db.runQueued(Self.insert, [.integer(3), .text("三")])
                    try db.runBeforeCommit("UPDATE counter SET n = n + ? WHERE id = ?", [.integer(1), .integer(1)])
                }
                Issue.record("the transaction committed")
            } catch let error as PostgresError {
                #expect(error.isUniqueViolation, "\(error)")
            }
            #expect(!db.isInTransaction)
            #expect(try db.scalar("SELECT n FROM counter", []) == 0)
            #expect(try db.rows("SELECT id FROM entries ORDER BY id", []) { $0.int(0) } == [1])
            let other = try schema.connect(lockTimeoutMilliseconds: 100)
            try other.transaction(immediate: true) { try other.run("UPDATE counter SET n = 1 WHERE id = 1", []) }
            // The next transaction starts with an empty queue.
            try db.transaction(immediate: true) { try db.runQueued(Self.insert, [.integer(2), .text("二")]) }
            #expect(try db.rows("SELECT id FROM entries ORDER BY id", []) { $0.int(0) } == [1, 2])
        }
    }

    @Test("A body run again after a serialisation failure starts with an empty queue")
    func aRetryStartsWithAnEmptyQueue() throws {
        try Backends.withPostgres { schema in
            let db = try Self.make(schema)
            let other = try schema.connect()
            var attempts = 0
            try db.transaction(immediate: false) {
                attempts += 1
                try db.runQueued(Self.insert, [.integer(10), .text("attempt \(attempts)")])
                let value = try db.scalar("SELECT n FROM counter WHERE id = 1", []) ?? 0
                if attempts == 1 {
                    // Another connection commits between the read and the write: this one cannot be serialised.
                    try other.transaction(immediate: true) { try other.run("UPDATE counter SET n = n + 1 WHERE id = 1", []) }
                }
                try db.run("UPDATE counter SET n = ? WHERE id = 1", [.integer(Int64(value + 10))])
            }
            #expect(attempts == 2)
            #expect(try db.rows("SELECT note FROM entries", []) { $0.string(0) } == ["attempt 2"])
            #expect(try db.scalar("SELECT n FROM counter", []) == 11)
        }
    }

    /// The client's connection lost with writes queued (its process killed): no COMMIT was sent,
    /// and the server rolls back everything, what ran and what waited alike.
    @Test("A connection lost with writes queued leaves nothing half-written")
    func aLostConnectionLeavesNothing() throws {
        try Backends.withPostgres { schema in
            let db = try Self.make(schema)
            let killer = try schema.connect()
            let pid = try db.scalar("SELECT pg_backend_pid()", []) ?? 0
            do {
                try db.transaction(immediate: true) {
                    try db.run("UPDATE counter SET n = 5 WHERE id = 1", [])
                    try db.runQueued(Self.insert, [.integer(1), .text("一")])
                    _ = try killer.scalar("SELECT CASE WHEN pg_terminate_backend(?) THEN 1 ELSE 0 END", [.integer(Int64(pid))])
                    try db.runQueued(Self.insert, [.integer(2), .text("二")])
                }
                Issue.record("a transaction on a lost connection committed")
            } catch {
                #expect(error is PostgresError, "\(error)")
            }
            let fresh = try schema.connect(lockTimeoutMilliseconds: 2_000)
            #expect(try fresh.scalar("SELECT n FROM counter", []) == 0)
            #expect(try fresh.scalar("SELECT count(*) FROM entries", []) == 0)
            // The lost session's writer lock went with it.
            try fresh.transaction(immediate: true) { try fresh.run("UPDATE counter SET n = 1 WHERE id = 1", []) }
        }
    }

    @Test("Only an INSERT … VALUES that reads nothing waits; anything else runs at once")
    func whatWaits() throws {
        try Backends.withPostgres { schema in
            let db = try Self.make(schema)
            try db.transaction(immediate: true) {
                let trips = try Self.trips(db) {
                    try db.runQueued("INSERT INTO entries(id, note) SELECT ?, ? FROM counter", [.integer(1), .text("一")])
                    try db.runQueued("UPDATE counter SET n = ? WHERE id = 1", [.integer(3)])
                }
                #expect(trips == 2)
            }
            #expect(try db.scalar("SELECT n FROM counter", []) == 3)
        }
    }
}

@Suite("Writes queued for the commit: which wait, and what sends them")
struct QueuedWriteTextTests {
    @Test func theInsertedTable() {
        #expect(Connection.insertedTable("INSERT INTO journal(id, at) VALUES (?, ?)") == "journal")
        #expect(Connection.insertedTable("insert into shop.Journal (id)\nvalues (?)") == "journal")
        #expect(Connection.insertedTable("INSERT INTO journal(id) SELECT max(id) FROM journal") == nil)
        #expect(Connection.insertedTable("INSERT INTO orders(id) VALUES (?) RETURNING id") == nil)
        #expect(Connection.insertedTable("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING") == nil)
        #expect(Connection.insertedTable("INSERT INTO writer_mark DEFAULT VALUES") == nil)
        #expect(Connection.insertedTable("UPDATE journal SET hash = ?") == nil)
    }

    @Test func aStatementNamingTheTable() {
        #expect(Connection.names("SELECT hash FROM journal WHERE id = ?", anyOf: ["journal"]))
        #expect(Connection.names("SELECT * FROM \"JOURNAL\"", anyOf: ["journal"]))
        #expect(Connection.names("SELECT j.id FROM shop.journal j", anyOf: ["row_seals", "journal"]))
        #expect(Connection.names("journal", anyOf: ["journal"]))
        #expect(!Connection.names("SELECT * FROM journal_order", anyOf: ["journal"]))
        #expect(!Connection.names("SELECT * FROM my_journal", anyOf: ["journal"]))
        #expect(!Connection.names("SELECT * FROM orders", anyOf: ["journal"]))
    }
}
