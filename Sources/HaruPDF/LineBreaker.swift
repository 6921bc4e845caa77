/// Where a line of text may break, by the rules of Chinese and Latin typesetting. A piece is what
/// is never broken: a Latin word, number, amount, part number or VIN with the spaces after it; one
/// Chinese character with the punctuation that must stay beside it; a plate (京A·12345); a "*"
/// marker with its word.
enum LineBreaker {
    /// Closing punctuation, never at the start of a line ("/" keeps "工时/数量" whole).
    static let closing: Set<Character> = Set("，。、；：！？）》」』】〕〗〉〙〛”’,.;:!?)]}%％…‥·・/")
    /// Opening punctuation, never at the end of a line; a currency sign stays with its amount.
    static let opening: Set<Character> = Set("（《「『【〔〖〈〘〚“‘([{￥＄")
    /// A mark that refers to a note ("机油 *"): it stays with the word it follows, or at the start
    /// of a text ("* 客户自带配件…") with the word after it.
    static let markers: Set<Character> = Set("*＊※")

    /// The pieces of `text`; joined they give `text` back.
    static func pieces(_ text: Substring) -> [Substring] {
        let characters = Array(text)
        guard !characters.isEmpty else { return [] }
        let glued = plateInteriors(characters)
        let leadingMarker = leadingMarkerEnd(characters)
        var pieces: [Substring] = []
        var start = text.startIndex
        var index = text.index(after: start)
        for position in 1..<characters.count {
            let breaks = !glued.contains(position) && position > leadingMarker
                && mayBreak(between: characters[position - 1], and: characters[position],
                            markerFollows: isMarkerWord(characters, at: position))
            if breaks {
                pieces.append(text[start..<index])
                start = index
            }
            index = text.index(after: index)
        }
        pieces.append(text[start..<text.endIndex])
        return pieces
    }

    static func isWide(_ character: Character) -> Bool {
        (character.unicodeScalars.first?.value ?? 0) >= 0x2E80
    }

    private static func isSpace(_ character: Character) -> Bool { character == " " || character == "\u{3000}" }

    private static func mayBreak(between before: Character, and after: Character, markerFollows: Bool) -> Bool {
        if isSpace(after) || closing.contains(after) || opening.contains(before) { return false }
        if markers.contains(before) || markers.contains(after) { return false }
        if isSpace(before) { return !markerFollows }
        return isWide(before) || isWide(after)
    }

    /// Whether a marker word (markers alone, between spaces or the text's ends) starts at `position`.
    private static func isMarkerWord(_ characters: [Character], at position: Int) -> Bool {
        var end = position
        while end < characters.count, markers.contains(characters[end]) { end += 1 }
        return end > position && (end == characters.count || isSpace(characters[end]))
    }

    /// A marker word that opens the text stays with the word after it: no break up to that word.
    private static func leadingMarkerEnd(_ characters: [Character]) -> Int {
        guard isMarkerWord(characters, at: 0) else { return 0 }
        var end = 0
        while end < characters.count, markers.contains(characters[end]) || isSpace(characters[end]) { end += 1 }
        return end
    }

    /// The province characters a Chinese plate starts with.
    private static let provinces: Set<Character> = Set("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
    private static let plateSuffixes: Set<Character> = Set("学警港澳挂使领试超")

    /// Positions inside a plate (province, letter, optional dot, 4–6 letters or digits, an optional
    /// suffix), where no break may fall.
    private static func plateInteriors(_ characters: [Character]) -> Set<Int> {
        var interiors: Set<Int> = []
        for start in characters.indices where provinces.contains(characters[start]) {
            var end = start + 1
            guard end < characters.count, characters[end].isASCII, characters[end].isUppercase else { continue }
            end += 1
            if end < characters.count, characters[end] == "·" || characters[end] == "•" { end += 1 }
            var serial = 0
            while end < characters.count, serial < 6, characters[end].isASCII,
                  characters[end].isUppercase || characters[end].isNumber {
                end += 1
                serial += 1
            }
            guard serial >= 4 else { continue }
            if end < characters.count, plateSuffixes.contains(characters[end]) { end += 1 }
            for position in (start + 1)..<end { interiors.insert(position) }
        }
        return interiors
    }
}
