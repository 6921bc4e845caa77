import WorkshopModel
import WorkshopStore

/// Parts stock: every movement (received, reserved, issued to an order line, returned, adjusted)
/// is recorded, and the on-hand figure is always the sum of the movements.
enum PartsCommands {
    static let usage = [
        "parts add PARTNO \"name\" price=P [brand=… class=… unit=… cost=… bin=… reorder=N stock=N]",
        "parts show PARTNO",
        "parts list [TEXT] | parts low",
        "parts receive PARTNO qty=N [cost=…] [ref=…]",
        "parts adjust PARTNO qty=±N|count=N reason=\"…\"",
        "parts order PARTNO qty=N [eta=DATE]",
        "parts issue RO   (the approved lines' parts not yet taken) | parts return RO   (parts of lines no longer billed)",
    ]

    static let command = Command(
        name: "parts", aliases: ["part", "配件"], group: .catalog,
        summary: "the parts stock and price list: receive, adjust with a reason, order, issue to and return from order lines",
        usage: usage,
        examples: ["parts add 06L115562 \"机油滤清器\" price=68 brand=大众 class=oem stock=12 bin=A-03 reorder=4",
                   "parts receive 06L115562 qty=20 cost=41 ref=送货单0815", "parts adjust 06L115562 count=31 reason=\"月末盘点\"",
                   "parts low", "parts issue RO12"],
        access: .write, readingSubcommands: ["list", "ls", "show", "find", "low", "movements"], roles: [.manager], rolesBySubcommand: ["issue": [.manager, .advisor, .technician], "return": [.manager, .advisor, .technician]]
    ) { invocation, s in
        switch (invocation.next() ?? "list").lowercased() {
        case "add", "set": return try add(&invocation, s)
        case "show", "movements":
            let number = try invocation.required("the part number", usage: usage[1])
            guard let part = try s.store.part(number: number) else { throw unknown(number) }
            return try show(part, s)
        case "list", "ls", "find": return table(try s.store.parts(matching: invocation.rest().joined(separator: " ")), s)
        case "low": return table(try s.store.lowStock(), s, empty: s.t("没有低于补货线的配件", "nothing at or below its reorder level"))
        case "receive", "收货": return try receive(&invocation, s)
        case "adjust", "盘点": return try adjust(&invocation, s)
        case "order", "订货": return try order(&invocation, s)
        case "issue", "领料": return try issue(&invocation, s)
        case "return", "退料": return try returnParts(&invocation, s)
        case let other:
            throw UserError("parts \(other): unknown sub-command; usage: \(usage.joined(separator: " | "))")
        }
    }

    static func unknown(_ number: String) -> UserError {
        UserError("no part \(number.uppercased()) in the price list: parts list shows them (parts add adds one)")
    }

    static func add(_ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        let number = try invocation.required("the part number", usage: usage[0]).uppercased()
        guard number.count <= 40, !number.contains(where: { $0.isWhitespace || $0 == "," || $0 == ":" }) else {
            throw UserError("part number \(number): up to 40 characters, without spaces, commas or colons")
        }
        let existing = try s.store.part(number: number)
        var name = invocation.rest().joined(separator: " ")
        if name.isEmpty, let existing { name = existing.name }
        guard !name.isEmpty else { throw UserError("parts add: the name is missing; usage: \(usage[0])") }
        let price = try invocation.option("price").map { try Money.parse($0, field: "price") } ?? existing?.price
        guard let price, price.fen > 0 else { throw UserError("parts add: price= is missing or zero, e.g. price=68") }
        let partClass = try invocation.option("class").map { try PartClass.parse($0, field: "class") } ?? existing?.partClass ?? .oem
        guard partClass != .customer else { throw UserError("class=customer is for a part the customer brings, not for the stock") }
        var part = existing ?? CatalogPart(partNumber: number, name: name, brand: nil, partClass: partClass, price: price)
        part.name = name
        part.price = price
        part.partClass = partClass
        if let brand = invocation.option("brand") { part.brand = brand.isEmpty ? nil : brand }
        if let bin = invocation.option("bin") { part.bin = bin.isEmpty ? nil : bin }
        if let unit = invocation.option("unit") { part.unit = unit.isEmpty ? "件" : unit }
        if let cost = invocation.option("cost") { part.cost = try Money.parse(cost, field: "cost") }
        if let reorder = invocation.option("reorder") { part.reorderLevel = try quantity(reorder, field: "reorder", allowZero: true) }
        let stock = try invocation.option("stock").map { try quantity($0, field: "stock", allowZero: true) }
        if existing != nil, stock != nil {
            throw UserError("\(number) is already stocked (\(existing!.onHand) on hand): change stock with parts receive or parts adjust … reason=…")
        }
        try s.store.savePart(part)
        if let stock, stock.thousandths > 0 {
            try s.store.moveStock(number, .adjust, onHand: stock.thousandths, reason: "opening stock")
        }
        return .message(s.t("配件 \(number) \(name) \(price.grouped)", "part \(number) \(name) \(price.grouped)")
                        + (stock.map { s.t("，库存 \($0)", ", \($0) in stock") } ?? ""))
    }

    /// A quantity that may be zero (stock, reorder level), unlike an order line's.
    static func quantity(_ text: String, field: String, allowZero: Bool) throws -> Quantity {
        if allowZero, let value = FixedPoint.parse(text, scale: 3, limit: Quantity.maximum) { return Quantity(thousandths: value) }
        return try Quantity.parse(text, field: field)
    }

    static func show(_ part: CatalogPart, _ s: Session) throws -> Output {
        var fields = Fields()
        fields.add(s.t("名称", "Name"), part.name)
        fields.add(s.t("品牌 / 类别", "Brand / class"), "\(part.brand ?? "—") / \(part.partClass.label(s.language))")
        fields.add(s.t("售价 / 成本", "Price / cost"), "\(part.price.grouped) / \(part.cost?.grouped ?? "—") " + s.t("每\(part.unit)", "per \(part.unit)"))
        fields.add(s.t("货位", "Bin"), part.bin)
        fields.add(s.t("在库 / 预留 / 可用", "On hand / reserved / available"), "\(part.onHand) / \(part.reserved) / \(part.available)")
        fields.add(s.t("补货线", "Reorder level"), "\(part.reorderLevel)" + (part.isLow ? s.t("（需补货）", " (reorder now)") : ""))
        if part.onOrder.thousandths > 0 { fields.add(s.t("在途", "On order"), "\(part.onOrder)" + (part.onOrderETA.map { " · \($0)" } ?? "")) }
        let movements = try s.store.movements(partNumber: part.partNumber, limit: 20)
        var table = TextTable([s.t("时间", "When"), s.t("类型", "Kind"), s.t("在库", "On hand"), s.t("预留", "Reserved"), s.t("关联", "For"),
                               s.t("说明", "Reason"), s.t("人员", "By")], rightAligned: [2, 3])
        for m in movements {
            let link = [m.orderID.map { RepairOrder.number($0) + (m.line.map { "/\($0)" } ?? "") }, m.appointmentID.map { "A\($0)" }]
                .compactMap { $0 }.joined(separator: " ")
            table.add([s.formatTime(m.at), m.kind.rawValue, signed(m.onHand), signed(m.reserved), link, m.reason ?? "", m.by])
        }
        return Output(text: "\(part.partNumber)\n" + fields.render() + (movements.isEmpty ? "" : "\n\n" + table.render()),
                      json: .object([("part", json(part)), ("movements", .array(movements.map {
                          .object([("at", .string($0.at.iso8601)), ("kind", .string($0.kind.rawValue)),
                                   ("on_hand", .string(signed($0.onHand))), ("reserved", .string(signed($0.reserved))),
                                   ("order", .string($0.orderID.map(RepairOrder.number))), ("line", .int($0.line)),
                                   ("appointment", .string($0.appointmentID.map { "A\($0)" })), ("reason", .string($0.reason))])
                      }))]))
    }

    static func signed(_ thousandths: Int) -> String {
        thousandths == 0 ? "" : (thousandths > 0 ? "+" : "-") + Quantity(thousandths: abs(thousandths)).description
    }

    static func table(_ parts: [CatalogPart], _ s: Session, empty: String? = nil) -> Output {
        var table = TextTable([s.t("配件号", "Part no."), s.t("名称", "Name"), s.t("品牌", "Brand"), s.t("类别", "Class"),
                               s.t("单价", "Price"), s.t("在库", "On hand"), s.t("预留", "Rsvd"), s.t("在途", "On order"), s.t("货位", "Bin")],
                              rightAligned: [4, 5, 6, 7])
        for p in parts {
            table.add([p.partNumber, p.name, p.brand ?? "", p.partClass.label(s.language), p.price.grouped,
                       "\(p.onHand)" + (p.isLow ? " !" : ""), p.reserved.thousandths == 0 ? "" : "\(p.reserved)",
                       p.onOrder.thousandths == 0 ? "" : "\(p.onOrder)", p.bin ?? ""])
        }
        return Output(text: parts.isEmpty ? (empty ?? s.t("(无)", "(none)")) : table.render(),
                      json: .object([("parts", .array(parts.map(json)))]))
    }

    static func json(_ p: CatalogPart) -> JSON {
        .object([("partno", .string(p.partNumber)), ("name", .string(p.name)), ("brand", .string(p.brand)),
                 ("class", .string(p.partClass.code)), ("unit", .string(p.unit)), ("price", .money(p.price)),
                 ("cost", p.cost.map(JSON.money) ?? .null), ("bin", .string(p.bin)), ("on_hand", .string(p.onHand.description)),
                 ("reserved", .string(p.reserved.description)), ("available", .string(p.available.description)),
                 ("reorder_level", .string(p.reorderLevel.description)), ("on_order", .string(p.onOrder.description)),
                 ("low", .bool(p.isLow))])
    }

    static func receive(_ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        let number = try invocation.required("the part number", usage: usage[3])
        guard var part = try s.store.part(number: number) else { throw unknown(number) }
        let quantity = try Quantity.parse(try invocation.requiredOption("qty", example: "qty=20"))
        if let cost = invocation.option("cost") {
            part.cost = try Money.parse(cost, field: "cost")
            try s.store.savePart(part)
        }
        try s.store.moveStock(part.partNumber, .receive, onHand: quantity.thousandths, reason: invocation.option("ref"))
        if part.onOrder.thousandths > 0 {
            try s.store.setOnOrder(part.partNumber, quantity: Quantity(thousandths: max(0, part.onOrder.thousandths - quantity.thousandths)),
                                   eta: part.onOrder.thousandths > quantity.thousandths ? part.onOrderETA : nil)
        }
        let after = try s.store.part(number: number)!
        return .message(s.t("\(after.partNumber) 收货 \(quantity)，在库 \(after.onHand)", "\(after.partNumber) received \(quantity); \(after.onHand) on hand"))
    }

    static func adjust(_ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        let number = try invocation.required("the part number", usage: usage[4])
        guard let part = try s.store.part(number: number) else { throw unknown(number) }
        let reason = try invocation.requiredOption("reason", example: "reason=\"月末盘点\" — every adjustment says why")
        let delta: Int
        switch (invocation.option("qty"), invocation.option("count")) {
        case (let text?, nil):
            let negative = text.hasPrefix("-")
            let magnitude = try Quantity.parse(negative || text.hasPrefix("+") ? String(text.dropFirst()) : text, field: "qty")
            delta = negative ? -magnitude.thousandths : magnitude.thousandths
        case (nil, let text?):
            delta = try quantity(text, field: "count", allowZero: true).thousandths - part.onHand.thousandths
        default:
            throw UserError("parts adjust: give qty=±N (the change) or count=N (what was counted); usage: \(usage[4])")
        }
        guard delta != 0 else { throw UserError("\(part.partNumber): the count matches the stock (\(part.onHand)); nothing to adjust") }
        try s.store.moveStock(part.partNumber, .adjust, onHand: delta, reason: reason)
        let after = try s.store.part(number: number)!
        return .message(s.t("\(after.partNumber) 调整 \(signed(delta))（\(reason)），在库 \(after.onHand)",
                            "\(after.partNumber) adjusted \(signed(delta)) (\(reason)); \(after.onHand) on hand"))
    }

    static func order(_ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        let number = try invocation.required("the part number", usage: usage[5])
        guard let part = try s.store.part(number: number) else { throw unknown(number) }
        let quantity = try Quantity.parse(try invocation.requiredOption("qty", example: "qty=10"))
        var eta: String?
        if let text = invocation.option("eta") {
            guard let (y, m, d) = TimeParser.parseDate(text) else { throw UserError("eta=\(text): write the date as 2026-11-25") }
            eta = CivilTime(year: y, month: m, day: d).dateText
        }
        try s.store.setOnOrder(part.partNumber, quantity: Quantity(thousandths: part.onOrder.thousandths + quantity.thousandths), eta: eta ?? part.onOrderETA)
        return .message(s.t("\(part.partNumber) 已订货 \(quantity)" + (eta.map { "，预计 \($0) 到货" } ?? ""),
                            "\(part.partNumber) ordered \(quantity)" + (eta.map { ", due \($0)" } ?? "")))
    }

    static func issue(_ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        let order = try s.store.resolveOrder(try invocation.required("the order", usage: usage[6]))
        guard order.status.isAuthorised else {
            throw UserError("\(order.number) is \(order.status.english): parts are issued to a signed order")
        }
        let short = try s.store.issueApprovedParts(of: order)
        var text = s.t("\(order.number) 已领料", "\(order.number): parts issued")
        if !short.isEmpty {
            text += "\n  ! " + s.t("缺货：", "short: ") + short.map { "\($0.line.partNumber ?? "") \($0.line.description) ×\($0.short)" }.joined(separator: "; ")
        }
        _ = invocation.rest()
        return .message(text)
    }

    static func returnParts(_ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        let order = try s.store.resolveOrder(try invocation.required("the order", usage: usage[6]))
        _ = invocation.rest()
        let returned = try s.store.returnUnbilledParts(of: order)
        guard !returned.isEmpty else {
            throw UserError("\(order.number) has no issued part on an unbilled line: parts of approved lines stay with the order")
        }
        return .message(s.t("\(order.number) 退料：", "\(order.number) returned: ") + returned.map { "\($0.line.partNumber ?? "") ×\($0.quantity)" }.joined(separator: ", "))
    }

    // MARK: Canned jobs

    static let jobUsage = ["job add CODE \"name\" [labor=OP,OP] [parts=PARTNO:QTY,…] [equipment=lift,…]", "job list", "job show CODE"]
    static let job = Command(
        name: "job", aliases: ["套餐"], group: .catalog,
        summary: "canned jobs: labour operations and parts with their price and the equipment they need (for bookings)",
        usage: jobUsage,
        examples: ["job add J-BRAKE-F \"前刹车片更换套餐\" labor=BRK-01 parts=BP-1234:1 equipment=lift"],
        access: .write, readingSubcommands: ["list", "ls", "show"], roles: [.manager]
    ) { invocation, s in
        switch (invocation.next() ?? "list").lowercased() {
        case "add", "set":
            let code = try invocation.required("the code", usage: jobUsage[0]).uppercased()
            let name = invocation.rest().joined(separator: " ")
            guard !name.isEmpty else { throw UserError("job add: the name is missing; usage: \(jobUsage[0])") }
            let operations = (invocation.option("labor") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
            for op in operations where try s.store.laborOperation(code: op) == nil {
                throw UserError("job \(code): no labour operation \(op) (labor list shows them)")
            }
            let parts = try (invocation.option("parts")).map(Job.parseParts) ?? []
            for item in parts where try s.store.part(number: item.partNumber) == nil { throw unknown(item.partNumber) }
            let equipment = (invocation.option("equipment") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !operations.isEmpty || !parts.isEmpty else { throw UserError("job \(code): give labor=… and/or parts=…") }
            let job = Job(code: code, name: name, operations: operations, parts: parts, equipment: equipment)
            try s.store.saveJob(job)
            let priced = try JobPricing.price(job, s)
            return .message(s.t("套餐 \(code) \(name)：\(priced.hours) 工时，估价 \(priced.total.grouped)", "job \(code) \(name): \(priced.hours) h, priced \(priced.total.grouped)"))
        case "list", "ls":
            let jobs = try s.store.jobs()
            var table = TextTable([s.t("代码", "Code"), s.t("名称", "Name"), s.t("工时", "Hours"), s.t("配件", "Parts"), s.t("设备", "Equipment"),
                                   s.t("估价", "Price")], rightAligned: [2, 5])
            for job in jobs {
                let priced = try JobPricing.price(job, s)
                table.add([job.code, job.name, priced.hours.description, job.parts.map { "\($0.partNumber)×\($0.quantity)" }.joined(separator: " "),
                           job.equipment.joined(separator: ","), priced.total.grouped])
            }
            return Output(text: jobs.isEmpty ? s.t("(暂无套餐)", "(no jobs yet)") : table.render(),
                          json: .object([("jobs", .array(try jobs.map { job in
                              .object([("code", .string(job.code)), ("name", .string(job.name)),
                                       ("price", .money(try JobPricing.price(job, s).total))])
                          }))]))
        case "show":
            let code = try invocation.required("the code", usage: jobUsage[2])
            guard let job = try s.store.job(code: code) else { throw UserError("no job \(code.uppercased()): job list shows them") }
            let lines = try JobPricing.lines(job, s)
            return Output(text: "\(job.code) \(job.name)\n" + OrderView.linesTable(lines, session: s),
                          json: .object([("code", .string(job.code)), ("lines", .array(lines.map(OrderView.lineJSON)))]))
        case let other:
            throw UserError("job \(other): unknown sub-command; usage: \(jobUsage.joined(separator: " | "))")
        }
    }
}

/// A canned job as the order lines it becomes, and its price at the shop's rate.
enum JobPricing {
    static func lines(_ job: Job, _ s: Session) throws -> [OrderLine] {
        var lines: [OrderLine] = []
        for code in job.operations {
            guard let op = try s.store.laborOperation(code: code) else { throw UserError("job \(job.code): no labour operation \(code)") }
            lines.append(.labor(number: lines.count + 1, description: op.name, hours: op.hours, rate: s.settings.laborRate, operationCode: op.code))
        }
        for item in job.parts {
            guard let part = try s.store.part(number: item.partNumber) else { throw PartsCommands.unknown(item.partNumber) }
            lines.append(.part(number: lines.count + 1, description: part.name, quantity: item.quantity, unitPrice: part.price,
                               partNumber: part.partNumber, brand: part.brand, partClass: part.partClass))
        }
        return lines
    }

    static func price(_ job: Job, _ s: Session) throws -> (hours: Hours, total: Money) {
        let lines = try lines(job, s)
        let hours = lines.compactMap(\.hours).reduce(0) { $0 + $1.hundredths }
        return (Hours(hundredths: hours), lines.reduce(Money.zero) { $0 + $1.amount })
    }
}
