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
        }
    }
}
