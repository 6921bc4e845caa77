import WorkshopModel
import WorkshopStore

enum VehicleCommands {
    static let usage = [
        "vehicle add PLATE vin=VIN owner=C12|PHONE [make=… model=… year=… color=… engine=… fuel=… class=car|motorcycle|other plate-color=… foreign=yes confirm-vin=yes]",
        "vehicle show PLATE|VIN",
        "vehicle list",
        "vehicle set PLATE [owner=… vin=… plate=… make=… model=… year=… color=… engine=… fuel=… class=… plate-color=…]",
        "vehicle odometer PLATE KM reason=\"…\"",
    ]

    static let command = Command(
        name: "vehicle", aliases: ["car", "veh", "车辆"], group: .reception,
        summary: "register a vehicle; show its whole file (一车一档)",
        usage: usage,
        examples: ["vehicle add 京A12345 vin=LFV2A21K8C3070455 owner=13800138000 make=大众 model=迈腾 year=2019 color=白",
                   "vehicle show 京A·12345", "vehicle odometer 京A12345 45000 reason=\"仪表更换\""],
        access: .write, readingSubcommands: ["show", "list", "ls"], roles: [.advisor, .manager]
    ) { invocation, session in
        let sub = try invocation.required("a sub-command (add, show, list, set, odometer)", usage: usage.joined(separator: " | "))
        switch sub.lowercased() {
        case "add", "new": return try add(&invocation, session)
        case "show": return try VehicleFileView.render(try session.store.resolveVehicle(
            try invocation.required("the plate or VIN", usage: usage[1])), session: session)
        case "list", "ls": return try list(session)
        case "set", "edit": return try set(&invocation, session)
        case "odometer": return try correctOdometer(&invocation, session)
        default:
            throw UserError("vehicle \(sub): unknown sub-command; usage: \(usage.joined(separator: " | "))")
        }
    }

    static func add(_ invocation: inout LegacyInvocation, _ session: Session) throws -> Output {
        let plateText = try invocation.required("the plate", usage: usage[0])
        let foreign = try invocation.option("foreign").map { try YesNo.parse($0, field: "foreign") } ?? false
        let plate = try Plate(plateText, foreign: foreign)
        let confirmVIN = try invocation.option("confirm-vin").map { try YesNo.parse($0, field: "confirm-vin") } ?? false
        let vin = try VIN(try invocation.requiredOption("vin", example: "vin=LFV2A21K8C3070455 (from the 行驶证 or the windscreen)"),
                          acceptCheckDigitMismatch: confirmVIN)
        let owner = try session.store.resolveCustomer(try invocation.requiredOption("owner", example: "owner=C12 or owner=13800138000"))
        var vehicle = Vehicle(id: 0, plate: plate, vin: vin.value, vinConfirmed: !vin.hasValidCheckDigit, ownerID: owner.id,
                              createdAt: session.now)
        try applyDetails(&invocation, to: &vehicle, session: session)
        let created = try session.store.addVehicle(vehicle)
        var text = session.t("已建档 \(created.plate) → \(owner.reference) \(owner.name)", "added \(created.plate) for \(owner.reference) \(owner.name)")
        if created.vinConfirmed {
            text += session.t("（VIN 校验位不符，已由接待确认）", " (VIN check digit does not match; confirmed by the advisor)")
        }
        return .message(text, [("vehicle", json(created))])
    }

    /// The descriptive fields shared by add and set; returns what changed, for the journal.
    @discardableResult
    static func applyDetails(_ invocation: inout LegacyInvocation, to v: inout Vehicle, session: Session) throws -> [(String, JSON)] {
        var changed: [(String, JSON)] = []
        func text(_ key: String) -> String?? {
            guard let value = invocation.option(key) else { return nil }
            return .some(value.isEmpty ? nil : value)
        }
        if let make = text("make") { v.make = make; changed.append(("make", .string(make))) }
        if let model = text("model") { v.model = model; changed.append(("model", .string(model))) }
        if let color = text("color") { v.color = color; changed.append(("color", .string(color))) }
        if let engine = text("engine") { v.engineNumber = engine?.uppercased(); changed.append(("engine", .string(engine))) }
        if let fuel = text("fuel") { v.fuel = fuel; changed.append(("fuel", .string(fuel))) }
        if let yearText = invocation.option("year") {
            let thisYear = session.zone.civil(session.now).year
            guard let year = Int(yearText), (1900...thisYear + 1).contains(year) else {
                throw UserError("year=\(yearText) is not a model year: write four digits from 1900 to \(thisYear + 1)")
            }
            v.year = year
            changed.append(("year", .int(year)))
        }
        if let classText = invocation.option("class") {
            v.vehicleClass = try VehicleClass.parse(classText, field: "class")
            changed.append(("class", .string(v.vehicleClass.code)))
        }
        if let colorText = invocation.option("plate-color") {
            guard let color = PlateColor(rawValue: colorText.lowercased()) ?? PlateColor.allCases.first(where: { $0.chinese == colorText || $0.chinese + "色" == colorText }) else {
                throw UserError("plate-color=\(colorText) is not accepted; accepted: \(PlateColor.allCases.map { "\($0.rawValue) (\($0.chinese))" }.joined(separator: ", "))")
            }
            v.plateColor = color
            changed.append(("plate_color", .string(color.rawValue)))
        }
        return changed
    }

    static func set(_ invocation: inout LegacyInvocation, _ session: Session) throws -> Output {
        let vehicle = try session.store.resolveVehicle(try invocation.required("the plate or VIN", usage: usage[3]))
        var updated = vehicle
        var changed = try applyDetails(&invocation, to: &updated, session: session)
        if let ownerText = invocation.option("owner") {
            let owner = try session.store.resolveCustomer(ownerText)
            updated.ownerID = owner.id
            changed.append(("owner", .string(owner.reference)))
        }
        let foreign = try invocation.option("foreign").map { try YesNo.parse($0, field: "foreign") }
        if let plateText = invocation.option("plate") ?? (foreign != nil ? vehicle.plate.value : nil) {
            updated.plate = try Plate(plateText, foreign: foreign ?? vehicle.isForeign)
            changed.append(("plate", .string(updated.plate.value)))
            if foreign != nil { changed.append(("foreign", .bool(updated.isForeign))) }
        }
        if let vinText = invocation.option("vin") {
            let confirm = try invocation.option("confirm-vin").map { try YesNo.parse($0, field: "confirm-vin") } ?? false
            let vin = try VIN(vinText, acceptCheckDigitMismatch: confirm)
            updated.vin = vin.value
            updated.vinConfirmed = !vin.hasValidCheckDigit
            changed.append(("vin", .string(vin.value)))
        } else if let confirm = invocation.option("confirm-vin") {
            guard try YesNo.parse(confirm, field: "confirm-vin") else { throw UserError("confirm-vin=no: nothing to confirm") }
            throw UserError("confirm-vin=yes goes with the VIN it confirms: vehicle set \(vehicle.plate) vin=… confirm-vin=yes")
        }
        guard !changed.isEmpty else { throw UserError("vehicle set: nothing to change; usage: \(usage[3])") }
        try session.store.updateVehicle(updated, changed: changed)
        return .message(session.t("已更新 \(updated.plate)", "updated \(updated.plate)"), [("vehicle", json(updated))])
    }

    static func correctOdometer(_ invocation: inout LegacyInvocation, _ session: Session) throws -> Output {
        let vehicle = try session.store.resolveVehicle(try invocation.required("the plate", usage: usage[4]))
        let reading = try OdometerRule.parse(try invocation.required("the reading in km", usage: usage[4]), field: "odometer")
        let reason = try invocation.requiredOption("reason", example: "reason=\"仪表更换\" — a correction is recorded with its reason")
        try session.store.setOdometer(vehicleID: vehicle.id, reading: reading, correction: reason, was: vehicle.odometer)
        return .message(session.t("\(vehicle.plate) 里程更正为 \(reading) km（原 \(vehicle.odometer) km），已记录",
                                  "\(vehicle.plate) odometer corrected to \(reading) km (was \(vehicle.odometer) km); recorded"))
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
                 ("foreign", .bool(v.isForeign)), ("odometer", .int(v.odometer))])
    }
}
