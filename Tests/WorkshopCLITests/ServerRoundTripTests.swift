import Foundation
import Testing
import WorkshopCLI

/// On a PostgreSQL server a command's time is mostly its round trips: each statement waits for the
/// server's process to be scheduled and to answer. What a command costs beyond its own statements
/// is counted here: the transaction's BEGIN travels with the settings read (and a writer's lock,
/// writer mark and journal end), its COMMIT with the writer lock's release.
@Suite("Round trips to the server per command", .enabled(if: TestServer.enabled))
struct ServerRoundTripTests {
    /// One command's traffic: round trips (preparations apart: once per statement and connection)
    /// and the statements it ran.
    struct Traffic: CustomStringConvertible {
        var line: String
        var ok: Bool
        var roundTrips: Int
        var preparations: Int
        var statements: Int
        var output = ""
        /// Statements that travelled with others of their kind (one round trip for the kind):
        /// the rows' latest seals, their new seals, the tables' touched rows.
        var batched = 0
        var description: String {
            "\(line): \(roundTrips) round trips (+\(preparations) preparations), \(statements) statements (\(batched) batched)\(ok ? "" : " FAILED: \(output.replacingOccurrences(of: "\n", with: " / "))")"
        }
    }

    final class Desk {
        let app: App
        var statements = 0
        var kinds: [Int: Int] = [:]
        /// Statements sent together, each group in one round trip: a write's rows' latest seals,
        /// their new seals, the tables' touched rows, and the touched tables with the tamper log's
        /// unsealed rows; the bays' next bookings (bay list).
        static let batchedKinds: [[String]] = [
            ["SELECT entry_id, digest FROM row_seals WHERE tbl = ? AND row_key = ?"], ["INSERT INTO row_seals("],
            ["FROM pg_temp.workshop_touched AS w WHERE w.tbl = ?"],
            ["SELECT DISTINCT tbl FROM pg_temp.workshop_touched", "AS d FROM \"tamper_log\" AS t"],
            ["WHERE a.bay_id = ? AND a.status IN ('pending','confirmed') AND a.at >= ?"],
        ]

        init(_ schema: ServerSchema, user: String = "王芳") throws {
            let options = try LaunchOptions(arguments: ["--db", schema.uri, "--user", user, "--now", "2026-11-22 09:00"])
            app = try App(options: options, environment: ["WORKSHOP_PIN": "1234", "WORKSHOP_SIGNER_PIN": "1234", "HOME": NSTemporaryDirectory()])
            try app.signIn(user, readSecret: nil)
            app.observeServerStatements { [unowned self] sql, _ in
                statements += 1
                for (group, markers) in Self.batchedKinds.enumerated() where markers.contains(where: sql.contains) {
                    kinds[group, default: 0] += 1
                }
                if ProcessInfo.processInfo.environment["PGSPEED_DUMP"] != nil {
                    print("    SQL: " + sql.replacingOccurrences(of: "\n", with: " ").prefix(160))
                }
            }
        }

        func run(_ line: String) -> Traffic {
            // What a terminal, a script and the bench do once a command's output is out (the fixtures'
            // too): the anchor's head settled, no round trip, so a write checks it against the chain's
            // end it reads with its BEGIN.
            app.idle()
            let before = (app.serverRoundTrips, statements)
            kinds = [:]
            if ProcessInfo.processInfo.environment["PGSPEED_DUMP"] != nil { print("== " + line) }
            let (ok, output) = app.execute(line)
            let after = app.serverRoundTrips
            let preparations = after.preparations - before.0.preparations
            return Traffic(line: line, ok: ok, roundTrips: after.all - before.0.all - preparations,
                           preparations: preparations, statements: statements - before.1, output: output,
                           batched: kinds.values.map { max(0, $0 - 1) }.reduce(0, +))
        }
    }

    /// The transcripts' shop with a car checked in, estimated, signed, dispatched, finished, paid
    /// and released, and a booking confirmed: each step's traffic, by command.
    static func day(on schema: ServerSchema) throws -> (reads: [Traffic], writes: [Traffic]) {
        let desk = try Desk(schema)
        for fixture in ["shop-fixture", "floor-fixture", "parts-fixture"] {
            try QueryPlanGuardTests.run(script: Workshop.transcripts + "/\(fixture).ws", on: desk.app)
        }
        var writes: [Traffic] = []
        for line in [
            "checkin 京A12345 odometer=45210 fuel=1/2 complaint=\"刹车异响\" key=K07",
            "checkin 粤BD12345 odometer=30000 battery=80 complaint=\"保养\"",
            "estimate RO1 labor BRK-01", "estimate RO1 part 5QD698151 qty=1", "promise RO1 2026-11-22 17:00",
            "approve RO1 signed=张伟",
            "dispatch RO1 group=机修一组 tech=赵师傅 bay=1号工位",
            "estimate RO2 labor BRK-01", "promise RO2 2026-11-22 17:00", "approve RO2 signed=李娜",
            "dispatch RO2 group=机修一组 tech=赵师傅 bay=2号工位",
            "complete RO1", "pay RO1 amount=564 method=cash",
            "belongings RO1 return key",
            "release RO1 signed=张伟 odometer=45215 oldparts=returned print=no",
            "appointment add 京A12345 at=\"2026-11-23 10:00\" complaint=\"刹车\" job=J-BRAKE",
            "appointment A1 confirm bay=1号工位",
            // Without bay=: the first free bay with the equipment, every bay looked at.
            "appointment add 粤BD12345 at=\"2026-11-23 14:00\" complaint=\"定位\" job=J-ALIGN",
            "appointment A2 confirm",
        ] {
            writes.append(desk.run(line))
        }
        var reads: [Traffic] = []
        for line in ["ro list", "vehicle show 京A12345", "ro show RO1", "bay list", "board", "history RO1"] {
            _ = desk.run(line)  // its statements prepared
            reads.append(desk.run(line))
        }
        return (reads, writes)
    }

    /// The most round trips each of these commands may take (preparations apart), by the start of
    /// its line: what they took once a write's journal entries travelled with its COMMIT, its rows'
    /// latest seals were read with its touched rows and its seals' digest with its seals, a
    /// dispatch read its bay once, the reads that depend on no other's answer went together, and a
    /// command run again asked for the touched rows of the tables it touched last time with their
    /// list (PostgresTouchedRows.Guesses). Before, in the comments: after issue 17's first cuts,
    /// then before them. A change that adds one fails here.
    static let ceilings: [(line: String, roundTrips: Int)] = [
        ("board", 3), ("ro show RO1", 4), ("vehicle show", 5), ("ro list", 3),  // 6, 6, 10, 4; 10, 7, 10, 4
        ("checkin 京A12345", 11), ("checkin 粤BD12345", 9),  // 15, 14; 21, 20
        ("dispatch RO1", 11), ("dispatch RO2", 10),  // 20, 19; 23, 22
        ("release RO1", 13),  // 27; 31
        ("appointment add 京A12345", 11), ("appointment A1 confirm", 12),  // 18, 21; 28, 27 (three reads a bay then; three bays here)
        ("appointment add 粤BD12345", 9), ("appointment A2 confirm", 8),  // 14, 14; 19, 18
    ]

    /// The commands of `ceilings` that took more round trips than theirs (or were not run once).
    static func overCeilings(_ commands: [Traffic]) -> [String] {
        ceilings.compactMap { ceiling in
            let traffic = commands.filter { $0.line.hasPrefix(ceiling.line) }
            guard traffic.count == 1, traffic[0].roundTrips <= ceiling.roundTrips else {
                return "\(ceiling.line): at most \(ceiling.roundTrips) round trips, took \(traffic.map(\.roundTrips))"
            }
            return nil
        }
    }

    @Test func aCommandCostsItsStatementsAndOneRoundTripMore() throws {
        try TestServer.withSchema { schema in
            let (reads, writes) = try Self.day(on: schema)
            print((reads + writes).map(\.description).joined(separator: "\n"))
            for traffic in writes + reads { #expect(traffic.ok, "\(traffic)") }
            // A read: BEGIN with the settings read, its other statements, COMMIT; the board's and
            // the bay list's independent statements (and one a bay) sent together.
            for read in reads { #expect(read.roundTrips <= read.statements + 1, "\(read)") }
            for line in ["board", "bay list"] {
                #expect(reads.contains { $0.line == line && $0.roundTrips <= $0.statements - 4 }, "\(line): \(reads)")
            }
            // A write: lock, BEGIN, settings, writer mark and journal end in one; its other
            // statements, those it runs once per row or table sealed sent together; the writer
            // mark's removal, COMMIT and the lock's release in one.
            for write in writes where write.ok {
                #expect(write.roundTrips <= write.statements - 3 - write.batched, "\(write)")
            }
            #expect(writes.contains { $0.batched >= 4 }, "a write sealed several rows: \(writes)")
            let over = Self.overCeilings(reads + writes)
            #expect(over.isEmpty, "\(over)")
        }
    }

    /// The settings travel with every BEGIN, read in the transaction's snapshot: a setting another
    /// desk changes is in force from this desk's next command, and so is its change back.
    @Test func aSettingAnotherDeskChangesIsInForceAtTheNextCommand() throws {
        try TestServer.withSchema { schema in
            let desk = try Desk(schema)
            for fixture in ["shop-fixture", "floor-fixture"] {
                try QueryPlanGuardTests.run(script: Workshop.transcripts + "/\(fixture).ws", on: desk.app)
            }
            #expect(desk.app.execute("checkin 京A12345 odometer=45210 fuel=1/2 complaint=\"刹车异响\"").ok)
            let other = try Desk(schema)
            let chinese = other.app.execute("ro show RO1")
            #expect(chinese.ok && chinese.output.contains("刹车异响"), "\(chinese.output)")
            #expect(desk.app.execute("shop set language=en").ok)
            let english = other.app.execute("ro show RO1")
            #expect(english.ok && english.output != chinese.output, "\(english.output)")
            #expect(desk.app.execute("shop set language=zh").ok)
            #expect(other.app.execute("ro show RO1").output == chinese.output)
            // A write at the other desk works under the setting in force, too.
            #expect(desk.app.execute("shop set language=en").ok)
            let refused = other.app.execute("estimate RO1 labor NOSUCH")
            #expect(!refused.ok && refused.output == desk.app.execute("estimate RO1 labor NOSUCH").output, "\(refused.output)")
        }
    }
}
