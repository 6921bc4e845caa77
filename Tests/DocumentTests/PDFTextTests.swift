import DocumentModel
import Foundation
import Testing
@testable import HaruPDF
import JobCards
@testable import WorkshopModel

/// What a reader gets out of the PDFs: text that copies out as printed (a true ToUnicode map, no
/// warnings), numbers never broken, the document information, a small embedded font.
@Suite("PDF text and metadata")
struct PDFTextTests {
    /// An order with a long part number, a large price and quantity, and a marked customer part.
    static func bigOrder() -> OrderRecord {
        let base = Fixtures.record(lines: 2)
        var oil = OrderLine.part(number: 3, description: "全合成机油 5W-40", quantity: Quantity(units: 4), unitPrice: Money(fen: 8_800),
                                 partNumber: nil, brand: nil, partClass: .customer)
        oil.noWarranty = true
        oil.status = .approved
        var pump = OrderLine.part(number: 4, description: "高压燃油泵总成（含传感器及线束）", quantity: Quantity(units: 100),
                                  unitPrice: Money(fen: 1_234_567), partNumber: "38810-5A2-A000X", brand: "本田", partClass: .oem)
        pump.status = .approved
        return OrderRecord(order: base.order, vehicle: base.vehicle, customer: base.customer, lines: base.lines + [oil, pump],
                           damage: base.damage, belongings: base.belongings, documents: base.documents)
    }

    @Test func everyDocumentKindCopiesOutWithoutAWarning() throws {
        let record = Fixtures.record(released: true)
        for kind in OrderDocuments.Kind.allCases {
            let path = Fixtures.temporaryPath("\(kind).pdf")
            let document = try Fixtures.document(kind, record: record)
            _ = try PDFRenderer().write([document], to: path)
            // Without -layout the text comes out in reading order: every title and the shop whole.
            let text = try Fixtures.pdfText(path, layout: false).joined()
            for expected in [kind.title.zh, "顺达汽车维修服务有限公司", "深圳市南山区科技园南路18号"] {
                #expect(text.contains(expected), "\(kind) lacks \(expected)")
            }
        }
    }

    @Test func copiedTextIsExactlyTheChinesePrinted() throws {
        let sentence = "刹车时有异响（左前轮），方向盘抖动；客户要求：“今天交车”。ABS灯亮、胎压0.9bar！"
        let path = Fixtures.temporaryPath("complaint.pdf")
        _ = try PDFRenderer().write([Fixtures.document(.jobcard, record: Fixtures.record().withComplaint(sentence))], to: path)
        let text = try Fixtures.pdfText(path, layout: false).joined()
        #expect(text.contains(sentence))
        // The map the font carries is a ToUnicode map, not libharu's encoding CMap.
        #expect(!String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self).contains("begincidrange"))
    }

    @Test func variationSelectorsAreDroppedNotPrinted() throws {
        let path = Fixtures.temporaryPath("emoji.pdf")
        let record = Fixtures.record().withComplaint("刹车异响\u{FE0F}，仪表©\u{FE0E}灯亮")
        let rendered = try PDFRenderer().write([Fixtures.document(.jobcard, record: record)], to: path)
        #expect(rendered.warnings.isEmpty, "\(rendered.warnings)")
        let text = try Fixtures.pdfText(path, layout: false).joined()
        #expect(text.contains("刹车异响，仪表©灯亮"))
        #expect(!text.contains("?"))
    }

    @Test func numbersAmountsAndPartNumbersAreNeverBroken() throws {
        let path = Fixtures.temporaryPath("big.pdf")
        for kind in [OrderDocuments.Kind.jobcard, .estimate] {
            _ = try PDFRenderer().write([Fixtures.document(kind, record: Self.bigOrder())], to: path)
            let text = try Fixtures.pdfText(path).joined()
            for whole in ["38810-5A2-A000X", "12,345.67", "1,234,567.00", "LFV2A21K8C3070455", "京A·12345", "5QD698151"] {
                #expect(text.contains(whole), "\(kind): \(whole) is broken or missing")
            }
            // The customer part's marker stays on its line, after its word.
            #expect(text.contains("全合成机油 5W-40 *"), "\(kind)")
        }
    }

    @Test func theDocumentInformationNamesTheShopTheTitleAndTheTime() throws {
        let path = Fixtures.temporaryPath("info.pdf")
        let created = Date(timeIntervalSince1970: TimeInterval(Fixtures.now.seconds))
        _ = try PDFRenderer().write([Fixtures.document(.jobcard)], to: path,
                                    info: PDFInfo(title: "进厂维修单 RO12", author: "顺达汽车维修服务有限公司", created: created,
                                                  timeZone: TimeZone(identifier: "Asia/Shanghai")!))
        let info = try Fixtures.pdfInfo(path)
        #expect(info["Title"] == "进厂维修单 RO12")
        #expect(info["Author"] == "顺达汽车维修服务有限公司")
        #expect(info["CreationDate"] == "D:20261122093000+08'00'")
        // Without one given: titled from the documents, in the shop's language, the shop as author.
        let record = Fixtures.record(released: true)
        _ = try PDFRenderer().write([Fixtures.document(.settlement, record: record), Fixtures.document(.release, record: record)], to: path)
        let defaults = try Fixtures.pdfInfo(path)
        #expect(defaults["Title"] == "机动车维修结算清单、出厂通知单 RO12")
        #expect(defaults["Author"] == "顺达汽车维修服务有限公司")
        #expect(defaults["CreationDate"]?.hasPrefix("D:") == true)
    }

    @Test func theFontIsCutDownToTheDocument() throws {
        let path = Fixtures.temporaryPath("small.pdf")
        let rendered = try PDFRenderer().write([Fixtures.document(.jobcard)], to: path)
        #expect(rendered.embeddedFont)
        #expect(rendered.bytes < 60_000, "a job card of \(rendered.bytes) bytes")
    }

    @Test func theFontFileForLibharuLastsOnlyWhileItIsRead() throws {
        var seen = ""
        let size = try TemporaryFontFile.withFile([1, 2, 3]) { path -> Int in
            seen = path
            #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
            return (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }
        #expect(size == 3)
        #expect(!FileManager.default.fileExists(atPath: seen))
    }

    @Test func manyDocumentsShareOneSubset() throws {
        let path = Fixtures.temporaryPath("batch.pdf")
        let one = try PDFRenderer().render([Fixtures.document(.jobcard)])
        let twenty = try PDFRenderer().render(Array(repeating: try Fixtures.document(.jobcard), count: 20))
        #expect(twenty.pageCount == 20)
        // Twenty pages cost their drawing, not twenty fonts.
        #expect(twenty.bytes.count < one.bytes.count * 3, "\(twenty.bytes.count) vs \(one.bytes.count)")
        try Data(twenty.bytes).write(to: URL(fileURLWithPath: path))
        #expect(try Fixtures.pdfText(path).count == 20)
    }
}
