import WorkshopModel

/// The national repair record's refusals.
public enum HealthRecordRefusal: Refusal, Equatable {
    public static let area = "healthrecord"

    /// Nothing can be sent before the manager sets the platform's address and the shop's account.
    case notSetUp
    /// The first set-up gives the address, the company code and the password together.
    case setUpIncomplete(missing: [String])
    /// url= is an http:// or https:// address.
    case notAnAddress(String)
    /// style= is one of the styles Workshop speaks.
    case unknownStyle(String, known: [String])
    /// The order has no record: it was not released as repaired (estimating, declined, voided).
    case noRecord(order: String)
    /// A record the platform holds is not corrected or sent again.
    case alreadySent(order: String, at: Timestamp)
    /// `healthrecord correct` names at least one field to correct.
    case nothingToCorrect
    /// part= is a line number and the part's number: 2:04465-33450.
    case notPartCorrection(given: String)
    /// A part line the record does not have.
    case noSuchPart(order: String, line: Int, lines: [Int])
}
