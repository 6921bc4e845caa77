/// SQL written with SQLite's placeholders (`?`, `?NNN`) rewritten with PostgreSQL's (`$n`). A plain
/// `?` takes the number after the largest one so far, as in SQLite. String literals (also E'…'
/// with backslash escapes), dollar-quoted strings, quoted identifiers and comments are copied
/// untouched, so a `'?'` in the text stays a question mark.
struct TranslatedSQL {
    let text: String
    /// The largest parameter number used: the arguments a call must give.
    let parameterCount: Int

    init(_ sql: String) {
        let source = Array(sql.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(source.count + 8)
        var largest = 0
        var i = 0
        let n = source.count

        func isIdentifier(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        /// Copies from `i` up to and including the byte that closes a quote opened by `quote`.
        func copyQuoted(_ quote: UInt8, backslashEscapes: Bool) {
            output.append(source[i]); i += 1
            while i < n {
                let byte = source[i]
                output.append(byte); i += 1
                if backslashEscapes && byte == UInt8(ascii: "\\") && i < n {
                    output.append(source[i]); i += 1
                } else if byte == quote {
                    if i < n && source[i] == quote { output.append(source[i]); i += 1 }  // '' inside
                    else { return }
                }
            }
        }

        while i < n {
            let byte = source[i]
            let previous: UInt8 = i > 0 ? source[i - 1] : 0
            switch byte {
            case UInt8(ascii: "'"):
                let escaped = (previous == UInt8(ascii: "E") || previous == UInt8(ascii: "e"))
                    && (i < 2 || !isIdentifier(source[i - 2]))
                copyQuoted(byte, backslashEscapes: escaped)
            case UInt8(ascii: "\""):
                copyQuoted(byte, backslashEscapes: false)
            case UInt8(ascii: "-") where i + 1 < n && source[i + 1] == UInt8(ascii: "-"):
                while i < n && source[i] != UInt8(ascii: "\n") { output.append(source[i]); i += 1 }
            case UInt8(ascii: "/") where i + 1 < n && source[i + 1] == UInt8(ascii: "*"):
                // Block comments nest in PostgreSQL.
                var depth = 0
                repeat {
                    if source[i] == UInt8(ascii: "/") && i + 1 < n && source[i + 1] == UInt8(ascii: "*") {
                        depth += 1; output += [source[i], source[i + 1]]; i += 2
                    } else if source[i] == UInt8(ascii: "*") && i + 1 < n && source[i + 1] == UInt8(ascii: "/") {
                        depth -= 1; output += [source[i], source[i + 1]]; i += 2
                    } else {
                        output.append(source[i]); i += 1
                    }
                } while depth > 0 && i < n
            case UInt8(ascii: "$") where !isIdentifier(previous):
                // $tag$ … $tag$ (the tag may be empty); a `$` that opens none is copied as it is.
                var end = i + 1
                while end < n && isIdentifier(source[end]) && !(end == i + 1 && isDigit(source[end])) { end += 1 }
                guard end < n && source[end] == UInt8(ascii: "$") else { output.append(byte); i += 1; continue }
                let tag = Array(source[i...end])
                output += tag; i = end + 1
                while i < n {
                    if source[i] == UInt8(ascii: "$") && i + tag.count <= n && Array(source[i..<(i + tag.count)]) == tag {
                        output += tag; i += tag.count
                        break
                    }
                    output.append(source[i]); i += 1
                }
            case UInt8(ascii: "?"):
                i += 1
                var number = 0
                var digits = 0
                while i < n && isDigit(source[i]) && digits < 5 {
                    number = number * 10 + Int(source[i] - UInt8(ascii: "0"))
                    digits += 1; i += 1
                }
                if digits == 0 { number = largest + 1 }
                largest = max(largest, number)
                output.append(UInt8(ascii: "$"))
                output += Array(String(number).utf8)
            default:
                output.append(byte); i += 1
            }
        }
        text = String(decoding: output, as: UTF8.self)
        parameterCount = largest
    }
}
