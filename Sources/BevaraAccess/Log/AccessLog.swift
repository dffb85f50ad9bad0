import BevaraArchiveIO
import Foundation

/// The archive's append-only, hash-chained access log (`<archive>/logs/access-log.jsonl`).
///
/// Every search, show and retrieve appends one `AccessLogEntry`. The log is itself a record of
/// the organisations and holds sensitive personal data (who searched for which personnummer), so
/// its files are created readable by their owner only (domain notes §5.5).
///
/// Files in `directory`:
/// - `access-log.jsonl`: one canonical JSON entry per line (`AccessLogCanonical`).
/// - `access-log.head`: `<seq> <hash>` of the last entry, the anchor against tail truncation
///   (`AccessLogHead`).
/// - `access-log.lock`: flock'ed around every append (exclusive) and read (shared), so two
///   commands, in threads or processes, never fork the chain.
///
/// Nothing here ever rewrites or repairs a line: damage is reported, never "fixed".
/// Failpoint `accesslog.before-head` (subject: the log directory) fires between the durable
/// line and the head update, to test an append interrupted there.
public final class AccessLog: Sendable {
    public let directory: String
    public var logPath: String { directory + "/access-log.jsonl" }
    public var headPath: String { directory + "/access-log.head" }
    var lockPath: String { directory + "/access-log.lock" }

    /// Creates `directory` (and parents) if missing.
    public init(directory: String) throws {
        self.directory = (directory as NSString).standardizingPath
        do {
            try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        } catch {
            throw IOError(path: self.directory, operation: "create log folder", reason: "\(error)")
        }
    }

    /// The log of the archive at `archiveRoot` (`<archiveRoot>/logs`).
    public convenience init(archiveRoot: String) throws {
        try self.init(directory: archiveRoot + "/logs")
    }

    /// Appends one entry: assigns seq and time, chains it to the last entry, writes it with one
    /// write(2), fsyncs, then updates the head anchor. Refuses (without writing) when the log
    /// ends in a torn line or its tail disagrees with the head anchor.
    @discardableResult
    public func append(_ draft: AccessLogDraft) throws -> AccessLogEntry {
        try append(contentsOf: [draft])[0]
    }

    /// Appends several entries under one lock and one fsync (a command that logs a batch, or a
    /// test building a large log). Same checks as `append(_:)`.
    @discardableResult
    public func append(contentsOf drafts: [AccessLogDraft]) throws -> [AccessLogEntry] {
        guard !drafts.isEmpty else { return [] }
        return try PosixIO.withLock(lockPath, exclusive: true) {
            let fd = open(logPath, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw IOError(path: logPath, operation: "open for append", errno: errno) }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw IOError(path: logPath, operation: "stat", errno: errno) }
            var (seq, previousHash) = try chainEnd(fd: fd, size: Int64(info.st_size))

            var bytes: [UInt8] = []
            var entries: [AccessLogEntry] = []
            entries.reserveCapacity(drafts.count)
            for draft in drafts {
                seq += 1
                var entry = AccessLogEntry(seq: seq, time: AccessLogTime.format(Date()), previousHash: previousHash,
                                           hash: "", draft: draft)
                entry.hash = try AccessLogCanonical.hash(entry)
                bytes.append(contentsOf: try AccessLogCanonical.line(entry))
                bytes.append(0x0A)
                previousHash = entry.hash
                entries.append(entry)
            }
            try PosixIO.writeAll(fd, bytes, path: logPath)
            guard fsync(fd) == 0 else { throw IOError(path: logPath, operation: "fsync", errno: errno) }
            if info.st_size == 0 { try Durability.syncDirectory(directory) }
            try Failpoint.hit("accesslog.before-head", subject: directory)
            try AccessLogHead(seq: seq, hash: previousHash).write(to: headPath)
            return entries
        }
    }

    /// The seq and hash to chain onto, after checking the tail is whole and matches the head.
    private func chainEnd(fd: Int32, size: Int64) throws -> (seq: Int, hash: String) {
        var last: (seq: Int, hash: String, previousHash: String)?
        if let tail = try LogTail.read(fd: fd, size: size, path: logPath) {
            guard tail.terminated else {
                let before = try tail.previous.map { try decode($0, line: nil) }
                let afterSeq = before?.seq ?? 0
                throw AccessLogError.tornFinalLine(path: logPath, line: afterSeq + 1, afterSeq: afterSeq)
            }
            let entry = try decode(tail.last, line: nil)
            last = (entry.seq, entry.hash, entry.previousHash)
        }
        let head = try AccessLogHead.read(headPath)
        switch (last, head) {
        case (nil, nil):
            return (0, AccessLogCanonical.genesisHash)
        case (nil, let head?):
            // An empty log with an anchor of seq 0 is a fresh log; anything else lost its entries.
            guard head.seq == 0 else { throw AccessLogError.headMismatch(path: logPath, headSeq: head.seq, lastSeq: 0) }
            return (0, AccessLogCanonical.genesisHash)
        case (let last?, nil):
            // No anchor (deleted, or a log from before anchors): chain on; the next head is written.
            return (last.seq, last.hash)
        case (let last?, let head?):
            let matches = head.seq == last.seq && head.hash == last.hash
            // The previous append wrote its line but died before updating the head.
            let headOneBehind = head.seq == last.seq - 1 && head.hash == last.previousHash
            guard matches || headOneBehind else {
                throw AccessLogError.headMismatch(path: logPath, headSeq: head.seq, lastSeq: last.seq)
            }
            return (last.seq, last.hash)
        }
    }

    func decode(_ bytes: Data, line: Int?, with decoder: JSONDecoder = JSONDecoder()) throws -> AccessLogEntry {
        do {
            return try decoder.decode(AccessLogEntry.self, from: bytes)
        } catch {
            throw AccessLogError.malformedLine(path: logPath, line: line, reason: "\(error)")
        }
    }

    /// Calls `body` with every entry in order, reading line by line (flat memory) under a shared
    /// lock. Throws on the first line that is not an entry, including a torn last line.
    public func forEachEntry(_ body: (AccessLogEntry) throws -> Void) throws {
        try PosixIO.withLock(lockPath, exclusive: false) {
            guard let reader = try LogLineReader(path: logPath) else { return }
            let decoder = JSONDecoder()
            while let line = try reader.next() {
                guard line.terminated else {
                    throw AccessLogError.tornFinalLine(path: logPath, line: line.number, afterSeq: line.number - 1)
                }
                try body(try decode(line.bytes, line: line.number, with: decoder))
            }
        }
    }

    /// The entries of `user` and/or `organisation` at or after `since`, in log order; for the
    /// information-security coordinator's or DPO's log review. Streams the file.
    public func entries(user: String? = nil, organisation: String? = nil, since: Date? = nil) throws -> [AccessLogEntry] {
        var found: [AccessLogEntry] = []
        try forEachEntry { entry in
            if let user, entry.user != user { return }
            if let organisation, entry.organisation != organisation { return }
            if let since {
                guard let date = entry.date, date >= since else { return }
            }
            found.append(entry)
        }
        return found
    }

    /// Checks the whole log in one streamed pass and names the first broken entry (see
    /// `AccessLogVerifier` for every rule). Throws only when the files cannot be read.
    public func verify() throws -> AccessLogVerification {
        try PosixIO.withLock(lockPath, exclusive: false) {
            try AccessLogVerifier(logPath: logPath, headPath: headPath).run()
        }
    }
}
