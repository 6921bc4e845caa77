import Foundation
import Testing

/// A chain of shops through the built binary (issue 17): sites added by a manager with their own
/// 企业编码, staff placed at a site, the session working at the signed-in person's site.
@Suite("A chain's sites")
struct ChainSitesTests {
    /// The small shop of the transcripts (顺达汽修, the home site), with a second site 深圳南山店 and
    /// its advisor 李娜 (PIN 1234).
    func chain() throws -> Workshop {
        let shop = Workshop()
        let result = try shop.script("""
            source \(Workshop.transcripts)/shop-fixture.ws
            site add 深圳南山店 code=4403000002 address="南山区科技园路 8 号"
            staff add 李娜 role=advisor pin=1234 site=深圳南山店
            """)
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    func json(_ result: Workshop.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test func aManagerAddsASiteAndEachPersonWorksAtTheirs() throws {
        let shop = try chain()
        let sites = try json(try shop.command("site list", json: true))["sites"] as? [[String: Any]] ?? []
        #expect(sites.map { $0["name"] as? String } == ["顺达汽修", "深圳南山店"])
        #expect(sites.map { $0["home"] as? Bool } == [true, false])
        #expect(sites.map { $0["code"] as? String } == ["", "4403000002"])
        #expect(sites.map { $0["current"] as? Bool } == [true, false], "王芳 works at the home site")
        var lina = shop
        lina.user = "李娜"
        lina.now = nil
        let hers = try json(try lina.command("site list", json: true))["sites"] as? [[String: Any]] ?? []
        #expect(hers.map { $0["current"] as? Bool } == [false, true], "李娜's session is 深圳南山店's")
        let staff = try shop.command("staff")
        #expect(staff.stdout.contains("李娜") && staff.stdout.contains("深圳南山店"), "\(staff.stdout)")
        // Moved back: 李娜 works at the home site.
        #expect(try shop.command("staff move 李娜 site=顺达汽修").status == 0)
        #expect(try shop.count("SELECT count(*) FROM staff WHERE site_id IS NOT NULL") == 0, "the home site is NULL, as before sites")
    }

    @Test func aSiteRefusedChangesNothing() throws {
        let shop = try chain()
        let before = try shop.fingerprint()
        let refusals: [(user: String, line: String, says: String)] = [
            ("王芳", "site add 深圳南山店 code=4403000003", "a site is already called '深圳南山店'"),
            ("王芳", "site add 福田店 code=4403000002", "company code 4403000002 is already 深圳南山店's"),
            ("王芳", "site add 福田店 code=44", "'44' is not a company code"),
            ("王芳", "site add 全部 code=4403000009", "'全部' means every site"),
            ("王芳", "staff move 李娜 site=福田店", "no site is called '福田店'; there are: 顺达汽修, 深圳南山店"),
            ("李娜", "site add 福田店 code=4403000009", "manager"),
        ]
        for (user, line, says) in refusals {
            var person = shop
            person.user = user
            if user != "王芳" { person.now = nil }
            let result = try person.command(line)
            #expect(result.status != 0, "\(line) was accepted")
            #expect(result.stderr.contains(says), "\(line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before)
    }

    @Test func aShopWithOneSiteNeverReadsTheWord() throws {
        let shop = Workshop()
        #expect(try shop.script("source \(Workshop.transcripts)/shop-fixture.ws\nstaff add 李娜 role=advisor pin=1234").status == 0)
        let staff = try shop.command("staff")
        #expect(!staff.stdout.contains("Site") && !staff.stdout.contains("顺达汽修"), "\(staff.stdout)")
    }
}
