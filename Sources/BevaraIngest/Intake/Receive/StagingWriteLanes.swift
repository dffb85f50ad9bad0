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
///
/// With `formats`, a lane also identifies each file it wrote from the bytes it holds, with its
/// own identifier, and records the result (`ExtractedFormats`); a failure to record stops the
/// lanes like a failed write.
final class StagingWriteLanes: @unchecked Sendable {
    /// Entries up to this size are handed to a lane; larger ones the extractor streams itself.
    static let smallFileLimit = 256 << 10
    static let maxFilesInFlight = 64
    static let maxBytesInFlight = 16 << 20

    private let lanes: [DispatchQueue]
    private var lane = 0
    private var laneFolder: Substring?
    private let source: String
    private let formats: ExtractedFormats?
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var filesInFlight = 0
    private var bytesInFlight = 0
    private var failure: IntakeError?

    /// `source` is the archive, named in errors. With `formats`, one lane per `formats.lanes`.
    init(source: String, laneCount: Int = 2, formats: ExtractedFormats? = nil) {
        self.source = source
        self.formats = formats
        lanes = (1...max(1, formats?.lanes.count ?? laneCount)).map { DispatchQueue(label: "bevara.intake.write-\($0)") }
    }

    /// Queues `bytes` to be written to the new file `target` (absolute; its folder exists), and
    /// its format to be recorded under `recordAs` (a path relative to the package root) when
    /// given. Waits while too much is in flight. Throws the first failure of an earlier write.
    func write(_ bytes: [UInt8], to target: String, recordAs name: String? = nil) throws {
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
        let recorder: ExtractedFormats.Lane? = name == nil ? nil : formats?.lanes[lane]
        lanes[lane].async { [self] in
            condition.lock()
            let skip = failure != nil
            condition.unlock()
            var error = skip ? nil : Self.create(target, bytes, source: source)
            if !skip, error == nil, let recorder, let name {
                do { try recorder.record(name, bytes, writtenTo: target) } catch let recording {
                    error = .unreadable(path: source, reason: "recording the format of \(target): \(recording)")
                }
            }
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
