import NationalRecord
import SQLite
import WorkshopModel

/// The shop's account on the national repair-record platform.
public struct HealthRecordAccount: Sendable, Equatable {
    public var url: String
    public var company: String
    public var password: String
    public var style: String
    public var auto: Bool
    /// The token last given by the platform, used until it is refused.
    public var token: String?
    public var setAt: Timestamp
    public var setBy: String
    /// The site of a chain whose account this is (its code, password and token; the platform's
    /// address and style are the shop's): nil for the home site.
    public var site: Site?

    public init(url: String, company: String, password: String, style: String, auto: Bool, token: String?, setAt: Timestamp, setBy: String,
                site: Site? = nil) {
        (self.url, self.company, self.password, self.style, self.auto) = (url, company, password, style, auto)
        (self.token, self.setAt, self.setBy, self.site) = (token, setAt, setBy, site)
    }
}

/// One released order's record in the outbox, and where it stands.
public struct OutboxEntry: Sendable, Equatable {
    public var id: Int
    public var orderID: Int
    public var orderNumber: String
    public var record: RepairRecord?
    public var state: OutboxState
    public var attempts: Int
    public var nextAttemptAt: Timestamp
    public var claimedAt: Timestamp?
    public var sentAt: Timestamp?
    /// The platform's words to the last attempt, or why it failed.
    public var answer: String?
    public var createdAt: Timestamp
}

/// One attempt to send a record: the exact request, and what came back.
public struct SendAttempt: Sendable, Equatable {
    public var id: Int
    public var startedAt: Timestamp
    public var url: String
    public var request: String
    public var finishedAt: Timestamp?
    public var httpStatus: Int?
    public var response: String?
    public var failure: String?
    public var outcome: String?
}

/// How an attempt ended, as the outbox keeps it.
public enum AttemptOutcome: Sendable, Equatable {
    case accepted(String)
    case alreadyHeld(String)
    case refused(String)
    case tokenRefused(String)
    /// No answer, or one that can't be read: tried again later.
    case failed(String)

    var code: String {
        switch self {
        case .accepted: return "accepted"
        case .alreadyHeld: return "already-held"
        case .refused: return "refused"
        case .tokenRefused: return "token-refused"
        case .failed: return "failed"
        }
    }

    var words: String {
        switch self {
        case .accepted(let w), .alreadyHeld(let w), .refused(let w), .tokenRefused(let w), .failed(let w): return w
        }
    }
}

extension Store {
    // MARK: The account

    static let healthRecordAccountQuery = "SELECT url, company, password, style, auto, token, set_at, set_by FROM health_record_account WHERE id = 1"

    public func healthRecordAccount() throws -> HealthRecordAccount? {
        try db.first(Self.healthRecordAccountQuery) { row in
            HealthRecordAccount(url: row.string("url"), company: row.string("company"), password: row.string("password"),
                                style: row.string("style"), auto: row.int("auto") != 0, token: row.optionalString("token"),
                                setAt: row.timestamp("set_at"), setBy: row.string("set_by"))
        }
    }

    /// Saves the account; the platform's token is kept only while the account it was given to stays
    /// the same. The journal says what changed, and of the password only that it did.
    public func saveHealthRecordAccount(_ account: HealthRecordAccount) throws {
        let before = try healthRecordAccount()
        // `a` is the account as it was: PostgreSQL reads a bare column in DO UPDATE as ambiguous
        // with `excluded`. The four columns are NOT NULL, so `=` compares them exactly.
        try db.run("""
            INSERT INTO health_record_account AS a (id, url, company, password, style, auto, token, token_at, set_at, set_by)
            VALUES (1, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)
            ON CONFLICT(id) DO UPDATE SET url = excluded.url, company = excluded.company, password = excluded.password,
                style = excluded.style, auto = excluded.auto,
                token = CASE WHEN (a.url, a.company, a.password, a.style) = (excluded.url, excluded.company, excluded.password, excluded.style)
                             THEN a.token END,
                token_at = CASE WHEN (a.url, a.company, a.password, a.style) = (excluded.url, excluded.company, excluded.password, excluded.style)
                                THEN a.token_at END,
                set_at = excluded.set_at, set_by = excluded.set_by
            """, [.text(account.url), .text(account.company), .text(account.password), .text(account.style),
                  .integer(account.auto ? 1 : 0), .integer(Int64(account.setAt.seconds)), .text(account.setBy)])
        // A changed account (the password fixed, a new address) is worth trying at once: the
        // records waiting on the old one lose their back-off.
        if let before, (before.url, before.company, before.password, before.style) != (account.url, account.company, account.password, account.style) {
            try db.run("UPDATE health_record_outbox SET next_attempt_at = ? WHERE state = 'waiting' AND next_attempt_at > ?",
                       [.integer(Int64(context.now.seconds)), .integer(Int64(context.now.seconds))])
        }
        try journal(.healthRecordSet, entity: "healthrecord", id: nil, detail: [
            ("url", .string(account.url)), ("company", .string(account.company)), ("style", .string(account.style)),
            ("auto", .bool(account.auto)), ("password_changed", .bool(before?.password != account.password)),
        ])
    }

    /// Keeps the platform's token for the next sends (nil: forget it, it was refused).
    public func cacheHealthRecordToken(_ token: String?, site: Site? = nil) throws {
        if let site, !site.isHome {
            try db.run("UPDATE sites SET health_record_token = ? WHERE id = ?", [SQLValue(token), .integer(Int64(site.id))])
            return
        }
        try db.run("UPDATE health_record_account SET token = ?, token_at = ? WHERE id = 1",
                   [SQLValue(token), token == nil ? .null : .integer(Int64(context.now.seconds))])
    }

    /// The account a site reports under: the shop's for the home site; for another, the shop's
    /// platform (address, style) with the site's 企业编码, password and token — nil until a manager
    /// has set the site's password (`healthrecord set site=… password=…`).
    public func healthRecordAccount(forSite siteID: Int?, base: HealthRecordAccount) throws -> HealthRecordAccount? {
        guard let id = SiteScope.storedID(siteID) else { return base }
        return try db.first("""
            SELECT id, name, code, address, phone, health_record_password, health_record_token FROM sites WHERE id = ?
            """, [.integer(Int64(id))]) { row -> HealthRecordAccount? in
            guard let password = row.optionalString("health_record_password") else { return nil }
            let site = Site(id: row.int("id"), name: row.string("name"), code: row.string("code"), address: row.string("address"),
                            phone: row.string("phone"))
            return HealthRecordAccount(url: base.url, company: site.code, password: password, style: base.style, auto: base.auto,
                                       token: row.optionalString("health_record_token"), setAt: base.setAt, setBy: base.setBy, site: site)
        } ?? nil
    }

    /// Sets a site's platform password (its token, given for the one before, is dropped). The journal
    /// says only that it was set.
    public func setSiteHealthRecordPassword(_ password: String, site: Site) throws {
        try db.run("UPDATE sites SET health_record_password = ?, health_record_token = NULL WHERE id = ?",
                   [.text(password), .integer(Int64(site.id))])
        try journal(.healthRecordSet, entity: "site", id: site.name, detail: [("company", .string(site.code)), ("password", .string("set"))])
    }

    /// The site each order was checked in at, for the orders of added sites (an order not in the
    /// answer is the home site's).
    public func siteIDs(ofOrders ids: [Int]) throws -> [Int: Int] {
        guard try hasSites(), !ids.isEmpty else { return [:] }
        var found: [Int: Int] = [:]
        for id in ids {
            if let site = try siteID(ofOrder: id) { found[id] = site }
        }
        return found
    }

    // MARK: The outbox

    /// Puts a released order's record in the outbox, in the release's transaction: it is there if
    /// and only if the order was released. On a server, sent with the COMMIT: nothing reads it back
    /// in the release (ShopDatabase.runQueuedSealed).
    public func enqueueRepairRecord(orderID: Int, record: RepairRecord) throws {
        let problems = record.problems
        try db.runQueuedSealed("""
            INSERT INTO health_record_outbox(order_id, record, state, attempts, next_attempt_at, answer, created_at)
            VALUES (?, ?, ?, 0, ?, NULL, ?)
            """, [.integer(Int64(orderID)), .text(record.json.serialized()),
                  .text(problems.isEmpty ? OutboxState.waiting.rawValue : OutboxState.refused.rawValue),
                  .integer(Int64(context.now.seconds)), .integer(Int64(context.now.seconds))])
    }

    private static let outboxColumns = """
        b.id, b.order_id, b.record, b.state, b.attempts, b.next_attempt_at, b.claimed_at, b.sent_at, b.answer, b.created_at
        """

    private func outboxEntry(from row: ShopRow) throws -> OutboxEntry {
        let stored = StoredCodes(row, table: "health_record_outbox", key: String(row.int("id")))
        return OutboxEntry(id: row.int("id"), orderID: row.int("order_id"), orderNumber: RepairOrder.number(row.int("order_id")),
                           record: RepairRecord(stored: row.string("record")), state: try stored.code("state"),
                           attempts: row.int("attempts"), nextAttemptAt: row.timestamp("next_attempt_at"),
                           claimedAt: row.optionalTimestamp("claimed_at"), sentAt: row.optionalTimestamp("sent_at"),
                           answer: row.optionalString("answer"), createdAt: row.timestamp("created_at"))
    }

    public func outboxEntry(orderID: Int) throws -> OutboxEntry? {
        try db.first("SELECT \(Self.outboxColumns) FROM health_record_outbox b WHERE b.order_id = ?",
                     [.integer(Int64(orderID))], outboxEntry(from:))
    }

    /// The records not yet held by the platform (waiting, being sent, refused), oldest first, and
    /// the latest `sent` ones.
    /// In a chain, the records of the session's site's orders (each site answers for its own on
    /// the platform); nothing to add in a shop of one site.
    private func outboxOfThisSite(_ entry: String) throws -> (sql: String, arguments: [SQLValue]) {
        guard try hasSites() else { return ("", []) }
        let site = SiteScope.condition("o.site_id", siteID)
        return (" AND EXISTS (SELECT 1 FROM orders o WHERE o.id = \(entry).order_id AND \(site.sql))", site.arguments)
    }

    public func outbox(sentLimit: Int = 10) throws -> (open: [OutboxEntry], sent: [OutboxEntry], sentCount: Int) {
        let ours = try outboxOfThisSite("b")
        let open = try db.rows("""
            SELECT \(Self.outboxColumns) FROM health_record_outbox b
            WHERE b.state IN ('waiting', 'sending', 'refused')\(ours.sql) ORDER BY b.state, b.id
            """, ours.arguments, outboxEntry(from:))
        let sent: [OutboxEntry]
        if try hasSites(), let site = SiteScope.storedID(siteID) {
            // An added site's latest: through its own releases, newest first (a site with few records
            // never walks the chain's whole history of sent records to find them).
            sent = try db.rows("""
                SELECT \(Self.outboxColumns) FROM orders o JOIN health_record_outbox b ON b.order_id = o.id
                WHERE o.site_id = ? AND o.released_at IS NOT NULL AND b.state = 'sent'
                ORDER BY o.released_at DESC, o.id DESC LIMIT ?
                """, [.integer(Int64(site)), .integer(Int64(sentLimit))], outboxEntry(from:))
        } else {
            sent = try db.rows("""
                SELECT \(Self.outboxColumns) FROM health_record_outbox b
                WHERE b.state = 'sent'\(ours.sql) ORDER BY b.id DESC LIMIT ?
                """, ours.arguments + [.integer(Int64(sentLimit))], outboxEntry(from:))
        }
        return (open, sent, try sentCount())
    }

    /// How many records the platform holds: the shop's; in a chain, the session's site's. The sent
    /// records are the whole history, so a site's are never found by looking up each one's order:
    /// they are the site's records less those not sent (few, each one's order looked up), and the
    /// site's records are its released orders that have one — read from indexes alone (the sites'
    /// releases, the outbox's orders). The home site's are every sent record less the added sites'.
    /// At a million orders: 1.7 s as it was, some 30 ms for a site of 100,000, 130 ms for the home site.
    private func sentCount() throws -> Int {
        let every = try db.scalar("SELECT count(*) FROM health_record_outbox WHERE state = 'sent'") ?? 0
        guard try hasSites() else { return every }
        let added = SiteScope.storedID(siteID).map { (sql: "o.site_id = ?", arguments: [SQLValue.integer(Int64($0))]) }
            ?? (sql: "o.site_id IS NOT NULL", arguments: [])
        // Each release's record looked up by its order (a subquery: PostgreSQL too keeps to the
        // site's releases rather than walking the whole outbox beside them).
        let records = try db.scalar("""
            SELECT count(*) FROM orders o
            WHERE \(added.sql) AND o.released_at IS NOT NULL
              AND (SELECT b.order_id FROM health_record_outbox b WHERE b.order_id = o.id) IS NOT NULL
            """, added.arguments) ?? 0
        // Found through the outbox's states, the site tested beside (`+`: never through the site's releases).
        let unsent = try db.scalar("""
            SELECT count(*) FROM health_record_outbox b JOIN orders o ON o.id = b.order_id
            WHERE b.state IN ('waiting', 'sending', 'refused') AND +\(added.sql)
            """, added.arguments) ?? 0
        let addedSitesSent = records - unsent
        return SiteScope.storedID(siteID) == nil ? every - addedSitesSent : addedSitesSent
    }

    /// What the board asks a person to look at: records the platform refused or that can't be sent
    /// (to correct), and records still not sent a day after their release; in a chain, the site's.
    public func outboxAttention() throws -> (toCorrect: Int, lateByADay: Int) {
        let (refused, late) = try outboxAttentionQueries()
        return (try db.first(refused.sql, refused.arguments) { $0.int("n") } ?? 0, try db.first(late.sql, late.arguments) { $0.int("n") } ?? 0)
    }

    /// The statements `outboxAttention` runs: the records refused, those waiting a day.
    func outboxAttentionQueries() throws -> (refused: (sql: String, arguments: [SQLValue]), late: (sql: String, arguments: [SQLValue])) {
        let ours = try outboxOfThisSite("b")
        return (("SELECT count(*) AS n FROM health_record_outbox b WHERE b.state = 'refused'\(ours.sql)", ours.arguments),
                ("""
                SELECT count(*) AS n FROM health_record_outbox b WHERE b.state IN ('waiting', 'sending') AND b.created_at < ?\(ours.sql)
                """, [.integer(Int64(context.now.seconds - 86_400))] + ours.arguments))
    }

    /// The records waiting whose retry time has not come, and the soonest of those times.
    public func outboxWaitingLater() throws -> (count: Int, next: Timestamp?) {
        try db.first("""
            SELECT count(*) AS n, min(next_attempt_at) AS next FROM health_record_outbox
            WHERE state IN ('waiting', 'sending') AND next_attempt_at > ?
            """, [.integer(Int64(context.now.seconds))]) { ($0.int("n"), $0.optionalTimestamp("next")) } ?? (0, nil)
    }

    /// The records a push may take now: waiting and due, or taken by a push that died.
    public func dueOutboxEntries(limit: Int) throws -> [OutboxEntry] {
        let now = context.now.seconds
        return try db.rows("""
            SELECT \(Self.outboxColumns) FROM health_record_outbox b
            WHERE b.state IN ('waiting', 'sending') AND b.next_attempt_at <= ? ORDER BY b.next_attempt_at, b.id LIMIT ?
            """, [.integer(Int64(now)), .integer(Int64(limit))], outboxEntry(from:)).filter {
            OutboxPolicy.isDue(state: $0.state, nextAttemptAt: $0.nextAttemptAt, claimedAt: $0.claimedAt, now: context.now)
        }
    }

    /// Takes a record for sending and keeps the exact request, in one transaction, before anything
    /// goes on the wire: a push that dies after this leaves the record taken, with its request on
    /// file, and another push takes it again once the lease runs out. Returns the attempt's id, or
    /// nil when another push took it first.
    /// `now`: a person asked for this record by its order: a waiting one is sent whatever its back-off.
    public func claim(_ entry: OutboxEntry, url: String, request: String, now: Bool = false) throws -> Int? {
        try write {
            guard let current = try outboxEntry(orderID: entry.orderID) else { return nil }
            let due = OutboxPolicy.isDue(state: current.state, nextAttemptAt: current.nextAttemptAt, claimedAt: current.claimedAt, now: context.now)
            guard due || (now && current.state == .waiting) else { return nil }
            try db.run("UPDATE health_record_outbox SET state = 'sending', claimed_at = ?, attempts = attempts + 1 WHERE id = ?",
                       [.integer(Int64(context.now.seconds)), .integer(Int64(entry.id))])
            return try insert("INSERT INTO health_record_attempts(outbox_id, started_at, url, request) VALUES (?, ?, ?, ?)",
                              [.integer(Int64(entry.id)), .integer(Int64(context.now.seconds)), .text(url), .text(request)])
        }
    }

    /// Records how an attempt ended and where the record stands now; journalled.
    /// `failure`: what the network layer said when no answer came (libcurl's words).
    public func finish(attempt: Int, of entry: OutboxEntry, outcome: AttemptOutcome, httpStatus: Int?, response: String?,
                       failure: String?, finishedAt: Timestamp) throws {
        try write {
            try db.run("""
                UPDATE health_record_attempts SET finished_at = ?, http_status = ?, response = ?, failure = ?, outcome = ? WHERE id = ?
                """, [.integer(Int64(finishedAt.seconds)), SQLValue(httpStatus), SQLValue(response),
                      SQLValue(failure ?? (outcome.isFailure ? outcome.words : nil)), .text(outcome.code), .integer(Int64(attempt))])
            let attempts = try db.first("SELECT attempts FROM health_record_outbox WHERE id = ?", [.integer(Int64(entry.id))]) { $0.int("attempts") } ?? 1
            switch outcome {
            case .accepted, .alreadyHeld:
                try db.run("UPDATE health_record_outbox SET state = 'sent', sent_at = ?, claimed_at = NULL, answer = ? WHERE id = ?",
                           [.integer(Int64(finishedAt.seconds)), .text(outcome.words), .integer(Int64(entry.id))])
            case .refused:
                try db.run("UPDATE health_record_outbox SET state = 'refused', claimed_at = NULL, answer = ? WHERE id = ?",
                           [.text(outcome.words), .integer(Int64(entry.id))])
            case .tokenRefused:
                // Not the record's fault: sent again at once with a new token, not counted against it.
                try db.run("UPDATE health_record_outbox SET state = 'waiting', claimed_at = NULL, attempts = attempts - 1, answer = ?, next_attempt_at = ? WHERE id = ?",
                           [.text(outcome.words), .integer(Int64(finishedAt.seconds)), .integer(Int64(entry.id))])
            case .failed:
                let next = finishedAt.seconds + OutboxPolicy.delay(afterFailedAttempts: attempts)
                try db.run("UPDATE health_record_outbox SET state = 'waiting', claimed_at = NULL, answer = ?, next_attempt_at = ? WHERE id = ?",
                           [.text(outcome.words), .integer(Int64(next)), .integer(Int64(entry.id))])
            }
            try journal(.healthRecordAttempt, entity: "order", id: entry.orderNumber, orderID: entry.orderID, detail: [
                ("outcome", .string(outcome.code)), ("answer", .string(outcome.words)), ("attempt", .int(attempt)),
            ])
        }
    }

    /// A failure before anything was sent for this record (no token: the platform can't be reached,
    /// or refused the account): the record waits, not counted as an attempt of its own.
    public func postpone(_ entry: OutboxEntry, because words: String, until: Timestamp) throws {
        try write {
            try db.run("UPDATE health_record_outbox SET answer = ?, next_attempt_at = ? WHERE id = ? AND state = 'waiting'",
                       [.text(words), .integer(Int64(until.seconds)), .integer(Int64(entry.id))])
        }
    }

    /// The attempts to send a record, oldest first.
    public func attempts(outboxID: Int) throws -> [SendAttempt] {
        try db.rows("""
            SELECT id, started_at, url, request, finished_at, http_status, response, failure, outcome
            FROM health_record_attempts WHERE outbox_id = ? ORDER BY id
            """, [.integer(Int64(outboxID))]) { row in
            SendAttempt(id: row.int("id"), startedAt: row.timestamp("started_at"), url: row.string("url"), request: row.string("request"),
                        finishedAt: row.optionalTimestamp("finished_at"), httpStatus: row.optionalInt("http_status"),
                        response: row.optionalString("response"), failure: row.optionalString("failure"), outcome: row.optionalString("outcome"))
        }
    }

    /// A person's correction of a record not yet held by the platform: it waits to be sent at once.
    public func correct(_ entry: OutboxEntry, to record: RepairRecord, changes: [(String, JSON)], reason: String?) throws {
        let problems = record.problems
        try db.run("UPDATE health_record_outbox SET record = ?, state = ?, next_attempt_at = ?, claimed_at = NULL WHERE id = ?",
                   [.text(record.json.serialized()), .text(problems.isEmpty ? OutboxState.waiting.rawValue : OutboxState.refused.rawValue),
                    .integer(Int64(context.now.seconds)), .integer(Int64(entry.id))])
        try journal(.healthRecordCorrect, entity: "order", id: entry.orderNumber, orderID: entry.orderID,
                    detail: changes + [("reason", .string(reason))])
    }
}

extension AttemptOutcome {
    var isFailure: Bool { if case .failed = self { return true } else { return false } }
}
