/// A small template language for documents a shop can edit without rebuilding (a Mustache subset):
///
///     {{name}}            a value, HTML-escaped        {{{name}}} / {{& name}}  the value as is
///     {{a.b}}  {{.}}      a nested value / the current item
///     {{#list}}…{{/list}} repeated for each item; for a true or present value, shown once
///     {{^name}}…{{/name}} shown when the value is false, empty or absent
///     {{> partial}}       another template from the same folder
///     {{! comment }}
///
/// A name that is not in the data at all is an error naming the template, line and column, so a
/// typo in an edited template is found, not printed as a blank.
public struct Template: Sendable {
    public let name: String
    let nodes: [Node]

    indirect enum Node: Sendable {
        case text(String)
        case value(path: String, escaped: Bool, position: Position)
        case section(path: String, inverted: Bool, children: [Node], position: Position)
        case partial(name: String, position: Position)
    }

    public struct Position: Sendable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public var description: String { "\(line):\(column)" }
    }

    public init(name: String, source: String) throws {
        self.name = name
        var parser = Parser(name: name, source: source)
        self.nodes = try parser.parseAll()
    }
}

/// A template error: where it is (template, line, column) and what is wrong.
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    public let template: String
    public let line: Int
    public let column: Int
    public let message: String
    public var description: String { "\(template):\(line):\(column): \(message)" }
}

/// The data a template is rendered with. Built explicitly, never by reflection.
public enum TemplateValue: Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    case null
    case bool(Bool)
    case string(String)
    case list([TemplateValue])
    case object([String: TemplateValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public static func string(_ value: String?) -> TemplateValue { value.map { .string($0) } ?? .null }

    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .string(let s): return !s.isEmpty
        case .list(let items): return !items.isEmpty
        case .object: return true
        }
    }

    var text: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : ""
        case .string(let s): return s
        case .list, .object: return ""
        }
    }
}

struct Parser {
    let name: String
    let characters: [Character]
    var index = 0
    var line = 1
    var column = 1

    init(name: String, source: String) {
        self.name = name
        self.characters = Array(source)
    }

    mutating func parseAll() throws -> [Node] {
        let (nodes, closing) = try parse(until: nil)
        if let closing { throw error("{{/\(closing.0)}} closes a section that was never opened", at: closing.1) }
        return nodes
    }

    typealias Node = Template.Node
    typealias Position = Template.Position

    /// Parses nodes up to `{{/name}}` (returned) or the end.
    mutating func parse(until section: (String, Position)?) throws -> ([Node], (String, Position)?) {
        var nodes: [Node] = []
        var text = ""
        while index < characters.count {
            if characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" {
                if !text.isEmpty { nodes.append(.text(text)); text = "" }
                let position = Position(line: line, column: column)
                let tag = try readTag(at: position)
                guard let first = tag.first else { throw error("empty tag {{}}", at: position) }
                let rest = String(tag.dropFirst()).trimmed
                switch first {
                case "!":
                    continue
                case "#", "^":
                    guard !rest.isEmpty else { throw error("a section needs a name: {{\(first)name}}", at: position) }
                    let (children, closing) = try parse(until: (rest, position))
                    guard let closing, closing.0 == rest else {
                        throw error("{{\(first)\(rest)}} is never closed: add {{/\(rest)}}", at: position)
                    }
                    nodes.append(.section(path: rest, inverted: first == "^", children: children, position: position))
                case "/":
                    guard let section else { return (nodes, (rest, position)) }
                    guard rest == section.0 else {
                        throw error("{{/\(rest)}} closes {{#\(section.0)}} opened at \(section.1): close them in order", at: position)
                    }
                    return (nodes, (rest, position))
                case ">":
                    nodes.append(.partial(name: rest, position: position))
                case "&":
                    nodes.append(.value(path: rest, escaped: false, position: position))
                case "{":
                    guard rest.hasSuffix("}") else { throw error("{{{ needs }}}", at: position) }
                    nodes.append(.value(path: String(rest.dropLast()).trimmed, escaped: false, position: position))
                default:
                    nodes.append(.value(path: tag.trimmed, escaped: true, position: position))
                }
            } else {
                text.append(characters[index])
                advance()
            }
        }
        if !text.isEmpty { nodes.append(.text(text)) }
        return (nodes, nil)
    }

    /// Reads `{{ … }}`, returning what is inside; `{{{ … }}}` comes back as "{ …".
    mutating func readTag(at position: Position) throws -> String {
        let triple = index + 2 < characters.count && characters[index + 2] == "{"
        let braces = triple ? 3 : 2
        for _ in 0..<braces { advance() }
        var content = triple ? "{" : ""
        while index < characters.count {
            if characters[index] == "\n" { throw error("tag {{\(content) is not closed on its line: add }}", at: position) }
            if isClosing(braces) {
                for _ in 0..<braces { advance() }
                return triple ? content + "}" : content
            }
            content.append(characters[index])
            advance()
        }
        throw error("tag {{\(content) is never closed: add }}", at: position)
    }

    private func isClosing(_ braces: Int) -> Bool {
        guard index + braces <= characters.count else { return false }
        return characters[index..<(index + braces)].allSatisfy { $0 == "}" }
    }

    mutating func advance() {
        if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    func error(_ message: String, at position: Position) -> TemplateError {
        TemplateError(template: name, line: position.line, column: position.column, message: message)
    }
}

extension String {
    var trimmed: String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
