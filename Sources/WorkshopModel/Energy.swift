/// What the advisor reads off the dashboard at check-in: the fuel gauge (油量), or for an electric
/// car its battery (电量, in percent) — it has no fuel to read.
extension Vehicle {
    /// A pure electric car: its fuel type says so (`electric`, `ev`, 纯电动…), or its plate is the
    /// new-energy plate of a pure electric car (GA 36-2018: energy letter D, A, B, C or E; the
    /// hybrids' F, G, H, J, K have a fuel tank).
    public var isElectric: Bool { FuelType.isElectric(fuel) || plate.isPureElectric }
}

extension Plate {
    /// A new-energy plate whose energy letter says pure electric: the first of the serial on a small
    /// one (粤B·D12345), the last on a large one (京A·12345D).
    public var isPureElectric: Bool {
        let characters = Array(value)
        guard characters.count == 8 else { return false }
        switch kind {
        case .newEnergySmall: return FuelType.pureElectricLetters.contains(characters[2])
        case .newEnergyLarge: return FuelType.pureElectricLetters.contains(characters[7])
        default: return false
        }
    }
}

/// A vehicle's fuel type as the vehicle file keeps it (free text: 汽油, 柴油, electric…).
public enum FuelType {
    static let pureElectricLetters: Set<Character> = Set("DABCE")
    /// The spellings of a pure electric car's fuel type.
    public static let electricWords: Set<String> = ["electric", "ev", "bev", "纯电动", "纯电", "电动", "电"]

    public static func isElectric(_ text: String?) -> Bool {
        guard let text else { return false }
        return electricWords.contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    }
}

/// The gauge readings of an order: an electric car records its battery and no fuel; a trailer
/// (挂车), which has no engine, what is given, if anything; any other car its fuel, and its battery
/// too when given (a plug-in hybrid has both).
public enum Gauge {
    public static func check(vehicle: Vehicle, fuel: FuelLevel?, battery: Int?) throws -> (fuel: FuelLevel?, battery: Int?) {
        if let battery, !(0...100).contains(battery) {
            throw InputRefusal.notNumber(field: "battery", given: String(battery), range: 0...100)
        }
        if vehicle.plate.kind == .trailer { return (fuel, battery) }
        if vehicle.isElectric {
            if fuel != nil { throw OrderRefusal.fuelOnElectric(plate: vehicle.plate.value) }
            guard let battery else { throw OrderRefusal.batteryNeeded(plate: vehicle.plate.value) }
            return (nil, battery)
        }
        guard let fuel else { throw OrderRefusal.fuelNeeded(plate: vehicle.plate.value) }
        return (fuel, battery)
    }
}

import Foundation
