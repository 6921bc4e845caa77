/// The ToUnicode CMap of the embedded font: what each code drawn stands for, so that text copied
/// out of the PDF is the text printed. libharu's UTF-8 encoder writes each character as its
/// 2-byte BMP code point; libharu 2.3.0 puts an encoding CMap (`begincidrange`) where this map
/// belongs, which readers warn about.
enum ToUnicodeCMap {
    /// Runs of consecutive characters become `bfrange` lines, the rest `bfchar` lines, at most 100
    /// to a block as the CMap format asks. A range never crosses a change of the code's first byte.
    static func text(for scalars: Set<Unicode.Scalar>) -> String {
        let codes = scalars.map(\.value).filter { $0 <= 0xFFFF }.sorted()
        var ranges: [(UInt32, UInt32)] = []
        for code in codes {
            if let last = ranges.last, last.1 + 1 == code, last.1 >> 8 == code >> 8 {
                ranges[ranges.count - 1].1 = code
            } else {
                ranges.append((code, code))
            }
        }
        let singles = ranges.filter { $0.0 == $0.1 }.map { "<\(hex($0.0))> <\(hex($0.0))>" }
        let spans = ranges.filter { $0.0 != $0.1 }.map { "<\(hex($0.0))> <\(hex($0.1))> <\(hex($0.0))>" }
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

    private static func hex(_ code: UInt32) -> String {
        let digits = String(code, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
