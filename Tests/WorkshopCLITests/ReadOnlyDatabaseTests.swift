import Foundation
import Testing

/// A database file that cannot be written — chmod 0444, or in a read-only folder — opens for
/// reading: reading commands work, a change is refused with a sentence (never an SQLite error),
/// and nothing is created or changed beside it. The modes are honoured even for root, whom the
/// system would let write anyway.
@Suite("Read-only database")
struct ReadOnlyDatabaseTests {
    func expectReadableButNotWritable(_ shop: Workshop, folder: String) throws {
        let listing = FileChecks.entries(folder)
        for command in ["ro list", "ro show RO1", "customer list", "history RO1", "invoice RO1", "verify"] {
            let result = try shop.command(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let refused = try shop.command("customer add 王强 phone=13688889999")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the shop database \(shop.database) is read-only (the file or its folder cannot be written): it can be read but not changed; nothing was changed"),
                "\(refused.stderr)")
        let json = try shop.command("discount RO1 percent=5", json: true)
        #expect(json.stdout.contains(#""code":"store.read-only""#), "\(json.stdout)")
        let chinese = try shop.inShopLanguage.command("customer add 王强 phone=13688889999")
        #expect(chinese.stderr.contains("是只读的") && chinese.stderr.contains("未做任何更改"), "\(chinese.stderr)")
        // A wrong PIN is refused and, with nothing writable, not counted.
        var wrong = shop
        wrong.environment["WORKSHOP_PIN"] = "9999"
        #expect(try wrong.command("ro list").stderr.contains("wrong PIN for 王芳"))
        #expect(FileChecks.entries(folder) == listing, "no -wal, -shm or journal was made beside it")
    }

    @Test func aFileNoOneMayWriteOpensForReading() throws {
        let shop = try PrintTests().shop()
        let before = try shop.fingerprint()
        let folder = PathTextForTests.folder(shop.database)
        FileChecks.chmod(shop.database, 0o444)
        try expectReadableButNotWritable(shop, folder: folder)
        #expect(FileChecks.mode(shop.database) == 0o444)
        FileChecks.chmod(shop.database, 0o600)
        #expect(try shop.fingerprint() == before)
    }

    @Test func aDatabaseInAReadOnlyFolderOpensForReading() throws {
        let shop = try PrintTests().shop()
        let before = try shop.fingerprint()
        let folder = PathTextForTests.folder(shop.database)
        FileChecks.chmod(folder, 0o555)
        defer { FileChecks.chmod(folder, 0o700) }
        try expectReadableButNotWritable(shop, folder: folder)
        FileChecks.chmod(folder, 0o700)
        #expect(try shop.fingerprint() == before)
    }
}
