import DocumentModel
import WorkshopModel

/// The documents of a repair order, built from its record: the job card (进厂维修单), the
/// belongings checklist (随车物品清单) and the diagnosis and estimate (诊断书/估价单).
public struct OrderDocuments {
    public enum Kind: String, CaseIterable, Sendable {
        case jobcard, checklist, estimate, inspection, supplement, certificate, settlement, release, warranty

        public var title: Label {
            switch self {
            case .jobcard: return Label("进厂维修单", "Repair Order")
            case .checklist: return Label("随车物品清单", "Belongings Checklist")
            case .estimate: return Label("诊断书 / 估价单", "Diagnosis and Estimate")
            case .inspection: return Label("检验单", "Inspection Record")
            case .supplement: return Label("追加项目确认单", "Added Work Authorisation")
            case .certificate: return Label("机动车维修竣工出厂合格证", "Motor Vehicle Repair Completion Certificate")
            case .settlement: return Label("机动车维修结算清单", "Settlement List")
            case .release: return Label("出厂通知单", "Release Note")
            case .warranty: return Label("维修质量保证书", "Repair Warranty Certificate")
            }
        }
    }

    let record: OrderRecord
    let settings: ShopSettings
    let printedAt: Timestamp
    /// The warranty of each line (for the warranty certificate and the settlement's warranty line).
    let warranty: [WarrantyCoverage]
    let payments: [Payment]
    /// The shop's member tiers, to say a tier's discounts beside the member prices (MemberPriceNotice.swift).
    let memberTiers: [MemberTier]

    /// The members' cards on the order: lines covered by count cards, balances after card payments.
    let cards: OrderCardNotes

    public init(record: OrderRecord, settings: ShopSettings, printedAt: Timestamp, warranty: [WarrantyCoverage] = [],
                payments: [Payment] = [], memberTiers: [MemberTier] = [], cards: OrderCardNotes = OrderCardNotes()) {
        self.record = record
        self.settings = settings
        self.printedAt = printedAt
        self.warranty = warranty
        self.payments = payments
        self.memberTiers = memberTiers
        self.cards = cards
    }

    /// A line's amount as the papers print it: warranty work and a line a count card covers at no charge.
    func chargedText(_ line: OrderLine) -> String {
        if line.covered { return bilingual ? "保修 0.00" : "warranty 0.00" }
        if line.cardID != nil { return bilingual ? "次卡 0.00" : "card 0.00" }
        return line.amount.grouped
    }

    /// A line's description, with the count card that covers it ("次卡抵扣 K5（剩 7 次）").
    func describe(_ line: OrderLine) -> String {
        line.description + (cards.coverText(line, chinese: bilingual).map { " [\($0)]" } ?? "")
    }

    /// The totals' line of work covered by members' count cards, when there is any.
    func cardCoverTotal(_ value: Money) -> [TotalLine] {
        value.fen > 0 ? [TotalLine(Label("次卡抵扣（不收费）", "Covered by count cards (free)"), value.grouped)] : []
    }

    var bilingual: Bool { settings.language == .zh }
    /// The pricing terms of the order: fixed at signature, so a reprint says what was signed.
    var terms: PricingTerms { record.terms(current: settings.pricingTerms) }
    var zone: ShopZone { settings.timeZone }
    var order: RepairOrder { record.order }

    /// The document, or an error saying why the order does not have one yet.
    public func document(_ kind: Kind) throws -> Document {
        switch kind {
        case .jobcard: return jobCard()
        case .checklist: return checklist()
        case .estimate: return estimate()
        case .inspection: return try inspectionRecord()
        case .supplement: return try supplementAuthorisation()
        case .certificate: return try certificate()
        case .settlement: return settlementList()
        case .release: return try releaseNote()
        case .warranty: return try warrantyCertificate()
        }
    }

    private func make(_ kind: Kind, blocks: [Block], closing: [Block]) -> Document {
        // A void order's papers say so first: they are the record of a mistake, not an order.
        let voided: [Block] = order.status == .void
            ? [.notice(bilingual ? "本单已作废 VOID：误开，未执行，不作为维修或收费凭证。 Opened by mistake and voided: no work, no charge."
                                 : "VOID: opened by mistake and voided; no work, no charge.")]
            : []
        return Document(kind: kind.rawValue, title: kind.title, reference: order.number, printedAt: zone.format(printedAt),
                        shop: ShopHeader(name: settings.name, address: settings.address, phone: settings.phone,
                                         creditCode: settings.creditCode, site: settings.papersSiteName),
                        blocks: voided + blocks, closing: closing, bilingual: bilingual)
    }

    /// A vocabulary word in the document's language(s): "小修 minor repair" or "minor repair".
    private func word<V: Vocabulary>(_ value: V?) -> String {
        guard let value else { return "" }
        return bilingual ? value.chinese : value.english
    }

    private func time(_ instant: Timestamp?) -> String { instant.map(zone.format) ?? "" }

    // MARK: Shared parts

    private var customerAndVehicle: Block {
        let c = record.customer, v = record.vehicle
        var fields = [
            Field(Label("车主", "Owner"), c.nameWithCompany),
            Field(Label("电话", "Phone"), c.phone),
            Field(Label("送修人", "Dropped off by"), [order.droppedBy, order.droppedPhone].compactMap { $0 }.joined(separator: " ")),
            Field(Label("付费方", "Payer"), word(order.payer)),
            Field(Label("号牌号码", "Plate"), v.plate.dotted),
            Field(Label("号牌颜色", "Plate colour"), bilingual ? v.plateColor.chinese : v.plateColor.rawValue),
            Field(Label("车辆识别代号", "VIN"), v.vin ?? "", span: 2),
            Field(Label("厂牌型号", "Make / model"), v.description),
            Field(Label("发动机号", "Engine no."), v.engineNumber ?? ""),
            Field(Label("燃料种类", "Fuel type"), v.fuel ?? ""),
            Field(Label("车身颜色", "Colour"), v.color ?? ""),
        ]
        if let address = c.address { fields.append(Field(Label("地址", "Address"), address, span: 4)) }
        return .fields(title: Label("客户与车辆", "Customer and vehicle"), columns: 4, fields: fields)
    }

    private var checkIn: Block {
        .fields(title: Label("进厂信息", "Check-in"), columns: 4, fields: [
            Field(Label("进厂时间", "Checked in"), time(order.checkedInAt)),
            Field(Label("进厂里程", "Odometer in"), "\(order.odometerIn) km"),
            gauge,
            Field(Label("维修类别", "Repair category"), word(order.category)),
            Field(Label("服务顾问", "Service advisor"), order.advisor),
            Field(Label("预计交车时间", "Promised"), time(order.promisedAt)),
            Field(Label("钥匙编号", "Key tag"), order.keyTag ?? ""),
            Field(Label("估价方式", "Estimate method"), word(order.estimateMethod)),
        ])
    }

    /// 油量, or an electric car's 电量 80% (a hybrid's battery beside its fuel).
    private var gauge: Field {
        guard let battery = order.battery else { return Field(Label("油量", "Fuel level"), word(order.fuel)) }
        guard let fuel = order.fuel else { return Field(Label("电量", "Battery"), "\(battery)%") }
        return Field(Label("油量 / 电量", "Fuel / battery"), "\(word(fuel)) / \(battery)%")
    }

    /// Only what was recorded: with no damage noted the card says so (未记录), never that the car was
    /// looked at and found clean — nobody recorded that check.
    private var damageText: String {
        record.damage.isEmpty ? (bilingual ? "未记录 None recorded" : "None recorded")
            : record.damage.enumerated().map { index, note in
                // A note made after the customer signed is not part of what was signed at reception.
                let late = note.isAfterSigning(order) ? (bilingual ? "（签字后记录 noted after signing: " : " (noted after signing: ")
                    + "\(note.notedBy) \(zone.format(note.notedAt))" + (bilingual ? "）" : ")") : ""
                return "\(index + 1). \(note.note)\(late)"
            }.joined(separator: "\n")
    }

    private func linesTable(_ lines: [OrderLine], withStatus: Bool) -> Table {
        var columns = [
            Column(Label("#", "#"), alignment: .right, weight: 0.4),
            Column(Label("类别", "Kind"), weight: 0.7),
            Column(Label("项目 / 配件", "Work / part"), weight: 2.9),
            Column(Label("配件号", "Part no."), weight: 1.6),
            Column(Label("品牌", "Brand"), weight: 0.85),
            Column(Label("配件类别", "Class"), weight: 0.95),
            Column(Label("工时/数量", "Hours/qty"), alignment: .right, weight: 0.9),
            Column(Label("单价", "Unit price"), alignment: .right, weight: 1.05),
            Column(Label("金额", "Amount"), alignment: .right, weight: 1.1),
        ]
        if withStatus { columns.append(Column(Label("状态", "Status"), weight: 1.15)) }
        let rows = lines.map { line -> [String] in
            var row = [
                "\(line.number)", word(line.kind), describe(line) + memberMark(line) + (line.noWarranty ? " *" : ""), line.partNumber ?? "",
                line.brand ?? "", partClassText(line),
                line.kind == .labor ? (line.hours.map { "\($0) h" } ?? "") : (line.quantity?.description ?? ""),
                (line.kind == .labor ? line.rate : line.unitPrice)?.grouped ?? "",
                chargedText(line),
            ]
            if withStatus { row.append(word(line.status)) }
            return row
        }
        return Table(title: Label("维修项目", "Work and parts"), columns: columns, rows: rows,
                     emptyText: bilingual ? "（尚无项目）" : "(no lines yet)")
    }

    private func totals(_ lines: [OrderLine], totalLabel: Label) -> Block {
        let totals = Totals(lines: lines, rate: terms.taxRate, pricesIncludeTax: terms.pricesIncludeTax)
        let warranty = totals.warranty.fen > 0 ? [TotalLine(Label("保修项目（不收费）", "Warranty work (free)"), totals.warranty.grouped)] : []
        return .totals(chargeLines(labor: totals.labor, parts: totals.parts, other: totals.other) + warranty + cardCoverTotal(totals.byCards)
                       + totalAndTax(total: totals.taxed.gross, tax: totals.taxed.tax, label: totalLabel))
    }

    /// Labour, parts and other charges, each on its line.
    private func chargeLines(labor: Money, parts: Money, other: Money) -> [TotalLine] {
        [TotalLine(Label("工时费", "Labour"), labor.grouped),
         TotalLine(Label("材料费", "Parts"), parts.grouped),
         TotalLine(Label("其他费用", "Other charges"), other.grouped)]
    }

    /// The total and its tax, in the order the shop's tax setting reads: tax contained in the total,
    /// or tax added before it.
    private func totalAndTax(total: Money, tax: Money, label: Label) -> [TotalLine] {
        let totalLine = TotalLine(label, settings.currencySymbol + total.grouped, emphasized: true)
        if terms.pricesIncludeTax {
            return [totalLine, TotalLine(Label("其中增值税 \(terms.taxRate)", "of which VAT \(terms.taxRate)"), tax.grouped)]
        }
        return [TotalLine(Label("增值税 \(terms.taxRate)", "VAT \(terms.taxRate)"), tax.grouped), totalLine]
    }

    /// The price concessions among `lines` (below the list beyond the discount limit, a manager's
    /// to give), as `ro show` and the invoice say them: "第 2 项：低于标价：标价 1,150.00，钱主管
    /// 批准让价". Printed under the lines, so the paper the customer signs or pays by shows them.
    private func concessionNotice(_ lines: [OrderLine]) -> Block? {
        let given = lines.filter { $0.isConcession && $0.status != .removed }
        guard !given.isEmpty else { return nil }
        return .notice(given.map { line in
            let list = line.listAmount?.grouped ?? "", by = line.concessionBy ?? ""
            return bilingual
                ? "第 \(line.number) 项：低于标价：标价 \(list)，\(by) 批准让价。 Line \(line.number): below list, list \(list), concession authorised by \(by)."
                : "Line \(line.number): below list: list \(list), concession authorised by \(by)."
        }.joined(separator: "\n"))
    }

    private var noWarrantyNotice: Block? {
        guard record.hasNoWarrantyLines else { return nil }
        return .notice(bilingual
            ? "* 客户自带配件，以及客户坚持在关键部位使用的副厂件，本厂对其质量不作担保（不享受维修质量保证）。 Customer-supplied parts, and aftermarket parts on key systems the customer insisted on, carry no workmanship warranty."
            : "* Customer-supplied parts, and aftermarket parts on key systems the customer insisted on, carry no workmanship warranty.")
    }

    /// The customer's line: blank for ink, the name printed beneath. An approval given by phone
    /// (WeChat, SMS) is not a signature: the line waits for one, the approval is printed as what it
    /// was (`authorisation`).
    private var customerSignature: Signature {
        if let via = order.signedVia, via != .inPerson, let signer = order.signedBy {
            return Signature(Label("客户签字（到店补签）", "Customer (sign on arrival)"), name: signer)
        }
        return Signature(Label("客户签字", "Customer signature"), name: order.signedBy ?? "", date: time(order.signedAt))
    }

    /// How the customer authorised the work: signed in person, or approved by phone, WeChat or SMS
    /// — who, when, and who in the shop took the approval. Nil before the customer answered.
    private var authorisation: Block? {
        guard let signer = order.signedBy, let via = order.signedVia else { return nil }
        let when = time(order.signedAt)
        guard via != .inPerson else {
            return .fields(title: nil, columns: 4, fields: [
                Field(Label("客户确认", "Authorised"), bilingual ? "\(signer) 当面签字确认 signed in person · \(when)" : "\(signer), signed in person · \(when)", span: 4),
            ])
        }
        let taker = order.signTakenBy ?? "—"
        return .fields(title: nil, columns: 4, fields: [
            Field(Label("客户确认", "Authorised"), bilingual
                  ? "\(via.chinese)确认（非本人签字） Approved by \(via.english), not signed: \(signer) · \(when) · 记录人 taken by \(taker)"
                  : "approved by \(via.english), not signed: \(signer) · \(when) · taken by \(taker)", span: 4),
        ])
    }

    /// A part's class as the papers print it; a part typed in without one says so rather than
    /// passing for 原厂.
    private func partClassText(_ line: OrderLine) -> String {
        guard line.kind == .part else { return "" }
        return line.partClass.map { word($0) } ?? (bilingual ? "未注明" : "not stated")
    }

    /// The lines the signed total does not contain: added work still waiting for the customer's
    /// answer and work the customer declined, each marked as such.
    private var linesApart: Block? {
        let waiting = record.addedWorkAwaitingAnswer
        let declined = record.lines.filter { $0.status == .declined }
        guard !waiting.isEmpty || !declined.isEmpty else { return nil }
        let rows = waiting.map { line -> [String] in
            ["\(line.number)", line.description, line.amount.grouped,
             bilingual ? "追加项目，待客户答复；未经同意不施工 awaiting the customer's answer" : "added work awaiting the customer's answer; not started without consent"]
        } + declined.map { line -> [String] in
            ["\(line.number)", line.description, line.amount.grouped,
             bilingual ? "客户拒绝：不施工、不收费 declined: not done, not charged" : "declined by the customer: not done, not charged"]
        }
        return .table(Table(title: Label("不在签字合计内的项目", "Not in the signed total"), columns: [
            Column(Label("#", "#"), alignment: .right, weight: 0.4),
            Column(Label("项目 / 配件", "Work / part"), weight: 3.2),
            Column(Label("金额（不计入）", "Amount (not counted)"), alignment: .right, weight: 1.4),
            Column(Label("状态", "Status"), weight: 4),
        ], rows: rows))
    }

    private var advisorSignature: Signature {
        Signature(Label("服务顾问", "Service advisor"), name: order.advisor, date: time(order.checkedInAt))
    }

    // MARK: Documents

    public func jobCard() -> Document {
        var blocks = [customerAndVehicle, checkIn, .text(title: Label("故障描述", "Customer's complaint"), body: order.complaint)]
        if let findings = order.findings { blocks.append(.text(title: Label("诊断结果", "Findings"), body: findings)) }
        for finding in record.laterFindings {
            blocks.append(.text(title: Label("签字后追加发现", "Found after signing"), body: "\(finding.text)（\(finding.by) \(time(finding.at))）"))
        }
        blocks.append(.text(title: Label("外观及内饰视检", "Visual check: damage noted"), body: damageText))
        blocks.append(.table(linesTable(record.offeredLines, withStatus: false)))
        if let concessions = concessionNotice(record.offeredLines) { blocks.append(concessions) }
        if let members = memberNotice(record.offeredLines) { blocks.append(members) }
        if let apart = linesApart { blocks.append(apart) }
        let separator = bilingual ? "、" : ", "
        let items = record.belongings.map { $0.count == 1 ? $0.name : "\($0.name)×\($0.count)" }.joined(separator: separator)
        let documents = record.documents.map(\.name).joined(separator: separator)
        blocks.append(.fields(title: nil, columns: 4, fields: [
            Field(Label("随车物品", "Belongings"), items.isEmpty ? "—" : items, span: 3),
            Field(Label("随车证件", "Documents"), documents.isEmpty ? "—" : documents),
        ]))
        var closing = [totals(record.offeredLines, totalLabel: Label("合计（价税合计）", "Total"))]
        if let authorisation { closing.append(authorisation) }
        if let notice = noWarrantyNotice { closing.append(notice) }
        closing.append(.notice(bilingual
            ? "客户签字即委托本厂按上列项目维修；维修中如需追加项目，须经客户同意后方可施工。贵重物品请随身带走。 By signing, the customer authorises the work above; added work starts only with the customer's consent. Please take valuables with you."
            : "By signing, the customer authorises the work above; added work starts only with the customer's consent. Please take valuables with you."))
        closing.append(.signatures([
            customerSignature, advisorSignature,
            Signature(Label("车间接车人", "Workshop receiver"), name: order.handoverBy ?? "", date: time(order.handoverAt)),
        ]))
        return make(.jobcard, blocks: blocks, closing: closing)
    }

    func checklist() -> Document {
        let v = record.vehicle, c = record.customer
        let header = Block.fields(title: nil, columns: 4, fields: [
            Field(Label("号牌号码", "Plate"), v.plate.dotted),
            Field(Label("车主", "Owner"), c.name),
            Field(Label("电话", "Phone"), c.phone),
            Field(Label("钥匙编号", "Key tag"), order.keyTag ?? "—"),
            Field(Label("进厂时间", "Checked in"), time(order.checkedInAt)),
            Field(Label("进厂里程", "Odometer in"), "\(order.odometerIn) km"),
            gauge,
            Field(Label("厂牌型号", "Make / model"), v.description),
        ])
        // "√" is in every Chinese font (GB 2312); Helvetica has neither it nor ✓.
        let check = bilingual ? "√" : "yes"
        let items = Table(title: Label("随车物品", "Items in the car"), columns: [
            Column(Label("#", "#"), alignment: .right, weight: 0.5),
            Column(Label("物品", "Item"), weight: 4),
            Column(Label("数量", "Count"), alignment: .right, weight: 0.8),
            Column(Label("接车清点", "At check-in"), alignment: .center, weight: 1.2),
            Column(Label("交车清点", "At return"), alignment: .center, weight: 1.2),
        ], rows: record.belongings.enumerated().map { index, item in
            var back = item.returnedAt.map { _ in check } ?? (item.back > 0 ? "\(item.back)/\(item.count)" : "")
            if let missing = item.missingRecord, !item.isBack {
                back += (back.isEmpty ? "" : " ") + (bilingual ? "未找到 missing：\(missing.reason)（\(missing.by)）" : "missing: \(missing.reason) (\(missing.by))")
            }
            return ["\(index + 1)", item.name, "\(item.count)", check, back]
        }, emptyText: bilingual ? "（无随车物品）" : "(no items)")
        let today = zone.formatDate(printedAt)
        let documents = Table(title: Label("随车证件", "Documents received"), columns: [
            Column(Label("证件", "Document"), weight: 3),
            Column(Label("有效期至", "Valid until"), weight: 1.5),
            Column(Label("核验", "Checked"), weight: 1.5),
        ], rows: record.documents.map { d in
            let state: String
            if let until = d.validUntil {
                state = until < today ? (bilingual ? "已过期" : "expired") : (bilingual ? "有效" : "valid")
            } else {
                state = check
            }
            return [d.name, d.validUntil ?? "", state]
        }, emptyText: bilingual ? "（未收证件）" : "(none received)")
        let closing: [Block] = [
            .notice(bilingual
                ? "以上物品已清点并放入本车专用存物箱；现金及贵重物品已当面交还客户。交车时请与客户再次清点。 The items above were counted into this car's storage box; cash and valuables were handed back to the customer at check-in. Count them again with the customer at hand-back."
                : "The items above were counted into this car's storage box; cash and valuables were handed back to the customer at check-in. Count them again with the customer at hand-back."),
            .signatures([
                // Who handed the car over signs at check-in; who took it back, at return.
                Signature(Label("客户签字（接车）", "Customer, at check-in"), name: order.droppedBy ?? record.customer.name),
                Signature(Label("服务顾问", "Service advisor"), name: order.advisor, date: time(order.checkedInAt)),
                Signature(Label("客户签字（交车）", "Customer, at return"), name: order.releaseSigned ?? "",
                          date: order.releasedAt.map { time($0) } ?? ""),
            ]),
        ]
        return make(.checklist, blocks: [header, .table(items), .table(documents)], closing: closing)
    }

    func estimate() -> Document {
        var blocks = [customerAndVehicle, checkIn, .text(title: Label("故障描述", "Customer's complaint"), body: order.complaint),
                      .text(title: Label("诊断结果及维修建议", "Findings and recommendation"), body: order.findings ?? "—"),
                      // A declined order's estimate shows what was estimated; otherwise the lines
                      // counted, and apart from them what is waiting for an answer or declined.
                      .table(linesTable(order.status == .declined ? record.visibleLines : record.offeredLines, withStatus: true))]
        if let concessions = concessionNotice(order.status == .declined ? record.visibleLines : record.offeredLines) {
            blocks.append(concessions)
        }
        if let members = memberNotice(order.status == .declined ? record.visibleLines : record.offeredLines) { blocks.append(members) }
        if order.status != .declined, let apart = linesApart { blocks.append(apart) }
        if order.status == .declined {
            blocks.append(.notice(bilingual
                ? "客户拒修 Declined by the customer：\(time(order.closedAt))。按规定收取检测估价费，出具出厂通知单。 The diagnosis/estimate fee is charged and a release note issued."
                : "Declined by the customer on \(time(order.closedAt)). The diagnosis/estimate fee is charged and a release note issued."))
        }
        var closing: [Block]
        if order.status == .declined {
            let charged = record.lines.filter { $0.status == .approved }
            closing = [totals(charged, totalLabel: Label("应收检测估价费", "Fee due"))]
        } else {
            closing = [totals(record.offeredLines, totalLabel: Label("估价合计", "Estimate total"))]
            if let authorisation { closing.append(authorisation) }
        }
        if order.estimateMethod == .symptom {
            closing.append(.notice(bilingual
                ? "本估价按故障现象估价，拆检后如发现其他问题，将另行报价并征得客户同意。 Estimated by symptom: anything further found on inspection is quoted separately and needs the customer's consent."
                : "Estimated by symptom: anything further found on inspection is quoted separately and needs the customer's consent."))
        }
        if let notice = noWarrantyNotice { closing.append(notice) }
        closing.append(.notice(bilingual
            ? "本估价单自出具之日起 7 日内有效；实际费用以客户签字确认的项目为准。 This estimate is valid for 7 days; only the work the customer signs for is charged."
            : "This estimate is valid for 7 days; only the work the customer signs for is charged."))
        closing.append(.signatures([customerSignature, advisorSignature]))
        return make(.estimate, blocks: blocks, closing: closing)
    }

    // MARK: Workshop-floor documents

    private var vehicleSummary: Block {
        let v = record.vehicle, c = record.customer
        return .fields(title: nil, columns: 4, fields: [
            Field(Label("号牌号码", "Plate"), v.plate.dotted),
            Field(Label("厂牌型号", "Make / model"), v.description),
            Field(Label("车辆识别代号", "VIN"), v.vin ?? "", span: 2),
            Field(Label("车主", "Owner"), c.name),
            Field(Label("维修类别", "Repair category"), word(order.category)),
            Field(Label("进厂时间", "Checked in"), time(order.checkedInAt)),
            Field(Label("进厂里程", "Odometer in"), "\(order.odometerIn) km"),
        ])
    }

    func inspectionRecord() throws -> Document {
        guard !record.inspections.isEmpty else {
            throw DocumentUnavailable.noInspection(order: order.number)
        }
        var blocks = [vehicleSummary]
        for stage in InspectionStage.allCases {
            let done = record.inspections.filter { $0.stage == stage }
            guard !done.isEmpty else {
                blocks.append(.text(title: Label(stage.chinese, stage.english.capitalized),
                                    body: bilingual ? "未检验 Not done" : "Not done"))
                continue
            }
            for (index, inspection) in done.enumerated() {
                let title = Label(stage.chinese + (done.count > 1 ? "（第 \(index + 1) 次）" : ""),
                                  stage.english.capitalized + (done.count > 1 ? " (\(index + 1))" : ""))
                // Measured items print the value read and the limits it was judged against then.
                let measured = inspection.hasReadings
                let rows = inspection.items.enumerated().map { index, item -> [String] in
                    let row = ["\(index + 1)", item.name]
                    let reading = measured ? [item.readingText ?? "—", item.quantity?.limitText(settings.language) ?? ""] : []
                    return row + reading + [word(item.result)]
                }
                let readingColumns = measured ? [Column(Label("测量值", "Reading"), alignment: .right, weight: 1.3),
                                                 Column(Label("标准", "Limits"), weight: 1.5)] : []
                blocks.append(.table(Table(title: title, columns: [
                    Column(Label("#", "#"), alignment: .right, weight: 0.4),
                    Column(Label("检验项目", "Item"), weight: measured ? 3 : 4),
                ] + readingColumns + [
                    Column(Label("结果", "Result"), weight: 1.2),
                ], rows: rows, emptyText: bilingual ? "（无清单项目）" : "(no checklist items)")))
                var fields = [
                    Field(Label("检验结论", "Result"), word(inspection.result)),
                    Field(Label("合格证编号", "Certificate No."), inspection.certificate ?? "—"),
                ]
                if let note = inspection.note { fields.append(Field(Label("说明", "Note"), note, span: 2)) }
                blocks.append(.fields(title: nil, columns: 4, fields: fields))
                // Each inspection is signed by its inspector: a line for ink, the name beneath.
                blocks.append(.signatures([
                    Signature(Label("检验员签字（\(stage.chinese)）", "Inspector's signature (\(stage.english))"),
                              name: inspection.inspector, date: time(inspection.at)),
                ]))
            }
        }
        let closing: [Block] = [.notice(bilingual
            ? "三级检验：进厂检验、过程检验、竣工检验。二级维护、总成修理、整车修理必须逐级检验；竣工检验不合格的车辆返工，未达标准不准出厂。 The three inspections are mandatory for level-2 maintenance, assembly repair and overhaul; a car that fails its final inspection is reworked and never leaves unchecked."
            : "The three inspections are mandatory for level-2 maintenance, assembly repair and overhaul; a car that fails its final inspection is reworked and never leaves unchecked.")]
        return make(.inspection, blocks: blocks, closing: closing)
    }

    func supplementAuthorisation() throws -> Document {
        guard !record.supplements.isEmpty else {
            throw DocumentUnavailable.noSupplement(order: order.number)
        }
        let rows = record.supplements.map { item -> [String] in
            let line = record.lines.first { $0.number == item.line }
            let answer: String
            if let result = item.answer {
                answer = word(result) + " · \(item.answeredBy ?? "") · \(word(item.via)) · \(time(item.answeredAt))"
            } else {
                answer = bilingual ? "待客户答复" : "awaiting answer"
            }
            return ["\(item.line)", line?.description ?? "", line?.amount.grouped ?? "", item.reason,
                    "\(item.reportedBy) \(time(item.reportedAt))", answer, item.told ?? ""]
        }
        let table = Table(title: Label("追加维修项目", "Added work"), columns: [
            Column(Label("#", "#"), alignment: .right, weight: 0.4),
            Column(Label("项目", "Item"), weight: 2.2),
            Column(Label("金额", "Amount"), alignment: .right, weight: 1),
            Column(Label("原因（安全提示）", "Why (safety)"), weight: 2.6),
            Column(Label("车间报告", "Reported"), weight: 1.5),
            Column(Label("客户答复", "Customer's answer"), weight: 2.4),
            Column(Label("告知车间", "Workshop told"), weight: 1),
        ], rows: rows)
        var fields: [Field] = []
        for item in record.supplements where item.promiseNow != nil {
            fields.append(Field(Label("交车时间变更（项目 \(item.line)）", "Promised time changed (item \(item.line))"),
                                "\(time(item.promiseWas)) → \(time(item.promiseNow))", span: 2))
        }
        var blocks = [vehicleSummary, .table(table)]
        if !fields.isEmpty { blocks.append(.fields(title: nil, columns: 4, fields: fields)) }
        let approved = record.lines.filter { line in
            line.status == .approved && record.supplements.contains { $0.line == line.number }
        }
        let closing: [Block] = [
            totals(approved, totalLabel: Label("同意追加金额", "Approved added work")),
            .notice(bilingual
                ? "追加项目经客户同意后方可施工；客户不同意的项目不施工、不收费，并记入车辆档案，下次进厂时再次建议。 Added work starts only with the customer's consent; declined items are neither done nor billed, and are offered again at the next visit."
                : "Added work starts only with the customer's consent; declined items are neither done nor billed, and are offered again at the next visit."),
            .signatures([Signature(Label("客户签字", "Customer signature")), advisorSignature]),
        ]
        return make(.supplement, blocks: blocks, closing: closing)
    }

    /// 机动车维修竣工出厂合格证: the stub the shop keeps and the owner's copy, cut apart, each with the
    /// serial number, the car, the repairer, the release date and odometer (blank until the car is
    /// released; a reprint after release carries them), the statement and the three signature lines.
    func certificate() throws -> Document {
        guard let passed = record.passedFinalInspection, let number = passed.certificate else {
            throw DocumentUnavailable.noCertificate(order: order.number)
        }
        let v = record.vehicle, c = record.customer
        let statement = bilingual ? "该车按维修协议维修，经检验合格，准予出厂。 Repaired under the repair agreement, inspected and passed: released."
                                  : "Repaired under the repair agreement, inspected and passed: released."
        func part(_ name: Label) -> [Block] {
            // The number once in the title, in both languages' words.
            let title = bilingual ? "\(name.zh) \(name.en)　编号 No. \(number)" : "\(name.en) · No. \(number)"
            return [.fields(title: Label(title, title), columns: 4, fields: [
                Field(Label("托修方", "Customer"), c.nameWithCompany, span: 2),
                Field(Label("车牌号码", "Plate"), v.plate.dotted),
                Field(Label("车牌颜色", "Plate colour"), bilingual ? v.plateColor.chinese : v.plateColor.rawValue),
                Field(Label("车辆类型", "Vehicle type"), v.typeText(settings.language)),
                Field(Label("厂牌型号", "Make / model"), v.description),
                Field(Label("车辆识别代号（VIN）", "VIN"), v.vin ?? "", span: 2),
                Field(Label("承修方", "Repairer"), settings.name, span: 2),
                Field(Label("承修方电话", "Repairer's phone"), settings.phone),
                Field(Label("维修类别", "Repair category"), word(order.category)),
                Field(Label("维修单号", "Order"), order.number),
                Field(Label("出厂日期", "Release date"), order.releasedAt.map { zone.formatDate($0) } ?? ""),
                Field(Label("出厂里程表示值", "Odometer at release"), order.releaseOdometer.map { "\($0) km" } ?? ""),
                Field(Label("竣工检验", "Final inspection"), zone.formatDate(passed.at)),
            ]),
            .notice(statement),
            .signatures([
                Signature(Label("质量检验员（签章）", "Inspector (sign, stamp)"), name: passed.inspector,
                          date: zone.formatDate(passed.at)),
                Signature(Label("承修单位（盖章）", "Repairer (seal)"), name: settings.name),
                Signature(Label("托修方接车人", "Received by (customer)"), name: order.releaseSigned ?? "",
                          date: order.releasedAt.map { zone.formatDate($0) } ?? ""),
            ])]
        }
        let blocks = part(Label("存根（承修方留存）", "Stub, kept by the repairer"))
            + [.divider(bilingual ? "沿此线剪开 cut here" : "cut here")]
            + part(Label("车主联（交托修方）", "Owner's copy"))
        return make(.certificate, blocks: blocks, closing: [])
    }

    // MARK: Cash-desk documents

    /// The parties, the car and the visit as the settlement list (JT/T 1133-style) heads them; the
    /// release note and the warranty certificate share it.
    private var settlementHeader: Block {
        let v = record.vehicle, c = record.customer
        return .fields(title: nil, columns: 4, fields: [
            Field(Label("结算清单编号", "Settlement No."), order.settlementNumber ?? (bilingual ? "（交车时编号）" : "(numbered at release)")),
            Field(Label("维修单号", "Order"), order.number),
            Field(Label("承修方", "Repairer"), settings.name + (settings.phone.isEmpty ? "" : " · \(settings.phone)"), span: 2),
            Field(Label("托修方", "Customer"), c.nameWithCompany, span: 2),
            Field(Label("电话", "Phone"), c.phone),
            Field(Label("付费方", "Payer"), settledPayer),
            Field(Label("送修人", "Brought in by"), [order.droppedBy, order.droppedPhone].compactMap { $0 }.joined(separator: " "), span: 2),
            Field(Label("车牌号码", "Plate"), v.plate.dotted),
            Field(Label("车牌颜色", "Plate colour"), bilingual ? v.plateColor.chinese : v.plateColor.rawValue),
            Field(Label("车辆类型", "Vehicle type"), v.typeText(settings.language)),
            Field(Label("厂牌型号", "Make / model"), v.description),
            Field(Label("车辆识别代号", "VIN"), v.vin ?? "", span: 2),
            Field(Label("维修类别", "Repair category"), word(order.category)),
            Field(Label("发动机号", "Engine no."), v.engineNumber ?? ""),
            Field(Label("进厂日期", "Date in"), time(order.checkedInAt)),
            Field(Label("出厂日期", "Date out"), time(order.releasedAt)),
            Field(Label("进厂里程", "Odometer in"), "\(order.odometerIn) km"),
            Field(Label("出厂里程", "Odometer out"), order.releaseOdometer.map { "\($0) km" } ?? ""),
            Field(Label("故障描述", "Complaint"), order.complaint, span: 4),
        ] + billing)
    }

    /// Who pays, as the settlement heads it: a comeback under warranty whose customer also pays for
    /// something (a line not covered) says so, never "warranty" alone over a charge.
    private var settledPayer: String {
        guard order.payer == .warranty, record.settlement(payments: payments, current: settings.pricingTerms).total.fen > 0 else {
            return word(order.payer)
        }
        return bilingual ? "保修（另有自费项目）" : "warranty (with items the customer pays)"
    }

    /// A line's warranty as the settlement list prints it: its period, or why it has none.
    private func warrantyText(_ line: OrderLine) -> String {
        if let reason = line.noWarrantyReason { return bilingual ? "无：" + reason.chinese : "none: " + reason.english }
        guard line.carriesWarranty, let term = warranty.first(where: { $0.line.number == line.number })?.term ?? order.warrantyTerm
                ?? warranty.first?.term else { return "" }
        return termText(term)
    }

    /// "3000 km / 30 日"
    private func termText(_ term: WarrantyTerm) -> String { "\(term.km) km / \(term.days) " + (bilingual ? "日" : "days") }

    /// Who the invoice is made out to, when the customer billed is not the owner or is a company
    /// with an invoice title or a tax number.
    private var billing: [Field] {
        let payer = record.payingCustomer
        var fields: [Field] = []
        if record.billedTo != nil {
            fields.append(Field(Label("付款单位", "Billed to"), payer.nameWithCompany, span: 2))
            fields.append(Field(Label("联系人", "Contact"), [payer.contact, payer.phone].compactMap { $0 }.joined(separator: " "), span: 2))
        }
        if payer.invoiceTitle != nil || payer.taxNumber != nil {
            fields.append(Field(Label("发票抬头", "Invoice title"), payer.invoiceName, span: 2))
            fields.append(Field(Label("纳税人识别号", "Tax number"), payer.taxNumber ?? "", span: 2))
        }
        return fields
    }

    func settlementList() -> Document {
        let approved = record.lines.filter { $0.status == .approved }
        let settlement = record.settlement(payments: payments, current: settings.pricingTerms)
        func amount(_ line: OrderLine) -> String { chargedText(line) }
        // Labour, then parts, then other charges, numbered on through the list (序号); the order's own
        // line number stays beside each for reference.
        let laborLines = approved.filter { $0.kind == .labor }, partLines = approved.filter { $0.kind == .part }
        let feeLines = approved.filter { $0.kind == .fee }
        func serial(_ line: OrderLine) -> String {
            "\((laborLines + partLines + feeLines).firstIndex { $0.number == line.number }.map { $0 + 1 } ?? 0)"
        }
        let numberColumns = [Column(Label("序号", "No."), alignment: .right, weight: 0.5), Column(Label("单项", "Line"), alignment: .right, weight: 0.5)]
        let labor = Table(title: Label("工时费", "Labour"), columns: numberColumns + [
            Column(Label("维修项目", "Work"), weight: 3.4),
            Column(Label("工时", "Hours"), alignment: .right, weight: 0.8),
            Column(Label("工时单价", "Rate"), alignment: .right, weight: 1.1),
            Column(Label("金额", "Amount"), alignment: .right, weight: 1.2),
            Column(Label("质量保证期", "Warranty"), weight: 1.9),
        ], rows: laborLines.map {
            [serial($0), "\($0.number)", describe($0) + memberMark($0), $0.hours.map { "\($0)" } ?? "", $0.rate?.grouped ?? "", amount($0), warrantyText($0)]
        }, emptyText: "—")
        let parts = Table(title: Label("材料费", "Parts and materials"), columns: numberColumns + [
            Column(Label("配件名称", "Part"), weight: 1.5),
            Column(Label("配件号", "Part no."), weight: 1.2),
            // A Chinese brand (霍尼韦尔, 博世) whole on one line; the class wide enough for its longest
            // word: 客户自带, or "customer-supplied" on an English paper.
            Column(Label("品牌", "Brand"), weight: bilingual ? 1.1 : 0.8),
            Column(Label("配件类别", "Class"), weight: bilingual ? 1.2 : 1.5),
            Column(Label("数量", "Qty"), alignment: .right, weight: 0.6),
            Column(Label("单价", "Unit price"), alignment: .right, weight: 1),
            Column(Label("金额", "Amount"), alignment: .right, weight: 1.1),
            Column(Label("质量保证期", "Warranty"), weight: 1.8),
        ], rows: partLines.map {
            [serial($0), "\($0.number)", $0.description + memberMark($0) + ($0.noWarranty ? " *" : ""), $0.partNumber ?? "", $0.brand ?? "", partClassText($0),
             $0.quantity?.description ?? "", $0.unitPrice?.grouped ?? "", amount($0), warrantyText($0)]
        }, emptyText: "—")
        let other = Table(title: Label("其他费用", "Other charges"), columns: numberColumns + [
            Column(Label("项目", "Charge"), weight: 5),
            Column(Label("金额", "Amount"), alignment: .right, weight: 1.2),
            Column(Label("质量保证期", "Warranty"), weight: 1.9),
        ], rows: feeLines.map { [serial($0), "\($0.number)", $0.description, amount($0), warrantyText($0)] }, emptyText: "—")
        var blocks: [Block] = [settlementHeader, .table(labor), .table(parts), .table(other)]
        if let concessions = concessionNotice(approved) { blocks.append(concessions) }
        if let members = memberNotice(approved) { blocks.append(members) }
        if let rework = order.reworkOf {
            blocks.append(.notice(bilingual
                ? "返修：本单为 \(RepairOrder.number(rework)) 的质量保证期内返修（原因：\(order.reworkCause ?? "—")），保修项目不收费。 Warranty comeback of \(RepairOrder.number(rework)): warranty work is free of charge."
                : "Warranty comeback of \(RepairOrder.number(rework)) (cause: \(order.reworkCause ?? "—")): warranty work is free of charge."))
        }
        var totals = chargeLines(labor: settlement.labor, parts: settlement.parts, other: settlement.other)
        if settlement.coveredByWarranty.fen > 0 {
            totals.append(TotalLine(Label("保修项目（不收费）", "Warranty work (free)"), settlement.coveredByWarranty.grouped))
        }
        totals += cardCoverTotal(settlement.coveredByCards)
        if settlement.discount.fen > 0 {
            totals.append(TotalLine(Label("优惠", "Discount"), "-" + settlement.discount.grouped))
        }
        totals += totalAndTax(total: settlement.total, tax: settlement.tax,
                              label: terms.pricesIncludeTax ? Label("合计（价税合计）", "Total") : Label("合计", "Total"))
        // The total in capital numerals, as banks and invoices write it.
        totals.append(TotalLine(Label("合计金额（大写）", "Total in capital numerals (大写)"), CapitalAmount.words(settlement.total)))
        for payment in payments {
            let reference = payment.reference.map { " \($0)" } ?? ""
            // Cash handed over and the change given back, as the cashier recorded them.
            let (zh, en) = payment.tendered.map { tendered in
                ("，实收 \(tendered.grouped) 找零 \((payment.change ?? .zero).grouped)",
                 ", handed over \(tendered.grouped), change \((payment.change ?? .zero).grouped)")
            } ?? ("", "")
            let label: Label
            if payment.amount.fen < 0 {
                label = Label("退款（\(payment.method.chinese)\(reference)）", "Refund (\(payment.method.english)\(reference))")
            } else if payment.method == .account {
                // Charged to the customer's account: settled at the desk, not paid.
                label = Label("挂账" + (payment.reference.map { "（\($0)）" } ?? ""), "On account" + (payment.reference.map { " (\($0))" } ?? ""))
            } else if let card = payment.card {
                // From a member's stored-value card: not new money; the card's balance after it.
                let after = cards.balanceAfter(payment, among: payments).map { ($0.grouped, $0.grouped) }
                label = Label("储值卡支付 \(MemberCard.number(card))" + (after.map { "（余额 \($0.0)）" } ?? ""),
                              "Paid from stored-value card \(MemberCard.number(card))" + (after.map { " (balance \($0.1) after)" } ?? ""))
            } else {
                label = Label("已付（\(payment.method.chinese)\(reference)\(zh)）", "Paid (\(payment.method.english)\(reference)\(en))")
            }
            totals.append(TotalLine(label, payment.amount.grouped))
        }
        totals.append(TotalLine(Label("余额", "Balance"), settlement.balance.grouped))
        var closing: [Block] = [.totals(totals)]
        let term = warranty.first?.term
        var notes: [String] = []
        if let oldParts = order.oldParts { notes.append(bilingual ? "旧件处理：\(oldParts.chinese) \(oldParts.english)" : "Old parts: \(oldParts.english)") }
        if let term {
            notes.append(bilingual ? "质量保证期：自出厂之日起 \(term.km) 公里或 \(term.days) 日，以先到者为准（客户自带配件除外）。 Warranty: \(term.km) km or \(term.days) days from release, whichever first."
                                   : "Warranty: \(term.km) km or \(term.days) days from release, whichever comes first (customer-supplied parts excluded).")
        }
        if record.hasNoWarrantyLines { notes.append(bilingual ? "* 客户自带配件或客户坚持使用的副厂件，不享受质量保证。" : "* Customer-supplied or insisted-on aftermarket parts: no warranty.") }
        notes.append(bilingual ? "本清单一式两联：第一联承修方留存，第二联交托修方。 In duplicate: the first copy is kept by the repairer, the second is the customer's."
                               : "In duplicate: the first copy is kept by the repairer, the second is the customer's.")
        closing.append(.notice(notes.joined(separator: "\n")))
        closing.append(.signatures([
            Signature(Label("承修方（盖章）", "Repairer (seal)"), name: settings.name),
            Signature(Label("结算员", "Cashier"), name: order.releasedBy ?? "", date: time(order.releasedAt)),
            Signature(Label("托修方签字", "Customer signature"), name: order.releaseSigned ?? "", date: time(order.releasedAt)),
        ]))
        return make(.settlement, blocks: blocks, closing: closing)
    }

    /// A declined car's hand-back: the fee named only when one was charged (`decline … fee=`).
    private func declinedConclusion(feeCharged: Bool) -> String {
        switch (feeCharged, bilingual) {
        case (true, true): return "客户拒修，车辆未经修理出厂；已收取检测估价费。 Declined by the customer: the car leaves unrepaired; the diagnosis/estimate fee is charged."
        case (true, false): return "Declined by the customer: the car leaves unrepaired; the diagnosis/estimate fee is charged."
        case (false, true): return "客户拒修，车辆未经修理出厂，未收取费用。 Declined by the customer: the car leaves unrepaired, free of charge."
        case (false, false): return "Declined by the customer: the car leaves unrepaired, free of charge."
        }
    }

    func releaseNote() throws -> Document {
        guard order.releasedAt != nil || order.status == .declined else {
            throw DocumentUnavailable.notReleased(order: order.number)
        }
        let declined = order.status == .declined
        // Released, every item came back or was marked missing on record (release's gate): these are the ones that came back.
        // Of an item partly found (two of four mats), the ones that came back are counted here too.
        let returned = record.belongings.filter { $0.back > 0 || $0.missingRecord == nil }
            .map { item -> String in
                let back = item.missingRecord == nil ? item.count : item.back
                return item.count == 1 ? item.name : "\(item.name)×\(back)"
            }.joined(separator: bilingual ? "、" : ", ")
        // A belonging not found, on record: named with its reason, never left out unsaid.
        let missing = record.belongings.filter { !$0.isBack }.compactMap { item in
            item.missingRecord.map { bilingual ? "\(item.missingDisplay)（未找到 missing：\($0.reason)；\($0.by)）" : "\(item.missingDisplay) (missing: \($0.reason); \($0.by))" }
        }
        var blocks: [Block] = [
            settlementHeader,
            .text(title: Label("出厂结论", "Release"), body: declined
                  ? declinedConclusion(feeCharged: record.settlement(payments: payments, current: settings.pricingTerms).total.fen > 0)
                  : record.finalInspection == .passed
                      ? (bilingual ? "经竣工检验合格，准予出厂。 Passed the final inspection: released." : "Passed the final inspection: released.")
                      : (bilingual ? "维修已完工，交车出厂。 The work is completed: released." : "The work is completed: released.")),
            .fields(title: nil, columns: 4, fields: [
                Field(Label("随车物品（已清点交还）", "Belongings (checked back)"), returned.isEmpty ? "—" : returned, span: 2),
                // A declined car's note may be printed before its key comes off the hook: it says which.
                Field(Label("钥匙", "Key"), order.keyTag.map { tag in
                    order.keyReturnedAt != nil || order.releasedAt != nil
                        ? (bilingual ? "\(tag) 已交还" : "\(tag) returned")
                        : (bilingual ? "\(tag) 仍在钥匙柜，待交还" : "\(tag) still on its hook, to be handed back")
                } ?? "—"),
                Field(Label("旧件", "Old parts"), word(order.oldParts)),
                Field(Label("随车证件（已交还）", "Documents (returned)"), record.documents.map(\.name).joined(separator: bilingual ? "、" : ", "), span: 4),
            ]),
        ]
        if !missing.isEmpty {
            blocks.append(.text(title: Label("随车物品（未找到）", "Belongings (missing)"), body: missing.joined(separator: bilingual ? "；" : "; ")))
        }
        // A declined order says what was found and what the customer declined: the car leaves with it.
        let declinedLines = record.visibleLines.filter { $0.status == .declined }
        if declined {
            let found = ([order.findings].compactMap { $0 } + record.laterFindings.map(\.text)).joined(separator: "\n")
            blocks.append(.text(title: Label("诊断结果", "Findings"), body: found.isEmpty ? "—" : found))
            if !declinedLines.isEmpty {
                blocks.append(.table(Table(title: Label("建议维修项目（客户拒绝）", "Recommended work (declined by the customer)"), columns: [
                    Column(Label("#", "#"), alignment: .right, weight: 0.5),
                    Column(Label("项目", "Item"), weight: 5),
                    Column(Label("金额", "Amount"), alignment: .right, weight: 1.2),
                ], rows: declinedLines.map { ["\($0.number)", $0.description, $0.amount.grouped] })))
            }
        }
        var closing: [Block] = [
            .notice(bilingual ? "请客户与服务顾问共同检查车辆外观及随车物品，确认无误后签字。 Please check the car and your belongings with the advisor before signing."
                              : "Please check the car and your belongings with the advisor before signing."),
        ]
        if declined {
            closing.append(.notice(bilingual ? "本人已被告知上述诊断结果及建议维修项目（含涉及行车安全的项目），自愿拒绝维修，车辆未经修理出厂。 I was told of the findings and the recommended work above, safety items included, and declined it: the car leaves unrepaired."
                                             : "I was told of the findings and the recommended work above, safety items included, and declined it: the car leaves unrepaired."))
        }
        closing.append(.signatures([
            Signature(Label(declined ? "客户签字（已被告知）" : "客户签字", declined ? "Customer (told)" : "Customer"), name: order.releaseSigned ?? "", date: time(order.releasedAt)),
            Signature(Label("服务顾问", "Service advisor"), name: order.advisor),
            Signature(Label("门卫放行", "Gate")),
        ]))
        return make(.release, blocks: blocks, closing: closing)
    }

    /// 维修质量保证书: a period for each repair line only (fees and customer-supplied parts have none,
    /// a used part as the shop decided), the completion certificate and settlement list it goes
    /// with, and the statutory minimum apart from the shop's own promise.
    func warrantyCertificate() throws -> Document {
        guard order.status == .released, order.releasedAt != nil else {
            throw DocumentUnavailable.noWarranty(order: order.number)
        }
        let rows = record.lines.filter { $0.status == .approved }.map { line -> [String] in
            if line.carriesWarranty, let coverage = warranty.first(where: { $0.line.number == line.number }) {
                return [line.description, word(line.kind), termText(coverage.term), coverage.lastDay, "\(coverage.lastKilometre) km"]
            }
            let reason = line.noWarrantyReason.map { word($0) } ?? (bilingual ? "不保修" : "no warranty")
            return [line.description + (line.kind == .fee ? "" : " *"), word(line.kind), reason, "—", "—"]
        }
        let table = Table(title: Label("保修项目", "Work and its warranty"), columns: [
            Column(Label("项目", "Work / part"), weight: 3.2),
            Column(Label("类别", "Kind"), weight: 0.8),
            Column(Label("保证期", "Period"), weight: 2),
            Column(Label("保修至（日期）", "Until (date)"), weight: 1.4),
            Column(Label("保修至（里程）", "Until (odometer)"), weight: 1.5),
        ], rows: rows)
        let statutory = WarrantyTable.statutory(record.vehicle.vehicleClass, order.category)
        let promised = order.warrantyTerm ?? warranty.first?.term
        let terms = Block.fields(title: nil, columns: 4, fields: [
            Field(Label("竣工出厂合格证编号", "Completion certificate No."), record.passedFinalInspection?.certificate ?? "—", span: 2),
            Field(Label("法定最低保证期", "Statutory minimum"), termText(statutory)),
            Field(Label("本厂承诺保证期", "This shop's promise"), promised.map(termText) ?? "—"),
        ])
        let blocks: [Block] = [settlementHeader, terms, .table(table)]
        let closing: [Block] = [
            .notice(bilingual
                ? "依据《机动车维修管理规定》，维修质量保证期自车辆出厂之日起计算，里程与日期以先到者为准；法定最低保证期为国家规定，本厂承诺不短于法定期限。保证期内因维修质量原因造成的故障，本厂免费返修。检测、外加工等费用项目不是维修项目，无保证期；客户自带配件及客户坚持使用的副厂件不在保证范围内；因使用不当、事故等造成的损坏不在保证范围内。返修请携带本保证书、竣工出厂合格证及结算清单。 Warranty counts from release; kilometres or days, whichever comes first. The statutory minimum is the law's; this shop's promise is never shorter. Within it, a failure of our workmanship is repaired free. Charges (testing, sublet work) are not repairs and have no period; customer-supplied parts and misuse are excluded. Bring this certificate, the completion certificate and the settlement list."
                : "Warranty counts from release; kilometres or days, whichever comes first. The statutory minimum is the law's; this shop's promise is never shorter. Within it, a failure of our workmanship is repaired free. Charges (testing, sublet work) are not repairs and have no period; customer-supplied parts and misuse are excluded. Bring this certificate, the completion certificate and the settlement list."),
            .signatures([
                Signature(Label("承修单位（盖章）", "Repairer (seal)"), name: settings.name),
                Signature(Label("客户签字", "Customer"), name: order.releaseSigned ?? "", date: time(order.releasedAt)),
            ]),
        ]
        return make(.warranty, blocks: blocks, closing: closing)
    }
}

/// The order has no such document yet; the screen says what to do first, in the shop's language.
public enum DocumentUnavailable: Refusal, Equatable {
    public static let area = "document"

    case noInspection(order: String)
    case noSupplement(order: String)
    /// The final inspection has not passed.
    case noCertificate(order: String)
    case notReleased(order: String)
    /// A warranty certificate is issued when a repaired car is released.
    case noWarranty(order: String)
}

extension ShopSettings {
    /// "¥" for yuan; otherwise the currency's code and a space.
    var currencySymbol: String { currency == "CNY" ? "¥" : currency + " " }
}
