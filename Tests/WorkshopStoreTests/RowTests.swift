import Foundation
import SQLite
import Testing

/// Reading a row's columns by name.
@Suite("Rows read by column name")
struct RowTests {
    static func database() throws -> Database {
        let db = try Database(path: Support.temporaryDirectory() + "/rows.db")
        try db.execute("""
            CREATE TABLE cars (id INTEGER PRIMARY KEY, plate TEXT NOT NULL, vin TEXT, km INTEGER);
            INSERT INTO cars VALUES (1, '京A12345', NULL, 45210), (2, '粤B·D12345', 'LSVAM4187C2184847', NULL);
            """)
        return db
    }

    @Test func columnsAreFoundByNameWhateverTheirPlace() throws {
        let db = try Self.database()
        let read = try db.rows("SELECT vin, km, plate, id FROM cars ORDER BY id") {
            ($0.int("id"), $0.string("plate"), $0.optionalString("vin"), $0.optionalInt("km"))
        }
        #expect(read[0] == (1, "京A12345", nil, 45210))
        #expect(read[1] == (2, "粤B·D12345", "LSVAM4187C2184847", nil))
    }

    @Test func anAliasIsTheName() throws {
        let db = try Self.database()
        #expect(try db.first("SELECT count(*) AS cars, sum(km) AS total FROM cars") { [$0.int("cars"), $0.int("total")] } == [2, 45210])
    }

    @Test func aStatementPreparedBeforeTheTableChangedSeesTheNewColumn() throws {
        let db = try Self.database()
        #expect(try db.rows("SELECT * FROM cars ORDER BY id") { $0.columnNames } .first == ["id", "plate", "vin", "km"])
        try db.execute("ALTER TABLE cars ADD COLUMN colour TEXT; UPDATE cars SET colour = '白' WHERE id = 1;")
        #expect(try db.rows("SELECT * FROM cars ORDER BY id") { $0.optionalString("colour") } == ["白", nil])
    }
}
