// The workshop executable: wiring only. Reads the command line, opens the shop, picks where
// lines come from (terminal, pipe, script, -c) and returns the exit status.
import Foundation
import LineEditor
import WorkshopCLI
import WorkshopModel

/// Adapts libedit to the REPL's line source, for a person at a terminal: Ctrl-C drops the line
/// typed and shows a fresh prompt (an empty line runs nothing); Ctrl-D or `quit` leaves.
final class TerminalSource: LineSource {
    let editor: LineEditor
    init(editor: LineEditor) { self.editor = editor }
    func nextLine(prompt: String) throws -> String? {
        switch editor.read(prompt: prompt) {
        case .line(let line): return line
        case .interrupted:
            FileHandle.standardOutput.write(Data("^C\n".utf8))
            return ""
        case .end: return nil
        }
    }
}

func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Workshop could not start: the reason on stderr, and with --json also as a document on stdout.
func report(_ failure: LaunchFailure) -> Int32 {
    standardError("workshop: " + failure.text)
    if let json = failure.json { FileHandle.standardOutput.write(Data((json + "\n").utf8)) }
    return 2
}

func main() -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    let arguments = Array(CommandLine.arguments.dropFirst())
    let options: LaunchOptions
    do {
        options = try LaunchOptions(arguments: arguments)
    } catch {
        return report(LaunchWording.failure(error, environment: environment, arguments: arguments))
    }
    if options.showHelp {
        print(LaunchWording.usage(environment: environment, arguments: arguments))
        return 0
    }
    if let setup = options.setupServer {
        let outcome = SetupServerLaunch.run(setup, environment: environment)
        FileHandle.standardOutput.write(Data(outcome.stdout.utf8))
        FileHandle.standardError.write(Data(outcome.stderr.utf8))
        return outcome.status
    }
    if let migrate = options.migrate {
        let outcome = MigrateLaunch.run(migrate, environment: environment)
        FileHandle.standardOutput.write(Data(outcome.stdout.utf8))
        FileHandle.standardError.write(Data(outcome.stderr.utf8))
        return outcome.status
    }
    if options.showVersion {
        print(Version.text)
        return 0
    }
    let app: App
    do {
        app = try App(options: options, environment: environment)
    } catch {
        return report(LaunchWording.failure(error, environment: environment, arguments: arguments))
    }
    let terminal = isatty(0) != 0 && isatty(1) != 0
    if let user = options.user {
        do {
            let reader: ((String) -> String?)? = terminal ? { SecretReader.read(prompt: $0) } : nil
            try app.signIn(user, readSecret: reader)
        } catch {
            return report(app.failure(error))
        }
    } else if terminal {
        app.setSecretReader { SecretReader.read(prompt: $0) }
    }
    if let command = options.command {
        app.runCommand(command)
    } else if let script = options.script, script != "-" {
        guard let data = FileManager.default.contents(atPath: script) else {
            return report(app.unreadableScript(script))
        }
        app.runScript(script, contents: [UInt8](data))
    } else if terminal {
        let directory = LaunchOptions.dataDirectory(environment: environment)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let editor = LineEditor(historyPath: directory + "/history", recordable: { app.historyText($0) }) { word, before in
            app.completions(for: word, lineBefore: before)
        }
        print(app.banner)
        app.run(TerminalSource(editor: editor), interactive: true)
        return 0
    } else {
        app.run(ByteLineReader(descriptor: 0), interactive: false)
    }
    return app.exitStatus
}

exit(main())
