import WorkshopModel
import WorkshopStore

/// The estimate (报价/估价) and the customer's answer: sign or decline.
enum EstimateCommands {
    static let all = [command, approve, decline]
    static let roles: Set<Role> = [.advisor, .manager]

    /// What a labour line takes: a description or a labour-operation code, hours, a rate.
    /// `unlisted=yes`: work described in words under a labour operation's name is other work than that operation.
    static let laborOptions = [option("hours", .hours), option("rate", .money), option("op", .text("工时代码", "OPCODE", completion: .laborCode)),
                               option("unlisted", .yesNo)]
    /// What `labor` and `part` lines name: a description, or a code Tab completes from the lists.
    static let laborWork = ValueType.text("说明|工时代码", "\"desc\"|OPCODE", completion: .laborCode)
    static let partNamed = ValueType.text("名称|配件号", "\"name\"|PARTNO", completion: .part)
    /// What a part line takes: a name or a part number from the price list, quantity, price, class.
    static let partOptions = [required("qty", .quantity), option("price", .money), option("partno", .part), option("brand", .text("品牌", "BRAND")),
                              option("class", .choice(PartClass.self)), option("warranty", .yesNo), option("unlisted", .yesNo)]
    /// On a comeback: yes (the default there), warranty work, free; no, other work the customer pays for.
    static let covered = option("covered", .yesNo)
    /// A manager's sign-off for a price below the list beyond the discount limit (a price concession).
    static let authorized = signer("authorized", roles: [.manager])

    static let command = CommandSpec("estimate", aliases: ["est", "quote", "报价"], group: .estimate,
        summary: Phrase("报价：工时（工时×单价）、配件（配件号、品牌、类别）、其他费用", "build the estimate: labour (hours × rate), parts (part no., brand, class), other charges"), forms: [
        Form([arg("order", .order)], access: .read, summary: Phrase("查看报价", "show the estimate"), examples: ["estimate RO12"]) { invocation, s in
            try OrderView.render(try s.record(invocation), session: s)
        },
        Form([arg("order", .order)], options: [required("method", .choice(EstimateMethod.self))], access: .write, roles: roles,
             summary: Phrase("估价方式：系统估价、现象估价、项目定价", "the estimate method: by system, by symptom, by item"),
             examples: ["estimate RO12 method=system"]) { invocation, s in
            let record = try s.record(invocation)
            let method: EstimateMethod = invocation.choice("method")!
            try s.store.apply(try record.setMethod(method))
            var text = s.t("\(record.order.number) 估价方式：\(method.chinese)", "\(record.order.number) estimate method: \(method.english)")
            if method == .symptom {
                text += "\n  ! " + s.t("现象估价风险较大：定价时请考虑风险", "estimating by symptom is risky: price the risk in")
            }
            return .message(text)
        },
        Form([arg("order", .order), word("labor", "labour", "工时"), textArg("work", laborWork)],
             options: laborOptions + [covered, authorized], access: .write, roles: roles,
             summary: Phrase("一项工时：工时代码（工时定额）或说明加 hours=；说明与工时定额中的项目同名的，用工时代码，确为另一项工作加 unlisted=yes",
                             "a labour line: an operation code (工时定额), or a description with hours=; a description that is an operation's name is entered by its code, or with unlisted=yes for other work"),
             examples: ["estimate RO12 labor \"更换前刹车片\" hours=1.5", "estimate RO12 labor BRK-01"]) { invocation, s in
            let record = try s.record(invocation)
            let line = try laborLine(invocation, s, terms: record.terms(current: s.terms))
            // The catalogue says which category the operation's work implies; a lower order is raised to it.
            let implies = try line.operationCode.flatMap { try s.store.laborOperation(code: $0)?.category }
            return try added(try record.addLine(line, covered: invocation.value("covered"), list: try listPrice(of: line, record, s),
                                                authorizedBy: s.authorizingManager(invocation), current: s.terms, implies: implies,
                                                named: try catalogueName(of: line, s), unlisted: invocation.value("unlisted") ?? false,
                                                member: try s.store.memberTier(for: record), priceTyped: priceTyped(invocation, "rate")), s)
        },
        Form([arg("order", .order), word("part", "parts", "材料", "配件"), textArg("part", partNamed)],
             options: partOptions + [covered, authorized], access: .write, roles: roles,
             summary: Phrase("一项配件：配件号（价目表）或名称加 price=；class=customer 为客户自带（不保修）；与价目表中配件号相近或配件同名的，须加 unlisted=yes 表明是价目表外的配件",
                             "a part line: a part number from the price list, or a name with price=; class=customer for customer-supplied (no warranty); a number near one on the list, or a listed part's name, needs unlisted=yes to say it is not on the list"),
             examples: ["estimate RO12 part \"前刹车片\" qty=1 price=360 partno=BP-1234 brand=博世 class=equivalent",
                        "estimate RO12 part 06L115562 qty=1", "estimate RO12 part \"机油\" qty=4.5 class=customer",
                        "estimate RO12 part BP-12345 qty=1 price=120 unlisted=yes"]) { invocation, s in
            let record = try s.record(invocation)
            let line = try partLine(invocation, s)
            return try added(try record.addLine(line, covered: invocation.value("covered"), list: try listPrice(of: line, record, s),
                                                authorizedBy: s.authorizingManager(invocation), current: s.terms,
                                                named: try catalogueName(of: line, s), unlisted: invocation.value("unlisted") ?? false,
                                                member: try s.store.memberTier(for: record), priceTyped: priceTyped(invocation, "price")), s)
        },
        Form([arg("order", .order), word("fee", "other", "其他"), textArg("description")], options: [required("amount", .money), covered],
             access: .write, roles: roles, summary: Phrase("其他费用：外加工、拖车、检测…", "another charge: sublet, towing, testing…"),
             examples: ["estimate RO12 fee \"外加工：刹车盘光盘\" amount=80"]) { invocation, s in
            let record = try s.record(invocation)
            return try added(try record.addLine(try feeLine(invocation), covered: invocation.value("covered")), s)
        },
        Form([arg("order", .order), word("change", "edit", "set", "修改"), arg("line", .line)], options: [
            option("desc", .text), option("hours", .hours), option("rate", .money), option("qty", .quantity), option("price", .money),
            option("amount", .money), option("partno", .part), option("brand", .text("品牌", "BRAND")), option("class", .choice(PartClass.self)),
            option("warranty", .yesNo), option("unlisted", .yesNo), covered, authorized,
        ], access: .write, roles: roles, summary: Phrase("修改一项；返修单上 covered=yes|no 标出保修（不收费）或收费项目",
                                                         "change a line; on a comeback, covered=yes|no marks it warranty work (free) or chargeable"),
        examples: ["estimate RO12 change 2 qty=2", "estimate RO12 change 1 hours=2", "estimate RO12 change 3 covered=no"]) { invocation, s in
            let record = try s.record(invocation)
            let edit = LineEdit(description: invocation.value("desc"), hours: invocation.value("hours"), rate: invocation.value("rate"),
                                quantity: invocation.value("qty"), unitPrice: invocation.value("price"), amount: invocation.value("amount"),
                                partNumber: invocation.value("partno"), brand: invocation.value("brand"), partClass: invocation.choice("class"),
                                warranted: invocation.value("warranty"), covered: invocation.value("covered"))
            let number: Int = invocation.need("line")
            let old = record.lines.first { $0.number == number }
            if let quantity = edit.quantity, let partNumber = edit.partNumber ?? old?.partNumber, let catalog = try s.store.part(number: partNumber) {
                try Gate.quantity(quantity, of: catalog.partNumber, unit: catalog.unit)
            }
            let list = try old.flatMap { try listPrice(of: $0, record, s) }
            // A new description is looked up like a new line's.
            let named = try edit.description.flatMap { description in try old.flatMap { try catalogueName(of: $0, s, description: description) } }
            return try confirm(try s.store.apply(try record.changeLine(number, edit, list: list, authorizedBy: s.authorizingManager(invocation),
                                                                       current: s.terms, named: named,
                                                                       unlisted: invocation.value("unlisted") ?? false,
                                                                       member: try s.store.memberTier(for: record))), s, verb: s.t("已修改", "changed"))
        },
        Form([arg("order", .order), word("remove", "rm", "delete", "删除"), arg("line", .line)], access: .write, roles: roles,
             summary: Phrase("删除一项（项号保留）", "remove a line (its number stays taken)"), examples: ["estimate RO12 remove 3"]) { invocation, s in
            let record = try s.record(invocation)
            let change = try s.store.apply(try record.removeLine(invocation.need("line")))
            _ = try s.store.returnUnbilledParts(of: change.order)
            return try confirm(change, s, verb: s.t("已删除", "removed"))
        },
    ])

    /// What the shop's lists say the line costs (`Gate.priceConcession`): a catalogued part's list
    /// price; for labour the order's hourly rate, and the operation's standard hours when it has one.
    /// Nil for a part not on the price list and for other charges.
    static func listPrice(of line: OrderLine, _ record: OrderRecord, _ s: Session) throws -> ListPrice? {
        switch line.kind {
        case .part:
            guard let number = line.partNumber, let catalog = try s.store.part(number: number) else { return nil }
            return .part(catalog.price)
        case .labor:
            let standard = try line.operationCode.flatMap { try s.store.laborOperation(code: $0) }?.hours
            return .labor(rate: record.terms(current: s.terms).laborRate, standardHours: standard)
        case .fee: return nil
        }
    }

    /// Whether the advisor typed the line's rate or price (`rate=`, `price=`): then it stays as typed,
    /// not put at the member price (the gate still judges it against the member's list).
    static func priceTyped(_ invocation: Invocation, _ key: String) -> Bool {
        (invocation.value(key) as Money?) != nil
    }

    /// The catalogue item a line typed in words carries the name of (`Gate.catalogueName`): for a part
    /// not priced from the list (no part number, or one the list does not have), a listed part of
    /// that name; for labour without an operation code, the operation of that name. Nil for a line
    /// of the catalogue and for other charges. One look-up in the name indexes.
    /// `description`: the line's new one, for a change.
    static func catalogueName(of line: OrderLine, _ s: Session, description: String? = nil) throws -> CatalogueName? {
        let name = description ?? line.description
        switch line.kind {
        case .part:
            if let number = line.partNumber, try s.store.part(number: number) != nil { return nil }
            return try s.store.catalogueName(name, kind: .part)
        case .labor:
            return line.operationCode == nil ? try s.store.catalogueName(name, kind: .labor) : nil
        case .fee: return nil
        }
    }


    /// A labour line: from a standard operation code (its name and hours), or described with hours.
    /// `terms`: the order's, so that an item added to a signed order is priced as it was signed.
    static func laborLine(_ invocation: Invocation, _ s: Session, terms: PricingTerms) throws -> OrderLine {
        let work: String = invocation.need("work")
        var description = work
        var hours: Hours? = invocation.value("hours")
        var code: String? = invocation.value("op")
        let oneWord = !work.contains(" ")
        if code == nil, oneWord, let op = try s.store.laborOperation(code: work) { code = op.code }
        if let codeText = code {
            guard let op = try s.store.laborOperation(code: codeText) else { throw OrderRefusal.unknownLaborOperation(code: codeText) }
            code = op.code
            if oneWord || description.uppercased() == op.code { description = op.name }
            hours = hours ?? op.hours
            if (invocation.value("unlisted") as Bool?) == true { throw CatalogRefusal.laborIsListed(code: op.code) }
        }
        guard let hours else {
            let looksLikeCode = oneWord && code == nil && work.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }
            throw OrderRefusal.laborNeedsHours(looksLikeCode: looksLikeCode ? work : nil)
        }
        let rate: Money = invocation.value("rate") ?? terms.laborRate
        guard rate.fen > 0 else { throw InputRefusal.mustBePositive(field: "rate", given: rate.plain) }
        return .labor(number: 0, description: description, hours: hours, rate: rate, operationCode: code)
    }

    /// A part line: from the price list by part number (its name, brand, class and price), or typed in full.
    static func partLine(_ invocation: Invocation, _ s: Session) throws -> OrderLine {
        let named: String = invocation.need("part")
        var description = named
        var partNumber = (invocation.value("partno") as String?)?.uppercased()
        var catalog: CatalogPart?
        if let partNumber { catalog = try s.store.part(number: partNumber) }
        if catalog == nil, !named.contains(" "), let found = try s.store.part(number: named) {
            catalog = found
            partNumber = found.partNumber
            description = found.name
        }
        // A part number not on the price list, near one that is, is taken for a slip unless the
        // advisor says the part is one the shop does not list.
        let unlisted: Bool = invocation.value("unlisted") ?? false
        if let catalog, unlisted { throw CatalogRefusal.partIsListed(partNumber: catalog.partNumber) }
        if catalog == nil, !unlisted, let typed = partNumber ?? (looksLikePartNumber(named) ? named : nil) {
            let near = try s.store.partNumbers(near: typed)
            if !near.isEmpty { throw CatalogRefusal.partNumberNotListed(given: typed.uppercased(), similar: near) }
        }
        // A part typed in without class= and not on the price list has no class stated: it is not
        // taken for 原厂 (the papers say 未注明).
        let partClass: PartClass? = invocation.choice("class") ?? catalog?.partClass
        let price: Money
        if let given: Money = invocation.value("price") {
            price = given
        } else if partClass == .customer {
            price = .zero
        } else if let catalog {
            price = catalog.price
        } else {
            throw OrderRefusal.partNeedsPrice
        }
        if let catalog { try Gate.quantity(invocation.need("qty"), of: catalog.partNumber, unit: catalog.unit) }
        guard price.fen > 0 || partClass == .customer else { throw OrderRefusal.partPriceZero(given: price) }
        guard partClass != .customer || price.fen == 0 else { throw OrderRefusal.customerPartPriced(given: price) }
        return .part(number: 0, description: description, quantity: invocation.need("qty"), unitPrice: price, partNumber: partNumber,
                     brand: invocation.value("brand") ?? catalog?.brand, partClass: partClass, warranted: invocation.value("warranty"))
    }

    /// One word of letters and digits (and - . _ /) with a digit in it: a part number, not a name.
    static func looksLikePartNumber(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 40 && text.contains(where: { $0.isASCII && $0.isNumber })
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._/".contains($0)) }
    }

    static func feeLine(_ invocation: Invocation) throws -> OrderLine {
        let amount: Money = invocation.need("amount")
        guard amount.fen > 0 else { throw InputRefusal.mustBePositive(field: "amount", given: amount.plain) }
        return .fee(number: 0, description: invocation.need("description"), amount: amount)
    }

    static func added(_ change: OrderChange, _ s: Session) throws -> Output {
        try confirm(try s.store.apply(change), s)
    }

    /// "RO12 line 3: 前刹车片 1 × 360.00 = 360.00 · estimate 585.00"
    static func confirm(_ change: OrderChange, _ s: Session, verb: String? = nil) throws -> Output {
        guard let line = (change.newLines + change.changedLines).first else { return .empty }
        let order = change.order
        let totals = try s.store.record(of: order).offeredTotals(current: s.terms)
        var amountText = line.amount.grouped
        switch line.kind {
        case .labor: amountText = "\(line.hours?.description ?? "") h × \(line.rate?.grouped ?? "") = \(amountText)"
        case .part: amountText = "\(line.quantity?.description ?? "") × \(line.unitPrice?.grouped ?? "") = \(amountText)"
        case .fee: break
        }
        var text = "\(order.number) \(s.t("第 \(line.number) 项", "line \(line.number)"))"
        if let verb { text += " \(verb)" }
        text += s.t("：", ": ") + "\(OrderView.itemText(line, s))  \(amountText)   \(s.t("报价合计", "estimate")) \(totals.taxed.gross.grouped)"
        if totals.warranty.fen > 0 { text += s.t("（另保修项目 \(totals.warranty.grouped) 不收费）", " (and warranty work \(totals.warranty.grouped), free)") }
        if line.isConcession { text += "\n  " + OrderView.concessionText(line, s) }
        if line.memberSaving != nil { text += "\n  " + OrderView.memberPriceText(line, s) }
        // The national repair record lists every part by its number: asked now, not at release.
        if line.kind == .part, line.partNumber == nil, line.status != .removed, try s.store.healthRecordAccount() != nil {
            text += "\n  ! " + s.t("汽车维修电子健康档案要求配件编码：请补上 partno=（estimate \(order.number) change \(line.number) partno=…），客户自带件也要",
                                    "the national repair record needs a part number for every part: add partno= (estimate \(order.number) change \(line.number) partno=…), a customer's own part too")
        }
        if line.status != .removed && change.order.reworkOf != nil {
            text += "\n  " + (line.covered
                ? s.t("保修项目，不收费（客户另要求的项目用 covered=no）", "warranty work, no charge (other work the customer asks for: covered=no)")
                : s.t("收费项目，须客户签字确认", "chargeable: the customer signs for it"))
        }
        if change.detail.contains(where: { $0.0 == "category_raised" }) {
            text += "\n  " + s.t("此项属\(order.category.chinese)：维修类别已改为\(order.category.chinese)（三级检验和质保期随之）",
                                 "this is \(order.category.english) work: the order's category is now \(order.category.english) (its inspections and warranty with it)")
        }
        if line.noWarranty && line.status != .removed {
            text += "\n  ! " + s.t("此项不享受本厂质量担保（将在维修单上注明）", "no workmanship warranty on this line (the order will say so)")
        }
        return Output(text: text, json: .object([("ok", .bool(true)), ("order", .string(order.number)),
                                                 ("line", OrderView.lineJSON(line)), ("totals", OrderView.totalsJSON(totals))]))
    }

    // MARK: Authorisation

    /// "3,4": line numbers, as `decline=` takes them.
    static let lineNumbers = ValueType(Phrase("项号,项号", "LINE,LINE")) { text, field, _ in
        for part in text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }) where Int(part) == nil {
            throw InputRefusal.notNumber(field: field, given: String(part), range: nil)
        }
        return .text(text)
    }

    static let approve = CommandSpec("approve", aliases: ["sign", "签字"], group: .estimate,
        summary: Phrase("客户签字确认维修单：可以开工；decline= 所列项目为客户拒绝", "the customer signs the order (客户签字): work may start; lines named in decline= are declined"), forms: [
        Form([arg("order", .order)], options: [required("signed", .name), option("via", .choice(Channel.self)), option("decline", lineNumbers)],
             access: .write, roles: roles, summary: Phrase("签字；定下此时的税率、价格条款", "signed; the pricing terms in force now are fixed on the order"),
             examples: ["approve RO12 signed=\"张伟\"", "approve RO12 signed=\"张伟\" via=phone decline=3"]) { invocation, s in
            let record = try s.record(invocation)
            let signer: String = invocation.need("signed")
            let via: Channel = invocation.choice("via") ?? .inPerson
            let declining = ((invocation.value("decline") as String?) ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }).compactMap { Int($0) }
            let change = try s.store.apply(try record.sign(signer: signer, via: via, declining: declining, takenBy: s.user, at: s.now, terms: s.terms,
                                                           catalogue: try s.store.laborCategories()))
            let order = change.order
            let signed = try s.store.record(of: order)
            let totals = signed.offeredTotals(current: s.terms)
            let approved = signed.lines.filter { $0.status == .approved }
            var text = s.t("\(order.number) 已由 \(signer) 签字（\(via.chinese)）：\(approved.count) 项，合计 \(totals.taxed.gross.grouped)",
                           "\(order.number) signed by \(signer) (\(via.english)): \(approved.count) lines, total \(totals.taxed.gross.grouped)")
            if totals.warranty.fen > 0 {
                text += s.t("；保修项目 \(totals.warranty.grouped) 不收费", "; warranty work \(totals.warranty.grouped), no charge")
            }
            // The signed order's catalogued parts come off the shelf now; what is short must be ordered.
            let short = try s.store.issueApprovedParts(of: order).short
            if !short.isEmpty {
                text += "\n  ! " + s.t("缺货，请订货（到货后 parts issue \(order.number)）：", "short, order it (then parts issue \(order.number)): ")
                    + short.map { "\($0.line.partNumber ?? "") \($0.line.description) ×\($0.short)" }.joined(separator: "; ")
            }
            if !declining.isEmpty {
                text += s.t("；拒绝第 \(declining.map(String.init).joined(separator: ", ")) 项（下次进厂时再建议）",
                            "; declined line \(declining.map(String.init).joined(separator: ", ")) (offered again next visit)")
            }
            if order.category.requiresThreeInspections {
                text += "\n  " + s.t("\(order.category.chinese)：须做进厂、过程、竣工三级检验", "\(order.category.english): the three inspections are required")
            }
            return Output(text: text, json: .object([("ok", .bool(true)), ("order", .string(order.number)), ("status", .string("signed")),
                                                     ("signed_by", .string(signer)), ("via", .string(via.code)),
                                                     ("declined_lines", .array(declining.map { .int($0) })),
                                                     ("totals", OrderView.totalsJSON(totals))]))
        },
    ])

    static let decline = CommandSpec("decline", aliases: ["拒修"], group: .estimate,
        summary: Phrase("客户不修：收估价单上的检测估价费，车辆不修离厂", "the customer declines the estimate: the diagnosis fee on the estimate is charged; the car leaves unrepaired"), forms: [
        Form([arg("order", .order)], options: [option("fee", .money), option("reason", .text), authorized], access: .write, roles: roles,
             summary: Phrase("拒修（可记原因）；收费以估价单上的检测估价费为准，fee= 减免须经理批准（authorized=经理），不能高于它",
                             "declined (with the reason); the fee is the one on the estimate: fee= lowers it with a manager (authorized=MANAGER), never raises it"),
             examples: ["decline RO12 reason=\"价格太高\"", "decline RO12 fee=0 authorized=钱主管 reason=\"老客户免收检测费\""]) { invocation, s in
            let record = try s.record(invocation)
            let change = try s.store.apply(try record.decline(fee: invocation.value("fee"), feeDescription: s.t("检测估价费", "Diagnosis and estimate fee"),
                                                              reason: invocation.value("reason"), authorizedBy: try s.authorizingManager(invocation),
                                                              at: s.now, terms: s.terms))
            _ = try s.store.returnUnbilledParts(of: change.order)
            let charged = try s.store.record(of: change.order).settlement(payments: [], current: s.terms).total
            var text = s.t("\(record.order.number) 客户拒修", "\(record.order.number) declined by the customer")
            if charged.fen > 0 {
                text += s.t("：应收检测估价费 \(charged.grouped)", ": diagnosis/estimate fee due \(charged.grouped)")
            }
            text += "\n  " + s.t("请交还钥匙和随车物品，出具出厂通知单", "return the key and belongings; issue the release note")
            return Output(text: text, json: .object([("ok", .bool(true)), ("order", .string(record.order.number)), ("status", .string("declined")),
                                                     ("charged", .money(charged))]))
        },
    ])
}
