import WorkshopModel
import WorkshopStore

/// The shop's people and places: staff with roles and work groups, bays, inspection checklists.
enum PeopleCommands {
    static let staff = CommandSpec("staff", aliases: ["员工"], group: .shop,
        summary: Phrase("员工：姓名、岗位（可兼任）和班组", "the staff: names, roles (a person may have several) and work groups"), forms: [
        Form([], access: .read, summary: Phrase("全部员工", "everyone on the staff"), examples: ["staff"]) { _, s in
            try list("", s)
        },
        Form([word("add", "set"), textArg("name", .name)],
             options: [required("role", .roles), option("group", .text("班组", "GROUP")), secret("pin"), option("site", .site)],
             access: .write, roles: [.manager],
             summary: Phrase("新增员工（须给初始 PIN，本人再用 staff pin 修改）或修改其岗位、班组（技工须有班组）",
                             "add a person (with a starting PIN, which they change with staff pin) or change their roles and group (a technician has a group)"),
             examples: ["staff add 赵师傅 role=technician group=一组 pin=2580", "staff add 钱经理 role=manager,inspector"]) { invocation, s in
            let name: String = invocation.need("name")
            let roles = try Role.parseList(invocation.need("role"))
            let group = (invocation.value("group") as String?).flatMap { $0.isEmpty ? nil : $0 }
            if roles.contains(.technician) && group == nil { throw PeopleRefusal.technicianNeedsGroup(name: name) }
            let pinHash = try (invocation.value("pin") as String?).map(Authentication.hash)
            let existing = try s.store.staff(named: name)
            let given = try (invocation.value("site") as String?).map(s.store.resolveSite)
            // In a chain: a person is managed by their own site's managers (or the home site's); a new
            // one is added where the manager works unless site= says where; site= for someone already
            // on the staff moves them, which is the home site's to do.
            let personsSite: Int? = if let existing { existing.siteID } else { given?.id ?? s.store.siteID }
            try requireManages(name, at: personsSite, s)
            if let given, let existing, !given.isWorkplace(of: existing) { try requireRunsTheChain(s) }
            // A new account starts with a PIN: one without could be taken by whoever signs in first.
            if pinHash == nil, existing == nil { throw PeopleRefusal.newPersonNeedsPIN(name: name) }
            if let current = s.signedIn, current.name == name, !roles.contains(.manager), current.has(.manager),
               try s.store.allStaff().filter({ $0.has(.manager) && $0.active }).count == 1 {
                throw PeopleRefusal.lastManager(name: name)
            }
            let site = try given ?? (existing == nil ? s.store.siteID.flatMap { $0 == Site.homeID ? nil : $0 }.map { try s.store.site(id: $0) } : nil)
            var member = try s.store.saveStaff(name: name, roles: roles, group: group, pinHash: pinHash)
            if let site { member = try s.store.setStaffSite(name, to: site) ?? member }
            if s.signedIn?.name == name { s.signedIn = member }
            return .message(s.t("员工 \(member.name)：\(member.roles.map(\.chinese).joined(separator: "、"))" + (group.map { "，\($0)" } ?? "")
                                    + (site.map { "，\($0.name)" } ?? ""),
                                "staff \(member.name): \(member.roles.map(\.english).joined(separator: ", "))" + (group.map { ", group \($0)" } ?? "")
                                    + (site.map { ", at \($0.name)" } ?? "")))
        },
        Form([word("move"), arg("name", .staff)], options: [required("site", .site)], access: .write, roles: [.manager],
             summary: Phrase("把员工调到另一门店（其单据、工位、收银从此在该店）", "move a person to another site (their orders, bays and cash desk are that site's from now on)"),
             examples: ["staff move 王芳 site=深圳南山店"]) { invocation, s in
            let name: String = invocation.need("name")
            try requireRunsTheChain(s)
            guard let current = try s.store.staff(named: name) else { throw PeopleRefusal.notOnStaff(name: name) }
            let site = try s.store.resolveSite(invocation.need("site"))
            // Already there: said so, and nothing changed or journalled.
            if site.isWorkplace(of: current) {
                return .message(s.t("员工 \(current.name) 已在 \(site.name)，未调动", "staff \(current.name) already works at \(site.name): not moved"),
                                [("staff", .string(current.name)), ("site", .string(site.name)), ("moved", .bool(false))])
            }
            guard let member = try s.store.setStaffSite(name, to: site) else { throw PeopleRefusal.notOnStaff(name: name) }
            if s.signedIn?.name == name { s.signedIn = member }
            return .message(s.t("员工 \(member.name) 现在在 \(site.name)", "staff \(member.name) now works at \(site.name)"),
                            [("staff", .string(member.name)), ("site", .string(site.name))])
        },
        Form([word("list", "ls", "show")], access: .read, summary: Phrase("全部员工", "everyone on the staff"),
             examples: ["staff list"]) { _, s in
            try list("", s)
        },
        Form([word("list", "ls", "show"), textArg("who", .text("姓名|班组", "NAME|GROUP"))], access: .read,
             summary: Phrase("某人或某班组", "one person, or one work group"), examples: ["staff list 机修一组"]) { invocation, s in
            try list(invocation.need("who"), s)
        },
        Form([word("pin"), arg("name", .staff)], options: [secret("pin")], access: .write, changesPINOf: "name",
             summary: Phrase("改自己的 PIN（先输入当前 PIN）；经理可为忘记 PIN 的人设新 PIN（并解除锁定）",
                             "change your own PIN (the current one is asked first); a manager gives anyone a new one (and unlocks the account)"),
             examples: ["staff pin 王芳 pin=2468", "staff pin 孙检 pin=1357"]) { invocation, s in
            let name: String = invocation.need("name")
            guard let account = try s.store.account(named: name) else { throw PeopleRefusal.notOnStaff(name: name) }
            let isSelf = s.signedIn?.name == account.member.name
            guard isSelf || s.signedIn?.has(.manager) == true else { throw PeopleRefusal.onlyManagerSetsPIN(person: s.user) }
            if !isSelf { try requireManages(account.member.name, at: account.member.siteID, s) }
            if let pin: String = invocation.value("pin") {
                try s.store.setPIN(try Authentication.hash(pin), for: account.member.name, action: .staffPinSet)
                return .message(s.t("\(account.member.name) 的 PIN 已更改", "PIN changed for \(account.member.name)"))
            }
            throw PeopleRefusal.ownPINNeeded(name: account.member.name)
        },
    ])

    /// SiteWork.mayManage, from the session's site.
    static func requireManages(_ person: String, at site: Int?, _ s: Session) throws {
        try SiteWork.mayManage(person: person, at: site, from: s.store.siteID) { try s.store.site(id: $0).name }
    }

    /// SiteWork.mayRunTheChain, from the session's site.
    static func requireRunsTheChain(_ s: Session) throws {
        try SiteWork.mayRunTheChain(from: s.store.siteID) { try s.store.site(id: $0).name }
    }

    static func list(_ filter: String, _ s: Session) throws -> Output {
        let members = try s.store.allStaff().filter { filter.isEmpty || $0.name == filter || $0.group == filter }
        // A chain names each person's site; a shop with one site never reads the word.
        let sites = try s.store.hasSites() ? try s.store.sites() : []
        func siteName(_ m: StaffMember) -> String { sites.first { $0.isWorkplace(of: m) }?.name ?? "" }
        var table = TextTable([s.t("姓名", "Name"), s.t("岗位", "Roles"), s.t("班组", "Group")] + (sites.isEmpty ? [] : [s.t("门店", "Site")]))
        for m in members {
            table.add([m.name, s.wording.list(m.roles.map { $0.label(s.language) }), m.group ?? ""] + (sites.isEmpty ? [] : [siteName(m)]))
        }
        return Output(text: members.isEmpty ? s.t("(暂无员工)", "(no staff yet)") : table.render(),
                      json: .object([("staff", .array(members.map {
                          .object([("name", .string($0.name)), ("roles", .array($0.roles.map { .string($0.code) })),
                                   ("group", .string($0.group))] + (sites.isEmpty ? [] : [("site", .string(siteName($0)))]))
                      }))]))
    }

    static let bay = CommandSpec("bay", aliases: ["工位"], group: .shop,
        summary: Phrase("工位：设备、开放时间、在修的车和预约；腾空工位", "the work bays: equipment, opening hours, the car in each and the bookings holding it; freeing a bay"), forms: [
        Form([], access: .read, summary: Phrase("全部工位", "every bay"), examples: ["bay"]) { _, s in try listBays(s) },
        Form([word("add", "set"), textArg("name", .text("工位名称", "NAME"))],
             options: [option("equipment", .equipment), option("hours", .openingHours)], access: .write, roles: [.manager],
             summary: Phrase("新增或修改工位：设备（lift 举升机、alignment 四轮定位仪…）、开放时间",
                             "add or change a bay: its equipment (lift, alignment…) and opening hours"),
             examples: ["bay add 1号工位 equipment=lift", "bay add 四轮定位 equipment=lift,alignment hours=08:30-17:30"]) { invocation, s in
            let name = try BayRules.checkedName(invocation.need("name"))
            let equipment = (invocation.value("equipment") as String?)?.split(separator: ",").map(String.init) ?? []
            let hours = try invocation.value("hours") ?? s.store.bay(named: name)?.hours ?? "08:00-18:00"
            try s.store.saveBay(name: name, equipment: equipment, hours: hours)
            return .message(s.t("工位 \(name)", "bay \(name)") + (equipment.isEmpty ? "" : s.t("：", ": ") + s.wording.equipment(equipment))
                            + " · \(hours)")
        },
        Form([word("list", "ls")], access: .read,
             summary: Phrase("全部工位：现在在修的车（单号、车牌、起止时间）和今天及下一个预约", "every bay: the car in it now (order, plate, since, until its promised time) and the bookings holding it today, and the next"),
             examples: ["bay list"]) { _, s in
            try listBays(s)
        },
        Form([word("free", "腾空"), textArg("name", .bay)], access: .write, roles: [.advisor, .technician, .manager],
             summary: Phrase("腾空工位：车已离开（完工、移出、等配件）；单据状态不变，再进工位用 dispatch … bay=",
                             "free a bay: the car has left it (work done, moved out, waiting for parts); the order stays as it is — dispatch … bay= puts it in a bay again"),
             examples: ["bay free 1号工位"]) { invocation, s in
            try freeBay(invocation.need("name"), s)
        },
    ])

    static func freeBay(_ name: String, _ s: Session) throws -> Output {
        guard let bay = try s.store.bay(named: name) else { throw PeopleRefusal.unknownBay(name: name, bays: try s.store.bays().map(\.name)) }
        guard let stay = try s.store.stay(inBay: bay.id), let order = try s.store.order(id: stay.orderID) else {
            throw BayRefusal.notOccupied(bay: bay.name)
        }
        try s.store.apply(try s.store.record(of: order).leaveBay(bay))
        var text = s.t("工位 \(bay.name) 已腾空：\(order.number)（\(stay.plate)）离开工位", "bay \(bay.name) is free: \(order.number) (\(stay.plate)) left it")
        if order.status == .inWork {
            text += "\n  " + s.t("\(order.number) 仍在维修中；再进工位：dispatch \(order.number) bay=…",
                                 "\(order.number) is still in work; to put it in a bay again: dispatch \(order.number) bay=…")
        }
        return .message(text, [("bay", .string(bay.name)), ("order", .string(order.number)), ("plate", .string(stay.plate))])
    }

    /// Every bay: the car in it now, until its promised time, and the bookings holding it for the
    /// rest of today and the next one after.
    static func listBays(_ s: Session) throws -> Output {
        let endOfToday = Day.next(s.zone.startOfDay(s.now), s.zone)
        let states = try s.store.bayStates(from: s.now, to: endOfToday)
        let today = s.zone.formatDate(s.now)
        /// "14:30" today, "11-23 14:30" another day of the year, the whole time otherwise.
        func short(_ instant: Timestamp) -> String {
            let full = s.formatTime(instant)
            if s.zone.formatDate(instant) == today { return String(full.suffix(5)) }
            return full.prefix(4) == today.prefix(4) ? String(full.dropFirst(5)) : full
        }
        func holdText(_ hold: BayHold) -> String {
            "\(hold.reference) \(hold.plate) \(short(hold.from))–" + (s.zone.formatDate(hold.from) == s.zone.formatDate(hold.until) ? String(s.formatTime(hold.until).suffix(5)) : short(hold.until))
        }
        var table = TextTable([s.t("工位", "Bay"), s.t("设备", "Equipment"), s.t("开放时间", "Hours"), s.t("在修", "In it now"),
                               s.t("起", "Since"), s.t("至（交车）", "Until (promised)"), s.t("预约（今天 / 下一个）", "Held for (today / next)")])
        table.maximumWidth = 64
        var json: [JSON] = []
        let nextHolds = try s.store.nextHolds(bayIDs: states.map(\.bay.id), from: endOfToday)
        for state in states {
            let occupant = state.occupant
            let next = nextHolds[state.bay.id]
            var held = state.holds.map(holdText)
            if let next { held.append(s.t("下一个 ", "next ") + holdText(next)) }
            let until = occupant?.promisedAt.map { short($0) + ($0 < s.now ? s.t("（已超时）", " (overdue)") : "") } ?? ""
            table.add([state.bay.name, s.wording.equipment(state.bay.equipment), state.bay.hours,
                       occupant.map { "\($0.order) \($0.plate)" } ?? "", occupant.map { short($0.since) } ?? "", until,
                       held.joined(separator: "; ")])
            func holdJSON(_ hold: BayHold) -> JSON {
                .object([("appointment", .string(hold.reference)), ("plate", .string(hold.plate)), ("from", .string(hold.from.iso8601)),
                         ("until", .string(hold.until.iso8601)), ("order", .string(hold.orderID.map(RepairOrder.number)))])
            }
            json.append(.object([
                ("name", .string(state.bay.name)), ("equipment", .array(state.bay.equipment.map { .string($0) })),
                ("equipment_labels", .array(state.bay.equipment.map { .string(Equipment(code: $0).label(s.language)) })),
                ("hours", .string(state.bay.hours)), ("order", .string(occupant?.order)),
                ("occupant", occupant.map { .object([("order", .string($0.order)), ("plate", .string($0.plate)),
                                                     ("since", .string($0.since.iso8601)), ("until", .string($0.promisedAt?.iso8601))]) } ?? .null),
                ("holds", .array(state.holds.map(holdJSON))), ("next_hold", next.map(holdJSON) ?? .null),
            ]))
        }
        return Output(text: states.isEmpty ? s.t("(暂无工位)", "(no bays yet)") : table.render(), json: .object([("bays", .array(json))]))
    }

    static let checkitem = CommandSpec("checkitem", aliases: ["检验项目"], group: .shop,
        summary: Phrase("三级检验的检验项目清单：项目代码和名称", "the inspection checklists, stage by stage: item codes and names"), forms: [
        Form([], access: .read, summary: Phrase("三个阶段的全部检验项目", "the items of all three stages"), examples: ["checkitem"]) { _, s in
            try listItems(InspectionStage.allCases, s)
        },
        Form([word("add", "set"), arg("stage", .choice(InspectionStage.self)), arg("code", .checkitemCode), textArg("name", .text("项目名称", "NAME"))],
             options: [option("unit", .text("单位", "UNIT")), option("min", .measure), option("max", .measure)],
             access: .write, roles: [.manager],
             summary: Phrase("新增或重新定义检验项目（检验时写 代码=fail）；测量项目写明单位 unit= 及限值 min=/max=（检验时写 代码=测得值，超出限值即不合格）",
                             "add or redefine an item (inspect takes it as CODE=fail); a measured item has its unit= and limits min=/max= (inspect takes CODE=VALUE; a value outside the limits fails)"),
             examples: ["checkitem add final brakes \"制动性能\"", "checkitem add final brake-force \"整车制动率\" unit=% min=60",
                        "checkitem add final side-slip \"前轮侧滑量\" unit=m/km min=-5 max=5"]) { invocation, s in
            let stage: InspectionStage = invocation.choice("stage")!
            let code: String = invocation.need("code")
            let name: String = invocation.need("name")
            let unit: String? = invocation.value("unit")
            let minimum: Measure? = invocation.value("min"), maximum: Measure? = invocation.value("max")
            if unit == nil && (minimum != nil || maximum != nil) { throw InspectionRefusal.limitsWithoutUnit }
            let quantity = try unit.map { try MeasuredQuantity(unit: $0, minimum: minimum, maximum: maximum) }
            try s.store.saveChecklistItem(ChecklistItem(stage: stage, code: code, name: name, quantity: quantity))
            var text = s.t("\(stage.chinese)项目 \(code)：\(name)", "\(stage.english) item \(code): \(name)")
            if let quantity { text += s.t("（测量项目，单位 \(quantity.unit)，限值 \(quantity.limitText(.zh))）",
                                         " (measured, in \(quantity.unit), limits \(quantity.limitText(.en)))") }
            return .message(text)
        },
        Form([word("list", "ls"), optionalArg("stage", .choice(InspectionStage.self))], access: .read,
             summary: Phrase("某阶段（或全部）的检验项目", "the items of a stage (or of all three)"),
             examples: ["checkitem list final", "checkitem list"]) { invocation, s in
            try listItems(invocation.choice("stage", as: InspectionStage.self).map { [$0] } ?? InspectionStage.allCases, s)
        },
        Form([word("remove", "rm"), arg("stage", .choice(InspectionStage.self)), arg("code", .text("项目代码", "CODE"))],
             access: .write, roles: [.manager],
             summary: Phrase("删除检验项目", "remove an item"), examples: ["checkitem remove final brakes"]) { invocation, s in
            let stage: InspectionStage = invocation.choice("stage")!
            let code = (invocation.need("code") as String).lowercased()
            try s.store.removeChecklistItem(stage: stage, code: code)
            return .message(s.t("已删除 \(stage.chinese)项目 \(code)", "removed \(stage.english) item \(code)"))
        },
    ])

    static func listItems(_ stages: [InspectionStage], _ s: Session) throws -> Output {
        var text = ""
        var json: [(String, JSON)] = []
        for stage in stages {
            let items = try s.store.checklistItems(stage: stage)
            text += (text.isEmpty ? "" : "\n") + "\(stage.label(s.language)) (\(stage.code))\n"
            text += items.isEmpty ? "  —" : items.map { item in
                "  \(item.code)  \(item.name)" + (item.quantity.map { "  [\($0.unit.isEmpty ? "—" : $0.unit)  \($0.limitText(s.language))]" } ?? "")
            }.joined(separator: "\n")
            json.append((stage.code, .array(items.map { item in
                var fields: [(String, JSON)] = [("code", .string(item.code)), ("name", .string(item.name))]
                if let q = item.quantity {
                    fields += [("unit", .string(q.unit)), ("min", .string(q.minimum?.description)), ("max", .string(q.maximum?.description))]
                }
                return .object(fields)
            })))
        }
        return Output(text: text, json: .object(json))
    }
}
