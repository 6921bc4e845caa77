import Foundation
import SQLite
import Testing

/// Backups and exports as files: an earlier backup is the only file a backup replaces, a locked one
/// is given up on within seconds, everything is readable by the shop's account only, and a CSV
/// cell never runs as a formula in a spreadsheet.
@Suite("Files Workshop writes: backups and exports")
struct BackupAndExportFileTests {
    func shop() throws -> Workshop { try PrintTests().shop() }

    @Test func aBackupReplacesOnlyAnEarlierBackupAndGivesUpOnALockedOne() throws {
        let shop = try shop()
        let folder = Workshop.temporaryDirectory()
        let path = folder + "/nightly.db"
        #expect(try shop.command("backup \(path)").status == 0)
        #expect(try shop.command("backup \(path)").status == 0, "the earlier backup is replaced")
        #expect(FileChecks.entries(folder) == ["nightly.db", "nightly.db.anchor"], "the backup and its anchor: no temporary file, no -journal left")
        let earlier = FileChecks.bytes(path)
        // Someone has the earlier backup open and locked (a database browser, say).
        let holder = try Database(path: path)
        try holder.execute("BEGIN EXCLUSIVE")
        let started = Date()
        let locked = try shop.command("backup \(path)")
        let waited = Date().timeIntervalSince(started)
        try holder.execute("ROLLBACK")
        #expect(locked.status == 1)
        #expect(locked.stderr.contains("\(path) is in use by another program (locked) and was not released within 3 s"), "\(locked.stderr)")
        #expect(waited < 10, "gave up after \(waited) s")
        #expect(FileChecks.bytes(path) == earlier)
        #expect(try shop.command("backup \(path)").status == 0, "free again")
        #expect(try FileChecks.integrityOK(path))
    }

    @Test func databasesBackupsAndExportsAreReadableByTheShopsAccountOnly() throws {
        let shop = try shop()
        #expect(FileChecks.mode(shop.database) == 0o600)
        let folder = Workshop.temporaryDirectory()
        #expect(try shop.command("backup \(folder)/copy.db").status == 0)
        #expect(FileChecks.mode(folder + "/copy.db") == 0o600)
        #expect(FileChecks.mode(folder + "/copy.db.anchor") == 0o600)
        #expect(try shop.command("export \(folder)/new/export").status == 0)
        #expect(FileChecks.mode(folder + "/new") == 0o700 && FileChecks.mode(folder + "/new/export") == 0o700)
        let files = FileChecks.entries(folder + "/new/export")
        #expect(files.contains("README.txt") && files.contains("orders.csv") && files.contains("orders.json"))
        #expect(files.allSatisfy { FileChecks.mode(folder + "/new/export/" + $0) == 0o600 }, "\(files)")
        #expect(try shop.command("print RO1 jobcard").status == 0)
        let documents = PathTextForTests.folder(shop.database) + "/documents"
        #expect(FileChecks.mode(documents) == 0o700 && FileChecks.mode(documents + "/RO1-jobcard.pdf") == 0o600)
        // An existing database keeps the mode the shop gave it.
        FileChecks.chmod(shop.database, 0o640)
        #expect(try shop.command("ro list").status == 0)
        #expect(FileChecks.mode(shop.database) == 0o640)
    }

    @Test func csvCellsThatWouldRunAsFormulasAreNeutralisedAndTheJSONIsExact() throws {
        let shop = try shop()
        let notes = [#"=HYPERLINK("http://x","y")"#, "+86 138", "-左前门", "@SUM(A1)", "左前门划痕"]
        for note in notes {
            #expect(try shop.command("damage RO1 '\(note)'").status == 0)
        }
        let folder = Workshop.temporaryDirectory() + "/export"
        #expect(try shop.command("export \(folder)").status == 0)
        let csv = try String(contentsOfFile: folder + "/damage_notes.csv", encoding: .utf8)
        #expect(csv.contains(#","'=HYPERLINK(""http://x"",""y"")","#), "\(csv)")
        for cell in [",'+86 138,", ",'-左前门,", ",'@SUM(A1),", ",左前门划痕,"] {
            #expect(csv.contains(cell), "\(cell) in \(csv)")
        }
        let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/damage_notes.json"))) as? [[String: Any]]
        #expect(rows?.compactMap { $0["note"] as? String } == notes, "the JSON keeps every note exactly")
        // Numbers are numbers: a negative stock movement is not text and gets no quote.
        #expect(!(try String(contentsOfFile: folder + "/stock_movements.csv", encoding: .utf8)).contains(",'-"))
    }
}

/// The folder of a path, for the tests (as Workshop's own PathText does it).
enum PathTextForTests {
    static func folder(_ path: String) -> String { URL(fileURLWithPath: path).deletingLastPathComponent().path }
}
