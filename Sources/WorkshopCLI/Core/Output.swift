import WorkshopModel

/// What a command prints: readable text for people, and the same facts as one JSON document for
/// programs (`--json`, `set format json`).
struct Output {
    var text: String
    var json: JSON
    /// What must wait until the change is committed (printing documents: never inside a write
    /// transaction). Returns the output to show instead, or throws: the command then fails, its
    /// change standing (the refusal should say so).
    var afterCommit: (() throws -> Output)?

    init(text: String, json: JSON, afterCommit: (() throws -> Output)? = nil) {
        self.text = text
        self.json = json
        self.afterCommit = afterCommit
    }

    /// A short confirmation, e.g. after a change.
    static func message(_ text: String, _ fields: [(String, JSON)] = []) -> Output {
        Output(text: text, json: .object([("ok", .bool(true)), ("message", .string(text))] + fields))
    }

    static var empty: Output { Output(text: "", json: .object([("ok", .bool(true))])) }
}

/// Terminal width of text: CJK and full-width characters take two columns.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        // Combining marks and zero-width characters (ranges, not Unicode properties: those are slow).
        if (0x0300...0x036F).contains(v) || (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v)
            || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v) || (0xFE00...0xFE0F).contains(v)
            || v == 0x200B || v == 0x200C || v == 0x200D {
            return 0
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let gap = max(0, width - of(text))
        let spaces = String(repeating: " ", count: gap)
        return right ? spaces + text : text + spaces
    }

    /// Cuts text to at most `width` columns, marking the cut with "…".
    static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(String(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }
}

/// A plain text table whose columns line up with Chinese text in them.
struct TextTable {
    var headers: [String]
    var rightAligned: Set<Int> = []
    var rows: [[String]] = []
    /// The widest a column may get before its text is cut.
    var maximumWidth = 40

    init(_ headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render(indent: String = "  ") -> String {
        let cells = rows.map { row in
            row.map { cell in
                DisplayWidth.truncate(cell.utf8.contains(10) ? String(cell.map { $0 == "\n" ? " " : $0 }) : cell, to: maximumWidth)
            }
        }
        var widths = headers.map(DisplayWidth.of)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in row.enumerated() where index < widths.count {
                let isLast = index == widths.count - 1
                parts.append(isLast && !rightAligned.contains(index)
                             ? cell : DisplayWidth.pad(cell, to: widths[index], right: rightAligned.contains(index)))
            }
            var text = indent + parts.joined(separator: "  ")
            while text.utf8.last == UInt8(ascii: " ") { text.removeLast() }
            return text
        }
        var out = [line(headers)]
        for row in cells { out.append(line(row)) }
        return out.joined(separator: "\n")
    }
}

/// Label–value lines, aligned: "  里程 Odometer   45210 km".
struct Fields {
    private var pairs: [(String, String)] = []

    mutating func add(_ label: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        pairs.append((label, value))
    }

    func render(indent: String = "  ") -> String {
        let width = pairs.map { DisplayWidth.of($0.0) }.max() ?? 0
        return pairs.map { indent + DisplayWidth.pad($0.0, to: width) + "  " + $0.1 }.joined(separator: "\n")
    }
}
