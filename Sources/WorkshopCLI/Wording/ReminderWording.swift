import WorkshopModel

/// Reminders.
extension ReminderRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .badInterval(let given):
            return w("every=\(given)：保养间隔写公里和/或月数，如 5000km|6months、5000公里、6个月、1万公里|1年（公里 100–100000，月 1–60）",
                     "every=\(given): write kilometres and/or months, e.g. 5000km|6months, 5000km, 6months (100–100,000 km, 1–60 months)")
        case .badWindow(let given):
            return w("within=\(given)：写天数、周数或月数，如 14days、14天、2周、1个月",
                     "within=\(given): write days, weeks or months, e.g. 14days, 2weeks, 1month")
        case .notSettable(let kind):
            return w("\(kind.chinese)提醒来自维修单上客户拒绝的项目，不能手工设置；可设置：maintenance（保养）、inspection（年检）、insurance（保险续保）",
                     "\(kind.english) reminders come from lines declined on orders and are not set by hand; set maintenance, inspection or insurance")
        case .maintenanceNeedsIntervalOrDate:
            return w("保养提醒需要间隔（every=5000km|6months）或日期（due=2027-05-31）",
                     "a maintenance reminder needs an interval (every=5000km|6months) or a date (due=2027-05-31)")
        case .dateNeeded(let kind):
            return w("\(kind.chinese)提醒按日期：请写 due=到期日（如 due=2027-05-31）", "the \(kind.english) reminder is due on a date: give due=DATE (e.g. due=2027-05-31)")
        case .onlyForMaintenance(let option, let kind):
            return w("\(option)= 只用于保养提醒（kind=maintenance），\(kind.chinese)提醒只写 due=到期日",
                     "\(option)= is for maintenance reminders only (kind=maintenance); the \(kind.english) reminder takes due=DATE")
        case .lastServiceNeedsInterval(let option):
            return w("\(option)= 说明上次保养，须与保养间隔 every=… 一起写", "\(option)= states the last service: give it with the interval, every=…")
        case .odometerNeedsDay:
            return w("odometer= 是上次保养时的里程：请同时写上次保养日期 last=YYYY-MM-DD", "odometer= is the last service's reading: give its day too, last=YYYY-MM-DD")
        case .lastServiceAhead(let given, let today):
            return w("last=\(given)：上次保养日期不能晚于今天（\(today)）", "last=\(given): the last service cannot be after today (\(today))")
        case .lastKmAboveReading(let given, let plate, let reading):
            return w("odometer=\(given)：高于 \(plate) 的最近里程读数 \(reading) km，上次保养时的里程不会更高",
                     "odometer=\(given) is above \(plate)'s latest reading, \(reading) km: the last service cannot have been further on")
        case .kilometresNeedAnEstimate(let plate, let readings) where readings == 0:
            return w("\(plate) 没有里程读数，无法估算何时达到里程；请同时写月数（every=5000km|6months）或日期（due=…）",
                     "\(plate) has no odometer reading, so the day the kilometres are reached cannot be estimated: give months too (every=5000km|6months) or a date (due=…)")
        case .kilometresNeedAnEstimate(let plate, let readings):
            return w("\(plate) 只有 \(readings) 次里程读数（需至少两次、不同日期），无法估算何时达到里程；请同时写月数（every=5000km|6months）或日期（due=…）",
                     "\(plate) has \(readings) odometer reading\(readings == 1 ? "" : "s") (two on different days are needed), so the day the kilometres are reached cannot be estimated: give months too (every=5000km|6months) or a date (due=…)")
        case .laterNeedsReason(let reminder, let was, let now):
            return w("提醒 \(reminder) 原定 \(was) 到期，改到更晚的 \(now) 须写明原因（reason=…，留有记录）",
                     "reminder \(reminder) is due on \(was): moving it later, to \(now), needs the reason (reason=…, on record)")
        case .noReminder(let given):
            return w("没有提醒 \(given)（remind list 查看）", "no reminder \(given) (remind list shows them)")
        case .closed(let reminder, let outcome, let at):
            return w("提醒 \(reminder) 已于 \(w.time(at)) 关闭（\(ReminderOutcome(rawValue: outcome).map { $0.label(.zh) } ?? outcome)）",
                     "reminder \(reminder) was closed at \(w.time(at)) (\(ReminderOutcome(rawValue: outcome).map { $0.label(.en) } ?? outcome))")
        case .nothingOpen(let plate, let kind):
            return w("\(plate) 没有未关闭的\(kind.chinese)提醒", "\(plate) has no open \(kind.english) reminder")
        case .nothingDue(let reference, let open):
            return open.isEmpty
                ? w("\(reference) 没有待处理的提醒", "\(reference) has no open reminders")
                : w("\(reference) 目前没有到期的提醒；未到期的：\(w.list(open))，请写提醒号（如 remind \(open[0]) …）",
                    "nothing is due for \(reference) now; open ones: \(w.list(open)) — name one (remind \(open[0]) …)")
        case .bookingOfAnotherVehicle(let reminder, let booking, let plate):
            return w("预约 \(booking) 不是 \(plate) 的，不能关联到提醒 \(reminder)", "booking \(booking) is not for \(plate): it cannot be linked to reminder \(reminder)")
        case .bookingNotActive(let booking, let status):
            return w("预约 \(booking) \(AppointmentStatus(code: status)?.chinese ?? status)，不能关联", "booking \(booking) is \(AppointmentStatus(code: status)?.english ?? status): it cannot be linked")
        case .alreadyBooked(let reminder, let booking):
            return w("提醒 \(reminder) 已关联预约 \(booking)", "reminder \(reminder) is already linked to booking \(booking)")
        }
    }
}

extension ReminderOutcome {
    func label(_ language: Language) -> String {
        switch self {
        case .called: return language == .zh ? "已联系" : "called"
        case .serviced: return language == .zh ? "已做" : "done"
        case .replaced: return language == .zh ? "已被新提醒取代" : "replaced"
        case .cleared: return language == .zh ? "已清除" : "cleared"
        case .dismissed: return language == .zh ? "不再提醒" : "dismissed"
        }
    }
}
