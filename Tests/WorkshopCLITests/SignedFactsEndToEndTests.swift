import Foundation
import Testing

/// What the insider tester found, through the binary: the signed checklist lowered by adding an item
/// again, a damage note deleted after signature, the complaint rewritten, a private customer's car
/// leaving on account — each refused in words, changing nothing, or counted up as it should be.
@Suite("Signed facts through the binary")
struct SignedFactsEndToEndTests {
    static let signedOrder = DeskDetailsTests.fixture + """
        staff add 周静 role=cashier pin=1234
        checkin 粤BD12345 odometer=45210 battery=60 complaint="刹车异响"
        damage RO1 "左前门划痕约10cm"
        belongings RO1 add 备胎 脚垫x4
        estimate RO1 labor BRK-01
        promise RO1 2026-11-22 17:00
        approve RO1 signed=张伟
        """

    /// The same shop with `name` signed in, on the system's clock (only the manager sets the clock).
    static func signedIn(_ shop: Workshop, as name: String) -> Workshop {
        var other = shop
        other.user = name
        other.now = nil
        return other
    }

    @Test func addingAnItemAgainCountsItUpAndSaysSo() throws {
        let shop = Workshop()
        #expect(try shop.script(Self.signedOrder).status == 0)
        let added = try shop.inShopLanguage.command("belongings RO1 add 脚垫x1")
        #expect(added.stdout.contains("RO1 随车物品：脚垫（现共 脚垫×5）"), "\(added.stdout)")
        #expect(try shop.command("belongings RO1 list").stdout.contains("5"))
    }

    @Test func whatTheCustomerSignedIsNotRewrittenAndARefusalChangesNothing() throws {
        let shop = Workshop()
        #expect(try shop.script(Self.signedOrder).status == 0)
        let before = try shop.fingerprint()
        let damage = try shop.inShopLanguage.command("damage RO1 remove 1")
        #expect(damage.stderr.contains("外观检查记录已经客户签字，不能删除第 1 条"), "\(damage.stderr)")
        let complaint = try shop.inShopLanguage.command("ro set RO1 complaint=改了")
        #expect(complaint.stderr.contains("故障描述是客户签字的内容，签字后不能改写"), "\(complaint.stderr)")
        #expect(try shop.fingerprint() == before)
        // A technician may note damage found in the workshop, marked as noted after signing; not remove any.
        let technician = Self.signedIn(shop, as: "赵师傅")
        #expect(try technician.command("damage RO1 remove 1").status != 0)
        #expect(try shop.fingerprint() == before)
        #expect(try technician.command("damage RO1 \"后保险杠凹陷\"").status == 0)
        #expect(try shop.command("ro show RO1").stdout.contains("noted after signing by 赵师傅"))
    }

    @Test func aPrivateCustomersCarLeavesOnAccountOnlyWithAManager() throws {
        let shop = Workshop()
        #expect(try shop.script(Self.signedOrder + "\n" + """
            dispatch RO1 group=机修一组
            complete RO1
            """).status == 0)
        let before = try shop.fingerprint()
        let refused = try Self.signedIn(shop, as: "周静").inShopLanguage.command("pay RO1 amount=144 method=account")
        #expect(refused.stderr.contains("是个人客户：挂账（车先交、款后付）须经理批准"), "\(refused.stderr)")
        #expect(try shop.fingerprint() == before)
        #expect(try shop.command("pay RO1 amount=144 method=account").status == 0)           // 王芳, the shop's manager
        #expect(try DeskDetailsTests.lastDetail(shop, "payment.add").contains("\"authorized_by\":\"王芳\""))
    }
}
