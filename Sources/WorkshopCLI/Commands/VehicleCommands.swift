import WorkshopModel
import WorkshopStore

/// Vehicles: one file per vehicle (一车一档), found by plate or VIN.
enum VehicleCommands {
    static let writers: Set<Role> = [.advisor, .manager]

    /// The descriptive options shared by add and set.
    static let details: [OptionSpec] = [
        option("make", .text("品牌", "MAKE")), option("model", .text("车型", "MODEL")), option("year", .modelYear),
        option("color", .text("颜色", "COLOUR")), option("engine", .text("发动机号", "ENGINE-NO")),
        option("fuel", .text("燃料", "FUEL")), option("class", .choice(VehicleClass.self)), option("plate-color", .plateColor),
        option("type", .text("车辆类型", "TYPE")),
        option("foreign", .yesNo), option("confirm-vin", .yesNo),
    ]

    static let command = CommandSpec("vehicle", aliases: ["car", "veh", "车辆"], group: .reception,
        summary: Phrase("车辆建档；查看车辆的完整档案（一车一档）", "register a vehicle; show its whole file (one file per vehicle)"), forms: [
        Form([word("add", "new"), arg("plate", .plate)],
             options: [required("vin", .text("VIN", "VIN")), required("owner", .customer)] + details,
             access: .write, roles: writers,
             summary: Phrase("新车建档：车牌、VIN（校验位不符时加 confirm-vin=yes）、车主；境外车牌加 foreign=yes",
                             "register a vehicle: plate, VIN (confirm-vin=yes when its check digit does not match), owner; foreign=yes for a foreign plate"),
             examples: ["vehicle add 京A12345 vin=LFV2A21K8C3070455 owner=13800138000 make=大众 model=迈腾 year=2019 color=白",
                        "vehicle add 粤B8K3M2 vin=LSVAM4187C2184847 owner=C3 type=小型轿车"]) { invocation, s in
            try add(invocation, s)
        },
        Form([word("show"), arg("vehicle", .vehicle)], access: .read,
             summary: Phrase("车辆档案：维修记录、保修期内项目、返修、投诉", "the vehicle's file: orders, work under warranty, comebacks, complaints"),
             examples: ["vehicle show 京A·12345"]) { invocation, s in
            let vehicle = try s.store.resolveVehicle(invocation.need("vehicle"))
            try s.store.sendAheadVehicleFileReads(vehicle)
            return try VehicleFileView.render(vehicle, session: s)
        },
        Form([word("list", "ls")], access: .read, summary: Phrase("全部车辆", "every vehicle"), examples: ["vehicle list"]) { _, s in
            try list(s)
        },
        Form([word("set", "edit"), arg("vehicle", .vehicle)],
             options: [option("owner", .customer), option("vin", .text("VIN", "VIN")), option("plate", .plate)] + details,
             access: .write, roles: writers,
             summary: Phrase("修改车辆资料（车主、VIN、车牌等；选项留空即清除）", "change the vehicle's details (owner, VIN, plate…; an empty option clears it)"),
             examples: ["vehicle set 京A12345 color=黑 owner=C2"]) { invocation, s in
            try set(invocation, s)
        },
        Form([word("odometer", "里程"), arg("vehicle", .vehicle), arg("km", .odometer)],
             options: [required("reason", .text), option("confirm-odometer", .yesNo), signer("authorized", roles: [.manager])],
             access: .write, roles: writers,
             summary: Phrase("更正里程读数（如仪表更换、读错或确认过的错误读数），连同原因记录在案；此后以更正后的读数为准",
                             "correct the odometer (a replaced cluster, a misread or a wrongly confirmed reading), recorded with the reason; the corrected reading counts from then on"),
             examples: ["vehicle odometer 京A12345 45000 reason=\"仪表更换\"", "vehicle odometer 粤B8K3M2 98750 reason=\"RO5 多输了一个0\" authorized=钱主管"]) { invocation, s in
            let vehicle = try s.store.resolveVehicle(invocation.need("vehicle"))
            let reading: Int = invocation.need("km")
            let reason: String = invocation.need("reason")
            // Down is what a correction is for; up, it is a reading like any other.
            let last = try s.store.odometerHistory(vehicleID: vehicle.id).standing(at: s.now)
            // Down lowers the car's record: a manager's, signed in or signing off (authorized=).
            let manager = try s.authorizingManager(invocation)
            try Gate.odometerCorrection(reading: reading, standing: last, plate: vehicle.plate.value, authorizedBy: manager)
            let confirmed = try OdometerRule.checkPlausible(reading: reading, plate: vehicle.plate.value, after: last, at: s.now,
                                                            confirmed: invocation.value("confirm-odometer") ?? false)
            try s.store.setOdometer(vehicleID: vehicle.id, reading: reading, correction: reason, was: vehicle.odometer, confirmed: confirmed,
                                   authorizedBy: reading < (last?.km ?? 0) ? manager : nil)
            return .message(s.t("\(vehicle.plate) 里程更正为 \(reading) km（原 \(vehicle.odometer) km），已记录",
                                "\(vehicle.plate) odometer corrected to \(reading) km (was \(vehicle.odometer) km); recorded"))
        },
    ])

    static func add(_ invocation: Invocation, _ s: Session) throws -> Output {
        let plate = try Plate(invocation.need("plate") as String, foreign: invocation.value("foreign") ?? false)
        let vin = try VIN(invocation.need("vin") as String, acceptCheckDigitMismatch: invocation.value("confirm-vin") ?? false)
        let owner = try s.store.resolveCustomer(invocation.need("owner"))
        var vehicle = Vehicle(id: 0, plate: plate, vin: vin.value, vinConfirmed: !vin.hasValidCheckDigit, ownerID: owner.id, createdAt: s.now)
        applyDetails(invocation, to: &vehicle)
        let created = try s.store.addVehicle(vehicle)
        var text = s.t("已建档 \(created.plate) → \(owner.reference) \(owner.name)", "added \(created.plate) for \(owner.reference) \(owner.name)")
        if created.vinConfirmed {
            text += s.t("（VIN 校验位不符，已由接待确认）", " (VIN check digit does not match; confirmed by the advisor)")
        }
        return .message(text, [("vehicle", json(created))])
    }

    /// The descriptive fields shared by add and set; returns what changed, for the journal.
    @discardableResult
    static func applyDetails(_ invocation: Invocation, to v: inout Vehicle) -> [(String, JSON)] {
        var changed: [(String, JSON)] = []
        func text(_ key: String) -> String?? {
            guard let value: String = invocation.value(key) else { return nil }
            return .some(value.isEmpty ? nil : value)
        }
        if let make = text("make") { v.make = make; changed.append(("make", .string(make))) }
        if let model = text("model") { v.model = model; changed.append(("model", .string(model))) }
        if let color = text("color") { v.color = color; changed.append(("color", .string(color))) }
        if let engine = text("engine") { v.engineNumber = engine?.uppercased(); changed.append(("engine", .string(engine))) }
        if let fuel = text("fuel") { v.fuel = fuel; changed.append(("fuel", .string(fuel))) }
        if let type = text("type") { v.vehicleType = type; changed.append(("type", .string(type))) }
        if let year: Int = invocation.value("year") {
            v.year = year
            changed.append(("year", .int(year)))
        }
        if let vehicleClass = invocation.choice("class", as: VehicleClass.self) {
            v.vehicleClass = vehicleClass
            changed.append(("class", .string(vehicleClass.code)))
        }
        if let code: String = invocation.value("plate-color"), let color = PlateColor(rawValue: code) {
            v.plateColor = color
            changed.append(("plate_color", .string(color.rawValue)))
        }
        return changed
    }

    static func set(_ invocation: Invocation, _ s: Session) throws -> Output {
        let vehicle = try s.store.resolveVehicle(invocation.need("vehicle"))
        var updated = vehicle
        var changed = applyDetails(invocation, to: &updated)
        if let ownerText: String = invocation.value("owner") {
            let owner = try s.store.resolveCustomer(ownerText)
            updated.ownerID = owner.id
            changed.append(("owner", .string(owner.reference)))
        }
        let foreign: Bool? = invocation.value("foreign")
        if let plateText = invocation.value("plate") ?? (foreign != nil ? vehicle.plate.value : nil) {
            updated.plate = try Plate(plateText, foreign: foreign ?? vehicle.isForeign)
            changed.append(("plate", .string(updated.plate.value)))
            if foreign != nil { changed.append(("foreign", .bool(updated.isForeign))) }
        }
        let confirm: Bool? = invocation.value("confirm-vin")
        if let vinText: String = invocation.value("vin") {
            let vin = try VIN(vinText, acceptCheckDigitMismatch: confirm ?? false)
            updated.vin = vin.value
            updated.vinConfirmed = !vin.hasValidCheckDigit
            changed.append(("vin", .string(vin.value)))
        } else if let confirm {
            throw CustomerRefusal.confirmVINWithoutVIN(plate: vehicle.plate.value, confirmed: confirm)
        }
        guard !changed.isEmpty else { throw CustomerRefusal.nothingToChangeOnVehicle(plate: vehicle.plate.value) }
        try s.store.updateVehicle(updated, changed: changed)
        return .message(s.t("已更新 \(updated.plate)", "updated \(updated.plate)"), [("vehicle", json(updated))])
    }

    static func list(_ s: Session) throws -> Output {
        let vehicles = try s.store.listVehicles()
        var table = TextTable([s.t("车牌", "Plate"), s.t("车型", "Vehicle"), "VIN", s.t("车主", "Owner"), s.t("里程", "Odometer")],
                              rightAligned: [4])
        for v in vehicles { table.add([v.plate.value, v.description, v.vin ?? "", "C\(v.ownerID)", "\(v.odometer)"]) }
        return Output(text: vehicles.isEmpty ? s.t("(暂无车辆)", "(no vehicles)") : table.render(),
                      json: .object([("vehicles", .array(vehicles.map(json)))]))
    }

    static func json(_ v: Vehicle) -> JSON {
        .object([("plate", .string(v.plate.value)), ("plate_kind", .string(v.plate.kind.rawValue)),
                 ("plate_color", .string(v.plateColor.rawValue)), ("vin", .string(v.vin)),
                 ("vin_confirmed", .bool(v.vinConfirmed)), ("owner", .string("C\(v.ownerID)")),
                 ("make", .string(v.make)), ("model", .string(v.model)), ("year", .int(v.year)), ("color", .string(v.color)),
                 ("engine", .string(v.engineNumber)), ("fuel", .string(v.fuel)), ("class", .string(v.vehicleClass.code)),
                 ("foreign", .bool(v.isForeign)), ("odometer", .int(v.odometer))] + (v.vehicleType.map { [("type", JSON.string($0))] } ?? []))
    }
}
