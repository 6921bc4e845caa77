import Testing
@testable import WorkshopModel

/// The gates a tester found open at the desk: a decline's fee, the workshop's receiver, a PIN
/// changed at a terminal left signed in, a major complaint, a reopen after the workshop or a
/// payment, a failed inspection with every item passed.
@Suite("Desk gates")
struct DeskGateTests {
    static let manager = StaffMember(id: 2, name: "钱主管", roles: [.manager], group: nil)
    static let otherManager = StaffMember(id: 3, name: "王芳", roles: [.manager], group: nil)
    static let advisor = StaffMember(id: 4, name: "刘敏", roles: [.advisor], group: nil)
    static let technician = StaffMember(id: 5, name: "赵师傅", roles: [.technician], group: "一组")

    // MARK: A decline charges the fee on record

    @Test func aDeclineChargesTheFeeOnRecordNeverMore() throws {
        var shop = OrderFixture()
        try shop.estimate()
        // No fee on the estimate: none may be charged.
        #expect(throws: OrderRefusal.declineFeeAboveRecord(order: "RO7", given: Money(fen: 500_000), onRecord: .zero)) {
            try shop.record.decline(fee: Money(fen: 500_000), feeDescription: "检测估价费", reason: nil, at: shop.now, terms: OrderFixture.terms)
        }
        shop.apply(try shop.record.diagnose("前刹车片磨损", fee: Money(fen: 20_000), feeDescription: "诊断费"))
        #expect(shop.record.declineFeeOnRecord == Money(fen: 20_000))
        #expect(throws: OrderRefusal.declineFeeAboveRecord(order: "RO7", given: Money(fen: 20_001), onRecord: Money(fen: 20_000))) {
            try shop.record.decline(fee: Money(fen: 20_001), feeDescription: "检测估价费", reason: nil, authorizedBy: "钱主管",
                                    at: shop.now, terms: OrderFixture.terms)
        }
        // Waived or reduced: a manager's.
        #expect(throws: OrderRefusal.declineFeeWaiverNeedsManager(order: "RO7", given: .zero, onRecord: Money(fen: 20_000))) {
            try shop.record.decline(fee: .zero, feeDescription: "检测估价费", reason: nil, at: shop.now, terms: OrderFixture.terms)
        }
        // The fee on record typed again is that fee: its line is charged as it stands.
        let same = try shop.record.decline(fee: Money(fen: 20_000), feeDescription: "检测估价费", reason: nil, at: shop.now, terms: OrderFixture.terms)
        #expect(same.newLines.isEmpty && same.changedLines.filter { $0.status == .approved }.map(\.amount) == [Money(fen: 20_000)])
        let waived = try shop.record.decline(fee: Money(fen: 5_000), feeDescription: "检测估价费", reason: "老客户", authorizedBy: "钱主管",
                                             at: shop.now, terms: OrderFixture.terms)
        #expect(waived.newLines.map(\.amount) == [Money(fen: 5_000)])
        #expect(waived.changedLines.allSatisfy { $0.status == .declined })
        #expect(waived.detail.contains { $0.0 == "authorized_by" && $0.1 == .string("钱主管") })
        #expect(waived.detail.contains { $0.0 == "fee_on_record" && $0.1 == .string("200.00") })
    }

    // MARK: The workshop's receiver

    @Test func theWorkshopReceiverIsTheManagerOrATechnician() throws {
        var shop = OrderFixture()
        try shop.sign()
        #expect(throws: OrderRefusal.receiverNotWorkshop(order: "RO7", name: "刘敏", roles: [.advisor])) {
            try shop.record.handover(to: Self.advisor, at: nil, now: shop.now)
        }
        #expect(try shop.record.handover(to: Self.technician, at: nil, now: shop.now).order.handoverBy == "赵师傅")
        #expect(try shop.record.handover(to: Self.manager, at: nil, now: shop.now).order.handoverBy == "钱主管")
    }

    // MARK: One's own PIN

    @Test func changingOnesOwnPINAsksForTheCurrentOne() {
        #expect(PINAttempts.changeNeedsCurrentPIN(of: "周静", signedIn: "周静", hasPIN: true))
        // A manager resetting someone else's forgotten PIN is not asked for it; nor is an account without one.
        #expect(!PINAttempts.changeNeedsCurrentPIN(of: "周静", signedIn: "钱主管", hasPIN: true))
        #expect(!PINAttempts.changeNeedsCurrentPIN(of: "周静", signedIn: "周静", hasPIN: false))
    }

    // MARK: A major complaint is the manager's

    @Test func aMajorComplaintIsHandledByItsManagerOnly() throws {
        var complaint = Complaint(id: 2, vehicleID: 1, orderID: nil, channel: .phone, text: "保养后渗油，要求赔偿",
                                  registeredAt: OrderFixture.checkedIn, registeredBy: "刘敏")
        complaint.classification = .valid
        try complaint.mayBeHandled(by: Self.advisor, assignee: nil)
        complaint.classification = .major
        #expect(throws: AfterSalesRefusal.majorIsManagers(complaint: 2, by: "刘敏", handler: nil)) {
            try complaint.mayBeHandled(by: Self.advisor, assignee: nil)
        }
        try complaint.mayBeHandled(by: Self.otherManager, assignee: nil)
        complaint.assignedTo = "钱主管"
        #expect(throws: AfterSalesRefusal.majorIsManagers(complaint: 2, by: "刘敏", handler: "钱主管")) {
            try complaint.mayBeHandled(by: Self.advisor, assignee: Self.manager)
        }
        #expect(throws: AfterSalesRefusal.majorIsManagers(complaint: 2, by: "王芳", handler: "钱主管")) {
            try complaint.mayBeHandled(by: Self.otherManager, assignee: Self.manager)
        }
        try complaint.mayBeHandled(by: Self.manager, assignee: Self.manager)
    }

    // MARK: Reopening

    @Test func aSignedOrderIsReopenedOnlyBeforeTheWorkshopAndPayment() throws {
        var shop = OrderFixture()
        try shop.sign()
        #expect(throws: OrderRefusal.reopenPaid(order: "RO7", paid: Money(fen: 10_000))) {
            try shop.record.reopen(reason: "改价", paid: Money(fen: 10_000))
        }
        shop.apply(try shop.record.handover(to: Self.manager, at: nil, now: shop.now))
        let received = try #require(shop.record.order.handoverAt)
        #expect(throws: OrderRefusal.reopenInWorkshop(order: "RO7", by: "钱主管", at: received)) {
            try shop.record.reopen(reason: "改价", paid: .zero)
        }
        shop.apply(try shop.record.dispatch(group: "一组", technician: "赵师傅", bay: nil, by: "钱主管", at: shop.now))
        #expect(throws: OrderRefusal.reopenOnlySigned(order: "RO7", status: .inWork)) {
            try shop.record.reopen(reason: "改价", paid: .zero)
        }
    }

    // MARK: A failed inspection names what failed

    @Test func aFailNeedsAFailedItemAsAPassNeedsNone() throws {
        var shop = OrderFixture()
        try shop.workDone()
        let allPassed = [InspectionItem(code: "brakes", name: "制动", result: .pass), InspectionItem(code: "road-test", name: "路试", result: .pass)]
        #expect(throws: OrderRefusal.failWithoutFailedItem(stage: .final, items: [ChecklistEntry(code: "brakes", name: "制动"),
                                                                                  ChecklistEntry(code: "road-test", name: "路试")])) {
            try shop.record.inspect(.final, .fail, inspector: "孙检", items: allPassed, note: "路试方向盘仍抖", certificate: nil, at: shop.now)
        }
        var failing = allPassed
        failing[1].result = .fail
        #expect(try shop.record.inspect(.final, .fail, inspector: "孙检", items: failing, note: "路试方向盘仍抖", certificate: nil, at: shop.now)
            .order.status == .inWork)
        // A stage with no checklist fails on its note.
        #expect(try shop.record.inspect(.final, .fail, inspector: "孙检", items: [], note: "路试方向盘仍抖", certificate: nil, at: shop.now)
            .order.status == .inWork)
    }
}
