import WorkshopModel
import WorkshopStore

enum OrderView {
    static func render(_ record: OrderRecord, session s: Session) throws -> Output {
        let o = record.order, v = record.vehicle, c = record.customer
        var text = "\(o.number)  \(v.plate)  \(o.status.label(s.language))\n"
        var fields = Fields()
        let voiding = o.status == .void ? try s.store.voiding(orderID: o.id) : nil
        if let voiding {
            fields.add(s.t("作废", "Voided"), "\(voiding.reason) · \(voiding.by) · \(s.formatTime(voiding.at))")
        }
        let held = try record.heldUntilRelease(payments: s.store.payments(orderID: o.id), current: s.terms)
        if let held { fields.add(s.t("待交车", "Before release"), OrderCommands.heldText(held, s)) }
        fields.add(s.t("车辆", "Vehicle"), vehicleLine(v, s))
        fields.add(s.t("车主", "Owner"), "\(c.reference) \(c.name) \(c.phone)" + (c.company.map { " · \($0)" } ?? ""))
        if let payer = record.billedTo {
            fields.add(s.t("付款方", "Billed to"), "\(payer.reference) \(payer.name) \(payer.phone)" + (payer.company.map { " · \($0)" } ?? ""))
        }
        if let by = o.droppedBy { fields.add(s.t("送修人", "Dropped off by"), by + (o.droppedPhone.map { " \($0)" } ?? "")) }
        fields.add(s.t("进厂", "Checked in"), "\(s.formatTime(o.checkedInAt)) · \(o.odometerIn) km · \(gaugeText(o, s)) · \(o.advisor)")
        if let site = try s.store.siteOfOrder(o.id) { fields.add(s.t("门店", "Site"), site.name) }
        fields.add(s.t("维修类别", "Category"), o.category.label(s.language) + " · " + s.t("付费方", "payer") + " " + o.payer.label(s.language))
        fields.add(s.t("故障描述", "Complaint"), o.complaint)
        fields.add(s.t("诊断", "Findings"), o.findings)
        for finding in record.laterFindings {
            fields.add(s.t("追加发现", "Later finding"), "\(finding.text)（\(finding.by) \(s.formatTime(finding.at))）")
        }
        fields.add(s.t("交车时间", "Promised"), o.promisedAt.map(s.zone.format))
        fields.add(s.t("钥匙编号", "Key tag"), o.keyTag)
        if !record.damage.isEmpty {
            fields.add(s.t("外观损伤", "Damage"), record.damage.enumerated().map { index, note in
                let late = note.isAfterSigning(record.order)
                    ? s.t("（签字后 \(note.notedBy) \(s.formatTime(note.notedAt)) 记）", " (noted after signing by \(note.notedBy), \(s.formatTime(note.notedAt)))") : ""
                return "\(index + 1)) \(note.note)\(late)"
            }.joined(separator: "  "))
        }
        if !record.belongings.isEmpty {
            fields.add(s.t("随车物品", "Belongings"), record.belongings.map { b in
                (b.count == 1 ? b.name : "\(b.name)×\(b.count)") + (b.returnedAt != nil ? " ✓" : b.back > 0 ? " (\(b.back)/\(b.count))" : "")
                    + (b.missingRecord.map { s.t("（未找到：\($0.reason)，\($0.by)）", " (missing: \($0.reason), \($0.by))") } ?? "")
            }.joined(separator: s.t("、", ", ")))
        }
        if !record.documents.isEmpty {
            fields.add(s.t("随车证件", "Documents"), record.documents.map { d in
                d.name + (d.validUntil.map { s.t("（至 \($0)）", " (until \($0))") } ?? "")
            }.joined(separator: s.t("、", ", ")))
        }
        fields.add(s.t("估价方式", "Estimate method"), o.estimateMethod?.label(s.language))
        if let signedBy = o.signedBy {
            // An approval by phone (WeChat, SMS) says who took it.
            let remote = o.signedVia.map { $0 != .inPerson } ?? false
            let taker = remote ? o.signTakenBy.map { " · " + s.t("记录 \($0)", "taken by \($0)") } ?? "" : ""
            fields.add(s.t("客户签字", "Signed by"), "\(signedBy) · \(o.signedVia?.label(s.language) ?? "") · \(s.formatTime(o.signedAt))" + taker)
        }
        if let original = o.reworkOf {
            fields.add(s.t("返修", "Comeback of"), RepairOrder.number(original) + (o.reworkLine.map { "/\($0)" } ?? "") + " · " + (o.reworkCause ?? ""))
        }
        if let released = o.releasedAt {
            fields.add(s.t("交车", "Released"), "\(o.releaseSigned ?? "") · \(s.formatTime(released)) · \(o.releaseOdometer.map { "\($0) km" } ?? "")"
                       + (o.oldParts.map { " · " + $0.label(s.language) } ?? ""))
        }
        if let number = o.settlementNumber { fields.add(s.t("结算清单编号", "Settlement list No."), number) }
        if let receiver = o.handoverBy {
            fields.add(s.t("车间接车", "Workshop received"), "\(receiver) · \(s.formatTime(o.handoverAt))")
        }
        if !record.assignments.isEmpty {
            fields.add(s.t("派工", "Dispatched"), record.assignments.map { a in
                [a.group, a.technician, a.bay].compactMap { $0 }.joined(separator: "/") + " " + s.formatTime(a.at)
            }.joined(separator: "; "))
        }
        if let stay = record.bayStay {
            fields.add(s.t("工位", "In bay"), "\(stay.bay) · " + s.t("\(s.formatTime(stay.since)) 起", "since \(s.formatTime(stay.since))"))
        }
        for inspection in record.inspections {
            var line = "\(inspection.result.label(s.language)) · \(inspection.inspector) · \(s.formatTime(inspection.at))"
            let failed = inspection.items.filter { $0.result == .fail }.map(\.name)
            if !failed.isEmpty { line += " · " + s.t("不合格：", "failed: ") + failed.joined(separator: s.t("、", ", ")) }
            let unchecked = inspection.items.filter { $0.result == .notChecked }.map(\.name)
            if !unchecked.isEmpty { line += " · " + s.t("未检：", "not checked: ") + unchecked.joined(separator: s.t("、", ", ")) }
            let readings = inspection.items.compactMap { item in item.readingText.map { "\(item.name) \($0)" } }
            if !readings.isEmpty { line += " · " + s.t("测得：", "measured: ") + readings.joined(separator: s.t("、", ", ")) }
            if let note = inspection.note { line += " · \(note)" }
            if let certificate = inspection.certificate { line += " · " + s.t("合格证 ", "certificate ") + certificate }
            fields.add(inspection.stage.label(s.language), line)
        }
        for supplement in record.supplements {
            let answer = supplement.answer.map {
                "\($0.label(s.language)) · \(supplement.answeredBy ?? "") · \(supplement.via?.label(s.language) ?? "") · \(s.formatTime(supplement.answeredAt))"
            } ?? s.t("待客户答复", "awaiting the customer's answer")
            fields.add(s.t("追加项目 \(supplement.line)", "Added item \(supplement.line)"), "\(supplement.reason) → \(answer)")
        }
        text += fields.render()
        let lines = record.visibleLines
        if lines.isEmpty {
            text += "\n  " + s.t("(尚无报价项目)", "(no estimate lines yet)")
        } else {
            text += "\n\n" + linesTable(lines, session: s)
            text += "\n" + totalsText(record.offeredTotals(current: s.terms), terms: record.terms(current: s.terms), session: s)
            for savings in record.memberSavings(tiers: try s.store.memberTiers()) { text += "\n  " + memberSavingsText(savings, s) }
            let awaiting = record.awaitingAnswerTotals(current: s.terms)
            if !record.addedWorkAwaitingAnswer.isEmpty {
                text += "\n  " + s.t("追加项目待客户答复 \(awaiting.taxed.gross.grouped)（第 \(record.addedWorkAwaitingAnswer.map { String($0.number) }.joined(separator: ", ")) 项，未计入合计）",
                                     "added work awaiting the customer's answer \(awaiting.taxed.gross.grouped) (line \(record.addedWorkAwaitingAnswer.map { String($0.number) }.joined(separator: ", ")), not in the total)")
            }
            if record.hasNoWarrantyLines {
                text += "\n  " + s.t("* 客户自带配件及客户坚持使用的副厂件，本厂不作质量担保。",
                                     "* Customer-supplied parts, and aftermarket parts the customer insisted on, carry no workmanship warranty.")
            }
        }
        return Output(text: text, json: json(record, session: s, voiding: voiding, held: held))
    }

    static func vehicleLine(_ v: Vehicle, _ s: Session) -> String {
        var parts: [String] = []
        if !v.description.isEmpty { parts.append(v.description) }
        if let type = v.vehicleType { parts.append(type) }
        if let color = v.color { parts.append(color) }
        if let vin = v.vin { parts.append("VIN \(vin)") }
        parts.append(s.t("\(v.plateColor.chinese)牌", "\(v.plateColor.rawValue) plate"))
        if v.isForeign { parts.append(s.t("境外车牌", "foreign plate")) }
        return parts.joined(separator: " · ")
    }

    static func linesTable(_ lines: [OrderLine], session s: Session) -> String {
        var table = TextTable(["#", s.t("类别", "Kind"), s.t("项目", "Item"), s.t("数量", "Qty"), s.t("单价", "Price"),
                               s.t("金额", "Amount"), s.t("状态", "Status")], rightAligned: [0, 3, 4, 5])
        for line in lines {
            let member = line.memberSaving != nil ? s.t(" · 会员价", " · member price") : ""
            table.add(["\(line.number)", line.kind.label(s.language), itemText(line, s) + markText(line, s),
                       quantityText(line), priceText(line), amountText(line, s),
                       line.status.label(s.language) + (line.noWarranty ? " *" : "") + member])
        }
        return table.render() + concessionNotes(lines, s)
    }

    /// What marks a line that is not charged: warranty work, or the member's count card covering it.
    static func markText(_ line: OrderLine, _ s: Session) -> String {
        if line.covered { return s.t(" [保修]", " [warranty]") }
        return line.cardID.map { s.t(" [次卡 \(MemberCard.number($0))]", " [card \(MemberCard.number($0))]") } ?? ""
    }

    /// Under the lines: each line a count card covers, with the card and the uses of its job left.
    static func coverNotes(_ lines: [OrderLine], _ cards: OrderCardNotes, _ s: Session) -> String {
        lines.compactMap { line in
            cards.coverText(line, chinese: s.language == .zh).map { "\n  " + s.t("第 \(line.number) 项：", "line \(line.number): ") + $0 }
        }.joined()
    }

    /// A line's amount: what it is charged, or why nothing is.
    static func amountText(_ line: OrderLine, _ s: Session) -> String {
        if line.covered { return s.t("保修 0.00", "0.00 (warranty)") }
        if line.cardID != nil { return s.t("次卡 0.00", "0.00 (card)") }
        return line.amount.grouped
    }

    static func itemText(_ line: OrderLine, _ s: Session) -> String {
        var extra: [String] = []
        if let partNo = line.partNumber { extra.append(partNo) }
        if let brand = line.brand { extra.append(brand) }
        if let partClass = line.partClass { extra.append(partClass.label(s.language)) }
        if let code = line.operationCode, !line.isDiagnosticFee { extra.append(code) }
        return extra.isEmpty ? line.description : "\(line.description) (\(extra.joined(separator: " ")))"
    }

    /// A line below its list price on a manager's authorisation (让价) says so, with the list value.
    static func concessionText(_ line: OrderLine, _ s: Session) -> String {
        guard let list = line.listAmount else { return "" }
        let by = line.concessionBy ?? ""
        return s.t("低于标价：标价 \(list.grouped)，\(by) 批准让价", "below list: list \(list.grouped), concession authorised by \(by)")
    }

    /// A line at the member price: its tier and the regular price beside it.
    /// "会员价（金卡）：原价 120.00，优惠 18.00"
    static func memberPriceText(_ line: OrderLine, _ s: Session) -> String {
        guard let tier = line.memberTier, let regular = line.regularPrice, let saving = line.memberSaving else { return "" }
        return s.t("会员价（\(tier)）：原价 \(regular.grouped)，优惠 \(saving.grouped)",
                   "member price (\(tier)): regular \(regular.grouped), saving \(saving.grouped)")
    }

    /// "会员优惠 金卡：工时 9 折，配件 95 折，共优惠 40.25" — the tier's discounts only while they still
    /// give the lines' prices (the saving is always the lines' own).
    static func memberSavingsText(_ savings: MemberSavings, _ s: Session) -> String {
        let rates = savings.pricedAt.map { s.t("：", ": ") + MemberCommands.discountText($0, s) } ?? ""
        return s.t("会员优惠 \(savings.tier)\(rates)，共优惠 \(savings.total.grouped)",
                   "member prices, \(savings.tier)\(rates); saving \(savings.total.grouped) in all")
    }

    /// Under a table of lines: each line priced below its list on a manager's authorisation, numbered
    /// (the item column may be cut short).
    static func concessionNotes(_ lines: [OrderLine], _ s: Session) -> String {
        lines.filter { $0.isConcession && $0.status != .removed }
            .map { "\n  " + s.t("第 \($0.number) 项", "line \($0.number)") + s.t("：", ": ") + concessionText($0, s) }.joined()
    }

    static func quantityText(_ line: OrderLine) -> String {
        switch line.kind {
        case .labor: return line.hours.map { "\($0) h" } ?? ""
        case .part: return line.quantity?.description ?? ""
        case .fee: return ""
        }
    }

    static func priceText(_ line: OrderLine) -> String {
        switch line.kind {
        case .labor: return line.rate?.grouped ?? ""
        case .part: return line.unitPrice?.grouped ?? ""
        case .fee: return ""
        }
    }

    static func totalsText(_ totals: Totals, terms: PricingTerms, session s: Session) -> String {
        var text = "  \(s.t("工时费", "Labour")) \(totals.labor.grouped)   \(s.t("材料费", "Parts")) \(totals.parts.grouped)   \(s.t("其他费用", "Other")) \(totals.other.grouped)"
        if totals.warranty.fen > 0 { text += "   \(s.t("保修项目（不收费）", "Warranty work (no charge)")) \(totals.warranty.grouped)" }
        if totals.byCards.fen > 0 { text += "   \(s.t("次卡抵扣（不收费）", "Covered by count cards (no charge)")) \(totals.byCards.grouped)" }
        text += "\n"
        let rate = terms.taxRate.description
        if terms.pricesIncludeTax {
            text += "  \(s.t("合计", "Total")) \(s.settings.currency) \(totals.taxed.gross.grouped)   (\(s.t("含增值税", "incl. VAT")) \(rate): \(totals.taxed.tax.grouped))"
        } else {
            text += "  \(s.t("小计", "Subtotal")) \(totals.taxed.net.grouped)   \(s.t("增值税", "VAT")) \(rate): \(totals.taxed.tax.grouped)   \(s.t("合计", "Total")) \(s.settings.currency) \(totals.taxed.gross.grouped)"
        }
        return text
    }

    static func lineJSON(_ line: OrderLine) -> JSON {
        // A price concession adds its list value and who authorised it; other lines are as they were.
        var concession: [(String, JSON)] = line.isConcession ? [("list_amount", JSON.money(line.listAmount!)), ("concession_by", .string(line.concessionBy))] : []
        if let tier = line.memberTier, let regular = line.regularPrice {
            concession += [("member_tier", .string(tier)), ("regular_price", .money(regular))]
        }
        return .object([
            ("number", .int(line.number)), ("kind", .string(line.kind.code)), ("description", .string(line.description)),
            ("hours", .string(line.hours?.description)), ("rate", line.rate.map(JSON.money) ?? .null),
            ("qty", .string(line.quantity?.description)), ("unit_price", line.unitPrice.map(JSON.money) ?? .null),
            ("amount", .money(line.amount)), ("partno", .string(line.partNumber)), ("brand", .string(line.brand)),
            ("class", .string(line.partClass?.code)), ("op", .string(line.operationCode)),
            ("no_warranty", .bool(line.noWarranty)), ("covered", .bool(line.covered)), ("status", .string(line.status.code)),
        ] + concession + (line.cardID.map { [("card", JSON.string(MemberCard.number($0)))] } ?? []))
    }

    static func inspectionJSON(_ i: Inspection) -> JSON {
        let fields: [(String, JSON)] = [
            ("stage", .string(i.stage.code)), ("result", .string(i.result.code)), ("inspector", .string(i.inspector)),
            ("at", .string(i.at.iso8601)), ("note", .string(i.note)), ("certificate", .string(i.certificate)),
            ("failed_items", .array(i.items.filter { $0.result == .fail }.map { .string($0.code) })),
            ("unchecked_items", .array(i.items.filter { $0.result == .notChecked }.map { .string($0.code) })),
        ]
        return .object(fields + readingsJSON(i))
    }

    /// The values an inspection measured, by item, with the unit and limits judged against: only
    /// when it measured something.
    static func readingsJSON(_ inspection: Inspection) -> [(String, JSON)] {
        let measured = inspection.items.compactMap { item -> JSON? in
            guard let q = item.quantity else { return nil }
            return .object([("item", .string(item.code)), ("value", .string(item.value?.description)), ("unit", .string(q.unit)),
                            ("min", .string(q.minimum?.description)), ("max", .string(q.maximum?.description)),
                            ("result", .string(item.result.code))])
        }
        return measured.isEmpty ? [] : [("readings", .array(measured))]
    }

    static func totalsJSON(_ totals: Totals) -> JSON {
        .object([("labor", .money(totals.labor)), ("parts", .money(totals.parts)), ("other", .money(totals.other)),
                 ("warranty", .money(totals.warranty))] + (totals.byCards.fen > 0 ? [("by_cards", JSON.money(totals.byCards))] : []) + [
                 ("net", .money(totals.taxed.net)), ("tax", .money(totals.taxed.tax)), ("total", .money(totals.taxed.gross))])
    }

    static func json(_ record: OrderRecord, session s: Session, voiding: (reason: String, by: String, at: Timestamp)? = nil,
                     held: HeldUntilRelease? = nil) -> JSON {
        let o = record.order
        let bay: JSON = record.bayStay.map { JSON.object([("name", .string($0.bay)), ("since", .string($0.since.iso8601))]) } ?? .null
        return .object([
            ("order", .string(o.number)), ("status", .string(o.status.code)),
            ("plate", .string(record.vehicle.plate.value)), ("vin", .string(record.vehicle.vin)),
            ("customer", .object([("id", .string(record.customer.reference)), ("name", .string(record.customer.name)),
                                  ("phone", .string(record.customer.phone))])),
            ("checked_in_at", .string(o.checkedInAt.iso8601)), ("advisor", .string(o.advisor)),
            ("odometer", .int(o.odometerIn)), ("fuel", .string(o.fuel?.code)), ("complaint", .string(o.complaint)),
            ("dropped_by", .string(o.droppedBy)), ("dropped_phone", .string(o.droppedPhone)),
            ("category", .string(o.category.code)), ("payer", .string(o.payer.code)), ("findings", .string(o.findings)),
            ("later_findings", .array(record.laterFindings.map { .object([("text", .string($0.text)), ("by", .string($0.by)), ("at", .string($0.at.iso8601))]) })),
            ("estimate_method", .string(o.estimateMethod?.code)), ("promised_at", .string(o.promisedAt?.iso8601)),
            ("key_tag", .string(o.keyTag)), ("signed_by", .string(o.signedBy)), ("signed_via", .string(o.signedVia?.code)),
            ("signed_at", .string(o.signedAt?.iso8601)),
            ("handover", .object([("receiver", .string(o.handoverBy)), ("at", .string(o.handoverAt?.iso8601))])),
            ("assignments", .array(record.assignments.map {
                .object([("group", .string($0.group)), ("tech", .string($0.technician)), ("bay", .string($0.bay)),
                         ("at", .string($0.at.iso8601))])
            })),
            ("bay", bay),
            ("inspections", .array(record.inspections.map(inspectionJSON))),
            ("supplements", .array(record.supplements.map(SupplementCommands.json))),
            ("damage", .array(record.damage.map { .string($0.note) })),
            ("belongings", .array(record.belongings.map {
                .object([("item", .string($0.name)), ("count", .int($0.count)), ("returned", .bool($0.returnedAt != nil))]
                        + ($0.back > 0 && $0.returnedAt == nil ? [("back", JSON.int($0.back))] : []))
            })),
            ("documents", .array(record.documents.map {
                .object([("name", .string($0.name)), ("valid_until", .string($0.validUntil))])
            })),
            ("lines", .array(record.visibleLines.map(lineJSON))),
            ("totals", totalsJSON(record.offeredTotals(current: s.terms))),
            ("awaiting_answer", totalsJSON(record.awaitingAnswerTotals(current: s.terms))),
            ("no_warranty_notice", .bool(record.hasNoWarrantyLines)),
            ("rework", o.reworkOf.map { .object([("of", .string(RepairOrder.number($0))), ("line", .int(o.reworkLine)),
                                                  ("cause", .string(o.reworkCause))]) } ?? .null),
            ("void", voiding.map { .object([("reason", .string($0.reason)), ("by", .string($0.by)), ("at", .string($0.at.iso8601))]) } ?? .null),
            ("held", held.map(OrderCommands.heldJSON) ?? .null),
        ] + (o.battery.map { [("battery", JSON.int($0))] } ?? [])
          + (record.billedTo.map { [("bill_to", CustomerCommands.json($0))] } ?? []))
    }

    /// "油量 1/2", an electric car's "电量 80%", or a hybrid's both.
    static func gaugeText(_ o: RepairOrder, _ s: Session) -> String {
        [o.fuel.map { s.t("油量", "fuel") + " " + $0.label(s.language) }, o.battery.map { s.t("电量 \($0)%", "battery \($0)%") }]
            .compactMap { $0 }.joined(separator: " · ")
    }
}
