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
                if !countText.isEmpty, countText.allSatisfy({ $0.isASCII && $0.isNumber }), !name.isEmpty {
                    guard let count = Int(countText), (1...99).contains(count) else {
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
}

import Foundation
