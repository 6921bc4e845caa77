import Testing
@testable import WorkshopModel

@Suite("Board: what needs someone now, at the right minute")
struct BoardTests {
    let zone = ShopZone.shanghai
    func at(_ text: String) -> Timestamp { try! TimeParser.parse(text, zone: zone, now: Timestamp(seconds: 0), field: "t") }

    func facts(status: OrderStatus = .inWork, category: RepairCategory = .minor, checkedIn: String = "2026-11-22 08:00",
               promised: String? = "2026-11-22 18:00", started: String? = "2026-11-22 08:00") -> BoardFacts {
        BoardFacts(orderID: 1, plate: "京A12345", status: status, category: category, checkedInAt: at(checkedIn),
                   promisedAt: promised.map(at), startedAt: started.map(at))
    }

    @Test func tellTheCustomerOneHourBeforeForAJobUnderTwoDays() {
        let f = facts()
        #expect(!BoardRules.flags(f, now: at("2026-11-22 16:59")).contains(.notifyCustomer))
        #expect(BoardRules.flags(f, now: at("2026-11-22 17:00")).contains(.notifyCustomer))
        var told = f
        told.lastNotifiedAt = at("2026-11-22 17:05")
        #expect(!BoardRules.flags(told, now: at("2026-11-22 17:10")).contains(.notifyCustomer))
        // A message sent before the moment does not count.
        told.lastNotifiedAt = at("2026-11-22 12:00")
        #expect(BoardRules.flags(told, now: at("2026-11-22 17:10")).contains(.notifyCustomer))
    }

    @Test func aReadyCarToldSinceItWasFinishedNeedsNoMoreTelling() {
        var f = facts(status: .ready)
        f.completedAt = at("2026-11-22 15:00")
        f.lastNotifiedAt = at("2026-11-22 15:05")
        #expect(!BoardRules.flags(f, now: at("2026-11-22 17:30")).contains(.notifyCustomer))
        f.lastNotifiedAt = at("2026-11-22 14:00")
        #expect(BoardRules.flags(f, now: at("2026-11-22 17:30")).contains(.notifyCustomer))
    }

    @Test func tellTheCustomerFourHoursBeforeForAJobOfTwoDaysOrMore() {
        let f = facts(checkedIn: "2026-11-20 09:00", promised: "2026-11-22 09:00", started: "2026-11-20 10:00")
        #expect(!BoardRules.flags(f, now: at("2026-11-22 04:59")).contains(.notifyCustomer))
        #expect(BoardRules.flags(f, now: at("2026-11-22 05:00")).contains(.notifyCustomer))
        #expect(BoardRules.notificationLead(checkedIn: at("2026-11-20 09:00"), promised: at("2026-11-22 08:59")) == 3_600)
    }

    @Test func checkProgressFromSeventyPercentOfThePlannedTime() {
        // 08:00 to 18:00: 70% is 15:00.
        let f = facts()
        #expect(!BoardRules.flags(f, now: at("2026-11-22 14:59")).contains(.checkProgress))
        #expect(BoardRules.flags(f, now: at("2026-11-22 15:00")).contains(.checkProgress))
        var reported = f
        reported.lastProgressAt = at("2026-11-22 15:10")
        #expect(!BoardRules.flags(reported, now: at("2026-11-22 15:20")).contains(.checkProgress))
        // Only orders in work: a completed one waits for inspection instead.
        #expect(!BoardRules.flags(facts(status: .completed), now: at("2026-11-22 15:20")).contains(.checkProgress))
    }

    @Test func overdueAfterThePromiseUnlessReady() {
        #expect(!BoardRules.flags(facts(), now: at("2026-11-22 18:00")).contains(.overdue))
        #expect(BoardRules.flags(facts(), now: at("2026-11-22 18:01")).contains(.overdue))
        #expect(!BoardRules.flags(facts(status: .ready), now: at("2026-11-22 19:00")).contains(.overdue))
    }

    @Test func inspectionsDueInOrderForMandatoryCategories() {
        var f = facts(category: .level2)
        #expect(BoardRules.flags(f, now: at("2026-11-22 09:00")).contains(.inspectionDue(.pre)))
        f.passedStages = [.pre]
        #expect(BoardRules.flags(f, now: at("2026-11-22 09:00")).contains(.inspectionDue(.process)))
        f.passedStages = [.pre, .process]
        #expect(!BoardRules.flags(f, now: at("2026-11-22 09:00")).contains { if case .inspectionDue = $0 { return true }; return false })
        #expect(BoardRules.flags(facts(status: .completed), now: at("2026-11-22 09:00")).contains(.inspectionDue(.final)))
        #expect(!BoardRules.flags(facts(category: .minor), now: at("2026-11-22 09:00")).contains(.inspectionDue(.pre)))
    }

    @Test func aSignedOrderNoOneHasDispatchedIsFlagged() {
        let signed = facts(status: .signed, started: nil)
        #expect(BoardRules.flags(signed, now: at("2026-11-22 09:00")) == [.awaitingDispatch])
        #expect(BoardFlag.awaitingDispatch.label(.zh) == "待派工")
        // Dispatched, it is in work; unsigned, it waits for the customer instead.
        #expect(!BoardRules.flags(facts(status: .inWork), now: at("2026-11-22 09:00")).contains(.awaitingDispatch))
        #expect(BoardRules.flags(facts(status: .estimating, started: nil), now: at("2026-11-22 09:00")) == [.awaitingSignature])
        // Before the pre-repair inspection of a level-2 job it is flagged for both, the dispatch first.
        #expect(BoardRules.flags(facts(status: .signed, category: .level2, started: nil), now: at("2026-11-22 09:00"))
                == [.awaitingDispatch, .inspectionDue(.pre)])
        // Late and undispatched: the overdue flag comes first.
        #expect(BoardRules.flags(signed, now: at("2026-11-22 19:00")).first == .overdue)
    }

    @Test func sortedByUrgencyThenPromise() {
        var late = facts(promised: "2026-11-22 10:00")
        late.orderID = 2
        var waiting = facts(promised: "2026-11-22 20:00")
        waiting.orderID = 3
        waiting.pendingSupplements = 1
        var calm = facts(promised: "2026-11-23 12:00")
        calm.orderID = 4
        let order = BoardRules.sorted([calm, waiting, late], now: at("2026-11-22 11:00")).map(\.facts.orderID)
        #expect(order == [2, 3, 4])
    }
}

@Suite("Board: a declined order stays until released")
struct DeclinedOnTheBoardTests {
    @Test func aDeclinedOrderIsFlaggedForItsFeeKeyAndBelongingsAndNeverOverdue() {
        let zone = ShopZone.shanghai
        let checkedIn = try! TimeParser.parse("2026-11-22 08:00", zone: zone, now: Timestamp(seconds: 0), field: "t")
        var f = BoardFacts(orderID: 4, plate: "粤BD12345", status: .declined, category: .minor, checkedInAt: checkedIn,
                           promisedAt: checkedIn + 3_600,
                           held: HeldUntilRelease(feeDue: Money(fen: 5_000), keyTag: "K09", belongings: ["备胎"]))
        let flags = BoardRules.flags(f, now: checkedIn + 86_400)
        #expect(flags == [.feeDue(Money(fen: 5_000)), .keyOnHook("K09"), .belongingsHere])
        #expect(flags.map(\.code) == ["fee-due", "key-on-hook", "belongings-here"])
        #expect(flags[0].label(.zh) == "拒修，检测费 50.00 未付" && flags[1].label(.en) == "key on hook K09")
        f.held = HeldUntilRelease(feeDue: .zero, keyTag: "K09", belongings: [])
        #expect(BoardRules.flags(f, now: checkedIn + 86_400) == [.keyOnHook("K09")])
    }
}
