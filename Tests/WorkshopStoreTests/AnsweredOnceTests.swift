import Foundation
import Testing
import WorkshopModel
import WorkshopStore

/// A customer's answer to added work is recorded once. The workflow refuses a second answer; the
/// store refuses it too when a change arrives for an item already answered in the database (an
/// order read before another terminal's answer), naming the answer on file.
@Suite("Answers recorded once")
struct AnsweredOnceTests {
    @Test func aSecondAnswerIsRefusedNamingTheAnswerOnFile() throws {
        let store = try Support.open(try Support.copyOfFixture(5))
        let order = try #require(try store.order(id: 3))
        let record = try store.read { try store.record(of: order) }
        // The record as another terminal read it, in the workshop and before item 7 was answered.
        let o = record.order
        let inWork = RepairOrder(id: o.id, vehicleID: o.vehicleID, customerID: o.customerID, status: .inWork, checkedInAt: o.checkedInAt,
                                 advisor: o.advisor, odometerIn: o.odometerIn, fuel: o.fuel, complaint: o.complaint, category: o.category,
                                 promisedAt: o.promisedAt)
        let stale = OrderRecord(order: inWork, vehicle: record.vehicle, customer: record.customer, lines: record.lines.map { line in
                                    line.number == 7 ? OrderLine(number: 7, kind: line.kind, description: line.description, hours: line.hours,
                                                                 rate: line.rate, quantity: line.quantity, unitPrice: line.unitPrice,
                                                                 amount: line.amount, status: .proposed) : line
                                },
                                damage: [], belongings: [], documents: [], assignments: [], inspections: record.inspections,
                                supplements: record.supplements.map { $0.line == 7 ? Supplement(line: 7, reason: $0.reason, reportedBy: $0.reportedBy,
                                                                                                reportedAt: $0.reportedAt) : $0 })
        let second = try stale.answerSupplement(7, approved: true, via: .wechat, customer: "别人", told: "赵师傅", promise: nil,
                                                recordedBy: "王芳", at: Support.now)
        let recorded = OrderRefusal.supplementAlreadyAnswered(order: "RO3", line: 7, answer: .declined, by: "周杰", via: .phone,
                                                             at: Timestamp(seconds: 1_795_155_600))
        let before = try store.read { try store.record(of: order) }.lines.map(\.status)
        #expect(throws: recorded) { try store.write { try store.apply(second) } }
        #expect(try store.read { try store.record(of: order) }.lines.map(\.status) == before, "nothing changed")
        // The workflow itself refuses the second answer on the record as it is.
        #expect(throws: recorded) {
            try record.answerSupplement(7, approved: true, via: .wechat, customer: "别人", told: "赵师傅", promise: nil, recordedBy: "王芳", at: Support.now)
        }
    }
}
