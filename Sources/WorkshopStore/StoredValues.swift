import SQLInterface
import SQLite
import WorkshopModel

/// The types Workshop stores as plain integers, read back by column name.
extension ShopRow {
    func timestamp(_ column: String) -> Timestamp { Timestamp(seconds: int(column)) }
    func optionalTimestamp(_ column: String) -> Timestamp? { optionalInt(column).map(Timestamp.init(seconds:)) }
    func money(_ column: String) -> Money { Money(fen: int(column)) }
    func optionalMoney(_ column: String) -> Money? { optionalInt(column).map(Money.init(fen:)) }
    func quantity(_ column: String) -> Quantity { Quantity(thousandths: int(column)) }
}

extension SQLValue {
    /// The end of the range of texts starting with `prefix` (for Tab: `col >= prefix AND col < end`,
    /// a range on the column's index where LIKE could use none): the prefix followed by the last code
    /// point, U+10FFFF, after which nothing starting with the prefix sorts in byte order (SQLite's,
    /// and the server's C collation). Bound as an argument, so the SQL needs no engine's char().
    static func prefixEnd(_ prefix: String) -> SQLValue { .text(prefix + "\u{10FFFF}") }

    /// The pattern of texts containing `text`, for a `PortableSQL.search`: a backslash typed is a
    /// backslash (PostgreSQL's LIKE escapes with it unless told otherwise, so the statement names it
    /// as the escape on both). `%` and `_` stay wildcards, as they always were.
    static func likeContaining(_ text: String) -> SQLValue {
        .text("%" + text.replacingOccurrences(of: "\\", with: "\\\\") + "%")
    }
}

extension PortableSQL {
    /// A search by part of a text, A to Z matched in either case: `statement` is given the operator,
    /// to write `col \(like) ?1 ESCAPE '\'`. SQLite's LIKE matches so already; PostgreSQL's ILIKE
    /// does under the C ctype a shop's database has (ServerOpening). Not lower() on both sides: on
    /// every row it tripled the time of a search among 300,000 customers on SQLite.
    static func search(_ statement: (_ like: String) -> String) -> PortableSQL {
        PortableSQL(sqlite: statement("LIKE"), postgres: statement("ILIKE"))
    }
}

/// The codes stored in one row of one table (a status, a payment method, a fuel level…). A code
/// no version of Workshop writes — edited by hand, or written by a newer Workshop — is an error
/// naming the table, the row, the column and the value: never quietly read as some default, which
/// would show a car as estimating or a payment as cash when the record says otherwise.
struct StoredCodes {
    let row: ShopRow
    let table: String
    /// How a person finds the row: "RO12", "RO12/3", "A5", a part number. Made only for a refusal:
    /// lists read thousands of rows whose codes are all known.
    private let makeKey: () -> String
    var key: String { makeKey() }

    init(_ row: ShopRow, table: String, key: @autoclosure @escaping () -> String) {
        self.row = row
        self.table = table
        self.makeKey = key
    }

    func code<V: Vocabulary>(_ column: String) throws -> V {
        try code(column, V.init(code:))
    }

    func optionalCode<V: Vocabulary>(_ column: String) throws -> V? {
        guard row.optionalString(column) != nil else { return nil }
        return try code(column, V.init(code:)) as V
    }

    /// A code read with `decode` (for codes that are not a vocabulary, such as a stock movement's kind).
    func code<V>(_ column: String, _ decode: (String) -> V?) throws -> V {
        let text = row.string(column)
        guard let value = decode(text) else {
            throw StoreRefusal.unknownCode(table: table, row: key, column: column, value: text)
        }
        return value
    }

    /// A comma-separated list of codes, each of which must be known.
    func codes<V: Vocabulary>(_ column: String) throws -> [V] {
        try row.string(column).split(separator: ",").map { part in
            guard let value = V(code: String(part)) else {
                throw StoreRefusal.unknownCode(table: table, row: key, column: column, value: String(part))
            }
            return value
        }
    }

    /// An order's discount: its kind ("amount" or "percent") and value, both or neither.
    func discount(kind: String = "discount_kind", value: String = "discount_value") throws -> Discount? {
        guard let amount = row.optionalInt(value), row.optionalString(kind) != nil else { return nil }
        return try code(kind) { (text: String) -> Discount? in
            switch text {
            case "percent": return .percent(amount)
            case "amount": return .amount(Money(fen: amount))
            default: return nil
            }
        }
    }
}
