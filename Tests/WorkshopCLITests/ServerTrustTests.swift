import Foundation
import Postgres
import Testing
import WorkshopCLI

/// The guarantees of two terminals on a file, on a server: terminals writing at once lose nothing
/// and surface no lock error, a killed process keeps every command it confirmed, and refused lines
/// change nothing. Each test works in a schema of its own on the test server.
@Suite("Trust on a PostgreSQL server",
       .enabled(if: TestServer.enabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct ServerTrustTests {
    /// The floor fixture on the server, with a cashier and two advisors; everyone's PIN is 1234.
    static func shop(_ schema: ServerSchema) throws -> Workshop {
        let shop = Workshop(database: schema.uri)
        let result = try shop.script(FloorTests.fixtures + """
            staff add 周静 role=cashier pin=1234
            staff add 刘敏 role=advisor pin=1234
            staff add 陈晨 role=advisor pin=1234
            """)
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    static func count(_ schema: ServerSchema, _ sql: String) throws -> Int {
        try schema.connect().scalar(sql, []) ?? 0
    }

    @Test func threeTerminalsWritingAtOnceLoseNothing() throws {
        try TestServer.withSchema { schema in
            let shop = try Self.shop(schema)
            let perWriter = 150
            let directory = Workshop.temporaryDirectory()
            var processes: [(Process, Pipe)] = []
            for (writer, user) in [(3, "王芳"), (4, "刘敏"), (5, "陈晨")] {
                let path = directory + "/writer\(writer).ws"
                try (0..<perWriter).map { "customer add 客户\(writer)-\($0) phone=1\(writer)\(String(format: "%09d", $0))" }
                    .joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: Workshop.binary)
                process.arguments = ["--db", shop.database, "--user", user, "--language", "en", path]
                process.environment = ProcessInfo.processInfo.environment.merging(["WORKSHOP_PIN": "1234", "HOME": directory]) { $1 }
                process.standardOutput = FileHandle.nullDevice
                let errors = Pipe()
                process.standardError = errors
                processes.append((process, errors))
            }
            for (process, _) in processes { try process.run() }
            for (process, errors) in processes {
                let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "a terminal saw an error: \(said.prefix(500))")
            }
            #expect(try Self.count(schema, "SELECT count(*) FROM customers WHERE name LIKE '客户%'") == 3 * perWriter)
            var manager = shop
            manager.now = nil
            let verify = try manager.command("verify")
            #expect(verify.status == 0, "the journal chains across the three writers: \(verify.stdout)\(verify.stderr)")
        }
    }

    @Test func aKilledProcessKeepsEveryCommandItConfirmed() throws {
        try TestServer.withSchema { schema in
            let shop = try Self.shop(schema)
            let total = 5_000
            let ids = try shop.customersConfirmedBeforeKill(total: total, confirmations: 100)
            #expect(ids.count >= 99)
            #expect(ids.count < total, "the process was killed mid-script")
            let stored = Set(try schema.connect().rows("SELECT id FROM customers", []) { $0.int(0) })
            for id in ids { #expect(stored.contains(id), "C\(id) was confirmed but is missing") }
            var manager = shop
            manager.now = nil
            #expect(try manager.command("verify").status == 0)
        }
    }

    /// `backup` copies a SQLite file: on a server it says what to use instead, and writes nothing.
    @Test func backupOnAServerPointsToTheServersTools() throws {
        try TestServer.withSchema { schema in
            let shop = try Self.shop(schema)
            let folder = Workshop.temporaryDirectory()
            let result = try shop.command("backup \(folder)/copy.db")
            #expect(result.status == 1)
            #expect(result.stderr.contains("pg_dump") && result.stderr.contains("nothing was changed"), "\(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "nothing written, not even a temporary file")
        }
    }

    @Test func refusedLinesChangeNothingOnAServer() throws {
        try TestServer.withSchema { schema in
            let shop = try Self.shop(schema)
            let lines = [
                "checkin 京Z99999 odometer=1 fuel=1/2 complaint=x",       // no such car
                "estimate RO99 labor BRK-01",                           // no such order
                "customer add 张三 phone=12",                            // not a phone
                "pay RO1 amount=-5 method=cash",                        // no order, and a negative amount
                "staff add 赵六 role=boss pin=1234",                     // no such role
                "vehicle add 京A12345 vin=LFV2A21K8C3070455 owner=C1",  // a plate already on file
                "discount RO1 percent=150",                            // no order, and more than all of it
            ]
            for line in lines {
                let before = try schema.fingerprint()
                let result = try shop.command(line)
                #expect(result.status == 1, "\(line) was not refused: \(result.stdout)")
                #expect(try schema.fingerprint() == before, "a refused command changed the server: \(line)")
            }
        }
    }
}
