/// The shop's database itself says no: it is not one this program can open, or something in it is
/// not what Workshop writes. Nothing is changed; a manager (or a newer Workshop) has to act.
public enum StoreRefusal: Refusal, Equatable {
    public static let area = "store"

    /// SQLite cannot open or read the file as a database (`reason` is SQLite's own words).
    case unreadable(reason: String)
    /// The file holds tables but no Workshop schema: another program's database.
    case notAWorkshopDatabase(path: String)
    /// Written by a newer Workshop: its schema has more migrations than this program knows.
    case newerSchema(found: Int, known: Int)
    /// The migrations recorded in the database are not the ones this program knows, in order:
    /// a database of another branch or build of Workshop.
    case foreignMigrations(recorded: [String], known: [String])
    /// The record of applied migrations and the schema version disagree (edited by hand).
    case migrationRecordDisagrees(recorded: Int, version: Int)
    /// A stored code no version of Workshop writes: a value edited by hand, or written by a newer
    /// Workshop. Named by table, row and column so a manager can find it.
    case unknownCode(table: String, row: String, column: String, value: String)
    /// An order whose vehicle or customer row is missing.
    case orderWithoutVehicleOrCustomer(order: String)
    /// The database was opened for reading only (the file or its folder cannot be written): a
    /// change was asked for.
    case readOnly(path: String)
    /// A read-only database of an earlier schema: it would have to be upgraded, which is a write.
    case readOnlyNeedsUpgrade(path: String, found: Int, known: Int)
    /// `backup` on a shop kept on a PostgreSQL server: the server's own tools copy it.
    case backupOnServer
    /// The server's database sorts text by a language's rules (`found`), not by bytes as SQLite does.
    case serverCollation(found: String)
    /// The shop's schema on the server needs migrations the role connecting may not run.
    case serverNeedsSetup(known: Int)
}
