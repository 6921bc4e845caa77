/// A TrueType font file as its tables, to put a new one in place of another: the table directory
/// rebuilt, each table 4-byte aligned with its checksum, and head's checksum adjustment made anew.
struct TrueTypeFile {
    private(set) var version: UInt32
    private(set) var tables: [(tag: String, data: [UInt8])]

    init(_ bytes: [UInt8]) throws {
        guard bytes.count >= 12 else { throw PDFError.subset("a font shorter than its header") }
        version = bytes.u32(0)
        let count = Int(bytes.u16(4))
        guard bytes.count >= 12 + 16 * count else { throw PDFError.subset("a font shorter than its table directory") }
        tables = try (0..<count).map { index in
            let record = 12 + 16 * index
            let tag = String(decoding: bytes[record..<record + 4], as: UTF8.self)
            let offset = Int(bytes.u32(record + 8)), length = Int(bytes.u32(record + 12))
            guard offset + length <= bytes.count else { throw PDFError.subset("a font whose \(tag) table runs past its end") }
            return (tag, Array(bytes[offset..<offset + length]))
        }
    }

    mutating func replace(_ tag: String, with data: [UInt8]) {
        tables.removeAll { $0.tag == tag }
        tables.append((tag, data))
        tables.sort { $0.tag < $1.tag }
    }

    var bytes: [UInt8] {
        var head = ByteWriter()
        let count = UInt16(tables.count)
        var power: UInt16 = 1, log: UInt16 = 0
        while power * 2 <= count { power *= 2; log += 1 }
        head.u32(version)
        head.u16(count)
        head.u16(power * 16)
        head.u16(log)
        head.u16(count * 16 - power * 16)
        var offset = 12 + 16 * tables.count
        var body: [UInt8] = []
        var headOffset: Int?
        for var table in tables {
            if table.tag == "head", table.data.count >= 12 {
                table.data.replaceSubrange(8..<12, with: [0, 0, 0, 0])  // checkSumAdjustment, set below
                headOffset = offset
            }
            head.bytes += Array(table.tag.utf8)
            head.u32(TrueTypeFile.checksum(table.data))
            head.u32(UInt32(offset))
            head.u32(UInt32(table.data.count))
            let padded = table.data + [UInt8](repeating: 0, count: (4 - table.data.count % 4) % 4)
            body += padded
            offset += padded.count
        }
        var file = head.bytes + body
        if let headOffset {
            let adjustment = 0xB1B0_AFBA &- TrueTypeFile.checksum(file)
            file.replaceSubrange(headOffset + 8..<headOffset + 12, with: [UInt8(adjustment >> 24), UInt8(adjustment >> 16 & 0xFF),
                                                                          UInt8(adjustment >> 8 & 0xFF), UInt8(adjustment & 0xFF)])
        }
        return file
    }

    static func checksum(_ data: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        var index = 0
        while index < data.count {
            var word: UInt32 = 0
            for byte in 0..<4 { word = word << 8 | UInt32(index + byte < data.count ? data[index + byte] : 0) }
            sum = sum &+ word
            index += 4
        }
        return sum
    }
}
