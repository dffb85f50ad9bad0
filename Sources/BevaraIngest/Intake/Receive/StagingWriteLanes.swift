import BevaraArchiveIO
import Dispatch
import Foundation

/// Creates and writes small extracted files on two lanes (threads) while `ArchiveExtractor`
/// reads the next entries, so both cores work on a package of many small files: creating the
/// inode is most of an entry's cost (kernel time, ≈ 90 % of unpacking in a profile of a
/// 20,000-file package), and the archive itself can only be read in order.
///
/// The extractor has done every check on an entry (name, type, duplicates, size and bomb
/// limits) and created its folders before it hands the bytes over; a lane only creates the file
/// (`O_EXCL`, `O_NOFOLLOW`) and writes them. The files of one folder go to one lane, so the two
/// do not contend for the same folder's lock in the kernel (creating a file locks its folder).
/// Memory is bounded: at most `maxFilesInFlight`
/// files and `maxBytesInFlight` bytes are held, and `write` waits for room. The first failure
/// stops the lanes (later files are skipped) and is rethrown by the next `write` or by
/// `finish`, naming the file. `finish` (or `stop`) returns only when no lane is working, so the
/// caller can remove the staging folder without a lane still creating files in it.
final class StagingWriteLanes: @unchecked Sendable {
    /// Entries up to this size are handed to a lane; larger ones the extractor streams itself.
    static let smallFileLimit = 256 << 10
    static let maxFilesInFlight = 64
    static let maxBytesInFlight = 16 << 20

    private let lanes: [DispatchQueue]
    private var lane = 0
    private var laneFolder: Substring?
    private let source: String
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var filesInFlight = 0
    private var bytesInFlight = 0
    private var failure: IntakeError?

    /// `source` is the archive, named in errors.
    init(source: String, laneCount: Int = 2) {
        self.source = source
        lanes = (1...max(1, laneCount)).map { DispatchQueue(label: "bevara.intake.write-\($0)") }
    }

    /// Queues `bytes` to be written to the new file `target` (absolute; its folder exists).
    /// Waits while too much is in flight. Throws the first failure of an earlier write.
    func write(_ bytes: [UInt8], to target: String) throws {
        let folder = target.utf8.lastIndex(of: UInt8(ascii: "/")).map { target[..<$0] } ?? ""
        if folder != laneFolder {
            lane = (lane + 1) % lanes.count
            laneFolder = folder
        }
        condition.lock()
        while failure == nil, filesInFlight > 0,
              filesInFlight >= Self.maxFilesInFlight || bytesInFlight + bytes.count > Self.maxBytesInFlight {
            condition.wait()
        }
        if let failure {
            condition.unlock()
            throw failure
        }
        filesInFlight += 1
        bytesInFlight += bytes.count
        condition.unlock()
        lanes[lane].async { [self] in
            condition.lock()
            let skip = failure != nil
            condition.unlock()
            let error = skip ? nil : Self.create(target, bytes, source: source)
            condition.lock()
            if failure == nil, let error { failure = error }
            filesInFlight -= 1
            bytesInFlight -= bytes.count
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Waits until every queued file is written; throws the first failure.
    func finish() throws {
        stop()
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
    }

    /// Waits until no lane is working (after an error elsewhere: the caller is about to remove
    /// the staging folder). Safe to call more than once.
    func stop() {
        for lane in lanes { lane.sync {} }
    }

    /// Creates `target` (never over an existing file or through a link) and writes `bytes`.
    private static func create(_ target: String, _ bytes: [UInt8], source: String) -> IntakeError? {
        bytes.withUnsafeBytes { raw -> IntakeError? in
            do throws(IntakeError) { try EntryOutput.writeFile(target, raw, source: source) } catch { return error }
            return nil
        }
    }
}
