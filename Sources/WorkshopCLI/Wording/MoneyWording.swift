import WorkshopModel

extension MoneyRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .priceBelowList(let line, let given, let list, let limit):
            return w("“\(line)” \(given.grouped) 低于标价 \(list.grouped) 超过 \(limit)%（不需经理批准的优惠上限）：让价须经理批准（authorized=经理姓名，经理本人输入 PIN）",
                     "'\(line)' at \(given.grouped) is below its list price of \(list.grouped) by more than \(limit)% (the discount given without a manager): a price concession needs a manager's authorisation (authorized=NAME of a manager, who confirms with their PIN)")
        case .priceBelowMemberList(let line, let given, let list, let tier, let limit):
            return w("“\(line)” \(given.grouped) 低于\(tier)会员价 \(list.grouped) 超过 \(limit)%（不需经理批准的优惠上限）：会员价已含会员折扣，再让价须经理批准（authorized=经理姓名，经理本人输入 PIN）",
                     "'\(line)' at \(given.grouped) is below the \(tier) member price of \(list.grouped) by more than \(limit)% (the discount given without a manager): the member price already has the member's discount; a further concession needs a manager's authorisation (authorized=NAME of a manager, who confirms with their PIN)")
        case .reductionsAboveLimit(let lines, let lineReductions, let discount, let value, let limit):
            let numbers = lines.map(String.init).joined(separator: ", ")
            let total = lineReductions + discount
            let share = FixedPoint.format(FixedPoint.divideRoundingHalfUp(total.fen * 10_000, max(value.fen, 1)), scale: 2, minimumDecimals: 2)
            return w("第 \(numbers) 项低于标价（会员价）共 \(lineReductions.grouped)，加整单优惠 \(discount.grouped)，合计让利 \(total.grouped)，占按标价计 \(value.grouped) 的 \(share)%，超过 \(limit)%（不需经理批准的优惠上限）：须经理批准（authorized=经理姓名，经理本人输入 PIN）",
                     "line \(numbers) below list (member list) by \(lineReductions.grouped) in all, and the order discount of \(discount.grouped): \(total.grouped) together, \(share)% of the order's \(value.grouped) at list, more than \(limit)% (the discount given without a manager): it needs a manager's authorisation (authorized=NAME of a manager, who confirms with their PIN)")
        case .refundNeedsReason:
            return w("退款须写明原因：reason=\"…\"", "a refund needs its reason: reason=\"…\"")
        case .accountNeedsManager(let customer):
            return w("\(customer) 是个人客户：挂账（车先交、款后付）须经理批准（authorized=经理姓名）；单位客户（有单位名称或纳税人识别号）、保险或厂家保修付款的可直接挂账",
                     "\(customer) is a private customer: charging to account (the car leaves unpaid) needs a manager's authorisation (authorized=NAME of a manager); a company customer (with a company name or tax number), an insurer or the maker paying is charged to account directly")
        case .refundMethodNeedsManager(let refund, let method, let available, let paidBy):
            let paid = w.list(paidBy.map { "\($0.method.label(w.language)) \($0.amount.grouped)" })
            let paidText = paidBy.isEmpty ? w("（无）", "(none)") : paid
            return w("退款 \(refund.grouped)（\(method.chinese)）超过以\(method.chinese)收取的净额 \(available.grouped)：退款按原付款方式退回（本单已收：\(paidText)）；换用其他方式须经理批准（authorized=经理姓名）",
                     "a refund of \(refund.grouped) by \(method.english) is more than \(method.english) paid on the order, net (\(available.grouped)): a refund goes back the way the money came in (paid on this order: \(paidText)); another method needs a manager's authorisation (authorized=NAME of a manager)")
        }
    }
}

extension CorrectionRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .odometerDownNeedsManager(let plate, let given, let standing):
            return w("\(plate) 里程改小（\(standing) km → \(given) km）须经理批准：经理登录操作，或 authorized=经理姓名（经理本人输入 PIN）",
                     "correcting \(plate)'s odometer down (\(standing) km → \(given) km) needs a manager: a manager signed in, or authorized=NAME of a manager (who confirms with their PIN)")
        case .clockAhead(let requested, let real, let tolerance):
            return w("时钟不能定在将来：\(w.time(requested)) 晚于现在的真实时间 \(w.time(real))（允许误差 \(tolerance) 分钟）；补录只能记为已经过去的时间",
                     "the clock cannot be set in the future: \(w.time(requested)) is later than the real time now, \(w.time(real)) (\(tolerance) minutes' tolerance); a late entry is dated at a time that has passed")
        case .beforeCheckIn(let requested, let order, let checkedInAt):
            return w("补录时间不能早于 \(order) 的进厂时间：\(w.time(requested)) 早于进厂 \(w.time(checkedInAt))，那时还没有这张工单；请定在进厂之后",
                     "a late entry on \(order) cannot be dated before its check-in: \(w.time(requested)) is before it was checked in, \(w.time(checkedInAt)), when there was no order; date it after the check-in")
        }
    }
}
