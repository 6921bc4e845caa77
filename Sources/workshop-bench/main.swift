// `make bench`: builds a shop with ten years of a 20-bay shop's history (150,000 orders, about a
// million lines) and times the commands an advisor uses all day on it, in-process, plus the
// start-up of the binary to its first prompt. Prints median and 99th percentile per command.
import Foundation
import HaruPDF
import DocumentModel
import JobCards
import SQLite
import WorkshopCLI
import WorkshopModel
import WorkshopStore

/// `make bench SCALE=N` (`--scale N`): a shop of N orders, its customers and vehicles in proportion
/// (at least enough idle cars for the check-ins). 150,000 by default: ten years of a 20-bay shop.
let orderCount: Int = {
    let arguments = CommandLine.arguments
    guard let at = arguments.firstIndex(of: "--scale"), at + 1 < arguments.count, let n = Int(arguments[at + 1]), n >= 1_000 else {
        return 150_000
    }
    return n
}()
let customerCount = max(1_000, orderCount * 4 / 15)
let vehicleCount = max(1_500, orderCount / 3)
let openOrders = 60
let openStatuses = "('estimating','signed','in-work','completed','ready')"
let partCount = 20_000

func milliseconds(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1_000_000 }

func time(_ body: () -> Void) -> UInt64 {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return DispatchTime.now().uptimeNanoseconds - start
}

/// The CPU time this thread spent in `body`: steadier than the wall clock on a busy machine.
func cpuTime(_ body: () -> Void) -> UInt64 {
    func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
    let start = now()
    body()
    return now() - start
}

struct Stats {
    let name: String
    let samples: [Double]
    /// The CPU time the thread spent in each run, when measured: the work itself, without the time
    /// the busy machine kept the thread waiting (for a core, or for the disk).
    var cpu: [Double] = []
    var median: Double { samples.sorted()[samples.count / 2] }
    var p99: Double { Stats.p99(samples) }
    var cpuMedian: Double? { cpu.isEmpty ? nil : cpu.sorted()[cpu.count / 2] }
    var cpuP99: Double? { cpu.isEmpty ? nil : Stats.p99(cpu) }
    static func p99(_ values: [Double]) -> Double { let s = values.sorted(); return s[min(s.count - 1, Int(Double(s.count) * 0.99))] }
}

/// A deterministic generator, so every run builds the same shop.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
}

let serialAlphabet = Array("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
let vinAlphabet = Array("0123456789ABCDEFGHJKLMNPRSTUVWXYZ")

func plate(_ index: Int) -> String {
    // 粤B + 5 serial characters, unique per index.
    var n = index
    var serial = ""
    for _ in 0..<5 {
        serial = String(serialAlphabet[n % 10]) + serial
        n /= 10
    }
    let letters = Array("ABCDEFGHJKLMN")
    return "粤" + String(letters[index / 100_000 % letters.count]) + serial
}

func vin(_ index: Int, rng: inout SplitMix) -> String {
    var characters = Array("LSVAM418")
    characters.append("0")
    for _ in 0..<2 { characters.append(vinAlphabet[rng.int(0..<vinAlphabet.count)]) }
    let serial = String(index)
    characters += Array(String(repeating: "0", count: 6 - serial.count) + serial)
    let text = String(characters)
    let digit = VIN.checkDigit(of: text)!
    characters[8] = digit
    return String(characters)
}

func buildShop(at path: String) throws {
    let start = DispatchTime.now().uptimeNanoseconds
    for suffix in ["", "-wal", "-shm", ".anchor", ".anchor.lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    // The shop's set-up goes through the store, as commands write it.
    let store = try Store(path: path, context: ChangeContext(actor: "bench", command: "generate", now: Timestamp.currentTime))
    try store.write {
        try store.setSetting("name", to: "基准测试汽修厂")
        _ = try store.saveStaff(name: "赵师傅", roles: [.technician], group: "机修一组")
        _ = try store.saveStaff(name: "孙检", roles: [.inspector], group: nil)
        _ = try store.saveStaff(name: "钱主管", roles: [.manager, .inspector, .advisor, .cashier], group: nil)
        // 20 bays with equipment, and canned jobs.
        for index in 1...20 {
            try store.saveBay(name: "工位\(index)", equipment: index % 5 == 0 ? ["lift", "alignment"] : ["lift"], hours: "08:00-18:00")
        }
        try store.saveLaborOperation(LaborOperation(code: "BRK-01", name: "更换前刹车片", hours: Hours(hundredths: 120)))
        try store.saveLaborOperation(LaborOperation(code: "ALN-01", name: "四轮定位", hours: Hours(hundredths: 100)))
        for index in 0..<50 {
            try store.saveJob(Job(code: "J\(index)", name: "套餐\(index)", operations: ["BRK-01"],
                                  parts: [("P\(index * 7)", Quantity(units: 1)), ("P\(index * 7 + 1)", Quantity(units: 2))],
                                  equipment: index % 10 == 0 ? ["alignment"] : ["lift"]))
        }
    }
    // Ten years of history in bulk, on a connection of its own (unsynced, one transaction).
    let db = try Database(path: path)
    db.setBusyTimeout(milliseconds: 5_000)
    try db.execute("PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;")
    var rng = SplitMix(state: 42)
    let end = Timestamp.currentTime.seconds - 86_400
    let begin = end - 10 * 365 * 86_400
    var journalled: [(order: Int, vehicle: Int, at: Int)] = []
    try db.transaction {
        // Workshop's own writes: marked, so the watch triggers do not log them as outside changes.
        try db.run("INSERT INTO writer_mark DEFAULT VALUES")
        // 20,000 part numbers, each with an opening-stock movement (Workshop writes no reason for it).
        for index in 0..<partCount {
            try db.run("INSERT INTO parts(part_no, name, brand, class, price, stock, bin) VALUES (?, ?, '博世', 'equivalent', ?, 100000, ?)",
                       [.text("P\(index)"), .text("配件\(index)"), .integer(Int64(rng.int(1_000..<300_000))), .text("A-\(index % 400)")])
            try db.run("INSERT INTO stock_movements(part_no, kind, on_hand_delta, reserved_delta, at, by) VALUES (?, 'adjust', 100000, 0, ?, 'bench')",
                       [.text("P\(index)"), .integer(Int64(begin))])
        }
        for index in 0..<customerCount {
            try db.run("INSERT INTO customers(name, phone, created_at) VALUES (?, ?, ?)",
                       [.text("客户\(index)"), .text(String(13_000_000_000 + index)), .integer(Int64(begin))])
        }
        for index in 0..<vehicleCount {
            try db.run("""
                INSERT INTO vehicles(plate, vin, owner_id, make, model, year, class, plate_color, odometer, created_at)
                VALUES (?, ?, ?, '大众', '朗逸', 2015, 'car', 'blue', 0, ?)
                """, [.text(plate(index)), .text(vin(index, rng: &rng)), .integer(Int64(index % customerCount + 1)),
                      .integer(Int64(begin))])
        }
        // A year of bookings: about 30 a day over the 20 bays, most of them arrived.
        let yearStart = end - 365 * 86_400
        for day in 0..<365 {
            for slot in 0..<30 {
                let at = yearStart + day * 86_400 + (slot % 10) * 3_600
                try db.run("""
                    INSERT INTO appointments(vehicle_id, at, duration, complaint, jobs, equipment, bay_id, status, estimate, created_at, created_by)
                    VALUES (?, ?, 90, '保养', 'J1', 'lift', ?, 'arrived', 50000, ?, '王芳')
                    """, [.integer(Int64(rng.int(1..<(vehicleCount + 1)))), .integer(Int64(at)), .integer(Int64(slot % 20 + 1)),
                          .integer(Int64(at - 86_400))])
            }
        }
        // Bookings still to come: tomorrow's, confirmed, each holding its bay (no parts to reserve).
        let tomorrow = (end + 2 * 86_400) / 86_400 * 86_400
        for slot in 0..<30 {
            let at = tomorrow + (slot % 10) * 3_600
            try db.run("""
                INSERT INTO appointments(vehicle_id, at, duration, complaint, jobs, equipment, bay_id, status, estimate, created_at, created_by)
                VALUES (?, ?, 90, '保养', '', 'lift', ?, 'confirmed', 50000, ?, '王芳')
                """, [.integer(Int64(rng.int(1..<(vehicleCount + 1)))), .integer(Int64(at)), .integer(Int64(slot % 20 + 1)),
                      .integer(Int64(end))])
        }
        var odometers = [Int](repeating: 0, count: vehicleCount + 1)
        var inBays = 0
        var lineTotal = 0
        for index in 0..<orderCount {
            let at = begin + (end - begin) / orderCount * index
            let vehicleID = rng.int(1..<(vehicleCount + 1))
            odometers[vehicleID] += rng.int(2_000..<15_000)
            let isOpen = index >= orderCount - openOrders
            var status = isOpen ? (index % 2 == 0 ? "estimating" : "signed") : (index % 17 == 0 ? "declined" : "released")
            if isOpen, try db.scalar("SELECT 1 FROM orders WHERE vehicle_id = ? AND status IN \(openStatuses)",
                                     [.integer(Int64(vehicleID))]) != nil {
                continue
            }
            // Ten of the signed ones are in work, each in a bay of its own (工位1…工位10).
            let inBay = status == "signed" && inBays < 10
            if inBay {
                status = "in-work"
                inBays += 1
            }
            // Signed and declined orders carry the terms they were signed under (the default terms).
            let signed = status != "estimating"
            try db.run("""
                INSERT INTO orders(vehicle_id, customer_id, status, checked_in_at, advisor, odometer_in, fuel, complaint,
                                   category, payer, promised_at, signed_by, signed_at, closed_at, tax_rate_bp,
                                   prices_include_tax, labor_rate, discount_limit)
                VALUES (?, ?, ?, ?, '王芳', ?, '1/2', '保养及刹车检查', 'minor', 'owner', ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.integer(Int64(vehicleID)), .integer(Int64((vehicleID - 1) % customerCount + 1)), .text(status),
                      .integer(Int64(at)), .integer(Int64(odometers[vehicleID])), .integer(Int64(at + 8 * 3600)),
                      signed ? .text("客户") : .null, signed ? .integer(Int64(at + 1800)) : .null,
                      isOpen ? .null : .integer(Int64(at + 9 * 3600)), signed ? 1300 : nil, signed ? 1 : nil,
                      signed ? 12_000 : nil, signed ? 5 : nil])
            let orderID = db.lastInsertRowID
            if status == "declined" {
                // A declined estimate is released once its fee is paid (the payment below): it is
                // history, like the released ones, and not on the board.
                try db.run("""
                    UPDATE orders SET released_at = ?, release_odometer = ?, released_by = '周静', release_signed = '客户'
                    WHERE id = ?
                    """, [.integer(Int64(at + 9 * 3600)), .integer(Int64(odometers[vehicleID])), .integer(Int64(orderID))])
            }
            if status == "released" {
                // Released with the statutory warranty of a car's minor repair.
                try db.run("""
                    UPDATE orders SET released_at = ?, release_odometer = ?, released_by = '周静', release_signed = '客户',
                                      old_parts = 'returned', warranty_km = 2000, warranty_days = 10
                    WHERE id = ?
                    """,
                           [.integer(Int64(at + 9 * 3600)), .integer(Int64(odometers[vehicleID] + 5)), .integer(Int64(orderID))])
            }
            var approvedTotal = 0
            let lines = rng.int(3..<11)
            for number in 1...lines {
                let isLabor = number % 3 == 1
                let amount = rng.int(2_000..<80_000)
                let lineStatus = status == "estimating" ? "proposed" : (number == lines && index % 9 == 0 ? "declined" : "approved")
                if lineStatus == "approved" { approvedTotal += isLabor ? 12_000 : amount }
                try db.run("""
                    INSERT INTO order_lines(order_id, number, kind, description, hours, rate, quantity, unit_price, amount,
                                            part_no, part_class, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.integer(Int64(orderID)), .integer(Int64(number)), .text(isLabor ? "labor" : "part"),
                          .text(isLabor ? "更换前刹车片" : "前刹车片"), isLabor ? .integer(100) : .null,
                          isLabor ? .integer(12_000) : .null, isLabor ? .null : .integer(1_000),
                          isLabor ? .null : .integer(Int64(amount)), .integer(Int64(isLabor ? 12_000 : amount)),
                          isLabor ? .null : .text("P\(number)"), isLabor ? .null : .text("equivalent"), .text(lineStatus)])
            }
            lineTotal += lines
            if status == "released" || status == "declined" {
                try db.run("INSERT INTO payments(order_id, amount, method, at, by) VALUES (?, ?, 'wechat', ?, '周静')",
                           [.integer(Int64(orderID)), .integer(Int64(approvedTotal)), .integer(Int64(at + 9 * 3600))])
            }
            // The floor's history: a dispatch, a progress report, a message and a final inspection per order.
            // A car worked on went into a bay and left it when it was ready (its stay, closed); a car
            // in work now is in its bay.
            let bay: Int? = status == "released" ? index % 20 + 1 : inBay ? inBays : nil
            try db.run("INSERT INTO assignments(order_id, group_name, technician, bay_id, assigned_at, assigned_by) VALUES (?, '机修一组', '赵师傅', ?, ?, '钱主管')",
                       [.integer(Int64(orderID)), SQLValue(bay), .integer(Int64(at + 3600))])
            if let bay {
                try db.run("""
                    INSERT INTO bay_stays(bay_id, order_id, since, placed_by, left_at, left_by, left_why) VALUES (?, ?, ?, '钱主管', ?, ?, ?)
                    """, [.integer(Int64(bay)), .integer(Int64(orderID)), .integer(Int64(at + 3600)),
                          inBay ? .null : .integer(Int64(at + 6 * 3600)), inBay ? .null : .text("孙检"), inBay ? .null : .text("ready")])
            }
            if inBay {
                try db.run("UPDATE orders SET started_at = ? WHERE id = ?", [.integer(Int64(at + 3600)), .integer(Int64(orderID))])
            }
            try db.run("INSERT INTO progress_reports(order_id, percent, at, by) VALUES (?, 80, ?, '赵师傅')",
                       [.integer(Int64(orderID)), .integer(Int64(at + 5 * 3600))])
            try db.run("INSERT INTO notifications(order_id, kind, message, at, by) VALUES (?, 'ready', '您的爱车已完成维修', ?, '王芳')",
                       [.integer(Int64(orderID)), .integer(Int64(at + 7 * 3600))])
            if !isOpen {
                try db.run("INSERT INTO inspections(order_id, stage, result, inspector, at, certificate) VALUES (?, 'final', 'pass', '孙检', ?, ?)",
                           [.integer(Int64(orderID)), .integer(Int64(at + 6 * 3600)), .text("C\(orderID)")])
            }
            journalled.append((orderID, vehicleID, at))
        }
        for vehicleID in 1...vehicleCount {
            try db.run("UPDATE vehicles SET odometer = ? WHERE id = ?", [.integer(Int64(odometers[vehicleID])), .integer(Int64(vehicleID))])
        }
        try db.run("DELETE FROM writer_mark")
        print("  \(orderCount) orders, \(lineTotal) lines, \(vehicleCount) vehicles, \(customerCount) customers")
    }
    // Each order's check-in, signature and release in the journal, chained as Workshop chains it.
    try store.write {
        for entry in journalled {
            for action in [JournalAction.orderCheckin, .orderSign, .orderRelease] {
                store.context = ChangeContext(actor: "王芳", command: "generated", now: Timestamp(seconds: entry.at))
                try store.journal(action, entity: "order", id: "RO\(entry.order)", orderID: entry.order, vehicleID: entry.vehicle, detail: [])
            }
        }
    }
    // The triggers tallied the check-ins, lines and payments as they went in; a release's figures
    // are Workshop's to add (computed as the settlement does).
    try store.tallyReleasesFound()
    // The generated rows never went through Workshop's writes: sealed as found, in one entry.
    try store.sealRecordAsFound(command: "workshop-bench generate")
    try db.execute("ANALYZE")
    try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(String(format: "  generated in %.1f s", milliseconds(DispatchTime.now().uptimeNanoseconds - start) / 1000))
}

/// Documents as PDF: a Chinese job card, a Latin-only one (English shop, Latin data), a 3-page
/// settlement list and the day batch (many job cards in one PDF).
func measureDocuments(database: String) throws -> [Stats] {
    let store = try Store(path: database, context: ChangeContext(actor: "bench", command: "print", now: Timestamp.currentTime))
    let output = directory + "/documents"
    try? FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    let renderer = PDFRenderer()
    let record = try store.record(of: store.order(id: sampleOrder)!)
    var chinese: [Double] = [], chineseInMemory: [Double] = [], latin: [Double] = [], settlement: [Double] = []
    var cpu: [String: [Double]] = [:]
    /// Wall time, and CPU time kept under `name`.
    func timed(_ name: String, _ body: () -> Void) -> UInt64 {
        var wall: UInt64 = 0
        let used = cpuTime { wall = time(body) }
        cpu[name, default: []].append(milliseconds(used))
        return wall
    }
    var chineseBytes = 0, latinBytes = 0, settlementBytes = 0, settlementPages = 0
    for _ in 0..<50 {
        chinese.append(milliseconds(timed("job card") {
            let document = OrderDocuments(record: record, settings: store.settings, printedAt: Timestamp.currentTime).jobCard()
            chineseBytes = (try? renderer.write([document], to: output + "/chinese.pdf"))?.bytes ?? 0
        }))
    }
    // The same without the file: what the PDF engine itself takes (the file is synced to disk).
    for _ in 0..<50 {
        chineseInMemory.append(milliseconds(timed("job card in memory") {
            let document = OrderDocuments(record: record, settings: store.settings, printedAt: Timestamp.currentTime).jobCard()
            _ = try? renderer.render([document])
        }))
    }
    var english = store.settings
    try english.set("language", to: "en")
    try english.set("name", to: "Harbour Motors")
    let latinRecord = OrderRecord(
        order: { let o = record.order
            return RepairOrder(id: o.id, vehicleID: o.vehicleID, customerID: o.customerID, status: o.status, checkedInAt: o.checkedInAt,
                               advisor: "Amy", odometerIn: o.odometerIn, fuel: o.fuel, complaint: "Brake noise", category: o.category,
                               promisedAt: o.promisedAt, signedBy: "Hans", signedVia: o.signedVia, signedAt: o.signedAt) }(),
        vehicle: { var v = record.vehicle; v.plate = Plate(stored: "HK8888", foreign: true); v.make = "Toyota"; v.model = "Camry"; return v }(),
        customer: { var c = record.customer; c.name = "Hans Muller"; return c }(),
        lines: record.lines.map { l in
            OrderLine(number: l.number, kind: l.kind, description: "Front brake pads", hours: l.hours, rate: l.rate, quantity: l.quantity,
                      unitPrice: l.unitPrice, amount: l.amount, partNumber: l.partNumber, brand: l.brand == nil ? nil : "Bosch",
                      partClass: l.partClass, status: l.status)
        },
        damage: [], belongings: [], documents: [])
    for _ in 0..<50 {
        latin.append(milliseconds(time {
            let document = OrderDocuments(record: latinRecord, settings: english, printedAt: Timestamp.currentTime).jobCard()
            latinBytes = (try? renderer.write([document], to: output + "/latin.pdf"))?.bytes ?? 0
        }))
    }
    // A released order's settlement list, its lines repeated until the list runs to 3 pages.
    let released = try store.record(of: store.order(id: sampleOrder)!)
    let billed = released.visibleLines
    let long = OrderRecord(order: released.order, vehicle: released.vehicle, customer: released.customer,
                           lines: (0..<60).map { index in
                               let l = billed[index % billed.count]
                               return OrderLine(number: index + 1, kind: l.kind, description: l.description, hours: l.hours, rate: l.rate,
                                                quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount, partNumber: l.partNumber,
                                                brand: l.brand, partClass: l.partClass, noWarranty: l.noWarranty, status: l.status)
                           },
                           damage: released.damage, belongings: released.belongings, documents: released.documents)
    let payments = try store.payments(orderID: sampleOrder)
    let warranty = long.warrantyCoverage(zone: store.settings.timeZone, fallback: WarrantyTable.statutory(.car, long.order.category))
    for _ in 0..<50 {
        settlement.append(milliseconds(timed("settlement") {
            guard let document = try? OrderDocuments(record: long, settings: store.settings, printedAt: Timestamp.currentTime,
                                                     warranty: warranty, payments: payments).document(.settlement) else { return }
            let rendered = try? renderer.write([document], to: output + "/settlement.pdf")
            settlementBytes = rendered?.bytes ?? 0
            settlementPages = rendered?.pageCount ?? 0
        }))
    }
    // The day batch: every order of a busy day (about 40) in one PDF, the median of 10 runs.
    let day = try Database(path: database).rows("SELECT id FROM orders WHERE id BETWEEN ? AND ?",
                                                [.integer(Int64(orderCount / 3)), .integer(Int64(orderCount / 3 + 39))]) { $0.int("id") }
    let dayDocuments = day.compactMap { id -> DocumentModel.Document? in
        guard let order = try? store.order(id: id), let record = try? store.record(of: order) else { return nil }
        return OrderDocuments(record: record, settings: store.settings, printedAt: Timestamp.currentTime).jobCard()
    }
    var pages = 0, batchBytes = 0
    var batches: [Double] = []
    for _ in 0..<10 {
        batches.append(milliseconds(timed("day batch") {
            let rendered = try? renderer.write(dayDocuments, to: output + "/day.pdf")
            pages = rendered?.pageCount ?? 0
            batchBytes = rendered?.bytes ?? 0
        }))
    }
    let batch = Stats(name: "print day batch PDF (\(dayDocuments.count) job cards)", samples: batches)
    print(String(format: "\n  PDF sizes: job card Chinese %.1f KB, Latin-only %.1f KB; settlement list %d pages %.1f KB",
                 Double(chineseBytes) / 1024, Double(latinBytes) / 1024, settlementPages, Double(settlementBytes) / 1024))
    print(String(format: "  day batch: %d job cards, %d pages, %.0f KB, median %.1f ms = %.0f pages/s",
                 dayDocuments.count, pages, Double(batchBytes) / 1024, batch.median, Double(pages) / batch.median * 1000))
    func median(_ name: String) -> Double { let s = (cpu[name] ?? [0]).sorted(); return s[s.count / 2] }
    print(String(format: "  CPU time (median): job card %.2f ms (%.2f ms in memory), settlement %.2f ms, day batch %.1f ms = %.0f pages/s",
                 median("job card"), median("job card in memory"), median("settlement"), median("day batch"),
                 Double(pages) / median("day batch") * 1000))
    return [Stats(name: "print jobcard PDF (Chinese)", samples: chinese),
            Stats(name: "  the same, not written to disk", samples: chineseInMemory),
            Stats(name: "print jobcard PDF (Latin)", samples: latin),
            Stats(name: "print settlement PDF (\(settlementPages) pages)", samples: settlement), batch]
}

/// A released order early in the history, for the documents.
let sampleOrder = min(1_000, orderCount / 2)

/// What a command is compared with: the floor of its kind, measured in the same run.
enum Floor { case write, read, check, none }

func report(_ stats: [Stats], floors: [Floor: Stats] = [:], kinds: [String: Floor] = [:]) {
    print("")
    print("command".padding(toLength: 32, withPad: " ", startingAt: 0)
          + "  median ms    p99 ms   runs   CPU: median    p99   × floor (median, p99)")
    for s in stats {
        var ratio = ""
        if let kind = kinds[s.name], let floor = floors[kind] {
            ratio = String(format: "   %5.1f× %5.1f×", s.median / floor.median, s.p99 / floor.p99) + (kind == .write ? "  (write)" : kind == .read ? "  (read)" : "  (checks)")
        }
        let cpu = s.cpuMedian.map { String(format: "  %9.3f %7.3f", $0, s.cpuP99!) } ?? String(repeating: " ", count: 19)
        print(s.name.padding(toLength: 32, withPad: " ", startingAt: 0)
              + String(format: "  %9.3f %9.3f %6d", s.median, s.p99, s.samples.count) + cpu + ratio)
    }
}

/// The floors: what SQLite itself does on this machine now, for the commands to be compared with.
/// Write: one durable transaction (WAL, synchronous=FULL, as Workshop commits) inserting an order-shaped
/// row with its indexes and a journal-shaped row with its hash, into a table already holding the shop's
/// number of orders; checkpoints outside the timing, as Workshop takes them. Read: a vehicle by its
/// plate through the unique index, on the shop itself.
func measureFloors(shop: String, runs: Int) throws -> (write: Stats, read: Stats) {
    let path = directory + "/floor-\(orderCount).db"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let db = try Database(path: path)
    try db.enableWriteAheadLog()
    try db.execute("""
        PRAGMA synchronous = OFF;
        CREATE TABLE orders (id INTEGER PRIMARY KEY, vehicle_id INTEGER NOT NULL, customer_id INTEGER NOT NULL, status TEXT NOT NULL,
                             checked_in_at INTEGER NOT NULL, advisor TEXT NOT NULL, odometer_in INTEGER, fuel TEXT, complaint TEXT);
        CREATE INDEX orders_vehicle ON orders(vehicle_id, id);
        CREATE INDEX orders_checked_in ON orders(checked_in_at);
        CREATE TABLE journal (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                              order_id INTEGER, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
        CREATE INDEX journal_order ON journal(order_id) WHERE order_id IS NOT NULL;
        """)
    try db.transaction {
        for index in 0..<orderCount {
            try db.run("INSERT INTO orders(vehicle_id, customer_id, status, checked_in_at, advisor, odometer_in, fuel, complaint) VALUES (?, ?, 'released', ?, '王芳', 1000, '1/2', '保养')",
                       [.integer(Int64(index % vehicleCount + 1)), .integer(Int64(index % customerCount + 1)), .integer(Int64(index))])
        }
    }
    try db.execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA synchronous = FULL;")
    try db.takeCheckpointsOutOfCommits()
    let hash = String(repeating: "a", count: 64)
    var writes: [Double] = []
    for index in 0..<runs {
        writes.append(milliseconds(time {
            try? db.transaction {
                try db.run("INSERT INTO orders(vehicle_id, customer_id, status, checked_in_at, advisor, odometer_in, fuel, complaint) VALUES (?, ?, 'estimating', ?, '王芳', 1000, '1/2', '刹车异响')",
                           [.integer(Int64(index + 1)), .integer(Int64(index + 1)), .integer(Int64(orderCount + index))])
                let order = db.lastInsertRowID
                try db.run("INSERT INTO journal(at, actor, action, order_id, detail, prev_hash, hash) VALUES (?, '王芳', 'order.checkin', ?, '{}', ?, ?)",
                           [.integer(Int64(index)), .integer(Int64(order)), .text(hash), .text(hash)])
            }
        }))
        if db.framesInLog >= 1_000 { db.checkpoint() }
    }
    let shopDB = try Database(path: shop, readOnly: true)
    var reads: [Double] = []
    var rng = SplitMix(state: 99)
    for _ in 0..<runs {
        let wanted = plate(rng.int(0..<vehicleCount))
        reads.append(milliseconds(time {
            _ = try? shopDB.first("SELECT * FROM vehicles WHERE plate = ?", [.text(wanted)]) { $0.int("id") }
        }))
    }
    return (Stats(name: "floor: durable insert (order + journal row)", samples: writes),
            Stats(name: "floor: vehicle by plate (indexed read)", samples: reads))
}

/// The figures as JSON in .build/bench/results.json, to compare one run with another.
func writeResults(_ commands: [Stats], documents: [Stats], floors: [Floor: Stats], generation: Double?) {
    func figures(_ s: Stats) -> String {
        String(format: "{\"median_ms\":%.4f,\"p99_ms\":%.4f,\"runs\":%d", s.median, s.p99, s.samples.count)
            + (s.cpuMedian.map { String(format: ",\"cpu_median_ms\":%.4f,\"cpu_p99_ms\":%.4f", $0, s.cpuP99!) } ?? "") + "}"
    }
    func object(_ list: [(String, Stats)]) -> String {
        "{" + list.map { "\n    " + JSON.string($0.0).serialized() + ":" + figures($0.1) }.joined(separator: ",") + "\n  }"
    }
    var text = "{\n  \"scale\":\(orderCount),\n"
    text += "  \"machine\":" + JSON.string("\(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(loadAverage())").serialized() + ",\n"
    if let generation { text += String(format: "  \"generation_s\":%.1f,\n", generation) }
    text += "  \"database\":" + JSON.string(workServerURI == nil ? "sqlite" : "postgresql").serialized() + ",\n"
    text += "  \"floors\":" + object([("write", floors[.write]!), ("read", floors[.read]!)] + (floors[.check].map { [("check", $0)] } ?? [])) + ",\n"
    text += "  \"commands\":" + object(commands.map { (benchKey($0.name), $0) }) + ",\n"
    text += "  \"documents\":" + object(documents.map { (benchKey($0.name, whole: true), $0) }) + "\n}\n"
    let file = directory + (workServerURI == nil ? "/results.json" : "/results-postgresql.json")
    try? text.write(toFile: file, atomically: true, encoding: .utf8)
    print("\nFigures written to \(file)")
}

/// A key in results.json: a command's name up to the first parenthesis or "…" ("checkin",
/// "ro_list"), a document's whole name ("print_jobcard_pdf_chinese"); lower case, words joined by "_".
func benchKey(_ name: String, whole: Bool = false) -> String {
    let cut = whole ? Substring(name) : name.prefix { $0 != "(" && $0 != "…" }
    let words = cut.lowercased().split { !($0.isLetter || $0.isNumber) }
    return words.joined(separator: "_")
}

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
}

/// Spawns the binary with posix_spawn (Foundation's Process adds ~40 ms of its own) until it exits.
func measureStartup(binary: String, database: String, runs: Int) -> Stats {
    var samples: [Double] = []
    let arguments = [binary, "--db", database, "-c", "quit"]
    for _ in 0..<runs {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let elapsed = time {
            guard posix_spawn(&pid, binary, nil, nil, &argv, environ) == 0 else { return }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        samples.append(milliseconds(elapsed))
    }
    return Stats(name: "start-up to first prompt", samples: samples)
}

let arguments = CommandLine.arguments
let directory = ".build/bench"
try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let database = directory + "/shop-\(orderCount).db"
let marker = database + ".schema-\(Store.schemaVersion)"
var generationSeconds: Double?
/// A shop generated at an earlier schema is upgraded as any shop is, by opening it (its rows are
/// what a generation now would write: a migration adds columns NULL in old rows, and indexes), not
/// generated again: a million orders take half an hour to generate, a migration seconds.
func upgradeCachedShop() -> Bool {
    guard !arguments.contains("--regenerate"), FileManager.default.fileExists(atPath: database),
          let earlier = (1..<Store.schemaVersion).reversed().first(where: { FileManager.default.fileExists(atPath: database + ".schema-\($0)") })
    else { return false }
    print("Upgrading \(database) from schema \(earlier) to \(Store.schemaVersion) …")
    do {
        _ = try Store(path: database, context: ChangeContext(actor: "bench", command: "upgrade", now: Timestamp.currentTime))
    } catch {
        print("  could not upgrade (\(error)): generating it anew")
        return false
    }
    return FileManager.default.createFile(atPath: marker, contents: nil)
}
if !FileManager.default.fileExists(atPath: marker) && upgradeCachedShop() {
    print("Using \(database), upgraded")
} else if arguments.contains("--regenerate") || !FileManager.default.fileExists(atPath: marker) {
    print("Generating a shop of \(orderCount) orders in \(database) …")
    let started = DispatchTime.now().uptimeNanoseconds
    try buildShop(at: database)
    generationSeconds = milliseconds(DispatchTime.now().uptimeNanoseconds - started) / 1000
    _ = FileManager.default.createFile(atPath: marker, contents: nil)
} else {
    print("Using \(database) (make bench ARGS=--regenerate builds it anew)")
}

/// Writes a file's pages to the disk and waits until they are there.
func settle(_ path: String) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
    sync()
}

// Work on a copy, so every run starts from the same shop.
let workCopy = directory + "/work.db"
for suffix in ["", "-wal", "-shm", ".anchor", ".anchor.lock"] { try? FileManager.default.removeItem(atPath: workCopy + suffix) }
try FileManager.default.copyItem(atPath: database, toPath: workCopy)
// With its anchor: a shop whose anchor went missing is one verify names (anchorRemoved).
try? FileManager.default.copyItem(atPath: database + ".anchor", toPath: workCopy + ".anchor")
// The copy's pages go to the disk now, not while commands are timed: at a million orders the
// kernel's writeback of 4 GB would otherwise run beside the first minutes of measuring, and every
// write's fsync would queue behind it.
settle(workCopy)

/// `make bench POSTGRES=1` (`--postgres URI`, an administrator's connection to a server): the shop
/// moved onto the server (ServerBench), the commands run against it there.
let workServerURI: String? = try arguments.firstIndex(of: "--postgres").flatMap { at in
    at + 1 < arguments.count ? try ServerBench.prepare(adminURI: arguments[at + 1], from: workCopy) : nil
}

// `make bench ARGS=--documents`: only the printed documents.
if arguments.contains("--documents") {
    report(try measureDocuments(database: workCopy))
    exit(0)
}

let options = try LaunchOptions(arguments: ["--db", workServerURI ?? workCopy])
// A server's anchor and papers go to the data folder: the bench's own, not the working directory's.
let app = try App(options: options, environment: ["WORKSHOP_PIN": "1234", "XDG_DATA_HOME": directory + "/data"])
try app.signIn("钱主管", readSecret: nil)
var rng = SplitMix(state: 7)
let runs = 300

@MainActor
func measure(_ name: String, warm: Bool = false, _ line: (Int) -> String) -> Stats {
    measureFew(name, runs: runs, warm: warm, line)
}

/// `warm`: a read is run once, untimed, before its timed runs, as a terminal that has been open a
/// while has run it: its statements prepared, the pages it always reads (the open orders, the bays)
/// in SQLite's cache. Writes are not (each run's input is used once); nor is the whole `--profile`.
@MainActor
func measureFew(_ name: String, runs: Int, warm: Bool = false, _ line: (Int) -> String) -> Stats {
    var samples: [Double] = []
    var cpu: [Double] = []
    if warm {
        _ = app.execute(line(0))
        app.idle()
    }
    // What the commands before wrote is on its way to the disk (the kernel writes dirty pages back
    // in the background, on one of the two cores): finished now, not during this command's runs.
    sync()
    for index in 0..<runs {
        let command = line(index)
        var ok = true
        let logBefore = logSize()
        var wall: UInt64 = 0
        cpu.append(milliseconds(cpuTime { wall = time { ok = app.execute(command).ok } }))
        samples.append(milliseconds(wall))
        // Pages the command wrote: the log's growth (nothing when it started over after a checkpoint).
        if logSize() > logBefore { framesWritten.append((logSize() - logBefore) / (pageSize + 24)) }
        if !ok { print("  ! \(name) failed: \(command): \(app.execute(command).output)") }
        // The moment after a command's output, as the REPL has it: the log is checkpointed there
        // once it has grown, outside any command (timed apart).
        let idle = time { app.idle() }
        if idle > 200_000 { checkpoints.append(milliseconds(idle)) }
    }
    // `WORKSHOP_BENCH_SAMPLES=1`: every run's wall and CPU time on stderr, in order, to see
    // whether the slow ones come together (a checkpoint, an anchor sync) or one by one.
    if ProcessInfo.processInfo.environment["WORKSHOP_BENCH_SAMPLES"] != nil {
        for (index, wall) in samples.enumerated() {
            FileHandle.standardError.write(Data(String(format: "%@\t%d\t%.3f\t%.3f\n", name, index, wall, cpu[index]).utf8))
        }
    }
    return Stats(name: name, samples: samples, cpu: cpu)
}

/// The idle moments that checkpointed the log or synced the anchor (over 0.2 ms), between commands.
var checkpoints: [Double] = []
/// The pages each write wrote to the log, when it grew.
var framesWritten: [Int] = []
// On a server there is no log file to watch: logSize() stays put, and no pages are counted.
let pageSize = try Database(path: workCopy).scalar("PRAGMA page_size") ?? 4096
func logSize() -> Int {
    var info = stat()
    return stat(workCopy + "-wal", &info) == 0 ? Int(info.st_size) : 0
}

// `make bench ARGS='--profile "ro list" 5000'`: one command line run N times and nothing else, to
// run under perf, callgrind or strace (`{i}` in the line becomes the run's number, `{plate}` a
// different vehicle's plate each run).
if let at = arguments.firstIndex(of: "--profile"), at + 1 < arguments.count {
    let line = arguments[at + 1]
    let count = at + 2 < arguments.count ? Int(arguments[at + 2]) ?? 1_000 : 1_000
    let samples = measureFew(line, runs: count) { i in line.replacingOccurrences(of: "{i}", with: String(i))
        .replacingOccurrences(of: "{plate}", with: plate(vehicleCount / 5 + i % (vehicleCount / 2))) }
    report([samples])
    if !framesWritten.isEmpty { print("  pages written to the log a run: median \(framesWritten.sorted()[framesWritten.count / 2])") }
    if !checkpoints.isEmpty { print("  \(checkpoints.count) idle moments over 0.2 ms (checkpoints, anchor syncs)") }
    exit(0)
}

// Vehicles with no open order, for check-ins.
let idle = try shopRows("""
    SELECT v.plate, v.odometer FROM vehicles v
    WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.vehicle_id = v.id AND o.status IN \(openStatuses))
    ORDER BY v.id LIMIT \(runs)
    """) { ($0.string("plate"), $0.int("odometer")) }

// `make bench ARGS='--profile-release 300'`: that many cars taken through check-in to payment, then
// only their releases timed, to run under perf (the write that stays furthest above its floor).
if let at = arguments.firstIndex(of: "--profile-release") {
    let count = min(at + 1 < arguments.count ? Int(arguments[at + 1]) ?? runs : runs, idle.count)
    for (plate, km) in idle.prefix(count) {
        for line in ["checkin \(plate) odometer=\(km + 1000) fuel=1/2 complaint=\"刹车异响\"",
                     "estimate \(plate) part \"前刹车片\" qty=1 price=360 partno=BP-1 class=equivalent",
                     "promise \(plate) 2099-01-01 17:00", "approve \(plate) signed=客户", "dispatch \(plate) group=机修一组",
                     "complete \(plate)", "pay \(plate) amount=360 method=cash"] {
            _ = app.execute(line)
        }
        app.idle()
    }
    // Said on stderr, unbuffered: where a trace of the run (strace, perf) starts the releases.
    FileHandle.standardError.write(Data("releasing \(count) cars\n".utf8))
    report([measureFew("release", runs: count) { i in "release \(idle[i].0) signed=客户 oldparts=returned print=no" }])
    exit(0)
}

print("Measuring the floors …")
let floors = try workServerURI.map {
    try ServerBench.measureFloors(uri: $0, orders: orderCount, vehicles: vehicleCount, customers: customerCount, runs: runs, plate: plate)
} ?? measureFloors(shop: workCopy, runs: runs)
var results: [Stats] = []
var kinds: [String: Floor] = [:]
@MainActor func kind(_ floor: Floor) { kinds[results.last!.name] = floor }
results.append(measure("ro list (\(openOrders) open orders)", warm: true) { _ in "ro list" })
kind(.read)
results.append(measure("board (\(openOrders) open, \(orderCount / 1000)k closed)", warm: true) { _ in "board" })
kind(.read)
results.append(measure("checkin") { i in "checkin \(idle[i].0) odometer=\(idle[i].1 + 1000) fuel=1/2 complaint=\"刹车异响\"" })
kind(.write)
results.append(measure("estimate … part") { i in "estimate \(idle[i].0) part \"前刹车片\" qty=1 price=360 partno=BP-1 class=equivalent" })
kind(.write)
results.append(measure("ro show", warm: true) { _ in "ro show RO\(rng.int(1..<orderCount))" })
kind(.read)
results.append(measure("invoice", warm: true) { _ in "invoice RO\(rng.int(1..<orderCount))" })
kind(.read)
// Release the orders just checked in and estimated: paid, then handed back (documents printed separately).
for plate in idle.map(\.0) {
    for line in ["promise \(plate) 2099-01-01 17:00", "approve \(plate) signed=客户", "dispatch \(plate) group=机修一组",
                 "complete \(plate)", "pay \(plate) amount=360 method=cash"] {
        _ = app.execute(line)
    }
}
results.append(measure("release") { i in "release \(idle[i].0) signed=客户 oldparts=returned print=no" })
kind(.write)
let month = Timestamp.currentTime.seconds - 40 * 86_400
let monthText = ShopZone.shanghai.civil(Timestamp(seconds: month))
results.append(measureFew("report month (a month's orders)", runs: 30, warm: true) { _ in String(format: "report month %04d-%02d", monthText.year, monthText.month) })
kind(.read)
// Booking by phone on a shop with 20,000 part numbers and a year of bookings: the stock check and free
// bays (add), then the reservation and bay hold (confirm).
var bookingDay = 0
results.append(measure("appointment add (stock check)") { i in
    bookingDay = i / 8
    return "appointment add \(idle[i].0) at=\"2099-01-\(String(format: "%02d", bookingDay % 28 + 1)) \(8 + i % 8):00\" complaint=保养 job=J\(i % 50)"
})
kind(.write)
let firstBooking = try shopRows("SELECT max(id) AS id FROM appointments") { $0.int("id") }[0] - runs + 1
results.append(measure("appointment confirm") { i in "appointment A\(firstBooking + i) confirm" })
kind(.write)
// The bays: who is in each until when, and the bookings holding them (10 cars in bays, 150,000
// stays of history, a year of bookings); then a car moved from bay to bay, each move checking the
// bays' holds and equipment.
results.append(measure("bay list", warm: true) { _ in "bay list" })
kind(.read)
let mover = try shopRows("SELECT order_id FROM bay_stays WHERE left_at IS NULL ORDER BY order_id LIMIT 1") { $0.int("order_id") }[0]
results.append(measure("dispatch … bay= (a move)") { i in "dispatch RO\(mover) bay=工位\(15 + i % 2)" })
kind(.write)
results.append(measure("vehicle show", warm: true) { _ in "vehicle show \(plate(rng.int(0..<vehicleCount)))" })
kind(.read)
results.append(measure("history RO", warm: true) { _ in "history RO\(rng.int(1..<orderCount))" })
kind(.read)
// Cancelling the bookings just confirmed: their reserved parts found by booking and released.
results.append(measure("appointment cancel") { i in "appointment A\(firstBooking + i) cancel reason=改期" })
kind(.write)
// The documents are the same work whichever database holds the shop: measured on SQLite only.
let documents = workServerURI == nil ? try measureDocuments(database: workCopy) : []
// The whole record checked: the chain, every row against its seal, the anchor.
// Against its floor, in turns: SQLite's integrity_check and foreign_key_check, one after the other
// (verify runs them on a thread of its own beside its walk of the journal and the rows).
var checkSamples: [Double] = []
var verifySamples: [Double] = []
for _ in 0..<3 {
    if workServerURI == nil {
        let check = try Database(path: workCopy, readOnly: true)
        checkSamples.append(milliseconds(time {
            _ = try? check.rows("PRAGMA integrity_check") { $0.string(0) }
            _ = try? check.rows("PRAGMA foreign_key_check") { $0.string(0) }
        }))
    }
    let run = measureFew("verify (whole record)", runs: 1) { _ in "verify" }
    verifySamples += run.samples  // its CPU time would be one of its two threads'
}
// A server has no counterpart of SQLite's file checks: verify is shown there without a floor.
let checkFloor = checkSamples.isEmpty ? nil : Stats(name: "floor: integrity + foreign keys", samples: checkSamples)
results.append(Stats(name: "verify (whole record)", samples: verifySamples))
kind(.check)
let binary = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent().appendingPathComponent("workshop").path
results.append(measureStartup(binary: binary, database: workServerURI ?? workCopy, runs: 50))
var floorTable: [Floor: Stats] = [.write: floors.write, .read: floors.read]
floorTable[.check] = checkFloor
report([floors.write, floors.read] + (checkFloor.map { [$0] } ?? []) + results + documents, floors: floorTable, kinds: kinds)
if !checkpoints.isEmpty {
    let sorted = checkpoints.sorted()
    print(String(format: "\n  %d checkpoints or anchor syncs between commands (outside them): median %.1f ms, longest %.1f ms",
                 sorted.count, sorted[sorted.count / 2], sorted.last!))
}
writeResults(results, documents: documents, floors: floorTable, generation: generationSeconds)
