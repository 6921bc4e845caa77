import Foundation
import WorkshopModel

/// Where one released order's record stands on its way to the platform.
public enum OutboxState: String, Vocabulary {
    /// Waits for its next attempt (the first, or a retry after the network or platform failed).
    case waiting
    /// A push has taken it and is sending it now. One whose push died (kill -9, power cut) is taken
    /// again once the lease runs out; the platform's answer to the repeat tells whether it arrived.
    case sending
    /// The platform holds it. Never sent again.
    case sent
    /// The platform refused the record itself, or the record can't be sent as it is: a person
    /// corrects it (`healthrecord correct`), and it waits again.
    case refused

    public var code: String { rawValue }
    public var chinese: String {
        switch self {
        case .waiting: return "待上报"
        case .sending: return "上报中"
        case .sent: return "已上报"
        case .refused: return "待更正"
        }
    }
    public var english: String {
        switch self {
        case .waiting: return "waiting"
        case .sending: return "sending"
        case .sent: return "sent"
        case .refused: return "to correct"
        }
    }
}

/// When to try again, and how long a push may hold a record.
public enum OutboxPolicy {
    /// The wait, in seconds, after the n-th failed attempt: 1 min, 5 min, 15 min, 1 h, then every 6 h for as
    /// long as it takes — a record is never given up on.
    public static func delay(afterFailedAttempts attempts: Int) -> Int {
        switch attempts {
        case ...1: return 60
        case 2: return 5 * 60
        case 3: return 15 * 60
        case 4: return 60 * 60
        default: return 6 * 60 * 60
        }
    }

    /// A push that took a record and did not come back within this is taken to have died. Longer
    /// than a token request and an upload together at their timeouts.
    public static let lease = 120

    /// Whether a push may take the record now.
    public static func isDue(state: OutboxState, nextAttemptAt: Timestamp, claimedAt: Timestamp?, now: Timestamp) -> Bool {
        switch state {
        case .waiting: return nextAttemptAt <= now
        case .sending: return claimedAt.map { now.seconds - $0.seconds >= lease } ?? true
        case .sent, .refused: return false
        }
    }
}
