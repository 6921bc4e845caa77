import SafeFiles
import Testing
import WorkshopModel
@testable import WorkshopCLI

/// The refusals about files and a read-only database: typed, with a stable code, worded in both languages.
@Suite("File refusals")
struct FileRefusalWordingTests {
    static let refusals: [any WordedRefusal] = [
        FileRefusal.symbolicLink(path: "p"), FileRefusal.hardLinked(path: "p", links: 2), FileRefusal.database(path: "p"),
        FileRefusal.folder(path: "p"), FileRefusal.notARegularFile(path: "p"), FileRefusal.noFolder(folder: "f"),
        FileRefusal.cannotCreateFolder(folder: "f", reason: "r"), FileRefusal.cannotWrite(path: "p", reason: "r"),
        FileRefusal.inUse(path: "p", seconds: 3), PathRefusal.inTemplates(path: "T/x.html", folder: "T"),
        StoreRefusal.readOnly(path: "shop.db"), StoreRefusal.readOnlyNeedsUpgrade(path: "shop.db", found: 5, known: 6),
    ]

    @Test func eachIsWordedInChineseAndInEnglishWithAStableCode() {
        let zh = Wording(language: .zh, zone: .shanghai), en = Wording(language: .en, zone: .shanghai)
        for refusal in Self.refusals {
            let chinese = refusal.words(zh), english = refusal.words(en)
            #expect(chinese.contains { $0.isChinese }, "\(refusal.code): \(chinese)")
            #expect(!english.contains { $0.isChinese } && !english.isEmpty, "\(refusal.code): \(english)")
            #expect(refusal.code.split(separator: ".").count == 2 && !refusal.code.contains { $0.isUppercase }, "\(refusal.code)")
        }
        #expect(FileRefusal.symbolicLink(path: "p").code == "file.symbolic-link")
        #expect(StoreRefusal.readOnly(path: "p").code == "store.read-only")
    }
}
