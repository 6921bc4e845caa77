import Foundation
import SQLite
import Testing
import WorkshopModel
@testable import WorkshopStore

/// A journal entry keeps the site it belongs to (024-site-hooks-and-entries): its order's when it
/// names one, else the session's, hashed into the chain (format 3). The fixture (schema v6) has
/// the entries of a shop of one site, all older than the column (format 1 and 2).
@Suite("Journal entries keep their site")
struct JournalSiteTests {
    static func chain() throws -> (store: Store, path: String, nanshan: Site) {
        let path = try Support.copyOfFixture(6)
        let store = try Support.open(path)
        let nanshan = try store.write { try store.addSite(Site(id: 0, name: "深圳南山店", code: "4403000002")) }
        return (store, path, nanshan)
    }

    static func sites(_ path: String, from first: Int) throws -> [Int?] {
        try Database(path: path, readOnly: true).rows("SELECT site_id FROM journal WHERE id >= ? ORDER BY id", [.integer(Int64(first))]) {
            $0.optionalInt("site_id")
        }
    }

    @Test func eachNewEntryCarriesItsSiteAndTheChainVerifies() throws {
        let (store, path, nanshan) = try Self.chain()
        let first = try #require(try Support.scalar(path, "SELECT max(id) FROM journal"))
        #expect(try Support.scalar(path, "SELECT count(*) FROM journal WHERE site_id IS NULL") == first - 1, "the older entries are left as they were")
        store.siteID = nanshan.id
        _ = try store.write { try store.addCustomer(name: "南山客户", phone: "13900000009", company: nil, address: nil) }
        // An entry about the home site's RO8, made in a session at 深圳南山店: the order's site.
        try store.write { try store.journal(.complaintAdd, entity: "order", id: "RO8", orderID: 8, detail: []) }
        #expect(try Self.sites(path, from: first) == [Site.homeID, nanshan.id, Site.homeID])
        #expect(try store.read { try store.verify() }.isClean)
        // The journal's guard refuses any UPDATE, of the new column as of every other.
        #expect(throws: (any Error).self) { try Support.sql(path, "UPDATE journal SET site_id = \(nanshan.id) WHERE id = \(first)") }
    }

    static func entryNamed(_ report: VerifyReport, _ entry: Int) -> Bool {
        report.problems.contains { if case .journalEntryAltered(entry, _, _) = $0 { return true } else { return false } }
    }

    /// An entry moved to another site, its site taken away, or a site given to an entry older
    /// than the column: verify names the entry, whichever it is.
    @Test(arguments: ["moved", "taken away", "given to an older entry"])
    func aSiteChangedBehindWorkshopsBackIsNamed(change: String) throws {
        let (store, path, nanshan) = try Self.chain()
        store.siteID = nanshan.id
        _ = try store.write { try store.addCustomer(name: "南山客户", phone: "13900000009", company: nil, address: nil) }
        let made = try #require(try Support.scalar(path, "SELECT max(id) FROM journal"))
        #expect(try store.read { try store.verify() }.isClean)
        let (entry, update) = switch change {
        case "moved": (made, "site_id = \(Site.homeID)")
        case "taken away": (made, "site_id = NULL")
        default: (100, "site_id = \(nanshan.id)")
        }
        try Support.sql(path, """
            DROP TRIGGER journal_is_append_only_update;
            UPDATE journal SET \(update) WHERE id = \(entry);
            CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
                BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
            """)
        let report = try store.read { try store.verify() }
        #expect(Self.entryNamed(report, entry), "\(change): \(report.problems)")
    }
}
