import Foundation
import Testing
import JobCards

/// The HTML documents from the real Templates/ folder, against reviewed snapshots in Snapshots/.
/// Re-record after a deliberate change with WORKSHOP_RECORD=1, then review the diff.
@Suite("HTML documents")
struct HTMLTests {
    static let templates = Fixtures.packageRoot + "/Templates"

    @Test("each document matches its reviewed snapshot", arguments: OrderDocuments.Kind.allCases)
    func snapshot(kind: OrderDocuments.Kind) throws {
        let html = try HTMLDocuments(templatesDirectory: HTMLTests.templates).render(Fixtures.document(kind, record: Fixtures.record(released: true)))
        let path = Fixtures.packageRoot + "/Tests/DocumentTests/Snapshots/\(kind.rawValue).html"
        if ProcessInfo.processInfo.environment["WORKSHOP_RECORD"] != nil {
            try html.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html == expected, "\(kind.rawValue).html differs from its snapshot (WORKSHOP_RECORD=1 re-records; review the diff)")
    }

    @Test func theJobCardHasEveryFieldAndEscapesText() throws {
        var record = Fixtures.record()
        record = record.withComplaint("<script>alert('x')</script> 异响")
        let html = try HTMLDocuments(templatesDirectory: HTMLTests.templates).render(Fixtures.document(.jobcard, record: record))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("<script>"))
        for expected in ["进厂维修单", "Repair Order", "RO12", "京A·12345", "LFV2A21K8C3070455", "size: A4;", "counter(page)",
                         "display: table-header-group", "¥860.00", "客户签字 Customer signature"] {
            #expect(html.contains(expected), "missing \(expected)")
        }
    }
}

extension OrderDocuments.Kind: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}
