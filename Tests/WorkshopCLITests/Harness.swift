import Foundation
import SQLite

/// Runs the built `workshop` binary the way a person or a program would, and reads what it printed.
struct Workshop {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The binary SwiftPM built next to this test bundle (or $WORKSHOP_BIN).
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["WORKSHOP_BIN"] { return path }
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let besideTests = bundleDirectory.appendingPathComponent("workshop").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return packageRoot + "/.build/debug/workshop"
    }()

    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let transcripts = packageRoot + "/Tests/WorkshopCLITests/Transcripts"

    /// A fresh, empty folder for one test's database and files.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "workshop-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    let database: String
    /// The clock, as a manager's late entry (--now): only the shop's manager (王芳 in the tests) may
    /// set it; a test signed in as anyone else runs on the system's clock (nil).
    var now: String? = "2026-11-22 09:00"
    var user = "王芳"
    /// The session's language: the end-to-end tests read English sentences, whatever the shop speaks
    /// (nil: the shop's own, as the Chinese transcripts run).
    var language: String? = "en"
    /// Extra environment for the child process. Everyone's PIN in the tests is 1234: the first
    /// user of a new test database (王芳) becomes its manager, and staff set their PIN at first sign-in.
    var environment: [String: String] = ["WORKSHOP_PIN": "1234", "WORKSHOP_SIGNER_PIN": "1234"]

    /// The same shop with the session in the shop's own language (Chinese unless the shop set another).
    var inShopLanguage: Workshop {
        var copy = self
        copy.language = nil
        return copy
    }

    init(database: String? = nil) {
        self.database = database ?? Workshop.temporaryDirectory() + "/shop.db"
    }

    /// Runs workshop with `arguments` after the standard --db/--now/--user, feeding `input` on stdin.
    @discardableResult
    func run(_ arguments: [String], input: Data? = nil, workingDirectory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Workshop.binary)
        process.arguments = ["--db", database] + (now.map { ["--now", $0] } ?? []) + ["--user", user]
            + (language.map { ["--language", $0] } ?? []) + arguments
        var childEnvironment = ProcessInfo.processInfo.environment
        childEnvironment["HOME"] = NSTemporaryDirectory()
        childEnvironment.merge(environment) { $1 }
        process.environment = childEnvironment
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        // stderr goes to a file, so reading stdout to its end can never block on a full stderr pipe.
        let errorPath = NSTemporaryDirectory() + "workshop-stderr-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let errorFile = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        let out = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = errorFile
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorFile.close()
        let stderrData = FileManager.default.contents(atPath: errorPath) ?? Data()
        return Result(stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self),
                      status: process.terminationStatus)
    }

    /// Runs one command line (-c).
    @discardableResult
    func command(_ line: String, json: Bool = false) throws -> Result {
        try run((json ? ["--json"] : []) + ["-c", line])
    }

    /// Runs a script given as text, through stdin.
    @discardableResult
    func script(_ text: String, options: [String] = []) throws -> Result {
        try run(options, input: Data(text.utf8))
    }

    /// Every row of every table, in a stable order: equal fingerprints mean nothing changed.
    func fingerprint() throws -> String { try Workshop.fingerprint(of: database) }

    static func fingerprint(of database: String) throws -> String {
        let db = try Database(path: database)
        let tables = try db.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") { $0.string(0) }
        var text = ""
        for table in tables {
            text += "[\(table)]\n"
            try db.forEach("SELECT * FROM \(table) ORDER BY 1") { row in
                for column in 0..<row.columnCount { text += "\(row.value(column))|" }
                text += "\n"
            }
        }
        return text
    }

    func count(_ sql: String) throws -> Int {
        try Database(path: database).scalar(sql) ?? 0
    }
}

extension Workshop {
    /// Feeds `total` customer additions to one process signed in as 王芳 and kills it (SIGKILL) once
    /// `confirmations` of them are confirmed on its output; returns the customer numbers it
    /// confirmed before it died. For "a killed process keeps every command it confirmed".
    func customersConfirmedBeforeKill(total: Int, confirmations: Int) throws -> [Int] {
        signal(SIGPIPE, SIG_IGN)  // the script is still being written when the process dies
        let script = (0..<total).map { "customer add 批量\($0) phone=17\(String(format: "%09d", $0))" }.joined(separator: "\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Workshop.binary)
        process.arguments = ["--db", database] + (now.map { ["--now", $0] } ?? []) + ["--user", "王芳"]
        process.environment = ProcessInfo.processInfo.environment.merging(["WORKSHOP_PIN": "1234", "HOME": NSTemporaryDirectory()]) { $1 }
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        DispatchQueue.global().async {
            try? input.fileHandleForWriting.write(contentsOf: Data(script.utf8))
            try? input.fileHandleForWriting.close()
        }
        // Read confirmations until enough are in, then pull the plug.
        var confirmed = ""
        while confirmed.components(separatedBy: "\n").count < confirmations {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            confirmed += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return confirmed.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: "已建档 C") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
    }
}

extension Workshop {
    /// Runs the binary with `arguments` alone — a launch mode of its own (`migrate`, `setup-server`),
    /// no --db, --user or clock — in `language`, and reads what it printed.
    static func launch(_ arguments: [String], language: String = "en") throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments + ["--language", language]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = NSTemporaryDirectory()
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Small outputs: read one pipe to its end, then the other.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                      status: process.terminationStatus)
    }
}
