import SQLite
import WorkshopModel

/// The one rule that says which rows belong to a site: `site_id` NULL is the home site (the rows of
/// the shop before it became a chain, never rewritten, and every new row of the home site), an
/// added site's id otherwise. Every query and write of a site's rows goes through here, so the rule
/// is said once. A site's report searches the site's partial indexes (021-sites) with `condition`;
/// a work list finds the open orders through their own indexes and tests the site beside (`filter`).
enum SiteScope {
    /// nil for the home site (whatever id it is given as), the id of an added site.
    static func storedID(_ siteID: Int?) -> Int? {
        guard let siteID, siteID != Site.homeID else { return nil }
        return siteID
    }

    /// The value a new row of the site stores in its `site_id`.
    static func value(_ siteID: Int?) -> SQLValue { SQLValue(storedID(siteID)) }

    /// `column` holds a row of the site: `o.site_id IS NULL` for the home site, `o.site_id = ?`
    /// (with its argument) for another.
    static func condition(_ column: String, _ siteID: Int?) -> (sql: String, arguments: [SQLValue]) {
        guard let id = storedID(siteID) else { return ("\(column) IS NULL", []) }
        return ("\(column) = ?", [.integer(Int64(id))])
    }

    /// What starts the numbers of a site's statutory papers (settlement lists, completion
    /// certificates): nothing for the home site, whose numbers are as they always were; "S2-" for
    /// site 2 — outside the home site's ranges ("JS2026-"…, "2026-"…), so each site's sequence is
    /// its own and no number is given twice.
    static func paperMark(_ siteID: Int?) -> String { storedID(siteID).map { "S\($0)-" } ?? "" }

    /// The same condition tested on rows another index found (`+column`, so SQLite never picks the
    /// site's index and walks its whole history to find a handful of open orders): the work lists.
    static func filter(_ column: String, _ siteID: Int?) -> (sql: String, arguments: [SQLValue]) {
        guard let id = storedID(siteID) else { return ("\(column) IS NULL", []) }
        return ("+\(column) = ?", [.integer(Int64(id))])
    }

    /// The site a journal entry belongs to, as a column of `journal` (the table's name or alias).
    /// An entry from 024-site-hooks-and-entries on carries its site (`journal.site_id`, the home
    /// site by its id there: Journal.siteColumn), fixed when it was made: a person moved to
    /// another site leaves their entries where they were made. An older entry (its `site_id`
    /// NULL) is read as it was before the column: the site of the order it names (only its own
    /// site changes it: SiteWork), else the site of the person who made it as the staff list has
    /// them now. NULL: the home site, as in every table. One look-up by key at most.
    static func ofEntry(_ journal: String) -> String {
        "(CASE WHEN \(journal).site_id IS NOT NULL THEN nullif(\(journal).site_id, \(Site.homeID)) "
            + "WHEN \(journal).order_id IS NOT NULL THEN (SELECT eo.site_id FROM orders eo WHERE eo.id = \(journal).order_id) "
            + "ELSE (SELECT ep.site_id FROM staff ep WHERE ep.name = \(journal).actor) END)"
    }

    /// The site of a row that may name an order (a complaint, a reminder), as an expression on
    /// `table` (its name or alias): its order's site when it names one (the order's site is the one
    /// that did the work, whatever row was written where), else the row's own `site_id` (the site
    /// where it was registered or set). One look-up by key.
    static func ofOrderElseOwn(_ table: String) -> String {
        "(CASE WHEN \(table).order_id IS NOT NULL THEN (SELECT so.site_id FROM orders so WHERE so.id = \(table).order_id) "
            + "ELSE \(table).site_id END)"
    }

    /// The same as " AND …", to add to a statement's conditions.
    static func clause(_ column: String, _ siteID: Int?) -> (sql: String, arguments: [SQLValue]) {
        let condition = condition(column, siteID)
        return (" AND " + condition.sql, condition.arguments)
    }
}

extension Store {
    private static let siteColumns = "id, name, code, address, phone, company, credit_code"

    private func site(from row: ShopRow) -> Site {
        Site(id: row.int("id"), name: row.string("name"), code: row.string("code"), address: row.string("address"),
             phone: row.string("phone"), company: row.optionalString("company") ?? "", creditCode: row.optionalString("credit_code") ?? "")
    }

    /// The home site: the shop as it was before it became a chain — its settings' name, address and
    /// phone, its health-record account's 企业编码.
    public func homeSite() throws -> Site {
        Site(id: Site.homeID, name: settings.name, code: try healthRecordAccount()?.company ?? "",
             address: settings.address, phone: settings.phone, creditCode: settings.creditCode)
    }

    /// The sites a chain added, in the order added.
    public func addedSites() throws -> [Site] {
        try db.rows("SELECT \(Self.siteColumns) FROM sites ORDER BY id", [], site(from:))
    }

    /// Every site, the home site first.
    public func sites() throws -> [Site] { [try homeSite()] + (try addedSites()) }

    /// The shop is a chain: a site was added. Until then no list, paper or report names a site.
    /// Asked by many reads of one command (each list, count and shelf is the site's in a chain):
    /// read once a transaction — on a server in the round trip of its BEGIN — and remembered to its end.
    public func hasSites() throws -> Bool {
        if let sitesKnown, db.isInTransaction { return sitesKnown }
        let found = try db.scalar(Self.hasSitesQuery) ?? 0 > 0
        if db.isInTransaction { sitesKnown = found }
        return found
    }

    static let hasSitesQuery = "SELECT count(*) FROM (SELECT 1 FROM sites LIMIT 1) AS one"

    /// The site of an id as rows store it (nil: the home site).
    public func site(id: Int?) throws -> Site {
        guard let id = SiteScope.storedID(id) else { return try homeSite() }
        return try db.first("SELECT \(Self.siteColumns) FROM sites WHERE id = ?", [.integer(Int64(id))], site(from:)) ?? homeSite()
    }

    /// The site an order was checked in at — nil while the shop has one site, so that nothing
    /// names a site until a chain does.
    public func siteOfOrder(_ orderID: Int) throws -> Site? {
        guard try hasSites() else { return nil }
        let stored = try db.first("SELECT site_id FROM orders WHERE id = ?", [.integer(Int64(orderID))]) { $0.optionalInt("site_id") }
        return try site(id: stored ?? nil)
    }

    /// The site an order belongs to as rows store it (nil: the home site), for numbering its papers.
    public func siteID(ofOrder orderID: Int) throws -> Int? {
        try db.first("SELECT site_id FROM orders WHERE id = ?", [.integer(Int64(orderID))]) { $0.optionalInt("site_id") } ?? nil
    }

    /// The site that took a booking, as rows store it (nil: the home site).
    public func siteID(ofAppointment id: Int) throws -> Int? {
        try db.first("SELECT site_id FROM appointments WHERE id = ?", [.integer(Int64(id))]) { $0.optionalInt("site_id") } ?? nil
    }

    /// The site named in a command, or a refusal listing them.
    public func resolveSite(_ name: String) throws -> Site { try Site.resolve(name, in: sites()) }

    /// The session's site: the signed-in person's (the home site when none is).
    public func currentSite() throws -> Site { try site(id: siteID) }

    /// Records a site `Site.add` checked, numbered after the home site (1) and every site added, and
    /// journalled.
    public func addSite(_ new: Site) throws -> Site {
        sitesKnown = true
        let id = try insert("""
            INSERT INTO sites(id, name, code, address, phone, created_at, created_by, company, credit_code)
            VALUES ((SELECT coalesce(max(id), \(Site.homeID)) + 1 FROM sites), ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(new.name), .text(new.code), .text(new.address), .text(new.phone),
                  .integer(Int64(context.now.seconds)), .text(context.actor), Self.given(new.company), Self.given(new.creditCode)])
        try journal(.siteAdd, entity: "site", id: new.name,
                    detail: [("code", .string(new.code)), ("address", .string(new.address)), ("phone", .string(new.phone))]
                        + Self.companyDetail(new))
        var added = new
        added.id = id
        return added
    }

    /// Records a site `Site.correct` checked (an added site: the home site's facts are the shop's
    /// settings), journalled under the name it had with what it is now. A new 企业编码 drops the
    /// platform's token, given for the old one (the password stays: the next upload signs in again).
    public func correctSite(_ corrected: Site, was old: Site) throws {
        let token = corrected.code == old.code ? "" : ", health_record_token = NULL"
        try db.run("UPDATE sites SET name = ?, code = ?, address = ?, phone = ?, company = ?, credit_code = ?\(token) WHERE id = ?",
                   [.text(corrected.name), .text(corrected.code), .text(corrected.address), .text(corrected.phone),
                    Self.given(corrected.company), Self.given(corrected.creditCode), .integer(Int64(corrected.id))])
        try journal(.siteSet, entity: "site", id: old.name,
                    detail: [("name", .string(corrected.name)), ("code", .string(corrected.code)),
                             ("address", .string(corrected.address)), ("phone", .string(corrected.phone)),
                             ("company", .string(corrected.company.isEmpty ? nil : corrected.company)),
                             ("credit_code", .string(corrected.creditCode.isEmpty ? nil : corrected.creditCode))])
    }

    /// A site's company or credit code as stored: NULL when not given (023-site-figures).
    private static func given(_ text: String) -> SQLValue { text.isEmpty ? .null : .text(text) }

    /// The journal's words for a site's company and credit code, when it has them (a site without
    /// them journals as it did before they existed).
    private static func companyDetail(_ site: Site) -> [(String, JSON)] {
        (site.company.isEmpty ? [] : [("company", .string(site.company))])
            + (site.creditCode.isEmpty ? [] : [("credit_code", .string(site.creditCode))])
    }

    /// Moves a person to a site (journalled as the change of their staff record it is).
    public func setStaffSite(_ name: String, to site: Site) throws -> StaffMember? {
        try db.run("UPDATE staff SET site_id = ? WHERE name = ?", [SiteScope.value(site.id), .text(name)])
        try journal(.staffSave, entity: "staff", id: name, detail: [("site", .string(site.name))])
        return try staff(named: name)
    }
}

extension Store {
    /// Refused when the order is another site's than the session's (SiteWork): before what a
    /// command writes beside an order (its belongings, notes, documents, follow-up, notices); an
    /// order's own row is tested by its UPDATE (saveOrder). The order carries its site as read.
    public func requireSiteWork(of order: RepairOrder) throws {
        try SiteWork.mayChange(order: order.number, at: order.siteID, from: siteID) { try self.site(id: $0).name }
    }
}
