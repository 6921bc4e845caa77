import Foundation
import Testing
@testable import WorkshopModel
import WorkshopStore

/// Each site of a chain has its own key board (issue 17): a key hook in use at one site does not
/// block the hook of the same number at another; at the same site it is refused, naming the order
/// whose key hangs there — an open order's, or a declined car's not yet handed back.
/// The fixture (schema v6, the home site): RO8 in work on K01, RO9 declined and not released on K05.
@Suite("Key hooks per site")
struct SiteKeyHookTests {
    /// The fixture's shop with a second site; the store works at the home site.
    static func chain() throws -> (store: Store, nanshan: Site) {
        let store = try Support.open(try Support.copyOfFixture(6))
        let nanshan = try store.write { try store.addSite(Site(id: 0, name: "深圳南山店", code: "4403000002")) }
        return (store, nanshan)
    }

    /// A new order at the store's site, on the car of a released order (`like`: RO3's or RO5's:
    /// none of them is in), with its key on `tag`.
    static func checkIn(_ store: Store, tag: String, status: OrderStatus = .estimating, like: Int = 3) throws -> RepairOrder {
        var order = try #require(try store.order(id: like))
        order.status = status
        order.keyTag = tag
        return try store.write { try store.createOrder(order) }
    }

    static func holder(_ store: Store, _ tag: String, for orderID: Int = 0) throws -> String? {
        do {
            try store.read { try store.ensureKeyTagFree(tag, for: orderID, at: store.siteID) }
            return nil
        } catch let refusal as ConflictRefusal {
            guard case .keyTagInUse(tag, let order) = refusal else { throw refusal }
            return order
        }
    }

    @Test func theSameHookAtTwoSitesHoldsTwoKeys() throws {
        let (store, nanshan) = try Self.chain()
        #expect(try Self.holder(store, "K01") == "RO8", "the home site's hook holds RO8's key")
        store.siteID = nanshan.id
        #expect(try Self.holder(store, "K01") == nil, "深圳南山店's hook K01 is free")
        let atNanshan = try Self.checkIn(store, tag: "K01")
        #expect(atNanshan.siteID == nanshan.id)
        // At 深圳南山店 its own K01 is now taken, by its own order only.
        #expect(try Self.holder(store, "K01") == atNanshan.number)
        #expect(try Self.holder(store, "K01", for: atNanshan.id) == nil, "an order's own key is no other order's")
        #expect(throws: ConflictRefusal.keyTagInUse(tag: "K01", order: atNanshan.number)) { try Self.checkIn(store, tag: "K01", like: 5) }
        store.siteID = nil
        #expect(try Self.holder(store, "K01") == "RO8", "the home site's hook is still RO8's, not 深圳南山店's order's")
        #expect(throws: ConflictRefusal.keyTagInUse(tag: "K01", order: "RO8")) { try Self.checkIn(store, tag: "K01", like: 5) }
    }

    @Test func aDeclinedCarKeepsItsHookAtItsOwnSiteOnly() throws {
        let (store, nanshan) = try Self.chain()
        #expect(try Self.holder(store, "K05") == "RO9", "RO9 was declined, its car and key are still here")
        store.siteID = nanshan.id
        #expect(try Self.holder(store, "K05") == nil)
        let declined = try Self.checkIn(store, tag: "K06", status: .declined, like: 5)
        #expect(try Self.holder(store, "K06") == declined.number, "深圳南山店's declined car keeps its hook there")
        store.siteID = nil
        #expect(try Self.holder(store, "K06") == nil, "and not at the home site")
    }

    /// The index itself is per site: 深圳南山店's K20 is stored beside the home site's (RO10's),
    /// a second one at 深圳南山店 is not, whatever the look-up says.
    @Test func theIndexHoldsOneKeyPerHookAndSite() throws {
        let (store, nanshan) = try Self.chain()
        store.siteID = nanshan.id
        _ = try Self.checkIn(store, tag: "K20")
        #expect(throws: (any Error).self) {
            try Support.sql(store.path, """
                INSERT INTO orders(vehicle_id, customer_id, status, checked_in_at, advisor, odometer_in, fuel, complaint, category,
                                   payer, key_tag, site_id)
                SELECT 3, customer_id, 'estimating', checked_in_at, advisor, odometer_in, fuel, complaint, category, payer,
                       'K20', site_id FROM orders WHERE site_id = \(nanshan.id)
                """)
        }
    }
}
