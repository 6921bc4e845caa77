import WorkshopModel
import WorkshopStore

/// Commands about the session itself: help, scripts, output format and language, clock, who is working.
enum SessionCommands {
    static let all = [help, source, set, login, logout, quit]

    static let help = CommandSpec("help", aliases: ["?", "帮助"], group: .session,
        summary: Phrase("列出全部命令，或说明一条：help 命令", "list the commands, or explain one: help COMMAND"), forms: [
        Form([], access: .session, summary: Phrase("全部命令，按工作环节分组", "every command, by part of the work"),
             examples: ["help"]) { _, s in Help.overview(s) },
        Form([word("roles", "permissions", "权限")], access: .session,
             summary: Phrase("每条命令各岗位能否执行", "who may run each command, role by role"),
             examples: ["help roles"]) { _, s in Help.roles(s) },
        Form([arg("command", .text("命令", "COMMAND")), optionalArg("sub", .text("子命令", "SUB"))], access: .session,
             summary: Phrase("一条命令的全部用法、谁可以执行和示例；写上子命令只看那一种用法", "a command's forms, who may run each, and examples; name a sub-command to see only its forms"),
             examples: ["help estimate", "help ro list"]) { invocation, s in
            let word: String = invocation.need("command")
            guard let command = s.table.find(word) else {
                throw GrammarRefusal.unknownHelpTopic(word: word, suggestion: Suggest.closest(to: word, among: s.table.allWords))
            }
            guard let sub: String = invocation.value("sub") else { return Help.command(command, s) }
            let forms = command.forms.filter { form in form.words.contains { if case .keyword(let k) = $0 { k.matches(sub) } else { false } } }
            guard !forms.isEmpty else {
                let keywords = Array(Set(command.forms.flatMap(\.keywords))).sorted()
                throw GrammarRefusal.unknownHelpSubcommand(command: command.name, word: sub,
                                                           suggestion: Suggest.closest(to: sub, among: keywords), accepted: keywords)
            }
            return Help.command(command, s, only: forms)
        },
    ])

    static let source = CommandSpec("source", aliases: ["run", "."], group: .session,
        summary: Phrase("执行文件中的命令，如同逐行输入", "run the commands in a file, as if typed"), forms: [
        Form([arg("file", .path)], access: .session, summary: Phrase("每行各自检查权限、各为一个事务", "each line checked and committed on its own"),
             examples: ["source day.ws"]) { invocation, s in
            let path: String = invocation.need("file")
            guard let runFile = s.runFile else { throw SessionRefusal.sourceUnavailable }
            let result = try runFile(path)
            let text = s.t("\(path)：\(result.commands) 条命令，\(result.failures) 条出错", "\(path): \(result.commands) commands, \(result.failures) failed")
            return Output(text: result.failures > 0 ? text : "", json: .object([
                ("ok", .bool(result.failures == 0)), ("file", .string(path)),
                ("commands", .int(result.commands)), ("failed", .int(result.failures)),
            ]))
        },
    ])

    static let quit = CommandSpec("quit", aliases: ["exit", "q", "退出"], group: .session,
        summary: Phrase("退出 Workshop（一切已保存）", "leave Workshop (everything is already saved)"), forms: [
        Form([], access: .session, summary: Phrase("退出", "leave"), examples: ["quit"]) { _, s in
            s.quit()
            return .empty
        },
    ])

    static let set = CommandSpec("set", group: .session,
        summary: Phrase("本会话的设置：输出格式、语言、脚本用的固定时钟", "this session's settings: output format, language, a fixed clock for scripts"), forms: [
        Form([word("format"), arg("format", .choice(Session.Format.self))], access: .session,
             summary: Phrase("输出文字或 JSON", "print text or JSON"), examples: ["set format json"]) { invocation, s in
            s.format = invocation.choice("format")!
            return .message(s.t("输出格式：\(s.format.rawValue)", "format \(s.format.rawValue)"))
        },
        Form([word("language", "lang", "语言"), arg("language", .choice(Language.self))], access: .session,
             summary: Phrase("本会话使用的语言（门店语言见 shop set language=）", "the language of this session (the shop's: shop set language=)"),
             examples: ["set language en"]) { invocation, s in
            s.chosenLanguage = invocation.choice("language")
            return .message(s.t("本会话语言：中文", "this session speaks English"))
        },
        Form([word("now", "clock"), textArg("time", .text("日期时间|off", "DATETIME|off"))], access: .session, roles: [.manager],
             summary: Phrase("补录：把时钟定在另一时间（补录纸质单据、脚本重演一天），off 恢复系统时间；所记各条均留真实时间并标为补录",
                             "late entry: set the clock to another time (a paper job card typed in later, a script replaying a day), off for the system's; every entry keeps the real time and is marked late"),
             examples: ["set now 2026-11-22 09:00", "set now off"]) { invocation, s in
            let value: String = invocation.need("time")
            if value.lowercased() == "off" {
                s.fixedNow = nil
                return .message(s.t("时钟：系统时间", "clock: the system's"))
            }
            // "today 09:00" here means the real today, not the day of the clock being replaced.
            let requested = try TimeParser.parse(value, zone: s.zone, now: Timestamp.currentTime, field: "now")
            // A late entry is dated at a time that has passed, never ahead of the real clock.
            try Gate.clock(requested, real: Timestamp.currentTime)
            s.fixedNow = requested
            return .message(s.t("时钟：\(s.formatTime(s.fixedNow))", "clock: \(s.formatTime(s.fixedNow))"))
        },
    ])

    static let login = CommandSpec("login", aliases: ["user", "登录"], group: .session,
        summary: Phrase("用姓名和 PIN 登录（终端上不回显；脚本用 WORKSHOP_PIN）", "sign in with your name and PIN (not echoed at a terminal; WORKSHOP_PIN in scripts)"), forms: [
        Form([], access: .session, summary: Phrase("当前登录的是谁", "who is signed in"), examples: ["login"]) { _, s in
            guard let member = s.signedIn else { return .message(s.t("未登录：login 姓名", "nobody is signed in: login NAME")) }
            return .message(s.t("当前用户：\(member.name)（\(member.roles.map(\.chinese).joined(separator: "、"))）",
                                "signed in: \(member.name) (\(member.roles.map(\.english).joined(separator: ", ")))"), [("user", .string(member.name))])
        },
        Form([textArg("name", .name)], options: [secret("pin")], access: .session,
             summary: Phrase("登录", "sign in"), examples: ["login 王芳"]) { invocation, s in
            let name: String = invocation.need("name")
            let member: StaffMember
            do {
                var pin: String? = invocation.value("pin")
                if pin == nil, let ask = s.readSecret {
                    guard let typed = ask(s.t("\(name) 的 PIN：", "PIN for \(name): ")) else { throw SignInRefusal.cancelled(name: name) }
                    pin = typed
                }
                member = try Authentication.signIn(name, pin: pin ?? s.environmentPIN, session: s)
            } catch let refusal as SignInRefusal {
                throw Authentication.signOutAfterFailedSwitch(refusal, attempted: name, session: s)
            }
            var text = s.t("你好，\(member.name)（\(member.roles.map(\.chinese).joined(separator: "、"))）",
                           "hello, \(member.name) (\(member.roles.map(\.english).joined(separator: ", ")))")
            if !s.signInNote.isEmpty { text += " · " + s.signInNote }
            return .message(text, [("user", .string(member.name)), ("roles", .array(member.roles.map { .string($0.code) }))])
        },
    ])

    static let logout = CommandSpec("logout", aliases: ["退出登录"], group: .session,
        summary: Phrase("退出登录（下一位用 login 登录）", "sign out (the next person signs in with login)"), forms: [
        Form([], access: .session, summary: Phrase("退出登录", "sign out"), examples: ["logout"]) { _, s in
            let name = s.signedIn?.name
            s.signedIn = nil
            return .message(name.map { s.t("\($0) 已退出登录", "\($0) signed out") } ?? s.t("未登录", "nobody was signed in"))
        },
    ])
}

/// Refusals about the session itself.
enum SessionRefusal: Refusal {
    static let area = "session"
    case sourceUnavailable
    case sourceTooDeep(file: String)
    case sourceUnreadable(file: String)
    /// A line of a script or a pipe that is not UTF-8: skipped, never guessed at.
    case notUTF8
}

extension Session.Format: Vocabulary {
    var code: String { rawValue }
    var chinese: String { self == .text ? "文字" : "JSON" }
    var english: String { self == .text ? "text" : "JSON" }
}

extension SessionRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .sourceUnavailable:
            return w("此处不能执行 source", "source is not available here")
        case .sourceTooDeep(let file):
            return w("source：脚本嵌套超过 16 层（\(file) 是否引用了自己？）", "source: scripts nested more than 16 deep (does \(file) source itself?)")
        case .sourceUnreadable(let file):
            return w("source：无法读取 \(file)：文件不存在或不可读", "source: cannot read \(file): no such file, or not readable")
        case .notUTF8:
            return w("这一行不是有效的 UTF-8 文字（请将文件存为 UTF-8）；已跳过", "the line is not valid UTF-8 text (save the file as UTF-8); it was skipped")
        }
    }
}
