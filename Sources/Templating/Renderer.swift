import Foundation

/// Loads templates from a folder (cached after the first use) and renders them with data.
public final class TemplateLibrary {
    public let directory: String
    private var cache: [String: Template] = [:]

    public init(directory: String) {
        self.directory = directory
    }

    /// The template `name` (file `name.html`; a partial may also be `_name.html`).
    public func template(_ name: String) throws -> Template {
        if let cached = cache[name] { return cached }
        let candidates = [name, name + ".html", "_" + name + ".html"].map { directory + "/" + $0 }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
              let data = FileManager.default.contents(atPath: path) else {
            throw TemplateError(template: name, line: 0, column: 0, message: "no template \(name).html in \(directory)")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw TemplateError(template: name, line: 0, column: 0, message: "\(path) is not UTF-8 text")
        }
        let template = try Template(name: (path as NSString).lastPathComponent, source: source)
        cache[name] = template
        return template
    }

    public func render(_ name: String, _ data: TemplateValue) throws -> String {
        var out = ""
        var depth = 0
        try render(try template(name), context: [data], into: &out, depth: &depth)
        return out
    }

    private func render(_ template: Template, context: [TemplateValue], into out: inout String, depth: inout Int) throws {
        try render(template.nodes, template: template, context: context, into: &out, depth: &depth)
    }

    private func render(_ nodes: [Template.Node], template: Template, context: [TemplateValue], into out: inout String,
                        depth: inout Int) throws {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
            case .value(let path, let escaped, let position):
                let value = try lookup(path, in: context, template: template, at: position)
                out += escaped ? HTML.escape(value.text) : value.text
            case .section(let path, let inverted, let children, let position):
                let value = try lookup(path, in: context, template: template, at: position)
                if inverted {
                    if !value.isTruthy { try render(children, template: template, context: context, into: &out, depth: &depth) }
                    continue
                }
                guard value.isTruthy else { continue }
                if case .list(let items) = value {
                    for item in items {
                        try render(children, template: template, context: context + [item], into: &out, depth: &depth)
                    }
                } else {
                    try render(children, template: template, context: context + [value], into: &out, depth: &depth)
                }
            case .partial(let name, let position):
                guard depth < 20 else {
                    throw TemplateError(template: template.name, line: position.line, column: position.column,
                                        message: "partials nested more than 20 deep (does \(name) include itself?)")
                }
                let partial: Template
                do {
                    partial = try self.template(name)
                } catch let error as TemplateError where error.line == 0 {
                    throw TemplateError(template: template.name, line: position.line, column: position.column, message: error.message)
                }
                depth += 1
                try render(partial, context: context, into: &out, depth: &depth)
                depth -= 1
            }
        }
    }

    /// Finds `a.b.c` starting from the innermost context; `.` is the current item.
    private func lookup(_ path: String, in context: [TemplateValue], template: Template,
                        at position: Template.Position) throws -> TemplateValue {
        if path == "." { return context.last ?? .null }
        let keys = path.split(separator: ".").map(String.init)
        for frame in context.reversed() {
            guard case .object(let object) = frame, let first = object[keys[0]] else { continue }
            var value = first
            for key in keys.dropFirst() {
                guard case .object(let inner) = value, let next = inner[key] else {
                    throw TemplateError(template: template.name, line: position.line, column: position.column,
                                        message: "\(path): '\(key)' is not in the data")
                }
                value = next
            }
            return value
        }
        throw TemplateError(template: template.name, line: position.line, column: position.column,
                            message: "unknown name '\(path)'")
    }
}

public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

public enum CSS {
    /// `text` escaped for use between the quotes of a CSS string (a margin box's `content`):
    /// quotes, backslashes, `<`, `>`, `&` and control characters become hexadecimal escapes
    /// (`\22 `), so the result is unchanged by HTML escaping and cannot close the string or a
    /// `<style>` element. A line break becomes `\a ` (shown as a space unless white-space keeps it).
    public static func escapeInString(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "'", "\\", "<", ">", "&", "\u{7F}":
                out += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20:
                out += "\\" + String(scalar.value, radix: 16) + " "
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
