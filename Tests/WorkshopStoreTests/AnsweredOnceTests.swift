import Foundation
import Testing
import WorkshopModel
import WorkshopStore

/// A customer's answer to added work is recorded once; a second answer is refused with the first.
@Suite("Answers recorded once")
struct AnsweredOnceTests {
    @Test func aSecondAnswerIsRefusedNamingTheAnswerOnFile() throws {
        let store = try Support.open(try Support.copyOfFixture(5))
        let order = try #require(try store.order(id: 3))
        let second = Supplement(line: 7, reason: "再问一次", reportedBy: "赵师傅", reportedAt: Support.now, answer: .approved,
                                via: .wechat, answeredBy: "别人", answeredAt: Support.now)
        let recorded = OrderRefusal.supplementAlreadyAnswered(order: "RO3", line: 7, answer: .declined, by: "周杰", via: .phone,
                                                             at: Timestamp(seconds: 1_795_155_600))
        #expect(throws: recorded) { try store.write { try store.answerSupplement(second, of: order) } }
        var unknown = second
        unknown.line = 42
        #expect(throws: OrderRefusal.noSuchSupplement(order: "RO3", given: 42, supplements: [6, 7, 8])) {
            try store.write { try store.answerSupplement(unknown, of: order) }
        }
    }
}
