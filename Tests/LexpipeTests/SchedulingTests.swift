@testable import LexpipePipeline
import Testing

@Suite("Ordered scheduling")
struct SchedulingTests {
    @Test func otherItemsKeepStartingBehindASlowOne() {
        var order = OrderedWindow<Int>(count: 100, jobs: 2, window: 64)
        #expect(order.start() == 0)
        #expect(order.start() == 1)
        #expect(order.start() == nil, "two jobs are running")
        // Item 0 stays slow while the second job goes through 1, 2, 3, ...
        for index in 1..<40 {
            order.finished(index, index)
            #expect(order.next() == nil, "item \(index) must wait for item 0")
            #expect(order.start() == index + 1, "a job freed by item \(index) takes the next item")
        }
        #expect(order.waiting == 39)
        order.finished(0, 0)
        var consumed: [Int] = []
        while let (index, result) = order.next() {
            #expect(index == result)
            consumed.append(index)
        }
        #expect(consumed == Array(0..<40))
        #expect(order.start() == 41)
    }

    @Test func startedButUnconsumedItemsStayWithinTheWindow() {
        var order = OrderedWindow<Int>(count: 100, jobs: 2, window: 6)
        _ = order.start()
        _ = order.start()
        var index = 1
        while true {
            order.finished(index, index)
            guard let started = order.start() else { break }
            index = started
        }
        // 0 runs, 1-5 wait: six started, none consumed, one job idle because the window is full.
        #expect(order.started == 6)
        #expect(order.running == 1)
        #expect(order.waiting == 5)
        order.finished(0, 0)
        var consumed = 0
        while order.next() != nil { consumed += 1 }
        #expect(consumed == 6)
        #expect(order.start() == 6)
        #expect(order.start() == 7)
        #expect(order.start() == nil)
    }

    @Test func everyItemIsConsumedOnceInOrderWhateverTheJobs() async throws {
        for jobs in [1, 2, 3, 8] {
            var consumed: [Int] = []
            try await BatchRunner.forEachInOrder(Array(0..<200), jobs: jobs, window: 5) { item in
                // Uneven work, so items finish out of order.
                (0..<((item * 7919) % 97) * 100).reduce(item) { $0 &+ $1 }
            } consume: { index, _ in
                consumed.append(index)
            }
            #expect(consumed == Array(0..<200), "--jobs \(jobs)")
        }
    }
}
