import Foundation
import Testing

/// Golden transcripts: each `Transcripts/NAME.ws` runs through the built binary with a fixed clock,
/// and what it prints (stdout, stderr, exit status) must match the reviewed `NAME.expected`.
/// Re-record after a deliberate change with WORKSHOP_RECORD=1 swift test, then review the diff.
@Suite("Golden transcripts")
struct TranscriptTests {
    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Workshop.transcripts)) ?? []
        return names.filter { $0.hasSuffix(".ws") && !$0.contains("fixture") }.map { String($0.dropLast(3)) }.sorted()
    }()

    @Test("transcript matches its reviewed output", arguments: scripts)
    func transcript(name: String) throws {
        var shop = Workshop()
        shop.language = nil
        let result = try shop.run([Workshop.transcripts + "/\(name).ws"])
        let actual = Self.masked("# stdout\n\(result.stdout)# stderr\n\(result.stderr)# exit \(result.status)\n")
        let expectedPath = Workshop.transcripts + "/\(name).expected"
        if ProcessInfo.processInfo.environment["WORKSHOP_RECORD"] != nil {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            Issue.record("""
                \(name).ws differs from \(name).expected at line \(first + 1):
                expected: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")
                actual:   \(first < actualLines.count ? String(actualLines[first]) : "<end>")
                (WORKSHOP_RECORD=1 swift test re-records; review the diff)
                """)
        }
    }

    /// What the real clock decides, not the script: the real time a late entry (补录) was typed and a
    /// chain head's hash (which covers it). The transcripts run at a fixed claimed time, so each of
    /// their entries is a late entry typed whenever the test runs.
    static func masked(_ text: String) -> String {
        text.replacingOccurrences(of: #"(实际录入|entered) \d{4}-\d{2}-\d{2} \d{2}:\d{2}"#, with: "$1 <real time>", options: .regularExpression)
            .replacingOccurrences(of: #"[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"#, with: "<hash>", options: .regularExpression)
    }
}
