import DocumentModel
import WorkshopModel

/// Member prices (会员价) on the papers: each line at the member price marked, and under the lines
/// what the tier gave — "会员优惠 金卡：工时 9 折，配件 95 折，共优惠 36.25" — with each line's regular
/// price, so the customer sees the member price was given, not a discount to be argued.
extension OrderDocuments {
    /// "（会员价）" after the description of a line at the member price.
    func memberMark(_ line: OrderLine) -> String {
        guard line.memberSaving != nil else { return "" }
        return bilingual ? "（会员价）" : " (member price)"
    }

    func memberNotice(_ lines: [OrderLine]) -> Block? {
        let savings = MemberSavings.of(lines, tiers: memberTiers)
        guard !savings.isEmpty else { return nil }
        return .notice(savings.map { saving in
            let own = lines.filter { $0.memberTier == saving.tier && $0.memberSaving != nil && !$0.covered && $0.status != .removed }
            let regularZh = own.map { "第 \($0.number) 项原价 \($0.regularPrice!.grouped)" }.joined(separator: "，")
            let regularEn = own.map { "line \($0.number) regular \($0.regularPrice!.grouped)" }.joined(separator: ", ")
            let ratesZh = saving.pricedAt.map { "：" + rates($0, chinese: true) } ?? ""
            let ratesEn = saving.pricedAt.map { ": " + rates($0, chinese: false) } ?? ""
            let english = "Member prices (\(saving.tier))\(ratesEn); saving \(saving.total.grouped) in all (\(regularEn))."
            return bilingual ? "会员优惠 \(saving.tier)\(ratesZh)，共优惠 \(saving.total.grouped)（\(regularZh)）。 " + english : english
        }.joined(separator: "\n"))
    }

    /// "工时 9 折，配件 95 折" / "labour 10% off, parts 5% off".
    private func rates(_ tier: MemberTier, chinese: Bool) -> String {
        var parts: [String] = []
        if tier.laborBasisPoints > 0 {
            parts.append(chinese ? "工时 " + MemberTier.zhe(tier.laborBasisPoints) : "labour \(MemberTier.percentText(tier.laborBasisPoints)) off")
        }
        if tier.partsBasisPoints > 0 {
            parts.append(chinese ? "配件 " + MemberTier.zhe(tier.partsBasisPoints) : "parts \(MemberTier.percentText(tier.partsBasisPoints)) off")
        }
        return parts.joined(separator: chinese ? "，" : ", ")
    }
}
