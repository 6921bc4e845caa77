import SQLite
import WorkshopModel

/// A standard labour operation (工时定额): a code, a name and its standard hours.
public struct LaborOperation: Hashable, Sendable {
    public var code: String
    public var name: String
    public var hours: Hours
    public init(code: String, name: String, hours: Hours) { (self.code, self.name, self.hours) = (code, name, hours) }
}

/// A part in the shop's price list.
public struct CatalogPart: Hashable, Sendable {
    public var partNumber: String
    public var name: String
    public var brand: String?
    public var partClass: PartClass
    public var price: Money
    public var stock: Quantity
    public var bin: String?
    public init(partNumber: String, name: String, brand: String?, partClass: PartClass, price: Money,
                stock: Quantity = Quantity(thousandths: 0), bin: String? = nil) {
        (self.partNumber, self.name, self.brand, self.partClass, self.price, self.stock, self.bin) =
            (partNumber, name, brand, partClass, price, stock, bin)
    }
}

extension Store {
    public func laborOperation(code: String) throws -> LaborOperation? {
        try db.first("SELECT code, name, hours FROM labor_operations WHERE code = ?", [.text(code.uppercased())]) {
            LaborOperation(code: $0.string(0), name: $0.string(1), hours: Hours(hundredths: $0.int(2)))
        }
    }

    /// Adds or replaces a labour operation.
    public func saveLaborOperation(_ op: LaborOperation) throws {
        try db.run("""
            INSERT INTO labor_operations(code, name, hours) VALUES (?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, hours = excluded.hours
            """, [.text(op.code), .text(op.name), .integer(Int64(op.hours.hundredths))])
        try journal("labor.save", entity: "labor", id: op.code,
                    detail: [("name", .string(op.name)), ("hours", .string(op.hours.description))])
    }

    /// Labour operations whose code or name contains `text` (all when empty).
    public func laborOperations(matching text: String = "", limit: Int = 200) throws -> [LaborOperation] {
        try db.rows("SELECT code, name, hours FROM labor_operations WHERE code LIKE ?1 OR name LIKE ?1 ORDER BY code LIMIT ?2",
                    [.text("%\(text)%"), .integer(Int64(limit))]) {
            LaborOperation(code: $0.string(0), name: $0.string(1), hours: Hours(hundredths: $0.int(2)))
        }
    }

    private func catalogPart(from row: Row) -> CatalogPart {
        CatalogPart(partNumber: row.string(0), name: row.string(1), brand: row.optionalString(2),
                    partClass: PartClass(code: row.string(3)) ?? .oem, price: Money(fen: row.int(4)),
                    stock: Quantity(thousandths: row.int(5)), bin: row.optionalString(6))
    }

    public func part(number: String) throws -> CatalogPart? {
        try db.first("SELECT part_no, name, brand, class, price, stock, bin FROM parts WHERE part_no = ?",
                     [.text(number.uppercased())], catalogPart(from:))
    }

    /// Adds or replaces a part in the price list.
    public func savePart(_ part: CatalogPart) throws {
        try db.run("""
            INSERT INTO parts(part_no, name, brand, class, price, stock, bin) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(part_no) DO UPDATE SET name = excluded.name, brand = excluded.brand, class = excluded.class,
                price = excluded.price, stock = excluded.stock, bin = excluded.bin
            """, [.text(part.partNumber), .text(part.name), SQLValue(part.brand), .text(part.partClass.code),
                  .integer(Int64(part.price.fen)), .integer(Int64(part.stock.thousandths)), SQLValue(part.bin)])
        try journal("part.save", entity: "part", id: part.partNumber,
                    detail: [("name", .string(part.name)), ("brand", .string(part.brand)),
                             ("class", .string(part.partClass.code)), ("price", .string(part.price.plain)),
                             ("stock", .string(part.stock.description)), ("bin", .string(part.bin))])
    }

    /// Parts whose number, name or brand contains `text` (all when empty).
    public func parts(matching text: String = "", limit: Int = 200) throws -> [CatalogPart] {
        try db.rows("""
            SELECT part_no, name, brand, class, price, stock, bin FROM parts
            WHERE part_no LIKE ?1 OR name LIKE ?1 OR brand LIKE ?1 ORDER BY part_no LIMIT ?2
            """, [.text("%\(text)%"), .integer(Int64(limit))], catalogPart(from:))
    }
}
