import Security
import WorkshopModel
import WorkshopStore

/// Signing in with a name and PIN. PINs are stored only as salted slow hashes (libxcrypt); five
/// wrong PINs in a row lock the account for 15 minutes. The first person to open a new shop
/// database becomes its manager; anyone whose PIN is not set yet sets it at first sign-in.
enum Authentication {
    static let maximumAttempts = 5
    static let lockMinutes = 15

    /// A PIN is 4 to 12 digits.
    static func validate(_ pin: String) throws {
        guard (4...12).contains(pin.count), pin.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw UserError("a PIN is 4 to 12 digits")
        }
    }

    static func hash(_ pin: String) throws -> String {
        try validate(pin)
        guard let hashed = PINHash.make(pin) else { throw UserError("the PIN could not be hashed (libxcrypt failed)") }
        return hashed
    }

    /// Signs `name` in, committing failed attempts and lock-outs even though the sign-in is refused.
    static func signIn(_ name: String, pin: String?, session s: Session) throws -> StaffMember {
        let store = s.store
        store.context = ChangeContext(actor: name, command: "login \(name)", now: s.now)
        enum Outcome { case signedIn(StaffMember, String), refused(String) }
        let outcome: Outcome = try store.write {
            guard try store.staffCount() > 0 else {
                guard let pin else { return .refused("this is a new shop database: \(name) becomes its manager and needs a PIN (WORKSHOP_PIN in scripts)") }
                let member = try store.saveStaff(name: name, roles: [.manager], group: nil, pinHash: try hash(pin))
                return .signedIn(member, s.t("新门店数据库：\(name) 为经理，PIN 已设置", "new shop database: \(name) is its manager; PIN set"))
            }
            guard let account = try store.account(named: name), account.member.active else {
                return .refused("\(name) is not on the staff list (a manager adds people: staff add NAME role=…)")
            }
            if let until = account.lockedUntil, until > s.now {
                return .refused("\(name) is locked until \(s.formatTime(until)) after \(maximumAttempts) wrong PINs; a manager can reset the PIN (staff pin \(name))")
            }
            guard let pin else { return .refused("the PIN for \(name) is missing (WORKSHOP_PIN in scripts, or login at a terminal)") }
            guard let stored = account.pinHash else {
                try store.setPIN(try hash(pin), for: name, action: .staffPinFirstUse)
                return .signedIn(account.member, s.t("\(name) 的 PIN 已设置", "PIN set for \(name)"))
            }
            guard PINHash.verify(pin, against: stored) else {
                let failures = account.failedAttempts + 1
                let lock = failures >= maximumAttempts ? s.now + lockMinutes * 60 : nil
                try store.recordFailedSignIn(name, lockUntil: lock)
                return .refused(lock == nil ? "wrong PIN for \(name) (\(maximumAttempts - failures) tries left)"
                                            : "wrong PIN for \(name): locked for \(lockMinutes) minutes")
            }
            try store.recordSignIn(name)
            return .signedIn(account.member, "")
        }
        switch outcome {
        case .signedIn(let member, let note):
            s.signedIn = member
            s.user = member.name
            s.signInNote = note
            return member
        case .refused(let message):
            throw UserError(message)
        }
    }
}

