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

/// Renders documents to one PDF on A4: Chinese through an embedded TrueType font (WenQuanYi Zen
/// Hei), a document whose text is all Latin through Helvetica, which needs nothing embedded.
public final class PDFRenderer {
    public static let defaultFontPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
    public let fontPath: String
    public let face: Int

    nonisolated(unsafe) private static var coverageCache: [String: FontCoverage] = [:]

    public init(fontPath: String = PDFRenderer.defaultFontPath, face: Int = 0) {
        self.fontPath = fontPath
        self.face = face
    }

    /// Writes `documents` into one PDF at `path`, each starting on a new page with its own page numbers.
    /// The file appears whole or not at all (SafeFile); a symbolic link, a hard-linked file or a
    /// database at `path` is refused with a `FileRefusal`.
    public func write(_ documents: [Document], to path: String) throws -> RenderedPDF {
        let latinOnly = documents.allSatisfy { $0.allText.allSatisfy { $0.unicodeScalars.allSatisfy(WinAnsi.canEncode) } }
        var warnings: [String] = []
        var missing: [Unicode.Scalar] = []
        var prepared = documents
        if !latinOnly {
            let coverage = try PDFRenderer.coverage(fontPath, face: face)
            prepared = documents.map { document in
                document.mapText { text in
                    guard !text.unicodeScalars.allSatisfy({ coverage.covers($0) || $0 == "\n" }) else { return text }
                    var cleaned = String.UnicodeScalarView()
                    for scalar in text.unicodeScalars {
                        if coverage.covers(scalar) || scalar == "\n" {
                            cleaned.append(scalar)
                        } else {
                            if !missing.contains(scalar) { missing.append(scalar) }
                            cleaned.append("?")
                        }
                    }
                    return String(cleaned)
                }
            }
            warnings = missing.map { scalar in
                "\(Character(scalar)) (U+\(String(scalar.value, radix: 16, uppercase: true))) cannot be drawn by the font and is printed as ?"
            }
        }

        let pdf = try HaruDocument()
        let font = latinOnly ? try pdf.helvetica() : try pdf.loadTrueType(path: fontPath, face: face)
        pdf.setInfo(title: documents.first.map { "\($0.title.en) \($0.reference)" } ?? "Workshop", creator: "Workshop")
        let measure = TextMeasure(font: font)
        var pageCount = 0
        for document in prepared {
            let pages = PageLayout.pages(for: document, measure: measure)
            for (index, ops) in pages.enumerated() {
                let page = try pdf.addPage(width: PageLayout.pageWidth, height: PageLayout.pageHeight)
                var canvas = Canvas(page: page, font: font)
                for op in ops { canvas.draw(op) }
                canvas.footer(document: document, page: index + 1, of: pages.count, measure: measure)
                pageCount += 1
            }
        }
        try pdf.check("lay out the pages")
        let bytes = try pdf.bytes()
        try SafeFile.write(bytes, to: path)
        return RenderedPDF(path: path, pageCount: pageCount, bytes: bytes.count, warnings: warnings, missingCharacters: missing,
                           embeddedFont: !latinOnly)
    }

    private static func coverage(_ path: String, face: Int) throws -> FontCoverage {
        let key = "\(path)#\(face)"
        if let cached = coverageCache[key] { return cached }
        let coverage = try FontCoverage(path: path, face: face)
        coverageCache[key] = coverage
        return coverage
    }
}

/// Draws the layout's operations on one libharu page (whose y axis points up).
struct Canvas {
    let page: HPDF_Page
    let font: TextFont
    let height = PageLayout.pageHeight

    mutating func draw(_ op: DrawOp) {
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

    /// "RO12 · 打印 Printed 2026-11-22 09:00" on the left, "第 1/3 页 Page 1 of 3" on the right.
    mutating func footer(document: Document, page number: Int, of count: Int, measure: TextMeasure) {
        let baseline = PageLayout.pageHeight - PageLayout.margin + 4
        let left = "\(document.reference) · " + (document.bilingual ? "打印 Printed " : "Printed ") + document.printedAt
        let right = document.bilingual ? "第 \(number)/\(count) 页  Page \(number) of \(count)" : "Page \(number) of \(count)"
        draw(.line(x1: PageLayout.margin, y1: baseline - 11, x2: PageLayout.pageWidth - PageLayout.margin, y2: baseline - 11,
                   width: 0.4, gray: 0.6))
        draw(.text(left, x: PageLayout.margin, baseline: baseline, size: 7, bold: false, gray: 0.4))
        draw(.text(right, x: PageLayout.pageWidth - PageLayout.margin - measure.width(right, size: 7), baseline: baseline,
                   size: 7, bold: false, gray: 0.4))
    }
}
