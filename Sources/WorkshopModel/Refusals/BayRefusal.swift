/// The bays on the floor: one car in a bay, bookings' holds, the equipment the work needs.
public enum BayRefusal: Refusal, Equatable {
    public static let area = "bay"

    /// Another car is in the bay: it is moved, or the bay freed (`bay free`), first. Never overridden.
    case occupied(bay: String, order: String, plate: String, since: Timestamp, until: Timestamp?, free: [String])
    /// Bookings hold the bay for a time the order's car would be in it (now until `until`, its
    /// promised time); `lacking` is what the bay also lacks of the equipment the work needs.
    case heldForBooking(bay: String, order: String, until: Timestamp, holds: [BayHold], lacking: [EquipmentNeed], free: [String])
    /// The bay lacks equipment the order's work needs; `withIt` are the bays that have it.
    case lacksEquipment(bay: String, order: String, missing: [EquipmentNeed], withIt: [String], free: [String])
    /// override=yes says why, in reason=.
    case overrideNeedsReason
    /// reason= is the reason for override=yes, and is given with it.
    case reasonWithoutOverride
    /// `bay free` on a bay no car is in.
    case notOccupied(bay: String)
    /// Another site of the chain has a bay of this name: bay names are the chain's.
    /// `suggestion`: the name with the adding site's short name before it (nil when it already starts so).
    case nameAtAnotherSite(bay: String, site: String, suggestion: String?)
}
