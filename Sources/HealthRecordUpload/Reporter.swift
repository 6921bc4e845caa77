import HTTPClient
import NationalRecord
import WorkshopModel
import WorkshopStore

/// Sends the outbox's records to the platform: a token when there is none, each record taken in
/// its own transaction with the exact request kept, sent outside any transaction, and its answer
/// recorded in another. Nothing is sent for a record another push has taken; a record the platform
/// already holds (an earlier attempt arrived though its answer was lost) counts as sent.
public struct Reporter {
    let store: Store
    let transport: any HTTPTransport

    public init(store: Store, transport: any HTTPTransport) {
        self.store = store
        self.transport = transport
    }

    /// What one push did, record by record.
    public struct Report: Sendable, Equatable {
        public enum Result: Sendable, Equatable {
            case sent(String)
            case alreadyHeld(String)
            case refused(String)
            /// Not sent this time: tried again at `next`.
            case failed(String, next: Timestamp)
            /// Another push is sending it now.
            case busy
            case alreadySent(Timestamp)
            /// The record can't be sent as it is: corrected first.
            case needsCorrection([ReportingProblem])
        }

        public var results: [(order: String, result: Result)] = []
        /// The platform refused the shop's company code or password: nothing was sent (of
        /// `accountRefusedSite`'s records, when it was a site of a chain's account).
        public var accountRefused: String?
        public var accountRefusedSite: String?
        /// The sites of a chain whose platform password is not set yet: their records wait.
        public var sitesNotSetUp: [String] = []
        /// The platform could not be reached for a token: nothing was sent.
        public var unreachable: String?

        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.results.map(\.order) == rhs.results.map(\.order) && lhs.results.map(\.result) == rhs.results.map(\.result)
                && lhs.accountRefused == rhs.accountRefused && lhs.unreachable == rhs.unreachable
                && lhs.accountRefusedSite == rhs.accountRefusedSite && lhs.sitesNotSetUp == rhs.sitesNotSetUp
        }
    }

    /// Sends what is due (`orders` nil: every record due now, up to `limit`), or the records of the
    /// orders named, now, whatever their back-off.
    public func push(orders: [Int]? = nil, limit: Int = 50) throws -> Report {
        guard let account = try store.read({ try store.healthRecordAccount() }) else { throw HealthRecordRefusal.notSetUp }
        let style = PlatformStyles.named(account.style) ?? PlatformStyles.standard
        var report = Report()
        var entries: [OutboxEntry] = []
        if let orders {
            for id in orders {
                guard let entry = try store.read({ try store.outboxEntry(orderID: id) }) else {
                    throw HealthRecordRefusal.noRecord(order: RepairOrder.number(id))
                }
                switch entry.state {
                case .sent: report.results.append((entry.orderNumber, .alreadySent(entry.sentAt ?? entry.createdAt)))
                case .refused: report.results.append((entry.orderNumber, .needsCorrection(entry.record?.problems ?? [])))
                case .waiting, .sending: entries.append(entry)
                }
            }
        } else {
            entries = try store.read { try store.dueOutboxEntries(limit: limit) }
        }
        guard !entries.isEmpty else { return report }
        // Each site of a chain reports its own orders under its own 企业编码 (the home site's first).
        let siteOf = try store.read { try store.siteIDs(ofOrders: entries.map(\.orderID)) }
        var sites: [Int?] = []
        for entry in entries where !sites.contains(siteOf[entry.orderID]) { sites.append(siteOf[entry.orderID]) }
        sites.sort { ($0 ?? 0) < ($1 ?? 0) }
        for site in sites {
            let own = entries.filter { siteOf[$0.orderID] == site }
            guard let siteAccount = try store.read({ try store.healthRecordAccount(forSite: site, base: account) }) else {
                // Waits, untouched, until a manager sets the site's password.
                if let site, let name = try? store.read({ try store.site(id: site).name }) { report.sitesNotSetUp.append(name) }
                continue
            }
            guard try push(own, account: siteAccount, style: style, named: orders != nil, into: &report) else { return report }
        }
        return report
    }

    /// One account's records; false when the platform could not be reached (the rest wait for the
    /// next push rather than each costing a timeout now).
    private func push(_ entries: [OutboxEntry], account: HealthRecordAccount, style: any PlatformStyle, named: Bool,
                      into report: inout Report) throws -> Bool {
        var token = account.token
        for entry in entries {
            guard let record = entry.record else { continue }
            let problems = record.problems
            guard problems.isEmpty else {
                report.results.append((entry.orderNumber, .needsCorrection(problems)))
                continue
            }
            switch try send(entry, record, token: &token, account: account, style: style, named: named) {
            case .answered(let result):
                report.results.append((entry.orderNumber, result))
            case .noAnswer(let result):
                report.results.append((entry.orderNumber, result))
                return false
            case .noToken(let stop):
                try postpone(entries.filter { e in !report.results.contains { $0.order == e.orderNumber } }, stop)
                switch stop {
                case .refused(let words):
                    // This account's code or password: another site's may still be good.
                    report.accountRefused = words
                    report.accountRefusedSite = account.site?.name
                    return true
                case .unreachable(let words):
                    report.unreachable = words
                    return false
                }
            }
        }
        return true
    }

    private enum Sent {
        case answered(Report.Result)
        case noAnswer(Report.Result)
        case noToken(Stop)
    }

    /// One record: taken, sent, its answer recorded; sent once more with a new token when the
    /// platform refuses the one it had.
    private func send(_ entry: OutboxEntry, _ record: RepairRecord, token: inout String?, account: HealthRecordAccount,
                      style: any PlatformStyle, named: Bool) throws -> Sent {
        var triedFreshToken = false
        while true {
            if token == nil {
                switch try fetchToken(account, style) {
                case .success(let fresh): token = fresh
                case .failure(let stop): return .noToken(stop)
                }
            }
            let request = style.uploadRequest(base: account.url, token: token!, company: account.company, record: record,
                                              sentAt: store.context.now, zone: store.settings.timeZone)
            guard let attempt = try store.claim(entry, url: request.url, request: request.body, now: named) else { return .answered(.busy) }
            let outcome: AttemptOutcome
            var status: Int?
            var body: String?
            var failure: String?
            do {
                let answer = try transport.send(HTTPRequest(method: request.method, url: request.url,
                                                            contentType: "application/json; charset=utf-8", body: Array(request.body.utf8)))
                (status, body) = (answer.status, answer.text)
                switch style.readUpload(status: answer.status, body: answer.text) {
                case .accepted(let words): outcome = .accepted(words)
                case .alreadyHeld(let words): outcome = .alreadyHeld(words)
                case .refused(let code, let words): outcome = .refused(words.isEmpty ? code : words)
                case .tokenRefused(let words): outcome = .tokenRefused(words)
                case .unreadable: outcome = .failed(Failure.http(answer.status))
                }
            } catch {
                outcome = .failed(Failure.code(error))
                failure = Self.words(error)
            }
            try store.finish(attempt: attempt, of: entry, outcome: outcome, httpStatus: status, response: body,
                             failure: failure, finishedAt: store.context.now)
            if case .tokenRefused = outcome, !triedFreshToken {
                triedFreshToken = true
                token = nil
                try store.write { try store.cacheHealthRecordToken(nil, site: account.site) }
                continue
            }
            let result = Self.result(outcome, entry: try store.read { try store.outboxEntry(orderID: entry.orderID) })
            return failure == nil ? .answered(result) : .noAnswer(result)
        }
    }

    private enum Stop: Error {
        case refused(String)
        case unreachable(String)
    }

    /// A token for the account, kept for the next pushes.
    private func fetchToken(_ account: HealthRecordAccount, _ style: any PlatformStyle) throws -> Result<String, Stop> {
        let request = style.tokenRequest(base: account.url, company: account.company, password: account.password)
        let answer: HTTPResponse
        do {
            answer = try transport.send(HTTPRequest(method: request.method, url: request.url,
                                                    contentType: "application/json; charset=utf-8", body: Array(request.body.utf8)))
        } catch {
            return .failure(.unreachable(Failure.code(error)))
        }
        switch style.readToken(status: answer.status, body: answer.text) {
        case .token(let token)?:
            try store.write { try store.cacheHealthRecordToken(token, site: account.site) }
            return .success(token)
        case .refused(let code, let words)?:
            return .failure(.refused(words.isEmpty ? code : words))
        case nil:
            return .failure(.unreachable(Failure.http(answer.status)))
        }
    }

    /// The records not sent because no token could be had: they wait, the platform's words (or the
    /// network's) kept on each, and are tried at the next push.
    private func postpone(_ entries: [OutboxEntry], _ stop: Stop) throws {
        let words: String
        switch stop {
        case .refused(let w): words = w
        case .unreachable(let w): words = w
        }
        for entry in entries where entry.state == .waiting {
            try store.postpone(entry, because: words, until: Timestamp(seconds: store.context.now.seconds + OutboxPolicy.delay(afterFailedAttempts: 1)))
        }
    }

    private static func result(_ outcome: AttemptOutcome, entry: OutboxEntry?) -> Report.Result {
        switch outcome {
        case .accepted(let words): return .sent(words)
        case .alreadyHeld(let words): return .alreadyHeld(words)
        case .refused(let words): return .refused(words)
        case .tokenRefused(let words), .failed(let words):
            return .failed(words, next: entry?.nextAttemptAt ?? Timestamp(seconds: 0))
        }
    }

    /// Failures of Workshop's own, kept as codes the screen words in the shop's language (the
    /// platform's own words are kept as they came); libcurl's English goes to the attempt's record.
    public enum Failure {
        public static func code(_ error: HTTPFailure) -> String {
            switch error {
            case .unreachable: return "network:unreachable"
            case .timedOut: return "network:timeout"
            case .tls: return "network:tls"
            case .other: return "network:other"
            }
        }

        public static func http(_ status: Int) -> String { "http:\(status)" }
    }

    static func words(_ error: HTTPFailure) -> String {
        switch error {
        case .unreachable(let w), .timedOut(let w), .tls(let w), .other(let w): return w
        }
    }

}
