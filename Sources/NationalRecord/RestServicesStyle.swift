import Foundation
import WorkshopModel

/// The style most provincial platforms implement (`restservices/lcipprodatarest`): a token from
/// the company code and password, then the record as JSON with the token inside; code "1" is success.
public struct RestServicesStyle: PlatformStyle {
    public init() {}
    public var name: String { "restservices" }

    public func tokenRequest(base: String, company: String, password: String) -> PlatformRequest {
        let body = JSON.object([("companycode", .string(company)), ("companypassword", .string(password))])
        return PlatformRequest(method: "POST", url: Self.join(base, "restservices/lcipprodatarest/lcipprogetaccesstoken/query"),
                               body: body.serialized())
    }

    public func readToken(status: Int, body: String) -> TokenAnswer? {
        guard let answer = Answer.object(body), let code = Answer.string(answer["code"]) else { return nil }
        let words = Answer.string(answer["status"]) ?? ""
        if code == "1", let token = Answer.string(answer["access_token"]), !token.isEmpty { return .token(token) }
        return .refused(code: code, status: words)
    }

    public func uploadRequest(base: String, token: String, company: String, record: RepairRecord, sentAt: Timestamp, zone: ShopZone) -> PlatformRequest {
        let basic = JSON.object([
            ("vehicleplatenumber", .string(record.plate)),
            ("companyname", .string(record.companyName)),
            ("vin", .string(record.vin)),
            ("repairdate", .string(record.repairDay)),
            ("repairmileage", .string(String(record.repairMileage))),
            ("settledate", .string(record.settleDay)),
            ("faultdescription", .string(record.faultDescription)),
            ("costlistcode", .string(record.settlementNumber)),
        ])
        let parts = JSON.array(record.parts.map {
            .object([("partsname", .string($0.name)), ("partscode", .string($0.code)), ("partsquantity", .string($0.quantity))])
        })
        let projects = JSON.array(record.projects.map {
            .object([("repairproject", .string($0.name)), ("workinghours", .string($0.hours))])
        })
        let body = JSON.object([("access_token", .string(token)), ("basicInfo", basic),
                                ("vehiclepartslist", parts), ("repairprojectlist", projects)])
        return PlatformRequest(method: "POST", url: Self.join(base, "restservices/lcipprodatarest/lcipprocarfixrecordadd/query"),
                               body: body.serialized())
    }

    public func readUpload(status: Int, body: String) -> UploadAnswer {
        guard let answer = Answer.object(body), let code = Answer.string(answer["code"]) else {
            return .unreadable("HTTP \(status): " + String(body.prefix(200)))
        }
        let words = Answer.string(answer["status"]) ?? ""
        if code == "1" { return .accepted(status: words) }
        if Answer.speaksOfADuplicate(words) { return .alreadyHeld(status: words) }
        if Answer.speaksOfTheToken(words) { return .tokenRefused(status: words) }
        return .refused(code: code, status: words)
    }

    /// The base address and a path, with exactly one slash between.
    static func join(_ base: String, _ path: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/" + path
    }
}
