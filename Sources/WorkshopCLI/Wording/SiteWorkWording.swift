import WorkshopModel

extension SiteWorkRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .otherSitesOrder(let order, let site, let here):
            return w("\(order) 是 \(site) 的工单：本店（\(here)）可以查看，不能改动、收款或交车；请由 \(site) 的员工办理",
                     "\(order) is \(site)'s order: \(here) may read it, not change it, take payment or release it; \(site)'s staff do that")
        }
    }
}
