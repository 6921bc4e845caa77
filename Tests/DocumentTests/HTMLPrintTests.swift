import DocumentModel
import Foundation
import JobCards
import Templating
import Testing
@testable import WorkshopModel

/// Every document's HTML, from the real Templates/ folder, printed by headless Chromium as a
/// person prints it from the browser, and read back with pdftotext: page numbers, the running
/// header on continuation pages, table heads repeated, notices with their line breaks, nothing
/// cut in two that must stay whole. All documents go through one browser (see HeadlessChromium).
@Suite("HTML printed by Chromium",
       .enabled(if: HeadlessChromium.executable() != nil,
                "Chromium is not installed: scripts/setup.sh installs it (the Debian package chromium)"))
struct HTMLPrintTests {
    /// A printed document: what was printed and the text of each page (pdftotext, reading order).
    struct Printed: Sendable {
        let document: Document
        let pages: [String]
        let squeezedPages: [String]

        init(document: Document, pages: [String]) {
            self.document = document
            self.pages = pages
            squeezedPages = pages.map(HTMLPrintTests.squeeze)
        }
    }

    /// Printed once for all the tests of this suite, or why not.
    static let printout: Result<[String: Printed], HeadlessChromium.Failure> = printAll()

    static func printed(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Printed {
        switch printout {
        case .failure(let failure):
            Issue.record(Comment(rawValue: failure.description), sourceLocation: sourceLocation)
            throw failure
        case .success(let documents):
            return try #require(documents[name], "\(name) was not printed")
        }
    }

    static var allNames: [String] { documents().map(\.name) }

    // MARK: The documents

    static var english: ShopSettings {
        var settings = Fixtures.settings
        try! settings.set("language", to: "en")
        return settings
    }

    /// Every document kind in Chinese (the bilingual shop) and English, a 40-line job card (three
    /// pages), the month report, and the long inspection record that tests page breaks.
    static func documents() -> [(name: String, document: Document)] {
        var list: [(String, Document)] = []
        for (language, settings) in [("zh", Fixtures.settings), ("en", english)] {
            for kind in OrderDocuments.Kind.allCases {
                list.append(("\(kind.rawValue)-\(language)", try! Fixtures.document(kind, record: Fixtures.record(released: true), settings: settings)))
            }
            list.append(("long-jobcard-\(language)", try! Fixtures.document(.jobcard, record: Fixtures.record(lines: 40), settings: settings)))
            list.append(("booking-\(language)", booking(settings)))
            list.append(("picklist-\(language)", pickList(settings)))
            list.append(("month-\(language)", month(settings)))
            list.append(("statement-\(language)", statement(settings)))
        }
        for rows in breakVariants { list.append(("long-inspection-\(rows)", longInspection(rows: rows))) }
        list.append(("narrow-columns", narrowColumns()))
        return list
    }

    static func booking(_ settings: ShopSettings) -> Document {
        let record = Fixtures.record()
        let booking = Appointment(id: 3, vehicleID: 1, at: Fixtures.now + 86_400, duration: 90, complaint: "保养，刹车报警", jobs: ["J-MNT"],
                                  equipment: [], bayID: 1, status: .confirmed, orderID: nil, estimate: Money(fen: 56_400),
                                  createdAt: Fixtures.now, createdBy: "王芳")
        return BookingDocuments.confirmation(booking, vehicle: record.vehicle, customer: record.customer, bay: "1号工位",
                                             lines: Array(record.lines.prefix(3)), settings: settings, printedAt: Fixtures.now)
    }

    static func pickList(_ settings: ShopSettings) -> Document {
        BookingDocuments.pickList(day: "2026-11-23", items: (1...6).map {
            BookingDocuments.PickItem(bay: "1号工位", appointment: "A\($0)", time: "09:00", plate: "京A·12345", partNumber: "5QD69815\($0)",
                                      name: "前刹车片（套）", quantity: Quantity(units: 1), bin: "C-0\($0)")
        }, settings: settings, printedAt: Fixtures.now)
    }

    /// November: ten figures (as `report month` prints) and 30 days, two pages.
    static func month(_ settings: ShopSettings) -> Document {
        ReportDocuments.month("2026-11", figures: [
            .init(Label("进厂车辆", "Cars checked in"), "128"), .init(Label("开单 / 交车", "Orders opened / released"), "131 / 126"),
            .init(Label("营业额", "Revenue"), "186,420.00"), .init(Label("工时 / 材料 / 其他", "Labour / parts / other"), "61,200.00 / 118,020.00 / 7,200.00"),
            .init(Label("单车产值", "Average order"), "1,456.41"), .init(Label("成交率", "Close ratio"), "87.5%"),
            .init(Label("优惠", "Discounts"), "2,310.00"), .init(Label("预约 / 到店 / 未到", "Bookings / arrived / no-shows"), "40 / 36 / 4"),
            .init(Label("返修", "Comebacks"), "2"), .init(Label("新投诉 / 未结投诉", "Complaints new / open"), "1 / 0"),
        ], days: (1...30).map { day in
            ReportDocuments.Day(day: "2026-11-\(day < 10 ? "0" : "")\(day)", revenue: Money(fen: (day % 7 + 1) * 123_456), cars: day % 7 + 2)
        }, settings: settings, printedAt: Fixtures.now)
    }

    static func statement(_ settings: ShopSettings) -> Document {
        ReportDocuments.statement(reference: "C3 2026-11", customer: [Field(Label("客户", "Customer"), "顺达物流"), Field(Label("期间", "Period"), "2026-11")],
                                  ledger: [["2026-11-22", "RO12", "京A·12345", "挂账", "817.00", "", "817.00"]],
                                  orders: [["RO12", "京A·12345", "2026-11-24", "817.00", "0.00", "817.00"]],
                                  totals: [(Label("期初未结", "Owed at the start"), "0.00"), (Label("期末未结", "Owed at the end"), "817.00")],
                                  settings: settings, printedAt: Fixtures.now)
    }

    /// Table lengths for the long inspection record: four steps of four rows (about 60 px each)
    /// move its closing (about 550 px) through every place on a page, so at least one of them
    /// meets a page break — which the test checks.
    static let breakVariants = [30, 34, 38, 42]

    /// An inspection record longer than any real one: a grid of 40 measured values (each cell
    /// three lines), a table of `rows` items (each row three lines), and a tall closing: totals,
    /// a notice of 20 lines and signatures. Each cell, row and the closing is marked at its start
    /// and end ("G7<" … ">G7"), so pdftotext shows where each begins and ends.
    static func longInspection(rows: Int) -> Document {
        let filler = "制动力、侧滑量及前照灯发光强度均在标准范围内 within limits"
        return Document(
            kind: "inspection", title: Label("检验单", "Inspection Record"), reference: "RO99", printedAt: "2026-11-22 09:30",
            shop: ShopHeader(name: "顺达汽车维修服务有限公司", address: "深圳市南山区科技园南路18号", phone: "0755-82345678", creditCode: ""),
            blocks: [
                .fields(title: Label("测量值", "Measured values"), columns: 4,
                        fields: (1...40).map { Field(Label("项目 \($0)", "Item \($0)"), "\(mark("G", $0))< \(filler) >\(mark("G", $0))") }),
                .table(Table(title: Label("检验项目", "Items"), columns: [
                    Column(Label("#", "#"), alignment: .right, weight: 0.4), Column(Label("检验项目", "Item"), weight: 2),
                    Column(Label("结果", "Result"), weight: 1),
                ], rows: (1...rows).map { ["\($0)", "\(mark("T", $0))< \(filler) \(filler) >\(mark("T", $0))", "合格 pass"] })),
            ],
            closing: [
                .totals([TotalLine(Label("CLOSING<", "CLOSING<"), "1"), TotalLine(Label("检验结论", "Result"), "合格 pass", emphasized: true)]),
                .notice((1...20).map { "第 \($0) 条：竣工检验合格方可出厂 N\($0)" }.joined(separator: "\n")),
                .signatures([Signature(Label("质量检验员", "Inspector")), Signature(Label(">CLOSING", ">CLOSING"))]),
            ],
            bilingual: true)
    }

    /// A table of narrow columns full of numbers, amounts, dates, times, part numbers and plates,
    /// each printed nowhere else: the test that they are printed whole.
    static func narrowColumns() -> Document {
        Document(
            kind: "supplement", title: Label("追加项目确认单", "Added Work Authorisation"), reference: "RO77", printedAt: "2026-11-22 09:30",
            shop: ShopHeader(name: "顺达汽车维修服务有限公司", address: "深圳市南山区科技园南路18号", phone: "0755-82345678", creditCode: ""),
            blocks: [.table(Table(title: Label("追加维修项目", "Added work"), columns: [
                Column(Label("配件号", "Part no."), weight: 1), Column(Label("金额", "Amount"), alignment: .right, weight: 0.8),
                Column(Label("车间报告", "Reported"), weight: 1), Column(Label("客户答复", "Customer's answer"), weight: 1.2),
                Column(Label("车牌", "Plate"), weight: 0.9), Column(Label("车辆识别代号", "VIN"), weight: 1.4),
            ], rows: (1...9).map { n in
                // Each cell wider than its column, each token narrower.
                ["配件 38810-5A2-A\(n) / 38810-5A2-B\(n)", "12,345.6\(n) + 1,026.5\(n)", "赵师傅 2025-10-0\(n) 08:1\(n)",
                 "已确认 · 张伟 · 电话 · 2025-09-0\(n) 07:4\(n)", "粤B·D1234\(n) 粤B·F5678\(n)", "LFV2A21K8C307045\(n) LGBH52E06JY10000\(n)"]
            }))],
            closing: [], bilingual: true)
    }

    /// "G07": a cell's or row's marker, none the beginning of another.
    static func mark(_ letter: String, _ number: Int) -> String { letter + (number < 10 ? "0" : "") + String(number) }

    /// Renders every document, prints them all in one browser, reads each PDF back.
    static func printAll() -> Result<[String: Printed], HeadlessChromium.Failure> {
        guard let chromium = HeadlessChromium.executable() else {
            return .failure(.init(description: "Chromium is not installed: run scripts/setup.sh (it installs the Debian package chromium, "
                                  + "which prints the HTML documents in these tests)"))
        }
        // WORKSHOP_HTML_PRINTS=DIR keeps the HTML and the PDFs there, to look at.
        let kept = ProcessInfo.processInfo.environment["WORKSHOP_HTML_PRINTS"].flatMap { $0.isEmpty ? nil : $0 }
        let folder = kept ?? NSTemporaryDirectory() + "workshop-html-print-" + UUID().uuidString
        defer { if kept == nil { try? FileManager.default.removeItem(atPath: folder) } }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let renderer = HTMLDocuments(templatesDirectory: HTMLTests.templates)
            var documents: [String: Document] = [:]
            var jobs: [(html: String, pdf: String)] = []
            for (name, document) in Self.documents() {
                let html = folder + "/\(name).html", pdf = folder + "/\(name).pdf"
                try renderer.render(document).write(toFile: html, atomically: true, encoding: .utf8)
                documents[pdf] = document
                jobs.append((html, pdf))
            }
            let browser = try HeadlessChromium(executable: chromium)
            defer { browser.close() }
            var printed: [String: Printed] = [:]
            // Each PDF is read back while the browser prints the next ones.
            try browser.print(jobs) { job in
                let name = URL(fileURLWithPath: job.pdf).deletingPathExtension().lastPathComponent
                printed[name] = Printed(document: documents[job.pdf]!, pages: try Fixtures.pdfText(job.pdf, layout: false))
            }
            return .success(printed)
        } catch let failure as HeadlessChromium.Failure {
            return .failure(failure)
        } catch {
            return .failure(.init(description: "printing the HTML documents failed: \(error)"))
        }
    }

    // MARK: Reading the pages

    /// The text without any white space: pdftotext breaks lines where the page did, and spaces
    /// columns as it sees fit.
    static func squeeze(_ text: String) -> String { String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init)) }

    /// The page (1-based) on which `marker` is printed; nil when on none, and a failure when on several.
    static func page(of marker: String, in printed: Printed, sourceLocation: SourceLocation = #_sourceLocation) -> Int? {
        let pages = printed.squeezedPages.indices.filter { printed.squeezedPages[$0].contains(squeeze(marker)) }
        if pages.count > 1 { Issue.record("\(marker) is on pages \(pages.map { $0 + 1 })", sourceLocation: sourceLocation) }
        return pages.first.map { $0 + 1 }
    }

    /// "RO12 · 打印 Printed 2026-11-22 09:30", at the foot of every page.
    static func foot(_ d: Document) -> String { "\(d.reference) · \(d.bilingual ? "打印 Printed" : "Printed") \(d.printedAt)" }

    /// "第 2/3 页 Page 2 of 3" (Chinese and English), "Page 2 of 3" (English).
    static func pageLabel(_ d: Document, _ number: Int, of count: Int) -> String {
        (d.bilingual ? "第 \(number)/\(count) 页 " : "") + "Page \(number) of \(count)"
    }

    static func runningHeader(_ d: Document) -> (left: String, right: String) {
        (d.shop.name + " · " + d.title.text(bilingual: d.bilingual),
         (d.bilingual ? "单号 No. " : "No. ") + d.reference + (d.bilingual ? "（续 continued）" : " (continued)"))
    }

    // MARK: Tests

    @Test("every page says which of how many it is, with the document's number and print time",
          arguments: HTMLPrintTests.allNames)
    func pageNumbers(name: String) throws {
        let printed = try Self.printed(name)
        let d = printed.document
        let count = printed.pages.count
        for (index, page) in printed.squeezedPages.enumerated() {
            let number = index + 1
            #expect(page.contains(Self.squeeze(Self.pageLabel(d, number, of: count))), "\(name) page \(number): no \(Self.pageLabel(d, number, of: count))")
            let foot = Self.squeeze(Self.foot(d))
            #expect(page.components(separatedBy: foot).count - 1 == 1, "\(name) page \(number): the foot \(foot) not printed once")
        }
    }

    @Test("a document of several pages: the full header on the first, the running header on the others, none blank")
    func runningHeader() throws {
        var continued = 0
        for name in Self.allNames {
            let printed = try Self.printed(name)
            let d = printed.document
            let pages = printed.squeezedPages
            let header = Self.runningHeader(d)
            for text in [d.shop.name, d.shop.address, d.bilingual ? d.title.zh : d.title.en, (d.bilingual ? "单号 No. " : "No. ") + d.reference] {
                #expect(pages[0].contains(Self.squeeze(text)), "\(name): page 1 lacks \(text)")
            }
            #expect(!pages[0].contains(Self.squeeze(header.right)), "\(name): page 1 has the running header")
            for (index, page) in pages.enumerated().dropFirst() {
                continued += 1
                #expect(page.contains(Self.squeeze(header.left)) && page.contains(Self.squeeze(header.right)),
                        "\(name) page \(index + 1) lacks its running header \(header.left) … \(header.right)")
                #expect(!page.contains(Self.squeeze(d.shop.address)), "\(name) page \(index + 1) repeats the full header")
                var rest = page
                for frame in [header.left, header.right, Self.foot(d), Self.pageLabel(d, index + 1, of: pages.count)] {
                    rest = rest.replacingOccurrences(of: Self.squeeze(frame), with: "")
                }
                #expect(!rest.isEmpty, "\(name) page \(index + 1) is blank")
            }
        }
        for name in ["long-jobcard-zh", "long-jobcard-en", "month-zh", "month-en"] {
            #expect(try Self.printed(name).pages.count >= 2, "\(name) should print on several pages")
        }
        #expect(continued >= 4 + 2 * Self.breakVariants.count)
    }

    @Test("a table continued on the next page repeats its title and column names there",
          arguments: ["long-jobcard-zh", "long-jobcard-en"])
    func tableHeadRepeats(name: String) throws {
        let printed = try Self.printed(name)
        let d = printed.document
        let tables = d.blocks.compactMap { block -> Table? in if case .table(let t) = block { return t } else { return nil } }
        let table = try #require(tables.first, "\(name) has no table")
        let pages = printed.squeezedPages
        try #require(pages.count >= 2, "\(name) should print on several pages")
        let head = ([table.title].compactMap { $0 } + table.columns.map(\.label)).map { Self.squeeze($0.text(bilingual: d.bilingual)) }
        // The widest column (the work done) tells the rows apart.
        let widest = table.columns.indices.max { table.columns[$0].weight < table.columns[$1].weight }!
        let rows = table.rows.map { Self.squeeze($0[widest]) }
        var pagesWithRows = 0
        for (index, page) in pages.enumerated() where rows.contains(where: page.contains) {
            pagesWithRows += 1
            for label in head { #expect(page.contains(label), "\(name) page \(index + 1) has rows of the table but not \(label) of its head") }
        }
        #expect(pagesWithRows >= 2, "\(name): the table should go on over two pages")
    }

    @Test("the month report: the shop's header, then its table with the column names, again on the next page", arguments: ["month-zh", "month-en"])
    func monthReport(name: String) throws {
        let printed = try Self.printed(name)
        let d = printed.document
        let pages = printed.squeezedPages
        try #require(pages.count == 2, "\(name): ten figures and 30 days print on two pages")
        for text in [d.shop.name, d.shop.address, d.shop.phone, d.shop.creditCode, d.bilingual ? d.title.zh : d.title.en, d.reference] {
            #expect(pages[0].contains(Self.squeeze(text)), "\(name) page 1 lacks \(text)")
        }
        guard case .table(let table) = d.blocks.last! else { Issue.record("\(name): the daily table is not last"); return }
        let head = ([table.title!] + table.columns.map(\.label)).map { Self.squeeze($0.text(bilingual: d.bilingual)) }.filter { !$0.isEmpty }
        for label in head {
            #expect(pages[0].contains(label), "\(name) page 1 lacks \(label) of the table's head")
            #expect(pages[1].contains(label), "\(name) page 2 lacks \(label) of the table's head")
        }
        #expect(pages[1].contains(Self.squeeze(Self.runningHeader(d).right)))
        #expect(pages[1].contains("2026-11-30"))
    }

    @Test("a number, amount, date, time, part number or plate in a table is printed whole, on one line, however narrow its column")
    func tokensWhole() throws {
        var tokens = 0
        for name in Self.allNames {
            let printed = try Self.printed(name)
            let lines = Set(printed.pages.joined(separator: "\n").split(separator: "\n").map { $0.replacingOccurrences(of: " ", with: "") })
            for block in printed.document.blocks + printed.document.closing {
                guard case .table(let table) = block else { continue }
                for token in Set(table.rows.flatMap { $0.flatMap(Self.wholeTokens) }) {
                    tokens += 1
                    #expect(lines.contains { $0.contains(token) }, "\(name): \(token) is broken over two lines")
                }
            }
        }
        #expect(tokens >= 60)
    }

    /// The numbers, amounts, dates, times, part numbers, VINs and plates of a cell.
    static func wholeTokens(_ text: String) -> [String] { HTMLDocuments.tokens(text).filter(\.isToken).map(\.text) }

    @Test("a notice keeps its line breaks: each of its lines starts a line on paper")
    func noticeLineBreaks() throws {
        var notices = 0
        for name in Self.allNames {
            let printed = try Self.printed(name)
            let lines = printed.pages.joined(separator: "\n").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            for block in printed.document.closing + printed.document.blocks {
                guard case .notice(let text) = block, text.contains("\n") else { continue }
                notices += 1
                for line in text.split(separator: "\n").dropFirst() {
                    let start = String(line.prefix(8)).trimmingCharacters(in: .whitespaces)
                    #expect(lines.contains { $0.hasPrefix(start) }, "\(name): the notice line \"\(line)\" does not start a line")
                }
            }
        }
        #expect(notices >= 2, "the settlement list and the long inspection record have notices of several lines")
    }

    @Test("page breaks fall between grid rows and table rows; the closing (totals, notice, signatures) stays on one page",
          arguments: HTMLPrintTests.breakVariants)
    func nothingCutInTwo(rows: Int) throws {
        let printed = try Self.printed("long-inspection-\(rows)")
        #expect(printed.pages.count >= 3)
        for n in 1...40 {
            let cell = Self.mark("G", n)
            #expect(Self.page(of: cell + "<", in: printed) == Self.page(of: ">" + cell, in: printed), "grid cell \(n) is cut in two")
        }
        for n in 1...rows {
            let row = Self.mark("T", n)
            #expect(Self.page(of: row + "<", in: printed) == Self.page(of: ">" + row, in: printed), "table row \(n) is cut in two")
        }
        let closing = Self.page(of: "CLOSING<", in: printed)
        #expect(closing != nil && closing == Self.page(of: ">CLOSING", in: printed), "the closing is cut in two")
    }

    @Test("the long record's closing met a page break in at least one of the variants, and moved whole to the next page")
    func closingMovedWhole() throws {
        var moved = 0
        for rows in Self.breakVariants {
            let printed = try Self.printed("long-inspection-\(rows)")
            if let last = Self.page(of: ">" + Self.mark("T", rows), in: printed), let closing = Self.page(of: "CLOSING<", in: printed), closing > last { moved += 1 }
        }
        #expect(moved >= 1, "no variant put the closing at a page break: change breakVariants so that one does")
    }
}

/// The running header's text goes into CSS strings (`content: "…"` in `@page`): whatever the shop's
/// name, it reads the same there and cannot end the string or the style element.
@Suite("Text in CSS strings")
struct CSSStringTests {
    @Test func quotesBackslashesAndMarkupAreEscaped() {
        #expect(CSS.escapeInString(#"O'Brien "Fast" <Fix> & Co\"#) == #"O\27 Brien \22 Fast\22  \3c Fix\3e  \26  Co\5c "#)
        #expect(CSS.escapeInString("顺达汽车 · 维修") == "顺达汽车 · 维修")
        #expect(CSS.escapeInString("a\nb") == #"a\a b"#)
    }

    @Test func aShopNameCannotEndTheStyleElement() throws {
        var document = HTMLPrintTests.longInspection(rows: 1)
        document.shop.name = #"</style><script>alert("x")</script> 顺达"#
        let html = try HTMLDocuments(templatesDirectory: HTMLTests.templates).render(document)
        #expect(html.components(separatedBy: "</style>").count == 2, "only the style element's own end")
        #expect(!html.contains("<script>"))
        #expect(html.contains(#"content: "\3c /style\3e \3c script\3e alert(\22 x\22 )\3c /script\3e  顺达 · 检验单 Inspection Record";"#))
    }
}
