/// Work on an order of another site of the chain (SiteWork).
public enum SiteWorkRefusal: Refusal, Equatable {
    public static let area = "site"
    /// `order` was checked in at `site`; the person works at `here`.
    case otherSitesOrder(order: String, site: String, here: String)
    /// `shop set` from another site than the home site.
    case shopSettingsAreTheHomeSites(here: String, home: String)
    /// A manager at `here` managing `person`, who works at `site`.
    case otherSitesStaff(person: String, site: String, here: String)
    /// Moving staff between sites, or adding or renaming another site, from a site not the home one.
    case chainIsRunFromTheHomeSite(here: String, home: String)
    /// A reminder of `site` called, booked or dismissed at `here`.
    case otherSitesReminder(reminder: String, site: String, here: String)
    /// A complaint of `site` handled at `here`.
    case otherSitesComplaint(complaint: Int, site: String, here: String)
}
