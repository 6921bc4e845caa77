import Foundation
import SQLite
import WorkshopModel
import WorkshopStore

/// Folders, fixtures and stores for the store's tests.
enum Support {
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The databases made by each earlier schema version, and the money each order showed then.
    static let fixtures = packageRoot + "/Tests/Fixtures/schema"

    /// The `workshop` binary SwiftPM built beside the test bundle.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["WORKSHOP_BIN"] { return path }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("workshop").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return packageRoot + "/.build/debug/workshop"
    }()

    /// A fresh, empty folder.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "workshop-store-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static let now = Timestamp(seconds: 1_795_400_000)  // 2026-11-23, after every fixture's history

    static func open(_ path: String) throws -> Store {
        try Store(path: path, context: ChangeContext(actor: "测试", command: "test", now: now))
    }

    /// A new, empty shop database, migrated.
    static func freshStore() throws -> (store: Store, path: String) {
        let path = temporaryDirectory() + "/shop.db"
        return (try open(path), path)
    }

    /// A copy of `schema-vN.db` in a folder of its own: fixtures are never opened in place (opening
    /// migrates, and WAL mode writes beside the file).
    static func copyOfFixture(_ version: Int) throws -> String {
        let path = temporaryDirectory() + "/schema-v\(version).db"
        try FileManager.default.copyItem(atPath: fixtures + "/schema-v\(version).db", toPath: path)
        return path
    }

    static func expected(_ version: Int) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixtures + "/schema-v\(version).expected.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// The schema as SQLite records it, without the page numbers: what a database is, however it got there.
    static func schema(_ path: String) throws -> [String] {
        try Database(path: path, readOnly: true).rows("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name") {
            [$0.string("type"), $0.string("name"), $0.string("tbl_name"), $0.string("sql")].joined(separator: " | ")
        }
    }

    /// Runs raw SQL on the file, as someone with the sqlite3 tool would.
    static func sql(_ path: String, _ text: String) throws {
        try Database(path: path).execute(text)
    }

    static func scalar(_ path: String, _ text: String) throws -> Int? {
        try Database(path: path, readOnly: true).scalar(text)
    }
}
