/// A customer: a person or company who owns vehicles. Referred to as C<id> or by phone number.
public struct Customer: Hashable, Sendable {
    public var id: Int
    public var name: String
    public var phone: String
    public var company: String?
    public var address: String?
    public var createdAt: Timestamp
    /// A company's contact person (联系人), who the cashier calls about its bills.
    public var contact: String?
    /// What the company's invoices are made out to (发票抬头), when it is not its name.
    public var invoiceTitle: String?
    /// The company's taxpayer number (纳税人识别号): its 统一社会信用代码, checked like one.
    public var taxNumber: String?
    /// The member tier (会员等级) whose prices the customer's orders get; nil: not a member.
    public var memberTier: String?

    public init(id: Int, name: String, phone: String, company: String? = nil, address: String? = nil, createdAt: Timestamp,
                contact: String? = nil, invoiceTitle: String? = nil, taxNumber: String? = nil, memberTier: String? = nil) {
        self.id = id
        self.name = name
        self.phone = phone
        self.company = company
        self.address = address
        self.createdAt = createdAt
        self.contact = contact
        self.invoiceTitle = invoiceTitle
        self.taxNumber = taxNumber
        self.memberTier = memberTier
    }

    /// Who an invoice is made out to: the invoice title, else the company, else the person.
    public var invoiceName: String { invoiceTitle ?? company ?? name }

    /// "张伟 · 顺达物流" on papers; a company registered under its own name is named once.
    public var nameWithCompany: String {
        guard let company, company != name else { return name }
        return name + " · " + company
    }

    public var reference: String { "C\(id)" }
}

/// A vehicle: one file per vehicle (一车一档). Referred to by plate or VIN.
public struct Vehicle: Hashable, Sendable {
    public var id: Int
    public var plate: Plate
    public var vin: String?
    /// The advisor confirmed a VIN whose check digit does not match (some European makers).
    public var vinConfirmed: Bool
    public var ownerID: Int
    public var make: String?
    public var model: String?
    public var year: Int?
    public var color: String?
    public var engineNumber: String?
    public var fuel: String?
    public var vehicleClass: VehicleClass
    /// 车辆类型 as the registration certificate (行驶证) gives it: 小型轿车, 大型普通客车…
    public var vehicleType: String?
    public var plateColor: PlateColor
    /// The highest odometer reading recorded, in km; check-ins may not go below it.
    public var odometer: Int
    public var createdAt: Timestamp

    public init(id: Int, plate: Plate, vin: String?, vinConfirmed: Bool = false, ownerID: Int, make: String? = nil,
                model: String? = nil, year: Int? = nil, color: String? = nil, engineNumber: String? = nil,
                fuel: String? = nil, vehicleClass: VehicleClass = .car, plateColor: PlateColor? = nil,
                odometer: Int = 0, createdAt: Timestamp, vehicleType: String? = nil) {
        self.id = id
        self.plate = plate
        self.vin = vin
        self.vinConfirmed = vinConfirmed
        self.ownerID = ownerID
        self.make = make
        self.model = model
        self.year = year
        self.color = color
        self.engineNumber = engineNumber
        self.fuel = fuel
        self.vehicleClass = vehicleClass
        self.vehicleType = vehicleType
        // An ordinary motorcycle's plate is yellow (GA 36-2018 普通摩托车号牌), as a large car's is.
        self.plateColor = plateColor ?? (plate.kind == .ordinary && vehicleClass == .motorcycle ? .yellow : plate.kind.defaultColor)
        self.odometer = odometer
        self.createdAt = createdAt
    }

    public var isForeign: Bool { plate.kind == .foreign }
    /// 车辆类型 for a document: the registration's type when known, else the class (汽车, 摩托车…).
    public func typeText(_ language: Language) -> String { vehicleType ?? vehicleClass.label(language) }
    /// "Toyota Camry 2019"
    public var description: String {
        [make, model, year.map(String.init)].compactMap { $0 }.joined(separator: " ")
    }
}

/// The odometer never goes backwards for a vehicle; a correction is a separate, recorded act.
public enum OdometerRule {
    public static let maximum = 9_999_999

    public static func parse(_ text: String, field: String = "odometer") throws -> Int {
        let digits = text.lowercased().replacingOccurrences(of: "km", with: "").replacingOccurrences(of: ",", with: "")
        guard let value = Int(digits), value >= 0, value <= maximum else {
            throw InputRefusal.notOdometer(field: field, given: text)
        }
        return value
    }

    public static func check(reading: Int, vehicle: Vehicle) throws {
        if reading < vehicle.odometer {
            throw OrderRefusal.odometerBelowLast(reading: reading, plate: vehicle.plate.value, last: vehicle.odometer)
        }
    }
}

/// The reception facts of a repair order (进厂维修单), without its lines.
public struct RepairOrder: Hashable, Sendable {
    public internal(set) var id: Int
    public internal(set) var vehicleID: Int
    public internal(set) var customerID: Int
    public internal(set) var status: OrderStatus
    public internal(set) var checkedInAt: Timestamp
    public internal(set) var advisor: String
    public internal(set) var odometerIn: Int
    /// The fuel gauge at check-in; nil for an electric car, which records its battery instead.
    public internal(set) var fuel: FuelLevel?
    /// An electric car's battery at check-in, in percent (电量); a hybrid may have both.
    public internal(set) var battery: Int?
    public internal(set) var complaint: String
    public internal(set) var droppedBy: String?
    public internal(set) var droppedPhone: String?
    public internal(set) var category: RepairCategory
    public internal(set) var payer: Payer
    public internal(set) var findings: String?
    public internal(set) var estimateMethod: EstimateMethod?
    public internal(set) var promisedAt: Timestamp?
    public internal(set) var keyTag: String?
    public internal(set) var signedBy: String?
    public internal(set) var signedVia: Channel?
    public internal(set) var signedAt: Timestamp?
    /// The staff member who recorded the signature or the approval (by phone, WeChat, SMS: who took it).
    public internal(set) var signTakenBy: String?
    public internal(set) var closedAt: Timestamp?
    public internal(set) var version: Int
    /// When the work started: the first dispatch.
    public internal(set) var startedAt: Timestamp?
    /// The workshop receiver who signed for the car, and when (to ten minutes).
    public internal(set) var handoverBy: String?
    public internal(set) var handoverAt: Timestamp?
    /// When the work was reported complete.
    public internal(set) var completedAt: Timestamp?
    /// The site of a chain the car was checked in at (nil: the home site); only its people change
    /// the order (SiteWork).
    public var siteID: Int?
    /// A comeback (返修) under warranty: the original order and line, and the cause found.
    public internal(set) var reworkOf: Int?
    public internal(set) var reworkLine: Int?
    public internal(set) var reworkCause: String?
    public internal(set) var discount: Discount?
    public internal(set) var discountBy: String?
    public internal(set) var discountAuthorizedBy: String?
    public internal(set) var keyReturnedAt: Timestamp?
    public internal(set) var releasedAt: Timestamp?
    public internal(set) var releaseOdometer: Int?
    public internal(set) var releasedBy: String?
    /// Who signed for the car at hand-back.
    public internal(set) var releaseSigned: String?
    public internal(set) var oldParts: OldParts?
    /// The pricing terms in force when the customer signed or declined; nil while estimating
    /// (the shop's current terms apply).
    public internal(set) var terms: PricingTerms?
    /// The warranty promised at release (the shop's term for the vehicle class and category then).
    public internal(set) var warrantyTerm: WarrantyTerm?
    /// The customer the order is billed to when it is not the owner (the company paying for its
    /// driver's car, an insurer); nil: the owner pays.
    public internal(set) var billTo: Int?
    /// 结算清单编号: the settlement list's own number, given once when the order is released, from
    /// its own sequence ("JS2026-00001"); never reused. nil before release, and for an order released
    /// before the number existed.
    public internal(set) var settlementNumber: String?

    public init(id: Int, vehicleID: Int, customerID: Int, status: OrderStatus, checkedInAt: Timestamp, advisor: String,
                odometerIn: Int, fuel: FuelLevel?, battery: Int? = nil, complaint: String, droppedBy: String? = nil, droppedPhone: String? = nil,
                category: RepairCategory = .minor, payer: Payer = .owner, findings: String? = nil,
                estimateMethod: EstimateMethod? = nil, promisedAt: Timestamp? = nil, keyTag: String? = nil,
                signedBy: String? = nil, signedVia: Channel? = nil, signedAt: Timestamp? = nil,
                closedAt: Timestamp? = nil, version: Int = 1, startedAt: Timestamp? = nil, handoverBy: String? = nil,
                handoverAt: Timestamp? = nil, completedAt: Timestamp? = nil, reworkOf: Int? = nil, reworkLine: Int? = nil,
                reworkCause: String? = nil, discount: Discount? = nil, discountBy: String? = nil,
                discountAuthorizedBy: String? = nil, keyReturnedAt: Timestamp? = nil, releasedAt: Timestamp? = nil,
                releaseOdometer: Int? = nil, releasedBy: String? = nil, releaseSigned: String? = nil, oldParts: OldParts? = nil,
                terms: PricingTerms? = nil, warrantyTerm: WarrantyTerm? = nil, billTo: Int? = nil,
                signTakenBy: String? = nil, settlementNumber: String? = nil) {
        self.id = id
        self.vehicleID = vehicleID
        self.customerID = customerID
        self.status = status
        self.checkedInAt = checkedInAt
        self.advisor = advisor
        self.odometerIn = odometerIn
        self.fuel = fuel
        self.battery = battery
        self.complaint = complaint
        self.droppedBy = droppedBy
        self.droppedPhone = droppedPhone
        self.category = category
        self.payer = payer
        self.findings = findings
        self.estimateMethod = estimateMethod
        self.promisedAt = promisedAt
        self.keyTag = keyTag
        self.signedBy = signedBy
        self.signedVia = signedVia
        self.signedAt = signedAt
        self.closedAt = closedAt
        self.version = version
        self.startedAt = startedAt
        self.handoverBy = handoverBy
        self.handoverAt = handoverAt
        self.completedAt = completedAt
        self.reworkOf = reworkOf
        self.reworkLine = reworkLine
        self.reworkCause = reworkCause
        self.discount = discount
        self.discountBy = discountBy
        self.discountAuthorizedBy = discountAuthorizedBy
        self.keyReturnedAt = keyReturnedAt
        self.releasedAt = releasedAt
        self.releaseOdometer = releaseOdometer
        self.releasedBy = releasedBy
        self.releaseSigned = releaseSigned
        self.oldParts = oldParts
        self.terms = terms
        self.warrantyTerm = warrantyTerm
        self.billTo = billTo
        self.signTakenBy = signTakenBy
        self.settlementNumber = settlementNumber
    }

    /// The order with who recorded its signature, for an order signed before that was kept on it
    /// (schema 10): the person its journal entry names. An order that has it keeps its own.
    public func signTaken(byJournalActor actor: String?) -> RepairOrder {
        guard signTakenBy == nil, signedBy != nil else { return self }
        var copy = self
        copy.signTakenBy = actor
        return copy
    }

    /// The customer who pays: the one billed, else the owner.
    public var payingCustomerID: Int { billTo ?? customerID }

    /// The order as the store numbered it when it was created.
    public func identified(as id: Int) -> RepairOrder {
        var copy = self
        copy.id = id
        return copy
    }

    /// "RO123": how the order is shown and typed.
    public var number: String { RepairOrder.number(id) }
    public static func number(_ id: Int) -> String { "RO\(id)" }

    /// Reads "RO123", "ro123" or "123" as an order id.
    public static func id(fromNumber text: String) -> Int? {
        var digits = Substring(text)
        if digits.lowercased().hasPrefix("ro") { digits = digits.dropFirst(2) }
        guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}

public struct DamageNote: Hashable, Sendable {
    public var id: Int
    public var note: String
    public var notedAt: Timestamp
    public var notedBy: String
    public init(id: Int, note: String, notedAt: Timestamp, notedBy: String) {
        (self.id, self.note, self.notedAt, self.notedBy) = (id, note, notedAt, notedBy)
    }
}

/// An item of the belongings checklist: how many were counted in, how many are back.
public struct Belonging: Hashable, Sendable {
    public var name: String
    public var count: Int
    /// When the last of them was checked back: set once all `count` are back.
    public var returnedAt: Timestamp?
    /// How many are back while some are still missing (nil: none yet, or all once `returnedAt` is set).
    public var returned: Int?
    /// Marked missing at hand-back (`belongings … missing`): the reason, who and when. Such an item
    /// stays on the checklist, printed as missing, and counts as accounted for at release.
    public var missingRecord: MissingBelonging?
    public init(name: String, count: Int, returnedAt: Timestamp? = nil, returned: Int? = nil, missingRecord: MissingBelonging? = nil) {
        (self.name, self.count, self.returnedAt, self.returned, self.missingRecord) = (name, count, returnedAt, returned, missingRecord)
    }

    /// The most of one item a checklist counts.
    public static let largestCount = 99

    /// How many are back in the car.
    public var back: Int { returnedAt != nil ? count : min(count, returned ?? 0) }
    /// How many are still missing.
    public var missing: Int { count - back }
    public var isBack: Bool { missing == 0 }
    /// What is still missing, as the checklist writes it: "备胎"; "脚垫×1" of four floor mats (an item
    /// counted in several always says how many).
    public var missingDisplay: String { count == 1 ? name : "\(name)×\(missing)" }
    /// Back in the car, or marked missing on record: nothing stands between it and the hand-back.
    public var isAccountedFor: Bool { isBack || missingRecord != nil }
}

/// A belonging that could not be found at hand-back, on record: why, who said so, when.
public struct MissingBelonging: Hashable, Sendable {
    public var reason: String
    public var by: String
    public var at: Timestamp
    public init(reason: String, by: String, at: Timestamp) { (self.reason, self.by, self.at) = (reason, by, at) }
}

/// A document handed over at check-in (行驶证, insurance policy…), with its expiry when it has one.
public struct ReceivedDocument: Hashable, Sendable {
    public var name: String
    public var validUntil: String?
    public init(name: String, validUntil: String? = nil) { (self.name, self.validUntil) = (name, validUntil) }
}
