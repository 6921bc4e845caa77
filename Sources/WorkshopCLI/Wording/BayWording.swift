import WorkshopModel

/// The bays on the floor: a car in the way, a booking's hold, equipment the work needs.
extension BayRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        let anyway = w("确需派入：override=yes reason=\"…\"（记录在案）", "to put it there anyway: override=yes reason=\"…\" (on record)")
        switch self {
        case .occupied(let bay, let order, let plate, let since, let until, let free):
            let promised = until.map { w("，交车时间 \(w.time($0))", ", promised for \(w.time($0))") } ?? ""
            return w("工位 \(bay) 里是 \(order)（\(plate)，\(w.time(since)) 起\(promised)）：请先把那辆车移走或腾空工位（bay free \(bay)）；现在合适的空闲工位：\(w.bays(free))",
                     "bay \(bay) has \(order) in it (\(plate), since \(w.time(since))\(promised)): move that car or free the bay first (bay free \(bay)); free bays that fit now: \(w.bays(free))")
        case .heldForBooking(let bay, let order, let until, let holds, let lacking, let free):
            let also = lacking.isEmpty ? "" : w("；且没有所需的\(w.needs(lacking))", "; it also lacks \(w.needs(lacking))")
            return w("工位 \(bay) 已为\(w.list(holds.map(w.hold)))预留，而 \(order) 预计占用至 \(w.time(until))（交车时间）\(also)。现在合适的空闲工位：\(w.bays(free))；\(anyway)",
                     "bay \(bay) is held for \(w.list(holds.map(w.hold))), and \(order) would be in it until \(w.time(until)) (its promised time)\(also). Free bays that fit now: \(w.bays(free)); \(anyway)")
        case .lacksEquipment(let bay, let order, let missing, let withIt, let free):
            return w("工位 \(bay) 没有 \(order) 所需的\(w.needs(missing))；有此设备的工位：\(w.bays(withIt))；现在合适的空闲工位：\(w.bays(free))；\(anyway)",
                     "bay \(bay) lacks what \(order) needs: \(w.needs(missing)); bays with it: \(w.bays(withIt)); free bays that fit now: \(w.bays(free)); \(anyway)")
        case .overrideNeedsReason:
            return w("override=yes 须写明原因：reason=\"…\"（记录在案）", "override=yes needs its reason: reason=\"…\" (it goes on record)")
        case .reasonWithoutOverride:
            return w("reason= 是强制派工的原因，须与 override=yes 一起写", "reason= is the reason for an override: give it with override=yes")
        case .notOccupied(let bay):
            return w("工位 \(bay) 现在没有车", "bay \(bay) has no car in it")
        case .nameAtAnotherSite(let bay, let site, let suggestion):
            return w("\(site) 已有叫“\(bay)”的工位：连锁各店的工位名称不能重复，" + (suggestion.map { "请加上本店店名，如 \($0)" } ?? "请另取一个名称"),
                     "\(site) already has a bay called '\(bay)': bay names are unique across the chain; "
                        + (suggestion.map { "add this site's name, such as \($0)" } ?? "choose another name"))
        }
    }
}

extension Wording {
    /// "预约 A12（粤B·2D3E4，2026-11-23 10:30–12:00）" / "booking A12 (粤B·2D3E4, 2026-11-23 10:30–12:00)"
    func hold(_ hold: BayHold) -> String {
        let span = "\(time(hold.from))–" + (date(hold.from) == date(hold.until) ? String(time(hold.until).suffix(5)) : time(hold.until))
        return self("预约 \(hold.reference)（\(hold.plate)，\(span)）", "booking \(hold.reference) (\(hold.plate), \(span))")
    }

    /// "新能源高压防护（套餐 J-HV）、四轮定位仪（预约 A12、套餐 J-ALIGN）"
    func needs(_ needs: [EquipmentNeed]) -> String {
        list(needs.map { need in
            let why = need.reasons.map { reason -> String in
                switch reason {
                case .job(let code): return self("套餐 \(code)", "job \(code)")
                case .booking(let reference): return self("预约 \(reference)", "booking \(reference)")
                }
            }
            return need.equipment.label(language) + self("（\(list(why))）", " (\(list(why)))")
        })
    }
}
