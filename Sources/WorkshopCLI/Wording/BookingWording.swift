import WorkshopModel

/// Bookings: parts short, bays without the equipment, taken or closed.
extension BookingRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .notBookingNumber(let given):
            return w("“\(given)”不是预约号：写作 A12", "'\(given)' is not a booking number: write A12")
        case .notInFuture(let at):
            return w("at=\(w.time(at)) 已经过去：请预约将来的时间", "at=\(w.time(at)) is not in the future: book a time to come")
        case .notPending(let appointment, let status):
            return w("\(appointment) \(status.chinese)：只有待确认的预约才能确认", "\(appointment) is \(status.english): only a pending booking is confirmed")
        case .timePassed(let appointment, let at):
            return w("\(appointment) 预约的 \(w.time(at)) 已经过去：请重新预约", "\(appointment) was for \(w.time(at)), which has passed: book a new time")
        case .partsShort(let appointment, let shortages):
            return w("\(appointment) 不能确认：配件须先到货 — ", "\(appointment) cannot be confirmed: parts must be in stock first — ")
                + shortages.map(w.shortage).joined(separator: w("；", "; "))
        case .bayLacksEquipment(let bay, let missing, let has, let free):
            return w("工位 \(bay) 没有\(w.equipment(missing))（现有：\(has.isEmpty ? "无" : w.equipment(has))）；有此设备的空闲工位：\(w.bays(free))",
                     "bay \(bay) lacks \(w.equipment(missing)) (it has: \(has.isEmpty ? "nothing" : w.equipment(has))); free bays with it: \(w.bays(free))")
        case .bayClosed(let bay, let hours, let at, let minutes):
            return w("工位 \(bay) 开放时间为 \(hours)：\(w.time(at)) 起 \(minutes) 分钟超出了开放时间",
                     "bay \(bay) is open \(hours): \(w.time(at)) for \(minutes) minutes does not fit")
        case .bayTaken(let bay, let by, let plate, let from, let until, let free):
            let end = String(w.time(until).suffix(5))
            return w("工位 \(bay) 在 \(w.time(from))–\(end) 已被 \(by)（\(plate)）预约：请换时间或工位；该时段空闲工位：\(w.bays(free))",
                     "bay \(bay) is booked \(w.time(from))–\(end) by \(by) (\(plate)): choose another time or bay; free then: \(w.bays(free))")
        case .bayOccupied(let bay, let order, let plate, let until, let free):
            return w("工位 \(bay) 里是 \(order)（\(plate)），预计占用至 \(w.time(until))（交车时间）：请换时间或工位；该时段空闲工位：\(w.bays(free))",
                     "bay \(bay) has \(order) (\(plate)) in it, expected until \(w.time(until)) (its promised time): choose another time or bay; free then: \(w.bays(free))")
        case .noFreeBay(let equipment, let at, let minutes):
            return w("\(w.time(at)) 起 \(minutes) 分钟没有空闲的" + (equipment.isEmpty ? "工位" : "、有\(w.equipment(equipment))的工位") + "：请换个时间",
                     "no bay with \(equipment.isEmpty ? "room" : w.equipment(equipment)) is free at \(w.time(at)) for \(minutes) minutes: choose another time")
        case .alreadyClosed(let appointment, let status):
            return w("\(appointment) 已是“\(status.chinese)”", "\(appointment) is \(status.english) already")
        case .noShowTooEarly(let appointment, let at):
            return w("\(appointment) 预约在 \(w.time(at))：过了预约时间才能标记未到店", "\(appointment) is at \(w.time(at)): a no-show is marked after that time")
        }
    }
}

extension Wording {
    /// "BP-1234 前刹车片（套）：需 1，可用 0，在途 10（预计 2026-11-24）"
    func shortage(_ short: PartShortage) -> String {
        var text = self("\(short.partNumber) \(short.name)：需 \(short.needed)，可用 \(short.available)",
                        "\(short.partNumber) \(short.name): need \(short.needed), \(short.available) available")
        if short.onOrder.thousandths > 0 {
            text += self("，在途 \(short.onOrder)", ", \(short.onOrder) on order")
                + (short.due.map { self("（预计 \($0)）", " (due \($0))") } ?? "")
        } else {
            text += self("，未订货", ", none on order")
        }
        return text
    }

    /// "1号工位、2号工位", or "无" / "none".
    func bays(_ names: [String]) -> String { names.isEmpty ? self("无", "none") : list(names) }
}
