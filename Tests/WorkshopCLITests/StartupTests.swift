import Foundation
import Testing

/// What a start on a SQLite file loads: not the PostgreSQL client library and its dozen
/// dependencies (Kerberos, LDAP, TLS), which cost the start-up 6 ms when they were linked in.
@Suite("Start-up")
struct StartupTests {
    @Test func aShopOnAFileDoesNotLoadThePostgreSQLClient() throws {
        var shop = Workshop()
        // glibc's dynamic loader names every library it loads on stderr.
        shop.environment["LD_DEBUG"] = "libs"
        let result = try shop.command("help")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stderr.contains("libsqlite3"), "the loader's trace is there to read")
        #expect(!result.stderr.contains("libpq"), "libpq loaded at start-up")
        #expect(!result.stderr.contains("libkrb5"), "libpq's dependencies loaded at start-up")
    }

    /// A --db in a folder that is not there is a mistyped path: refused in words, nothing made —
    /// neither the folder nor an empty shop whose first person would become its manager.
    @Test func aDatabaseInAFolderThatIsNotThereIsRefusedAndNothingIsMade() throws {
        let missing = Workshop.temporaryDirectory() + "/no-such-folder"
        let shop = Workshop(database: missing + "/shop.db")
        let result = try shop.command("board")
        #expect(result.status != 0)
        #expect(result.stderr.contains("there is no folder \(missing) for \(missing)/shop.db: is the path mistyped?"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing))
        let chinese = try shop.inShopLanguage.command("board")
        #expect(chinese.stderr.contains("没有文件夹 \(missing)"), "\(chinese.stderr)")
    }
}
