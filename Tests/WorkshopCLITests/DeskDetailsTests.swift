import Foundation
import SQLite
import Testing
@testable import WorkshopCLI

/// The details a front desk trips over (issue 12, items 6–8), through the built binary.
@Suite("Desk details")
struct DeskDetailsTests {
    static let fixture = "source \(Workshop.transcripts)/shop-fixture.ws\nsource \(Workshop.transcripts)/floor-fixture.ws\n"

    /// The text of the latest journal entry of `action`.
    static func lastDetail(_ shop: Workshop, _ action: String) throws -> String {
        try Database(path: shop.database).first("SELECT detail FROM journal WHERE action = ? ORDER BY id DESC LIMIT 1", [.text(action)]) {
            $0.string(0)
        } ?? ""
    }

    /// The shop with 京A12345 read at 98,700 km on 2026-11-18 and released; the clock four days on.
    func shopReadFourDaysAgo() throws -> Workshop {
        var shop = Workshop()
        shop.now = "2026-11-18 09:00"
        let setup = try shop.script(Self.fixture + """
            checkin 京A12345 odometer=98700 fuel=1/2 complaint="异响"
            decline RO1
            release RO1 signed=张伟 print=no
            """)
        #expect(setup.status == 0, "\(setup.stderr)")
        shop.now = "2026-11-22 09:00"
        return shop
    }

    // MARK: Item 6: the odometer

    @Test func aReadingFarBeyondThePlausibleIsConfirmedOnRecord() throws {
        let shop = try shopReadFourDaysAgo()
        let before = try shop.fingerprint()
        let refused = try shop.command("checkin 京A12345 odometer=987000 fuel=1/2 complaint=保养")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("odometer 987000 km is beyond the plausible: 京A12345 last read 98700 km (2026-11-18 09:00)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("at most 106700 km in 4 days") && refused.stderr.contains("confirm-odometer=yes"), "\(refused.stderr)")
        #expect(try shop.fingerprint() == before)
        // 8,000 km in four days is plausible.
        let plausible = try shop.command("checkin 京A12345 odometer=106700 fuel=1/2 complaint=保养")
        #expect(plausible.status == 0, "\(plausible.stderr)")
        // The advisor re-reads the dashboard: the check-in reading is corrected before signing,
        // against the reading that stood before it.
        #expect(try shop.command("ro set RO2 odometer=987000").stderr.contains("beyond the plausible"))
        #expect(try shop.command("ro set RO2 odometer=98000").stderr.contains("below this vehicle's reading of 98700 km before this check-in"))
        #expect(try shop.command("ro set RO2 odometer=99100").status == 0)
        #expect(try shop.count("SELECT odometer FROM vehicles WHERE plate = '京A12345'") == 99_100)
    }

    @Test func aConfirmedWrongReadingIsCorrectedAndBlocksNothingAfter() throws {
        var shop = try shopReadFourDaysAgo()
        let confirmed = try shop.command("checkin 京A12345 odometer=987000 fuel=1/2 complaint=保养 confirm-odometer=yes", json: true)
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        // On record: the line typed, and what the reading was compared with.
        let detail = try Self.lastDetail(shop, "order.checkin")
        #expect(detail.contains("\"odometer_confirmed\":{\"odometer\":987000,\"last\":98700,"), "\(detail)")
        #expect(detail.contains("\"plausible_up_to\":106700"))
        // Signed: the order's own reading no longer changes, and the wrong one stands against the next.
        let signed = try shop.script("""
            estimate RO2 labor BRK-01
            promise RO2 2026-11-22 17:00
            approve RO2 signed=张伟
            """)
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(try shop.command("ro set RO2 odometer=98800").stderr.contains("only before signing"))
        // The correction, on record, with its reason: from then on it is the vehicle's reading.
        let corrected = try shop.command("vehicle odometer 京A12345 98800 reason=\"RO2 多输了一个0\"")
        #expect(corrected.status == 0, "\(corrected.stderr)")
        // The release is read against the corrected reading, not the wrong check-in one.
        let finished = try shop.script("""
            dispatch RO2 group=机修一组
            complete RO2
            pay RO2 amount=144 method=cash
            """, options: ["--bail"])
        #expect(finished.status == 0, "\(finished.stdout)\(finished.stderr)")
        #expect(try shop.command("release RO2 signed=张伟 odometer=98700 print=no").stderr.contains("below the reading corrected since check-in, 98800 km"))
        let released = try shop.command("release RO2 signed=张伟 odometer=98850 print=no")
        #expect(released.status == 0, "\(released.stderr)")
        #expect(try shop.count("SELECT odometer FROM vehicles WHERE plate = '京A12345'") == 98_850)
        // The next visit reads against it, not against 987,000.
        shop.now = "2026-11-25 09:00"
        let next = try shop.command("checkin 京A12345 odometer=99400 fuel=1/2 complaint=复查")
        #expect(next.status == 0, "\(next.stderr)")
    }

    @Test func correctingTheCheckInNeverUndoesACorrectionOnRecord() throws {
        var shop = try shopReadFourDaysAgo()
        #expect(try shop.command("checkin 京A12345 odometer=99000 fuel=1/2 complaint=保养").status == 0)
        shop.now = "2026-11-22 09:30"                           // the dashboard read again, half an hour later
        #expect(try shop.command("vehicle odometer 京A12345 99100 reason=\"仪表读错\"").status == 0)
        let before = try shop.fingerprint()
        let refused = try shop.command("ro set RO2 odometer=98800")
        #expect(refused.stderr.contains("京A12345's reading was corrected on record to 99100 km since check-in: ro set does not take it down to 98800 km"),
                "\(refused.stderr)")
        #expect(try shop.fingerprint() == before)
        #expect(try shop.command("ro set RO2 odometer=99150").status == 0)
    }

    @Test func theReleaseAndACorrectionUpwardAskForTheConfirmationToo() throws {
        var shop = try shopReadFourDaysAgo()
        #expect(try shop.command("vehicle odometer 京A12345 500000 reason=\"仪表更换\"").stderr.contains("beyond the plausible"))
        #expect(try shop.command("vehicle odometer 京A12345 500000 reason=\"仪表更换\" confirm-odometer=yes").status == 0)
        #expect(try shop.command("vehicle odometer 京A12345 98700 reason=\"读错\"").status == 0)
        shop.now = "2026-11-22 09:00"
        let ready = try shop.script("""
            checkin 京A12345 odometer=99000 fuel=1/2 complaint=保养
            estimate RO2 labor BRK-01
            promise RO2 2026-11-22 17:00
            approve RO2 signed=张伟
            dispatch RO2 group=机修一组
            complete RO2
            pay RO2 amount=144 method=cash
            """, options: ["--bail"])
        #expect(ready.status == 0, "\(ready.stderr)")
        let refused = try shop.command("release RO2 signed=张伟 odometer=990000 print=no")
        #expect(refused.stderr.contains("release odometer 990000 km is beyond the plausible: last read 99000 km"), "\(refused.stderr)")
        #expect(try shop.command("release RO2 signed=张伟 odometer=990000 confirm-odometer=yes print=no").status == 0)
    }

    // MARK: Item 6: the board

    @Test func theBoardFlagsASignedOrderNoOneHasDispatched() throws {
        let shop = Workshop()
        let setup = try shop.script(Self.fixture + """
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响"
            estimate RO1 labor BRK-01
            promise RO1 2026-11-22 17:00
            approve RO1 signed=张伟
            """)
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(try shop.command("board", json: true).stdout.contains("\"flags\":[\"awaiting-dispatch\"]"))
        let text = try shop.command("board").stdout
        #expect(text.contains("awaiting dispatch 1"), "\(text)")
        #expect(try shop.inShopLanguage.command("board").stdout.contains("待派工"))
        #expect(try shop.command("dispatch RO1 group=机修一组").status == 0)
        #expect(!(try shop.command("board", json: true).stdout.contains("awaiting-dispatch")))
    }

    // MARK: Item 7: the terminal and signing in

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: Terminal.script)))
    func ctrlCClearsTheLineAndCtrlDLeaves() throws {
        let shop = Workshop()
        #expect(try shop.script(Self.fixture).status == 0)
        let terminal = try Terminal(shop)
        try terminal.waitFor("workshop> ")
        terminal.type("ro lis")
        try terminal.waitFor("ro lis")
        terminal.type("\u{03}")                                  // Ctrl-C: the line is dropped, a new prompt
        try terminal.waitFor("workshop> ", count: 2)
        terminal.type("\u{03}")                                  // on an empty line too
        try terminal.waitFor("workshop> ", count: 3)
        terminal.type("estimate 京A12345 labor br\t")            // Tab after Chinese text: libedit counts characters
        try terminal.waitFor("BRK-0")
        terminal.type("\u{03}")
        try terminal.waitFor("workshop> ", count: 4)
        terminal.type("login 孙检\n")                             // Ctrl-C at the PIN prompt cancels the sign-in
        try terminal.waitFor("PIN for 孙检")
        terminal.type("\u{03}")
        try terminal.waitFor("sign-in of 孙检 cancelled; 王芳 is signed out")
        terminal.type("login\n")
        try terminal.waitFor("nobody is signed in")
        try terminal.waitFor("workshop> ", after: "nobody is signed in")   // Ctrl-D at the prompt, not type-ahead
        let status = try terminal.leaveWithCtrlD()               // Ctrl-D leaves
        #expect(status == 0, "exit status \(status) (\(terminal.reason)); the terminal showed:\n\(terminal.output)")
        #expect(!terminal.output.contains("ro lis\r\nerror"), "\(terminal.output)")
    }

    @Test func aFailedLoginAsSomeoneElseSignsThePreviousPersonOut() throws {
        let shop = Workshop()
        let result = try shop.script(Self.fixture + """
            login 孙检 pin=0000
            customer add 王强 phone=13688889999
            login 王芳 pin=1234
            login 王芳 pin=0000
            customer add 王强 phone=13688889999
            """)
        #expect(result.stderr.contains("line 3: wrong PIN for 孙检 (4 tries left); 王芳 is signed out, nobody is signed in now (login NAME)"),
                "\(result.stderr)")
        #expect(result.stderr.contains("line 4: sign in first"))
        // Failing to sign in again as oneself hands nothing over: 王芳 is still signed in.
        #expect(result.stderr.contains("line 6: wrong PIN for 王芳 (4 tries left)\n"))
        #expect(!result.stderr.contains("line 7"))
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'customer.add' AND actor = '王芳'") == 3)
    }
}

extension DeskDetailsTests {
    // MARK: Item 7: did you mean

    @Test func aMistypedPlateOrVINGetsTheNearestOnFile() throws {
        let shop = Workshop()
        #expect(try shop.script(Self.fixture + """
            vehicle add 粤B·7H2L9 vin=LSVAM4187C2184847 owner=C1
            """).status == 0)
        let before = try shop.fingerprint()
        let refusals: [(String, String)] = [
            ("checkin 粤B7H2L6 odometer=100 fuel=F complaint=x", "no vehicle with plate or VIN 粤B7H2L6; did you mean 粤B7H2L9?"),
            ("vehicle show 粤B72HL9", "did you mean 粤B7H2L9?"),
            ("ro show 桂B·7H2L9", "did you mean 粤B7H2L9?"),
            ("warranty 京A1234", "did you mean 京A12345?"),
            ("vehicle show LSVAM4187C2184874", "did you mean LSVAM4187C2184847?"),
            ("vehicle show 京B99999", "no vehicle with plate or VIN 京B99999: add it with vehicle add 京B99999"),
        ]
        for (line, says) in refusals {
            let result = try shop.command(line)
            #expect(result.stderr.contains(says), "\(line): \(result.stderr)")
        }
        #expect(try shop.inShopLanguage.command("vehicle show 粤B7H2L6").stderr.contains("是不是 粤B7H2L9？"))
        #expect(try shop.fingerprint() == before)
    }
}

extension DeskDetailsTests {
    @Test func aNearPartNumberIsSuggestedBeforeAFreeTextLine() throws {
        let shop = Workshop()
        #expect(try shop.script(Self.fixture + """
            parts add BP-1234 "前刹车片" price=360 stock=4
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响"
            """).status == 0)
        let before = try shop.fingerprint()
        let refusals: [(String, String)] = [
            ("estimate RO1 part BP-12345 qty=1", "no part BP-12345 in the price list; did you mean BP-1234? If it is a part the price list does not have, add unlisted=yes"),
            ("estimate RO1 part bp-12345 qty=1 price=50", "did you mean BP-1234?"),
            ("estimate RO1 part BP1234 qty=1 price=50", "did you mean BP-1234?"),
            ("estimate RO1 part \"前刹车片（副厂）\" qty=1 price=200 partno=BP-1243", "no part BP-1243 in the price list; did you mean BP-1234?"),
            ("supplement RO1 add part 5QD698152 qty=1 reason=x", "did you mean 5QD698151?"),
            ("estimate RO1 part BP-12345 qty=1 unlisted=yes", "price= is missing"),
            ("estimate RO1 part BP-1234 qty=1 unlisted=yes", "BP-1234 is on the price list: leave out unlisted=yes"),
        ]
        for (line, says) in refusals {
            let result = try shop.command(line)
            #expect(result.stderr.contains(says), "\(line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before)
        #expect(try shop.command("estimate RO1 part BP-12345 qty=1 price=120 unlisted=yes").status == 0)
        #expect(try shop.command("estimate RO1 part BP-1234 qty=1").stdout.contains("前刹车片"))
        // A name is not a part number: nothing to suggest.
        #expect(try shop.command("estimate RO1 part 机油 qty=4 price=45").status == 0)
        #expect(try shop.inShopLanguage.command("estimate RO1 part BP-12345 qty=1").stderr.contains("是不是 BP-1234？"))
    }
}

extension DeskDetailsTests {
    // MARK: Item 7: inspections

    @Test func anInspectionMarksNothingPassedThatTheInspectorDidNotSay() throws {
        let shop = Workshop()
        #expect(try shop.script(Self.fixture + """
            checkitem add final brakes-rear "后制动"
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响"
            estimate RO1 labor BRK-01
            promise RO1 2026-11-22 17:00
            approve RO1 signed=张伟
            dispatch RO1 group=机修一组
            complete RO1
            """).status == 0)
        let before = try shop.fingerprint()
        // Four final items, two named: the pass is refused, naming the others and the way to say them.
        let refused = try shop.command("inspect RO1 final pass by=孙检 brakes=pass lights=pass")
        #expect(refused.stderr.contains("a passed final inspection needs a result for every item; not given: road-test (路试), brakes-rear (后制动)"),
                "\(refused.stderr)")
        #expect(refused.stderr.contains("rest=pass when all the others passed"))
        #expect(try shop.command("inspect RO1 final pass by=孙检").stderr.contains("not given: brakes (制动性能), lights (灯光), road-test (路试), brakes-rear (后制动)"))
        #expect(try shop.command("inspect RO1 final pass by=孙检 brakes=pass rest=fail").stderr.contains("cannot pass"))
        #expect(try shop.fingerprint() == before)
        // A fail may stop at the fault: what was not named is recorded as not checked, and shown so.
        let failed = try shop.command("inspect RO1 final fail by=孙检 brakes=fail lights=pass")
        #expect(failed.stdout.contains("not checked (recorded so, not as passed): 路试, 后制动"), "\(failed.stdout)")
        #expect(try shop.count("SELECT count(*) FROM inspection_items WHERE result = 'unchecked'") == 2)
        #expect(try shop.count("SELECT count(*) FROM inspection_items WHERE result = 'pass'") == 1)
        #expect(try shop.command("ro show RO1").stdout.contains("failed: 制动性能 · not checked: 路试, 后制动"))
        #expect(try shop.command("ro show RO1", json: true).stdout.contains("\"unchecked_items\":[\"road-test\",\"brakes-rear\"]"))
        let folder = Workshop.temporaryDirectory()
        #expect(try shop.inShopLanguage.command("print RO1 inspection format=html out=\(folder)/i.html").status == 0)
        let page = try String(contentsOfFile: folder + "/i.html", encoding: .utf8)
        #expect(page.contains("未检"), "the printed inspection shows the items not checked")
        // rest= says what the others were: the second final inspection passes with n/a for the road test.
        #expect(try shop.command("complete RO1").status == 0)
        let passed = try shop.command("inspect RO1 final pass by=孙检 road-test=na rest=pass")
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(try shop.count("SELECT count(*) FROM inspection_items i JOIN inspections n ON n.id = i.inspection_id WHERE n.result = 'pass' AND i.result = 'pass'") == 3)
    }
}

extension DeskDetailsTests {
    // MARK: Item 7: Tab

    @Test func tabCompletesLabourCodesPartNumbersAndFreeKeyTags() throws {
        let shop = Workshop()
        #expect(try shop.script(Self.fixture + """
            parts add BP-1234 "前刹车片" price=360
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响" key=K07
            checkin 粤BD12345 odometer=100 battery=90 complaint="异响" key=K08
            decline RO2
            belongings RO2 return key
            release RO2 signed=李娜 print=no
            """).status == 0)
        let app = try App(options: LaunchOptions(arguments: ["--db", shop.database]), environment: [:])
        // What libedit hands over: the word after the last space or "=", and the line before it.
        func tab(_ line: String) -> [String] {
            let start = line.lastIndex(where: { " =".contains($0) }).map { line.index(after: $0) } ?? line.startIndex
            return app.completions(for: String(line[start...]), lineBefore: String(line[..<start]))
        }
        #expect(tab("estimate RO1 labor BR") == ["BRK-01", "BRK-03"])
        #expect(tab("estimate RO1 labor brk-0") == ["BRK-01", "BRK-03"])
        #expect(tab("estimate RO1 part 5Q") == ["5QD698151"])
        #expect(tab("estimate RO1 part B") == ["BF-DOT4-1L", "BP-1234"])
        #expect(tab("estimate RO1 labor 换油 op=BRK-0") == ["BRK-01", "BRK-03"])
        #expect(tab("estimate RO1 part 前刹车片 qty=1 partno=BP") == ["BP-1234"])
        #expect(tab("supplement RO1 add part BF") == ["BF-DOT4-1L"])
        #expect(tab("parts show BP") == ["BP-1234"])
        #expect(tab("job add J-BRAKE 刹车 labor=BRK-01,BRK-0") == ["BRK-01,BRK-01", "BRK-01,BRK-03"])
        #expect(tab("job add J-BRAKE 刹车 parts=BP-1234:1,5Q") == ["BP-1234:1,5QD698151"])
        // Key tags: the hooks the shop hangs keys on, except those holding a key now (K07 on RO1).
        #expect(tab("checkin 京A12345 odometer=45210 fuel=1/2 key=K") == ["K08"])
        #expect(tab("belongings RO1 key K") == ["K08"])
        // The words typed with the value, as a program may pass them, still complete.
        #expect(app.completions(for: "key=K", lineBefore: "checkin 京A12345 ") == ["key=K08"])
        #expect(tab("checkin 京A12345 fu") == ["fuel="])
    }
}

extension DeskDetailsTests {
    // MARK: Item 7: the follow-up list

    @Test func theFollowUpListPairsEachPhoneWithItsPerson() throws {
        var shop = Workshop()
        #expect(try shop.script(Self.fixture + """
            checkin 京A12345 odometer=45210 fuel=1/2 complaint="刹车异响" by=王小强 phone=13500001111
            checkin 粤BD12345 odometer=100 battery=90 complaint="异响"
            estimate RO1 labor BRK-01
            estimate RO2 labor BRK-01
            promise RO1 2026-11-22 17:00
            promise RO2 2026-11-22 17:00
            approve RO1 signed=张伟
            approve RO2 signed=李娜
            dispatch RO1 group=机修一组
            dispatch RO2 group=机修一组
            complete RO1
            complete RO2
            pay RO1 amount=144 method=cash
            pay RO2 amount=144 method=cash
            release RO1 signed=王小强 print=no
            release RO2 signed=李娜 print=no
            """, options: ["--bail"]).status == 0)
        shop.now = "2026-11-25 09:00"
        let text = try shop.command("followup list due").stdout
        let lines = text.split(separator: "\n").map(String.init)
        // The person who brought the car in, with their own phone, and the owner beside them.
        #expect(lines.contains { $0.contains("RO1") && $0.contains("王小强 (dropped it off)  13500001111") && $0.contains("张伟 13800138000") }, "\(text)")
        // Nobody's phone taken at check-in: the owner, with the owner's phone.
        #expect(lines.contains { $0.contains("RO2") && $0.contains("李娜 (owner)") && $0.contains("13912345678  —") }, "\(text)")
        let json = try shop.command("followup list due", json: true).stdout
        #expect(json.contains("\"call\":{\"name\":\"王小强\",\"phone\":\"13500001111\",\"as\":\"dropped-off\"}"), "\(json)")
        #expect(json.contains("\"call\":{\"name\":\"李娜\",\"phone\":\"13912345678\",\"as\":\"owner\"}"))
        #expect(try shop.inShopLanguage.command("followup list due").stdout.contains("王小强（送修人）"))
    }
}

/// The binary at a real terminal: `script` gives it a pseudo-terminal of its own (its controlling
/// terminal, so Ctrl-C typed into it is a SIGINT), and what is typed goes through it.
final class Terminal: @unchecked Sendable {
    static let script = "/usr/bin/script"
    private let process = Process()
    private let input = Pipe()
    private let lock = NSLock()
    private var bytes = Data()

    init(_ shop: Workshop) throws {
        let home = Workshop.temporaryDirectory()
        // `script` runs the command through $SHELL, or /bin/sh (dash) when SHELL is unset, as in CI.
        // dash stays as the program's parent and dies of the Ctrl-C the program catches: `exec`
        // makes the program the child itself, whatever the shell.
        let command = "exec " + [Workshop.binary, "--db", shop.database, "--user", "王芳", "--language", "en"].map { "'\($0)'" }.joined(separator: " ")
        process.executableURL = URL(fileURLWithPath: Terminal.script)
        process.arguments = ["-qfec", command, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["TERM"] = "xterm"
        environment["WORKSHOP_PIN"] = "1234"
        process.environment = environment
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self, !chunk.isEmpty else { return }
            self.lock.withLock { self.bytes.append(chunk) }
        }
        try process.run()
    }

    var output: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }

    func type(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

    /// Waits (up to 10 s) until `text` has been shown `count` times.
    func waitFor(_ text: String, count: Int = 1) throws {
        let deadline = Date().addingTimeInterval(10)
        while output.components(separatedBy: text).count - 1 < count {
            guard Date() < deadline, process.isRunning || output.components(separatedBy: text).count - 1 >= count else {
                Issue.record("never saw \(text) ×\(count); the terminal showed:\n\(output)")
                throw CancellationError()
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Waits (up to 10 s) until `text` is shown after the last `marker`.
    func waitFor(_ text: String, after marker: String) throws {
        let deadline = Date().addingTimeInterval(10)
        func shown() -> Bool {
            let all = output
            guard let last = all.range(of: marker, options: .backwards) else { return false }
            return all[last.upperBound...].contains(text)
        }
        while !shown() {
            guard Date() < deadline, process.isRunning else {
                Issue.record("never saw \(text) after \(marker); the terminal showed:\n\(output)")
                throw CancellationError()
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Ctrl-D on an empty line, until the program leaves. The prompt shows a moment before libedit
    /// takes the terminal into raw mode; a Ctrl-D typed in that moment is the terminal's end-of-file
    /// in line mode, which reaches libedit as a NUL character. So it is typed again after Ctrl-U
    /// (which clears that) until the program ends, at most five times.
    func leaveWithCtrlD() throws -> Int32 {
        for _ in 1...5 where process.isRunning {
            type("\u{15}\u{04}")
            let deadline = Date().addingTimeInterval(2)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        }
        return try exitStatus()
    }

    /// How the process ended: by exiting or by a signal.
    var reason: String { process.terminationReason == .exit ? "exited" : "killed by a signal" }

    func exitStatus() throws -> Int32 {
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate(); Issue.record("still running:\n\(output)") }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
