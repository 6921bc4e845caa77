import Testing
import WorkshopModel
import WorkshopStore
@testable import WorkshopCLI

/// The shop's commands as declared: every example is its own form, mistyped keywords are never
/// taken for names, and what they print (history, stock notes, equipment, refusals) is worded in
/// both languages.
@Suite("Shop commands")
struct ShopCommandsTests {
    static let now = Timestamp(seconds: 1_795_309_200)  // 2026-11-22 09:00 in Shanghai
    let parser = Parser(table: CommandTable(Commands.all), context: ParseContext(zone: .shanghai, now: ShopCommandsTests.now))
    let zh = Wording(language: .zh, zone: .shanghai)
    let en = Wording(language: .en, zone: .shanghai)

    static let commands: [CommandSpec] = Commands.declared

    @Test(arguments: commands.map(\.name))
    func everyFormHasSummariesInBothLanguagesAndExamplesOfItself(name: String) throws {
        let command = try #require(Commands.all.first { $0.name == name })
        for (index, form) in command.forms.enumerated() {
            #expect(!form.examples.isEmpty, "\(name) form \(index + 1) has no example")
            for example in form.examples {
                let invocation = try #require(try parser.parse(example), "\(example)")
                #expect(invocation.command.name == command.name && invocation.formIndex == index, "\(example) parses as form \(invocation.formIndex + 1)")
            }
            #expect(form.summary.chinese.contains { $0.isChinese }, "\(name) form \(index + 1): the Chinese summary is not Chinese")
            #expect(!form.summary.english.contains { $0.isChinese }, "\(name) form \(index + 1): the English summary has Chinese")
        }
        #expect(command.summary.chinese.contains { $0.isChinese })
        #expect(!command.summary.english.contains { $0.isChinese })
    }

    @Test func aReadingFormIsOpenToEveryoneSignedInAndWritingFormsKeepTheirRoles() throws {
        func form(_ line: String) throws -> Form { try #require(try parser.parse(line)).form }
        for line in ["customer show C1", "customer 13800138000", "vehicle show 京A12345", "appointment list", "appointment A1",
                     "parts show BP-1", "parts low", "job show J-1", "labor list", "staff list", "bay", "checkitem list final",
                     "warranty terms", "warranty 京A12345", "followup list due", "complaint 1", "complaint 1 show", "complaint list all",
                     "print RO1 jobcard", "report month", "history RO1", "board", "shop"] {
            let parsed = try form(line)
            #expect(parsed.access == .read, "\(line)")
            #expect(parsed.roles == nil, "\(line)")
        }
        #expect(try form("customer add 张伟 phone=13800138000").roles == [.advisor, .manager, .cashier])
        #expect(try form("vehicle odometer 京A12345 45000 reason=x").roles == [.advisor, .manager])
        #expect(try form("parts issue RO1").roles == [.manager, .advisor, .technician])
        #expect(try form("parts receive BP-1 qty=1").roles == [.manager])
        #expect(try form("staff add pin role=manager").roles == [.manager], "a name that is a sub-command word is a name")
        #expect(try form("staff pin 王芳").roles == nil, "anyone signed in changes their own PIN")
        #expect(try form("warranty set minor km=3000 days=30").roles == [.manager])
        #expect(try form("notify RO1").roles == [.advisor, .manager])
        #expect(try form("shop set name=x").access == .write)
    }

    @Test func aMistypedSubCommandIsNeverTakenForANameOrANumber() {
        let cases: [(String, String)] = [
            ("customer lst", "list"), ("appointment lsit", "list"), ("warranty trems", "terms"), ("complaint lst", "list"),
            ("followup lst due", "list"), ("print dya jobcards", "day"), ("print picklst", "picklist"), ("parts recieve BP-1 qty=1", "receive"),
        ]
        for (line, meant) in cases {
            do {
                _ = try parser.parse(line)
                Issue.record("\(line) was accepted")
            } catch GrammarRefusal.unknownSubcommand(_, _, let suggestion, _) {
                #expect(suggestion == meant, "\(line): suggested \(suggestion ?? "nothing")")
            } catch {
                Issue.record("\(line): \(error)")
            }
        }
    }

    @Test func valuesAreCheckedBeforeAnythingRuns() throws {
        #expect(throws: CustomerRefusal.notModelYear(given: "1850", latest: 2027)) {
            try parser.parse("vehicle add 京A12345 vin=x owner=C1 year=1850")
        }
        #expect(throws: AfterSalesRefusal.notSatisfaction(given: "7")) { try parser.parse("followup RO1 done result=好 satisfaction=7") }
        #expect(throws: ReportRefusal.notMonth(given: "2026-13")) { try parser.parse("report month 2026-13") }
        #expect(throws: CatalogRefusal.badLaborCode(given: "BRK 01!")) { try parser.parse("labor add \"BRK 01!\" 刹车 hours=1") }
        #expect(throws: PeopleRefusal.reservedCheckitemCode(code: "by")) { try parser.parse("checkitem add final by 制动") }
        #expect(throws: InputRefusal.self) { try parser.parse("shop set tax_rate=abc") }
        #expect(throws: InputRefusal.self) { try parser.parse("bay add 1号工位 hours=18:00-08:00") }
        let adjust = try #require(try parser.parse("parts adjust BP-1 qty=-1.5 reason=破损"))
        #expect(adjust.value("qty") == Quantity(thousandths: -1_500))
        let count = try #require(try parser.parse("parts adjust BP-1 count=0 reason=盘点"))
        #expect(count.value("count") == Quantity(thousandths: 0))
        let phone = try #require(try parser.parse("customer add 张伟 phone=138-0013-8000"))
        #expect(phone.value("phone") == "13800138000")
        let bay = try #require(try parser.parse("bay add 定位工位 equipment=举升机、alignment,喷漆台"))
        #expect(bay.value("equipment") == "lift,alignment,喷漆台")
        let day = try #require(try parser.parse("appointment list tomorrow"))
        #expect(ShopZone.shanghai.format(day.need("day")) == "2026-11-23 00:00")
    }

    // MARK: Equipment

    @Test func equipmentIsNamedInTheShopsLanguageAndAnyOtherWordIsKept() {
        #expect(Equipment("lift").label(.zh) == "举升机")
        #expect(Equipment("举升机").code == "lift")
        #expect(Equipment("四轮定位").code == "alignment")
        #expect(Equipment("EV").code == "ev-safe")
        #expect(Equipment("ev-safe").label(.en) == "EV high-voltage safety")
        #expect(Equipment(" 喷漆台 ").code == "喷漆台")
        #expect(Equipment("喷漆台").label(.en) == "喷漆台", "a word the shop typed is shown as typed")
        #expect(Equipment.list("lift, 四轮定位仪、lift，paint").map(\.code) == ["lift", "alignment", "paint-booth"])
        #expect(Equipment.list(" , ").isEmpty)
        for known in KnownEquipment.allCases {
            #expect(Equipment(known.chinese).code == known.code)
            #expect(Equipment(known.english).code == known.code)
            #expect(known.chinese.contains { $0.isChinese })
        }
        #expect(zh.equipment(["lift", "alignment"]) == "举升机、四轮定位仪")
        #expect(en.equipment(["lift", "喷漆台"]) == "lift, 喷漆台")
    }

    // MARK: History

    @Test func everyJournalActionHasALabelInBothLanguages() {
        var chinese: Set<String> = [], english: Set<String> = []
        for action in JournalAction.allCases {
            let zhLabel = action.label(zh), enLabel = action.label(en)
            #expect(zhLabel.contains { $0.isChinese }, "\(action.rawValue): \(zhLabel)")
            #expect(!zhLabel.contains(where: { $0.isASCII && $0.isLetter && !"PIN".contains($0) }), "\(action.rawValue): \(zhLabel)")
            #expect(!enLabel.contains { $0.isChinese } && !enLabel.isEmpty, "\(action.rawValue): \(enLabel)")
            chinese.insert(zhLabel)
            english.insert(enLabel)
        }
        #expect(chinese.count == JournalAction.allCases.count, "two actions share a Chinese label")
        #expect(english.count == JournalAction.allCases.count, "two actions share an English label")
        #expect(JournalAction.label(of: "order.checkin", zh) == "接车开单")
        #expect(JournalAction.label(of: "something.new", zh) == "something.new", "an action a later version wrote is shown as stored")
    }

    // MARK: Stock notes

    @Test func aMovementSaysWhatHappenedInTheShopsLanguage() {
        func note(_ kind: StockMovement.Kind, order: Int? = nil, line: Int? = nil, booking: Int? = nil, reason: String? = nil,
                  status: (AppointmentStatus, Int?)? = nil, _ w: Wording) -> String {
            MovementNote.text(kind: kind, order: order, line: line, appointment: booking, reason: reason,
                              booking: status.map { (status: $0.0, order: $0.1) }, w)
        }
        #expect(note(.reserve, booking: 2, zh) == "预约 A2 预留")
        #expect(note(.reserve, booking: 2, en) == "reserved for booking A2")
        #expect(note(.issue, order: 12, line: 3, zh) == "RO12 第 3 项领料")
        #expect(note(.issue, order: 12, line: 3, en) == "issued to RO12 line 3")
        #expect(note(.return, order: 12, line: 3, zh) == "RO12 第 3 项退回")
        #expect(note(.adjust, zh) == "期初库存")
        #expect(note(.adjust, en) == "opening stock")
        #expect(note(.adjust, reason: "月末盘点", en) == "月末盘点", "a reason a person typed is shown as typed")
        #expect(note(.receive, reason: "送货单0815", zh) == "送货单0815")
        #expect(note(.receive, zh) == "")
        #expect(note(.unreserve, booking: 2, status: (.cancelled, nil), zh) == "预约 A2 取消")
        #expect(note(.unreserve, booking: 2, status: (.noShow, nil), en) == "booking A2 did not come")
        #expect(note(.unreserve, booking: 1, status: (.arrived, 5), zh) == "预约 A1 到店，转 RO5")
        #expect(note(.unreserve, booking: 1, status: nil, zh) == "预约 A1 释放预留")
        // Reasons earlier versions generated in English are said again from the movement itself.
        #expect(note(.adjust, reason: "opening stock", zh) == "期初库存")
        #expect(note(.reserve, booking: 1, reason: "booking A1", zh) == "预约 A1 预留")
        #expect(note(.unreserve, booking: 1, reason: "arrived: RO1", status: (.arrived, 1), zh) == "预约 A1 到店，转 RO1")
        #expect(note(.unreserve, booking: 2, reason: "no-show", status: (.noShow, nil), zh) == "预约 A2 未到店")
        #expect(note(.return, order: 3, line: 2, reason: "line declined", zh) == "RO3 第 2 项退回")
        for kind in [StockMovement.Kind.receive, .issue, .return, .adjust, .reserve, .unreserve] {
            #expect(MovementNote.kind(kind, zh).contains { $0.isChinese })
            #expect(!MovementNote.kind(kind, en).contains { $0.isChinese })
        }
    }

    // MARK: Refusals

    static let at = Timestamp(seconds: 1_795_309_200)
    static let customer: [CustomerRefusal] = [
        .notCustomerReference(given: "x"), .notVehicleReference(given: "x"), .notModelYear(given: "1850", latest: 2027),
        .nothingToChange(customer: "C1"), .nothingToChangeOnVehicle(plate: "P"), .confirmVINWithoutVIN(plate: "P", confirmed: true),
        .confirmVINWithoutVIN(plate: "P", confirmed: false),
        .notReady(order: "RO1", status: .inWork), .noAddedWorkWaiting(order: "RO1"), .delayNeedsReason,
    ]
    static let booking: [BookingRefusal] = [
        .notBookingNumber(given: "x"), .notInFuture(at: at), .notPending(appointment: "A1", status: .confirmed),
        .timePassed(appointment: "A1", at: at),
        .partsShort(appointment: "A1", shortages: [PartShortage(partNumber: "BP-1", name: "pads", needed: Quantity(units: 2),
                                                                 available: Quantity(units: 0), onOrder: Quantity(units: 4), due: "2026-11-24")]),
        .bayLacksEquipment(bay: "B1", missing: [Equipment("alignment")], has: [], free: []),
        .bayClosed(bay: "B1", hours: "08:00-18:00", at: at, minutes: 90),
        .bayTaken(bay: "B1", by: "A1", plate: "P", from: at, until: at + 3_600, free: ["B2"]),
        .noFreeBay(equipment: [], at: at, minutes: 30), .noFreeBay(equipment: [Equipment("lift")], at: at, minutes: 30),
        .alreadyClosed(appointment: "A1", status: .cancelled), .noShowTooEarly(appointment: "A1", at: at),
    ]
    static let catalog: [CatalogRefusal] = [
        .unknownPart(partNumber: "X"), .badPartNumber(given: "x y"), .nameNeeded(partNumber: "X"), .priceNeeded(partNumber: "X"),
        .customerPartNotStocked, .alreadyStocked(partNumber: "X", onHand: Quantity(units: 3)),
        .countMatches(partNumber: "X", onHand: Quantity(units: 3)), .nothingToReturn(order: "RO1"),
        .unknownJob(code: "J"), .unknownLaborOperation(code: "L", job: "J"),
        .jobNeedsWork(code: "J"), .badLaborCode(given: "x"), .reservedLaborCode(code: "DIAG"),
    ]
    static let people: [PeopleRefusal] = [
        .technicianNeedsGroup(name: "n"), .lastManager(name: "n"), .notOnStaff(name: "n"), .onlyManagerSetsPIN(person: "n"),
        .ownPINNeeded(name: "n"), .badCheckitemCode(given: "1x"), .reservedCheckitemCode(code: "by"), .unknownBay(name: "b", bays: []),
    ]
    static let afterSales: [AfterSalesRefusal] = [
        .noFollowUp(order: "RO1"), .followUpRecorded(order: "RO1", at: at), .notSatisfaction(given: "7"),
        .noComplaint(number: 1), .complaintClosed(complaint: 1), .notClassified(complaint: 1), .notVerified(complaint: 1),
        .notAnswered(complaint: 1),
    ]
    static let documents: [DocumentRefusal] = [
        .wrongExtension(out: "x.txt", expected: "pdf"), .folderMissing(out: "a/x.pdf", folder: "a"),
        .noTemplates(template: "jobcard.html"), .template(folder: "T", detail: "x"),
        .pdfFontMissing(font: "f"), .pdfFailed(path: "p", detail: "d"), .nothingCheckedIn(day: "2026-11-22"), .dayBatchIsPDF,
        .bookingVehicleMissing(appointment: "A1"),
    ]
    static var refusals: [any WordedRefusal] {
        customer.map { $0 as any WordedRefusal } + booking.map { $0 } + catalog.map { $0 } + people.map { $0 } + afterSales.map { $0 }
            + documents.map { $0 } + [ReportRefusal.notMonth(given: "x"), SettingsRefusal.nothingToSet(keys: ["name"])]
    }

    @Test func everyRefusalIsWordedInBothLanguagesWithAStableCode() {
        for refusal in Self.refusals {
            let chinese = refusal.words(zh), english = refusal.words(en)
            #expect(chinese.contains { $0.isChinese }, "\(refusal.code): \(chinese)")
            #expect(!english.contains { $0.isChinese }, "\(refusal.code): \(english)")
            #expect(!english.isEmpty && chinese != english)
            #expect(refusal.code.split(separator: ".").count == 2 && !refusal.code.contains { $0.isUppercase }, "\(refusal.code)")
        }
        #expect(BookingRefusal.partsShort(appointment: "A1", shortages: []).code == "booking.parts-short")
        #expect(en.shortage(PartShortage(partNumber: "BP-1", name: "pads", needed: Quantity(units: 2), available: Quantity(units: 0),
                                         onOrder: Quantity(units: 4), due: "2026-11-24"))
                == "BP-1 pads: need 2, 0 available, 4 on order (due 2026-11-24)")
    }

    /// Every setting `shop show` lists has a label in both languages and a placeholder in help: a
    /// key without one printed bare ("card_bonus_limit (card_bonus_limit)") in a Chinese shop.
    @Test func everySettingHasItsWords() {
        #expect(ShopCommands.settingsWithoutWords.isEmpty, "settings without a label or placeholder: \(ShopCommands.settingsWithoutWords)")
    }

    /// A field left empty is named in words, never by its bare key, in a Chinese sentence.
    @Test func anEmptyFieldIsNamedInChinese() {
        for field in ["site", "bay", "name", "tier", "item", "reason", "complaint", "desc", "findings"] {
            let words = InputRefusal.empty(field: field).words(zh)
            #expect(!words.contains(field) && words.hasSuffix("不能为空"), "\(field): \(words)")
        }
        #expect(InputRefusal.empty(field: "site").words(zh) == "门店名称不能为空")
        #expect(InputRefusal.empty(field: "site").words(en) == "the site name cannot be empty")
    }
}

extension Character {
    /// A CJK ideograph (or CJK punctuation): Chinese text.
    var isChinese: Bool {
        unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
    }
}
