import WorkshopModel
import WorkshopStore

/// The belongings checklist (随车物品清单), the key tag and the documents received.
enum BelongingsCommands {
    static let roles: Set<Role> = [.advisor, .manager, .cashier]
    /// "备胎", "脚垫x4": an item and its count, checked as it is read.
    static let item = ValueType(Phrase("物品", "ITEM")) { text, _, _ in
        _ = try BelongingItem.parse(text)
        return .text(text)
    }

    static let command = CommandSpec("belongings", aliases: ["items", "随车物品"], group: .order,
        summary: Phrase("清点随车物品、登记钥匙和证件；交车时清点交还", "count belongings into the checklist, register the key tag and documents; check them back"), forms: [
        Form([arg("order", .order), word("list", "ls", "清单")], access: .read,
             summary: Phrase("随车物品清单", "the checklist"), examples: ["belongings RO12 list"]) { invocation, s in
            let order = try s.store.resolveOrder(invocation.need("order"))
            return list(order, try s.store.belongings(orderID: order.id), try s.store.documents(orderID: order.id), s)
        },
        Form([arg("order", .order), word("add", "加"), listArg("items", item)], access: .write, roles: roles,
             summary: Phrase("清点入册（脚垫x4 计四件）；现金和贵重物品当面交还", "count items in (脚垫x4 counts four); cash and valuables go back to the customer"),
             examples: ["belongings RO12 add 备胎 千斤顶 三角警示牌 脚垫x4"]) { invocation, s in
            let record = try s.record(invocation)
            let order = record.order
            let parsed = try (invocation.values("items") as [String]).map(BelongingItem.parse)
            // Cash and valuables go back to the customer at check-in; they never enter the box.
            let valuables = parsed.filter(\.isValuable)
            let items = parsed.filter { !$0.isValuable }
            let standing = try record.countIn(items)
            var text = ""
            if !items.isEmpty {
                try s.store.addBelongings(items, standing: standing, to: order)
                text = s.t("\(order.number) 随车物品：", "\(order.number) belongings: ") + items.map(\.display).joined(separator: s.t("、", ", "))
                // An item counted up says what it comes to now.
                let grown = standing.filter { item in record.belongings.contains { $0.name == item.name } }
                if !grown.isEmpty {
                    text += s.t("（现共 ", " (now ") + grown.map { BelongingItem(name: $0.name, count: $0.count).display }
                        .joined(separator: s.t("、", ", ")) + s.t("）", ")")
                }
            }
            if !valuables.isEmpty {
                if !text.isEmpty { text += "\n  " }
                text += "! " + s.t("现金和贵重物品请当面交还客户，未列入清单：", "hand cash and valuables back to the customer now; not put on the checklist: ")
                    + valuables.map(\.name).joined(separator: s.t("、", ", "))
            }
            return .message(text)
        },
        Form([arg("order", .order), word("remove", "rm", "删除"), textArg("item", item)], access: .write, roles: roles,
             summary: Phrase("签字前从清单中移除（写错的物品）；签字后用 missing 登记未找到", "take an item put on by mistake off the checklist, before signature; after it, missing records one not found"),
             examples: ["belongings RO12 remove 千斤顶"]) { invocation, s in
            let record = try s.record(invocation)
            let order = record.order
            let name = try BelongingItem.parse(invocation.need("item")).name
            try Gate.belongingRemovable(record, item: name)
            try s.store.removeBelonging(name, from: order)
            return .message(s.t("\(order.number) 已移除 \(name)", "\(order.number): removed \(name)"))
        },
        Form([arg("order", .order), word("missing", "丢失", "未找到"), textArg("item", item)], options: [required("reason", .text)],
             access: .write, roles: roles,
             summary: Phrase("交车时未找到的物品：登记原因（留在清单上，注明未找到、原因、登记人）", "an item not found at hand-back: recorded with the reason (it stays on the checklist, marked missing, with the reason and who)"),
             examples: ["belongings RO12 missing 雨伞 reason=\"客户确认未放在车内\""]) { invocation, s in
            let record = try s.record(invocation)
            let typed: String = invocation.need("item")
            let parsed = try BelongingItem.parse(typed)
            // A count only when one was typed: "脚垫" is all still out, "脚垫x2" says two.
            let item = try record.markMissing(parsed.name, count: typed == parsed.name ? nil : parsed.count,
                                              reason: invocation.need("reason"), by: s.user, at: s.now)
            try s.store.markBelongingMissing(item, of: record.order)
            return .message(s.t("\(record.order.number) 登记未找到：\(item.missingDisplay)（原因：\(item.missingRecord?.reason ?? "")；\(s.user)）",
                                "\(record.order.number): \(item.missingDisplay) marked missing (reason: \(item.missingRecord?.reason ?? ""); \(s.user))"))
        },
        Form([arg("order", .order), word("key", "钥匙"), arg("tag", .keyTag)], access: .write, roles: roles,
             summary: Phrase("钥匙挂入钥匙柜的挂钩号", "the key-cabinet hook the key hangs on"), examples: ["belongings RO12 key K07"]) { invocation, s in
            let record = try s.record(invocation)
            let tag: String = invocation.need("tag")
            try s.store.apply(try record.registerKey(tag))
            return .message(s.t("\(record.order.number) 钥匙挂于 \(tag)", "\(record.order.number): key on hook \(tag)"))
        },
        Form([arg("order", .order), word("document", "doc", "证件"), textArg("name")], options: [option("until", .date)],
             access: .write, roles: roles, summary: Phrase("收到的证件（行驶证、保单…），有效期；行驶证写检验有效期、保单写保险到期日，即生成年检、续保提醒",
                                                   "a document received (行驶证, policy…), with its expiry; the 行驶证's inspection date or the policy's expiry sets the inspection or insurance reminder"),
             examples: ["belongings RO12 document 保单 until=2027-03-01", "belongings RO12 document 行驶证 until=2027-05-31"]) { invocation, s in
            let order = try s.store.resolveOrder(invocation.need("order"))
            try Gate.open(order)
            let name: String = invocation.need("name")
            let until: String? = invocation.value("until")
            try s.store.addDocument(ReceivedDocument(name: name, validUntil: until), to: order)
            var text = s.t("\(order.number) 收到证件：\(name)", "\(order.number): received \(name)")
            // 行驶证's inspection date, the policy's expiry: the 年检 or insurance reminder.
            if let reminder = try ReminderDesk.afterDocument(ReceivedDocument(name: name, validUntil: until), of: order, s) {
                text += "\n  " + reminder
            }
            if let until, until < s.zone.formatDate(s.now) {
                text += "\n  ! " + s.t("\(name) 已于 \(until) 过期：请告知客户并请其签字确认", "\(name) expired on \(until): tell the customer and have them sign for it")
            }
            return .message(text)
        },
        Form([arg("order", .order), word("return", "交还"), listArg("items", .text("物品|key|all", "ITEM|key|all"))], access: .write,
             roles: roles, summary: Phrase("交车时清点交还：物品（脚垫x3 为 3 件，只写名称为尚未交还的全部）、key（钥匙）或 all（全部物品和钥匙）；未还齐的逐项列出",
                            "check back at hand-back: items (mats x3 is three; a bare name, every one of it still out), key, or all (every item and the key); what is still missing is named"),
             examples: ["belongings RO12 return all", "belongings RO12 return 备胎 key", "belongings RO12 return 脚垫x3"]) { invocation, s in
            try checkBack(invocation, s)
        },
    ])

    /// Counts items back exactly (脚垫x3 is three; a bare name, or all, every one still out) and names
    /// what is still missing.
    static func checkBack(_ invocation: Invocation, _ s: Session) throws -> Output {
        let record = try s.record(invocation)
        let order = record.order
        try record.ensureCanReturnBelongings()
        var words: [String] = invocation.values("items")
        let all = words.map { $0.lowercased() } == ["all"] || words == ["全部"]
        let keyWords: Set<String> = ["key", "钥匙"]
        let returnKey = all || words.contains { keyWords.contains($0.lowercased()) }
        words.removeAll { keyWords.contains($0.lowercased()) }
        let named = all ? [] : try words.map(BelongingItem.parseReturned)
        let checked = try record.checkBack(named, all: all, at: s.now)
        if !checked.updated.isEmpty { try s.store.returnBelongings(checked, of: order) }
        let separator = s.t("、", ", ")
        var said: [String] = []
        if !checked.returned.isEmpty {
            said.append(s.t("已清点放回：", "checked back: ") + checked.returnedDisplay.joined(separator: separator))
        }
        if returnKey, let change = record.returnKey(at: s.now) {
            try s.store.apply(change)
            said.append(s.t("钥匙 \(order.keyTag ?? "") 已交还", "key \(order.keyTag ?? "") handed back"))
        }
        if said.isEmpty { said.append(s.t("没有要放回的物品", "nothing to check back")) }
        var text = "\(order.number) " + said.joined(separator: s.t("；", "; "))
        if !checked.missing.isEmpty {
            text += "\n  " + s.t("尚未交还：", "still missing: ") + checked.missing.map { item in
                item.missingDisplay + (item.back > 0 ? s.t("（共 \(item.count) 件，已还 \(item.back)）", " (of \(item.count), \(item.back) back)") : "")
            }.joined(separator: separator)
        }
        return .message(text, [("returned", .array(checked.returned.map { .object([("item", .string($0.name)), ("count", .int($0.count))]) })),
                               ("missing", .array(checked.missing.map { .object([("item", .string($0.name)), ("missing", .int($0.missing)),
                                                                                 ("count", .int($0.count))]) }))])
    }

    static func list(_ order: RepairOrder, _ items: [Belonging], _ documents: [ReceivedDocument], _ s: Session) -> Output {
        var text = "\(order.number) " + s.t("随车物品清单", "belongings checklist")
        if let key = order.keyTag { text += "  " + s.t("钥匙 \(key)", "key \(key)") }
        if items.isEmpty {
            text += "\n  " + s.t("(无)", "(none)")
        } else {
            var table = TextTable([s.t("物品", "Item"), s.t("数量", "Count"), s.t("交还", "Returned")], rightAligned: [1])
            for item in items {
                var returned = item.returnedAt.map(s.formatTime) ?? (item.back > 0 ? s.t("已还 \(item.back)/\(item.count)", "\(item.back) of \(item.count) back") : "")
                if let missing = item.missingRecord, !item.isBack {
                    returned += (returned.isEmpty ? "" : " ") + s.t("未找到：\(missing.reason)（\(missing.by) \(s.formatTime(missing.at))）",
                                                                    "missing: \(missing.reason) (\(missing.by) \(s.formatTime(missing.at)))")
                }
                table.add([item.name, "\(item.count)", returned])
            }
            text += "\n" + table.render()
        }
        if !documents.isEmpty {
            text += "\n  " + s.t("证件：", "documents: ") + documents.map { $0.name + ($0.validUntil.map { " (\($0))" } ?? "") }.joined(separator: ", ")
        }
        return Output(text: text, json: .object([
            ("order", .string(order.number)), ("key_tag", .string(order.keyTag)),
            ("items", .array(items.map { .object([("item", .string($0.name)), ("count", .int($0.count)), ("back", .int($0.back)),
                                                  ("returned_at", .string($0.returnedAt?.iso8601)),
                                                  ("missing", $0.missingRecord.map { .object([("reason", .string($0.reason)), ("by", .string($0.by)),
                                                                                              ("at", .string($0.at.iso8601))]) } ?? .null)]) })),
            ("documents", .array(documents.map { .object([("name", .string($0.name)), ("valid_until", .string($0.validUntil))]) })),
        ]))
    }
}
