import CPosix
import Crypto
import Foundation

/// The file end of an `ArchiveWriter`: gathers what libarchive hands over into chunks, which a
/// thread of its own hashes (SHA-256) and writes to the file, so the archive is hashed as it is
/// made without the thread that feeds it hashing too.
///
/// Why a thread: the feeding thread already hashes every file it packages (`FileDigest`); hashing
/// the archive on top, on the same thread, made a package of large files cost two SHA-256 passes
/// back to back while the second core waited (bench P1), and was ≈ 0.6 s of the busiest thread
/// for a package of many small files (bench P2). Copying a chunk costs a tenth of hashing it.
///
/// Every `writebackStep` bytes the writer asks the kernel to start writing what came before to
/// disk (`sync_file_range`, which does not wait): the disk then works while the next files are
/// read and hashed, and the `fsync` that ends the archive waits for the tail only. Left to the
/// kernel, a 2 GB package was written out during that `fsync`, ≈ 1 s after everything else was
/// done. Only a hint: durability still comes from the `fsync`.
///
/// The step before that, on disk by then (waited for if not: the disk is the limit then), is
/// dropped from the page cache (`POSIX_FADV_DONTNEED`): a package is written once and not read
/// back, and each page it kept in the cache was a page the next write had to take from free
/// memory. In the virtual machine we measure on, writing into free memory that was not used
/// lately is slow (the kernel's copy into such pages was 18 % of a package's CPU samples
/// against 1 %; most likely the host backs a page only when the guest first writes it again),
/// while pages dropped a moment before are cheap to reuse. With earlier packages still cached,
/// the 99,500-file package (1.1 GB) took 7.9–8.7 s without this and 6.5–7.2 s with it, a 2 GB
/// one 5.0–5.8 s against 1.9 s; with nothing cached both were within 6 % of each other.
///
/// A failed write is seen by the next `write` (or by `finish`), which then reports it; the
/// archive is abandoned, so what is written after it does not matter. `finish` must be called
/// (`ArchiveWriter` does, on `close` and when dropped): it ends the thread.
final class HashingOutput: @unchecked Sendable {
    static let chunkSize = 256 << 10
    /// Chunks in flight: memory is `chunkCount × chunkSize`.
    static let chunkCount = 8
    static let writebackStep: Int64 = 32 << 20

    let fd: Int32
    private let chunks: [UnsafeMutableRawBufferPointer]
    private var writer: JoinableThread?

    // The feeding side's own state.
    private var filling: Int
    private var filled = 0
    private var digest: String?
    /// The errno of the first failed write, once the feeding side has seen it.
    private(set) var failure: Int32?

    // Shared with the writer thread; guarded by `condition`.
    private let condition = NSCondition()
    private var ready: [(chunk: Int, count: Int)] = []
    private var free: [Int]
    private var noMoreChunks = false
    private var writeFailure: Int32?

    // The writer thread's own state.
    private var hasher = SHA256()
    private var written: Int64 = 0
    private var writebackRequested: Int64 = 0
    /// Bytes before this offset are on disk and dropped from the page cache.
    private var released: Int64 = 0

    init(fd: Int32) {
        self.fd = fd
        chunks = (0 ..< Self.chunkCount).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 64) }
        filling = 0
        free = Array(1 ..< Self.chunkCount)
        // The thread keeps this output alive until `finish` lets it end.
        let writer = JoinableThread(name: "bevara.archive-writer") { self.writeChunks() }
        self.writer = writer
        writer.start()
    }

    /// Only after `finish`: until then the writer thread holds this output.
    deinit { chunks.forEach { $0.deallocate() } }

    /// Takes all of `bytes`; false (with `failure` set) once a write has failed.
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard failure == nil, digest == nil else { return false }
        var rest = bytes
        while !rest.isEmpty {
            let n = min(rest.count, Self.chunkSize - filled)
            UnsafeMutableRawBufferPointer(rebasing: chunks[filling][filled ..< filled + n]).copyMemory(from: UnsafeRawBufferPointer(rebasing: rest[..<n]))
            filled += n
            rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            if filled == Self.chunkSize, !handOver() { return false }
        }
        return true
    }

    /// Writes what is left, waits for the writer, and returns the SHA-256 of everything written
    /// (lower-case hex); nil, with `failure` set, if a write failed. Later calls return the same.
    func finish() -> String? {
        if let digest { return digest }
        guard let writer else { return nil }
        if failure == nil, filled > 0 { _ = handOver(waitForFree: false) }
        condition.lock()
        noMoreChunks = true
        condition.broadcast()
        condition.unlock()
        writer.join()
        self.writer = nil
        failure = failure ?? writeFailure
        guard failure == nil else { return nil }
        digest = FileDigest.hex(hasher.finalize())
        return digest
    }

    /// Passes the filled chunk to the writer and takes a free one (waiting for it, unless told
    /// not to); false if a write has failed.
    private func handOver(waitForFree: Bool = true) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        ready.append((filling, filled))
        filled = 0
        condition.broadcast()
        if waitForFree {
            while free.isEmpty && writeFailure == nil { condition.wait() }
            if !free.isEmpty { filling = free.removeLast() }
        }
        if let code = writeFailure {
            failure = code
            return false
        }
        return true
    }

    /// The writer thread: hashes and writes each chunk in order until told there are no more.
    private func writeChunks() {
        while true {
            condition.lock()
            while ready.isEmpty && !noMoreChunks { condition.wait() }
            if ready.isEmpty {
                condition.unlock()
                return
            }
            let (index, count) = ready.removeFirst()
            let failed = writeFailure != nil
            condition.unlock()

            var code: Int32?
            if !failed {
                let bytes = UnsafeRawBufferPointer(rebasing: chunks[index][..<count])
                hasher.update(bufferPointer: bytes)
                code = PosixWrite.allOrErrno(fd, bytes)
                if code == nil { requestWriteback(after: count) }
            }

            condition.lock()
            if let code, writeFailure == nil { writeFailure = code }
            free.append(index)
            condition.broadcast()
            condition.unlock()
        }
    }

    private func requestWriteback(after count: Int) {
        written += Int64(count)
        guard written - writebackRequested >= Self.writebackStep else { return }
        #if os(Linux)
        _ = sync_file_range(fd, writebackRequested, written - writebackRequested, BEVARA_SYNC_FILE_RANGE_WRITE)
        if writebackRequested > released {
            // Errors are left to the closing fsync, which reports a failed write-back.
            _ = sync_file_range(fd, released, writebackRequested - released, BEVARA_SYNC_FILE_RANGE_WAIT_ALL)
            _ = posix_fadvise(fd, off_t(released), off_t(writebackRequested - released), POSIX_FADV_DONTNEED)
            released = writebackRequested
        }
        #endif
        writebackRequested = written
    }
}
