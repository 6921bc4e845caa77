import Foundation
import SQLite
import Testing
import WorkshopModel
import WorkshopStore

/// Backups and exports, done by the store.
@Suite("Backup and export")
struct RecordKeepingTests {
    @Test func theExportHasEveryTableTheShopOwnsEvenOneAddedLater() throws {
        let path = try Support.copyOfFixture(5)
        _ = try Support.open(path)
        try Support.sql(path, "CREATE TABLE loyalty_cards (id INTEGER PRIMARY KEY, customer_id INTEGER); INSERT INTO loyalty_cards VALUES (1, 1);")
        let store = try Support.open(path)
        let directory = Support.temporaryDirectory()
        let counts = try store.export(to: directory)
        let tables = Set(counts.map(\.table))
        let all = Set(try Database(path: path, readOnly: true).rows("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.string("name") })
        #expect(tables == all.subtracting(["writer_mark", "schema_migrations"]))
        #expect(tables.contains("loyalty_cards") && tables.contains("tamper_log"))
        for (table, rows) in counts {
            #expect(FileManager.default.fileExists(atPath: directory + "/\(table).json"))
            let csv = try String(contentsOfFile: directory + "/\(table).csv", encoding: .utf8)
            #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty && $0 != "\u{FEFF}" }.count == (rows == 0 ? 0 : rows + 1),
                    "\(table): a header and \(rows) rows")
        }
        // UTF-8 with a byte-order mark (Excel opens it as UTF-8), RFC 4180 line ends.
        let customers = try Data(contentsOf: URL(fileURLWithPath: directory + "/customers.csv"))
        #expect(customers.starts(with: Data("\u{FEFF}id,name,phone,company,address,created_at,contact,invoice_title,tax_number,member_tier\r\n".utf8)))
        let staff = try Data(contentsOf: URL(fileURLWithPath: directory + "/staff.csv"))
        #expect(staff.starts(with: Data("\u{FEFF}id,name,roles,group_name,active,created_at,site_id\r\n".utf8)), "no PIN hash, no sign-in state; the site a person works at")
        #expect(!String(decoding: staff, as: UTF8.self).contains("$y$"))
        let readme = try String(contentsOfFile: directory + "/README.txt", encoding: .utf8)
        #expect(readme.contains("loyalty_cards: 1 rows"))
    }

    @Test func aBackupIsAVerifiedCopyAndNeverOverwritesAnotherFile() throws {
        let path = try Support.copyOfFixture(5)
        let store = try Support.open(path)
        let directory = Support.temporaryDirectory()
        let copy = try store.backup(to: directory + "/copy.db")
        #expect(copy.pages > 0 && copy.bytes > 0)
        _ = try store.backup(to: directory + "/copy.db")  // an earlier backup may be replaced
        let restored = try Support.open(directory + "/copy.db")
        #expect(try restored.read { try restored.verify() }.isClean)
        #expect(try restored.order(id: 13)?.status == .signed)
        // Opened as a shop, it is someone's record now: no backup replaces it.
        #expect(throws: RecordRefusal.backupOverwritesOtherFile(path: directory + "/copy.db")) {
            try store.backup(to: directory + "/copy.db")
        }
        try "notes".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: RecordRefusal.backupOverwritesOtherFile(path: directory + "/notes.txt")) {
            try store.backup(to: directory + "/notes.txt")
        }
        #expect(try String(contentsOfFile: directory + "/notes.txt", encoding: .utf8) == "notes")
    }
}
