import DocumentModel

/// Field grids, titled paragraphs, notices and cut lines.
extension PageLayout {
    mutating func sectionTitle(_ title: Label?) {
        guard let title else { return }
        ensure(lineHeight(body) + 30)
        text(label(title), x: PageLayout.margin, top: y, size: 9, bold: true)
        y += 13
    }

    /// Lines of `fitted` from `top`, their first baseline where text at `size` would have it.
    mutating func lines(_ fitted: FittedText, x: Float, top: Float, alignedTo size: Float, gray: Float = 0) {
        var lineTop = top + (size - fitted.size) * 0.86
        for line in fitted.lines {
            text(line, x: x, top: lineTop, size: fitted.size, gray: gray)
            lineTop += lineHeight(fitted.size)
        }
    }

    /// The height of `fitted`'s lines drawn by `lines(_:x:top:alignedTo:)`.
    func height(of fitted: FittedText, alignedTo size: Float) -> Float {
        (size - fitted.size) * 0.86 + Float(fitted.lines.count) * lineHeight(fitted.size)
    }

    /// A grid of boxed cells, a small grey label over each value.
    mutating func placeFields(title: Label?, columns: Int, fields: [Field]) {
        sectionTitle(title)
        let cellWidth = PageLayout.contentWidth / Float(max(1, columns))
        var row: [Field] = []
        var used = 0
        func flush(_ layout: inout PageLayout) {
            guard !row.isEmpty else { return }
            let widths = row.map { cellWidth * Float(min($0.span, columns)) }
            let values = zip(row, widths).map { field, width in
                layout.fit(field.value.isEmpty ? " " : field.value, width: width - 8, size: layout.body)
            }
            let labelTop = 4 + layout.small * 1.25
            let height = values.map { labelTop + layout.height(of: $0, alignedTo: layout.body) + 2 }.max() ?? 0
            layout.ensure(height)
            var x = PageLayout.margin
            for (index, field) in row.enumerated() {
                let name = layout.label(field.label)
                layout.emit(.box(x: x, y: layout.y, width: widths[index], height: height, fill: nil, stroke: 0.6))
                let labelSize = layout.measure.size(toFit: name, width: widths[index] - 8, size: layout.small)
                layout.text(name, x: x + 4, top: layout.y + 3, size: labelSize, gray: 0.35)
                layout.lines(values[index], x: x + 4, top: layout.y + labelTop, alignedTo: layout.body)
                x += widths[index]
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

    /// A boxed paragraph under a small label; a long one continues on the next page, its label
    /// marked as continued.
    mutating func placeText(title: Label, body text: String) {
        let fitted = fit(text.isEmpty ? "—" : text, width: PageLayout.contentWidth - 8, size: body)
        let step = lineHeight(fitted.size)
        let headerHeight = 4 + small * 1.25
        var index = 0
        var first = true
        while index < fitted.lines.count {
            ensure(headerHeight + step + 4)
            let fitting = max(1, Int((remaining - headerHeight - 4) / step))
            let chunk = FittedText(lines: Array(fitted.lines[index..<min(fitted.lines.count, index + fitting)]), size: fitted.size)
            let boxHeight = headerHeight + height(of: chunk, alignedTo: body) + 4
            emit(.box(x: PageLayout.margin, y: y, width: PageLayout.contentWidth, height: boxHeight, fill: nil, stroke: 0.6))
            self.text(label(title) + (first ? "" : continued), x: PageLayout.margin + 4, top: y + 3, size: small, gray: 0.35)
            lines(chunk, x: PageLayout.margin + 4, top: y + headerHeight, alignedTo: body)
            y += boxHeight
            index += chunk.lines.count
            first = false
            if index < fitted.lines.count { newPage() }
        }
    }

    /// A shaded box of small print (terms, warranty exclusions).
    mutating func placeNotice(_ notice: String) {
        let fitted = fit(notice, width: PageLayout.contentWidth - 12, size: 8)
        let boxHeight = height(of: fitted, alignedTo: 8) + 8
        ensure(boxHeight)
        emit(.box(x: PageLayout.margin, y: y, width: PageLayout.contentWidth, height: boxHeight, fill: 0.96, stroke: 0.6))
        lines(fitted, x: PageLayout.margin + 6, top: y + 4, alignedTo: 8, gray: 0.15)
        y += boxHeight
    }

    /// A dashed line, broken in the middle for its label ("沿此线剪开 cut here").
    mutating func placeDivider(_ label: String) {
        ensure(24)
        y += 8
        let width = measure.width(label, size: small)
        let left = PageLayout.margin, right = PageLayout.pageWidth - PageLayout.margin
        let middle = (left + right) / 2
        var x = left
        while x < right {
            if x + 4 < middle - width / 2 - 6 || x > middle + width / 2 + 6 {
                emit(.line(x1: x, y1: y + 4, x2: min(x + 4, right), y2: y + 4, width: 0.5, gray: 0.4))
            }
            x += 8
        }
        text(label, x: middle - width / 2, top: y, size: small, gray: 0.4)
        y += 16
    }
}
