/// The shop's people and places: staff and their PINs, bays, inspection checklists.
public enum PeopleRefusal: Refusal, Equatable {
    public static let area = "people"

    /// A technician belongs to a work group.
    case technicianNeedsGroup(name: String)
    /// The only manager cannot give up the role.
    case lastManager(name: String)
    case notOnStaff(name: String)
    /// Only a manager sets another person's PIN; `person` may change their own.
    case onlyManagerSetsPIN(person: String)
    /// Setting a PIN needs the new one (pin=…).
    case ownPINNeeded(name: String)
    /// A new person starts with a PIN the manager gives them.
    case newPersonNeedsPIN(name: String)
    /// A checklist item's code is typed as `code=fail`: a letter first, then letters, digits, _ and -.
    case badCheckitemCode(given: String)
    /// by, note and at are inspect's own options.
    case reservedCheckitemCode(code: String)
    case unknownBay(name: String, bays: [String])
}
