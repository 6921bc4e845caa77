import Foundation
import WorkshopModel

/// The style of platforms that wrap every call in `{"transaction":{"header":…,"body":{"reqInfo":…}}}`:
/// the header carries the call's name, the company and the time; answers come back the same way
/// with `header.code` "0000" for success. This style also sends 维修类别 and 车牌颜色.
public struct TransactionStyle: PlatformStyle {
    public init() {}
    public var name: String { "transaction" }

    public func tokenRequest(base: String, company: String, password: String) -> PlatformRequest {
        envelope(base: base, call: "getAccessToken", company: company, token: nil, time: nil,
                 info: .object([("companycode", .string(company)), ("companypassword", .string(password))]))
    }

    public func readToken(status: Int, body: String) -> TokenAnswer? {
        guard let (code, words, info) = read(body) else { return nil }
        if code == "0000", let token = Answer.string(info?["accessToken"]), !token.isEmpty { return .token(token) }
        return .refused(code: code, status: words)
    }

    public func uploadRequest(base: String, token: String, company: String, record: RepairRecord, sentAt: Timestamp, zone: ShopZone) -> PlatformRequest {
        let info = JSON.object([
            ("plateNumber", .string(record.plate)),
            ("plateColor", .string(record.plateColor?.chinese)),
            ("companyName", .string(record.companyName)),
            ("vin", .string(record.vin)),
            ("repairType", .string(record.category.chinese)),
            ("repairDate", .string(record.repairDay)),
            ("repairMileage", .int(record.repairMileage)),
            ("settleDate", .string(record.settleDay)),
            ("faultDescription", .string(record.faultDescription)),
            ("settleListCode", .string(record.settlementNumber)),
            ("parts", .array(record.parts.map {
                .object([("name", .string($0.name)), ("code", .string($0.code)), ("quantity", .string($0.quantity))])
            })),
            ("projects", .array(record.projects.map {
                .object([("name", .string($0.name)), ("hours", .string($0.hours))])
            })),
        ])
        return envelope(base: base, call: "uploadRepairRecord", company: company, token: token, time: (sentAt, zone), info: info)
    }

    public func readUpload(status: Int, body: String) -> UploadAnswer {
        guard let (code, words, _) = read(body) else { return .unreadable("HTTP \(status): " + String(body.prefix(200))) }
        switch code {
        case "0000": return .accepted(status: words)
        case "1001": return .tokenRefused(status: words)
        case "2009": return .alreadyHeld(status: words)
        default: return .refused(code: code, status: words)
        }
    }

    private func envelope(base: String, call: String, company: String, token: String?, time: (Timestamp, ShopZone)?, info: JSON) -> PlatformRequest {
        var header: [(String, JSON)] = [("service", .string(call)), ("companyCode", .string(company))]
        if let token { header.append(("accessToken", .string(token))) }
        if let (instant, zone) = time {
            header.append(("date", .string(ShopDay.compact(instant, zone: zone))))
            header.append(("time", .string(ShopDay.clock(instant, zone: zone))))
        }
        let body = JSON.object([("transaction", .object([("header", .object(header)),
                                                        ("body", .object([("reqInfo", info)]))]))])
        return PlatformRequest(method: "POST", url: RestServicesStyle.join(base, "api/" + call), body: body.serialized())
    }

    /// The answer's code and words, and its `body.respInfo`.
    private func read(_ text: String) -> (String, String, [String: Any]?)? {
        guard let answer = Answer.object(text),
              let transaction = answer["transaction"] as? [String: Any],
              let header = transaction["header"] as? [String: Any],
              let code = Answer.string(header["code"]) else { return nil }
        let words = Answer.string(header["message"]) ?? ""
        let info = (transaction["body"] as? [String: Any])?["respInfo"] as? [String: Any]
        return (code, words, info)
    }
}

/// Calendar days and clock times on the shop's clock, as the platforms write them.
public enum ShopDay {
    /// yyyyMMdd
    public static func compact(_ instant: Timestamp, zone: ShopZone) -> String {
        zone.civil(instant).dateText.filter { $0 != "-" }
    }

    /// HHmmss
    public static func clock(_ instant: Timestamp, zone: ShopZone) -> String {
        let civil = zone.civil(instant)
        return pad(civil.hour, 2) + pad(civil.minute, 2) + pad(civil.second, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
