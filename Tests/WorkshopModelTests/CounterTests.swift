import Testing
@testable import WorkshopModel

/// The counter (issue 12, item 5) and its neighbours from item 7, on hand-worked cases: belongings
/// counted back exactly, cash handed over and change, one payment over several orders, charges to
/// account paid later, statements, the company's tax number, an electric car's battery, an
/// unanswered follow-up call, a booking confirmation.
@Suite("The counter, on hand-worked orders")
struct CounterTests {
    static let terms = OrderFixture.terms
    static let zhang = Customer(id: 1, name: "张伟", phone: "13900001111", createdAt: Timestamp(seconds: 0))
    static let company = Customer(id: 3, name: "顺达物流", phone: "075588889999", company: "深圳市顺达物流有限公司",
                                  createdAt: Timestamp(seconds: 0), contact: "李经理", invoiceTitle: "深圳市顺达物流有限公司",
                                  taxNumber: "91350100M000100Y43")

    /// A signed order of one fee line: its total is `fen` (prices include tax), owned by `owner`.
    static func signedOrder(id: Int, fen: Int, owner: Customer = zhang, billedTo: Customer? = nil) throws -> OrderRecord {
        var shop = OrderFixture()
        let vehicle = shop.record.vehicle
        var order = shop.record.order.identified(as: id)
        order.customerID = owner.id
        order.billTo = billedTo?.id
        shop.record = OrderRecord(order: order, vehicle: vehicle, customer: owner, lines: [], damage: [], belongings: [], documents: [],
                                  billedTo: billedTo)
        shop.apply(try shop.record.addLine(.fee(number: 0, description: "检测", amount: Money(fen: fen))))
        shop.apply(try shop.record.sign(signer: owner.name, via: .inPerson, declining: [], takenBy: "王芳", at: shop.now, terms: terms))
        return OrderRecord(order: shop.record.order, vehicle: vehicle, customer: owner, lines: shop.record.lines, damage: [],
                           belongings: [], documents: [], billedTo: billedTo)
    }

    static func money(_ yuan: Double) -> Money { Money(fen: Int((yuan * 100).rounded())) }
    static let now = OrderFixture.checkedIn + 7_200

    // MARK: Belongings

    func withBelongings(_ items: [Belonging]) -> OrderRecord {
        let r = OrderFixture().record
        return OrderRecord(order: r.order, vehicle: r.vehicle, customer: r.customer, lines: [], damage: [], belongings: items, documents: [])
    }

    @Test func belongingsAreCountedBackExactlyAndWhatIsMissingIsNamed() throws {
        var record = withBelongings([Belonging(name: "备胎", count: 1), Belonging(name: "脚垫", count: 4)])
        // Three floor mats back of four: the fourth is still missing, and release says so.
        let three = try record.checkBack([("脚垫", 3)], all: false, at: Self.now)
        #expect(three.returned == [BelongingItem(name: "脚垫", count: 3)])
        #expect(three.updated == [Belonging(name: "脚垫", count: 4, returnedAt: nil, returned: 3)])
        #expect(three.missing.map(\.missingDisplay) == ["备胎", "脚垫×1"])
        record = withBelongings([Belonging(name: "备胎", count: 1), Belonging(name: "脚垫", count: 4, returned: 3)])
        #expect(record.belongingsMissing == ["备胎", "脚垫×1"])
        let checkIn = OdometerReading(km: record.order.odometerIn, at: record.order.checkedInAt, source: .checkIn(order: record.order.id))
        #expect(Gate.releaseBlockers(record, settlement: record.settlement(payments: [], current: Self.terms),
                                     odometer: OdometerAtRelease(given: 45_300, standing: checkIn), at: Self.now, oldParts: .returned)
                    .contains(.belongingsNotReturned(["备胎", "脚垫×1"])))
        // Never more than is out; a bare name is every one still out.
        #expect(throws: OrderRefusal.returnMoreThanOut(order: "RO7", item: "脚垫", given: 2, out: 1, count: 4)) {
            try record.checkBack([("脚垫", 2)], all: false, at: Self.now)
        }
        #expect(throws: LookupRefusal.noBelonging(item: "雨伞", order: "RO7")) {
            try record.checkBack([("雨伞", nil)], all: false, at: Self.now)
        }
        let rest = try record.checkBack([("脚垫", nil)], all: false, at: Self.now)
        #expect(rest.updated == [Belonging(name: "脚垫", count: 4, returnedAt: Self.now, returned: nil)])
        #expect(rest.returned == [BelongingItem(name: "脚垫", count: 1)])
        #expect(rest.missing.map(\.name) == ["备胎"])
        // All: what is still out of each item; an item already back is not counted again.
        let all = try record.checkBack([], all: true, at: Self.now)
        #expect(all.returned == [BelongingItem(name: "备胎", count: 1), BelongingItem(name: "脚垫", count: 1)])
        #expect(all.missing.isEmpty)
        let back = withBelongings([Belonging(name: "脚垫", count: 4, returnedAt: Self.now)])
        #expect(throws: OrderRefusal.returnMoreThanOut(order: "RO7", item: "脚垫", given: 0, out: 0, count: 4)) {
            try back.checkBack([("脚垫", nil)], all: false, at: Self.now)
        }
        #expect(try BelongingItem.parseReturned("脚垫x3") == ("脚垫", 3))
        #expect(try BelongingItem.parseReturned("脚垫") == ("脚垫", nil))
        #expect(try BelongingItem.parseReturned("脚垫x1") == ("脚垫", 1))
    }

    // MARK: Cash handed over

    @Test func cashHandedOverAboveTheBalanceIsPaidUpToItAndTheChangeRecorded() throws {
        let due = Self.money(170.90)
        // 200.00 handed over on 170.90: 170.90 paid, 29.10 change.
        #expect(try Tender.resolve(amount: nil, tendered: Self.money(200), method: .cash, due: due, orders: "RO1")
                == Tender(amount: due, tendered: Self.money(200), change: Self.money(29.10)))
        #expect(try Tender.resolve(amount: Self.money(100), tendered: Self.money(200), method: .cash, due: due, orders: "RO1")
                == Tender(amount: Self.money(100), tendered: Self.money(200), change: Self.money(100)))
        // Less handed over than due pays what was handed over, without change.
        #expect(try Tender.resolve(amount: nil, tendered: Self.money(100), method: .cash, due: due, orders: "RO1")
                == Tender(amount: Self.money(100), tendered: Self.money(100), change: .zero))
        // amount= is what the payment settles: never more than is due.
        #expect(throws: OrderRefusal.paymentAboveBalance(order: "RO1", balance: due)) {
            try Tender.resolve(amount: Self.money(200), tendered: nil, method: .cash, due: due, orders: "RO1")
        }
        #expect(throws: OrderRefusal.tenderedBelowAmount(tendered: Self.money(150), amount: due)) {
            try Tender.resolve(amount: due, tendered: Self.money(150), method: .cash, due: due, orders: "RO1")
        }
        #expect(throws: OrderRefusal.tenderedOnlyCash(method: .wechat)) {
            try Tender.resolve(amount: due, tendered: Self.money(200), method: .wechat, due: due, orders: "RO1")
        }
        #expect(throws: OrderRefusal.paymentNeedsAmount) {
            try Tender.resolve(amount: nil, tendered: nil, method: .cash, due: due, orders: "RO1")
        }
        // Through the transition: the payment carries what was handed over and the change.
        let order = try Self.signedOrder(id: 1, fen: 17_090)
        let receipt = try OrderRecord.payTogether([(order, [])], amount: nil, tendered: Self.money(200), method: .cash, reference: nil,
                                                  by: "周静", at: Self.now, current: Self.terms, receipt: nil)
        let payment = try #require(receipt.changes.first?.payment)
        #expect(payment == Payment(amount: due, method: .cash, at: Self.now, by: "周静", tendered: Self.money(200), change: Self.money(29.10)))
        #expect(order.settlement(payments: [payment], current: Self.terms).balance == .zero)
    }

    // MARK: One payment, several orders

    @Test func onePaymentIsSpreadOverSeveralOrdersOfOneCustomerInTheOrderNamed() throws {
        let first = try Self.signedOrder(id: 7, fen: 56_400), second = try Self.signedOrder(id: 8, fen: 17_090)
        let both = [(first, [Payment]()), (second, [Payment]())]
        let spread = try OrderRecord.payTogether(both, amount: Self.money(600), tendered: nil, method: .transfer, reference: "网银0815",
                                                 by: "周静", at: Self.now, current: Self.terms, receipt: 4)
        #expect(spread.changes.map(\.order.number) == ["RO7", "RO8"])
        #expect(spread.changes.map { $0.payment!.amount } == [Self.money(564), Self.money(36)])
        #expect(spread.changes.allSatisfy { $0.payment!.receipt == 4 && $0.payment!.reference == "网银0815" })
        // The amount runs out: the orders it does not reach get nothing.
        let short = try OrderRecord.payTogether(both, amount: Self.money(500), tendered: nil, method: .transfer, reference: nil,
                                                by: "周静", at: Self.now, current: Self.terms, receipt: 5)
        #expect(short.changes.map { $0.payment!.amount } == [Self.money(500)])
        #expect(short.unreached == ["RO8"])
        // Cash for both: 800.00 on 734.90; the change is given once, on the last share.
        let cash = try OrderRecord.payTogether(both, amount: nil, tendered: Self.money(800), method: .cash, reference: nil,
                                               by: "周静", at: Self.now, current: Self.terms, receipt: 6)
        #expect(cash.changes.map { $0.payment!.amount } == [Self.money(564), Self.money(170.90)])
        #expect(cash.changes.map { $0.payment!.tendered } == [Self.money(564), Self.money(236)])
        #expect(cash.changes.map { $0.payment!.change } == [.zero, Self.money(65.10)])
        #expect(cash.tender.change == Self.money(65.10))
        // Never more than all of them owe.
        #expect(throws: OrderRefusal.paymentAboveBalance(order: "RO7 RO8", balance: Self.money(734.90))) {
            try OrderRecord.payTogether(both, amount: Self.money(800), tendered: nil, method: .transfer, reference: nil,
                                        by: "周静", at: Self.now, current: Self.terms, receipt: 7)
        }
        #expect(throws: OrderRefusal.orderNamedTwice(order: "RO7")) {
            try OrderRecord.payTogether([(first, []), (first, [])], amount: Self.money(10), tendered: nil, method: .transfer, reference: nil,
                                        by: "周静", at: Self.now, current: Self.terms, receipt: 7)
        }
        let paid = [Payment(amount: Self.money(564), method: .card, at: Self.now, by: "周静")]
        #expect(throws: OrderRefusal.nothingDueOn(order: "RO7")) {
            try OrderRecord.payTogether([(first, paid), (second, [])], amount: Self.money(10), tendered: nil, method: .transfer,
                                        reference: nil, by: "周静", at: Self.now, current: Self.terms, receipt: 7)
        }
    }

    @Test func onlyOrdersBilledToOneCustomerArePaidTogether() throws {
        let li = Customer(id: 2, name: "李娜", phone: "13912345678", createdAt: Timestamp(seconds: 0))
        let zhangs = try Self.signedOrder(id: 7, fen: 10_000), lis = try Self.signedOrder(id: 8, fen: 10_000, owner: li)
        #expect(throws: OrderRefusal.paymentAcrossCustomers(orders: ["RO7", "RO8"], customers: ["C1 张伟", "C2 李娜"])) {
            try OrderRecord.payTogether([(zhangs, []), (lis, [])], amount: Self.money(200), tendered: nil, method: .transfer,
                                        reference: nil, by: "周静", at: Self.now, current: Self.terms, receipt: 1)
        }
        // The company pays for both of its drivers' cars: the customer billed is the one that counts.
        let driverOne = try Self.signedOrder(id: 7, fen: 10_000, billedTo: Self.company)
        let driverTwo = try Self.signedOrder(id: 8, fen: 10_000, owner: li, billedTo: Self.company)
        let together = try OrderRecord.payTogether([(driverOne, []), (driverTwo, [])], amount: Self.money(200), tendered: nil,
                                                   method: .transfer, reference: nil, by: "周静", at: Self.now, current: Self.terms, receipt: 1)
        #expect(together.changes.count == 2)
        #expect(driverTwo.payingCustomer.invoiceName == "深圳市顺达物流有限公司")
    }

    // MARK: Accounts

    @Test func aChargeToAccountSettlesTheDeskAndIsPaidOffLater() throws {
        let order = try Self.signedOrder(id: 7, fen: 56_400)
        let charged = [Payment(amount: Self.money(564), method: .account, at: Self.now, by: "周静")]
        let onAccount = order.settlement(payments: charged, current: Self.terms)
        #expect(onAccount.balance == .zero, "the car may leave: the bill is charged to the account")
        #expect(onAccount.accountOutstanding == Self.money(564))
        #expect(onAccount.paid == Self.money(564))
        #expect(onAccount.payable(by: .account) == .zero)
        #expect(onAccount.payable(by: .transfer) == Self.money(564), "money may still come, to pay the account off")
        #expect(throws: OrderRefusal.paymentAboveBalance(order: "RO7", balance: Self.money(564))) {
            try order.pay(Self.money(600), method: .transfer, reference: nil, by: "周静", at: Self.now, payments: charged, current: Self.terms)
        }
        let later = charged + [Payment(amount: Self.money(564), method: .transfer, at: Self.now + 86_400, by: "周静")]
        let settled = order.settlement(payments: later, current: Self.terms)
        #expect(settled.accountOutstanding == .zero && settled.balance == .zero && settled.paid == Self.money(564))
        #expect(AccountLedger.movements(total: settled.total, payments: later).map(\.change) == [Self.money(564), Money(fen: -56_400)])
        // Part paid, part charged: money paid later pays what the account owes.
        let split = [Payment(amount: Self.money(300), method: .card, at: Self.now, by: "周静"),
                     Payment(amount: Self.money(264), method: .account, at: Self.now, by: "周静"),
                     Payment(amount: Self.money(100), method: .cash, at: Self.now + 60, by: "周静")]
        let partly = order.settlement(payments: split, current: Self.terms)
        #expect(partly.accountOutstanding == Self.money(164) && partly.balance == .zero)
        #expect(AccountLedger.movements(total: partly.total, payments: split).map(\.change) == [Self.money(264), Money(fen: -10_000)])
        // A discount after the charge: the account owes the smaller total, and nothing is to refund.
        let dearer = [Payment(amount: Self.money(600), method: .account, at: Self.now, by: "周静")]
        let smaller = order.settlement(payments: dearer, current: Self.terms)
        #expect(smaller.accountOutstanding == Self.money(564) && smaller.balance == .zero)
    }

    @Test func aStatementCarriesTheAccountFromOneMonthToTheNext() throws {
        let november = ShopZone.shanghai.instant(CivilTime(year: 2026, month: 11, day: 1))
        let december = ShopZone.shanghai.instant(CivilTime(year: 2026, month: 12, day: 1))
        let january = ShopZone.shanghai.instant(CivilTime(year: 2027, month: 1, day: 1))
        let total = Self.money(1_240.20)
        let payments = [Payment(amount: Self.money(1_000), method: .card, at: november + 86_400, by: "周静"),
                        Payment(amount: Self.money(240.20), method: .account, at: november + 86_400, by: "周静", reference: "月结"),
                        Payment(amount: Self.money(240.20), method: .transfer, at: december + 86_400 * 5, by: "周静", reference: "网银")]
        var line = OrderLine.fee(number: 1, description: "维修", amount: total)
        line.status = .approved
        let settlement = Settlement(lines: [line], discount: nil, payments: payments, terms: Self.terms)
        let order = AccountStatement.Order(number: "RO3", plate: "粤BD12345", checkedInAt: november, releasedAt: november + 86_400,
                                           settlement: settlement, payments: payments)
        let nov = AccountStatement(orders: [order], from: november, to: december)
        #expect([nov.opening, nov.charged, nov.paid, nov.closing] == [.zero, Self.money(240.20), .zero, Self.money(240.20)])
        #expect(nov.lines.map(\.change) == [Self.money(240.20)], "the card payment made at the desk is not the account's")
        #expect(nov.orders.map(\.number) == ["RO3"])
        let dec = AccountStatement(orders: [order], from: december, to: january)
        #expect([dec.opening, dec.charged, dec.paid, dec.closing] == [Self.money(240.20), .zero, Self.money(240.20), .zero])
        #expect(dec.lines.map(\.balance) == [.zero])
        let all = AccountStatement(orders: [order], from: nil, to: january)
        #expect(all.lines.count == 2 && all.closing == .zero)
        let later = AccountStatement(orders: [order], from: january, to: january + 86_400 * 31)
        #expect(later.orders.isEmpty, "a settled order of another period is not on the statement")
    }

    @Test func aTaxNumberIsCheckedLikeACreditCode() throws {
        #expect(try TaxNumber.validate("91350100m000100y43") == "91350100M000100Y43")
        #expect(throws: CustomerRefusal.taxNumberCheck(given: "91350100M000100Y44", expected: "3")) { try TaxNumber.validate("91350100M000100Y44") }
        #expect(throws: CustomerRefusal.taxNumberLength(given: "91350100M000100Y4", count: 17)) { try TaxNumber.validate("91350100M000100Y4") }
        #expect(throws: CustomerRefusal.taxNumberCharacter(given: "91350100M000100Z43")) { try TaxNumber.validate("91350100M000100Z43") }
    }

    // MARK: An electric car's battery

    @Test func anElectricCarRecordsItsBatteryInsteadOfFuel() throws {
        func vehicle(_ plate: String, fuel: String? = nil) -> Vehicle {
            Vehicle(id: 1, plate: try! Plate(plate), vin: nil, ownerID: 1, fuel: fuel, createdAt: Timestamp(seconds: 0))
        }
        #expect(vehicle("粤BD12345").isElectric, "small new-energy plate, D: pure electric")
        #expect(vehicle("京A12345D").isElectric, "large new-energy plate ending in D")
        #expect(!vehicle("粤BF12345").isElectric, "F: a hybrid, with a fuel tank")
        #expect(vehicle("京A12345", fuel: "electric").isElectric && vehicle("京A12345", fuel: "纯电动").isElectric && vehicle("京A12345", fuel: "EV").isElectric)
        #expect(!vehicle("京A12345", fuel: "汽油").isElectric)
        let tesla = vehicle("粤BD12345")
        func checkIn(_ v: Vehicle, fuel: FuelLevel?, battery: Int?) throws -> RepairOrder {
            try RepairOrder.checkIn(CheckInFacts(odometer: 100, fuel: fuel, complaint: "异响", battery: battery), vehicle: v,
                                    owner: Self.zhang, openOrder: nil, comeback: nil, advisor: "王芳", at: Self.now)
        }
        #expect(throws: OrderRefusal.batteryNeeded(plate: "粤BD12345")) { try checkIn(tesla, fuel: nil, battery: nil) }
        #expect(throws: OrderRefusal.fuelOnElectric(plate: "粤BD12345")) { try checkIn(tesla, fuel: .full, battery: 80) }
        let order = try checkIn(tesla, fuel: nil, battery: 80)
        #expect(order.fuel == nil && order.battery == 80)
        #expect(throws: OrderRefusal.fuelNeeded(plate: "京A12345")) { try checkIn(vehicle("京A12345"), fuel: nil, battery: nil) }
        let hybrid = try checkIn(vehicle("粤BF12345"), fuel: .half, battery: 60)
        #expect(hybrid.fuel == .half && hybrid.battery == 60)
    }

    // MARK: Follow-up and bookings

    @Test func anUnansweredCallIsLoggedAndTheFollowUpStaysDue() throws {
        let released = OrderFixture.checkedIn
        let followUp = FollowUp.after(release: released, orderID: 7)
        let call = try followUp.unansweredCall(by: "王芳", at: released + 3 * 86_400, note: "关机", order: "RO7")
        #expect(call == FollowUpCall(orderID: 7, at: released + 3 * 86_400, by: "王芳", note: "关机"))
        #expect(followUp.isDue(at: released + 3 * 86_400), "still due")
        var done = followUp
        done.doneAt = released + 4 * 86_400
        #expect(throws: AfterSalesRefusal.followUpRecorded(order: "RO7", at: released + 4 * 86_400)) {
            try done.unansweredCall(by: "王芳", at: released + 5 * 86_400, note: nil, order: "RO7")
        }
    }

    @Test func aBookingConfirmationSaysConfirmedOnlyWhenItIs() throws {
        var booking = Appointment(id: 12, vehicleID: 1, at: Self.now + 86_400, duration: 90, complaint: "保养", jobs: ["J-MNT"],
                                  equipment: [], bayID: nil, status: .pending, orderID: nil, estimate: Self.money(564),
                                  createdAt: Self.now, createdBy: "王芳")
        try BookingConfirmation.check(booking, now: Self.now)
        #expect(throws: BookingRefusal.timePassed(appointment: "A12", at: booking.at)) { try BookingConfirmation.check(booking, now: booking.at) }
        booking.status = .cancelled
        #expect(throws: BookingRefusal.alreadyClosed(appointment: "A12", status: .cancelled)) { try BookingConfirmation.check(booking, now: Self.now) }
        func message(confirmed: Bool) -> String {
            BookingConfirmation(shopName: "顺达汽修", shopPhone: "0755-82345678", shopAddress: "", customerName: "张伟", plate: "粤B·D12345",
                                time: "11月23日 10:00", confirmed: confirmed, work: ["小保养"], estimate: Self.money(564), electric: true)
                .text(language: .zh)
        }
        #expect(message(confirmed: true) == "【顺达汽修】张伟您好，您的爱车粤B·D12345的预约已确认：11月23日 10:00到店，项目：小保养，预计费用约¥564.00（以检查后您签字确认的项目为准）。请携带行驶证和车钥匙、充电线，车内现金和贵重物品请提前取出。如需改期请致电0755-82345678。")
        #expect(!message(confirmed: false).contains("已确认") && message(confirmed: false).contains("登记预约"))
    }
}
