import BevaraArchiveIO
import BevaraIndex
import Foundation

/// Extracts the text of a received package's content files while the package is validated and
/// stored, so that the indexer finds much of it done (`PrecomputedTexts`).
///
/// Validating and storing a package of many small files keep one thread busy for seconds while
/// the other core idles; text extraction, done afterwards by the indexer, kept both busy for
/// longer still. This runs one low-priority lane (`TextBatch` in the background) through the
/// files the extraction lanes identified (`IdentifiedFormats`, in path order), from the hard
/// links they made by SHA-256: storing renames and deduplicates the staged files, the links stay.
/// Reading ahead goes on while the indexer writes the rows of the texts done (stopping it there
/// left the second core idle): the indexer takes them a file at a time (`texts(through:)`), and
/// reading ahead stops only when the indexer catches up with it. What was not done, the indexer
/// extracts on its own lanes, so the outcome never depends on how far this got.
///
/// A text is kept only with the SHA-256 and type it was read from, and the indexer uses it only
/// for a stored file with that digest and type: `TextExtractor` reads nothing but the bytes and
/// the type, so the text is the one the indexer would have extracted (and reindex extracts).
/// Only texts are kept: a file without one is read again by the indexer, whose reason then
/// names what storage holds. Any failure here only leaves more to the indexer.
final class TextAhead: @unchecked Sendable {
    /// Files worth reading ahead: what the indexer extracts text from, of a type with a reader.
    static func wants(_ logicalPath: String, mime: String) -> Bool {
        AIPIndexer.isContent(logicalPath) && TextExtractor.reads(mime)
    }

    /// Seconds a PDF may take here before its worker is killed: far less than the indexer's
    /// (`TextBatch.defaultTimeout`), so that a PDF that hangs poppler costs the read-ahead little
    /// and waits no longer in `stop`; the indexer then reads it, with the full timeout.
    static let timeout: TimeInterval = 10

    private let links: String
    /// The texts go to files named this and a number, one after another (`texts(through:)`).
    private let resultsBase: String
    private let formats: RecordFileReader
    private let condition = NSCondition()
    private var stopRequested = false
    private var running = true
    private var failed = false
    private var stopped: PrecomputedTexts?
    // Under `condition`: the number of the file texts are written to now, and the last file
    // finished (with or without a text), in path order.
    private var segment = 0
    private var writer: RecordFileWriter?
    private var lastDone: String?
    /// The last file of texts was given to the indexer, or dropped: nothing more will come.
    private var handedOver = false
    private var linksRemoved = false

    /// Takes over the lanes' links (renamed into `staging`, named `aip-…` so that a crash's
    /// leftovers are swept) and starts reading; nil if the formats file cannot be opened or the
    /// links moved (then `ReceivedPackage.cleanUp` removes them and the indexer does it all).
    init?(formats identified: IdentifiedFormats, staging: String) {
        // Absolute: the PDF worker runs in a process of its own and takes absolute paths only.
        let folder = staging.hasPrefix("/") ? staging : FileManager.default.currentDirectoryPath + "/" + staging
        let base = folder + "/aip-textahead-\(UUID().uuidString)"
        links = base + "-links"
        resultsBase = base + "-texts-"
        // The reader holds the file open: `ReceivedPackage.cleanUp` may unlink it meanwhile.
        guard let reader = try? RecordFileReader(path: identified.path) else { return nil }
        guard rename(identified.textLinks, links) == 0 else { return nil }
        formats = reader
        let thread = Thread { [self] in run() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Stops reading ahead (the files in hand are finished) and returns the texts done and not
    /// yet handed to the indexer. Removes the links. Later calls return the same.
    func stop() -> PrecomputedTexts {
        condition.lock()
        defer { condition.unlock() }
        if let stopped { return stopped }
        let last = finishLocked()
        let texts = last.map { PrecomputedTexts(path: $0) } ?? .none
        stopped = texts
        return texts
    }

    /// For the indexer, which needs the text of `path` (in the formats file's order) and has used
    /// every file of texts handed to it so far: the file of the texts written since, or nil when
    /// no more will come. When reading ahead has finished `path`, it goes on into a new file;
    /// otherwise (the indexer caught up, or it ended) it stops first, finishing the files in
    /// hand, and this is the last file. The caller deletes each file it is given.
    func texts(through path: String) -> String? {
        condition.lock()
        defer { condition.unlock() }
        guard stopped == nil, !handedOver else { return nil }
        if running, !stopRequested, hasReadLocked(through: path) {
            let done = resultsPath
            do {
                try writer?.close()
                segment += 1
                writer = try RecordFileWriter(path: resultsPath)
                return done
            } catch {
                // Neither file can be trusted now: stop, and leave the rest to the indexer.
                writer = nil
                failed = true
                unlink(done)
                _ = finishLocked()
                return nil
            }
        }
        return finishLocked()
    }

    /// Stops reading, waits for the lane, removes the links and ends the hand-over; the last
    /// file of texts, or nil (failed, or given already).
    private func finishLocked() -> String? {
        stopRequested = true
        while running { condition.wait() }
        if !linksRemoved {
            IdentifiedFormats.removeLinks(links)
            linksRemoved = true
        }
        guard !handedOver else { return nil }
        handedOver = true
        if failed {
            // A lane that failed, or a failed rotation: the file is not to be read.
            unlink(resultsPath)
            return nil
        }
        return resultsPath
    }

    /// Whether reading ahead has finished the file at `path` (tests).
    func hasRead(through path: String) -> Bool {
        withLock { hasReadLocked(through: path) }
    }

    private func hasReadLocked(through path: String) -> Bool {
        lastDone.map { IdentifiedFormats.order.compare($0, path) >= 0 } ?? false
    }

    /// The file texts are written to now.
    private var resultsPath: String { resultsBase + String(segment) }

    private func withLock<T>(_ body: () throws -> T) rethrows -> T {
        condition.lock()
        defer { condition.unlock() }
        return try body()
    }

    /// Waits until every file has been read, without asking to stop (tests: `stop` alone
    /// returns whatever was done by then).
    func waitUntilAllRead() {
        condition.lock()
        defer { condition.unlock() }
        while running { condition.wait() }
    }

    /// Stops and removes everything (the texts too).
    func discard() {
        stop().remove()
    }

    private var shouldStop: Bool { withLock { stopRequested } }

    private func run() {
        let ok = (try? readAhead()) != nil
        condition.lock()
        failed = failed || !ok
        running = false
        condition.broadcast()
        condition.unlock()
    }

    /// Feeds the lane in path order and writes its texts in the same order (results come back
    /// out of order; at most the batch's window of them wait for an earlier one).
    private func readAhead() throws {
        try withLock { writer = try RecordFileWriter(path: resultsPath) }
        let batch = TextBatch(lanes: 1, timeout: Self.timeout, background: true)
        var submitted: [Int64: (path: String, sha256: String, mime: String)] = [:]
        var arrived: [Int64: TextOutcome] = [:]
        var nextToWrite: Int64 = 0
        var next: Int64 = 0
        func take(_ results: [TextBatch.Result]) throws {
            for result in results { arrived[result.tag] = result.outcome }
            while let outcome = arrived.removeValue(forKey: nextToWrite) {
                let file = submitted.removeValue(forKey: nextToWrite)!
                try finished(file.path, file.sha256, file.mime, outcome)
                nextToWrite += 1
            }
        }
        do {
            while !shouldStop, let record = try formats.nextPair() {
                guard let value = record.value, let (_, recorded) = IdentifiedFormats.decode(value),
                      Self.wants(record.key, mime: recorded.format.mime) else { continue }
                submitted[next] = (record.key, recorded.sha256, recorded.format.mime)
                let results = batch.submit(links + "/" + recorded.sha256, mime: recorded.format.mime, tag: next)
                next += 1
                try take(results)
            }
            try take(batch.finish())
            try closeWriter()
        } catch {
            batch.cancel()
            try? closeWriter()
            throw error
        }
    }

    /// Writes a file's text (if it has one) to the current file of texts; the file is done.
    private func finished(_ path: String, _ sha256: String, _ mime: String, _ outcome: TextOutcome) throws {
        try withLock {
            if case .text(let text, let truncated) = outcome {
                try writer?.append([path, sha256, mime, truncated ? "1" : "0", text])
            }
            lastDone = path
        }
    }

    private func closeWriter() throws {
        try withLock {
            let open = writer
            writer = nil
            try open?.close()
        }
    }
}
