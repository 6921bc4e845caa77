import WorkshopModel

/// One word of a command line. `key` is set for `key=value` words whose `=` was not quoted.
struct Token: Equatable {
    var text: String
    var key: String?
}

/// Splits a command line into words: spaces separate (the ideographic space too); "…" and '…'
/// quote, as do the Chinese “…” and ‘…’ an input method types; a backslash escapes inside "…";
/// `#` at the start of a word begins a comment. `key=value` (also `key＝value`) is an option.
enum Tokenizer {
    static func tokenize(_ line: String) throws -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var inWord = false
        var key: String?
        var quotedSoFar = false
        var iterator = Array(line.unicodeScalars)
        var index = 0

        func finishWord() {
            if inWord { tokens.append(Token(text: current, key: key)) }
            current = ""
            inWord = false
            key = nil
            quotedSoFar = false
        }

        // Strip a UTF-8 byte-order mark that editors put at the start of a script.
        if iterator.first == "\u{FEFF}" { iterator.removeFirst() }

        while index < iterator.count {
            let scalar = iterator[index]
            switch scalar {
            case " ", "\t", "\u{3000}", "\r", "\n":
                finishWord()
            case "#" where !inWord:
                return tokens
            case "\"", "'", "“", "‘":
                let close: Unicode.Scalar = scalar == "“" ? "”" : scalar == "‘" ? "’" : scalar
                let start = index
                index += 1
                var closed = false
                while index < iterator.count {
                    let inner = iterator[index]
                    if inner == close { closed = true; break }
                    if scalar == "\"" && inner == "\\" && index + 1 < iterator.count {
                        index += 1
                        let escaped = iterator[index]
                        switch escaped {
                        case "n": current.unicodeScalars.append("\n")
                        case "t": current.unicodeScalars.append("\t")
                        default: current.unicodeScalars.append(escaped)
                        }
                    } else {
                        current.unicodeScalars.append(inner)
                    }
                    index += 1
                }
                if !closed {
                    throw GrammarRefusal.unclosedQuote(column: start + 1, quote: String(scalar), close: String(close))
                }
                inWord = true
                quotedSoFar = true
            case "=", "＝":
                if inWord && key == nil && !quotedSoFar && isKey(current) {
                    key = current.lowercased()
                    current = ""
                } else {
                    current.unicodeScalars.append(scalar)
                    inWord = true
                }
            default:
                current.unicodeScalars.append(halfWidth(scalar, after: current.unicodeScalars.last))
                inWord = true
            }
            index += 1
        }
        finishWord()
        return tokens
    }

    /// An input method in full-width mode types ａｍｏｕｎｔ＝１００ and 粤Ｂ７Ｈ２Ｌ９: outside quotes,
    /// full-width letters and digits are read as the ASCII ones, and so are the point, colon, hyphen
    /// and slash right after a digit (１００．５, ０９：３０, ２０２６－１１－３０). Other full-width
    /// punctuation (，。（）) is Chinese text and stays as typed.
    static func halfWidth(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Unicode.Scalar {
        let value = scalar.value
        let isLetterOrDigit = (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value)
        let isNumberPunctuation = ["．", "：", "－", "／"].contains(scalar) && previous.map { ("0"..."9").contains($0) } == true
        guard isLetterOrDigit || isNumberPunctuation, let ascii = Unicode.Scalar(value - 0xFEE0) else { return scalar }
        return ascii
    }

    /// Option keys are ASCII words: letters, digits, `_` and `-`, starting with a letter.
    static func isKey(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
    }
}
