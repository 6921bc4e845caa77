import WorkshopModel

/// Member tiers and prices, in the shop's language.
extension MemberRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .unknownTier(let given, let tiers):
            let known = tiers.isEmpty ? w("还没有设会员等级（经理：member tier 名称 labor=10% parts=5%）",
                                          "the shop has no tiers yet (a manager: member tier NAME labor=10% parts=5%)")
                                      : w("本店的会员等级：", "the shop's tiers: ") + w.list(tiers)
            return w("没有会员等级“\(given)”；\(known)", "no member tier '\(given)'; \(known)")
        case .reservedTierName(let given):
            return w("“\(given)”表示不是会员（tier=none），不能用作等级名称", "'\(given)' means no membership (tier=none): it cannot name a tier")
        case .tierNeedsDiscount(let tier):
            return w("会员等级 \(tier) 须写明折扣：labor=工时折扣% 和/或 parts=配件折扣%", "tier \(tier) needs its discount: labor=PERCENT and/or parts=PERCENT")
        case .discountTooHigh(let field, let bp):
            return w("\(field)=\(MemberTier.percentText(bp)) 过高：会员折扣须低于 100%", "\(field)=\(MemberTier.percentText(bp)) is too much: a member discount is below 100%")
        case .tierUnchanged(let tier):
            return w("会员等级 \(tier) 已是这个折扣，没有改动", "tier \(tier) already gives these discounts: nothing changed")
        case .tierAboveLimitNeedsManager(let tier, let labor, let parts, let limit):
            let what = w("工时 \(MemberTier.percentText(labor))、配件 \(MemberTier.percentText(parts))", "labour \(MemberTier.percentText(labor)), parts \(MemberTier.percentText(parts))")
            return w("\(tier) 会员优惠（\(what)）超过服务顾问的优惠权限 \(limit)%：设为该等级会员须经理批准（authorized=经理姓名）",
                     "\(tier) gives \(what), more than an advisor's discount limit of \(limit)%: making a customer a \(tier) member needs a manager's authorisation (authorized=NAME of a manager)")
        case .memberUnchanged(let customer, let tier):
            return tier.map { w("\(customer) 已是 \($0) 会员", "\(customer) is already a \($0) member") }
                ?? w("\(customer) 不是会员", "\(customer) is not a member")
        }
    }
}
