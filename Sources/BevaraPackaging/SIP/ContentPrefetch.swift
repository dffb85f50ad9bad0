import BevaraArchiveIO
import BevaraModel
import Dispatch
import Foundation

/// A content file prepared ahead of the writer: read whole (small files), hashed and identified.
struct PreparedContent {
    let bytes: [UInt8]
    let digest: FileDigest.Result
    let identification: FormatIdentifier.Identification
}

/// One file's preparation; `wait()` blocks until the prefetch thread has done it.
final class PendingContent: @unchecked Sendable {
    // Written once on the prefetch queue before `done` is signalled, read after waiting on it.
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<PreparedContent?, any Error> = .success(nil)

    func finish(_ outcome: Result<PreparedContent?, any Error>) {
        self.outcome = outcome
        done.signal()
    }

    /// The prepared file, nil when it is too large to hold (the writer streams it itself), or
    /// the error resolving or reading it raised.
    func wait() throws -> PreparedContent? {
        done.wait()
        return try outcome.get()
    }
}

/// Reads, hashes and identifies content files on two lanes (threads) while the writer writes
/// the files before them, so both cores work on a package of many small files (bench P2: format
/// identification, mostly libmagic on text and XML, was a quarter of the time, and one lane
/// alone could not keep up with the writer).
///
/// Only files up to `smallFileLimit` are held in memory, and the writer keeps a bounded number
/// in flight, so memory stays flat. Larger files are left to the writer's streamed single
/// read. The package's bytes and order do not depend on the timing: the writer consumes the
/// results in file order.
final class ContentPrefetch: @unchecked Sendable {
    /// Files larger than this are streamed by the writer, not held in memory.
    static let smallFileLimit = 256 << 10
    /// Files prepared ahead of the writer at most (so at most 16 MiB held).
    static let inFlightLimit = 64

    /// A serial queue with its own libmagic handle (one is not thread-safe), used only on it.
    private struct Lane: @unchecked Sendable {
        let queue: DispatchQueue
        let identifier: FormatIdentifier
    }
    private let lanes: [Lane]
    private var nextLane = 0
    private let exportFileRoot: String
    private let realRoot: String?
    private let lock = NSLock()
    private var stopped = false

    // Writer side (one thread): references not yet submitted, and submissions not yet consumed,
    // both first in, first out.
    private var waiting: [FileReference] = []
    private var waitingHead = 0
    private var inFlight: [PendingContent] = []
    private var inFlightHead = 0

    init(exportFileRoot: String) throws {
        lanes = try (1...2).map { Lane(queue: DispatchQueue(label: "bevara.package.prefetch-\($0)"), identifier: try FormatIdentifier()) }
        self.exportFileRoot = exportFileRoot
        realRoot = SafePath.realPath(exportFileRoot)
    }

    /// Adds files to prepare, in the order `next()` will hand them out.
    func enqueue(_ references: [FileReference]) {
        waiting.append(contentsOf: references)
        topUp()
    }

    /// The next enqueued file, prepared; nil when it is too large to hold (stream it). Rethrows
    /// the error resolving or reading it raised.
    func next() throws -> PreparedContent? {
        topUp()
        precondition(inFlightHead < inFlight.count, "next() without an enqueued file")
        let pending = inFlight[inFlightHead]
        inFlightHead += 1
        // Consumed entries still hold their file's bytes: drop them soon, so what is held stays
        // within twice `inFlightLimit` files.
        if inFlightHead >= Self.inFlightLimit {
            inFlight.removeFirst(inFlightHead)
            inFlightHead = 0
        }
        topUp()
        return try pending.wait()
    }

    /// Skips the work still queued (after an error or at the end) and waits until the thread is idle.
    func stop() {
        lock.withLock { stopped = true }
        for lane in lanes { lane.queue.sync {} }
    }

    private func topUp() {
        while inFlight.count - inFlightHead < Self.inFlightLimit, waitingHead < waiting.count {
            inFlight.append(submit(waiting[waitingHead]))
            waitingHead += 1
        }
        if waitingHead >= 1024 {
            waiting.removeFirst(waitingHead)
            waitingHead = 0
        }
    }

    private func submit(_ reference: FileReference) -> PendingContent {
        let pending = PendingContent()
        let lane = lanes[nextLane]
        nextLane = (nextLane + 1) % lanes.count
        lane.queue.async { [self] in
            if lock.withLock({ stopped }) { pending.finish(.success(nil)); return }
            pending.finish(Result {
                let source = try SIPWriter.resolve(reference, under: exportFileRoot, realRoot: realRoot)
                guard let small = try FileDigest.readSmall(path: source, limit: Self.smallFileLimit) else { return nil }
                let id = lane.identifier.identify(head: small.digest.head, name: reference.originalName)
                return PreparedContent(bytes: small.bytes, digest: small.digest, identification: id)
            })
        }
        return pending
    }
}
