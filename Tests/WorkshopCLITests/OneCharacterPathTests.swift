import Foundation
import Testing

/// Any path of one character — `--db a`, `WORKSHOP_DB=x`, `backup a`, `export a`, `out=a`, a script
/// named `s` — is handled: used, or refused in words. It used to stop the program (Foundation's
/// NSString.deletingLastPathComponent traps on a one-character path).
@Suite("One-character paths")
struct OneCharacterPathTests {
    @Test func noOneCharacterPathCrashes() throws {
        let folder = Workshop.temporaryDirectory()
        let setup = Workshop(database: folder + "/a")
        #expect(try setup.script("source \(ReceptionTests.fixture)\ncheckin 京A12345 odometer=45210 fuel=1/2 complaint=\"刹车异响\"").status == 0)
        try "source t\n".write(toFile: folder + "/s", atomically: false, encoding: .utf8)
        try "customer list\n".write(toFile: folder + "/t", atomically: false, encoding: .utf8)
        let signIn = ["--user", "王芳", "--now", "2026-11-22 09:00", "--language", "en"]
        let environment = ["WORKSHOP_PIN": "1234"]
        let cases: [(arguments: [String], environment: [String: String], status: Int32, says: String)] = [
            (["--db", "a", "-c", "ro list"], [:], 0, "RO1"),
            (["-c", "ro list"], ["WORKSHOP_DB": "a"], 0, "RO1"),
            (["-c", "customer list"], ["WORKSHOP_DB": "x"], 0, "no customers"),
            (["--db", "a", "-c", "backup b"], [:], 0, "backed up to b"),
            (["--db", "a", "-c", "export e"], [:], 0, "exported"),
            (["--db", "a", "-c", "print RO1 jobcard out=o"], [:], 1, "out=o: the file name must end in .pdf"),
            (["--db", "a", "-c", "print RO1 jobcard out=."], [:], 0, "wrote ./RO1-jobcard.pdf"),
            (["--db", "a", "-c", "report month 2026-11 format=html out=r"], [:], 1, "must end in .html"),
            (["--db", "a", "-c", "backup ."], [:], 1, ". is a folder"),
            (["--db", "a", "-c", "backup /"], [:], 1, "/ is a folder"),
            (["--db", "a", "-c", "source q"], [:], 1, "cannot read q"),
            (["--db", "a", "s"], [:], 0, "张伟"),
            (["--db", "", "-c", "ro list"], [:], 2, "--db needs a value"),
        ]
        for (arguments, extra, status, says) in cases {
            let result = try FileChecks.runBare(signIn + arguments, environment: environment.merging(extra) { $1 }, in: folder)
            #expect(result.status == status, "\(arguments) \(extra): \(result.status) \(result.stderr)")
            #expect((result.stdout + result.stderr).contains(says), "\(arguments) \(extra): \(result.stdout) \(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: folder + "/RO1-jobcard.pdf") && FileManager.default.fileExists(atPath: folder + "/e/README.txt"))
    }
}
