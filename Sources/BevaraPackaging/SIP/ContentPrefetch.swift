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
    /// Files handed to a lane in one job. One job per file woke a lane per file (a futex wake
    /// on the writer's thread for each, ≈ 5 % of it in a 99,500-file package).
    static let batchSize = 16

    /// A serial queue with its own libmagic handle (one is not thread-safe) and folder cache,
    /// used only on it.
    private struct Lane: @unchecked Sendable {
        let queue: DispatchQueue
        let identifier: FormatIdentifier
        let folders: RealDirectoryCache?
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
        let realRoot = SafePath.realPath(exportFileRoot)
        lanes = try (1...2).map {
            Lane(queue: DispatchQueue(label: "bevara.package.prefetch-\($0)"), identifier: try FormatIdentifier(),
                 folders: realRoot.map { RealDirectoryCache(fileRoot: exportFileRoot, realRoot: $0, capacity: 1024) })
        }
        self.exportFileRoot = exportFileRoot
        self.realRoot = realRoot
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

    /// Submits waiting files a batch at a time while a whole batch fits within `inFlightLimit`
    /// (a shorter one at the end of what is waiting).
    private func topUp() {
        while waitingHead < waiting.count {
            let batch = min(Self.batchSize, waiting.count - waitingHead)
            guard Self.inFlightLimit - (inFlight.count - inFlightHead) >= batch else { break }
            inFlight.append(contentsOf: submit(waiting[waitingHead..<(waitingHead + batch)]))
            waitingHead += batch
        }
        if waitingHead >= 1024 {
            waiting.removeFirst(waitingHead)
            waitingHead = 0
        }
    }

    /// Hands `references` to the next lane as one job; each file's result is given as soon as it
    /// is done, so the writer can take the first while the lane prepares the rest.
    private func submit(_ references: ArraySlice<FileReference>) -> [PendingContent] {
        let work = references.map { ($0, PendingContent()) }
        let lane = lanes[nextLane]
        nextLane = (nextLane + 1) % lanes.count
        lane.queue.async { [self] in
            for (reference, pending) in work {
                if lock.withLock({ stopped }) { pending.finish(.success(nil)); continue }
                pending.finish(Result {
                    guard let small = try read(reference, lane) else { return nil }
                    let id = lane.identifier.identify(head: small.digest.head, name: reference.originalName)
                    return PreparedContent(bytes: small.bytes, digest: small.digest, identification: id)
                })
            }
        }
        return work.map(\.1)
    }

    /// Reads a small file whole. Its folder's real path comes from the lane's cache (one
    /// `realpath` per folder, not per file: `realpath` reads every component of the path, and
    /// that was 3 % of packaging CPU); the file itself is opened without following a link. A
    /// file that cannot be read that way (a link, gone, a folder that moved) takes the per-file
    /// `realpath` path, which reads links inside the export and reports the same errors as before.
    private func read(_ reference: FileReference, _ lane: Lane) throws -> (bytes: [UInt8], digest: FileDigest.Result)? {
        if SafePath.validateRelative(reference.path) == nil, let cached = lane.folders?.resolve(reference.path),
           let small = try? FileDigest.readSmall(path: cached, limit: Self.smallFileLimit) {
            return small
        }
        let source = try SIPWriter.resolve(reference, under: exportFileRoot, realRoot: realRoot)
        return try FileDigest.readSmall(path: source, limit: Self.smallFileLimit)
    }
}
