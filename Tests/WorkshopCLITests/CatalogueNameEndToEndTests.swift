import Foundation
import SQLite
import Testing
import WorkshopCLI

/// The tester's bypass, through the binary: a catalogue item's NAME typed instead of its code slipped
/// past the price-concession gate (no manager) and past the category its work implies (a 二级维护
/// left a 小修). Typed by name it is now refused, naming the code; `unlisted=yes` says it is something
/// else and is journalled; and a concession given is on the printed papers.
@Suite("Catalogue names, end to end")
struct CatalogueNameEndToEndTests {
    static let catalogue = """
        parts add 1044331-00-D "前下摆臂总成（右）" price=1150 brand=特斯拉 class=oem stock=2 bin=D-01
        labor add SUS-01 "更换前下摆臂（单侧）" hours=1.5
        labor add MNT-02 "二级维护（一级维护+空滤、空调滤、火花塞、底盘检查）" hours=3.0 category=level2
        """

    /// RO1 signed and in work (TrustTests); the catalogue items above; RO2 a 小修 estimate for 粤BD12345.
    func shop() throws -> Workshop {
        let shop = try TrustTests().shop()
        let result = try shop.script(Self.catalogue + "\ncheckin 粤BD12345 odometer=100 battery=90 complaint=\"异响\" category=minor\n")
        #expect(result.status == 0, "\(result.stderr)")
        return shop
    }

    func asUser(_ shop: Workshop, _ user: String, signerPIN: String? = nil, language: String = "en") -> Workshop {
        var other = shop
        other.user = user
        other.now = nil
        other.language = language
        other.environment["WORKSHOP_SIGNER_PIN"] = signerPIN
        return other
    }

    @Test func aCatalogueNameTypedInWordsIsRefusedNamingTheCodeAndChangesNothing() throws {
        let shop = try shop()
        let advisor = asUser(shop, "刘敏")
        let technician = asUser(shop, "赵师傅")
        let before = try shop.fingerprint()
        let refused: [(Workshop, String, String)] = [
            (advisor, "estimate RO2 part \"前下摆臂总成（右）\" qty=1 price=500",
             "“前下摆臂总成（右）” is on the price list (1044331-00-D, list 1,150.00): enter it by its part number, estimate RO2 part 1044331-00-D …; for a part the price list does not have, add unlisted=yes"),
            (advisor, "estimate RO2 part \" 前下摆臂总成(右) \" qty=1 price=500", "(1044331-00-D, list 1,150.00)"),
            (advisor, "estimate RO2 part \"前下摆臂总成（右）\" qty=1 price=1150", "enter it by its part number"),
            (advisor, "estimate RO2 labor \"更换前下摆臂（单侧）\" hours=0.5",
             "“更换前下摆臂（单侧）” is a labour operation (SUS-01, standard 1.5 h): enter it by its code, estimate RO2 labor SUS-01 …; for other work, describe it otherwise or add unlisted=yes"),
            (advisor, "estimate RO2 labor SUS-01 unlisted=yes", "SUS-01 is a labour operation: leave out unlisted=yes"),
            (technician, "supplement RO1 add part \"前下摆臂总成（右）\" qty=1 price=500 reason=\"松旷\"",
             "enter it by its part number, supplement RO1 add part 1044331-00-D …"),
            (technician, "supplement RO1 add labor \"更换前下摆臂（单侧）\" hours=0.5 reason=\"松旷\"", "supplement RO1 add labor SUS-01 …"),
            (advisor, "estimate RO2 labor \"检查底盘\" hours=1", ""),
        ]
        for (who, line, says) in refused.dropLast() {
            let result = try who.command(line)
            #expect(result.status == 1, "\(line): \(result.stdout)")
            #expect(result.stderr.contains(says), "\(line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before, "a refused line changes nothing")
        // In Chinese, as the shop words it.
        let zh = try asUser(shop, "刘敏", language: "zh").command("estimate RO2 part \"前下摆臂总成（右）\" qty=1 price=500")
        #expect(zh.stderr.contains("价目表中已有“前下摆臂总成（右）”（1044331-00-D，标价 1,150.00）：请用配件号 estimate RO2 part 1044331-00-D …；确为价目表外的配件加 unlisted=yes"),
                "\(zh.stderr)")
        // A renamed line is looked up too.
        #expect(try advisor.command("estimate RO2 labor \"检查底盘\" hours=1").status == 0)
        let renamed = try advisor.command("estimate RO2 change 1 desc=\"更换前下摆臂（单侧）\"")
        #expect(renamed.stderr.contains("estimate RO2 labor SUS-01"), "\(renamed.stderr)")
        // By its number and code: the concession gate asks for the manager, as it always did.
        #expect(try advisor.command("estimate RO2 part 1044331-00-D qty=1 price=500").stderr.contains("below its list price of 1,150.00"))
        #expect(try advisor.command("estimate RO2 labor SUS-01 hours=0.5").stderr.contains("below its list price of 180.00"))
    }

    @Test func unlistedYesAddsTheLineAndTheJournalSaysSo() throws {
        let shop = try shop()
        let advisor = asUser(shop, "刘敏")
        let part = try advisor.command("estimate RO2 part \"前下摆臂总成（右）\" qty=1 price=500 unlisted=yes")
        #expect(part.status == 0, "\(part.stderr)")
        let labor = try advisor.command("estimate RO2 labor \"更换前下摆臂（单侧）\" hours=0.5 unlisted=yes")
        #expect(labor.status == 0, "\(labor.stderr)")
        #expect(try shop.count("""
            SELECT count(*) FROM journal WHERE action = 'line.add' AND actor = '刘敏'
            AND detail LIKE '%"unlisted":true%' AND detail LIKE '%"catalogue_part":"1044331-00-D"%'
            """) == 1)
        #expect(try shop.count("""
            SELECT count(*) FROM journal WHERE action = 'line.add' AND detail LIKE '%"unlisted":true%' AND detail LIKE '%"catalogue_operation":"SUS-01"%'
            """) == 1)
        let added = try asUser(shop, "赵师傅").command("supplement RO1 add part \"前下摆臂总成（右）\" qty=1 price=500 unlisted=yes reason=\"松旷\"")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'supplement.add' AND detail LIKE '%\"unlisted\":true%'") == 1)
    }

    /// 二级维护 typed by name left the order a 小修; by its code the order becomes 二级维护.
    @Test func theCategoryFollowsTheWorkWhenItIsEnteredByItsCode() throws {
        let shop = try shop()
        let advisor = asUser(shop, "刘敏")
        let before = try shop.fingerprint()
        let named = try advisor.command("estimate RO2 labor \"二级维护（一级维护+空滤、空调滤、火花塞、底盘检查）\" hours=3")
        #expect(named.status == 1 && named.stderr.contains("estimate RO2 labor MNT-02"), "\(named.stderr)")
        #expect(try shop.fingerprint() == before)
        #expect(try shop.count("SELECT count(*) FROM orders WHERE id = 2 AND category = 'minor'") == 1)
        let coded = try advisor.command("estimate RO2 labor MNT-02")
        #expect(coded.status == 0 && coded.stdout.contains("the order's category is now level-2 maintenance"), "\(coded.stdout)")
        #expect(try shop.count("SELECT count(*) FROM orders WHERE id = 2 AND category = 'level2'") == 1)
    }

    /// The look-ups are one search of the name indexes of 016-catalogue-name-indexes.
    @Test func theNameLookUpsUseTheNameIndexes() throws {
        let path = Workshop.temporaryDirectory() + "/shop.db"
        let app = try QueryPlanGuardTests.app(at: path)
        try QueryPlanGuardTests.run(script: Workshop.transcripts + "/shop-fixture.ws", on: app)
        for line in Self.catalogue.split(separator: "\n") { _ = app.execute(String(line)) }
        _ = app.execute("checkin 粤BD12345 odometer=100 battery=90 complaint=\"异响\"")
        var seen: [String] = []
        app.observeStatements { seen.append($0) }
        _ = app.execute("estimate RO1 part \"前下摆臂总成（右）\" qty=1 price=500")
        _ = app.execute("estimate RO1 labor \"更换前下摆臂（单侧）\" hours=0.5")
        let lookups = Set(seen.filter { $0.contains("lower(replace(") })
        #expect(lookups.count == 2, "\(seen)")
        let db = try Database(path: path, readOnly: true)
        let plans = try lookups.map { try db.queryPlan($0).joined(separator: " ") }
        #expect(plans.contains { $0.contains("USING INDEX parts_by_name_key") }, "\(plans)")
        #expect(plans.contains { $0.contains("USING INDEX labor_operations_by_name_key") }, "\(plans)")
    }

    /// A concession a manager gave is on the estimate, the job card and the settlement list.
    @Test func anAuthorisedConcessionIsOnThePrintedPapers() throws {
        let shop = try shop()
        let advisor = asUser(shop, "刘敏", signerPIN: "1234", language: "zh")
        let given = try advisor.command("estimate RO2 part 1044331-00-D qty=1 price=500 authorized=钱主管")
        #expect(given.status == 0, "\(given.stderr)")
        let directory = Workshop.temporaryDirectory()
        for kind in ["estimate", "jobcard"] {
            #expect(try advisor.command("print RO2 \(kind) out=\(directory)/\(kind).pdf").status == 0)
            let text = try PrintTests.pdfText("\(directory)/\(kind).pdf").replacingOccurrences(of: "\n", with: " ")
            #expect(text.contains("第 1 项：低于标价：标价 1,150.00，钱主管 批准让价"), "\(kind): \(text)")
            #expect(text.contains("concession authorised by 钱主管"), "\(kind)")
            #expect(try advisor.command("print RO2 \(kind) format=html out=\(directory)/\(kind).html").status == 0)
            let html = try String(contentsOfFile: "\(directory)/\(kind).html", encoding: .utf8)
            #expect(html.contains("第 1 项：低于标价：标价 1,150.00，钱主管 批准让价"), "\(kind)")
        }
        #expect(try shop.command("promise RO2 2026-11-22 17:00").status == 0)
        #expect(try shop.command("approve RO2 signed=张伟").status == 0)
        #expect(try advisor.command("print RO2 settlement out=\(directory)/settlement.pdf").status == 0)
        let settlement = try PrintTests.pdfText("\(directory)/settlement.pdf").replacingOccurrences(of: "\n", with: " ")
        #expect(settlement.contains("第 1 项：低于标价：标价 1,150.00，钱主管 批准让价"), "\(settlement)")
    }
}
