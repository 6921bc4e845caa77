/// The sites of a chain (`site add`, `staff add … site=`).
public enum SiteRefusal: Refusal, Equatable {
    public static let area = "site"

    /// Only a manager adds a site (nil: no one is signed in).
    case onlyManagerAdds(person: String?)
    /// Only a manager corrects a site (`site set`).
    case onlyManagerCorrects(person: String?)
    /// The home site's name, address and phone are the shop's settings (`shop set`), its 企业编码
    /// its platform account's (`healthrecord set company=`): `site set` corrects an added site.
    case homeSiteIsTheShops(site: String)
    /// `site set NAME` with nothing to change.
    case nothingToCorrect(site: String)
    /// "all" / "全部" names every site at once (`report month site=all`).
    case reservedName(given: String)
    case nameTooLong(given: String, maximum: Int)
    /// 总店 / home, or a name marked as the home site is (顺达汽修（总店）), names the home site (`home`).
    case homeSitesWord(given: String, home: String)
    /// Another site (the home site included) has the name.
    case nameTaken(name: String, sites: [String])
    /// Not a 企业编码: 6 to 32 letters and digits.
    case notCompanyCode(given: String)
    /// Another site reports to the platform under this 企业编码.
    case codeTaken(code: String, site: String)
    case unknownSite(given: String, sites: [String])
    /// `site=` with nothing after it: the sites it may name, the home site's words, and — where
    /// every site at once may be asked for (a report) — all / 全部.
    case emptySite(sites: [String], home: String, allowsAll: Bool)
    /// A site's national-record account is its password (its code is the site's, the platform's
    /// address and style the shop's); `given`: the other settings given with site=.
    case siteAccountIsItsPassword(site: String, given: [String])
    /// Another site's report, or the whole chain's, is a manager's to read; `site`: the person's own.
    case otherSitesReportNeedsManager(person: String?, site: String)
    /// Another site's shelf, or every site's, is a manager's to read (`parts show … site=`).
    case otherSitesShelfNeedsManager(person: String?, site: String)
}
