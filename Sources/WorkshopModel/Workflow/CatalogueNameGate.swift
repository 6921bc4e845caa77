/// A catalogue item a line typed in words carries the name of: a part of the price list (its number
/// and list unit price) or a labour operation (工时定额: its code and standard hours). The store
/// finds it by the name folded the way `CatalogueName.key` says; the model decides what it means.
public struct CatalogueName: Equatable, Sendable {
    public enum Item: Equatable, Sendable {
        case part(number: String, listPrice: Money)
        case labor(code: String, standardHours: Hours)
    }

    /// The catalogue's own spelling of the name.
    public var name: String
    public var item: Item

    public init(name: String, item: Item) {
        (self.name, self.item) = (name, item)
    }

    /// A name as it is compared with the catalogue's: spaces (half- and full-width) left out,
    /// full-width brackets as half-width ones, Latin letters in lower case. The store's name
    /// indexes (016-catalogue-name-indexes) fold names the same way in SQL.
    public static func key(_ name: String) -> String {
        var folded = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case " ", "\u{3000}": continue
            case "（": folded.append("(")
            case "）": folded.append(")")
            case "［": folded.append("[")
            case "］": folded.append("]")
            case "A"..."Z": folded.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            default: folded.unicodeScalars.append(scalar)
            }
        }
        return folded
    }
}

extension Gate {
    /// A line typed in words (a part not priced from the list, labour without an operation code)
    /// whose name is a catalogue item's is that item: priced in words it would pass the price-
    /// concession gate and the category its work implies unseen. It is refused, naming the item and
    /// how to enter it by its number or code, unless the advisor says it is something the
    /// catalogue does not have (`unlisted=yes`), which the journal records. A customer-supplied part
    /// is the customer's own, not the shop's list item, and passes. `supplement`: said from added
    /// work (the refusal's example is then a `supplement … add` line).
    public static func catalogueName(_ line: OrderLine, named match: CatalogueName?, unlisted: Bool, order: String,
                                     supplement: Bool) throws {
        guard let match, !unlisted else { return }
        switch (line.kind, match.item) {
        case (.part, .part(let number, let price)) where line.partClass != .customer:
            throw CatalogRefusal.nameIsListedPart(name: match.name, partNumber: number, listPrice: price, order: order,
                                                  supplement: supplement)
        case (.labor, .labor(let code, let hours)) where line.operationCode == nil:
            throw CatalogRefusal.nameIsListedLabor(name: match.name, code: code, standardHours: hours, order: order,
                                                   supplement: supplement)
        default:
            return
        }
    }
}

extension OrderChange {
    /// What the journal keeps of a line said to be off the catalogue (`unlisted=yes`): that it was
    /// said, and the catalogue item of the same name when there is one.
    mutating func recordUnlisted(_ unlisted: Bool, named match: CatalogueName?) {
        guard unlisted else { return }
        detail.append(("unlisted", .bool(true)))
        switch match?.item {
        case .part(let number, _)?: detail.append(("catalogue_part", .string(number)))
        case .labor(let code, _)?: detail.append(("catalogue_operation", .string(code)))
        case nil: break
        }
    }
}
