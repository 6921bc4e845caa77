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
        case .priceBelowListNeedsManager(let price, let listValue, let limit):
            return w("售价 \(price.grouped) 低于各次标价合计 \(listValue.grouped) 超过 \(limit)%（shop card_bonus_limit）：须经理批准（authorized=经理姓名）",
                     "a price of \(price.grouped) is more than \(limit)% below the uses' list value of \(listValue.grouped) (shop card_bonus_limit): a manager must authorise it (authorized=NAME of a manager)")
        case .lineAboveOneUse(let order, let line, let value, let use):
            return w("\(order) 第 \(line) 项 \(value.grouped) 超过一次的标准工时费 \(use.grouped)：次卡一次只抵扣标准工时；超出部分请另列一项收费",
                     "\(order) line \(line) is \(value.grouped), more than one use's standard hours at the rate (\(use.grouped)): a use covers the standard hours; put the rest on a line of its own, charged")
        case .coveredLineChanged(let order, let line, let card):
            return w("\(order) 第 \(line) 项由 \(card) 抵扣：先取消抵扣（ro uncover \(order) \(line)）再修改",
                     "\(order) line \(line) is covered by \(card): take the cover off first (ro uncover \(order) \(line)), then change it")
        case .refundAfterExpiry(let card, let expiredAt):
            return w("\(card) 已于 \(w.date(expiredAt + -1)) 到期：卡内本金已转为过期收入，不能退卡；如确需补偿客户，由经理另行处理（card adjust 须写明原因）",
                     "\(card) expired on \(w.date(expiredAt + -1)): its paid-in left is earned (expired), so it is not refunded; to make it up to the customer, a manager adjusts with a reason (card adjust)")
        case .aboveBalance(let card, let amount, let paidIn, let bonus):
            return w("\(card) 余额不足：要付 \(amount.grouped)，卡内只有 \((paidIn + bonus).grouped)（本金 \(paidIn.grouped) + 赠送 \(bonus.grouped)）",
                     "\(card) does not hold \(amount.grouped): its balance is \((paidIn + bonus).grouped) (paid-in \(paidIn.grouped) + bonus \(bonus.grouped))")
        case .jobNotCovered(let card, let job, let covers):
            return w("\(card) 只适用于 \(covers)，不适用于 \(job)", "\(card) covers \(covers), not \(job)")
        case .noUsesLeft(let card, let job, let left, let heldBy):
            if heldBy.isEmpty { return w("\(card) 的 \(job) 次数已用完（剩 0 次）", "\(card) has no uses of \(job) left (0 left)") }
            return w("\(card) 的 \(job) 剩 \(left) 次，都已被在修的单占用（\(heldBy.joined(separator: "、"))）",
                     "\(card) has \(left) \(left == 1 ? "use" : "uses") of \(job) left, all held by open orders (\(heldBy.joined(separator: ", ")))")
        case .untilPassed(let until):
            return w("有效期 \(w.date(until + -1)) 已过：会员卡的有效期须在售卡之后", "the last day \(w.date(until + -1)) has passed: a card must be valid after its sale")
        case .bonusNeedsManager(let bonus, let amount, let limit):
            return w("赠送 \(bonus.grouped) 超过本金 \(amount.grouped) 的 \(limit)%（shop card_bonus_limit）：须经理批准（authorized=经理姓名）",
                     "a bonus of \(bonus.grouped) is more than \(limit)% of the \(amount.grouped) paid in (shop card_bonus_limit): a manager must authorise it (authorized=NAME of a manager)")
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
        case .lineNotCoverable(let order, let line):
            return w("\(order) 第 \(line) 项已拒修或删除，不能用次卡抵扣", "\(order) line \(line) is declined or removed: no card covers it")
        case .lineAlreadyCovered(let order, let line, let card):
            return w("\(order) 第 \(line) 项已由 \(card) 抵扣（ro uncover \(order) \(line) 可取消）",
                     "\(order) line \(line) is covered by \(card) already (ro uncover \(order) \(line) takes it off)")
        case .lineUnderWarranty(let order, let line):
            return w("\(order) 第 \(line) 项是保修项目，本就不收费，不用次卡", "\(order) line \(line) is warranty work, free already: no card covers it")
        case .lineNotCovered(let order, let line):
            return w("\(order) 第 \(line) 项没有次卡抵扣", "\(order) line \(line) is not covered by a card")
        case .cardDidNotPay(let card, let order):
            return w("\(card) 没有为 \(order) 付过款：退款退回原付款方式", "\(card) paid nothing on \(order): a refund goes back the way the money came in")
        case .refundAboveCardPaid(let card, let refund, let paid):
            return w("退回 \(card) \(refund.grouped) 超过该卡为本单支付的净额 \(paid.grouped)", "\(refund.grouped) back to \(card) is more than it paid on the order, net (\(paid.grouped))")
        case .refundGoesToCard(let order, let cards):
            let paid = cards.map { "\($0.card) \($0.amount.grouped)" }
            let first = cards.first?.card ?? "K…"
            return w("\(order) 由储值卡付款（\(paid.joined(separator: "、"))）：退款退回卡内（refund \(order) amount=… method=card card=\(first) reason=…）；改退现金等须经理批准（authorized=经理姓名）",
                     "\(order) was paid from stored-value cards (\(paid.joined(separator: ", "))): the refund goes back to the card (refund \(order) amount=… method=card card=\(first) reason=…); money instead needs a manager (authorized=NAME of a manager)")
        case .usesHeld(let card, let orders):
            return w("\(card) 仍有在修的单占用次数（\(orders.joined(separator: "、"))）：先交车或取消抵扣（ro uncover）再退卡",
                     "open orders hold uses of \(card) (\(orders.joined(separator: ", "))): release them or take the covers off (ro uncover) before refunding")
        case .noSuchItem(let card, let item, let items):
            return w("\(card) 没有第 \(item) 项（有 \(items.map(String.init).joined(separator: "、"))）",
                     "\(card) has no item \(item) (it has \(items.map(String.init).joined(separator: ", ")))")
        case .itemNeeded(let card, let items):
            return w("\(card) 是套餐卡，请写明调整哪一项（item=N：\(items.joined(separator: "、"))）",
                     "\(card) is a package: say which item (item=N: \(items.joined(separator: ", ")))")
        case .jobsNeeded:
            return w("次卡须写 job=项目代码 times=次数；套餐卡写 jobs=代码:次数,代码:次数", "a count card needs job=CODE times=N; a package jobs=CODE:N,CODE:N")
        case .countCardOneJob(let jobs):
            return w("次卡只含一个项目（\(jobs.joined(separator: "、"))是多个：用 type=package 售套餐卡）",
                     "a count card covers one job (\(jobs.joined(separator: ", ")) are several: sell a package, type=package)")
        case .timesOutOfRange(let job, let given, let maximum):
            return w("\(job) 的次数 \(given)：须在 1 到 \(maximum) 之间", "\(job) times \(given): give 1 to \(maximum)")
        case .jobTwice(let operation, let jobs):
            return w("工时 \(operation) 同时属于 \(jobs.joined(separator: " 和 "))：一张卡的项目不能重复", "\(operation) is in both \(jobs.joined(separator: " and ")): a card's jobs must not overlap")
        case .unknownJob(let code, let nearest):
            let near = nearest.isEmpty ? "" : w("：是不是 \(nearest.joined(separator: "、"))？", ": did you mean \(nearest.joined(separator: ", "))?")
            return w("没有项目代码 \(code)（套餐 job list 或工时定额 labor list）", "no job or labour operation \(code) (job list, labor list)") + near
        case .optionNotFor(let option, let kind):
            return w("\(option)= 不适用于\(kind.chinese)", "\(option)= does not apply to a \(kind.english)")
        case .untilNeeded:
            return w("次卡、套餐卡须写有效期 until=日期（如 until=2027-11-30）", "a count card or package needs its last day: until=DATE (e.g. until=2027-11-30)")
        case .jobWithoutLabor(let job):
            return w("套餐 \(job) 没有工时项目，次卡无从抵扣：请用含工时的套餐或工时代码", "job \(job) has no labour operation, so no order line could be it: sell a job with labour, or a labour operation")
        case .priceNeeded:
            return w("次卡、套餐卡须写售价 price=（储值卡写 amount=）", "a count card or package is sold with price= (a stored-value card with amount=)")
        }
    }
}

/// What a card's movement was, in the shop's language.
enum CardWording {
    static func kind(_ movement: CardMovement, _ w: Wording) -> String {
        switch movement.kind {
        case .sale: return w("售卡", "sold")
        // An overpayment an order's card payment made, back on the card (refund … method=card).
        case .use where movement.change.paidIn.fen + movement.change.bonus.fen > 0: return w("退回", "paid back")
        case .use: return w("消费", "used")
        case .refund: return w("退卡", "refunded")
        case .adjust: return w("调整", "adjusted")
        case .expire: return w("过期", "expired")
        }
    }
}
