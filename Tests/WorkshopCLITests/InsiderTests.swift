import Foundation
import Testing
import WorkshopModel
import WorkshopStore
@testable import WorkshopCLI

/// What a person signed in could do to the record, and must not: move the clock, sign in someone
/// else's name, leave a PIN in the history file, change what the customer signed.
@Suite("An insider")
struct InsiderTests {
    /// RO1 signed and in work, for 京A12345; staff with PINs (1234): 王芳 (manager, first user),
    /// 钱主管 (manager, inspector), 孙检 (inspector), 赵师傅 (technician), 刘敏 (advisor), 周静 (cashier).
    func shop() throws -> Workshop { try TrustTests().shop() }

    /// The shop as `user` sees it: on the system's clock, with no sign-off PIN given.
    func asUser(_ shop: Workshop, _ user: String) -> Workshop {
        var other = shop
        other.user = user
        other.now = nil
        other.environment["WORKSHOP_SIGNER_PIN"] = nil
        return other
    }

    /// The lines that got through when the role check searched the words of a line: each is the form
    /// its first words name (`staff add`, `parts add`…), so each needs that form's role.
    @Test func theLinesThatOnceSlippedThroughAreRefusedWithNothingChanged() throws {
        let shop = try shop()
        _ = try shop.command("parts add BAT-60AH \"蓄电池\" price=680 stock=2")
        let before = try shop.fingerprint()
        let attempts: [(user: String, line: String, needs: String)] = [
            ("赵师傅", "staff add pin role=manager pin=2468", "staff add needs the role manager"),
            ("赵师傅", "staff add list role=manager", "staff add needs the role manager"),
            ("赵师傅", "staff add show role=manager", "staff add needs the role manager"),
            ("刘敏", "parts add BAT-60AH issue price=0.01", "parts add needs the role manager"),
            ("赵师傅", "parts set BAT-60AH return price=0.01", "parts add needs the role manager"),
        ]
        for attempt in attempts {
            let result = try asUser(shop, attempt.user).command(attempt.line)
            #expect(result.status == 1, "\(attempt.line)")
            #expect(result.stderr.contains(attempt.needs), "\(attempt.user): \(attempt.line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before, "nothing changed")
        // Options are checked before anything happens: no file written, nothing printed or released.
        let folder = Workshop.temporaryDirectory()
        let printed = try shop.command("print RO1 jobcard out=\(folder)/x.pdf bogus=1")
        #expect(printed.stderr.contains("does not take bogus="))
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.pdf"))
        let released = try shop.command("release RO1 signed=张伟 outt=\(folder)/r.pdf")
        #expect(released.stderr.contains("did you mean out=?"), "\(released.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(try shop.fingerprint() == before)
    }

    @Test func onlyAManagerMovesTheClock() throws {
        let shop = try shop()
        var cashier = asUser(shop, "周静")
        cashier.now = "2020-01-01 09:00"
        let launched = try cashier.command("ro list")
        #expect(launched.status == 2)
        #expect(launched.stderr.contains("only a manager may set the clock"), "\(launched.stderr)")
        let typed = try asUser(shop, "周静").command("set now 2020-01-01 09:00")
        #expect(typed.status == 1)
        #expect(typed.stderr.contains("set now needs the role manager"), "\(typed.stderr)")
        #expect(try asUser(shop, "王芳").command("set now 2026-11-22 09:00").status == 0, "a manager enters late")
    }

    /// A late entry about an order is dated after its check-in, whatever the command: a history
    /// never shows the car's belongings noted before the car came in.
    @Test func aLateEntryIsNeverDatedBeforeTheOrderExisted() throws {
        var shop = try shop()
        let before = try shop.fingerprint()
        shop.now = "2026-11-22 08:00"
        for line in ["belongings RO1 add 备胎", "pay RO1 amount=100 method=cash"] {
            let result = try shop.command(line)
            #expect(result.status == 1, "\(line) was accepted")
            #expect(result.stderr.contains("a late entry on RO1 cannot be dated before its check-in: 2026-11-22 08:00 is before it was checked in, 2026-11-22 09:00"),
                    "\(line): \(result.stderr)")
        }
        #expect(try shop.fingerprint() == before)
        #expect(try shop.inShopLanguage.command("belongings RO1 add 备胎").stderr.contains("补录时间不能早于 RO1 的进厂时间"))
        shop.now = "2026-11-22 09:30"
        #expect(try shop.command("belongings RO1 add 备胎").status == 0, "after the check-in it is taken")
    }

    @Test func anAuthorisationIsConfirmedWithTheSignersOwnPIN() throws {
        let shop = try shop()
        _ = try shop.command("complete RO1")
        let advisor = asUser(shop, "刘敏")
        let before = try shop.fingerprint()
        let typedName = try advisor.command("discount RO1 percent=10 authorized=钱主管")
        #expect(typedName.status == 1)
        #expect(typedName.stderr.contains("must be confirmed by 钱主管"), "\(typedName.stderr)")
        #expect(try shop.fingerprint() == before, "a name typed for someone else's sign-off changes nothing")

        var wrong = advisor
        wrong.environment["WORKSHOP_SIGNER_PIN"] = "0000"
        #expect(try wrong.command("discount RO1 percent=10 authorized=钱主管").stderr.contains("wrong PIN for 钱主管"))
        #expect(try shop.count("SELECT sign_off_failures FROM staff WHERE name = '钱主管'") == 1, "a wrong sign-off PIN counts toward the lock-out of co-signing")
        #expect(try shop.count("SELECT failed_attempts FROM staff WHERE name = '钱主管'") == 0, "never toward the manager's own sign-in")
        #expect(try shop.count("SELECT count(*) FROM orders WHERE discount_kind IS NOT NULL") == 0)

        var right = advisor
        right.environment["WORKSHOP_SIGNER_PIN"] = "1234"
        #expect(try right.command("discount RO1 percent=10 authorized=钱主管").status == 0)
        #expect(try shop.count("SELECT count(*) FROM journal WHERE action = 'order.discount' AND actor = '刘敏' AND detail LIKE '%\"authorized_by\":\"钱主管\"%'") == 1)
        // A manager at the desk authorises by being the one signed in.
        #expect(try asUser(shop, "钱主管").command("discount RO1 percent=12").status == 0)
    }

    @Test func anInspectionIsSignedByTheInspectorHimself() throws {
        let shop = try shop()
        let inspector = asUser(shop, "孙检")
        let other = try inspector.command("inspect RO1 pre pass by=钱主管")
        #expect(other.status == 1)
        #expect(other.stderr.contains("must be confirmed by 钱主管"))
        #expect(try shop.count("SELECT count(*) FROM inspections") == 0)
        #expect(try inspector.command("inspect RO1 pre pass by=孙检 rest=pass").status == 0, "the inspector signed in needs no second PIN")
        #expect(try shop.count("SELECT count(*) FROM inspections WHERE inspector = '孙检'") == 1)
    }

    /// The release papers' folder is tried before the release commits: never "released, but not printed".
    @Test func aReleaseWhosePapersCannotBeWrittenIsRefusedBeforeItHappens() throws {
        let shop = try shop()
        _ = try shop.script("""
            complete RO1
            pay RO1 amount=564 method=cash
            """)
        let result = try shop.command("release RO1 signed=张伟 oldparts=returned out=/proc/papers.pdf")
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write a file in the folder /proc"), "\(result.stderr)")
        #expect(try shop.count("SELECT count(*) FROM orders WHERE id = 1 AND released_at IS NULL") == 1)
    }

    @Test func whatTheCustomerSignedForKeepsItsCategory() throws {
        let shop = try shop()
        let result = try shop.command("ro set RO1 category=level2")
        #expect(result.stderr.contains("cannot change after signing"), "\(result.stderr)")
        #expect(try shop.count("SELECT count(*) FROM orders WHERE id = 1 AND category = 'minor'") == 1)
    }

    @Test func aNewAccountStartsWithAPINNobodyElseCanChoose() throws {
        let shop = try shop()
        #expect(try shop.command("staff add 新经理 role=manager").stderr.contains("a new person starts with a PIN"))
        #expect(try shop.count("SELECT count(*) FROM staff WHERE name = '新经理'") == 0)
    }

    /// The history file of the terminal keeps what was typed, never a PIN — however it was spelled.
    @Test(arguments: ["staff pin 王芳 pin=5678", "staff pin 王芳 PIN=5678", "staff pin 王芳 pin＝5678", "login 王芳 Pin=\"5678\"",
                      "staff pin 王芳 pin=5678 bogus=1", "stafff pin 王芳 pin=5678"])
    func aPINNeverReachesTheHistoryFile(line: String) throws {
        let folder = Workshop.temporaryDirectory()
        let store = try Store(path: folder + "/shop.db", context: ChangeContext(actor: "test", command: "", now: Timestamp(seconds: 0)))
        let session = Session(store: store, user: "test", now: nil, format: .text)
        let kept = session.historyText(line)
        #expect(kept.map { !$0.contains("5678") } ?? true, "\(line) → \(kept ?? "")")
    }
}
