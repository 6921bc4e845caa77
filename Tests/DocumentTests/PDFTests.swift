import DocumentModel
import Foundation
import Testing
@testable import HaruPDF
import JobCards
@testable import WorkshopModel

@Suite("PDF documents")
struct PDFTests {
    @Test func aChineseJobCardReadsBackWithEveryLineAndTheTotal() throws {
        let path = Fixtures.temporaryPath("jobcard.pdf")
        let rendered = try PDFRenderer().write([Fixtures.document(.jobcard)], to: path)
        #expect(rendered.pageCount == 1)
        #expect(rendered.embeddedFont)
        #expect(rendered.warnings.isEmpty)
        let text = try Fixtures.pdfText(path).joined()
        for expected in ["进厂维修单", "Repair Order", "RO12", "京A·12345", "LFV2A21K8C3070455", "刹车时有异响", "左前门划痕约10cm",
                         "更换前刹车片 1", "前刹车片（套）2", "外加工：前刹车盘光盘 3", "更换前刹车片 4", "5QD698151", "原厂件",
                         "¥860.00", "顺达汽车维修服务有限公司", "91440300MA5D8K2Q3N", "客户签字", "第 1/1 页"] {
            #expect(text.contains(expected), "the job card lacks \(expected)")
        }
    }

    @Test func aJobCardWithNoDamageNotedClaimsNoCheck() throws {
        let path = Fixtures.temporaryPath("nodamage.pdf")
        let noted = Fixtures.record()
        let bare = OrderRecord(order: noted.order, vehicle: noted.vehicle, customer: noted.customer, lines: noted.lines, damage: [],
                               belongings: noted.belongings, documents: noted.documents)
        _ = try PDFRenderer().write([Fixtures.document(.jobcard, record: bare)], to: path)
        let text = try Fixtures.pdfText(path).joined()
        #expect(text.contains("未记录 None recorded"), "\(text)")
        #expect(!text.contains("未见异常") && !text.contains("Nothing noted"))
    }

    @Test func theChecklistNamesWhoSignsAtCheckInAndAtReturn() throws {
        let path = Fixtures.temporaryPath("checklist-names.pdf")
        _ = try PDFRenderer().write([Fixtures.document(.checklist, record: Fixtures.record(status: .released, released: true))], to: path)
        let text = try Fixtures.pdfText(path).joined()
        let atReturn = try #require(text.range(of: "Customer, at return"))
        #expect(text[atReturn.upperBound...].contains("张伟"), "the one who took the car back, beneath the return line: \(text)")
    }

    @Test func theReleaseNoteCountsTheFoundAndTheMissingOfOneItem() throws {
        let path = Fixtures.temporaryPath("partly.pdf")
        let released = Fixtures.record(status: .released, released: true)
        let mats = Belonging(name: "脚垫", count: 4, returned: 2,
                             missingRecord: MissingBelonging(reason: "只找到两块", by: "周静", at: Fixtures.now))
        let record = OrderRecord(order: released.order, vehicle: released.vehicle, customer: released.customer, lines: released.lines,
                                 damage: [], belongings: [Belonging(name: "备胎", count: 1, returnedAt: Fixtures.now), mats], documents: [])
        _ = try PDFRenderer().write([Fixtures.document(.release, record: record)], to: path)
        let text = try Fixtures.pdfText(path).joined().replacingOccurrences(of: "\n", with: "")
        #expect(text.contains("备胎、脚垫×2"), "the two mats found are checked back: \(text)")
        #expect(text.contains("脚垫×2（未找到 missing：只找到两块；周静）"), "\(text)")
    }

    @Test func aLongOrderBreaksAcrossPagesWithTheHeaderOnEach() throws {
        let path = Fixtures.temporaryPath("long.pdf")
        let rendered = try PDFRenderer().write([Fixtures.document(.jobcard, record: Fixtures.record(lines: 80))], to: path)
        #expect(rendered.pageCount >= 3)
        let pages = try Fixtures.pdfText(path)
        #expect(pages.count == rendered.pageCount)
        for (index, page) in pages.enumerated() {
            #expect(page.contains("RO12"), "page \(index + 1) has no order number")
            #expect(page.contains("第 \(index + 1)/\(pages.count) 页"), "page \(index + 1) has no page number")
        }
        // The lines' table header is repeated on every page the table continues on.
        let tablePages = pages.filter { $0.contains("更换前刹车片") || $0.contains("前刹车片（套）") }
        #expect(tablePages.count >= 2)
        for page in tablePages { #expect(page.contains("单价 Unit")) }
        // Every line is there once, and the totals and signatures are together on the last page.
        let all = pages.joined()
        for number in [1, 40, 79, 80] { #expect(all.contains("\(number)")) }
        #expect(pages.last!.contains("合计") && pages.last!.contains("客户签字"))
    }

    @Test func latinOnlyDocumentsUseHelveticaAndStaySmall() throws {
        var settings = Fixtures.settings
        try settings.set("language", to: "en")
        try settings.set("name", to: "Harbour Motors")
        try settings.set("address", to: "12 Quay Street")
        let customer = Customer(id: 1, name: "Hans Müller", phone: "13006001234", createdAt: Fixtures.now)
        let base = Fixtures.record()
        let vehicle = Vehicle(id: 1, plate: try Plate("HK 8888", foreign: true), vin: "JTDBT4K30A1234567", ownerID: 1,
                              make: "Toyota", model: "Alphard", createdAt: Fixtures.now)
        var order = base.order
        order.complaint = "Brake judder"
        order.findings = "Pads worn"
        order.droppedBy = nil
        order.signedBy = "Hans Müller"
        order.advisor = "Amy Chan"
        let lines = [OrderLine.labor(number: 1, description: "Replace pads", hours: Hours(hundredths: 100), rate: Money(fen: 15_000))]
        let record = OrderRecord(order: order, vehicle: vehicle, customer: customer, lines: lines, damage: [],
                                 belongings: [Belonging(name: "spare tyre", count: 1)], documents: [])
        let path = Fixtures.temporaryPath("latin.pdf")
        let rendered = try PDFRenderer().write([Fixtures.document(.jobcard, record: record, settings: settings)], to: path)
        #expect(!rendered.embeddedFont)
        #expect(rendered.bytes < 10_000)
        let text = try Fixtures.pdfText(path).joined()
        #expect(text.contains("Repair Order"))
        #expect(text.contains("Hans Müller"))
        #expect(!text.contains("进厂维修单"))
    }

    @Test func aCharacterTheFontCannotDrawIsNamedNotDropped() throws {
        let path = Fixtures.temporaryPath("rare.pdf")
        let rendered = try PDFRenderer().write([Fixtures.document(.jobcard, record: Fixtures.record(customerName: "张𠀀伟"))], to: path)
        #expect(rendered.warnings.count == 1)
        #expect(rendered.warnings.first?.contains("U+20000") == true)
        #expect(try Fixtures.pdfText(path).joined().contains("张?伟"))
    }

    @Test func theFontCoverageIsReadFromItsCmap() throws {
        let coverage = try FontCoverage(path: PDFRenderer.defaultFontPath)
        for character in "进厂维修单京AÜ¥√" { #expect(coverage.covers(character.unicodeScalars.first!), "\(character)") }
        #expect(!coverage.covers("𠀀"))
        #expect(!coverage.covers("✓"))
    }

    @Test func everyDocumentKindRenders() throws {
        for kind in [OrderDocuments.Kind.jobcard, .checklist, .estimate] {
            let path = Fixtures.temporaryPath("\(kind).pdf")
            let rendered = try PDFRenderer().write([Fixtures.document(kind, record: Fixtures.record(status: .estimating))], to: path)
            let text = try Fixtures.pdfText(path).joined()
            #expect(text.contains(kind.title.zh), "\(kind)")
            #expect(rendered.warnings.isEmpty, "\(kind): \(rendered.warnings)")
        }
        let checklist = try Fixtures.pdfText({
            let path = Fixtures.temporaryPath("checklist.pdf")
            _ = try PDFRenderer().write([Fixtures.document(.checklist)], to: path)
            return path
        }()).joined()
        for expected in ["随车物品清单", "备胎", "脚垫", "K07", "保单", "2027-03-01"] { #expect(checklist.contains(expected)) }
    }

    @Test func theCertificateHasTheStubAndTheOwnersCopy() throws {
        let path = Fixtures.temporaryPath("certificate.pdf")
        _ = try PDFRenderer().write([Fixtures.document(.certificate)], to: path)
        let text = try Fixtures.pdfText(path).joined()
        #expect(text.components(separatedBy: "2026-00012").count - 1 >= 2, "the number is on both copies")
        for expected in ["竣工出厂合格证", "存根", "车主联", "沿此线剪开", "经检验合格，准予出厂", "孙检", "LFV2A21K8C3070455"] {
            #expect(text.contains(expected), "the certificate lacks \(expected)")
        }
    }

    @Test func theInspectionRecordShowsEveryStageAndTheRework() throws {
        let path = Fixtures.temporaryPath("inspection.pdf")
        _ = try PDFRenderer().write([Fixtures.document(.inspection)], to: path)
        let text = try Fixtures.pdfText(path).joined()
        for expected in ["检验单", "进厂检验", "过程检验", "竣工检验（第 1 次）", "竣工检验（第 2 次）", "不合格", "左前制动拖滞", "2026-00012"] {
            #expect(text.contains(expected), "the inspection record lacks \(expected)")
        }
    }

    @Test func theAddedWorkAuthorisationShowsTheAnswer() throws {
        let path = Fixtures.temporaryPath("supplement.pdf")
        _ = try PDFRenderer().write([Fixtures.document(.supplement)], to: path)
        let text = try Fixtures.pdfText(path).joined()
        for expected in ["追加项目确认单", "前刹车片磨损至极限", "已确认", "张伟", "电话", "赵师傅", "420.00"] {
            #expect(text.contains(expected), "the authorisation lacks \(expected)")
        }
    }

    @Test func theCashDeskDocumentsOfAReleasedOrder() throws {
        let path = Fixtures.temporaryPath("release.pdf")
        let record = Fixtures.record(released: true)
        let rendered = try PDFRenderer().write([try Fixtures.document(.settlement, record: record),
                                                try Fixtures.document(.release, record: record),
                                                try Fixtures.document(.warranty, record: record)], to: path)
        #expect(rendered.pageCount == 3)
        let pages = try Fixtures.pdfText(path)
        // 860.00 less 5% (43.00) is 817.00, paid 500.00 by WeChat and 317.00 in cash.
        for expected in ["机动车维修结算清单", "工时费", "材料费", "其他费用", "-43.00", "¥817.00", "微信支付", "收据" , "旧件已交还客户", "2000 km"] {
            #expect(pages[0].contains(expected), "the settlement list lacks \(expected)")
        }
        #expect(pages[1].contains("出厂通知单") && pages[1].contains("准予出厂"))
        // Released 2026-11-24 09:30 at 45,230 km: minor repair, covered to 2026-12-04 and 47,230 km.
        #expect(pages[2].contains("维修质量保证书") && pages[2].contains("2026-12-04") && pages[2].contains("47230 km"))
    }

    @Test func documentsAnOrderDoesNotHaveYetAreRefused() {
        let bare = OrderRecord(order: Fixtures.record().order, vehicle: Fixtures.record().vehicle, customer: Fixtures.record().customer,
                               lines: [], damage: [], belongings: [], documents: [])
        let documents = OrderDocuments(record: bare, settings: Fixtures.settings, printedAt: Fixtures.now)
        #expect(throws: DocumentUnavailable.self) { try documents.document(.certificate) }
        #expect(throws: DocumentUnavailable.self) { try documents.document(.inspection) }
        #expect(throws: DocumentUnavailable.self) { try documents.document(.supplement) }
        #expect(throws: DocumentUnavailable.self) { try documents.document(.release) }
        #expect(throws: DocumentUnavailable.self) { try documents.document(.warranty) }
    }

    @Test func manyDocumentsGoInOneFileEachWithItsOwnPageNumbers() throws {
        let path = Fixtures.temporaryPath("batch.pdf")
        let documents = try (0..<5).map { _ in try Fixtures.document(.jobcard) }
        let rendered = try PDFRenderer().write(documents, to: path)
        #expect(rendered.pageCount == 5)
        #expect(try Fixtures.pdfText(path).allSatisfy { $0.contains("第 1/1 页") })
    }
}
