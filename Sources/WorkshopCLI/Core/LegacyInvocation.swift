import WorkshopModel

/// A parsed command line: the command word, its positional words, and its `key=value` options.
/// Commands take what they need; whatever is left unused at the end is refused, so a mistyped
/// option never passes silently.
struct LegacyInvocation {
    let name: String
    let line: String
    private(set) var positionals: [String]
    private var cursor = 0
    private let options: [(key: String, value: String)]
    private var usedKeys: Set<String> = []
    /// The option keys this command asked about: what it accepts, for "did you mean".
    private(set) var askedKeys: [String] = []

    init(tokens: [Token], line: String) {
        var words: [String] = []
        var options: [(key: String, value: String)] = []
        // A date and a time typed as two words ("2026-11-22 14:30", "明天 9:00") are one value.
        for (index, token) in tokens.enumerated() {
            if token.key == nil, index > 0, TimeParser.isTimeOfDay(token.text),
               TimeParser.isDateWord(tokens[index - 1].text) {
                if tokens[index - 1].key != nil {
                    options[options.count - 1].value += " " + token.text
                    continue
                } else if words.count > 1 {
                    words[words.count - 1] += " " + token.text
                    continue
                }
            }
            if let key = token.key {
                options.append((key, token.text))
            } else {
                words.append(token.text)
            }
        }
        self.name = words.first?.lowercased() ?? ""
        self.positionals = Array(words.dropFirst())
        self.options = options
        self.line = line
    }

    // MARK: Positional words

    /// The next positional word, consumed.
    mutating func next() -> String? {
        guard cursor < positionals.count else { return nil }
        defer { cursor += 1 }
        return positionals[cursor]
    }

    /// The next positional word without consuming it.
    func peek() -> String? { cursor < positionals.count ? positionals[cursor] : nil }

    /// The next positional word, or an error naming what was expected.
    mutating func required(_ what: String, usage: String) throws -> String {
        guard let word = next() else { throw UserError("\(name): \(what) is missing; usage: \(usage)") }
        return word
    }

    /// All positional words left, consumed.
    mutating func rest() -> [String] {
        defer { cursor = positionals.count }
        return Array(positionals[min(cursor, positionals.count)...])
    }

    // MARK: Options

    /// The value of `key=…`, if given (the last one when repeated).
    mutating func option(_ key: String) -> String? {
        note(key)
        return options.last { $0.key == key }?.value
    }

    /// Every value given for a repeatable option, in order.
    mutating func options(_ key: String) -> [String] {
        note(key)
        return options.filter { $0.key == key }.map(\.value)
    }

    /// Every option given, in order, marked as used; for commands that accept arbitrary keys.
    mutating func allOptions(accepting keys: [String]) -> [(key: String, value: String)] {
        for key in keys { note(key) }
        return options.filter { keys.contains($0.key) }
    }

    mutating func requiredOption(_ key: String, example: String) throws -> String {
        guard let value = option(key), !value.isEmpty else {
            throw UserError("\(name): \(key)= is missing, e.g. \(example)")
        }
        return value
    }

    func has(_ key: String) -> Bool { options.contains { $0.key == key } }

    var hasOptions: Bool { !options.isEmpty }

    private mutating func note(_ key: String) {
        usedKeys.insert(key)
        if !askedKeys.contains(key) { askedKeys.append(key) }
    }

    /// Refuses options the command did not use and words it did not expect.
    func ensureAllUsed() throws {
        if let unknown = options.first(where: { !usedKeys.contains($0.key) }) {
            var message = "\(name) does not take \(unknown.key)="
            if let guess = Suggest.closest(to: unknown.key, among: askedKeys) {
                message += "; did you mean \(guess)=?"
            }
            if !askedKeys.isEmpty {
                message += " (it takes: \(askedKeys.joined(separator: ", ")))"
            }
            throw UserError(message)
        }
        if cursor < positionals.count {
            let extra = positionals[cursor...].joined(separator: " ")
            throw UserError("\(name): unexpected \"\(extra)\"; quote text with spaces (\"…\") or see help \(name)")
        }
    }
}

