import Foundation
import Postgres
import SQLite
import Testing
import WorkshopModel
@testable import WorkshopStore

/// Row seals on a PostgreSQL server: every row a write changes is sealed, `verify` checks every row
/// against its seal and names what was changed behind Workshop's back, and a row digests to the
/// same value on SQLite and on PostgreSQL.
@Suite("PostgreSQL: row seals and verify",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct PostgresSealTests {
    static let now = Timestamp(seconds: 1_795_400_000)

    static func context() -> ChangeContext { ChangeContext(actor: "测试", command: "test", now: now) }

    /// The test server's URI, as a connection that works in `schema` (and as `user`, when given).
    static func uri(_ schema: PostgresSchema, user: String? = nil) -> String {
        var options = ["options=-c%20search_path%3D\(schema.name)"]
        if let user { options.append("user=\(user)") }
        return schema.uri + (schema.uri.contains("?") ? "&" : "?") + options.joined(separator: "&")
    }

    /// A shop on the server, in a schema of its own, opened as a Workshop terminal opens it.
    static func withServerStore(_ body: (Store, PostgresSchema) throws -> Void) throws {
        try Backends.withPostgres { schema in
            let store = try Store(server: uri(schema), anchorFolder: Backends.anchorFolder, context: context())
            try body(store, schema)
        }
    }

    /// A shop in a SQLite file of its own.
    static func withFileStore(_ body: (Store) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "workshop-seal-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(try Store(path: folder + "/shop.db", context: context()))
    }

    /// The same writes, on either engine: every way a table is keyed (an integer primary key, the
    /// hidden rowid, one text column, two text columns, an integer and a text column), NULLs in the
    /// middle of a row and at its end, empty and awkward text, numbers past 2^53 and below zero.
    /// Then each of those rows written again, so that every row is found before it is changed.
    static func writeTheSameRows(_ store: Store) throws {
        let db = store.db
        let customer = try store.write {
            try store.addCustomer(name: "张三", phone: "13800000001", company: nil, address: "", contact: "李四")
        }
        _ = try store.write { try store.addCustomer(name: "王五", phone: "13800000002", company: "公司", address: "北京", taxNumber: "91110000") }
        try store.write {
            try store.setSetting("name", to: "修理厂")
            try store.saveChecklistItem(ChecklistItem(stage: .final, code: "lights", name: "灯光"))
            try store.setWarrantyTerm(WarrantyTerm(km: 30_000, days: 120), .car, .overhaul)
        }
        try store.write {
            try db.run("INSERT INTO vehicles(plate, owner_id, plate_color, created_at, year) VALUES ('京A12345', 1, 'blue', 1795400000, -5)")
            try db.run("""
                INSERT INTO orders(vehicle_id, customer_id, status, checked_in_at, advisor, odometer_in, fuel, complaint, category, payer)
                VALUES (1, 1, 'estimating', 1795400000, '王芳', 9007199254740993, '1/2', '异响 ''引号'' "双引" \\ 反斜杠
                换行	制表', 'repair', 'customer')
                """)
            // Past nine rows: SQLite orders rowids as numbers (2 before 10), a server's text keys would not.
            try db.run("INSERT INTO belongings(order_id, name, count) VALUES (1, '雨伞', 1), (1, '', 2)")
            for item in 1...10 { try db.run("INSERT INTO belongings(order_id, name, count) VALUES (1, '物品\(item)', \(item))") }
            try db.run("INSERT INTO received_documents(order_id, name, valid_until) VALUES (1, '行驶证', NULL)")
            try db.run("""
                INSERT INTO supplements(order_id, line_number, reason, reported_by, reported_at, answer)
                VALUES (1, 1, '刹车片', '赵师傅', 1795400100, NULL)
                """)
            try db.run("INSERT INTO damage_notes(order_id, note, noted_at, noted_by) VALUES (1, '\u{1F}划痕', -9223372036854775807, '王芳')")
        }
        // Written again: each row is found as its seal says (or the seal would say "altered").
        _ = try store.write { try store.updateCustomer(customer, changes: [("company", "新公司"), ("contact", nil)]) }
        try store.write {
            try store.setSetting("name", to: "新修理厂")
            try store.saveChecklistItem(ChecklistItem(stage: .final, code: "lights", name: "灯光2"))
            try store.setWarrantyTerm(WarrantyTerm(km: 40_000, days: 120), .car, .overhaul)
            try db.run("UPDATE orders SET complaint = complaint || '!', odometer_in = odometer_in + 1 WHERE id = 1")
            try db.run("UPDATE belongings SET count = count + 1")
            try db.run("UPDATE received_documents SET valid_until = '2027-01-01'")
            try db.run("UPDATE supplements SET answer = 'yes', line_number = 2")
            try db.run("DELETE FROM damage_notes")
            try db.run("UPDATE vehicles SET year = NULL")
        }
    }

    /// What verify finds wrong with the record on a server (verifyRecord: all but the figures kept
    /// beside it — see `theWholeVerifyRunsOnTheServer`).
    static func verify(_ store: Store) throws -> [RecordProblem] {
        try store.read { try store.verifyRecord() }.problems
    }

    static func sealsFoundAltered(_ store: Store) throws -> Int {
        try store.db.scalar("SELECT count(*) FROM row_seals WHERE altered <> 0") ?? -1
    }

    /// PostgreSQL keys and orders a table's rows as SQLite does: the same sealed tables, the same
    /// columns in the same order, keyed the same way; and pg-002 notes the rows of every one of them.
    @Test func theServerSealsTheSameTablesKeyedAsSQLiteKeysThem() throws {
        var onFile: [String: TableShape] = [:]
        try Self.withFileStore { store in onFile = try store.sealedTables() }
        try Self.withServerStore { store, _ in
            let onServer = try store.sealedTables()
            #expect(onFile.count > 35)
            #expect(Set(onServer.keys) == Set(onFile.keys))
            for (name, shape) in onFile.sorted(by: { $0.key < $1.key }) {
                #expect(onServer[name]?.columns == shape.columns, "\(name): columns")
                #expect(onServer[name]?.keyColumns == shape.keyColumns, "\(name): key")
            }
            #expect(Set(PostgresSealTriggers.tables) == Set(onServer.keys), "a sealed table without its seal trigger")
            // The three tables SQLite keys by its hidden rowid, by the column that stands for it.
            for name in ["belongings", "received_documents", "inspection_items"] {
                #expect(onServer[name]?.keyColumns == nil && onServer[name]?.keyExpression == "t.\"rowid\"", "\(name)")
            }
        }
    }

    /// Writes through the store are sealed on the server as on SQLite, and verify finds the record
    /// whole: each row against its seal, each entry's seals against its hash.
    @Test func writesAreSealedAndVerifyFindsTheRecordWhole() throws {
        try Self.withServerStore { store, _ in
            try Self.writeTheSameRows(store)
            let db = store.db
            #expect(try Self.sealsFoundAltered(store) == 0, "every row was found as its seal said")
            let sealed = try db.rows("SELECT DISTINCT tbl FROM row_seals ORDER BY tbl") { $0.string("tbl") }
            #expect(sealed == ["belongings", "checklist_items", "customers", "damage_notes", "orders", "received_documents",
                               "settings", "supplements", "vehicles", "warranty_terms"])
            // A rowid table's key is its rowid, in decimal; a deleted row's last seal has no digest.
            #expect(try db.rows("SELECT DISTINCT row_key FROM row_seals WHERE tbl = 'belongings'") { $0.string("row_key") }.sorted()
                    == (1...12).map(String.init).sorted())
            #expect(try db.scalar("SELECT count(*) FROM row_seals WHERE tbl = 'damage_notes' AND digest IS NULL") == 1)
            #expect(try db.rows("SELECT row_key FROM row_seals WHERE tbl = 'supplements' ORDER BY entry_id, row_key") { $0.string("row_key") }
                    == ["1\u{1F}1", "1\u{1F}1", "1\u{1F}2"], "a key changed: the old one sealed gone, the new one present")
            let report = try store.read { try store.verifyRecord() }
            #expect(report.problems == [], "\(report.problems)")
            #expect(report.rowsChecked == 21)
            #expect(report.journalEntries == 10, "six writes, one of them journalling three entries, the last one also three")
        }
    }

    /// The whole verify, figures included (stock, cards, the report's running totals).
    @Test func theWholeVerifyRunsOnTheServer() throws {
        try Self.withServerStore { store, _ in
            try Self.writeTheSameRows(store)
            let problems = try store.read { try store.verify() }.problems
            #expect(problems == [])
        }
    }

    /// A shop moved from SQLite to PostgreSQL verifies on both: the same rows have the same digests,
    /// the same seals, and each entry the same digest of its seals (a rowid key hashed as the integer
    /// SQLite keeps, in SQLite's order).
    @Test func theSameRowsHaveTheSameDigestsOnSQLiteAndPostgreSQL() throws {
        typealias Digests = (rows: [String: [String: String]], seals: [String], entries: [String])
        func digests(_ store: Store) throws -> Digests {
            var rows: [String: [String: String]] = [:]
            for shape in (try store.sealedTables()).values {
                try store.db.forEach("SELECT \(shape.keyExpression) AS k, \(shape.digestExpression) AS d FROM \(shape.quotedName) AS t") { row in
                    rows[shape.name, default: [:]][RowKey(row.value("k"))!.display] = row.string("d")
                }
            }
            let seals = try store.db.rows("SELECT entry_id, tbl, row_key, digest, altered FROM row_seals") {
                "\($0.int("entry_id")) \($0.string("tbl")) \(RowKey($0.value("row_key"))!.display) \($0.optionalString("digest") ?? "gone") \($0.int("altered"))"
            }.sorted()
            let entries = try store.db.rows("SELECT id, rows_digest FROM journal ORDER BY id") { "\($0.int("id")) \($0.optionalString("rows_digest") ?? "none")" }
            return (rows, seals, entries)
        }
        var onFile: Digests = ([:], [], [])
        try Self.withFileStore { store in
            try Self.writeTheSameRows(store)
            #expect(try store.read { try store.verify() }.isClean)
            onFile = try digests(store)
        }
        try Self.withServerStore { store, _ in
            try Self.writeTheSameRows(store)
            let onServer = try digests(store)
            #expect(onFile.rows.values.map(\.count).reduce(0, +) == 21)
            #expect(onServer.rows == onFile.rows)
            #expect(onServer.seals == onFile.seals)
            #expect(onFile.entries.count == 10 && onFile.entries.filter { !$0.hasSuffix(" none") }.count == 6, "one entry of each write carries its seals")
            #expect(onServer.entries == onFile.entries)
        }
    }

    /// The canonical bytes of a value, as the server writes them, are CanonicalBytes' (the digests
    /// above would differ anyway; this names the value that differs).
    @Test(arguments: [SQLValue.integer(0), .integer(-1), .integer(Int64.max), .integer(Int64.min), .text(""), .text("é"),
                      .text("京A·12345\u{1F}\n'\""), .null])
    func aValueHasTheSameCanonicalBytesOnTheServer(_ value: SQLValue) throws {
        try Backends.withPostgres { schema in
            let db = try schema.connect()
            var expected: [UInt8] = []
            CanonicalBytes.append(value, to: &expected)
            let sql: String
            switch value {
            case .integer: sql = PostgresRowDigest.canonical("CAST(?1 AS bigint)", .integer)
            default: sql = PostgresRowDigest.canonical("CAST(?1 AS text)", .text)
            }
            let found = try db.first("SELECT encode(coalesce(\(sql), \(PostgresRowDigest.literal([0]))), 'hex') AS b", [value]) { $0.string("b") }
            #expect(found == expected.map { String(format: "%02x", $0) }.joined())
        }
    }

    /// Changed behind Workshop's back by another connection (with the writer mark, so that the
    /// watch triggers stay silent): a row changed, one added and one deleted are each named, as on
    /// SQLite; and Workshop's next write over a changed row seals it as found altered.
    @Test func rowsChangedBehindWorkshopsBackAreNamed() throws {
        try Self.withServerStore { store, schema in
            for phone in ["13800000001", "13800000002", "13800000003"] {
                _ = try store.write { try store.addCustomer(name: "客户", phone: phone, company: nil, address: nil) }
            }
            try store.write { try store.setSetting("name", to: "修理厂") }
            #expect(try Self.verify(store) == [])
            func sealedBy(_ table: String, _ key: String) throws -> Int {
                try #require(try store.db.scalar("SELECT max(entry_id) FROM row_seals WHERE tbl = ? AND row_key = ?", [.text(table), .text(key)]))
            }
            let (gone, changed) = (1, 2)
            let (goneBy, changedBy, settingBy) = (try sealedBy("customers", "1"), try sealedBy("customers", "2"), try sealedBy("settings", "name"))
            let other = try schema.connect()
            try other.execute("""
                BEGIN;
                INSERT INTO writer_mark DEFAULT VALUES;
                DELETE FROM customers WHERE id = \(gone);
                UPDATE customers SET name = '改名' WHERE id = \(changed);
                INSERT INTO customers(id, name, phone, created_at) VALUES (10, '新来的', '13900009999', 1795400000);
                UPDATE settings SET value = '别的名字' WHERE key = 'name';
                DELETE FROM writer_mark;
                COMMIT;
                """)
            let problems = try Self.verify(store)
            #expect(problems == [.rowChanged(table: "customers", row: "\(changed)", entry: changedBy),
                                 .rowAdded(table: "customers", row: "10", deletedBy: nil),
                                 .rowDeleted(table: "customers", row: "\(gone)", entry: goneBy),
                                 .rowChanged(table: "settings", row: "name", entry: settingBy)])

            // Without the mark, the watch logs the change too.
            try other.execute("UPDATE customers SET name = '又改名' WHERE id = 3")
            #expect(try Self.verify(store).contains { problem in
                if case .changedOutside("customers", "3", "update", _) = problem { return true }
                return false
            })

            // Workshop writes the changed rows again: it found them altered, and says so for good.
            let customer = try #require(try store.customer(id: changed))
            _ = try store.write { try store.updateCustomer(customer, changes: [("company", "公司")]) }
            try store.write { try store.setSetting("name", to: "修理厂") }
            let after = try Self.verify(store)
            #expect(after.contains(.rowFoundAltered(table: "customers", row: "\(changed)", entry: try sealedBy("customers", "2"))))
            #expect(after.contains(.rowFoundAltered(table: "settings", row: "name", entry: try sealedBy("settings", "name"))))
            #expect(!after.contains { problem in
                if case .rowChanged(_, let row, _) = problem { return row == "\(changed)" || row == "name" }
                return false
            }, "sealed again as they now are: \(after)")
        }
    }

    /// The server's owner can write past its foreign keys (replica mode skips their triggers):
    /// verify names each row whose parent is gone, as SQLite's foreign_key_check does on a file.
    @Test func aRowWhoseParentWasRemovedPastTheKeysIsNamed() throws {
        try Self.withServerStore { store, schema in
            _ = try store.write { try store.addCustomer(name: "张三", phone: "13800000001", company: nil, address: nil) }
            try store.write {
                try store.db.run("INSERT INTO vehicles(plate, owner_id, plate_color, created_at) VALUES ('京A12345', 1, 'blue', 1795400000)")
            }
            #expect(try Self.verify(store) == [])
            let vehicle = try #require(try store.db.scalar("SELECT id FROM vehicles"))
            let owner = try schema.connect()
            try owner.execute("SET session_replication_role = replica; DELETE FROM customers WHERE id = 1; SET session_replication_role = origin;")
            let problems = try Self.verify(store)
            #expect(problems.first == .foreignKey(table: "vehicles", row: vehicle, parent: "customers"), "\(problems)")
            #expect(problems.filter { if case .foreignKey = $0 { return true } else { return false } }.count == 1)
        }
    }

    /// Workshop's account (the application's role) writes through the seal triggers, and cannot
    /// drop, disable or replace them.
    @Test func theApplicationsRoleIsSealedAndCannotStopIt() throws {
        try PostgresRoleTests.withApplicationRole { app, schema in
            do {
                let store = try Store(server: Self.uri(schema, user: schema.name + "_app"), anchorFolder: Backends.anchorFolder, context: Self.context())
                _ = try store.write { try store.addCustomer(name: "张三", phone: "13800000001", company: nil, address: nil) }
                #expect(try store.db.scalar("SELECT count(*) FROM row_seals WHERE tbl = 'customers'") == 1)
                #expect(try Self.verify(store) == [])
                try store.db.execute("DISCARD TEMP")  // before the roles are dropped
            }
            for statement in ["ALTER TABLE customers DISABLE TRIGGER seal_customers", "ALTER TABLE customers DISABLE TRIGGER ALL",
                              "DROP TRIGGER seal_customers ON customers", "DROP FUNCTION note_touched_row()",
                              "CREATE OR REPLACE FUNCTION note_touched_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$"] {
                do {
                    try app.execute(statement)
                    Issue.record("the application role was allowed: \(statement)")
                } catch let error as PostgresError {
                    #expect(error.sqlState == "42501", "\(statement): \(error)")
                }
            }
        }
    }

    /// The schema's owner can still take the seal triggers away (or a safeguard, or rewrite their
    /// function): verify names what is missing, disabled or replaced.
    @Test func aSealTriggerTakenAwayIsNamed() throws {
        try Self.withServerStore { store, schema in
            #expect(try Self.verify(store) == [])
            let owner = try schema.connect()
            try owner.execute("DROP TRIGGER seal_customers ON customers; ALTER TABLE vehicles DISABLE TRIGGER seal_vehicles")
            #expect(try Self.verify(store) == [.safeguardsRemoved(triggers: ["seal_customers"]), .safeguardRewritten(trigger: "seal_vehicles")])
            try owner.execute("""
                ALTER TABLE vehicles ENABLE TRIGGER seal_vehicles;
                CREATE OR REPLACE FUNCTION note_touched_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$
                """)
            #expect(try Self.verify(store) == [.safeguardsRemoved(triggers: ["seal_customers"]), .safeguardRewritten(trigger: "note_touched_row()")])
        }
    }

    /// Rows put in behind the store in bulk (as the bench does) are sealed as found, in one entry
    /// that verify names.
    @Test func rowsPutInInBulkAreSealedAsFound() throws {
        try Self.withServerStore { store, schema in
            try schema.connect().execute("""
                BEGIN;
                INSERT INTO writer_mark DEFAULT VALUES;
                INSERT INTO customers(name, phone, created_at) SELECT '客户' || i, '138' || lpad(i::text, 8, '0'), 1795400000
                FROM generate_series(1, 12) AS i;
                INSERT INTO settings(key, value) VALUES ('name', '修理厂');
                DELETE FROM writer_mark;
                COMMIT;
                """)
            let added = try Self.verify(store)
            #expect(added.contains(.rowAdded(table: "settings", row: "name", deletedBy: nil)) && added.contains(.moreRows(table: "customers", count: 2)),
                    "each row added behind the store (ten named)")
            try store.sealRecordAsFound(command: "bench")
            let report = try store.read { try store.verifyRecord() }
            #expect(report.problems == [])
            #expect(report.notes.contains { if case .sealedAsFound(1, 13, _) = $0 { return true } else { return false } })
        }
    }

    /// Only Workshop's connection keeps the list of rows changed: anyone else's change costs the
    /// triggers nothing but a look, and fails nothing.
    @Test func anotherSessionsChangesAreNotNoted() throws {
        try Self.withServerStore { store, schema in
            // The store's list exists from its first write on.
            try store.write { try store.setSetting("address", to: "深圳") }
            let other = try schema.connect()
            try other.run("INSERT INTO customers(name, phone, created_at) VALUES ('张三', '13800000001', 1795400000)", [])
            #expect(try other.scalar("SELECT count(*) FROM tamper_log", []) == 1, "the watch logged it")
            #expect(try store.db.scalar("SELECT count(*) FROM \(PostgresTouchedRows.table)") == 0)
            // The next write seals its own row and the tamper log's new row, and only those.
            try store.write { try store.setSetting("name", to: "修理厂") }
            #expect(try store.db.rows("SELECT tbl FROM row_seals WHERE entry_id = (SELECT max(entry_id) FROM row_seals) ORDER BY tbl") {
                $0.string("tbl")
            } == ["settings", "tamper_log"])
        }
    }
}
