/// The ToUnicode CMap of the embedded font: the character each 2-byte code drawn stands for, so
/// that text copied out of the PDF is the text printed. (libharu 2.3.0 puts an encoding CMap,
/// `begincidrange`, where this map belongs, which readers warn about.)
enum ToUnicodeCMap {
    /// Runs of consecutive codes for consecutive characters become `bfrange` lines, the rest
    /// `bfchar` lines, at most 100 to a block as the CMap format asks. A range stays within one
    /// first byte of its codes and of its characters.
    static func text(for pairs: [(code: UInt16, character: Unicode.Scalar)]) -> String {
        var runs: [(code: UInt16, first: UInt32, count: Int)] = []
        for (code, character) in pairs.sorted(by: { $0.code < $1.code }) where character.value <= 0xFFFF {
            if let last = runs.last, Int(last.code) + last.count == Int(code), last.first + UInt32(last.count) == character.value,
               last.code >> 8 == code >> 8, last.first >> 8 == character.value >> 8 {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((code, character.value, 1))
            }
        }
        let singles = runs.filter { $0.count == 1 }.map { "<\(hex($0.code))> <\(hex($0.first))>" }
        let spans = runs.filter { $0.count > 1 }.map {
            "<\(hex($0.code))> <\(hex(UInt32($0.code) + UInt32($0.count - 1)))> <\(hex($0.first))>"
        }
        var text = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        text += blocks(spans, begin: "beginbfrange", end: "endbfrange")
        text += blocks(singles, begin: "beginbfchar", end: "endbfchar")
        text += """
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end

            """
        return text
    }

    private static func blocks(_ lines: [String], begin: String, end: String) -> String {
        stride(from: 0, to: lines.count, by: 100).map { start in
            let chunk = lines[start..<min(lines.count, start + 100)]
            return "\(chunk.count) \(begin)\n" + chunk.joined(separator: "\n") + "\n\(end)\n"
        }.joined()
    }

    private static func hex<Code: BinaryInteger>(_ code: Code) -> String {
        let digits = String(code, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
