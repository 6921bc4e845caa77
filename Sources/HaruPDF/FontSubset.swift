/// A font cut down to the characters a PDF draws, and the glyph each of them has in it.
struct FontSubset {
    let font: [UInt8]
    let glyphs: [Unicode.Scalar: UInt16]
}

/// The codes a PDF's text is written in: 1, 2, 3… one per character drawn, in code point order.
/// libharu 2.3.0, making the font, looks each of the 65,536 possible codes up in the font's cmap,
/// segment by segment: with the characters' own code points (a segment for nearly every Chinese
/// character) that took two thirds of a page's time. Counted from 1, the codes are one segment.
/// The ToUnicode map gives each code its character back, for copying and searching.
struct GlyphCodes {
    /// Character → the code it is drawn with.
    let codes: [Unicode.Scalar: Unicode.Scalar]
    /// Code - 1 → character and its glyph.
    let characters: [Unicode.Scalar]
    let glyphs: [UInt16]

    init(_ subset: FontSubset) throws {
        characters = subset.glyphs.keys.sorted { $0.value < $1.value }
        guard characters.count < 0xD000 else { throw PDFError.subset("\(characters.count) different characters") }
        glyphs = characters.map { subset.glyphs[$0] ?? 0 }
        var codes: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (index, character) in characters.enumerated() { codes[character] = Unicode.Scalar(UInt32(index + 1))! }
        self.codes = codes
    }

    /// `text` in codes, as UTF-8 for libharu's UTF-8 encoder, NUL-terminated. A character without
    /// a code (none should be drawn) becomes glyph 0 of no code at all: it is left out.
    func encode(_ text: String) -> [CChar] {
        var encoded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { if let code = codes[scalar] { encoded.append(code) } }
        return Array(String(encoded).utf8CString)
    }

    /// The font's new cmap table: codes 1…n to their glyphs.
    var cmapTable: [UInt8] { CmapTable.format4(glyphs: glyphs) }

    /// CIDToGIDMap: two bytes per code, from code 0.
    var cidToGlyphMap: [UInt8] {
        [0, 0] + glyphs.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// The ToUnicode CMap: each code to its character.
    var toUnicode: String {
        ToUnicodeCMap.text(for: characters.enumerated().map { (code: UInt16($0.offset + 1), character: $0.element) })
    }
}
