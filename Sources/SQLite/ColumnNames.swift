import CSQLite3

/// A prepared statement's result columns: their names in order, and each name's position. Built
/// once when the statement is prepared and kept with it in the connection's cache, so reading a
/// column by name costs one comparison when it is the column after the last one read, else one
/// dictionary lookup, never a scan of the names.
final class ColumnNames {
    let names: [String]
    let sql: String
    /// The position of each name; a name two columns share maps to nil (ambiguous: alias one).
    private let positions: [String: Int32?]
    /// Whether the name at each position is the only one of its kind.
    private let unique: [Bool]
    /// Where the next read is likely to be: mappers mostly read a row's columns in the query's
    /// order, and comparing one name costs less than hashing it.
    private var guess = 0

    init(statement: OpaquePointer, sql: String) {
        let count = sqlite3_column_count(statement)
        names = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
        var positions: [String: Int32?] = [:]
        for (index, name) in names.enumerated() {
            positions[name] = positions[name] == nil ? Int32(index) : .some(nil)
        }
        self.positions = positions
        self.unique = names.map { positions[$0] != .some(nil) }
        self.sql = sql
    }

    /// The position of `name`. A name the query does not select is a mistake in the program's
    /// own SQL, not in the data: it stops with the name and the SQL, as an index out of range would.
    func position(of name: String) -> Int32 {
        if guess < names.count, unique[guess], names[guess] == name {
            let position = guess
            guess = (position + 1) % names.count
            return Int32(position)
        }
        switch positions[name] {
        case .some(.some(let position)):
            guess = (Int(position) + 1) % names.count
            return position
        case .some(.none): preconditionFailure("column \(name) appears twice in: \(sql) (give one an alias with AS)")
        case .none: preconditionFailure("no column \(name) in: \(sql)")
        }
    }
}
