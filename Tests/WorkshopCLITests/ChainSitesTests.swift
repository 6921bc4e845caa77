import FakePlatform
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
            ("王芳", "site add 总店 code=4403000009", "'总店' names the home site (顺达汽修) and cannot name another"),
            ("王芳", "site add home code=4403000009", "'home' names the home site (顺达汽修)"),
            ("王芳", "site add 顺达汽修（总店） code=4403000009", "'顺达汽修（总店）' names the home site (顺达汽修)"),
            ("王芳", "site add 顺达汽修 code=4403000009", "a site is already called '顺达汽修'"),
            ("王芳", "site set 深圳南山店 name=Home", "'Home' names the home site (顺达汽修)"),
            ("王芳", "staff move 李娜 site=福田店", "no site is called '福田店'; there are: 顺达汽修, 深圳南山店"),
            ("王芳", "shop set phone=0755-88888888 name=深圳南山店", "a site is already called '深圳南山店'"),
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
        let zh = try shop.inShopLanguage.command("site add 总店 code=4403000009")
        #expect(zh.stderr.contains("“总店”指总店 顺达汽修，不能作其他门店的名称"), "\(zh.stderr)")
        #expect(try shop.fingerprint() == before)
        // So site=总店 still means the home site.
        #expect(try shop.command("staff move 李娜 site=总店").status == 0)
        #expect(try shop.count("SELECT count(*) FROM staff WHERE name = '李娜' AND site_id IS NULL") == 1)
    }

    @Test func aShopWithOneSiteNeverReadsTheWord() throws {
        let shop = Workshop()
        #expect(try shop.script("source \(Workshop.transcripts)/shop-fixture.ws\nstaff add 李娜 role=advisor pin=1234").status == 0)
        let staff = try shop.command("staff")
        #expect(!staff.stdout.contains("Site") && !staff.stdout.contains("顺达汽修"), "\(staff.stdout)")
        let history = try shop.command("history 京A12345")
        #expect(history.status == 0 && !history.stdout.contains("Site") && !history.stdout.contains("顺达汽修"), "\(history.stdout)")
        #expect(!(try shop.command("history 京A12345", json: true)).stdout.contains("\"site\""))
    }

    /// The home site (顺达汽修) services 京A12345 (RO1, released with its warranty) and has 粤BD12345 in
    /// (RO2); then the chain adds 深圳南山店 with its advisor 李娜.
    func chainWithHistory(_ shop: Workshop = Workshop()) throws -> Workshop {
        let result = try shop.script(FloorTests.fixtures + """
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="二级维护" category=level2
            estimate RO1 labor BRK-01
            estimate RO1 part 5QD698151 qty=1
            promise RO1 2026-11-22 17:00
            approve RO1 signed=张伟
            dispatch RO1 group=机修一组 bay=1号工位
            inspect RO1 pre pass by=孙检 rest=pass
            inspect RO1 process pass by=孙检 rest=pass
            complete RO1
            inspect RO1 final pass by=孙检 rest=pass
            pay RO1 amount=564 method=card
            release RO1 signed=张伟 oldparts=returned print=no
            checkin 粤BD12345 odometer=100 battery=90 complaint="异响"
            site add 深圳南山店 code=4403000002 address="南山区科技园路 8 号"
            staff add 李娜 role=advisor pin=1234 site=深圳南山店
            """)
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    /// Another site's order is read, never worked on: its estimate, promise, discount, payment,
    /// belongings, follow-up and release are refused with its site named, and change nothing; a
    /// work group of another site is not dispatched to; each site's follow-up list is its own.
    @Test func anotherSitesOrderIsReadNotWorkedOn() throws {
        let shop = try chainWithHistory()
        _ = try shop.script("""
            staff add 吴收银 role=cashier pin=1234 site=深圳南山店
            staff add 南山经理 role=manager pin=1234 site=深圳南山店
            belongings RO2 add 备胎
            estimate RO2 labor BRK-01
            promise RO2 2026-11-23 17:00
            approve RO2 signed=李娜
            """)
        let before = try shop.fingerprint()
        let refusals: [(user: String, line: String)] = [
            ("李娜", "estimate RO2 labor BRK-01"), ("李娜", "promise RO2 2026-11-28 16:00"), ("李娜", "discount RO2 percent=3"),
            ("南山经理", "dispatch RO2 group=机修一组"), ("吴收银", "pay RO2 amount=50 method=cash"),
            ("吴收银", "belongings RO2 return all"), ("李娜", "followup RO1 done result=满意 satisfaction=5"),
        ]
        for (user, line) in refusals {
            var person = shop
            person.user = user
            person.now = nil
            let refused = try person.command(line)
            #expect(refused.status == 1, "\(user): \(line) was not refused")
            #expect(refused.stderr.contains("is 顺达汽修's order"), "\(user): \(line): \(refused.stderr)")
            #expect(try shop.fingerprint() == before, "\(user): \(line) changed the record")
        }
        var lina = shop
        lina.user = "李娜"
        lina.now = nil
        #expect(try lina.command("ro show RO2").status == 0, "another site's order is read")
        // 南山店's own car: its manager dispatches it to its own group only.
        let atB = try lina.script("""
            checkin 京A12345 odometer=46000 fuel=1/2 complaint=异响
            estimate 京A12345 labor BRK-01
            promise 京A12345 2026-12-30 17:00
            approve 京A12345 signed=张伟
            """)
        #expect(atB.status == 0, "\(atB.stderr)")
        var manager = shop
        manager.user = "南山经理"
        manager.now = nil
        let other = try manager.command("dispatch 京A12345 group=机修一组")
        #expect(other.status == 1 && other.stderr.contains("机修一组"), "\(other.stderr)")
        // The follow-up of RO1 (the home site's release) is the home site's to make.
        #expect(!(try lina.command("followup list").stdout.contains("RO1")))
        #expect(try shop.command("followup list").stdout.contains("RO1"))
    }

    /// The issue's test: two sites share one vehicle's history. B's advisor checks in the car A
    /// serviced: B sees the whole file (A's order, named as A's, and A's warranty on its lines);
    /// B's work list has B's order only, and A's has A's.
    @Test func twoSitesShareOneVehiclesHistory() throws {
        try sharedHistory(try chainWithHistory(), onFile: true)
    }

    /// The same on a PostgreSQL server (every site statement runs there), whose record then verifies.
    @Test(.enabled(if: TestServer.enabled)) func twoSitesShareOneVehiclesHistoryOnAServer() throws {
        let schema = try ServerSchema()
        defer { schema.drop() }
        try sharedHistory(try chainWithHistory(Workshop(database: schema.uri)), onFile: false)
        var manager = Workshop(database: schema.uri)
        manager.now = nil
        let verify = try manager.command("verify")
        #expect(verify.status == 0, "verify on the server: \(verify.stdout)\(verify.stderr)")
    }

    func sharedHistory(_ chain: Workshop, onFile: Bool) throws {
        var shop = chain
        shop.now = "2026-11-29 10:00"
        let checkin = try shop.script("login 李娜\ncheckin 京A12345 odometer=47000 fuel=1/2 complaint=\"刹车异响\"")
        #expect(checkin.status == 0, "\(checkin.stderr)")
        #expect(checkin.stdout.contains("checked in RO3"), "\(checkin.stdout)")
        #expect(checkin.stdout.contains("under warranty (for a comeback: checkin … rework=RO/LINE cause=…): RO1/1 更换前刹车片 until 2026-12-22"),
                "A's warranty is named at B's check-in: \(checkin.stdout)")
        if onFile { #expect(try shop.count("SELECT count(*) FROM orders WHERE id = 3 AND site_id = 2") == 1, "RO3 is 深圳南山店's") }

        let file = try json(try shop.command("vehicle show 京A12345", json: true))
        let orders = file["orders"] as? [[String: Any]] ?? []
        #expect(orders.map { "\($0["order"] ?? "") \($0["site"] ?? "")" } == ["RO3 深圳南山店", "RO1 顺达汽修"])
        let shown = try shop.script("login 李娜\nvehicle show 京A12345").stdout
        #expect(shown.contains("RO1") && shown.contains("RO3"), "B sees the whole history: \(shown)")
        let lines = shown.split(separator: "\n")
        #expect(lines.contains { $0.contains("RO3") && $0.hasSuffix("深圳南山店") }, "\(shown)")
        #expect(lines.contains { $0.contains("RO1") && $0.contains("released") && $0.hasSuffix("顺达汽修") }, "\(shown)")
        #expect(shown.contains("Under warranty (2)"), "\(shown)")
        #expect(try shop.script("login 李娜\nro show RO1").stdout.contains("Site                   顺达汽修"))

        let bList = try shop.script("login 李娜\nro list").stdout
        #expect(bList.contains("RO3") && !bList.contains("RO2") && !bList.contains("RO1"), "B's list: \(bList)")
        let aList = try shop.command("ro list").stdout
        #expect(aList.contains("RO2") && !aList.contains("RO3"), "A's list: \(aList)")
        let aBoard = try shop.command("board").stdout
        #expect(aBoard.contains("粤BD12345") && !aBoard.contains("京A12345"), "A's board: \(aBoard)")
        let bBoard = try shop.script("login 李娜\nboard").stdout
        #expect(bBoard.contains("京A12345") && !bBoard.contains("粤BD12345"), "B's board: \(bBoard)")
        // A booking is the site's that took it: B's list of the day has B's only.
        let booked = try shop.script("login 李娜\nappointment add 粤BD12345 at=\"2026-11-30 10:00\" complaint=保养")
        #expect(booked.status == 0, "\(booked.stderr)")
        #expect(try shop.command("appointment add 京A12345 at=\"2026-11-30 11:00\" complaint=洗车").status == 0)
        let bBookings = try shop.script("login 李娜\nappointment list 2026-11-30").stdout
        #expect(bBookings.contains("粤BD12345") && !bBookings.contains("京A12345"), "B's bookings: \(bBookings)")
        let aBookings = try shop.command("appointment list 2026-11-30").stdout
        #expect(aBookings.contains("京A12345") && !aBookings.contains("粤BD12345"), "A's bookings: \(aBookings)")
        // The customer hears from the site that took the booking: its name and its address.
        let notice = try shop.script("login 李娜\nnotify A1").stdout
        #expect(notice.contains("深圳南山店: Dear 李娜") && notice.contains("Address: 南山区科技园路 8 号."), "\(notice)")
    }

    /// Bays are a site's: B's bay list is B's; a bay name another site has is refused (names are the
    /// chain's), changing nothing; B's dispatch cannot put a car in A's bay.
    @Test func baysBelongToTheirSite() throws {
        let shop = try chainWithHistory()
        _ = try shop.script("login 钱主管\nstaff move 钱主管 site=深圳南山店")
        let before = try shop.fingerprint()
        let taken = try shop.script("login 钱主管\nbay add 1号工位 equipment=lift")
        #expect(taken.stderr.contains("顺达汽修 already has a bay called '1号工位'"), "\(taken.stderr)")
        #expect(try shop.fingerprint() == before)
        #expect(try shop.script("login 钱主管\nbay add 南山1号工位 equipment=lift").status == 0)
        let bBays = try shop.script("login 钱主管\nbay list").stdout
        #expect(bBays.contains("南山1号工位") && !bBays.contains(" 1号工位"), "\(bBays)")
        let aBays = try shop.command("bay list").stdout
        #expect(aBays.contains("1号工位") && !aBays.contains("南山1号工位"), "\(aBays)")
    }

    /// Cash and reports per site: RO1 (home, paid 564.00 by card) and RO3 (深圳南山店, checked in, paid
    /// 96.00 in cash and released there by 钱主管, moved to 深圳南山店). Each site's report is its own;
    /// the whole chain's (`site=all`) is their sum, figure by figure; another site's report is a
    /// manager's.
    @Test func theChainsReportIsTheSumOfItsSites() throws {
        let shop = try releasedAtBothSites()
        func month(_ site: String) throws -> [String: Any] {
            let result = try shop.command("report month 2026-11 site=\(site)", json: true)
            #expect(result.status == 0, "\(result.stderr)")
            return try json(result)
        }
        let home = try month("顺达汽修"), nanshan = try month("深圳南山店"), all = try month("all")
        func fen(_ report: [String: Any], _ key: String) -> Int { (report[key] as? [String: Any])?["fen"] as? Int ?? -1 }
        func count(_ report: [String: Any], _ key: String) -> Int { report[key] as? Int ?? -1 }
        #expect(fen(home, "revenue") == 56_400 && fen(nanshan, "revenue") == 9_600, "each site's own releases")
        #expect(count(home, "orders_opened") == 2 && count(nanshan, "orders_opened") == 1)
        for key in ["revenue", "labor", "parts", "other", "discounts", "estimated", "approved", "payments"] {
            #expect(fen(home, key) + fen(nanshan, key) == fen(all, key), "\(key)")
        }
        for key in ["cars", "orders_opened", "orders_released", "comebacks", "bookings", "complaints_new"] {
            #expect(count(home, key) + count(nanshan, key) == count(all, key), "\(key)")
        }
        // 京A12345 came to both sites (RO1, RO3), 粤BD12345 to the home site (RO2): each site counts
        // the cars it saw, and the chain adds them up, saying so.
        #expect(count(home, "cars") == 2 && count(nanshan, "cars") == 1 && count(all, "cars") == 3)
        func carsLine(_ site: String) throws -> String {
            let text = try shop.inShopLanguage.command("report month 2026-11 site=\(site)").stdout
            return text.split(separator: "\n").first { $0.contains("进厂车辆") }.map { $0.split(separator: " ").joined(separator: " ") } ?? text
        }
        #expect(try carsLine("all") == "进厂车辆（各店合计） 3")
        #expect(try carsLine("深圳南山店") == "进厂车辆 1")
        func net(_ report: [String: Any]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: (report["by_method"] as? [[String: Any]] ?? []).map {
                ($0["method"] as? String ?? "", ($0["net"] as? [String: Any])?["fen"] as? Int ?? 0)
            })
        }
        #expect(net(home) == ["card": 56_400] && net(nanshan) == ["cash": 9_600])
        #expect(net(all) == ["card": 56_400, "cash": 9_600])
        func drawer(_ report: [String: Any]) -> Int { ((report["cash"] as? [String: Any])?["in_drawer"] as? [String: Any])?["fen"] as? Int ?? -1 }
        #expect(drawer(home) == 0 && drawer(nanshan) == 9_600 && drawer(all) == 9_600, "the cash drawer is the site's")
        #expect(home["period"] as? String == "2026-11 · 顺达汽修" && all["period"] as? String == "2026-11 · every site")
        // Printed, a site's month is headed with the site.
        let folder = Workshop.temporaryDirectory()
        #expect(try shop.command("report month 2026-11 site=深圳南山店 format=html out=\(folder)/b.html").status == 0)
        let printed = try String(contentsOfFile: folder + "/b.html", encoding: .utf8)
        #expect(printed.contains("南山区科技园路 8 号") && printed.contains("2026-11 · 深圳南山店") && printed.contains("96.00"), "\(printed)")

        // B's own day, without site=: B's figures; the chain's, or A's, only for a manager.
        let bDay = try shop.script("login 李娜\nreport day")
        #expect(bDay.stdout.contains("Report 2026-11-22 · 深圳南山店") && bDay.stdout.contains("Cash in the drawer  96.00"), "\(bDay.stdout)")
        let refused = try shop.script("login 李娜\nreport month 2026-11 site=all")
        #expect(refused.stderr.contains("another site's report, or every site's, is for a manager (李娜 sees 深圳南山店's own: leave out site=)"),
                "\(refused.stderr)")
        // A shop with one site reads its report as it always has: no site in its title.
        let single = Workshop()
        #expect(try single.script("source \(Workshop.transcripts)/shop-fixture.ws").status == 0)
        #expect(try json(try single.command("report month 2026-11", json: true))["period"] as? String == "2026-11")
    }

    /// A card sold at a site's desk is its money and its card sale; a complaint is its order's
    /// site's, or the site's that registered it. After `releasedAtBothSites`, 王芳 sells 张伟 a
    /// stored-value card (1,000.00 + 100.00 bonus, WeChat) at the home site and registers a complaint
    /// about 粤BD12345 (RO2, the home site's); 钱主管 sells 李娜 one (500.00, WeChat) at 深圳南山店 and
    /// registers one there naming no order's site but his own (a visit about the front desk, RO3's car
    /// 京A12345 taken by its order RO3: 深圳南山店's). Each site's day and month count their own; the
    /// chain's (site=all) is their sum, figure by figure.
    func cardsAndComplaintsAddUp(_ shop: Workshop) throws {
        let sold = try shop.script("""
            card sell 13800138000 type=stored amount=1000 bonus=100 method=wechat
            complaint add RO2 "等待时间太长" channel=visit
            login 钱主管
            card sell 13912345678 type=stored amount=500 method=wechat
            complaint add 京A12345 "前台没有解释收费" channel=phone
            """)
        #expect(sold.status == 0, "\(sold.stderr)")
        for period in ["day 2026-11-22", "month 2026-11"] {
            func report(_ site: String) throws -> [String: Any] {
                let result = try shop.command("report \(period) site=\(site)", json: true)
                #expect(result.status == 0, "\(result.stderr)")
                return try json(result)
            }
            let home = try report("顺达汽修"), nanshan = try report("深圳南山店"), all = try report("all")
            func wechat(_ report: [String: Any]) -> Int {
                let line = (report["by_method"] as? [[String: Any]] ?? []).first { $0["method"] as? String == "wechat" }
                return (line?["net"] as? [String: Any])?["fen"] as? Int ?? 0
            }
            #expect(wechat(home) == 100_000 && wechat(nanshan) == 50_000 && wechat(all) == 150_000, "\(period): each desk's WeChat")
            func cards(_ report: [String: Any], _ key: String) -> Int {
                let value = (report["cards"] as? [String: Any])?[key]
                return (value as? Int) ?? ((value as? [String: Any])?["fen"] as? Int ?? -1)
            }
            #expect(cards(home, "sold") == 1 && cards(nanshan, "sold") == 1 && cards(all, "sold") == 2, "\(period)")
            #expect(cards(home, "sold_paid_in") == 100_000 && cards(nanshan, "sold_paid_in") == 50_000, "\(period)")
            for key in ["sold", "sold_paid_in", "sold_bonus", "consumed_paid_in", "refunded"] {
                #expect(cards(home, key) + cards(nanshan, key) == cards(all, key), "\(period): cards' \(key)")
            }
            func fen(_ report: [String: Any], _ key: String) -> Int { (report[key] as? [String: Any])?["fen"] as? Int ?? -1 }
            #expect(fen(home, "payments") + fen(nanshan, "payments") == fen(all, "payments"), "\(period): payments")
            func count(_ report: [String: Any], _ key: String) -> Int { report[key] as? Int ?? -1 }
            for key in ["complaints_new", "complaints_open"] {
                #expect(count(home, key) == 1 && count(nanshan, key) == 1 && count(all, key) == 2, "\(period): \(key)")
            }
        }
        // The site's cash-up, as 钱主管 reads it: its WeChat line has its card sale.
        let day = try shop.inShopLanguage.script("login 钱主管\nreport day").stdout
        #expect(day.split(separator: "\n").contains { $0.contains("微信") && $0.contains("500.00") }, "\(day)")
        #expect(day.split(separator: "\n").contains { $0.contains("新投诉 / 未结投诉") && $0.hasSuffix("1 / 1") }, "\(day)")
        // Each site's complaint list is its own, and each site handles its own: 王芳 at the home site
        // may read 深圳南山店's complaint, not answer it.
        let listed = try shop.script("login 钱主管\ncomplaint list", options: ["--json"]).stdout.split(separator: "\n").last.map(String.init) ?? ""
        let theirs = ((try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [String: Any])?["complaints"] as? [[String: Any]])?
            .first?["id"] as? Int ?? 0
        let shown = try shop.command("complaint \(theirs)")
        #expect(shown.status == 0, "\(shown.stderr)")
        let answered = try shop.command("complaint \(theirs) verify \"前台未解释\"")
        #expect(answered.status != 0 && answered.stderr.contains("complaint \(theirs) is 深圳南山店's"), "\(answered.stderr)")
        #expect(try shop.command("complaint \(theirs)").stdout == shown.stdout, "the complaint is as it was")
        let homeList = try shop.command("complaint list").stdout
        #expect(homeList.contains("等待时间太长") && !homeList.contains("前台没有解释收费"), "\(homeList)")
        let nanshanList = try shop.script("login 钱主管\ncomplaint list all").stdout
        #expect(nanshanList.contains("前台没有解释收费") && !nanshanList.contains("等待时间太长"), "\(nanshanList)")
        // What the cards hold is the chain's: in its report, not a site's.
        #expect(!day.contains("期末卡内本金"), "\(day)")
        #expect(try shop.inShopLanguage.command("report day site=all").stdout.contains("期末卡内本金"))
    }

    @Test func cardsAndComplaintsAreCountedAtTheirSite() throws {
        try cardsAndComplaintsAddUp(try releasedAtBothSites())
    }

    @Test(.enabled(if: TestServer.enabled)) func cardsAndComplaintsAreCountedAtTheirSiteOnAServer() throws {
        let schema = try ServerSchema()
        defer { schema.drop() }
        try cardsAndComplaintsAddUp(try releasedAtBothSites(Workshop(database: schema.uri)))
    }

    /// Another site's reminder is read, never called, booked or dismissed: by its number it is
    /// refused with its site named; by a plate, only this site's reminders are due. Nothing changes.
    @Test func aSiteNeverCallsAnotherSitesReminder() throws {
        let shop = try releasedAtBothSites()
        #expect(try shop.command("remind set 粤BD12345 kind=inspection due=2026-11-30").status == 0)
        let number = "R\(try shop.count("SELECT max(id) FROM reminders"))"
        let before = try shop.fingerprint()
        let nanshan = signedIn(shop, as: "钱主管")
        let byNumber = try nanshan.command("remind \(number) dismiss reason=不需要")
        #expect(byNumber.status != 0 && byNumber.stderr.contains("\(number) is 顺达汽修's reminder: 顺达汽修 calls, books or dismisses it"),
                "\(byNumber.stderr)")
        #expect(try nanshan.command("remind 粤BD12345 noanswer").status != 0, "no reminder of 深圳南山店's is due for it")
        #expect(try shop.fingerprint() == before)
        #expect(try shop.command("remind \(number) dismiss reason=不需要").status == 0, "the home site's own")
    }

    /// Each site calls its own reminders: after `releasedAtBothSites`, the home site sets one for
    /// 粤BD12345's inspection and 钱主管 one at 深圳南山店 for 京A12345's insurance. Each site's
    /// `remind list due` and board count only its own, and each message is signed with the site's
    /// name and phone.
    @Test func eachSiteCallsItsOwnReminders() throws {
        let shop = try releasedAtBothSites()
        let set = try shop.script("""
            site set 深圳南山店 phone=0755-26000000
            remind set 粤BD12345 kind=inspection due=2026-11-30
            login 钱主管
            remind set 京A12345 kind=insurance due=2026-11-28
            """)
        #expect(set.status == 0, "\(set.stderr)")
        func due(_ user: String) throws -> [[String: Any]] {
            let result = try shop.inShopLanguage.script("login \(user)\nremind list due", options: ["--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
            return (try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])?["reminders"] as? [[String: Any]] ?? []
        }
        let home = try due("王芳"), nanshan = try due("钱主管")
        #expect(home.map { $0["plate"] as? String } == ["粤BD12345"], "\(home)")
        #expect(nanshan.map { $0["plate"] as? String } == ["京A12345"], "\(nanshan)")
        let homeMessage = home.first?["message"] as? String ?? "", nanshanMessage = nanshan.first?["message"] as? String ?? ""
        #expect(homeMessage.hasPrefix("【顺达汽修】") && homeMessage.contains("0755-82345678"), "\(homeMessage)")
        #expect(nanshanMessage.hasPrefix("【深圳南山店】") && nanshanMessage.contains("0755-26000000"), "\(nanshanMessage)")
        for user in ["王芳", "钱主管"] {
            let board = try shop.inShopLanguage.script("login \(user)\nboard").stdout
            #expect(board.contains("到期提醒 1"), "\(user): \(board)")
        }
        // Each site's calls count in its month: 深圳南山店's call got through, the home site's did not.
        let calls = try shop.script("remind 粤BD12345 noanswer\nlogin 钱主管\nremind 京A12345 done result=已续保")
        #expect(calls.status == 0, "\(calls.stderr)")
        func reminders(_ site: String) throws -> [String: Int] {
            (try json(try shop.command("report month 2026-11 site=\(site)", json: true)))["reminders"] as? [String: Int] ?? [:]
        }
        #expect(try reminders("顺达汽修")["called"] == 0 && reminders("顺达汽修")["unanswered_calls"] == 1)
        #expect(try reminders("深圳南山店")["called"] == 1 && reminders("深圳南山店")["unanswered_calls"] == 0)
        #expect(try reminders("all")["called"] == 1 && reminders("all")["unanswered_calls"] == 1)
    }

    /// A part's movements are the session's shelf's, as its 在库 is: 深圳南山店 receives two, and
    /// lists only that; the home site lists its own (its opening stock and RO1's issue), not it.
    @Test func aPartsMovementsAreTheSitesOwn() throws {
        let shop = try releasedAtBothSites()
        #expect(try shop.script("login 钱主管\nparts receive 5QD698151 qty=2").status == 0)
        func movements(_ user: String) throws -> [String] {
            let result = try shop.script("login \(user)\nparts show 5QD698151", options: ["--json"])
            let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
            let shown = (try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])?["movements"] as? [[String: Any]] ?? []
            return shown.map { "\($0["kind"] as? String ?? "") \($0["on_hand"] as? String ?? "")" }
        }
        #expect(try movements("钱主管") == ["receive +2"])
        #expect(try movements("王芳") == ["issue -1", "adjust +6"])
        // A manager may see every site's, each named with its site; an advisor sees their own.
        let all = try shop.inShopLanguage.command("parts show 5QD698151 site=all")
        let rows = all.stdout.split(separator: "\n").filter { $0.contains("收货") || $0.contains("领料") || $0.contains("调整") }
        #expect(rows.count == 3 && rows[0].hasSuffix("深圳南山店") && rows[1].hasSuffix("顺达汽修") && rows[2].hasSuffix("顺达汽修"), "\(all.stdout)")
        #expect(all.stdout.contains("在库 / 预留 / 可用  7 / 0 / 7"), "the chain's shelves together: \(all.stdout)")
        let refused = try shop.script("login 李娜\nparts show 5QD698151 site=all")
        #expect(refused.stderr.contains("another site's stock, or every site's, is for a manager (李娜 sees 深圳南山店's own: leave out site=)"),
                "\(refused.stderr)")
    }

    /// A site's papers name the company that runs it and its own 统一社会信用代码, never the home
    /// company's; `site list` shows them. Without its own code a site's papers carry none. An
    /// empty `site=` says what it takes.
    @Test func aSitesPapersCarryItsOwnCompany() throws {
        let shop = try releasedAtBothSites()
        let folder = Workshop.temporaryDirectory()
        func settlement() throws -> String {
            #expect(try shop.command("print RO3 settlement format=html out=\(folder)/ro3.html").status == 0)
            return try String(contentsOfFile: folder + "/ro3.html", encoding: .utf8)
        }
        #expect(!(try settlement().contains("91440300MA5D8K2Q3N")), "the home company's code is not 深圳南山店's")
        let before = try shop.fingerprint()
        let refused = try shop.command("site set 深圳南山店 credit_code=91440300MA5G8X2K3E")
        #expect(refused.status != 0 && refused.stderr.contains("91440300MA5G8X2K3E"), "\(refused.stderr)")
        #expect(try shop.fingerprint() == before)
        let set = try shop.command("site set 深圳南山店 company=深圳顺达南山汽车维修有限公司 credit_code=91440300MA5G8X2K3H")
        #expect(set.status == 0, "\(set.stderr)")
        let printed = try settlement()
        #expect(printed.contains("深圳顺达南山汽车维修有限公司") && printed.contains("91440300MA5G8X2K3H"), "\(printed)")
        #expect(!printed.contains("91440300MA5D8K2Q3N"))
        // Under the company, the shop itself: its name with its address (the customer dealt with
        // 深圳南山店, one of the company's shops), on paper and on the page alike.
        #expect(printed.contains("<span class=\"shop-site\">深圳南山店</span> &nbsp; 南山区科技园路 8 号"), "\(printed)")
        #expect(try shop.command("print RO3 settlement out=\(folder)/ro3.pdf").status == 0)
        let paper = try PrintTests.pdfText(folder + "/ro3.pdf")
        let header = paper.components(separatedBy: "\n").prefix(8).joined(separator: "\n")
        #expect(header.contains("深圳顺达南山汽车维修有限公司") && header.contains("深圳南山店") && header.contains("南山区科技园路 8 号")
                && header.contains("91440300MA5G8X2K3H"), "\(header)")
        let list = try shop.inShopLanguage.command("site list").stdout
        #expect(list.contains("深圳南山店：深圳顺达南山汽车维修有限公司 · 统一社会信用代码 91440300MA5G8X2K3H"), "\(list)")
        let empty = try shop.inShopLanguage.command("report day site=")
        #expect(empty.stderr.contains("site= 后面是空的：请写门店名称（顺达汽修、深圳南山店），总店也可写“总店”或 home（即 顺达汽修），全部门店合计写 all 或“全部”"),
                "\(empty.stderr)")
    }

    /// Stock is a site's: what 深圳南山店 receives is on its shelf, not the home site's; the home
    /// site's shelf is what it had; a site cannot take out more than its own shelf holds (refused,
    /// changing nothing). The catalogue (numbers, names, prices) is the chain's.
    @Test func eachSiteHasItsOwnShelf() throws {
        let shop = try chainWithHistory()
        _ = try shop.command("staff move 钱主管 site=深圳南山店")
        let received = try shop.script("login 钱主管\nparts receive 5QD698151 qty=2")
        #expect(received.stdout.contains("5QD698151 received 2; 2 on hand"), "\(received.stdout)\(received.stderr)")
        let home = try shop.command("parts")
        #expect(home.stdout.contains("420.00        5"), "RO1 took one of the home site's six: \(home.stdout)")
        let atB = try shop.script("login 钱主管\nparts").stdout
        #expect(atB.contains("420.00        2"), "\(atB)")
        let before = try shop.fingerprint()
        let refused = try shop.script("login 钱主管\nparts adjust 5QD698151 qty=-3 reason=盘点")
        #expect(refused.stderr.contains("only 2 件 on hand, cannot take 3"), "\(refused.stderr)")
        #expect(try shop.fingerprint() == before)
        #expect(try shop.count("SELECT stock FROM parts WHERE part_no = '5QD698151'") == 7_000, "the chain's running total is both shelves")
    }

    /// `chainWithHistory`, then RO3: 京A12345 checked in at 深圳南山店 by 钱主管 (moved there), its
    /// final inspection passed, paid 96.00 in cash and released there.
    func releasedAtBothSites(_ empty: Workshop = Workshop()) throws -> Workshop {
        let shop = try chainWithHistory(empty)
        let atB = try shop.script("""
            staff add 郑师傅 role=technician group=南山机修 pin=1234 site=深圳南山店
            staff move 钱主管 site=深圳南山店
            login 钱主管
            checkin 京A12345 odometer=45300 fuel=1/2 complaint="刹车油"
            estimate RO3 labor BRK-03
            promise RO3 2026-11-22 17:00
            approve RO3 signed=张伟
            dispatch RO3 group=南山机修
            complete RO3
            inspect RO3 final pass by=孙检 rest=pass
            pay RO3 amount=96 method=cash tendered=100
            release RO3 signed=张伟 oldparts=left print=no
            """)
        #expect(atB.status == 0, "\(atB.stderr)")
        #expect(atB.stdout.contains("completion certificate No. S2-2026-00001"), "\(atB.stdout)")
        #expect(atB.stdout.contains("settlement list No. S2-JS2026-00001"), "\(atB.stdout)")
        return shop
    }

    /// Each site answers for its own national records: `healthrecord status` lists the session's
    /// site's orders, not the chain's.
    @Test func eachSiteSeesItsOwnNationalRecords() throws {
        let shop = try releasedAtBothSites()
        let home = try shop.command("healthrecord status")
        #expect(home.stdout.contains("RO1") && !home.stdout.contains("RO3"), "\(home.stdout)\(home.stderr)")
        var nanshan = shop
        nanshan.user = "钱主管"
        let there = try nanshan.command("healthrecord status")
        #expect(there.stdout.contains("RO3") && !there.stdout.contains("RO1"), "\(there.stdout)\(there.stderr)")
    }

    /// An order's papers are its site's: the 承修方 of RO3's settlement list is 深圳南山店 with its
    /// address, numbered in 深圳南山店's own sequence; RO1's are the home site's, numbered as before;
    /// the national record of RO3 names 深圳南山店.
    @Test func anOrdersPapersAreItsSites() throws {
        let shop = try releasedAtBothSites()
        let folder = Workshop.temporaryDirectory()
        #expect(try shop.command("print RO3 settlement format=html out=\(folder)/ro3.html").status == 0)
        #expect(try shop.command("print RO1 settlement format=html out=\(folder)/ro1.html").status == 0)
        let ro3 = try String(contentsOfFile: folder + "/ro3.html", encoding: .utf8)
        let ro1 = try String(contentsOfFile: folder + "/ro1.html", encoding: .utf8)
        #expect(ro3.contains("深圳南山店") && ro3.contains("南山区科技园路 8 号") && ro3.contains("S2-JS2026-00001"))
        #expect(!ro3.contains("顺达汽修") && !ro3.contains("科技园南路18号"), "the home site is not RO3's repairer")
        #expect(ro1.contains("顺达汽修") && ro1.contains("科技园南路18号") && ro1.contains("JS2026-00001") && !ro1.contains("深圳南山店"))
        let record = try shop.command("healthrecord show RO3").stdout
        #expect(record.contains("company 深圳南山店"), "\(record)")
    }

    /// The national record per site: the home site's releases go under the shop's 企业编码; a site's
    /// wait until a manager sets its password, then go under its own code and token, named as its.
    /// The password is never shown, journalled or exported.
    @Test func eachSiteReportsUnderItsOwnCompanyCode() throws {
        let platform = try FakePlatform()
        platform.addCompany("4403000002", password: "nanshan-pw")
        var shop = Workshop()
        shop.environment["WORKSHOP_HEALTHRECORD_TIMEOUT_MS"] = "1500"
        let setup = try shop.script(FloorTests.fixtures + """
            login 钱主管
            healthrecord set url=\(platform.url) company=\(platform.company) password=\(platform.password) style=restservices
            login 王芳
            site add 深圳南山店 code=4403000002 address="南山区科技园路 8 号"
            staff move 钱主管 site=深圳南山店
            staff add 郑师傅 role=technician group=南山机修 pin=1234 site=深圳南山店
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响"
            estimate RO1 labor BRK-01
            promise RO1 2026-11-22 17:00
            approve RO1 signed=张伟
            dispatch RO1 group=机修一组
            complete RO1
            pay RO1 amount=144 method=wechat
            release RO1 signed=张伟 print=no
            """, options: ["--bail"])
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(setup.stdout.contains("national record: RO1 reported"), "\(setup.stdout)")
        let atB = try shop.script("""
            login 钱主管
            checkin 粤BD12345 odometer=100 battery=90 complaint="异响"
            estimate RO2 labor BRK-01
            promise RO2 2026-11-22 17:00
            approve RO2 signed=李娜
            dispatch RO2 group=南山机修
            complete RO2
            pay RO2 amount=144 method=wechat
            release RO2 signed=李娜 print=no
            """, options: ["--bail"])
        #expect(atB.status == 0, "\(atB.stderr)")
        #expect(atB.stdout.contains("深圳南山店 has no national record password yet: its records wait in the queue"), "\(atB.stdout)")
        #expect(platform.records.count == 1, "RO2 waits")
        func sent(_ user: String) throws -> Int? {
            try json(try signedIn(shop, as: user).command("healthrecord status", json: true))["sent"] as? Int
        }
        #expect(try sent("王芳") == 1 && sent("钱主管") == 0, "each site counts its own: RO1 sent, RO2 waiting")

        let refused = try shop.command("healthrecord set site=深圳南山店 url=http://elsewhere company=123456")
        #expect(refused.stderr.contains("深圳南山店's national record account is its password"), "\(refused.stderr)")
        #expect(try shop.command("healthrecord set site=深圳南山店 password=nanshan-pw").status == 0)
        let pushed = try shop.command("healthrecord push RO2")
        #expect(pushed.stdout.contains("RO2 reported"), "\(pushed.stdout)\(pushed.stderr)")
        #expect(try sent("王芳") == 1 && sent("钱主管") == 1)
        let listed = try signedIn(shop, as: "钱主管").command("healthrecord status").stdout
        #expect(listed.contains("RO2") && !listed.contains("RO1"), "\(listed)")
        let held = platform.recordsHeldBy
        #expect(held["JS2026-00001"] == "4403000001", "\(held)")
        #expect(held["S2-JS2026-00001"] == "4403000002", "\(held)")
        let ro2 = platform.records["S2-JS2026-00001"] ?? ""
        #expect(ro2.contains(#""companyname":"深圳南山店""#), "\(ro2)")

        // The site's password: never shown, journalled or exported.
        let everything = try shop.command("history").stdout + (try shop.command("healthrecord show RO2").stdout)
        #expect(!everything.contains("nanshan-pw"))
        #expect(try shop.count("SELECT count(*) FROM journal WHERE detail LIKE '%nanshan-pw%' OR command LIKE '%nanshan-pw%'") == 0)
        let folder = Workshop.temporaryDirectory()
        #expect(try shop.command("export \(folder)/export").status == 0)
        let sites = try String(contentsOfFile: folder + "/export/sites.csv", encoding: .utf8)
        #expect(sites.contains("4403000002") && !sites.contains("nanshan-pw") && !sites.contains("health_record"), "\(sites)")
    }

    /// The chain's site statements on a PostgreSQL server: a site's report, shelf, papers and
    /// bookings read there as on a file, the chain's report is the sum of its sites', and the
    /// record verifies.
    @Test(.enabled(if: TestServer.enabled)) func aChainOnAServer() throws {
        let schema = try ServerSchema()
        defer { schema.drop() }
        let shop = try releasedAtBothSites(Workshop(database: schema.uri))
        func revenue(_ site: String) throws -> Int {
            let result = try shop.command("report month 2026-11 site=\(site)", json: true)
            #expect(result.status == 0, "\(result.stderr)")
            return ((try json(result))["revenue"] as? [String: Any])?["fen"] as? Int ?? -1
        }
        #expect(try revenue("顺达汽修") == 56_400 && revenue("深圳南山店") == 9_600 && revenue("all") == 66_000)
        let bDay = try shop.script("login 钱主管\nreport day").stdout
        #expect(bDay.contains("Report 2026-11-22 · 深圳南山店") && bDay.contains("Cash in the drawer  96.00"), "\(bDay)")
        #expect(try shop.script("login 钱主管\nparts receive 5QD698151 qty=2").stdout.contains("2 on hand"))
        #expect(try shop.script("login 钱主管\nparts").stdout.contains("420.00        2"))
        #expect(try shop.command("parts").stdout.contains("420.00        5"))
        let booked = try shop.script("login 钱主管\nappointment add 粤BD12345 at=\"2026-11-23 10:00\" complaint=保养")
        #expect(booked.status == 0, "\(booked.stderr)")
        #expect(try shop.script("login 钱主管\nappointment list 2026-11-23").stdout.contains("粤BD12345"))
        #expect(!(try shop.command("appointment list 2026-11-23").stdout.contains("粤BD12345")))
        let folder = Workshop.temporaryDirectory()
        #expect(try shop.command("print RO3 settlement format=html out=\(folder)/ro3.html").status == 0)
        #expect(try String(contentsOfFile: folder + "/ro3.html", encoding: .utf8).contains("南山区科技园路 8 号"))
        #expect(try shop.command("bay list").stdout.contains("1号工位"))
        #expect(try shop.script("login 钱主管\nbay list").stdout.contains("(no bays yet)"))
        var manager = Workshop(database: schema.uri)
        manager.now = nil
        let verify = try manager.command("verify")
        #expect(verify.status == 0, "verify on the server: \(verify.stdout)\(verify.stderr)")
    }

    // MARK: Issue 17's leftovers

    /// A late entry (补录) is its site's: the day report of a site lists the entries made there, the
    /// chain's (site=all) every one, each named with its site. On 2026-11-20 (a day the real clock
    /// has left behind, so every change dated then is late) 王芳 checks in 粤BD12345 at the home site
    /// (RO1) and 钱主管 京A12345 at 深圳南山店 (RO2).
    @Test func aSitesDayReportListsItsOwnLateEntries() throws {
        let shop = try chainWithSecondManager()
        var wang = shop
        wang.now = "2026-11-20 10:00"
        var qian = signedIn(shop, as: "钱主管")
        qian.now = "2026-11-20 11:00"
        #expect(try wang.command("checkin 粤BD12345 odometer=100 battery=90 complaint=异响").status == 0)
        let atB = try qian.command("checkin 京A12345 odometer=45300 fuel=1/2 complaint=刹车异响")
        #expect(atB.stdout.contains("RO2"), "\(atB.stdout)\(atB.stderr)")
        func late(_ site: String) throws -> (count: Int, actors: Set<String>, sites: Set<String>) {
            let result = try shop.command("report day 2026-11-20 site=\(site)", json: true)
            #expect(result.status == 0, "\(result.stderr)")
            let entries = try json(result)["late_entries"] as? [String: Any] ?? [:]
            let listed = entries["listed"] as? [[String: Any]] ?? []
            return (entries["count"] as? Int ?? -1, Set(listed.compactMap { $0["actor"] as? String }),
                    Set(listed.compactMap { $0["site"] as? String }))
        }
        let home = try late("顺达汽修"), nanshan = try late("深圳南山店"), all = try late("all")
        #expect(home.count > 0 && home.count == nanshan.count, "the same check-in at each site: \(home.count), \(nanshan.count)")
        #expect(home.actors == ["王芳"] && nanshan.actors == ["钱主管"])
        #expect(all.count == home.count + nanshan.count && all.actors == ["王芳", "钱主管"])
        #expect(all.sites == ["顺达汽修", "深圳南山店"] && home.sites.isEmpty, "every site's report names each entry's site")
        let text = try shop.command("report day 2026-11-20 site=深圳南山店").stdout
        #expect(text.contains("钱主管") && !text.contains("王芳"), "\(text)")
    }

    /// The record is history: the late entries 钱主管 made at 深圳南山店 (a customer added on a day
    /// the real clock has left behind, naming no order) stay in 深圳南山店's day report after
    /// 钱主管 moves to the home site, and never come into the home site's.
    @Test func aPersonMovedLeavesTheirEntriesWhereTheyWereMade() throws {
        let shop = try chainWithSecondManager()
        var qian = signedIn(shop, as: "钱主管")
        qian.now = "2026-11-20 11:00"
        #expect(try qian.command("customer add 南山客户 phone=13900000009").status == 0)
        func lateActors(_ site: String) throws -> Set<String> {
            let result = try shop.command("report day 2026-11-20 site=\(site)", json: true)
            #expect(result.status == 0, "\(result.stderr)")
            let entries = try json(result)["late_entries"] as? [String: Any] ?? [:]
            return Set((entries["listed"] as? [[String: Any]] ?? []).compactMap { $0["actor"] as? String })
        }
        #expect(try lateActors("深圳南山店") == ["钱主管"] && lateActors("顺达汽修").isEmpty)
        #expect(try shop.command("staff move 钱主管 site=顺达汽修").status == 0)
        #expect(try lateActors("深圳南山店") == ["钱主管"], "钱主管's entries stay at 深圳南山店")
        #expect(try lateActors("顺达汽修").isEmpty, "and never move to the home site")
        #expect(try shop.command("verify").status == 0)
    }

    /// Each site has its own key board: the home site's K07 holds 京A12345's key (RO1), and
    /// 深圳南山店 hangs 粤BD12345's on its own K07 (RO2). A third car on 深圳南山店's K07 is refused,
    /// naming RO2 (not the home site's RO1), in either language, and changes nothing.
    @Test func eachSiteHasItsOwnKeyHooks() throws {
        let shop = try chain()
        #expect(try shop.command("checkin 京A12345 odometer=45210 fuel=1/2 complaint=刹车异响 key=K07").status == 0)
        let lina = signedIn(shop, as: "李娜")
        let atNanshan = try lina.command("checkin 粤BD12345 odometer=30000 battery=80 complaint=异响 key=K07")
        #expect(atNanshan.status == 0 && atNanshan.stdout.contains("RO2"), "\(atNanshan.stdout)\(atNanshan.stderr)")
        #expect(try lina.command("vehicle add 粤B·7H2L9 vin=LSVAM4187C2184847 owner=C2 make=大众 model=朗逸 year=2016").status == 0)
        let before = try shop.fingerprint()
        let taken = try lina.command("checkin 粤B7H2L9 odometer=100 fuel=1/2 complaint=保养 key=K07")
        #expect(taken.status == 1 && taken.stderr.contains("key tag K07 already holds the key of RO2"), "\(taken.stderr)")
        let zh = try lina.inShopLanguage.command("checkin 粤B7H2L9 odometer=100 fuel=1/2 complaint=保养 key=K07")
        #expect(zh.stderr.contains("钥匙牌 K07 上挂着 RO2 的钥匙"), "\(zh.stderr)")
        #expect(try shop.fingerprint() == before)
        // At the home site K07 is RO1's.
        let home = try shop.command("checkin 粤B7H2L9 odometer=100 fuel=1/2 complaint=保养 key=K07")
        #expect(home.status == 1 && home.stderr.contains("key tag K07 already holds the key of RO1"), "\(home.stderr)")
        #expect(try shop.fingerprint() == before)
        #expect(try lina.command("checkin 粤B7H2L9 odometer=100 fuel=1/2 complaint=保养 key=K08").status == 0)
    }

    /// A car open at another site is refused at check-in with that site and its order named, in the
    /// session's language, changing nothing; at its own site it is "already in the shop" as always.
    @Test func aCarOpenAtAnotherSiteIsNamedWithItsSite() throws {
        let shop = try chainWithHistory()
        let before = try shop.fingerprint()
        let lina = signedIn(shop, as: "李娜")
        let refused = try lina.command("checkin 粤BD12345 odometer=200 battery=80 complaint=异响")
        #expect(refused.status == 1 && refused.stderr.contains("粤BD12345 is in at 顺达汽修 under RO2 (checked in 2026-11-22 09:00")
                && refused.stderr.contains("once 顺达汽修 has released it"), "\(refused.stderr)")
        let zh = try lina.inShopLanguage.command("checkin 粤BD12345 odometer=200 battery=80 complaint=异响")
        #expect(zh.stderr.contains("粤BD12345 已在 顺达汽修 进厂，维修单 RO2") && zh.stderr.contains("交车后才能在本店接车"), "\(zh.stderr)")
        #expect(try shop.fingerprint() == before)
        let home = try shop.command("checkin 粤BD12345 odometer=200 battery=80 complaint=异响")
        #expect(home.stderr.contains("粤BD12345 is already in the shop under RO2"), "\(home.stderr)")
    }

    /// In a chain a vehicle's history names the site each change was made at: RO1's (the home
    /// site's) and RO3's (深圳南山店's, checked in there by 李娜).
    @Test func aVehiclesHistoryNamesTheSiteOfEachChange() throws {
        var shop = try chainWithHistory()
        shop.now = "2026-11-29 10:00"
        #expect(try shop.script("login 李娜\ncheckin 京A12345 odometer=47000 fuel=1/2 complaint=异响").status == 0)
        let entries = try json(try shop.command("history 京A12345", json: true))["history"] as? [[String: Any]] ?? []
        let ro1 = entries.filter { $0["id"] as? String == "RO1" }, ro3 = entries.filter { $0["id"] as? String == "RO3" }
        #expect(!ro1.isEmpty && ro1.allSatisfy { $0["site"] as? String == "顺达汽修" }, "\(ro1)")
        #expect(!ro3.isEmpty && ro3.allSatisfy { $0["site"] as? String == "深圳南山店" }, "\(ro3)")
        let text = try shop.inShopLanguage.command("history 京A12345").stdout
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.contains("门店") }, "\(text)")
        #expect(lines.contains { $0.contains("深圳南山店") && $0.contains("李娜") }, "\(text)")
        #expect(lines.contains { $0.contains("顺达汽修") && $0.contains("王芳") }, "\(text)")
        #expect(!lines.contains { $0.contains("深圳南山店") && $0.contains("王芳") }, "\(text)")
    }

    /// A comeback is the work that came back: RO1's brakes (the home site's) come back to 深圳南山店
    /// (RO3, rework=RO1/1). The home site's report counts the comeback; 深圳南山店's counts RO3 as an
    /// order it opened and a car it saw, not as a comeback of its own; the chain's is their sum.
    @Test func aComebackIsCountedForTheSiteWhoseWorkCameBack() throws {
        var shop = try chainWithHistory()
        shop.now = "2026-11-29 10:00"
        let back = try shop.script("login 李娜\ncheckin 京A12345 odometer=47000 fuel=1/2 complaint=刹车异响 rework=RO1/1 cause=安装不到位")
        #expect(back.status == 0 && back.stdout.contains("warranty comeback of RO1/1"), "\(back.stdout)\(back.stderr)")
        func month(_ site: String) throws -> [String: Any] { try json(try shop.command("report month 2026-11 site=\(site)", json: true)) }
        let home = try month("顺达汽修"), nanshan = try month("深圳南山店"), all = try month("all")
        #expect(home["comebacks"] as? Int == 1 && nanshan["comebacks"] as? Int == 0 && all["comebacks"] as? Int == 1)
        #expect(nanshan["orders_opened"] as? Int == 1 && nanshan["cars"] as? Int == 1, "RO3 is 深圳南山店's order")
        #expect(home["orders_opened"] as? Int == 2)
    }

    // MARK: The tester's day of a two-site chain

    /// The chain with a manager of its own at 深圳南山店 (钱主管, PIN 1234).
    func chainWithSecondManager() throws -> Workshop {
        let shop = try chain()
        #expect(try shop.command("staff add 钱主管 role=manager pin=1234 site=深圳南山店").status == 0)
        return shop
    }

    func signedIn(_ shop: Workshop, as user: String) -> Workshop {
        var person = shop
        person.user = user
        if user != "王芳" { person.now = nil }
        return person
    }

    /// A site's manager manages that site's people (a PIN reset, a new person, added there) and
    /// its own details; another site's people — the home manager's PIN above all, which would be
    /// the home manager's account — moving people between sites, and the chain's sites are the
    /// home site's managers'. Each refusal changes nothing.
    @Test func aSitesManagerManagesOnlyThatSitesPeople() throws {
        let shop = try chainWithSecondManager()
        let nanshan = signedIn(shop, as: "钱主管")
        let before = try shop.fingerprint()
        let refused: [(line: String, says: String)] = [
            ("staff pin 王芳 pin=5678", "王芳 works at 顺达汽修: a manager at 深圳南山店 manages 深圳南山店's staff only"),
            ("staff add 王芳 role=advisor", "王芳 works at 顺达汽修"),
            ("staff move 李娜 site=顺达汽修", "moving staff between sites, adding a site and changing another one are for a manager at the home site 顺达汽修"),
            ("staff add 李娜 role=advisor site=顺达汽修", "a manager at the home site 顺达汽修"),
            ("site add 福田店 code=4403000009", "a manager at the home site 顺达汽修"),
            ("site set 顺达汽修 phone=0755-26000009", "a manager at the home site 顺达汽修"),
        ]
        for (line, says) in refused {
            let result = try nanshan.command(line)
            #expect(result.status != 0, "\(line) was accepted")
            #expect(result.stderr.contains(says), "\(line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before)
        let zh = try nanshan.inShopLanguage.command("staff pin 王芳 pin=5678")
        #expect(zh.stderr.contains("王芳 是 顺达汽修 的员工：深圳南山店 的经理只管理本店员工"), "\(zh.stderr)")
        #expect(try shop.fingerprint() == before)
        // Their own site's people and details.
        #expect(try nanshan.command("staff pin 李娜 pin=2468").status == 0)
        #expect(try nanshan.command("staff add 周南 role=cashier pin=1357").status == 0)
        #expect(try shop.count("SELECT count(*) FROM staff WHERE name = '周南' AND site_id IS NOT NULL") == 1, "added where the manager works")
        #expect(try nanshan.command("site set 深圳南山店 phone=0755-26000001").status == 0)
        // The home site's manager manages everyone.
        #expect(try shop.command("staff pin 李娜 pin=1234").status == 0)
        #expect(try shop.command("staff move 周南 site=顺达汽修").status == 0)
    }

    /// A site is corrected (`site set`): a code typed wrong is put right, a site renamed, each
    /// checked as `site add` checks it, and journalled; a refused correction changes nothing.
    @Test func aManagerCorrectsASite() throws {
        let shop = Workshop()
        #expect(try shop.script("""
            source \(Workshop.transcripts)/shop-fixture.ws
            site add 深圳南山店 code=4403000002x address="南山区科技园路 8 号"
            site add 福田店 code=4403000003
            staff add 李娜 role=advisor pin=1234 site=深圳南山店
            """).status == 0)
        let before = try shop.fingerprint()
        let refusals: [(user: String, line: String, says: String)] = [
            ("王芳", "site set 深圳南山店 code=4403000003", "company code 4403000003 is already 福田店's"),
            ("王芳", "site set 深圳南山店 code=44", "'44' is not a company code"),
            ("王芳", "site set 深圳南山店 name=福田店", "a site is already called '福田店'"),
            ("王芳", "site set 深圳南山店 name=顺达汽修", "a site is already called '顺达汽修'"),
            ("王芳", "site set 深圳南山店 name=全部", "'全部' means every site"),
            ("王芳", "site set 深圳南山店", "nothing to change"),
            ("王芳", "site set 顺达汽修 code=4403000009", "is the home site"),
            ("王芳", "site set 罗湖店 code=4403000009", "no site is called '罗湖店'"),
            ("李娜", "site set 深圳南山店 code=4403000002", "manager"),
        ]
        for (user, line, says) in refusals {
            let result = try signedIn(shop, as: user).command(line)
            #expect(result.status != 0, "\(line) was accepted")
            #expect(result.stderr.contains(says), "\(line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before, "a refused correction changes nothing")
        let fixed = try shop.command("site set 深圳南山店 code=4403000002 phone=0755-26000000")
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("site 深圳南山店: company code 4403000002") && fixed.stdout.contains("0755-26000000"), "\(fixed.stdout)")
        #expect(try shop.count("SELECT count(*) FROM sites WHERE code = '4403000002' AND address = '南山区科技园路 8 号'") == 1,
                "what is not given stays")
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'site.set'") == 1)
        let renamed = try shop.command("site set 深圳南山店 name=南山店")
        #expect(renamed.status == 0 && renamed.stdout.contains("(was 深圳南山店)"), "\(renamed.stdout)\(renamed.stderr)")
        let staff = try shop.command("staff")
        #expect(staff.stdout.contains("南山店") && !staff.stdout.contains("深圳南山店"), "李娜 works at the renamed site: \(staff.stdout)")
        let help = try shop.inShopLanguage.command("help site")
        #expect(help.stdout.contains("site set 深圳南山店 code=4403000002"), "\(help.stdout)")
    }

    /// A site's phone is kept as typed, as the shop's own is (0755-82345678), in the list and in help.
    @Test func aSitesPhoneKeepsItsDash() throws {
        let shop = Workshop()
        #expect(try shop.script("""
            source \(Workshop.transcripts)/shop-fixture.ws
            site add 深圳南山店 code=4403000002 phone=0755-26000000
            """).status == 0)
        let list = try shop.command("site list")
        #expect(list.stdout.contains("0755-26000000") && list.stdout.contains("0755-82345678"), "\(list.stdout)")
        #expect(try shop.count("SELECT count(*) FROM sites WHERE phone = '0755-26000000'") == 1)
        let help = try shop.inShopLanguage.command("help site")
        #expect(help.stdout.contains("phone=0755-26000000") && !help.stdout.contains("075526000000"), "\(help.stdout)")
    }

    /// A bay's name is trimmed before the chain-wide check: "南山1号工位 " is 深圳南山店's bay, refused at
    /// the home site with nothing changed; the suggestion never doubles a prefix.
    @Test func aBayNameWithSpacesIsTheSameName() throws {
        let shop = try chainWithSecondManager()
        let qian = signedIn(shop, as: "钱主管")
        #expect(try qian.script("login 钱主管\nbay add 南山1号工位 equipment=lift").status == 0)
        let before = try shop.fingerprint()
        for line in ["bay add \"南山1号工位 \" equipment=lift", "bay add \" 南山1号工位\" equipment=lift"] {
            let refused = try shop.inShopLanguage.command(line)
            #expect(refused.status != 0, "\(line) was accepted")
            #expect(refused.stderr.contains("深圳南山店 已有叫“南山1号工位”的工位") && refused.stderr.contains("如 顺达汽修南山1号工位")
                    && !refused.stderr.contains("南山南山"), "\(line): \(refused.stderr)")
        }
        #expect(try shop.fingerprint() == before)
        let added = try shop.command("bay add \" 1号工位 \" equipment=lift")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try shop.count("SELECT count(*) FROM bays WHERE name = '1号工位'") == 1, "stored trimmed")
        let atNanshan = try qian.script("login 钱主管\nbay add 1号工位 equipment=lift")
        #expect(atNanshan.stderr.contains("add this site's name, such as 深圳南山1号工位"), "\(atNanshan.stderr)")
    }

    /// Chinese output names a field in Chinese: an empty site name, and every setting `shop show` lists.
    @Test func chineseOutputHasNoBareKeys() throws {
        let shop = try chain()
        let before = try shop.fingerprint()
        let empty = try shop.inShopLanguage.command("site add \"\" code=4403000009")
        #expect(empty.status != 0 && empty.stderr.contains("门店不能为空") && !empty.stderr.contains("site"), "\(empty.stderr)")
        #expect(try shop.fingerprint() == before)
        let show = try shop.inShopLanguage.command("shop show").stdout
        for key in ["card_bonus_limit", "remind_maintenance_km", "remind_maintenance_months", "remind_lead_days",
                    "remind_declined_days", "remind_return_days", "discount_limit"] {
            #expect(show.contains("(\(key))") && !show.contains("\(key) (\(key))"), "\(key) has no label: \(show)")
        }
        #expect(show.contains("储值卡赠送上限"), "\(show)")
    }

    /// `staff move` to the site a person is at says so and changes nothing (no journal entry).
    @Test func movingAPersonToTheirOwnSiteChangesNothing() throws {
        let shop = try chain()
        let before = try shop.fingerprint()
        let same = try shop.command("staff move 李娜 site=深圳南山店", json: true)
        #expect(same.status == 0, "\(same.stderr)")
        #expect((try json(same))["message"] as? String == "staff 李娜 already works at 深圳南山店: not moved", "\(same.stdout)")
        #expect(try shop.fingerprint() == before)
        let zh = try shop.inShopLanguage.command("staff move 李娜 site=深圳南山店")
        #expect(zh.stdout.contains("员工 李娜 已在 深圳南山店，未调动"), "\(zh.stdout)")
    }

    /// The home site is named by the shop's name however `site list` shows it, or as 总店.
    @Test func theHomeSiteIsNamedAsTheListShowsIt() throws {
        let shop = try chain()
        for (given, back) in [("顺达汽修（总店）", "深圳南山店"), ("深圳南山店", "总店"), ("深圳南山店", "\"顺达汽修 (home)\"")] {
            #expect(try shop.command("staff move 李娜 site=\(given)").status == 0)
            let moved = try shop.command("staff move 李娜 site=\(back)")
            #expect(moved.status == 0, "site=\(back): \(moved.stderr)")
        }
        #expect(try shop.count("SELECT count(*) FROM staff WHERE name = '李娜' AND site_id IS NULL") == 1)
        let report = try shop.command("report month 2026-11 site=顺达汽修（总店）")
        #expect(report.status == 0 && report.stdout.contains("顺达汽修"), "\(report.stderr)")
        // A shop's name typed with spaces around it is the name without them.
        #expect(try shop.command("shop set name=\" 顺达汽修 \"").status == 0)
        #expect(try shop.count("SELECT count(*) FROM settings WHERE value = '顺达汽修'") >= 1)
        #expect(try shop.command("staff move 李娜 site=顺达汽修").status == 0)
    }
}
