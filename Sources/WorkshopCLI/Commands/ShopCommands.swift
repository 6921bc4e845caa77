import WorkshopModel
import WorkshopStore

/// Shop settings, price lists (labour operations and parts) and the record of changes.
enum ShopCommands {
    /// How `help` names each setting's value.
    static let settingPlaceholders: [String: (String, String)] = [
        "name": ("店名", "NAME"), "address": ("地址", "ADDRESS"), "phone": ("电话", "PHONE"),
        "credit_code": ("统一社会信用代码", "CREDIT-CODE"), "labor_rate": ("元/工时", "YUAN-PER-HOUR"),
        "tax_rate": ("税率%", "PERCENT"), "prices_include_tax": ("yes|no", "yes|no"), "currency": ("币种", "CNY"),
        "timezone": ("时区", "ZONE"), "discount_limit": ("百分比", "PERCENT"), "card_bonus_limit": ("百分比", "PERCENT"),
        "language": ("zh|en", "zh|en"), "remind_maintenance_km": ("公里", "KM"), "remind_maintenance_months": ("月数", "MONTHS"),
        "remind_lead_days": ("天数", "DAYS"), "remind_declined_days": ("天数", "DAYS"), "remind_return_days": ("天数", "DAYS"),
    ]

    static let settingOptions: [OptionSpec] = ShopSettings.keys.map { key, _ in
        let placeholder = settingPlaceholders[key] ?? ("值", "VALUE")
        return option(key, .setting(key, placeholder.0, placeholder.1))
    }

    static let shop = CommandSpec("shop", aliases: ["门店"], group: .shop,
        summary: Phrase("门店设置：名称、地址、电话、信用代码、工时单价、税率、币种、时区、优惠限额、语言",
                        "the shop's settings: name, address, phone, credit code, labour rate, tax, currency, zone, discount limit, language"), forms: [
        Form([], access: .read, summary: Phrase("门店设置", "the shop's settings"), examples: ["shop"]) { _, s in show(s) },
        Form([word("show")], access: .read, summary: Phrase("门店设置", "the shop's settings"), examples: ["shop show"]) { _, s in show(s) },
        Form([word("set")], options: settingOptions, access: .write, roles: [.manager],
             summary: Phrase("修改设置（可一次改多项）", "change settings (several at once)"),
             examples: ["shop set name=\"顺达汽修\" labor_rate=120 tax_rate=13 prices_include_tax=yes", "shop set language=en"]) { invocation, s in
            try SiteWork.maySetShopSettings(from: s.store.siteID) { try s.store.site(id: $0).name }
            var saved: [String] = []
            for (key, _) in ShopSettings.keys {
                guard let value: String = invocation.value(key) else { continue }
                // The shop's name is the home site's: never another site's.
                if key == "name" { try Site.checkHomeName(value, addedSites: s.store.addedSites()) }
                try s.store.setSetting(key, to: value)
                saved.append("\(key)=\(s.settings.value(of: key))")
            }
            guard !saved.isEmpty else { throw SettingsRefusal.nothingToSet(keys: ShopSettings.keys.map(\.key)) }
            return .message(s.t("已保存：", "saved: ") + saved.joined(separator: " "))
        },
    ])

    /// What each setting is, in the shop's language, beside the key a manager types to change it.
    static let settingLabels: [String: Phrase] = [
        "name": Phrase("店名", "Name"), "address": Phrase("地址", "Address"), "phone": Phrase("电话", "Phone"),
        "credit_code": Phrase("统一社会信用代码", "Credit code"), "labor_rate": Phrase("工时单价", "Labour rate"),
        "tax_rate": Phrase("增值税率", "VAT rate"), "prices_include_tax": Phrase("价格含税", "Prices include tax"),
        "currency": Phrase("币种", "Currency"), "timezone": Phrase("时区", "Time zone"),
        "discount_limit": Phrase("无需经理批准的优惠上限", "Discount limit without a manager"),
        "card_bonus_limit": Phrase("无需经理批准的储值卡赠送上限", "Card bonus limit without a manager"),
        "language": Phrase("语言", "Language"),
        "remind_maintenance_km": Phrase("保养提醒间隔里程（公里）", "Service reminder interval (km)"),
        "remind_maintenance_months": Phrase("保养提醒间隔月数", "Service reminder interval (months)"),
        "remind_lead_days": Phrase("到期提醒提前天数", "Reminders due: days ahead"),
        "remind_declined_days": Phrase("未做项目再次提醒天数", "Declined work offered again after (days)"),
        "remind_return_days": Phrase("提醒后回店计入天数", "A call brought the car back within (days)"),
    ]

    /// Every setting `shop show` lists has its label and help its placeholder (a key without one
    /// would print bare, in English, in a Chinese shop): the keys lacking one, for the tests.
    static var settingsWithoutWords: [String] {
        ShopSettings.keys.map(\.key).filter { settingLabels[$0] == nil || settingPlaceholders[$0] == nil }
    }

    static func show(_ s: Session) -> Output {
        var fields = Fields()
        for (key, _) in ShopSettings.keys {
            var value = s.settings.value(of: key)
            if key == "prices_include_tax" { value = s.settings.pricesIncludeTax ? s.t("是", "yes") : s.t("否", "no") }
            if key == "language" { value = s.settings.language.label(s.language) }
            fields.add("\(settingLabels[key]?(s.language) ?? key) (\(key))", value.isEmpty ? "—" : value)
        }
        return Output(text: fields.render(), json: .object(ShopSettings.keys.map { ($0.key, .string(s.settings.value(of: $0.key))) }))
    }

    static let labor = CommandSpec("labor", aliases: ["labour", "工时"], group: .catalog,
        summary: Phrase("工时定额：代码、项目名称、标准工时", "the labour-operation list: codes, names, standard hours"), forms: [
        Form([], access: .read, summary: Phrase("全部工时定额", "every labour operation"), examples: ["labor"]) { _, s in
            try list("", s)
        },
        Form([word("add", "set"), arg("code", .laborCode), textArg("name", .text("项目名称", "NAME"))],
             options: [required("hours", .hours), option("category", .choice(RepairCategory.self), aliases: ["类别"])],
             access: .write, roles: [.manager],
             summary: Phrase("新增或修改工时定额；category= 此项作业所属的维修类别（如二级维护），做此项的维修单不能低于该类别",
                             "add or change a labour operation; category= the repair category its work implies (e.g. level2): an order doing it is never of a lower one"),
             examples: ["labor add BRK-01 \"更换前刹车片\" hours=1.2", "labor add MNT-02 \"二级维护\" hours=3.0 category=level2"]) { invocation, s in
            let code: String = invocation.need("code")
            guard code != OrderLine.diagnosticFeeCode else { throw CatalogRefusal.reservedLaborCode(code: code) }
            let name: String = invocation.need("name")
            let hours: Hours = invocation.need("hours")
            let category: RepairCategory? = invocation.choice("category")
            try s.store.saveLaborOperation(LaborOperation(code: code, name: name, hours: hours, category: category))
            let implied = category.map { s.t("（\($0.chinese)）", " (\($0.english))") } ?? ""
            return .message(s.t("工时定额 \(code) \(name) \(hours) h", "labour operation \(code) \(name) \(hours) h") + implied)
        },
        Form([word("list", "ls", "find")], access: .read, summary: Phrase("全部工时定额", "every labour operation"),
             examples: ["labor list"]) { _, s in
            try list("", s)
        },
        Form([word("list", "ls", "find"), textArg("text", .text("代码|名称", "CODE|NAME"))], access: .read,
             summary: Phrase("按代码或名称查找", "operations whose code or name contains the text"),
             examples: ["labor list 刹车"]) { invocation, s in
            try list(invocation.need("text"), s)
        },
    ])

    static func list(_ text: String, _ s: Session) throws -> Output {
        let ops = try s.store.laborOperations(matching: text)
        var table = TextTable([s.t("代码", "Code"), s.t("项目", "Operation"), s.t("工时", "Hours"), s.t("工时费", "Labour")],
                              rightAligned: [2, 3])
        for op in ops {
            let name = op.name + (op.category.map { s.t("（\($0.chinese)）", " (\($0.english))") } ?? "")
            table.add([op.code, name, op.hours.description, LineAmount.labor(hours: op.hours, rate: s.settings.laborRate).grouped])
        }
        return Output(text: ops.isEmpty ? s.t("(无)", "(none)") : table.render(),
                      json: .object([("operations", .array(ops.map {
                          .object([("code", .string($0.code)), ("name", .string($0.name)), ("hours", .string($0.hours.description)),
                                   ("category", .string($0.category?.code))])
                      }))]))
    }

    static let history = CommandSpec("history", aliases: ["log", "journal", "记录"], group: .shop,
        summary: Phrase("维修单或车辆档案的全部修改记录：谁、何时、执行了什么命令", "every change made to an order or a vehicle's file: who, when, which command"), forms: [
        Form([arg("reference", .text("单号|车牌", "RO|PLATE", completion: .order))], access: .read,
             summary: Phrase("按时间列出修改记录", "the changes, oldest first"),
             examples: ["history RO12", "history 京A12345"]) { invocation, s in
            let reference: String = invocation.need("reference")
            let entries: [JournalEntry]
            let title: String
            if RepairOrder.id(fromNumber: reference) != nil {
                let order = try s.store.resolveOrder(reference)
                entries = try s.store.history(orderID: order.id)
                title = order.number
            } else {
                let vehicle = try s.store.resolveVehicle(reference)
                entries = try s.store.history(vehicleID: vehicle.id)
                title = vehicle.plate.value
            }
            let w = s.wording
            // In a chain each change names the site it was made at (SiteScope.ofEntry); a shop with
            // one site reads its history as it always has.
            let siteNames: [Int: String]? = try s.store.hasSites()
                ? Dictionary(uniqueKeysWithValues: try s.store.sites().map { ($0.id, $0.name) }) : nil
            func site(_ e: JournalEntry) -> String? { siteNames.map { $0[e.siteID ?? Site.homeID] ?? "" } }
            var table = TextTable([s.t("时间", "When")] + (siteNames == nil ? [] : [s.t("门店", "Site")])
                                  + [s.t("人员", "Who"), s.t("操作", "Action"), s.t("命令", "Command")])
            table.maximumWidth = 70
            for e in entries {
                // A late entry (补录) shows the time it claims, marked, with the real time it was typed.
                let when = e.isLateEntry ? s.formatTime(e.at) + s.t(" 补录（", " late entry (") + w.realTime(e.recordedAt!) + s.t("）", ")")
                                         : s.formatTime(e.at)
                table.add([when] + (site(e).map { [$0] } ?? []) + [e.actor, JournalAction.label(of: e.action, w), e.command])
            }
            return Output(text: "\(title)\n" + table.render(), json: .object([("history", .array(entries.map {
                .object([("at", .string($0.at.iso8601)), ("recorded_at", $0.recordedAt.map { .string($0.iso8601) } ?? .null),
                         ("late_entry", .bool($0.isLateEntry)), ("actor", .string($0.actor)), ("action", .string($0.action)),
                         ("action_label", .string(JournalAction.label(of: $0.action, w))),
                         ("entity", .string($0.entity)), ("id", .string($0.entityID)), ("command", .string($0.command)),
                         ("detail", .string($0.detail))] + (site($0).map { [("site", .string($0))] } ?? []))
            }))]))
        },
    ])
}
