import WorkshopModel

extension SiteRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .onlyManagerAdds(let person):
            return w("只有经理可以新增门店" + (person.map { "（\($0) 不是经理）" } ?? "（请先 login 登录）"),
                     "only a manager adds a site" + (person.map { " (\($0) is not a manager)" } ?? " (log in first)"))
        case .onlyManagerCorrects(let person):
            return w("只有经理可以修改门店资料" + (person.map { "（\($0) 不是经理）" } ?? "（请先 login 登录）"),
                     "only a manager corrects a site" + (person.map { " (\($0) is not a manager)" } ?? " (log in first)"))
        case .homeSiteIsTheShops(let site):
            return w("\(site) 是总店：店名、地址、电话用 shop set name=… address=… phone=… 修改，企业编码用 healthrecord set company=…",
                     "\(site) is the home site: its name, address and phone are the shop's (shop set name=… address=… phone=…), its company code the platform account's (healthrecord set company=…)")
        case .nothingToCorrect(let site):
            return w("没有要修改的内容：写 site set \(site) name=… code=… address=… phone=… 中的一项或几项",
                     "nothing to change: give one or more of site set \(site) name=… code=… address=… phone=…")
        case .reservedName(let given):
            return w("“\(given)”表示全部门店，不能作门店名称：请另取一个名称，如 深圳南山店",
                     "'\(given)' means every site and cannot name one: choose another name, such as 深圳南山店")
        case .homeSitesWord(let given, let home):
            return w("“\(given)”指总店 \(home)，不能作其他门店的名称：请另取一个名称，如 深圳南山店",
                     "'\(given)' names the home site (\(home)) and cannot name another: choose another name, such as 深圳南山店")
        case .nameTooLong(let given, let maximum):
            return w("门店名称“\(given)”太长：最多 \(maximum) 个字", "the site name '\(given)' is too long: at most \(maximum) characters")
        case .nameTaken(let name, let sites):
            return w("已有门店叫“\(name)”：门店名称不能重复（现有：\(w.list(sites))）",
                     "a site is already called '\(name)': site names are unique (there are: \(w.list(sites)))")
        case .notCompanyCode(let given):
            return w("“\(given)”不是企业编码：写省级维修电子健康档案平台给门店的编码，6 到 32 位字母和数字，如 code=4403000002",
                     "'\(given)' is not a company code: give the code the province's repair-record platform issued to the site, 6 to 32 letters and digits, such as code=4403000002")
        case .codeTaken(let code, let site):
            return w("企业编码 \(code) 已是 \(site) 的：每个门店以自己的企业编码上报，不能重复",
                     "company code \(code) is already \(site)'s: each site reports under its own code")
        case .otherSitesReportNeedsManager(let person, let site):
            return w("其他门店或全部门店的报表只有经理可以查看" + (person.map { "（\($0) 可看本店 \(site) 的：不写 site=）" } ?? ""),
                     "another site's report, or every site's, is for a manager" + (person.map { " (\($0) sees \(site)'s own: leave out site=)" } ?? ""))
        case .otherSitesShelfNeedsManager(let person, let site):
            return w("其他门店或全部门店的库存变动只有经理可以查看" + (person.map { "（\($0) 可看本店 \(site) 的：不写 site=）" } ?? ""),
                     "another site's stock, or every site's, is for a manager" + (person.map { " (\($0) sees \(site)'s own: leave out site=)" } ?? ""))
        case .siteAccountIsItsPassword(let site, let given):
            return w("\(site) 的健康档案账号只设密码：healthrecord set site=\(site) password=…" + (given.isEmpty ? "" : "（\(given.joined(separator: " ")) 是全店的设置，不写 site= 设置）"),
                     "\(site)'s national record account is its password: healthrecord set site=\(site) password=…" + (given.isEmpty ? "" : " (\(given.joined(separator: " ")) are the shop's settings: give them without site=)"))
        case .unknownSite(let given, let sites):
            return w("没有叫“\(given)”的门店；现有：\(w.list(sites))", "no site is called '\(given)'; there are: \(w.list(sites))")
        case .emptySite(let sites, let home, let allowsAll):
            return w("site= 后面是空的：请写门店名称（\(w.list(sites))），总店也可写“总店”或 home（即 \(home)）"
                        + (allowsAll ? "，全部门店合计写 all 或“全部”" : ""),
                     "site= is empty: give a site's name (\(w.list(sites))), 总店 or home for the home site (\(home))"
                        + (allowsAll ? ", or all / 全部 for every site together" : ""))
        }
    }
}
