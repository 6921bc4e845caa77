import CHarfBuzz
import Foundation

/// A TrueType face (of a .ttc collection) opened once per process with HarfBuzz: its glyph
/// coverage, the advance widths the layout measures with, and the subsets each PDF embeds.
/// HarfBuzz faces and fonts do not change once made and may be read from any thread.
final class FontFace: @unchecked Sendable {
    let path: String
    let index: Int
    let coverage: FontCoverage
    private let face: OpaquePointer
    private let font: OpaquePointer
    private let unitsPerEm: UInt32

    private init(path: String, index: Int) throws {
        coverage = try FontCoverage(path: path, face: index)
        guard let blob = hb_blob_create_from_file_or_fail(path) else { throw PDFError.fontMissing(path) }
        defer { hb_blob_destroy(blob) }
        guard let face = hb_face_create(blob, UInt32(index)), hb_face_get_glyph_count(face) > 0 else {
            throw PDFError.badFont(path, "cannot be read by HarfBuzz")
        }
        self.path = path
        self.index = index
        self.face = face
        font = hb_font_create(face)
        unitsPerEm = max(1, hb_face_get_upem(face))
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
    }

    /// Width of `scalar` at size 1000, as libharu computes it: the glyph's advance scaled to 1000
    /// units and truncated, a character without a glyph as wide as glyph 0.
    func unitWidth(_ scalar: Unicode.Scalar) -> Float {
        var glyph: hb_codepoint_t = 0
        if hb_font_get_nominal_glyph(font, scalar.value, &glyph) == 0 { glyph = 0 }
        return Float(UInt32(max(0, hb_font_get_glyph_h_advance(font, glyph))) * 1000 / unitsPerEm)
    }

    /// A TrueType font with only the glyphs of `scalars`, and the glyph each of them has in it.
    /// The layout tables and vertical metrics go: libharu draws neither.
    func subset(_ scalars: Set<Unicode.Scalar>) throws -> FontSubset {
        guard let input = hb_subset_input_create_or_fail() else { throw PDFError.subset(path) }
        defer { hb_subset_input_destroy(input) }
        let unicodes = hb_subset_input_unicode_set(input)
        for scalar in scalars { hb_set_add(unicodes, scalar.value) }
        let dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in ["GSUB", "GPOS", "GDEF", "vhea", "vmtx", "BDF ", "FFTM", "gasp"] { hb_set_add(dropped, FontFace.tag(tag)) }
        guard let plan = hb_subset_plan_create_or_fail(face, input) else { throw PDFError.subset(path) }
        defer { hb_subset_plan_destroy(plan) }
        let oldGlyphs = hb_subset_plan_unicode_to_old_glyph_mapping(plan)
        let newGlyphs = hb_subset_plan_old_to_new_glyph_mapping(plan)
        let invalid = hb_codepoint_t.max  // HB_MAP_VALUE_INVALID
        var glyphs: [Unicode.Scalar: UInt16] = [:]
        for scalar in scalars {
            let old = hb_map_get(oldGlyphs, scalar.value)
            let new = old == invalid ? invalid : hb_map_get(newGlyphs, old)
            glyphs[scalar] = new == invalid || new > UInt32(UInt16.max) ? 0 : UInt16(new)
        }
        guard let subset = hb_subset_plan_execute_or_fail(plan) else { throw PDFError.subset(path) }
        defer { hb_face_destroy(subset) }
        let blob = hb_face_reference_blob(subset)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { throw PDFError.subset(path) }
        let bytes = data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
        return FontSubset(font: bytes, glyphs: glyphs)
    }

    private static func tag(_ name: String) -> hb_tag_t {
        name.utf8.reduce(0) { $0 << 8 | hb_tag_t($1) }
    }

    // MARK: One face per file and index, for the life of the process

    private static let lock = NSLock()
    nonisolated(unsafe) private static var opened: [String: FontFace] = [:]

    static func open(path: String, index: Int) throws -> FontFace {
        lock.lock()
        defer { lock.unlock() }
        let key = "\(path)#\(index)"
        if let face = opened[key] { return face }
        let face = try FontFace(path: path, index: index)
        opened[key] = face
        return face
    }
}
