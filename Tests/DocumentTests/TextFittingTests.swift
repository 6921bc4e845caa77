import DocumentModel
import Testing
@testable import HaruPDF

/// Fitting text to a width (shrink before breaking a word; break only where LineBreaker allows),
/// and the closing blocks moving to a new page only when they do not fit.
@Suite("Fitting text")
struct TextFittingTests {
    let measure = TextMeasure(font: try! FontFace.open(path: PDFRenderer.defaultFontPath, index: 0))

    @Test func textThatFitsIsLeftAlone() {
        #expect(measure.fit("前刹车片（套）", width: 200, size: 9.5) == FittedText(lines: ["前刹车片（套）"], size: 9.5))
    }

    @Test func aPartNumberTooWideShrinksInsteadOfBreaking() {
        let width = measure.width("38810-5A2-A000", size: 9.5) - 10
        let fitted = measure.fit("38810-5A2-A000", width: width, size: 9.5)
        #expect(fitted.lines == ["38810-5A2-A000"])
        #expect(fitted.size < 9.5 && fitted.size >= 9.5 * TextMeasure.smallestShareForNumbers)
        #expect(measure.width(fitted.lines[0], size: fitted.size) <= width)
    }

    /// A part number too wide even at the smallest size breaks after its hyphens, and a piece
    /// still too wide by characters: every line within the column, nothing drawn over the next.
    @Test func aPartNumberTooWideAtTheSmallestSizeBreaksAfterItsHyphens() {
        let number = "WABCO-925-321-0010-SUPERLONGPARTNO"
        let width = measure.width("WABCO-925-321-", size: 9.5)
        let fitted = measure.fit(number, width: width, size: 9.5)
        #expect(fitted.lines.joined() == number)
        #expect(fitted.lines.count > 1 && fitted.lines[0].hasSuffix("-"), "\(fitted.lines)")
        for line in fitted.lines { #expect(measure.width(line, size: fitted.size) <= width, "\(line) overflows") }
        let solid = "A1234567890123456789012345"
        let narrow = measure.fit(solid, width: measure.width("A12345678", size: 9.5), size: 9.5)
        #expect(narrow.lines.joined() == solid && narrow.lines.count > 1)
        for line in narrow.lines { #expect(measure.width(line, size: narrow.size) <= measure.width("A12345678", size: 9.5)) }
    }

    @Test func anAmountShrinksWithTheRestOfItsCell() {
        let width = measure.width("12,345.6", size: 9.5)
        let fitted = measure.fit("¥12,345.67", width: width, size: 9.5)
        #expect(fitted.lines == ["¥12,345.67"])
    }

    @Test func chineseWrapsAtCharactersNeverBeforeClosingPunctuation() {
        let width = measure.width("刹车时有异", size: 10)
        let fitted = measure.fit("刹车时有异响，方向盘抖动。", width: width, size: 10)
        #expect(fitted.size == 10)
        #expect(fitted.lines.joined() == "刹车时有异响，方向盘抖动。")
        for line in fitted.lines.dropFirst() { #expect(!LineBreaker.closing.contains(line.unicodeScalars.first!), "\(fitted.lines)") }
        for line in fitted.lines.dropLast() { #expect(!LineBreaker.opening.contains(line.unicodeScalars.last!), "\(fitted.lines)") }
    }

    @Test func anOpeningBracketIsNeverLeftAtALineEnd() {
        // "更换前刹车片（" would just fit: the bracket goes down with what it opens.
        let width = measure.width("更换前刹车片（", size: 10)
        let fitted = measure.fit("更换前刹车片（套）", width: width, size: 10)
        #expect(fitted.lines == ["更换前刹车片", "（套）"])
    }

    @Test func aShortChineseNameShrinksInsteadOfBreaking() {
        let width = measure.width("特斯拉", size: 9.5) * 0.8
        let fitted = measure.fit("特斯拉", width: width, size: 9.5)
        #expect(fitted.lines == ["特斯拉"])
        #expect(fitted.size >= 9.5 * TextMeasure.smallestShare && measure.width("特斯拉", size: fitted.size) <= width)
        // A longer description still wraps between characters at its size.
        let wrapped = measure.fit("更换前刹车片", width: measure.width("更换前刹", size: 9.5) + 1, size: 9.5)
        #expect(wrapped == FittedText(lines: ["更换前刹", "车片"], size: 9.5))
    }

    @Test func latinBreaksAtSpacesAndTheSpaceDisappears() {
        let width = measure.width("Front brake", size: 10) + 1
        let fitted = measure.fit("Front brake pads set", width: width, size: 10)
        #expect(fitted.lines == ["Front brake", "pads set"])
    }

    @Test func aMarkerStaysWithItsWordAtALineEnd() {
        let width = measure.width("更换机油", size: 10) + 1
        let fitted = measure.fit("更换机油 *", width: width, size: 10)
        #expect(fitted.lines == ["更换机", "油 *"])
    }

    @Test func aWordWithoutDigitsStillTooWideAtTheSmallestSizeBreaksBetweenLetters() {
        let word = "Hochdruckkraftstoffpumpenbaugruppe"
        let width = measure.width(word, size: 9.5) / 3
        let fitted = measure.fit(word, width: width, size: 9.5)
        #expect(fitted.size >= 9.5 * TextMeasure.smallestShare && fitted.size < 9.5 * TextMeasure.smallestShare + 0.25)
        #expect(fitted.lines.count > 1 && fitted.lines.joined() == word)
    }

    @Test func newlinesAreKept() {
        #expect(measure.fit("1. 左前门划痕\n2. 后保险杠", width: 300, size: 9.5).lines == ["1. 左前门划痕", "2. 后保险杠"])
    }

    // MARK: The closing blocks

    static let closing: [Block] = [
        .totals([TotalLine(Label("合计", "Total"), "¥644.00", emphasized: true)]),
        .notice("客户签字即委托本厂按上列项目维修。"),
        .signatures([Signature(Label("客户签字", "Customer signature")), Signature(Label("服务顾问", "Service advisor"), name: "王芳")]),
    ]

    func layout(remaining: Float) -> PageLayout {
        let document = Document(kind: "jobcard", title: Label("进厂维修单", "Repair Order"), reference: "RO1", printedAt: "",
                                shop: ShopHeader(name: "顺达", address: "", phone: "", creditCode: ""), blocks: [], closing: [], bilingual: true)
        var layout = PageLayout(document: document, measure: measure)
        layout.y = PageLayout.bottom - remaining
        return layout
    }

    @Test func theClosingStaysWhenItFitsExactly() {
        let needed = layout(remaining: 0).closingHeight(Self.closing)
        var fits = layout(remaining: needed)
        fits.placeClosing(Self.closing)
        #expect(fits.pages.count == 1)
    }

    @Test func theClosingMovesWhenItDoesNotFit() {
        let needed = layout(remaining: 0).closingHeight(Self.closing)
        var short = layout(remaining: needed - 1)
        short.placeClosing(Self.closing)
        #expect(short.pages.count == 2)
        #expect(short.pages[0].isEmpty, "nothing of the closing is left behind")
    }

    @Test func theClosingHeightIsWhatItTakes() {
        var placed = layout(remaining: 700)
        let start = placed.y
        let needed = placed.closingHeight(Self.closing)
        placed.placeClosing(Self.closing)
        #expect(abs(placed.y - placed.spacing.blockGap - start - needed) < 0.01)
    }
}
