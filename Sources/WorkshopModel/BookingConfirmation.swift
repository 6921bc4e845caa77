/// The message confirming a booking to the customer (`notify A12`), ready to paste into WeChat or an
/// SMS: when to come, the planned work, the estimate, what to bring. It states only what is true of
/// the booking when it is sent: "confirmed" only once parts and a bay are held (`appointment …
/// confirm`); a booking written down but not confirmed is said to be booked.
public struct BookingConfirmation: Sendable {
    public var shopName: String
    public var shopPhone: String
    public var shopAddress: String
    public var customerName: String
    public var plate: String
    /// "11月23日 10:00" / "23 Nov 10:00"
    public var time: String
    public var confirmed: Bool
    /// The planned jobs' names; the complaint when none was planned.
    public var work: [String]
    /// The estimate of the planned work, tax included (zero: none given).
    public var estimate: Money
    /// An electric car: its charging cable is asked for too.
    public var electric: Bool
    /// The shop holds the car's key (on the hook of an earlier declined order not yet released): the
    /// customer is not asked to bring it.
    public var keyHeld: Bool = false

    public init(shopName: String, shopPhone: String, shopAddress: String, customerName: String, plate: String, time: String,
                confirmed: Bool, work: [String], estimate: Money, electric: Bool) {
        (self.shopName, self.shopPhone, self.shopAddress, self.customerName, self.plate, self.time, self.confirmed, self.work,
         self.estimate, self.electric) = (shopName, shopPhone, shopAddress, customerName, plate, time, confirmed, work, estimate, electric)
    }

    /// A booking is confirmed to the customer while it stands and is still ahead.
    public static func check(_ booking: Appointment, now: Timestamp) throws {
        guard booking.status.isActive else { throw BookingRefusal.alreadyClosed(appointment: booking.reference, status: booking.status) }
        guard booking.at > now else { throw BookingRefusal.timePassed(appointment: booking.reference, at: booking.at) }
    }

    public func text(language: Language) -> String { language == .zh ? chinese : english }

    private var chinese: String {
        var text = "【\(shopName)】\(customerName)您好，"
        text += confirmed ? "您的爱车\(plate)的预约已确认：" : "已为您的爱车\(plate)登记预约："
        text += "\(time)到店"
        if !work.isEmpty { text += "，项目：" + work.joined(separator: "、") }
        if estimate.fen > 0 { text += "，预计费用约¥\(estimate.grouped)（以检查后您签字确认的项目为准）" }
        text += keyHeld ? "。请携带行驶证" + (electric ? "和充电线" : "") + "（车钥匙在本店保管），车内现金和贵重物品请提前取出。"
                        : "。请携带行驶证和车钥匙" + (electric ? "、充电线" : "") + "，车内现金和贵重物品请提前取出。"
        if !shopAddress.isEmpty { text += "地址：\(shopAddress)。" }
        if !shopPhone.isEmpty { text += "如需改期请致电\(shopPhone)。" }
        return text
    }

    private var english: String {
        var text = "\(shopName): Dear \(customerName), "
        text += confirmed ? "your booking for \(plate) is confirmed: " : "we have booked \(plate) in: "
        text += "please come at \(time)"
        if !work.isEmpty { text += " for " + work.joined(separator: ", ") }
        text += "."
        if estimate.fen > 0 { text += " The estimate is about \(estimate.grouped); only the work you sign for is charged." }
        text += keyHeld ? " Please bring the vehicle licence" + (electric ? " and the charging cable" : "")
                            + " (the shop is keeping your key), and take cash and valuables out of the car."
                        : " Please bring the vehicle licence and the keys" + (electric ? " and the charging cable" : "")
                            + ", and take cash and valuables out of the car."
        if !shopAddress.isEmpty { text += " Address: \(shopAddress)." }
        if !shopPhone.isEmpty { text += " To change the time, call \(shopPhone)." }
        return text
    }
}
