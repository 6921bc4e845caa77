/// Bookings (预约): parts in stock before confirming, a bay with the equipment, open and free.
public enum BookingRefusal: Refusal, Equatable {
    public static let area = "booking"

    /// Not a booking's number (A12).
    case notBookingNumber(given: String)
    /// A booking is for a time to come.
    case notInFuture(at: Timestamp)
    /// Only a booking not yet confirmed is confirmed.
    case notPending(appointment: String, status: AppointmentStatus)
    /// The booked time has passed: book a new one.
    case timePassed(appointment: String, at: Timestamp)
    /// Parts must be in stock before a booking is confirmed.
    case partsShort(appointment: String, shortages: [PartShortage])
    case bayLacksEquipment(bay: String, missing: [Equipment], has: [Equipment], free: [String])
    /// The booking does not fit in the bay's opening hours.
    case bayClosed(bay: String, hours: String, at: Timestamp, minutes: Int)
    /// Another confirmed booking holds the bay then.
    case bayTaken(bay: String, by: String, plate: String, from: Timestamp, until: Timestamp, free: [String])
    /// A car is in the bay and expected there (until its order's promised time) past the booking's start.
    case bayOccupied(bay: String, order: String, plate: String, until: Timestamp, free: [String])
    case noFreeBay(equipment: [Equipment], at: Timestamp, minutes: Int)
    /// Cancelled, a no-show or arrived already.
    case alreadyClosed(appointment: String, status: AppointmentStatus)
    /// A no-show is marked after the booked time.
    case noShowTooEarly(appointment: String, at: Timestamp)
}

/// A part a booking needs more of than is available: what is on order, and when it is due.
public struct PartShortage: Equatable, Sendable {
    public var partNumber: String
    public var name: String
    public var needed: Quantity
    public var available: Quantity
    public var onOrder: Quantity
    /// "2026-11-24", when known.
    public var due: String?

    public init(partNumber: String, name: String, needed: Quantity, available: Quantity, onOrder: Quantity, due: String?) {
        (self.partNumber, self.name, self.needed, self.available, self.onOrder, self.due) = (partNumber, name, needed, available, onOrder, due)
    }
}
