/// A printed document, independent of how it is rendered: the HTML templates and the PDF layout
/// both draw exactly this, so the two never drift apart.
public struct Document: Sendable {
    /// Which template renders it: "jobcard", "checklist", "estimate"…
    public var kind: String
    public var title: Label
    /// The order number or other reference, printed beside the title.
    public var reference: String
    /// When it was printed, in the shop's zone.
    public var printedAt: String
    public var shop: ShopHeader
    /// Top to bottom.
    public var blocks: [Block]
    /// Totals, notices and signatures: kept together on one page.
    public var closing: [Block]
    /// Whether labels carry English beside the Chinese ("车牌号 Plate") or are English only.
    public var bilingual: Bool

    public init(kind: String, title: Label, reference: String, printedAt: String, shop: ShopHeader,
                blocks: [Block], closing: [Block], bilingual: Bool) {
        self.kind = kind
        self.title = title
        self.reference = reference
        self.printedAt = printedAt
        self.shop = shop
        self.blocks = blocks
        self.closing = closing
        self.bilingual = bilingual
    }

    /// The same document with every piece of text passed through `transform` (to replace
    /// characters a font cannot draw).
    public func mapText(_ transform: (String) -> String) -> Document {
        func label(_ l: Label) -> Label { Label(transform(l.zh), transform(l.en)) }
        func block(_ b: Block) -> Block {
            switch b {
            case .fields(let title, let columns, let fields):
                return .fields(title: title.map(label), columns: columns,
                               fields: fields.map { Field(label($0.label), transform($0.value), span: $0.span) })
            case .text(let title, let body): return .text(title: label(title), body: transform(body))
            case .table(let t):
                return .table(Table(title: t.title.map(label),
                                    columns: t.columns.map { Column(label($0.label), alignment: $0.alignment, weight: $0.weight) },
                                    rows: t.rows.map { $0.map(transform) }, emptyText: transform(t.emptyText)))
            case .totals(let lines): return .totals(lines.map { TotalLine(label($0.label), transform($0.value), emphasized: $0.emphasized) })
            case .notice(let text): return .notice(transform(text))
            case .signatures(let s): return .signatures(s.map { Signature(label($0.label), name: transform($0.name), date: transform($0.date)) })
            case .divider(let text): return .divider(transform(text))
            }
        }
        return Document(kind: kind, title: label(title), reference: transform(reference), printedAt: transform(printedAt),
                        shop: ShopHeader(name: transform(shop.name), address: transform(shop.address),
                                         phone: transform(shop.phone), creditCode: transform(shop.creditCode),
                                         site: transform(shop.site)),
                        blocks: blocks.map(block), closing: closing.map(block), bilingual: bilingual)
    }

    /// Every piece of text the document prints, for choosing a font and checking glyphs.
    public var allText: [String] {
        var texts = [title.text(bilingual: bilingual), reference, printedAt, shop.name, shop.address, shop.phone, shop.creditCode, shop.site]
        for block in blocks + closing { texts += block.allText(bilingual: bilingual) }
        return texts
    }
}

/// A label in Chinese with its English beside it.
public struct Label: Hashable, Sendable {
    public var zh: String
    public var en: String
    public init(_ zh: String, _ en: String) { (self.zh, self.en) = (zh, en) }

    /// "车牌号 Plate", or "Plate" for an English-only document.
    public func text(bilingual: Bool) -> String {
        guard bilingual else { return en }
        return en.isEmpty || en == zh ? zh : "\(zh) \(en)"
    }
}

public struct ShopHeader: Sendable {
    /// Who the paper is from: the shop, or the company running the site that printed it.
    public var name: String
    public var address: String
    public var phone: String
    public var creditCode: String
    /// The shop itself (门店, e.g. 深圳南山店) when `name` is the company running it: printed with
    /// its address and phone, so that a customer sees which of the company's shops it is. Empty
    /// when `name` is the shop's own.
    public var site: String
    public init(name: String, address: String, phone: String, creditCode: String, site: String = "") {
        (self.name, self.address, self.phone, self.creditCode, self.site) = (name, address, phone, creditCode, site)
    }
}

public struct Field: Sendable {
    public var label: Label
    public var value: String
    /// How many of the grid's columns it spans (a complaint spans the whole width).
    public var span: Int
    public init(_ label: Label, _ value: String, span: Int = 1) {
        (self.label, self.value, self.span) = (label, value, span)
    }
}

public struct Column: Sendable {
    public enum Alignment: String, Sendable { case left, right, center }
    public var label: Label
    public var alignment: Alignment
    /// Relative width: the table shares the page width by these weights.
    public var weight: Double
    public init(_ label: Label, alignment: Alignment = .left, weight: Double = 1) {
        (self.label, self.alignment, self.weight) = (label, alignment, weight)
    }
}

public struct Table: Sendable {
    public var title: Label?
    public var columns: [Column]
    public var rows: [[String]]
    /// Shown when there are no rows.
    public var emptyText: String
    public init(title: Label?, columns: [Column], rows: [[String]], emptyText: String = "—") {
        (self.title, self.columns, self.rows, self.emptyText) = (title, columns, rows, emptyText)
    }
}

public struct TotalLine: Sendable {
    public var label: Label
    public var value: String
    /// The grand total, printed larger.
    public var emphasized: Bool
    public init(_ label: Label, _ value: String, emphasized: Bool = false) {
        (self.label, self.value, self.emphasized) = (label, value, emphasized)
    }
}

public struct Signature: Sendable {
    public var label: Label
    /// The name printed beneath the line (who is to sign: the customer, the advisor), never on it:
    /// the line is left blank for ink. Empty when not known.
    public var name: String
    public var date: String
    public init(_ label: Label, name: String = "", date: String = "") {
        (self.label, self.name, self.date) = (label, name, date)
    }
}

/// One part of a document's body.
public enum Block: Sendable {
    /// Label–value pairs in a grid of `columns` columns.
    case fields(title: Label?, columns: Int, fields: [Field])
    /// A titled paragraph.
    case text(title: Label, body: String)
    case table(Table)
    case totals([TotalLine])
    /// A boxed notice (warranty exclusions, terms).
    case notice(String)
    case signatures([Signature])
    /// A dashed cut line with a label ("沿此线剪开 cut here"), between the copies of a form.
    case divider(String)

    public func allText(bilingual: Bool) -> [String] {
        func label(_ l: Label?) -> [String] { l.map { [$0.text(bilingual: bilingual)] } ?? [] }
        switch self {
        case .fields(let title, _, let fields):
            return label(title) + fields.flatMap { label($0.label) + [$0.value] }
        case .text(let title, let body): return label(title) + [body]
        case .table(let table):
            return label(table.title) + [table.emptyText] + table.columns.flatMap { label($0.label) } + table.rows.flatMap { $0 }
        case .totals(let lines): return lines.flatMap { label($0.label) + [$0.value] }
        case .notice(let text): return [text]
        case .signatures(let signatures): return signatures.flatMap { label($0.label) + [$0.name, $0.date] }
        case .divider(let text): return [text]
        }
    }
}
