import WorkshopModel

/// The repair record of one released order as the national 汽车维修电子健康档案 takes it
/// (JT/T 1132's elements), built from what the shop already has, fixed when the order is released.
/// Dates are the shop's calendar days (yyyyMMdd); quantities and hours as the order shows them.
public struct RepairRecord: Equatable, Sendable {
    public struct Project: Equatable, Sendable {
        public var name: String
        /// Working hours (工时), never money.
        public var hours: String
        public init(name: String, hours: String) { self.name = name; self.hours = hours }
    }

    public struct Part: Equatable, Sendable {
        /// The order's line number, so that a correction can name it.
        public var line: Int
        public var name: String
        public var code: String
        public var quantity: String
        public init(line: Int, name: String, code: String, quantity: String) {
            self.line = line; self.name = name; self.code = code; self.quantity = quantity
        }
    }

    public var companyName: String
    public var vin: String
    /// The advisor confirmed this vehicle's VIN although its check digit differs (some European
    /// makers do not use one): reported as it is.
    public var vinConfirmed: Bool
    public var plate: String
    public var plateColor: PlateColor?
    public var repairDay: String
    public var repairMileage: Int
    public var settleDay: String
    public var faultDescription: String
    /// The 结算清单编号 of the order's settlement list.
    public var settlementNumber: String
    public var category: RepairCategory
    public var projects: [Project]
    public var parts: [Part]

    public init(companyName: String, vin: String, vinConfirmed: Bool = false, plate: String, plateColor: PlateColor?, repairDay: String,
                repairMileage: Int, settleDay: String, faultDescription: String, settlementNumber: String,
                category: RepairCategory, projects: [Project], parts: [Part]) {
        self.companyName = companyName
        self.vin = vin
        self.vinConfirmed = vinConfirmed
        self.plate = plate
        self.plateColor = plateColor
        self.repairDay = repairDay
        self.repairMileage = repairMileage
        self.settleDay = settleDay
        self.faultDescription = faultDescription
        self.settlementNumber = settlementNumber
        self.category = category
        self.projects = projects
        self.parts = parts
    }
}

/// What keeps a record from being reported, each naming what to fix. Nothing is ever made up to
/// fill a gap (a VIN, a code): the record waits until a person supplies it.
public enum ReportingProblem: Equatable, Sendable {
    case companyNameMissing
    case vinMissing
    case vinInvalid(String, VIN.Problem)
    case plateMissing
    case mileageMissing
    case faultDescriptionMissing
    case settlementNumberMissing
    case nothingRepaired
    case projectWithoutHours(String)
    case partWithoutCode(line: Int, name: String)
}

extension RepairRecord {
    /// Every problem, in the order of the record's fields; empty when it can be sent.
    public var problems: [ReportingProblem] {
        var found: [ReportingProblem] = []
        if companyName.isEmpty { found.append(.companyNameMissing) }
        if vin.isEmpty {
            found.append(.vinMissing)
        } else if let problem = VIN.problem(with: vin), !(vinConfirmed && problem.isOnlyTheCheckDigit) {
            found.append(.vinInvalid(vin, problem))
        }
        if plate.isEmpty { found.append(.plateMissing) }
        if repairMileage <= 0 { found.append(.mileageMissing) }
        if faultDescription.isEmpty { found.append(.faultDescriptionMissing) }
        if settlementNumber.isEmpty { found.append(.settlementNumberMissing) }
        if projects.isEmpty && parts.isEmpty { found.append(.nothingRepaired) }
        for project in projects where project.hours.isEmpty { found.append(.projectWithoutHours(project.name)) }
        for part in parts where part.code.isEmpty { found.append(.partWithoutCode(line: part.line, name: part.name)) }
        return found
    }
}

extension VIN.Problem {
    var isOnlyTheCheckDigit: Bool {
        if case .checkDigit = self { return true }
        return false
    }
}
