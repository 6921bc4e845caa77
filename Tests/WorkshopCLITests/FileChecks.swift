import Foundation
import SQLite

/// What the file-safety tests look at on disk: content, mode, links, what a folder holds.
enum FileChecks {
    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// The permission bits, as `ls -l` shows them in octal (0o600…), of the path itself.
    static func mode(_ path: String) -> Int {
        var info = stat()
        guard lstat(path, &info) == 0 else { return -1 }
        return Int(info.st_mode & 0o777)
    }

    static func chmod(_ path: String, _ mode: Int) {
        _ = Foundation.chmod(path, mode_t(mode))
    }

    static func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    static func integrityOK(_ database: String) throws -> Bool {
        try Database(path: database, readOnly: true).rows("PRAGMA integrity_check") { $0.string(0) } == ["ok"]
    }

    /// Runs the binary with exactly these arguments and environment (no --db added), in `folder`.
    static func runBare(_ arguments: [String], environment: [String: String], in folder: String) throws -> Workshop.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Workshop.binary)
        process.arguments = arguments
        var childEnvironment = ProcessInfo.processInfo.environment
        childEnvironment["HOME"] = folder
        childEnvironment.merge(environment) { $1 }
        process.environment = childEnvironment
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Workshop.Result(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                               status: process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus)
    }
}
