import Foundation
import SafeFiles
import Testing

/// The writer every file Workshop makes goes through: a temporary name in the target's folder,
/// synced, renamed into place; links, hard-linked files and databases refused.
@Suite("Writing files safely")
struct SafeFileTests {
    @Test func theTargetIsUntouchedUntilTheRenameAndThenWhole() throws {
        let folder = try Scratch.folder()
        let target = folder + "/RO1-jobcard.pdf"
        try "the earlier document".write(toFile: target, atomically: false, encoding: .utf8)
        try SafeFile.write(to: target) { temporary in
            // Mid-write, as a killed process would leave it: the target still holds the earlier file.
            #expect(Scratch.text(target) == "the earlier document")
            #expect(PathText.folder(of: temporary) == folder && temporary != target)
            #expect(Scratch.mode(temporary) == 0o600)
            try "half of the new".write(toFile: temporary, atomically: false, encoding: .utf8)
            #expect(Scratch.text(target) == "the earlier document")
            try "half of the new document".write(toFile: temporary, atomically: false, encoding: .utf8)
        }
        #expect(Scratch.text(target) == "half of the new document")
        #expect(Scratch.entries(folder) == ["RO1-jobcard.pdf"], "no temporary file left")
        #expect(Scratch.mode(target) == 0o600)
    }

    @Test func aFailureLeavesTheTargetAsItWasAndNoTemporaryFile() throws {
        struct Killed: Error {}
        let folder = try Scratch.folder()
        let target = folder + "/report.html"
        try "<p>before</p>".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(throws: Killed.self) {
            try SafeFile.write(to: target) { temporary in
                try "<p>half".write(toFile: temporary, atomically: false, encoding: .utf8)
                _ = FileManager.default.createFile(atPath: temporary + "-journal", contents: Data("x".utf8))
                throw Killed()
            }
        }
        #expect(Scratch.text(target) == "<p>before</p>")
        #expect(Scratch.entries(folder) == ["report.html"])
        // A new file that fails is simply not there.
        #expect(throws: Killed.self) { try SafeFile.write(to: folder + "/new.csv") { _ in throw Killed() } }
        #expect(Scratch.entries(folder) == ["report.html"])
    }

    @Test func bytesAreWrittenWholeAndPrivately() throws {
        let folder = try Scratch.folder()
        try SafeFile.write("第一版", to: folder + "/a.csv")
        try SafeFile.write("第二版", to: folder + "/a.csv")
        #expect(Scratch.text(folder + "/a.csv") == "第二版")
        #expect(Scratch.mode(folder + "/a.csv") == 0o600)
        #expect(Scratch.entries(folder) == ["a.csv"])
    }

    @Test func aSymbolicLinkIsRefusedAndWhatItPointsToIsUnchanged() throws {
        let folder = try Scratch.folder()
        try "the shop's notes".write(toFile: folder + "/notes.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/out.pdf", withDestinationPath: folder + "/notes.txt")
        #expect(throws: FileRefusal.symbolicLink(path: folder + "/out.pdf")) { try SafeFile.write("%PDF", to: folder + "/out.pdf") }
        #expect(Scratch.text(folder + "/notes.txt") == "the shop's notes")
        #expect(Scratch.entries(folder) == ["notes.txt", "out.pdf"])
        // A dangling link is refused too: writing would create whatever it names.
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling.pdf", withDestinationPath: folder + "/nowhere")
        #expect(throws: FileRefusal.symbolicLink(path: folder + "/dangling.pdf")) { try SafeFile.write("%PDF", to: folder + "/dangling.pdf") }
        #expect(!FileManager.default.fileExists(atPath: folder + "/nowhere"))
    }

    @Test func aHardLinkedFileIsRefusedAndBothNamesAreUnchanged() throws {
        let folder = try Scratch.folder()
        try "precious".write(toFile: folder + "/shop.db", atomically: false, encoding: .utf8)
        try FileManager.default.linkItem(atPath: folder + "/shop.db", toPath: folder + "/out.pdf")
        #expect(throws: FileRefusal.hardLinked(path: folder + "/out.pdf", links: 2)) { try SafeFile.write("%PDF", to: folder + "/out.pdf") }
        #expect(Scratch.text(folder + "/shop.db") == "precious" && Scratch.text(folder + "/out.pdf") == "precious")
    }

    @Test func aDatabaseIsReplacedOnlyWhenTheCallerSaysSo() throws {
        let folder = try Scratch.folder()
        let database = Array("SQLite format 3\u{0}".utf8) + [UInt8](repeating: 0, count: 84)
        try Data(database).write(to: URL(fileURLWithPath: folder + "/other.pdf"))
        #expect(throws: FileRefusal.database(path: folder + "/other.pdf")) { try SafeFile.write("%PDF", to: folder + "/other.pdf") }
        #expect(FileManager.default.contents(atPath: folder + "/other.pdf") == Data(database))
        try SafeFile.write("replaced", to: folder + "/other.pdf", replacing: { _ in })
        #expect(Scratch.text(folder + "/other.pdf") == "replaced")
    }

    @Test func foldersAndMissingFoldersAreNamed() throws {
        let folder = try Scratch.folder()
        #expect(throws: FileRefusal.folder(path: folder)) { try SafeFile.write("x", to: folder) }
        #expect(throws: FileRefusal.noFolder(folder: folder + "/missing")) { try SafeFile.write("x", to: folder + "/missing/a.pdf") }
        try PrivateFolder.create(folder + "/new/inner")
        #expect(Scratch.mode(folder + "/new") == 0o700 && Scratch.mode(folder + "/new/inner") == 0o700)
    }
}
