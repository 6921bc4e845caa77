import WorkshopModel

/// Where a command is listed in `help`.
enum CommandGroup: CaseIterable {
    case reception, order, estimate, floor, cash, afterSales, catalog, shop, session

    var title: Phrase {
        switch self {
        case .reception: return Phrase("接待", "Reception")
        case .order: return Phrase("维修单", "Repair order")
        case .estimate: return Phrase("报价与签字", "Estimate and signature")
        case .floor: return Phrase("车间", "Workshop floor")
        case .cash: return Phrase("结算与交车", "Cash desk and release")
        case .afterSales: return Phrase("售后", "After-sales")
        case .catalog: return Phrase("工时与配件", "Price lists")
        case .shop: return Phrase("门店与记录", "Shop and records")
        case .session: return Phrase("会话", "Session")
        }
    }
}

/// What running a form does to the shop's data, which decides its transaction.
enum Access {
    /// Changes data: one IMMEDIATE transaction, all or nothing.
    case write
    /// Reads data: one read transaction (a consistent snapshot).
    case read
    /// Changes only the session (format, user) or drives other lines (source): no sign-in needed.
    case session
}

/// A command of the REPL, declared as data: its forms say exactly which words and options it takes,
/// who may run each, and what each does. The parser, the permission check, `help`, `help roles`,
/// Tab completion and the tests all read this one declaration.
struct CommandSpec: Sendable {
    let name: String
    var aliases: [String] = []
    let group: CommandGroup
    let summary: Phrase
    let forms: [Form]

    init(_ name: String, aliases: [String] = [], group: CommandGroup, summary: Phrase, forms: [Form]) {
        self.name = name
        self.aliases = aliases
        self.group = group
        self.summary = summary
        self.forms = forms
    }
}

/// One way of using a command: the words in order (sub-command keywords and typed arguments), the
/// `key=value` options, who may run it, and what it does.
struct Form: Sendable {
    let words: [Element]
    var options: [OptionSpec] = []
    /// When set, any other `key=value` is handed to the command, which checks it before doing
    /// anything (an inspection's checklist items, whose codes are the shop's data). Says what they are.
    var otherOptions: Phrase?
    let access: Access
    /// Who may run it. nil: anyone signed in (for `.session`: anyone at all).
    var roles: Set<Role>?
    let summary: Phrase
    let examples: [String]
    let run: @Sendable (Invocation, Session) throws -> Output
    /// The argument naming whose PIN this form changes: one's own asks for the current PIN first,
    /// before the command's transaction (like a sign-off), so a wrong one is counted even so.
    var changesPINOf: String?

    init(_ words: [Element], options: [OptionSpec] = [], otherOptions: Phrase? = nil, access: Access, roles: Set<Role>? = nil,
         changesPINOf: String? = nil, summary: Phrase, examples: [String], run: @escaping @Sendable (Invocation, Session) throws -> Output) {
        self.words = words
        self.options = options
        self.otherOptions = otherOptions
        self.access = access
        self.roles = roles
        self.changesPINOf = changesPINOf
        self.summary = summary
        self.examples = examples
        self.run = run
    }

    /// The sub-command keywords of this form, e.g. ["add"] for `supplement RO add …`.
    var keywords: [String] {
        words.compactMap { if case .keyword(let keyword) = $0 { return keyword.word } else { return nil } }
    }

    func option(_ key: String) -> OptionSpec? { options.first { $0.key == key || $0.aliases.contains(key) } }
}

/// A word of a form: a sub-command keyword, or an argument read as a typed value.
enum Element: Sendable {
    case keyword(Keyword)
    case argument(Argument)
}

struct Keyword: Sendable {
    let word: String
    let aliases: [String]

    func matches(_ text: String) -> Bool {
        let lower = text.lowercased()
        return word == lower || aliases.contains(lower) || aliases.contains(text)
    }
}

struct Argument: Sendable {
    enum Arity: Sendable {
        /// Exactly one word.
        case one
        /// One word, or none.
        case optional
        /// The rest of the words (at least one), joined with spaces: free text without quotes.
        case text
        /// The rest of the words, each a value (at least one).
        case list
        /// The rest of the words, each a value, perhaps none.
        case optionalList
    }

    let name: String
    let type: ValueType
    let arity: Arity
}

struct OptionSpec: Sendable {
    let key: String
    var aliases: [String] = []
    let type: ValueType
    var required = false
    var repeatable = false
    /// Never written to the journal or the history file as typed (a PIN).
    var secret = false
    /// The person named here signs for the shop (an authorisation, an inspection, an answer to a
    /// complaint): they must hold one of these roles and confirm with their own PIN, unless they
    /// are the one signed in. Checked before the command runs.
    var signOff: Set<Role>?
}

// MARK: Building forms

/// A sub-command keyword, with the other spellings people type.
func word(_ word: String, _ aliases: String...) -> Element { .keyword(Keyword(word: word, aliases: aliases)) }
/// One argument.
func arg(_ name: String, _ type: ValueType) -> Element { .argument(Argument(name: name, type: type, arity: .one)) }
/// One argument that may be left out.
func optionalArg(_ name: String, _ type: ValueType) -> Element { .argument(Argument(name: name, type: type, arity: .optional)) }
/// The rest of the line as one text ("前刹车片磨损 建议更换" needs no quotes).
func textArg(_ name: String, _ type: ValueType = .text) -> Element { .argument(Argument(name: name, type: type, arity: .text)) }
/// The rest of the line as a list of values (belongings add 备胎 千斤顶 脚垫x4).
func listArg(_ name: String, _ type: ValueType) -> Element { .argument(Argument(name: name, type: type, arity: .list)) }
/// The rest of the line as a list of values, perhaps none.
func optionalListArg(_ name: String, _ type: ValueType) -> Element { .argument(Argument(name: name, type: type, arity: .optionalList)) }

/// An option that may be left out.
func option(_ key: String, _ type: ValueType, aliases: [String] = []) -> OptionSpec { OptionSpec(key: key, aliases: aliases, type: type) }
/// An option that must be given.
func required(_ key: String, _ type: ValueType, aliases: [String] = []) -> OptionSpec {
    OptionSpec(key: key, aliases: aliases, type: type, required: true)
}
/// An option that may be given several times (job=A job=B).
func repeated(_ key: String, _ type: ValueType) -> OptionSpec { OptionSpec(key: key, type: type, repeatable: true) }
/// The person who signs for the shop, confirming with their PIN unless signed in (`authorized=钱主管`).
func signer(_ key: String, roles: Set<Role>, required isRequired: Bool = false) -> OptionSpec {
    OptionSpec(key: key, type: .staff, required: isRequired, signOff: roles)
}
/// A PIN: read like any option, never recorded as typed.
func secret(_ key: String) -> OptionSpec { OptionSpec(key: key, type: .text("PIN", "PIN"), secret: true) }
