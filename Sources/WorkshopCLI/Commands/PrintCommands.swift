import DocumentModel
import Foundation
import HaruPDF
import JobCards
import SafeFiles
import Templating
import WorkshopModel
import WorkshopStore

/// `print`: the order's documents as PDF (the default) or HTML, written to a file.
enum PrintCommands {
    static let output: [OptionSpec] = [option("format", .choice(DocumentFormat.self)), option("out", .path)]

    static let command = CommandSpec("print", aliases: ["打印"], group: .order,
        summary: Phrase("打印维修单的单据（维修单、物品清单、估价单、检验单、追加项目、合格证、结算清单…），PDF 或网页",
                        "print an order's documents (job card, checklist, estimate, inspections, added work, certificate, settlement…) as PDF or HTML"), forms: [
        Form([word("day", "当日"), word("jobcards", "jobcard", "维修单"), optionalArg("day", .day)], options: output, access: .read,
             summary: Phrase("某天（默认今天）进厂的全部维修单，合成一个 PDF", "every order checked in that day (today unless given), in one PDF"),
             examples: ["print day jobcards", "print day jobcards 2026-11-21"]) { invocation, s in
            try printDay(invocation, s)
        },
        Form([word("picklist", "领料单"), optionalArg("day", .day)], options: output, access: .read,
             summary: Phrase("某天（默认明天）已确认预约的领料单", "the pick list of a day's confirmed bookings (tomorrow unless given)"),
             examples: ["print picklist", "print picklist 2026-11-23"]) { invocation, s in
            try printPickList(invocation, s)
        },
        Form([arg("appointment", .appointmentWithLetter)], options: output, access: .read,
             summary: Phrase("预约确认单", "the booking confirmation"), examples: ["print A12"]) { invocation, s in
            try printBooking(invocation, s)
        },
        Form([arg("appointment", .appointmentWithLetter), word("booking", "confirmation", "预约确认单")], options: output, access: .read,
             summary: Phrase("预约确认单", "the booking confirmation"), examples: ["print A12 booking"]) { invocation, s in
            try printBooking(invocation, s)
        },
        Form([arg("order", .order), arg("document", .document)], options: output, access: .read,
             summary: Phrase("维修单的一份单据", "one of an order's documents"),
             examples: ["print RO12 jobcard", "print 京A12345 checklist", "print RO12 estimate format=html out=/tmp/estimate.html"]) { invocation, s in
            try printOrder(invocation, s)
        },
    ])

    /// PDF (the default) or an HTML page from the shop's templates.
    enum DocumentFormat: String, Vocabulary {
        case pdf, html
        var code: String { rawValue }
        var chinese: String { self == .pdf ? "PDF 文件" : "网页" }
        var english: String { self == .pdf ? "PDF file" : "HTML page" }
    }

    static func format(_ invocation: Invocation) -> DocumentFormat { invocation.choice("format") ?? .pdf }

    static func printOrder(_ invocation: Invocation, _ s: Session) throws -> Output {
        let order = try s.store.resolveOrder(invocation.need("order"))
        let kind = OrderDocuments.Kind(rawValue: invocation.need("document"))!
        let format = format(invocation)
        let record = try s.store.record(of: order)
        let document = try OrderDocuments(record: record, settings: s.papersSettings(orderID: order.id), printedAt: s.now,
                                          warranty: try AfterSalesDocuments.warranty(for: record, s),
                                          payments: try s.store.payments(orderID: order.id),
                                          memberTiers: try s.store.memberTiers(), cards: try s.store.cardNotes(of: record)).document(kind)
        let path = try outputPath(invocation.value("out"), defaultName: "\(order.number)-\(kind.rawValue).\(format.rawValue)", session: s)
        return try write([document], format: format, to: path, session: s)
    }

    static func printDay(_ invocation: Invocation, _ s: Session) throws -> Output {
        guard format(invocation) == .pdf else { throw DocumentRefusal.dayBatchIsPDF }
        let day = invocation.value("day") ?? s.zone.startOfDay(s.now)
        let orders = try s.store.orders(checkedInFrom: day, to: Day.next(day, s.zone))
        let date = s.zone.formatDate(day)
        guard !orders.isEmpty else { throw DocumentRefusal.nothingCheckedIn(day: date) }
        let documents = try orders.map { order in
            let record = try s.store.record(of: order)
            return OrderDocuments(record: record, settings: try s.papersSettings(orderID: order.id), printedAt: s.now,
                                  memberTiers: try s.store.memberTiers(),
                                  cards: try s.store.cardNotes(of: record)).jobCard()
        }
        let path = try outputPath(invocation.value("out"), defaultName: "day-\(date)-jobcards.pdf", session: s)
        // Titled as the batch, in the shop's language (the documents' own).
        let title = documents[0].bilingual ? "\(date) 进厂维修单（\(documents.count) 份）"
                                           : "Repair orders checked in \(date) (\(documents.count))"
        return try write(documents, format: .pdf, to: path, session: s, title: title)
    }

    static func printBooking(_ invocation: Invocation, _ s: Session) throws -> Output {
        let a = try s.store.resolveAppointment(invocation.need("appointment"))
        guard let vehicle = try s.store.vehicle(id: a.vehicleID), let customer = try s.store.customer(id: vehicle.ownerID) else {
            throw DocumentRefusal.bookingVehicleMissing(appointment: a.reference)
        }
        let bay = try a.bayID.flatMap { id in try s.store.bay(id: id)?.name }
        let document = BookingDocuments.confirmation(a, vehicle: vehicle, customer: customer, bay: bay,
                                                     lines: try AppointmentCommands.plannedLines(a.jobs, s),
                                                     settings: try s.papersSettings(appointmentID: a.id), printedAt: s.now)
        let format = format(invocation)
        let path = try outputPath(invocation.value("out"), defaultName: "\(a.reference)-booking.\(format.rawValue)", session: s)
        return try write([document], format: format, to: path, session: s)
    }

    static func printPickList(_ invocation: Invocation, _ s: Session) throws -> Output {
        let day = invocation.value("day") ?? Day.next(s.zone.startOfDay(s.now), s.zone)
        let bookings = try s.store.appointments(from: day, to: Day.next(day, s.zone))
        let picks = try AppointmentCommands.pickList(bookings, s)
        let items = try picks.map { pick -> BookingDocuments.PickItem in
            let booking = bookings.first { $0.reference == pick.appointment }!
            return BookingDocuments.PickItem(bay: pick.bay, appointment: pick.appointment, time: String(s.formatTime(booking.at).suffix(5)),
                                             plate: try s.store.vehicle(id: booking.vehicleID)?.plate.value ?? "",
                                             partNumber: pick.partNumber, name: pick.name, quantity: pick.quantity, bin: pick.bin)
        }
        let date = s.zone.formatDate(day)
        let document = BookingDocuments.pickList(day: date, items: items, settings: try s.papersSettingsOfSession(), printedAt: s.now)
        let format = format(invocation)
        let path = try outputPath(invocation.value("out"), defaultName: "picklist-\(date).\(format.rawValue)", session: s)
        return try write([document], format: format, to: path, session: s)
    }

    /// Where a document goes: `out=` as given (a folder gets `defaultName` inside it), else the
    /// documents folder (created 0700). Refuses a file name without the document's extension, a
    /// folder that does not exist, and every target SafePath refuses (the database, the templates,
    /// a link, another database). Used by `print`, `report month format=…` and `release`.
    static func outputPath(_ out: String?, defaultName: String, session s: Session) throws -> String {
        let path: String
        if let out, !out.isEmpty {
            try SafePath.validate(out)
            if SafePath.isFolder(out) {
                path = PathText.join(out, defaultName)
            } else {
                let expected = PathText.extension(of: defaultName)
                guard PathText.extension(of: out).lowercased() == expected else {
                    throw DocumentRefusal.wrongExtension(out: out, expected: expected)
                }
                let folder = PathText.folder(of: out)
                if !folder.isEmpty, !SafePath.isFolder(folder) {
                    throw DocumentRefusal.folderMissing(out: out, folder: folder)
                }
                path = out
            }
        } else {
            try PrivateFolder.create(s.documentsDirectory)
            path = PathText.join(s.documentsDirectory, defaultName)
        }
        try SafePath.ensureWritable(path, session: s)
        return path
    }

    /// The PDF's title (from the documents unless given), the shop as its author, made at the
    /// session's time in the shop's zone.
    static func info(_ documents: [Document], title: String? = nil, session s: Session) -> PDFInfo {
        PDFInfo(title: title ?? PDFInfo.title(of: documents), author: s.settings.name,
                created: Date(timeIntervalSince1970: TimeInterval(s.now.seconds)),
                timeZone: TimeZone(identifier: s.zone.identifier) ?? .current)
    }

    static func write(_ documents: [Document], format: DocumentFormat, to path: String, session s: Session,
                      title: String? = nil) throws -> Output {
        switch format {
        case .pdf:
            let rendered: RenderedPDF
            do {
                rendered = try PDFRenderer().write(documents, to: path, info: info(documents, title: title, session: s))
            } catch let error as PDFError {
                throw DocumentRefusal.pdf(path: path, error: error)
            }
            let w = s.wording
            var text = s.t("已生成 \(path)（\(rendered.pageCount) 页，\(rendered.bytes / 1024) KB）",
                           "wrote \(path) (\(rendered.pageCount) pages, \(rendered.bytes / 1024) KB)")
            let warnings = rendered.missingCharacters.map { w.undrawable($0) }
            for warning in warnings { text += "\n  ! " + warning }
            return Output(text: text, json: .object([
                ("ok", .bool(true)), ("path", .string(path)), ("format", .string("pdf")), ("pages", .int(rendered.pageCount)),
                ("bytes", .int(rendered.bytes)), ("documents", .int(documents.count)),
                ("warnings", .array(warnings.map { .string($0) })),
            ]))
        case .html:
            guard let templates = s.templatesDirectory else { throw DocumentRefusal.noTemplates(template: "jobcard.html") }
            let html: String
            do {
                html = try HTMLDocuments(templatesDirectory: templates).render(documents[0])
            } catch let error as TemplateError {
                throw DocumentRefusal.template(folder: templates, detail: error.description)
            }
            try SafeFile.write(html, to: path)
            return Output(text: s.t("已生成 \(path)", "wrote \(path)"),
                          json: .object([("ok", .bool(true)), ("path", .string(path)), ("format", .string("html"))]))
        }
    }
}

extension ValueType {
    /// One of an order's documents, by its name in either language (jobcard, 维修单, settlement, 结算清单…).
    static let document = ValueType(Phrase(OrderDocuments.Kind.allCases.map(\.rawValue).joined(separator: "|"),
                                           OrderDocuments.Kind.allCases.map(\.rawValue).joined(separator: "|")),
                                    choices: OrderDocuments.Kind.allCases.map(\.rawValue)) { text, field, _ in
        guard let kind = documentKind(text) else {
            throw InputRefusal.notAccepted(field: field, given: text, accepted: OrderDocuments.Kind.allCases.map {
                VocabularyEntry(code: $0.rawValue, chinese: $0.title.zh, english: $0.title.en)
            })
        }
        return .text(kind.rawValue)
    }

    static func documentKind(_ word: String) -> OrderDocuments.Kind? {
        switch word.lowercased() {
        case "jobcard", "job-card", "order", "ro", "维修单", "委托书", "进厂维修单": return .jobcard
        case "checklist", "belongings", "随车物品清单", "物品清单": return .checklist
        case "estimate", "diagnosis", "quote", "估价单", "诊断书": return .estimate
        case "inspection", "inspections", "检验单": return .inspection
        case "supplement", "addwork", "追加项目确认单", "追加": return .supplement
        case "certificate", "合格证", "竣工出厂合格证": return .certificate
        case "settlement", "invoice", "结算清单", "结算单": return .settlement
        case "release", "release-note", "出厂通知单": return .release
        case "warranty", "质量保证书", "保修单": return .warranty
        default: return nil
        }
    }
}
