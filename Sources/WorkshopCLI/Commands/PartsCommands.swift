import WorkshopModel
import WorkshopStore

/// Parts stock: every movement (received, reserved, issued to an order line, returned, adjusted)
/// is recorded, and the on-hand figure is always the sum of the movements.
enum PartsCommands {
    static let floor: Set<Role> = [.manager, .advisor, .technician]

    static let partOptions: [OptionSpec] = [
        option("price", .price), option("brand", .text("品牌", "BRAND")), option("class", .choice(PartClass.self)),
        option("unit", .text("单位", "UNIT")), option("cost", .money), option("bin", .text("货位", "BIN")),
        option("reorder", .stockQuantity), option("stock", .stockQuantity),
    ]

    static let command = CommandSpec("parts", aliases: ["part", "配件"], group: .catalog,
        summary: Phrase("配件库存与价目：收货、盘点调整（须写原因）、订货、领料和退料",
                        "the parts stock and price list: receive, adjust with a reason, order, issue to and return from order lines"), forms: [
        Form([], access: .read, summary: Phrase("全部配件", "every part"), examples: ["parts"]) { _, s in
            table(try s.store.parts(matching: ""), s)
        },
        Form([word("add", "set"), arg("partno", .newPartNumber), textArg("name", .text("名称", "NAME"))], options: partOptions, access: .write, roles: [.manager],
             summary: Phrase("新增配件或修改其资料；stock= 为期初库存", "add a part or change its details; stock= is the opening stock"),
             examples: ["parts add 06L115562 \"机油滤清器\" price=68 brand=大众 class=oem stock=12 bin=A-03 reorder=4"]) { invocation, s in
            try add(invocation, name: invocation.need("name"), s)
        },
        Form([word("add", "set"), arg("partno", .newPartNumber)], options: partOptions, access: .write, roles: [.manager],
             summary: Phrase("修改已有配件的资料（名称不变）", "change a listed part's details, keeping its name"),
             examples: ["parts set 06L115562 price=72 bin=A-04"]) { invocation, s in
            try add(invocation, name: nil, s)
        },
        Form([word("show", "movements"), arg("partno", .part)], options: [ReportCommands.siteOption], access: .read,
             summary: Phrase("配件资料及本店最近的库存变动（连锁：经理可用 site=门店|all 看其他门店或全部门店）",
                             "the part and this site's latest stock movements (a chain's manager: site=SITE|all for another site's or every site's)"),
             examples: ["parts show 06L115562", "parts show 06L115562 site=all"]) { invocation, s in
            guard invocation.value("site") as String? != nil, try s.store.hasSites() else {
                return try show(try known(invocation.need("partno"), s), s)
            }
            let scope: ReportScope
            do {
                scope = try ReportCommands.scope(invocation, s)
            } catch SiteRefusal.otherSitesReportNeedsManager(let person, let site) {
                throw SiteRefusal.otherSitesShelfNeedsManager(person: person, site: site)
            }
            let number: String = invocation.need("partno")
            guard let part = try s.store.part(number: number, scope: scope) else { throw CatalogRefusal.unknownPart(partNumber: number.uppercased()) }
            return try show(part, scope: scope, s)
        },
        Form([word("list", "ls", "find")], access: .read, summary: Phrase("全部配件", "every part"), examples: ["parts list"]) { _, s in
            table(try s.store.parts(matching: ""), s)
        },
        Form([word("list", "ls", "find"), textArg("text", .text("配件号|名称|品牌", "PARTNO|NAME|BRAND"))], access: .read,
             summary: Phrase("按配件号、名称或品牌查找", "parts whose number, name or brand contains the text"),
             examples: ["parts list 刹车"]) { invocation, s in
            table(try s.store.parts(matching: invocation.need("text")), s)
        },
        Form([word("low")], access: .read, summary: Phrase("可用数量不高于补货线的配件", "parts at or below their reorder level"),
             examples: ["parts low"]) { _, s in
            table(try s.store.lowStock(), s, empty: s.t("没有低于补货线的配件", "nothing at or below its reorder level"))
        },
        Form([word("receive", "收货"), arg("partno", .part)],
             options: [required("qty", .quantity), option("cost", .money), option("ref", .text("单据号", "REF"))],
             access: .write, roles: [.manager],
             summary: Phrase("收货入库（ref= 送货单号）", "receive stock (ref= the delivery note)"),
             examples: ["parts receive 06L115562 qty=20 cost=41 ref=送货单0815"]) { invocation, s in
            try receive(invocation, s)
        },
        Form([word("adjust", "盘点"), arg("partno", .part)], options: [required("qty", .stockChange), required("reason", .text)],
             access: .write, roles: [.manager],
             summary: Phrase("按增减调整库存，须写原因", "change the stock up or down, saying why"),
             examples: ["parts adjust 06L115562 qty=-1 reason=\"包装破损\""]) { invocation, s in
            let part = try known(invocation.need("partno"), s)
            let change: Quantity = invocation.need("qty")
            return try adjust(part, by: change.thousandths, reason: invocation.need("reason"), s)
        },
        Form([word("adjust", "盘点"), arg("partno", .part)], options: [required("count", .stockQuantity), required("reason", .text)],
             access: .write, roles: [.manager],
             summary: Phrase("按盘点数量调整库存，须写原因", "set the stock to what was counted, saying why"),
             examples: ["parts adjust 06L115562 count=31 reason=\"月末盘点\""]) { invocation, s in
            let part = try known(invocation.need("partno"), s)
            let count: Quantity = invocation.need("count")
            return try adjust(part, by: count.thousandths - part.onHand.thousandths, reason: invocation.need("reason"), s)
        },
        Form([word("order", "订货"), arg("partno", .part)], options: [required("qty", .quantity), option("eta", .day)],
             access: .write, roles: [.manager],
             summary: Phrase("登记在途订货及预计到货日", "record stock on order and the day it is due"),
             examples: ["parts order 06L115562 qty=10 eta=2026-11-25"]) { invocation, s in
            let part = try known(invocation.need("partno"), s)
            let quantity: Quantity = invocation.need("qty")
            let eta = (invocation.value("eta") as Timestamp?).map(s.zone.formatDate)
            try s.store.setOnOrder(part.partNumber, quantity: Quantity(thousandths: part.onOrder.thousandths + quantity.thousandths),
                                   eta: eta ?? part.onOrderETA)
            return .message(s.t("\(part.partNumber) 已订货 \(quantity)" + (eta.map { "，预计 \($0) 到货" } ?? ""),
                                "\(part.partNumber) ordered \(quantity)" + (eta.map { ", due \($0)" } ?? "")))
        },
        Form([word("issue", "领料"), arg("order", .order)], access: .write, roles: floor,
             summary: Phrase("已签字维修单的确认项目领料（签字时缺货的部分）", "issue the parts of a signed order's approved lines not yet taken"),
             examples: ["parts issue RO12"]) { invocation, s in
            try issue(invocation, s)
        },
        Form([word("return", "退料"), arg("order", .order)], access: .write, roles: floor,
             summary: Phrase("不再计费的项目（拒绝或删除）所领配件退回库存", "return the parts of lines no longer billed (declined or removed)"),
             examples: ["parts return RO12"]) { invocation, s in
            let order = try s.store.resolveOrder(invocation.need("order"))
            let returned = try s.store.returnUnbilledParts(of: order)
            guard !returned.isEmpty else { throw CatalogRefusal.nothingToReturn(order: order.number) }
            return .message(s.t("\(order.number) 退料：", "\(order.number) returned: ")
                            + returned.map { "\($0.line.partNumber ?? "") ×\($0.quantity)" }.joined(separator: s.t("、", ", ")))
        },
    ])

    /// A part of the price list, or a refusal naming the number.
    static func known(_ number: String, _ s: Session) throws -> CatalogPart {
        guard let part = try s.store.part(number: number) else { throw CatalogRefusal.unknownPart(partNumber: number.uppercased()) }
        return part
    }

    static func add(_ invocation: Invocation, name given: String?, _ s: Session) throws -> Output {
        let number: String = invocation.need("partno")
        let existing = try s.store.part(number: number)
        guard let name = given ?? existing?.name else { throw CatalogRefusal.nameNeeded(partNumber: number) }
        guard let price = invocation.value("price") ?? existing?.price else { throw CatalogRefusal.priceNeeded(partNumber: number) }
        let partClass = invocation.choice("class", as: PartClass.self) ?? existing?.partClass ?? .oem
        guard partClass != .customer else { throw CatalogRefusal.customerPartNotStocked }
        let stock: Quantity? = invocation.value("stock")
        if let existing, stock != nil { throw CatalogRefusal.alreadyStocked(partNumber: number, onHand: existing.onHand) }
        var part = existing ?? CatalogPart(partNumber: number, name: name, brand: nil, partClass: partClass, price: price)
        part.name = name
        part.price = price
        part.partClass = partClass
        if let brand: String = invocation.value("brand") { part.brand = brand.isEmpty ? nil : brand }
        if let bin: String = invocation.value("bin") { part.bin = bin.isEmpty ? nil : bin }
        if let unit: String = invocation.value("unit") { part.unit = unit.isEmpty ? "件" : unit }
        if let cost: Money = invocation.value("cost") { part.cost = cost }
        if let reorder: Quantity = invocation.value("reorder") { part.reorderLevel = reorder }
        try s.store.savePart(part)
        if let stock, stock.thousandths > 0 {
            // The opening stock: an adjustment without a typed reason.
            try s.store.moveStock(number, .adjust, onHand: stock.thousandths)
        }
        return .message(s.t("配件 \(number) \(name) \(price.grouped)", "part \(number) \(name) \(price.grouped)")
                        + (stock.map { s.t("，库存 \($0)", ", \($0) in stock") } ?? ""))
    }

    /// `scope`: another site's shelf, or every site's with each movement's site named (`site=`);
    /// nil: the session's.
    static func show(_ part: CatalogPart, scope: ReportScope? = nil, _ s: Session) throws -> Output {
        let w = s.wording
        var fields = Fields()
        if let scope {
            fields.add(s.t("门店", "Site"), scope.site?.name ?? s.t("全部门店", "every site"))
        }
        fields.add(s.t("名称", "Name"), part.name)
        fields.add(s.t("品牌 / 类别", "Brand / class"), "\(part.brand ?? "—") / \(part.partClass.label(s.language))")
        fields.add(s.t("售价 / 成本", "Price / cost"), "\(part.price.grouped) / \(part.cost?.grouped ?? "—") " + s.t("每\(part.unit)", "per \(part.unit)"))
        fields.add(s.t("货位", "Bin"), part.bin)
        fields.add(s.t("在库 / 预留 / 可用", "On hand / reserved / available"), "\(part.onHand) / \(part.reserved) / \(part.available)")
        fields.add(s.t("补货线", "Reorder level"), "\(part.reorderLevel)" + (part.isLow ? s.t("（需补货）", " (reorder now)") : ""))
        if part.onOrder.thousandths > 0 {
            fields.add(s.t("在途", "On order"), "\(part.onOrder)" + (part.onOrderETA.map { s.t(" · 预计 \($0)", " · due \($0)") } ?? ""))
        }
        let movements = try s.store.movements(partNumber: part.partNumber, limit: 20, scope: scope)
        var bookings: [Int: Appointment] = [:]
        for id in Set(movements.compactMap(\.appointmentID)) { bookings[id] = try s.store.appointment(id: id) }
        // Every site's movements together: each named with the site whose shelf it moved.
        let everySite = scope == .everySite
        let siteNames = everySite ? Dictionary(uniqueKeysWithValues: try s.store.sites().map { ($0.id, $0.name) }) : [:]
        var table = TextTable([s.t("时间", "When"), s.t("类型", "Kind"), s.t("在库", "On hand"), s.t("预留", "Reserved"),
                               s.t("说明", "What"), s.t("人员", "By")] + (everySite ? [s.t("门店", "Site")] : []), rightAligned: [2, 3])
        table.maximumWidth = 50
        var notes: [String] = []
        for m in movements {
            let note = MovementNote.text(m, booking: m.appointmentID.flatMap { bookings[$0] }, w)
            notes.append(note)
            table.add([s.formatTime(m.at), MovementNote.kind(m.kind, w), signed(m.onHand), signed(m.reserved), note, m.by]
                      + (everySite ? [siteNames[m.siteID ?? Site.homeID] ?? ""] : []))
        }
        return Output(text: "\(part.partNumber)\n" + fields.render() + (movements.isEmpty ? "" : "\n\n" + table.render()),
                      json: .object([("part", json(part)), ("movements", .array(zip(movements, notes).map { m, note in
                          .object([("at", .string(m.at.iso8601)), ("kind", .string(m.kind.rawValue)),
                                   ("on_hand", .string(signed(m.onHand))), ("reserved", .string(signed(m.reserved))),
                                   ("order", .string(m.orderID.map(RepairOrder.number))), ("line", .int(m.line)),
                                   ("appointment", .string(m.appointmentID.map { "A\($0)" })), ("reason", .string(m.reason)),
                                   ("note", .string(note))] + (everySite ? [("site", .string(siteNames[m.siteID ?? Site.homeID]))] : []))
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

    static func receive(_ invocation: Invocation, _ s: Session) throws -> Output {
        var part = try known(invocation.need("partno"), s)
        let quantity: Quantity = invocation.need("qty")
        if let cost: Money = invocation.value("cost") {
            part.cost = cost
            try s.store.savePart(part)
        }
        try s.store.moveStock(part.partNumber, .receive, onHand: quantity.thousandths, reason: invocation.value("ref"))
        if part.onOrder.thousandths > 0 {
            try s.store.setOnOrder(part.partNumber, quantity: Quantity(thousandths: max(0, part.onOrder.thousandths - quantity.thousandths)),
                                   eta: part.onOrder.thousandths > quantity.thousandths ? part.onOrderETA : nil)
        }
        let after = try known(part.partNumber, s)
        return .message(s.t("\(after.partNumber) 收货 \(quantity)，在库 \(after.onHand)", "\(after.partNumber) received \(quantity); \(after.onHand) on hand"))
    }

    static func adjust(_ part: CatalogPart, by delta: Int, reason: String, _ s: Session) throws -> Output {
        guard delta != 0 else { throw CatalogRefusal.countMatches(partNumber: part.partNumber, onHand: part.onHand) }
        try s.store.moveStock(part.partNumber, .adjust, onHand: delta, reason: reason)
        let after = try known(part.partNumber, s)
        return .message(s.t("\(after.partNumber) 调整 \(signed(delta))（\(reason)），在库 \(after.onHand)",
                            "\(after.partNumber) adjusted \(signed(delta)) (\(reason)); \(after.onHand) on hand"))
    }

    static func issue(_ invocation: Invocation, _ s: Session) throws -> Output {
        let order = try s.store.resolveOrder(invocation.need("order"))
        try Gate.signed(order)
        let issue = try s.store.issueApprovedParts(of: order)
        // Say what came off the shelf now: a second `parts issue` issues nothing and must not
        // read as if it had.
        var text = issue.issued.isEmpty
            ? (issue.short.isEmpty ? s.t("\(order.number) 没有待领的配件：已确认项目的配件都已领出", "\(order.number) has no parts waiting: every approved line's parts are out")
                                   : s.t("\(order.number) 未领出任何配件", "\(order.number): nothing issued"))
            : s.t("\(order.number) 领料：", "\(order.number) issued: ")
                + issue.issued.map { "\($0.line.partNumber ?? "") \($0.line.description) ×\($0.quantity)" }.joined(separator: s.t("；", "; "))
        if !issue.short.isEmpty {
            text += "\n  ! " + s.t("缺货：", "short: ")
                + issue.short.map { "\($0.line.partNumber ?? "") \($0.line.description) ×\($0.short)" }.joined(separator: s.t("；", "; "))
        }
        return .message(text)
    }

    // MARK: Canned jobs

    static let job = CommandSpec("job", aliases: ["套餐"], group: .catalog,
        summary: Phrase("套餐（标准作业）：工时项目和配件及其价格、所需设备（用于预约）",
                        "canned jobs: labour operations and parts with their price and the equipment they need (for bookings)"), forms: [
        Form([], access: .read, summary: Phrase("全部套餐及估价", "every canned job and its price"), examples: ["job"]) { _, s in
            try listJobs(s)
        },
        Form([word("add", "set"), arg("code", .jobCode), textArg("name", .text("名称", "NAME"))],
             options: [option("labor", .laborCodes), option("parts", .partsList), option("equipment", .equipment)],
             access: .write, roles: [.manager],
             summary: Phrase("新增或修改套餐：工时代码、配件:数量、所需设备", "add or change a job: labour codes, PARTNO:QTY, the equipment it needs"),
             examples: ["job add J-BRAKE-F \"前刹车片更换套餐\" labor=BRK-01 parts=BP-1234:1 equipment=lift"]) { invocation, s in
            let code: String = invocation.need("code")
            let name: String = invocation.need("name")
            let operations = (invocation.value("labor") as String?)?.split(separator: ",").map(String.init) ?? []
            for op in operations where try s.store.laborOperation(code: op) == nil {
                throw CatalogRefusal.unknownLaborOperation(code: op, job: code)
            }
            let parts = try (invocation.value("parts") as String?).map(Job.parseParts) ?? []
            for item in parts where try s.store.part(number: item.partNumber) == nil {
                throw CatalogRefusal.unknownPart(partNumber: item.partNumber)
            }
            let equipment = (invocation.value("equipment") as String?)?.split(separator: ",").map(String.init) ?? []
            guard !operations.isEmpty || !parts.isEmpty else { throw CatalogRefusal.jobNeedsWork(code: code) }
            let job = Job(code: code, name: name, operations: operations, parts: parts, equipment: equipment)
            try s.store.saveJob(job)
            let priced = try JobPricing.price(job, s)
            return .message(s.t("套餐 \(code) \(name)：\(priced.hours) 工时，估价 \(priced.total.grouped)",
                                "job \(code) \(name): \(priced.hours) h, priced \(priced.total.grouped)"))
        },
        Form([word("list", "ls")], access: .read, summary: Phrase("全部套餐及估价", "every canned job and its price"),
             examples: ["job list"]) { _, s in
            try listJobs(s)
        },
        Form([word("show"), arg("code", .jobCode)], access: .read, summary: Phrase("套餐的项目明细", "a job's lines"),
             examples: ["job show J-BRAKE-F"]) { invocation, s in
            let code: String = invocation.need("code")
            guard let job = try s.store.job(code: code) else { throw CatalogRefusal.unknownJob(code: code) }
            let lines = try JobPricing.lines(job, s)
            var text = "\(job.code) \(job.name)\n" + OrderView.linesTable(lines, session: s)
            if !job.equipment.isEmpty { text += "\n  " + s.t("所需设备：", "equipment: ") + s.wording.equipment(job.equipment) }
            return Output(text: text, json: .object([("code", .string(job.code)), ("lines", .array(lines.map(OrderView.lineJSON))),
                                                     ("equipment", .array(job.equipment.map { .string($0) }))]))
        },
    ])

    static func listJobs(_ s: Session) throws -> Output {
        let jobs = try s.store.jobs()
        var table = TextTable([s.t("代码", "Code"), s.t("名称", "Name"), s.t("工时", "Hours"), s.t("配件", "Parts"), s.t("设备", "Equipment"),
                               s.t("估价", "Price")], rightAligned: [2, 5])
        let prices = try jobs.map { try JobPricing.price($0, s) }
        for (job, priced) in zip(jobs, prices) {
            table.add([job.code, job.name, priced.hours.description, job.parts.map { "\($0.partNumber)×\($0.quantity)" }.joined(separator: " "),
                       s.wording.equipment(job.equipment), priced.total.grouped])
        }
        return Output(text: jobs.isEmpty ? s.t("(暂无套餐)", "(no jobs yet)") : table.render(),
                      json: .object([("jobs", .array(zip(jobs, prices).map { job, priced in
                          .object([("code", .string(job.code)), ("name", .string(job.name)),
                                   ("price", .money(priced.total)),
                                   ("equipment", .array(job.equipment.map { .string($0) }))])
                      }))]))
    }
}

/// A canned job as the order lines it becomes, and its price at the shop's rate.
enum JobPricing {
    static func lines(_ job: Job, _ s: Session) throws -> [OrderLine] {
        var lines: [OrderLine] = []
        for code in job.operations {
            guard let op = try s.store.laborOperation(code: code) else { throw CatalogRefusal.unknownLaborOperation(code: code, job: job.code) }
            lines.append(.labor(number: lines.count + 1, description: op.name, hours: op.hours, rate: s.settings.laborRate, operationCode: op.code))
        }
        let parts = try s.store.parts(numbers: job.parts.map(\.partNumber))
        for item in job.parts {
            guard let part = parts[item.partNumber.uppercased()] else { throw CatalogRefusal.unknownPart(partNumber: item.partNumber) }
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
