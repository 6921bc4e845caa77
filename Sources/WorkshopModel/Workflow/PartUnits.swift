/// A part's unit on the price list: counted (件, 套, 个… — a brake pad set is one or two, never
/// 0.001) or measured (升, L, 公斤, 米… — oil is 4.5 L). A counted part takes whole quantities, or a
/// line of 0.001 brake pad set at list price is a price typed in by the back door.
public enum PartUnit {
    /// Units things are measured in; any other unit counts pieces.
    public static let measured: Set<String> = ["升", "l", "ml", "毫升", "公斤", "千克", "kg", "克", "g", "米", "m", "厘米", "cm", "吨"]

    public static func isCounted(_ unit: String) -> Bool {
        !measured.contains(unit.trimmingCharacters(in: .whitespaces).lowercased())
    }
}

extension Gate {
    /// A part counted in pieces takes a whole quantity.
    public static func quantity(_ quantity: Quantity, of partNumber: String, unit: String) throws {
        guard PartUnit.isCounted(unit), quantity.thousandths % 1000 != 0 else { return }
        throw CatalogRefusal.partCountedInWholes(partNumber: partNumber, unit: unit, given: quantity)
    }
}
