import WorkshopModel
import WorkshopStore

/// What a stock movement was, in the shop's language: from its kind and what it is linked to (an
/// order line, a booking); a reason a person typed (a delivery note, "月末盘点") is shown as typed.
enum MovementNote {
    static func kind(_ kind: StockMovement.Kind, _ w: Wording) -> String {
        switch kind {
        case .receive: return w("收货", "received")
        case .issue: return w("领料", "issued")
        case .return: return w("退料", "returned")
        case .adjust: return w("调整", "adjusted")
        case .reserve: return w("预留", "reserved")
        case .unreserve: return w("释放预留", "released")
        }
    }

    /// `booking` is the movement's booking, when it has one (its state says why a reservation was released).
    static func text(_ m: StockMovement, booking: Appointment?, _ w: Wording) -> String {
        text(kind: m.kind, order: m.orderID, line: m.line, appointment: m.appointmentID, reason: m.reason,
             booking: booking.map { ($0.status, $0.orderID) }, w)
    }

    static func text(kind: StockMovement.Kind, order orderID: Int?, line: Int?, appointment: Int?, reason: String?,
                     booking: (status: AppointmentStatus, order: Int?)?, _ w: Wording) -> String {
        let typed = reason.flatMap { isGenerated($0, kind: kind) ? nil : $0 }
        let order = orderID.map(RepairOrder.number)
        let reference = appointment.map { "A\($0)" }
        switch kind {
        case .receive:
            return typed ?? ""
        case .adjust:
            return typed ?? w("期初库存", "opening stock")
        case .issue:
            guard let order else { return typed ?? "" }
            return line.map { w("\(order) 第 \($0) 项领料", "issued to \(order) line \($0)") } ?? w("\(order) 领料", "issued to \(order)")
        case .return:
            guard let order else { return typed ?? "" }
            return line.map { w("\(order) 第 \($0) 项退回", "returned from \(order) line \($0)") } ?? w("\(order) 退回", "returned from \(order)")
        case .reserve:
            guard let reference else { return typed ?? "" }
            return w("预约 \(reference) 预留", "reserved for booking \(reference)")
        case .unreserve:
            guard let reference else { return typed ?? "" }
            switch booking?.status {
            case .cancelled?: return w("预约 \(reference) 取消", "booking \(reference) cancelled")
            case .noShow?: return w("预约 \(reference) 未到店", "booking \(reference) did not come")
            case .arrived?:
                return booking?.order.map(RepairOrder.number).map { w("预约 \(reference) 到店，转 \($0)", "booking \(reference) arrived: \($0)") }
                    ?? w("预约 \(reference) 到店", "booking \(reference) arrived")
            default: return w("预约 \(reference) 释放预留", "booking \(reference) released")
            }
        }
    }

    /// The English reasons earlier versions wrote themselves ("opening stock", "booking A2", "cancelled",
    /// "no-show", "arrived: RO5", "line declined"): the movement's kind and links say the same, in
    /// the shop's language.
    static func isGenerated(_ reason: String, kind: StockMovement.Kind) -> Bool {
        switch kind {
        case .adjust: return reason == "opening stock"
        case .reserve: return reason.hasPrefix("booking A")
        case .unreserve: return reason == "cancelled" || reason == "no-show" || reason.hasPrefix("arrived")
        case .return: return reason.hasPrefix("line ")
        case .receive, .issue: return false
        }
    }
}
