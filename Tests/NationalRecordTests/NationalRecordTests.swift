import Foundation
import Testing
import FakePlatform
import HTTPClient
@testable import NationalRecord
import WorkshopModel

/// A record as a released 二级维护 gives it.
func sampleRecord(vin: String = "LSVAM4187C2184847", settlement: String = "JS2026110001") -> RepairRecord {
    RepairRecord(companyName: "深圳南山汽修厂", vin: vin, plate: "粤B8K3M2", plateColor: .blue, repairDay: "20261122",
                 repairMileage: 45_210, settleDay: "20261123", faultDescription: "刹车异响", settlementNumber: settlement,
                 category: .level2, projects: [.init(name: "更换前刹车片", hours: "1.5")],
                 parts: [.init(line: 2, name: "前刹车片", code: "04465-33450", quantity: "1")])
}

@Suite("The national repair record: what is sent")
struct RepairRecordTests {
    @Test func aCompleteRecordHasNoProblem() {
        #expect(sampleRecord().problems.isEmpty)
    }

    @Test func nothingIsMadeUpToFillAGap() {
        var record = sampleRecord(vin: "")
        record.repairMileage = 0
        record.faultDescription = ""
        record.parts[0].code = ""
        #expect(record.problems == [.vinMissing, .mileageMissing, .faultDescriptionMissing, .partWithoutCode(line: 2, name: "前刹车片")])
    }

    @Test func aVINIsCheckedByItsCheckDigitUnlessTheAdvisorConfirmedIt() {
        var record = sampleRecord(vin: "LSVAM4180C2184847")       // check digit 0, should be 7
        #expect(record.problems == [.vinInvalid("LSVAM4180C2184847", .checkDigit(expected: "7", found: "0"))])
        record.vinConfirmed = true
        #expect(record.problems.isEmpty)
        record.vin = "LSVAM4187C218484"                             // 16 characters: never, even confirmed
        #expect(record.problems == [.vinInvalid("LSVAM4187C218484", .length(16))])
    }

    @Test func theStandardStyleSendsHoursAsHoursAndTheSettlementNumber() throws {
        let request = RestServicesStyle().uploadRequest(base: "https://jt.example.cn/", token: "T9", company: "4403",
                                                        record: sampleRecord(), sentAt: Timestamp(seconds: 0), zone: .shanghai)
        #expect(request.url == "https://jt.example.cn/restservices/lcipprodatarest/lcipprocarfixrecordadd/query")
        #expect(request.body == #"{"access_token":"T9","basicInfo":{"vehicleplatenumber":"粤B8K3M2","companyname":"深圳南山汽修厂","vin":"LSVAM4187C2184847","repairdate":"20261122","repairmileage":"45210","settledate":"20261123","faultdescription":"刹车异响","costlistcode":"JS2026110001"},"vehiclepartslist":[{"partsname":"前刹车片","partscode":"04465-33450","partsquantity":"1"}],"repairprojectlist":[{"repairproject":"更换前刹车片","workinghours":"1.5"}]}"#)
    }

    @Test func theStandardStyleReadsEachKindOfAnswer() {
        let style = RestServicesStyle()
        #expect(style.readUpload(status: 200, body: #"{"code":"1","status":"新增成功"}"#) == .accepted(status: "新增成功"))
        #expect(style.readUpload(status: 200, body: #"{"code":1,"status":"新增成功"}"#) == .accepted(status: "新增成功"))
        #expect(style.readUpload(status: 200, body: #"{"code":"0","status":"结算清单编号已存在"}"#) == .alreadyHeld(status: "结算清单编号已存在"))
        #expect(style.readUpload(status: 200, body: #"{"code":"0","status":"access_token 已过期"}"#) == .tokenRefused(status: "access_token 已过期"))
        #expect(style.readUpload(status: 200, body: #"{"code":"-2","status":"车辆识别代号不存在"}"#) == .refused(code: "-2", status: "车辆识别代号不存在"))
        #expect(style.readUpload(status: 503, body: "<html>维护</html>") == .unreadable("HTTP 503: <html>维护</html>"))
        #expect(style.readToken(status: 200, body: #"{"code":"1","status":"ok","access_token":"abc"}"#) == .token("abc"))
        #expect(style.readToken(status: 200, body: #"{"code":"0","status":"密码错误"}"#) == .refused(code: "0", status: "密码错误"))
        #expect(style.readToken(status: 502, body: "") == nil)
    }

    @Test func theTransactionStyleWrapsEveryCallAndSendsTheCategoryAndPlateColour() throws {
        let style = TransactionStyle()
        let sentAt = Timestamp(seconds: 1_795_000_000)      // 2026-11-18 11:06:40 UTC, 19:06:40 in Shanghai
        let request = style.uploadRequest(base: "http://p.example.cn", token: "K1", company: "4403", record: sampleRecord(),
                                          sentAt: sentAt, zone: .shanghai)
        #expect(request.url == "http://p.example.cn/api/uploadRepairRecord")
        #expect(request.body.hasPrefix(#"{"transaction":{"header":{"service":"uploadRepairRecord","companyCode":"4403","accessToken":"K1","date":"20261118","time":"190640"},"body":{"reqInfo":{"plateNumber":"粤B8K3M2","plateColor":"蓝","#), "\(request.body)")
        #expect(request.body.contains(#""repairType":"二级维护""#))
        #expect(style.readUpload(status: 200, body: #"{"transaction":{"header":{"code":"0000","message":"成功"}}}"#) == .accepted(status: "成功"))
        #expect(style.readUpload(status: 200, body: #"{"transaction":{"header":{"code":"1001","message":"令牌失效"}}}"#) == .tokenRefused(status: "令牌失效"))
        #expect(style.readToken(status: 200, body: #"{"transaction":{"header":{"code":"0000","message":"成功"},"body":{"respInfo":{"accessToken":"K2"}}}}"#) == .token("K2"))
    }
}

@Suite("The national repair record: when to try again")
struct OutboxPolicyTests {
    @Test func failuresWaitLongerEachTimeAndNeverGiveUp() {
        #expect((1...7).map { OutboxPolicy.delay(afterFailedAttempts: $0) } == [60, 300, 900, 3600, 21_600, 21_600, 21_600])
    }

    @Test func aRecordTakenByAPushThatDiedIsTakenAgainAfterTheLease() {
        let now = Timestamp(seconds: 1_795_000_000)
        #expect(!OutboxPolicy.isDue(state: .sending, nextAttemptAt: now, claimedAt: Timestamp(seconds: now.seconds - 30), now: now))
        #expect(OutboxPolicy.isDue(state: .sending, nextAttemptAt: now, claimedAt: Timestamp(seconds: now.seconds - OutboxPolicy.lease), now: now))
        #expect(!OutboxPolicy.isDue(state: .waiting, nextAttemptAt: Timestamp(seconds: now.seconds + 1), claimedAt: nil, now: now))
        #expect(!OutboxPolicy.isDue(state: .sent, nextAttemptAt: now, claimedAt: nil, now: now))
        #expect(!OutboxPolicy.isDue(state: .refused, nextAttemptAt: now, claimedAt: nil, now: now))
    }
}

@Suite("HTTP through libcurl")
struct CurlTransportTests {
    @Test func aRequestAndItsAnswerGoThroughWhole() throws {
        let platform = try FakePlatform()
        let body = Array(#"{"companycode":"4403000001","companypassword":"secret-pw"}"#.utf8)
        let answer = try CurlTransport().send(HTTPRequest(method: "POST", url: platform.url + "/restservices/lcipprodatarest/lcipprogetaccesstoken/query",
                                                          contentType: "application/json", body: body))
        #expect(answer.status == 200)
        #expect(answer.text == #"{"code":"1","status":"成功","access_token":"T1"}"#)
    }

    @Test func aClosedPortIsUnreachableAndASlowAnswerTimesOut() throws {
        let platform = try FakePlatform()
        let url = platform.url
        platform.stop()
        #expect(throws: HTTPFailure.self) { try CurlTransport().send(HTTPRequest(method: "POST", url: url + "/x")) }
        do {
            _ = try CurlTransport().send(HTTPRequest(method: "POST", url: url + "/x"))
        } catch {
            #expect(error.certainlyNotReceived, "\(error)")
        }
        let slow = try FakePlatform()
        slow.delayAnswers(by: 2)
        do {
            _ = try CurlTransport(timeoutMilliseconds: 300).send(HTTPRequest(method: "POST", url: slow.url + "/x"))
            Issue.record("a 2 s answer came within 0.3 s")
        } catch {
            guard case .timedOut = error else { Issue.record("\(error)"); return }
            #expect(!error.certainlyNotReceived)
        }
    }
}

@Suite("The national repair record: kept in the outbox")
struct StoredRecordTests {
    @Test func aRecordReadsBackWholeFromWhatIsStored() throws {
        var record = sampleRecord()
        record.vinConfirmed = true
        record.plateColor = nil
        let stored = record.json.serialized()
        #expect(RepairRecord(stored: stored) == record)
        #expect(RepairRecord(stored: "{\"vin\":1}") == nil)
    }
}
