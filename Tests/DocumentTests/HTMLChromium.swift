import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium printing HTML files to PDF the way its print dialog does (the page's own A4
/// size and margins, no header or footer of the browser's, background graphics off), driven over
/// the DevTools protocol on a pipe (`--remote-debugging-pipe`): one browser prints every document,
/// because starting Chromium takes a second or more and `--print-to-pdf` prints one page per start.
final class HeadlessChromium {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `chromium` on the PATH (Debian's package, installed by scripts/setup.sh).
    static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/bin"] {
            let candidate = "\(directory)/chromium"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private let process = Process()
    private let commands = Pipe()
    private let replies = Pipe()
    private let profile: String
    private var pending = Data()
    private var lastID = 0
    private var session = ""
    /// How long one reply may take (the machine may be busy with other tests).
    private let timeout: TimeInterval = 60

    /// Starts the browser with a fresh profile in a temporary folder, removed by `close()`.
    init(executable: String) throws {
        profile = NSTemporaryDirectory() + "workshop-chromium-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
        // The protocol runs on the browser's file descriptors 3 (in) and 4 (out): the shell gives
        // it our pipes there. Its own output goes to a log, shown if something fails.
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", #"log="$1"; shift; exec "$@" 3<&0 4>&1 </dev/null >/dev/null 2>"$log""#, "sh",
                             profile + "/chromium.log", executable,
                             "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--remote-debugging-pipe", "--user-data-dir=" + profile + "/data", "about:blank"]
        process.standardInput = commands
        process.standardOutput = replies
        try process.run()
        let target = try call("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw failure("no target in \(target)") }
        let attached = try call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw failure("no session in \(attached)") }
        self.session = session
        _ = try call("Page.enable", [:], session: session)
    }

    /// Opens `html` (a file) and prints it to `pdf`.
    func print(_ html: String, to pdf: String) throws {
        _ = try call("Page.navigate", ["url": URL(fileURLWithPath: html).absoluteString], session: session)
        _ = try next { $0["method"] as? String == "Page.loadEventFired" && $0["sessionId"] as? String == session }
        let printed = try call("Page.printToPDF", ["preferCSSPageSize": true, "printBackground": false,
                                                   "displayHeaderFooter": false], session: session)
        guard let base64 = printed["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw failure("Page.printToPDF gave no PDF for \(html)")
        }
        try data.write(to: URL(fileURLWithPath: pdf))
    }

    /// Closes the browser and removes its profile.
    func close() {
        if process.isRunning {
            _ = try? call("Browser.close", [:])
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { process.terminate() }
        }
        try? FileManager.default.removeItem(atPath: profile)
    }

    deinit { close() }

    // MARK: The protocol: JSON messages, each ended by a NUL byte.

    private func call(_ method: String, _ parameters: [String: Any], session: String? = nil) throws -> [String: Any] {
        lastID += 1
        let id = lastID
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if let session { message["sessionId"] = session }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        commands.fileHandleForWriting.write(data)
        let reply = try next { $0["id"] as? Int == id }
        if let error = reply["error"] { throw failure("\(method) failed: \(error)") }
        return reply["result"] as? [String: Any] ?? [:]
    }

    /// The next message that `matches`, skipping the others (events not asked about).
    private func next(_ matches: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            while let end = pending.firstIndex(of: 0) {
                let message = pending[pending.startIndex..<end]
                pending = Data(pending[pending.index(after: end)...])
                if let object = try JSONSerialization.jsonObject(with: message) as? [String: Any], matches(object) { return object }
            }
            try readMore(until: deadline)
        }
    }

    private func readMore(until deadline: Date) throws {
        let fd = replies.fileHandleForReading.fileDescriptor
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let wait = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
        guard poll(&ready, 1, wait) > 0 else { throw failure("no answer from Chromium within \(Int(timeout)) s") }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { throw failure("Chromium closed the pipe (it stopped)") }
        pending.append(contentsOf: buffer[0..<count])
    }

    private func failure(_ what: String) -> Failure {
        let log = (try? String(contentsOfFile: profile + "/chromium.log", encoding: .utf8)) ?? ""
        return Failure(description: "headless Chromium: \(what)" + (log.isEmpty ? "" : "\n\(log.suffix(2_000))"))
    }
}
