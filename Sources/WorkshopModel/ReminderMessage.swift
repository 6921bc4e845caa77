/// The message about a reminder, ready to paste into WeChat or an SMS, stating only what is true
/// of it: a "last service" only when one is on record; a kilometre reading reached only as an
/// estimate, with the daily distance it comes from; "due" or "passed" by the day it is read.
public struct ReminderMessage: Sendable {
    public var shopName: String
    public var shopPhone: String
    /// Whom it greets: the person called (nil: a phone taken without a name).
    public var name: String?
    public var plate: String
    public var reminder: Reminder
    public var today: CalendarDay
    /// The day of the order a declined item was offered on.
    public var orderDay: CalendarDay?
    public var orderNumber: String?

    public init(shopName: String, shopPhone: String, name: String?, plate: String, reminder: Reminder, today: CalendarDay,
                orderDay: CalendarDay? = nil, orderNumber: String? = nil) {
        (self.shopName, self.shopPhone, self.name, self.plate, self.reminder, self.today, self.orderDay, self.orderNumber) =
            (shopName, shopPhone, name, plate, reminder, today, orderDay, orderNumber)
    }

    public func text(_ language: Language) -> String { language == .zh ? chinese : english }

    private func km(_ value: Int) -> String { FixedPoint.format(value, scale: 0, grouping: true) }

    private var passed: Bool { reminder.dueOn < today }

    private var chinese: String {
        var text = "【\(shopName)】" + (name.map { "\($0)您好，" } ?? "您好，")
        let r = reminder
        switch r.kind {
        case .maintenance:
            text += "您的爱车\(plate)"
            if r.countedFrom == .service, let last = r.lastService {
                text += "上次保养是\(last.text)" + (r.lastKm.map { "（\(km($0)) 公里）" } ?? "") + "，"
            }
            if let interval = r.interval { text += "按每\(interval.span(.zh))保养一次，" }
            if r.dueByKilometres, let dueKm = r.dueKm, let distance = r.distance {
                text += "按平均每天约 \(distance.perDay) 公里估算，" + (passed ? "约于\(r.dueOn.text)已达到" : "预计\(r.dueOn.text)前后达到")
                    + " \(km(dueKm)) 公里"
            } else {
                text += "下次保养日期为\(r.dueOn.text)"
                if let dueKm = r.dueKm { text += "（或行驶至 \(km(dueKm)) 公里，以先到者为准）" }
            }
            text += passed || r.dueOn == today ? "，现已到保养时间，欢迎预约来店保养。" : "，欢迎预约来店保养。"
        case .inspection:
            text += "您的爱车\(plate)的年检（检验有效期）" + (passed ? "已于\(r.dueOn.text)到期，请尽快安排检验。" : "将于\(r.dueOn.text)到期，请提前安排检验。")
            text += "如需检验前检查，欢迎预约。"
        case .insurance:
            text += "您的爱车\(plate)的车险" + (passed ? "已于\(r.dueOn.text)到期，请尽快续保。" : "将于\(r.dueOn.text)到期，请及时续保。")
        case .declined:
            text += "您的爱车\(plate)" + (orderDay.map { "于\($0.text)来店" } ?? "上次来店") + (orderNumber.map { "（\($0)）" } ?? "")
                + "时我们建议的项目尚未进行：\(r.item ?? "")。如需安排，欢迎预约。"
        }
        if !shopPhone.isEmpty { text += "如有疑问请致电\(shopPhone)。" }
        return text
    }

    private var english: String {
        var text = "\(shopName): Dear " + (name ?? "customer") + ", "
        let r = reminder
        switch r.kind {
        case .maintenance:
            if r.countedFrom == .service, let last = r.lastService {
                text += "your car \(plate) was last serviced on \(last.text)" + (r.lastKm.map { " at \(km($0)) km" } ?? "") + ". "
            } else {
                text += "a reminder about your car \(plate). "
            }
            if let interval = r.interval { text += "It is serviced every \(interval.span(.en)). " }
            if r.dueByKilometres, let dueKm = r.dueKm, let distance = r.distance {
                text += "At about \(distance.perDay) km a day, it " + (passed ? "reached" : "will reach") + " \(km(dueKm)) km around \(r.dueOn.text)"
            } else {
                text += "The next service is due on \(r.dueOn.text)"
                if let dueKm = r.dueKm { text += " (or at \(km(dueKm)) km, whichever first)" }
            }
            text += passed || r.dueOn == today ? ": it is due now. You are welcome to book a service." : ". You are welcome to book a service."
        case .inspection:
            text += "the annual inspection of your car \(plate) " + (passed ? "expired on \(r.dueOn.text): please have it inspected soon." :
                "is valid until \(r.dueOn.text): please arrange the inspection in time.") + " We can check the car before it, by appointment."
        case .insurance:
            text += "the insurance of your car \(plate) " + (passed ? "expired on \(r.dueOn.text): please renew it soon." :
                "expires on \(r.dueOn.text): please renew it in time.")
        case .declined:
            text += "when your car \(plate) was with us" + (orderDay.map { " on \($0.text)" } ?? "") + (orderNumber.map { " (\($0))" } ?? "")
                + ", we advised work that has not been done yet: \(r.item ?? ""). You are welcome to book it."
        }
        if !shopPhone.isEmpty { text += " Questions: \(shopPhone)." }
        return text
    }
}
