import DocumentModel
import Templating

/// Renders documents to HTML through the shop's templates: `Templates/<kind>.html`, which by
/// default includes the shared partials (_head, _header, _blocks…). The data given to the
/// templates is the document model, spelled out below, so HTML and PDF show the same things.
public final class HTMLDocuments {
    public let library: TemplateLibrary

    public init(templatesDirectory: String) {
        library = TemplateLibrary(directory: templatesDirectory)
    }

    public func render(_ document: Document) throws -> String {
        try library.render(document.kind, HTMLDocuments.data(document))
    }

    /// The template data of a document. Every block carries every block key (null when it is not
    /// that kind), so `{{#table}}` tests the kind and a misspelt name is reported, not blank.
    public static func data(_ document: Document) -> TemplateValue {
        let bilingual = document.bilingual
        func label(_ l: Label?) -> TemplateValue {
            guard let l else { return .null }
            return .object(["zh": .string(l.zh), "en": .string(l.en), "text": .string(l.text(bilingual: bilingual))])
        }
        func block(_ b: Block) -> TemplateValue {
            var keys: [String: TemplateValue] = ["fields": .null, "text": .null, "table": .null, "totals": .null,
                                                 "notice": .null, "signatures": .null, "divider": .null]
            switch b {
            case .fields(let title, let columns, let fields):
                keys["fields"] = .object(["title": label(title), "columns": .string(String(columns)),
                                          "items": .list(fields.map { .object(["label": label($0.label), "value": .string($0.value),
                                                                               "span": .string(String(min($0.span, columns)))]) })])
            case .text(let title, let body):
                keys["text"] = .object(["title": label(title), "body": .string(body)])
            case .table(let table):
                let totalWeight = table.columns.reduce(0) { $0 + $1.weight }
                keys["table"] = .object([
                    "title": label(table.title),
                    "columns": .list(table.columns.map { .object(["label": label($0.label), "align": .string($0.alignment.rawValue),
                                                                  "width": .string(percent($0.weight / totalWeight))]) }),
                    "rows": .list(table.rows.map { row in
                        .object(["cells": .list(zip(row, table.columns).map {
                            .object(["value": .string($0), "parts": parts($0), "align": .string($1.alignment.rawValue)])
                        })])
                    }),
                    "empty": .bool(table.rows.isEmpty), "empty_text": .string(table.emptyText),
                    "column_count": .string(String(table.columns.count)),
                ])
            case .totals(let lines):
                keys["totals"] = .object(["lines": .list(lines.map {
                    .object(["label": label($0.label), "value": .string($0.value), "emphasized": .bool($0.emphasized)])
                })])
            case .notice(let text):
                keys["notice"] = .object(["body": .string(text)])
            case .divider(let text):
                keys["divider"] = .object(["label": .string(text)])
            case .signatures(let signatures):
                keys["signatures"] = .object(["items": .list(signatures.map {
                    .object(["label": label($0.label), "name": .string($0.name), "date": .string($0.date)])
                }), "count": .string(String(signatures.count))])
            }
            return .object(keys)
        }
        // What the page's running header and foot print: also given quoted for CSS (`css.…`).
        let page: [String: TemplateValue] = [
            "title": label(document.title), "reference": .string(document.reference), "printed_at": .string(document.printedAt),
            "shop": .object(["name": .string(document.shop.name), "address": .string(document.shop.address),
                             "phone": .string(document.shop.phone), "credit_code": .string(document.shop.creditCode),
                             "site": .string(document.shop.site)]),
            "labels": .object([
                "number": label(Label("单号", "No.")), "phone": label(Label("电话", "Tel")),
                "credit_code": label(Label("统一社会信用代码", "Credit code")), "printed": label(Label("打印", "Printed")),
                "date": label(Label("日期", "Date")),
            ]),
        ]
        return .object(page.merging([
            "kind": .string(document.kind), "bilingual": .bool(bilingual), "lang": .string(bilingual ? "zh-CN" : "en"),
            "blocks": .list(document.blocks.map(block)), "closing": .list(document.closing.map(block)),
            "css": cssText(.object(page)),
        ]) { first, _ in first })
    }

    /// The same values with every text escaped for use inside a CSS string (`content: "{{css.shop.name}}"`
    /// in an `@page` margin box): the escaped text has no quote, backslash, `<`, `>` or `&` left, so it
    /// reads the same through `{{…}}` and `{{{…}}}` and cannot end the string or the `<style>` element.
    static func cssText(_ value: TemplateValue) -> TemplateValue {
        switch value {
        case .string(let text): return .string(CSS.escapeInString(text))
        case .object(let object): return .object(object.mapValues(cssText))
        case .list(let items): return .list(items.map(cssText))
        case .null, .bool: return value
        }
    }

    /// A cell's text in pieces, each `{text, whole}`: `whole` for a date, part number, plate or the
    /// like ("2026-11-22", "38810-5A2-A0", "京A·12345", "2/3"), which a browser would otherwise break
    /// at its hyphen, slash or dot: `_table.html` prints those as one unit, moved to the next line
    /// whole (broken only when wider than the column). Amounts, times and VINs ("1,026.50", "09:30")
    /// need nothing: browsers do not break between their digits and separators.
    public static func parts(_ text: String) -> TemplateValue {
        let breakable: Set<Character> = ["-", "/", "·", "×"]
        var pieces: [TemplateValue] = []
        var plain = ""
        for (piece, isToken) in tokens(text) {
            if isToken && piece.contains(where: breakable.contains) {
                if !plain.isEmpty { pieces.append(.object(["text": .string(plain), "whole": .bool(false)])); plain = "" }
                pieces.append(.object(["text": .string(piece), "whole": .bool(true)]))
            } else {
                plain += piece
            }
        }
        if !plain.isEmpty { pieces.append(.object(["text": .string(plain), "whole": .bool(false)])) }
        return .list(pieces)
    }

    /// `text` cut into pieces that give it back joined, `isToken` for each number, amount, date,
    /// time, part number, VIN or plate: Latin letters and digits joined by `- . , : / · _ + × %`,
    /// with a digit in them (a plate with its province: 粤B·D12345).
    public static func tokens(_ text: String) -> [(text: String, isToken: Bool)] {
        func isWordCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        let joiners: Set<Character> = ["-", ".", ",", ":", "/", "·", "_", "+", "×", "%"]
        var pieces: [(text: String, isToken: Bool)] = []
        var plain = ""
        var index = text.startIndex
        while index < text.endIndex {
            guard isWordCharacter(text[index]) else { plain.append(text[index]); index = text.index(after: index); continue }
            // A token: word characters, and joiners that have a word character after them.
            var end = text.index(after: index)
            while end < text.endIndex {
                if isWordCharacter(text[end]) { end = text.index(after: end); continue }
                let next = text.index(after: end)
                if joiners.contains(text[end]), next < text.endIndex, isWordCharacter(text[next]) { end = next; continue }
                break
            }
            var token = String(text[index..<end])
            // A plate's province before its letter and dot ("粤" of 粤B·D12345) belongs to it.
            if token.dropFirst().first == "·", let province = plain.last, !province.isASCII, province.isLetter {
                plain.removeLast()
                token = String(province) + token
            }
            if token.count > 1 && token.contains(where: \.isNumber) {
                if !plain.isEmpty { pieces.append((plain, false)); plain = "" }
                pieces.append((token, true))
            } else {
                plain += token
            }
            index = end
        }
        if !plain.isEmpty { pieces.append((plain, false)) }
        return pieces
    }

    /// "12.5%": a column's share of the table width.
    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
