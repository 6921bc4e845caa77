import DocumentModel
import Foundation
import Testing
@testable import HaruPDF
import JobCards
@testable import WorkshopModel

/// The papers a customer signs and a regulator files (issue 13), read back from the PDF as poppler
/// gives them: what the signed total holds, the certificate's statutory fields on both parts, the
/// settlement list's fields and 大写 amount, the inspection readings, the warranty's periods.
@Suite("Documents of record")
struct DocumentsOfRecordTests {
    static let english: ShopSettings = {
        var settings = Fixtures.settings
        try! settings.set("language", to: "en")
        return settings
    }()

    /// A signed order, approved by phone and taken by 王芳, with an added item still waiting for the
    /// customer's answer (line 5, 200.00) and a declined one (line 6, 300.00).
    static func phoneApproved() -> OrderRecord {
        let base = Fixtures.record(lines: 4)
        var order = base.order
        order.signedVia = .phone
        order.signTakenBy = "王芳"
        var waiting = OrderLine.labor(number: 5, description: "更换后减震器", hours: Hours(hundredths: 100), rate: Money(fen: 20_000))
        waiting.status = .proposed
        var declined = OrderLine.fee(number: 6, description: "全车打蜡", amount: Money(fen: 30_000))
        declined.status = .declined
        let supplements = base.supplements + [Supplement(line: 5, reason: "后减震器漏油", reportedBy: "赵师傅", reportedAt: Fixtures.now)]
        return OrderRecord(order: order, vehicle: base.vehicle, customer: base.customer, lines: base.lines + [waiting, declined],
                           damage: base.damage, belongings: base.belongings, documents: base.documents, assignments: base.assignments,
                           inspections: base.inspections, supplements: supplements)
    }

    /// A released order whose car has a registered type and a blue plate, with a settlement number,
    /// and among its lines a part typed in without a class, a customer's own part and a used part.
    static func released(total fen: Int? = nil) -> OrderRecord {
        let base = Fixtures.record(released: true)
        var vehicle = base.vehicle
        vehicle.vehicleType = "小型轿车"
        var order = base.order
        order.settlementNumber = "JS2026-00007"
        order.warrantyTerm = WarrantyTerm(km: 3_000, days: 30)
        var lines = base.lines
        if let fen {
            // One charge of exactly `fen`, prices including tax, no discount: the total is `fen`.
            order.discount = nil
            var line = OrderLine.part(number: 1, description: "蓄电池", quantity: Quantity(units: 1), unitPrice: Money(fen: fen),
                                      partNumber: nil, brand: nil, partClass: .oem)
            line.status = .approved
            lines = [line]
        } else {
            var unstated = OrderLine.part(number: 5, description: "雨刮片", quantity: Quantity(units: 2), unitPrice: Money(fen: 4_500),
                                          partNumber: nil, brand: nil, partClass: nil)
            var own = OrderLine.part(number: 6, description: "客户机油", quantity: Quantity(units: 4), unitPrice: .zero,
                                     partNumber: nil, brand: nil, partClass: .customer)
            var used = OrderLine.part(number: 7, description: "拆车发电机", quantity: Quantity(units: 1), unitPrice: Money(fen: 60_000),
                                      partNumber: nil, brand: nil, partClass: .used)
            unstated.status = .approved; own.status = .approved; used.status = .approved
            lines += [unstated, own, used]
        }
        return OrderRecord(order: order, vehicle: vehicle, customer: base.customer, lines: lines, damage: base.damage,
                           belongings: base.belongings, documents: base.documents, assignments: base.assignments,
                           inspections: base.inspections, supplements: base.supplements)
    }

    /// The warranty a released record's lines get, as `release` computes it.
    static func coverage(_ record: OrderRecord) -> [WarrantyCoverage] {
        record.warrantyCoverage(zone: .shanghai, fallback: WarrantyTable.statutory(.car, record.order.category))
    }

    static func pdf(_ kind: OrderDocuments.Kind, _ record: OrderRecord, settings: ShopSettings = Fixtures.settings,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let document = try OrderDocuments(record: record, settings: settings, printedAt: Fixtures.now + 3 * 86_400,
                                          warranty: coverage(record)).document(kind)
        let language = settings.language == .zh ? "zh" : "en"
        let path = Fixtures.temporaryPath("\(kind)-\(language).pdf")
        let rendered = try PDFRenderer().write([document], to: path)
        #expect(rendered.warnings.isEmpty, "\(rendered.warnings)", sourceLocation: sourceLocation)
        // WORKSHOP_KEEP_PDF=folder keeps the files, to be rendered to PNG and looked at.
        if let keep = ProcessInfo.processInfo.environment["WORKSHOP_KEEP_PDF"] {
            try? FileManager.default.removeItem(atPath: keep + "/\(kind)-\(language).pdf")
            try? FileManager.default.copyItem(atPath: path, toPath: keep + "/\(kind)-\(language).pdf")
        }
        return try Fixtures.pdfText(path, layout: false, sourceLocation: sourceLocation)
    }

    static func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func everyPaperPrintsInBothLanguagesWithoutAWarning() throws {
        for settings in [Fixtures.settings, Self.english] {
            for kind in OrderDocuments.Kind.allCases {
                let record = [.jobcard, .estimate, .supplement, .checklist].contains(kind) ? Self.phoneApproved() : Self.released()
                let text = try Self.pdf(kind, record, settings: settings).joined()
                #expect(text.contains(settings.language == .zh ? kind.title.zh : kind.title.en), "\(kind)")
            }
        }
    }

    // MARK: The signed job card and estimate

    @Test func theSignedTotalHoldsOnlyWhatTheCustomerAuthorised() throws {
        let record = Self.phoneApproved()
        let signed = Totals(lines: record.lines.filter { $0.status == .approved }, rate: TaxRate.chineseVAT, pricesIncludeTax: true).taxed.gross
        let withWaiting = signed + Money(fen: 20_000)
        for kind in [OrderDocuments.Kind.jobcard, .estimate] {
            let text = try Self.pdf(kind, record).joined()
            #expect(text.contains("¥" + signed.grouped), "\(kind): the signed total \(signed.grouped)")
            #expect(!text.contains(withWaiting.grouped), "\(kind): the unanswered item is not in the total")
            #expect(text.contains("不在签字合计内的项目"), "\(kind)")
            #expect(text.contains("更换后减震器") && text.contains("待客户答复"), "\(kind): the waiting item apart, marked")
            #expect(text.contains("全车打蜡") && text.contains("客户拒绝：不施工、不收费"), "\(kind): the declined item apart, marked")
        }
    }

    @Test func aPhoneApprovalPrintsAsOneAndTheLineWaitsForInk() throws {
        let text = try Self.pdf(.jobcard, Self.phoneApproved()).joined()
        #expect(text.contains("电话确认（非本人签字）"))
        #expect(text.contains("张伟 · 2026-11-22 09:30 · 记录人 taken by 王芳"))
        #expect(text.contains("客户签字（到店补签）"))
        let english = try Self.pdf(.jobcard, Self.phoneApproved(), settings: Self.english).joined()
        #expect(english.contains("approved by phone, not signed: 张伟 · 2026-11-22 09:30 · taken by 王芳"))
        // Signed in person, it says so; no phone wording.
        let inPerson = try Self.pdf(.jobcard, Fixtures.record()).joined()
        #expect(inPerson.contains("当面签字确认") && !inPerson.contains("非本人签字"))
    }

    /// Four lines, an item awaiting an answer, a declined one, a phone approval and belongings: at
    /// regular spacing its totals and signatures would go onto a sheet of their own; set compact it
    /// is one page, the closing on it.
    @Test func aJobCardThatOnlyJustRunsOverIsSetCompactOnOnePage() throws {
        let document = try OrderDocuments(record: Self.phoneApproved(), settings: Fixtures.settings, printedAt: Fixtures.now,
                                          warranty: []).document(.jobcard)
        let measure = TextMeasure(font: try FontFace.open(path: PDFRenderer.defaultFontPath, index: 0))
        #expect(PageLayout.laidOut(document, measure: measure, spacing: .regular).pages.count == 2)
        let pages = try Self.pdf(.jobcard, Self.phoneApproved())
        #expect(pages.count == 1)
        #expect(pages[0].contains("合计") && pages[0].contains("客户签字"))
    }

    @Test func theSignatureNameIsPrintedBeneathTheLineNotOnIt() throws {
        let document = Document(kind: "jobcard", title: Label("进厂维修单", "Repair Order"), reference: "RO1", printedAt: "",
                                shop: ShopHeader(name: "顺达", address: "", phone: "", creditCode: ""), blocks: [],
                                closing: [.signatures([Signature(Label("客户签字", "Customer signature"), name: "张伟", date: "2026-11-22")])],
                                bilingual: true)
        var layout = PageLayout(document: document, measure: TextMeasure(font: try FontFace.open(path: PDFRenderer.defaultFontPath, index: 0)))
        layout.placeClosing(document.closing)
        let ops = layout.pages[0]
        let inkLine = ops.compactMap { op -> Float? in if case .line(_, let y1, _, let y2, _, _) = op, y1 == y2 { return y1 }; return nil }.last
        let name = ops.compactMap { op -> Float? in if case .text("张伟", _, let baseline, _, _, _) = op { return baseline }; return nil }.first
        let label = ops.compactMap { op -> Float? in if case .text(let text, _, let baseline, _, _, _) = op, text.hasPrefix("客户签字") { return baseline }; return nil }.first
        let inkY = try #require(inkLine), nameY = try #require(name), labelY = try #require(label)
        #expect(labelY < inkY - 20, "room for ink between the label and the line")
        #expect(nameY > inkY, "the printed name is beneath the line, not on it")
    }

    // MARK: 机动车维修竣工出厂合格证

    @Test func theCertificateHasEveryStatutoryFieldOnBothParts() throws {
        let pages = try Self.pdf(.certificate, Self.released())
        #expect(pages.count == 1, "stub and owner's copy on one sheet")
        let text = pages.joined()
        #expect(text.contains("机动车维修竣工出厂合格证"))
        #expect(text.contains("存根（承修方留存）") && text.contains("车主联（交托修方）"))
        for twice in ["编号 No. 2026-00012", "托修方", "张伟 · 顺达物流", "京A·12345", "蓝", "小型轿车", "大众 迈腾 2019", "LFV2A21K8C3070455",
                      "顺达汽车维修服务有限公司", "0755-82345678", "维修类别", "出厂日期", "2026-11-24", "出厂里程表示值", "45230 km",
                      "该车按维修协议维修，经检验合格，准予出厂", "质量检验员（签章）", "承修单位（盖章）", "托修方接车人"] {
            #expect(Self.occurrences(twice, in: text) >= 2, "\(twice) on both parts")
        }
        // Not the check-in reading: 45210 km is the odometer in.
        #expect(!text.contains("45210"))
    }

    @Test func theCertificateBeforeReleaseLeavesTheReleaseFactsBlank() throws {
        let text = try Self.pdf(.certificate, Fixtures.record()).joined()
        #expect(text.contains("出厂日期") && !text.contains("45230") && !text.contains("2026-11-24"))
        #expect(!text.contains("45210"), "the check-in reading is not a release reading")
    }

    @Test func theCertificateInEnglish() throws {
        let text = try Self.pdf(.certificate, Self.released(), settings: Self.english).joined()
        #expect(text.contains("Motor Vehicle Repair Completion Certificate") && text.contains("Odometer at release"))
        #expect(Self.occurrences("Repaired under the repair agreement, inspected and passed: released.", in: text) == 2)
    }

    // MARK: 结算清单

    @Test func theSettlementListHasItsNumberPartiesAndClasses() throws {
        let record = Self.released()
        let text = try Self.pdf(.settlement, record).joined()
        for field in ["结算清单编号", "JS2026-00007", "承修方", "承修方（盖章）", "托修方", "送修人", "李明 13900001111", "车牌颜色", "蓝",
                      "车辆类型", "小型轿车", "LFV2A21K8C3070455", "故障描述", "刹车时有异响，方向盘抖动", "维修类别", "进厂日期", "出厂日期",
                      "45210 km", "45230 km", "工时费", "材料费", "其他费用", "序号", "增值税", "一式两联", "结算员", "托修方签字"] {
            #expect(text.contains(field), "settlement list lacks \(field)")
        }
        #expect(text.contains("雨刮片") && text.contains("未注明"), "a part typed in without a class is not 原厂")
        #expect(text.contains("客户自带") && text.contains("无：客户自带"))
        #expect(text.contains("无：旧件"))
        #expect(text.contains("无：费用项目，不适用"), "a charge has no warranty")
        #expect(text.contains("3000 km / 30 日"), "a repair line's warranty")
        let total = record.settlement(payments: [], current: Fixtures.settings.pricingTerms).total
        #expect(text.contains(CapitalAmount.words(total)))
    }

    @Test func theSettlementListNumbersItsLinesOnThroughTheSections() throws {
        let document = try OrderDocuments(record: Self.released(), settings: Fixtures.settings, printedAt: Fixtures.now).document(.settlement)
        let serials = document.blocks.flatMap { block -> [String] in
            guard case .table(let table) = block else { return [] }
            return table.rows.map { $0[0] }
        }
        #expect(serials == (1...serials.count).map(String.init))
        #expect(serials.count == 7)
    }

    @Test(arguments: [(102_650, "壹仟零贰拾陆元伍角"), (100_000, "壹仟元整"), (1_000_005, "壹万元零伍分"), (10_700_053, "壹拾万柒仟元伍角叁分")])
    func theTotalIsInCapitalNumerals(fen: Int, words: String) throws {
        let text = try Self.pdf(.settlement, Self.released(total: fen)).joined()
        #expect(text.contains("合计金额（大写）") && text.contains(words), "\(Money(fen: fen).grouped) → \(words)")
    }

    // MARK: Inspection record and warranty certificate

    @Test func theInspectionRecordPrintsReadingsAndASignatureLinePerInspection() throws {
        let text = try Self.pdf(.inspection, Self.released()).joined()
        #expect(text.contains("72.5%") && text.contains("≥ 60%"), "brake force read and its limit")
        #expect(text.contains("-2.1 m/km") && text.contains("-5 ~ 5 m/km"), "side slip read and its limits")
        #expect(text.contains("55%"), "the failed reading is kept too")
        for stage in ["进厂检验", "过程检验", "竣工检验"] {
            #expect(text.contains("检验员签字（\(stage)）"), "\(stage) has its inspector's line")
        }
        #expect(Self.occurrences("检验员签字（竣工检验）", in: text) == 2, "both final inspections signed")
        let english = try Self.pdf(.inspection, Self.released(), settings: Self.english).joined()
        #expect(english.contains("min. 60%") && english.contains("Inspector's signature (final inspection)"))
    }

    @Test func theWarrantyCertificateGivesPeriodsToRepairsOnly() throws {
        let text = try Self.pdf(.warranty, Self.released()).joined()
        #expect(text.contains("竣工出厂合格证编号") && text.contains("2026-00012"), "cross-references the certificate")
        #expect(text.contains("法定最低保证期") && text.contains("2000 km / 10 日"), "the statutory minimum")
        #expect(text.contains("本厂承诺保证期") && text.contains("3000 km / 30 日"), "the shop's promise, apart")
        #expect(text.contains("费用项目，不适用") && text.contains("客户自带配件") && text.contains("旧件，本厂不保修"))
        // Repair lines: labour 1, 4, parts 2, 5 carry a period until a day and a reading.
        #expect(Self.occurrences("48230 km", in: text) == 4, "\(text)")
    }
}
