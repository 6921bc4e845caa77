import Foundation
import Testing

/// The counter through the built binary: belongings counted back, cash and change, one payment
/// over several orders, the end of day, receivables and statements, company details and bill-to,
/// an electric car's battery, an unanswered follow-up call, a booking confirmation.
@Suite("The counter, end to end")
struct CounterEndToEndTests {
    /// RO1 (京A12345, 张伟) ready: 564.00, belongings 备胎 and 脚垫x4, key K07; the company C3 with its
    /// invoice details, billed for RO1; RO2 (the Tesla, 李娜, billed to C3 too) declined with a 50.00 fee.
    /// `day`: the clock of the late entry the shop is typed in on (a month back, for a statement of
    /// one month paid the next: the clock is never set ahead of the real time).
    func shop(on day: String? = nil) throws -> Workshop {
        var shop = Workshop()
        if let day { shop.now = day }
        let result = try shop.script(FloorTests.fixtures + """
            staff add 周静 role=cashier pin=1234
            customer add 顺达物流 phone=075588889999 company=深圳市顺达物流有限公司 contact=李经理 invoice_title=深圳市顺达物流有限公司 tax_no=91350100M000100Y43
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响" key=K07 billto=C3
            belongings RO1 add 备胎 脚垫x4
            estimate RO1 labor BRK-01
            estimate RO1 part 5QD698151 qty=1
            promise RO1 2026-11-22 17:00
            approve RO1 signed=张伟
            dispatch RO1 group=机修一组
            complete RO1
            checkin 粤BD12345 odometer=100 battery=80 complaint="底盘异响" key=K08 billto=C3
            diagnose RO2 "下摆臂球头松旷" fee=50
            decline RO2
            """)
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    func json(_ result: Workshop.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    func fen(_ value: Any?) -> Int? { (value as? [String: Any])?["fen"] as? Int }

    @Test func belongingsAreCountedBackExactlyAndReleaseNamesWhatIsMissing() throws {
        let shop = try shop()
        let three = try shop.command("belongings RO1 return 脚垫x3")
        #expect(three.stdout.contains("RO1 checked back: 脚垫×3"), "\(three.stdout)\(three.stderr)")
        #expect(three.stdout.contains("still missing: 备胎, 脚垫×1 (of 4, 3 back)"))
        #expect(try shop.count("SELECT count(*) FROM belongings WHERE order_id = 1 AND name = '脚垫' AND returned = 3 AND returned_at IS NULL") == 1)
        let before = try shop.fingerprint()
        #expect(try shop.command("belongings RO1 return 脚垫x2").stderr.contains("1 of 脚垫 still out (of 4); 2 cannot be checked back"))
        #expect(try shop.fingerprint() == before)
        _ = try shop.command("pay RO1 amount=564 method=card")
        let release = try shop.command("release RO1 signed=张伟 oldparts=returned print=no")
        #expect(release.stderr.contains("belongings not yet checked back: 备胎, 脚垫×1"), "\(release.stderr)")
        #expect(try shop.command("belongings RO1 return 脚垫 备胎 key").stdout.contains("checked back: 脚垫×1, 备胎; key K07 handed back"))
        #expect(try shop.command("release RO1 signed=张伟 oldparts=returned print=no").status == 0)
    }

    @Test func cashHandedOverIsRecordedWithTheChangeAndTheDayCountsTheDrawer() throws {
        let shop = try shop()
        let before = try shop.fingerprint()
        let refused = try shop.command("pay RO1 amount=600 method=cash")
        #expect(refused.stderr.contains("amount=564.00 tendered="), "\(refused.stderr)")
        #expect(try shop.fingerprint() == before)
        let paid = try shop.command("pay RO1 tendered=600 method=cash")
        #expect(paid.stdout.contains("RO1 received 564.00 (cash); balance 0.00"), "\(paid.stdout)\(paid.stderr)")
        #expect(paid.stdout.contains("cash handed over 600.00, change 36.00"))
        #expect(try shop.count("SELECT count(*) FROM payments WHERE order_id = 1 AND amount = 56400 AND tendered = 60000 AND change_given = 3600") == 1)
        #expect(try shop.command("invoice RO1").stdout.contains("handed over 600.00, change 36.00"))
        // The day: the cash in the drawer is what was handed over less the change; a charge to account is not money.
        _ = try shop.command("pay RO2 amount=50 method=account ref=月结")
        let day = try json(try shop.command("report day 2026-11-22", json: true))
        #expect(fen(day["payments"]) == 56_400)
        #expect(fen(day["charged_to_account"]) == 5_000)
        let cash = day["cash"] as? [String: Any]
        #expect(fen(cash?["tendered"]) == 60_000 && fen(cash?["change"]) == 3_600 && fen(cash?["in_drawer"]) == 56_400)
        let methods = (day["by_method"] as? [[String: Any]])?.map { $0["method"] as? String }
        #expect(methods == ["cash"], "account charges stand apart")
        let text = try shop.command("report day 2026-11-22").stdout
        #expect(text.contains("Cash in the drawer") && text.contains("Charged to account (not received)  50.00"), "\(text)")
    }

    @Test func onePaymentSettlesSeveralOrdersOfOneCustomer() throws {
        let shop = try shop()
        _ = try shop.script("""
            customer add 王强 phone=13688889999
            vehicle add 粤B·8K3M2 vin=LSVAM4187C2184847 owner=13688889999 make=大众 model=朗逸 year=2016
            checkin 粤B8K3M2 odometer=98700 fuel=1/4 complaint="异响"
            diagnose RO3 "检查" fee=30
            decline RO3
            """)
        let before = try shop.fingerprint()
        let mixed = try shop.command("pay RO1 RO3 amount=100 method=cash")
        #expect(mixed.stderr.contains("one payment settles orders of one customer only: RO1 → C3 顺达物流, RO3 → C4 王强"), "\(mixed.stderr)")
        #expect(try shop.command("pay RO1 RO2 amount=700 method=transfer").stderr.contains("the balance of RO1 RO2 is 614.00"))
        #expect(try shop.fingerprint() == before)
        // RO1 (张伟's car, 564.00) and RO2 (李娜's, its declined fee) are both billed to C3: one transfer pays both.
        let paid = try json(try shop.command("pay RO1 RO2 amount=614 method=transfer ref=网银0815", json: true))
        #expect(paid["receipt"] as? Int == 1)
        let shares = (paid["orders"] as? [[String: Any]])?.map { ($0["order"] as? String ?? "", fen($0["amount"]) ?? 0) }
        #expect(shares?.map(\.0) == ["RO1", "RO2"] && shares?.map(\.1) == [56_400, 5_000])
        #expect(try shop.count("SELECT count(*) FROM payments WHERE receipt = 1 AND method = 'transfer' AND reference = '网银0815'") == 2)
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'payment.add' AND command LIKE 'pay RO1 RO2%'") == 2, "a journal entry per order")
    }

    @Test func receivablesAndStatementsShowWhatAccountCustomersOwe() throws {
        var shop = try shop(on: "2026-10-22 09:00")
        _ = try shop.script("""
            pay RO1 amount=300 method=card
            pay RO1 amount=264 method=account ref=月结
            belongings RO1 return all
            release RO1 signed=张伟 oldparts=returned print=no
            """)
        let owed = try json(try shop.command("report receivables", json: true))
        #expect(fen(owed["total"]) == 31_400)
        let items = ((owed["customers"] as? [[String: Any]])?.first?["items"] as? [[String: Any]])?.map { "\($0["order"]!) \($0["kind"]!)" }
        #expect(items == ["RO1 account", "RO2 declined-fee"])
        #expect(try shop.command("report receivables").stdout.contains("contact 李经理"))
        // November: the company pays the October account by transfer.
        shop.now = "2026-11-05 10:00"
        #expect(try shop.command("pay RO1 amount=264 method=transfer ref=网银1105").status == 0)
        let october = try json(try shop.command("report statement C3 month=2026-10", json: true))
        #expect([fen(october["opening"]), fen(october["charged"]), fen(october["paid"]), fen(october["closing"])] == [0, 26_400, 0, 26_400])
        let november = try json(try shop.command("report statement C3 month=2026-11", json: true))
        #expect([fen(november["opening"]), fen(november["paid"]), fen(november["closing"])] == [26_400, 26_400, 0])
        let text = try shop.command("report statement C3 month=2026-11").stdout
        #expect(text.contains("Statement C3 顺达物流 2026-11") && text.contains("91350100M000100Y43") && text.contains("paid bank transfer 网银1105"))
        let page = Workshop.temporaryDirectory() + "/statement.html"
        #expect(try shop.command("report statement C3 month=2026-10 format=html out=\(page)").status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("对账单") && html.contains("264.00") && html.contains("深圳市顺达物流有限公司"))
        #expect(fen(try json(try shop.command("report receivables", json: true))["total"]) == 5_000, "only the declined fee is left")
    }

    @Test func aCompanysInvoiceDetailsAreCheckedAndShownToTheCashier() throws {
        let shop = try shop()
        let before = try shop.fingerprint()
        #expect(try shop.command("customer add 坏号公司 phone=075500000000 tax_no=91350100M000100Y44").stderr
                    .contains("tax number 91350100M000100Y44 fails its check: the last character should be 3"))
        #expect(try shop.fingerprint() == before)
        let invoice = try shop.command("invoice RO1").stdout
        for expected in ["Billed to      C3 顺达物流", "Invoice title  深圳市顺达物流有限公司", "Tax number     91350100M000100Y43", "Contact        李经理"] {
            #expect(invoice.contains(expected), "\(expected)\n\(invoice)")
        }
        let page = Workshop.temporaryDirectory() + "/settlement.html"
        #expect(try shop.command("print RO1 settlement format=html out=\(page)").status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("纳税人识别号") && html.contains("91350100M000100Y43") && html.contains("付款单位"))
        // Back to the owner: the invoice shows no company any more.
        #expect(try shop.command("ro set RO1 billto=owner").status == 0)
        #expect(!(try shop.command("invoice RO1").stdout.contains("Billed to")))
    }

    @Test func anElectricCarRecordsItsBatteryAndPrintsIt() throws {
        let shop = try shop()
        #expect(try shop.command("ro show RO2").stdout.contains("100 km · battery 80%"))
        #expect(try shop.count("SELECT count(*) FROM orders WHERE id = 2 AND fuel = '' AND battery = 80") == 1)
        _ = try shop.command("belongings RO2 return key")
        _ = try shop.command("pay RO2 amount=50 method=cash")
        _ = try shop.command("release RO2 signed=李娜 print=no")
        let refused = try shop.command("checkin 粤BD12345 odometer=150 fuel=F complaint=\"异响\"")
        #expect(refused.stderr.contains("粤BD12345 is electric and has no fuel gauge: give battery=PERCENT"), "\(refused.stderr)")
        #expect(try shop.command("checkin 粤BD12345 odometer=150 complaint=\"异响\"").stderr.contains("check-in records its battery"))
        #expect(try shop.command("checkin 粤BD12345 odometer=150 battery=65% complaint=\"异响\"").status == 0)
        let page = Workshop.temporaryDirectory() + "/jobcard.html"
        #expect(try shop.command("print RO3 jobcard format=html out=\(page)").status == 0)
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("65%"))
        #expect(try shop.inShopLanguage.command("ro show RO3").stdout.contains("电量 65%"))
    }

    @Test func anUnansweredFollowUpCallIsLoggedAndTheCallStaysDue() throws {
        var shop = try shop()
        _ = try shop.script("""
            pay RO1 amount=564 method=card
            belongings RO1 return all
            release RO1 signed=张伟 oldparts=returned print=no
            """)
        shop.now = "2026-11-25 10:00"
        let logged = try shop.command("followup RO1 noanswer note=\"关机\"")
        #expect(logged.stdout.contains("RO1: unanswered call logged (attempt 1, 王芳 at 2026-11-25 10:00); the follow-up stays due"), "\(logged.stdout)\(logged.stderr)")
        let list = try json(try shop.command("followup list due", json: true))
        let calls = (list["followups"] as? [[String: Any]])?.first?["unanswered"] as? [[String: Any]]
        #expect(calls?.count == 1 && calls?.first?["note"] as? String == "关机" && calls?.first?["by"] as? String == "王芳")
        #expect(try shop.command("followup list").stdout.contains("1, last 2026-11-25 10:00 王芳"))
        _ = try shop.command("followup RO1 done result=\"刹车正常\" satisfaction=5")
        #expect(try shop.command("followup RO1 noanswer").stderr.contains("the follow-up call of RO1 was recorded at 2026-11-25 10:00"))
    }

    @Test func aBookingConfirmationIsComposedAndRecordedAsSent() throws {
        let shop = Workshop()
        _ = try shop.script(AppointmentTests.fixtures + """
            appointment add 京A12345 at="2026-11-23 10:00" complaint=刹车 job=J-BRAKE
            """)
        let booked = try shop.inShopLanguage.command("notify A1")
        #expect(booked.stdout.contains("已为您的爱车京A·12345登记预约：11月23日 10:00到店"), "\(booked.stdout)\(booked.stderr)")
        #expect(!booked.stdout.contains("已确认"))
        _ = try shop.command("appointment A1 confirm")
        let confirmed = try shop.command("notify A1")
        #expect(confirmed.stdout.contains("your booking for 京A·12345 is confirmed: please come at 23 Nov 10:00"), "\(confirmed.stdout)")
        #expect(confirmed.stdout.contains("Please bring the vehicle licence and the keys"))
        #expect(try shop.count("SELECT count(*) FROM appointment_messages WHERE appointment_id = 1") == 2)
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'appointment.notify'") == 2)
        _ = try shop.command("appointment A1 cancel")
        #expect(try shop.command("notify A1").stderr.contains("cancelled"))
    }
}
