import WorkshopModel

extension SiteWorkRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .otherSitesOrder(let order, let site, let here):
            return w("\(order) 是 \(site) 的工单：本店（\(here)）可以查看，不能改动、收款或交车；请由 \(site) 的员工办理",
                     "\(order) is \(site)'s order: \(here) may read it, not change it, take payment or release it; \(site)'s staff do that")
        case .shopSettingsAreTheHomeSites(let here, let home):
            return w("门店设置是总店 \(home) 的（名称、地址、电话、工时单价、税率等），由总店的经理修改；\(here) 的名称、地址、电话用 site set \(here) … 修改",
                     "the shop's settings are the home site \(home)'s (name, address, phone, rates, tax…), changed by a manager there; \(here)'s own name, address and phone: site set \(here) …")
        case .otherSitesStaff(let person, let site, let here):
            return w("\(person) 是 \(site) 的员工：\(here) 的经理只管理本店员工（岗位、班组、PIN）；请由 \(site) 或总店的经理办理",
                     "\(person) works at \(site): a manager at \(here) manages \(here)'s staff only (roles, group, PIN); a manager at \(site) or at the home site does that")
        case .otherSitesReminder(let reminder, let site, let here):
            return w("\(reminder) 是 \(site) 的提醒：由 \(site) 回访、预约或关闭，\(here) 可以查看",
                     "\(reminder) is \(site)'s reminder: \(site) calls, books or dismisses it; \(here) may read it")
        case .otherSitesComplaint(let complaint, let site, let here):
            return w("投诉 \(complaint) 是 \(site) 的：由 \(site) 分类、核实、答复和回访，\(here) 可以查看",
                     "complaint \(complaint) is \(site)'s: \(site) classifies, verifies, answers and follows it up; \(here) may read it")
        case .chainIsRunFromTheHomeSite(let here, let home):
            return w("员工调店、新增门店和修改其他门店，由总店 \(home) 的经理办理；\(here) 的经理可以修改本店的名称、地址、电话（site set \(here) …）",
                     "moving staff between sites, adding a site and changing another one are for a manager at the home site \(home); a manager at \(here) may change \(here)'s own name, address and phone (site set \(here) …)")
        }
    }
}
