import COpenSSL

/// SHA-256 over bytes fed in pieces (OpenSSL's EVP interface), reusable from one digest to the
/// next: for hashing many things, or more than is worth holding in memory at once (every seal of
/// the entry that sealed a whole database). The algorithm is fetched once per stream; OpenSSL 3's
/// one-shot SHA256() fetches it again at every call, which costs more than hashing a short row.
public final class SHA256Stream {
    private let context: OpaquePointer
    private let algorithm: OpaquePointer
    private var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))

    public init() {
        context = EVP_MD_CTX_new()
        algorithm = EVP_MD_fetch(nil, "SHA256", nil)
        EVP_DigestInit_ex(context, algorithm, nil)
    }

    deinit {
        EVP_MD_CTX_free(context)
        EVP_MD_free(algorithm)
    }

    public func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
    }

    /// The digest of everything fed in; the stream starts again empty.
    public func finish() -> [UInt8] {
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &output, &length)
        EVP_DigestInit_ex(context, algorithm, nil)
        return Array(output.prefix(Int(length)))
    }

    /// The first `length` bytes of the digest of `bytes` alone, as lower-case hexadecimal appended
    /// to `text` (UTF-8): no array made on the way.
    public func appendHexDigest(of bytes: [UInt8], length: Int, to text: inout [UInt8]) {
        update(bytes)
        var size: UInt32 = 0
        EVP_DigestFinal_ex(context, &output, &size)
        EVP_DigestInit_ex(context, algorithm, nil)
        for byte in output.prefix(min(length, Int(size))) {
            text.append(SHA256Stream.digits[Int(byte >> 4)])
            text.append(SHA256Stream.digits[Int(byte & 0x0f)])
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// The digest of `bytes` alone.
    public func digest(_ bytes: [UInt8]) -> [UInt8] {
        update(bytes)
        return finish()
    }
}
