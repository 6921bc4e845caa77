import DocumentModel
import Foundation
import Testing
import HaruPDF
import JobCards
import WorkshopModel

/// A site's papers headed with the company running it name the shop too: a customer sees the
/// company (legal name, 统一社会信用代码) and which of its shops they dealt with, with that shop's
/// address and phone.
@Suite("The header of a site's papers")
struct SiteHeaderTests {
    static var nanshan: ShopSettings {
        var settings = Fixtures.settings
        settings.name = "深圳顺达南山汽车维修有限公司"
        settings.papersSiteName = "深圳南山店"
        settings.address = "南山区科技园路 8 号"
        settings.phone = "0755-26000000"
        settings.creditCode = "91440300MA5G8X2K3H"
        return settings
    }

    @Test func theCompanyAndTheShopAreBothPrinted() throws {
        let document = ReportDocuments.month("2026-11", figures: [], days: [], settings: Self.nanshan, printedAt: Fixtures.now)
        #expect(document.shop.site == "深圳南山店" && document.shop.name == "深圳顺达南山汽车维修有限公司")
        let path = Fixtures.temporaryPath("header.pdf")
        _ = try PDFRenderer().write([document], to: path)
        let lines = try Fixtures.pdfText(path).joined().components(separatedBy: "\n")
        #expect(lines.contains { $0.contains("深圳顺达南山汽车维修有限公司") }, "\(lines)")
        #expect(lines.contains { $0.contains("深圳南山店") && $0.contains("南山区科技园路 8 号") && $0.contains("0755-26000000") }, "\(lines)")
        #expect(lines.contains { $0.contains("91440300MA5G8X2K3H") })
    }

    @Test func aShopUnderItsOwnNameIsPrintedOnce() throws {
        let document = ReportDocuments.month("2026-11", figures: [], days: [], settings: Fixtures.settings, printedAt: Fixtures.now)
        #expect(document.shop.site.isEmpty)
    }
}
