import WorkshopModel
import WorkshopStore

/// Member prices by tier (会员价): the shop's tiers, each with its discount on labour and on parts,
/// and each customer's tier. A member's labour and parts lines are priced at the member price when
/// they are added; a tier changed later leaves the lines already priced as they are.
enum MemberCommands {
    /// Who gives a customer a tier: the front desk and the cash desk.
    static let desk: Set<Role> = [.advisor, .cashier, .manager]
    static let tierName = ValueType.text("等级", "TIER")

    static let command = CommandSpec("member", aliases: ["members", "会员"], group: .cash,
        summary: Phrase("会员等级与会员价：门店设各等级的工时、配件折扣；会员的工时、配件按会员价报价",
                        "member tiers and member prices: the shop sets each tier's discount on labour and parts; a member's labour and parts are priced at the member price"), forms: [
        Form([word("tier", "等级"), textArg("tier", tierName)], options: [option("labor", .percent, aliases: ["labour", "工时"]),
                                                                         option("parts", .percent, aliases: ["part", "配件"])],
             access: .write, roles: [.manager],
             summary: Phrase("新设或修改会员等级：labor= 工时折扣、parts= 配件折扣（百分比，最多两位小数）；只影响此后报价的项目",
                             "create or change a tier: labor= its discount on labour, parts= on parts (percent, up to 2 decimals); lines priced before keep their price"),
             examples: ["member tier 金卡 labor=10% parts=5%", "member tier 银卡 labor=5%"]) { invocation, s in
            let name: String = invocation.need("tier")
            let existing = try s.store.memberTier(named: name)
            let tier = try MemberTier.set(name: name, labor: invocation.value("labor"), parts: invocation.value("parts"),
                                          existing: existing, by: s.user, at: s.now)
            try s.store.saveMemberTier(tier, was: existing)
            let what = discountText(tier, s)
            return .message(existing == nil ? s.t("已设会员等级 \(tier.name)：\(what)", "tier \(tier.name) set: \(what)")
                                            : s.t("会员等级 \(tier.name) 已改为：\(what)（已报价的项目不变）",
                                                  "tier \(tier.name) changed: \(what) (lines already priced keep their price)"),
                            [("tier", tierJSON(tier))])
        },
        Form([word("tiers", "等级表")], access: .read, summary: Phrase("本店的会员等级及折扣", "the shop's tiers and their discounts"),
             examples: ["member tiers"]) { _, s in
            let tiers = try s.store.memberTiers()
            guard !tiers.isEmpty else {
                return Output(text: s.t("还没有设会员等级（经理：member tier 名称 labor=10% parts=5%）",
                                        "no tiers yet (a manager: member tier NAME labor=10% parts=5%)"), json: .array([]))
            }
            var table = TextTable([s.t("等级", "Tier"), s.t("工时折扣", "Labour"), s.t("配件折扣", "Parts"), s.t("设定", "Set")])
            for tier in tiers {
                table.add([tier.name, MemberTier.percentText(tier.laborBasisPoints), MemberTier.percentText(tier.partsBasisPoints),
                           "\(s.formatTime(tier.setAt)) · \(tier.setBy)"])
            }
            return Output(text: table.render(), json: .array(tiers.map(tierJSON)))
        },
        Form([word("set", "设定"), arg("customer", .customer)],
             options: [required("tier", .text("等级|none", "TIER|none")), signer("authorized", roles: [.manager])],
             access: .write, roles: desk,
             summary: Phrase("设定客户的会员等级；tier=none 取消会员；优惠超过服务顾问权限（shop discount_limit）的等级须经理批准",
                             "give a customer a tier; tier=none ends the membership; a tier giving more than the advisor's limit (shop discount_limit) needs a manager"),
             examples: ["member set 13912345678 tier=金卡", "member set C2 tier=none", "member set 13912345678 tier=钻石卡 authorized=钱主管"]) { invocation, s in
            let customer = try s.store.resolveCustomer(invocation.need("customer"))
            let typed: String = invocation.need("tier")
            let tier = MemberTier.noneWords.contains(typed.lowercased()) ? nil : try s.store.resolveMemberTier(typed)
            let manager = try s.authorizingManager(invocation)
            if customer.memberTier != tier?.name {
                try tier?.assignable(limitPercent: s.settings.advisorDiscountLimitPercent, authorizedBy: manager)
            }
            let updated = try s.store.setMemberTier(of: customer, to: tier, authorizedBy: manager)
            let who = "\(updated.reference) \(updated.name)"
            guard let tier else {
                return .message(s.t("\(who) 已不是会员（原为 \(customer.memberTier ?? "")）；已报价的项目不变",
                                    "\(who) is no longer a member (was \(customer.memberTier ?? "")); lines already priced keep their price"),
                                [("customer", .string(updated.reference)), ("tier", .null)])
            }
            return .message(s.t("\(who) 为 \(tier.name) 会员：\(discountText(tier, s))，此后报价按会员价",
                                "\(who) is a \(tier.name) member: \(discountText(tier, s)); lines priced from now are at the member price"),
                            [("customer", .string(updated.reference)), ("tier", .string(tier.name))])
        },
        Form([word("list", "ls")], access: .read, summary: Phrase("会员及其等级", "the members and their tiers"),
             examples: ["member list"]) { _, s in
            let members = try s.store.members()
            guard !members.isEmpty else { return Output(text: s.t("还没有会员", "no members yet"), json: .array([])) }
            var table = TextTable([s.t("客户号", "ID"), s.t("姓名", "Name"), s.t("电话", "Phone"), s.t("等级", "Tier")])
            for c in members { table.add([c.reference, c.name, c.phone, c.memberTier ?? ""]) }
            return Output(text: table.render(), json: .array(members.map { c in
                .object([("customer", .string(c.reference)), ("name", .string(c.name)), ("phone", .string(c.phone)),
                         ("tier", .string(c.memberTier))])
            }))
        },
    ])

    /// "工时 9 折，配件 95 折" / "labour 10% off, parts 5% off"; a kind without discount is left out.
    static func discountText(_ tier: MemberTier, _ s: Session) -> String {
        var zh: [String] = [], en: [String] = []
        if tier.laborBasisPoints > 0 {
            zh.append("工时 " + MemberTier.zhe(tier.laborBasisPoints))
            en.append("labour \(MemberTier.percentText(tier.laborBasisPoints)) off")
        }
        if tier.partsBasisPoints > 0 {
            zh.append("配件 " + MemberTier.zhe(tier.partsBasisPoints))
            en.append("parts \(MemberTier.percentText(tier.partsBasisPoints)) off")
        }
        if zh.isEmpty { return s.t("无折扣", "no discount") }
        return s.t(zh.joined(separator: "，"), en.joined(separator: ", "))
    }

    /// "金卡（工时 9 折，配件 95 折）": a customer's tier with its discounts now.
    static func tierText(_ name: String, _ s: Session) throws -> String {
        guard let tier = try s.store.memberTier(named: name) else { return name }
        return name + s.t("（\(discountText(tier, s))）", " (\(discountText(tier, s)))")
    }

    static func tierJSON(_ tier: MemberTier) -> JSON {
        .object([("tier", .string(tier.name)), ("labor_percent", .string(FixedPoint.format(tier.laborBasisPoints, scale: 2))),
                 ("parts_percent", .string(FixedPoint.format(tier.partsBasisPoints, scale: 2))), ("set_by", .string(tier.setBy)),
                 ("set_at", .string(tier.setAt.iso8601))])
    }
}
