/// One shop of a chain (门店): its name, its 企业编码 on the provincial repair-record platform, its
/// address and telephone. Staff, bays, orders, cash and reports belong to a site; customers,
/// vehicles and their files are the chain's, shared by every site.
///
/// The shop as it was before it became a chain is the HOME site (id 1): its facts are the shop's
/// settings (name, address, phone) and its health-record account's 企业编码. A shop that never adds
/// a site has only the home site and never reads the word.
public struct Site: Hashable, Sendable {
    public static let homeID = 1

    public var id: Int
    public var name: String
    /// The site's 企业编码 on the provincial platform ("" for a home site without a platform account).
    public var code: String
    public var address: String
    public var phone: String
    /// The company that runs an added site, as its papers name the 承修方 ("" : not given, its papers
    /// say the site's name), and its 统一社会信用代码 ("" : not given — never the home company's).
    /// The home site's are the shop's settings (`shop set name= credit_code=`).
    public var company: String
    public var creditCode: String

    public init(id: Int, name: String, code: String, address: String = "", phone: String = "", company: String = "",
                creditCode: String = "") {
        (self.id, self.name, self.code, self.address, self.phone) = (id, name, code, address, phone)
        (self.company, self.creditCode) = (company, creditCode)
    }

    public var isHome: Bool { id == Site.homeID }

    /// The person works here: a person with no site is the home site's.
    public func isWorkplace(of member: StaffMember) -> Bool { (member.siteID ?? Site.homeID) == id }

    /// The words that name every site at once (`report month site=all`), never a site's name.
    public static let allWords: Set<String> = ["all", "全部"]

    public static let maximumNameLength = 40

    /// A site's name: what the chain calls the shop (深圳南山店).
    public static func checkedName(_ given: String) throws -> String {
        let name = given.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw InputRefusal.empty(field: "site") }
        guard !allWords.contains(name.lowercased()) else { throw SiteRefusal.reservedName(given: name) }
        guard name.count <= maximumNameLength else { throw SiteRefusal.nameTooLong(given: name, maximum: maximumNameLength) }
        return name
    }

    /// What a site is called for short, to tell its things apart (a bay's name): its name without
    /// a final 店 (深圳南山店 → 深圳南山; 顺达汽修 stays).
    public static func shortName(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count > 1, trimmed.hasSuffix("店") else { return trimmed }
        return String(trimmed.dropLast())
    }

    /// A 企业编码 as the platforms issue them: 6 to 32 letters and digits (hyphens allowed inside,
    /// as some provinces print them), upper case kept as given.
    public static func checkedCode(_ given: String) throws -> String {
        let code = given.trimmingCharacters(in: .whitespaces)
        let allowed = code.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" }
        guard (6...32).contains(code.count), allowed, code.first != "-", code.last != "-" else {
            throw SiteRefusal.notCompanyCode(given: code)
        }
        return code.uppercased()
    }

    /// A new site of the chain (`site add`): a manager adds it; its name and 企业编码 are another
    /// site's neither (the home site's included). `existing`: every site, the home site first.
    /// The id is the store's to give (0 here).
    public static func add(name: String, code: String, address: String?, phone: String?, company: String? = nil,
                           creditCode: String? = nil, existing: [Site], by person: StaffMember?) throws -> Site {
        guard let person, person.has(.manager) else { throw SiteRefusal.onlyManagerAdds(person: person?.name) }
        let name = try checkedName(name)
        try checkNotTheHomeSites(name, existing: existing)
        let code = try checkedCode(code)
        if let taken = existing.first(where: { $0.name.lowercased() == name.lowercased() }) {
            throw SiteRefusal.nameTaken(name: taken.name, sites: existing.map(\.name))
        }
        if let taken = existing.first(where: { !$0.code.isEmpty && $0.code.uppercased() == code }) {
            throw SiteRefusal.codeTaken(code: code, site: taken.name)
        }
        return Site(id: 0, name: name, code: code, address: address?.trimmingCharacters(in: .whitespaces) ?? "",
                    phone: phone?.trimmingCharacters(in: .whitespaces) ?? "",
                    company: company?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
                    creditCode: try creditCode.map(checkedCreditCode) ?? "")
    }

    /// A site's 统一社会信用代码: checked as the shop's is (18 characters, its check character right);
    /// empty clears it.
    public static func checkedCreditCode(_ given: String) throws -> String {
        let code = given.trimmingCharacters(in: .whitespaces)
        if !code.isEmpty { try CreditCode.validate(code) }
        return code.uppercased()
    }

    /// A site corrected (`site set NAME name=… code=… address=… phone=…`): a manager changes an
    /// added site's facts, each checked as `add` checks it (a name and a 企业编码 no other site has);
    /// what is not given stays. The home site's facts are the shop's settings and its platform
    /// account's, changed there. `existing`: every site, the home site first.
    public static func correct(_ site: Site, name: String?, code: String?, address: String?, phone: String?,
                               company: String? = nil, creditCode: String? = nil,
                               existing: [Site], by person: StaffMember?) throws -> Site {
        guard let person, person.has(.manager) else { throw SiteRefusal.onlyManagerCorrects(person: person?.name) }
        guard !site.isHome else { throw SiteRefusal.homeSiteIsTheShops(site: site.name) }
        guard name != nil || code != nil || address != nil || phone != nil || company != nil || creditCode != nil else {
            throw SiteRefusal.nothingToCorrect(site: site.name)
        }
        let others = existing.filter { $0.id != site.id }
        var corrected = site
        if let name {
            corrected.name = try checkedName(name)
            try checkNotTheHomeSites(corrected.name, existing: existing)
            if let taken = others.first(where: { $0.name.lowercased() == corrected.name.lowercased() }) {
                throw SiteRefusal.nameTaken(name: taken.name, sites: existing.map(\.name))
            }
        }
        if let code {
            corrected.code = try checkedCode(code)
            if let taken = others.first(where: { !$0.code.isEmpty && $0.code.uppercased() == corrected.code }) {
                throw SiteRefusal.codeTaken(code: corrected.code, site: taken.name)
            }
        }
        if let address { corrected.address = address.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let phone { corrected.phone = phone.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let company { corrected.company = company.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let creditCode { corrected.creditCode = try checkedCreditCode(creditCode) }
        return corrected
    }

    /// An added site's name never says "the home site": where a site is named (`site=`), 总店 or
    /// home, and the shop's name marked as `site list` marks the home site (顺达汽修（总店）), mean the
    /// home site — a site called so would be taken for it, or take its place. (The shop's bare name
    /// is the home site's own: refused as taken.)
    static func checkNotTheHomeSites(_ name: String, existing: [Site]) throws {
        let wanted = comparable(name)
        guard homeWords.contains(wanted) || homeMarks.contains(where: { wanted.hasSuffix(comparable($0)) }) else { return }
        throw SiteRefusal.homeSitesWord(given: name, home: existing.first(where: \.isHome)?.name ?? "")
    }

    /// The shop's name is the home site's (`shop set name=`): it may not be a site's the chain added.
    public static func checkHomeName(_ name: String, addedSites: [Site]) throws {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let taken = addedSites.first(where: { $0.name.lowercased() == wanted }) {
            throw SiteRefusal.nameTaken(name: taken.name, sites: addedSites.map(\.name))
        }
    }

    /// The site a name given in a command means: a site's name (either case), or a refusal listing them.
    /// The home site is named by the shop's name (the settings' name, however its spaces were
    /// typed), as `site list` shows it ("顺达汽修（总店）", "顺达汽修 (home)"), or by the word
    /// 总店 / home — unless an added site is called so.
    public static func resolve(_ given: String, in sites: [Site]) throws -> Site {
        try resolve(given, in: sites, allowsAll: false)
    }

    /// `allowsAll`: the command also takes all / 全部 (a report), as an empty name's refusal says.
    static func resolve(_ given: String, in sites: [Site], allowsAll: Bool) throws -> Site {
        let wanted = comparable(given)
        guard !wanted.isEmpty else {
            throw SiteRefusal.emptySite(sites: sites.map(\.name), home: sites.first(where: \.isHome)?.name ?? "", allowsAll: allowsAll)
        }
        if let found = sites.first(where: { comparable($0.name) == wanted }) { return found }
        if let home = sites.first(where: \.isHome) {
            let bare = homeMarks.first(where: { wanted.hasSuffix($0) }).map { comparable(String(wanted.dropLast($0.count))) } ?? wanted
            if homeWords.contains(wanted) || bare == comparable(home.name) { return home }
        }
        throw SiteRefusal.unknownSite(given: given, sites: sites.map(\.name))
    }

    /// The words that name the home site (`staff move 李娜 site=总店`).
    public static let homeWords: Set<String> = ["总店", "home"]
    /// How `site list` marks the home site after its name, as typed back.
    static let homeMarks = ["（总店）", "(总店)", "(home)", "（home）"]

    /// A site's name as compared: trimmed of surrounding spaces, either case.
    static func comparable(_ name: String) -> String { name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }

    /// Whose figures a report gives (`report day|month [site=NAME|all]`): a shop with one site, its
    /// own as always; a chain, the session's site unless another is asked for — every site together
    /// ("all", "全部") or another one, which only a manager sees.
    public static func reportScope(requested: String?, isChain: Bool, sites: [Site], session: Site,
                                   person: StaffMember?) throws -> ReportScope {
        let asked: ReportScope? = try requested.map { allWords.contains($0.trimmingCharacters(in: .whitespaces).lowercased())
            ? .everySite : .site(try resolve($0, in: sites, allowsAll: true)) }
        guard isChain else { return .everySite }
        let scope = asked ?? .site(session)
        if scope != .site(session), person?.has(.manager) != true {
            throw SiteRefusal.otherSitesReportNeedsManager(person: person?.name, site: session.name)
        }
        return scope
    }
}

/// The figures a report gives: every site's together, or one site's.
public enum ReportScope: Hashable, Sendable {
    case everySite
    case site(Site)

    public var site: Site? {
        if case .site(let site) = self { return site }
        return nil
    }
}
