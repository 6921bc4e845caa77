import CCurl

/// One HTTP request, whole: Workshop sends small JSON documents and reads small answers.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var contentType: String?
    public var body: [UInt8]?

    public init(method: String, url: String, contentType: String? = nil, body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.contentType = contentType
        self.body = body
    }
}

/// What came back: the HTTP status and the body's bytes.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why no answer came: each kind is told apart, because a timeout may mean the request arrived.
public enum HTTPFailure: Error, Sendable, Equatable {
    /// No connection could be made (host unknown, refused): the request was certainly not received.
    case unreachable(String)
    /// The connection was made but the answer did not come in time: the request may have arrived.
    case timedOut(String)
    /// The server's certificate or the TLS handshake failed.
    case tls(String)
    /// Anything else libcurl reports.
    case other(String)

    /// Whether the server can not have received the request.
    public var certainlyNotReceived: Bool {
        if case .unreachable = self { return true }
        if case .tls = self { return true }
        return false
    }
}

/// Sends requests. Tests and the benchmark give their own.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) throws(HTTPFailure) -> HTTPResponse
}

/// HTTP(S) through libcurl, with a connect and a whole-request timeout; TLS verified.
public struct CurlTransport: HTTPTransport {
    public var connectTimeoutMilliseconds: Int
    public var timeoutMilliseconds: Int

    public init(connectTimeoutMilliseconds: Int = 3_000, timeoutMilliseconds: Int = 10_000) {
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.timeoutMilliseconds = timeoutMilliseconds
        CurlTransport.initialised
    }

    // libcurl's global set-up is not thread-safe: done once, before the first request.
    private static let initialised: Void = ccurl_global_init()

    public func send(_ request: HTTPRequest) throws(HTTPFailure) -> HTTPResponse {
        var status = 0
        var answer = ccurl_buffer(data: nil, size: 0)
        var error = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { ccurl_free(&answer) }
        // An empty body is sent as one (a POST of nothing), not as none.
        let terminated = request.body.map { $0 + [0] }
        let code: Int32 = terminated.map { bytes in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    ccurl_send(request.method, request.url, request.contentType, chars.baseAddress, bytes.count - 1,
                               connectTimeoutMilliseconds, timeoutMilliseconds, &status, &answer, &error)
                }
            }
        } ?? ccurl_send(request.method, request.url, request.contentType, nil, 0,
                        connectTimeoutMilliseconds, timeoutMilliseconds, &status, &answer, &error)
        guard code == 0 else {
            let written = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let detail = written.isEmpty ? String(validatingCString: ccurl_describe(code)) ?? "libcurl \(code)" : written
            if ccurl_unreachable(code) != 0 { throw .unreachable(detail) }
            if ccurl_timed_out(code) != 0 { throw .timedOut(detail) }
            if ccurl_tls_failure(code) != 0 { throw .tls(detail) }
            throw .other(detail)
        }
        let body = answer.data.map { pointer in
            [UInt8](UnsafeRawBufferPointer(start: pointer, count: answer.size))
        } ?? []
        return HTTPResponse(status: status, body: body)
    }
}
