import SQLite
import WorkshopModel
import WorkshopStore

/// One person's working session on a shop database: who is signed in, the clock, the output
/// format. Executes one command line at a time, each in its own transaction.
final class Session {
    enum Format: String { case text, json }

    enum Outcome {
        case nothing
        case output(Output)
        case failure(String)
    }

    let store: Store
    var user: String
    /// The staff member signed in, nil until someone does.
    var signedIn: StaffMember?
    /// Something to tell the person after signing in (a PIN just set).
    var signInNote = ""
    /// Reads a PIN without echo at a terminal; nil when there is none.
    var readSecret: ((String) -> String?)?
    /// WORKSHOP_PIN: the PIN scripts sign in with.
    var environmentPIN: String?
    var fixedNow: Timestamp?
    var format: Format
    private(set) var shouldQuit = false
    var table: CommandTable!
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
    var language: Language { store.settings.language }

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
            throw UserError("the line is \(line.utf8.count) bytes long; a command line is at most \(maximumLineBytes) bytes")
        }
        if let bad = line.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F
                                                       || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }) {
            throw UserError("the line contains the control character U+\(String(format: "%04X", bad.value)): type plain text")
        }
    }

    /// The line as the journal keeps it: a PIN typed as pin=… never reaches the database.
    static func redacted(_ line: String) -> String {
        guard line.contains("pin") else { return line }
        return line.replacingOccurrences(of: #"(?i)\bpin\s*[=＝]\s*("[^"]*"|'[^']*'|\S+)"#, with: "pin=***", options: .regularExpression)
    }

    /// Executes one line: tokenize, find the command, run it in its transaction.
    func execute(_ line: String) -> Outcome {
        do {
            try Session.ensurePlainText(line)
            let tokens = try Tokenizer.tokenize(line)
            var invocation = Invocation(tokens: tokens, line: line)
            guard !invocation.name.isEmpty else { return .nothing }
            guard let command = table.find(invocation.name) else { throw table.unknown(invocation.name) }
            try Permission.check(command, invocation, session: self)
            store.context = ChangeContext(actor: user, command: Session.redacted(line.trimmingCharacters(in: .whitespaces)), now: now)
            let body = {
                let output = try command.run(&invocation, self)
                try invocation.ensureAllUsed()
                return output
            }
            var access = command.access
            if access == .write, let sub = invocation.peek()?.lowercased(), command.readingSubcommands.contains(sub) {
                access = .read
            }
            switch access {
            case .write: return .output(try store.write(body))
            case .read: return .output(try store.read(body))
            case .session: return .output(try body())
            }
        } catch let error as UserError {
            return .failure(error.message)
        } catch let error as SQLiteError where error.isBusy {
            return .failure("the shop database is busy (another terminal is writing and did not finish within 5 s); nothing was changed: try again")
        } catch let error as SQLiteError {
            return .failure("the database refused the change (\(error.message)); nothing was changed")
        } catch {
            return .failure("\(error)")
        }
    }
}
