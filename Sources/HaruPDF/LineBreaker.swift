/// Where a line of text may break, by the rules of Chinese and Latin typesetting. A piece is what
/// is never broken: a Latin word, number, amount, part number or VIN with the spaces after it; one
/// Chinese character with the punctuation that must stay beside it; a plate (京A·12345); a "*"
/// marker with its word. Works on Unicode scalars (a combining mark stays with what it follows).
enum LineBreaker {
    /// Closing punctuation, never at the start of a line ("/" keeps "工时/数量" whole).
    static let closing: Set<Unicode.Scalar> = scalars("，。、；：！？）》」』】〕〗〉〙〛”’,.;:!?)]}%％…‥·・/")
    /// Opening punctuation, never at the end of a line; a currency sign stays with its amount.
    static let opening: Set<Unicode.Scalar> = scalars("（《「『【〔〖〈〘〚“‘([{￥＄")
    /// A mark that refers to a note ("机油 *"): it stays with the word it follows, or at the start
    /// of a text ("* 客户自带配件…") with the word after it.
    static let markers: Set<Unicode.Scalar> = scalars("*＊※")

    private static func scalars(_ text: String) -> Set<Unicode.Scalar> { Set(text.unicodeScalars) }

    /// The pieces of `text`; joined they give `text` back.
    static func pieces(_ text: Substring) -> [Substring] {
        let view = text.unicodeScalars
        let scalars = Array(view)
        guard !scalars.isEmpty else { return [] }
        let glued = plateInteriors(scalars)
        let leadingMarker = leadingMarkerEnd(scalars)
        var pieces: [Substring] = []
        var start = view.startIndex
        var index = view.index(after: start)
        for position in 1..<scalars.count {
            let breaks = position > leadingMarker && !glued.contains(position)
                && mayBreak(between: scalars[position - 1], and: scalars[position], markerFollows: isMarkerWord(scalars, at: position))
            if breaks {
                pieces.append(Substring(view[start..<index]))
                start = index
            }
            index = view.index(after: index)
        }
        pieces.append(Substring(view[start..<view.endIndex]))
        return pieces
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x2E80 }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\u{3000}" }

    /// Combining marks and joiners belong to the character before them.
    private static func isAttached(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return scalar == "\u{200D}"
        }
    }

    private static func mayBreak(between before: Unicode.Scalar, and after: Unicode.Scalar, markerFollows: Bool) -> Bool {
        if isSpace(after) || closing.contains(after) || opening.contains(before) || isAttached(after) { return false }
        if markers.contains(before) || markers.contains(after) { return false }
        if isSpace(before) { return !markerFollows }
        return isWide(before) || isWide(after)
    }

    /// Whether a marker word (markers alone, between spaces or the text's ends) starts at `position`.
    private static func isMarkerWord(_ scalars: [Unicode.Scalar], at position: Int) -> Bool {
        var end = position
        while end < scalars.count, markers.contains(scalars[end]) { end += 1 }
        return end > position && (end == scalars.count || isSpace(scalars[end]))
    }

    /// A marker word that opens the text stays with the word after it: no break up to that word.
    private static func leadingMarkerEnd(_ scalars: [Unicode.Scalar]) -> Int {
        guard isMarkerWord(scalars, at: 0) else { return 0 }
        var end = 0
        while end < scalars.count, markers.contains(scalars[end]) || isSpace(scalars[end]) { end += 1 }
        return end
    }

    /// The province characters a Chinese plate starts with.
    private static let provinces: Set<Unicode.Scalar> = scalars("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
    private static let plateSuffixes: Set<Unicode.Scalar> = scalars("学警港澳挂使领试超")

    private static func isPlateLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x41 && scalar.value <= 0x5A }
    private static func isPlateSerial(_ scalar: Unicode.Scalar) -> Bool { isPlateLetter(scalar) || (scalar.value >= 0x30 && scalar.value <= 0x39) }

    /// Positions inside a plate (province, letter, optional dot, 4–6 letters or digits, an optional
    /// suffix), where no break may fall.
    private static func plateInteriors(_ scalars: [Unicode.Scalar]) -> Set<Int> {
        var interiors: Set<Int> = []
        for start in scalars.indices where provinces.contains(scalars[start]) {
            var end = start + 1
            guard end < scalars.count, isPlateLetter(scalars[end]) else { continue }
            end += 1
            if end < scalars.count, scalars[end] == "·" || scalars[end] == "•" { end += 1 }
            var serial = 0
            while end < scalars.count, serial < 6, isPlateSerial(scalars[end]) {
                end += 1
                serial += 1
            }
            guard serial >= 4 else { continue }
            if end < scalars.count, plateSuffixes.contains(scalars[end]) { end += 1 }
            for position in (start + 1)..<end { interiors.insert(position) }
        }
        return interiors
    }
}
