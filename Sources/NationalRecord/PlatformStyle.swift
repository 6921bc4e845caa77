import Foundation
import WorkshopModel

/// One request to the platform, before it goes on the wire: kept exactly as sent.
public struct PlatformRequest: Equatable, Sendable {
    public var method: String
    public var url: String
    public var body: String
    public init(method: String, url: String, body: String) { self.method = method; self.url = url; self.body = body }
}

/// The platform's answer to a token request.
public enum TokenAnswer: Equatable, Sendable {
    case token(String)
    /// The company code or password was refused: nothing can be sent until the manager fixes it.
    case refused(code: String, status: String)
}

/// The platform's answer to an upload.
public enum UploadAnswer: Equatable, Sendable {
    case accepted(status: String)
    /// The platform already holds this record (an earlier attempt arrived though its answer was
    /// lost): as good as accepted, and never sent again.
    case alreadyHeld(status: String)
    /// The token is no longer good: get a new one and send again.
    case tokenRefused(status: String)
    /// The record itself was refused, with the platform's words: a person must correct it.
    case refused(code: String, status: String)
    /// Not an answer the style knows (not JSON, no code): treated as a failed attempt, retried.
    case unreadable(String)
}

/// How one province's platform wants the record: the envelope of each request and how its answers
/// read. Each style is small; adding a province is adding one.
public protocol PlatformStyle: Sendable {
    /// The name the manager gives with `healthrecord set style=`.
    var name: String { get }
    func tokenRequest(base: String, company: String, password: String) -> PlatformRequest
    func readToken(status: Int, body: String) -> TokenAnswer?
    func uploadRequest(base: String, token: String, company: String, record: RepairRecord, sentAt: Timestamp, zone: ShopZone) -> PlatformRequest
    func readUpload(status: Int, body: String) -> UploadAnswer
}

/// The styles Workshop speaks.
public enum PlatformStyles {
    public static let all: [any PlatformStyle] = [RestServicesStyle(), TransactionStyle()]
    public static let standard: any PlatformStyle = RestServicesStyle()

    public static func named(_ name: String) -> (any PlatformStyle)? { all.first { $0.name == name } }
    public static var names: [String] { all.map(\.name) }
}

/// Reading answers: a JSON object whose `code` may be a string or a number.
enum Answer {
    static func object(_ text: String) -> [String: Any]? {
        guard let data = text.data(using: .utf8),
              let value = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return value
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    /// Words platforms use when the token, not the record, is the trouble.
    static func speaksOfTheToken(_ status: String) -> Bool {
        let lowered = status.lowercased()
        return ["token", "令牌", "凭证", "未登录", "登录超时"].contains { lowered.contains($0) }
    }

    /// Words platforms use for a record they already hold.
    static func speaksOfADuplicate(_ status: String) -> Bool {
        ["已存在", "重复", "already exists", "duplicate"].contains { status.lowercased().contains($0) }
    }
}
