import Foundation
@testable import LexpipePipeline
import Testing

// Serialized: a slow item blocks one of the pool's threads on purpose.
@Suite("Ordered scheduling", .serialized)
struct SchedulingTests {
    /// Counts what the workers did, from any thread.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var finished = 0
        private var started = 0

        func start() { lock.withLock { started += 1 } }
        func finish() { lock.withLock { finished += 1 } }
        var counts: (started: Int, finished: Int) { lock.withLock { (started, finished) } }

        /// Waits up to `seconds` until `done` holds for the counts; returns them.
        func wait(seconds: Double, until done: ((started: Int, finished: Int)) -> Bool) -> (started: Int, finished: Int) {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline, !done(counts) { usleep(1000) }
            return counts
        }
    }

    @Test func otherDocumentsKeepRunningBehindASlowOne() async throws {
        let tally = Tally()
        var consumed: [Int] = []
        try await BatchRunner.forEachInOrder(Array(0..<40), jobs: 2) { item -> (item: Int, seenFinished: Int) in
            tally.start()
            defer { tally.finish() }
            guard item == 0 else { return (item, 0) }
            return (item, tally.wait(seconds: 10) { $0.finished >= 30 }.finished)
        } consume: { index, result in
            #expect(index == result.item)
            consumed.append(result.item)
            if result.item == 0 {
                // While the first document ran, the second job went through 30 others.
                #expect(result.seenFinished >= 30)
            }
        }
        #expect(consumed == Array(0..<40))
    }

    @Test func theReorderBufferHoldsAtMostTheWindow() async throws {
        let tally = Tally()
        var startedBehindFirst = 0
        try await BatchRunner.forEachInOrder(Array(0..<40), jobs: 2, window: 6) { item -> Int in
            tally.start()
            defer { tally.finish() }
            if item == 0 {
                // Let the other job run ahead as far as the window allows, give it time to
                // overstep, then report how far it got.
                _ = tally.wait(seconds: 10) { $0.started >= 6 }
                usleep(200_000)
                return tally.counts.started
            }
            return item
        } consume: { index, result in
            if index == 0 { startedBehindFirst = result }
        }
        #expect(startedBehindFirst == 6)
    }
}
