import WorkshopModel
import WorkshopStore

/// The sites of a chain (门店): each shop of the chain with its own 企业编码; the shop as it was is
/// the home site. Customers and vehicles are shared; staff, bays, orders, cash and reports are a site's.
enum SiteCommands {
    static let command = CommandSpec("site", aliases: ["门店"], group: .shop,
        summary: Phrase("连锁门店：每店有自己的企业编码、员工、工位、单据和报表；客户和车辆档案各店共用",
                        "the chain's sites: each has its own company code, staff, bays, orders and reports; customers and vehicle files are shared"), forms: [
        Form([word("add"), textArg("name", .site)],
             options: [required("code", .text("企业编码", "CODE")), option("address", .text("地址", "ADDRESS")), option("phone", phone)]
                + companyOptions,
             access: .write, roles: [.manager],
             summary: Phrase("新增门店：名称、该店在维修电子健康档案平台的企业编码、地址、电话、经营该店的公司名称和统一社会信用代码（印在该店单据上；原来的门店是总店，用店铺设置）",
                             "add a site: its name, its company code on the repair-record platform, address, phone, and the company running it with its unified social credit code (printed on its papers; the shop as it was is the home site, with the shop's settings)"),
             examples: ["site add 深圳南山店 code=4403000002 address=\"南山区科技园路 8 号\" phone=0755-26000000",
                        "site add 深圳南山店 code=4403000002 company=深圳顺达汽车维修有限公司 credit_code=91440300MA5G8X2K3H"]) { invocation, s in
            try PeopleCommands.requireRunsTheChain(s)
            let site = try Site.add(name: invocation.need("name"), code: invocation.need("code"), address: invocation.value("address"),
                                    phone: invocation.value("phone"), company: invocation.value("company"),
                                    creditCode: invocation.value("credit_code"), existing: try s.store.sites(), by: s.signedIn)
            let added = try s.store.addSite(site)
            return .message(s.t("门店 \(added.name)：企业编码 \(added.code)", "site \(added.name): company code \(added.code)")
                            + (added.address.isEmpty ? "" : " · \(added.address)") + (added.phone.isEmpty ? "" : " · \(added.phone)"),
                            [("site", .string(added.name)), ("code", .string(added.code))])
        },
        Form([word("set"), textArg("site", .site)],
             options: [option("name", .text("门店名称", "NAME")), option("code", .text("企业编码", "CODE")),
                       option("address", .text("地址", "ADDRESS")), option("phone", phone)] + companyOptions,
             access: .write, roles: [.manager],
             summary: Phrase("修改门店资料：名称、企业编码、地址、电话、公司名称、统一社会信用代码（只改写出的项；总店用 shop set 和 healthrecord set）",
                             "correct a site: its name, company code, address, phone, company or unified social credit code (only those given; the home site's are the shop's settings and platform account)"),
             examples: ["site set 深圳南山店 code=4403000002", "site set 深圳南山店 name=南山店 phone=0755-26000001",
                        "site set 深圳南山店 company=深圳顺达汽车维修有限公司 credit_code=91440300MA5G8X2K3H"]) { invocation, s in
            let old = try s.store.resolveSite(invocation.need("site"))
            // A site's manager corrects their own site; any other is the home site's to change.
            if old.id != (s.store.siteID ?? Site.homeID) { try PeopleCommands.requireRunsTheChain(s) }
            let site = try Site.correct(old, name: invocation.value("name"), code: invocation.value("code"),
                                        address: invocation.value("address"), phone: invocation.value("phone"),
                                        company: invocation.value("company"), creditCode: invocation.value("credit_code"),
                                        existing: try s.store.sites(), by: s.signedIn)
            try s.store.correctSite(site, was: old)
            let renamed = site.name == old.name ? "" : s.t("（原名 \(old.name)）", " (was \(old.name))")
            return .message(s.t("门店 \(site.name)\(renamed)：企业编码 \(site.code)", "site \(site.name)\(renamed): company code \(site.code)")
                            + (site.address.isEmpty ? "" : " · \(site.address)") + (site.phone.isEmpty ? "" : " · \(site.phone)"),
                            [("site", .string(site.name)), ("code", .string(site.code))])
        },
        Form([word("list", "ls")], access: .read, summary: Phrase("全部门店：企业编码、地址、电话、员工人数", "every site: company code, address, phone, staff"),
             examples: ["site list"]) { _, s in
            try list(s)
        },
        Form([], access: .read, summary: Phrase("全部门店", "every site"), examples: ["site"]) { _, s in try list(s) },
    ])

    /// The company running a site and its 统一社会信用代码, named as the shop's own settings name
    /// theirs (`shop set credit_code=`): printed on the site's papers as the 承修方.
    static let companyOptions = [option("company", .text("公司名称", "COMPANY")),
                                 option("credit_code", .text("统一社会信用代码", "CREDIT_CODE"))]

    /// A site's telephone, kept as typed (0755-26000000), as the shop's own (`shop set phone=`) is:
    /// a landline's area code reads apart, and nothing looks a site up by its phone.
    static let phone = ValueType.text("电话", "PHONE")

    static func list(_ s: Session) throws -> Output {
        let sites = try s.store.sites()
        let staff = try s.store.allStaff().filter(\.active)
        let current = try s.store.currentSite()
        var table = TextTable([s.t("门店", "Site"), s.t("企业编码", "Company code"), s.t("地址", "Address"), s.t("电话", "Phone"),
                               s.t("员工", "Staff")])
        var json: [JSON] = []
        // The company and credit code printed on each site's papers, once a site has its own (the
        // home site's are the shop's: its name and credit code).
        var companies: [String] = []
        let ownCompanies = sites.contains { !$0.isHome && (!$0.company.isEmpty || !$0.creditCode.isEmpty) }
        for site in sites {
            let people = staff.filter { site.isWorkplace(of: $0) }.count
            table.add([site.name + (site.isHome ? s.t("（总店）", " (home)") : "") + (site.id == current.id ? " *" : ""),
                       site.code, site.address, site.phone, String(people)])
            let company = site.isHome ? s.settings.name : site.company
            companies.append("  \(site.name)：" + (company.isEmpty ? s.t("（未填公司名称）", "(no company given)") : company)
                             + " · " + s.t("统一社会信用代码 ", "credit code ") + (site.creditCode.isEmpty ? s.t("未填", "not given") : site.creditCode))
            json.append(.object([("id", .int(site.id)), ("name", .string(site.name)), ("code", .string(site.code)),
                                 ("address", .string(site.address)), ("phone", .string(site.phone)), ("home", .bool(site.isHome)),
                                 ("staff", .int(people)), ("current", .bool(site.id == current.id)),
                                 ("company", .string(company.isEmpty ? nil : company)),
                                 ("credit_code", .string(site.creditCode.isEmpty ? nil : site.creditCode))]))
        }
        let papers = ownCompanies ? "\n\n" + s.t("单据上的承修方：", "The repairer on each site's papers:") + "\n" + companies.joined(separator: "\n") : ""
        let legend = "\n" + s.t("* 本次登录所在的门店", "* the site this session works at")
        return Output(text: table.render() + legend + papers, json: .object([("sites", .array(json))]))
    }
}


extension Session {
    /// The shop's settings as an order's papers print them: the 承修方 (name, address, phone) is the
    /// site the car was checked in at — the shop's own settings for the home site, and for every
    /// order while the shop has one site.
    func papersSettings(orderID: Int) throws -> ShopSettings {
        try papersSettings(site: store.siteOfOrder(orderID))
    }

    /// The papers of a booking are the site's that took it; a pick list, the session's site's.
    func papersSettings(appointmentID: Int) throws -> ShopSettings {
        guard try store.hasSites() else { return settings }
        return try papersSettings(site: store.site(id: store.siteID(ofAppointment: appointmentID)))
    }

    func papersSettingsOfSession() throws -> ShopSettings {
        guard try store.hasSites() else { return settings }
        return try papersSettings(site: store.currentSite())
    }

    /// A site's papers: the shop's settings with the site's company (or name), credit code, address and
    /// phone (the home site's: the shop's); headed with its company, the site's name too.
    func papersSettings(site: Site?) throws -> ShopSettings {
        guard let site, !site.isHome else { return settings }
        var papers = settings
        // The 承修方 is the company running the site, with its own credit code — never the home
        // company's (a site without one prints none).
        papers.name = site.company.isEmpty ? site.name : site.company
        // Under the company's name, the site's own: which of its shops the customer dealt with.
        papers.papersSiteName = site.company.isEmpty ? "" : site.name
        papers.creditCode = site.creditCode
        papers.address = site.address
        papers.phone = site.phone
        return papers
    }
}
