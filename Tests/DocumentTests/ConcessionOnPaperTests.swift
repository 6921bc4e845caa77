import DocumentModel
import Foundation
import Testing
import HaruPDF
import JobCards
@testable import WorkshopModel

/// A price concession a manager authorised is on the papers the customer signs and pays by — the
/// job card, the estimate and the settlement list, PDF and HTML — under the lines, as `ro show`
/// and the invoice say it.
@Suite("Price concessions on paper")
struct ConcessionOnPaperTests {
    /// The fixture order released, its line 2 (a part) sold at 500.00 below its list of 1,150.00 on
    /// 钱主管's authorisation.
    static func record() -> OrderRecord {
        let base = Fixtures.record(released: true)
        let lines = base.lines.map { line -> OrderLine in
            guard line.number == 2 else { return line }
            return OrderLine(number: 2, kind: .part, description: "前下摆臂总成（右）", quantity: Quantity(units: 1), unitPrice: Money(fen: 50_000),
                             amount: Money(fen: 50_000), partNumber: "1044331-00-D", brand: "特斯拉", partClass: .oem, status: .approved,
                             listAmount: Money(fen: 115_000), concessionBy: "钱主管")
        }
        return OrderRecord(order: base.order, vehicle: base.vehicle, customer: base.customer, lines: lines, damage: base.damage,
                           belongings: base.belongings, documents: base.documents, assignments: base.assignments,
                           inspections: base.inspections, supplements: base.supplements)
    }

    static let kinds: [OrderDocuments.Kind] = [.jobcard, .estimate, .settlement]

    @Test("the PDF says it, in Chinese and English", arguments: kinds)
    func pdf(kind: OrderDocuments.Kind) throws {
        let path = Fixtures.temporaryPath("concession-\(kind).pdf")
        _ = try PDFRenderer().write([try Fixtures.document(kind, record: Self.record())], to: path)
        let text = try Fixtures.pdfText(path, layout: false).joined().replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("第 2 项：低于标价：标价 1,150.00，钱主管 批准让价"), "\(kind): \(text)")
        #expect(text.contains("Line 2: below list, list 1,150.00, concession authorised by 钱主管"), "\(kind): \(text)")
    }

    @Test("the HTML says it", arguments: kinds)
    func html(kind: OrderDocuments.Kind) throws {
        let html = try HTMLDocuments(templatesDirectory: HTMLTests.templates).render(Fixtures.document(kind, record: Self.record()))
        #expect(html.contains("第 2 项：低于标价：标价 1,150.00，钱主管 批准让价"), "\(kind)")
        #expect(html.contains("concession authorised by 钱主管"), "\(kind)")
    }

    @Test func anEnglishShopsPapersSayItInEnglish() throws {
        var settings = Fixtures.settings
        settings.language = .en
        let document = try Fixtures.document(.settlement, record: Self.record(), settings: settings)
        let html = try HTMLDocuments(templatesDirectory: HTMLTests.templates).render(document)
        #expect(html.contains("Line 2: below list: list 1,150.00, concession authorised by 钱主管"))
        #expect(!html.contains("低于标价"))
    }

    @Test func anOrderWithoutAConcessionSaysNothingOfOne() throws {
        for kind in Self.kinds {
            let html = try HTMLDocuments(templatesDirectory: HTMLTests.templates).render(Fixtures.document(kind, record: Fixtures.record(released: true)))
            #expect(!html.contains("低于标价") && !html.contains("concession"), "\(kind)")
        }
    }
}
