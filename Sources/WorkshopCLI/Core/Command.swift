import WorkshopModel

/// A command of the REPL, described as data: the table generates `help`, completion and
/// "did you mean". `run` returns what to print or throws; it never reads input or exits.
struct Command: Sendable {
    enum Access {
        /// Changes data: runs in one IMMEDIATE transaction.
        case write
        /// Reads data: runs in one read transaction (a consistent snapshot).
        case read
        /// Changes only the session (format, clock, user) or drives other commands (source).
        case session
    }

    enum Group: String, CaseIterable {
        case reception = "Reception 接待"
        case order = "Repair order 维修单"
        case estimate = "Estimate and signature 报价与签字"
        case floor = "Workshop floor 车间"
        case cash = "Cash desk and release 结算与交车"
        case afterSales = "After-sales 售后"
        case catalog = "Price lists 工时与配件"
        case shop = "Shop and records 门店与记录"
        case session = "Session 会话"
    }

    let name: String
    var aliases: [String] = []
    let group: Group
    let summary: String
    let usage: [String]
    var examples: [String] = []
    let access: Access
    /// Sub-commands of a writing command that only read (`customer show`): they run as reads.
    var readingSubcommands: Set<String> = []
    /// Who may run the command when it writes (nil: anyone signed in).
    var roles: Set<Role>? = nil
    /// Sub-commands needing other roles than the command's (`supplement RO add` vs `… N approve`).
    var rolesBySubcommand: [String: Set<Role>] = [:]
    let run: @Sendable (inout Invocation, Session) throws -> Output
}

/// All commands, found by name or alias.
struct CommandTable {
    let commands: [Command]
    private let byName: [String: Int]

    init(_ commands: [Command]) {
        self.commands = commands
        var index: [String: Int] = [:]
        for (position, command) in commands.enumerated() {
            for word in [command.name] + command.aliases { index[word] = position }
        }
        self.byName = index
    }

    func find(_ word: String) -> Command? { byName[word.lowercased()].map { commands[$0] } }

    var allWords: [String] { commands.flatMap { [$0.name] + $0.aliases } }

    func unknown(_ word: String) -> UserError {
        var message = "unknown command '\(word)'"
        if let guess = Suggest.closest(to: word, among: allWords) { message += "; did you mean \(guess)?" }
        return UserError(message + " (help lists the commands)")
    }
}
