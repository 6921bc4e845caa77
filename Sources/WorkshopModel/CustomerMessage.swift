/// The message to the customer that `notify` composes, ready to paste into WeChat or an SMS.
public struct CustomerMessage: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The car is ready: come and collect it.
        case ready
        /// It will not be ready at the promised time: the reason, the new time, an apology.
        case delay
        /// Added work needs the customer's answer.
        case supplement
        /// Where the work stands.
        case progress
    }

    public var shopName: String
    public var shopPhone: String
    public var customerName: String
    public var plate: String
    /// "11月23日 17:00" or "23 Nov 17:00"
    public var promised: String?
    public var total: Money?
    public var reason: String?
    public var addedWork: [(description: String, amount: Money)]
    public var progress: Int?

    public init(shopName: String, shopPhone: String, customerName: String, plate: String, promised: String?, total: Money?,
                reason: String?, addedWork: [(description: String, amount: Money)], progress: Int?) {
        (self.shopName, self.shopPhone, self.customerName, self.plate, self.promised, self.total, self.reason, self.addedWork,
         self.progress) = (shopName, shopPhone, customerName, plate, promised, total, reason, addedWork, progress)
    }

    public func text(_ kind: Kind, language: Language) -> String {
        language == .zh ? chinese(kind) : english(kind)
    }

    private func chinese(_ kind: Kind) -> String {
        var text = "【\(shopName)】\(customerName)您好，"
        switch kind {
        case .ready:
            text += "您的爱车\(plate)已完成维修并通过竣工检验，"
            if let promised { text += "请于\(promised)前后来店取车。" } else { text += "欢迎随时来店取车。" }
            if let total { text += "费用合计¥\(total.grouped)。" }
        case .delay:
            text += "非常抱歉，您的爱车\(plate)"
            if let reason { text += "因\(reason)，" }
            text += "无法按原定时间交车"
            if let promised { text += "，预计\(promised)完工" }
            text += "。给您带来不便，敬请谅解。"
        case .supplement:
            text += "您的爱车\(plate)在维修中发现需追加以下项目："
            text += addedWork.map { "\($0.description)（¥\($0.amount.grouped)）" }.joined(separator: "、") + "。"
            if let reason { text += reason + "。" }
            text += "请回复是否同意，我们收到您的确认后再施工。"
        case .progress:
            text += "您的爱车\(plate)正在维修中"
            if let progress { text += "，已完成约\(progress)%" }
            if let promised { text += "，预计\(promised)完工" }
            text += "。"
        }
        if !shopPhone.isEmpty { text += "如有疑问请致电\(shopPhone)。" }
        return text
    }

    private func english(_ kind: Kind) -> String {
        var text = "\(shopName): Dear \(customerName), "
        switch kind {
        case .ready:
            text += "your car \(plate) is repaired and has passed its final inspection. "
            text += promised.map { "Please collect it around \($0). " } ?? "You can collect it any time. "
            if let total { text += "The total is \(total.grouped). " }
        case .delay:
            text += "we are sorry: your car \(plate) will not be ready at the promised time"
            if let reason { text += " because of \(reason)" }
            text += "."
            if let promised { text += " We now expect it at \(promised)." }
            text += " We apologise for the inconvenience. "
        case .supplement:
            text += "while working on your car \(plate) we found further work needed: "
            text += addedWork.map { "\($0.description) (\($0.amount.grouped))" }.joined(separator: ", ") + ". "
            if let reason { text += reason + ". " }
            text += "Please reply whether you approve; we start it only with your consent. "
        case .progress:
            text += "your car \(plate) is being repaired"
            if let progress { text += ", about \(progress)% done" }
            if let promised { text += ", expected at \(promised)" }
            text += ". "
        }
        if !shopPhone.isEmpty { text += "Questions: \(shopPhone)." }
        return text.trimmingTrailingSpace
    }
}

extension String {
    var trimmingTrailingSpace: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
