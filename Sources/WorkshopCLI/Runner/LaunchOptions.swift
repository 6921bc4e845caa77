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
    public var showHelp = false
    public var showVersion = false

    public static let usage = """
        usage: workshop [--db PATH] [--json] [--bail] [--user NAME] [--now DATETIME] [-c COMMAND] [SCRIPT]

          --db PATH        the shop database (default: $WORKSHOP_DB, else ~/.local/share/workshop/workshop.db)
          --json           print each result as one JSON document
          --bail           stop at the first command that fails
          --user NAME      sign in as NAME: the PIN from $WORKSHOP_PIN, or asked at a terminal
          --now DATETIME   fix the clock (2026-11-22 09:00, shop time) so scripts repeat exactly
          -c COMMAND       run one command and exit
          SCRIPT           run the commands in a file and exit (also: workshop < day.ws)
          --version        print the version

        Without -c or SCRIPT, Workshop reads commands from the terminal (type help) or from standard input.
        Exit status: 0 when every command succeeded, 1 when any failed, 2 for a bad command line.
        """

    public init(arguments: [String]) throws {
        var index = 0
        func value(_ flag: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw UserError("\(flag) needs a value\n\(LaunchOptions.usage)") }
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
            case "-c", "--command": command = try value(argument)
            case "-h", "--help": showHelp = true
            case "--version": showVersion = true
            default:
                if argument.hasPrefix("--db=") { databasePath = String(argument.dropFirst(5)) }
                else if argument.hasPrefix("--user=") { user = String(argument.dropFirst(7)) }
                else if argument.hasPrefix("--now=") { now = String(argument.dropFirst(6)) }
                else if argument.hasPrefix("-") && argument != "-" {
                    throw UserError("unknown option \(argument)\n\(LaunchOptions.usage)")
                } else if script == nil {
                    script = argument
                } else {
                    throw UserError("only one script file may be given (got \(script!) and \(argument))")
                }
            }
            index += 1
        }
    }

    /// The database file: --db, else $WORKSHOP_DB, else the user's data folder.
    public func resolvedDatabasePath(environment: [String: String]) -> String {
        if let databasePath { return databasePath }
        if let path = environment["WORKSHOP_DB"], !path.isEmpty { return path }
        return LaunchOptions.dataDirectory(environment: environment) + "/workshop.db"
    }

    /// ~/.local/share/workshop (or $XDG_DATA_HOME/workshop): the database and the command history.
    public static func dataDirectory(environment: [String: String]) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? ".") + "/.local/share"
        return base + "/workshop"
    }
}
