/// Work on an order of another site of the chain (SiteWork).
public enum SiteWorkRefusal: Refusal, Equatable {
    public static let area = "site"
    /// `order` was checked in at `site`; the person works at `here`.
    case otherSitesOrder(order: String, site: String, here: String)
    /// `shop set` from another site than the home site.
    case shopSettingsAreTheHomeSites(here: String, home: String)
}
