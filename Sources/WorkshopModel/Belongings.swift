/// An item counted into the belongings checklist (随车物品清单): "备胎", "脚垫x4", "脚垫×4".
public struct BelongingItem: Hashable, Sendable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int = 1) {
        self.name = name
        self.count = count
    }

    /// Reads "脚垫x4" / "脚垫×4" / "脚垫*4" as four floor mats; a bare name is one.
    public static func parse(_ word: String) throws -> BelongingItem {
        let trimmed = word.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw InputRefusal.empty(field: "item") }
        for marker in ["x", "X", "×", "*"] {
            if let range = trimmed.range(of: marker, options: .backwards) {
                let countText = trimmed[range.upperBound...]
                let name = trimmed[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                // "脚垫x-1", "脚垫x0": a count, and a wrong one — not an item of that name.
                let digits = countText.hasPrefix("-") ? countText.dropFirst() : countText
                if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), !name.isEmpty, countText.hasPrefix("-") {
                    throw InputRefusal.belongingCount(given: word)
                }
                if !countText.isEmpty, countText.allSatisfy({ $0.isASCII && $0.isNumber }), !name.isEmpty {
                    guard let count = Int(countText), (1...Belonging.largestCount).contains(count) else {
                        throw InputRefusal.belongingCount(given: word)
                    }
                    return BelongingItem(name: name, count: count)
                }
            }
        }
        guard trimmed.count <= 40 else { throw InputRefusal.tooLong(field: "item", given: trimmed, maximum: 40) }
        return BelongingItem(name: trimmed, count: 1)
    }

    /// Cash and valuables are handed back to the customer at check-in, never kept in the box.
    public var isValuable: Bool {
        let words = ["现金", "钱包", "首饰", "手机", "cash", "wallet", "jewel", "phone", "银行卡", "贵重"]
        let lower = name.lowercased()
        return words.contains { lower.contains($0) }
    }

    public var display: String { count == 1 ? name : "\(name)×\(count)" }

    /// An item named at hand-back: "脚垫x3" is three of them; a bare "脚垫" is every one still out
    /// (nil count).
    public static func parseReturned(_ word: String) throws -> (name: String, count: Int?) {
        let item = try parse(word)
        let bare = item.name == word.trimmingCharacters(in: .whitespaces)
        return (item.name, bare ? nil : item.count)
    }
}

/// What checking belongings back did (交车清点): the items whose count back changed, as they now
/// stand, what came back now, and what is still missing.
public struct BelongingsCheckBack: Sendable, Equatable {
    public var updated: [Belonging]
    public var returned: [BelongingItem]
    public var missing: [Belonging]

    /// What came back now, as the checklist writes it: an item counted in several says how many
    /// came back ("脚垫×1" of four).
    public var returnedDisplay: [String] {
        returned.map { item in
            (updated.first { $0.name == item.name }?.count ?? 1) > 1 ? "\(item.name)×\(item.count)" : item.name
        }
    }
}

extension OrderRecord {
    /// Counts belongings back into the car, exactly: each named item by the count given ("脚垫x3"),
    /// a bare name or `all` for every one still out; never more than are out. An item is back
    /// (`returnedAt`) once its whole count is; until then the count back is kept, and the items
    /// still missing are named (release names them too).
    public func checkBack(_ named: [(name: String, count: Int?)], all: Bool, at now: Timestamp) throws -> BelongingsCheckBack {
        try ensureCanReturnBelongings()
        var current = belongings
        var returned: [BelongingItem] = []
        var requests = named
        // `all` is what is here: an item marked missing is named to come back, if it turns up.
        if all { requests = current.filter { !$0.isAccountedFor }.map { ($0.name, nil) } }
        for (name, count) in requests {
            guard let index = current.firstIndex(where: { $0.name == name }) else {
                throw LookupRefusal.noBelonging(item: name, order: order.number)
            }
            var item = current[index]
            let taking = count ?? item.missing
            guard taking >= 1, taking <= item.missing else {
                throw OrderRefusal.returnMoreThanOut(order: order.number, item: name, given: count ?? 0, out: item.missing, count: item.count)
            }
            let back = item.back + taking
            item.returned = back == item.count ? nil : back
            item.returnedAt = back == item.count ? now : nil
            current[index] = item
            if let earlier = returned.firstIndex(where: { $0.name == name }) {
                returned[earlier].count += taking
            } else {
                returned.append(BelongingItem(name: name, count: taking))
            }
        }
        let changed = Set(returned.map(\.name))
        return BelongingsCheckBack(updated: current.filter { changed.contains($0.name) }, returned: returned,
                                   missing: current.filter { !$0.isAccountedFor })
    }

    /// The belongings still missing, as the checklist writes them: "备胎", "脚垫×1".
    /// An item marked missing on record (reason, who, when) is accounted for.
    public var belongingsMissing: [String] { belongings.filter { !$0.isAccountedFor }.map(\.missingDisplay) }
}

import Foundation
