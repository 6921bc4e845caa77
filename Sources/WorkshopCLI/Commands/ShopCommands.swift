import WorkshopModel
import WorkshopStore

/// Shop settings, price lists (labour operations and parts) and the record of changes.
enum ShopCommands {
    static let shopUsage = ["shop show", "shop set KEY=VALUE…"]
    static let shop = Command(
        name: "shop", aliases: ["门店"], group: .shop,
        summary: "the shop's settings: name, address, phone, credit code, labour rate, tax, currency, zone, discount limit, language",
        usage: shopUsage,
        examples: ["shop set name=\"顺达汽修\" labor_rate=120 tax_rate=13 prices_include_tax=yes", "shop set language=en"],
        access: .write, readingSubcommands: ["show"], roles: [.manager]
    ) { invocation, s in
        switch (invocation.next() ?? "show").lowercased() {
        case "show":
            return show(s)
        case "set":
            let pairs = invocation.allOptions(accepting: ShopSettings.keys.map(\.key))
            guard !pairs.isEmpty || invocation.hasOptions else {
                throw UserError("shop set: give KEY=VALUE; keys: " + ShopSettings.keys.map { "\($0.key) (\($0.accepts))" }.joined(separator: "; "))
            }
            try invocation.ensureAllUsed()
            for (key, value) in pairs { try s.store.setSetting(key, to: value) }
            return .message(s.t("已保存：", "saved: ") + pairs.map { "\($0.key)=\(s.settings.value(of: $0.key))" }.joined(separator: " "))
        case let other:
            throw UserError("shop \(other): unknown sub-command; usage: \(shopUsage.joined(separator: " | "))")
        }
    }

    static func show(_ s: Session) -> Output {
        var fields = Fields()
        for (key, _) in ShopSettings.keys { fields.add(key, s.settings.value(of: key).isEmpty ? "—" : s.settings.value(of: key)) }
        return Output(text: fields.render(), json: .object(ShopSettings.keys.map { ($0.key, .string(s.settings.value(of: $0.key))) }))
    }

    static let laborUsage = ["labor add CODE \"name\" hours=H", "labor list [TEXT]"]
    static let labor = Command(
        name: "labor", aliases: ["labour", "工时"], group: .catalog,
        summary: "the labour-operation list (工时定额): codes, names, standard hours",
        usage: laborUsage,
        examples: ["labor add BRK-01 \"更换前刹车片\" hours=1.2", "labor list 刹车"],
        access: .write, readingSubcommands: ["list", "ls"], roles: [.manager]
    ) { invocation, s in
        switch (invocation.next() ?? "list").lowercased() {
        case "add", "set":
            let code = try invocation.required("the code", usage: laborUsage[0]).uppercased()
            guard code.count <= 20, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) else {
                throw UserError("labor code \(code): use letters, digits, - _ . (up to 20), e.g. BRK-01")
            }
            guard code != OrderLine.diagnosticFeeCode else {
                throw UserError("labor code \(code) is reserved for the diagnostic fee (diagnose RO … fee=)")
            }
            let name = invocation.rest().joined(separator: " ")
            guard !name.isEmpty else { throw UserError("labor add: the name is missing; usage: \(laborUsage[0])") }
            let hours = try Hours.parse(try invocation.requiredOption("hours", example: "hours=1.2"))
            try s.store.saveLaborOperation(LaborOperation(code: code, name: name, hours: hours))
            return .message(s.t("工时定额 \(code) \(name) \(hours) h", "labour operation \(code) \(name) \(hours) h"))
        case "list", "ls", "find":
            let ops = try s.store.laborOperations(matching: invocation.rest().joined(separator: " "))
            var table = TextTable([s.t("代码", "Code"), s.t("项目", "Operation"), s.t("工时", "Hours"), s.t("工时费", "Labour")],
                                  rightAligned: [2, 3])
            for op in ops {
                table.add([op.code, op.name, op.hours.description, LineAmount.labor(hours: op.hours, rate: s.settings.laborRate).grouped])
            }
            return Output(text: ops.isEmpty ? s.t("(无)", "(none)") : table.render(),
                          json: .object([("operations", .array(ops.map {
                              .object([("code", .string($0.code)), ("name", .string($0.name)), ("hours", .string($0.hours.description))])
                          }))]))
        case let other:
            throw UserError("labor \(other): unknown sub-command; usage: \(laborUsage.joined(separator: " | "))")
        }
    }

    static let historyUsage = "history RO|PLATE"
    static let history = Command(
        name: "history", aliases: ["log", "journal", "记录"], group: .shop,
        summary: "every change made to an order or a vehicle's file: who, when, which command",
        usage: [historyUsage],
        examples: ["history RO12", "history 京A12345"],
        access: .read
    ) { invocation, s in
        let reference = try invocation.required("the order or plate", usage: historyUsage)
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
        var table = TextTable([s.t("时间", "When"), s.t("人员", "Who"), s.t("操作", "Action"), s.t("命令", "Command")])
        table.maximumWidth = 70
        for e in entries { table.add([s.formatTime(e.at), e.actor, e.action, e.command]) }
        return Output(text: "\(title)\n" + table.render(), json: .object([("history", .array(entries.map {
            .object([("at", .string($0.at.iso8601)), ("actor", .string($0.actor)), ("action", .string($0.action)),
                     ("entity", .string($0.entity)), ("id", .string($0.entityID)), ("command", .string($0.command)),
                     ("detail", .string($0.detail))])
        }))]))
    }
}
