import Testing
import WorkshopModel
@testable import WorkshopCLI

/// The parser on a small grammar of its own: a line becomes one form's typed invocation, or is
/// refused saying what was not understood — before anything could run.
@Suite("Grammar")
struct GrammarTests {
    static let noop: @Sendable (Invocation, Session) throws -> Output = { _, _ in .empty }

    static let table = CommandTable([
        CommandSpec("staff", group: .shop, summary: Phrase("员工", "staff"), forms: [
            Form([word("add"), textArg("name", .name)], options: [required("role", .text), secret("pin")],
                 access: .write, roles: [.manager], summary: Phrase("加", "add"), examples: ["staff add 赵师傅 role=technician"], run: noop),
            Form([word("list")], access: .read, summary: Phrase("列", "list"), examples: ["staff list"], run: noop),
            Form([word("pin"), arg("name", .name)], options: [secret("pin")], access: .write,
                 summary: Phrase("改 PIN", "PIN"), examples: ["staff pin 王芳 pin=1234"], run: noop),
        ]),
        CommandSpec("estimate", group: .estimate, summary: Phrase("报价", "estimate"), forms: [
            Form([arg("order", .order)], access: .read, summary: Phrase("看", "show"), examples: ["estimate RO1"], run: noop),
            Form([arg("order", .order)], options: [required("method", .choice(EstimateMethod.self))], access: .write,
                 summary: Phrase("方式", "method"), examples: ["estimate RO1 method=system"], run: noop),
            Form([arg("order", .order), word("labor", "工时"), textArg("what")], options: [option("hours", .hours), option("rate", .money)],
                 access: .write, summary: Phrase("工时", "labour"), examples: ["estimate RO1 labor 换刹车片 hours=1"], run: noop),
            Form([arg("order", .order), word("remove"), arg("line", .line)], access: .write,
                 summary: Phrase("删", "remove"), examples: ["estimate RO1 remove 2"], run: noop),
        ]),
        CommandSpec("promise", group: .estimate, summary: Phrase("交车时间", "promise"), forms: [
            Form([arg("order", .order), arg("at", .dateTime)], options: [option("reason", .text)], access: .write,
                 summary: Phrase("交车", "promise"), examples: ["promise RO1 明天 17:00"], run: noop),
        ]),
    ])

    static let now = Timestamp(seconds: 1_795_309_200)  // 2026-11-22 09:00 in Shanghai
    let parser = Parser(table: GrammarTests.table, context: ParseContext(zone: .shanghai, now: GrammarTests.now))

    func refusal(_ line: String) -> GrammarRefusal? {
        do {
            _ = try parser.parse(line)
            return nil
        } catch let refusal as GrammarRefusal {
            return refusal
        } catch {
            Issue.record("\(line): \(error)")
            return nil
        }
    }

    @Test func aSubCommandWordTypedAsANameIsTheName() throws {
        // The attack of the old word search: `staff add pin role=manager` is the form `staff add`, whose name is "pin".
        let invocation = try #require(try parser.parse("staff add pin role=manager pin=2468"))
        #expect(invocation.label == "staff add")
        #expect(invocation.form.roles == [.manager])
        #expect(invocation.value("name") == "pin")
        let listed = try #require(try parser.parse("staff add list role=manager"))
        #expect(listed.label == "staff add")
    }

    @Test func aDateAndATimeTypedAsTwoWordsAreOneValue() throws {
        let invocation = try #require(try parser.parse("promise RO1 2026-11-23 17:00"))
        let at: Timestamp = invocation.need("at")
        #expect(ShopZone.shanghai.format(at) == "2026-11-23 17:00")
        let relative = try #require(try parser.parse("promise RO1 明天 9:30 reason=等配件"))
        #expect(ShopZone.shanghai.format(relative.need("at")) == "2026-11-23 09:30")
    }

    @Test func valuesAreTypedBeforeAnythingRuns() throws {
        let invocation = try #require(try parser.parse("estimate RO1 labor 更换 前刹车片 hours=1.5 rate=120"))
        #expect(invocation.value("what") == "更换 前刹车片")
        #expect(invocation.value("hours") == Hours(hundredths: 150))
        #expect(invocation.value("rate") == Money(fen: 12_000))
        #expect(throws: InputRefusal.notMoney(field: "rate", given: "12x")) { try parser.parse("estimate RO1 labor x hours=1 rate=12x") }
        #expect(throws: InputRefusal.notNumber(field: "", given: "two", range: 1...9_999)) { try parser.parse("estimate RO1 remove two") }
    }

    @Test func theFormIsChosenByTheOptionsGiven() throws {
        #expect(try parser.parse("estimate RO1")?.form.access == .read)
        let method = try #require(try parser.parse("estimate RO1 method=symptom"))
        #expect(method.form.access == .write)
        #expect(method.choice("method") == EstimateMethod.symptom)
        #expect(throws: InputRefusal.self) { try parser.parse("estimate RO1 method=guess") }
    }

    @Test func anUnknownOptionIsRefusedWithADidYouMean() {
        guard case .unknownOption(let command, let key, let suggestion, let accepted)? = refusal("estimate RO1 labor x hours=1 rat=2") else {
            Issue.record("expected an unknown option"); return
        }
        #expect(command == "estimate labor")
        #expect(key == "rat")
        #expect(suggestion == "rate")
        #expect(accepted == ["hours", "rate"])
    }

    @Test func aMistypedSubCommandIsNotARoleRefusal() {
        guard case .unknownSubcommand(_, let word, let suggestion, _)? = refusal("estimate RO1 labr x hours=1") else {
            Issue.record("expected an unknown sub-command"); return
        }
        #expect(word == "labr")
        #expect(suggestion == "labor")
        guard case .unknownSubcommand(_, _, nil, let expected)? = refusal("staff hire 赵师傅") else {
            Issue.record("expected an unknown sub-command"); return
        }
        #expect(expected == [.keyword("add"), .keyword("list"), .keyword("pin")])
    }

    @Test func whatIsMissingIsNamed() {
        guard case .missingOption(_, let key, _, _)? = refusal("staff add 赵师傅") else { Issue.record("expected role= missing"); return }
        #expect(key == "role")
        guard case .missingSubcommand(let command, _)? = refusal("staff") else { Issue.record("expected a sub-command missing"); return }
        #expect(command == "staff")
        guard case .missingArgument? = refusal("staff pin") else { Issue.record("expected the name missing"); return }
        guard case .repeatedOption(_, "role")? = refusal("staff add 赵师傅 role=technician role=manager") else {
            Issue.record("expected role= given twice"); return
        }
        guard case .unexpectedWords(_, "2 3", _)? = refusal("estimate RO1 remove 1 2 3") else { Issue.record("expected extra words"); return }
        guard case .unknownCommand(_, "staff")? = refusal("staf list") else { Issue.record("expected did you mean staff"); return }
    }

    @Test func aPINIsNeverRecordedHoweverItIsSpelled() throws {
        for line in ["staff pin 王芳 pin=5678", "staff pin 王芳 PIN=5678", "staff pin 王芳 pin＝5678", "staff pin 王芳 Pin=\"5678\""] {
            let invocation = try #require(try parser.parse(line))
            #expect(!invocation.recordedLine.contains("5678"), "\(line) → \(invocation.recordedLine)")
            #expect(invocation.recordedLine.contains("pin=***"))
        }
    }
}

@Suite("Plain text")
struct PlainTextTests {
    @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}", "\u{200E}", "\u{200F}", "\u{202E}", "\u{2066}", "\u{200B}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{1B}", "\u{7F}"])
    func invisibleAndFormatCharactersAreRefused(character: String) {
        #expect(throws: GrammarRefusal.self) { try Session.ensurePlainText("damage RO1 左前门\(character)划痕") }
    }

    @Test func typedTextIsAccepted() throws {
        try Session.ensurePlainText("damage RO1 \"左前门 划痕\"\tnote")
        // An editor's byte-order mark at the start of a script's first line is not typed.
        try Session.ensurePlainText("\u{FEFF}customer list")
    }
}
