import Foundation
import HaruPDF
import SafeFiles
import Testing

/// The PDF file itself: written whole under a temporary name and renamed (SafeFile), readable by
/// the shop's account only, never through a symbolic link.
@Suite("PDF files")
struct PDFFileTests {
    @Test func aPDFReplacesTheEarlierOneWholeAndLeavesNothingElse() throws {
        let path = Fixtures.temporaryPath("RO12-jobcard.pdf")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try "an earlier print".write(toFile: path, atomically: false, encoding: .utf8)
        let rendered = try PDFRenderer().write([Fixtures.document(.jobcard)], to: path)
        let data = try #require(FileManager.default.contents(atPath: path))
        #expect(data.starts(with: Data("%PDF-".utf8)) && data.count == rendered.bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["RO12-jobcard.pdf"])
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
    }

    @Test func aSymbolicLinkIsNeverPrintedThrough() throws {
        let path = Fixtures.temporaryPath("notes.txt")
        try "notes".write(toFile: path, atomically: false, encoding: .utf8)
        let link = path + ".pdf"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(throws: FileRefusal.symbolicLink(path: link)) { try PDFRenderer().write([Fixtures.document(.jobcard)], to: link) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "notes")
    }
}
