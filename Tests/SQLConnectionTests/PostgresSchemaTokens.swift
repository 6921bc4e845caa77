import Foundation

/// An index's columns and condition as tokens both databases give the same: SQLite keeps the text
/// they were written with; PostgreSQL prints its own reading back (`status = ANY (ARRAY['a'::text,
/// 'b'::text])` for `status IN ('a','b')`, with parentheses of its own). So both are cut into
/// names, literals, numbers and operators, with the parentheses, commas, casts, ANY and ARRAY left
/// out and IN read as `=`: the same columns, values and comparisons in the same order give the
/// same tokens; a changed value, column or comparison does not.
enum PostgresSchemaTokens {
    static func tokens(_ text: String) -> [String] {
        let characters = Array(text)
        var tokens: [String] = []
        var i = 0
        var skipType = false
        func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        while i < characters.count {
            let c = characters[i]
            if c.isWhitespace || "(),[]".contains(c) {
                i += 1
            } else if c == "'" {
                var literal = "'"
                i += 1
                while i < characters.count {
                    literal.append(characters[i])
                    if characters[i] == "'" {
                        if i + 1 < characters.count && characters[i + 1] == "'" { literal.append("'"); i += 2; continue }
                        i += 1
                        break
                    }
                    i += 1
                }
                tokens.append(literal)
            } else if c == ":" && i + 1 < characters.count && characters[i + 1] == ":" {
                skipType = true
                i += 2
            } else if c == "\"" || isNameCharacter(c) {
                var name = ""
                if c == "\"" {
                    i += 1
                    while i < characters.count && characters[i] != "\"" { name.append(characters[i]); i += 1 }
                    i += 1
                } else {
                    while i < characters.count && isNameCharacter(characters[i]) { name.append(characters[i]); i += 1 }
                    name = name.lowercased()
                }
                if skipType { skipType = false; continue }
                switch name {
                case "any", "array": continue
                case "in": tokens.append("=")
                default: tokens.append(name)
                }
            } else {
                var op = ""
                while i < characters.count && "<>=!+-*/|%".contains(characters[i]) { op.append(characters[i]); i += 1 }
                if op.isEmpty { op = String(c); i += 1 }
                tokens.append(op)
            }
        }
        return tokens
    }

    /// The column list and the condition of a `CREATE INDEX … ON table(columns) [WHERE condition]`
    /// as SQLite keeps it; each column's text apart.
    static func createIndexParts(_ sql: String) -> (columns: [String], condition: String?) {
        let characters = Array(sql)
        guard let on = sql.range(of: " ON ", options: .caseInsensitive) else { return ([], nil) }
        var i = sql.distance(from: sql.startIndex, to: on.upperBound)
        while i < characters.count && characters[i] != "(" { i += 1 }
        i += 1
        var columns: [String] = []
        var current = ""
        var depth = 0
        var inLiteral = false
        while i < characters.count {
            let c = characters[i]
            i += 1
            if inLiteral {
                current.append(c)
                if c == "'" { inLiteral = false }
                continue
            }
            switch c {
            case "'": inLiteral = true; current.append(c)
            case "(": depth += 1; current.append(c)
            case ")" where depth == 0:
                columns.append(current.trimmingCharacters(in: .whitespaces))
                let rest = String(characters[i...]).trimmingCharacters(in: .whitespacesAndNewlines)
                guard rest.uppercased().hasPrefix("WHERE") else { return (columns, nil) }
                return (columns, String(rest.dropFirst("WHERE".count)))
            case ")": depth -= 1; current.append(c)
            case "," where depth == 0:
                columns.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            default: current.append(c)
            }
        }
        return (columns, nil)
    }
}
