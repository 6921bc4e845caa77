/// Customers, their vehicles' files, and what the shop tells the customer (`notify`).
public enum CustomerRefusal: Refusal, Equatable {
    public static let area = "customer"

    /// `customer 张伟`: the first word of the form names a customer by number or phone only.
    case notCustomerReference(given: String)
    /// `warranty terms` mistyped: a plate or VIN has a digit or a Chinese character.
    case notVehicleReference(given: String)
    /// `customer set C3` without anything to change.
    /// A model year is four digits from 1900 to next year.
    case notModelYear(given: String, latest: Int)
    case nothingToChange(customer: String)
    case nothingToChangeOnVehicle(plate: String)
    /// `confirm-vin=` goes with the VIN it confirms.
    case confirmVINWithoutVIN(plate: String, confirmed: Bool)
    /// A "ready" message for a car that is not ready.
    case notReady(order: String, status: OrderStatus)
    /// An "added work" message when no added work waits for the customer's answer.
    case noAddedWorkWaiting(order: String)
    /// A delay message says why.
    case delayNeedsReason
    /// `promise=` on a message is the new time of a delay notice; the other messages take none.
    case promiseOnlyForDelay(kind: String)
    /// A taxpayer number (纳税人识别号) is the 18-character 统一社会信用代码, with its check character.
    case taxNumberLength(given: String, count: Int)
    case taxNumberCharacter(given: String)
    case taxNumberCheck(given: String, expected: String)
}
