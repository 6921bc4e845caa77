import DocumentModel
import Foundation
import JobCards
import Testing
@testable import WorkshopModel

/// An order built in memory, as the store would give it, for rendering documents without a database.
enum Fixtures {
    static let now = ShopZone.shanghai.instant(CivilTime(year: 2026, month: 11, day: 22, hour: 9, minute: 30))

    static var settings: ShopSettings {
        var settings = ShopSettings()
        try! settings.set("name", to: "顺达汽车维修服务有限公司")
        try! settings.set("address", to: "深圳市南山区科技园南路18号")
        try! settings.set("phone", to: "0755-82345678")
        try! settings.set("credit_code", to: "91440300MA5D8K2Q3N")
        return settings
    }

    static func record(lines lineCount: Int = 4, customerName: String = "张伟", status: OrderStatus = .signed,
                       released: Bool = false) -> OrderRecord {
        let customer = Customer(id: 1, name: customerName, phone: "13800138000", company: "顺达物流", createdAt: now)
        let vehicle = Vehicle(id: 1, plate: try! Plate("京A12345"), vin: "LFV2A21K8C3070455", ownerID: 1, make: "大众",
                              model: "迈腾", year: 2019, color: "白", engineNumber: "CEA123456", fuel: "汽油", createdAt: now)
        var order = RepairOrder(id: 12, vehicleID: 1, customerID: 1, status: status, checkedInAt: now, advisor: "王芳",
                                odometerIn: 45_210, fuel: .half, complaint: "刹车时有异响，方向盘抖动", droppedBy: "李明",
                                droppedPhone: "13900001111", findings: "前刹车片磨损至2mm", estimateMethod: .system,
                                promisedAt: now + 86_400, keyTag: "K07", signedBy: status == .signed || released ? "张伟" : nil,
                                signedVia: .inPerson, signedAt: status == .signed || released ? now : nil)
        if released {
            order.status = .released
            order.releasedAt = now + 2 * 86_400
            order.releaseOdometer = 45_230
            order.releasedBy = "周静"
            order.releaseSigned = "张伟"
            order.oldParts = .returned
            order.keyReturnedAt = now + 2 * 86_400
            order.discount = .percent(500)
        }
        var lines: [OrderLine] = []
        for number in 1...lineCount {
            var line: OrderLine
            switch number % 3 {
            case 1: line = .labor(number: number, description: "更换前刹车片 \(number)", hours: Hours(hundredths: 150), rate: Money(fen: 12_000))
            case 2: line = .part(number: number, description: "前刹车片（套）\(number)", quantity: Quantity(units: 1), unitPrice: Money(fen: 42_000),
                                 partNumber: "5QD698151", brand: "大众", partClass: .oem)
            default: line = .fee(number: number, description: "外加工：前刹车盘光盘 \(number)", amount: Money(fen: 8_000))
            }
            line.status = status == .signed || released ? .approved : .proposed
            lines.append(line)
        }
        return OrderRecord(order: order, vehicle: vehicle, customer: customer, lines: lines,
                           damage: [DamageNote(id: 1, note: "左前门划痕约10cm", notedAt: now, notedBy: "王芳")],
                           belongings: [Belonging(name: "备胎", count: 1), Belonging(name: "脚垫", count: 4)],
                           documents: [ReceivedDocument(name: "行驶证"), ReceivedDocument(name: "保单", validUntil: "2027-03-01")],
                           assignments: [Assignment(group: "机修一组", technician: "赵师傅", bay: "1号工位", at: now, by: "钱主管")],
                           inspections: inspections,
                           supplements: lineCount >= 2 ? [Supplement(line: 2, reason: "前刹车片磨损至极限，影响制动安全", reportedBy: "赵师傅",
                                                                      reportedAt: now, answer: .approved, via: .phone, answeredBy: "张伟",
                                                                      told: "赵师傅", answeredAt: now + 600, recordedBy: "王芳",
                                                                      promiseWas: now + 86_400, promiseNow: now + 90_000)] : [])
    }

    static func document(_ kind: OrderDocuments.Kind, record: OrderRecord = record(), settings: ShopSettings = settings) throws -> Document {
        let warranty = record.order.releasedAt.map { released in
            record.lines.filter { $0.status == .approved && !$0.noWarranty }.map {
                WarrantyCoverage(orderID: record.order.id, line: $0, releasedAt: released, releaseOdometer: record.order.releaseOdometer ?? 0,
                                 term: WarrantyTable.statutory(.car, record.order.category), zone: settings.timeZone)
            }
        } ?? []
        let payments = record.order.releasedAt == nil ? [] : [
            Payment(amount: Money(fen: 50_000), method: .wechat, at: now, by: "周静"),
            Payment(amount: Money(fen: 31_700), method: .cash, at: now, by: "周静", reference: "收据0012"),
        ]
        return try OrderDocuments(record: record, settings: settings, printedAt: now, warranty: warranty, payments: payments).document(kind)
    }

    /// The three inspections: pre passed, process passed, final failed once then passed.
    static var inspections: [Inspection] {
        let brakeForce = try! MeasuredQuantity(unit: "%", minimum: Measure(thousandths: 60_000))
        let sideSlip = try! MeasuredQuantity(unit: "m/km", minimum: Measure(thousandths: -5_000), maximum: Measure(thousandths: 5_000))
        let items = [
            InspectionItem(code: "brakes", name: "制动性能", result: .pass),
            InspectionItem(code: "brake-force", name: "整车制动率", result: .pass, quantity: brakeForce, value: Measure(thousandths: 72_500)),
            InspectionItem(code: "side-slip", name: "前轮侧滑量", result: .pass, quantity: sideSlip, value: Measure(thousandths: -2_100)),
            InspectionItem(code: "lights", name: "灯光及信号", result: .pass), InspectionItem(code: "road-test", name: "路试", result: .pass),
        ]
        return [
            Inspection(id: 1, stage: .pre, result: .pass, inspector: "孙检", at: now, note: nil, certificate: nil,
                       items: [InspectionItem(code: "exterior", name: "外观及漆面", result: .pass),
                               InspectionItem(code: "tyres", name: "轮胎及气压", result: .pass)]),
            Inspection(id: 2, stage: .process, result: .pass, inspector: "孙检", at: now + 3_600, note: nil, certificate: nil,
                       items: [InspectionItem(code: "torque", name: "紧固力矩", result: .pass)]),
            Inspection(id: 3, stage: .final, result: .fail, inspector: "孙检", at: now + 7_200, note: "左前制动拖滞", certificate: nil,
                       items: [InspectionItem(code: "brakes", name: "制动性能", result: .fail),
                               InspectionItem(code: "brake-force", name: "整车制动率", result: .fail, quantity: brakeForce,
                                              value: Measure(thousandths: 55_000)),
                               InspectionItem(code: "lights", name: "灯光及信号", result: .pass),
                               InspectionItem(code: "road-test", name: "路试", result: .pass)]),
            Inspection(id: 4, stage: .final, result: .pass, inspector: "孙检", at: now + 9_000, note: nil, certificate: "2026-00012",
                       items: items),
        ]
    }

    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static func temporaryPath(_ name: String) -> String {
        let directory = NSTemporaryDirectory() + "workshop-docs-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory + "/" + name
    }

    /// The text of a PDF as pdftotext reads it, page by page. Anything poppler says on stderr (a
    /// broken ToUnicode map, a bad font) is a test failure.
    static func pdfText(_ path: String, layout: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let (output, warnings) = try run("/usr/bin/pdftotext", (layout ? ["-layout"] : []) + [path, "-"])
        if !warnings.isEmpty { Issue.record("pdftotext warns about \(path): \(warnings)", sourceLocation: sourceLocation) }
        return output.components(separatedBy: "\u{0C}").filter { !$0.isEmpty }
    }

    /// pdfinfo's fields ("Title", "Author", "CreationDate" as written).
    static func pdfInfo(_ path: String) throws -> [String: String] {
        let (output, _) = try run("/usr/bin/pdfinfo", ["-rawdates", path])
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> (output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}

extension OrderRecord {
    func withComplaint(_ complaint: String) -> OrderRecord {
        var order = self.order
        order.complaint = complaint
        return OrderRecord(order: order, vehicle: vehicle, customer: customer, lines: lines, damage: damage,
                           belongings: belongings, documents: documents)
    }
}
