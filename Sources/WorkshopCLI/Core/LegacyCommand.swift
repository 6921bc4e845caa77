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
        var modern: CommandGroup {
            switch self {
            case .reception: return .reception
            case .order: return .order
            case .estimate: return .estimate
            case .floor: return .floor
            case .cash: return .cash
            case .afterSales: return .afterSales
            case .catalog: return .catalog
            case .shop: return .shop
            case .session: return .session
            }
        }

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
    let run: @Sendable (inout LegacyInvocation, Session) throws -> Output
}


extension CommandSpec {
    /// A command not yet declared form by form: one form that takes any words and options and checks
    /// them itself, with the old role rules, in its own transaction. Gone once every command is declared.
    init(legacy command: Command) {
        let run: @Sendable (Invocation, Session) throws -> Output = { invocation, s in
            var old = LegacyInvocation(tokens: try Tokenizer.tokenize(invocation.rawLine), line: invocation.rawLine)
            try LegacyPermission.check(command, old, session: s)
            let body = {
                let output = try command.run(&old, s)
                try old.ensureAllUsed()
                return output
            }
            var access = command.access
            if access == .write, let sub = old.peek()?.lowercased(), command.readingSubcommands.contains(sub) { access = .read }
            switch access {
            case .write: return try s.store.write(body)
            case .read: return try s.store.read(body)
            case .session: return try body()
            }
        }
        let summary = Phrase(command.summary, command.summary)
        self.init(command.name, aliases: command.aliases, group: command.group.modern, summary: summary, forms: [
            Form([], otherOptions: Phrase("…", "…"), access: .session, summary: summary, examples: command.examples, run: run),
            Form([listArg("words", .text)], otherOptions: Phrase("…", "…"), access: .session, summary: summary,
                 examples: command.examples, run: run),
        ])
    }
}

/// The old role rules, by sub-command word: only for commands not yet declared form by form.
enum LegacyPermission {
    static let all: Set<Role> = Set(Role.allCases)

    static func roles(for command: Command, _ invocation: LegacyInvocation) -> Set<Role>? {
        let words = invocation.positionals.prefix(3).map { $0.lowercased() }
        for word in words { if let roles = command.rolesBySubcommand[word] { return roles } }
        if words.prefix(2).contains(where: command.readingSubcommands.contains) { return nil }
        return command.access == .session ? nil : command.roles
    }

    static func check(_ command: Command, _ invocation: LegacyInvocation, session s: Session) throws {
        guard command.access != .session else { return }
        guard let member = s.signedIn else { throw PermissionRefusal.signInFirst }
        guard let needed = roles(for: command, invocation) else { return }
        guard needed.contains(where: member.has) else {
            throw PermissionRefusal.roleNeeded(command: command.name, needed: Role.allCases.filter(needed.contains),
                                               person: member.name, has: member.roles)
        }
    }
}
