import DocumentModel

/// What to draw on a page, in top-down coordinates (points from the top-left corner).
enum DrawOp: Equatable {
    case text(String, x: Float, baseline: Float, size: Float, bold: Bool, gray: Float)
    case line(x1: Float, y1: Float, x2: Float, y2: Float, width: Float, gray: Float)
    case box(x: Float, y: Float, width: Float, height: Float, fill: Float?, stroke: Float?)
}

/// Lays a document out on A4 pages: the header, then each block top to bottom, breaking pages
/// between rows (a table repeats its header on the next page), keeping the closing blocks (totals,
/// notices, signatures) together. Page numbers are added once the page count is known. The blocks
/// themselves are laid out in BlockLayout, TableLayout and ClosingLayout.
struct PageLayout {
    static let pageWidth: Float = 595.28
    static let pageHeight: Float = 841.89
    static let margin: Float = 36
    static let footerHeight: Float = 30
    static var contentWidth: Float { pageWidth - 2 * margin }
    static var bottom: Float { pageHeight - margin - footerHeight }

    let document: Document
    let measure: TextMeasure
    let spacing: Spacing
    private(set) var pages: [[DrawOp]] = [[]]
    var y: Float = margin

    // Type sizes.
    let body: Float = 9.5
    let small: Float = 7.5

    init(document: Document, measure: TextMeasure, spacing: Spacing = .regular) {
        self.document = document
        self.measure = measure
        self.spacing = spacing
    }

    /// Lays out the whole document; returns its pages, each with its footer. A document that runs
    /// over a page is set again compact, and the compact setting kept when it takes fewer pages: a
    /// job card whose totals and signatures would go onto a sheet of their own stays on one.
    static func pages(for document: Document, measure: TextMeasure) -> [[DrawOp]] {
        var layout = laidOut(document, measure: measure, spacing: .regular)
        if layout.pages.count > 1 {
            let compact = laidOut(document, measure: measure, spacing: .compact)
            if compact.pages.count < layout.pages.count { layout = compact }
        }
        let count = layout.pages.count
        return layout.pages.enumerated().map { index, ops in ops + layout.footer(page: index + 1, of: count) }
    }

    static func laidOut(_ document: Document, measure: TextMeasure, spacing: Spacing) -> PageLayout {
        var layout = PageLayout(document: document, measure: measure, spacing: spacing)
        layout.header(first: true)
        for block in document.blocks { layout.place(block) }
        layout.placeClosing(document.closing)
        return layout
    }

    func label(_ l: Label) -> String { l.text(bilingual: document.bilingual) }

    /// "（续）" or " (cont.)" after the title of a block continued on a new page.
    var continued: String { document.bilingual ? "（续）" : " (cont.)" }

    // MARK: Pages

    /// False while measuring a trial layout: nothing then breaks a page.
    var breaksPages = true

    var remaining: Float { breaksPages ? PageLayout.bottom - y : .infinity }

    /// Whether the current page holds nothing but its header yet.
    var atTopOfPage: Bool { y <= PageLayout.margin + 60 }

    mutating func emit(_ op: DrawOp) { pages[pages.count - 1].append(op) }

    mutating func newPage() {
        pages.append([])
        y = PageLayout.margin
        header(first: false)
    }

    /// Starts a new page unless `height` still fits on this one (or this page is still empty).
    mutating func ensure(_ height: Float) {
        if breaksPages && height > remaining && !atTopOfPage { newPage() }
    }

    mutating func text(_ string: String, x: Float, top: Float, size: Float, bold: Bool = false, gray: Float = 0) {
        guard !string.isEmpty else { return }
        emit(.text(string, x: x, baseline: top + size * 0.86, size: size, bold: bold, gray: gray))
    }

    mutating func textRight(_ string: String, right: Float, top: Float, size: Float, bold: Bool = false, gray: Float = 0) {
        text(string, x: right - measure.width(string, size: size), top: top, size: size, bold: bold, gray: gray)
    }

    func lineHeight(_ size: Float) -> Float { size * spacing.lineFactor }

    /// Text fitted to `width` at `size` (smaller if a word would not fit otherwise).
    func fit(_ string: String, width: Float, size: Float) -> FittedText { measure.fit(string, width: width, size: size) }

    // MARK: Header and footer

    private mutating func header(first: Bool) {
        let left = PageLayout.margin, right = PageLayout.pageWidth - PageLayout.margin
        let shop = document.shop
        if first {
            let title = document.bilingual ? document.title.zh : document.title.en
            let number = (document.bilingual ? "单号 No. " : "No. ") + document.reference
            let titleWidth = max(measure.width(title, size: 16), measure.width(number, size: 10))
            // The shop's name gives way to the title rather than run into it.
            let nameSize = measure.size(toFit: shop.name, width: PageLayout.contentWidth - titleWidth - 16, size: 14)
            text(shop.name, x: left, top: y + (14 - nameSize) * 0.86, size: nameSize, bold: true)
            var detailTop = y + 19
            let contact = [shop.address, shop.phone.isEmpty ? "" : (document.bilingual ? "电话 Tel " : "Tel ") + shop.phone]
                .filter { !$0.isEmpty }.joined(separator: "   ")
            // Under a company's name, the shop the paper is from leads its address and phone.
            var contactLeft = left
            if !shop.site.isEmpty {
                text(shop.site, x: left, top: detailTop - 1, size: small + 1, bold: true)
                contactLeft += measure.width(shop.site, size: small + 1) + 8
            }
            if !contact.isEmpty { text(contact, x: contactLeft, top: detailTop, size: small, gray: 0.3) }
            if !contact.isEmpty || !shop.site.isEmpty { detailTop += 10 }
            if !shop.creditCode.isEmpty {
                text((document.bilingual ? "统一社会信用代码 Credit code " : "Credit code ") + shop.creditCode,
                     x: left, top: detailTop, size: small, gray: 0.3)
            }
            textRight(title, right: right, top: y, size: 16, bold: true)
            if document.bilingual { textRight(document.title.en, right: right, top: y + 19, size: 8.5, gray: 0.3) }
            textRight(number, right: right, top: y + 31, size: 10, bold: true)
            y += 46
        } else {
            let title = (document.bilingual ? document.title.zh + " " + document.title.en : document.title.en)
            let from = shop.site.isEmpty ? shop.name : "\(shop.name) \(shop.site)"
            text("\(from)  ·  \(title)", x: left, top: y, size: small, gray: 0.3)
            textRight((document.bilingual ? "单号 No. " : "No. ") + document.reference + (document.bilingual ? "（续 continued）" : " (continued)"),
                      right: right, top: y, size: small, gray: 0.3)
            y += 12
        }
        emit(.line(x1: left, y1: y, x2: right, y2: y, width: 1, gray: 0))
        y += 8
    }

    /// "RO12 · 打印 Printed 2026-11-22 09:00" on the left, "第 1/3 页 Page 1 of 3" on the right.
    private func footer(page number: Int, of count: Int) -> [DrawOp] {
        let baseline = PageLayout.pageHeight - PageLayout.margin + 4
        let left = "\(document.reference) · " + (document.bilingual ? "打印 Printed " : "Printed ") + document.printedAt
        let right = document.bilingual ? "第 \(number)/\(count) 页  Page \(number) of \(count)" : "Page \(number) of \(count)"
        return [
            .line(x1: PageLayout.margin, y1: baseline - 11, x2: PageLayout.pageWidth - PageLayout.margin, y2: baseline - 11,
                  width: 0.4, gray: 0.6),
            .text(left, x: PageLayout.margin, baseline: baseline, size: 7, bold: false, gray: 0.4),
            .text(right, x: PageLayout.pageWidth - PageLayout.margin - measure.width(right, size: 7), baseline: baseline,
                  size: 7, bold: false, gray: 0.4),
        ]
    }

    // MARK: Blocks

    mutating func place(_ block: Block) {
        switch block {
        case .fields(let title, let columns, let fields): placeFields(title: title, columns: columns, fields: fields)
        case .text(let title, let body): placeText(title: title, body: body)
        case .table(let table): placeTable(table)
        case .totals(let lines): placeTotals(lines)
        case .notice(let text): placeNotice(text)
        case .signatures(let signatures): placeSignatures(signatures)
        case .divider(let text): placeDivider(text)
        }
        y += spacing.blockGap
    }

    /// Totals, notices and signatures stay on one page. They move to a new page only when they do
    /// not fit in what is left of this one but do fit on a fresh one; taller than a page, they
    /// flow block by block.
    mutating func placeClosing(_ blocks: [Block]) {
        guard !blocks.isEmpty else { return }
        let needed = closingHeight(blocks)
        if needed > remaining && needed <= PageLayout.freshPageRoom && !atTopOfPage { newPage() }
        for block in blocks { place(block) }
    }

    /// The height `blocks` take laid out together, without the gap after the last one.
    func closingHeight(_ blocks: [Block]) -> Float {
        var trial = PageLayout(document: document, measure: measure, spacing: spacing)
        trial.breaksPages = false
        let start = trial.y
        for block in blocks { trial.place(block) }
        return trial.y - start - spacing.blockGap
    }

    /// The room on a page after the header a continuation page starts with.
    static var freshPageRoom: Float { bottom - (margin + 20) }
}

/// How tightly lines and blocks are set. Compact is still comfortable to read and to sign: lines at
/// 1.2 of their size (CJK print runs 1.2–1.5), half the gap between blocks, a shorter signature box
/// with the same room for ink above the line.
struct Spacing: Equatable {
    /// A line's height as a multiple of its type size.
    var lineFactor: Float
    /// Space after every block.
    var blockGap: Float
    /// From a signature's label down to the line left for ink.
    var inkRoom: Float

    static let regular = Spacing(lineFactor: 1.32, blockGap: 6, inkRoom: 32)
    static let compact = Spacing(lineFactor: 1.2, blockGap: 3, inkRoom: 28)
}
