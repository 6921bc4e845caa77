import Foundation
import Postgres
import SQLite
@testable import WorkshopStore
import WorkshopModel

/// A shop's database on each backend, as a new shop gets it.
enum ShopSchemas {
    /// A new shop's file as Workshop makes it on SQLite (opening the store migrates it to the end),
    /// then opened again bare, as someone with the sqlite3 tool would, foreign keys enforced as the
    /// store enforces them.
    static func withSQLiteShop(_ body: (SQLite.Database) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "workshop-shop-schema-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/shop.db"
        do {
            _ = try Store(path: path, context: ChangeContext(actor: "测试", command: "test", now: Timestamp(seconds: 1_795_400_000)))
        }
        let db = try SQLite.Database(path: path)
        try db.execute("PRAGMA foreign_keys = ON")
        try body(db)
    }

    /// The PostgreSQL schema as a new server database gets it, through the migrator, on the
    /// connection's current schema.
    static func applyPostgresSchema(_ db: Connection) throws {
        try PostgresMigrator.migrate(db, now: Timestamp(seconds: 1_795_400_000))
    }
}
