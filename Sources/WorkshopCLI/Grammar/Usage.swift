import WorkshopModel

/// The usage line of a form, generated from its declaration in both languages:
/// `supplement 单号|车牌 add 类别 文字 reason=文字 [promise=日期时间]`.
enum Usage {
    static func of(_ command: CommandSpec, _ form: Form) -> Phrase {
        Phrase(line(command, form, .zh), line(command, form, .en))
    }

    /// The form up to its last sub-command word, arguments by name: `damage 单号|车牌 remove`, so a
    /// table of forms shows where each word goes (not `damage remove`, which no form takes).
    static func shape(_ command: CommandSpec, _ form: Form, _ language: Language) -> String {
        guard let last = form.words.lastIndex(where: { if case .keyword = $0 { return true } else { return false } }),
              form.words[..<last].contains(where: { if case .argument = $0 { return true } else { return false } }) else {
            return ([command.name] + form.keywords).joined(separator: " ")
        }
        var parts = [command.name]
        for element in form.words[...last] {
            switch element {
            case .keyword(let keyword): parts.append(keyword.word)
            case .argument(let argument): parts.append(argument.type.placeholder(language))
            }
        }
        return parts.joined(separator: " ")
    }

    static func line(_ command: CommandSpec, _ form: Form, _ language: Language) -> String {
        var parts = [command.name]
        for element in form.words {
            switch element {
            case .keyword(let keyword): parts.append(keyword.word)
            case .argument(let argument):
                let name = argument.type.placeholder(language)
                switch argument.arity {
                case .one: parts.append(name)
                case .optional: parts.append("[\(name)]")
                case .text: parts.append("\(name)…")
                case .list: parts.append("\(name)…")
                case .optionalList: parts.append("[\(name)…]")
                }
            }
        }
        for option in form.options {
            let text = "\(option.key)=\(option.type.placeholder(language))"
            parts.append(option.required ? text : option.repeatable ? "[\(text)]…" : "[\(text)]")
        }
        if let other = form.otherOptions { parts.append("[\(other(language))]") }
        return parts.joined(separator: " ")
    }
}
