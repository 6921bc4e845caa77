import WorkshopModel
import WorkshopStore

/// The belongings checklist (随车物品清单), the key tag and the documents received.
enum BelongingsCommands {
    static let usage = [
        "belongings RO add ITEM… (脚垫x4 counts four)",
        "belongings RO remove ITEM",
        "belongings RO list",
        "belongings RO key TAG",
        "belongings RO document NAME [until=DATE]",
        "belongings RO return ITEM…|key|all   (all: every item and the key)",
    ]

    static let command = Command(
        name: "belongings", aliases: ["items", "随车物品"], group: .order,
        summary: "count belongings into the checklist, register the key tag and documents; check them back",
        usage: usage,
        examples: ["belongings RO12 add 备胎 千斤顶 三角警示牌 脚垫x4", "belongings RO12 key K07",
                   "belongings RO12 document 保单 until=2027-03-01", "belongings RO12 return all"],
        access: .write, readingSubcommands: ["list", "ls"], roles: [.advisor, .manager, .cashier]
    ) { invocation, s in
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: usage.joined(separator: " | ")))
        let sub = try invocation.required("a sub-command (add, remove, list, key, document, return)", usage: usage.joined(separator: " | "))
        switch sub.lowercased() {
        case "list", "ls":
            return list(order, try s.store.belongings(orderID: order.id), try s.store.documents(orderID: order.id), s)
        case "add":
            try OrderRules.ensureOpen(order.status, order: order.number)
            let words = invocation.rest()
            guard !words.isEmpty else { throw UserError("belongings add: name the items, e.g. belongings \(order.number) add 备胎 千斤顶 脚垫x4") }
            let parsed = try words.map(BelongingItem.parse)
            // Cash and valuables go back to the customer at check-in; they never enter the box.
            let valuables = parsed.filter(\.isValuable)
            let items = parsed.filter { !$0.isValuable }
            var text = ""
            if !items.isEmpty {
                try s.store.addBelongings(items, to: order)
                text = s.t("\(order.number) 随车物品：", "\(order.number) belongings: ") + items.map(\.display).joined(separator: ", ")
            }
            if !valuables.isEmpty {
                if !text.isEmpty { text += "\n  " }
                text += "! " + s.t("现金和贵重物品请当面交还客户，未列入清单：", "hand cash and valuables back to the customer now; not put on the checklist: ")
                    + valuables.map(\.name).joined(separator: ", ")
            }
            return .message(text)
        case "remove", "rm":
            try OrderRules.ensureOpen(order.status, order: order.number)
            let name = try invocation.required("the item", usage: usage[1])
            try s.store.removeBelonging(name, from: order)
            return .message(s.t("\(order.number) 已移除 \(name)", "\(order.number): removed \(name)"))
        case "key":
            try OrderRules.ensureOpen(order.status, order: order.number)
            let tag = try KeyTag.normalize(try invocation.required("the key tag", usage: usage[3]))
            let previous = order.keyTag
            order.keyTag = tag
            try s.store.saveOrder(order, action: .keyRegister, detail: [("key_tag", .string(tag)), ("was", .string(previous))])
            return .message(s.t("\(order.number) 钥匙挂于 \(tag)", "\(order.number): key on hook \(tag)"))
        case "document", "doc":
            try OrderRules.ensureOpen(order.status, order: order.number)
            let name = invocation.rest().joined(separator: " ")
            guard !name.isEmpty else { throw UserError("belongings document: name it, e.g. belongings \(order.number) document 行驶证") }
            var until: String?
            if let text = invocation.option("until") {
                guard let (y, m, d) = TimeParser.parseDate(text) else {
                    throw UserError("until=\(text) is not a date: write 2027-03-01")
                }
                until = CivilTime(year: y, month: m, day: d).dateText
            }
            try s.store.addDocument(ReceivedDocument(name: name, validUntil: until), to: order)
            var text = s.t("\(order.number) 收到证件：\(name)", "\(order.number): received \(name)")
            if let until, until < s.zone.formatDate(s.now) {
                text += "\n  ! " + s.t("\(name) 已于 \(until) 过期：请告知客户并请其签字确认", "\(name) expired on \(until): tell the customer and have them sign for it")
            }
            return .message(text)
        case "return":
            guard order.status.isOpen || order.status == .declined, order.releasedAt == nil else {
                throw UserError("\(order.number) is \(order.status.english) and closed")
            }
            var words = invocation.rest()
            let items = try s.store.belongings(orderID: order.id)
            let all = words.map { $0.lowercased() } == ["all"] || words == ["全部"]
            let keyWords: Set<String> = ["key", "钥匙"]
            var returnKey = all
            if words.contains(where: { keyWords.contains($0.lowercased()) }) {
                returnKey = true
                words.removeAll { keyWords.contains($0.lowercased()) }
            }
            guard all || returnKey || !words.isEmpty else { throw UserError("belongings return: name the items checked back, key, or all") }
            let names = all ? items.filter { $0.returnedAt == nil }.map(\.name) : try words.map { try BelongingItem.parse($0).name }
            if !names.isEmpty { try s.store.returnBelongings(names, of: order) }
            var text = s.t("\(order.number) 已清点放回：", "\(order.number) checked back: ") + (names.isEmpty ? "—" : names.joined(separator: ", "))
            if returnKey, let tag = order.keyTag, order.keyReturnedAt == nil {
                order.keyReturnedAt = s.now
                try s.store.saveOrder(order, action: .keyReturn, detail: [("key_tag", .string(tag))])
                text += s.t("；钥匙 \(tag) 已交还", "; key \(tag) handed back")
            }
            let missing = try s.store.belongings(orderID: order.id).filter { $0.returnedAt == nil }
            if !missing.isEmpty {
                text += "\n  " + s.t("尚未清点：", "not yet checked: ") + missing.map(\.name).joined(separator: ", ")
            }
            return .message(text)
        default:
            throw UserError("belongings \(sub): unknown sub-command; usage: \(usage.joined(separator: " | "))")
        }
    }

    static func list(_ order: RepairOrder, _ items: [Belonging], _ documents: [ReceivedDocument], _ s: Session) -> Output {
        var text = "\(order.number) " + s.t("随车物品清单", "belongings checklist")
        if let key = order.keyTag { text += "  " + s.t("钥匙 \(key)", "key \(key)") }
        if items.isEmpty {
            text += "\n  " + s.t("(无)", "(none)")
        } else {
            var table = TextTable([s.t("物品", "Item"), s.t("数量", "Count"), s.t("交还", "Returned")], rightAligned: [1])
            for item in items { table.add([item.name, "\(item.count)", item.returnedAt.map(s.formatTime) ?? ""]) }
            text += "\n" + table.render()
        }
        if !documents.isEmpty {
            text += "\n  " + s.t("证件：", "documents: ") + documents.map { $0.name + ($0.validUntil.map { " (\($0))" } ?? "") }.joined(separator: ", ")
        }
        return Output(text: text, json: .object([
            ("order", .string(order.number)), ("key_tag", .string(order.keyTag)),
            ("items", .array(items.map { .object([("item", .string($0.name)), ("count", .int($0.count)),
                                                  ("returned_at", .string($0.returnedAt?.iso8601))]) })),
            ("documents", .array(documents.map { .object([("name", .string($0.name)), ("valid_until", .string($0.validUntil))]) })),
        ]))
    }
}
