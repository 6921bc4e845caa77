import Foundation
import Testing

/// The bays on the floor through the built binary: a bay held for a booking, the equipment the
/// work needs, an override on record, a car moved and a bay freed, and `bay list`.
@Suite("Bays on the floor")
struct BayTests {
    /// The floor and parts fixtures, an EV bay and a high-voltage job; A1 (粤BD12345) holds
    /// 1号工位 13:00–14:30 today; RO1 (京A12345, brake pads) signed, promised 17:00. It is 09:00.
    func shop() throws -> Workshop {
        let shop = Workshop()
        let result = try shop.script(AppointmentTests.fixtures + """
            bay add EV工位 equipment=lift,ev-safe
            labor add EV-01 "高压系统检查" hours=1.0
            job add J-HV "高压系统检查" labor=EV-01 equipment=ev-safe
            appointment add 粤BD12345 at="2026-11-22 13:00" complaint=刹车 job=J-BRAKE
            appointment A1 confirm bay=1号工位
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响"
            estimate RO1 labor BRK-01
            promise RO1 2026-11-22 17:00
            approve RO1 signed=张伟
            """)
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    func json(_ result: Workshop.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test func equipmentOneLetterFromAKnownOneIsATypoNotNewEquipment() throws {
        let shop = try shop()
        let before = try shop.fingerprint()
        for (line, meant) in [("bay add 9号工位 equipment=aligment", "alignment (wheel alignment)"),
                              ("bay add 9号工位 equipment=四轮定位机", "alignment (wheel alignment)"),
                              ("job add J-X \"x\" labor=BRK-01 equipment=lift,ev-saef", "ev-safe (EV high-voltage safety)")] {
            let result = try shop.command(line)
            #expect(result.status != 0, "\(line) was accepted")
            #expect(result.stderr.contains("looks like a typo for \(meant)"), "\(line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before)
        let own = try shop.command("bay add 9号工位 equipment=lift,dyno")
        #expect(own.status == 0, "\(own.stderr)")
        #expect(try shop.command("bay list").stdout.contains("dyno"))
    }

    @Test func aBayHeldForABookingGoesToAnotherCarOnlyOverriddenWithAReasonOnRecord() throws {
        let shop = try shop()
        let before = try shop.fingerprint()
        let refusals: [(String, String)] = [
            ("dispatch RO1 group=机修一组 bay=1号工位",
             "bay 1号工位 is held for booking A1 (粤BD12345, 2026-11-22 13:00–14:30), and RO1 would be in it until 2026-11-22 17:00 (its promised time). Free bays that fit now: 2号工位, 定位工位, EV工位"),
            ("dispatch RO1 group=机修一组 bay=1号工位 override=yes", "override=yes needs its reason"),
            ("dispatch RO1 group=机修一组 bay=1号工位 reason=急", "give it with override=yes"),
            ("dispatch RO1 bay=2号工位", "the first dispatch of RO1 names its work group"),
        ]
        for (command, says) in refusals {
            let result = try shop.command(command)
            #expect(result.status == 1, "\(command) should fail")
            #expect(result.stderr.contains(says), "\(command): \(result.stderr)")
            #expect(try shop.fingerprint() == before, "\(command) changed the database")
        }
        let overridden = try shop.command("dispatch RO1 group=机修一组 bay=1号工位 override=yes reason=\"A1 改到下午，客户同意\"")
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.stdout.contains("overridden, on record: booking A1 (粤BD12345, 2026-11-22 13:00–14:30). Reason: A1 改到下午，客户同意"),
                "\(overridden.stdout)")
        #expect(try shop.count("""
            SELECT count(*) FROM journal WHERE action = 'order.dispatch' AND actor = '王芳'
              AND detail LIKE '%"override":"A1 改到下午，客户同意"%' AND detail LIKE '%"overridden_holds":["A1"]%'
            """) == 1)
        #expect(try shop.count("SELECT count(*) FROM bay_stays s JOIN bays b ON b.id = s.bay_id WHERE b.name = '1号工位' AND s.left_at IS NULL") == 1)
    }

    @Test func aCarPromisedBeforeTheBookingStartsMayUseTheHeldBay() throws {
        let shop = try shop()
        _ = try shop.command("promise RO1 2026-11-22 12:30")
        let dispatched = try shop.command("dispatch RO1 group=机修一组 bay=1号工位")
        #expect(dispatched.status == 0, "\(dispatched.stderr)")
        #expect(dispatched.stdout.contains("expected there until 2026-11-22 12:30"))
    }

    @Test func aJobNeedingEVSafetyGoesOnlyToABayWithIt() throws {
        let shop = try shop()
        _ = try shop.script("""
            checkin 粤BD12345 odometer=100 battery=80 complaint="高压报警"
            estimate RO2 labor EV-01
            promise RO2 2026-11-22 12:00
            approve RO2 signed=李娜
            """)
        let before = try shop.fingerprint()
        let refused = try shop.command("dispatch RO2 group=机修二组 bay=2号工位")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bay 2号工位 lacks what RO2 needs: EV high-voltage safety (job J-HV); bays with it: EV工位; free bays that fit now: EV工位"),
                "\(refused.stderr)")
        #expect(try shop.fingerprint() == before)
        let placed = try shop.command("dispatch RO2 group=机修二组 bay=EV工位")
        #expect(placed.status == 0, "\(placed.stderr)")
        #expect(!placed.stdout.contains("new-energy"), "the bay has EV high-voltage safety")
    }

    @Test func aNewEnergyCarForOtherWorkIsOnlyReminded() throws {
        let shop = try shop()
        _ = try shop.script("""
            checkin 粤BD12345 odometer=100 battery=80 complaint="刹车异响"
            estimate RO2 labor BRK-03
            promise RO2 2026-11-22 12:00
            approve RO2 signed=李娜
            """)
        let placed = try shop.command("dispatch RO2 group=机修二组 bay=2号工位")
        #expect(placed.status == 0, "\(placed.stderr)")
        #expect(placed.stdout.contains("is a new-energy vehicle: work on its high-voltage system belongs in a bay with EV high-voltage safety (EV工位)"),
                "\(placed.stdout)")
    }

    @Test func theBookedCarsOwnHoldAndItsJobsEquipmentComeWithItsOrder() throws {
        var shop = try shop()
        _ = try shop.script("""
            appointment add 粤BD12345 at="2026-11-22 10:00" complaint=定位 job=J-ALIGN
            appointment A2 confirm bay=定位工位
            """)
        shop.now = "2026-11-22 09:50"
        _ = try shop.script("""
            checkin 粤BD12345 odometer=100 battery=80 appointment=A2
            promise RO2 2026-11-22 11:00
            approve RO2 signed=李娜
            """)
        // Waiting on the lot for the bay booked for it: held against other cars.
        let held = try shop.command("dispatch RO1 group=机修一组 bay=定位工位")
        #expect(held.stderr.contains("bay 定位工位 is held for booking A2"), "\(held.stderr)")
        let refused = try shop.command("dispatch RO2 group=机修二组 bay=2号工位")
        #expect(refused.stderr.contains("lacks what RO2 needs: wheel alignment (booking A2, job J-ALIGN)"), "\(refused.stderr)")
        #expect(try shop.command("dispatch RO2 group=机修二组 bay=定位工位").status == 0, "its own booking's bay")
        // In its bay, the booking holds nothing more.
        _ = try shop.command("bay free 定位工位")
        #expect(try shop.command("dispatch RO1 group=机修一组 bay=定位工位").status == 0)
    }

    @Test func dispatchingAgainWithABayMovesTheCarOneCarToABay() throws {
        let shop = try shop()
        _ = try shop.command("dispatch RO1 group=机修一组 tech=赵师傅 bay=2号工位")
        let moved = try shop.command("dispatch RO1 bay=定位工位")
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("RO1 moved from 2号工位 to 定位工位 (机修一组)"), "\(moved.stdout)")
        #expect(try shop.count("SELECT count(*) FROM bay_stays WHERE order_id = 1 AND left_at IS NULL") == 1)
        #expect(try shop.count("SELECT count(*) FROM bay_stays WHERE order_id = 1 AND left_why = 'moved'") == 1)
        // Another group: the work is split, the car stays where it is.
        let split = try shop.command("dispatch RO1 group=机修二组 tech=陈师傅")
        #expect(split.stdout.contains("still in 定位工位") && split.stdout.contains("split across groups"), "\(split.stdout)")
        // A second car is never put in a bay with a car in it, overridden or not.
        _ = try shop.script("""
            checkin 粤BD12345 odometer=100 battery=80 complaint="异响"
            estimate RO2 labor BRK-03
            promise RO2 2026-11-22 12:00
            approve RO2 signed=李娜
            """)
        let before = try shop.fingerprint()
        let taken = try shop.command("dispatch RO2 group=机修二组 bay=定位工位 override=yes reason=急")
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("bay 定位工位 has RO1 in it (京A12345, since 2026-11-22 09:00, promised for 2026-11-22 17:00): move that car or free the bay first (bay free 定位工位)"),
                "\(taken.stderr)")
        #expect(try shop.fingerprint() == before)
        let history = try shop.command("history RO1")
        #expect(history.stdout.contains("moved to another bay"))
    }

    @Test func aBayIsFreedByBayFreeAndWhenTheCarIsReady() throws {
        let shop = try shop()
        _ = try shop.command("dispatch RO1 group=机修一组 bay=2号工位")
        let freed = try shop.command("bay free 2号工位")
        #expect(freed.status == 0, "\(freed.stderr)")
        #expect(freed.stdout.contains("bay 2号工位 is free: RO1 (京A12345) left it"))
        #expect(try shop.count("SELECT count(*) FROM orders WHERE id = 1 AND status = 'in-work'") == 1, "the order stays in work")
        let again = try shop.command("bay free 2号工位")
        #expect(again.status == 1 && again.stderr.contains("bay 2号工位 has no car in it"))
        _ = try shop.command("dispatch RO1 bay=2号工位")
        #expect(try shop.command("complete RO1").status == 0)
        #expect(try shop.count("SELECT count(*) FROM bay_stays WHERE order_id = 1 AND left_why = 'ready'") == 1)
        #expect(try shop.count("SELECT count(*) FROM bay_stays WHERE left_at IS NULL") == 0)
        #expect(try shop.command("verify").status == 0)
    }

    @Test func aCarWaitingForItsFinalInspectionKeepsItsBayUntilItPasses() throws {
        let shop = try shop()
        _ = try shop.script("""
            checkin 粤BD12345 odometer=100 battery=80 complaint="二级维护" category=level2
            estimate RO2 labor BRK-03
            promise RO2 2026-11-22 16:00
            approve RO2 signed=李娜
            dispatch RO2 group=机修二组 bay=2号工位
            inspect RO2 pre pass by=孙检 rest=pass
            inspect RO2 process pass by=孙检 rest=pass
            complete RO2
            """)
        #expect(try shop.count("SELECT count(*) FROM bay_stays WHERE order_id = 2 AND left_at IS NULL") == 1, "completed, in its bay")
        _ = try shop.command("inspect RO2 final pass by=孙检 rest=pass")
        #expect(try shop.count("SELECT count(*) FROM bay_stays WHERE order_id = 2 AND left_at IS NULL") == 0, "ready: the bay is free")
    }

    @Test func bayListShowsWhoIsInEachBayUntilWhenAndTheBookingsHoldingIt() throws {
        let shop = try shop()
        _ = try shop.script("""
            appointment add 京A12345 at="2026-11-24 09:00" complaint=刹车 job=J-FLUID
            appointment A2 confirm bay=1号工位
            dispatch RO1 group=机修一组 bay=2号工位
            """)
        let text = try shop.command("bay list").stdout
        let rows = text.split(separator: "\n").map(String.init)
        #expect(rows.first { $0.contains("1号工位") }?.contains("A1 粤BD12345 13:00–14:30; next A2 京A12345 11-24 09:00–10:00") == true, "\(text)")
        #expect(rows.first { $0.contains("2号工位") }?.contains("RO1 京A12345  09:00  17:00") == true, "\(text)")
        let bays = try json(try shop.command("bay list", json: true))["bays"] as? [[String: Any]] ?? []
        let two = bays.first { $0["name"] as? String == "2号工位" }
        let occupant = two?["occupant"] as? [String: Any]
        #expect(occupant?["order"] as? String == "RO1" && occupant?["plate"] as? String == "京A12345")
        #expect(occupant?["until"] as? String == "2026-11-22T09:00:00Z")
        let one = bays.first { $0["name"] as? String == "1号工位" }
        #expect((one?["holds"] as? [[String: Any]])?.map { $0["appointment"] as? String } == ["A1"])
        #expect((one?["next_hold"] as? [String: Any])?["appointment"] as? String == "A2")
        #expect(one?["occupant"] is NSNull)
    }

    @Test func aBookingIsNotGivenABayACarIsExpectedInThen() throws {
        let shop = try shop()
        _ = try shop.command("dispatch RO1 group=机修一组 bay=2号工位")
        _ = try shop.command("appointment add 粤BD12345 at=\"2026-11-22 15:00\" complaint=保养 job=J-FLUID")
        let refused = try shop.command("appointment A2 confirm bay=2号工位")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bay 2号工位 has RO1 (京A12345) in it, expected until 2026-11-22 17:00 (its promised time)"), "\(refused.stderr)")
        let added = try json(try shop.command("appointment add 粤BD12345 at=\"2026-11-22 17:00\" complaint=保养 job=J-FLUID", json: true))
        #expect((added["free_bays"] as? [String])?.contains("2号工位") == true, "free once it is expected out")
    }
}
