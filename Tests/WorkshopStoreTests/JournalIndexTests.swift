import Foundation
import SQLite
import Testing
@testable import WorkshopStore

/// What the everyday commands read of the journal (022-journal-indexes): a car's odometer
/// readings — read at every check-in and release — from the index by order and action alone,
/// never from the entries, which at a million orders lie on pages all over the file.
@Suite("The journal's indexes")
struct JournalIndexTests {
    @Test func aCarsOdometerReadingsAreFoundInTheIndexAlone() throws {
        let (_, path) = try Support.freshStore()
        let steps = try BayStayTests.plan(path, Store.odometerReadingsOfOrders)
        let journalSteps = steps.filter { $0.contains(" j ") || $0.hasSuffix(" j") }
        #expect(journalSteps.count == 2, "\(steps)")
        for step in journalSteps {
            #expect(step.contains("USING COVERING INDEX journal_order (order_id=? AND action=?)"), "\(steps)")
        }
    }
}
