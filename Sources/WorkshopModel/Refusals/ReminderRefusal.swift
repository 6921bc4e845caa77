/// Reminders that bring cars back: maintenance, 年检, insurance renewal, declined work.
public enum ReminderRefusal: Refusal, Equatable {
    public static let area = "remind"

    /// `every=` is kilometres and/or months: 5000km|6months.
    case badInterval(given: String)
    /// `within=` is days, weeks or months: 14days, 2周, 1个月.
    case badWindow(given: String)
    /// Declined work comes from the orders: it is not set by hand.
    case notSettable(kind: ReminderKind)
    /// A maintenance reminder needs an interval (`every=`) or a date (`due=`).
    case maintenanceNeedsIntervalOrDate
    /// 年检 and insurance are due on a date: `due=`.
    case dateNeeded(kind: ReminderKind)
    /// `every=`, `last=` and `odometer=` describe maintenance only.
    case onlyForMaintenance(option: String, kind: ReminderKind)
    /// `last=` / `odometer=` say when the last service was: with `every=`.
    case lastServiceNeedsInterval(option: String)
    /// `odometer=` is the last service's reading: with its day, `last=`.
    case odometerNeedsDay
    /// The last service cannot be after today.
    case lastServiceAhead(given: String, today: String)
    /// The last service's odometer cannot be above what the car has shown since.
    case lastKmAboveReading(given: Int, plate: String, reading: Int)
    /// A kilometre interval alone needs the car's daily distance to give a date, which needs two
    /// readings on different days.
    case kilometresNeedAnEstimate(plate: String, readings: Int)
    case noReminder(given: String)
    /// A reminder set again with a later due day than the open one it replaces (a 年检 from the
    /// 行驶证 pushed to 2099 hides the customer): said why, on record.
    case laterNeedsReason(reminder: String, was: String, now: String)
    /// The reminder is closed already (called, serviced, replaced, cleared, dismissed).
    case closed(reminder: String, outcome: String, at: Timestamp)
    /// Nothing of that kind is open for the vehicle.
    case nothingOpen(plate: String, kind: ReminderKind)
    /// A plate or order named for a call, with nothing due for it: its open reminders, to name one.
    case nothingDue(reference: String, open: [String])
    /// A booking is linked to a reminder of its own vehicle.
    case bookingOfAnotherVehicle(reminder: String, booking: String, plate: String)
    /// A cancelled booking or a no-show brought nothing back.
    case bookingNotActive(booking: String, status: String)
    case alreadyBooked(reminder: String, booking: String)
}
