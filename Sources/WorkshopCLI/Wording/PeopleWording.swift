import WorkshopModel

/// Staff and PINs, bays, checklists.
extension PeopleRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .technicianNeedsGroup:
            return w("技工要归入一个班组：加 group=…，如 group=一组", "a technician belongs to a work group: add group=…, e.g. group=team-1")
        case .lastManager(let name):
            return w("\(name) 是唯一的经理：请先让另一人担任经理", "\(name) is the only manager: give someone else the manager role first")
        case .notOnStaff(let name):
            return w("员工名单中没有 \(name)", "\(name) is not on the staff list")
        case .onlyManagerSetsPIN(let person):
            return w("只有经理能设置他人的 PIN；\(person) 可以改自己的（staff pin \(person) pin=…）",
                     "only a manager sets another person's PIN; \(person) may change their own (staff pin \(person) pin=…)")
        case .ownPINNeeded(let name):
            return w("staff pin \(name)：请写新的 PIN，pin=…", "staff pin \(name): give the new PIN, pin=…")
        case .newPersonNeedsPIN(let name):
            return w("新员工 \(name) 须有初始 PIN：staff add \(name) … pin=…（告诉本人，由其用 staff pin \(name) pin=… 修改）",
                     "a new person starts with a PIN: staff add \(name) … pin=… (tell them; they change it with staff pin \(name) pin=…)")
        case .badCheckitemCode(let given):
            return w("检验项目代码 \(given)：以字母开头，只含字母、数字、_ 和 -（检验时写作 \(given)=fail）",
                     "checkitem code \(given): letters, digits, _ and - starting with a letter (it is typed as \(given)=fail)")
        case .reservedCheckitemCode(let code):
            return w("检验项目代码不能用 \(code)：它是 inspect 自己的选项", "checkitem code \(code) is reserved by inspect")
        case .unknownBay(let name, let bays):
            return w("没有工位 \(name)；现有工位：\(w.bays(bays))", "there is no bay \(name); bays: \(w.bays(bays))")
        }
    }
}
