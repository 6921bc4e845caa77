import Foundation
@testable import Postgres
import Testing

/// What only the PostgreSQL connection has to do: survive other connections' concurrent
/// transactions, refuse a password on the command line, keep notices off the terminal.
@Suite("PostgreSQL only",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct PostgresOnlyTests {
    /// Read-modify-write increments that the server must serialise.
    static func increment(_ db: Connection) throws {
        try db.transaction(immediate: true) {
            let value = try db.scalar("SELECT n FROM counter WHERE id = 1", []) ?? 0
            try db.run("UPDATE counter SET n = ? WHERE id = 1", [.integer(Int64(value + 1))])
        }
    }

    static func makeCounter(_ schema: PostgresSchema) throws {
        try schema.connect().execute("CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL); INSERT INTO counter VALUES (1, 0)")
    }

    @Test("Two connections incrementing one counter: every increment lands")
    func concurrentIncrementsAllLand() throws {
        try Backends.withPostgres { schema in
            try Self.makeCounter(schema)
            let perThread = 60
            let failures = Failures()
            let group = DispatchGroup()
            for _ in 0..<2 {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    do {
                        let db = try schema.connect(maximumAttempts: 100)
                        for _ in 0..<perThread { try Self.increment(db) }
                    } catch { failures.add(error) }
                }
            }
            group.wait()
            #expect(failures.all.isEmpty, "\(failures.all)")
            #expect(try schema.connect().scalar("SELECT n FROM counter", []) == 2 * perThread)
        }
    }

    /// Both transactions read the counter before either writes: the second writer must fail to
    /// serialise, and its body must run again on the new value. Not `immediate`: those queue for the
    /// writer lock and never meet like this (next test); a transaction that writes without saying
    /// so still gets the server's guarantee.
    @Test("A transaction that conflicts is run again, from the start")
    func conflictingTransactionRunsAgain() throws {
        try Backends.withPostgres { schema in
            try Self.makeCounter(schema)
            let bothRead = DispatchGroup()
            bothRead.enter(); bothRead.enter()
            let runs = Failures()
            let group = DispatchGroup()
            for _ in 0..<2 {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    do {
                        let db = try schema.connect()
                        var attempt = 0
                        try db.transaction(immediate: false) {
                            attempt += 1
                            runs.add(nil)
                            let value = try db.scalar("SELECT n FROM counter WHERE id = 1", []) ?? 0
                            if attempt == 1 { bothRead.leave(); bothRead.wait() }
                            try db.run("UPDATE counter SET n = ? WHERE id = 1", [.integer(Int64(value + 1))])
                        }
                    } catch { runs.add(error) }
                }
            }
            group.wait()
            #expect(runs.all.count == 3, "two bodies and one run again: \(runs.all)")
            #expect(runs.all.allSatisfy { $0 == nil })
            #expect(try schema.connect().scalar("SELECT n FROM counter", []) == 2)
        }
    }

    @Test("Out of attempts, the serialisation failure is thrown and nothing stays")
    func lastFailureIsThrown() throws {
        try Backends.withPostgres { schema in
            try Self.makeCounter(schema)
            let first = try schema.connect(), second = try schema.connect(maximumAttempts: 1)
            do {
                try second.transaction(immediate: false) {
                    let value = try second.scalar("SELECT n FROM counter", []) ?? 0
                    try Self.increment(first)  // commits between the read and the write
                    try second.run("UPDATE counter SET n = ?", [.integer(Int64(value + 10))])
                }
                Issue.record("a write over a stale read was committed")
            } catch let error as PostgresError {
                #expect(error.isSerializationFailure, "\(error)")
            }
            #expect(try first.scalar("SELECT n FROM counter", []) == 1)
        }
    }

    /// Writers say so (`immediate`) and queue for the schema's writer lock, as SQLite's writers do
    /// for the file's: the second starts after the first committed, reads its value, and runs once.
    @Test("Writers queue for the writer lock and never collide")
    func writersQueue() throws {
        try Backends.withPostgres { schema in
            try Self.makeCounter(schema)
            let firstHolds = DispatchSemaphore(value: 0)
            let attempts = Failures()
            let group = DispatchGroup()
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let db = try schema.connect()
                    try db.transaction(immediate: true) {
                        let value = try db.scalar("SELECT n FROM counter WHERE id = 1", []) ?? 0
                        firstHolds.signal()
                        usleep(300_000)
                        try db.run("UPDATE counter SET n = ? WHERE id = 1", [.integer(Int64(value + 1))])
                    }
                } catch { attempts.add(error) }
            }
            firstHolds.wait()
            let second = try schema.connect(maximumAttempts: 1)
            let started = Date()
            try second.transaction(immediate: true) {
                attempts.add(nil)
                let value = try second.scalar("SELECT n FROM counter WHERE id = 1", []) ?? 0
                try second.run("UPDATE counter SET n = ? WHERE id = 1", [.integer(Int64(value + 1))])
            }
            #expect(Date().timeIntervalSince(started) > 0.2, "the second writer waited for the first")
            group.wait()
            #expect(attempts.all.count == 1 && attempts.all.allSatisfy { $0 == nil }, "\(attempts.all)")
            #expect(try schema.connect().scalar("SELECT n FROM counter", []) == 2)
        }
    }

    /// A writer's first statements go with its lock and BEGIN, in one round trip (`prefetching`),
    /// and still read what the writer before it committed: the snapshot is taken once the lock is
    /// held. The body's own call of such a statement is answered from there; COMMIT and the lock's
    /// release are one round trip more.
    @Test("Statements sent ahead with a writer's BEGIN read after the writer before it")
    func prefetchedReadsFollowTheLock() throws {
        try Backends.withPostgres { schema in
            try Self.makeCounter(schema)
            let firstHolds = DispatchSemaphore(value: 0)
            let group = DispatchGroup()
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                guard let db = try? schema.connect() else { return }
                try? db.transaction(immediate: true) {
                    firstHolds.signal()
                    usleep(300_000)
                    try db.run("UPDATE counter SET n = 41 WHERE id = 1", [])
                }
            }
            firstHolds.wait()
            let second = try schema.connect(maximumAttempts: 1)
            let read = "SELECT n FROM counter WHERE id = 1"
            let before = second.roundTrips
            let (value, inside) = try second.transaction(immediate: true, prefetching: [read]) {
                let value = try second.scalar(read, []) ?? 0
                try second.run("UPDATE counter SET n = ? WHERE id = 1", [.integer(Int64(value + 1))])
                return (value, second.roundTrips - before)
            }
            group.wait()
            #expect(value == 41)
            // The lock, BEGIN and the read in one; the UPDATE's preparation and run.
            #expect(inside == 3, "round trips inside: \(inside)")
            #expect(second.roundTrips - before == 4, "round trips in all: \(second.roundTrips - before)")
            #expect(try schema.connect().scalar(read, []) == 42)
            // Not holding the lock any more: another writer gets it at once.
            let third = try schema.connect(lockTimeoutMilliseconds: 100)
            try third.transaction(immediate: true) { try third.run("UPDATE counter SET n = 0 WHERE id = 1", []) }
        }
    }

    /// A statement run before the COMMIT travels with it, and still fails the transaction when it
    /// fails: nothing of the body stays.
    @Test("A statement run before the commit goes with it, and its failure undoes the transaction")
    func runBeforeCommit() throws {
        try Backends.withPostgres { schema in
            try Self.makeCounter(schema)
            let db = try schema.connect()
            let before = (db.roundTrips, db.preparedCount)
            try db.transaction(immediate: false) {
                try db.run("UPDATE counter SET n = 5 WHERE id = 1", [])
                try db.runBeforeCommit("UPDATE counter SET n = n + ? WHERE id = ?", [.integer(2), .integer(1)])
            }
            // BEGIN; the UPDATE; the second UPDATE with the COMMIT (preparations apart: once per
            // statement and connection).
            #expect(db.roundTrips - before.0 - (db.preparedCount - before.1) == 3)
            #expect(try db.scalar("SELECT n FROM counter WHERE id = 1", []) == 7)
            #expect(throws: PostgresError.self) {
                try db.transaction(immediate: true) {
                    try db.run("UPDATE counter SET n = 100 WHERE id = 1", [])
                    try db.runBeforeCommit("UPDATE counter SET n = n / ? WHERE id = 1", [.integer(0)])
                }
            }
            #expect(try db.scalar("SELECT n FROM counter WHERE id = 1", []) == 7)
            #expect(!db.isInTransaction)
            // The writer lock was released all the same.
            let other = try schema.connect(lockTimeoutMilliseconds: 100)
            try other.transaction(immediate: true) { try other.run("UPDATE counter SET n = 0 WHERE id = 1", []) }
        }
    }

    /// Statements sent together (pipeline mode) answer as one by one, in one round trip once
    /// prepared; the first that fails throws, and what came after it did not run.
    @Test("Statements run together answer as one by one, in one round trip")
    func runEachTogether() throws {
        try Backends.withPostgres { schema in
            try Self.makeCounter(schema)
            let db = try schema.connect()
            let statements: [(sql: String, arguments: [SQLValue])] = [
                ("UPDATE counter SET n = n + ? WHERE id = 1", [.integer(5)]),
                ("SELECT n, ? AS label FROM counter WHERE id = 1", [.text("一")]),
                ("UPDATE counter SET n = n * ? WHERE id = 1", [.integer(3)]),
                ("SELECT n, ? AS label FROM counter WHERE id = 1", [.text("二")]),
            ]
            var seen: [String] = []
            let changed = try db.transaction(immediate: false) {
                try db.runEach(statements) { index, row in seen.append("\(index):\(row.int("n")):\(row.string("label"))") }
            }
            #expect(changed == [1, 0, 1, 0])
            #expect(seen == ["1:5:一", "3:15:二"])
            // Prepared now: the four again in one round trip.
            let before = db.roundTrips
            _ = try db.runEach(statements) { _, _ in }
            #expect(db.roundTrips - before == (Connection.hasPipeline ? 1 : 4))
            #expect(try db.scalar("SELECT n FROM counter WHERE id = 1", []) == 60)
            // A failure in the middle: thrown, the transaction undone, the last never run.
            #expect(throws: PostgresError.self) {
                try db.transaction(immediate: true) {
                    _ = try db.runEach([("UPDATE counter SET n = 1 WHERE id = ?", [.integer(1)]),
                                        ("UPDATE counter SET n = n / ? WHERE id = 1", [.integer(0)]),
                                        ("INSERT INTO counter(id, n) VALUES (?, 0)", [.integer(2)])]) { _, _ in }
                }
            }
            #expect(try db.scalar("SELECT n FROM counter WHERE id = 1", []) == 60)
            #expect(try db.scalar("SELECT count(*) FROM counter", []) == 1)
            #expect(!db.isInTransaction)
        }
    }

    /// A writer that waits longer than the lock timeout for another's writer lock gives up with
    /// 55P03 (worded as "the shop is busy"), having changed nothing.
    @Test("A writer kept waiting past the lock timeout gives up")
    func writerLockTimesOut() throws {
        try Backends.withPostgres { schema in
            try Self.makeCounter(schema)
            let holder = try schema.connect()
            let impatient = try schema.connect(lockTimeoutMilliseconds: 100)
            try holder.transaction(immediate: true) {
                do {
                    try impatient.transaction(immediate: true) {
                        try impatient.run("UPDATE counter SET n = 99", [])
                    }
                    Issue.record("the second writer did not wait for the first")
                } catch let error as PostgresError {
                    #expect(error.isLockTimeout, "\(error)")
                }
            }
            #expect(try impatient.scalar("SELECT n FROM counter", []) == 0)
            // The lock is free again once the holder is done.
            try impatient.transaction(immediate: true) { try impatient.run("UPDATE counter SET n = 1", []) }
        }
    }

    /// PostgreSQL aborts the whole transaction at a failed statement; the body catching the error
    /// must not turn the commit into a silent rollback.
    @Test("A failed statement caught inside a transaction still fails the commit")
    func caughtFailureFailsCommit() throws {
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            try db.execute("CREATE TABLE u (id BIGINT PRIMARY KEY)")
            do {
                try db.transaction(immediate: true) {
                    try db.run("INSERT INTO u VALUES (?)", [1])
                    try? db.run("INSERT INTO u VALUES (?)", [1])
                }
                Issue.record("the transaction reported success")
            } catch let error as PostgresError {
                #expect(error.isUniqueViolation, "\(error)")
            }
            #expect(try db.scalar("SELECT count(*) FROM u", []) == 0)
        }
    }

    @Test("Server notices never reach stderr")
    func noticesAreSilent() throws {
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            let captured = try CapturedStandardError {
                try db.execute("DO $$ BEGIN RAISE NOTICE 'noisy notice'; RAISE WARNING 'noisy warning'; END $$")
                try db.execute("ROLLBACK")  // "there is no transaction in progress"
            }
            #expect(!captured.contains("noisy"), "\(captured)")
            #expect(!captured.contains("no transaction"), "\(captured)")
        }
    }

    @Test("A statement is prepared once per connection, then only executed")
    func preparedOnce() throws {
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            for value in 1...3 { #expect(try db.scalar("SELECT ? + 1 AS next", [.integer(Int64(value))]) == value + 1) }
            #expect(try db.scalar("SELECT count(*) FROM pg_prepared_statements WHERE statement = 'SELECT $1 + 1 AS next'", []) == 1)
        }
    }

    @Test("Parameters the server cannot type are typed by their values")
    func untypedParameters() throws {
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            #expect(try db.scalar("SELECT CASE WHEN ? IS NULL THEN 1 ELSE 2 END", [.null]) == 1)
            #expect(try db.scalar("SELECT CASE WHEN ? IS NULL THEN 1 ELSE 2 END", [5]) == 2)
        }
    }
}

/// Refusals that need no server.
@Suite("PostgreSQL connection refusals")
struct PostgresRefusalTests {
    @Test("A password in the URI is refused before any connection is tried", arguments: [
        "postgresql://workshop:s3cret@shop-server/workshop",
        "host=shop-server dbname=workshop user=workshop password=s3cret",
        "postgresql://workshop@shop-server/workshop?password=s3cret",
    ])
    func passwordInURIRefused(uri: String) {
        do {
            _ = try Connection(uri: uri)
            Issue.record("connected with a password on the command line")
        } catch let error as PostgresError {
            #expect(error.message.contains("pgpass"))
            #expect(!error.description.contains("s3cret"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("Arguments written into a statement that waits for the commit: integers and NULL only")
    func inlinedArguments() {
        #expect(Connection.inlined("DELETE FROM writer_mark WHERE id = ?", [.integer(12)]) == "DELETE FROM writer_mark WHERE id = 12")
        #expect(Connection.inlined("UPDATE t SET a = ?2, b = ?1 WHERE id = ?10",
                                   (1...10).map { .integer(Int64($0)) }) == "UPDATE t SET a = 2, b = 1 WHERE id = 10")
        #expect(Connection.inlined("UPDATE t SET a = ? WHERE id = ?", [.null, .integer(-3)]) == "UPDATE t SET a = NULL WHERE id = -3")
        #expect(Connection.inlined("UPDATE t SET a = ?", [.text("x")]) == nil)
        #expect(Connection.inlined("UPDATE t SET a = 'x' WHERE id = ?", [.integer(1)]) == nil)
        #expect(Connection.inlined("UPDATE t SET a = ? WHERE id = ?", [.integer(1)]) == nil)
    }

    @Test("A URI without a password goes on to connect (and here fails to: no such server)")
    func uriWithoutPasswordTriesToConnect() {
        do {
            _ = try Connection(uri: "postgresql:///workshop?host=/nonexistent-workshop-socket-folder")
            Issue.record("connected to a server that does not exist")
        } catch let error as PostgresError {
            #expect(error.isConnectionFailure)
            #expect(!error.message.contains("pgpass"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("Placeholders become $n, outside literals, identifiers and comments")
    func placeholderTranslation() {
        let cases: [(String, String, Int)] = [
            ("SELECT ?, ?", "SELECT $1, $2", 2),
            ("SELECT ?2, ?1, ?", "SELECT $2, $1, $3", 3),
            ("SELECT '?', ? -- ?\n, \"a?\" /* ? /* ? */ ? */ ?", "SELECT '?', $1 -- ?\n, \"a?\" /* ? /* ? */ ? */ $2", 2),
            ("SELECT 'it''s ?', E'\\' ?', ?", "SELECT 'it''s ?', E'\\' ?', $1", 1),
            ("SELECT $tag$ ? $tag$, $$?$$, ?", "SELECT $tag$ ? $tag$, $$?$$, $1", 1),
            ("SELECT '京?' || ?", "SELECT '京?' || $1", 1),
        ]
        for (sql, expected, count) in cases {
            let translated = TranslatedSQL(sql)
            #expect(translated.text == expected)
            #expect(translated.parameterCount == count)
        }
    }
}

/// Errors (or nil for a run) collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [(any Error)?] = []
    func add(_ error: (any Error)?) { lock.withLock { errors.append(error) } }
    var all: [String?] { lock.withLock { errors.map { $0.map { "\($0)" } } } }
}

/// What the process writes to stderr while `body` runs.
func CapturedStandardError(_ body: () throws -> Void) throws -> String {
    let file = NSTemporaryDirectory() + "workshop-stderr-" + UUID().uuidString
    FileManager.default.createFile(atPath: file, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
    let saved = dup(2)
    dup2(handle.fileDescriptor, 2)
    defer {
        dup2(saved, 2)
        close(saved)
        try? handle.close()
    }
    try body()
    return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
}
