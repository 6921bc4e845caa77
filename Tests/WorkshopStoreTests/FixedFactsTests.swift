import Foundation
import SQLite
import Testing
import WorkshopModel
import WorkshopStore

/// 006-facts-fixed-on-orders: what an order was signed under and the warranty it was promised stay
/// with it; changing the shop's settings afterwards changes the future only.
@Suite("Terms and warranty fixed on orders")
struct FixedFactsTests {
    static let defaultTerms = PricingTerms(taxRate: TaxRate(basisPoints: 1300), pricesIncludeTax: true,
                                           laborRate: Money(fen: 12_000), discountLimitPercent: 5)

    static func upgradedShop() throws -> (store: Store, path: String) {
        let path = try Support.copyOfFixture(5)
        return (try Support.open(path), path)
    }

    @Test func ordersPastEstimatingGetTheShopsTermsAndReleasedOnesTheirWarranty() throws {
        let (store, _) = try Self.upgradedShop()
        for id in 1...13 {
            let order = try #require(try store.order(id: id))
            #expect(order.terms == (order.status == .estimating ? nil : Self.defaultTerms), "\(order.number) \(order.status)")
            if order.status == .released {
                let vehicle = try #require(try store.vehicle(id: order.vehicleID))
                #expect(order.warrantyTerm == WarrantyTable.statutory(vehicle.vehicleClass, order.category), "\(order.number)")
            } else {
                #expect(order.warrantyTerm == nil, "\(order.number)")
            }
        }
    }

    @Test func aTermTheShopSetIsTheOneAReleasedOrderKeeps() throws {
        let path = try Support.copyOfFixture(5)
        // The shop had promised longer on minor repairs of cars before the upgrade.
        try Support.sql(path, """
            INSERT INTO writer_mark DEFAULT VALUES;
            INSERT INTO warranty_terms VALUES ('car', 'minor', 3000, 30);
            DELETE FROM writer_mark;
            """)
        let store = try Support.open(path)
        let order = try #require(try store.order(id: 2))
        #expect(order.category == .minor)
        #expect(order.warrantyTerm == WarrantyTerm(km: 3000, days: 30))
    }

    @Test func changingTheTaxLaterChangesNoSignedOrder() throws {
        let (store, _) = try Self.upgradedShop()
        let released = try #require(try store.order(id: 2))
        let before = try store.settlement(of: released)
        let estimating = try #require(try store.order(id: 12))
        let estimateBefore = try store.record(of: estimating).totals(store.settings)
        let november = try store.report(from: Timestamp(seconds: 1_793_462_400), to: Timestamp(seconds: 1_796_054_400))
        try store.write {
            try store.setSetting("tax_rate", to: "6")
            try store.setSetting("prices_include_tax", to: "no")
        }
        let after = try store.settlement(of: released)
        #expect(after == before, "RO2 was settled under 13% included")
        #expect(after.total.fen == 75_000 && after.tax.fen == 8_628)
        // The estimate follows the shop as it is now: 6% added on top.
        let estimateAfter = try store.record(of: estimating).totals(store.settings)
        #expect(estimateAfter.subtotal == estimateBefore.subtotal)
        #expect(estimateAfter.taxed.tax.fen == estimateBefore.subtotal.fen * 6 / 100)
        let novemberAfter = try store.report(from: Timestamp(seconds: 1_793_462_400), to: Timestamp(seconds: 1_796_054_400))
        #expect(november.ordersReleased > 0)
        #expect(novemberAfter.revenue == november.revenue, "the month's revenue is what the orders were charged")
    }

    @Test func aLongerWarrantyPromisedLaterCoversOnlyLaterReleases() throws {
        let (store, _) = try Self.upgradedShop()
        let order = try #require(try store.order(id: 2))
        let vehicle = try #require(try store.vehicle(id: order.vehicleID))
        let before = try store.warrantyCoverage(vehicle: vehicle).filter { $0.orderID == 2 }
        #expect(!before.isEmpty)
        try store.write { try store.setWarrantyTerm(WarrantyTerm(km: 50_000, days: 365), vehicle.vehicleClass, order.category) }
        let after = try store.warrantyCoverage(vehicle: vehicle).filter { $0.orderID == 2 }
        #expect(after.map(\.term) == before.map(\.term))
        #expect(after.allSatisfy { $0.term == WarrantyTerm(km: 2_000, days: 10) })
    }

    /// Asked for one day, the store drops the orders whose term has run out before reading their
    /// lines: what it returns must be exactly what the whole coverage, filtered, says, for every
    /// vehicle, on days from the first release to long after the last, at odometers below, within and past.
    @Test func coverageOnADayIsTheWholeCoverageFiltered() throws {
        let (store, _) = try Self.upgradedShop()
        let zone = store.settings.timeZone
        var compared = 0
        for vehicle in try store.listVehicles() {
            let whole = try store.warrantyCoverage(vehicle: vehicle)
            let releases = whole.map(\.releasedAt)
            guard let first = releases.min() else { continue }
            for offset in stride(from: -1, through: 130, by: 3) {
                let day = zone.formatDate(first + offset * 86_400)
                for odometer in [nil, vehicle.odometer, vehicle.odometer + 2_500, vehicle.odometer + 30_000] as [Int?] {
                    let filtered = whole.filter { $0.covers(day: day, odometer: odometer) }
                    let asked = try store.warrantyCoverage(vehicle: vehicle, coveringDay: day, odometer: odometer)
                    #expect(asked.map { "\($0.orderID)/\($0.line.number)" } == filtered.map { "\($0.orderID)/\($0.line.number)" },
                            "\(vehicle.plate) on \(day) at \(odometer.map(String.init) ?? "?") km")
                    compared += filtered.count
                }
            }
        }
        #expect(compared > 50, "the fixture has warranties in force on some of those days")
    }

    @Test func reasonsTheProgramWroteGoAndReasonsPeopleTypedStay() throws {
        let before = try Database(path: Support.fixtures + "/schema-v5.db", readOnly: true)
            .rows("SELECT id, kind, reason FROM stock_movements ORDER BY id") { ($0.int("id"), $0.string("kind"), $0.optionalString("reason")) }
        #expect(before.contains { $0.2 == "booking A1" } && before.contains { $0.2 == "arrived: RO12" } && before.contains { $0.2 == "no-show" })
        let (_, path) = try Self.upgradedShop()
        let after = try Database(path: path, readOnly: true)
            .rows("SELECT id, reason FROM stock_movements ORDER BY id") { ($0.int("id"), $0.optionalString("reason")) }
        #expect(after.count == before.count)
        let typed: Set<String> = ["开业盘点：少1件", "送货单1001", "送货单1127", "送货单1128"]
        for (old, new) in zip(before, after) {
            #expect(new.0 == old.0)
            #expect(new.1 == (old.2.map { typed.contains($0) } == true ? old.2 : nil), "movement \(old.0): \(old.1) \(old.2 ?? "")")
        }
    }

    @Test func theUpgradeIsNotTakenForAChangeMadeOutsideWorkshop() throws {
        let (_, path) = try Self.upgradedShop()
        #expect(try Support.scalar(path, "SELECT count(*) FROM tamper_log") == 0)
    }
}
