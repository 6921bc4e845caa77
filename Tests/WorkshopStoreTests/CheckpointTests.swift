import Foundation
import SQLite
import Testing
import WorkshopModel
@testable import WorkshopStore

/// The write-ahead log is copied into the database file at idle moments, never inside a command's
/// commit, and never grows without bound; what was committed is there for every other connection
/// before and after.
@Suite("Checkpoints outside commands")
struct CheckpointTests {
    @Test func commitsLeaveTheLogToTheIdleMomentAndItIsCopiedThen() throws {
        let (store, path) = try Support.freshStore()
        store.checkpointWhenIdle()
        #expect(store.db.sqlite!.framesInLog == 0)
        for index in 0..<150 {
            try store.write { try store.setSetting("name", to: "顺达汽修\(index)") }
        }
        // 150 commits of several pages each: past SQLite's own mark of 1,000, and no commit checkpointed.
        #expect(store.db.sqlite!.framesInLog > 1_000, "\(store.db.sqlite!.framesInLog) frames")
        // Another connection reads what was committed, from the log.
        let reader = try Database(path: path, readOnly: true)
        #expect(try reader.first("SELECT value FROM settings WHERE key = 'name'") { $0.string("value") } == "顺达汽修149")
        // A script's idle moment below its mark leaves the log; past it, the log is copied.
        store.checkpointWhenIdle(minimumFrames: 1_000_000)
        #expect(store.db.sqlite!.framesInLog > 1_000)
        store.checkpointWhenIdle(minimumFrames: 1_000)
        #expect(store.db.sqlite!.framesInLog == 0)
        #expect(try reader.first("SELECT value FROM settings WHERE key = 'name'") { $0.string("value") } == "顺达汽修149")
        let report = try store.read { try store.verify() }
        #expect(report.problems.isEmpty, "\(report.problems)")
    }

    /// A store used without a REPL (no idle moments) still keeps its log bounded: a commit past the
    /// ceiling checkpoints after it.
    @Test func withoutIdleMomentsTheLogStaysUnderItsCeiling() throws {
        let (store, _) = try Support.freshStore()
        var before = 0
        var checkpointedAt: Int?
        for index in 0..<3_000 {
            try store.write { try store.setSetting("name", to: "店\(index)") }
            let now = store.db.sqlite!.framesInLog
            if now < before { checkpointedAt = before; break }
            before = now
        }
        // The log reached the ceiling (less than one commit short of it) before the commit that crossed it checkpointed.
        let at = try #require(checkpointedAt)
        #expect(at > Store.logCeilingFrames - 100 && at < Store.logCeilingFrames, "checkpointed after \(at) frames")
    }
}
