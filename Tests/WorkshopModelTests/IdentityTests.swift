import Testing
@testable import WorkshopModel

@Suite("VIN: 17 characters, no I/O/Q, check digit in position 9")
struct VINTests {
    @Test("valid VINs pass", arguments: ["LFV2A21K8C3070455", "LSVAM4187C2184847", "LRW3E7FAXLC123456", "1M8GDM9AXKP042788"])
    func validVINs(text: String) throws {
        #expect(try VIN(text).value == text)
    }

    @Test func lowerCaseAndSpacesAreNormalised() throws {
        #expect(try VIN(" lfv2a21k8c 3070455 ").value == "LFV2A21K8C3070455")
        #expect(try VIN("LFV-2A21K8-C3070455").value == "LFV2A21K8C3070455")
    }

    @Test func computesTheCheckDigit() {
        #expect(VIN.checkDigit(of: "LFV2A21K0C3070455") == "8")
        #expect(VIN.checkDigit(of: "LRW3E7FA0LC123456") == "X")
    }

    @Test func wrongLengthIsRefusedWithTheCount() {
        #expect(throws: InputRefusal.vinLength(vin: "LFV2A21K8C307045", count: 16)) {
            try VIN("LFV2A21K8C307045")
        }
    }

    @Test func forbiddenLettersAreNamedWithTheirPosition() {
        #expect(throws: InputRefusal.vinCharacter(vin: "LFV2A21K8C3O70455", character: "O", position: 12)) {
            try VIN("LFV2A21K8C3O70455")
        }
    }

    @Test func checkDigitMismatchIsRefusedUnlessConfirmed() throws {
        #expect(throws: InputRefusal.vinCheckDigit(vin: "LFV2A21K9C3070455", found: "9", expected: "8")) {
            try VIN("LFV2A21K9C3070455")
        }
        let confirmed = try VIN("WVWZZZ3CZWE123456", acceptCheckDigitMismatch: true)
        #expect(!confirmed.hasValidCheckDigit)
        // Confirmation never lets through an I, O or Q.
        #expect(throws: InputRefusal.self) { try VIN("WVWZZZ3CZWE12345O", acceptCheckDigitMismatch: true) }
    }
}

@Suite("Plates: every kind of GA 36-2018")
struct PlateTests {
    @Test("each kind is recognised", arguments: [
        ("京A12345", Plate.Kind.ordinary), ("京A·12345", .ordinary), ("粤b·8k3m2", .ordinary), ("沪C 1A2B3", .ordinary),
        ("粤B·D12345", .newEnergySmall), ("粤BF12345", .newEnergySmall), ("粤BDA1234", .newEnergySmall),
        ("京A12345D", .newEnergyLarge), ("京A12345F", .newEnergyLarge),
        ("粤B1234挂", .trailer), ("京A1234学", .coach), ("京A0123警", .police),
        ("粤Z1234港", .hongKongMacao), ("粤Z·A123澳", .hongKongMacao),
        ("沪A0123领", .consulate), ("使014578", .embassy), ("川A1234应急", .emergency),
        ("224009使", .embassy), ("224·009使", .embassy), ("101001使", .embassy), ("335120使", .embassy),
        ("沪12345领", .consulate), ("粤224·01领", .consulate), ("川A·1234领", .consulate),
        ("WJ京12345", .armedPolice), ("WJ01234", .armedPolice), ("VA12345", .military), ("KA·23456", .military),
    ])
    func kinds(text: String, kind: Plate.Kind) throws {
        #expect(try Plate(text).kind == kind)
    }

    @Test func storedWithoutTheDotAndPrintedWithIt() throws {
        let plate = try Plate("粤b·d12345")
        #expect(plate.value == "粤BD12345")
        #expect(plate.dotted == "粤B·D12345")
        #expect(try Plate("京A 12345").value == "京A12345")
        #expect(try Plate("京A.12345").value == "京A12345")
    }

    @Test("malformed plates are refused", arguments: [
        "京A1234", "京A123456", "京12345", "1A12345", "VA1234", "京AI2345", "京A1234O", "京A12O45", "粤B1234港", "京AX12345",
        "京A12345X", "使01457", "哈A12345", "",
        // Embassy: six digits, the first 1–3, then 使; consulate: a province, five digits, 领.
        "022400使", "422400使", "22400使", "2240091使", "22400A使", "使2240091", "使22400使",
        "哈12345领", "沪1234领", "沪123456领", "沪1234A领", "12345领", "沪12345使",
    ])
    func refusals(text: String) {
        #expect(throws: InputRefusal.self) { try Plate(text) }
    }

    @Test func embassyAndConsulatePlatesPrintWithTheirDot() throws {
        #expect(try Plate("224·009使").value == "224009使")
        #expect(try Plate("224009使").dotted == "224·009使")
        #expect(try Plate("沪12345领").dotted == "沪123·45领")
        #expect(try Plate("沪A0123领").dotted == "沪A·0123领")
        #expect(try Plate("使014578").dotted == "使014578")
        #expect(try Plate("224009使").kind.defaultColor == .black)
        #expect(try Plate("沪12345领").kind.defaultColor == .black)
    }

    @Test func refusalOfIAndOExplainsWhy() {
        #expect(throws: InputRefusal.plateIOInSerial(given: "京A12O45")) { try Plate("京A12O45") }
    }

    @Test func foreignPlatesSkipTheCheck() throws {
        let plate = try Plate("M-HM 4711", foreign: true)
        #expect(plate.kind == .foreign)
        #expect(plate.value == "MHM4711")
    }

    @Test func coloursFollowTheKind() throws {
        #expect(try Plate("京A12345").kind.defaultColor == .blue)
        #expect(try Plate("粤BD12345").kind.defaultColor == .green)
        #expect(try Plate("京A12345D").kind.defaultColor == .yellowGreen)
        #expect(try Plate("粤Z1234港").kind.defaultColor == .black)
    }

    /// An ordinary motorcycle plate is yellow, not a small car's blue; a colour given stands.
    @Test func anOrdinaryMotorcyclePlateIsYellow() throws {
        let at = Timestamp(seconds: 0)
        #expect(Vehicle(id: 1, plate: try Plate("粤B6E7F8"), vin: nil, ownerID: 1, vehicleClass: .motorcycle, createdAt: at).plateColor == .yellow)
        #expect(Vehicle(id: 1, plate: try Plate("粤B6E7F8"), vin: nil, ownerID: 1, vehicleClass: .car, createdAt: at).plateColor == .blue)
        #expect(Vehicle(id: 1, plate: try Plate("粤B6E7F8"), vin: nil, ownerID: 1, vehicleClass: .motorcycle, plateColor: .blue,
                        createdAt: at).plateColor == .blue)
    }
}

@Suite("Other identities")
struct OtherIdentityTests {
    @Test func phonesAreKeptAsDigits() throws {
        #expect(try Phone.normalize("138-0013-8000") == "13800138000")
        #expect(try Phone.normalize("+86 138 0013 8000") == "13800138000")
        #expect(try Phone.normalize("(0755) 8234-5678") == "075582345678")
        #expect(throws: InputRefusal.self) { try Phone.normalize("call me") }
        #expect(throws: InputRefusal.self) { try Phone.normalize("123") }
    }

    @Test func creditCodeCheckCharacter() throws {
        try CreditCode.validate("91440300MA5D8K2Q3N")
        #expect(throws: InputRefusal.self) { try CreditCode.validate("91440300MA5D8K2Q3M") }
        #expect(throws: InputRefusal.self) { try CreditCode.validate("91440300MA5D8K2Q3") }
    }

    @Test func orderNumbersReadWithOrWithoutPrefix() {
        #expect(RepairOrder.id(fromNumber: "RO12") == 12)
        #expect(RepairOrder.id(fromNumber: "ro12") == 12)
        #expect(RepairOrder.id(fromNumber: "12") == 12)
        #expect(RepairOrder.id(fromNumber: "京A12345") == nil)
        #expect(RepairOrder.id(fromNumber: "RO") == nil)
    }

    @Test func belongingsCountWithX() throws {
        #expect(try BelongingItem.parse("脚垫x4") == BelongingItem(name: "脚垫", count: 4))
        #expect(try BelongingItem.parse("脚垫×4") == BelongingItem(name: "脚垫", count: 4))
        #expect(try BelongingItem.parse("备胎") == BelongingItem(name: "备胎", count: 1))
        #expect(try BelongingItem.parse("Xbox") == BelongingItem(name: "Xbox", count: 1))
        #expect(throws: InputRefusal.self) { try BelongingItem.parse("脚垫x0") }
        #expect(throws: InputRefusal.belongingCount(given: "脚垫x-1")) { try BelongingItem.parse("脚垫x-1") }
        #expect(try BelongingItem.parse("现金").isValuable)
    }

    @Test func odometerNeverGoesBackwards() throws {
        let vehicle = Vehicle(id: 1, plate: try Plate("京A12345"), vin: nil, ownerID: 1, odometer: 45_000,
                              createdAt: Timestamp(seconds: 0))
        try OdometerRule.check(reading: 45_000, vehicle: vehicle)
        try OdometerRule.check(reading: 45_001, vehicle: vehicle)
        #expect(throws: OrderRefusal.odometerBelowLast(reading: 44_999, plate: "京A12345", last: 45_000)) { try OdometerRule.check(reading: 44_999, vehicle: vehicle) }
        #expect(try OdometerRule.parse("45,210km") == 45_210)
        #expect(throws: InputRefusal.self) { try OdometerRule.parse("-3") }
    }
}

@Suite("Did you mean: the nearest on file")
struct SimilarityTests {
    func d(_ a: String, _ b: String, ceiling: Int = 5) -> Int? {
        Similarity.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), ceiling: ceiling)
    }

    @Test func distanceCountsEachSlipOnce() {
        #expect(d("粤B7H2L9", "粤B7H2L9") == 0)
        #expect(d("粤B7H2L6", "粤B7H2L9") == 1)      // a character wrong
        #expect(d("粤B7HL9", "粤B7H2L9") == 1)       // one missing
        #expect(d("粤B7H2LL9", "粤B7H2L9") == 1)     // one extra
        #expect(d("粤B72HL9", "粤B7H2L9") == 1)      // two swapped
        #expect(d("桂B7H2L9", "粤B7H2L9") == 1)      // the province misread
        #expect(d("BP-12345", "BP-1234") == 1)
        #expect(d("京A99999", "京A12345", ceiling: 2) == nil)
        #expect(d("", "abc") == 3)
    }

    @Test func onlyTheNearestAreSuggested() {
        let plates = ["粤B7H2L9", "粤B7H2L8", "粤B7H3L8", "京A12345"]
        #expect(Similarity.nearest(to: "粤B7H2L6", among: plates, ceiling: 2) == ["粤B7H2L8", "粤B7H2L9"])
        #expect(Similarity.nearest(to: "粤B72HL9", among: plates, ceiling: 2) == ["粤B7H2L9"])
        #expect(Similarity.nearest(to: "京B99999", among: plates, ceiling: 2) == [])
        #expect(Similarity.nearest(to: "粤B7H2L9", among: plates, ceiling: 2) == ["粤B7H2L8"])   // never the word itself
        #expect(Similarity.nearest(to: "粤B7H2L0", among: plates + ["粤B7H2L1", "粤B7H2L2"], ceiling: 2, limit: 3).count == 3)
    }

    /// One table serves a whole search: a long candidate, then shorter ones, are each measured
    /// afresh; a candidate of other characters (a plate's province) by its characters, not bytes.
    @Test func aSearchMeasuresEachCandidateAfresh() {
        #expect(Similarity.nearest(to: "BP-12", among: ["BP-12345678", "BP-13", "BP-1", "XP-12", "BP12X9"], ceiling: 1)
                == ["BP-1", "BP-13", "XP-12"])
        #expect(Similarity.nearest(to: "粤B12", among: ["粤B1234567", "粤B13", "京B12"], ceiling: 1) == ["京B12", "粤B13"])
    }
}

@Suite("Customers on papers")
struct CustomerNameTests {
    @Test func aPersonIsNamedWithTheirCompanyAndACompanyOnce() {
        let at = Timestamp(seconds: 0)
        #expect(Customer(id: 1, name: "张伟", phone: "13800138000", company: "顺达物流", createdAt: at).nameWithCompany == "张伟 · 顺达物流")
        #expect(Customer(id: 2, name: "华南快递有限公司", phone: "075588889999", company: "华南快递有限公司", createdAt: at).nameWithCompany == "华南快递有限公司")
        #expect(Customer(id: 3, name: "李娜", phone: "13912345678", createdAt: at).nameWithCompany == "李娜")
    }
}
