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
}
