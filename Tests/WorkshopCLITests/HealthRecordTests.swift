import FakePlatform
import Foundation
import SQLite
import Testing

/// The national repair record (issue 15), through the built binary against a platform on 127.0.0.1.
@Suite("National repair record: reported once, queued, retried, never lost")
struct HealthRecordTests {
    /// A shop whose manager has set up the platform; nothing released yet.
    func shop(_ platform: FakePlatform, style: String = "restservices") throws -> Workshop {
        var shop = Workshop()
        shop.environment["WORKSHOP_HEALTHRECORD_TIMEOUT_MS"] = "1500"
        let setup = try shop.script(FloorTests.fixtures + """
            login 钱主管
            healthrecord set url=\(platform.url) company=\(platform.company) password=\(platform.password) style=\(style)
            login 王芳
            """)
        #expect(setup.status == 0, "\(setup.stderr)")
        return shop
    }

    /// Checks a car in, does the brake job and releases it: `n` is its order number.
    func release(_ shop: Workshop, order n: Int, odometer: Int) throws -> Workshop.Result {
        try shop.script("""
            checkin 京A12345 odometer=\(odometer) fuel=1/2 complaint="刹车异响"
            estimate RO\(n) labor BRK-01
            estimate RO\(n) part 5QD698151 qty=1
            promise RO\(n) 2026-11-22 17:00
            approve RO\(n) signed=张伟
            dispatch RO\(n) group=机修一组
            complete RO\(n)
            pay RO\(n) amount=564 method=wechat
            release RO\(n) signed=张伟 oldparts=returned print=no
            """, options: ["--bail"])
    }

    @Test func aReleaseIsReportedOnceWithItsWorkAndParts() throws {
        let platform = try FakePlatform()
        let shop = try shop(platform)
        let released = try release(shop, order: 1, odometer: 45_210)
        #expect(released.status == 0, "\(released.stderr)")
        #expect(released.stdout.contains("national record: RO1 reported (platform: 新增成功)"), "\(released.stdout)")
        let held = try #require(platform.records.values.first)
        #expect(platform.records.count == 1)
        #expect(held.contains(#""vehicleplatenumber":"京A12345","companyname":"顺达汽修","vin":"LFV2A21K8C3070455","repairdate":"20261122","repairmileage":"45210","settledate":"20261122","faultdescription":"刹车异响""#), "\(held)")
        #expect(held.contains(#""vehiclepartslist":[{"partsname":"前刹车片（套）","partscode":"5QD698151","partsquantity":"1"}]"#), "\(held)")
        #expect(held.contains(#""repairprojectlist":[{"repairproject":"更换前刹车片","workinghours":"1.2"}]"#), "working hours, never money: \(held)")
        // Pushing again sends nothing: it is held.
        #expect(try shop.command("healthrecord push").stdout.contains("nothing waits to be sent"))
        #expect(try shop.command("healthrecord push RO1").stdout.contains("RO1 was reported at 2026-11-22 09:00; not sent again"))
        #expect(platform.uploadsReceived.count == 1)
        let status = try shop.inShopLanguage.command("healthrecord status").stdout
        #expect(status.contains("已上报 1 · 待上报 0 · 待更正 0"), "\(status)")
        #expect(status.contains("新增成功"))
        // The password is never shown, journalled or exported.
        let everything = try shop.command("history").stdout + (try shop.command("healthrecord show RO1").stdout)
        #expect(!everything.contains(platform.password), "\(everything)")
        #expect(try shop.count("SELECT count(*) FROM journal WHERE detail LIKE '%\(platform.password)%' OR command LIKE '%\(platform.password)%'") == 0)
    }

    @Test func withThePlatformUnreachableRecordsWaitAndAllGoOnceItIsBack() throws {
        let platform = try FakePlatform()
        let shop = try shop(platform)
        platform.goDown(true)
        let first = try release(shop, order: 1, odometer: 45_210)
        #expect(first.status == 0, "a release never fails for the platform: \(first.stderr)")
        #expect(first.stdout.contains("no token from the national record platform (the platform's answer can't be read (HTTP 503))"), "\(first.stdout)")
        #expect(first.stdout.contains("nothing is lost"))
        platform.stop()                                          // the network cable pulled
        let second = try release(shop, order: 2, odometer: 45_300)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("no token from the national record platform (the platform can't be reached)"), "\(second.stdout)")
        var nextDay = shop
        nextDay.now = "2026-11-23 10:00"
        #expect(try nextDay.inShopLanguage.command("board").stdout.contains("健康档案：交车超过一天仍未上报 2（healthrecord status）"))
        let waiting = try shop.command("healthrecord status", json: true).stdout
        #expect(waiting.contains(#""order":"RO1","settlement_no""#) && waiting.contains(#""state":"waiting""#), "\(waiting)")
        // Not yet due (retry in a minute): a push sends nothing and says when it will.
        #expect(try shop.command("healthrecord push").stdout.contains("nothing is due now; 2 waiting, the first tried again at 2026-11-22 09:01"))
        // Back: a new platform at the same address is not possible here, so the shop is pointed at
        // it — a changed account is tried at once, everything waiting goes, each once.
        let back = try FakePlatform()
        _ = try shop.script("login 钱主管\nhealthrecord set url=\(back.url)")
        var later = shop
        later.now = "2026-11-22 09:00"
        let pushed = try later.command("healthrecord push").stdout
        #expect(pushed.contains("RO1 reported") && pushed.contains("RO2 reported"), "\(pushed)")
        #expect(back.records.count == 2)
        #expect(try later.command("healthrecord push").stdout.contains("nothing waits"))
        #expect(back.uploadsReceived.count == 2)
    }

    @Test func anExpiredTokenIsReplacedAndTheRecordSentOnce() throws {
        let platform = try FakePlatform()
        let shop = try shop(platform)
        #expect(try release(shop, order: 1, odometer: 45_210).status == 0)
        #expect(platform.tokensIssued == 1)
        platform.expireTokens()
        let second = try release(shop, order: 2, odometer: 45_300)
        #expect(second.stdout.contains("RO2 reported"), "\(second.stdout)")
        #expect(platform.tokensIssued == 2)
        #expect(platform.records.count == 2)
        // The journal tells the story: the refused token, then the upload that went through.
        let history = try shop.command("healthrecord show RO2").stdout
        #expect(history.contains("token refused; sent again with a new one") && history.contains("accepted"), "\(history)")
        #expect(history.contains(#""access_token":"…""#) && !history.contains(#""access_token":"T"#), "the token is never shown: \(history)")
    }

    @Test func aWrongPasswordSendsNothingAndSaysSo() throws {
        let platform = try FakePlatform()
        var shop = Workshop()
        shop.environment["WORKSHOP_HEALTHRECORD_TIMEOUT_MS"] = "1500"
        _ = try shop.script(FloorTests.fixtures + "login 钱主管\nhealthrecord set url=\(platform.url) company=\(platform.company) password=wrong\nlogin 王芳")
        let released = try release(shop, order: 1, odometer: 45_210)
        #expect(released.status == 0)
        #expect(released.stdout.contains("the platform refused the shop's company code or password (企业编码或密码错误): nothing was sent"), "\(released.stdout)")
        #expect(platform.uploadsReceived.isEmpty)
        _ = try shop.script("login 钱主管\nhealthrecord set password=\(platform.password)")
        let pushed = try shop.command("healthrecord push").stdout
        #expect(pushed.contains("RO1 reported"), "\(pushed)")
    }

    @Test func aRefusedRecordIsCorrectedAndSentAgain() throws {
        let platform = try FakePlatform()
        let shop = try shop(platform)
        platform.refuse(vin: "LFV2A21K8C3070455", saying: "车辆识别代号与车牌不符")
        let released = try release(shop, order: 1, odometer: 45_210)
        #expect(released.stdout.contains("RO1 refused by the platform: 车辆识别代号与车牌不符"), "\(released.stdout)")
        let status = try shop.inShopLanguage.command("healthrecord status RO1").stdout
        #expect(status.contains("待更正") && status.contains("车辆识别代号与车牌不符"), "\(status)")
        // A push does not send a refused record again as it is.
        #expect(try shop.command("healthrecord push").stdout.contains("nothing waits"))
        // A mistyped VIN is refused before anything changes; the right one is accepted and sent.
        let before = try shop.fingerprint()
        #expect(try shop.command("healthrecord correct RO1 vin=LSVAM4180C2184847 reason=x").stderr.contains("check digit"))
        #expect(try shop.command("healthrecord correct RO1 vin=LSVAM4187C2184847").stderr.contains("reason="))
        #expect(try shop.command("healthrecord correct RO1 vin=LFV2A21K8C3070455 reason=x").stderr.contains("say what to correct"))
        #expect(try shop.fingerprint() == before)
        let corrected = try shop.command("healthrecord correct RO1 vin=LSVAM4187C2184847 reason=\"VIN 抄错\"")
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let pushed = try shop.command("healthrecord push").stdout
        #expect(pushed.contains("RO1 reported"), "\(pushed)")
        #expect(platform.records.values.first?.contains("LSVAM4187C2184847") == true)
        #expect(try shop.command("healthrecord correct RO1 fault=异响 reason=x").stderr.contains("was taken by the platform"))
    }

    @Test func aTimeoutIsRetriedAndThePlatformsCopyCountsAsSent() throws {
        let platform = try FakePlatform()
        let shop = try shop(platform)
        #expect(try release(shop, order: 1, odometer: 45_210).stdout.contains("RO1 reported"))   // the token is kept
        platform.delayAnswers(by: 2.5)                          // the upload arrives; its answer never does in time
        let released = try release(shop, order: 2, odometer: 45_300)
        #expect(released.stdout.contains("RO2 not reported (the platform did not answer in time)"), "\(released.stdout)")
        #expect(try shop.command("healthrecord push").stdout.contains("nothing is due now; 1 waiting, the first tried again at 2026-11-22 09:01"))
        platform.delayAnswers(by: 0)
        try platform.waitUntilHolding(2)                        // the platform finishes storing it
        var later = shop
        later.now = "2026-11-22 09:02"
        let pushed = try later.command("healthrecord push").stdout
        #expect(pushed.contains("RO2 the platform already holds it"), "\(pushed)")
        #expect(platform.records.count == 2)
        #expect(try later.command("healthrecord status", json: true).stdout.contains(#""state":"sent""#))
    }

    @Test func onlyAManagerSetsItUpAndEveryoneReadsItInChinese() throws {
        let platform = try FakePlatform()
        let shop = try shop(platform)
        let before = try shop.fingerprint()
        var technician = shop.inShopLanguage
        technician.user = "赵师傅"
        technician.now = nil
        let refused = try technician.command("healthrecord set password=x")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("经理（manager）"), "\(refused.stderr)")
        #expect(try shop.fingerprint() == before)
        let unknown = try shop.script("login 钱主管\nhealthrecord set style=guangdong")
        #expect(unknown.stderr.contains("no platform style \"guangdong\"; the styles are: restservices, transaction"), "\(unknown.stderr)")
        let none = try shop.inShopLanguage.command("healthrecord show RO9")
        #expect(none.status == 1)
        let help = try shop.inShopLanguage.command("help healthrecord").stdout
        #expect(help.contains("维修电子健康档案"), "\(help)")
    }

    @Test func aPushKilledMidSendLosesNothingAndSendsNothingTwice() throws {
        let platform = try FakePlatform()
        var shop = try shop(platform)
        #expect(try release(shop, order: 1, odometer: 45_210).stdout.contains("RO1 reported"))   // the token is kept
        _ = try shop.script("login 钱主管\nhealthrecord set auto=no")
        #expect(try release(shop, order: 2, odometer: 45_300).status == 0)
        platform.delayAnswers(by: 2)
        // A push, killed (kill -9) once its upload has reached the platform but before the answer.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Workshop.binary)
        process.arguments = ["--db", shop.database, "--user", "王芳", "--now", "2026-11-22 09:00", "-c", "healthrecord push"]
        process.environment = ProcessInfo.processInfo.environment.merging(shop.environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while platform.uploadsReceived.count < 2 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(platform.uploadsReceived.count == 2)
        platform.delayAnswers(by: 0)
        try platform.waitUntilHolding(2)                        // the platform finishes storing what arrived
        // The record is still taken by the dead push: nobody sends it again until its lease runs out…
        let status = try shop.command("healthrecord status RO2", json: true).stdout
        #expect(status.contains(#""state":"sending""#), "\(status)")
        #expect(try shop.command("healthrecord push").stdout.contains("nothing waits"))
        #expect(platform.uploadsReceived.count == 2)
        // …then it is sent again, and the platform's copy makes it sent: held once, never lost.
        shop.now = "2026-11-22 09:03"
        let pushed = try shop.command("healthrecord push").stdout
        #expect(pushed.contains("RO2 the platform already holds it"), "\(pushed)")
        #expect(platform.records.count == 2)
        #expect(try shop.command("healthrecord show RO2").stdout.contains("no outcome (the push stopped)"))
    }

    @Test func theRecordVerifiesAndTheExportHoldsNoPassword() throws {
        let platform = try FakePlatform()
        let shop = try shop(platform)
        #expect(try release(shop, order: 1, odometer: 45_210).status == 0)
        let verified = try shop.command("verify")
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        let folder = Workshop.temporaryDirectory()
        #expect(try shop.command("export \(folder)/export").status == 0)
        let account = try String(contentsOfFile: folder + "/export/health_record_account.csv", encoding: .utf8)
        #expect(account.contains(platform.company) && !account.contains(platform.password), "\(account)")
        let columns = account.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        #expect(!columns.contains("token") && !columns.contains("password") && columns.contains("company"), "\(columns)")
        let outbox = try String(contentsOfFile: folder + "/export/health_record_outbox.csv", encoding: .utf8)
        #expect(outbox.contains("JS2026-00001"))
    }

    @Test func aRecordThatCannotBeSentSaysWhatToFixAtTheCounter() throws {
        let platform = try FakePlatform()
        let shop = try shop(platform)
        let released = try shop.inShopLanguage.script("""
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="保养"
            estimate RO1 part "机油滤清器" qty=1 price=45 class=oem
            promise RO1 2026-11-22 17:00
            approve RO1 signed=张伟
            dispatch RO1 group=机修一组
            complete RO1
            pay RO1 amount=45 method=cash
            release 京A12345 signed=张伟 oldparts=returned print=no
            """, options: ["--bail"])
        #expect(released.status == 0, "\(released.stderr)")
        #expect(released.stdout.contains("健康档案：RO1 须先更正：第 1 项配件“机油滤清器”没有配件编码（healthrecord correct RO1 part=1:编码）"), "\(released.stdout)")
        #expect(platform.uploadsReceived.isEmpty)
        #expect(try shop.command("board").stdout.contains("! national record: 1 to correct (healthrecord status)"))
        #expect(try shop.command("healthrecord correct RO1 part=1:LF-100 reason=补编码").status == 0)
        #expect(try shop.command("healthrecord push").stdout.contains("RO1 reported"))
        #expect(platform.records.values.first?.contains(#""partscode":"LF-100""#) == true)
    }
}
