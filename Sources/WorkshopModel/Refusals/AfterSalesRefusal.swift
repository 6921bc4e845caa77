/// Follow-up calls and complaints (跟踪回访, 客户投诉处理程序).
public enum AfterSalesRefusal: Refusal, Equatable {
    public static let area = "after-sales"

    /// A follow-up call is created when a repaired car is released.
    case noFollowUp(order: String)
    case followUpRecorded(order: String, at: Timestamp)
    /// Satisfaction is 1 (very unhappy) to 5 (very happy).
    case notSatisfaction(given: String)
    case noComplaint(number: Int)
    case complaintClosed(complaint: Int)
    /// Classify a complaint before verifying or answering it.
    case notClassified(complaint: Int)
    /// A valid or major complaint is verified before it is answered.
    case notVerified(complaint: Int)
    /// A major complaint is handled by a manager (`handler`, the manager assigned, when one is).
    case majorIsManagers(complaint: Int, by: String, handler: String?)
    /// A complaint is followed up after it is answered.
    case notAnswered(complaint: Int)
}
