import Foundation

/// Extracts the text of many files alongside the caller: `submit` hands a file to one of `lanes`
/// threads and returns what is done so far; `finish` returns the rest. The caller writes results
/// as they come, so only about `window` texts are held in memory, however many files a package
/// has. Indexing a package of many small files is bounded by the one thread that writes the
/// index; extracting text there too (XML, plain text, DOCX) kept the second core idle.
///
/// PDFs go to a long-lived `bevara-pdftext` worker per lane (`PDFTextWorker`): poppler runs in
/// that process, never in Bevara's. A worker that crashes or passes `timeout` on a PDF is killed
/// (its whole process group), that PDF gets `.noText` saying so, and the lane starts a fresh
/// worker for the next one. Without the worker executable (`workerCommand` nil), each PDF runs
/// through `pdftotext` instead (`PDFTextReader`, one process per PDF: correct, but slow). Every
/// other type is read in the lane itself by `TextExtractor` (pure Swift and libarchive readers,
/// each call on its own state).
///
/// Call `finish` (or `cancel`) exactly when done: the lanes and workers live until then.
public final class TextBatch: @unchecked Sendable {
    /// One result: the caller's tag for the file and its text.
    public typealias Result = (tag: Int64, outcome: TextOutcome)

    /// Seconds one PDF may take before its worker is killed (as for `pdftotext`).
    public static let defaultTimeout: TimeInterval = PDFTextReader.timeout

    public let maxBytes: Int
    public let timeout: TimeInterval
    /// The worker's argv (`nil`: no worker, `pdftotext` per file).
    public let workerCommand: [String]?
    /// Most files submitted but not yet taken back; `submit` waits beyond it.
    public let window: Int
    /// Lanes (and the PDF workers they start) run at a lower scheduling priority: work done
    /// ahead of need that must not slow the thread that is on the critical path.
    public let background: Bool

    private let condition = NSCondition()
    private var queue: [Job] = []
    private var queueHead = 0
    private var ready: [Result] = []
    private var inFlight = 0
    private var closing = false
    private var lanesRunning = 0

    private struct Job {
        let tag: Int64
        let path: String
        let mime: String
    }

    /// Starts `lanes` threads (default: one per core); workers start on their first PDF.
    public init(maxBytes: Int = 2_000_000, lanes: Int = ProcessInfo.processInfo.activeProcessorCount,
                timeout: TimeInterval = TextBatch.defaultTimeout, workerCommand: [String]? = TextBatch.defaultWorkerCommand(),
                background: Bool = false) {
        self.maxBytes = maxBytes
        self.timeout = timeout
        self.workerCommand = workerCommand
        self.background = background
        let lanes = max(1, lanes)
        window = lanes * 8
        lanesRunning = lanes
        for _ in 0..<lanes {
            let thread = Thread { [self] in runLane() }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Queues the file at `path`, of type `mime` (`TextExtractor` chooses the reader by it), and
    /// returns the results finished so far (taken: each is returned once). Waits while `window`
    /// files are queued or being read, so the queue stays short.
    public func submit(_ path: String, mime: String, tag: Int64) -> [Result] {
        condition.lock()
        defer { condition.unlock() }
        while queue.count - queueHead + inFlight >= window { condition.wait() }
        queue.append(Job(tag: tag, path: path, mime: mime))
        condition.broadcast()
        let taken = ready
        ready.removeAll(keepingCapacity: true)
        return taken
    }

    /// The results finished since the last call, in no particular order; never waits.
    public func takeReady() -> [Result] {
        condition.lock()
        defer { condition.unlock() }
        let taken = ready
        ready.removeAll(keepingCapacity: true)
        return taken
    }

    /// Waits for every submitted file, stops the workers and returns the results not yet taken.
    /// The batch takes no more files afterwards.
    public func finish() -> [Result] {
        condition.lock()
        defer { condition.unlock() }
        closing = true
        condition.broadcast()
        while lanesRunning > 0 { condition.wait() }
        let taken = ready
        ready.removeAll()
        return taken
    }

    /// Drops the files not started yet, waits for the running ones and stops the workers; for
    /// a caller that gives up (an error) before `finish`. Idempotent.
    public func cancel() {
        condition.lock()
        queue.removeAll()
        queueHead = 0
        condition.unlock()
        _ = finish()
    }

    /// The worker beside the running executable (`bevara-pdftext` in the same directory, as
    /// `swift build` and an install put it), or the path in `BEVARA_PDFTEXT_WORKER`; nil if neither
    /// is an executable file.
    public static func defaultWorkerCommand() -> [String]? {
        if let configured = ProcessInfo.processInfo.environment["BEVARA_PDFTEXT_WORKER"], !configured.isEmpty {
            return FileManager.default.isExecutableFile(atPath: configured) ? [configured] : nil
        }
        let candidate = executableDirectory() + "/bevara-pdftext"
        return FileManager.default.isExecutableFile(atPath: candidate) ? [candidate] : nil
    }

    private static func executableDirectory() -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        return (executable as NSString).deletingLastPathComponent
    }

    // MARK: - Lanes

    /// Nice value of a background lane: the scheduler then gives a busy thread at the normal
    /// priority about nine tenths of a core they share.
    static let backgroundNice: Int32 = 10

    private func runLane() {
        #if os(Linux)
        // On Linux the nice value is the thread's own (`who` 0 is the calling thread), and the
        // worker processes this lane starts inherit it.
        if background { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.backgroundNice) }
        #endif
        var worker: PDFTextWorker?
        var startFailure: String?
        /// A PDF's text from this lane's worker (started on the first PDF, and again after one
        /// failed), or from `pdftotext` when there is no worker.
        func pdfText(_ path: String) -> TextOutcome {
            if worker == nil, let command = workerCommand, startFailure == nil {
                do {
                    worker = try PDFTextWorker.start(command)
                } catch {
                    startFailure = "\(error)"  // this lane falls back to pdftotext
                }
            }
            switch worker?.extract(path: path, maxBytes: maxBytes, timeout: timeout) {
            case .outcome(let result)?:
                return result
            case .workerFailed(let reason)?:
                worker = nil  // dead and reaped; the next PDF gets a fresh one
                return .noText(reason: reason)
            case nil:
                return PDFTextReader.read(path: path, maxBytes: maxBytes)
            }
        }
        while let job = nextJob() {
            let outcome = TextExtractor.isPDF(job.mime)
                ? pdfText(job.path)
                : TextExtractor.extract(path: job.path, mime: job.mime, maxBytes: maxBytes)
            condition.lock()
            inFlight -= 1
            ready.append((job.tag, outcome))
            condition.broadcast()
            condition.unlock()
        }
        worker?.stop()
        condition.lock()
        lanesRunning -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The next queued file (counted in flight), or nil once the batch is closing and drained.
    private func nextJob() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while queueHead == queue.count && !closing { condition.wait() }
        guard queueHead < queue.count else { return nil }
        let job = queue[queueHead]
        queueHead += 1
        // Drop the taken prefix: a queue that never runs empty would otherwise keep every path
        // of the package (what is left is at most `window` entries, so this stays cheap).
        if queueHead == queue.count || queueHead >= window {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        inFlight += 1
        return job
    }
}
