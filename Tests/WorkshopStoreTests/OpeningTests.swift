import Foundation
import SafeFiles
import SQLite
import Testing
import WorkshopModel
import WorkshopStore

/// Opening a database file: a new one private to the shop's account, a read-only one for reading,
/// a backup as a shop's own record.
@Suite("Opening the database file")
struct OpeningTests {
    static func mode(_ path: String) -> Int {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_mode & 0o777) : -1
    }

    @Test func aNewDatabaseAndItsLogsAreReadableByTheShopsAccountOnly() throws {
        let (store, path) = try Support.freshStore()
        #expect(!store.isReadOnly)
        #expect(Self.mode(path) == 0o600)
        #expect(Self.mode(path + "-wal") == 0o600 && Self.mode(path + "-shm") == 0o600, "SQLite gives its logs the file's mode")
    }

    @Test func aReadOnlyFileIsReadAndNeverWritten() throws {
        let path = try Support.copyOfFixture(5)
        _ = try Support.open(path)  // upgraded once, as a writable file
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        chmod(path, 0o444)
        let store = try Support.open(path)
        #expect(store.isReadOnly)
        #expect(try store.read { try store.order(id: 13)?.status } == .signed)
        #expect(throws: StoreRefusal.readOnly(path: path)) { try store.ensureWritable() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal") && !FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test func aReadOnlyFileOfAnEarlierSchemaIsRefusedUntouched() throws {
        let path = try Support.copyOfFixture(5)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        chmod(path, 0o444)
        #expect(throws: StoreRefusal.readOnlyNeedsUpgrade(path: path, found: 5, known: Store.schemaVersion)) { try Support.open(path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aBackupIsMarkedStandsAloneAndLosesTheMarkWhenOpenedAsAShop() throws {
        let (store, _) = try Support.freshStore()
        let path = Support.temporaryDirectory() + "/copy.db"
        _ = try store.backup(to: path)
        #expect(Self.mode(path) == 0o600)
        let existing = try #require(try ExistingFile.inspect(path))
        #expect(existing.sqliteApplicationID == 0x5753_424B)
        #expect(existing.header[18] == 1 && existing.header[19] == 1, "a rollback-journal file: no -wal needed to restore it")
        _ = try Support.open(path)
        #expect(try Support.scalar(path, "PRAGMA application_id") == 0)
    }
}
