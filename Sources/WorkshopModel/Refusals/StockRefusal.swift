/// The shelf cannot give what is asked of it.
public enum StockRefusal: Refusal, Equatable {
    public static let area = "stock"

    /// Taking `wanted` of a part would leave less than nothing on hand.
    case notEnoughOnHand(partNumber: String, name: String, onHand: Quantity, unit: String, wanted: Quantity)
}
