/// Something a person named is not on file. Each carries what was typed, so the sentence can say
/// what was looked for and which command lists what there is. (Parts, labour operations and jobs
/// are `CatalogRefusal`'s, bays `PeopleRefusal`'s, complaints `AfterSalesRefusal`'s.)
public enum LookupRefusal: Refusal, Equatable {
    public static let area = "lookup"

    /// An order number ("RO12") with no order behind it.
    case noOrder(order: String)
    /// A vehicle named for its open order has none; `lastOrder` is its latest order's number, if any.
    case noOpenOrder(plate: String, lastOrder: String?)
    /// Neither a plate nor a VIN on file; `similar` are the plates (or VINs) on file one or two
    /// keystrokes away from it (`Similarity`), the nearest first.
    case noVehicle(given: String, plate: String, similar: [String])
    /// A customer id (C12) with no customer behind it.
    case noCustomer(reference: String)
    case noCustomerWithPhone(phone: String)
    /// Text that is neither a customer id nor a phone number.
    case notACustomerReference(given: String)
    case noAppointment(given: String)
    /// An item that is not on the order's belongings checklist.
    case noBelonging(item: String, order: String)
    /// A checklist item code the stage's checklist does not have.
    case noChecklistItem(stage: InspectionStage, code: String)
}
