import Testing
@testable import WorkshopModel

/// The gates of a chain's sites, without the binary: only a manager adds one; its name and 企业编码
/// are well-formed and no other site's (the home site's included); a person with no site works at
/// the home site.
@Suite struct SiteTests {
    let manager = StaffMember(id: 1, name: "钱主管", roles: [.manager], group: nil)
    let advisor = StaffMember(id: 2, name: "王芳", roles: [.advisor], group: nil)
    let home = Site(id: Site.homeID, name: "顺达汽修", code: "4403000001", address: "科技园南路18号", phone: "0755-82345678")

    func add(_ name: String, code: String, by person: StaffMember?, existing: [Site]? = nil) throws -> Site {
        try Site.add(name: name, code: code, address: nil, phone: nil, existing: existing ?? [home], by: person)
    }

    @Test func aManagerAddsASiteWithItsOwnCode() throws {
        let site = try add(" 深圳南山店 ", code: "4403000002ab", by: manager)
        #expect(site.name == "深圳南山店")
        #expect(site.code == "4403000002AB", "kept in upper case, as the platform compares it")
        #expect(!site.isHome && site.address.isEmpty)
    }

    @Test func onlyAManagerAddsASite() {
        #expect(throws: SiteRefusal.onlyManagerAdds(person: "王芳")) { try add("深圳南山店", code: "4403000002", by: advisor) }
        #expect(throws: SiteRefusal.onlyManagerAdds(person: nil)) { try add("深圳南山店", code: "4403000002", by: nil) }
    }

    @Test func aNameIsEveryOnesOwnAndNeverTheWordForAll() {
        #expect(throws: SiteRefusal.nameTaken(name: "顺达汽修", sites: ["顺达汽修"])) { try add("顺达汽修", code: "4403000002", by: manager) }
        let nanshan = Site(id: 2, name: "Nanshan", code: "4403000002")
        #expect(throws: SiteRefusal.nameTaken(name: "Nanshan", sites: ["顺达汽修", "Nanshan"])) {
            try add("NANSHAN", code: "4403000003", by: manager, existing: [home, nanshan])
        }
        #expect(throws: SiteRefusal.reservedName(given: "全部")) { try add("全部", code: "4403000002", by: manager) }
        #expect(throws: SiteRefusal.reservedName(given: "ALL")) { try add("ALL", code: "4403000002", by: manager) }
        #expect(throws: InputRefusal.empty(field: "site")) { try add("  ", code: "4403000002", by: manager) }
        #expect(throws: SiteRefusal.nameTooLong(given: String(repeating: "店", count: 41), maximum: 40)) {
            try add(String(repeating: "店", count: 41), code: "4403000002", by: manager)
        }
    }

    @Test func aCompanyCodeIsWellFormedAndNoOtherSites() {
        for bad in ["44030", "4403 000002", "4403000002。", "-440300002", String(repeating: "4", count: 33), "粤4403000002"] {
            #expect(throws: SiteRefusal.notCompanyCode(given: bad.trimmingCharacters(in: .whitespaces)), "\(bad)") {
                try add("深圳南山店", code: bad, by: manager)
            }
        }
        #expect(throws: SiteRefusal.codeTaken(code: "4403000001", site: "顺达汽修")) { try add("深圳南山店", code: "4403000001", by: manager) }
        // A home site without a platform account has no code: any code is free.
        let noAccount = Site(id: Site.homeID, name: "顺达汽修", code: "")
        #expect((try? add("深圳南山店", code: "44-0300-0002", by: manager, existing: [noAccount]))?.code == "44-0300-0002")
    }

    @Test func aPersonWithNoSiteWorksAtTheHomeSite() {
        let nanshan = Site(id: 2, name: "深圳南山店", code: "4403000002")
        var moved = advisor
        #expect(home.isWorkplace(of: advisor) && !nanshan.isWorkplace(of: advisor))
        moved.siteID = 2
        #expect(nanshan.isWorkplace(of: moved) && !home.isWorkplace(of: moved))
        #expect(throws: SiteRefusal.unknownSite(given: "福田店", sites: ["顺达汽修", "深圳南山店"])) { try Site.resolve("福田店", in: [home, nanshan]) }
        #expect((try? Site.resolve(" 深圳南山店", in: [home, nanshan]))?.id == 2)
    }

    /// The home site is named by the shop's name, as `site list` shows it, or by 总店 / home; an
    /// added site of that name is the one meant.
    @Test func theHomeSiteIsNamedByTheShopsNameAsListed() throws {
        let nanshan = Site(id: 2, name: "深圳南山店", code: "4403000002")
        let spaced = Site(id: Site.homeID, name: "顺达汽修 ", code: "")
        for given in ["顺达汽修", " 顺达汽修", "顺达汽修（总店）", "顺达汽修 (home)", "顺达汽修(总店)", "总店", "HOME"] {
            #expect((try? Site.resolve(given, in: [home, nanshan]))?.id == Site.homeID, "\(given)")
            #expect((try? Site.resolve(given, in: [spaced, nanshan]))?.id == Site.homeID, "\(given), the shop's name typed with a space")
        }
        let calledHome = Site(id: 3, name: "总店", code: "4403000003")
        #expect((try? Site.resolve("总店", in: [home, nanshan, calledHome]))?.id == 3)
        #expect(throws: SiteRefusal.unknownSite(given: "深圳南山店（总店）", sites: ["顺达汽修", "深圳南山店"])) {
            try Site.resolve("深圳南山店（总店）", in: [home, nanshan])
        }
        var settings = ShopSettings()
        try settings.set("name", to: " 顺达汽修 ")
        #expect(settings.name == "顺达汽修", "the shop's name is the home site's, trimmed as a site's")
    }

    @Test func aBayNameIsTheChainsAndChangedOnlyAtItsSite() throws {
        let names: (Int?) throws -> String = { $0 == nil ? "顺达汽修" : "深圳南山店" }
        try BayRules.nameFree("1号工位", heldAt: nil, here: nil, siteName: names)       // the home site's own bay
        try BayRules.nameFree("1号工位", heldAt: nil, here: Site.homeID, siteName: names)
        try BayRules.nameFree("南山1号", heldAt: 2, here: 2, siteName: names)
        #expect(throws: BayRefusal.nameAtAnotherSite(bay: "1号工位", site: "顺达汽修", suggestion: "深圳南山1号工位")) {
            try BayRules.nameFree("1号工位", heldAt: nil, here: 2, siteName: names)
        }
        #expect(throws: BayRefusal.nameAtAnotherSite(bay: "南山1号", site: "深圳南山店", suggestion: "顺达汽修南山1号")) {
            try BayRules.nameFree("南山1号", heldAt: 2, here: nil, siteName: names)
        }
    }

    /// The tester's findings: a bay's name is trimmed before any check (a trailing space made a
    /// second 南山1号工位), and the refusal's example never doubles a prefix the name already has.
    @Test func aBayNameIsTrimmedAndItsSuggestionNeverDoublesThePrefix() throws {
        #expect(try BayRules.checkedName(" 南山1号工位 \u{3000}") == "南山1号工位")
        #expect(throws: InputRefusal.empty(field: "bay")) { try BayRules.checkedName("  ") }
        let names: (Int?) throws -> String = { $0 == nil ? "顺达汽修" : "深圳南山店" }
        #expect(throws: BayRefusal.nameAtAnotherSite(bay: "深圳南山1号", site: "顺达汽修", suggestion: nil)) {
            try BayRules.nameFree("深圳南山1号", heldAt: nil, here: 2, siteName: names)
        }
        #expect(Site.shortName("深圳南山店") == "深圳南山" && Site.shortName("顺达汽修") == "顺达汽修" && Site.shortName("店") == "店")
    }

    /// `site set`: a manager corrects an added site (a code typed wrong), each fact checked as
    /// `site add` checks it; what is not given stays.
    @Test func aManagerCorrectsAnAddedSite() throws {
        let nanshan = Site(id: 2, name: "深圳南山店", code: "4403000002X", address: "南山区科技园路 8 号", phone: "0755-26000000")
        let futian = Site(id: 3, name: "福田店", code: "4403000003")
        let sites = [home, nanshan, futian]
        func correct(_ site: Site, name: String? = nil, code: String? = nil, address: String? = nil, phone: String? = nil,
                     by person: StaffMember? = nil) throws -> Site {
            try Site.correct(site, name: name, code: code, address: address, phone: phone, existing: sites, by: person ?? manager)
        }
        let fixed = try correct(nanshan, code: "4403000002")
        #expect(fixed == Site(id: 2, name: "深圳南山店", code: "4403000002", address: "南山区科技园路 8 号", phone: "0755-26000000"))
        #expect(try correct(nanshan, name: " 南山店 ", phone: " 0755-26000001 ") ==
                Site(id: 2, name: "南山店", code: "4403000002X", address: "南山区科技园路 8 号", phone: "0755-26000001"))
        #expect(try correct(nanshan, name: "深圳南山店", code: "4403000002x").name == "深圳南山店", "its own name and code are no other site's")
        #expect(throws: SiteRefusal.onlyManagerCorrects(person: "王芳")) { try correct(nanshan, code: "4403000002", by: advisor) }
        #expect(throws: SiteRefusal.homeSiteIsTheShops(site: "顺达汽修")) { try correct(home, code: "4403000009") }
        #expect(throws: SiteRefusal.nothingToCorrect(site: "深圳南山店")) { try correct(nanshan) }
        #expect(throws: SiteRefusal.nameTaken(name: "福田店", sites: ["顺达汽修", "深圳南山店", "福田店"])) { try correct(nanshan, name: "福田店") }
        #expect(throws: SiteRefusal.nameTaken(name: "顺达汽修", sites: ["顺达汽修", "深圳南山店", "福田店"])) { try correct(nanshan, name: "顺达汽修") }
        #expect(throws: SiteRefusal.codeTaken(code: "4403000003", site: "福田店")) { try correct(nanshan, code: "4403000003") }
        #expect(throws: SiteRefusal.codeTaken(code: "4403000001", site: "顺达汽修")) { try correct(nanshan, code: "4403000001") }
        #expect(throws: SiteRefusal.notCompanyCode(given: "44")) { try correct(nanshan, code: "44") }
        #expect(throws: SiteRefusal.reservedName(given: "全部")) { try correct(nanshan, name: "全部") }
        #expect(throws: InputRefusal.empty(field: "site")) { try correct(nanshan, name: " ") }
    }

    @Test func aChainsReportIsTheSessionsSiteUnlessAManagerAsksForAnother() throws {
        let nanshan = Site(id: 2, name: "深圳南山店", code: "4403000002")
        let sites = [home, nanshan]
        func scope(_ requested: String?, chain: Bool = true, at session: Site, by person: StaffMember?) throws -> ReportScope {
            try Site.reportScope(requested: requested, isChain: chain, sites: sites, session: session, person: person)
        }
        #expect(try scope(nil, chain: false, at: home, by: advisor) == .everySite, "one site: the shop's report as always")
        #expect(try scope(nil, at: nanshan, by: advisor) == .site(nanshan))
        #expect(try scope("深圳南山店", at: nanshan, by: advisor) == .site(nanshan), "one's own site, named")
        #expect(try scope("all", at: home, by: manager) == .everySite)
        #expect(try scope("全部", at: home, by: manager) == .everySite)
        #expect(try scope("深圳南山店", at: home, by: manager) == .site(nanshan))
        #expect(throws: SiteRefusal.otherSitesReportNeedsManager(person: "王芳", site: "深圳南山店")) { try scope("all", at: nanshan, by: advisor) }
        #expect(throws: SiteRefusal.otherSitesReportNeedsManager(person: "王芳", site: "深圳南山店")) {
            try scope("顺达汽修", at: nanshan, by: advisor)
        }
        #expect(throws: SiteRefusal.unknownSite(given: "福田店", sites: ["顺达汽修", "深圳南山店"])) { try scope("福田店", at: home, by: manager) }
    }

    /// An added site is never called what names the home site in a command (site=总店, site=home,
    /// site=顺达汽修（总店）): `site add` and `site set` refuse it, and nothing else is refused for it.
    @Test func noAddedSiteIsCalledWhatNamesTheHomeSite() throws {
        for name in ["总店", " Home ", "顺达汽修（总店）", "顺达汽修 (home)", "南山(总店)"] {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            #expect(throws: SiteRefusal.homeSitesWord(given: trimmed, home: "顺达汽修"), "\(name)") { try add(name, code: "4403000002", by: manager) }
            let nanshan = Site(id: 2, name: "深圳南山店", code: "4403000002")
            #expect(throws: SiteRefusal.homeSitesWord(given: trimmed, home: "顺达汽修"), "\(name)") {
                try Site.correct(nanshan, name: name, code: nil, address: nil, phone: nil, existing: [home, nanshan], by: manager)
            }
        }
        #expect(throws: SiteRefusal.nameTaken(name: "顺达汽修", sites: ["顺达汽修"])) { try add(" 顺达汽修", code: "4403000002", by: manager) }
        for name in ["总店南山", "Homestead", "南山总店"] { #expect((try? add(name, code: "4403000002", by: manager))?.name == name) }
    }

    @Test func theShopsNameIsNeverAnAddedSites() throws {
        let nanshan = Site(id: 2, name: "深圳南山店", code: "4403000002")
        try Site.checkHomeName("顺达汽修（总店）", addedSites: [nanshan])
        try Site.checkHomeName("深圳南山店", addedSites: [])
        #expect(throws: SiteRefusal.nameTaken(name: "深圳南山店", sites: ["深圳南山店"])) { try Site.checkHomeName(" 深圳南山店", addedSites: [nanshan]) }
    }
}

/// SiteWork: an order is changed by the people of its own site only (nil is the home site).
@Suite struct SiteWorkTests {
    static func name(_ id: Int) -> String { id == Site.homeID ? "顺达汽修" : "深圳南山店" }

    @Test func onlyTheOrdersOwnSiteChangesIt() throws {
        try SiteWork.mayChange(order: "RO1", at: nil, from: nil, siteName: Self.name)
        try SiteWork.mayChange(order: "RO1", at: nil, from: Site.homeID, siteName: Self.name)
        try SiteWork.mayChange(order: "RO2", at: 2, from: 2, siteName: Self.name)
        #expect(throws: SiteWorkRefusal.otherSitesOrder(order: "RO1", site: "顺达汽修", here: "深圳南山店")) {
            try SiteWork.mayChange(order: "RO1", at: nil, from: 2, siteName: Self.name)
        }
        #expect(throws: SiteWorkRefusal.otherSitesOrder(order: "RO2", site: "深圳南山店", here: "顺达汽修")) {
            try SiteWork.mayChange(order: "RO2", at: 2, from: nil, siteName: Self.name)
        }
    }

    @Test func theShopsSettingsAreSetAtTheHomeSite() throws {
        try SiteWork.maySetShopSettings(from: nil, siteName: Self.name)
        try SiteWork.maySetShopSettings(from: Site.homeID, siteName: Self.name)
        #expect(throws: SiteWorkRefusal.shopSettingsAreTheHomeSites(here: "深圳南山店", home: "顺达汽修")) {
            try SiteWork.maySetShopSettings(from: 2, siteName: Self.name)
        }
    }
}

extension SiteTests {
    /// A site's company and 统一社会信用代码 (its papers' 承修方): the code checked as the shop's is,
    /// kept in upper case; an empty one clears it; a site given none has none (never the home's).
    @Test func aSitesCreditCodeIsCheckedAsTheShopsIs() throws {
        let site = try Site.add(name: "深圳南山店", code: "4403000002", address: nil, phone: nil, company: " 深圳顺达南山汽车维修有限公司 ",
                                creditCode: "91440300ma5g8x2k3h", existing: [home], by: manager)
        #expect(site.company == "深圳顺达南山汽车维修有限公司" && site.creditCode == "91440300MA5G8X2K3H")
        #expect(try add("福田店", code: "4403000003", by: manager).creditCode.isEmpty)
        #expect(throws: InputRefusal.creditCodeCheck(given: "91440300MA5G8X2K3E", expected: "H")) {
            try Site.add(name: "福田店", code: "4403000003", address: nil, phone: nil, creditCode: "91440300MA5G8X2K3E",
                         existing: [home], by: manager)
        }
        var nanshan = site
        nanshan.id = 2
        let cleared = try Site.correct(nanshan, name: nil, code: nil, address: nil, phone: nil, creditCode: "", existing: [home, nanshan],
                                       by: manager)
        #expect(cleared.creditCode.isEmpty && cleared.company == "深圳顺达南山汽车维修有限公司")
    }

    /// `site=` with nothing after it says so, with what it takes: every site's name, the home site's
    /// words, and all / 全部 where a report is asked for.
    @Test func anEmptySiteNameSaysWhatIsAccepted() throws {
        let nanshan = Site(id: 2, name: "深圳南山店", code: "4403000002")
        #expect(throws: SiteRefusal.emptySite(sites: ["顺达汽修", "深圳南山店"], home: "顺达汽修", allowsAll: false)) {
            try Site.resolve(" ", in: [home, nanshan])
        }
        #expect(throws: SiteRefusal.emptySite(sites: ["顺达汽修", "深圳南山店"], home: "顺达汽修", allowsAll: true)) {
            try Site.reportScope(requested: "", isChain: true, sites: [home, nanshan], session: home, person: manager)
        }
    }
}

@Suite("A chain's people: who manages whom")
struct SiteStaffTests {
    static func name(_ id: Int) -> String { id == Site.homeID ? "顺达汽修" : "深圳南山店" }

    @Test func aSitesManagerManagesThatSitesPeopleOnly() throws {
        // The home site's managers manage everyone; a site's manager, that site's people.
        try SiteWork.mayManage(person: "李娜", at: 2, from: nil, siteName: Self.name)
        try SiteWork.mayManage(person: "钱主管", at: nil, from: Site.homeID, siteName: Self.name)
        try SiteWork.mayManage(person: "李娜", at: 2, from: 2, siteName: Self.name)
        #expect(throws: SiteWorkRefusal.otherSitesStaff(person: "钱主管", site: "顺达汽修", here: "深圳南山店")) {
            try SiteWork.mayManage(person: "钱主管", at: nil, from: 2, siteName: Self.name)
        }
    }

    @Test func aReminderIsCalledByItsOwnSite() throws {
        try SiteWork.mayCall(reminder: "R3", at: nil, from: Site.homeID, siteName: Self.name)
        try SiteWork.mayCall(reminder: "R4", at: 2, from: 2, siteName: Self.name)
        #expect(throws: SiteWorkRefusal.otherSitesReminder(reminder: "R3", site: "顺达汽修", here: "深圳南山店")) {
            try SiteWork.mayCall(reminder: "R3", at: nil, from: 2, siteName: Self.name)
        }
    }

    @Test func aComplaintIsHandledByItsOwnSite() throws {
        try SiteWork.mayHandle(complaint: 3, at: nil, from: nil, siteName: Self.name)
        try SiteWork.mayHandle(complaint: 4, at: 2, from: 2, siteName: Self.name)
        #expect(throws: SiteWorkRefusal.otherSitesComplaint(complaint: 4, site: "深圳南山店", here: "顺达汽修")) {
            try SiteWork.mayHandle(complaint: 4, at: 2, from: nil, siteName: Self.name)
        }
    }

    @Test func theChainIsRunFromTheHomeSite() throws {
        try SiteWork.mayRunTheChain(from: nil, siteName: Self.name)
        try SiteWork.mayRunTheChain(from: Site.homeID, siteName: Self.name)
        #expect(throws: SiteWorkRefusal.chainIsRunFromTheHomeSite(here: "深圳南山店", home: "顺达汽修")) {
            try SiteWork.mayRunTheChain(from: 2, siteName: Self.name)
        }
    }
}
