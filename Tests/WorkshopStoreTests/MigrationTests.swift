import Foundation
import SQLite
import Testing
import WorkshopModel
@testable import WorkshopStore

/// The schema's migrations by name: recorded as applied, and a database they do not describe
/// refused untouched.
@Suite("Migrations: named, recorded, and refused when foreign")
struct MigrationTests {
    static let names = ["001-front-desk", "002-workshop-floor", "003-cash-desk", "004-bookings-and-stock", "005-trust",
                        "006-facts-fixed-on-orders", "007-record-seals", "008-counter-and-accounts",
                        "009-bay-stays", "010-documents-of-record", "011-national-repair-record", "012-money-gates",
                        "013-order-rules", "014-history-indexes", "015-member-cards", "016-catalogue-name-indexes",
                        "017-member-prices",
                        "018-reminders", "019-card-cover", "020-report-tallies", "021-sites",
                        "022-journal-indexes", "023-site-figures", "024-site-hooks-and-entries"]

    static func recorded(_ path: String) throws -> [String] {
        try Database(path: path, readOnly: true).rows("SELECT name FROM schema_migrations ORDER BY rowid") { $0.string("name") }
    }

    @Test func aNewDatabaseRecordsEveryMigrationByNameInOrder() throws {
        let (_, path) = try Support.freshStore()
        #expect(try Self.recorded(path) == Self.names)
        #expect(try Support.scalar(path, "PRAGMA user_version") == Self.names.count)
        #expect(Store.schemaVersion == Self.names.count)
    }

    @Test func openingAnUpToDateDatabaseChangesNothing() throws {
        let (_, path) = try Support.freshStore()
        let before = try Support.scalar(path, "SELECT count(*) FROM schema_migrations")
        let schema = try Support.schema(path)
        _ = try Support.open(path)
        #expect(try Support.scalar(path, "SELECT count(*) FROM schema_migrations") == before)
        #expect(try Support.schema(path) == schema)
    }

    @Test func aNewerDatabaseIsRefusedUntouched() throws {
        let (_, path) = try Support.freshStore()
        let newer = Self.names.count + 1
        try Support.sql(path, "INSERT INTO schema_migrations VALUES ('\(newer)-loyalty-cards', 0); PRAGMA user_version = \(newer);")
        let schema = try Support.schema(path)
        #expect(throws: StoreRefusal.newerSchema(found: newer, known: Self.names.count)) { try Support.open(path) }
        #expect(try Support.schema(path) == schema)
    }

    @Test func migrationsOfAnotherBuildAreRefused() throws {
        let (_, path) = try Support.freshStore()
        try Support.sql(path, "UPDATE schema_migrations SET name = '003-cash-desk-experimental' WHERE name = '003-cash-desk'")
        let refused = StoreRefusal.foreignMigrations(
            recorded: Self.names.map { $0 == "003-cash-desk" ? "003-cash-desk-experimental" : $0 },
            known: Self.names)
        #expect(throws: refused) { try Support.open(path) }
    }

    @Test func aRecordThatDisagreesWithTheVersionIsRefused() throws {
        let (_, path) = try Support.freshStore()
        try Support.sql(path, "DELETE FROM schema_migrations WHERE name = '\(Self.names.last!)'")
        #expect(throws: StoreRefusal.migrationRecordDisagrees(recorded: Self.names.count - 1, version: Self.names.count)) { try Support.open(path) }
    }

    @Test func anotherProgramsDatabaseIsRefusedUntouched() throws {
        let path = Support.temporaryDirectory() + "/contacts.db"
        try Support.sql(path, "CREATE TABLE contacts (name TEXT)")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreRefusal.notAWorkshopDatabase(path: path)) { try Support.open(path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "not a byte changed, not even its journal mode")
    }

    @Test func aFileThatIsNotADatabaseIsRefusedWithSQLitesReason() throws {
        let path = Support.temporaryDirectory() + "/notes.db"
        try String(repeating: "not a database ", count: 100).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: StoreRefusal.unreadable(reason: "file is not a database")) { try Support.open(path) }
    }

    @Test func anOlderDatabaseHasItsMigrationsRecordedFromItsVersion() throws {
        let path = try Support.copyOfFixture(3)
        #expect(try Support.scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'") == 0)
        _ = try Support.open(path)
        #expect(try Self.recorded(path) == Self.names)
        #expect(try Support.scalar(path, "PRAGMA user_version") == Self.names.count)
    }

    @Test func theFrozenTriggerListIsWhatTheMigrationsCreateWordForWord() throws {
        let (_, path) = try Support.freshStore()
        let triggers = try Database(path: path, readOnly: true).rows("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'") {
            "\($0.string("name")): \($0.string("sql"))"
        }
        #expect(Set(triggers) == Set(Schema.safeguardTriggers.map { "\($0.name): \($0.sql)" }))
    }

    /// The open statuses are frozen in migration 002's partial indexes (one open order per car, one
    /// key per hook): the model's open statuses are exactly those, and a later status (void) is not open.
    @Test func theOpenStatusesAreTheOnesThePartialIndexesList() throws {
        let (_, path) = try Support.freshStore()
        let indexed = try Database(path: path, readOnly: true).rows("SELECT sql FROM sqlite_master WHERE name = 'orders_one_open_per_vehicle'") {
            $0.string("sql")
        }
        #expect(indexed.first?.hasSuffix("WHERE status IN \(Schema.openStatuses)") == true, "\(indexed)")
        #expect(Schema.openStatuses == "(" + OrderStatus.openCodes.map { "'\($0)'" }.joined(separator: ",") + ")")
        #expect(!OrderStatus.openCodes.contains(OrderStatus.void.code))
    }
}
