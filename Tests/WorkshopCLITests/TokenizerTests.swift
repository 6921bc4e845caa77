import Testing
@testable import WorkshopCLI

@Suite("Tokenizer and options")
struct TokenizerTests {
    func words(_ line: String) throws -> [String] {
        try Tokenizer.tokenize(line).map { ($0.key.map { "\($0)=" } ?? "") + $0.text }
    }

    @Test func splitsQuotesAndOptions() throws {
        #expect(try words(#"estimate RO1 part "前刹车片 套" qty=1 brand="博 世""#) == ["estimate", "RO1", "part", "前刹车片 套", "qty=1", "brand=博 世"])
        #expect(try words("damage RO1 '左前门 划痕'") == ["damage", "RO1", "左前门 划痕"])
        #expect(try words("damage RO1 “左前门 划痕”") == ["damage", "RO1", "左前门 划痕"])
        #expect(try words("customer add 张伟\u{3000}phone＝138") == ["customer", "add", "张伟", "phone=138"])
        #expect(try words(#"note "say \"hi\"""#) == ["note", #"say "hi""#])
    }

    @Test func fullWidthLettersAndDigitsAreReadAsTypedInHalfWidth() throws {
        #expect(try words("pay ＲＯ１２ ａｍｏｕｎｔ＝１００．５ method=cash") == ["pay", "RO12", "amount=100.5", "method=cash"])
        #expect(try words("vehicle show 粤Ｂ７Ｈ２Ｌ９") == ["vehicle", "show", "粤B7H2L9"])
        #expect(try words("promise RO1 ２０２６－１１－３０ １７：００") == ["promise", "RO1", "2026-11-30", "17:00"])
        // Chinese punctuation is text, unquoted or quoted; quoted text is kept exactly as typed.
        #expect(try words("ro set RO1 complaint=刹车异响，方向盘抖：严重") == ["ro", "set", "RO1", "complaint=刹车异响，方向盘抖：严重"])
        #expect(try words("damage RO1 \"划痕Ａ１\"") == ["damage", "RO1", "划痕Ａ１"])
    }

    @Test func commentsStartAWordButNotInsideOne() throws {
        #expect(try words("ro list # open ones") == ["ro", "list"])
        #expect(try words("belongings RO1 key K#7") == ["belongings", "RO1", "key", "K#7"])
        #expect(try words("# only a comment").isEmpty)
    }

    @Test func equalsInsideQuotesOrNonKeysIsText() throws {
        #expect(try words(#"damage RO1 "a=b""#) == ["damage", "RO1", "a=b"])
        #expect(try words("damage RO1 划痕=10cm") == ["damage", "RO1", "划痕=10cm"])
        #expect(try Tokenizer.tokenize("x Fuel=F").first { $0.key != nil }?.key == "fuel")
    }

    @Test func anUnclosedQuoteSaysWhere() {
        #expect(throws: Error.self) { try Tokenizer.tokenize(#"damage RO1 "open"#) }
    }

    @Test func editDistanceCountsSwapsAsOne() {
        #expect(Suggest.editDistance("chekcin", "checkin") == 1)
        #expect(Suggest.closest(to: "custmer", among: ["customer", "vehicle"]) == "customer")
        #expect(Suggest.closest(to: "zzz", among: ["customer", "vehicle"]) == nil)
    }

    @Test func displayWidthCountsChineseAsTwo() {
        #expect(DisplayWidth.of("京A12345") == 8)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.truncate("刹车时有异响方向盘抖动", to: 9) == "刹车时有…")
    }
}
