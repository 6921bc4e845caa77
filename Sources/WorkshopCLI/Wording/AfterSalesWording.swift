import WorkshopModel

/// Follow-up calls and complaints.
extension AfterSalesRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .noFollowUp(let order):
            return w("\(order) 没有回访任务：修好的车交车时才生成回访", "\(order) has no follow-up call: one is created when a repaired car is released")
        case .followUpRecorded(let order, let at):
            return w("\(order) 的回访已于 \(w.time(at)) 记录", "the follow-up call of \(order) was recorded at \(w.time(at))")
        case .notSatisfaction(let given):
            return w("satisfaction=\(given)：满意度写 1（很不满意）到 5（很满意）", "satisfaction=\(given): write 1 (very unhappy) to 5 (very happy)")
        case .noComplaint(let number):
            return w("没有投诉 #\(number)（complaint list 查看未结投诉）", "no complaint #\(number): complaint list shows the open ones")
        case .majorIsManagers(let number, let by, let handler?):
            return w("投诉 #\(number) 是重大投诉，由经理 \(handler) 处理，\(by) 不能代办：请 \(handler) 登录操作，或加 by=\(handler)（本人输入 PIN）",
                     "complaint #\(number) is major, handled by the manager \(handler), not \(by): \(handler) signs in and does it, or add by=\(handler) (who gives their PIN)")
        case .majorIsManagers(let number, let by, nil):
            return w("投诉 #\(number) 是重大投诉，由经理处理，\(by) 不是经理：请经理登录操作，或加 by=经理姓名（本人输入 PIN），或先指派经理（complaint \(number) assign 经理姓名）",
                     "complaint #\(number) is major, a manager's to handle, and \(by) is not a manager: a manager signs in and does it, or add by=NAME of a manager (who gives their PIN), or assign one first (complaint \(number) assign MANAGER)")
        case .complaintClosed(let number):
            return w("投诉 #\(number) 已结案", "complaint #\(number) is closed")
        case .notClassified(let number):
            return w("请先给投诉 #\(number) 定性：complaint \(number) classify valid|invalid|major",
                     "classify complaint #\(number) first: complaint \(number) classify valid|invalid|major")
        case .notVerified(let number):
            return w("投诉 #\(number) 尚未核实：complaint \(number) verify \"核实情况\"",
                     "complaint #\(number) is not verified yet: complaint \(number) verify \"what was found\"")
        case .notAnswered(let number):
            return w("投诉 #\(number) 还没有答复：请先 resolve", "complaint #\(number) has no answer yet: resolve it first")
        }
    }
}
