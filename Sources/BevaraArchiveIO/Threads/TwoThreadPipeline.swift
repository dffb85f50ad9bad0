import Foundation

/// Runs a producer on a thread of its own while the calling thread consumes what it makes, in
/// the order made, through a small bounded queue of batches.
///
/// Why: work that is a chain (read → write, stream → spool) keeps one core busy on a 2-core
/// machine; split at a seam where the two halves share nothing, each gets a core. Memory stays
/// flat: at most `batchLimit` batches of `batchSize` items wait.
///
/// `produce` runs entirely on the producer thread, so whatever it uses must not be used by the
/// caller until `run` returns; `run` returns only after that thread has finished. Errors come out
/// in item order: the producer's error after every item it made before it, and a consumer error
/// stops the producer (its next `emit` throws) and is the one thrown.
public enum TwoThreadPipeline {
    public static let batchSize = 256
    public static let batchLimit = 4

    /// Runs `produce` on a thread named `threadName` and `consume` on this one, for each item in
    /// the order emitted.
    public static func run<Item>(threadName: String, produce: @escaping (_ emit: (Item) throws -> Void) throws -> Void,
                                 consume: (Item) throws -> Void) throws {
        try run(threadName: threadName, produce: produce, consumeBatch: { batch in for item in batch { try consume(item) } })
    }

    /// As `run(threadName:produce:consume:)`, handing over each batch whole (up to `batchSize`
    /// items, in order), for a consumer with a cost per call as well as per item.
    public static func run<Item>(threadName: String, produce: @escaping (_ emit: (Item) throws -> Void) throws -> Void,
                                 consumeBatch: ([Item]) throws -> Void) throws {
        let queue = BatchQueue<Item>(limit: batchLimit)
        let producer = JoinableThread(name: threadName) {
            var batch: [Item] = []
            batch.reserveCapacity(batchSize)
            var failure: (any Error)?
            do {
                try produce { item in
                    batch.append(item)
                    if batch.count == batchSize {
                        try queue.put(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            } catch is BatchQueue<Item>.Cancelled {
                return  // The consuming side failed and stopped taking; its error is the one thrown.
            } catch {
                failure = error
            }
            // Items made before a failure are consumed too.
            if !batch.isEmpty {
                do { try queue.put(batch) } catch { return }  // cancelled: as above
            }
            queue.finish(failure)
        }
        producer.start()
        defer { producer.join() }
        do {
            while let batch = try queue.take() {
                try consumeBatch(batch)
                queue.recycle(consume batch)
            }
        } catch {
            queue.cancel()
            throw error
        }
    }
}
