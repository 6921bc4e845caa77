import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium printing HTML files to PDF the way its print dialog does (the page's own A4
/// size and margins, no header or footer of the browser's, background graphics off), driven over
/// the DevTools protocol on a pipe (`--remote-debugging-pipe`): one browser prints every document,
/// two at a time, because starting Chromium takes a second or more and `--print-to-pdf` prints one
/// document per start.
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
    /// One page (tab) per document printed at the same time.
    private var sessions: [String] = []
    /// How long one reply may take (the machine may be busy with other tests).
    private let timeout: TimeInterval = 60

    /// Starts the browser with a fresh profile in a temporary folder, removed by `close()`, and
    /// opens `tabs` pages: that many documents are printed at the same time.
    init(executable: String, tabs: Int = 2) throws {
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
        for _ in 0..<max(1, tabs) {
            let target = try call("Target.createTarget", ["url": "about:blank"])
            guard let targetID = target["targetId"] as? String else { throw failure("no target in \(target)") }
            let attached = try call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
            guard let session = attached["sessionId"] as? String else { throw failure("no session in \(attached)") }
            _ = try call("Page.enable", [:], session: session)
            sessions.append(session)
        }
    }

    /// Prints each HTML file to its PDF file, as many at a time as there are pages (tabs): each
    /// page opens its next file, waits until it has loaded, prints it, and takes the next one.
    /// `printed` is called with each job once its PDF is written (while the other pages print).
    func print(_ jobs: [(html: String, pdf: String)], printed: ((html: String, pdf: String)) throws -> Void = { _ in }) throws {
        var queue = jobs[...]
        /// What each page is doing: the job, and the id of the print call once made.
        var busy: [String: (job: (html: String, pdf: String), printing: Int?)] = [:]
        func start(_ session: String) throws {
            guard let job = queue.popFirst() else { return }
            busy[session] = (job, nil)
            _ = send("Page.navigate", ["url": URL(fileURLWithPath: job.html).absoluteString], session: session)
        }
        for session in sessions { try start(session) }
        let deadline = { Date().addingTimeInterval(self.timeout) }
        while !busy.isEmpty {
            let message = try next(until: deadline()) { _ in true }
            guard let session = message["sessionId"] as? String, let state = busy[session] else { continue }
            if message["method"] as? String == "Page.loadEventFired", state.printing == nil {
                let id = send("Page.printToPDF", ["preferCSSPageSize": true, "printBackground": false,
                                                  "displayHeaderFooter": false], session: session)
                busy[session] = (state.job, id)
            } else if let id = message["id"] as? Int, id == state.printing {
                if let error = message["error"] { throw failure("printing \(state.job.html) failed: \(error)") }
                guard let base64 = (message["result"] as? [String: Any])?["data"] as? String, let data = Data(base64Encoded: base64) else {
                    throw failure("Page.printToPDF gave no PDF for \(state.job.html)")
                }
                try data.write(to: URL(fileURLWithPath: state.job.pdf))
                busy[session] = nil
                try start(session)
                try printed(state.job)
            } else if message["error"] != nil, let id = message["id"] as? Int, id != state.printing {
                throw failure("opening \(state.job.html) failed: \(message["error"]!)")
            }
        }
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

    /// Sends a command; its answer comes later, with the id returned.
    private func send(_ method: String, _ parameters: [String: Any], session: String? = nil) -> Int {
        lastID += 1
        var message: [String: Any] = ["id": lastID, "method": method, "params": parameters]
        if let session { message["sessionId"] = session }
        var data = try! JSONSerialization.data(withJSONObject: message)
        data.append(0)
        commands.fileHandleForWriting.write(data)
        return lastID
    }

    /// Sends a command and waits for its answer.
    private func call(_ method: String, _ parameters: [String: Any], session: String? = nil) throws -> [String: Any] {
        let id = send(method, parameters, session: session)
        let reply = try next(until: Date().addingTimeInterval(timeout)) { $0["id"] as? Int == id }
        if let error = reply["error"] { throw failure("\(method) failed: \(error)") }
        return reply["result"] as? [String: Any] ?? [:]
    }

    /// The next message that `matches`, skipping the others (events not asked about).
    private func next(until deadline: Date, _ matches: ([String: Any]) -> Bool) throws -> [String: Any] {
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
