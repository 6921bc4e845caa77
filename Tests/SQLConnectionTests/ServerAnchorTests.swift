import Foundation
import SafeFiles
import Testing
@testable import WorkshopStore
import WorkshopModel

/// A store opened on a server by a program of its own (no CLI around it) keeps its anchor, this
/// machine's witness of the chain's end, in the folder it is given: a write leaves it there, and
/// verify finds the chain's end where the anchor says.
@Suite("PostgreSQL: the anchor of a store opened without the CLI",
       .enabled(if: Backends.postgresEnabled, "no PostgreSQL server: WORKSHOP_TEST_POSTGRES is unset (make test starts one)"))
struct ServerAnchorTests {
    static let context = ChangeContext(actor: "测试", command: "test", now: Timestamp(seconds: 1_795_400_000))

    @Test func aWriteLeavesTheAnchorInTheFolderGiven() throws {
        try Backends.withPostgres { schema in
            let folder = NSTemporaryDirectory() + "workshop-anchor-test-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let uri = schema.uri + (schema.uri.contains("?") ? "&" : "?") + "options=-csearch_path%3D" + schema.name
            let store = try Store(server: uri, anchorFolder: folder, context: Self.context)
            #expect(store.anchorPath == folder + "/" + PathText.safeFileName(uri) + ".anchor")
            _ = try store.write { try store.addCustomer(name: "张三", phone: "13800000001", company: nil, address: nil) }
            #expect(store.anchorFailure == nil, "\(store.anchorFailure ?? "")")
            #expect(FileManager.default.fileExists(atPath: store.anchorPath))
            // Another desk on this machine finds it, and the record's end agrees with it.
            let other = try Store(server: uri, anchorFolder: folder, context: Self.context)
            let report = try other.read { try other.verifyRecord() }
            #expect(report.problems == [])
            #expect(report.notes.contains { if case .anchorAgrees(let path, _) = $0 { return path == store.anchorPath } else { return false } },
                    "\(report.notes)")
        }
    }
}
