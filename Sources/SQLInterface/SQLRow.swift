/// One row of a query's result, read by column name (or by position, for code that walks every
/// column without knowing the names). Valid only inside the closure it is given to.
///
/// A name the query does not select is a mistake in the program's own SQL: adapters stop on it.
public protocol SQLRow {
    func isNull(_ name: String) -> Bool
    func int(_ name: String) -> Int
    func optionalInt(_ name: String) -> Int?
    func bool(_ name: String) -> Bool
    /// The column as text; NULL reads as the empty string.
    func string(_ name: String) -> String
    func optionalString(_ name: String) -> String?
    func value(_ name: String) -> SQLValue
    /// The names of the result columns, in order.
    var columnNames: [String] { get }

    func isNull(_ column: Int32) -> Bool
    func int(_ column: Int32) -> Int
    func optionalInt(_ column: Int32) -> Int?
    func bool(_ column: Int32) -> Bool
    func string(_ column: Int32) -> String
    func optionalString(_ column: Int32) -> String?
    func value(_ column: Int32) -> SQLValue
    var columnCount: Int32 { get }
}
