/// Advance widths at size 1000, from the font a PDF will draw with. Text is as wide as the sum of
/// its characters: libharu does not kern.
protocol GlyphWidths {
    func unitWidth(_ scalar: Unicode.Scalar) -> Float
}

extension FontFace: GlyphWidths {}

/// Text fitted to a width: its lines, and the size they are drawn at.
struct FittedText: Equatable {
    var lines: [String]
    var size: Float
}

/// Measures and fits text in one font. Widths are cached per character of the BMP: a document
/// repeats the same few hundred many times.
final class TextMeasure {
    let font: any GlyphWidths
    private var widths = [Float](repeating: -1, count: 0x10000)

    /// How far text may shrink to keep a word whole, as a share of its size; a number, amount,
    /// part number, plate or VIN (a piece with a digit) may shrink further before anything breaks it.
    static let smallestShare: Float = 0.75
    static let smallestShareForNumbers: Float = 0.55

    /// A text of a few characters without a space (a brand or a name: 特斯拉, 米其林, 钱主管) is taken
    /// for one word: it shrinks before it breaks, as a Latin word does, never "特斯" over "拉".
    static let shortWordLength = 5

    static func isShortWord(_ text: Substring) -> Bool {
        text.unicodeScalars.count <= shortWordLength && !text.unicodeScalars.contains { $0.properties.isWhitespace }
    }

    init(font: any GlyphWidths) { self.font = font }

    func width(_ text: Substring, size: Float) -> Float { unitWidth(text) * size / 1000 }

    func width(_ text: String, size: Float) -> Float { width(Substring(text), size: size) }

    private func unitWidth(_ text: Substring) -> Float {
        var total: Float = 0
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            guard value < 0x10000 else { total += font.unitWidth(scalar); continue }
            if widths[value] < 0 { widths[value] = font.unitWidth(scalar) }
            total += widths[value]
        }
        return total
    }

    /// `text` in lines no wider than `width`, broken only where `LineBreaker` allows; explicit
    /// newlines are kept. A piece wider than the line first makes the whole text smaller, down to
    /// the smallest share of `size`; only a word without digits still too wide is then broken
    /// between characters.
    func fit(_ text: String, width: Float, size: Float) -> FittedText {
        // Most cells hold one short line: nothing to break.
        if unitWidth(Substring(text)) * size / 1000 <= width, !text.contains("\n") {
            return FittedText(lines: [String(text.trimmingTrailingSpaces)], size: size)
        }
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph in
            TextMeasure.isShortWord(paragraph) ? [paragraph] : LineBreaker.pieces(paragraph)
        }
        // Quarter points: a few sizes, not one per cell; never below the smallest.
        func quarters(_ size: Float, _ rule: FloatingPointRoundingRule) -> Float { (size * 4).rounded(rule) / 4 }
        var fitted = size
        for piece in paragraphs.joined() {
            let unit = unitWidth(piece.trimmingTrailingSpaces)
            guard unit * fitted / 1000 > width, unit > 0 else { continue }
            let share = piece.hasDigit ? TextMeasure.smallestShareForNumbers : TextMeasure.smallestShare
            // A piece too wide even at its smallest size is broken (wrap), at no less than a word's
            // smallest size: a part number broken in three and shrunk to half would be unreadable.
            let needed = quarters(width * 1000 / unit, .down)
            fitted = min(fitted, needed >= quarters(size * share, .up) ? needed : quarters(size * TextMeasure.smallestShare, .up))
        }
        return FittedText(lines: paragraphs.flatMap { wrap($0, width: width, size: fitted) }, size: fitted)
    }

    /// Greedy filling: a piece goes on the line if it fits without its trailing spaces. A piece
    /// with a digit (a part number, an amount) wider than the line even at its smallest size is
    /// broken after its hyphens, underscores and slashes (WABCO-925-321-0010-…), and only then
    /// by characters: never drawn over the next column.
    private func wrap(_ pieces: [Substring], width: Float, size: Float) -> [String] {
        let pieces = pieces.flatMap { piece in
            piece.hasDigit && self.width(piece.trimmingTrailingSpaces, size: size) > width ? TextMeasure.afterJoiners(piece) : [piece]
        }
        var lines: [String] = []
        var line = ""
        var lineWidth: Float = 0
        for piece in pieces {
            let pieceWidth = self.width(piece, size: size)
            let inkWidth = self.width(piece.trimmingTrailingSpaces, size: size)
            if line.isEmpty || lineWidth + inkWidth <= width {
                if line.isEmpty && inkWidth > width {
                    lines += breakByCharacters(piece, width: width, size: size, into: &line, lineWidth: &lineWidth)
                    continue
                }
                line += piece
                lineWidth += pieceWidth
                continue
            }
            lines.append(String(line.trimmingTrailingSpaces))
            line = ""
            lineWidth = 0
            if inkWidth > width {
                lines += breakByCharacters(piece, width: width, size: size, into: &line, lineWidth: &lineWidth)
            } else {
                line = String(piece)
                lineWidth = pieceWidth
            }
        }
        lines.append(String(line.trimmingTrailingSpaces))
        return lines
    }

    /// A piece cut after each hyphen, underscore or slash: where a part number breaks.
    static func afterJoiners(_ piece: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = piece.startIndex
        for index in piece.indices where "-_/".contains(piece[index]) {
            let end = piece.index(after: index)
            parts.append(piece[start..<end])
            start = end
        }
        if start < piece.endIndex { parts.append(piece[start...]) }
        return parts
    }

    /// The last resort, for a word wider than the line at the smallest size.
    private func breakByCharacters(_ piece: Substring, width: Float, size: Float, into line: inout String,
                                   lineWidth: inout Float) -> [String] {
        var lines: [String] = []
        for character in piece {
            let characterWidth = self.width(Substring(String(character)), size: size)
            if lineWidth + characterWidth > width && !line.isEmpty && character != " " {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            line.append(character)
            lineWidth += characterWidth
        }
        return lines
    }

    /// The largest size up to `size` at which one line of `text` is no wider than `width`.
    func size(toFit text: String, width: Float, size: Float) -> Float {
        let natural = self.width(text, size: size)
        guard natural > width, natural > 0 else { return size }
        return ((size * width / natural) * 4).rounded(.down) / 4
    }
}

extension StringProtocol {
    /// Whether a decimal digit is in it: a number, amount, part number, plate or VIN.
    var hasDigit: Bool { unicodeScalars.contains { $0.properties.numericType == .decimal } }

    var trimmingTrailingSpaces: SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[startIndex..<end]
    }
}
