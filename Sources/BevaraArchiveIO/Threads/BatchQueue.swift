import Foundation

/// A first-in, first-out queue of batches between one producer and one consumer; `put` blocks
/// while `limit` batches wait (`TwoThreadPipeline`).
final class BatchQueue<Item>: @unchecked Sendable {
    /// Thrown to the producer once the consumer gave up.
    struct Cancelled: Error {}

    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    /// At most `limit` batches.
    private var batches: [[Item]] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let limit: Int
    /// Batches the consumer is done with, for the producer to free (`recycle`).
    private var spent: [[Item]] = []

    init(limit: Int) { self.limit = limit }

    func put(_ batch: [Item]) throws {
        var freeHere: [[Item]] = []
        defer { freeHere.removeAll() }  // after the unlock below (defers run in reverse order)
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= limit && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        batches.append(batch)
        swap(&freeHere, &spent)
        condition.broadcast()
    }

    /// Hands a consumed batch back, so that its items are freed on the producer's thread (its
    /// next `put`), the thread that allocated them: freed on the consumer's, each free took the
    /// lock of the producer's malloc arena, which the producer was allocating from meanwhile.
    func recycle(_ batch: consuming [Item]) {
        condition.lock()
        spent.append(batch)
        condition.unlock()
    }

    /// The producer is done: `error` nil after its last batch, or the error it stopped with.
    func finish(_ error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// The next batch; nil when the producer finished, or the producer's error after its last batch.
    func take() throws -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            // Removed, not just passed over: a taken batch must not stay referenced here.
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// The consumer stops: a waiting or later `put` throws `Cancelled`.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
    }
}
