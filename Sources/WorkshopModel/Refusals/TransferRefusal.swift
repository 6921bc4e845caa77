/// `workshop migrate --from FILE --to SERVER` would not move the shop: the file is not a shop this
/// program can read as it is, the server's schema is not an empty one for it, or the copy did not
/// come out the same. Nothing stays on the server.
public enum TransferRefusal: Refusal, Equatable {
    public static let area = "migrate"

    /// Nothing is at the path.
    case noFile(path: String)
    /// A folder, a device, a file that is not an SQLite database, or one without Workshop's tables.
    case notAShop(path: String)
    /// SQLite cannot read the file (`reason`: SQLite's words).
    case unreadable(path: String, reason: String)
    /// A shop of another schema than this program's: an older one is upgraded by opening it
    /// (`workshop --db FILE`), a newer one needs a newer Workshop.
    case schemaVersion(path: String, found: Int, known: Int)
    /// The file has a table the server's schema lacks: the rows would have nowhere to go.
    case tableMissingOnServer(table: String)
    /// A table has other columns on the server than in the file.
    case columnsDiffer(table: String, file: [String], server: [String])
    /// The server's schema already holds rows: two shops are never merged.
    case targetNotEmpty(schema: String, tables: [String])
    /// Tables whose references go round in a circle through columns that must be filled: no order
    /// of copying satisfies them.
    case circularReferences(tables: [String])
    /// The copy read back differs from the file: rolled back.
    case copyDiffers(TransferComparison)
}
