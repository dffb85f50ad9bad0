@testable import BevaraArchiveIO
import Foundation
import Testing

/// A producer thread and the calling thread consuming: items in the order made, errors from
/// either side as a one-thread loop would give them, and memory bounded by the queue.
@Suite struct TwoThreadPipelineTests {
    struct Stop: Error, Equatable { let at: Int }

    @Test func itemsArriveInTheOrderEmittedAcrossManyBatches() throws {
        let n = TwoThreadPipeline.batchSize * (TwoThreadPipeline.batchLimit + 3) + 17
        var seen: [Int] = []
        try TwoThreadPipeline.run(threadName: "test", produce: { emit in
            for i in 0..<n { try emit(i) }
        }, consume: { seen.append($0) })
        #expect(seen == Array(0..<n))
    }

    /// Whole batches: none larger than `batchSize`, none empty, in order; a reader error still
    /// comes after the last batch, which holds every item made before it.
    @Test func batchesArriveWholeAndInOrder() throws {
        let n = TwoThreadPipeline.batchSize * 5 + 3
        var batches: [[Int]] = []
        #expect(throws: Stop(at: n)) {
            try TwoThreadPipeline.run(threadName: "test", produce: { emit in
                for i in 0..<n { try emit(i) }
                throw Stop(at: n)
            }, consumeBatch: { batches.append($0) })
        }
        #expect(batches.joined().elementsEqual(0..<n))
        #expect(batches.allSatisfy { !$0.isEmpty && $0.count <= TwoThreadPipeline.batchSize })
    }

    @Test func aReaderErrorComesAfterEveryItemEmittedBeforeIt() throws {
        var seen: [Int] = []
        #expect(throws: Stop(at: 1000)) {
            try TwoThreadPipeline.run(threadName: "test", produce: { emit in
                for i in 0..<1000 { try emit(i) }
                throw Stop(at: 1000)
            }, consume: { seen.append($0) })
        }
        #expect(seen == Array(0..<1000))
    }

    @Test func aConsumerErrorStopsTheReaderAndIsTheOneThrown() throws {
        // Only the reader thread touches `produced` until `run` returns (it waits for the thread).
        final class Counter: @unchecked Sendable { var produced = 0 }
        let counter = Counter()
        #expect(throws: Stop(at: 10)) {
            try TwoThreadPipeline.run(threadName: "test", produce: { emit in
                for i in 0..<10_000_000 {
                    counter.produced += 1
                    try emit(i)
                }
                throw Stop(at: -1)
            }, consume: { i in if i == 10 { throw Stop(at: 10) } })
        }
        // The reader stopped once the bounded queue was full, not at the end of its input.
        #expect(counter.produced <= TwoThreadPipeline.batchSize * (TwoThreadPipeline.batchLimit + 3))
    }

    @Test func itemsAlreadyConsumedAreNotHeld() throws {
        // Items alive at once (made by the reader, freed once consumed) stay within what the
        // bounded queue can hold, however many go through: memory does not grow with the export.
        final class Live: @unchecked Sendable {
            private let lock = NSLock()
            private var count = 0
            private(set) var peak = 0
            func change(_ d: Int) { lock.withLock { count += d; peak = max(peak, count) } }
        }
        final class Item {
            let live: Live
            init(_ live: Live) { self.live = live; live.change(1) }
            deinit { live.change(-1) }
        }
        let live = Live()
        let n = TwoThreadPipeline.batchSize * 200
        var consumed = 0
        try TwoThreadPipeline.run(threadName: "test", produce: { emit in
            for _ in 0..<n { try emit(Item(live)) }
        }, consume: { _ in
            // A consumer slower than the reader, as inserting is: the queue never runs empty.
            consumed += 1
            if consumed % TwoThreadPipeline.batchSize == 0 { usleep(1000) }
        })
        #expect(consumed == n)
        // Waiting (batchLimit), being filled and being consumed, plus the consumed batches handed
        // back and not yet freed by the producer (at most what it put between two puts).
        #expect(live.peak <= TwoThreadPipeline.batchSize * (2 * TwoThreadPipeline.batchLimit + 3))
    }

    /// Consumed batches go back to the producer's thread, which made their items, to be freed
    /// there (`BatchQueue.recycle`): freed on the consuming thread, each free took the lock of
    /// the producer's malloc arena while the producer was allocating from it. Only the batches
    /// consumed after the producer's last `put` are freed on the consuming thread.
    @Test func consumedItemsAreFreedOnTheProducersThread() throws {
        final class Tally: @unchecked Sendable {
            private let lock = NSLock()
            private var producer: pthread_t?
            private(set) var onProducer = 0
            private(set) var elsewhere = 0
            func producerStarts() { lock.withLock { producer = pthread_self() } }
            func freed() {
                lock.withLock {
                    if let producer, pthread_equal(producer, pthread_self()) != 0 { onProducer += 1 } else { elsewhere += 1 }
                }
            }
        }
        final class Item {
            let tally: Tally
            init(_ tally: Tally) { self.tally = tally }
            deinit { tally.freed() }
        }
        let tally = Tally()
        let n = TwoThreadPipeline.batchSize * 50
        var consumed = 0
        try TwoThreadPipeline.run(threadName: "test", produce: { emit in
            tally.producerStarts()
            for _ in 0..<n { try emit(Item(tally)) }
        }, consumeBatch: { consumed += $0.count })
        #expect(consumed == n)
        #expect(tally.onProducer + tally.elsewhere == n)
        #expect(tally.onProducer >= n - TwoThreadPipeline.batchSize * (2 * TwoThreadPipeline.batchLimit + 3))
    }

    /// The producer thread lets go of `produce` before `run` returns, so a caller may lend it a
    /// non-escaping closure (the runtime traps if a `withoutActuallyEscaping` closure outlives
    /// its block; before the fix the thread still held it for a moment, now and then).
    @Test func aLentClosureIsReleasedWhenRunReturns() throws {
        func sum(upTo n: Int, adding add: (Int) -> Int) throws -> Int {
            var total = 0
            try withoutActuallyEscaping(add) { add in
                try TwoThreadPipeline.run(threadName: "test", produce: { emit in
                    for i in 0..<n { try emit(add(i)) }
                }, consume: { total += $0 })
            }
            return total
        }
        for round in 0..<300 { #expect(try sum(upTo: round, adding: { $0 + 1 }) == round * (round + 1) / 2) }
    }
}
