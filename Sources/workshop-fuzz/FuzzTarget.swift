// `make fuzz`: libFuzzer feeds arbitrary bytes to the whole command layer — every command of the
// grammar — signed in as a manager on a scratch shop. Files are written only inside the scratch
// folder: it is the working directory, and a path in a line of a command that writes files has its
// slashes turned into underscores. Any crash, hang or broken invariant is a bug.
import Foundation
import WorkshopCLI

nonisolated(unsafe) private var harness: FuzzHarness?

/// One scratch shop per fuzzing process.
final class FuzzHarness {
    let app: App
    let directory: String

    init() {
        directory = NSTemporaryDirectory() + "workshop-fuzz-\(getpid())"
        try? FileManager.default.removeItem(atPath: directory)
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        FileManager.default.changeCurrentDirectoryPath(directory)
        // A platform address typed by the fuzzer is tried for at most 100 ms: fuzzing stays fast.
        setenv("WORKSHOP_HEALTHRECORD_TIMEOUT_MS", "100", 1)
        let options = try! LaunchOptions(arguments: ["--db", directory + "/fuzz.db", "--user", "经理", "--now", "2026-11-22 09:00"])
        app = try! App(options: options, environment: ["WORKSHOP_PIN": "1234", "WORKSHOP_SIGNER_PIN": "1234", "HOME": directory,
                                                       "WORKSHOP_DOCUMENTS": directory + "/documents"])
        try! app.signIn("经理", readSecret: nil)
        for line in FuzzHarness.seedShop { _ = app.execute(line) }
    }

    static let seedShop = [
        "customer add 张伟 phone=13800138000",
        "vehicle add 京A12345 vin=LFV2A21K8C3070455 owner=C1",
        "labor add BRK-01 \"更换前刹车片\" hours=1.2",
        "parts add BP-1 \"刹车片\" price=260 stock=5",
        "staff add 孙检 role=inspector pin=1234",
        "staff add 赵师傅 role=technician group=一组 pin=1234",
        "checkin 京A12345 odometer=1000 fuel=F complaint=异响",
        "estimate RO1 labor BRK-01",
    ]

    /// Commands that write files: their paths stay inside the scratch folder.
    static let writingFiles: Set<String> = ["print", "打印", "backup", "备份", "export", "导出", "source", "run", ".", "report", "报表",
                                            "release", "交车", "出厂"]

    func run(_ data: Data) {
        guard var line = String(data: data, encoding: .utf8) else { return }
        let first = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { String($0).lowercased() } ?? ""
        if FuzzHarness.writingFiles.contains(first) { line = line.replacingOccurrences(of: "/", with: "_") }
        _ = app.execute(line)
        // A line that signed the manager out (logout, a login as someone else) would leave the rest
        // of the run refused at the door: sign the manager back in.
        if app.signedInName != "经理" { try? app.signIn("经理", readSecret: nil) }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    if harness == nil { harness = FuzzHarness() }
    harness!.run(Data(bytes: start, count: count))
    return 0
}

#if FUZZING
// SwiftPM calls an executable's entry `<module>_main`; hand control to libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt) -> CInt

@_cdecl("workshop_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzz($0, $1) }
}
#else
// Built without libFuzzer (a plain `swift build`): replays the files or folders given, e.g. the
// corpus or a crash libFuzzer saved, through the same harness.
@_cdecl("workshop_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var files: [String] = []
    for path in CommandLine.arguments.dropFirst() {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
        if isDirectory.boolValue {
            files += ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).map { path + "/" + $0 }
        } else {
            files.append(path)
        }
    }
    guard !files.isEmpty else {
        print("usage: workshop-fuzz FILE|DIR…  (replays inputs; make fuzz builds the libFuzzer version)")
        return 2
    }
    for file in files.sorted() {
        guard let data = FileManager.default.contents(atPath: file) else { continue }
        data.withUnsafeBytes { _ = fuzz($0.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, data.count) }
    }
    print("replayed \(files.count) inputs without a crash")
    return 0
}
#endif
