import SQLite
import WorkshopModel

extension Store {
    private static let vehicleColumns = """
        id, plate, vin, vin_confirmed, owner_id, make, model, year, color, engine_no, fuel, class,
        plate_color, foreign_plate, odometer, created_at, vehicle_type
        """

    private func vehicle(from row: ShopRow) throws -> Vehicle {
        let stored = StoredCodes(row, table: "vehicles", key: row.string("plate"))
        return Vehicle(id: row.int("id"), plate: Plate(stored: row.string("plate"), foreign: row.bool("foreign_plate")),
                       vin: row.optionalString("vin"), vinConfirmed: row.bool("vin_confirmed"), ownerID: row.int("owner_id"),
                       make: row.optionalString("make"), model: row.optionalString("model"), year: row.optionalInt("year"),
                       color: row.optionalString("color"), engineNumber: row.optionalString("engine_no"),
                       fuel: row.optionalString("fuel"), vehicleClass: try stored.code("class"),
                       plateColor: try stored.code("plate_color", PlateColor.init(rawValue:)), odometer: row.int("odometer"),
                       createdAt: row.timestamp("created_at"), vehicleType: row.optionalString("vehicle_type"))
    }

    public func vehicle(id: Int) throws -> Vehicle? {
        try db.first(Self.vehicleByID, [.integer(Int64(id))], vehicle(from:))
    }

    static let vehicleByID = "SELECT \(vehicleColumns) FROM vehicles WHERE id = ?"

    public func vehicle(plate: String) throws -> Vehicle? {
        try db.first("SELECT \(Self.vehicleColumns) FROM vehicles WHERE plate = ?", [.text(plate)], vehicle(from:))
    }

    public func vehicle(vin: String) throws -> Vehicle? {
        try db.first("SELECT \(Self.vehicleColumns) FROM vehicles WHERE vin = ?", [.text(vin)], vehicle(from:))
    }

    /// A vehicle by plate (with or without the dot, any case) or by VIN.
    public func resolveVehicle(_ reference: String) throws -> Vehicle {
        let plate = Plate.normalize(reference)
        if let found = try vehicle(plate: plate) { return found }
        let vin = VIN.normalize(reference)
        if vin.count == 17, let found = try vehicle(vin: vin) { return found }
        throw LookupRefusal.noVehicle(given: reference, plate: plate, similar: try similarPlates(to: plate))
    }

    /// The shop's plates (or, for 17 characters, VINs) one or two keystrokes from what was typed —
    /// a character wrong, missing, extra, or two swapped — the nearest first (at most three).
    func similarPlates(to plate: String) throws -> [String] {
        guard plate.count >= 3 else { return [] }
        let vin = VIN.normalize(plate)
        if vin.count == 17 {
            let vins = try db.rows("SELECT vin FROM vehicles WHERE vin IS NOT NULL AND length(vin) = 17") { $0.string("vin") }
            let near = Similarity.nearest(to: vin, among: vins, ceiling: 2)
            if !near.isEmpty { return near }
        }
        let plates = try db.rows("SELECT plate FROM vehicles") { $0.string("plate") }
        return Similarity.nearest(to: plate, among: plates, ceiling: 2)
    }

    public func addVehicle(_ vehicle: Vehicle) throws -> Vehicle {
        if let existing = try self.vehicle(plate: vehicle.plate.value) {
            throw ConflictRefusal.plateOnFile(plate: existing.plate.value)
        }
        if let vin = vehicle.vin, let existing = try self.vehicle(vin: vin) {
            throw ConflictRefusal.vinOnFile(vin: vin, plate: existing.plate.value)
        }
        let id = try insert("""
            INSERT INTO vehicles(plate, vin, vin_confirmed, owner_id, make, model, year, color, engine_no, fuel, class,
                                 plate_color, foreign_plate, odometer, created_at, vehicle_type)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(vehicle.plate.value), SQLValue(vehicle.vin), SQLValue(vehicle.vinConfirmed),
                  .integer(Int64(vehicle.ownerID)), SQLValue(vehicle.make), SQLValue(vehicle.model), SQLValue(vehicle.year),
                  SQLValue(vehicle.color), SQLValue(vehicle.engineNumber), SQLValue(vehicle.fuel),
                  .text(vehicle.vehicleClass.code), .text(vehicle.plateColor.rawValue), SQLValue(vehicle.isForeign),
                  .integer(Int64(vehicle.odometer)), .integer(Int64(context.now.seconds)), SQLValue(vehicle.vehicleType)])
        var created = vehicle
        created.id = id
        created.createdAt = context.now
        try journal(.vehicleAdd, entity: "vehicle", id: created.plate.value, vehicleID: created.id,
                    detail: vehicleDetail(created))
        return created
    }

    func vehicleDetail(_ v: Vehicle) -> [(String, JSON)] {
        [("plate", .string(v.plate.value)), ("vin", .string(v.vin)), ("vin_confirmed", .bool(v.vinConfirmed)),
         ("owner", .string("C\(v.ownerID)")), ("make", .string(v.make)), ("model", .string(v.model)),
         ("year", .int(v.year)), ("color", .string(v.color)), ("engine", .string(v.engineNumber)),
         ("fuel", .string(v.fuel)), ("class", .string(v.vehicleClass.code)), ("plate_color", .string(v.plateColor.rawValue)),
         ("foreign", .bool(v.isForeign))] + (v.vehicleType.map { [("type", JSON.string($0))] } ?? [])
    }

    /// Saves an edited vehicle and records the fields that changed.
    public func updateVehicle(_ updated: Vehicle, changed: [(String, JSON)]) throws {
        if let other = try vehicle(plate: updated.plate.value), other.id != updated.id {
            throw ConflictRefusal.plateOfAnotherVehicle(plate: updated.plate.value)
        }
        if let vin = updated.vin, let other = try vehicle(vin: vin), other.id != updated.id {
            throw ConflictRefusal.vinOfAnotherVehicle(vin: vin, plate: other.plate.value)
        }
        try db.run("""
            UPDATE vehicles SET plate = ?, vin = ?, vin_confirmed = ?, owner_id = ?, make = ?, model = ?, year = ?,
                color = ?, engine_no = ?, fuel = ?, class = ?, plate_color = ?, foreign_plate = ?, vehicle_type = ?
            WHERE id = ?
            """, [.text(updated.plate.value), SQLValue(updated.vin), SQLValue(updated.vinConfirmed),
                  .integer(Int64(updated.ownerID)), SQLValue(updated.make), SQLValue(updated.model), SQLValue(updated.year),
                  SQLValue(updated.color), SQLValue(updated.engineNumber), SQLValue(updated.fuel),
                  .text(updated.vehicleClass.code), .text(updated.plateColor.rawValue), SQLValue(updated.isForeign),
                  SQLValue(updated.vehicleType), .integer(Int64(updated.id))])
        try journal(.vehicleSet, entity: "vehicle", id: updated.plate.value, vehicleID: updated.id, detail: changed)
    }

    /// Records a new odometer reading: check-ins move it forward; a correction may move it back.
    /// Sets the vehicle's standing reading; a correction (with its reason, and the confirmation of a
    /// reading beyond the plausible) is journalled, and from then on replaces the readings before it.
    public func setOdometer(vehicleID: Int, reading: Int, correction reason: String? = nil, was: Int,
                            confirmed: OdometerConfirmation? = nil, authorizedBy manager: String? = nil) throws {
        try db.run("UPDATE vehicles SET odometer = ? WHERE id = ?", [.integer(Int64(reading)), .integer(Int64(vehicleID))])
        if let reason {
            try journal(.vehicleOdometerCorrection, entity: "vehicle", id: nil, vehicleID: vehicleID,
                        detail: [("odometer", .int(reading)), ("was", .int(was)), ("reason", .string(reason))]
                            + (confirmed.map { [("odometer_confirmed", JSON.object($0.journalDetail))] } ?? [])
                            + (manager.map { [("authorized_by", JSON.string($0))] } ?? []))
        }
    }

    public func vehicles(ownerID: Int) throws -> [Vehicle] {
        try db.rows("SELECT \(Self.vehicleColumns) FROM vehicles WHERE owner_id = ? ORDER BY id",
                    [.integer(Int64(ownerID))], vehicle(from:))
    }

    public func listVehicles(limit: Int = 100) throws -> [Vehicle] {
        try db.rows("SELECT \(Self.vehicleColumns) FROM vehicles ORDER BY id LIMIT ?", [.integer(Int64(limit))],
                    vehicle(from:))
    }

    /// Plates starting with `prefix`, for Tab completion.
    public func plates(startingWith prefix: String, limit: Int = 20) throws -> [String] {
        // A range on the plate index, not LIKE (which cannot use it).
        try db.rows("SELECT plate FROM vehicles WHERE plate >= ?1 AND plate < ?3 ORDER BY plate LIMIT ?2",
                    [.text(prefix), .integer(Int64(limit)), .prefixEnd(prefix)]) { $0.string("plate") }
    }
}
