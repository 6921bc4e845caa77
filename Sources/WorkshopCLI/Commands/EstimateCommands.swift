import WorkshopModel
import WorkshopStore

/// The estimate (报价/估价) and the customer's answer: sign or decline.
enum EstimateCommands {
    static let usage = [
        "estimate RO labor \"desc\"|OPCODE hours=H [rate=R]",
        "estimate RO part \"name\"|PARTNO qty=Q price=P [partno=… brand=… class=oem|equivalent|repaired|used|customer warranty=no]",
        "estimate RO fee \"desc\" amount=A",
        "estimate RO method=system|symptom|item",
        "estimate RO change LINE [desc=… hours=… rate=… qty=… price=… amount=… partno=… brand=… class=…]",
        "estimate RO remove LINE",
        "estimate RO",
    ]

    static let command = Command(
        name: "estimate", aliases: ["est", "quote", "报价"], group: .estimate,
        summary: "build the estimate: labour (hours × rate), parts (part no., brand, class), other charges",
        usage: usage,
        examples: ["estimate RO12 labor \"更换前刹车片\" hours=1.5", "estimate RO12 labor BRK-01",
                   "estimate RO12 part \"前刹车片\" qty=1 price=360 partno=BP-1234 brand=博世 class=equivalent",
                   "estimate RO12 part 06L115562 qty=1", "estimate RO12 fee \"外加工：刹车盘光盘\" amount=80",
                   "estimate RO12 method=system", "estimate RO12 remove 3"],
        access: .write, roles: [.advisor, .manager]
    ) { invocation, s in
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: usage.joined(separator: " | ")))
        guard let sub = invocation.next() else {
            if let methodText = invocation.option("method") {
                try OrderRules.ensureEstimateEditable(order.status, order: order.number)
                let method = try EstimateMethod.parse(methodText, field: "method")
                order.estimateMethod = method
                try s.store.saveOrder(order, action: .estimateMethod, detail: [("method", .string(method.code))])
                var text = s.t("\(order.number) 估价方式：\(method.chinese)", "\(order.number) estimate method: \(method.english)")
                if method == .symptom {
                    text += "\n  ! " + s.t("现象估价风险较大：定价时请考虑风险", "estimating by symptom is risky: price the risk in")
                }
                return .message(text)
            }
            return OrderView.render(try s.store.record(of: order), session: s)
        }
        switch sub.lowercased() {
        case "labor", "labour", "工时":
            try OrderRules.ensureEstimateEditable(order.status, order: order.number)
            return try confirm(try s.store.addLine(try coverage(try laborLine(&invocation, s), order, &invocation), to: order), order, s)
        case "part", "parts", "材料", "配件":
            try OrderRules.ensureEstimateEditable(order.status, order: order.number)
            return try confirm(try s.store.addLine(try coverage(try partLine(&invocation, s), order, &invocation), to: order), order, s)
        case "fee", "other", "其他":
            try OrderRules.ensureEstimateEditable(order.status, order: order.number)
            let description = invocation.rest().joined(separator: " ")
            guard !description.isEmpty else { throw UserError("estimate fee: the description is missing; usage: \(usage[2])") }
            let amount = try Money.parse(try invocation.requiredOption("amount", example: "amount=80"), field: "amount")
            guard amount.fen > 0 else { throw UserError("amount=\(amount.plain): a charge must be above zero") }
            return try confirm(try s.store.addLine(.fee(number: 0, description: description, amount: amount), to: order), order, s)
        case "remove", "rm", "delete":
            try OrderRules.ensureEstimateEditable(order.status, order: order.number)
            var line = try findLine(&invocation, order, s)
            line.status = .removed
            try s.store.saveLine(line, of: order, action: .lineRemove, detail: [("description", .string(line.description)),
                                                                                   ("amount", .string(line.amount.plain))])
            _ = try s.store.returnUnbilledParts(of: order)
            return try confirm(line, order, s, verb: s.t("已删除", "removed"))
        case "change", "edit", "set":
            try OrderRules.ensureEstimateEditable(order.status, order: order.number)
            var line = try findLine(&invocation, order, s)
            let detail = try change(&line, &invocation, s)
            try s.store.saveLine(line, of: order, action: .lineChange, detail: detail)
            return try confirm(line, order, s, verb: s.t("已修改", "changed"))
        default:
            throw UserError("estimate \(sub): unknown kind; write labor, part, fee, change, remove or method=…; usage: \(usage.joined(separator: " | "))")
        }
    }

    /// On a comeback, work is under warranty (free) unless `covered=no` says the customer pays for it.
    static func coverage(_ line: OrderLine, _ order: RepairOrder, _ invocation: inout LegacyInvocation) throws -> OrderLine {
        var line = line
        let covered = try invocation.option("covered").map { try YesNo.parse($0, field: "covered") }
        if covered == true && order.reworkOf == nil {
            throw UserError("covered=yes is for a warranty comeback (checkin … rework=RO cause=…); \(order.number) is not one")
        }
        line.covered = order.reworkOf != nil && (covered ?? true)
        return line
    }

    /// A labour line: from a standard operation code (its name and hours), or described with hours.
    static func laborLine(_ invocation: inout LegacyInvocation, _ s: Session) throws -> OrderLine {
        let words = invocation.rest()
        var description = words.joined(separator: " ")
        var hours = try invocation.option("hours").map { try Hours.parse($0) }
        var code = invocation.option("op")
        if code == nil, words.count == 1, let op = try s.store.laborOperation(code: words[0]) { code = op.code }
        if let codeText = code {
            guard let op = try s.store.laborOperation(code: codeText) else {
                throw UserError("no labour operation \(codeText): labor list shows the 工时定额")
            }
            code = op.code
            if words.count <= 1 || description.uppercased() == op.code { description = op.name }
            hours = hours ?? op.hours
        }
        guard !description.isEmpty else { throw UserError("estimate labor: describe the work or give an operation code; usage: \(usage[0])") }
        guard let hours else {
            if words.count == 1, code == nil, words[0].allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }) {
                throw UserError("no labour operation \(words[0]) (labor list shows the 工时定额); to describe the work instead, add hours=, e.g. hours=1.5")
            }
            throw UserError("estimate labor: hours= is missing, e.g. hours=1.5 (or use a code from labor list)")
        }
        let rate = try invocation.option("rate").map { try Money.parse($0, field: "rate") } ?? s.settings.laborRate
        guard rate.fen > 0 else { throw UserError("rate=\(rate.plain): the labour rate must be above zero") }
        return .labor(number: 0, description: description, hours: hours, rate: rate, operationCode: code)
    }

    /// A part line: from the price list by part number (its name, brand, class and price), or typed in full.
    static func partLine(_ invocation: inout LegacyInvocation, _ s: Session) throws -> OrderLine {
        let words = invocation.rest()
        var description = words.joined(separator: " ")
        var partNumber = invocation.option("partno")?.uppercased()
        var catalog: CatalogPart?
        if let partNumber { catalog = try s.store.part(number: partNumber) }
        if catalog == nil, words.count == 1, let found = try s.store.part(number: words[0]) {
            catalog = found
            partNumber = found.partNumber
            description = ""
        }
        if description.isEmpty, let catalog { description = catalog.name }
        guard !description.isEmpty else { throw UserError("estimate part: name the part or give a part number from parts list; usage: \(usage[1])") }
        let quantity = try Quantity.parse(try invocation.requiredOption("qty", example: "qty=1"))
        let partClass = try invocation.option("class").map { try PartClass.parse($0, field: "class") } ?? catalog?.partClass ?? .oem
        let price: Money
        if let priceText = invocation.option("price") {
            price = try Money.parse(priceText, field: "price")
        } else if partClass == .customer {
            price = .zero
        } else if let catalog {
            price = catalog.price
        } else {
            throw UserError("estimate part: price= is missing, e.g. price=360 (unit price in yuan)")
        }
        guard price.fen > 0 || partClass == .customer else {
            throw UserError("price=\(price.plain): a part's price must be above zero (only a customer-supplied part, class=customer, may be free)")
        }
        let insisted = try invocation.option("warranty").map { !(try YesNo.parse($0, field: "warranty")) } ?? false
        return .part(number: 0, description: description, quantity: quantity, unitPrice: price, partNumber: partNumber,
                     brand: invocation.option("brand") ?? catalog?.brand, partClass: partClass, insistedAftermarket: insisted)
    }

    static func findLine(_ invocation: inout LegacyInvocation, _ order: RepairOrder, _ s: Session) throws -> OrderLine {
        let text = try invocation.required("the line number", usage: "estimate \(order.number) remove|change LINE")
        let lines = try s.store.lines(orderID: order.id).filter { $0.status != .removed }
        guard let number = Int(text), let line = lines.first(where: { $0.number == number }) else {
            let numbers = lines.map { String($0.number) }.joined(separator: ", ")
            throw UserError("\(order.number) has no line \(text)" + (numbers.isEmpty ? "" : "; its lines are \(numbers)"))
        }
        return line
    }

    static func change(_ line: inout OrderLine, _ invocation: inout LegacyInvocation, _ s: Session) throws -> [(String, JSON)] {
        var detail: [(String, JSON)] = []
        if let text = invocation.option("desc") {
            guard !text.isEmpty else { throw UserError("desc= cannot be empty") }
            line.description = text
            detail.append(("description", .string(text)))
        }
        switch line.kind {
        case .labor:
            if let text = invocation.option("hours") { line.hours = try Hours.parse(text); detail.append(("hours", .string(text))) }
            if let text = invocation.option("rate") {
                let rate = try Money.parse(text, field: "rate")
                guard rate.fen > 0 else { throw UserError("rate=\(text): the labour rate must be above zero") }
                line.rate = rate
                detail.append(("rate", .string(rate.plain)))
            }
        case .part:
            if let text = invocation.option("qty") { line.quantity = try Quantity.parse(text); detail.append(("qty", .string(text))) }
            if let text = invocation.option("class") {
                line.partClass = try PartClass.parse(text, field: "class")
                line.noWarranty = line.partClass == .customer
                detail.append(("class", .string(line.partClass!.code)))
            }
            if let text = invocation.option("price") {
                let price = try Money.parse(text, field: "price")
                guard price.fen > 0 || line.partClass == .customer else { throw UserError("price=\(text): a part's price must be above zero") }
                line.unitPrice = price
                detail.append(("price", .string(price.plain)))
            }
            if let text = invocation.option("partno") { line.partNumber = text.isEmpty ? nil : text.uppercased(); detail.append(("partno", .string(text))) }
            if let text = invocation.option("brand") { line.brand = text.isEmpty ? nil : text; detail.append(("brand", .string(text))) }
            if let text = invocation.option("warranty") {
                let warranted = try YesNo.parse(text, field: "warranty")
                line.noWarranty = line.partClass == .customer || !warranted
                detail.append(("no_warranty", .bool(line.noWarranty)))
            }
        case .fee:
            if let text = invocation.option("amount") {
                let amount = try Money.parse(text, field: "amount")
                guard amount.fen > 0 else { throw UserError("amount=\(text): a charge must be above zero") }
                line.amount = amount
                detail.append(("amount", .string(amount.plain)))
            }
        }
        guard !detail.isEmpty else {
            throw UserError("estimate change: nothing to change for a \(line.kind.english) line; usage: \(usage[4])")
        }
        line.recomputeAmount()
        detail.append(("amount", .string(line.amount.plain)))
        return detail
    }

    /// "RO12 line 3: 前刹车片 1 × 360.00 = 360.00 · estimate 585.00"
    static func confirm(_ line: OrderLine, _ order: RepairOrder, _ s: Session, verb: String? = nil) throws -> Output {
        let lines = try s.store.lines(orderID: order.id)
        let totals = Totals(lines: lines.filter(\.isOffered), rate: s.settings.taxRate, pricesIncludeTax: s.settings.pricesIncludeTax)
        var amountText = line.amount.grouped
        switch line.kind {
        case .labor: amountText = "\(line.hours?.description ?? "") h × \(line.rate?.grouped ?? "") = \(amountText)"
        case .part: amountText = "\(line.quantity?.description ?? "") × \(line.unitPrice?.grouped ?? "") = \(amountText)"
        case .fee: break
        }
        var text = "\(order.number) \(s.t("第 \(line.number) 项", "line \(line.number)"))"
        if let verb { text += " \(verb)" }
        text += ": \(OrderView.itemText(line, s))  \(amountText)   \(s.t("报价合计", "estimate")) \(totals.taxed.gross.grouped)"
        if line.noWarranty && line.status != .removed {
            text += "\n  ! " + s.t("此项不享受本厂质量担保（将在维修单上注明）", "no workmanship warranty on this line (the order will say so)")
        }
        return Output(text: text, json: .object([("ok", .bool(true)), ("order", .string(order.number)),
                                                 ("line", OrderView.lineJSON(line)), ("totals", OrderView.totalsJSON(totals))]))
    }

    // MARK: Authorisation

    static let approveUsage = "approve RO signed=\"NAME\" [via=in-person|phone|wechat|sms] [decline=LINE,LINE]"
    static let approve = Command(
        name: "approve", aliases: ["sign", "签字"], group: .estimate,
        summary: "the customer signs the order (客户签字): work may start; lines named in decline= are declined",
        usage: [approveUsage],
        examples: ["approve RO12 signed=\"张伟\"", "approve RO12 signed=\"张伟\" via=phone decline=3"],
        access: .write, roles: [.advisor, .manager]
    ) { invocation, s in
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: approveUsage))
        let signer = try invocation.requiredOption("signed", example: "signed=\"张伟\" — the name of who signs")
        let via = try invocation.option("via").map { try Channel.parse($0, field: "via") } ?? .inPerson
        let lines = try s.store.lines(orderID: order.id)
        let pending = lines.filter { $0.status == .proposed }
        try OrderRules.ensureCanSign(order.status, order: order.number, pendingLines: pending.count, hasPromise: order.promisedAt != nil)
        var declinedNumbers: [Int] = []
        if let declineText = invocation.option("decline") {
            for part in declineText.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }) {
                guard let number = Int(part), pending.contains(where: { $0.number == number }) else {
                    throw UserError("decline=\(declineText): \(part) is not a line waiting for signature; those are \(pending.map { String($0.number) }.joined(separator: ", "))")
                }
                declinedNumbers.append(number)
            }
            guard declinedNumbers.count < pending.count else {
                throw UserError("decline=\(declineText) declines every line: if the customer declines the whole estimate, use decline \(order.number) [fee=…]")
            }
        }
        for number in declinedNumbers {
            var line = pending.first { $0.number == number }!
            line.status = .declined
            try s.store.saveLine(line, of: order, action: .lineDecline, detail: [("description", .string(line.description))])
        }
        try s.store.setLineStatus(of: order, from: .proposed, to: .approved)
        order.status = .signed
        order.signedBy = signer
        order.signedVia = via
        order.signedAt = s.now
        let approved = lines.filter { $0.status == .approved || ($0.status == .proposed && !declinedNumbers.contains($0.number)) }
        let totals = Totals(lines: approved, rate: s.settings.taxRate, pricesIncludeTax: s.settings.pricesIncludeTax)
        try s.store.saveOrder(order, action: .orderSign, detail: [
            ("signed_by", .string(signer)), ("via", .string(via.code)),
            ("approved_lines", .array(approved.map { .int($0.number) })), ("declined_lines", .array(declinedNumbers.map { .int($0) })),
            ("total", .string(totals.taxed.gross.plain)),
        ])
        var text = s.t("\(order.number) 已由 \(signer) 签字（\(via.chinese)）：\(approved.count) 项，合计 \(totals.taxed.gross.grouped)",
                       "\(order.number) signed by \(signer) (\(via.english)): \(approved.count) lines, total \(totals.taxed.gross.grouped)")
        // The signed order's catalogued parts come off the shelf now; what is short must be ordered.
        let short = try s.store.issueApprovedParts(of: order)
        if !short.isEmpty {
            text += "\n  ! " + s.t("缺货，请订货（到货后 parts issue \(order.number)）：", "short, order it (then parts issue \(order.number)): ")
                + short.map { "\($0.line.partNumber ?? "") \($0.line.description) ×\($0.short)" }.joined(separator: "; ")
        }
        if !declinedNumbers.isEmpty {
            text += s.t("；拒绝第 \(declinedNumbers.map(String.init).joined(separator: ", ")) 项（下次进厂时再建议）",
                        "; declined line \(declinedNumbers.map(String.init).joined(separator: ", ")) (offered again next visit)")
        }
        if order.category.requiresThreeInspections {
            text += "\n  " + s.t("\(order.category.chinese)：须做进厂、过程、竣工三级检验", "\(order.category.english): the three inspections are required")
        }
        return Output(text: text, json: .object([("ok", .bool(true)), ("order", .string(order.number)), ("status", .string("signed")),
                                                 ("signed_by", .string(signer)), ("via", .string(via.code)),
                                                 ("declined_lines", .array(declinedNumbers.map { .int($0) })),
                                                 ("totals", OrderView.totalsJSON(totals))]))
    }

    static let declineUsage = "decline RO [fee=AMOUNT] [reason=\"…\"]"
    static let decline = Command(
        name: "decline", aliases: ["拒修"], group: .estimate,
        summary: "the customer declines the estimate: the diagnostic fee (or fee=) is charged; the car leaves unrepaired",
        usage: [declineUsage],
        examples: ["decline RO12 fee=50 reason=\"价格太高\""],
        access: .write, roles: [.advisor, .manager]
    ) { invocation, s in
        var order = try s.store.resolveOrder(try invocation.required("the order", usage: declineUsage))
        try OrderRules.ensureCanDecline(order.status, order: order.number)
        let fee = try invocation.option("fee").map { try Money.parse($0, field: "fee") }
        let reason = invocation.option("reason")
        // The diagnostic fee already on the order is charged, unless fee= names the fee instead.
        for var line in try s.store.lines(orderID: order.id) where line.status == .proposed {
            line.status = line.isDiagnosticFee && fee == nil ? .approved : .declined
            try s.store.saveLine(line, of: order, action: line.status == .approved ? .lineCharge : .lineDecline,
                                 detail: [("description", .string(line.description)), ("amount", .string(line.amount.plain))])
        }
        if let fee, fee.fen > 0 {
            var line = OrderLine.fee(number: 0, description: s.t("检测估价费", "Diagnosis and estimate fee"), amount: fee)
            line.status = .approved
            _ = try s.store.addLine(line, to: order)
        }
        let charged = try s.store.lines(orderID: order.id).filter { $0.status == .approved }
        let totals = Totals(lines: charged, rate: s.settings.taxRate, pricesIncludeTax: s.settings.pricesIncludeTax)
        _ = try s.store.returnUnbilledParts(of: order)
        order.status = .declined
        order.closedAt = s.now
        try s.store.saveOrder(order, action: .orderDecline, detail: [("fee", .string(fee?.plain)), ("reason", .string(reason)),
                                                                       ("charged", .string(totals.taxed.gross.plain))])
        var text = s.t("\(order.number) 客户拒修", "\(order.number) declined by the customer")
        if totals.taxed.gross.fen > 0 {
            text += s.t("：应收检测估价费 \(totals.taxed.gross.grouped)", ": diagnosis/estimate fee due \(totals.taxed.gross.grouped)")
        }
        text += "\n  " + s.t("请交还钥匙和随车物品，出具出厂通知单", "return the key and belongings; issue the release note")
        return Output(text: text, json: .object([("ok", .bool(true)), ("order", .string(order.number)), ("status", .string("declined")),
                                                 ("charged", .money(totals.taxed.gross))]))
    }
}
