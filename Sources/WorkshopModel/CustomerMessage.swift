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
    /// "11月23日 17:00" or "23 Nov 17:00": a promised time still ahead, never one that has passed.
    public var promised: String?
    /// What the invoice charges: the settlement's total, after the discount, tax included.
    public var total: Money?
    /// Paid so far (net of refunds): the message then says what is left to pay.
    public var paid: Money
    /// Work under warranty on a comeback: free, and the message says so.
    public var warrantyWork: Money
    /// A final inspection (竣工检验) passed: only then does the message claim one.
    public var finalInspectionPassed: Bool
    public var reason: String?
    public var addedWork: [(description: String, amount: Money)]
    public var progress: Int?

    public init(shopName: String, shopPhone: String, customerName: String, plate: String, promised: String?, total: Money?,
                paid: Money = .zero, warrantyWork: Money = .zero, finalInspectionPassed: Bool = false,
                reason: String?, addedWork: [(description: String, amount: Money)], progress: Int?) {
        (self.shopName, self.shopPhone, self.customerName, self.plate, self.promised, self.total, self.paid, self.warrantyWork,
         self.finalInspectionPassed, self.reason, self.addedWork, self.progress) =
            (shopName, shopPhone, customerName, plate, promised, total, paid, warrantyWork, finalInspectionPassed, reason, addedWork,
             progress)
    }

    /// The message about `record` as it is at `now`, stating only what is true of it then: an
    /// inspection claim only when its final inspection passed; the amount the invoice shows (the
    /// settlement's total, after the discount, tax included), with what was paid and what is left;
    /// a promised time only while it is still ahead (a delay is recorded as a new promise first).
    public init(about record: OrderRecord, settlement: Settlement, shopName: String, shopPhone: String, now: Timestamp,
                time: (Timestamp) -> String, reason: String?, addedWork: [(description: String, amount: Money)], progress: Int?) {
        self.init(shopName: shopName, shopPhone: shopPhone, customerName: record.customer.name, plate: record.vehicle.plate.dotted,
                  promised: record.order.promisedAt.flatMap { $0 > now ? time($0) : nil },
                  total: settlement.total, paid: settlement.paid, warrantyWork: settlement.coveredByWarranty,
                  finalInspectionPassed: record.finalInspection == .passed, reason: reason, addedWork: addedWork, progress: progress)
    }

    public func text(_ kind: Kind, language: Language) -> String {
        language == .zh ? chinese(kind) : english(kind)
    }

    private func chinese(_ kind: Kind) -> String {
        var text = "【\(shopName)】\(customerName)您好，"
        switch kind {
        case .ready:
            text += "您的爱车\(plate)已完成维修" + (finalInspectionPassed ? "并通过竣工检验" : "") + "，"
            if let promised { text += "请于\(promised)前后来店取车。" } else { text += "欢迎随时来店取车。" }
            if let total { text += chineseAmount(total) }
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

    /// "费用合计¥1,061.00。", with what was paid and is left, and warranty work said to be free.
    private func chineseAmount(_ total: Money) -> String {
        let free = warrantyWork.fen > 0 ? "保修项目不收费" : ""
        guard total.fen > 0 else { return free.isEmpty ? "本次不收取费用。" : "本次\(free)。" }
        var text = "费用合计¥\(total.grouped)" + (free.isEmpty ? "" : "（\(free)）")
        let balance = total - paid
        if paid.fen > 0 { text += balance.fen > 0 ? "，已付¥\(paid.grouped)，尚需支付¥\(balance.grouped)" : "，已付清" }
        return text + "。"
    }

    private func englishAmount(_ total: Money) -> String {
        let free = warrantyWork.fen > 0 ? "Warranty work is free of charge. " : ""
        guard total.fen > 0 else { return free.isEmpty ? "There is nothing to pay. " : free }
        var text = "The total is \(total.grouped)"
        let balance = total - paid
        if paid.fen > 0 { text += balance.fen > 0 ? "; \(paid.grouped) paid, \(balance.grouped) to pay" : ", paid in full" }
        return text + ". " + free
    }

    private func english(_ kind: Kind) -> String {
        var text = "\(shopName): Dear \(customerName), "
        switch kind {
        case .ready:
            text += "your car \(plate) is repaired" + (finalInspectionPassed ? " and has passed its final inspection" : "") + ". "
            text += promised.map { "Please collect it around \($0). " } ?? "You can collect it any time. "
            if let total { text += englishAmount(total) }
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
