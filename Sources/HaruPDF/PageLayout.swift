import DocumentModel

/// What to draw on a page, in top-down coordinates (points from the top-left corner).
enum DrawOp {
    case text(String, x: Float, baseline: Float, size: Float, bold: Bool, gray: Float)
    case line(x1: Float, y1: Float, x2: Float, y2: Float, width: Float, gray: Float)
    case box(x: Float, y: Float, width: Float, height: Float, fill: Float?, stroke: Float?)
}

/// Lays a document out on A4 pages: the header, then each block top to bottom, breaking pages
/// between rows (a table repeats its header on the next page), keeping the closing blocks (totals,
/// notices, signatures) together. Page numbers are added once the page count is known.
struct PageLayout {
    static let pageWidth: Float = 595.28
    static let pageHeight: Float = 841.89
    static let margin: Float = 36
    static let footerHeight: Float = 30
    static var contentWidth: Float { pageWidth - 2 * margin }
    static var bottom: Float { pageHeight - margin - footerHeight }

    let document: Document
    let measure: TextMeasure
    private(set) var pages: [[DrawOp]] = [[]]
    private var y: Float = margin

    // Type sizes.
    let body: Float = 9.5
    let small: Float = 7.5
    let lineFactor: Float = 1.32

    init(document: Document, measure: TextMeasure) {
        self.document = document
        self.measure = measure
    }

    /// Lays out the whole document; returns its pages.
    static func pages(for document: Document, measure: TextMeasure) -> [[DrawOp]] {
        var layout = PageLayout(document: document, measure: measure)
        layout.header(first: true)
        for block in document.blocks { layout.place(block) }
        layout.placeClosing(document.closing)
        return layout.pages
    }

    func label(_ l: Label) -> String { l.text(bilingual: document.bilingual) }

    // MARK: Pages

    private var remaining: Float { PageLayout.bottom - y }

    private mutating func emit(_ op: DrawOp) { pages[pages.count - 1].append(op) }

    private mutating func newPage() {
        pages.append([])
        y = PageLayout.margin
        header(first: false)
    }

    /// Starts a new page unless `height` still fits on this one.
    private mutating func ensure(_ height: Float) {
        if height > remaining && y > PageLayout.margin + 60 { newPage() }
    }

    private mutating func text(_ string: String, x: Float, top: Float, size: Float, bold: Bool = false, gray: Float = 0) {
        guard !string.isEmpty else { return }
        emit(.text(string, x: x, baseline: top + size * 0.86, size: size, bold: bold, gray: gray))
    }

    private mutating func textRight(_ string: String, right: Float, top: Float, size: Float, bold: Bool = false, gray: Float = 0) {
        text(string, x: right - measure.width(string, size: size), top: top, size: size, bold: bold, gray: gray)
    }

    private func lineHeight(_ size: Float) -> Float { size * lineFactor }

    // MARK: Header

    private mutating func header(first: Bool) {
        let left = PageLayout.margin, right = PageLayout.pageWidth - PageLayout.margin
        let shop = document.shop
        if first {
            text(shop.name, x: left, top: y, size: 14, bold: true)
            var detailTop = y + 19
            let contact = [shop.address, shop.phone.isEmpty ? "" : (document.bilingual ? "电话 Tel " : "Tel ") + shop.phone]
                .filter { !$0.isEmpty }.joined(separator: "   ")
            if !contact.isEmpty { text(contact, x: left, top: detailTop, size: small, gray: 0.3); detailTop += 10 }
            if !shop.creditCode.isEmpty {
                text((document.bilingual ? "统一社会信用代码 Credit code " : "Credit code ") + shop.creditCode,
                     x: left, top: detailTop, size: small, gray: 0.3)
            }
            textRight(document.bilingual ? document.title.zh : document.title.en, right: right, top: y, size: 16, bold: true)
            if document.bilingual { textRight(document.title.en, right: right, top: y + 19, size: 8.5, gray: 0.3) }
            textRight((document.bilingual ? "单号 No. " : "No. ") + document.reference, right: right, top: y + 31, size: 10, bold: true)
            y += 46
        } else {
            let title = (document.bilingual ? document.title.zh + " " + document.title.en : document.title.en)
            text("\(shop.name)  ·  \(title)", x: left, top: y, size: small, gray: 0.3)
            textRight((document.bilingual ? "单号 No. " : "No. ") + document.reference + (document.bilingual ? "（续 continued）" : " (continued)"),
                      right: right, top: y, size: small, gray: 0.3)
            y += 12
        }
        emit(.line(x1: left, y1: y, x2: right, y2: y, width: 1, gray: 0))
        y += 8
    }

    // MARK: Blocks

    private mutating func place(_ block: Block) {
        switch block {
        case .fields(let title, let columns, let fields): placeFields(title: title, columns: columns, fields: fields)
        case .text(let title, let body): placeText(title: title, body: body)
        case .table(let table): placeTable(table)
        case .totals(let lines): placeTotals(lines)
        case .notice(let text): placeNotice(text)
        case .signatures(let signatures): placeSignatures(signatures)
        case .divider(let text): placeDivider(text)
        }
        y += 6
    }

    private mutating func sectionTitle(_ title: Label?) {
        guard let title else { return }
        ensure(lineHeight(body) + 30)
        text(label(title), x: PageLayout.margin, top: y, size: 9, bold: true)
        y += 13
    }

    /// A grid of boxed cells, a small grey label over each value.
    private mutating func placeFields(title: Label?, columns: Int, fields: [Field]) {
        sectionTitle(title)
        let cellWidth = PageLayout.contentWidth / Float(max(1, columns))
        var row: [Field] = []
        var used = 0
        func flush(_ layout: inout PageLayout) {
            guard !row.isEmpty else { return }
            var heights: [Float] = []
            var x = PageLayout.margin
            var wrapped: [[String]] = []
            for field in row {
                let width = cellWidth * Float(min(field.span, columns)) - 8
                let lines = layout.measure.wrap(field.value.isEmpty ? " " : field.value, width: width, size: layout.body)
                wrapped.append(lines)
                heights.append(4 + layout.small * 1.25 + Float(lines.count) * layout.lineHeight(layout.body) + 2)
            }
            let height = heights.max() ?? 0
            layout.ensure(height)
            for (index, field) in row.enumerated() {
                let width = cellWidth * Float(min(field.span, columns))
                layout.emit(.box(x: x, y: layout.y, width: width, height: height, fill: nil, stroke: 0.6))
                layout.text(layout.label(field.label), x: x + 4, top: layout.y + 3, size: layout.small, gray: 0.35)
                var top = layout.y + 4 + layout.small * 1.25
                for line in wrapped[index] {
                    layout.text(line, x: x + 4, top: top, size: layout.body)
                    top += layout.lineHeight(layout.body)
                }
                x += width
            }
            layout.y += height
            row = []
            used = 0
        }
        for field in fields {
            let span = min(field.span, columns)
            if used + span > columns { flush(&self) }
            row.append(field)
            used += span
        }
        flush(&self)
    }

    private mutating func placeText(title: Label, body text: String) {
        let width = PageLayout.contentWidth - 8
        let lines = measure.wrap(text.isEmpty ? "—" : text, width: width, size: body)
        var index = 0
        var first = true
        while index < lines.count {
            let headerHeight = 4 + small * 1.25
            ensure(headerHeight + lineHeight(body) + 4)
            let fitting = max(1, Int((remaining - headerHeight - 4) / lineHeight(body)))
            let chunk = Array(lines[index..<min(lines.count, index + fitting)])
            let height = headerHeight + Float(chunk.count) * lineHeight(body) + 4
            emit(.box(x: PageLayout.margin, y: y, width: PageLayout.contentWidth, height: height, fill: nil, stroke: 0.6))
            self.text(label(title) + (first ? "" : (document.bilingual ? "（续）" : " (cont.)")),
                      x: PageLayout.margin + 4, top: y + 3, size: small, gray: 0.35)
            var top = y + headerHeight
            for line in chunk {
                self.text(line, x: PageLayout.margin + 4, top: top, size: body)
                top += lineHeight(body)
            }
            y += height
            index += chunk.count
            first = false
            if index < lines.count { newPage() }
        }
    }

    private mutating func placeTable(_ table: Table) {
        let total = table.columns.reduce(0) { $0 + $1.weight }
        let widths = table.columns.map { Float($0.weight / total) * PageLayout.contentWidth }
        let headerLines = zip(table.columns, widths).map { column, width in
            measure.wrap(label(column.label), width: width - 6, size: small)
        }
        let headerHeight = Float(headerLines.map(\.count).max() ?? 1) * lineHeight(small) + 6

        func drawHeader(_ layout: inout PageLayout, continued: Bool) {
            if let title = table.title {
                layout.text(layout.label(title) + (continued ? (layout.document.bilingual ? "（续）" : " (cont.)") : ""),
                            x: PageLayout.margin, top: layout.y, size: 9, bold: true)
                layout.y += 13
            }
            layout.emit(.box(x: PageLayout.margin, y: layout.y, width: PageLayout.contentWidth, height: headerHeight, fill: 0.9, stroke: nil))
            var x = PageLayout.margin
            for (index, column) in table.columns.enumerated() {
                var top = layout.y + 3
                for line in headerLines[index] {
                    layout.cellText(line, x: x, width: widths[index], top: top, size: layout.small, alignment: column.alignment, gray: 0.2)
                    top += layout.lineHeight(layout.small)
                }
                x += widths[index]
            }
            layout.y += headerHeight
        }

        let rows: [[[String]]] = table.rows.map { row in
            zip(row, widths).map { cell, width in measure.wrap(cell, width: width - 6, size: body) }
        }
        let firstRowHeight = rows.first.map { rowHeight($0) } ?? lineHeight(body) + 6
        ensure((table.title == nil ? 0 : 13) + headerHeight + firstRowHeight)
        drawHeader(&self, continued: false)
        if rows.isEmpty {
            text(table.emptyText, x: PageLayout.margin + 3, top: y + 3, size: body, gray: 0.4)
            y += lineHeight(body) + 6
            return
        }
        for (rowIndex, row) in rows.enumerated() {
            let height = rowHeight(row)
            if height > remaining {
                newPage()
                drawHeader(&self, continued: true)
            }
            var x = PageLayout.margin
            for (index, lines) in row.enumerated() {
                var top = y + 3
                for line in lines {
                    cellText(line, x: x, width: widths[index], top: top, size: body, alignment: table.columns[index].alignment, gray: 0)
                    top += lineHeight(body)
                }
                x += widths[index]
            }
            y += height
            let isLast = rowIndex == rows.count - 1
            emit(.line(x1: PageLayout.margin, y1: y, x2: PageLayout.margin + PageLayout.contentWidth, y2: y,
                       width: isLast ? 0.8 : 0.3, gray: isLast ? 0 : 0.7))
        }
    }

    private func rowHeight(_ row: [[String]]) -> Float {
        Float(row.map(\.count).max() ?? 1) * lineHeight(body) + 5
    }

    private mutating func cellText(_ string: String, x: Float, width: Float, top: Float, size: Float,
                                   alignment: Column.Alignment, gray: Float) {
        switch alignment {
        case .left: text(string, x: x + 3, top: top, size: size, gray: gray)
        case .right: textRight(string, right: x + width - 3, top: top, size: size, gray: gray)
        case .center: text(string, x: x + (width - measure.width(string, size: size)) / 2, top: top, size: size, gray: gray)
        }
    }

    private mutating func placeTotals(_ lines: [TotalLine]) {
        let right = PageLayout.pageWidth - PageLayout.margin
        let valueWidth: Float = 110
        for line in lines {
            let size: Float = line.emphasized ? 12 : body
            ensure(lineHeight(size))
            textRight(label(line.label), right: right - valueWidth, top: y, size: line.emphasized ? body : small + 0.5,
                      bold: line.emphasized, gray: line.emphasized ? 0 : 0.3)
            textRight(line.value, right: right, top: y - (line.emphasized ? 1.5 : 0), size: size, bold: line.emphasized)
            y += lineHeight(size) + (line.emphasized ? 2 : 0)
        }
    }

    private mutating func placeNotice(_ notice: String) {
        let lines = measure.wrap(notice, width: PageLayout.contentWidth - 12, size: 8)
        let height = Float(lines.count) * lineHeight(8) + 8
        ensure(height)
        emit(.box(x: PageLayout.margin, y: y, width: PageLayout.contentWidth, height: height, fill: 0.96, stroke: 0.6))
        var top = y + 4
        for line in lines {
            text(line, x: PageLayout.margin + 6, top: top, size: 8, gray: 0.15)
            top += lineHeight(8)
        }
        y += height
    }

    private mutating func placeSignatures(_ signatures: [Signature]) {
        guard !signatures.isEmpty else { return }
        let gap: Float = 14
        let width = (PageLayout.contentWidth - gap * Float(signatures.count - 1)) / Float(signatures.count)
        let height: Float = 54
        ensure(height)
        var x = PageLayout.margin
        for signature in signatures {
            text(label(signature.label), x: x, top: y, size: small + 0.5, gray: 0.2)
            if !signature.name.isEmpty { text(signature.name, x: x + 2, top: y + 16, size: 11) }
            emit(.line(x1: x, y1: y + 32, x2: x + width, y2: y + 32, width: 0.6, gray: 0))
            let dateLabel = document.bilingual ? "日期 Date" : "Date"
            text(dateLabel + (signature.date.isEmpty ? "" : "  " + signature.date), x: x, top: y + 36, size: small, gray: 0.35)
            x += width + gap
        }
        y += height
    }

    private mutating func placeDivider(_ label: String) {
        ensure(24)
        y += 8
        let width = measure.width(label, size: small)
        let left = PageLayout.margin, right = PageLayout.pageWidth - PageLayout.margin
        let middle = (left + right) / 2
        var x = left
        while x < right {
            // A dashed line, broken in the middle for the label.
            if x + 4 < middle - width / 2 - 6 || x > middle + width / 2 + 6 {
                emit(.line(x1: x, y1: y + 4, x2: min(x + 4, right), y2: y + 4, width: 0.5, gray: 0.4))
            }
            x += 8
        }
        text(label, x: middle - width / 2, top: y, size: small, gray: 0.4)
        y += 16
    }

    /// Totals, notices and signatures stay on one page: if they do not fit, they all move on.
    private mutating func placeClosing(_ blocks: [Block]) {
        guard !blocks.isEmpty else { return }
        var trial = PageLayout(document: document, measure: measure)
        trial.y = 0
        for block in blocks { trial.place(block) }
        let needed = trial.y
        if needed <= PageLayout.bottom - PageLayout.margin - 30, needed > remaining { newPage() }
        for block in blocks { place(block) }
    }
}
