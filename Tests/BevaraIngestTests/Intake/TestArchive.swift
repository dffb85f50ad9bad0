import BevaraArchiveIO
import CArchive
import Foundation

/// Writes hostile and ordinary archives for tests with libarchive's write API, entry by entry,
/// including what ArchiveWriter never writes: `..` and absolute names, links, devices, duplicate
/// names, and deflated zip / gzip tar entries streamed from a generator (for bombs).
final class TestArchive {
    enum Format {
        case tar, tarGzip, zipStored, zipDeflate
    }

    let path: String
    private let archive: OpaquePointer

    init(path: String, format: Format) throws {
        ProcessSetup.useUTF8Locale()
        self.path = path
        archive = archive_write_new()!
        switch format {
        case .tar:
            archive_write_set_format_pax_restricted(archive)
        case .tarGzip:
            archive_write_set_format_pax_restricted(archive)
            archive_write_add_filter_gzip(archive)
        case .zipStored:
            archive_write_set_format_zip(archive)
            archive_write_set_options(archive, "zip:compression=store")
        case .zipDeflate:
            archive_write_set_format_zip(archive)
            archive_write_set_options(archive, "zip:compression=deflate")
        }
        guard archive_write_open_filename(archive, path) == ARCHIVE_OK else {
            throw IOError(path: path, operation: "open test archive", reason: String(cString: archive_error_string(archive)))
        }
    }

    deinit { archive_write_free(archive) }

    /// A regular file with these bytes.
    func file(_ name: String, _ text: String) throws {
        let bytes = Array(text.utf8)
        try entry(name, type: CArchive_AE_IFREG, size: Int64(bytes.count)) {
            bytes.withUnsafeBytes { _ = archive_write_data(self.archive, $0.baseAddress, $0.count) }
        }
    }

    /// A regular file with these bytes (any, not only text).
    func bytes(_ name: String, _ bytes: [UInt8]) throws {
        try entry(name, type: CArchive_AE_IFREG, size: Int64(bytes.count)) {
            bytes.withUnsafeBytes { _ = archive_write_data(self.archive, $0.baseAddress, $0.count) }
        }
    }

    /// A regular file of `size` zero bytes, streamed in 1 MiB chunks.
    func zeros(_ name: String, size: Int64) throws {
        let chunk = [UInt8](repeating: 0, count: 1 << 20)
        try entry(name, type: CArchive_AE_IFREG, size: size) {
            var left = size
            while left > 0 {
                let n = Int(min(Int64(chunk.count), left))
                chunk.withUnsafeBytes { _ = archive_write_data(self.archive, $0.baseAddress, n) }
                left -= Int64(n)
            }
        }
    }

    func directory(_ name: String) throws {
        try entry(name, type: CArchive_AE_IFDIR, size: 0) {}
    }

    func symlink(_ name: String, to target: String) throws {
        try entry(name, type: CArchive_AE_IFLNK, size: 0) {} configure: { archive_entry_set_symlink($0, target) }
    }

    func hardlink(_ name: String, to target: String) throws {
        try entry(name, type: CArchive_AE_IFREG, size: 0) {} configure: { archive_entry_set_hardlink($0, target) }
    }

    /// A character device (type 020000), as a tar can hold.
    func characterDevice(_ name: String) throws {
        try entry(name, type: 0o020000, size: 0) {} configure: { archive_entry_set_rdev($0, 0x0103) }
    }

    func close() throws {
        guard archive_write_close(archive) == ARCHIVE_OK else {
            throw IOError(path: path, operation: "close test archive", reason: String(cString: archive_error_string(archive)))
        }
    }

    private func entry(_ name: String, type: UInt32, size: Int64, body: () -> Void,
                       configure: (OpaquePointer?) -> Void = { _ in }) throws {
        let e = archive_entry_new()
        defer { archive_entry_free(e) }
        archive_entry_set_pathname_utf8(e, name)
        archive_entry_set_filetype(e, type)
        archive_entry_set_perm(e, type == CArchive_AE_IFDIR ? 0o755 : 0o644)
        archive_entry_set_size(e, size)
        archive_entry_set_mtime(e, 1_700_000_000, 0)
        configure(e)
        guard archive_write_header(archive, e) >= ARCHIVE_WARN else {
            throw IOError(path: path, operation: "write header \(name)", reason: String(cString: archive_error_string(archive)))
        }
        body()
        archive_write_finish_entry(archive)
    }

    /// Packs the files of a folder (no directory entries, like commons-ip's zips) under `prefix`.
    static func pack(_ folder: String, prefix: String, into path: String, format: Format) throws {
        let archive = try TestArchive(path: path, format: format)
        for relative in IntakeFixtures.listing(folder) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative))
                try archive.file(prefix + relative, String(decoding: bytes, as: UTF8.self))
            }
        }
        try archive.close()
    }
}
