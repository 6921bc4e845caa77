import SQLite
import WorkshopModel

extension Store {
    private func staffMember(from row: ShopRow) throws -> StaffMember {
        let stored = StoredCodes(row, table: "staff", key: row.string("name"))
        return StaffMember(id: row.int("id"), name: row.string("name"), roles: try stored.codes("roles"),
                           group: row.optionalString("group_name"), active: row.bool("active"),
                           siteID: row.optionalInt("site_id"))
    }

    public func staff(named name: String) throws -> StaffMember? {
        try db.first(Self.staffByName, [.text(name)], staffMember(from:))
    }

    static let staffByName = "SELECT id, name, roles, group_name, active, site_id FROM staff WHERE name = ?"

    /// Everyone, by work group (those in none first, where SQLite puts NULL and PostgreSQL must be told to).
    public func allStaff() throws -> [StaffMember] {
        try db.rows("SELECT id, name, roles, group_name, active, site_id FROM staff ORDER BY group_name NULLS FIRST, id", [], staffMember(from:))
    }

    /// A staff member by name who has `role` (or one of `others`), or an error naming who does.
    public func staff(_ name: String, role: Role, orAnyOf others: [Role] = []) throws -> StaffMember {
        guard let member = try staff(named: name), member.active else {
            let holders = try allStaff().filter { $0.has(role) && $0.active }.map(\.name)
            throw StaffRefusal.notOnStaff(name: name, role: role, holders: holders)
        }
        guard member.has(role) || others.contains(where: member.has) else {
            let accepted = [role] + others.filter { $0 != role }
            let holders = try allStaff().filter { person in person.active && accepted.contains(where: person.has) }.map(\.name)
            throw StaffRefusal.lacksRole(name: name, roles: member.roles, needed: role, alsoAccepted: Array(accepted.dropFirst()), holders: holders)
        }
        return member
    }

    /// Adds a person, or updates the roles and group of one already listed.
    public func saveStaff(name: String, roles: [Role], group: String?, pinHash: String? = nil) throws -> StaffMember {
        let rolesText = roles.map(\.code).joined(separator: ",")
        try db.run("""
            INSERT INTO staff(name, roles, group_name, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET roles = excluded.roles, group_name = excluded.group_name, active = 1,
                pin_hash = coalesce(excluded.pin_hash, staff.pin_hash)
            """, [.text(name), .text(rolesText), SQLValue(group), SQLValue(pinHash), .integer(Int64(context.now.seconds))])
        try journal(.staffSave, entity: "staff", id: name,
                    detail: [("roles", .string(rolesText)), ("group", .string(group)), ("pin", .string(pinHash == nil ? nil : "set"))])
        return try staff(named: name)!
    }

    /// The work groups: every group a staff member belongs to.
    /// The work groups of the session's site (in a chain, another site's groups are not dispatched to).
    public func workGroups() throws -> [String] {
        let query = workGroupsQuery()
        return try db.rows(query.sql, query.arguments) { $0.string("group_name") }
    }

    /// The session's site's work groups, as `workGroups()` reads them.
    func workGroupsQuery() -> (sql: String, arguments: [SQLValue]) {
        let site = SiteScope.condition("site_id", siteID)
        return ("SELECT DISTINCT group_name FROM staff WHERE group_name IS NOT NULL AND active = 1 AND \(site.sql) ORDER BY group_name",
                site.arguments)
    }

    // MARK: Bays

    private func bay(from row: ShopRow) -> Bay {
        Bay(id: row.int("id"), name: row.string("name"), equipment: row.string("equipment").split(separator: ",").map(String.init),
            hours: row.string("hours"))
    }

    /// A bay of the session's site by name, A to Z matched in either case (as SQLite's NOCASE, in a
    /// form PostgreSQL runs too).
    /// Inside a write, read once: a dispatch names its bay to check it, to assign it and to move
    /// the car in (`WriteState.baysByName`).
    public func bay(named name: String) throws -> Bay? {
        let key = "\(siteID.map(String.init) ?? "")/\(name)"
        if let known = writing?.baysByName[key] { return known }
        let query = bayNamedQuery(name)
        let found = try db.first(query.sql, query.arguments, bay(from:))
        writing?.baysByName[key] = .some(found)
        return found
    }

    /// The session's site's bay of a name, as `bay(named:)` reads it.
    func bayNamedQuery(_ name: String) -> (sql: String, arguments: [SQLValue]) {
        let site = SiteScope.condition("site_id", siteID)
        return ("SELECT id, name, equipment, hours FROM bays WHERE lower(name) = lower(?) AND \(site.sql) ORDER BY id", [.text(name)] + site.arguments)
    }

    /// The session's site's bays.
    public func bays() throws -> [Bay] {
        let query = baysQuery()
        return try db.rows(query.sql, query.arguments, bay(from:))
    }

    /// The session's site's bays, as `bays()` reads them (`bayStates` sends it ahead on a server).
    func baysQuery() -> (sql: String, arguments: [SQLValue]) {
        let site = SiteScope.condition("site_id", siteID)
        return ("SELECT id, name, equipment, hours FROM bays WHERE \(site.sql) ORDER BY id", site.arguments)
    }

    /// A bay by its id, whichever site it is at (a booking or an order names its bay by id).
    public func bay(id: Int) throws -> Bay? {
        try db.first("SELECT id, name, equipment, hours FROM bays WHERE id = ?", [.integer(Int64(id))], bay(from:))
    }

    /// Adds a bay to the session's site, or changes one of its bays. A bay's name is the chain's:
    /// one another site has is refused (BayRules.nameFree), never that site's bay changed.
    public func saveBay(name given: String, equipment: [String], hours: String) throws {
        let name = try BayRules.checkedName(given)
        let text = equipment.joined(separator: ",")
        let holder = try db.first("SELECT site_id FROM bays WHERE name = ?", [.text(name)]) { SiteValue(id: $0.optionalInt("site_id")) }
        if let holder { try BayRules.nameFree(name, heldAt: holder.id, here: siteID, siteName: { try site(id: $0).name }) }
        try db.run("""
            INSERT INTO bays(name, equipment, hours, created_at, site_id) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET equipment = excluded.equipment, hours = excluded.hours
            """, [.text(name), .text(text), .text(hours), .integer(Int64(context.now.seconds)), SiteScope.value(siteID)])
        writing?.baysByName.removeAll()
        try journal(.baySave, entity: "bay", id: name, detail: [("equipment", .string(text)), ("hours", .string(hours))])
    }
}

/// A `site_id` as read (nil: the home site).
private struct SiteValue { var id: Int? }

/// What sign-in needs to know about an account.
public struct StaffAccount: Sendable {
    public var member: StaffMember
    public var pinHash: String?
    public var failedAttempts: Int
    public var lockedUntil: Timestamp?
    /// Wrong PINs given to confirm a sign-off (a co-signature) for this person, counted apart from
    /// signing in: they lock only co-signing by PIN, never the person's own sign-in.
    public var signOffFailures: Int
    public var signOffLockedUntil: Timestamp?
}

extension Store {
    public func account(named name: String) throws -> StaffAccount? {
        try db.first("""
            SELECT id, name, roles, group_name, active, site_id, pin_hash, failed_attempts, locked_until, sign_off_failures, sign_off_locked_until
            FROM staff WHERE name = ?
            """, [.text(name)]) { row in
            StaffAccount(member: try staffMember(from: row), pinHash: row.optionalString("pin_hash"),
                         failedAttempts: row.int("failed_attempts"), lockedUntil: row.optionalTimestamp("locked_until"),
                         signOffFailures: row.optionalInt("sign_off_failures") ?? 0,
                         signOffLockedUntil: row.optionalTimestamp("sign_off_locked_until"))
        }
    }

    /// Whether `name`'s staff row (roles, site, PIN, lock-out) is as Workshop's last write to it
    /// left it: its digest now against its latest seal. A row changed outside Workshop — made a
    /// manager in the sqlite3 shell, given a known PIN's hash — is not, until a manager's write to
    /// the person (`staff set`, `staff pin`) seals it again; verify names the change either way.
    public func staffRowIsAsSealed(_ name: String) throws -> Bool {
        guard let shape = try sealedTables()["staff"] else { return true }
        return try db.first("""
            SELECT CASE WHEN (SELECT s.digest FROM row_seals AS s WHERE s.tbl = 'staff' AND s.row_key = \(shape.keyForComparison)
                              ORDER BY s.entry_id DESC LIMIT 1) = \(shape.digestExpression) THEN 1 ELSE 0 END AS sealed
            FROM staff AS t WHERE t.name = ?
            """, [.text(name)]) { $0.int("sealed") == 1 } ?? true
    }

    /// Whether anyone was ever on the staff, as the seals remember: an empty staff list in a shop
    /// that had people is one emptied outside Workshop, not a new shop.
    public func hadStaff() throws -> Bool {
        try db.scalar("SELECT count(*) FROM (SELECT 1 FROM row_seals WHERE tbl = 'staff' LIMIT 1) AS one") ?? 0 > 0
    }

    public func staffCount() throws -> Int { try db.scalar("SELECT count(*) FROM staff") ?? 0 }

    /// How many people have a PIN: none only in a new shop, or one that came from before PINs.
    public func staffWithPINCount() throws -> Int { try db.scalar("SELECT count(*) FROM staff WHERE pin_hash IS NOT NULL") ?? 0 }

    /// Sets (or, with nil, clears: set again at first use) a PIN hash; clears failures and lock-out.
    public func setPIN(_ hash: String?, for name: String, action: JournalAction) throws {
        try db.run("""
            UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL, sign_off_failures = NULL, sign_off_locked_until = NULL
            WHERE name = ?
            """, [SQLValue(hash), .text(name)])
        try journal(action, entity: "staff", id: name, detail: [("pin", .string(hash == nil ? "cleared" : "set"))])
    }

    /// Counts a wrong PIN; locks the account until `lockUntil` when given.
    public func recordFailedSignIn(_ name: String, lockUntil: Timestamp?) throws {
        try db.run("UPDATE staff SET failed_attempts = failed_attempts + 1, locked_until = ? WHERE name = ?",
                   [SQLValue(lockUntil?.seconds), .text(name)])
        try journal(lockUntil == nil ? .staffSignInFailed : .staffLocked, entity: "staff", id: name,
                    detail: [("locked_until", .string(lockUntil?.iso8601))])
    }

    /// Counts a wrong PIN given to confirm `name`'s sign-off; locks co-signing by PIN until `lockUntil`.
    public func recordFailedSignOff(_ name: String, lockUntil: Timestamp?) throws {
        try db.run("UPDATE staff SET sign_off_failures = coalesce(sign_off_failures, 0) + 1, sign_off_locked_until = ? WHERE name = ?",
                   [SQLValue(lockUntil?.seconds), .text(name)])
        try journal(lockUntil == nil ? .staffSignOffFailed : .staffSignOffLocked, entity: "staff", id: name,
                    detail: [("locked_until", .string(lockUntil?.iso8601))])
    }

    /// A sign-off confirmed with the right PIN starts its count again.
    public func recordSignOff(_ name: String) throws {
        try db.run("""
            UPDATE staff SET sign_off_failures = NULL, sign_off_locked_until = NULL
            WHERE name = ? AND (sign_off_failures IS NOT NULL OR sign_off_locked_until IS NOT NULL)
            """, [.text(name)])
    }

    public func recordSignIn(_ name: String) throws {
        try db.run("UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE name = ? AND (failed_attempts <> 0 OR locked_until IS NOT NULL)",
                   [.text(name)])
    }
}
