import Foundation
import Testing

/// Issue 12 through the built binary: messages and papers that state only what happened, comebacks
/// billed as signed, orders voided rather than deleted, declined orders that stay in view until they
/// are released, and added work shown apart from what was signed.
@Suite("Orders that tell the truth")
struct TruthfulOrderTests {
    /// RO1 (小修) signed and in work: 144.00 labour + 420.00 parts = 564.00, key K07, promised today 17:00.
    func shopInWork() throws -> Workshop {
        let shop = Workshop()
        let result = try shop.script(FloorTests.fixtures + """
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响" key=K07
            estimate RO1 labor BRK-01
            estimate RO1 part 5QD698151 qty=1
            promise RO1 2026-11-22 17:00
            approve RO1 signed=张伟
            dispatch RO1 group=机修一组
            """)
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    static func fen(_ value: Any?) -> Int? { (value as? [String: Any])?["fen"] as? Int }

    static func html(_ shop: Workshop, _ order: String, _ kind: String) throws -> String {
        let path = Workshop.temporaryDirectory() + "/\(kind).html"
        let result = try shop.command("print \(order) \(kind) format=html out=\(path)")
        #expect(result.status == 0, "\(result.stderr)")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    // MARK: 1. Messages and papers

    /// The shop's bug: a 小修 "通过竣工检验" with no inspection done, and a total before the discount.
    @Test func theReadyMessageAndTheReleaseNoteClaimAnInspectionOnlyWhenOnePassed() throws {
        let shop = try shopInWork()
        let steps = try shop.script("""
            complete RO1
            discount RO1 amount=64
            pay RO1 amount=100 method=cash
            """)
        #expect(steps.status == 0, "\(steps.stderr)")
        let ready = try shop.command("notify RO1")
        #expect(ready.status == 0, "\(ready.stderr)")
        #expect(ready.stdout.contains("your car 京A·12345 is repaired. "), "\(ready.stdout)")
        #expect(!ready.stdout.contains("inspection"))
        let invoice = Self.object(try shop.command("invoice RO1", json: true).stdout)
        #expect(Self.fen(invoice["total"]) == 50_000)
        #expect(ready.stdout.contains("The total is 500.00; 100.00 paid, 400.00 to pay."), "the invoice's amount, after the discount")
        let chinese = try shop.inShopLanguage.command("notify RO1 kind=ready")
        #expect(chinese.stdout.contains("已完成维修，") && !chinese.stdout.contains("竣工检验"))
        #expect(chinese.stdout.contains("费用合计¥500.00，已付¥100.00，尚需支付¥400.00。"))
        let released = try shop.script("""
            pay RO1 amount=400 method=wechat
            belongings RO1 return key
            release RO1 signed=张伟 oldparts=returned print=no
            """)
        #expect(released.status == 0, "\(released.stderr)")
        let note = try Self.html(shop, "RO1", "release")
        #expect(note.contains("维修已完工，交车出厂") && !note.contains("经竣工检验合格"))

        // With a final inspection passed, both say so.
        let inspected = try shopInWork()
        #expect(try inspected.script("complete RO1\ninspect RO1 final pass by=孙检 rest=pass\n").status == 0)
        #expect(try inspected.command("notify RO1").stdout.contains("is repaired and has passed its final inspection"))
    }

    /// The shop's bug: a delay message repeating a promised time already past.
    @Test func aDelayNoticeRecordsTheNewPromiseAndQuotesOnlyIt() throws {
        var shop = try shopInWork()
        shop.now = "2026-11-22 17:30"
        let refusals: [(String, String)] = [
            ("notify RO1", "says why"),
            ("notify RO1 kind=delay reason=配件未到货", "gives the new promised time"),
            ("notify RO1 kind=delay reason=配件未到货 promise=\"2026-11-22 16:00\"", "not later than the promised 2026-11-22 17:00"),
            ("notify RO1 kind=delay reason=配件未到货 promise=\"2026-11-22 17:10\"", "is not in the future"),
            ("notify RO1 kind=progress promise=\"2026-11-23 12:00\"", "a kind=progress message takes none"),
        ]
        let before = try shop.fingerprint()
        for (command, says) in refusals {
            let result = try shop.command(command)
            #expect(result.status == 1, "\(command) should fail")
            #expect(result.stderr.contains(says), "\(command): \(result.stderr)")
            #expect(try shop.fingerprint() == before, "\(command) changed the database")
        }
        let delay = try shop.command("notify RO1 reason=配件未到货 promise=\"2026-11-23 12:00\"", json: true)
        #expect(delay.status == 0, "\(delay.stderr)")
        let sent = Self.object(delay.stdout)
        #expect(sent["kind"] as? String == "delay")
        let message = sent["message"] as? String ?? ""
        #expect(message.contains("because of 配件未到货") && message.contains("We now expect it at 23 Nov 12:00"))
        #expect(!message.contains("17:00"), "the old time is not repeated")
        #expect(sent["promised_at"] as? String == "2026-11-23T04:00:00Z")
        #expect(try shop.count("SELECT count(*) FROM orders WHERE id = 1 AND promised_at = 1795406400") == 1, "the new promise is the order's")
        #expect(try shop.count("SELECT count(*) FROM notifications WHERE order_id = 1 AND kind = 'delay'") == 1)
        #expect(try shop.command("history RO1").stdout.contains("配件未到货"))
        // A progress message never quotes a time that has passed.
        shop.now = "2026-11-23 13:00"
        let progress = try shop.command("notify RO1 kind=progress")
        #expect(progress.status == 0 && !progress.stdout.contains("expected"), "\(progress.stdout)")
    }

    // MARK: 2. Comebacks billed as signed

    /// RO1 released; RO2 a comeback of RO1/1 with the warranty redo free and a wiper the customer pays for.
    func comebackShop() throws -> Workshop {
        var shop = try shopInWork()
        let result = try shop.script("""
            complete RO1
            pay RO1 amount=564 method=wechat
            belongings RO1 return key
            release RO1 signed=张伟 oldparts=returned print=no
            set now 2026-11-25 09:00
            checkin 京A12345 odometer=45500 fuel=F complaint="刹车又响" rework=RO1/1 cause="刹车片安装不到位"
            estimate RO2 labor BRK-01
            estimate RO2 labor "顺便更换雨刮" hours=0.2 covered=no
            promise RO2 2026-11-25 15:00
            """)
        #expect(result.status == 0, "\(result.stderr)")
        shop.now = "2026-11-25 09:30"
        return shop
    }

    /// The shop's bug: the customer signed 188.00 and was charged 0.
    @Test func whatTheCustomerSignsIsWhatTheInvoiceChargesWithWarrantyWorkApart() throws {
        let shop = try comebackShop()
        let estimate = Self.object(try shop.command("ro show RO2", json: true).stdout)
        let totals = estimate["totals"] as? [String: Any] ?? [:]
        #expect(Self.fen(totals["total"]) == 2_400, "the wiper only")
        #expect(Self.fen(totals["warranty"]) == 14_400)
        let lines = estimate["lines"] as? [[String: Any]] ?? []
        #expect(lines.map { $0["covered"] as? Bool } == [true, false])
        let signed = try shop.command("approve RO2 signed=张伟")
        #expect(signed.stdout.contains("total 24.00; warranty work 144.00, no charge"), "\(signed.stdout)")
        #expect(try shop.count("SELECT count(*) FROM journal WHERE order_id = 2 AND action = 'order.sign' AND detail LIKE '%\"total\":\"24.00\"%'") == 1,
                "the journal records what was signed")
        let invoice = Self.object(try shop.command("invoice RO2", json: true).stdout)
        #expect(Self.fen(invoice["total"]) == 2_400 && Self.fen(invoice["warranty"]) == 14_400)
        let listed = Self.object(try shop.command("ro list", json: true).stdout)["orders"] as? [[String: Any]] ?? []
        #expect(Self.fen(listed.first { $0["order"] as? String == "RO2" }?["total"]) == 2_400)
        let jobcard = try Self.html(shop, "RO2", "jobcard")
        #expect(jobcard.contains("¥24.00") && jobcard.contains("保修项目（不收费）") && jobcard.contains("保修 0.00"))
        #expect(!jobcard.contains("¥168.00"))
        let estimatePaper = try Self.html(shop, "RO2", "estimate")
        #expect(estimatePaper.contains("¥24.00") && estimatePaper.contains("保修项目（不收费）"))
        // The settlement heads who pays: the warranty, and the customer for the wiper.
        let settlement = try Self.html(shop, "RO2", "settlement")
        #expect(settlement.contains("保修（另有自费项目）"), "\(settlement)")
    }

    @Test func aComebackOpenedAsAnOrdinaryOrderIsLinkedAfterwardsWithTheChecksOfCheckIn() throws {
        var shop = try comebackShop()
        let setup = try shop.script("""
            approve RO2 signed=张伟
            checkin 粤BD12345 odometer=100 battery=90 complaint="异响"
            estimate RO3 labor BRK-01
            """)
        #expect(setup.status == 0, "\(setup.stderr)")
        let refusals: [(String, String)] = [
            ("ro set RO2 rework=RO1/1 cause=x", "already linked as a comeback of RO1/1"),
            ("ro set RO3 rework=RO1/1 cause=x", "that is not an order of 粤BD12345"),
            ("ro set RO3 rework=RO2 cause=x", "that is not an order of 粤BD12345"),
            ("ro set RO3 cause=x", "cause= goes with rework="),
            ("estimate RO3 change 1 covered=yes", "RO3 is not one (if it is, link it first: ro set RO3 rework=RO/LINE"),
        ]
        let before = try shop.fingerprint()
        for (command, says) in refusals {
            let result = try shop.command(command)
            #expect(result.status == 1, "\(command) should fail")
            #expect(result.stderr.contains(says), "\(command): \(result.stderr)")
            #expect(try shop.fingerprint() == before, "\(command) changed the database")
        }
        // 京A12345 back again, checked in as an ordinary order: linked once the advisor sees it is a comeback.
        shop.now = "2026-11-25 16:00"
        let linkable = shop
        let steps = try linkable.script("""
            dispatch RO2 group=机修一组
            complete RO2
            pay RO2 amount=24 method=cash
            release RO2 signed=张伟 oldparts=returned print=no
            checkin 京A12345 odometer=45600 fuel=F complaint="刹车还响"
            estimate RO4 labor BRK-01
            ro set RO4 rework=RO1/3 cause=x
            ro set RO4 rework=RO1/1
            """)
        #expect(steps.stderr.contains("RO1 line 3 is not under warranty now"), "\(steps.stderr)")
        #expect(steps.stderr.contains("a comeback records its cause"), "\(steps.stderr)")
        let link = try linkable.command("ro set RO4 rework=RO1/1 cause=\"刹车片仍未装到位\"")
        #expect(link.status == 0, "\(link.stderr)")
        #expect(link.stdout.contains("linked as a warranty comeback of RO1/1") && link.stdout.contains("lines written before the link stay chargeable (1)"), "\(link.stdout)")
        #expect(try linkable.command("estimate RO4 change 1 covered=yes").status == 0)
        let shown = Self.object(try linkable.command("ro show RO4", json: true).stdout)
        #expect((shown["rework"] as? [String: Any])?["cause"] as? String == "刹车片仍未装到位")
        #expect(shown["payer"] as? String == "warranty")
        #expect(Self.fen((shown["totals"] as? [String: Any])?["total"]) == 0)
        #expect(try linkable.command("history RO4").stdout.contains("linked as a comeback"))
        #expect(try linkable.count("SELECT count(*) FROM orders WHERE id = 4 AND rework_of = 1 AND rework_line = 1") == 1)
    }

    @Test func anOrderOpenedByMistakeIsVoidedNeverDeletedAndCountsNowhere() throws {
        let shop = try shopInWork()
        let setup = try shop.script("""
            checkin 粤BD12345 odometer=100 battery=90 complaint="误开" key=K09
            estimate RO2 labor BRK-01
            """)
        #expect(setup.status == 0, "\(setup.stderr)")
        let refusals: [(String, String)] = [
            ("void RO1 reason=误开", "RO1 is in work: the workshop has it, so it cannot be voided"),
            ("void RO2", "reason=TEXT is missing"),
            ("void RO2 reason=\" \"", "reason"),
        ]
        let before = try shop.fingerprint()
        for (command, says) in refusals {
            let result = try shop.command(command)
            #expect(result.status == 1, "\(command) should fail")
            #expect(result.stderr.contains(says), "\(command): \(result.stderr)")
            #expect(try shop.fingerprint() == before, "\(command) changed the database")
        }
        let voided = try shop.command("void RO2 reason=\"车牌选错\"")
        #expect(voided.status == 0, "\(voided.stderr)")
        #expect(voided.stdout.contains("key hook K09 is free again"))
        #expect(voided.stdout.contains("the 100 km recorded at its check-in is still 粤BD12345's last reading"), "\(voided.stdout)")
        #expect(try shop.count("SELECT count(*) FROM orders WHERE id = 2 AND status = 'void'") == 1)
        #expect(try shop.count("SELECT count(*) FROM order_lines WHERE order_id = 2") == 1, "kept with its lines")
        let board = Self.object(try shop.command("board", json: true).stdout)["orders"] as? [[String: Any]] ?? []
        #expect(board.map { $0["order"] as? String } == ["RO1"])
        let listed = Self.object(try shop.command("ro list", json: true).stdout)["orders"] as? [[String: Any]] ?? []
        #expect(listed.map { $0["order"] as? String } == ["RO1"])
        let void = Self.object(try shop.command("ro list status=void", json: true).stdout)["orders"] as? [[String: Any]] ?? []
        #expect(void.map { $0["order"] as? String } == ["RO2"])
        let report = try shop.command("report day 2026-11-22", json: true)
        #expect(report.stdout.contains("\"orders_opened\":1"), "\(report.stdout)")
        let shown = Self.object(try shop.command("ro show RO2", json: true).stdout)
        #expect((shown["void"] as? [String: Any])?["reason"] as? String == "车牌选错")
        #expect(try shop.command("void RO2 reason=again").stderr.contains("RO2 is void and closed"))
        #expect(try shop.command("estimate RO2 labor BRK-03").stderr.contains("RO2 is void and closed"))
        // The car and the key hook are free again.
        #expect(try shop.command("checkin 粤BD12345 odometer=100 battery=90 complaint=\"异响\" key=K09").status == 0)
    }

    @Test func aSignedOrderIsReopenedBeforeItIsVoided() throws {
        let shop = try shopInWork()
        _ = try shop.script("""
            checkin 粤BD12345 odometer=100 battery=90 complaint="误开"
            estimate RO2 labor BRK-01
            promise RO2 2026-11-22 17:00
            approve RO2 signed=李娜
            """)
        #expect(try shop.command("void RO2 reason=误开").stderr.contains("reopen it first (reopen RO2"))
        let done = try shop.script("reopen RO2 reason=误开\nvoid RO2 reason=误开\n")
        #expect(done.status == 0, "\(done.stderr)")
    }

    // MARK: 3. Declined orders that vanish

    @Test func aDeclinedOrderStaysOnTheBoardUntilItsFeeIsPaidAndItsKeyIsBack() throws {
        let shop = Workshop()
        let setup = try shop.script(FloorTests.fixtures + """
            checkin 粤BD12345 odometer=100 battery=90 complaint="异响" key=K09
            belongings RO1 add 备胎
            diagnose RO1 "悬挂异响" fee=50
            decline RO1
            """)
        #expect(setup.status == 0, "\(setup.stderr)")
        let board = Self.object(try shop.command("board", json: true).stdout)["orders"] as? [[String: Any]] ?? []
        #expect(board.first?["order"] as? String == "RO1")
        #expect(board.first?["flags"] as? [String] == ["fee-due", "key-on-hook", "belongings-here"])
        #expect(Self.fen((board.first?["held"] as? [String: Any])?["fee_due"]) == 5_000)
        #expect(try shop.command("board").stdout.contains("1 declined, not released"))
        let listed = Self.object(try shop.command("ro list", json: true).stdout)["orders"] as? [[String: Any]] ?? []
        #expect(listed.map { $0["order"] as? String } == ["RO1"])
        #expect(try shop.command("ro list").stdout.contains("fee 50.00 · key K09 · items 1"))
        // The car comes back: its unpaid fee and key are named.
        let back = try shop.command("checkin 粤BD12345 odometer=150 battery=90 complaint=\"还是异响\"")
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.contains("this car's declined order RO1 (2026-11-22) is not released: fee 50.00 due · key on hook K09 · belongings 备胎"),
                "\(back.stdout)")
        // Paid and handed back, it leaves the board; released, it is closed.
        _ = try shop.script("pay RO1 amount=50 method=cash\nbelongings RO1 return all\n")
        let after = Self.object(try shop.command("board", json: true).stdout)["orders"] as? [[String: Any]] ?? []
        #expect(after.map { $0["order"] as? String } == ["RO2"])
        #expect(try shop.command("release RO1 signed=李娜 print=no").status == 0)
    }

    // MARK: 4. Added work apart; the workshop receiver on the job card

    @Test func roShowAndRoListShowUnansweredAddedWorkApartFromTheSignedTotal() throws {
        let shop = try shopInWork()
        #expect(try shop.command("supplement RO1 add part BF-DOT4-1L qty=1 reason=\"刹车油含水超标\"").status == 0)
        let shown = Self.object(try shop.command("ro show RO1", json: true).stdout)
        #expect(Self.fen((shown["totals"] as? [String: Any])?["total"]) == 56_400, "the signed total, unchanged")
        #expect(Self.fen((shown["awaiting_answer"] as? [String: Any])?["total"]) == 8_800)
        let text = try shop.command("ro show RO1").stdout
        #expect(text.contains("Total CNY 564.00") && text.contains("added work awaiting the customer's answer 88.00 (line 3, not in the total)"))
        let listed = Self.object(try shop.command("ro list", json: true).stdout)["orders"] as? [[String: Any]] ?? []
        #expect(Self.fen(listed.first?["total"]) == 56_400 && Self.fen(listed.first?["awaiting_answer"]) == 8_800)
        #expect(try shop.command("ro list").stdout.contains("Added, unanswered"))
        _ = try shop.command("supplement RO1 3 approve via=phone customer=张伟 told=赵师傅")
        let approved = Self.object(try shop.command("ro list", json: true).stdout)["orders"] as? [[String: Any]] ?? []
        #expect(Self.fen(approved.first?["total"]) == 65_200 && Self.fen(approved.first?["awaiting_answer"]) == 0)
    }

    @Test func theJobCardShowsTheWorkshopReceiverOnceAHandoverIsRecorded() throws {
        var shop = try shopInWork()
        shop.now = "2026-11-22 10:00"
        #expect(!(try Self.html(shop, "RO1", "jobcard")).contains("赵师傅"))
        #expect(try shop.command("handover RO1 receiver=赵师傅 at=\"2026-11-22 09:40\"").status == 0)
        let card = try Self.html(shop, "RO1", "jobcard")
        #expect(card.contains("赵师傅") && card.contains("2026-11-22 09:40"))
    }
}
