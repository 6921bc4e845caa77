/// Measures and wraps text in one font. Widths are cached per piece of text: a document repeats
/// the same characters and words many times.
final class TextMeasure {
    let font: TextFont
    private var cache: [Substring: Float] = [:]

    init(font: TextFont) { self.font = font }

    func width(_ text: Substring, size: Float) -> Float {
        if let unit = cache[text] { return unit * size / 1000 }
        let unit = font.unitWidth(String(text))
        cache[text] = unit
        return unit * size / 1000
    }

    func width(_ text: String, size: Float) -> Float { width(Substring(text), size: size) }

    /// Breaks `text` into lines no wider than `width`: between words of Latin text, between any
    /// two Chinese characters, never before closing punctuation; explicit newlines are kept.
    func wrap(_ text: String, width: Float, size: Float) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth: Float = 0
            for token in TextMeasure.tokens(paragraph) {
                let tokenWidth = self.width(token, size: size)
                if lineWidth + tokenWidth <= width || line.isEmpty && tokenWidth <= width {
                    line += token
                    lineWidth += tokenWidth
                    continue
                }
                if token.allSatisfy({ $0 == " " }) { continue }  // a space at the break disappears
                if !line.isEmpty {
                    lines.append(line.trimmingTrailingSpaces)
                    line = ""
                    lineWidth = 0
                }
                if tokenWidth <= width {
                    line = String(token)
                    lineWidth = tokenWidth
                } else {
                    // A word wider than the line (a VIN in a narrow cell): break it by characters.
                    for character in token {
                        let characterWidth = self.width(Substring(String(character)), size: size)
                        if lineWidth + characterWidth > width && !line.isEmpty {
                            lines.append(line)
                            line = ""
                            lineWidth = 0
                        }
                        line.append(character)
                        lineWidth += characterWidth
                    }
                }
            }
            lines.append(line.trimmingTrailingSpaces)
        }
        return lines
    }

    static let noBreakBefore: Set<Character> = Set("，。、；：！？）》」』】”’,.;:!?)%·")

    /// Words (with their trailing spaces) and single Chinese characters (with any closing punctuation).
    static func tokens(_ text: Substring) -> [Substring] {
        var tokens: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let isWide = character.unicodeScalars.first.map { $0.value >= 0x2E80 } ?? false
            let nextCharacter = next < text.endIndex ? text[next] : nil
            let breakAfter: Bool
            if let nextCharacter, noBreakBefore.contains(nextCharacter) {
                breakAfter = false
            } else if isWide {
                breakAfter = true
            } else if character == " " {
                breakAfter = nextCharacter != " "
            } else if let nextCharacter, let scalar = nextCharacter.unicodeScalars.first, scalar.value >= 0x2E80 {
                breakAfter = true
            } else {
                breakAfter = false
            }
            if breakAfter || next == text.endIndex {
                tokens.append(text[start..<next])
                start = next
            }
            index = next
        }
        return tokens
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
