import WorkshopModel

/// What a command prints: readable text for people, and the same facts as one JSON document for
/// programs (`--json`, `set format json`).
///
/// Both forms are given as expressions that are evaluated only when asked for: a session prints
/// one of them, and building the other (a list's JSON beside its table) was a large part of what a
/// read command cost. `settle` makes the form the session prints once, inside the command's
/// transaction.
struct Output {
    private var makeText: () -> String
    private var makeJSON: () -> JSON
    var text: String { makeText() }
    var json: JSON { makeJSON() }
    /// What must wait until the change is committed (printing documents: never inside a write
    /// transaction). Returns the output to show instead, or throws: the command then fails, its
    /// change standing (the refusal should say so).
    var afterCommit: (() throws -> Output)?

    init(text: @autoclosure @escaping () -> String, json: @autoclosure @escaping () -> JSON,
         afterCommit: (() throws -> Output)? = nil) {
        makeText = text
        makeJSON = json
        self.afterCommit = afterCommit
    }

    /// Makes the form `format` prints now, once; the other stays unmade unless someone asks for it.
    mutating func settle(_ format: Session.Format) {
        switch format {
        case .text:
            let text = makeText()
            makeText = { text }
        case .json:
            let json = makeJSON()
            makeJSON = { json }
        }
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
        // Printable ASCII (codes, numbers, amounts, times) is one column a byte.
        if scan(text).printableASCII { return text.utf8.count }
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

    /// One pass over the text's bytes: whether it holds a line feed, and whether it is all
    /// printable ASCII (then its width is its length).
    static func scan(_ text: String) -> (lineFeed: Bool, printableASCII: Bool) {
        var text = text
        return text.withUTF8 { bytes in
            var lineFeed = false, printable = true
            for byte in bytes {
                if byte == 0x0A { lineFeed = true }
                if byte < 0x20 || byte >= 0x7F { printable = false }
            }
            return (lineFeed, printable)
        }
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
        // Each cell on one line, cut to the widest a column may get, and measured once.
        let cells = rows.map { row in
            row.map { cell -> (text: String, width: Int) in
                let (lineFeed, printableASCII) = DisplayWidth.scan(cell)
                let flat = lineFeed ? String(cell.map { $0 == "\n" ? " " : $0 }) : cell
                let width = printableASCII ? flat.utf8.count : DisplayWidth.of(flat)
                if width <= maximumWidth { return (flat, width) }
                let cut = DisplayWidth.truncate(flat, to: maximumWidth)
                return (cut, DisplayWidth.of(cut))
            }
        }
        let head = headers.map { ($0, DisplayWidth.of($0)) }
        var widths = head.map(\.1)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.width)
            }
        }
        let right = widths.indices.map(rightAligned.contains)
        // Written as bytes: appending a String piece by piece cost more than all the measuring.
        var out: [UInt8] = []
        out.reserveCapacity((rows.count + 1) * (indent.utf8.count + widths.reduce(0, +) * 3 + widths.count * 2))
        func line(_ row: [(text: String, width: Int)]) {
            if !out.isEmpty { out.append(10) }
            let start = out.count
            out.append(contentsOf: indent.utf8)
            for (index, cell) in row.enumerated() where index < widths.count {
                if index > 0 { out.append(contentsOf: [32, 32]) }
                let gap = widths[index] - cell.width
                if right[index] {
                    out.append(contentsOf: repeatElement(32, count: gap))
                    out.append(contentsOf: cell.text.utf8)
                } else {
                    out.append(contentsOf: cell.text.utf8)
                    if index < widths.count - 1 { out.append(contentsOf: repeatElement(32, count: gap)) }
                }
            }
            while out.count > start, out.last == 32 { out.removeLast() }
        }
        line(head)
        for row in cells { line(row) }
        return String(decoding: out, as: UTF8.self)
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
