import WorkshopModel
import WorkshopStore

/// Commands about the session itself: help, scripts, output format, clock, who is working.
enum SessionCommands {
    static let help = Command(
        name: "help", aliases: ["?", "帮助"], group: .session,
        summary: "list the commands, or explain one: help COMMAND",
        usage: ["help", "help COMMAND"],
        access: .session
    ) { invocation, s in
        guard let word = invocation.next() else { return overview(s) }
        if ["roles", "permissions", "权限"].contains(word.lowercased()) { return permissions(s) }
        guard let command = s.table.find(word) else { throw s.table.unknown(word) }
        var text = "\(command.name) — \(command.summary)\n"
        if !command.aliases.isEmpty { text += "  aliases: \(command.aliases.joined(separator: ", "))\n" }
        text += "  " + roleText(command) + "\n"
        text += "\nusage:\n" + command.usage.map { "  \($0)" }.joined(separator: "\n")
        if !command.examples.isEmpty {
            text += "\n\nexamples:\n" + command.examples.map { "  \($0)" }.joined(separator: "\n")
        }
        return Output(text: text, json: .object([("command", .string(command.name)), ("summary", .string(command.summary)),
                                                 ("aliases", .array(command.aliases.map { .string($0) })),
                                                 ("usage", .array(command.usage.map { .string($0) })),
                                                 ("examples", .array(command.examples.map { .string($0) }))]))
    }

    /// "changes: advisor, manager; reading: anyone signed in"
    static func roleText(_ command: Command) -> String {
        switch command.access {
        case .session: return "anyone, signed in or not"
        case .read: return "anyone signed in"
        case .write:
            let names = command.roles.map { roles in Role.allCases.filter(roles.contains).map(\.code).joined(separator: ", ") } ?? "anyone signed in"
            var text = "who: \(names)"
            for (word, roles) in command.rolesBySubcommand.sorted(by: { $0.key < $1.key }) {
                text += "; \(word): " + (roles == Permission.all ? "anyone signed in" : Role.allCases.filter(roles.contains).map(\.code).joined(separator: ", "))
            }
            if !command.readingSubcommands.isEmpty { text += "; \(command.readingSubcommands.sorted().joined(separator: "/")): anyone signed in" }
            return text
        }
    }

    /// The permission table: command × role.
    static func permissions(_ s: Session) -> Output {
        var table = TextTable([s.t("命令", "Command")] + Role.allCases.map { $0.label(s.language) })
        var rows: [JSON] = []
        for command in s.table.commands where command.access != .session {
            let roles = command.access == .write ? command.roles : nil
            table.add([command.name] + Role.allCases.map { role in roles == nil || roles!.contains(role) ? "●" : "" })
            rows.append(.object([("command", .string(command.name)),
                                 ("roles", .array(Role.allCases.filter { roles == nil || roles!.contains($0) }.map { .string($0.code) }))]))
        }
        return Output(text: s.t("权限（● 可执行修改；查看类子命令所有登录人员均可）", "Permissions (● may make changes; reading sub-commands: anyone signed in)")
                      + "\n" + table.render(), json: .object([("permissions", .array(rows))]))
    }

    static func overview(_ s: Session) -> Output {
        var text = "Workshop — " + s.t("一行一条命令：command [sub] 参数… key=value…；help COMMAND 查看详细用法",
                                       "one command a line: command [sub] words… key=value…; help COMMAND explains one")
        var groups: [JSON] = []
        for group in Command.Group.allCases {
            let commands = s.table.commands.filter { $0.group == group }
            guard !commands.isEmpty else { continue }
            var table = TextTable(["", ""])
            table.maximumWidth = 100
            for c in commands { table.add([c.name, c.summary]) }
            // Drop the empty header line the table would print.
            text += "\n\n" + group.rawValue + "\n" + table.render().split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
            groups.append(.object([("group", .string(group.rawValue)),
                                   ("commands", .array(commands.map { .object([("name", .string($0.name)), ("summary", .string($0.summary))]) }))]))
        }
        text += "\n\n" + s.t("谁能做什么：help roles", "who may do what: help roles")
        text += "\n" + s.t("日期时间写作 2026-11-22 14:30（门店时区 \(s.zone.identifier)）；文字含空格时加引号 \"…\"",
                             "dates and times: 2026-11-22 14:30 in the shop's zone (\(s.zone.identifier)); quote text with spaces \"…\"")
        return Output(text: text, json: .object([("groups", .array(groups))]))
    }

    static let source = Command(
        name: "source", aliases: ["run", "."], group: .session,
        summary: "run the commands in a file, as if typed",
        usage: ["source FILE"],
        access: .session
    ) { invocation, s in
        let path = try invocation.required("the file", usage: "source FILE")
        guard let runFile = s.runFile else { throw UserError("source is not available here") }
        let result = try runFile(path)
        let text = s.t("\(path)：\(result.commands) 条命令，\(result.failures) 条出错", "\(path): \(result.commands) commands, \(result.failures) failed")
        return Output(text: result.failures > 0 ? text : "", json: .object([("ok", .bool(result.failures == 0)), ("file", .string(path)),
                                                                          ("commands", .int(result.commands)), ("failed", .int(result.failures))]))
    }

    static let quit = Command(
        name: "quit", aliases: ["exit", "q", "退出"], group: .session,
        summary: "leave Workshop (everything is already saved)",
        usage: ["quit"],
        access: .session
    ) { _, s in
        s.quit()
        return .empty
    }

    static let setUsage = ["set format text|json", "set now DATETIME|off"]
    static let set = Command(
        name: "set", group: .session,
        summary: "session settings: output format (text or json) and a fixed clock for scripts",
        usage: setUsage,
        examples: ["set format json", "set now 2026-11-22 09:00", "set now off"],
        access: .session
    ) { invocation, s in
        let what = try invocation.required("what to set (format, now)", usage: setUsage.joined(separator: " | "))
        switch what.lowercased() {
        case "format":
            let value = try invocation.required("text or json", usage: setUsage[0])
            guard let format = Session.Format(rawValue: value.lowercased()) else {
                throw UserError("set format \(value): write text or json")
            }
            s.format = format
            return .message("format \(format.rawValue)")
        case "now", "clock":
            let value = invocation.rest().joined(separator: " ")
            guard !value.isEmpty else { throw UserError("set now: write a date and time, or off; usage: \(setUsage[1])") }
            if value.lowercased() == "off" {
                s.fixedNow = nil
                return .message(s.t("时钟：系统时间", "clock: the system's"))
            }
            // "today 09:00" here means the real today, not the day of the clock being replaced.
            s.fixedNow = try TimeParser.parse(value, zone: s.zone, now: Timestamp.currentTime, field: "now")
            return .message(s.t("时钟：\(s.formatTime(s.fixedNow))", "clock: \(s.formatTime(s.fixedNow))"))
        default:
            throw UserError("set \(what): unknown setting; usage: \(setUsage.joined(separator: " | ")) (shop settings: shop set)")
        }
    }

    static let login = Command(
        name: "login", aliases: ["user", "登录"], group: .session,
        summary: "sign in with your name and PIN (asked without echo at a terminal; WORKSHOP_PIN or pin= in scripts)",
        usage: ["login NAME [pin=PIN]", "login   (who is signed in)"],
        access: .session
    ) { invocation, s in
        let name = invocation.rest().joined(separator: " ")
        guard !name.isEmpty else {
            guard let member = s.signedIn else { return .message(s.t("未登录：login 姓名", "nobody is signed in: login NAME")) }
            return .message(s.t("当前用户：\(member.name)（\(member.roles.map(\.chinese).joined(separator: "、"))）",
                                "signed in: \(member.name) (\(member.roles.map(\.english).joined(separator: ", ")))"), [("user", .string(member.name))])
        }
        let pin = invocation.option("pin") ?? s.readSecret?(s.t("\(name) 的 PIN：", "PIN for \(name): ")) ?? s.environmentPIN
        let member = try Authentication.signIn(name, pin: pin, session: s)
        var text = s.t("你好，\(member.name)（\(member.roles.map(\.chinese).joined(separator: "、"))）",
                       "hello, \(member.name) (\(member.roles.map(\.english).joined(separator: ", ")))")
        if !s.signInNote.isEmpty { text += " · " + s.signInNote }
        return .message(text, [("user", .string(member.name)), ("roles", .array(member.roles.map { .string($0.code) }))])
    }

    static let logout = Command(
        name: "logout", aliases: ["退出登录"], group: .session,
        summary: "sign out (the next person signs in with login)",
        usage: ["logout"],
        access: .session
    ) { _, s in
        let name = s.signedIn?.name
        s.signedIn = nil
        return .message(name.map { s.t("\($0) 已退出登录", "\($0) signed out") } ?? s.t("未登录", "nobody was signed in"))
    }

}

/// The command table.
enum Commands {
    static let all: [Command] = [
        CustomerCommands.command, VehicleCommands.command, AppointmentCommands.command, CheckinCommands.checkin,
        OrderCommands.command, CheckinCommands.diagnose, CheckinCommands.damage, BelongingsCommands.command,
        EstimateCommands.command, CheckinCommands.promise, EstimateCommands.approve, EstimateCommands.decline,
        OrderCommands.reopen, PrintCommands.command,
        FloorCommands.dispatch, FloorCommands.handover, FloorCommands.inspect, SupplementCommands.command,
        FloorCommands.progress, FloorCommands.complete, BoardCommands.board, BoardCommands.notify,
        CashCommands.invoice, CashCommands.discount, CashCommands.pay, CashCommands.refund, CashCommands.release,
        WarrantyCommands.command, AfterSalesCommands.followup, AfterSalesCommands.complaint, ReportCommands.command,
        PeopleCommands.staff, PeopleCommands.bay, PeopleCommands.checkitem,
        ShopCommands.labor, PartsCommands.command, PartsCommands.job,
        ShopCommands.shop, ShopCommands.history, TrustCommands.verify, TrustCommands.backup, TrustCommands.export,
        SessionCommands.help, SessionCommands.source, SessionCommands.set, SessionCommands.login, SessionCommands.logout, SessionCommands.quit,
    ]
}
