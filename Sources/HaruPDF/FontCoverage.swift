import Foundation

/// Which characters a TrueType font (or a face of a .ttc collection) can draw, read from its cmap
/// table. libharu draws a missing glyph as a blank box and drops characters outside the BMP
/// without a word; Workshop checks first and says which characters it could not print.
public struct FontCoverage: Sendable {
    private let bits: [UInt64]

    /// Reads the cmap of face `face` of the font file at `path`.
    public init(path: String, face: Int = 0) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw PDFError.fontMissing(path) }
        defer { try? handle.close() }
        func read(_ offset: Int, _ count: Int) throws -> [UInt8] {
            try handle.seek(toOffset: UInt64(offset))
            let data = handle.readData(ofLength: count)
            guard data.count == count else { throw PDFError.badFont(path, "file ends early") }
            return [UInt8](data)
        }
        var fontOffset = 0
        let header = try read(0, 12)
        if header[0..<4].elementsEqual([0x74, 0x74, 0x63, 0x66]) {  // "ttcf"
            let count = Int(header.u32(8))
            guard face < count else { throw PDFError.badFont(path, "has \(count) faces, not \(face + 1)") }
            fontOffset = Int(try read(12 + 4 * face, 4).u32(0))
        }
        let directory = try read(fontOffset, 12)
        let tableCount = Int(directory.u16(4))
        let records = try read(fontOffset + 12, 16 * tableCount)
        var cmapOffset = 0, cmapLength = 0
        for index in 0..<tableCount where records[index * 16..<index * 16 + 4].elementsEqual([0x63, 0x6D, 0x61, 0x70]) {  // "cmap"
            cmapOffset = Int(records.u32(index * 16 + 8))
            cmapLength = Int(records.u32(index * 16 + 12))
        }
        guard cmapLength > 0 else { throw PDFError.badFont(path, "has no cmap table") }
        let cmap = try read(cmapOffset, cmapLength)
        bits = try FontCoverage.coverage(cmap: cmap, path: path)
    }

    /// Whether the font has a glyph for `scalar`. Only the BMP counts: libharu cannot draw beyond it.
    public func covers(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value)
        guard value < 0x10000 else { return false }
        return bits[value >> 6] & (1 << UInt64(value & 63)) != 0
    }

    private static func coverage(cmap: [UInt8], path: String) throws -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 1024)
        let subtables = Int(cmap.u16(2))
        var best: Int?
        for index in 0..<subtables {
            let platform = cmap.u16(4 + index * 8), encoding = cmap.u16(6 + index * 8)
            let offset = Int(cmap.u32(8 + index * 8))
            // Windows Unicode BMP (3,1) or Unicode (0,3): format 4.
            if (platform == 3 && encoding == 1) || (platform == 0 && encoding <= 3), cmap.u16(offset) == 4 {
                best = offset
            }
        }
        guard let table = best else { throw PDFError.badFont(path, "has no Unicode BMP cmap (format 4)") }
        let segments = Int(cmap.u16(table + 6)) / 2
        let ends = table + 14
        let starts = ends + segments * 2 + 2
        let deltas = starts + segments * 2
        let rangeOffsets = deltas + segments * 2
        for segment in 0..<segments {
            let start = Int(cmap.u16(starts + segment * 2)), end = Int(cmap.u16(ends + segment * 2))
            guard start <= end, end < 0xFFFF || start < 0xFFFF else { continue }
            let delta = Int(cmap.u16(deltas + segment * 2))
            let rangeOffset = Int(cmap.u16(rangeOffsets + segment * 2))
            for code in start...min(end, 0xFFFE) {
                var glyph: Int
                if rangeOffset == 0 {
                    glyph = (code + delta) & 0xFFFF
                } else {
                    let position = rangeOffsets + segment * 2 + rangeOffset + (code - start) * 2
                    guard position + 1 < cmap.count else { continue }
                    glyph = Int(cmap.u16(position))
                    if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                }
                if glyph != 0 { bits[code >> 6] |= 1 << UInt64(code & 63) }
            }
        }
        return bits
    }
}

extension Array where Element == UInt8 {
    func u16(_ offset: Int) -> UInt16 { UInt16(self[offset]) << 8 | UInt16(self[offset + 1]) }
    func u32(_ offset: Int) -> UInt32 {
        UInt32(self[offset]) << 24 | UInt32(self[offset + 1]) << 16 | UInt32(self[offset + 2]) << 8 | UInt32(self[offset + 3])
    }
}

public enum PDFError: Error, CustomStringConvertible {
    case fontMissing(String)
    case badFont(String, String)
    case library(String, code: UInt)
    /// HarfBuzz could not cut the font down to a document's characters.
    case subset(String)
    /// The font subset could not be written to the temporary folder for libharu.
    case temporaryFont(String)

    public var description: String {
        switch self {
        case .fontMissing(let path):
            return "the Chinese font \(path) is not installed: run make setup (Debian package fonts-wqy-zenhei)"
        case .badFont(let path, let why): return "the font \(path) cannot be used: it \(why)"
        case .library(let what, let code): return "libharu failed to \(what) (error 0x\(String(code, radix: 16)))"
        case .subset(let path): return "HarfBuzz could not cut the font \(path) down to the document's characters"
        case .temporaryFont(let reason): return "the font subset could not be written to the temporary folder: \(reason)"
        }
    }
}
