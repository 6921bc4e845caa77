/// One odometer reading of a vehicle and when it was taken: at a check-in, at a release, or a
/// correction made on record (`vehicle odometer`).
public struct OdometerReading: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case checkIn(order: Int)
        case release(order: Int)
        case correction
    }

    public var km: Int
    public var at: Timestamp
    public var source: Source
    /// The order readings taken at the same moment were recorded in (the journal entry's number):
    /// a script on a fixed clock corrects a reading in the same second it was taken, or before.
    public var sequence: Int

    public init(km: Int, at: Timestamp, source: Source, sequence: Int = 0) {
        (self.km, self.at, self.source, self.sequence) = (km, at, source, sequence)
    }

    var order: Int? {
        switch source {
        case .checkIn(let order), .release(let order): return order
        case .correction: return nil
        }
    }

    /// Among readings of the same second and sequence: the check-in, then the release, then a correction.
    var rank: Int {
        switch source {
        case .checkIn: return 0
        case .release: return 1
        case .correction: return 2
        }
    }
}

/// A vehicle's readings in the order they were taken. The reading that stands at a moment is the
/// highest since the last correction: a correction replaces whatever came before it, so a wrong
/// reading — however high — stops counting once it is corrected.
public struct OdometerHistory: Sendable {
    public let readings: [OdometerReading]

    public init(_ readings: [OdometerReading]) {
        self.readings = readings.sorted { ($0.at.seconds, $0.sequence, $0.rank) < ($1.at.seconds, $1.sequence, $1.rank) }
    }

    /// The reading standing at `moment` (readings taken after it left out), without those of
    /// `order` when one is named (the order whose own reading is being corrected); nil when the
    /// vehicle has never been read. Of equal readings the later one stands: the car was seen at
    /// that figure then.
    public func standing(at moment: Timestamp, excluding order: Int? = nil) -> OdometerReading? {
        var standing: OdometerReading?
        for reading in readings where reading.at <= moment {
            if let order, reading.order == order { continue }
            switch reading.source {
            case .correction:
                standing = reading
            case .checkIn, .release:
                if reading.km >= (standing?.km ?? Int.min) { standing = reading }
            }
        }
        return standing
    }

    /// The history with one more reading: what the record will hold once it is written (a
    /// check-in's reading, before anything reads the record again).
    public func adding(_ reading: OdometerReading) -> OdometerHistory { OdometerHistory(readings + [reading]) }
}

/// A reading beyond what a car plausibly drives, confirmed by the advisor: kept on record with the
/// reading it was compared with and the most that was plausible.
public struct OdometerConfirmation: Sendable, Equatable {
    public var reading: Int
    public var last: OdometerReading
    public var days: Int
    public var limit: Int

    public var journalDetail: [(String, JSON)] {
        [("odometer", .int(reading)), ("last", .int(last.km)), ("last_at", .string(last.at.iso8601)),
         ("days", .int(days)), ("plausible_up_to", .int(limit))]
    }
}

extension OdometerRule {
    /// More than this many kilometres a day since the last reading is not taken without a confirmation.
    public static let plausibleKilometresPerDay = 2_000

    /// Whole days begun between the last reading and now, at least one: a reading taken the same
    /// day may be up to 2,000 km on, one four days later up to 8,000.
    public static func daysSince(_ last: OdometerReading, at now: Timestamp) -> Int {
        max(1, (now.seconds - last.at.seconds + 86_399) / 86_400)
    }

    /// The highest reading that is plausible now after `last`.
    public static func plausibleLimit(after last: OdometerReading, at now: Timestamp) -> Int {
        last.km + plausibleKilometresPerDay * daysSince(last, at: now)
    }

    /// The confirmation `reading` needs after `last`, or nil when it is plausible (or the vehicle
    /// has no reading yet: a first reading may be anything).
    public static func confirmationNeeded(reading: Int, after last: OdometerReading?, at now: Timestamp) -> OdometerConfirmation? {
        guard let last else { return nil }
        let limit = plausibleLimit(after: last, at: now)
        guard reading > limit else { return nil }
        return OdometerConfirmation(reading: reading, last: last, days: daysSince(last, at: now), limit: limit)
    }

    /// A reading far beyond the plausible — more than 2,000 km a day since the vehicle's last
    /// reading — is taken only when the advisor confirms it (`confirm-odometer=yes`); returns the
    /// confirmation to record, nil when none was needed.
    @discardableResult
    public static func checkPlausible(reading: Int, plate: String, after last: OdometerReading?, at now: Timestamp,
                                      confirmed: Bool) throws -> OdometerConfirmation? {
        guard let needed = confirmationNeeded(reading: reading, after: last, at: now) else { return nil }
        guard confirmed else {
            throw OrderRefusal.odometerImplausible(reading: reading, plate: plate, last: needed.last.km, lastAt: needed.last.at,
                                                   days: needed.days, limit: needed.limit)
        }
        return needed
    }
}
