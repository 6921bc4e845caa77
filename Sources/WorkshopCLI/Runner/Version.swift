import HaruPDF
import SQLite
import WorkshopStore

/// What this build is and what it links.
public enum Version {
    public static let number = "0.1.0"
    public static var text: String {
        "workshop \(number) (schema \(Store.schemaVersion), SQLite \(Database.libraryVersion), libharu \(PDFLibrary.version))"
    }
}
