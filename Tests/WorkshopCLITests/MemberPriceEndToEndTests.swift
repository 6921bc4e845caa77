import Foundation
import Testing

/// Member prices through the binary: the manager sets a tier, the desk makes a customer a member,
/// the advisor's estimate lines come at the member price with no manager needed, a price below the
/// member price beyond the limit and a line reduction stacked with a discount are refused (changing
/// nothing), a tier changed later leaves the lines priced, and the invoice totals what was signed.
@Suite("Member prices, end to end")
struct MemberPriceEndToEndTests {
    func json(_ result: Workshop.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    func fen(_ value: Any?) -> Int? { (value as? [String: Any])?["fen"] as? Int }

    /// `user` on the system's clock (only the manager 王芳 sets it), no sign-off PIN given.
    func signedIn(_ shop: Workshop, as user: String) -> Workshop {
        var other = shop
        other.user = user
        other.now = nil
        other.environment["WORKSHOP_SIGNER_PIN"] = nil
        return other
    }

    /// 金卡 (labour 10%, parts 5%) set by the manager; 张伟 (C1) a 金卡 member; RO1 checked in for his car.
    func shop() throws -> Workshop {
        let shop = Workshop()
        let result = try shop.script(FloorTests.fixtures + """
            staff add 刘敏 role=advisor pin=1234
            staff add 周静 role=cashier pin=1234
            member tier 金卡 labor=10% parts=5%
            member set 13800138000 tier=金卡
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响"
            """)
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    @Test func aMembersEstimateIsAtTheMemberPriceAndTheInvoiceTotalsIt() throws {
        let shop = try shop()
        let advisor = signedIn(shop, as: "刘敏")
        // The labour rate 120.00 at 10% off: 108.00 an hour; the pads' 420.00 at 5% off: 399.00.
        let labour = try advisor.command("estimate RO1 labor BRK-01")
        #expect(labour.status == 0, "\(labour.stderr)")
        #expect(labour.stdout.contains("1.2 h × 108.00 = 129.60") && labour.stdout.contains("member price (金卡): regular 120.00, saving 14.40"),
                "\(labour.stdout)")
        let pads = try advisor.command("estimate RO1 part 5QD698151 qty=1")
        #expect(pads.stdout.contains("1 × 399.00 = 399.00   estimate 528.60"), "\(pads.stdout)\(pads.stderr)")

        // Refused, each changing nothing: an advisor below the member price beyond 5%, the advisor or a
        // technician setting tiers or members, an unknown tier.
        let technician = signedIn(shop, as: "赵师傅")
        let before = try shop.fingerprint()
        let refused: [(Workshop, String, String)] = [
            (advisor, "estimate RO1 part 5QD698151 qty=1 price=370", "is below the 金卡 member price of 399.00 by more than 5%"),
            (advisor, "member tier 金卡 labor=50%", "member tier needs the role manager"),
            (technician, "member set 13800138000 tier=none", "member set needs the role"),
            (advisor, "member set 13912345678 tier=钻石卡", "no member tier '钻石卡'; the shop's tiers: 金卡"),
            (advisor, "member set 13800138000 tier=金卡", "C1 张伟 is already a 金卡 member"),
            (shop, "member tier none labor=5%", "'none' means no membership"),
            (shop, "member tier 金卡 labor=100%", "labor=100% is too much"),
        ]
        for (who, line, says) in refused {
            let result = try who.command(line)
            #expect(result.status != 0, "\(line)")
            #expect(result.stderr.contains(says), "\(line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before, "a refusal changes nothing")

        // Brake fluid typed at 80.00 against the member price 83.60 (88.00 less 5%): within the limit.
        #expect(try advisor.command("estimate RO1 part BF-DOT4-1L qty=1 price=80").status == 0)
        // The shop changes 金卡 to 20% off labour: the lines already priced keep their price.
        #expect(try shop.command("member tier 金卡 labor=20%").stdout.contains("tier 金卡 changed: labour 20% off, parts 5% off"))
        let order = try json(try shop.command("ro show RO1", json: true))
        let lines = order["lines"] as? [[String: Any]] ?? []
        #expect(fen(lines.first?["rate"]) == 10_800 && lines.first?["member_tier"] as? String == "金卡" && fen(lines.first?["regular_price"]) == 12_000,
                "\(lines)")
        let shown = try shop.command("ro show RO1")
        // The saving is the lines' own; 金卡's rates are no longer those the labour was priced at.
        #expect(shown.stdout.contains("member prices, 金卡; saving 35.40 in all"), "\(shown.stdout)")

        let signed = try advisor.script("promise RO1 明天 17:00\napprove RO1 signed=张伟")
        #expect(signed.stdout.contains("total 608.60"), "\(signed.stdout)\(signed.stderr)")
        // 3.60 below the member price on line 3 and 5% off the order: together beyond 5%, named both.
        let discountBefore = try shop.fingerprint()
        let stacked = try advisor.command("discount RO1 percent=5")
        #expect(stacked.status != 0)
        #expect(stacked.stderr.contains("line 3 below list (member list) by 3.60 in all, and the order discount of 30.43: 34.03 together, 5.56% of the order's 612.20 at list, more than 5%"),
                "\(stacked.stderr)")
        #expect(try shop.fingerprint() == discountBefore, "a refusal changes nothing")
        #expect(try advisor.command("discount RO1 amount=10").stdout.contains("RO1 discount 10.00; total now 598.60"))

        let paid = try signedIn(shop, as: "周静").command("pay RO1 amount=598.60 method=wechat")
        #expect(paid.stdout.contains("balance 0.00"), "\(paid.stdout)\(paid.stderr)")
        let invoice = try json(try shop.command("invoice RO1", json: true))
        #expect(fen(invoice["total"]) == 59_860 && fen(invoice["labor"]) == 12_960 && fen(invoice["parts"]) == 47_900, "\(invoice)")
        #expect(try shop.command("invoice RO1").stdout.contains("member prices, 金卡; saving 35.40 in all"))
    }

    @Test func theDeskListsMembersAndEndsAMembership() throws {
        let shop = try shop()
        let cashier = signedIn(shop, as: "周静")
        // 金卡 gives 10% on labour, above the advisor's 5% limit: the cashier needs the manager.
        let before = try shop.fingerprint()
        let refused = try cashier.inShopLanguage.command("member set 13912345678 tier=金卡")
        #expect(refused.stderr.contains("金卡 会员优惠（工时 10%、配件 5%）超过服务顾问的优惠权限 5%：设为该等级会员须经理批准"), "\(refused.stderr)")
        #expect(try shop.fingerprint() == before)
        var countersigned = cashier
        countersigned.environment["WORKSHOP_SIGNER_PIN"] = "1234"
        #expect(try countersigned.command("member set 13912345678 tier=金卡 authorized=王芳").status == 0)
        #expect(try DeskDetailsTests.lastDetail(shop, "member.set").contains("\"authorized_by\":\"王芳\""))
        let listed = try shop.command("member list").stdout
        #expect(listed.contains("张伟") && listed.contains("李娜"), "\(listed)")
        #expect(try shop.command("customer show 13800138000").stdout.contains("金卡 (labour 10% off, parts 5% off)"))
        let ended = try cashier.command("member set 13800138000 tier=none")
        #expect(ended.stdout.contains("C1 张伟 is no longer a member (was 金卡)"), "\(ended.stdout)\(ended.stderr)")
        // Not a member now: the pads at their list price.
        #expect(try shop.command("estimate RO1 part 5QD698151 qty=1").stdout.contains("1 × 420.00 = 420.00"))
        let tiers = try shop.command("member tiers").stdout
        #expect(tiers.contains("金卡") && tiers.contains("10%") && tiers.contains("王芳"), "\(tiers)")
    }

    @Test func thePapersShowTheMemberPriceAndTheSaving() throws {
        let shop = try shop()
        #expect(try shop.script("estimate RO1 labor BRK-01\nestimate RO1 part 5QD698151 qty=1").status == 0)
        let path = Workshop.temporaryDirectory() + "/estimate.html"
        let printed = try shop.inShopLanguage.command("print RO1 estimate format=html out=\(path)")
        #expect(printed.status == 0, "\(printed.stderr)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("会员优惠 金卡：工时 9 折，配件 95 折，共优惠 35.40（第 1 项原价 120.00，第 2 项原价 420.00）"), "\(html)")
        #expect(html.contains("前刹车片（套）（会员价）"))
    }
}
