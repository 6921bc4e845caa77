import Testing
@testable import WorkshopModel

/// Declined work offered until done; a past day's open complaints as they stood then; a booking
/// message that does not ask for a key the shop holds; a wrong time named as the time.
@Suite("Declined work, past reports, booking messages, times")
struct RecordRulesTests {
    static let throttle = OrderLine.labor(number: 2, description: "清洗节气门", hours: Hours(hundredths: 60), rate: Money(fen: 12_000),
                                          operationCode: "ENG-03")
    static let pads = OrderLine.part(number: 3, description: "后刹车片", quantity: Quantity(units: 1), unitPrice: Money(fen: 30_000),
                                     partNumber: "BP-9", brand: nil, partClass: .oem)

    @Test func declinedWorkIsNoLongerOfferedOnceALaterReleasedOrderDidIt() {
        let declined = [(order: 12, line: Self.throttle), (order: 12, line: Self.pads)]
        // Done on RO17 (released): the throttle body is no longer offered; the pads still are.
        let done = [(order: 17, line: Self.throttle.numbered(1))]
        let offered = DeclinedWork.stillOffered(declined, done: done)
        #expect(offered.map(\.line.number) == [3])
        // Done before it was declined does not count: it was declined after.
        #expect(DeclinedWork.stillOffered(declined, done: [(order: 5, line: Self.throttle)]).count == 2)
        // The same part number counts as the same work.
        #expect(DeclinedWork.stillOffered(declined, done: [(order: 17, line: Self.pads), (order: 17, line: Self.throttle)]).isEmpty)
        // The diagnostic fee's reserved code is not work.
        let fee = OrderLine.diagnosticFee(description: "诊断费", amount: Money(fen: 5_000)).numbered(1)
        #expect(DeclinedWork.stillOffered([(order: 12, line: fee)], done: [(order: 17, line: fee)]).count == 1)
    }

    @Test func aComplaintIsOpenAtAnInstantAsItStoodThen() {
        let day1 = Timestamp(seconds: 1_795_309_200)
        var complaint = Complaint(id: 1, vehicleID: 1, orderID: nil, channel: .phone, text: "异响", registeredAt: day1 + 3_600, registeredBy: "王芳")
        #expect(!complaint.isOpen(at: day1))                 // not registered yet
        #expect(complaint.isOpen(at: day1 + 86_400))
        complaint.followedUpAt = day1 + 2 * 86_400            // closed on day 3
        #expect(complaint.isOpen(at: day1 + 86_400), "the end of day 2 still counts it open, whenever printed")
        #expect(!complaint.isOpen(at: day1 + 3 * 86_400))
    }

    @Test func theBookingMessageDoesNotAskForAKeyTheShopHolds() {
        var message = BookingConfirmation(shopName: "顺达汽修", shopPhone: "0755-1", shopAddress: "", customerName: "张伟", plate: "京A·12345",
                                          time: "11月23日 10:00", confirmed: true, work: ["保养"], estimate: .zero, electric: false)
        #expect(message.text(language: .zh).contains("请携带行驶证和车钥匙"))
        message.keyHeld = true
        #expect(!message.text(language: .zh).contains("车钥匙，") && message.text(language: .zh).contains("车钥匙在本店保管"))
        #expect(message.text(language: .en).contains("the shop is keeping your key") && !message.text(language: .en).contains("and the keys"))
    }

    @Test func anImpossibleTimeIsNamedAsTheTime() {
        let now = Timestamp(seconds: 1_795_309_200)
        #expect(throws: InputRefusal.notTimeOfDay(field: "when", given: "25:00")) {
            try TimeParser.parse("明天 25:00", zone: .shanghai, now: now, field: "when")
        }
        #expect(throws: InputRefusal.notDateTime(field: "when", given: "明天")) { try TimeParser.parse("明天", zone: .shanghai, now: now, field: "when") }
        #expect(TimeParser.looksLikeTimeOfDay("25:00") && !TimeParser.looksLikeTimeOfDay("RO12") && !TimeParser.looksLikeTimeOfDay("1:2:3:4"))
    }
}
