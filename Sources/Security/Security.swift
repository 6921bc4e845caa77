import CCrypt
import COpenSSL

/// PINs stored as salted slow hashes made by libxcrypt (yescrypt), never in the clear.
public enum PINHash {
    /// A new salted hash of `pin`, or nil if the library could not make one.
    public static func make(_ pin: String) -> String? {
        guard let hashed = ccrypt_hash_new(pin) else { return nil }
        defer { free(hashed) }
        return String(cString: hashed)
    }

    /// Whether `pin` matches the stored hash.
    public static func verify(_ pin: String, against stored: String) -> Bool {
        ccrypt_verify(pin, stored) == 1
    }
}

/// SHA-256 from OpenSSL's libcrypto: the links of the journal's hash chain.
public enum Digest {
    public static func sha256Hex(_ text: String) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { input in
            _ = SHA256(input.baseAddress, input.count, &digest)
        }
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

import Glibc
