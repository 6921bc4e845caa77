/// Who changes an order in a chain: the people of the site it was checked in at. Every site reads
/// every order (a vehicle's file is the chain's), but the work, the money and the hand-back are the
/// site's own: another site's discount, part, payment or release would land in that site's stock,
/// cash drawer and reports, and its papers would be signed by someone who does not work there.
public enum SiteWork {
    /// `orderSite` and `here` are site ids; nil is the home site, as a person or row without one.
    public static func mayChange(order: String, at orderSite: Int?, from here: Int?, siteName: (Int) throws -> String) throws {
        try requireOwn(orderSite, from: here, siteName) { .otherSitesOrder(order: order, site: $0, here: $1) }
    }

    /// Refused with `refusal(site, here)`, their names, when what is worked on belongs to another
    /// site than the person's (`what` and `here` site ids; nil is the home site).
    static func requireOwn(_ what: Int?, from here: Int?, _ siteName: (Int) throws -> String,
                           _ refusal: (String, String) -> SiteWorkRefusal) throws {
        let (site, own) = (what ?? Site.homeID, here ?? Site.homeID)
        guard site != own else { return }
        throw refusal(try siteName(site), try siteName(own))
    }
}

extension SiteWork {
    /// The shop's settings are the home site's (its name, address and phone head the home site's
    /// papers) and the chain's (its rates, tax and zone): set by a manager working at the home site,
    /// never by another site's, whose own name, address and phone are its site's (`site set`).
    public static func maySetShopSettings(from here: Int?, siteName: (Int) throws -> String) throws {
        try requireOwn(Site.homeID, from: here, siteName) { .shopSettingsAreTheHomeSites(here: $1, home: $0) }
    }
}

extension SiteWork {
    /// Who manages a person in a chain: a manager at the home site anyone; another site's manager
    /// the people of that site only (their roles, group, a forgotten PIN). A PIN set is an account
    /// taken: a site's manager who could set the home manager's PIN could sign in as them and do
    /// all that `shop set` and `staff move` keep from a site. Nobody else's PIN is a self-change.
    public static func mayManage(person: String, at personSite: Int?, from here: Int?, siteName: (Int) throws -> String) throws {
        guard (here ?? Site.homeID) != Site.homeID else { return }
        try requireOwn(personSite, from: here, siteName) { .otherSitesStaff(person: person, site: $0, here: $1) }
    }

    /// Moving people between sites, and the chain's sites themselves (adding one, another site's
    /// name and code): the home site's managers'.
    public static func mayRunTheChain(from here: Int?, siteName: (Int) throws -> String) throws {
        try requireOwn(Site.homeID, from: here, siteName) { .chainIsRunFromTheHomeSite(here: $1, home: $0) }
    }
}

extension SiteWork {
    /// A reminder is called, booked or dismissed by the site it belongs to (its order's, or where it
    /// was set): the customer hears from one shop, the one whose work it follows, never from two.
    public static func mayCall(reminder: String, at reminderSite: Int?, from here: Int?, siteName: (Int) throws -> String) throws {
        try requireOwn(reminderSite, from: here, siteName) { .otherSitesReminder(reminder: reminder, site: $0, here: $1) }
    }
}

extension SiteWork {
    /// A complaint is classified, assigned, verified, answered and followed up by its site (its
    /// order's, or where it was registered): the shop whose work it is about answers for it.
    public static func mayHandle(complaint: Int, at complaintSite: Int?, from here: Int?, siteName: (Int) throws -> String) throws {
        try requireOwn(complaintSite, from: here, siteName) { .otherSitesComplaint(complaint: complaint, site: $0, here: $1) }
    }
}
