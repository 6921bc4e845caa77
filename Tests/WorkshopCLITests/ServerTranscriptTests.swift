import Foundation
import Testing

/// The golden transcripts again, with the shop on a PostgreSQL server (`--db postgresql://…`):
/// every command must print what it prints on a SQLite file, word for word, and the record must
/// verify. Each script gets a schema of its own on the test server (WORKSHOP_TEST_POSTGRES, which
/// `make test` starts); without a server the suite is skipped, unless WORKSHOP_REQUIRE_POSTGRES=1.
@Suite("Golden transcripts on a PostgreSQL server", .enabled(if: TestServer.enabled))
struct ServerTranscriptTests {
    @Test("transcript on a server matches its reviewed output", arguments: TranscriptTests.scripts)
    func transcript(name: String) throws {
        let schema = try ServerSchema()
        defer { schema.drop() }
        var shop = Workshop(database: schema.uri)
        shop.language = nil
        let result = try shop.run([Workshop.transcripts + "/\(name).ws"])
        let actual = TranscriptTests.masked("# stdout\n\(result.stdout)# stderr\n\(result.stderr)# exit \(result.status)\n")
        let expected = try String(contentsOfFile: Workshop.transcripts + "/\(name).expected", encoding: .utf8)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = zip(actualLines, expectedLines).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
            ?? (actualLines.count != expectedLines.count ? min(actualLines.count, expectedLines.count) : nil) {
            Issue.record("""
                \(name).ws on a server differs from \(name).expected at line \(first + 1):
                expected: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")
                actual:   \(first < actualLines.count ? String(actualLines[first]) : "<end>")
                """)
        }
        var manager = Workshop(database: schema.uri)
        manager.now = nil
        let verify = try manager.command("verify")
        #expect(verify.status == 0, "verify on the server: \(verify.stdout)\(verify.stderr)")
        // It does not claim SQLite's file checks, which a server has no counterpart of.
        #expect(verify.stdout.contains("verified:") && !verify.stdout.contains("the database is intact"), "\(verify.stdout)")
    }
}
