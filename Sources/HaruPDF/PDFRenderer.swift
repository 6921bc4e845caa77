import CHaru
import DocumentModel
import Foundation
import SafeFiles

/// What was written.
public struct RenderedPDF: Sendable {
    public let path: String
    public let pageCount: Int
    public let bytes: Int
    /// Characters the font could not draw, each named, e.g. "𠀀 (U+20000) …".
    public let warnings: [String]
    /// The characters the font could not draw (printed as ?), for a warning in the reader's language.
    public let missingCharacters: [Unicode.Scalar]
    /// Whether the embedded Chinese font was used (false: Helvetica, Latin text only).
    public let embeddedFont: Bool
}

/// A PDF made in memory, before it is written.
public struct PDFBytes: Sendable {
    public let bytes: [UInt8]
    public let pageCount: Int
    public let warnings: [String]
    public let missingCharacters: [Unicode.Scalar]
    public let embeddedFont: Bool
}

/// Renders documents to one PDF on A4: Chinese through an embedded TrueType font (WenQuanYi Zen
/// Hei) cut down to the characters the PDF draws, a document whose text is all Latin through
/// Helvetica, which needs nothing embedded.
public final class PDFRenderer {
    public static let defaultFontPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
    public let fontPath: String
    public let face: Int

    public init(fontPath: String = PDFRenderer.defaultFontPath, face: Int = 0) {
        self.fontPath = fontPath
        self.face = face
    }

    /// Writes `documents` into one PDF at `path`, each starting on a new page with its own page numbers.
    /// Without `info`, the PDF is titled from the documents and its author is the shop. The file
    /// appears whole or not at all (SafeFile); a symbolic link, a hard-linked file or a database
    /// at `path` is refused with a `FileRefusal`.
    public func write(_ documents: [Document], to path: String, info: PDFInfo? = nil) throws -> RenderedPDF {
        let rendered = try render(documents, info: info)
        try SafeFile.write(rendered.bytes, to: path)
        return RenderedPDF(path: path, pageCount: rendered.pageCount, bytes: rendered.bytes.count, warnings: rendered.warnings,
                           missingCharacters: rendered.missingCharacters, embeddedFont: rendered.embeddedFont)
    }

    /// The PDF of `documents`, in memory.
    public func render(_ documents: [Document], info: PDFInfo? = nil) throws -> PDFBytes {
        let visible = documents.map { $0.mapText(PrintableText.droppingInvisibles) }
        let latinOnly = visible.allSatisfy { $0.allText.allSatisfy { $0.unicodeScalars.allSatisfy(WinAnsi.canEncode) } }
        let pdf = try HaruDocument()
        try pdf.setInfo(info ?? PDFInfo(title: PDFInfo.title(of: visible), author: visible.first?.shop.name ?? ""))
        var missing: [Unicode.Scalar] = []
        let font: TextFont
        let laidOut: [[[DrawOp]]]
        if latinOnly {
            font = try pdf.helvetica()
            let measure = TextMeasure(font: font)
            laidOut = visible.map { PageLayout.pages(for: $0, measure: measure) }
        } else {
            // Laid out with the whole font's widths, then embedded with only the glyphs drawn:
            // one subset for all the documents of the file.
            let face = try FontFace.open(path: fontPath, index: face)
            let printable = visible.map { document in
                document.mapText { PrintableText.replacingUndrawable($0, coverage: face.coverage, missing: &missing) }
            }
            let measure = TextMeasure(font: face)
            laidOut = printable.map { PageLayout.pages(for: $0, measure: measure) }
            let subset = try face.subset(PrintableText.scalars(drawnOn: laidOut.flatMap { $0 }))
            font = try pdf.loadTrueType(subset, codes: GlyphCodes(subset))
        }
        var pageCount = 0
        for pages in laidOut {
            for ops in pages {
                let page = try pdf.addPage(width: PageLayout.pageWidth, height: PageLayout.pageHeight)
                let canvas = Canvas(page: page, font: font)
                for op in ops { canvas.draw(op) }
                pageCount += 1
            }
        }
        try pdf.check("lay out the pages")
        let bytes = try pdf.bytes()
        let warnings = missing.map { scalar in
            "\(Character(scalar)) (U+\(String(scalar.value, radix: 16, uppercase: true))) cannot be drawn by the font and is printed as ?"
        }
        return PDFBytes(bytes: bytes, pageCount: pageCount, warnings: warnings, missingCharacters: missing, embeddedFont: !latinOnly)
    }
}

/// Draws the layout's operations on one libharu page (whose y axis points up).
struct Canvas {
    let page: HPDF_Page
    let font: TextFont
    let height = PageLayout.pageHeight

    func draw(_ op: DrawOp) {
        switch op {
        case .text(let string, let x, let baseline, let size, let bold, let gray):
            HPDF_Page_BeginText(page)
            HPDF_Page_SetFontAndSize(page, font.handle, size)
            HPDF_Page_SetGrayFill(page, gray)
            if bold {
                // No bold face in the font: fill and stroke the outline thinly instead.
                HPDF_Page_SetTextRenderingMode(page, HPDF_FILL_THEN_STROKE)
                HPDF_Page_SetLineWidth(page, size / 40)
                HPDF_Page_SetGrayStroke(page, gray)
            }
            let bytes = font.bytes(string)
            _ = bytes.withUnsafeBufferPointer { HPDF_Page_TextOut(page, x, height - baseline, $0.baseAddress) }
            if bold { HPDF_Page_SetTextRenderingMode(page, HPDF_FILL) }
            HPDF_Page_EndText(page)
        case .line(let x1, let y1, let x2, let y2, let width, let gray):
            HPDF_Page_SetLineWidth(page, width)
            HPDF_Page_SetGrayStroke(page, gray)
            HPDF_Page_MoveTo(page, x1, height - y1)
            HPDF_Page_LineTo(page, x2, height - y2)
            HPDF_Page_Stroke(page)
        case .box(let x, let y, let width, let boxHeight, let fill, let stroke):
            // Colours first: once a path is open, libharu refuses state changes.
            HPDF_Page_SetLineWidth(page, 0.5)
            if let fill { HPDF_Page_SetGrayFill(page, fill) }
            if let stroke { HPDF_Page_SetGrayStroke(page, stroke) }
            HPDF_Page_Rectangle(page, x, height - y - boxHeight, width, boxHeight)
            switch (fill, stroke) {
            case (.some, .some): HPDF_Page_FillStroke(page)
            case (.some, nil): HPDF_Page_Fill(page)
            default: HPDF_Page_Stroke(page)
            }
            HPDF_Page_SetGrayFill(page, 0)
        }
    }
}
