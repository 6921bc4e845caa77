import WorkshopModel

extension Wording {
    /// "举升机、四轮定位仪" / "lift, wheel alignment"; a word the shop typed, as typed.
    func equipment(_ items: [Equipment]) -> String { list(items.map { $0.label(language) }) }

    /// The same, from stored codes.
    func equipment(_ codes: [String]) -> String { equipment(Equipment.stored(codes)) }
}
