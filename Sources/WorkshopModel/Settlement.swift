/// How the customer pays.
public enum PaymentMethod: String, Vocabulary {
    case cash, card, wechat, alipay, transfer, account
    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .cash: return "现金"
        case .card: return "银行卡"
        case .wechat: return "微信支付"
        case .alipay: return "支付宝"
        case .transfer: return "转账"
        case .account: return "挂账"
        }
    }
    public var english: String {
        switch self {
        case .cash: return "cash"
        case .card: return "card"
        case .wechat: return "WeChat Pay"
        case .alipay: return "Alipay"
        case .transfer: return "bank transfer"
        case .account: return "on account"
        }
    }
    public var aliases: [String] {
        switch self {
        case .wechat: return ["微信", "weixin", "wx"]
        case .alipay: return ["支付宝", "zfb"]
        case .card: return ["刷卡", "银联", "unionpay"]
        case .transfer: return ["对公转账", "bank"]
        case .account: return ["挂账", "月结", "credit"]
        default: return []
        }
    }
}

/// A payment (positive) or a refund (negative) recorded against an order.
public struct Payment: Hashable, Sendable {
    public var amount: Money
    public var method: PaymentMethod
    public var at: Timestamp
    public var by: String
    public var reference: String?
    /// Cash handed over for this payment (`tendered=`), when the cashier said; `change` is what was
    /// given back: tendered − amount. In a receipt over several orders, the change is on the last one.
    public var tendered: Money?
    public var change: Money?
    /// The receipt of a payment that settled several orders at once: each order's share has its row,
    /// all with the same receipt number. nil for a payment of one order.
    public var receipt: Int?
    /// A payment taken from a member's stored-value card (method card, `card=K3`): the card's id.
    /// Not new money: it reduces what the shop owes on the card.
    public var card: Int?
    public init(amount: Money, method: PaymentMethod, at: Timestamp, by: String, reference: String? = nil,
                tendered: Money? = nil, change: Money? = nil, receipt: Int? = nil, card: Int? = nil) {
        (self.amount, self.method, self.at, self.by, self.reference) = (amount, method, at, by, reference)
        (self.tendered, self.change, self.receipt, self.card) = (tendered, change, receipt, card)
    }
}

/// A discount on the whole order: an amount, or a percentage of the chargeable total.
public enum Discount: Hashable, Sendable {
    case amount(Money)
    /// In basis points: 5% is 500.
    case percent(Int)

    /// The discount in money on `base`, rounded half-up once.
    public func value(on base: Money) -> Money {
        switch self {
        case .amount(let money): return Money(fen: min(money.fen, base.fen))
        case .percent(let basisPoints): return Money(fen: FixedPoint.divideRoundingHalfUp(base.fen * basisPoints, 10_000))
        }
    }

    public var description: String {
        switch self {
        case .amount(let money): return money.grouped
        case .percent(let bp): return FixedPoint.format(bp, scale: 2) + "%"
        }
    }
}

/// The settlement (结算) of an order: labour, parts and other charges separately, only approved
/// lines, work under warranty at no charge, the discount, the tax, what was paid, the balance.
public struct Settlement: Equatable, Sendable {
    public let labor: Money
    public let parts: Money
    public let other: Money
    /// Approved lines done under warranty (a comeback): listed, not charged.
    public let coveredByWarranty: Money
    /// Approved lines covered by members' count cards: listed at their value, not charged — the
    /// card's use pays for them. The lines' value is always chargeable + this + warranty work.
    public let coveredByCards: Money
    public let discount: Money
    /// What the customer pays, tax included.
    public let total: Money
    public let tax: Money
    public let net: Money
    /// Settled at the desk: money paid (net of refunds) and what is charged to the customer's
    /// account and not yet paid. `total − paid` is the balance.
    public let paid: Money
    /// Positive: still to pay (or charge to account) before release. Negative: overpaid, to refund.
    public let balance: Money
    /// Charged to the customer's account (挂账, method account), in all.
    public let accountCharged: Money
    /// Money received (every method but account), net of refunds.
    public let moneyPaid: Money
    /// What the account still owes on this order: the part of the total no money has paid yet, up
    /// to what was charged to the account. Money paid later settles it first of all that is left.
    public let accountOutstanding: Money

    /// `lines` are all the order's lines: only approved ones count.
    public init(lines: [OrderLine], discount: Discount?, payments: [Payment], rate: TaxRate, pricesIncludeTax: Bool) {
        let approved = lines.filter { $0.status == .approved }
        let (labor, parts, other) = Totals.split(approved.filter(\.isCharged))
        self.labor = labor
        self.parts = parts
        self.other = other
        self.coveredByWarranty = approved.filter(\.covered).reduce(Money.zero) { $0 + $1.amount }
        self.coveredByCards = approved.filter { !$0.covered && $0.cardID != nil }.reduce(Money.zero) { $0 + $1.amount }
        let chargeable = labor + parts + other
        let discountValue = discount?.value(on: chargeable) ?? .zero
        self.discount = discountValue
        let taxed = TaxedTotal(subtotal: chargeable - discountValue, rate: rate, pricesIncludeTax: pricesIncludeTax)
        self.total = taxed.gross
        self.tax = taxed.tax
        self.net = taxed.net
        var money = Money.zero, account = Money.zero
        for payment in payments {
            if payment.method == .account { account += payment.amount } else { money += payment.amount }
        }
        let outstanding = Money(fen: max(0, min(account.fen, (taxed.gross - money).fen)))
        self.moneyPaid = money
        self.accountCharged = account
        self.accountOutstanding = outstanding
        self.paid = money + outstanding
        self.balance = taxed.gross - money - outstanding
    }

    /// The most a payment by `method` may be: charging the account, the balance; money, the balance
    /// and what the account still owes (a company paying its 挂账 later).
    public func payable(by method: PaymentMethod) -> Money {
        method == .account ? Money(fen: max(0, balance.fen)) : Money(fen: max(0, balance.fen + accountOutstanding.fen))
    }

    /// The discount as a share of the chargeable amount, in basis points (for the advisor's limit),
    /// rounded up: 26.25 off 524.00 is 5.0095%, over a 5% limit, never rounded down to it.
    public var discountShare: Int {
        let base = labor + parts + other
        guard base.fen > 0 else { return 0 }
        return (discount.fen * 10_000 + base.fen - 1) / base.fen
    }

    public var isSettled: Bool { balance.fen == 0 }
}

/// Discounts above the advisor's limit need a manager.
public enum DiscountRule {
    public static func parse(amount: String?, percent: String?) throws -> Discount {
        switch (amount, percent) {
        case (let amount?, nil): return .amount(try Money.parse(amount, field: "amount"))
        case (nil, let percent?):
            let digits = percent.hasSuffix("%") ? String(percent.dropLast()) : percent
            guard let bp = FixedPoint.parse(digits, scale: 2, limit: 100) else {
                throw InputRefusal.notPercentage(field: "percent", given: percent)
            }
            return .percent(bp)
        default:
            throw InputRefusal.discountKind
        }
    }

    /// Whether a discount of `share` basis points needs a manager, given the advisor's limit in percent.
    public static func needsManager(share: Int, limitPercent: Int) -> Bool { share > limitPercent * 100 }

    /// Whether `discount` (worth `value` on `chargeable`) needs a manager: a percentage above the
    /// limit, or an amount above the limit's share of the chargeable total — exactly, never after
    /// rounding. 5% of 142.50 is 7.13 once rounded to the fen, and still 5%.
    public static func needsManager(_ discount: Discount, value: Money, chargeable: Money, limitPercent: Int) -> Bool {
        switch discount {
        case .percent(let basisPoints): return basisPoints > limitPercent * 100
        case .amount: return value.fen * 100 > chargeable.fen * limitPercent
        }
    }
}
