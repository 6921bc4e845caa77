/// A TrueType cmap table with one Windows Unicode BMP (3,1) subtable of format 4, the one libharu
/// reads: codes 1…n mapped through a glyph array, and the closing 0xFFFF segment every format 4
/// table ends with.
enum CmapTable {
    static func format4(glyphs: [UInt16]) -> [UInt8] {
        var table = ByteWriter()
        var segments: [(start: UInt16, end: UInt16)] = [(0xFFFF, 0xFFFF)]
        if !glyphs.isEmpty { segments.insert((1, UInt16(glyphs.count)), at: 0) }
        let segCount = UInt16(segments.count)
        var searchRange: UInt16 = 1, entrySelector: UInt16 = 0
        while searchRange * 2 <= segCount { searchRange *= 2; entrySelector += 1 }
        searchRange *= 2
        let subtableLength = 16 + 8 * Int(segCount) + 2 * glyphs.count
        table.u16(0)                      // version
        table.u16(1)                      // one subtable
        table.u16(3); table.u16(1); table.u32(12)  // Windows, Unicode BMP, right after this record
        table.u16(4)
        table.u16(UInt16(subtableLength))
        table.u16(0)                      // language
        table.u16(segCount * 2)
        table.u16(searchRange)
        table.u16(entrySelector)
        table.u16(segCount * 2 - searchRange)
        for segment in segments { table.u16(segment.end) }
        table.u16(0)                      // reserved
        for segment in segments { table.u16(segment.start) }
        for segment in segments { table.u16(segment.start == 0xFFFF ? 1 : 0) }  // idDelta
        // idRangeOffset: from the first segment's own entry to the glyph array after the last.
        for (index, segment) in segments.enumerated() { table.u16(segment.start == 0xFFFF ? 0 : UInt16(2 * (Int(segCount) - index))) }
        for glyph in glyphs { table.u16(glyph) }
        return table.bytes
    }
}

/// Big-endian bytes, as TrueType tables are written.
struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u16(_ value: UInt16) { bytes += [UInt8(value >> 8), UInt8(value & 0xFF)] }
    mutating func u32(_ value: UInt32) { bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
}
