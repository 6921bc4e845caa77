import SQLite
import WorkshopModel

extension Store {
    /// Reserves parts for a booking (`.reserve`, positive quantities) or gives them back
    /// (`.unreserve`, negative): every part's movement in one INSERT and the parts' reserved totals
    /// in one UPDATE … FROM, the two sent together (on a server, one round trip, where a statement
    /// a part each cost two round trips a part); then each part's journal entry, as `moveStock`
    /// writes it. The part numbers are the catalogue's (read from it by the caller), each once.
    /// The same SQL on both engines.
    func moveReservations(_ items: [(partNumber: String, quantity: Quantity)], _ kind: StockMovement.Kind, appointmentID: Int) throws {
        guard !items.isEmpty else { return }
        let now = Int64(context.now.seconds)
        let changed = try db.runEach([
            (Self.reservationMovements(count: items.count),
             items.flatMap { item -> [SQLValue] in
                 [.text(item.partNumber), .text(kind.rawValue), .integer(Int64(item.quantity.thousandths)), .integer(Int64(appointmentID)),
                  .integer(now), .text(context.actor), SiteScope.value(siteID)]
             }),
            (Self.reservedTotals(count: items.count),
             items.flatMap { item -> [SQLValue] in [.text(item.partNumber), .integer(Int64(item.quantity.thousandths))] }),
        ])
        // A part not in the catalogue fails the INSERT (its foreign key); one named twice would be counted once here.
        guard changed.count == 2, changed[1] == items.count else {
            throw CatalogRefusal.unknownPart(partNumber: items.map(\.partNumber).joined(separator: ","))
        }
        for item in items {
            try journalStockMovement(item.partNumber, kind, onHand: 0, reserved: item.quantity.thousandths, appointmentID: appointmentID)
        }
    }

    /// The movements of `count` parts for one booking, in one statement (a row per part).
    static func reservationMovements(count: Int) -> String {
        "INSERT INTO stock_movements(part_no, kind, on_hand_delta, reserved_delta, appointment_id, at, by, site_id) VALUES "
            + Array(repeating: "(?, ?, 0, ?, ?, ?, ?, ?)", count: count).joined(separator: ", ")
    }

    /// The reserved totals of `count` parts moved by the given amounts, in one statement. The casts
    /// type the VALUES for PostgreSQL (SQLite takes them as they come).
    static func reservedTotals(count: Int) -> String {
        "WITH moved(part_no, reserved) AS (VALUES "
            + Array(repeating: "(CAST(? AS TEXT), CAST(? AS BIGINT))", count: count).joined(separator: ", ")
            + ") UPDATE parts SET reserved = parts.reserved + moved.reserved FROM moved WHERE parts.part_no = moved.part_no"
    }
}
