import WorkshopModel

/// `help`, `help COMMAND` and `help roles`, generated from the declarations: what they say is
/// exactly what the parser and the permission check enforce.
enum Help {
    static func overview(_ s: Session) -> Output {
        let l = s.language
        var text = "Workshop — " + s.t("一行一条命令：命令 [子命令] 参数… key=value…；help 命令 查看详细用法",
                                       "one command a line: command [sub] words… key=value…; help COMMAND explains one")
        var groups: [JSON] = []
        for group in CommandGroup.allCases {
            let commands = s.table.commands.filter { $0.group == group }
            guard !commands.isEmpty else { continue }
            var table = TextTable(["", ""])
            table.maximumWidth = 100
            for command in commands { table.add([command.name, command.summary(l)]) }
            // Drop the empty header line the table would print.
            text += "\n\n" + group.title(l) + "\n"
                + table.render().split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
            groups.append(.object([("group", .string(group.title(l))), ("commands", .array(commands.map {
                .object([("name", .string($0.name)), ("summary", .string($0.summary(l)))])
            }))]))
        }
        text += "\n\n" + s.t("谁能做什么：help roles", "who may do what: help roles")
        text += "\n" + s.t("日期时间写作 2026-11-22 14:30（门店时区 \(s.zone.identifier)）；文字含空格时加引号 \"…\"",
                           "dates and times: 2026-11-22 14:30 in the shop's zone (\(s.zone.identifier)); quote text with spaces \"…\"")
        return Output(text: text, json: .object([("groups", .array(groups))]))
    }

    /// A command's help: every form, or only `only` (help ro list).
    static func command(_ command: CommandSpec, _ s: Session, only: [Form]? = nil) -> Output {
        let shown = only ?? command.forms
        let l = s.language
        var text = "\(command.name) — \(command.summary(l))"
        if !command.aliases.isEmpty { text += "\n  " + s.t("别名：", "aliases: ") + command.aliases.joined(separator: ", ") }
        text += "\n\n" + s.t("用法：", "usage:")
        var forms: [JSON] = []
        for form in shown {
            text += "\n  " + Usage.line(command, form, l)
            text += "\n      " + form.summary(l) + " · " + who(form, s)
            forms.append(.object([("usage", .string(Usage.line(command, form, l))), ("summary", .string(form.summary(l))),
                                  ("roles", .array(roles(form).map { .string($0.code) })),
                                  ("writes", .bool(form.access == .write)),
                                  ("examples", .array(form.examples.map { .string($0) }))]))
        }
        let examples = shown.flatMap(\.examples)
        if !examples.isEmpty { text += "\n\n" + s.t("示例：", "examples:") + "\n" + examples.map { "  \($0)" }.joined(separator: "\n") }
        return Output(text: text, json: .object([("command", .string(command.name)), ("summary", .string(command.summary(l))),
                                                 ("aliases", .array(command.aliases.map { .string($0) })), ("forms", .array(forms))]))
    }

    /// The roles that may run a form (every role, when anyone signed in may).
    static func roles(_ form: Form) -> [Role] {
        form.roles.map { roles in Role.allCases.filter(roles.contains) } ?? Role.allCases
    }

    /// "谁可以：服务顾问、经理" / "anyone signed in"
    static func who(_ form: Form, _ s: Session) -> String {
        switch form.access {
        case .session where form.roles == nil: return s.t("任何人", "anyone")
        case .session, .read, .write:
            guard let roles = form.roles else { return s.t("登录即可", "anyone signed in") }
            return s.t("岗位：", "roles: ") + Role.allCases.filter(roles.contains).map { $0.label(s.language) }.joined(separator: s.t("、", ", "))
        }
    }

    /// The permission table: every form that needs someone signed in × every role.
    static func roles(_ s: Session) -> Output {
        var table = TextTable([s.t("命令", "Command")] + Role.allCases.map { $0.label(s.language) })
        var rows: [JSON] = []
        var seen: Set<String> = []
        for command in s.table.commands {
            for form in command.forms where form.access != .session {
                let label = ([command.name] + form.keywords).joined(separator: " ")
                guard seen.insert(label + "\(form.access == .write)").inserted else { continue }
                let allowed = roles(form)
                let reading = form.access != .write && form.roles == nil
                table.add([Usage.shape(command, form, s.language) + (reading ? s.t("（查看）", " (read)") : "")] + Role.allCases.map { allowed.contains($0) ? "●" : "" })
                rows.append(.object([("command", .string(label)), ("writes", .bool(form.access == .write)),
                                     ("roles", .array(allowed.map { .string($0.code) }))]))
            }
        }
        return Output(text: s.t("权限（● 可执行）", "Permissions (● may run it)") + "\n" + table.render(),
                      json: .object([("permissions", .array(rows))]))
    }
}
