/// What would be entered is already on file: the same plate, VIN, phone or key hook.
public enum ConflictRefusal: Refusal, Equatable {
    public static let area = "conflict"

    /// Adding a vehicle whose plate is on file.
    case plateOnFile(plate: String)
    /// Changing a vehicle's plate to one another vehicle has.
    case plateOfAnotherVehicle(plate: String)
    /// Adding a vehicle whose VIN is on file under `plate`.
    case vinOnFile(vin: String, plate: String)
    /// Changing a vehicle's VIN to one another vehicle (`plate`) has.
    case vinOfAnotherVehicle(vin: String, plate: String)
    /// Adding a customer whose phone belongs to customer `customer` ("C12") called `name`.
    case phoneOnFile(phone: String, customer: String, name: String)
    /// Changing a customer's phone to another customer's.
    case phoneOfAnotherCustomer(phone: String, customer: String, name: String)
    /// The key hook holds the key of another open order (its number).
    case keyTagInUse(tag: String, order: String)
}
