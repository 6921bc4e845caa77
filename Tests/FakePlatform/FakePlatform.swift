import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A national-record platform on 127.0.0.1, speaking the restservices style, for tests: it
/// checks the company's password, issues tokens, keeps each record once by its 结算清单编号, and
/// can be told to fail as real platforms do — expired tokens, refused records, slow answers,
/// down for a while.
public final class FakePlatform: @unchecked Sendable {
    public let port: Int
    public var url: String { "http://127.0.0.1:\(port)" }

    public let company: String
    public let password: String

    private let lock = NSLock()
    private var listener: Int32
    private var issuedTokens: [String] = []
    /// Every company the platform knows (code → password): the one it was made with, and those added.
    private var companies: [String: String] = [:]
    private var tokenCompany: [String: String] = [:]
    private var heldBy: [String: String] = [:]          // 结算清单编号 → the company that uploaded it
    private var validTokens: Set<String> = []
    private var held: [String: String] = [:]            // 结算清单编号 → the upload's body
    private var uploads: [String] = []                  // every upload body received, in order
    private var refusedVINs: [String: String] = [:]
    private var answerDelay: TimeInterval = 0
    private var isDown = false

    public init(company: String = "4403000001", password: String = "secret-pw") throws {
        self.company = company
        self.password = password
        self.companies = [company: password]
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        self.listener = listener
        let thread = Thread { [weak self] in self?.acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// Stops listening: the platform (or the network to it) is gone; a new connection is refused.
    public func stop() {
        lock.withLock {
            if listener >= 0 { shutdown(listener, Int32(SHUT_RDWR)); close(listener); listener = -1 }
        }
    }

    // MARK: What a test tells it

    /// Another enterprise on the platform (a site of a chain): its code and password.
    public func addCompany(_ code: String, password: String) { lock.withLock { companies[code] = password } }

    /// Every token issued so far stops being good, as when they expire.
    public func expireTokens() { lock.withLock { validTokens.removeAll() } }
    /// Uploads of this VIN are refused with these words.
    public func refuse(vin: String, saying words: String) { lock.withLock { refusedVINs[vin] = words } }
    /// Every answer comes this late.
    public func delayAnswers(by seconds: TimeInterval) { lock.withLock { answerDelay = seconds } }
    /// Answers 503 with an HTML page, as a platform under maintenance does.
    public func goDown(_ down: Bool) { lock.withLock { isDown = down } }

    // MARK: What a test reads

    /// The records the platform holds, by 结算清单编号.
    public var records: [String: String] { lock.withLock { held } }
    /// Every upload received, accepted or not, in order.
    public var uploadsReceived: [String] { lock.withLock { uploads } }
    public var tokensIssued: Int { lock.withLock { issuedTokens.count } }
    /// The company whose token each held record came with, by 结算清单编号.
    public var recordsHeldBy: [String: String] { lock.withLock { heldBy } }

    /// Waits (up to 10 s) until the platform holds `count` records: an upload answered late is
    /// stored only when its answer is written.
    public func waitUntilHolding(_ count: Int) throws {
        let deadline = Date().addingTimeInterval(10)
        while records.count < count {
            guard Date() < deadline else { throw POSIXError(.ETIMEDOUT) }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    // MARK: Serving

    private func acceptLoop() {
        while true {
            let socket = lock.withLock { listener }
            guard socket >= 0 else { return }
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR { continue }
                return
            }
            Thread { [weak self] in
                defer { close(connection) }
                self?.serve(connection)
            }.start()
        }
    }

    private func serve(_ connection: Int32) {
        guard let (path, body) = Self.readRequest(connection) else { return }
        // An upload has arrived once its bytes are in, whatever becomes of the answer.
        let (delay, down) = lock.withLock {
            if path.hasSuffix("/lcipprocarfixrecordadd/query") { uploads.append(body) }
            return (answerDelay, isDown)
        }
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        let (status, answer) = down ? (503, "<html><body>系统维护中</body></html>") : respond(path: path, body: body)
        let bytes = Array(answer.utf8)
        let head = "HTTP/1.1 \(status) X\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n\r\n"
        Self.writeAll(connection, Array(head.utf8) + bytes)
    }

    private func respond(path: String, body: String) -> (Int, String) {
        let request = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        return lock.withLock {
            if path.hasSuffix("/lcipprogetaccesstoken/query") {
                guard let code = request["companycode"] as? String, let known = companies[code],
                      request["companypassword"] as? String == known else {
                    return (200, #"{"code":"0","status":"企业编码或密码错误"}"#)
                }
                let token = "T\(issuedTokens.count + 1)"
                issuedTokens.append(token)
                tokenCompany[token] = code
                validTokens.insert(token)
                return (200, #"{"code":"1","status":"成功","access_token":"\#(token)"}"#)
            }
            if path.hasSuffix("/lcipprocarfixrecordadd/query") {
                guard let token = request["access_token"] as? String, validTokens.contains(token) else {
                    return (200, #"{"code":"0","status":"access_token 无效或已过期"}"#)
                }
                let basic = request["basicInfo"] as? [String: Any] ?? [:]
                let code = basic["costlistcode"] as? String ?? ""
                if let vin = basic["vin"] as? String, let words = refusedVINs[vin] {
                    return (200, #"{"code":"0","status":"\#(words)"}"#)
                }
                if held[code] != nil { return (200, #"{"code":"0","status":"结算清单编号已存在"}"#) }
                held[code] = body
                heldBy[code] = tokenCompany[token]
                return (200, #"{"code":"1","status":"新增成功"}"#)
            }
            return (404, #"{"code":"404","status":"no such service"}"#)
        }
    }

    /// The request's path and body (by its Content-Length).
    private static func readRequest(_ connection: Int32) -> (String, String)? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        var contentLength = 0
        while true {
            if headEnd == nil, let end = firstIndex(of: separator, in: received) {
                headEnd = end + separator.count
                let head = String(decoding: received[..<end], as: UTF8.self)
                for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
                    contentLength = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            if let headEnd, received.count >= headEnd + contentLength {
                let head = String(decoding: received[..<headEnd], as: UTF8.self)
                let path = head.split(separator: " ").dropFirst().first.map(String.init) ?? ""
                return (path, String(decoding: received[headEnd..<(headEnd + contentLength)], as: UTF8.self))
            }
            let count = read(connection, &buffer, buffer.count)
            if count <= 0 { return nil }
            received.append(contentsOf: buffer[..<count])
        }
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            return start
        }
        return nil
    }

    private static func writeAll(_ connection: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBufferPointer { write(connection, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }
}
