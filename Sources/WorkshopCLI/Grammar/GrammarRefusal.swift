import WorkshopModel

/// A line that does not fit any form of its command: refused before any check of who is asking,
/// any transaction or any effect.
enum GrammarRefusal: Refusal {
    static let area = "grammar"

    case lineTooLong(bytes: Int, maximum: Int)
    case controlCharacter(codePoint: UInt32)
    case unclosedQuote(column: Int, quote: String, close: String)
    case unknownCommand(word: String, suggestion: String?)
    /// `command` is what was understood so far ("supplement"); `expected` the keywords and
    /// arguments a form could take at that point.
    case unknownSubcommand(command: String, word: String, suggestion: String?, expected: [Expectation])
    case missingSubcommand(command: String, expected: [Expectation])
    case missingArgument(command: String, argument: Phrase, usage: Phrase)
    case unexpectedWords(command: String, words: String, usage: Phrase)
    case unknownOption(command: String, key: String, suggestion: String?, accepted: [String])
    case missingOption(command: String, key: String, placeholder: Phrase, usage: Phrase)
    /// A name, description or note given as "" or spaces only (`key`: the option's, nil for an argument).
    case emptyText(argument: Phrase, key: String?)
    case repeatedOption(command: String, key: String)
    case unknownHelpTopic(word: String, suggestion: String?)
    /// `help ro lst`: the command exists, the sub-command does not.
    case unknownHelpSubcommand(command: String, word: String, suggestion: String?, accepted: [String])

    /// What a form could take at a place in the line: a keyword as typed, or an argument's name.
    enum Expectation: Sendable, Equatable {
        case keyword(String)
        case argument(Phrase)
    }
}

/// Who may do what: checked on the parsed form, after the grammar and before anything else.
enum PermissionRefusal: Refusal {
    static let area = "permission"

    case signInFirst
    case roleNeeded(command: String, needed: [Role], person: String, has: [Role])
}
