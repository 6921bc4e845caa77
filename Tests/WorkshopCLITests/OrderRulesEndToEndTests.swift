import Foundation
import Testing

/// The order's rules the tester found broken, through the built binary: the category follows the
/// work; the signed diagnosis is never rewritten; a signed checklist's belonging is marked missing,
/// never deleted.
@Suite("Order rules, end to end")
struct OrderRulesEndToEndTests {
    /// The fixtures, MNT-02 declared level-2 work, the booking job J-MNT-2 made of it, and an advisor
    /// (刘敏) who is not a manager.
    func shop() throws -> (manager: Workshop, advisor: Workshop) {
        let shop = Workshop()
        let result = try shop.script(FloorTests.fixtures + """
            labor add MNT-02 "二级维护" hours=3.0 category=level2
            job add J-MNT-2 "二级维护套餐" labor=MNT-02
            staff add 刘敏 role=advisor pin=1234
            """)
        #expect(result.status == 0, "\(result.stderr)")
        return (shop, shop)
    }

    /// Runs lines as 刘敏, an advisor (not a manager): the clock the tests set is the manager's to set.
    @discardableResult
    func asAdvisor(_ shop: Workshop, _ lines: String) throws -> Workshop.Result {
        try shop.script("login 刘敏 pin=1234\n" + lines)
    }

    @Test func aLevel2MaintenanceIsNeverTurnedIntoAMinorRepair() throws {
        let (manager, advisor) = try shop()
        let steps = try asAdvisor(advisor, """
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="二级维护" category=level2
            estimate RO1 labor MNT-02
            promise RO1 2026-11-22 18:00
            approve RO1 signed=张伟
            reopen RO1 reason="改价"
            """)
        #expect(steps.status == 0, "\(steps.stderr)")
        let before = try advisor.fingerprint()
        let lowered = try asAdvisor(advisor, "ro set RO1 category=minor")
        #expect(lowered.status != 0)
        #expect(lowered.stderr.contains("RO1 line 1 \"二级维护\" is level-2 maintenance work: the category cannot be lower than level-2 maintenance"),
                "\(lowered.stderr)")
        // Not by a manager either: the work is what it is.
        #expect(try manager.command("ro set RO1 category=minor").status != 0)
        #expect(try advisor.fingerprint() == before)
        // Without that line, lowering it takes a manager.
        #expect(try asAdvisor(advisor, "estimate RO1 remove 1").status == 0)
        let unauthorised = try asAdvisor(advisor, "ro set RO1 category=minor")
        #expect(unauthorised.stderr.contains("a manager must authorise it"), "\(unauthorised.stderr)")
        let authorised = try asAdvisor(advisor, "ro set RO1 category=minor authorized=钱主管")
        #expect(authorised.status == 0, "\(authorised.stderr)")
        #expect(authorised.stdout.contains("RO1 updated: category level-2 maintenance → minor repair"), "\(authorised.stdout)")
        // The work raises it again.
        let raised = try asAdvisor(advisor, "estimate RO1 labor MNT-02")
        #expect(raised.stdout.contains("the order's category is now level-2 maintenance"), "\(raised.stdout)")
        #expect(try advisor.count("SELECT count(*) FROM orders WHERE id = 1 AND category = 'level2'") == 1)
    }

    @Test func aBookingsJobSetsTheCheckInsCategory() throws {
        let (_, advisor) = try shop()
        let booked = try asAdvisor(advisor, """
            appointment add 京A12345 at="2026-11-22 10:00" complaint="二保" job=J-MNT-2
            """)
        #expect(booked.status == 0, "\(booked.stderr)")
        let before = try advisor.fingerprint()
        let minor = try asAdvisor(advisor, "checkin 京A12345 odometer=45210 fuel=1/2 appointment=A1 category=minor")
        #expect(minor.status != 0)
        #expect(minor.stderr.contains("booking A1 plans MNT-02, level-2 maintenance work"), "\(minor.stderr)")
        #expect(try advisor.fingerprint() == before)
        let checked = try asAdvisor(advisor, "checkin 京A12345 odometer=45210 fuel=1/2 appointment=A1")
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(try advisor.count("SELECT count(*) FROM orders WHERE id = 1 AND category = 'level2'") == 1)
    }
    @Test func theSignedDiagnosisIsKeptAndALaterFindingIsAddedWithWhoAndWhen() throws {
        let (manager, _) = try shop()
        let steps = try manager.script("""
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="异响"
            diagnose RO1 "后刹车片磨损"
            estimate RO1 labor BRK-01
            promise RO1 2026-11-22 18:00
            approve RO1 signed=张伟
            """)
        #expect(steps.status == 0, "\(steps.stderr)")
        let before = try manager.fingerprint()
        #expect(try manager.command("diagnose RO1 \"变速箱漏油\" fee=30").status != 0)
        #expect(try manager.fingerprint() == before)
        let later = try manager.script("login 赵师傅 pin=1234\ndiagnose RO1 \"发现变速箱漏油，需大修\"")
        #expect(later.status == 0, "\(later.stderr)")
        #expect(later.stdout.contains("recorded as a later finding (赵师傅"), "\(later.stdout)")
        let shown = try manager.command("ro show RO1")
        #expect(shown.stdout.contains("Findings         后刹车片磨损") || shown.stdout.contains("后刹车片磨损"), "\(shown.stdout)")
        #expect(shown.stdout.contains("发现变速箱漏油，需大修（赵师傅 2026-11-22"), "\(shown.stdout)")
        #expect(try manager.count("SELECT count(*) FROM orders WHERE id = 1 AND findings = '后刹车片磨损'") == 1)
        #expect(try manager.count("SELECT count(*) FROM order_findings WHERE order_id = 1 AND by = '赵师傅'") == 1)
    }

    @Test func aSignedChecklistsBelongingIsMarkedMissingWithAReasonNeverDeleted() throws {
        let (manager, _) = try shop()
        let steps = try manager.script("""
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="异响" key=K07
            belongings RO1 add 雨伞 备胎 千斤顶
            belongings RO1 remove 千斤顶
            diagnose RO1 "后刹车蹄片磨光，后轮毂轴承松旷" fee=50
            estimate RO1 labor BRK-01
            decline RO1
            pay RO1 amount=50 method=cash tendered=50
            belongings RO1 return 备胎 key
            """)
        #expect(steps.status == 0, "\(steps.stderr)")
        let before = try manager.fingerprint()
        let removed = try manager.command("belongings RO1 remove 雨伞")
        #expect(removed.status != 0)
        #expect(removed.stderr.contains("the customer signed the belongings checklist, so \"雨伞\" cannot be taken off it"), "\(removed.stderr)")
        #expect(try manager.command("belongings RO1 missing 雨伞").status != 0, "a reason is required")
        #expect(try manager.command("release RO1 signed=张伟").status != 0, "the umbrella is not accounted for")
        #expect(try manager.fingerprint() == before)
        let missing = try manager.command("belongings RO1 missing 雨伞 reason=\"客户确认未放在车内\"")
        #expect(missing.status == 0, "\(missing.stderr)")
        let listed = try manager.command("belongings RO1 list")
        #expect(listed.stdout.contains("雨伞") && listed.stdout.contains("missing: 客户确认未放在车内"), "\(listed.stdout)")
        let released = try manager.command("release RO1 signed=张伟")
        #expect(released.status == 0, "\(released.stderr)")
        // The release note of a declined order: what was found, what was declined, and the customer signs they were told.
        let note = try TruthfulOrderTests.html(manager, "RO1", "release")
        #expect(note.contains("后刹车蹄片磨光，后轮毂轴承松旷"), "\(note)")
        #expect(note.contains("Recommended work (declined by the customer)"))
        #expect(note.contains("更换前刹车片"))
        #expect(note.contains("I was told of the findings and the recommended work above"))
        #expect(note.contains("雨伞（未找到 missing：客户确认未放在车内"))
        let chinese = try TruthfulOrderTests.html(manager.inShopLanguage, "RO1", "release")
        #expect(chinese.contains("建议维修项目（客户拒绝）") && chinese.contains("本人已被告知上述诊断结果及建议维修项目"))
    }

    @Test func declinedWorkDoneOnALaterReleasedOrderIsNoLongerOffered() throws {
        let (manager, _) = try shop()
        let steps = try manager.script("""
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车软" key=K07
            diagnose RO1 "刹车油含水" fee=50
            estimate RO1 labor BRK-03
            decline RO1
            appointment add 京A12345 at="2026-11-23 10:00" complaint="换刹车油"
            appointment A1 confirm
            notify A1
            pay RO1 amount=50 method=cash tendered=50
            belongings RO1 return key
            release RO1 signed=张伟
            """)
        #expect(steps.status == 0, "\(steps.stderr)")
        // The booking warned of the declined order holding the key; the message did not ask for it.
        #expect(steps.stdout.contains("this car's declined order RO1 (2026-11-22) is not released: fee 50.00 due · key on hook K07"), "\(steps.stdout)")
        #expect(steps.stdout.contains("the shop is keeping your key") && !steps.stdout.contains("and the keys"), "\(steps.stdout)")
        func declined() throws -> [Any] {
            (TruthfulOrderTests.object(try manager.command("vehicle show 京A12345", json: true).stdout)["declined_lines"] as? [Any]) ?? []
        }
        #expect(try declined().count == 1)
        let done = try manager.script("""
            appointment A1 cancel
            checkin 京A12345 odometer=45300 fuel=1/2 complaint="换刹车油"
            estimate RO2 labor BRK-03
            promise RO2 2026-11-22 18:00
            approve RO2 signed=张伟
            dispatch RO2 group=机修一组
            complete RO2
            """)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(try declined().count == 1, "done but not released yet: still offered")
        let paid = try manager.script("""
            pay RO2 tendered=200 method=cash
            release RO2 signed=张伟
            """)
        #expect(paid.status == 0, "\(paid.stderr)")
        #expect(try declined().isEmpty)
    }

    @Test func aPastDaysReportCountsTheComplaintsOpenAtItsEnd() throws {
        let (manager, _) = try shop()
        let steps = try manager.script("""
            complaint add 京A12345 "异响未排除" channel=phone
            """)
        #expect(steps.status == 0, "\(steps.stderr)")
        func openOn(_ day: String) throws -> Int? {
            TruthfulOrderTests.object(try manager.command("report day \(day)", json: true).stdout)["complaints_open"] as? Int
        }
        #expect(try openOn("2026-11-21") == 0, "not registered yet at the end of the 21st")
        #expect(try openOn("2026-11-22") == 1)
    }

    @Test func messagesSayWhatHappened() throws {
        let (manager, _) = try shop()
        let steps = try manager.script("""
            appointment add 京A12345 at="2026-11-22 10:00" complaint="保养"
            checkin 粤BD12345 odometer=100 battery=90 complaint="异响"
            """)
        #expect(steps.status == 0, "\(steps.stderr)")
        var later = manager
        later.now = "2026-11-22 11:00"
        let noShow = try later.command("appointment A1 noshow")
        #expect(noShow.stdout.contains("A1 marked as a no-show (it was not confirmed: nothing was reserved)"), "\(noShow.stdout)")
        let badTime = try manager.command("promise RO1 明天 25:00")
        #expect(badTime.stderr.contains("25:00") && badTime.stderr.contains("is not a time of day"), "\(badTime.stderr)")
        let long = try manager.command("ro show RO99999999999999999999")
        #expect(long.stderr.contains("RO99999999999999999999") && !long.stderr.contains("vehicle add"), "\(long.stderr)")
        let help = try manager.command("help appointment")
        #expect(!help.stdout.contains("J-MNT-1") && help.stdout.contains("J-MNT-VW"))
        let set = try manager.command("ro set RO1 by=王小强")
        #expect(set.stdout.contains("RO1 updated: dropped off by — → 王小强"), "\(set.stdout)")
    }
}
