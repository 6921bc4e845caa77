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
            throw SignInRefusal.pinFormat
        }
    }

    static func hash(_ pin: String) throws -> String {
        try validate(pin)
        guard let hashed = PINHash.make(pin) else { throw SignInRefusal.hashFailed }
        return hashed
    }

    /// Signs `name` in, committing failed attempts and lock-outs even though the sign-in is refused.
    /// Counts on the system's clock, never the session's: a clock set back unlocks nothing.
    static func signIn(_ name: String, pin: String?, session s: Session) throws -> StaffMember {
        let store = s.store
        let now = Timestamp.currentTime
        store.context = ChangeContext(actor: name, command: "login \(name)", now: now)
        enum Outcome { case signedIn(StaffMember, String), refused(SignInRefusal) }
        // A read-only database records nothing: the PIN is checked, and neither a sign-in nor a
        // wrong PIN can be counted (whoever can read the file holds its PIN hashes anyway).
        let outcome: Outcome = try store.readOrWrite {
            guard try store.staffCount() > 0 else {
                // Whoever signs in to a shop without staff becomes its manager: only a new shop.
                if try store.hadStaff() { return .refused(.staffRemovedOutside) }
                guard let pin else { return .refused(.newShopNeedsPIN(name: name)) }
                try store.ensureWritable()
                let member = try store.saveStaff(name: name, roles: [.manager], group: nil, pinHash: try hash(pin))
                return .signedIn(member, s.t("新门店数据库：\(name) 为经理，PIN 已设置", "new shop database: \(name) is its manager; PIN set"))
            }
            switch try check(name, pin: pin, at: now, store: store) {
            case .confirmed(let member): return .signedIn(member, "")
            case .firstUse(let member):
                try store.ensureWritable()
                try store.setPIN(try hash(pin!), for: member.name, action: .staffPinFirstUse)
                return .signedIn(member, s.t("\(name) 的 PIN 已设置", "PIN set for \(name)"))
            case .refused(let refusal): return .refused(refusal)
            }
        }
        switch outcome {
        case .signedIn(let member, let note):
            s.signedIn = member
            s.user = member.name
            s.signInNote = note
            return member
        case .refused(let refusal):
            throw refusal
        }
    }

    private enum Check {
        case confirmed(StaffMember)
        /// The account has no PIN yet: the one given becomes it.
        case firstUse(StaffMember)
        case refused(SignInRefusal)
    }

    /// Checks `pin` against `name`'s account, recording a wrong one toward the lock-out (five in a
    /// row lock it for fifteen minutes) and a right one as a clean start.
    private static func check(_ name: String, pin: String?, at now: Timestamp, store: Store) throws -> Check {
        guard let account = try store.account(named: name), account.member.active else { return .refused(.notOnStaff(name: name)) }
        // Roles and PIN are taken from the row only as Workshop left it, before anything is counted.
        guard try store.staffRowIsAsSealed(name) else { return .refused(.alteredOutside(name: name)) }
        if let until = account.lockedUntil, until > now {
            return .refused(.locked(name: name, until: until, attempts: maximumAttempts))
        }
        guard let pin else { return .refused(.pinMissing(name: name)) }
        guard let stored = account.pinHash else {
            // Only a shop where nobody has a PIN yet (one from before PINs) lets a person set their own
            // at first sign-in; otherwise an account without one could be taken by whoever signs in first.
            return try store.staffWithPINCount() == 0 ? .firstUse(account.member) : .refused(.noPIN(name: name))
        }
        // Text of another shape typed at the prompt (a command, words) is not a try at the PIN: not counted.
        guard PINAttempts.isPINShaped(pin) else { return .refused(.notAPIN(name: name)) }
        guard PINHash.verify(pin, against: stored) else {
            if store.isReadOnly { return .refused(.wrongPIN(name: name, triesLeft: maximumAttempts - account.failedAttempts)) }
            let failures = account.failedAttempts + 1
            let lock = failures >= maximumAttempts ? now + lockMinutes * 60 : nil
            try store.recordFailedSignIn(name, lockUntil: lock)
            return .refused(lock == nil ? .wrongPIN(name: name, triesLeft: maximumAttempts - failures)
                                        : .lockedNow(name: name, minutes: lockMinutes))
        }
        if !store.isReadOnly { try store.recordSignIn(name) }
        return .confirmed(account.member)
    }

    /// `login NAME` hands the terminal to NAME. When NAME does not get in (a wrong PIN, a locked or
    /// unknown account, the PIN prompt cancelled), whoever was signed in is signed out all the same:
    /// someone else is at the keyboard now, and what they type next must not be recorded as the
    /// previous person's. Failing to sign in again as oneself changes nothing.
    static func signOutAfterFailedSwitch(_ refusal: SignInRefusal, attempted name: String, session s: Session) -> SignInRefusal {
        guard let previous = s.signedIn, previous.name != name else { return refusal }
        s.signedIn = nil
        return .failedAndSignedOut(previous: previous.name, reason: refusal)
    }

    /// Whoever authorises, signs an inspection or answers a complaint for the shop proves it: they are
    /// the person signed in, or they give their own PIN now — asked at the terminal without echo, or
    /// from WORKSHOP_SIGNER_PIN in a script. A wrong PIN counts toward a lock-out of co-signing by PIN
    /// only, apart from signing in (`PINAttempts`): nobody locks a manager out of their own sign-in by
    /// typing `authorized=` with wrong PINs. Text that is not PIN-shaped (the next command typed into
    /// the prompt) is refused as not a PIN and counts toward nothing. Runs before the command's own
    /// transaction, so a refused sign-off changes nothing else.
    /// `chinese`: the command's Chinese name, for the prompt in a Chinese shop ("确认优惠的 PIN").
    static func confirmSignOff(_ name: String, roles: Set<Role>, for command: String, session s: Session,
                               chinese: String? = nil) throws -> StaffMember {
        let store = s.store
        let member = try store.read { try store.staff(name, role: Role.allCases.first(where: roles.contains)!,
                                                      orAnyOf: Role.allCases.filter(roles.contains)) }
        if member.name == s.signedIn?.name { return member }
        // A locked signer is said so before anyone types a PIN that could not count.
        if let account = try store.read({ try store.account(named: member.name) }) {
            let now = Timestamp.currentTime
            if let until = account.lockedUntil, PINAttempts.isLocked(until: until, at: now) {
                throw SignInRefusal.locked(name: member.name, until: until, attempts: maximumAttempts)
            }
            if let until = account.signOffLockedUntil, PINAttempts.isLocked(until: until, at: now) {
                throw SignOffRefusal.locked(name: member.name, until: until)
            }
        }
        let prompt = s.t("\(member.name) 确认\(chinese ?? "（\(command)）")的 PIN：", "PIN of \(member.name) to confirm \(command): ")
        guard let pin = s.readSecret?(prompt) ?? s.signerPIN else { throw SignOffRefusal.needsPIN(name: member.name, command: command) }
        return try checkPIN(pin, of: member.name, for: command, session: s)
    }

    /// The person signed in changes their own PIN: the current one first, asked like a sign-off's
    /// (without echo at a terminal, WORKSHOP_SIGNER_PIN in a script) and counted like one, so a
    /// terminal left signed in gives nobody the account.
    static func confirmCurrentPIN(_ name: String, session s: Session) throws {
        if let account = try s.store.read({ try s.store.account(named: name) }),
           let until = account.signOffLockedUntil, PINAttempts.isLocked(until: until, at: Timestamp.currentTime) {
            throw SignOffRefusal.locked(name: name, until: until)
        }
        let prompt = s.t("\(name) 的当前 PIN：", "current PIN of \(name): ")
        guard let pin = s.readSecret?(prompt) ?? s.signerPIN else { throw SignOffRefusal.currentPINNeeded(name: name) }
        _ = try checkPIN(pin, of: name, for: "staff pin", session: s)
    }

    /// A PIN given at a sign-off prompt, checked and counted (`checkSignOff`), committed even when refused.
    private static func checkPIN(_ pin: String, of name: String, for command: String, session s: Session) throws -> StaffMember {
        let store = s.store
        guard PINAttempts.isPINShaped(pin) else { throw SignOffRefusal.notAPIN(name: name) }
        let now = Timestamp.currentTime
        store.context = ChangeContext(actor: name, command: "sign-off \(name): \(command)", now: now)
        // The count and the lock are committed even though the sign-off is refused.
        let outcome = try store.write { try checkSignOff(name, pin: pin, at: now, store: store) }
        switch outcome {
        case .confirmed(let confirmed): return confirmed
        case .refused(let refusal): throw refusal
        }
    }

    private enum SignOffCheck {
        case confirmed(StaffMember)
        case refused(any WordedRefusal)
    }

    /// Checks a co-signer's PIN: refused while their sign-in or their co-signing is locked; a wrong
    /// one counted toward the lock of co-signing only; a right one starts that count again.
    private static func checkSignOff(_ name: String, pin: String, at now: Timestamp, store: Store) throws -> SignOffCheck {
        guard let account = try store.account(named: name), account.member.active else { return .refused(SignInRefusal.notOnStaff(name: name)) }
        guard try store.staffRowIsAsSealed(name) else { return .refused(SignInRefusal.alteredOutside(name: name)) }
        if let until = account.lockedUntil, PINAttempts.isLocked(until: until, at: now) {
            return .refused(SignInRefusal.locked(name: name, until: until, attempts: maximumAttempts))
        }
        if let until = account.signOffLockedUntil, PINAttempts.isLocked(until: until, at: now) {
            return .refused(SignOffRefusal.locked(name: name, until: until))
        }
        guard let stored = account.pinHash else { return .refused(SignOffRefusal.noPINYet(name: name)) }
        guard PINHash.verify(pin, against: stored) else {
            if store.isReadOnly { return .refused(SignOffRefusal.wrongPIN(name: name, triesLeft: PINAttempts.maximum - account.signOffFailures)) }
            let (failures, lock) = PINAttempts.afterFailure(failures: account.signOffFailures, at: now)
            try store.recordFailedSignOff(name, lockUntil: lock)
            return .refused(lock == nil ? SignOffRefusal.wrongPIN(name: name, triesLeft: PINAttempts.maximum - failures)
                                        : SignOffRefusal.lockedNow(name: name, minutes: PINAttempts.lockMinutes))
        }
        if !store.isReadOnly { try store.recordSignOff(name) }
        return .confirmed(account.member)
    }
}

/// A sign-off the named person did not confirm.
enum SignOffRefusal: WordedRefusal {
    static let area = "sign-off"

    case needsPIN(name: String, command: String)
    /// Changing one's own PIN without giving the current one.
    case currentPINNeeded(name: String)
    case noPINYet(name: String)
    /// What was given at the PIN prompt is not PIN-shaped (a command typed into it): not counted.
    case notAPIN(name: String)
    case wrongPIN(name: String, triesLeft: Int)
    case lockedNow(name: String, minutes: Int)
    case locked(name: String, until: Timestamp)

    func words(_ w: Wording) -> String {
        switch self {
        case .needsPIN(let name, let command):
            return w("\(command) 须由 \(name) 本人确认：请 \(name) 登录操作，或输入其 PIN（脚本中用 WORKSHOP_SIGNER_PIN）",
                     "\(command) must be confirmed by \(name): sign in as \(name), or give their PIN (WORKSHOP_SIGNER_PIN in scripts)")
        case .currentPINNeeded(let name):
            return w("改自己的 PIN 须先输入当前 PIN（脚本中用 WORKSHOP_SIGNER_PIN）；忘记了请经理重设（staff pin \(name) pin=…）",
                     "changing your own PIN asks for the current one first (WORKSHOP_SIGNER_PIN in scripts); if it is forgotten, a manager sets a new one (staff pin \(name) pin=…)")
        case .noPINYet(let name):
            return w("\(name) 还没有 PIN：请经理设置（staff pin \(name) pin=…）", "\(name) has no PIN yet: a manager sets one (staff pin \(name) pin=…)")
        case .notAPIN(let name):
            return w("输入的不是 PIN（PIN 为 4 到 12 位数字）：\(name) 的确认未完成，不计为错误尝试；命令未执行",
                     "that is not a PIN (a PIN is 4 to 12 digits): \(name)'s sign-off is not confirmed, and this is not counted as a wrong PIN; the command was not run")
        case .wrongPIN(let name, let left):
            return w("\(name) 的 PIN 错误（确认签字还可尝试 \(left) 次；不影响 \(name) 本人登录）",
                     "wrong PIN for \(name) (\(left) tries left to confirm a sign-off; \(name)'s own sign-in is not affected)")
        case .lockedNow(let name, let minutes):
            return w("\(name) 的 PIN 错误：代为确认签字已锁定 \(minutes) 分钟（\(name) 本人仍可登录操作）",
                     "wrong PIN for \(name): sign-off by PIN is locked for \(minutes) minutes (\(name) can still sign in and do it)")
        case .locked(let name, let until):
            return w("\(name) 的代为确认签字因多次 PIN 错误锁定至 \(w.time(until))：请 \(name) 本人登录操作",
                     "sign-off by PIN for \(name) is locked until \(w.time(until)) after wrong PINs: \(name) signs in and does it")
        }
    }
}

/// Why someone could not sign in. Failed attempts and lock-outs are recorded even so.
enum SignInRefusal: WordedRefusal {
    static let area = "sign-in"

    case pinFormat
    case hashFailed
    case newShopNeedsPIN(name: String)
    case notOnStaff(name: String)
    case locked(name: String, until: Timestamp, attempts: Int)
    case pinMissing(name: String)
    case wrongPIN(name: String, triesLeft: Int)
    case lockedNow(name: String, minutes: Int)
    case noPIN(name: String)
    /// The PIN prompt was left with Ctrl-C (or Ctrl-D).
    case cancelled(name: String)
    /// What was given at the PIN prompt is not PIN-shaped (a command typed into it): not counted.
    case notAPIN(name: String)
    /// A failed `login` as someone else: `previous` is signed out (see `signOutAfterFailedSwitch`).
    indirect case failedAndSignedOut(previous: String, reason: SignInRefusal)
    /// The person's staff row is not as Workshop sealed it (changed outside: roles, PIN).
    case alteredOutside(name: String)
    /// The staff list is empty in a shop that had people: emptied outside Workshop.
    case staffRemovedOutside

    func words(_ w: Wording) -> String {
        switch self {
        case .pinFormat: return w("PIN 为 4 到 12 位数字", "a PIN is 4 to 12 digits")
        case .hashFailed: return w("无法保存 PIN（libxcrypt 出错）", "the PIN could not be hashed (libxcrypt failed)")
        case .newShopNeedsPIN(let name):
            return w("这是新的门店数据库：\(name) 将成为经理，需要设置 PIN（脚本中用 WORKSHOP_PIN）",
                     "this is a new shop database: \(name) becomes its manager and needs a PIN (WORKSHOP_PIN in scripts)")
        case .notOnStaff(let name):
            return w("\(name) 不在员工名单上（由经理添加：staff add 姓名 role=…）", "\(name) is not on the staff list (a manager adds people: staff add NAME role=…)")
        case .locked(let name, let until, let attempts):
            return w("\(name) 因连续 \(attempts) 次 PIN 错误被锁定至 \(w.time(until))；经理可重置 PIN（staff pin \(name)）",
                     "\(name) is locked until \(w.time(until)) after \(attempts) wrong PINs; a manager can reset the PIN (staff pin \(name))")
        case .pinMissing(let name):
            return w("缺少 \(name) 的 PIN（脚本中用 WORKSHOP_PIN，或在终端上 login）", "the PIN for \(name) is missing (WORKSHOP_PIN in scripts, or login at a terminal)")
        case .wrongPIN(let name, let left):
            return w("\(name) 的 PIN 错误（还可尝试 \(left) 次）", "wrong PIN for \(name) (\(left) tries left)")
        case .noPIN(let name):
            return w("\(name) 还没有 PIN：请经理设置（staff pin \(name) pin=…），再由本人修改", "\(name) has no PIN: a manager sets one (staff pin \(name) pin=…), which they then change")
        case .lockedNow(let name, let minutes):
            return w("\(name) 的 PIN 错误：已锁定 \(minutes) 分钟", "wrong PIN for \(name): locked for \(minutes) minutes")
        case .cancelled(let name):
            return w("已取消 \(name) 的登录", "sign-in of \(name) cancelled")
        case .notAPIN(let name):
            return w("输入的不是 PIN（PIN 为 4 到 12 位数字）：\(name) 未登录，不计为错误尝试",
                     "that is not a PIN (a PIN is 4 to 12 digits): \(name) is not signed in, and this is not counted as a wrong PIN")
        case .alteredOutside(let name):
            return w("\(name) 的员工记录（角色、门店或 PIN）在 Workshop 之外被改动过，不能用于登录或代为签字。请经理运行 verify 查看，再用 staff set \(name) role=… 或 staff pin \(name) 重新设定此人",
                     "the staff record of \(name) (roles, site or PIN) was changed outside Workshop: it cannot sign in or sign off. A manager runs verify to see the change, then sets the person again (staff set \(name) role=… or staff pin \(name))")
        case .staffRemovedOutside:
            return w("员工名单已在 Workshop 之外被清空：不能当作新门店建立经理。请用备份恢复数据库，并运行 verify 查看",
                     "the staff list was emptied outside Workshop: this is not a new shop whose first person becomes manager. Restore the database from a backup and run verify")
        case .failedAndSignedOut(let previous, let reason):
            return reason.words(w) + w("；\(previous) 已退出登录，现在无人登录（login 姓名）",
                                       "; \(previous) is signed out, nobody is signed in now (login NAME)")
        }
    }
}
