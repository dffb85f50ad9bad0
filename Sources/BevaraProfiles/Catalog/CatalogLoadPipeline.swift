import Foundation

/// Loads a catalog on two threads: a reader makes `CatalogRow`s on a thread of its own while the
/// calling thread encodes and inserts them, in the order made, through a small bounded queue.
///
/// Why: reading an export of many small files was a single-threaded third of `bevara package`
/// (bench P2), about half of it parsing and mapping rows and half encoding and inserting them,
/// with the second core idle. Memory stays flat: at most `batchLimit` batches of `batchSize` rows wait.
///
/// The catalog is only touched by the calling thread. `produce` runs entirely on the reader
/// thread, so whatever it uses (a `FindingCollector` it reports to) must not be used by the
/// caller until `run` returns; `run` returns only after that thread has finished. Errors come
/// out in row order: the reader's error after every row it made before it, and an insert error
/// stops the reader.
enum CatalogLoadPipeline {
    static let batchSize = 256
    static let batchLimit = 4

    /// Runs `produce` on a reader thread; every row it emits is added to `catalog` here, in order.
    static func run(into catalog: ExportCatalog, produce: @escaping (_ emit: (CatalogRow) throws -> Void) throws -> Void) throws {
        try run(produce: produce, consume: catalog.add)
    }

    /// Runs `produce` on a reader thread and `consume` on this one, for each item in the order emitted.
    static func run<Row>(produce: @escaping (_ emit: (Row) throws -> Void) throws -> Void,
                         consume: (Row) throws -> Void) throws {
        let queue = RowQueue<Row>(limit: batchLimit)
        let reader = ReaderThread {
            var batch: [Row] = []
            batch.reserveCapacity(batchSize)
            var failure: (any Error)?
            do {
                try produce { row in
                    batch.append(row)
                    if batch.count == batchSize {
                        try queue.put(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            } catch is RowQueueCancelled {
                return  // The inserting side failed and stopped reading; its error is the one thrown.
            } catch {
                failure = error
            }
            // Rows made before a failure are inserted too, as the one-thread load did.
            if !batch.isEmpty {
                do { try queue.put(batch) } catch { return }  // cancelled: as above
            }
            queue.finish(failure)
        }
        reader.start()
        defer { reader.join() }
        do {
            while let batch = try queue.take() {
                for row in batch { try consume(row) }
            }
        } catch {
            queue.cancel()
            throw error
        }
    }
}

/// Thrown to the reader once the inserter gave up.
private struct RowQueueCancelled: Error {}

/// A first-in, first-out queue of row batches between one reader and one inserter; `put`
/// blocks while `limit` batches wait.
private final class RowQueue<Row>: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    /// At most `limit` batches.
    private var batches: [[Row]] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func put(_ batch: [Row]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= limit && !cancelled { condition.wait() }
        if cancelled { throw RowQueueCancelled() }
        batches.append(batch)
        condition.broadcast()
    }

    /// The reader is done: `error` nil after its last batch, or the error it stopped with.
    func finish(_ error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// The next batch; nil when the reader finished, or the reader's error after its last batch.
    func take() throws -> [Row]? {
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

    /// The inserter stops: a waiting or later `put` throws `RowQueueCancelled`.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
    }
}

/// A thread running one closure, which `join` waits for.
private final class ReaderThread: @unchecked Sendable {
    // `body` is only run on the new thread, once; `done` tells the starting thread it has returned.
    private let body: () -> Void
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () -> Void) { self.body = body }

    func start() {
        let thread = Thread { [self] in
            body()
            done.signal()
        }
        thread.name = "bevara.catalog-reader"
        // As much stack as the main thread had for the same work (secondary threads get 512 KiB).
        thread.stackSize = 8 << 20
        thread.start()
    }

    func join() { done.wait() }
}
