import Foundation

/// A font handed to libharu through a file, which exists only while `body` runs: made by mkstemp
/// (mode 0600, exclusive, an unguessable name) in the temporary folder, removed on the way out.
enum TemporaryFontFile {
    static func withFile<Result>(_ bytes: [UInt8], _ body: (String) throws -> Result) throws -> Result {
        var template = Array((NSTemporaryDirectory() + "/workshop-font-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw PDFError.temporaryFont(String(cString: strerror(errno))) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { unlink(path) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBufferPointer { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw PDFError.temporaryFont(reason)
            }
            written += count
        }
        close(descriptor)
        return try body(path)
    }
}
