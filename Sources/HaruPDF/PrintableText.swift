/// Text as it is drawn: characters that print nothing are dropped, and a character the font has
/// no glyph for becomes "?" and is named, never dropped silently.
enum PrintableText {
    /// Variation selectors (an emoji's U+FE0F, U+FE0E) and zero-width marks: they change how
    /// a neighbour looks on a phone, and print nothing here (libharu would draw each as a box).
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x200B...0x200D, 0x2060, 0xFEFF: return true
        default: return false
        }
    }

    static func droppingInvisibles(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isInvisible) else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.lazy.filter { !isInvisible($0) })
        return String(kept)
    }

    /// `text` with every character `coverage` cannot draw replaced by "?", each one added to `missing` once.
    static func replacingUndrawable(_ text: String, coverage: FontCoverage, missing: inout [Unicode.Scalar]) -> String {
        guard !text.unicodeScalars.allSatisfy({ coverage.covers($0) || $0 == "\n" }) else { return text }
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if coverage.covers(scalar) || scalar == "\n" {
                cleaned.append(scalar)
            } else {
                if !missing.contains(scalar) { missing.append(scalar) }
                cleaned.append("?")
            }
        }
        return String(cleaned)
    }

    /// Every character the pages draw: what the embedded font must hold, and what its ToUnicode map lists.
    static func scalars(drawnOn pages: [[DrawOp]]) -> Set<Unicode.Scalar> {
        var scalars: Set<Unicode.Scalar> = []
        for page in pages {
            for case .text(let string, _, _, _, _, _) in page { scalars.formUnion(string.unicodeScalars) }
        }
        return scalars
    }
}
