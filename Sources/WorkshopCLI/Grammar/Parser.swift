import WorkshopModel

/// Reads a command line into an `Invocation` of one form of one command, or refuses it saying what
/// was not understood and what is accepted there. It reads the database not at all: nothing has
/// happened when it refuses.
struct Parser {
    let table: CommandTable
    let context: ParseContext

    func parse(_ line: String) throws -> Invocation? {
        let tokens = joiningDateAndTime(try Tokenizer.tokenize(line))
        guard let first = tokens.first else { return nil }
        guard first.key == nil else {
            throw GrammarRefusal.unknownCommand(word: "\(first.key!)=\(first.text)", suggestion: nil)
        }
        guard let command = table.find(first.text) else {
            throw GrammarRefusal.unknownCommand(word: first.text, suggestion: Suggest.closest(to: first.text, among: table.allWords))
        }
        let words = tokens.dropFirst().filter { $0.key == nil }.map(\.text)
        let options = tokens.filter { $0.key != nil }.map { (key: $0.key!, value: $0.text) }
        let chosen = try chooseForm(command, words: words, optionKeys: options.map(\.key))
        let form = chosen.form
        var values = chosen.values
        var other: [(key: String, value: String)] = []
        try readOptions(options, of: form, command: command, into: &values, other: &other)
        return Invocation(command: command, formIndex: chosen.index, recordedLine: recorded(tokens, form: form),
                          values: values, otherOptions: other)
    }

    // MARK: Choosing the form

    private struct Attempt {
        let index: Int
        let form: Form
        /// How many words fitted before the failure.
        let fitted: Int
        let failure: Failure?
        /// The arguments read, when the words fit.
        var values: [String: [Value]] = [:]
    }

    private enum Failure {
        case keyword(word: String?, expected: Keyword)
        case missingArgument(Argument)
        case badValue(Error)
        case extraWords([String])
    }

    /// The form the line fits, with its arguments read, or the refusal that says why it fits none.
    private func chooseForm(_ command: CommandSpec, words: [String], optionKeys: [String]) throws -> Attempt {
        let attempts = command.forms.indices.map { fit(command.forms[$0], index: $0, words) }
        let fits = attempts.filter { $0.failure == nil }
        if !fits.isEmpty {
            // Several forms take these words (`estimate RO` and `estimate RO method=…`; `print day
            // jobcard` and `print ORDER DOCUMENT`): the one that declares the options given, then the
            // one whose keywords matched more words; among equals, the first declared.
            func rank(_ attempt: Attempt) -> (Int, Int) { (declared(optionKeys, by: attempt.form), attempt.form.keywords.count) }
            let best = fits.max { rank($0) < rank($1) }!
            return fits.first { rank($0) == rank(best) }!
        }
        // A text given as "" where another form wanted a keyword (`damage RO9 ""`): the empty text is what is wrong.
        for attempt in attempts {
            if case .badValue(let error) = attempt.failure, case .emptyText? = error as? GrammarRefusal { throw error }
        }
        // A keyword mistyped anywhere: the person meant that sub-command.
        for attempt in attempts {
            if case .keyword(let word?, let expected) = attempt.failure,
               let guess = Suggest.closest(to: word, among: [expected.word]) {
                throw GrammarRefusal.unknownSubcommand(command: understood(command, words, attempt.fitted), word: word,
                                                      suggestion: guess, expected: expectations(attempts, at: attempt.fitted))
            }
        }
        let furthest = attempts.map { $0.fitted }.max() ?? 0
        let there = attempts.filter { $0.fitted == furthest }
        let label = understood(command, words, furthest)
        if there.contains(where: { if case .keyword = $0.failure { return true } else { return false } }) {
            let expected = expectations(attempts, at: furthest)
            if furthest < words.count {
                throw GrammarRefusal.unknownSubcommand(command: label, word: words[furthest], suggestion: nil, expected: expected)
            }
            throw GrammarRefusal.missingSubcommand(command: label, expected: expected)
        }
        for attempt in there {
            if case .badValue(let error) = attempt.failure { throw error }
        }
        for attempt in there {
            if case .missingArgument(let argument) = attempt.failure {
                throw GrammarRefusal.missingArgument(command: label, argument: argument.type.placeholder,
                                                     usage: Usage.of(command, attempt.form))
            }
        }
        let attempt = there[0]
        if case .extraWords(let extra) = attempt.failure {
            throw GrammarRefusal.unexpectedWords(command: label, words: extra.joined(separator: " "), usage: Usage.of(command, attempt.form))
        }
        preconditionFailure("a failed attempt without a failure")
    }

    /// Fits the words to a form, reading each argument as its type.
    private func fit(_ form: Form, index formIndex: Int, _ words: [String]) -> Attempt {
        var index = 0
        var values: [String: [Value]] = [:]
        func failed(_ failure: Failure) -> Attempt { Attempt(index: formIndex, form: form, fitted: index, failure: failure) }
        for element in form.words {
            switch element {
            case .keyword(let keyword):
                guard index < words.count, keyword.matches(words[index]) else {
                    return failed(.keyword(word: index < words.count ? words[index] : nil, expected: keyword))
                }
                index += 1
            case .argument(let argument):
                // One word, or the rest of the line; an optional argument may take none.
                let take = argument.arity == .one || argument.arity == .optional ? min(1, words.count - index) : words.count - index
                if take == 0 {
                    if argument.arity == .optional || argument.arity == .optionalList { continue }
                    return failed(.missingArgument(argument))
                }
                do {
                    values[argument.name] = try read(argument, Array(words[index..<index + take]))
                } catch {
                    return failed(.badValue(error))
                }
                index += take
            }
        }
        if index < words.count { return failed(.extraWords(Array(words[index...]))) }
        return Attempt(index: formIndex, form: form, fitted: index, failure: nil, values: values)
    }

    private func declared(_ keys: [String], by form: Form) -> Int { keys.filter { form.option($0) != nil }.count }

    /// "supplement RO12": the command and the words that fitted, for refusals.
    private func understood(_ command: CommandSpec, _ words: [String], _ count: Int) -> String {
        ([command.name] + words.prefix(count)).joined(separator: " ")
    }

    /// What the forms that got this far could take next.
    private func expectations(_ attempts: [Attempt], at position: Int) -> [GrammarRefusal.Expectation] {
        var result: [GrammarRefusal.Expectation] = []
        for attempt in attempts where attempt.fitted == position {
            let next: GrammarRefusal.Expectation?
            switch attempt.failure {
            case .keyword(_, let expected)?: next = .keyword(expected.word)
            case .missingArgument(let argument)?: next = .argument(argument.type.placeholder)
            case .badValue?:
                next = nextArgument(of: attempt.form, after: position).map { .argument($0.type.placeholder) }
            default: next = nil
            }
            if let next, !result.contains(next) { result.append(next) }
        }
        return result
    }

    private func nextArgument(of form: Form, after position: Int) -> Argument? {
        var index = 0
        for element in form.words {
            if index == position, case .argument(let argument) = element { return argument }
            index += 1
        }
        return nil
    }

    // MARK: Reading values

    private func read(_ argument: Argument, _ words: [String]) throws -> [Value] {
        let given = argument.arity == .text ? [words.joined(separator: " ")] : words
        // A text argument typed as "" (or spaces) names nothing: refused by its name, never kept blank.
        if argument.type.isText, given.contains(where: \.isBlank) {
            throw GrammarRefusal.emptyText(argument: argument.type.placeholder, key: nil)
        }
        // A word on the line has no key to name in a refusal: the refusal quotes the word itself.
        return try given.map { try argument.type.read($0, "", context) }
    }

    private func readOptions(_ options: [(key: String, value: String)], of form: Form, command: CommandSpec,
                             into values: inout [String: [Value]], other: inout [(key: String, value: String)]) throws {
        let label = ([command.name] + form.keywords).joined(separator: " ")
        for (key, text) in options {
            guard let spec = form.option(key) else {
                if form.otherOptions != nil {
                    other.append((key, text))
                    continue
                }
                let keys = form.options.map(\.key)
                throw GrammarRefusal.unknownOption(command: label, key: key, suggestion: Suggest.closest(to: key, among: keys), accepted: keys)
            }
            if values[spec.key] != nil && !spec.repeatable {
                throw GrammarRefusal.repeatedOption(command: label, key: spec.key)
            }
            let blank = text.isBlank
            if blank && spec.required {
                throw GrammarRefusal.missingOption(command: label, key: spec.key, placeholder: spec.type.placeholder,
                                                   usage: Usage.of(command, form))
            }
            // `key=` (nothing) clears an optional field where a command allows it; spaces alone are no text.
            if blank && !text.isEmpty && spec.type.isText {
                throw GrammarRefusal.emptyText(argument: spec.type.placeholder, key: spec.key)
            }
            values[spec.key, default: []].append(try spec.type.read(text, key, context))
        }
        for spec in form.options where spec.required && values[spec.key] == nil {
            throw GrammarRefusal.missingOption(command: label, key: spec.key, placeholder: spec.type.placeholder,
                                               usage: Usage.of(command, form))
        }
    }

    // MARK: The line as recorded

    /// The line rebuilt from its words, with a secret option's value replaced: what the journal keeps.
    private func recorded(_ tokens: [Token], form: Form) -> String {
        Parser.masked(tokens) { form.option($0)?.secret == true }
    }

    /// The words of a line with every `pin=` (however it was spelled: the tokenizer lower-cases keys
    /// and reads a full-width ＝) and every `isSecret` key's value replaced.
    static func masked(_ tokens: [Token], isSecret: (String) -> Bool = { _ in false }) -> String {
        tokens.map { token in
            guard let key = token.key else { return quoted(token.text) }
            if key == "pin" || isSecret(key) { return "\(key)=***" }
            return "\(key)=" + quoted(token.text)
        }.joined(separator: " ")
    }

    static func quoted(_ text: String) -> String {
        guard text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "#" || $0 == "\u{3000}" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A date and a time typed as two words ("2026-11-22 14:30", "明天 9:00") are one value.
    private func joiningDateAndTime(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        for token in tokens {
            if token.key == nil, let previous = result.last, result.count > 1, TimeParser.looksLikeTimeOfDay(token.text),
               TimeParser.isDateWord(previous.text) {
                result[result.count - 1].text += " " + token.text
                continue
            }
            result.append(token)
        }
        return result
    }
}
