import WorkshopModel
import WorkshopStore

/// The warranty (维修质量保证期): what is still covered, and the shop's own periods.
enum WarrantyCommands {
    static let command = CommandSpec("warranty", aliases: ["保修", "质保"], group: .afterSales,
        summary: Phrase("车辆仍在保修期内的项目（里程、日期以先到者为准）；本店的保修期",
                        "what of a vehicle's work is still under warranty (km and date, whichever first); the shop's periods"), forms: [
        Form([word("terms", "periods", "保修期")], access: .read,
             summary: Phrase("各车辆类别、维修类别的保修期及法定最低值", "the periods by vehicle class and repair category, with the statutory minimum"),
             examples: ["warranty terms"]) { _, s in
            try terms(s)
        },
        Form([word("set"), arg("category", .choice(RepairCategory.self))],
             options: [option("class", .choice(VehicleClass.self)), required("km", .count("公里", "KM")), required("days", .count("天数", "DAYS"))],
             access: .write, roles: [.manager],
             summary: Phrase("本店承诺更长的保修期（不得短于法定）", "promise a longer period than the statutory one (never shorter)"),
             examples: ["warranty set minor km=3000 days=30"]) { invocation, s in
            let category: RepairCategory = invocation.choice("category")!
            let vehicleClass = invocation.choice("class", as: VehicleClass.self) ?? .car
            let km: Int = invocation.need("km")
            let days: Int = invocation.need("days")
            try s.store.setWarrantyTerm(WarrantyTerm(km: km, days: days), vehicleClass, category)
            return .message(s.t("\(vehicleClass.chinese) \(category.chinese) 保修期：\(km) km / \(days) 天",
                                "\(vehicleClass.english) \(category.english) warranty: \(km) km / \(days) days"))
        },
        Form([arg("vehicle", .vehicleReference)], options: [option("odometer", .odometer), option("date", .day)], access: .read,
             summary: Phrase("仍在保修期内的项目（可指定里程和日期）", "the work still under warranty (at a given odometer and date)"),
             examples: ["warranty 京A12345", "warranty 京A12345 odometer=47800 date=2026-12-20"]) { invocation, s in
            try coverage(invocation, s)
        },
        Form([word("show", "check"), arg("vehicle", .vehicle)], options: [option("odometer", .odometer), option("date", .day)], access: .read,
             summary: Phrase("同上，车牌可为任意写法（如只有字母的境外车牌）", "the same, for any plate (a foreign plate of letters only)"),
             examples: ["warranty show 京A12345"]) { invocation, s in
            try coverage(invocation, s)
        },
    ])

    static func coverage(_ invocation: Invocation, _ s: Session) throws -> Output {
        let vehicle = try s.store.resolveVehicle(invocation.need("vehicle"))
        let day = s.zone.formatDate(invocation.value("date") ?? s.now)
        return try coverage(vehicle, day: day, odometer: invocation.value("odometer") ?? vehicle.odometer, s)
    }

    static func coverage(_ vehicle: Vehicle, day: String, odometer: Int, _ s: Session) throws -> Output {
        let all = try s.store.warrantyCoverage(vehicle: vehicle)
        let covered = all.filter { $0.covers(day: day, odometer: odometer) }
        var text = s.t("\(vehicle.plate) 在 \(day)、\(odometer) km 时仍在保修期内的项目：", "\(vehicle.plate) under warranty on \(day) at \(odometer) km:")
        if covered.isEmpty {
            text += "\n  " + s.t("（无）", "(nothing)")
        } else {
            var table = TextTable([s.t("单号", "Order"), "#", s.t("项目", "Work"), s.t("出厂", "Released"), s.t("保修至", "Until"),
                                   s.t("剩余", "Left")], rightAligned: [1])
            for c in covered {
                table.add([RepairOrder.number(c.orderID), "\(c.line.number)", OrderView.itemText(c.line, s), s.zone.formatDate(c.releasedAt),
                           "\(c.lastDay) / \(c.lastKilometre) km",
                           s.t("\(daysBetween(day, c.lastDay)) 天 / \(c.lastKilometre - odometer) km", "\(daysBetween(day, c.lastDay)) d / \(c.lastKilometre - odometer) km")])
            }
            text += "\n" + table.render()
        }
        return Output(text: text, json: .object([
            ("plate", .string(vehicle.plate.value)), ("date", .string(day)), ("odometer", .int(odometer)),
            ("covered", .array(covered.map(json))),
        ]))
    }

    static func json(_ c: WarrantyCoverage) -> JSON {
        .object([("order", .string(RepairOrder.number(c.orderID))), ("line", .int(c.line.number)), ("description", .string(c.line.description)),
                 ("released_at", .string(c.releasedAt.iso8601)), ("km", .int(c.term.km)), ("days", .int(c.term.days)),
                 ("last_day", .string(c.lastDay)), ("last_km", .int(c.lastKilometre))])
    }

    static func daysBetween(_ from: String, _ to: String) -> Int {
        guard let (y1, m1, d1) = TimeParser.parseDate(from), let (y2, m2, d2) = TimeParser.parseDate(to) else { return 0 }
        return CivilTime.days(fromCivil: y2, m2, d2) - CivilTime.days(fromCivil: y1, m1, d1)
    }

    static func terms(_ s: Session) throws -> Output {
        var table = TextTable([s.t("车辆类别", "Class"), s.t("维修类别", "Category"), "km", s.t("天", "Days"), s.t("法定", "Statutory")],
                              rightAligned: [2, 3])
        var rows: [JSON] = []
        for vehicleClass in VehicleClass.allCases {
            for category in RepairCategory.allCases {
                let term = try s.store.warrantyTerm(vehicleClass, category)
                let statutory = WarrantyTable.statutory(vehicleClass, category)
                table.add([vehicleClass.label(s.language), category.label(s.language), "\(term.km)", "\(term.days)",
                           term == statutory ? "=" : "\(statutory.km) / \(statutory.days)"])
                rows.append(.object([("class", .string(vehicleClass.code)), ("category", .string(category.code)),
                                     ("km", .int(term.km)), ("days", .int(term.days))]))
            }
        }
        return Output(text: table.render(), json: .object([("terms", .array(rows))]))
    }
}

/// The warranty of an order's lines, for its documents.
enum AfterSalesDocuments {
    /// Under the term promised at release (the shop's term for an order released before terms were kept).
    static func warranty(for record: OrderRecord, _ s: Session) throws -> [WarrantyCoverage] {
        guard record.order.status == .released else { return [] }
        return record.warrantyCoverage(zone: s.zone, fallback: try s.store.warrantyTerm(record.vehicle.vehicleClass, record.order.category))
    }
}
