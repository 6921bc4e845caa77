import DocumentModel

/// Tables: a shaded header row, repeated at the top of every page the table continues on; rows
/// never split across pages.
extension PageLayout {
    mutating func placeTable(_ table: Table) {
        let total = table.columns.reduce(0) { $0 + $1.weight }
        let widths = table.columns.map { Float($0.weight / total) * PageLayout.contentWidth }
        let headers = zip(table.columns, widths).map { column, width in fit(label(column.label), width: width - 6, size: small) }
        let headerHeight = (headers.map { height(of: $0, alignedTo: small) }.max() ?? lineHeight(small)) + 6

        func drawHeader(_ layout: inout PageLayout, continued: Bool) {
            if let title = table.title {
                layout.text(layout.label(title) + (continued ? layout.continued : ""), x: PageLayout.margin, top: layout.y, size: 9, bold: true)
                layout.y += 13
            }
            layout.emit(.box(x: PageLayout.margin, y: layout.y, width: PageLayout.contentWidth, height: headerHeight, fill: 0.9, stroke: nil))
            var x = PageLayout.margin
            for (index, column) in table.columns.enumerated() {
                layout.cell(headers[index], x: x, width: widths[index], top: layout.y + 3, alignedTo: layout.small,
                            alignment: column.alignment, gray: 0.2)
                x += widths[index]
            }
            layout.y += headerHeight
        }

        let rows: [[FittedText]] = table.rows.map { row in
            zip(row, widths).map { cell, width in fit(cell, width: width - 6, size: body) }
        }
        let firstRowHeight = rows.first.map(rowHeight) ?? lineHeight(body) + 6
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
            for (index, fitted) in row.enumerated() {
                cell(fitted, x: x, width: widths[index], top: y + 3, alignedTo: body, alignment: table.columns[index].alignment, gray: 0)
                x += widths[index]
            }
            y += height
            let isLast = rowIndex == rows.count - 1
            emit(.line(x1: PageLayout.margin, y1: y, x2: PageLayout.margin + PageLayout.contentWidth, y2: y,
                       width: isLast ? 0.8 : 0.3, gray: isLast ? 0 : 0.7))
        }
    }

    private func rowHeight(_ row: [FittedText]) -> Float {
        (row.map { height(of: $0, alignedTo: body) }.max() ?? lineHeight(body)) + 5
    }

    /// A cell's lines inside a column with 3 points of padding on each side.
    private mutating func cell(_ fitted: FittedText, x: Float, width: Float, top: Float, alignedTo size: Float,
                               alignment: Column.Alignment, gray: Float) {
        var lineTop = top + (size - fitted.size) * 0.86
        for line in fitted.lines {
            switch alignment {
            case .left: text(line, x: x + 3, top: lineTop, size: fitted.size, gray: gray)
            case .right: textRight(line, right: x + width - 3, top: lineTop, size: fitted.size, gray: gray)
            case .center: text(line, x: x + (width - measure.width(line, size: fitted.size)) / 2, top: lineTop, size: fitted.size, gray: gray)
            }
            lineTop += lineHeight(fitted.size)
        }
    }
}
