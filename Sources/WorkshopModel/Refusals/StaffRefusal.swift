/// A person named for a job is not on the staff list, or does not hold the role the job needs.
/// `holders` are the active staff who do hold it, so the sentence can say whom to name instead.
public enum StaffRefusal: Refusal, Equatable {
    public static let area = "staff"

    case notOnStaff(name: String, role: Role, holders: [String])
    /// `alsoAccepted`: other roles that would do (a receiver is a manager or a technician).
    case lacksRole(name: String, roles: [Role], needed: Role, alsoAccepted: [Role], holders: [String])
}
