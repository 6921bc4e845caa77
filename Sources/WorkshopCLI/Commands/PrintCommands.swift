import DocumentModel
import Foundation
import HaruPDF
import JobCards
import Templating
import WorkshopModel
import WorkshopStore

/// `print`: the order's documents as PDF (the default) or HTML, written to a file.
enum PrintCommands {
    static let usage = [
        "print RO jobcard|checklist|estimate|inspection|supplement|certificate|settlement|release|warranty [format=pdf|html] [out=PATH]",
        "print day jobcards [DATE] [out=PATH]",
        "print A12 booking | print picklist [DATE|tomorrow]",
    ]

    static let command = Command(
        name: "print", aliases: ["打印"], group: .order,
        summary: "print an order's documents (job card, checklist, estimate, inspections, added work, certificate) as PDF or HTML",
        usage: usage,
        examples: ["print RO12 jobcard", "print 京A12345 checklist", "print RO12 estimate format=html out=/tmp/estimate.html",
                   "print day jobcards", "print day jobcards 2026-11-21"],
        access: .read
    ) { invocation, s in
        let first = try invocation.required("the order (or day)", usage: usage.joined(separator: " | "))
        if first.lowercased() == "day" { return try printDay(&invocation, s) }
        if first.lowercased() == "picklist" || first == "领料单" { return try printPickList(&invocation, s) }
        if first.uppercased().hasPrefix("A"), Appointment.id(from: first) != nil { return try printBooking(first, &invocation, s) }
        let order = try s.store.resolveOrder(first)
        let kindWord = try invocation.required("which document (jobcard, checklist, estimate)", usage: usage[0])
        guard let kind = documentKind(kindWord) else {
            throw UserError("print: \(kindWord) is not a document; documents: \(OrderDocuments.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let format = try Format.parse(invocation.option("format"))
        let document: Document
        do {
            let record = try s.store.record(of: order)
            document = try OrderDocuments(record: record, settings: s.settings, printedAt: s.now,
                                          warranty: try AfterSalesDocuments.warranty(for: record, s),
                                          payments: try s.store.payments(orderID: order.id)).document(kind)
        } catch let error as DocumentUnavailable {
            throw UserError(error.description)
        }
        let path = try outputPath(invocation.option("out"), defaultName: "\(order.number)-\(kind.rawValue).\(format.rawValue)", session: s)
        return try write([document], format: format, to: path, session: s)
    }

    static func documentKind(_ word: String) -> OrderDocuments.Kind? {
        switch word.lowercased() {
        case "jobcard", "job-card", "order", "ro", "维修单", "委托书": return .jobcard
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

    enum Format: String {
        case pdf, html
        static func parse(_ text: String?) throws -> Format {
            guard let text else { return .pdf }
            guard let format = Format(rawValue: text.lowercased()) else {
                throw UserError("format=\(text) is not accepted; accepted: pdf, html")
            }
            return format
        }
    }

    static func printDay(_ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        let what = try invocation.required("what to print (jobcards)", usage: usage[1])
        guard ["jobcards", "jobcard", "维修单"].contains(what.lowercased()) else {
            throw UserError("print day \(what): the day batch prints jobcards; usage: \(usage[1])")
        }
        var day = s.zone.startOfDay(s.now)
        if let dateText = invocation.next() {
            guard let (y, m, d) = TimeParser.parseDate(dateText) else {
                throw UserError("print day jobcards \(dateText): write the date as 2026-11-22")
            }
            day = s.zone.instant(CivilTime(year: y, month: m, day: d))
        }
        if let format = invocation.option("format"), try Format.parse(format) != .pdf {
            throw UserError("the day batch prints as one PDF; for HTML print each order: print RO jobcard format=html")
        }
        let next = s.zone.startOfDay(day + 36 * 3600)
        let orders = try s.store.orders(checkedInFrom: day, to: next)
        let date = s.zone.formatDate(day)
        guard !orders.isEmpty else { throw UserError("no order was checked in on \(date): nothing to print") }
        let documents = try orders.map { try OrderDocuments(record: s.store.record(of: $0), settings: s.settings, printedAt: s.now).jobCard() }
        let path = try outputPath(invocation.option("out"), defaultName: "day-\(date)-jobcards.pdf", session: s)
        return try write(documents, format: .pdf, to: path, session: s)
    }

    static func printBooking(_ reference: String, _ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        let a = try s.store.resolveAppointment(reference)
        if let word = invocation.next(), !["booking", "confirmation", "预约确认单"].contains(word.lowercased()) {
            throw UserError("print \(a.reference) \(word): a booking prints as booking")
        }
        guard let vehicle = try s.store.vehicle(id: a.vehicleID), let customer = try s.store.customer(id: vehicle.ownerID) else {
            throw UserError("\(a.reference) refers to a vehicle that is missing")
        }
        let bay = try a.bayID.flatMap { id in try s.store.bays().first { $0.id == id }?.name }
        let document = BookingDocuments.confirmation(a, vehicle: vehicle, customer: customer, bay: bay,
                                                     lines: try AppointmentCommands.plannedLines(a.jobs, s), settings: s.settings, printedAt: s.now)
        let format = try Format.parse(invocation.option("format"))
        let path = try outputPath(invocation.option("out"), defaultName: "\(a.reference)-booking.\(format.rawValue)", session: s)
        return try write([document], format: format, to: path, session: s)
    }

    static func printPickList(_ invocation: inout LegacyInvocation, _ s: Session) throws -> Output {
        var day = s.zone.startOfDay(s.zone.startOfDay(s.now) + 36 * 3_600)
        if let word = invocation.next(), word.lowercased() != "tomorrow", word != "明天" {
            if word.lowercased() == "today" || word == "今天" {
                day = s.zone.startOfDay(s.now)
            } else {
                guard let (y, m, d) = TimeParser.parseDate(word) else { throw UserError("print picklist \(word): write tomorrow or a date") }
                day = s.zone.instant(CivilTime(year: y, month: m, day: d))
            }
        }
        let bookings = try s.store.appointments(from: day, to: s.zone.startOfDay(day + 36 * 3_600))
        let picks = try AppointmentCommands.pickList(bookings, s)
        let items = try picks.map { pick -> BookingDocuments.PickItem in
            let booking = bookings.first { $0.reference == pick.appointment }!
            return BookingDocuments.PickItem(bay: pick.bay, appointment: pick.appointment, time: String(s.formatTime(booking.at).suffix(5)),
                                             plate: try s.store.vehicle(id: booking.vehicleID)?.plate.value ?? "",
                                             partNumber: pick.partNumber, name: pick.name, quantity: pick.quantity, bin: pick.bin)
        }
        let date = s.zone.formatDate(day)
        let document = BookingDocuments.pickList(day: date, items: items, settings: s.settings, printedAt: s.now)
        let format = try Format.parse(invocation.option("format"))
        let path = try outputPath(invocation.option("out"), defaultName: "picklist-\(date).\(format.rawValue)", session: s)
        return try write([document], format: format, to: path, session: s)
    }

    /// `out=` as given (a folder gets the default name inside it), else the documents folder.
    static func outputPath(_ out: String?, defaultName: String, session s: Session) throws -> String {
        let fileManager = FileManager.default
        if let out, !out.isEmpty {
            try SafePath.validate(out)
            var isDirectory: ObjCBool = false
            let isFolder = fileManager.fileExists(atPath: out, isDirectory: &isDirectory) && isDirectory.boolValue
            let expected = (defaultName as NSString).pathExtension
            if !isFolder {
                guard (out as NSString).pathExtension.lowercased() == expected else {
                    throw UserError("out=\(out): the file name must end in .\(expected) (Workshop never writes over other kinds of file)")
                }
                try SafePath.ensureWritable(out, session: s)
            }
        }
        guard let out, !out.isEmpty else {
            try fileManager.createDirectory(atPath: s.documentsDirectory, withIntermediateDirectories: true)
            return s.documentsDirectory + "/" + defaultName
        }
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue {
            return out + "/" + defaultName
        }
        let parent = (out as NSString).deletingLastPathComponent
        if !parent.isEmpty {
            guard fileManager.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UserError("out=\(out): the folder \(parent) does not exist")
            }
        }
        return out
    }

    static func write(_ documents: [Document], format: Format, to path: String, session s: Session) throws -> Output {
        switch format {
        case .pdf:
            let rendered: RenderedPDF
            do {
                rendered = try PDFRenderer().write(documents, to: path)
            } catch let error as PDFError {
                throw UserError("could not write \(path): \(error)")
            }
            var text = s.t("已生成 \(path)（\(rendered.pageCount) 页，\(rendered.bytes / 1024) KB）",
                           "wrote \(path) (\(rendered.pageCount) pages, \(rendered.bytes / 1024) KB)")
            for warning in rendered.warnings { text += "\n  ! " + warning }
            return Output(text: text, json: .object([
                ("ok", .bool(true)), ("path", .string(path)), ("format", .string("pdf")), ("pages", .int(rendered.pageCount)),
                ("bytes", .int(rendered.bytes)), ("documents", .int(documents.count)),
                ("warnings", .array(rendered.warnings.map { .string($0) })),
            ]))
        case .html:
            guard let templates = s.templatesDirectory else {
                throw UserError("no Templates folder found: set WORKSHOP_TEMPLATES to the folder holding jobcard.html")
            }
            let html: String
            do {
                html = try HTMLDocuments(templatesDirectory: templates).render(documents[0])
            } catch let error as TemplateError {
                throw UserError("template error in \(templates)/\(error)")
            }
            do {
                try html.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw UserError("could not write \(path): \(error.localizedDescription)")
            }
            return Output(text: s.t("已生成 \(path)", "wrote \(path)"),
                          json: .object([("ok", .bool(true)), ("path", .string(path)), ("format", .string("html"))]))
        }
    }
}
