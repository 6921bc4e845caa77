import CHaru
import Foundation

/// The one place libharu is called: a PDF being built, its fonts, pages and drawing operations.
/// libharu records an error on the document instead of failing the call, so every step that can
/// fail is checked, and the error is reset once reported.
final class HaruDocument {
    let handle: HPDF_Doc

    init() throws {
        guard let doc = HPDF_New(nil, nil) else { throw PDFError.library("create a document", code: 0) }
        handle = doc
        HPDF_SetCompressionMode(doc, UInt32(HPDF_COMP_ALL))
    }

    deinit { HPDF_Free(handle) }

    func check(_ what: String) throws {
        let code = HPDF_GetError(handle)
        if code != UInt(HPDF_OK) {
            HPDF_ResetError(handle)
            throw PDFError.library(what, code: code)
        }
    }

    /// The embedded TrueType font: `subset`, made for this file, its cmap replaced by one for
    /// `codes`, the codes the text is drawn in. libharu 2.3.0 reads fonts only from files, so the
    /// font goes through a temporary file (mode 0600, a name no one can guess), removed as soon
    /// as libharu has opened it: libharu keeps reading the open file until the PDF is saved.
    func loadTrueType(_ subset: FontSubset, codes: GlyphCodes) throws -> TextFont {
        useUTF8()
        var file = try TrueTypeFile(subset.font)
        file.replace("cmap", with: codes.cmapTable)
        let name = try TemporaryFontFile.withFile(file.bytes) { path -> UnsafePointer<CChar>? in
            HPDF_LoadTTFontFromFile(handle, path, HPDF_TRUE)
        }
        guard let name else {
            try check("load the font subset")
            throw PDFError.library("load the font subset", code: 0)
        }
        guard let font = HPDF_GetFont(handle, name, "UTF-8") else {
            try check("select the font subset")
            throw PDFError.library("select the font subset", code: 0)
        }
        try rewriteStreams(of: font, toUnicode: codes.toUnicode, cidToGlyphMap: codes.cidToGlyphMap)
        return TextFont(handle: font, encoding: .codes(codes))
    }

    /// Puts a true ToUnicode CMap in the stream libharu made for it (an encoding CMap, whose
    /// dictionary keys go with it), and the glyph map of the codes used in place of one of all
    /// 65,536 codes: the objects keep their places in the file.
    private func rewriteStreams(of font: HPDF_Font, toUnicode: String, cidToGlyphMap: [UInt8]) throws {
        guard let attributes = font.pointee.attr?.assumingMemoryBound(to: HPDF_FontAttr_Rec.self),
              attributes.pointee.type == HPDF_FONT_TYPE0_TT,
              let cmap = attributes.pointee.cmap_stream, let cmapStream = cmap.pointee.stream,
              let map = attributes.pointee.map_stream, let mapStream = map.pointee.stream else {
            throw PDFError.library("find the font's ToUnicode and glyph maps", code: 0)
        }
        HPDF_MemStream_FreeData(cmapStream)
        for key in ["Type", "CMapName", "CIDSystemInfo", "WMode"] { HPDF_Dict_RemoveElement(cmap, key) }
        HPDF_MemStream_FreeData(mapStream)
        let written = HPDF_Stream_WriteStr(cmapStream, toUnicode) == HPDF_OK
            && cidToGlyphMap.withUnsafeBufferPointer { HPDF_Stream_Write(mapStream, $0.baseAddress, UInt32($0.count)) } == HPDF_OK
        guard written else {
            try check("write the font's ToUnicode and glyph maps")
            throw PDFError.library("write the font's ToUnicode and glyph maps", code: 0)
        }
    }

    private var usesUTF8 = false

    /// Text given to libharu (document information too) is UTF-8. Registering the encodings
    /// twice is an error that sticks to the document.
    private func useUTF8() {
        guard !usesUTF8 else { return }
        usesUTF8 = true
        HPDF_UseUTFEncodings(handle)
        HPDF_SetCurrentEncoder(handle, "UTF-8")
    }

    /// Helvetica, one of the 14 fonts every PDF reader has: nothing to embed.
    func helvetica() throws -> TextFont {
        guard let font = HPDF_GetFont(handle, "Helvetica", "WinAnsiEncoding") else {
            try check("select Helvetica")
            throw PDFError.library("select Helvetica", code: 0)
        }
        return TextFont(handle: font, encoding: .winAnsi)
    }

    /// Title, author and creation date, written as Unicode text.
    func setInfo(_ info: PDFInfo) throws {
        useUTF8()
        HPDF_SetInfoAttr(handle, HPDF_INFO_CREATOR, "Workshop")
        HPDF_SetInfoAttr(handle, HPDF_INFO_TITLE, info.title)
        if !info.author.isEmpty { HPDF_SetInfoAttr(handle, HPDF_INFO_AUTHOR, info.author) }
        HPDF_SetInfoDateAttr(handle, HPDF_INFO_CREATION_DATE, info.creationDate)
        try check("set the document information")
    }

    func addPage(width: Float, height: Float) throws -> HPDF_Page {
        guard let page = HPDF_AddPage(handle) else {
            try check("add a page")
            throw PDFError.library("add a page", code: 0)
        }
        HPDF_Page_SetWidth(page, width)
        HPDF_Page_SetHeight(page, height)
        return page
    }

    /// The finished PDF, in memory: the file is written by SafeFile (temporary name, synced, renamed).
    func bytes() throws -> [UInt8] {
        HPDF_SaveToStream(handle)
        try check("finish the document")
        var bytes = [UInt8](repeating: 0, count: Int(HPDF_GetStreamSize(handle)))
        var size = HPDF_UINT32(bytes.count)
        let status = bytes.withUnsafeMutableBufferPointer { HPDF_ReadFromStream(handle, $0.baseAddress, &size) }
        // Reading the whole stream at once ends it: libharu answers "end of stream", not OK.
        guard status == HPDF_OK || status == HPDF_STREAM_EOF else {
            HPDF_ResetError(handle)
            throw PDFError.library("read the document back", code: UInt(status))
        }
        HPDF_ResetError(handle)
        return Array(bytes.prefix(Int(size)))
    }
}

/// A font with the encoding its text must be given in.
struct TextFont: GlyphWidths {
    enum Encoding {
        /// The embedded subset: each character as its code (GlyphCodes), in UTF-8.
        case codes(GlyphCodes)
        case winAnsi
    }
    let handle: HPDF_Font
    let encoding: Encoding

    /// The bytes libharu draws, NUL-terminated.
    func bytes(_ text: String) -> [CChar] {
        switch encoding {
        case .codes(let codes): return codes.encode(text)
        case .winAnsi: return WinAnsi.encode(text) + [0]
        }
    }

    /// Width of `scalar` at size 1000, as libharu measures it.
    func unitWidth(_ scalar: Unicode.Scalar) -> Float {
        let bytes = self.bytes(String(Character(scalar)))
        let width = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: buffer.count) {
                HPDF_Font_TextWidth(handle, $0, UInt32(buffer.count - 1)).width
            }
        }
        return Float(width)
    }
}

/// Windows-1252, the encoding of the base-14 fonts: Latin-1 plus the typographic characters.
enum WinAnsi {
    static let extras: [Unicode.Scalar: UInt8] = [
        "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89,
        "Š": 0x8A, "‹": 0x8B, "Œ": 0x8C, "Ž": 0x8E, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95,
        "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9A, "›": 0x9B, "œ": 0x9C, "ž": 0x9E, "Ÿ": 0x9F,
    ]

    static func canEncode(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x20 && scalar.value < 0x7F) || (scalar.value >= 0xA0 && scalar.value <= 0xFF) || extras[scalar] != nil
    }

    static func encode(_ text: String) -> [CChar] {
        text.unicodeScalars.map { scalar in
            if scalar.value < 0x80 || (scalar.value >= 0xA0 && scalar.value <= 0xFF) { return CChar(bitPattern: UInt8(scalar.value)) }
            return CChar(bitPattern: extras[scalar] ?? UInt8(ascii: "?"))
        }
    }
}
