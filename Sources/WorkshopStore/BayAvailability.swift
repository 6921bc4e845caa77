import SQLite
import WorkshopModel

/// Which bays are free for a booking: every bay's car and clashing booking read at once. Booking
/// a car in used to ask two questions a bay (the car in it, a confirmed booking overlapping):
/// forty round trips to a server for a shop of twenty bays, where these are one.
public struct BayAvailability: Sendable {
    /// The session's site's bays, in their order.
    public var bays: [Bay]
    /// The car in each bay now, by bay (as `Store.stay(inBay:)` finds it).
    public var occupants: [Int: BayStay]
    /// Each bay's earliest confirmed booking overlapping the time asked about, by bay.
    public var clashes: [Int: Appointment]
}

extension Store {
    /// Confirmed bookings with a bay starting in [start - a day, end), other than one: those that may
    /// overlap [start, end) in any bay (bookings last at most a day), on the bookings' time index;
    /// the overlap itself is tested exactly after (BookingRules.overlaps). The earliest clash of a
    /// bay is the one named, on either engine.
    static let clashesQuery = """
        SELECT \(appointmentColumns) FROM appointments
        WHERE at < ? AND at >= ? AND status = 'confirmed' AND bay_id IS NOT NULL AND id <> ?
        ORDER BY at, id
        """

    /// The statements `bayAvailability` runs: the cars in the bays, the clashing bookings, the bays.
    func bayAvailabilityReads(start: Timestamp, end: Timestamp, excluding: Int) -> [(sql: String, arguments: [SQLValue])] {
        let clashArguments: [SQLValue] = [.integer(Int64(end.seconds)), .integer(Int64(start.seconds - 86_400)), .integer(Int64(excluding))]
        return Self.currentStaysQueries.map { ($0, []) } + [(Self.clashesQuery, clashArguments), baysQuery()]
    }

    /// The bays, the car in each and the booking each is held by in [start, end), but for booking
    /// `excluding`: four reads, sent together to a server (one round trip).
    public func bayAvailability(start: Timestamp, end: Timestamp, excluding: Int) throws -> BayAvailability {
        let reads = bayAvailabilityReads(start: start, end: end, excluding: excluding)
        let clashArguments = reads[Self.currentStaysQueries.count].arguments
        try db.sendAhead(reads)
        var occupants: [Int: BayStay] = [:]
        for stay in try currentStays() where occupants[stay.bayID] == nil { occupants[stay.bayID] = stay }
        var clashes: [Int: Appointment] = [:]
        for booking in try db.rows(Self.clashesQuery, clashArguments, appointment(from:))
        where BookingRules.overlaps(start, end, booking.at, booking.end) {
            if let bay = booking.bayID, clashes[bay] == nil { clashes[bay] = booking }
        }
        return BayAvailability(bays: try bays(), occupants: occupants, clashes: clashes)
    }
}
