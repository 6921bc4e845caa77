import WorkshopModel

/// A line that fits no form: what was not understood, and what is accepted there.
extension GrammarRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .lineTooLong(let bytes, let maximum):
            return w("这一行有 \(bytes) 字节；一条命令最多 \(maximum) 字节", "the line is \(bytes) bytes long; a command line is at most \(maximum) bytes")
        case .controlCharacter(let codePoint):
            let code = "U+" + String(codePoint, radix: 16, uppercase: true).leftPadded(to: 4)
            return w("这一行含有控制字符 \(code)：请输入普通文字", "the line contains the control character \(code): type plain text")
        case .unclosedQuote(let column, let quote, let close):
            return w("第 \(column) 列的引号 \(quote) 没有闭合：请用 \(close) 闭合", "the quote \(quote) at column \(column) is never closed: close it with \(close)")
        case .unknownCommand(let word, let suggestion):
            let guess = suggestion.map { w("；您是不是要输入 \($0)？", "; did you mean \($0)?") } ?? ""
            return w("没有命令“\(word)”\(guess)（help 列出全部命令）", "unknown command '\(word)'\(guess) (help lists the commands)")
        case .unknownSubcommand(let command, let word, let suggestion, let expected):
            if let suggestion {
                return w("\(command)：不认识“\(word)”；您是不是要输入 \(suggestion)？（help \(command.firstWord) 查看用法）",
                            "\(command): unknown sub-command '\(word)'; did you mean \(suggestion)? (help \(command.firstWord) shows the usage)")
            }
            return w("\(command)：不认识“\(word)”；此处可写：\(w.expectations(expected))（help \(command.firstWord) 查看用法）",
                        "\(command): unknown sub-command '\(word)'; here it takes: \(w.expectations(expected)) (help \(command.firstWord) shows the usage)")
        case .missingSubcommand(let command, let expected):
            return w("\(command)：还要写明做什么：\(w.expectations(expected))（help \(command.firstWord) 查看用法）",
                        "\(command): say what to do: \(w.expectations(expected)) (help \(command.firstWord) shows the usage)")
        case .missingArgument(let command, let argument, let usage):
            return w("\(command)：缺少\(argument(w.language))；用法：\(usage(w.language))", "\(command): \(argument(w.language)) is missing; usage: \(usage(w.language))")
        case .unexpectedWords(let command, let words, let usage):
            return w("\(command)：多出了“\(words)”；含空格的文字请加引号（\"…\"）；用法：\(usage(w.language))",
                        "\(command): unexpected \"\(words)\"; quote text with spaces (\"…\"); usage: \(usage(w.language))")
        case .unknownOption(let command, let key, let suggestion, let accepted):
            let guess = suggestion.map { w("；您是不是要写 \($0)=？", "; did you mean \($0)=?") } ?? ""
            let takes = accepted.isEmpty ? w("（此命令不带选项）", " (it takes no options)")
                : w("（可用：\(accepted.joined(separator: ", "))）", " (it takes: \(accepted.joined(separator: ", ")))")
            return w("\(command) 没有选项 \(key)=\(guess)\(takes)", "\(command) does not take \(key)=\(guess)\(takes)")
        case .missingOption(let command, let key, let placeholder, let usage):
            return w("\(command)：缺少 \(key)=\(placeholder(w.language))；用法：\(usage(w.language))",
                        "\(command): \(key)=\(placeholder(w.language)) is missing; usage: \(usage(w.language))")
        case .emptyText(let argument, let key):
            // "门店不能为空", but "reason=文字 不能为空": a typed key keeps its space.
            let name = argument(w.language), typed = key.map { "\($0)=\(name)" }
            return w((typed.map { $0 + " " } ?? name) + "不能为空（也不能只有空格）：请写上内容", (typed ?? name) + " cannot be empty (nor only spaces): write it out")
        case .repeatedOption(let command, let key):
            return w("\(command)：\(key)= 只能写一次", "\(command): \(key)= is given twice; give it once")
        case .unknownHelpTopic(let word, let suggestion):
            let guess = suggestion.map { w("；您是不是要查 \($0)？", "; did you mean \($0)?") } ?? ""
            return w("没有命令“\(word)”\(guess)（help 列出全部命令）", "unknown command '\(word)'\(guess) (help lists the commands)")
        case .unknownHelpSubcommand(let command, let word, let suggestion, let accepted):
            let guess = suggestion.map { w("；您是不是要查 \(command) \($0)？", "; did you mean \(command) \($0)?") } ?? ""
            let list = accepted.isEmpty ? w("（\(command) 没有子命令：help \(command)）", " (\(command) has no sub-commands: help \(command))")
                                        : w("（可查：\(accepted.joined(separator: ", "))）", " (it has: \(accepted.joined(separator: ", ")))")
            return w("\(command) 没有子命令“\(word)”\(guess)", "\(command) has no sub-command '\(word)'\(guess)") + list
        }
    }
}

extension Wording {
    /// "add, list or 项号": what a form could take at a place in the line.
    func expectations(_ expected: [GrammarRefusal.Expectation]) -> String {
        either(expected.map {
            switch $0 {
            case .keyword(let word): return word
            case .argument(let placeholder): return placeholder(language)
            }
        })
    }

}

/// Someone not allowed: names the role needed and what the person has.
extension PermissionRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .signInFirst:
            return w("请先登录：login 姓名（脚本：--user 姓名，PIN 放在 WORKSHOP_PIN）",
                        "sign in first: login NAME (scripts: --user NAME with the PIN in WORKSHOP_PIN)")
        case .roleNeeded(let command, let needed, let person, let has):
            return w("\(command) 需要岗位 \(w.either(needed.map(w.role)))；\(person) 的岗位是 \(w.list(has.map(\.chinese)))",
                        "\(command) needs the role \(w.either(needed.map(w.role))); \(person) is \(w.list(has.map(\.english)))")
        }
    }
}

extension String {
    /// "supplement RO12" → "supplement"
    var firstWord: String { String(prefix { $0 != " " }) }

    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
