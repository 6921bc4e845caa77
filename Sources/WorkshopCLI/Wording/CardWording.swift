import WorkshopModel

/// Members' cards, in the shop's language.
extension CardRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .unknownCard(let card):
            return w("没有会员卡 \(card)（卡号如 K3；card list 电话 查看客户的卡）", "no member card \(card) (numbers look like K3; card list PHONE shows a customer's cards)")
        case .notStoredValue(let card):
            return w("\(card) 不是储值卡，不能用于付款", "\(card) is not a stored-value card: it cannot pay")
        case .notCountCard(let card):
            return w("\(card) 不是次卡", "\(card) is not a count card")
        case .closed(let card, let at):
            return w("\(card) 已于 \(w.time(at)) 退卡，不能再使用", "\(card) was refunded on \(w.time(at)): nothing more moves on it")
        case .expired(let card, let expiredAt):
            return w("\(card) 已过期（有效期至 \(w.date(expiredAt + -1))），不能再使用", "\(card) has expired (valid until \(w.date(expiredAt + -1))): it covers and pays nothing")
        case .aboveBalance(let card, let amount, let paidIn, let bonus):
            return w("\(card) 余额不足：要付 \(amount.grouped)，卡内只有 \((paidIn + bonus).grouped)（本金 \(paidIn.grouped) + 赠送 \(bonus.grouped)）",
                     "\(card) does not hold \(amount.grouped): its balance is \((paidIn + bonus).grouped) (paid-in \(paidIn.grouped) + bonus \(bonus.grouped))")
        case .jobNotCovered(let card, let job, let covers):
            return w("\(card) 只适用于 \(covers)，不适用于 \(job)", "\(card) covers \(covers), not \(job)")
        case .noUsesLeft(let card):
            return w("\(card) 的次数已用完", "\(card) has no uses left")
        case .untilPassed(let until):
            return w("有效期 \(w.date(until + -1)) 已过：次卡的有效期须在售卡之后", "the last day \(w.date(until + -1)) has passed: a count card must be valid after its sale")
        case .soldOnAccount:
            return w("会员卡须以现金、银行卡、微信、支付宝或转账收付，不能挂账", "a card is paid for (and refunded) in money, never on account")
        case .needsReason(let card):
            return w("\(card)：请写明原因（reason=…）", "\(card): give the reason (reason=…)")
        case .refundNeedsManager(let card):
            return w("\(card) 退卡须经理批准（authorized=经理，或由经理操作）", "refunding \(card) needs a manager (authorized=MANAGER, or a manager signed in)")
        case .adjustNeedsManager(let card):
            return w("\(card) 调整须经理批准（authorized=经理，或由经理操作）", "adjusting \(card) needs a manager (authorized=MANAGER, or a manager signed in)")
        case .adjustNothing(let card):
            return w("\(card)：调整须写 amount=±金额 或 times=±次数（不为零）", "\(card): an adjustment needs amount=±AMOUNT or times=±N (not zero)")
        case .adjustBelowZero(let card, let paidIn, let uses):
            return w("\(card) 不能调整到零以下：本金余额 \(paidIn.grouped)，剩余次数 \(uses)", "\(card) cannot go below zero: paid-in balance \(paidIn.grouped), uses left \(uses)")
        case .nothingLeft(let card):
            return w("\(card) 已没有余额，无可退", "\(card) holds nothing: there is nothing to refund")
        case .otherCustomer(let card, let holder, let order):
            return w("\(card) 是 \(holder) 的卡，不能用于 \(order)（该单的车主或付款方不是持卡人）",
                     "\(card) belongs to \(holder): it cannot pay or cover \(order), whose owner or payer is someone else")
        case .cardNeedsMethod:
            return w("card= 指定付款的会员卡，须与 method=card 一起使用", "card= names the member card that pays: use it with method=card")
        case .cardPaysOneOrder:
            return w("会员卡付款一次付一张单，须写 amount=", "a card pays one order at a time, with amount=")
        case .countCardsNotSold:
            return w("目前只能售储值卡（type=stored）：次卡尚未开放", "only stored-value cards (type=stored) are sold for now: count cards are not yet")
        case .lineNotCoverable(let order, let line):
            return w("\(order) 第 \(line) 项不能用次卡：次卡只抵一次该项目（工时或套餐项目）", "\(order) line \(line) cannot be covered by a count card: a card covers one use of its job")
        }
    }
}

/// What a card's movement was, in the shop's language.
enum CardWording {
    static func kind(_ kind: CardMovementKind, _ w: Wording) -> String {
        switch kind {
        case .sale: return w("售卡", "sold")
        case .use: return w("消费", "used")
        case .refund: return w("退卡", "refunded")
        case .adjust: return w("调整", "adjusted")
        case .expire: return w("过期", "expired")
        }
    }
}
