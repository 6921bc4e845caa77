/// One line of an estimate or bill: labour (hours × rate), a part (quantity × unit price) or another
/// charge (sublet, towing, testing, diagnostic fee). Its amount is rounded once, half-up, to the fen.
public struct OrderLine: Hashable, Sendable {
    public internal(set) var number: Int
    public internal(set) var kind: LineKind
    public internal(set) var description: String
    public internal(set) var hours: Hours?
    public internal(set) var rate: Money?
    public internal(set) var quantity: Quantity?
    public internal(set) var unitPrice: Money?
    public internal(set) var amount: Money
    public internal(set) var partNumber: String?
    public internal(set) var brand: String?
    public internal(set) var partClass: PartClass?
    /// The labour operation (工时定额) code the line came from, if any.
    public internal(set) var operationCode: String?
    /// Customer-supplied parts, and aftermarket parts on key systems that the customer insisted on,
    /// carry no workmanship warranty; the order says so.
    public internal(set) var noWarranty: Bool
    public internal(set) var status: LineStatus
    /// Work done under warranty on a comeback (返修): listed, but the customer pays nothing for it.
    public internal(set) var covered: Bool
    /// A price concession (below the list by more than the shop's discount limit, on a manager's
    /// sign-off): what the line costs at list, and the manager who authorised it. Nil otherwise.
    /// Priced below its (member) list at all, the line's value at that list: within the advisor's
    /// limit (`concessionBy` nil; the discount gate adds these reductions to an order discount), or
    /// as a concession a manager authorised.
    public internal(set) var listAmount: Money?
    public internal(set) var concessionBy: String?
    /// A line at the member price (会员价): the tier's name, and the regular rate (labour) or unit
    /// price (part) it was reduced from, as they were when the line was priced. Nil otherwise.
    public internal(set) var memberTier: String?
    public internal(set) var regularPrice: Money?
    /// The member's count card or package that covers the line (`ro cover`): its price is off the
    /// bill, its work still done; the card's use is taken at the order's release. Nil otherwise.
    public internal(set) var cardID: Int?

    public init(number: Int, kind: LineKind, description: String, hours: Hours? = nil, rate: Money? = nil,
                quantity: Quantity? = nil, unitPrice: Money? = nil, amount: Money, partNumber: String? = nil,
                brand: String? = nil, partClass: PartClass? = nil, operationCode: String? = nil,
                noWarranty: Bool = false, status: LineStatus = .proposed, covered: Bool = false,
                listAmount: Money? = nil, concessionBy: String? = nil, memberTier: String? = nil, regularPrice: Money? = nil, cardID: Int? = nil) {
        self.number = number
        self.kind = kind
        self.description = description
        self.hours = hours
        self.rate = rate
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
        self.partNumber = partNumber
        self.brand = brand
        self.partClass = partClass
        self.operationCode = operationCode
        self.noWarranty = noWarranty
        self.status = status
        self.covered = covered
        self.listAmount = listAmount
        self.concessionBy = concessionBy
        self.memberTier = memberTier
        self.regularPrice = regularPrice
        self.cardID = cardID
    }

    /// A price concession a manager authorised (below the list beyond the advisor's limit).
    public var isConcession: Bool { listAmount != nil && concessionBy != nil }

    public static func labor(number: Int, description: String, hours: Hours, rate: Money, operationCode: String? = nil) -> OrderLine {
        OrderLine(number: number, kind: .labor, description: description, hours: hours, rate: rate,
                  amount: LineAmount.labor(hours: hours, rate: rate), operationCode: operationCode)
    }

    /// A part line. `warranted`: false when the customer insisted on an aftermarket part on a key
    /// system against advice, true when the shop gives a used part its warranty; nil, the class decides
    /// (`PartClass.carriesWarranty`). `partClass` nil: a part typed in without a class and not on the
    /// price list — its class is not stated, and no paper claims it is 原厂.
    public static func part(number: Int, description: String, quantity: Quantity, unitPrice: Money,
                            partNumber: String?, brand: String?, partClass: PartClass?, warranted: Bool? = nil) -> OrderLine {
        OrderLine(number: number, kind: .part, description: description, quantity: quantity, unitPrice: unitPrice,
                  amount: LineAmount.part(quantity: quantity, unitPrice: unitPrice), partNumber: partNumber,
                  brand: brand, partClass: partClass,
                  noWarranty: !PartClass.carriesWarranty(partClass, warranted: warranted))
    }

    public static func fee(number: Int, description: String, amount: Money) -> OrderLine {
        OrderLine(number: number, kind: .fee, description: description, amount: amount)
    }

    /// The operation code of the diagnostic fee (`diagnose RO … fee=`): reserved, so that a
    /// declined estimate still charges it.
    public static let diagnosticFeeCode = "DIAG"

    public static func diagnosticFee(description: String, amount: Money) -> OrderLine {
        OrderLine(number: 0, kind: .fee, description: description, amount: amount, operationCode: diagnosticFeeCode)
    }

    public var isDiagnosticFee: Bool { kind == .fee && operationCode == OrderLine.diagnosticFeeCode }

    /// Recomputes the amount from hours × rate or quantity × price after an edit.
    public mutating func recomputeAmount() {
        switch kind {
        case .labor: if let hours, let rate { amount = LineAmount.labor(hours: hours, rate: rate) }
        case .part: if let quantity, let unitPrice { amount = LineAmount.part(quantity: quantity, unitPrice: unitPrice) }
        case .fee: break
        }
    }

    /// Whether the line carries the shop's workmanship warranty once the car is released: approved
    /// repair work and parts — not customer-supplied parts, insisted-on aftermarket parts or used parts
    /// the shop gives none (`noWarranty`), and never a fee or other charge (testing, towing, sublet,
    /// the diagnostic fee): those are not repairs.
    public var carriesWarranty: Bool { status == .approved && !noWarranty && kind != .fee }

    /// Why an approved line carries no warranty, or nil when it carries one (or is not approved).
    public var noWarrantyReason: NoWarrantyReason? {
        guard status == .approved, !carriesWarranty else { return nil }
        if kind == .fee { return .charge }
        switch partClass {
        case .customer?: return .customerSupplied
        case .used?: return .usedPart
        default: return .insistedAftermarket
        }
    }

    /// The line as the store numbered it.
    public func numbered(_ number: Int) -> OrderLine {
        var copy = self
        copy.number = number
        return copy
    }

    /// Whether the customer is charged for the line: not warranty work, not covered by a card.
    public var isCharged: Bool { !covered && cardID == nil }

    /// Whether the line counts in what is offered to the customer (proposed or approved).
    public var isOffered: Bool { status == .proposed || status == .approved }
}

/// Labour, parts and other charges summed separately, with the tax by the shop's setting. Work under
/// warranty (a comeback's covered lines) is never charged: it is summed apart, in `warranty`, and
/// counts in no total — what the customer signs is what the invoice charges. A line a member's
/// count card covers is not charged either: summed apart, in `byCards`.
public struct Totals: Equatable, Sendable {
    public var labor = Money.zero
    public var parts = Money.zero
    public var other = Money.zero
    /// Covered lines: listed at their value, charged nothing.
    public var warranty = Money.zero
    /// Lines covered by members' count cards: listed at their value, charged to the card.
    public var byCards = Money.zero
    public let taxed: TaxedTotal

    public var subtotal: Money { labor + parts + other }

    public init(lines: [OrderLine], rate: TaxRate, pricesIncludeTax: Bool) {
        (labor, parts, other) = Totals.split(lines.filter(\.isCharged))
        warranty = lines.filter(\.covered).reduce(Money.zero) { $0 + $1.amount }
        byCards = lines.filter { !$0.covered && $0.cardID != nil }.reduce(Money.zero) { $0 + $1.amount }
        taxed = TaxedTotal(subtotal: labor + parts + other, rate: rate, pricesIncludeTax: pricesIncludeTax)
    }

    /// The lines' amounts summed by kind: labour, parts, other charges.
    public static func split(_ lines: [OrderLine]) -> (labor: Money, parts: Money, other: Money) {
        var labor = Money.zero, parts = Money.zero, other = Money.zero
        for line in lines {
            switch line.kind {
            case .labor: labor += line.amount
            case .part: parts += line.amount
            case .fee: other += line.amount
            }
        }
        return (labor, parts, other)
    }
}

/// Why a line carries no warranty, as the warranty certificate and the settlement list say.
public enum NoWarrantyReason: String, Vocabulary {
    case charge, customerSupplied = "customer-supplied", usedPart = "used-part", insistedAftermarket = "insisted"
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .charge: return "费用项目，不适用"
        case .customerSupplied: return "客户自带配件"
        case .usedPart: return "旧件，本厂不保修"
        case .insistedAftermarket: return "客户坚持使用，本厂不担保"
        }
    }
    public var english: String {
        switch self {
        case .charge: return "a charge, not a repair"
        case .customerSupplied: return "customer-supplied part"
        case .usedPart: return "used part, not warranted"
        case .insistedAftermarket: return "insisted on by the customer"
        }
    }
}

extension PartClass {
    /// Whether a part of this class carries the shop's workmanship warranty: a customer-supplied part
    /// never; a used part only when the shop gives it one (`warranted: true` — the shop decides, part
    /// by part); any other part unless the customer insisted on it against advice (`warranted: false`).
    public func carriesWarranty(warranted: Bool?) -> Bool { Self.carriesWarranty(self, warranted: warranted) }

    /// The same for a part whose class may not be stated: the shop's workmanship warranty stands
    /// unless the customer insisted on the part (`warranted: false`).
    public static func carriesWarranty(_ partClass: PartClass?, warranted: Bool?) -> Bool {
        switch partClass {
        case nil: return warranted != false
        case .customer?: return false
        case .used?: return warranted == true
        case .oem?, .equivalent?, .repaired?: return warranted != false
        }
    }
}
