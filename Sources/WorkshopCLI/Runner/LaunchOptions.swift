import Foundation
import WorkshopModel

/// The command line: `workshop [--db PATH] [--json] [--bail] [--user NAME] [--now DATETIME] [-c COMMAND] [SCRIPT]`.
public struct LaunchOptions {
    public var databasePath: String?
    public var json = false
    public var bail = false
    public var user: String?
    public var now: String?
    public var command: String?
    public var script: String?
    /// The language of this session, when it is not the shop's (`--language en`).
    public var language: String?
    public var showHelp = false
    public var showVersion = false
    /// `workshop migrate --from FILE --to URI`: move a shop onto a server, nothing else (MigrateLaunch).
    public var migrate: MigrateOptions?
    /// `workshop setup-server URI …`: an administrator sets a shop up on a server (SetupServerLaunch).
    public var setupServer: SetupServerOptions?

    /// The usage screen, in the language of the launch (the shop's is not known before its database opens).
    public static func usage(_ language: Language) -> String {
        language == .zh ? """
            用法：workshop [--db 路径] [--json] [--bail] [--user 姓名] [--now 日期时间] [--language zh|en] [-c 命令] [脚本]

              --db 路径|URI    门店数据库：文件，或 PostgreSQL 服务器（postgresql://用户@主机/库名；密码放在 ~/.pgpass 或 PGPASSWORD）
                               （默认：$WORKSHOP_DB，否则 ~/.local/share/workshop/workshop.db）
              --json           每条结果输出为一行 JSON
              --bail           遇到第一条出错的命令即停止
              --user 姓名      以此姓名登录：PIN 取自 $WORKSHOP_PIN，或在终端上输入
              --now 日期时间   经理补录：固定时钟（2026-11-22 09:00，门店时间），各条记录留真实时间并标为补录
              --language zh|en 本次会话使用的语言（默认为门店的语言）
              -c 命令          执行一条命令后退出
              脚本             执行文件中的命令后退出（也可：workshop < day.ws）
              --version        显示版本

            不带 -c 或脚本时，Workshop 从终端（输入 help）或标准输入读取命令。
            退出状态：0 全部成功，1 有命令出错，2 命令行有误。

            用法：workshop migrate --from 文件 --to postgresql://用户@主机/库名

              把文件里的门店原样迁到服务器上一个空的库（结构）里：一个事务，两边核对每张表的行数和内容、
              金额合计、日志最后一条及其哈希链，完全一致才提交，否则服务器上不留下任何东西。
              文件只读取，须是本程序的结构版本（旧版本先用 workshop --db 文件 打开一次升级）。
              退出状态：0 已迁移，1 被拒绝（服务器未改动），2 命令行有误。

            用法：workshop setup-server postgresql://管理员@主机/库名 [--schema shop] [--owner shop_owner] [--app shop_app]

              管理员在服务器上为门店建立（或在升级 Workshop 后升级）结构：建两个角色（属主，不能登录；
              各台电脑登录用的应用角色，不能改结构、不能改写日志），以属主身份执行结构迁移，再授权给应用角色。
              库须按字节排序：createdb -T template0 -l C -E UTF8 库名。
              退出状态：0 完成，1 被拒绝，2 命令行有误。
            """ : """
            usage: workshop [--db PATH] [--json] [--bail] [--user NAME] [--now DATETIME] [--language zh|en] [-c COMMAND] [SCRIPT]

              --db PATH|URI    the shop database: a file, or a PostgreSQL server (postgresql://user@host/dbname; the
                               password in ~/.pgpass or PGPASSWORD) (default: $WORKSHOP_DB, else ~/.local/share/workshop/workshop.db)
              --json           print each result as one JSON document
              --bail           stop at the first command that fails
              --user NAME      sign in as NAME: the PIN from $WORKSHOP_PIN, or asked at a terminal
              --now DATETIME   a manager's late entry: fix the clock (2026-11-22 09:00, shop time); entries keep the real time and are marked late
              --language zh|en the language of this session (default: the shop's)
              -c COMMAND       run one command and exit
              SCRIPT           run the commands in a file and exit (also: workshop < day.ws)
              --version        print the version

            Without -c or SCRIPT, Workshop reads commands from the terminal (type help) or from standard input.
            Exit status: 0 when every command succeeded, 1 when any failed, 2 for a bad command line.

            usage: workshop migrate --from FILE --to postgresql://user@host/dbname

              moves the shop in FILE, as it is, into an empty database (schema) on the server: one transaction;
              both sides' rows and contents table by table, money totals, and the journal's last entry and hash
              chain are compared, and it commits only when all agree, else nothing stays on the server. The file is
              only read and must be at this program's schema (open an older one once with workshop --db FILE).
              Exit status: 0 moved, 1 refused (the server unchanged), 2 for a bad command line.

            usage: workshop setup-server postgresql://admin@host/dbname [--schema shop] [--owner shop_owner] [--app shop_app]

              an administrator sets the shop up on the server (or upgrades it after Workshop is upgraded): two
              roles (the owner, who cannot log in; the application role the desks log in as, which can neither
              change the schema nor rewrite the journal), the migrations run as the owner, the application role
              granted its rights. The database must sort by bytes: createdb -T template0 -l C -E UTF8 dbname.
              Exit status: 0 done, 1 refused, 2 for a bad command line.
            """
    }

    /// `--language` as given, found before the rest of the command line is read (to word its errors).
    public static func languageArgument(_ arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if (argument == "--language" || argument == "--lang"), index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--language=") { return String(argument.dropFirst("--language=".count)) }
        }
        return nil
    }

    /// The language to speak before the shop's database is open: $WORKSHOP_LANGUAGE, else English
    /// when the system's locale is English, else Chinese (the shops Workshop is made for).
    public static func language(environment: [String: String], chosen option: String? = nil) -> Language {
        if let chosen = option.flatMap(Language.parse) { return chosen }
        if let chosen = environment["WORKSHOP_LANGUAGE"].flatMap(Language.parse) { return chosen }
        let locale = (environment["LC_ALL"] ?? environment["LANG"] ?? "").lowercased()
        return locale.hasPrefix("en") ? .en : .zh
    }

    public init(arguments: [String]) throws {
        // A launch mode of its own, before the ordinary options: `migrate` takes only its own.
        if arguments.first == "setup-server" {
            let options = try SetupServerOptions(arguments: Array(arguments.dropFirst()))
            setupServer = options
            language = options.language
            showHelp = options.showHelp
            return
        }
        if arguments.first == "migrate" {
            let options = try MigrateOptions(arguments: Array(arguments.dropFirst()))
            migrate = options
            language = options.language
            showHelp = options.showHelp
            return
        }
        var index = 0
        func value(_ flag: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw LaunchRefusal.needsValue(flag: flag) }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--db": databasePath = try value(argument)
            case "--json": json = true
            case "--bail": bail = true
            case "--user": user = try value(argument)
            case "--now": now = try value(argument)
            case "--language", "--lang": language = try value(argument)
            case "-c", "--command":
                // One command, or one script: a second would be dropped without a word.
                guard command == nil else { throw LaunchRefusal.oneCommandOnly }
                command = try value(argument)
            case "-h", "--help": showHelp = true
            case "--version": showVersion = true
            default:
                if argument.hasPrefix("--db=") { databasePath = String(argument.dropFirst(5)) }
                else if argument.hasPrefix("--user=") { user = String(argument.dropFirst(7)) }
                else if argument.hasPrefix("--now=") { now = String(argument.dropFirst(6)) }
                else if argument.hasPrefix("-") && argument != "-" {
                    throw LaunchRefusal.unknownOption(option: argument)
                } else if script == nil {
                    script = argument
                } else {
                    throw LaunchRefusal.twoScripts(first: script!, second: argument)
                }
            }
            index += 1
        }
        if command != nil, let script { throw LaunchRefusal.commandAndScript(script: script) }
    }

    /// The database file: --db, else $WORKSHOP_DB, else the user's data folder. An empty --db is
    /// refused: SQLite would open a nameless temporary database and every change would be lost.
    public func resolvedDatabasePath(environment: [String: String]) throws -> String {
        if let databasePath {
            guard !databasePath.isEmpty else { throw LaunchRefusal.needsValue(flag: "--db") }
            return databasePath
        }
        if let path = environment["WORKSHOP_DB"], !path.isEmpty { return path }
        return LaunchOptions.dataDirectory(environment: environment) + "/workshop.db"
    }

    /// Whether `--db`/`$WORKSHOP_DB` names a PostgreSQL server (a libpq connection URI) rather
    /// than a file. Only the URI forms: a file may be called anything, even `host=x`.
    public static func isServer(_ database: String) -> Bool {
        database.hasPrefix("postgresql://") || database.hasPrefix("postgres://")
    }

    /// ~/.local/share/workshop (or $XDG_DATA_HOME/workshop): the database and the command history.
    public static func dataDirectory(environment: [String: String]) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? ".") + "/.local/share"
        return base + "/workshop"
    }
}

/// What is wrong with how Workshop was started, or with the database it was given.
enum LaunchRefusal: WordedRefusal {
    static let area = "launch"

    case needsValue(flag: String)
    case unknownOption(option: String)
    case twoScripts(first: String, second: String)
    case cannotOpen(path: String, reason: String)
    /// `--db` (or WORKSHOP_DB) names a file in a folder that does not exist: a mistyped path, not
    /// a new shop (whose folder is made first).
    case folderMissing(path: String, folder: String)
    case cannotSignIn(reason: String)
    case unreadableScript(path: String)
    case oneCommandOnly
    case commandAndScript(script: String)
    /// `--now` moves the clock: only a manager, signed in with --user, may.
    case clockNeedsManager(person: String?)
    /// `workshop migrate` without --from or --to.
    case migrateNeeds(flag: String)
    /// `workshop migrate --to` given something else than a server's URI, or `--from` a server's.
    case migrateTargetNotServer(given: String)
    case migrateSourceNotFile(given: String)
    /// `workshop setup-server` without a server's URI (`given`: what was there instead).
    case setupNeedsServer(given: String?)
    /// A schema or role name PostgreSQL would not take unquoted.
    case setupBadName(flag: String, given: String)
    /// The owner and the application role must be two roles.
    case setupRolesSame(role: String)

    func words(_ w: Wording) -> String {
        switch self {
        case .needsValue(let flag): return w("\(flag) 后面要写值\n", "\(flag) needs a value\n") + LaunchOptions.usage(w.language)
        case .unknownOption(let option): return w("没有选项 \(option)\n", "unknown option \(option)\n") + LaunchOptions.usage(w.language)
        case .twoScripts(let first, let second):
            return w("只能给一个脚本文件（给了 \(first) 和 \(second)）", "only one script file may be given (got \(first) and \(second))")
        case .cannotOpen(let path, let reason): return w("无法打开门店数据库 \(path)：\(reason)", "cannot open the shop database \(path): \(reason)")
        case .folderMissing(let path, let folder):
            return w("没有文件夹 \(folder)，打不开 \(path)：路径是否写错了？新建门店请先建好它所在的文件夹",
                     "there is no folder \(folder) for \(path): is the path mistyped? For a new shop, make its folder first")
        case .cannotSignIn(let reason): return w("无法登录：\(reason)", "cannot sign in: \(reason)")
        case .unreadableScript(let path): return w("无法读取 \(path)", "cannot read \(path)")
        case .oneCommandOnly: return w("-c 只能给一次：多条命令请写成脚本文件", "-c may be given once: put several commands in a script file")
        case .commandAndScript(let script): return w("-c 和脚本 \(script) 只能二选一", "give -c or the script \(script), not both")
        case .clockNeedsManager(let person?):
            return w("--now 只有经理可以使用（用于补录），\(person) 不是经理", "only a manager may set the clock with --now (for late entries); \(person) is not one")
        case .clockNeedsManager(nil):
            return w("--now 只有经理可以使用：请同时用 --user 以经理身份登录", "only a manager may set the clock with --now: sign in as one with --user")
        case .migrateNeeds(let flag):
            return w("workshop migrate 需要 \(flag)\n", "workshop migrate needs \(flag)\n") + LaunchOptions.usage(w.language)
        case .migrateTargetNotServer(let given):
            return w("--to 要写 PostgreSQL 服务器的 URI（postgresql://用户@主机/库名），不是“\(given)”",
                     "--to takes a PostgreSQL server's URI (postgresql://user@host/dbname), not \"\(given)\"")
        case .migrateSourceNotFile(let given):
            return w("--from 要写门店的数据库文件，不是服务器（\(given)）",
                     "--from takes the shop's database file, not a server (\(given))")
        case .setupNeedsServer(let given?):
            return w("workshop setup-server 要写管理员连接服务器的 URI（postgresql://管理员@主机/库名），不是“\(given)”",
                     "workshop setup-server takes an administrator's URI of the server (postgresql://admin@host/dbname), not \"\(given)\"")
        case .setupNeedsServer(nil):
            return w("workshop setup-server 需要管理员连接服务器的 URI（postgresql://管理员@主机/库名）\n",
                     "workshop setup-server needs an administrator's URI of the server (postgresql://admin@host/dbname)\n") + LaunchOptions.usage(w.language)
        case .setupBadName(let flag, let given):
            return w("\(flag) 要写小写字母开头、只含小写字母、数字和 _ 的名称（最多 63 个），不是“\(given)”",
                     "\(flag) takes a name of lower-case letters, digits and _, starting with a letter (at most 63), not \"\(given)\"")
        case .setupRolesSame(let role):
            return w("属主和应用角色须是两个不同的角色（都写成了 \(role)）",
                     "the owner and the application role must be two roles (both were \(role))")
        }
    }
}

/// Words an error met while starting, before the shop's database (and its language) is open.
public enum LaunchWording {
    /// Why Workshop could not start: the words for stderr and, when --json was asked for, the same
    /// refusal as one JSON document for stdout — a program driving Workshop reads a failure to start
    /// the way it reads any other.
    public static func failure(_ error: Error, environment: [String: String], arguments: [String]) -> LaunchFailure {
        let wording = Wording(language: LaunchOptions.language(environment: environment, chosen: LaunchOptions.languageArgument(arguments)),
                              zone: .shanghai)
        return LaunchFailure(wording.refusal(error), json: arguments.contains("--json"))
    }

    public static func usage(environment: [String: String], arguments: [String]) -> String {
        LaunchOptions.usage(LaunchOptions.language(environment: environment, chosen: LaunchOptions.languageArgument(arguments)))
    }
}

/// A failure to start, worded: `text` for stderr, `json` (with --json) for stdout.
public struct LaunchFailure {
    public let text: String
    public let json: String?

    init(_ refusal: (code: String, text: String), json asJSON: Bool) {
        text = refusal.text
        json = asJSON ? JSON.object([("ok", .bool(false)), ("code", .string(refusal.code)), ("error", .string(refusal.text))]).serialized() : nil
    }
}
