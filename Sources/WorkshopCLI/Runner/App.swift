import Foundation
import SafeFiles
import WorkshopModel
import SQLite
import WorkshopStore

/// The program around the session: opens the shop database, reads lines from a terminal, a pipe,
/// a script or `-c`, prints results and errors, and decides the exit status. It never calls exit().
public final class App {
    let session: Session
    let bail: Bool
    private(set) var failures = 0
    /// The scripts being run, innermost last: `source` resolves a relative path against the
    /// directory of the script that names it, then against the working directory.
    private var scriptPaths: [String] = []
    private var stopped = false
    /// The clock --now asked for: set once the person signed in proves to be a manager.
    private var requestedNow: Timestamp?

    public init(options: LaunchOptions, environment: [String: String]) throws {
        let path = try options.resolvedDatabasePath(environment: environment)
        let onServer = LaunchOptions.isServer(path)
        // A file's papers go beside it; a server's, to the user's data folder on this machine.
        // PathText, not NSString: Foundation traps on a one-character path ("--db a").
        let directory = onServer ? LaunchOptions.dataDirectory(environment: environment) : PathText.folder(of: path)
        // The default database's folder is made at the first start (0700); a file named with --db or
        // WORKSHOP_DB is opened where it is said to be: a folder that is not there is a typo, and
        // a shop made there would be an empty one nobody meant.
        let named = options.databasePath != nil || !(environment["WORKSHOP_DB"] ?? "").isEmpty
        if !onServer, named, !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            throw LaunchRefusal.folderMissing(path: path, folder: directory)
        }
        if !directory.isEmpty { try? PrivateFolder.create(directory) }  // 0700; SQLite names what is wrong if it fails
        let user = options.user ?? "—"
        let store: Store
        do {
            let context = ChangeContext(actor: user, command: "", now: Timestamp.currentTime)
            // A server's anchor is this machine's witness of the chain's end, outside the server's
            // reach: in $WORKSHOP_ANCHOR or the data folder.
            let anchorFolder = environment["WORKSHOP_ANCHOR"].flatMap { $0.isEmpty ? nil : $0 } ?? directory
            store = try onServer ? Store(server: path, anchorFolder: anchorFolder, context: context) : Store(path: path, context: context)
        } catch {
            let reason = Wording(language: LaunchOptions.language(environment: environment, chosen: options.language), zone: .shanghai).refusal(error).text
            throw LaunchRefusal.cannotOpen(path: path, reason: reason)
        }
        if let now = options.now {
            // Applied only once a manager has signed in (signIn): nobody else moves the clock.
            requestedNow = try TimeParser.parse(now, zone: store.settings.timeZone, now: Timestamp.currentTime, field: "--now")
            guard options.user != nil else { throw LaunchRefusal.clockNeedsManager(person: nil) }
        }
        session = Session(store: store, user: user, now: nil, format: options.json ? .json : .text)
        if let language = options.language {
            guard let chosen = Language.parse(language) else {
                throw InputRefusal.notAccepted(field: "--language", given: language, accepted: Language.entries)
            }
            session.chosenLanguage = chosen
        }
        session.environmentPIN = environment["WORKSHOP_PIN"].flatMap { $0.isEmpty ? nil : $0 }
        session.signerPIN = environment["WORKSHOP_SIGNER_PIN"].flatMap { $0.isEmpty ? nil : $0 }
        bail = options.bail
        session.documentsDirectory = environment["WORKSHOP_DOCUMENTS"].flatMap { $0.isEmpty ? nil : $0 }
            ?? PathText.join(directory, "documents")
        session.templatesDirectory = App.findTemplates(environment: environment)
        session.runFile = { [unowned self] path in try self.runFile(path) }
    }

    /// $WORKSHOP_TEMPLATES, else Templates/ in the working directory, else the Templates/ folder of
    /// the installation (found by walking up from the executable).
    static func findTemplates(environment: [String: String]) -> String? {
        if let path = environment["WORKSHOP_TEMPLATES"], !path.isEmpty { return path }
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: "Templates/jobcard.html") { return "Templates" }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = directory.appendingPathComponent("Templates")
            if fileManager.fileExists(atPath: candidate.appendingPathComponent("jobcard.html").path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// Signs in the `--user` given on the command line: the PIN from WORKSHOP_PIN, or asked at a terminal.
    public func signIn(_ name: String, readSecret: ((String) -> String?)?) throws {
        session.readSecret = readSecret
        let pin = session.environmentPIN ?? readSecret?(session.t("\(name) 的 PIN：", "PIN for \(name): "))
        let member: StaffMember
        do {
            member = try Authentication.signIn(name, pin: pin, session: session)
        } catch {
            throw LaunchRefusal.cannotSignIn(reason: session.wording.refusal(error).text)
        }
        if let requestedNow {
            guard member.has(.manager) else { throw LaunchRefusal.clockNeedsManager(person: member.name) }
            // A late entry is dated at a time that has passed, never ahead of the real clock.
            try Gate.clock(requestedNow, real: Timestamp.currentTime)
            session.fixedNow = requestedNow
        }
    }

    /// Who is signed in now, if anyone.
    public var signedInName: String? { session.signedIn?.name }

    /// An error in the session's language (the shop's, once its database is open).
    /// A failure to start once the shop is open (signing in, an unreadable script), in the shop's language.
    public func failure(_ error: Error) -> LaunchFailure {
        LaunchFailure(session.wording.refusal(error), json: session.format == .json)
    }

    public func unreadableScript(_ path: String) -> LaunchFailure { failure(LaunchRefusal.unreadableScript(path: path)) }

    /// For a terminal: how PINs are asked for at `login`.
    public func setSecretReader(_ reader: @escaping (String) -> String?) { session.readSecret = reader }

    /// The exit status: 0 when every command succeeded, 1 when any failed.
    public var exitStatus: Int32 { failures == 0 ? 0 : 1 }

    public var prompt: String { "workshop> " }

    /// A line for a person starting the REPL.
    public var banner: String {
        let s = session
        let who = s.signedIn.map { s.t("用户 \($0.name)", "user \($0.name)") } ?? s.t("未登录（login 姓名）", "not signed in (login NAME)")
        return "Workshop — \(s.settings.name) · \(who) · " + s.t("输入 help 查看命令，quit 退出", "type help for commands, quit to leave")
    }

    /// Executes one line and returns whether it succeeded and what it would print, printing
    /// nothing: for benchmarks and programs embedding Workshop.
    public func execute(_ line: String) -> (ok: Bool, output: String) {
        switch session.execute(line) {
        case .nothing: return (true, "")
        case .output(let output): return (true, session.format == .json ? output.json.serialized() : output.text)
        case .failure(_, let message): return (false, message)
        }
    }

    /// Tests only: `observer` hears the text of every SQL statement the commands run.
    public func observeStatements(_ observer: @escaping (String) -> Void) { session.store.observeStatements(observer) }

    /// Tests only, on a server: `observer` hears every statement run with arguments, and them.
    public func observeServerStatements(_ observer: @escaping (String, [SQLValue]) -> Void) {
        session.store.observeServerStatements(observer)
    }

    /// Tests only: the round trips made to the shop's server so far, and how many of them prepared
    /// a statement (0 on a file).
    public var serverRoundTrips: (all: Int, preparations: Int) { session.store.serverRoundTrips }

    /// Tests only: `observer` hears both texts of every statement that differs between SQLite and
    /// PostgreSQL, as the commands run it.
    public func observePortableStatements(_ observer: @escaping (_ sqlite: String, _ postgres: String) -> Void) {
        session.store.observePortableStatements(observer)
    }

    /// Runs one command (`-c`).
    public func runCommand(_ line: String) {
        process(line, location: nil)
        idle(ending: true)
    }

    /// A person at a terminal: every idle moment between commands checkpoints the log.
    private var isInteractive = false

    /// The log's size (frames of about a page) past which a script or a pipe checkpoints between
    /// two commands: SQLite's own default for its automatic checkpoint, so the log stays as small
    /// as it always was.
    static let scriptCheckpointFrames = 1_000

    /// After a command's output is out: the write-ahead log's pages are copied into the database
    /// file now, outside any command, instead of inside the commit of whichever command crossed
    /// SQLite's mark. At a terminal after every write (the person is reading), in a script once
    /// the log has grown, and at the end of a run. The anchor file is synced on the same terms
    /// (in a script, once its bound draws near: `JournalAnchor.unsyncedEntries`).
    public func idle(ending: Bool = false) {
        let minimum = ending || isInteractive ? 1 : App.scriptCheckpointFrames
        session.store.checkpointWhenIdle(minimumFrames: minimum)
        session.store.anchorWhenIdle(syncNow: ending || isInteractive)
    }

    /// Runs every line from a source until its end, `quit`, or (with --bail) the first failure.
    /// `named` labels errors: "line N" for the main script, "FILE line N" inside `source`.
    public func runScript(_ path: String, contents: [UInt8]) {
        scriptPaths.append(path)
        defer { scriptPaths.removeLast() }
        run(ByteLineReader(contents: contents), interactive: false)
    }

    public func run(_ source: LineSource, interactive: Bool, named: String? = nil) {
        let wasInteractive = isInteractive
        isInteractive = interactive
        defer {
            isInteractive = wasInteractive
            idle(ending: true)
        }
        var number = 0
        while !stopped && !session.shouldQuit {
            number += 1
            let line: String?
            do {
                line = try source.nextLine(prompt: prompt)
            } catch {
                report(error, location: interactive ? nil : Location(file: named, line: number))
                if bail && !interactive { stopped = true }
                continue
            }
            guard let line else { break }
            let ok = process(line, location: interactive ? nil : Location(file: named, line: number))
            idle()
            if !ok && bail && !interactive { stopped = true }
        }
    }

    /// Where a failed line was: "第 3 行" / "line 3", with the file inside `source`.
    struct Location {
        var file: String?
        var line: Int

        func words(_ w: Wording) -> String {
            (file.map { $0 + " " } ?? "") + w("第 \(line) 行", "line \(line)")
        }
    }

    /// Executes a line and prints its result; false when it failed.
    @discardableResult
    func process(_ line: String, location: Location?) -> Bool {
        switch session.execute(line) {
        case .nothing:
            return true
        case .output(let output):
            if session.format == .json {
                write(output.json.serialized() + "\n", to: .standardOutput)
            } else if !output.text.isEmpty {
                write(output.text + "\n", to: .standardOutput)
            }
            return true
        case .failure(let code, let message):
            report(code: code, message: message, location: location)
            return false
        }
    }

    private func report(_ error: Error, location: Location?) {
        let (code, message) = session.wording.refusal(error)
        report(code: code, message: message, location: location)
    }

    /// A refusal on stderr in the session's language; with --json also as a document on stdout
    /// carrying its code.
    private func report(code: String, message: String, location: Location?) {
        failures += 1
        let w = session.wording
        if session.format == .json {
            var fields: [(String, JSON)] = [("ok", .bool(false)), ("code", .string(code)), ("error", .string(message))]
            if let location {
                fields.append(("at", .string(location.words(w))))
                fields.append(("line", .int(location.line)))
                if let file = location.file { fields.append(("file", .string(file))) }
            }
            write(JSON.object(fields).serialized() + "\n", to: .standardOutput)
        }
        write((location.map { $0.words(w) + w("：", ": ") } ?? w("错误：", "error: ")) + message + "\n", to: .standardError)
    }

    /// `source FILE`: the file's lines run as if typed, each its own transaction.
    private func runFile(_ given: String) throws -> (commands: Int, failures: Int) {
        guard scriptPaths.count < 16 else { throw SessionRefusal.sourceTooDeep(file: given) }
        var path = given
        if !given.hasPrefix("/"), let including = scriptPaths.last {
            let sibling = PathText.join(PathText.folder(of: including), given)
            if FileManager.default.fileExists(atPath: sibling) { path = sibling }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SessionRefusal.sourceUnreadable(file: given)
        }
        let before = failures
        var commands = 0
        scriptPaths.append(path)
        defer { scriptPaths.removeLast() }
        let reader = ByteLineReader(contents: [UInt8](data))
        var number = 0
        while !stopped && !session.shouldQuit {
            number += 1
            let line: String?
            do { line = try reader.nextLine(prompt: "") } catch {
                report(error, location: Location(file: path, line: number))
                continue
            }
            guard let line else { break }
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { continue }
            commands += 1
            if !process(line, location: Location(file: path, line: number)) && bail { stopped = true }
            // A sourced file is a script, even at a terminal: the log is checkpointed once it has grown.
            session.store.checkpointWhenIdle(minimumFrames: App.scriptCheckpointFrames)
            session.store.anchorWhenIdle(syncNow: false)
        }
        return (commands, failures - before)
    }

    private func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }

    // MARK: Completion

    /// What the terminal's history file keeps of a line typed: never a PIN.
    public func historyText(_ line: String) -> String? { session.historyText(line) }

    /// Candidates for Tab, from the grammar and the shop's data.
    public func completions(for word: String, lineBefore: String) -> [String] {
        Completion(table: session.table, store: session.store).candidates(for: word, lineBefore: lineBefore)
    }
}
