import Foundation
import Testing

/// The cash desk and after-sales through the built binary.
@Suite("Cash desk and after-sales")
struct CashDeskTests {
    /// RO1 signed, worked, ready: 144.00 labour + 420.00 parts, belongings and key K07 in the shop.
    func readyShop() throws -> Workshop {
        let shop = Workshop()
        let result = try shop.script(FloorTests.fixtures + """
            staff add 周静 role=cashier pin=1234
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响" key=K07
            belongings RO1 add 备胎 脚垫x4
            estimate RO1 labor BRK-01
            estimate RO1 part 5QD698151 qty=1
            promise RO1 2026-11-22 17:00
            approve RO1 signed=张伟
            dispatch RO1 group=机修一组
            complete RO1
            """)
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    /// A declined car's key stays on its hook until it is handed back: no other car's key is hung
    /// there, and the declined order is paid, its key handed back and the car released as ever.
    @Test func aDeclinedCarsKeyKeepsItsHook() throws {
        let shop = Workshop()
        #expect(try shop.script(FloorTests.fixtures + """
            staff add 周静 role=cashier pin=1234
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响" key=K40
            diagnose RO1 "前刹车片磨损" fee=20
            decline RO1 reason=太贵
            """).status == 0)
        let before = try shop.fingerprint()
        let taken = try shop.command("checkin 粤BD12345 odometer=30000 battery=80 complaint=异响 key=K40")
        #expect(taken.status != 0 && taken.stderr.contains("K40") && taken.stderr.contains("RO1"), "\(taken.stdout)\(taken.stderr)")
        #expect(try shop.fingerprint() == before)
        #expect(try shop.command("checkin 粤BD12345 odometer=30000 battery=80 complaint=异响 key=K41").status == 0)
        // Named by its plate too, while the car is here.
        let handedBack = try shop.script("""
            pay 京A12345 amount=20 method=wechat
            belongings RO1 return key
            release 京A12345 signed=张伟 print=no
            """)
        #expect(handedBack.status == 0, "\(handedBack.stdout)\(handedBack.stderr)")
        // Handed back: the hook is free for the next car.
        #expect(try shop.command("belongings RO2 key K40").status == 0)
    }

    /// The release note of a declined car says a fee was charged only when one was.
    @Test func aDeclinedCarsReleaseNoteNamesAFeeOnlyWhenCharged() throws {
        let shop = Workshop()
        #expect(try shop.script(FloorTests.fixtures + """
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响"
            decline RO1 reason=太贵
            release RO1 signed=张伟 print=no
            checkin 粤BD12345 odometer=30000 battery=80 complaint=异响
            diagnose RO2 "异响来自悬架" fee=20
            decline RO2 reason=太贵
            pay RO2 amount=20 method=cash
            release RO2 signed=李娜 print=no
            """).status == 0)
        let folder = Workshop.temporaryDirectory()
        for (order, says, never) in [("RO1", "未收取费用", "已收取检测估价费"), ("RO2", "已收取检测估价费", "未收取费用")] {
            #expect(try shop.command("print \(order) release format=html out=\(folder)/\(order).html").status == 0)
            let note = try String(contentsOfFile: "\(folder)/\(order).html", encoding: .utf8)
            #expect(note.contains(says) && !note.contains(never), "\(order): \(note)")
        }
    }

    @Test func aDiscountAfterPaymentSaysWhatIsOwedBack() throws {
        let shop = try readyShop()
        #expect(try shop.command("pay RO1 amount=564 method=wechat").status == 0)
        let discounted = try shop.script("login 钱主管\ndiscount RO1 amount=30")
        #expect(discounted.stdout.contains("RO1 discount 30.00; total now 534.00; paid 564.00, overpaid by 30.00, to refund: refund RO1 amount=30.00 method=… reason=…"),
                "\(discounted.stdout)\(discounted.stderr)")
    }

    /// What was signed, charged and paid is history: a later change of the tax, the labour rate or
    /// the discount limit changes neither a settled order, nor its papers, nor the month report.
    @Test func changingTheTaxSettingsLeavesEverySettledOrderAsItWas() throws {
        var shop = try readyShop()
        _ = try shop.script("""
            discount RO1 percent=5
            pay RO1 amount=535.80 method=wechat
            belongings RO1 return all
            release RO1 signed=张伟 oldparts=returned print=no
            """)
        let settlementFolder = Workshop.temporaryDirectory()
        func snapshot(_ name: String) throws -> [String] {
            let path = settlementFolder + "/\(name).html"
            #expect(try shop.command("print RO1 settlement format=html out=\(path)").status == 0)
            return [try shop.command("invoice RO1", json: true).stdout, try shop.command("ro show RO1", json: true).stdout,
                    try shop.command("report month 2026-11", json: true).stdout,
                    try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "2026-11-22 09:00", with: "")]
        }
        let before = try snapshot("before")
        #expect(before[0].contains("\"total\":{\"fen\":53580"), "\(before[0])")
        shop.now = "2026-11-23 09:00"
        #expect(try shop.command("shop set tax_rate=6 prices_include_tax=no labor_rate=200 discount_limit=50").status == 0)
        let after = try snapshot("after")
        #expect(after[0] == before[0], "the invoice changed")
        #expect(after[1] == before[1], "ro show changed")
        #expect(after[2] == before[2], "the month report changed")
        #expect(after[3].replacingOccurrences(of: "2026-11-23 09:00", with: "") == before[3], "the settlement list changed")
        // A new estimate is priced under the new terms: 1.2 h at 200.00, plus 6% added.
        _ = try shop.script("""
            checkin 京A12345 odometer=45300 fuel=1/2 complaint="异响复查"
            estimate RO2 labor BRK-01
            """)
        #expect(try shop.command("ro show RO2", json: true).stdout.contains("\"total\":{\"fen\":25440"))
    }

    @Test func releaseNamesEveryBlockerAndChangesNothing() throws {
        let shop = try readyShop()
        let before = try shop.fingerprint()
        let refused = try shop.command("release RO1 signed=张伟 odometer=45000")
        #expect(refused.status == 1)
        for blocker in ["a balance of 564.00 is unpaid", "belongings not yet checked back: 备胎, 脚垫×4", "the key on hook K07",
                        "release odometer 45000 km is below the check-in reading 45210 km", "oldparts=returned"] {
            #expect(refused.stderr.contains(blocker), "missing blocker: \(blocker)\n\(refused.stderr)")
        }
        #expect(try shop.fingerprint() == before)
    }

    /// A 二级维护 checked in, signed, worked and completed after its first two inspections: it waits
    /// for the final one.
    static let levelTwoCompleted = """
        checkin 京A12345 odometer=45210 fuel=1/2 complaint="二级维护" category=level2
        estimate RO1 labor BRK-01
        promise RO1 2026-11-22 17:00
        approve RO1 signed=张伟
        dispatch RO1 group=机修一组
        inspect RO1 pre pass by=孙检 rest=pass
        inspect RO1 process pass by=孙检 rest=pass
        complete RO1

        """

    @Test func aCarWithoutAPassedFinalInspectionNeverLeaves() throws {
        let shop = Workshop()
        _ = try shop.script(FloorTests.fixtures + Self.levelTwoCompleted + """
            pay RO1 amount=144 method=card
            """)
        let refused = try shop.command("release RO1 signed=张伟 print=no")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the final inspection has not passed"))
        _ = try shop.command("inspect RO1 final pass by=孙检 rest=pass")
        #expect(try shop.command("release RO1 signed=张伟 print=no").status == 0)
    }

    /// RO1, a level-2 maintenance of a 小型轿车: every inspection passed, paid in full.
    func finalPassedAndPaid() throws -> Workshop {
        let shop = Workshop()
        let result = try shop.script(FloorTests.fixtures + "vehicle set 京A12345 type=小型轿车\n" + Self.levelTwoCompleted + """
            inspect RO1 final pass by=孙检 rest=pass
            pay RO1 amount=144 method=card
            """)
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    /// A car that passed its final inspection leaves with the owner's copy of the completion
    /// certificate carrying the release date and odometer; its settlement list is numbered from its
    /// own sequence, once: a reprint keeps the number.
    @Test func releasePrintsTheCertificateAndNumbersTheSettlementListOnce() throws {
        let shop = try finalPassedAndPaid()
        let released = try shop.command("release RO1 signed=张伟 odometer=45260", json: true)
        #expect(released.status == 0, "\(released.stderr)")
        #expect(released.stdout.contains("\"settlement_no\":\"JS2026-00001\""), "\(released.stdout)")
        let report = try JSONSerialization.jsonObject(with: Data(released.stdout.utf8)) as? [String: Any]
        let text = try PrintTests.pdfText((report?["documents"] as? [String])?.first ?? "")
        for expected in ["机动车维修竣工出厂合格证", "车主联（交托修方）", "小型轿车", "出厂里程表示值", "45260 km", "结算清单编号", "JS2026-00001",
                         "该车按维修协议维修，经检验合格，准予出厂", "托修方接车人", "合计金额（大写）", "壹佰肆拾肆元整"] {
            #expect(text.contains(expected), "the release papers lack \(expected)")
        }
        // Reprinted, the settlement list keeps its number.
        let reprint = Workshop.temporaryDirectory() + "/settlement.pdf"
        #expect(try shop.command("print RO1 settlement out=\(reprint)").status == 0)
        #expect(try PrintTests.pdfText(reprint).contains("JS2026-00001"))
        #expect(try shop.count("SELECT count(*) FROM orders WHERE settlement_no = 'JS2026-00001'") == 1)
    }

    /// The release's papers go into RO…-release-papers.pdf; the release note printed again alone is
    /// RO…-release.pdf beside it, never over the papers handed over.
    @Test func aReleaseNoteReprintedLeavesTheReleasePapersAlone() throws {
        let shop = try finalPassedAndPaid()
        let released = try shop.command("release RO1 signed=张伟 odometer=45260", json: true)
        #expect(released.status == 0, "\(released.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(released.stdout.utf8)) as? [String: Any]
        let papers = try #require((report?["documents"] as? [String])?.first)
        #expect(papers.hasSuffix("/RO1-release-papers.pdf"), "\(papers)")
        let before = try PrintTests.pdfText(papers)
        let note = try shop.command("print RO1 release")
        #expect(note.status == 0, "\(note.stderr)")
        #expect(note.stdout.contains("RO1-release.pdf"), "\(note.stdout)")
        #expect(try PrintTests.pdfText(papers) == before, "the papers handed over are as they were")
        #expect(before.contains("机动车维修竣工出厂合格证") && before.contains("结算清单"))
    }

    /// The papers handed over at release are made from the record as it was left, without reading
    /// it again: page for page they are what a reprint from the stored record gives, with the
    /// release's higher reading on them.
    @Test func theReleasePapersAreWhatTheStoredRecordReprints() throws {
        let shop = try finalPassedAndPaid()
        let released = try shop.command("release RO1 signed=张伟 odometer=45290", json: true)
        #expect(released.status == 0, "\(released.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(released.stdout.utf8)) as? [String: Any]
        let atRelease = try PrintTests.pdfText((report?["documents"] as? [String])?.first ?? "")
        var reprinted = ""
        for kind in ["settlement", "release", "certificate", "warranty"] {
            let path = Workshop.temporaryDirectory() + "/\(kind).pdf"
            let printed = try shop.command("print RO1 \(kind) out=\(path)")
            #expect(printed.status == 0, "\(printed.stderr)")
            reprinted += try PrintTests.pdfText(path)
        }
        #expect(atRelease.contains("45290 km"))
        #expect(atRelease == reprinted)
    }

    @Test func aFullReleasePrintsItsThreeDocumentsAndCreatesTheFollowUp() throws {
        let shop = try readyShop()
        _ = try shop.script("""
            pay RO1 amount=264 method=wechat
            pay RO1 amount=300 method=account
            belongings RO1 return all
            """)
        let released = try shop.command("release RO1 signed=张伟 oldparts=left", json: true)
        #expect(released.status == 0, "\(released.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(released.stdout.utf8)) as? [String: Any]
        let path = (report?["documents"] as? [String])?.first ?? ""
        let text = try PrintTests.pdfText(path)
        for expected in ["机动车维修结算清单", "出厂通知单", "维修质量保证书", "旧件客户留厂处理", "2000 km", "2026-12-02", "挂账", "¥564.00"] {
            #expect(text.contains(expected), "the release documents lack \(expected)")
        }
        #expect(try shop.count("SELECT count(*) FROM followups WHERE order_id = 1 AND done_at IS NULL") == 1)
        #expect(try shop.count("SELECT count(*) FROM orders WHERE id = 1 AND status = 'released' AND old_parts = 'left'") == 1)
    }

    @Test func overpaymentIsRefundedNeverKept() throws {
        let shop = try readyShop()
        _ = try shop.command("pay RO1 amount=564 method=card")
        // A discount after payment leaves the customer overpaid: release refuses until it is refunded.
        _ = try shop.command("discount RO1 amount=20")
        _ = try shop.command("belongings RO1 return all")
        let refused = try shop.command("release RO1 signed=张伟 oldparts=returned print=no")
        #expect(refused.stderr.contains("the customer overpaid 20.00"))
        #expect(try shop.command("refund RO1 amount=30 method=card reason=\"结算后优惠\"").stderr.contains("more than the overpayment 20.00"))
        #expect(try shop.command("refund RO1 amount=20 method=card reason=\"结算后优惠\"").status == 0)
        #expect(try shop.command("release RO1 signed=张伟 oldparts=returned print=no").status == 0)
    }

    @Test func aDeclinedEstimateIsReleasedOnceItsFeeIsPaid() throws {
        let shop = Workshop()
        _ = try shop.script(FloorTests.fixtures + """
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="异响" key=K07
            diagnose RO1 "前刹车片磨损" fee=50
            estimate RO1 labor BRK-01
            decline RO1
            """)
        #expect(try shop.command("release RO1 signed=张伟 print=no").stderr.contains("a balance of 50.00 is unpaid"))
        _ = try shop.command("pay RO1 amount=50 method=cash")
        #expect(try shop.command("release RO1 signed=张伟 print=no").stderr.contains("the key on hook K07"))
        _ = try shop.command("belongings RO1 return key")
        let released = try shop.command("release RO1 signed=张伟")
        #expect(released.status == 0, "\(released.stderr)")
        #expect(try shop.count("SELECT count(*) FROM orders WHERE id = 1 AND status = 'declined' AND released_at IS NOT NULL") == 1)
        #expect(try shop.count("SELECT count(*) FROM followups") == 0, "no follow-up call for work not done")
    }

    @Test func aComebackIsLinkedEndToEnd() throws {
        var shop = try readyShop()
        _ = try shop.script("""
            pay RO1 amount=564 method=card
            belongings RO1 return all
            release RO1 signed=张伟 oldparts=returned odometer=45215 print=no
            """)
        shop.now = "2026-11-27 10:00"
        let checkin = try shop.command("checkin 京A12345 odometer=46000 fuel=F complaint=\"刹车又响\"")
        #expect(checkin.stdout.contains("RO1/1 更换前刹车片"), "earlier work under warranty is shown at check-in")
        #expect(try shop.command("decline RO2").status == 0)
        let rework = try shop.command("checkin 京A12345 odometer=46010 fuel=F complaint=\"刹车又响\" rework=RO1/1 cause=\"刹车片安装不到位\"")
        #expect(rework.status == 0, "\(rework.stderr)")
        #expect(try shop.count("SELECT count(*) FROM orders WHERE id = 3 AND rework_of = 1 AND rework_line = 1 AND payer = 'warranty'") == 1)
        _ = try shop.command("estimate RO3 labor BRK-01")
        _ = try shop.command("estimate RO3 part 5QD698151 qty=1")
        _ = try shop.command("promise RO3 2026-11-27 16:00")
        _ = try shop.command("approve RO3 signed=张伟")
        let invoice = try JSONSerialization.jsonObject(with: Data(try shop.command("invoice RO3", json: true).stdout.utf8)) as? [String: Any]
        #expect((invoice?["total"] as? [String: Any])?["fen"] as? Int == 0, "warranty rework costs the customer nothing")
        #expect((invoice?["warranty"] as? [String: Any])?["fen"] as? Int == 56_400)
        let file = try shop.command("vehicle show 京A12345").stdout
        #expect(file.contains("RO3 ← RO1/1 · 刹车片安装不到位"))
        let month = try JSONSerialization.jsonObject(with: Data(try shop.command("report month 2026-11", json: true).stdout.utf8)) as? [String: Any]
        #expect(month?["comebacks"] as? Int == 1)
    }

    @Test func warrantyEndsAtTheFirstOfKilometresOrDays() throws {
        let shop = try readyShop()
        _ = try shop.script("""
            pay RO1 amount=564 method=card
            belongings RO1 return all
            release RO1 signed=张伟 oldparts=returned odometer=45215 print=no
            """)
        func covered(_ options: String) throws -> Int {
            let result = try shop.command("warranty 京A12345 \(options)", json: true)
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return (object?["covered"] as? [Any])?.count ?? -1
        }
        #expect(try covered("date=2026-12-02 odometer=47215") == 2)
        #expect(try covered("date=2026-12-03 odometer=45300") == 0)
        #expect(try covered("date=2026-11-25 odometer=47216") == 0)
        #expect(try shop.command("warranty set minor km=1500 days=30").stderr.contains("never a shorter one"))
        #expect(try shop.command("warranty set minor km=3000 days=30").status == 0)
        // A longer period is promised from now on: what was released keeps the period promised at release.
        #expect(try covered("date=2026-12-02 odometer=47215") == 2)
        #expect(try covered("date=2026-12-20 odometer=48000") == 0)
    }

    @Test func aComplaintFromRegistrationToFollowUp() throws {
        var shop = try readyShop()
        let added = try shop.command("complaint add 京A12345 \"等待时间太长\" channel=visit")
        #expect(added.stdout.contains("2026-11-23 09:00"), "verify within 24 hours")
        shop.now = "2026-11-23 09:01"
        let board = try JSONSerialization.jsonObject(with: Data(try shop.command("board", json: true).stdout.utf8)) as? [String: Any]
        #expect(((board?["complaints_overdue"] as? [[String: Any]])?.first?["late"] as? [String]) == ["verify"])
        _ = try shop.command("complaint 1 classify major")
        #expect(try shop.command("complaint 1 assign 孙检").stderr.contains("not a manager"))
        #expect(try shop.command("complaint 1 assign 钱主管").status == 0)
        // A major complaint is its manager's: 王芳, a manager too, does not answer for 钱主管.
        #expect(try shop.command("complaint 1 verify \"高峰期工位不足\"").stderr.contains("handled by the manager 钱主管"))
        #expect(try shop.command("complaint 1 verify \"高峰期工位不足\" by=钱主管").status == 0)
        #expect(try shop.command("complaint 1 resolve \"增加预约时段\" by=孙检").stderr.contains("not a manager"))
        // The assignee answers: 钱主管 confirms with their own PIN (WORKSHOP_SIGNER_PIN in a script).
        #expect(try shop.command("complaint 1 resolve \"增加预约时段\" by=钱主管").status == 0)
        #expect(try shop.command("complaint 1 followup result=\"客户认可\" satisfied=yes by=钱主管").status == 0)
        #expect(try shop.count("SELECT count(*) FROM complaints WHERE id = 1 AND followed_up_at IS NOT NULL AND satisfied = 1 AND resolved_by = '钱主管'") == 1)
        #expect(try shop.inShopLanguage.command("complaint list").stdout.contains("没有未结投诉"))
    }

    @Test func theMonthReportAsHTMLHasABarChart() throws {
        let shop = try readyShop()
        _ = try shop.script("""
            pay RO1 amount=564 method=card
            belongings RO1 return all
            release RO1 signed=张伟 oldparts=returned print=no
            """)
        let out = Workshop.temporaryDirectory() + "/month.html"
        #expect(try shop.command("report month 2026-11 format=html out=\(out)").status == 0)
        let page = try String(contentsOfFile: out, encoding: .utf8)
        #expect(page.contains("月度报表") && page.contains("2026-11"))
        #expect(page.contains("■"), "the day's revenue as a bar")
        #expect(page.contains("564.00"))
        let pdf = Workshop.temporaryDirectory() + "/month.pdf"
        #expect(try shop.command("report month 2026-11 format=pdf out=\(pdf)").status == 0)
        #expect(FileManager.default.fileExists(atPath: pdf))
        // On paper what the screen shows: the money received and charged to account; and the
        // month under way (today the 22nd) stops at today.
        let printed = try PrintTests.pdfText(pdf)
        let screen = try shop.inShopLanguage.command("report month 2026-11").stdout
        #expect(screen.contains("收款（不含挂账）") && screen.contains("挂账"))
        #expect(printed.contains("收款（不含挂账）") && printed.contains("挂账"), "\(printed)")
        #expect(printed.contains("2026-11-22") && !printed.contains("2026-11-23") && !printed.contains("2026-11-30"), "\(printed)")
        let day = try JSONSerialization.jsonObject(with: Data(try shop.command("report day 2026-11-22", json: true).stdout.utf8)) as? [String: Any]
        #expect(day?["orders_released"] as? Int == 1)
        #expect((day?["revenue"] as? [String: Any])?["fen"] as? Int == 56_400)
        #expect((day?["labor"] as? [String: Any])?["fen"] as? Int == 14_400)
        #expect(day?["close_ratio_bp"] as? Int == 10_000)
    }
}
