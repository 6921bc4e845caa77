import Foundation
import WorkshopModel

/// What `verify` checks adds up — stock and members' cards against their movements, the report's
/// running totals against the orders and payments — on a connection and a thread of its own, beside
/// the record's walks, as `StructureCheck` runs SQLite's own checks: on a shop's two cores the walks
/// were the longer half, and these sums need nothing of theirs. They are checked in one snapshot of
/// their own, in which the figures and the rows they sum are each other's as the record then stood.
final class FiguresCheck: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<[RecordProblem], Error> = .success([])

    init(path: String, context: ChangeContext) {
        let thread = Thread { [self] in
            result = Result {
                let store = try Store(path: path, context: context)
                return try store.read { try store.figureProblems() }
            }
            done.signal()
        }
        thread.start()
    }

    func wait() throws -> [RecordProblem] {
        done.wait()
        return try result.get()
    }
}

extension Store {
    /// The figures that do not add up to what they sum (verify's, in this store's snapshot).
    func figureProblems() throws -> [RecordProblem] {
        try stockMismatches().map {
            .stockDisagrees(partNumber: $0.partNumber, onHand: Quantity(thousandths: $0.onHand), movements: Quantity(thousandths: $0.movements))
        } + cardMismatches().map {
            .cardDisagrees(card: $0.card, balance: $0.balance, movements: $0.movements)
        } + tallyMismatches().map {
            .reportTallyDisagrees(quarter: $0.at, figures: $0.figures)
        }
    }
}
