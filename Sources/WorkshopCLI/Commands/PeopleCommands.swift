import WorkshopModel
import WorkshopStore

/// The shop's people and places: staff with roles and work groups, bays, inspection checklists.
enum PeopleCommands {
    static let staffUsage = ["staff add NAME role=advisor|technician|inspector|manager|cashier[,…] [group=…] [pin=…]",
                             "staff list [NAME|GROUP]",
                             "staff pin NAME [pin=NEW]   (your own, or anyone's as a manager; without pin= it is set again at first sign-in)"]
    static let staff = Command(
        name: "staff", aliases: ["员工"], group: .shop,
        summary: "the staff: names, roles (a person may have several) and work groups (班组)",
        usage: staffUsage,
        examples: ["staff add 赵师傅 role=technician group=一组", "staff add 孙检 role=inspector", "staff add 钱经理 role=manager,inspector"],
        access: .write, readingSubcommands: ["list", "ls", "show"], roles: [.manager], rolesBySubcommand: ["pin": LegacyPermission.all]
    ) { invocation, s in
        switch (invocation.next() ?? "list").lowercased() {
        case "add", "set":
            let name = invocation.rest().joined(separator: " ")
            guard !name.isEmpty else { throw UserError("staff add: the name is missing; usage: \(staffUsage[0])") }
            let roles = try Role.parseList(try invocation.requiredOption("role", example: "role=technician"))
            let group = invocation.option("group").flatMap { $0.isEmpty ? nil : $0 }
            if roles.contains(.technician) && group == nil {
                throw UserError("a technician belongs to a work group: add group=…, e.g. group=一组")
            }
            let pinHash = try invocation.option("pin").map(Authentication.hash)
            if let current = s.signedIn, current.name == name, !roles.contains(.manager), current.has(.manager),
               try s.store.allStaff().filter({ $0.has(.manager) && $0.active }).count == 1 {
                throw UserError("\(name) is the only manager: give someone else the manager role first")
            }
            let member = try s.store.saveStaff(name: name, roles: roles, group: group, pinHash: pinHash)
            if s.signedIn?.name == name { s.signedIn = member }
            return .message(s.t("员工 \(member.name)：\(member.roles.map(\.chinese).joined(separator: "、"))" + (group.map { "，\($0)" } ?? ""),
                                "staff \(member.name): \(member.roles.map(\.english).joined(separator: ", "))" + (group.map { ", group \($0)" } ?? "")))
        case "list", "ls", "show":
            let filter = invocation.rest().joined(separator: " ")
            let members = try s.store.allStaff().filter { filter.isEmpty || $0.name == filter || $0.group == filter }
            var table = TextTable([s.t("姓名", "Name"), s.t("岗位", "Roles"), s.t("班组", "Group")])
            for m in members { table.add([m.name, m.roles.map { $0.label(s.language) }.joined(separator: ", "), m.group ?? ""]) }
            return Output(text: members.isEmpty ? s.t("(暂无员工)", "(no staff yet)") : table.render(),
                          json: .object([("staff", .array(members.map {
                              .object([("name", .string($0.name)), ("roles", .array($0.roles.map { .string($0.code) })),
                                       ("group", .string($0.group))])
                          }))]))
        case "pin":
            let name = try invocation.required("whose PIN", usage: staffUsage[2])
            guard let account = try s.store.account(named: name) else { throw UserError("\(name) is not on the staff list") }
            let isSelf = s.signedIn?.name == account.member.name
            guard isSelf || s.signedIn?.has(.manager) == true else {
                throw UserError("only a manager sets another person's PIN; \(s.user) may change their own (staff pin \(s.user) pin=…)")
            }
            if let pin = invocation.option("pin") {
                try s.store.setPIN(try Authentication.hash(pin), for: account.member.name, action: .staffPinSet)
                return .message(s.t("\(account.member.name) 的 PIN 已更改", "PIN changed for \(account.member.name)"))
            }
            guard !isSelf else { throw UserError("staff pin \(name): give the new PIN, pin=…") }
            try s.store.setPIN(nil, for: account.member.name, action: .staffPinReset)
            return .message(s.t("\(account.member.name) 的 PIN 已重置：下次登录时设置", "PIN reset for \(account.member.name): set at the next sign-in"))
        case let other:
            throw UserError("staff \(other): unknown sub-command; usage: \(staffUsage.joined(separator: " | "))")
        }
    }

    static let bayUsage = ["bay add NAME [equipment=lift,alignment,…] [hours=08:00-18:00]", "bay list"]
    static let bay = Command(
        name: "bay", aliases: ["工位"], group: .shop,
        summary: "the work bays (工位) and their equipment",
        usage: bayUsage,
        examples: ["bay add 1号工位 equipment=lift", "bay add 四轮定位 equipment=lift,alignment"],
        access: .write, readingSubcommands: ["list", "ls"], roles: [.manager]
    ) { invocation, s in
        switch (invocation.next() ?? "list").lowercased() {
        case "add", "set":
            let name = invocation.rest().joined(separator: " ")
            guard !name.isEmpty else { throw UserError("bay add: the name is missing; usage: \(bayUsage[0])") }
            let equipment = (invocation.option("equipment") ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let existing = try s.store.bay(named: name)
            let hours = invocation.option("hours") ?? existing?.hours ?? "08:00-18:00"
            _ = try BookingRules.parseHours(hours)
            try s.store.saveBay(name: name, equipment: equipment, hours: hours)
            return .message(s.t("工位 \(name)", "bay \(name)") + (equipment.isEmpty ? "" : "：" + equipment.joined(separator: ", ")) + " · \(hours)")
        case "list", "ls":
            let bays = try s.store.bays()
            var table = TextTable([s.t("工位", "Bay"), s.t("设备", "Equipment"), s.t("开放时间", "Hours"), s.t("在修", "Holding")])
            for bay in bays {
                table.add([bay.name, bay.equipment.joined(separator: ", "), bay.hours, try s.store.orderInBay(bay).map(RepairOrder.number) ?? ""])
            }
            return Output(text: bays.isEmpty ? s.t("(暂无工位)", "(no bays yet)") : table.render(),
                          json: .object([("bays", .array(try bays.map {
                              .object([("name", .string($0.name)), ("equipment", .array($0.equipment.map { .string($0) })),
                                       ("order", .string(try s.store.orderInBay($0).map(RepairOrder.number)))])
                          }))]))
        case let other:
            throw UserError("bay \(other): unknown sub-command; usage: \(bayUsage.joined(separator: " | "))")
        }
    }

    static let checkitemUsage = ["checkitem add pre|process|final CODE \"name\"", "checkitem list [pre|process|final]",
                                 "checkitem remove pre|process|final CODE"]
    static let checkitem = Command(
        name: "checkitem", aliases: ["检验项目"], group: .shop,
        summary: "the inspection checklists, stage by stage: item codes and names",
        usage: checkitemUsage,
        examples: ["checkitem add final brakes \"制动性能\"", "checkitem list final"],
        access: .write, readingSubcommands: ["list", "ls"], roles: [.manager]
    ) { invocation, s in
        switch (invocation.next() ?? "list").lowercased() {
        case "add", "set":
            let stage = try InspectionStage.parse(try invocation.required("the stage", usage: checkitemUsage[0]), field: "stage")
            let code = try invocation.required("the item code", usage: checkitemUsage[0]).lowercased()
            guard Tokenizer.isKey(code) else {
                throw UserError("checkitem code \(code): letters, digits, _ and - starting with a letter (it is typed as \(code)=fail)")
            }
            guard !["by", "note", "at"].contains(code) else { throw UserError("checkitem code \(code) is reserved by inspect") }
            let name = invocation.rest().joined(separator: " ")
            guard !name.isEmpty else { throw UserError("checkitem add: the name is missing; usage: \(checkitemUsage[0])") }
            try s.store.saveChecklistItem(ChecklistItem(stage: stage, code: code, name: name))
            return .message(s.t("\(stage.chinese)项目 \(code)：\(name)", "\(stage.english) item \(code): \(name)"))
        case "list", "ls":
            let stages = try invocation.next().map { [try InspectionStage.parse($0, field: "stage")] } ?? InspectionStage.allCases
            var text = ""
            var json: [(String, JSON)] = []
            for stage in stages {
                let items = try s.store.checklistItems(stage: stage)
                text += (text.isEmpty ? "" : "\n") + "\(stage.label(s.language)) (\(stage.code))\n"
                text += items.isEmpty ? "  —" : items.map { "  \($0.code)  \($0.name)" }.joined(separator: "\n")
                json.append((stage.code, .array(items.map { .object([("code", .string($0.code)), ("name", .string($0.name))]) })))
            }
            return Output(text: text, json: .object(json))
        case "remove", "rm":
            let stage = try InspectionStage.parse(try invocation.required("the stage", usage: checkitemUsage[2]), field: "stage")
            let code = try invocation.required("the item code", usage: checkitemUsage[2]).lowercased()
            try s.store.removeChecklistItem(stage: stage, code: code)
            return .message(s.t("已删除 \(stage.chinese)项目 \(code)", "removed \(stage.english) item \(code)"))
        case let other:
            throw UserError("checkitem \(other): unknown sub-command; usage: \(checkitemUsage.joined(separator: " | "))")
        }
    }
}
