import WorkshopModel

/// The usage line of a form, generated from its declaration in both languages:
/// `supplement 单号|车牌 add 类别 文字 reason=文字 [promise=日期时间]`.
enum Usage {
    static func of(_ command: CommandSpec, _ form: Form) -> Phrase {
        Phrase(line(command, form, .zh), line(command, form, .en))
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
