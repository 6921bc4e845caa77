import WorkshopModel
import WorkshopStore

/// `workshop migrate --from FILE --to URI [--language zh|en]`, as read from the command line.
public struct MigrateOptions: Equatable {
    public var from: String
    public var to: String
    public var language: String?
    public var showHelp = false

    init(arguments: [String]) throws {
        var from: String?, to: String?, language: String?, help = false
        var index = 0
        // An option where the value should be is a value left out (a file named so is ./--name).
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
            case "--from": from = try value(argument)
            case "--to": to = try value(argument)
            case "--language", "--lang": language = try value(argument)
            case "-h", "--help": help = true
            default:
                if argument.hasPrefix("--from="), argument.count > 7 { from = String(argument.dropFirst(7)) }
                else if argument.hasPrefix("--to="), argument.count > 5 { to = String(argument.dropFirst(5)) }
                else { throw LaunchRefusal.unknownOption(option: argument) }
            }
            index += 1
        }
        self.language = language
        showHelp = help
        guard !help else { self.from = from ?? ""; self.to = to ?? ""; return }
        guard let from else { throw LaunchRefusal.migrateNeeds(flag: "--from") }
        guard let to else { throw LaunchRefusal.migrateNeeds(flag: "--to") }
        guard !LaunchOptions.isServer(from) else { throw LaunchRefusal.migrateSourceNotFile(given: from) }
        guard LaunchOptions.isServer(to) else { throw LaunchRefusal.migrateTargetNotServer(given: to) }
        self.from = from
        self.to = to
    }
}

/// Runs `workshop migrate`: the move (ShopTransfer), then both sides' figures, or why not.
public enum MigrateLaunch {
    public struct Outcome {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// 0 moved, with the comparison on stdout; 1 refused, the reason (and any comparison) on stderr.
    public static func run(_ options: MigrateOptions, environment: [String: String]) -> Outcome {
        let language = LaunchOptions.language(environment: environment, chosen: options.language)
        let w = Wording(language: language, zone: .shanghai)
        if let chosen = options.language, Language.parse(chosen) == nil {
            let refusal = InputRefusal.notAccepted(field: "--language", given: chosen, accepted: Language.entries)
            return Outcome(status: 2, stdout: "", stderr: "workshop migrate: " + w.refusal(refusal).text + "\n")
        }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let comparison = try ShopTransfer.move(from: options.from, to: options.to, now: Timestamp.currentTime)
            let elapsed = start.duration(to: clock.now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return Outcome(status: 0, stdout: w.moved(comparison, from: options.from, to: options.to, seconds: seconds), stderr: "")
        } catch {
            return Outcome(status: 1, stdout: "", stderr: "workshop migrate: " + w.refusal(error).text + "\n")
        }
    }
}
