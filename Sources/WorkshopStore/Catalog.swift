import SQLite
import WorkshopModel

/// A standard labour operation (工时定额): a code, a name and its standard hours; and the repair
/// category its work implies, when it implies one (MNT-02 二级维护 is level-2 maintenance).
public struct LaborOperation: Hashable, Sendable {
    public var code: String
    public var name: String
    public var hours: Hours
    public var category: RepairCategory?
    public init(code: String, name: String, hours: Hours, category: RepairCategory? = nil) {
        (self.code, self.name, self.hours, self.category) = (code, name, hours, category)
    }
}

/// A part of the shop's stock and price list. `onHand` and `reserved` are the sums of its movements.
public struct CatalogPart: Hashable, Sendable {
    public var partNumber: String
    public var name: String
    public var brand: String?
    public var partClass: PartClass
    public var price: Money
    public var bin: String?
    public var unit: String
    public var cost: Money?
    public var reorderLevel: Quantity
    public var onHand: Quantity
    public var reserved: Quantity
    public var onOrder: Quantity
    public var onOrderETA: String?

    public init(partNumber: String, name: String, brand: String?, partClass: PartClass, price: Money, bin: String? = nil,
                unit: String = "件", cost: Money? = nil, reorderLevel: Quantity = Quantity(thousandths: 0),
                onHand: Quantity = Quantity(thousandths: 0), reserved: Quantity = Quantity(thousandths: 0),
                onOrder: Quantity = Quantity(thousandths: 0), onOrderETA: String? = nil) {
        self.partNumber = partNumber
        self.name = name
        self.brand = brand
        self.partClass = partClass
        self.price = price
        self.bin = bin
        self.unit = unit
        self.cost = cost
        self.reorderLevel = reorderLevel
        self.onHand = onHand
        self.reserved = reserved
        self.onOrder = onOrder
        self.onOrderETA = onOrderETA
    }

    /// What can still be promised: on hand less reserved.
    public var available: Quantity { Quantity(thousandths: onHand.thousandths - reserved.thousandths) }
    public var isLow: Bool { available.thousandths <= reorderLevel.thousandths }
}

extension Store {
    public func laborOperation(code: String) throws -> LaborOperation? {
        try db.first("SELECT code, name, hours, category FROM labor_operations WHERE code = ?", [.text(code.uppercased())], laborOperation(from:))
    }

    static let operationsWithCategory = "SELECT code, name, hours, category FROM labor_operations WHERE category IS NOT NULL"

    /// The categories the catalogue's labour operations imply, by code (those that imply one).
    public func laborCategories() throws -> [String: RepairCategory] {
        let rows = try db.rows(Self.operationsWithCategory, [], laborOperation(from:))
        var categories: [String: RepairCategory] = [:]
        for op in rows { categories[op.code] = op.category }
        return categories
    }

    /// A name folded as `CatalogueName.key` folds it, in SQL: exactly the expression of the name
    /// indexes of 016-catalogue-name-indexes, so that SQLite looks names up in them.
    static func nameKey(_ operand: String) -> String {
        "lower(replace(replace(replace(replace(replace(replace(\(operand), ' ', ''), '　', ''), '（', '('), '）', ')'), '［', '['), '］', ']'))"
    }

    /// The labour operation whose name is `name`, folded (`CatalogueName.key`); the first by code
    /// when several are.
    public func laborOperation(named name: String) throws -> LaborOperation? {
        try db.first("SELECT code, name, hours, category FROM labor_operations WHERE \(Self.nameKey("name")) = \(Self.nameKey("?1")) ORDER BY code LIMIT 1",
                     [.text(name)], laborOperation(from:))
    }

    /// The price-list part whose name is `name`, folded (`CatalogueName.key`); the first by number
    /// when several are.
    public func part(named name: String) throws -> CatalogPart? {
        try db.first("SELECT \(Self.partColumns) FROM parts WHERE \(Self.nameKey("name")) = \(Self.nameKey("?1")) ORDER BY part_no LIMIT 1",
                     [.text(name)], catalogPart(from:)).map { try atSite([$0]).first ?? $0 }
    }

    /// The catalogue item a line typed in words names, for `Gate.catalogueName`: a listed part for a
    /// part line, a labour operation for a labour line.
    public func catalogueName(_ name: String, kind: LineKind) throws -> CatalogueName? {
        switch kind {
        case .part: return try part(named: name).map { CatalogueName(name: $0.name, item: .part(number: $0.partNumber, listPrice: $0.price)) }
        case .labor: return try laborOperation(named: name).map { CatalogueName(name: $0.name, item: .labor(code: $0.code, standardHours: $0.hours)) }
        case .fee: return nil
        }
    }

    /// Adds or replaces a labour operation.
    public func saveLaborOperation(_ op: LaborOperation) throws {
        try db.run("""
            INSERT INTO labor_operations(code, name, hours, category) VALUES (?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, hours = excluded.hours, category = excluded.category
            """, [.text(op.code), .text(op.name), .integer(Int64(op.hours.hundredths)), SQLValue(op.category?.code)])
        var detail: [(String, JSON)] = [("name", .string(op.name)), ("hours", .string(op.hours.description))]
        if let category = op.category { detail.append(("category", .string(category.code))) }
        try journal(.laborSave, entity: "labor", id: op.code, detail: detail)
    }

    /// Labour operations whose code or name contains `text` (all when empty).
    public func laborOperations(matching text: String = "", limit: Int = 200) throws -> [LaborOperation] {
        try db.rows(db.text(Self.laborSearch), [.likeContaining(text), .integer(Int64(limit))], laborOperation(from:))
    }

    private static let laborSearch = PortableSQL.search { like in """
        SELECT code, name, hours, category FROM labor_operations
        WHERE code \(like) ?1 ESCAPE '\\' OR name \(like) ?1 ESCAPE '\\' ORDER BY code LIMIT ?2
        """ }

    private func laborOperation(from row: ShopRow) throws -> LaborOperation {
        let stored = StoredCodes(row, table: "labor_operations", key: row.string("code"))
        return LaborOperation(code: row.string("code"), name: row.string("name"), hours: Hours(hundredths: row.int("hours")),
                              category: try stored.optionalCode("category"))
    }

    private static let partColumns = "part_no, name, brand, class, price, bin, unit, cost, reorder_level, stock, reserved, on_order, on_order_eta"

    private func catalogPart(from row: ShopRow) throws -> CatalogPart {
        let stored = StoredCodes(row, table: "parts", key: row.string("part_no"))
        return CatalogPart(partNumber: row.string("part_no"), name: row.string("name"), brand: row.optionalString("brand"),
                           partClass: try stored.code("class"), price: row.money("price"), bin: row.optionalString("bin"),
                           unit: row.string("unit"), cost: row.optionalMoney("cost"), reorderLevel: row.quantity("reorder_level"),
                           onHand: row.quantity("stock"), reserved: row.quantity("reserved"), onOrder: row.quantity("on_order"),
                           onOrderETA: row.optionalString("on_order_eta"))
    }

    public func part(number: String) throws -> CatalogPart? {
        try db.first("SELECT \(Self.partColumns) FROM parts WHERE part_no = ?", [.text(number.uppercased())], catalogPart(from:))
            .map { try atSite([$0]).first ?? $0 }
    }

    /// Several parts by number in one read (their stock at the site as `part(number:)` has it), by
    /// their catalogue number; a number not in the catalogue is not among them. A booking's parts:
    /// two round trips to a server, where one part at a time took two each.
    public func parts(numbers: [String]) throws -> [String: CatalogPart] {
        guard let read = Self.partsByNumber(numbers) else { return [:] }
        let found = try db.rows(read.sql, read.arguments, catalogPart(from:))
        return Dictionary(uniqueKeysWithValues: try atSite(found).map { ($0.partNumber, $0) })
    }

    /// The statement `parts(numbers:)` runs (nil for no numbers).
    static func partsByNumber(_ numbers: [String]) -> (sql: String, arguments: [SQLValue])? {
        let wanted = Array(Set(numbers.map { $0.uppercased() })).sorted()
        guard !wanted.isEmpty else { return nil }
        return ("SELECT \(partColumns) FROM parts WHERE part_no IN (" + wanted.map { _ in "?" }.joined(separator: ", ") + ")",
                wanted.map { .text($0) })
    }

    /// A part with its stock as `scope` holds it: one site's shelf, or every site's together (the
    /// running totals, the chain's). `parts show … site=`.
    public func part(number: String, scope: ReportScope) throws -> CatalogPart? {
        let part = try db.first("SELECT \(Self.partColumns) FROM parts WHERE part_no = ?", [.text(number.uppercased())], catalogPart(from:))
        guard let part, let site = scope.site else { return part }
        return try atSite([part], siteID: site.id).first
    }

    /// The parts with their stock as the session's site holds it, in a chain: the movements made at
    /// the site (the home site's: the shop's running total less every added site's). The catalogue —
    /// numbers, names, prices — is the chain's; a shop with one site reads its running totals.
    /// `siteID`: another site's shelf than the session's (`parts show … site=`).
    func atSite(_ parts: [CatalogPart]) throws -> [CatalogPart] { try atSite(parts, siteID: siteID) }

    func atSite(_ parts: [CatalogPart], siteID: Int?) throws -> [CatalogPart] {
        guard !parts.isEmpty, try hasSites() else { return parts }
        let one = parts.count == 1 ? " AND part_no = ?" : ""
        var moved: [String: (here: (Int, Int), added: (Int, Int))] = [:]
        let here = SiteScope.storedID(siteID)
        try db.forEach("""
            SELECT part_no, site_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved FROM stock_movements
            WHERE site_id IS NOT NULL\(one) GROUP BY part_no, site_id
            """, parts.count == 1 ? [.text(parts[0].partNumber)] : []) { row in
            let key = row.string("part_no"), figures = (row.int("on_hand"), row.int("reserved"))
            var entry = moved[key] ?? ((0, 0), (0, 0))
            entry.added = (entry.added.0 + figures.0, entry.added.1 + figures.1)
            if row.optionalInt("site_id") == here { entry.here = figures }
            moved[key] = entry
        }
        return parts.map { part in
            var local = part
            let entry = moved[part.partNumber] ?? ((0, 0), (0, 0))
            let (onHand, reserved) = here == nil
                ? (part.onHand.thousandths - entry.added.0, part.reserved.thousandths - entry.added.1) : entry.here
            local.onHand = Quantity(thousandths: onHand)
            local.reserved = Quantity(thousandths: reserved)
            return local
        }
    }

    /// Part numbers starting with `prefix`, for Tab: a range on the key, not LIKE.
    public func partNumbers(startingWith prefix: String, limit: Int = 20) throws -> [String] {
        try db.rows("SELECT part_no FROM parts WHERE part_no >= ?1 AND part_no < ?3 ORDER BY part_no LIMIT ?2",
                    [.text(prefix.uppercased()), .integer(Int64(limit)), .prefixEnd(prefix.uppercased())]) { $0.string("part_no") }
    }

    /// Labour-operation codes starting with `prefix`, for Tab.
    public func laborCodes(startingWith prefix: String, limit: Int = 20) throws -> [String] {
        try db.rows("SELECT code FROM labor_operations WHERE code >= ?1 AND code < ?3 ORDER BY code LIMIT ?2",
                    [.text(prefix.uppercased()), .integer(Int64(limit)), .prefixEnd(prefix.uppercased())]) { $0.string("code") }
    }

    /// The price list's part numbers nearest to `number` (a character wrong, missing, extra or two
    /// swapped: one for a short number, up to two from six characters on), at most three.
    public func partNumbers(near number: String) throws -> [String] {
        let typed = number.uppercased()
        let ceiling = typed.count >= 6 ? 2 : 1
        let numbers = try db.rows("SELECT part_no FROM parts WHERE length(part_no) BETWEEN ? AND ?",
                                  [.integer(Int64(typed.count - ceiling)), .integer(Int64(typed.count + ceiling))]) { $0.string("part_no") }
        return Similarity.nearest(to: typed, among: numbers, ceiling: ceiling)
    }

    /// Adds a part or changes its description and prices. Stock changes only through movements.
    public func savePart(_ part: CatalogPart) throws {
        try db.run("""
            INSERT INTO parts(part_no, name, brand, class, price, bin, unit, cost, reorder_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(part_no) DO UPDATE SET name = excluded.name, brand = excluded.brand, class = excluded.class,
                price = excluded.price, bin = excluded.bin, unit = excluded.unit, cost = excluded.cost,
                reorder_level = excluded.reorder_level
            """, [.text(part.partNumber), .text(part.name), SQLValue(part.brand), .text(part.partClass.code),
                  .integer(Int64(part.price.fen)), SQLValue(part.bin), .text(part.unit), SQLValue(part.cost?.fen),
                  .integer(Int64(part.reorderLevel.thousandths))])
        try journal(.partSave, entity: "part", id: part.partNumber,
                    detail: [("name", .string(part.name)), ("brand", .string(part.brand)),
                             ("class", .string(part.partClass.code)), ("price", .string(part.price.plain)),
                             ("cost", .string(part.cost?.plain)), ("unit", .string(part.unit)), ("bin", .string(part.bin)),
                             ("reorder_level", .string(part.reorderLevel.description))])
    }

    /// Parts whose number, name or brand contains `text` (all when empty).
    public func parts(matching text: String = "", limit: Int = 200) throws -> [CatalogPart] {
        try atSite(db.rows(db.text(Self.partSearch), [.likeContaining(text), .integer(Int64(limit))], catalogPart(from:)))
    }

    private static let partSearch = PortableSQL.search { like in """
        SELECT \(partColumns) FROM parts
        WHERE part_no \(like) ?1 ESCAPE '\\' OR name \(like) ?1 ESCAPE '\\' OR brand \(like) ?1 ESCAPE '\\'
        ORDER BY part_no LIMIT ?2
        """ }

    /// Parts whose available stock is at or below their reorder level.
    /// In a chain, the session's site's (each part's stock there against its reorder level).
    public func lowStock(limit: Int = 500) throws -> [CatalogPart] {
        guard try hasSites() else {
            return try db.rows("SELECT \(Self.partColumns) FROM parts WHERE stock - reserved <= reorder_level ORDER BY part_no LIMIT ?",
                               [.integer(Int64(limit))], catalogPart(from:))
        }
        let all = try atSite(db.rows("SELECT \(Self.partColumns) FROM parts ORDER BY part_no", [], catalogPart(from:)))
        return Array(all.filter { $0.onHand.thousandths - $0.reserved.thousandths <= $0.reorderLevel.thousandths }.prefix(limit))
    }
}
