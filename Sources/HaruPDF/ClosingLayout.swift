import DocumentModel

/// Totals and signature lines: what closes a document.
extension PageLayout {
    /// Labels right-aligned against a column of values; a value wider than the column (an amount
    /// in words) pushes its label left instead of running into it.
    mutating func placeTotals(_ lines: [TotalLine]) {
        let right = PageLayout.pageWidth - PageLayout.margin
        let valueWidth: Float = 110
        for line in lines {
            let size: Float = line.emphasized ? 12 : body
            let labelSize = line.emphasized ? body : small + 0.5
            ensure(lineHeight(size))
            let value = measure.width(line.value, size: size)
            textRight(label(line.label), right: right - max(valueWidth, value + 12), top: y, size: labelSize,
                      bold: line.emphasized, gray: line.emphasized ? 0 : 0.3)
            textRight(line.value, right: right, top: y - (line.emphasized ? 1.5 : 0), size: size, bold: line.emphasized)
            y += lineHeight(size) + (line.emphasized ? 2 : 0)
        }
    }

    /// Side by side: the label, a line left blank for ink, and beneath it the name printed (who is
    /// to sign, never drawn where the signature goes) and the date.
    mutating func placeSignatures(_ signatures: [Signature]) {
        guard !signatures.isEmpty else { return }
        let gap: Float = 14
        let width = (PageLayout.contentWidth - gap * Float(signatures.count - 1)) / Float(signatures.count)
        let ink = spacing.inkRoom
        let height = ink + 28
        ensure(height)
        var x = PageLayout.margin
        for signature in signatures {
            let name = label(signature.label)
            text(name, x: x, top: y, size: measure.size(toFit: name, width: width, size: small + 0.5), gray: 0.2)
            emit(.line(x1: x, y1: y + ink, x2: x + width, y2: y + ink, width: 0.6, gray: 0))
            if !signature.name.isEmpty {
                text(signature.name, x: x, top: y + ink + 3, size: measure.size(toFit: signature.name, width: width, size: small + 0.5))
            }
            let date = (document.bilingual ? "日期 Date" : "Date") + (signature.date.isEmpty ? "" : "  " + signature.date)
            text(date, x: x, top: y + ink + 15, size: measure.size(toFit: date, width: width, size: small), gray: 0.35)
            x += width + gap
        }
        y += height
    }
}
