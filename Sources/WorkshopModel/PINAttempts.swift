/// Wrong PINs and the lock-out, for signing in and for confirming a sign-off (a co-signature:
/// `authorized=钱主管` at someone else's terminal) alike — but counted apart. Signing in is the
/// person's own door: only their own wrong PINs lock it. A co-signature is asked for by whoever is
/// at the keyboard, so its wrong PINs lock only co-signing by PIN for that person (they can still
/// sign in, and sign off signed in as themselves); nobody can lock a manager out by typing their
/// name with wrong PINs. Either lock stops a co-signature by PIN: a PIN being guessed at sign-in is
/// not tried at the sign-off prompt meanwhile.
public enum PINAttempts {
    /// Five wrong PINs in a row lock for fifteen minutes.
    public static let maximum = 5
    public static let lockMinutes = 15

    /// What a PIN can be: 4 to 12 digits. Text of another shape typed at a PIN prompt (a command, a
    /// name, words) is not a try at the PIN and counts toward nothing.
    public static func isPINShaped(_ text: String) -> Bool {
        (4...12).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// After one more wrong PIN, `failures` before it: the count, and the end of the lock it starts (nil: none yet).
    public static func afterFailure(failures: Int, at now: Timestamp) -> (failures: Int, lockedUntil: Timestamp?) {
        let count = failures + 1
        return (count, count >= maximum ? now + lockMinutes * 60 : nil)
    }

    /// Changing a PIN at a terminal signed in as its owner asks for the current one first: whoever
    /// finds a terminal left signed in must not take the account by setting a PIN they choose. A
    /// manager setting someone else's (a forgotten one) is not asked; nor an account with no PIN yet.
    public static func changeNeedsCurrentPIN(of person: String, signedIn: String?, hasPIN: Bool) -> Bool {
        hasPIN && person == signedIn
    }

    /// Whether a lock ending at `until` still holds at `now` (the system's clock, never a session's).
    public static func isLocked(until: Timestamp?, at now: Timestamp) -> Bool {
        guard let until else { return false }
        return until > now
    }
}
