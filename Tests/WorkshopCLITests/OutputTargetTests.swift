import Foundation
import SQLite
import Testing

/// Where print, report, release and export may write: never through a symbolic link, never over a
/// hard-linked file, never into the Templates folder in use, never over any database. Each refusal
/// names the path, and what was there is unchanged.
@Suite("Files Workshop writes: targets")
struct OutputTargetTests {
    func shop() throws -> Workshop { try PrintTests().shop() }

    @Test func outNeverWritesThroughASymbolicLink() throws {
        let shop = try shop()
        let before = try shop.fingerprint()
        let folder = Workshop.temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: folder + "/card.pdf", withDestinationPath: shop.database)
        try "the shop's notes".write(toFile: folder + "/notes.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/card.html", withDestinationPath: folder + "/notes.txt")
        try FileManager.default.createSymbolicLink(atPath: folder + "/copy.db", withDestinationPath: shop.database)
        try FileManager.default.createSymbolicLink(atPath: folder + "/export", withDestinationPath: folder + "/elsewhere")
        for (command, path) in [("print RO1 jobcard out=\(folder)/card.pdf", "card.pdf"),
                                ("print RO1 jobcard format=html out=\(folder)/card.html", "card.html"),
                                ("report month 2026-11 format=pdf out=\(folder)/card.pdf", "card.pdf"),
                                ("release RO1 signed=张伟 oldparts=returned out=\(folder)/card.pdf", "card.pdf"),
                                ("backup \(folder)/copy.db", "copy.db"),
                                ("export \(folder)/export", "export")] {
            let result = try shop.command(command)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("\(folder)/\(path) is a symbolic link"), "\(command): \(result.stderr)")
        }
        #expect(FileChecks.bytes(folder + "/notes.txt") == Data("the shop's notes".utf8))
        #expect(!FileManager.default.fileExists(atPath: folder + "/elsewhere"))
        #expect(try shop.fingerprint() == before)
        #expect(try FileChecks.integrityOK(shop.database))
    }

    @Test func aHardLinkToTheDatabaseIsNeverWrittenOver() throws {
        let shop = try shop()
        let before = try shop.fingerprint()
        let folder = Workshop.temporaryDirectory()
        try FileManager.default.linkItem(atPath: shop.database, toPath: folder + "/RO1.pdf")
        for command in ["print RO1 jobcard out=\(folder)/RO1.pdf", "report month 2026-11 format=pdf out=\(folder)/RO1.pdf",
                        "backup \(folder)/RO1.pdf"] {
            let result = try shop.command(command)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("\(folder)/RO1.pdf has 2 names (hard links)"), "\(command): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before)
        #expect(try FileChecks.integrityOK(shop.database))
        #expect(try shop.command("verify").status == 0)
    }

    @Test func theTemplatesFolderInUseIsNeverATarget() throws {
        var shop = try shop()
        let templates = Workshop.temporaryDirectory()
        for file in try FileManager.default.contentsOfDirectory(atPath: Workshop.packageRoot + "/Templates") {
            try FileManager.default.copyItem(atPath: Workshop.packageRoot + "/Templates/" + file, toPath: templates + "/" + file)
        }
        shop.environment["WORKSHOP_TEMPLATES"] = templates
        let jobcard = FileChecks.bytes(templates + "/jobcard.html")
        let listing = FileChecks.entries(templates)
        let elsewhere = Workshop.temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: elsewhere + "/t", withDestinationPath: templates)
        for command in ["print RO1 jobcard format=html out=\(templates)/jobcard.html", "print RO1 jobcard format=html out=\(templates)",
                        "print RO1 jobcard out=\(elsewhere)/t/x.pdf", "report month 2026-11 format=html out=\(templates)/report-month.html",
                        "export \(templates)/export", "backup \(templates)/copy.db"] {
            let result = try shop.command(command)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("is in the templates folder \(templates)"), "\(command): \(result.stderr)")
        }
        #expect(FileChecks.bytes(templates + "/jobcard.html") == jobcard)
        #expect(FileChecks.entries(templates) == listing)
        #expect(try shop.command("print RO1 jobcard format=html out=\(elsewhere)/j.html").status == 0)
    }

    @Test func noDatabaseIsEverATargetOfPrintReportOrExport() throws {
        let shop = try shop()
        let other = try PrintTests().shop()  // another shop's live database
        let otherBefore = try other.fingerprint()
        let folder = Workshop.temporaryDirectory()
        try FileManager.default.copyItem(atPath: other.database, toPath: folder + "/other.pdf")
        try FileManager.default.copyItem(atPath: other.database, toPath: folder + "/other.html")
        let copied = FileChecks.bytes(folder + "/other.pdf")
        try FileManager.default.createDirectory(atPath: folder + "/export", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: other.database, toPath: folder + "/export/customers.csv")
        let cases = [
            ("print RO1 jobcard out=\(folder)/other.pdf", "\(folder)/other.pdf is an SQLite database"),
            ("print RO1 jobcard format=html out=\(folder)/other.html", "\(folder)/other.html is an SQLite database"),
            ("report month 2026-11 format=pdf out=\(folder)/other.pdf", "\(folder)/other.pdf is an SQLite database"),
            ("export \(folder)/export", "\(folder)/export/customers.csv is an SQLite database"),
            ("backup \(other.database)", "\(other.database) exists and is not a database backup"),
            ("backup \(shop.database)-wal", "is the shop database itself"),
        ]
        for (command, says) in cases {
            let result = try shop.command(command)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains(says), "\(command): \(result.stderr)")
        }
        #expect(FileChecks.bytes(folder + "/other.pdf") == copied && FileChecks.bytes(folder + "/other.html") == copied)
        #expect(FileChecks.bytes(folder + "/export/customers.csv") == copied)
        #expect(try other.fingerprint() == otherBefore)
    }
}
