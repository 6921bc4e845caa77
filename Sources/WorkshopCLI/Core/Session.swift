import SQLite
import WorkshopModel
import WorkshopStore

/// One person's working session on a shop database: who is signed in, the clock, the output
/// format. Executes one command line at a time, each in its own transaction.
final class Session {
    enum Format: String, CaseIterable, Sendable { case text, json }

    enum Outcome {
        case nothing
        case output(Output)
        /// A refusal: its stable code (for programs) and the sentence, in the session's language.
        case failure(code: String, message: String)
    }

    let store: Store
    var user: String
    /// The staff member signed in, nil until someone does. Their site is the session's (Store.siteID).
    var signedIn: StaffMember? {
        didSet { store.siteID = signedIn?.siteID }
    }
    /// Something to tell the person after signing in (a PIN just set).
    var signInNote = ""
    /// Reads a PIN without echo at a terminal; nil when there is none.
    var readSecret: ((String) -> String?)?
    /// WORKSHOP_PIN: the PIN scripts sign in with.
    var environmentPIN: String?
    /// WORKSHOP_SIGNER_PIN: the PIN a script gives for someone else's sign-off (never WORKSHOP_PIN).
    var signerPIN: String?
    var fixedNow: Timestamp?
    var format: Format
    private(set) var shouldQuit = false
    var table: CommandTable
    /// The language of this session, when it is not the shop's (`set language en`).
    var chosenLanguage: Language?
    /// Where `print` writes documents by default: `documents/` beside the database.
    var documentsDirectory = "documents"
    /// The folder of HTML templates, if one was found.
    var templatesDirectory: String?
    /// Runs a script file's lines as if typed, printing as it goes; set by the runner.
    var runFile: ((String) throws -> (commands: Int, failures: Int))?

    init(store: Store, user: String, now: Timestamp?, format: Format) {
        self.store = store
        self.user = user
        self.fixedNow = now
        self.format = format
        self.table = CommandTable(Commands.all)
    }

    var now: Timestamp { fixedNow ?? Timestamp.currentTime }
    var settings: ShopSettings { store.settings }
    var zone: ShopZone { store.settings.timeZone }
    var language: Language { chosenLanguage ?? store.settings.language }
    var wording: Wording { Wording(language: language, zone: zone) }

    /// Picks the label for the shop's language.
    func t(_ chinese: String, _ english: String) -> String { language == .zh ? chinese : english }

    func formatTime(_ instant: Timestamp?) -> String { instant.map(zone.format) ?? "" }

    func parseTime(_ text: String, field: String) throws -> Timestamp {
        try TimeParser.parse(text, zone: zone, now: now, field: field)
    }

    func quit() { shouldQuit = true }

    static let maximumLineBytes = 65_536

    /// A command line is text a person could type: not enormous, no control characters (which
    /// would garble screens and documents later).
    static func ensurePlainText(_ line: String) throws {
        guard line.utf8.count <= maximumLineBytes else {
            throw GrammarRefusal.lineTooLong(bytes: line.utf8.count, maximum: maximumLineBytes)
        }
        // A byte-order mark that an editor put at the very start of a script is not typed text.
        var scalars = Substring(line).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        if let bad = scalars.first(where: isInvisible) {
            throw GrammarRefusal.controlCharacter(codePoint: bad.value)
        }
    }

    /// The line as the history file keeps it: never a PIN, however it was typed; a line that cannot
    /// even be split into words is not kept.
    func historyText(_ line: String) -> String? {
        guard (try? Session.ensurePlainText(line)) != nil, let tokens = try? Tokenizer.tokenize(line), !tokens.isEmpty else { return nil }
        if let invocation = try? Parser(table: table, context: ParseContext(zone: zone, now: now)).parse(line) {
            return invocation.recordedLine
        }
        return Parser.masked(tokens)
    }

    /// Everyone named as signing for the shop confirms it (their PIN, unless they are signed in).
    private func confirmSignOffs(_ invocation: Invocation) throws {
        for option in invocation.form.options {
            guard let roles = option.signOff, let name: String = invocation.value(option.key) else { continue }
            _ = try Authentication.confirmSignOff(name, roles: roles, for: invocation.label, session: self,
                                                  chinese: invocation.command.aliases.first { !$0.allSatisfy(\.isASCII) })
        }
    }

    /// Changing one's own PIN: the current one first (PINAttempts.changeNeedsCurrentPIN).
    private func confirmCurrentPIN(_ invocation: Invocation) throws {
        guard let key = invocation.form.changesPINOf, let name: String = invocation.value(key),
              let account = try store.read({ try store.account(named: name) }),
              PINAttempts.changeNeedsCurrentPIN(of: account.member.name, signedIn: signedIn?.name, hasPIN: account.pinHash != nil) else { return }
        try Authentication.confirmCurrentPIN(account.member.name, session: self)
    }

    /// Characters a person cannot see or that change how text around them shows: C0 and C1
    /// controls, line and paragraph separators, bidirectional marks and overrides, zero-width
    /// characters and the word joiner. A tab is typed; a byte-order mark inside a line is not.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if scalar == "\t" { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            || v == 0x200E || v == 0x200F || v == 0x061C || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || (0x200B...0x200D).contains(v) || v == 0x2060 || v == 0xFEFF || v == 0x180E
    }

    /// Executes one line: parse it against the grammar, check who is asking, run it in its
    /// transaction, then do what must wait for the commit (printing).
    func execute(_ line: String) -> Outcome {
        do {
            try Session.ensurePlainText(line)
            guard let invocation = try Parser(table: table, context: ParseContext(zone: zone, now: now)).parse(line) else {
                return .nothing
            }
            try Permission.check(invocation, session: self)
            // A read-only database refuses a change in words, before anyone is asked for a PIN.
            if invocation.form.access == .write { try store.ensureWritable() }
            try confirmSignOffs(invocation)
            try confirmCurrentPIN(invocation)
            store.context = ChangeContext(actor: user, command: invocation.recordedLine, now: now, recordedAt: Timestamp.currentTime)
            // Only the form this session prints is made, inside the command's transaction.
            let run = { () throws -> Output in
                var output = try invocation.form.run(invocation, self)
                output.settle(self.format)
                return output
            }
            var output: Output
            switch invocation.form.access {
            case .write: output = try store.write(run)
            case .read: output = try store.read(run)
            case .session: output = try run()
            }
            if let afterCommit = output.afterCommit {
                output = try afterCommit()
                output.settle(format)
            }
            return .output(output)
        } catch {
            let (code, message) = wording.refusal(error)
            return .failure(code: code, message: message)
        }
    }
}

extension Session {
    /// Who authorises what needs a manager: the manager named in `authorized=` (who proved it with
    /// their PIN before the command ran), or a manager doing it signed in. Nil: no manager.
    func authorizingManager(_ invocation: Invocation) throws -> String? {
        if invocation.form.options.contains(where: { $0.key == "authorized" }), let named: String = invocation.value("authorized") {
            return try store.staff(named, role: .manager).name
        }
        return signedIn?.has(.manager) == true ? user : nil
    }
}
