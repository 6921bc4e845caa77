import WorkshopModel
import WorkshopStore

/// `notify A12`: the booking confirmation message for the customer — when to come, the planned
/// work, the estimate, what to bring — recorded as sent.
enum BookingNotice {
    static let form = Form([arg("appointment", .appointmentWithLetter)], access: .write, roles: [.advisor, .manager],
        summary: Phrase("预约确认消息：到店时间、计划项目、估价、需携带的证件，复制后发微信或短信，记为已发送（未确认的预约只说已登记）",
                        "the booking confirmation: the time, the planned work, the estimate, what to bring; to paste into WeChat or an SMS, recorded as sent (a booking not yet confirmed is said to be booked, not confirmed)"),
        examples: ["notify A12"]) { invocation, s in
        try send(invocation, s)
    }

    static func send(_ invocation: Invocation, _ s: Session) throws -> Output {
        let booking = try s.store.resolveAppointment(invocation.need("appointment"))
        try BookingConfirmation.check(booking, now: s.now)
        guard let vehicle = try s.store.vehicle(id: booking.vehicleID), let owner = try s.store.customer(id: vehicle.ownerID) else {
            throw StoreRefusal.orderWithoutVehicleOrCustomer(order: booking.reference)
        }
        let work = try booking.jobs.map { try s.store.job(code: $0)?.name ?? $0 }
        // From the site that took the booking (the shop, while it has one site).
        let site = try s.papersSettings(appointmentID: booking.id)
        var message = BookingConfirmation(shopName: site.name, shopPhone: site.phone, shopAddress: site.address,
                                          customerName: owner.name, plate: vehicle.plate.dotted, time: BoardCommands.messageTime(booking.at, s),
                                          confirmed: booking.status == .confirmed, work: work.isEmpty ? [booking.complaint] : work,
                                          estimate: booking.estimate, electric: vehicle.isElectric)
        // A declined order of this car not yet released may hold its key: the customer is not asked to bring it.
        let held = try s.store.declinedHeld(vehicleID: vehicle.id)
        message.keyHeld = held.contains { $0.held.keyTag != nil }
        let text = message.text(language: s.language)
        let kind = booking.status == .confirmed ? "confirmed" : "booked"
        try s.store.addBookingMessage(kind: kind, message: text, to: booking)
        let after = s.t("（已记录为已发送 \(s.formatTime(s.now))；复制上面的文字发微信或短信）",
                        "(recorded as sent at \(s.formatTime(s.now)); paste the text above into WeChat or an SMS)")
        let warnings = AppointmentCommands.declinedWarnings(held, s).map { "\n  ! " + $0 }.joined()
        return Output(text: text + "\n  " + after + warnings,
                      json: .object([("ok", .bool(true)), ("appointment", .string(booking.reference)), ("kind", .string(kind)),
                                     ("message", .string(text)), ("phone", .string(owner.phone))]))
    }
}
