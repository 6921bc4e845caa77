/// One dispatch of an order: a work group, perhaps a technician and a bay.
public struct Assignment: Sendable {
    public var group: String
    public var technician: String?
    public var bay: String?
    public var at: Timestamp
    public var by: String

    public init(group: String, technician: String?, bay: String?, at: Timestamp, by: String) {
        (self.group, self.technician, self.bay, self.at, self.by) = (group, technician, bay, at, by)
    }
}

/// Added work reported by the workshop and the customer's answer.
public struct Supplement: Sendable {
    public var line: Int
    public var reason: String
    public var reportedBy: String
    public var reportedAt: Timestamp
    public var answer: LineStatus?
    public var via: Channel?
    public var answeredBy: String?
    public var told: String?
    public var answeredAt: Timestamp?
    public var recordedBy: String?
    public var promiseWas: Timestamp?
    public var promiseNow: Timestamp?

    public init(line: Int, reason: String, reportedBy: String, reportedAt: Timestamp, answer: LineStatus? = nil,
                via: Channel? = nil, answeredBy: String? = nil, told: String? = nil, answeredAt: Timestamp? = nil,
                recordedBy: String? = nil, promiseWas: Timestamp? = nil, promiseNow: Timestamp? = nil) {
        (self.line, self.reason, self.reportedBy, self.reportedAt, self.answer, self.via, self.answeredBy, self.told,
         self.answeredAt, self.recordedBy, self.promiseWas, self.promiseNow) =
            (line, reason, reportedBy, reportedAt, answer, via, answeredBy, told, answeredAt, recordedBy, promiseWas, promiseNow)
    }
}

public struct ProgressReport: Sendable {
    public var percent: Int
    public var note: String?
    public var at: Timestamp
    public var by: String
    public init(percent: Int, note: String?, at: Timestamp, by: String) { (self.percent, self.note, self.at, self.by) = (percent, note, at, by) }
}

/// A message composed for the customer and recorded as sent.
public struct Notification: Sendable {
    public var kind: String
    public var message: String
    public var at: Timestamp
    public var by: String
    public init(kind: String, message: String, at: Timestamp, by: String) { (self.kind, self.message, self.at, self.by) = (kind, message, at, by) }
}

