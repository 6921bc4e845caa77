import WorkshopModel

/// A command line parsed against its command's declaration: which form it is, and every argument
/// and option as a typed value. Only a complete, valid invocation ever reaches a command.
struct Invocation {
    let command: CommandSpec
    /// Which of the command's forms the line is.
    let formIndex: Int
    var form: Form { command.forms[formIndex] }
    /// The line as the journal and the history file keep it: a secret option's value (a PIN) is
    /// never in it, however it was spelled.
    let recordedLine: String
    private let values: [String: [Value]]
    /// `key=value` options a form with `otherOptions` takes as they were typed.
    let otherOptions: [(key: String, value: String)]

    init(command: CommandSpec, formIndex: Int, recordedLine: String, values: [String: [Value]],
         otherOptions: [(key: String, value: String)]) {
        self.command = command
        self.formIndex = formIndex
        self.recordedLine = recordedLine
        self.values = values
        self.otherOptions = otherOptions
    }

    /// "supplement approve": the command and the form's keywords, as help and refusals name it.
    var label: String { ([command.name] + form.keywords).joined(separator: " ") }

    /// The value of an argument or option, if given.
    func value<T: ParsedValue>(_ name: String) -> T? {
        assertDeclared(name)
        return values[name]?.first.flatMap(T.init)
    }

    /// Every value of a repeatable option or a list argument, in order.
    func values<T: ParsedValue>(_ name: String) -> [T] {
        assertDeclared(name)
        return (values[name] ?? []).compactMap(T.init)
    }

    /// A value the form declares as required: the parser has made sure it is there.
    func need<T: ParsedValue>(_ name: String) -> T {
        guard let value: T = value(name) else {
            preconditionFailure("\(label): \(name) is read as required but the form does not require it")
        }
        return value
    }

    /// The word of a vocabulary given for `name`.
    func choice<V: Vocabulary>(_ name: String, as type: V.Type = V.self) -> V? {
        (value(name) as String?).flatMap(V.init(code:))
    }

    func has(_ name: String) -> Bool {
        assertDeclared(name)
        return values[name] != nil
    }

    private func assertDeclared(_ name: String) {
        assert(form.option(name) != nil || form.words.contains {
            if case .argument(let argument) = $0 { return argument.name == name } else { return false }
        }, "\(label) reads \(name), which its form does not declare")
    }
}
