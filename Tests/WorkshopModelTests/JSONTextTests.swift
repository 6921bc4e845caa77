import Foundation
import Testing
@testable import WorkshopModel

/// The JSON Workshop writes (output, journal details, the national record) is JSON any parser
/// reads back to the same text: quotes, backslashes, control characters and the two line
/// separators JavaScript cannot hold in a string are escaped; everything else goes as it is.
@Suite struct JSONTextTests {
    @Test(arguments: ["刹车异响", "plain ascii", "", "引号\"和\\反斜杠", "换行\n回车\r制表\t", "\u{1}\u{1F}", "行\u{2028}段\u{2029}",
                      "€ 与 ₹ 与 — (E2 起首而无须转义)", "😀 emoji"])
    func aStringReadsBackAsItWas(_ text: String) throws {
        let written = JSON.object([("s", .string(text))]).serialized()
        let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: String]
        #expect(parsed?["s"] == text, "\(written)")
        #expect(!written.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" }, "\(written)")
    }

    @Test func textNeedingNoEscapeIsWrittenAsItIs() {
        #expect(JSON.string("京A12345 刹车异响").serialized() == "\"京A12345 刹车异响\"")
        #expect(JSON.string("a\"b").serialized() == "\"a\\\"b\"")
        #expect(JSON.string("\u{2028}").serialized() == "\"\\u2028\"")
    }
}
