import Foundation
import Postgres
import SQLite
import Testing
import WorkshopCLI
import WorkshopModel
@testable import WorkshopStore

/// `workshop migrate --from FILE --to URI` through the built binary: a shop made by a transcript is
/// moved onto a schema of the test server and read back on both sides with plain SQL; every refusal
/// leaves the server as it was.
@Suite("workshop migrate: a shop moved onto a server",
       .enabled(if: TestServer.enabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct MigrateTests {
    /// Runs `workshop migrate …` as a person would, in English unless told.
    static func migrate(_ arguments: [String], language: String = "en") throws -> Workshop.Result {
        try Workshop.launch(["migrate"] + arguments, language: language)
    }

    /// A shop made by running a transcript through the binary, as the golden tests do.
    static func shop(_ transcript: String) throws -> Workshop {
        var shop = Workshop()
        shop.language = nil
        try shop.run([Workshop.transcripts + "/\(transcript).ws"])
        #expect(try shop.count("SELECT count(*) FROM journal") > 20, "the transcript made a shop")
        return shop
    }

    /// The file's tables that move: all but SQLite's own and each side's bookkeeping.
    static func movedTables(_ file: Database) throws -> [String] {
        try file.rows("""
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name NOT IN ('schema_migrations', 'writer_mark') ORDER BY name
            """) { $0.string(0) }
    }

    @Test("a shop moves whole: every table's rows equal, money, journal head, ids continuing",
          arguments: [("cash-desk", false), ("bookings", true)])
    func aShopMovesWhole(transcript: String, schemaMadeFirst: Bool) throws {
        let shop = try Self.shop(transcript)
        if transcript == "cash-desk" {
            // Members' cards too: a sale is a movement and a payment-like liability.
            let sold = try shop.command("card sell 13800138000 type=stored amount=1000 bonus=100 method=wechat")
            #expect(sold.status == 0, "\(sold.stderr)")
        }
        let fileBefore = try shop.fingerprint()
        try TestServer.withSchema { schema in
            // A schema the migrator made and nobody wrote in is as empty as a new one.
            if schemaMadeFirst { try PostgresMigrator.migrate(try schema.connect(), now: Timestamp.currentTime) }
            let result = try Self.migrate(["--from", shop.database, "--to", schema.uri])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("both sides agree"), "\(result.stdout)")
            #expect(!result.stdout.contains("≠"), "\(result.stdout)")

            let file = try Database(path: shop.database, readOnly: true)
            let server = try schema.connect()
            for table in try Self.movedTables(file) {
                let columns = try ShopRows.columns(server, table)
                #expect(!columns.isEmpty, "\(table) is on the server")
                #expect(try ShopRows.file(file, table, columns: columns) == ShopRows.server(server, table), "\(table): the same rows")
            }
            // The figures a person checks, read directly.
            let head = "SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1"
            let fileHead = try file.first(head) { "\($0.int(0)) \($0.string(1))" }
            #expect(fileHead != nil)
            #expect(try server.first(head, []) { "\($0.int(0)) \($0.string(1))" } == fileHead)
            #expect(result.stdout.contains(String(fileHead!.split(separator: " ")[1])), "the head's hash is printed")
            for sum in ["SELECT sum(amount) FROM payments", "SELECT sum(amount) FROM order_lines", "SELECT sum(revenue) FROM report_tallies"] {
                #expect(try file.scalar(sum) == server.scalar(sum, []), "\(sum)")
            }
            // The move wrote under Workshop's mark, and took it away: nothing logged as tampering.
            #expect(try server.scalar("SELECT count(*) FROM writer_mark", []) == 0)
            #expect(try server.scalar("SELECT count(*) FROM tamper_log", []) == file.scalar("SELECT count(*) FROM tamper_log"))
            if transcript == "bookings" {
                // orders ↔ appointments refer to each other: both references arrive.
                #expect(try server.scalar("SELECT appointment_id FROM orders WHERE id = 1", []) == 1)
                #expect(try server.scalar("SELECT order_id FROM appointments WHERE id = 1", []) == 1)
            }
            // The next id the server gives follows the file's last.
            let last = try file.scalar("SELECT max(id) FROM customers") ?? 0
            let next = try server.first("INSERT INTO customers(name, phone, created_at) VALUES ('新客', '13700000000', 0) RETURNING id", []) {
                $0.int(0)
            }
            #expect(next == last + 1)
        }
        #expect(try shop.fingerprint() == fileBefore, "the file is only read")
    }

    /// A chain's journal moves with each entry's site (024-site-hooks-and-entries), its chain
    /// (format 3) verified on both sides; the server's export carries the column.
    @Test("a chain's journal entries keep their sites on the server")
    func aChainsEntriesKeepTheirSites() throws {
        let shop = try Self.shop("cash-desk")
        #expect(try shop.script("""
            site add 深圳南山店 code=4403000002
            staff add 李娜 role=advisor pin=1234 site=深圳南山店
            """).status == 0)
        var lina = shop
        lina.user = "李娜"
        lina.now = nil
        #expect(try lina.command("customer add 南山客户 phone=13900000009").status == 0)
        let ask = "SELECT id, site_id FROM journal ORDER BY id"
        let file = try Database(path: shop.database, readOnly: true)
        let inFile = try file.rows(ask) { "\($0.int(0)) \($0.optionalInt(1).map(String.init) ?? "NULL")" }
        #expect(inFile.last?.hasSuffix(" 2") == true, "李娜's entry is 深圳南山店's: \(inFile.suffix(3))")
        try TestServer.withSchema { schema in
            let moved = try Self.migrate(["--from", shop.database, "--to", schema.uri])
            #expect(moved.status == 0 && moved.stdout.contains("both sides agree"), "\(moved.stdout)\(moved.stderr)")
            let server = try schema.connect()
            #expect(try server.rows(ask, []) { "\($0.int(0)) \($0.optionalInt(1).map(String.init) ?? "NULL")" } == inFile)
            let onServer = Workshop(database: schema.uri)
            #expect(try onServer.command("verify").status == 0)
            let folder = Workshop.temporaryDirectory() + "/export"
            #expect(try onServer.command("export \(folder)").status == 0)
            let journal = try String(contentsOfFile: folder + "/journal.csv", encoding: .utf8)
            #expect(journal.split(separator: "\r\n").first?.hasSuffix(",site_id") == true, "\(journal.prefix(200))")
        }
    }

    /// Export reads every table a page at a time on a server (through a cursor): what it writes is
    /// the file's export, byte for byte, but for the README's time and the seals' keys in JSON.
    @Test("an export from the server is the file's export, file for file")
    func anExportFromTheServerIsTheFiles() throws {
        let shop = try Self.shop("cash-desk")
        try TestServer.withSchema { schema in
            let moved = try Self.migrate(["--from", shop.database, "--to", schema.uri])
            #expect(moved.status == 0, "\(moved.stderr)")
            var exports: [String] = []
            for source in [shop, Workshop(database: schema.uri)] {
                let folder = Workshop.temporaryDirectory() + "/export"
                let exported = try source.command("export \(folder)")
                #expect(exported.status == 0, "\(exported.stdout) \(exported.stderr)")
                exports.append(folder)
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: exports[0]).filter { $0 != "README.txt" }.sorted()
            #expect(names.count > 60, "every table as CSV and JSON: \(names)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: exports[1]).filter { $0 != "README.txt" }.sorted() == names)
            // A seal's key is a column of text on the server (a rowid's decimal): JSON writes it as
            // a string there, as a number from the file; the CSV is the same.
            for name in names where name != "row_seals.json" {
                #expect(FileManager.default.contents(atPath: exports[0] + "/" + name) == FileManager.default.contents(atPath: exports[1] + "/" + name),
                        "\(name) differs")
            }
        }
    }

    @Test("a writer mark left set in the file is said, and not carried over: the server's watch stays on")
    func aWriterMarkLeftInTheFileStaysBehind() throws {
        let shop = try Self.shop("cash-desk")
        try Database(path: shop.database).run("INSERT INTO writer_mark DEFAULT VALUES")
        try TestServer.withSchema { schema in
            let result = try Self.migrate(["--from", shop.database, "--to", schema.uri])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("the file holds a writer mark someone left set"), "\(result.stdout)")
            let server = try schema.connect()
            #expect(try server.scalar("SELECT count(*) FROM writer_mark", []) == 0)
            try server.run("UPDATE customers SET name = 'x' WHERE id = 1", [])
            #expect(try server.scalar("SELECT count(*) FROM tamper_log", []) == 1, "a change outside Workshop is logged")
        }
    }

    @Test("every refusal leaves the server as it was, and says why")
    func refusalsChangeNothing() throws {
        let shop = try Self.shop("cash-desk")
        let folder = Workshop.temporaryDirectory()
        let text = folder + "/notes.txt"
        try "not a shop".write(toFile: text, atomically: true, encoding: .utf8)
        let older = folder + "/older.db"
        try FileManager.default.copyItem(atPath: Workshop.packageRoot + "/Tests/Fixtures/schema/schema-v6.db", toPath: older)
        try TestServer.withSchema { schema in
            let refused: [(arguments: [String], says: String)] = [
                (["--from", text, "--to", schema.uri], "is not a Workshop shop's database file"),
                (["--from", folder + "/missing.db", "--to", schema.uri], "there is no file"),
                (["--from", folder, "--to", schema.uri], "is not a Workshop shop's database file"),
                (["--from", older, "--to", schema.uri], "is at schema 6 and this program at \(Store.schemaVersion): open it once with workshop --db"),
                (["--from", shop.database, "--to", "postgresql:///postgres?host=/nonexistent-workshop-test&user=postgres"],
                 "cannot reach the PostgreSQL server"),
            ]
            for (arguments, says) in refused {
                let before = try schema.fingerprint()
                let result = try Self.migrate(arguments)
                #expect(result.status == 1, "\(arguments)")
                #expect(result.stderr.contains(says), "\(arguments): \(result.stderr)")
                #expect(result.stdout.isEmpty)
                #expect(try schema.fingerprint() == before, "\(arguments): the server is unchanged")
            }
            let chinese = try Self.migrate(["--from", text, "--to", schema.uri], language: "zh")
            #expect(chinese.stderr.contains("不是 Workshop 门店的数据库文件") && chinese.stderr.contains("服务器未改动"), "\(chinese.stderr)")

            // A schema holding a shop already: never merged.
            #expect(try Self.migrate(["--from", shop.database, "--to", schema.uri]).status == 0)
            let filled = try schema.fingerprint()
            let again = try Self.migrate(["--from", shop.database, "--to", schema.uri])
            #expect(again.status == 1)
            #expect(again.stderr.contains("already holds data (") && again.stderr.contains("customers"), "\(again.stderr)")
            #expect(try schema.fingerprint() == filled, "the shop there is as it was")
        }
        try TestServer.withSchema { schema in
            // A server whose schema lacks a table the file has: the rows would have nowhere to go.
            let db = try schema.connect()
            try PostgresMigrator.migrate(db, now: Timestamp.currentTime)
            try db.execute("DROP TABLE followup_calls")
            let before = try schema.fingerprint()
            let result = try Self.migrate(["--from", shop.database, "--to", schema.uri])
            #expect(result.status == 1)
            #expect(result.stderr.contains("the server's schema has no table followup_calls"), "\(result.stderr)")
            #expect(try schema.fingerprint() == before)
        }
    }

    @Test("a copy that does not come out the same is rolled back whole")
    func aCopyThatDiffersIsRolledBack() throws {
        let shop = try Self.shop("cash-desk")
        try TestServer.withSchema { schema in
            let db = try schema.connect()
            try PostgresMigrator.migrate(db, now: Timestamp.currentTime)
            // Something on the server changes a customer's name as it goes in.
            try db.execute("""
                CREATE FUNCTION test_rename() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := NEW.name || '?'; RETURN NEW; END $$;
                CREATE TRIGGER test_rename BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION test_rename();
                """)
            let before = try schema.fingerprint()
            let result = try Self.migrate(["--from", shop.database, "--to", schema.uri])
            #expect(result.status == 1)
            #expect(result.stderr.contains("the copy on the server differs from the file: rolled back whole"), "\(result.stderr)")
            #expect(result.stderr.contains("customers: as many rows, but not the same"), "\(result.stderr)")
            #expect(try schema.fingerprint() == before, "nothing stays on the server")
            #expect(try db.scalar("SELECT count(*) FROM journal", []) == 0)
        }
    }
}

/// The command line of `workshop migrate`; no server needed.
@Suite("workshop migrate: the command line")
struct MigrateCommandLineTests {
    @Test func migrateIsALaunchModeOfItsOwn() throws {
        let options = try LaunchOptions(arguments: ["migrate", "--from", "shop.db", "--to", "postgresql://shop@server/workshop"])
        #expect(options.migrate?.from == "shop.db")
        #expect(options.migrate?.to == "postgresql://shop@server/workshop")
        #expect(options.script == nil)
    }

    @Test func aBadCommandLineExitsTwoWithTheUsage() throws {
        let cases: [([String], String)] = [
            (["--from", "shop.db"], "workshop migrate needs --to"),
            (["--to", "postgresql://shop@server/workshop"], "workshop migrate needs --from"),
            (["--from", "shop.db", "--to", "other.db"], "--to takes a PostgreSQL server's URI"),
            (["--from", "postgresql://a@b/c", "--to", "postgresql://shop@server/workshop"], "--from takes the shop's database file"),
            (["--from", "shop.db", "--to", "postgresql://shop@server/workshop", "--user", "王芳"], "unknown option --user"),
            (["--from"], "--from needs a value"),
        ]
        for (arguments, says) in cases {
            let result = try MigrateTests.migrate(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(says), "\(arguments): \(result.stderr)")
        }
        let help = try MigrateTests.migrate(["--help"], language: "zh")
        #expect(help.status == 0)
        #expect(help.stdout.contains("workshop migrate --from 文件 --to postgresql://"), "\(help.stdout)")
    }
}
