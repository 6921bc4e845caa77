import WorkshopModel
import WorkshopStore

/// `workshop setup-server URI [--schema NAME] [--owner ROLE] [--app ROLE] [--language zh|en]`, as
/// read from the command line: an administrator's connection, and the names of the shop's schema
/// and its two roles (ServerSetup).
public struct SetupServerOptions: Equatable {
    public var adminURI: String
    public var schema = "shop"
    public var owner = "shop_owner"
    public var application = "shop_app"
    public var language: String?
    public var showHelp = false

    init(arguments: [String]) throws {
        var uri: String?
        var index = 0
        func value(_ flag: String) throws -> String {
            index += 1
            guard index < arguments.count, !arguments[index].isEmpty, !arguments[index].hasPrefix("--") else {
                throw LaunchRefusal.needsValue(flag: flag)
            }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--schema": schema = try SetupServerOptions.name(try value(argument), flag: argument)
            case "--owner": owner = try SetupServerOptions.name(try value(argument), flag: argument)
            case "--app": application = try SetupServerOptions.name(try value(argument), flag: argument)
            case "--language", "--lang": language = try value(argument)
            case "-h", "--help": showHelp = true
            default:
                guard !argument.hasPrefix("-"), uri == nil else { throw LaunchRefusal.unknownOption(option: argument) }
                uri = argument
            }
            index += 1
        }
        adminURI = uri ?? ""
        guard !showHelp else { return }
        guard let uri, LaunchOptions.isServer(uri) else { throw LaunchRefusal.setupNeedsServer(given: uri) }
        guard owner != application else { throw LaunchRefusal.setupRolesSame(role: owner) }
    }

    /// A schema or role name: lower-case letters, digits and `_`, starting with a letter, as
    /// PostgreSQL folds unquoted names (so `psql` users type it as it is).
    static func name(_ text: String, flag: String) throws -> String {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, (97...122).contains(first), bytes.count <= 63,
              bytes.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 95 }) else {
            throw LaunchRefusal.setupBadName(flag: flag, given: text)
        }
        return text
    }
}

/// Runs `workshop setup-server`: the shop's roles and schema made when missing, its migrations
/// applied as the owner, the application role granted again (ServerSetup); or why not.
public enum SetupServerLaunch {
    public static func run(_ options: SetupServerOptions, environment: [String: String]) -> MigrateLaunch.Outcome {
        let language = LaunchOptions.language(environment: environment, chosen: options.language)
        let w = Wording(language: language, zone: .shanghai)
        if let chosen = options.language, Language.parse(chosen) == nil {
            let refusal = InputRefusal.notAccepted(field: "--language", given: chosen, accepted: Language.entries)
            return .init(status: 2, stdout: "", stderr: "workshop setup-server: " + w.refusal(refusal).text + "\n")
        }
        do {
            let names = ServerSetup.Names(schema: options.schema, owner: options.owner, application: options.application)
            let applied = try ServerSetup.prepare(adminURI: options.adminURI, names: names, now: Timestamp.currentTime)
            let done = applied.isEmpty
                ? w("结构 \(names.schema) 已是最新，未做更改", "schema \(names.schema) is up to date; nothing changed")
                : w("结构 \(names.schema) 已建立或升级：\(applied.joined(separator: "、"))",
                    "schema \(names.schema) set up or upgraded: \(applied.joined(separator: ", "))")
            let next = w("""
                各台电脑以 \(names.application) 连接：workshop --db "postgresql://\(names.application)@服务器/库名"
                （\(names.application) 的密码由管理员在 psql 中设置：\\password \(names.application)，各台电脑放在 ~/.pgpass）
                """, """
                each desk connects as \(names.application): workshop --db "postgresql://\(names.application)@server/dbname"
                (an administrator sets its password in psql: \\password \(names.application); each desk keeps it in ~/.pgpass)
                """)
            return .init(status: 0, stdout: done + "\n" + next + "\n", stderr: "")
        } catch {
            return .init(status: 1, stdout: "", stderr: "workshop setup-server: " + w.refusal(error).text + "\n")
        }
    }
}
