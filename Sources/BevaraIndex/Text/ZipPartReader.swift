import BevaraArchiveIO
import CArchive
import Foundation

/// Text of an office document's main XML part (DOCX `word/document.xml`, ODT `content.xml`),
/// read from the zip with libarchive.
///
/// A part up to `inMemoryBytes` is parsed from memory; a larger one is streamed to a temporary
/// file and parsed from there, so memory stays flat. The expanded size is capped
/// (`maxExpandedBytes`) because a small zip can expand without bound (a zip bomb): past the cap
/// the read stops and the file gets no text.
enum ZipPartReader {
    static let defaultMaxExpandedBytes = 64 << 20
    /// Parts up to this size (nearly every document's) are not written to a temporary file:
    /// creating and deleting one per document was a third of reading a small DOCX's text.
    static let inMemoryBytes = 4 << 20

    static func read(path: String, part: String, maxBytes: Int, maxExpandedBytes: Int) -> TextOutcome {
        ProcessSetup.useUTF8Locale()
        guard let archive = archive_read_new() else { return .noText(reason: "libarchive: out of memory") }
        defer { archive_read_free(archive) }
        archive_read_support_format_zip(archive)
        guard archive_read_open_filename(archive, path, 64 * 1024) == ARCHIVE_OK else {
            return .noText(reason: "not a readable zip: \(errorString(archive))")
        }
        var entry: OpaquePointer?
        while true {
            let rc = archive_read_next_header(archive, &entry)
            if rc == ARCHIVE_EOF { return .noText(reason: "the zip has no \(part)") }
            guard rc == ARCHIVE_OK || rc == ARCHIVE_WARN, let entry else {
                return .noText(reason: "zip entry unreadable: \(errorString(archive))")
            }
            let name = archive_entry_pathname_utf8(entry).map { String(cString: $0) }
                ?? archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
            if name == part { return extract(archive, part: part, maxBytes: maxBytes, maxExpandedBytes: maxExpandedBytes) }
            archive_read_data_skip(archive)
        }
    }

    private static func extract(_ archive: OpaquePointer, part: String, maxBytes: Int, maxExpandedBytes: Int) -> TextOutcome {
        var held: [UInt8] = []  // the part, while it fits in memory
        var temp: (path: String, fd: Int32)?  // then the file it goes to
        // Parsed before this runs: what was written is readable though the file is still open.
        defer { if let temp { close(temp.fd); unlink(temp.path) } }
        var expanded = 0
        // Not zeroed: libarchive fills what it returns. 64 KiB stays below malloc's mmap
        // threshold, where a 256 KiB buffer was mapped, faulted in and unmapped per document.
        var buffer = [UInt8](unsafeUninitializedCapacity: 64 * 1024) { _, count in count = 64 * 1024 }
        while true {
            let n = buffer.withUnsafeMutableBytes { archive_read_data(archive, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 { return .noText(reason: "\(part) cannot be inflated: \(errorString(archive))") }
            expanded += n
            if expanded > maxExpandedBytes {
                return .noText(reason: "\(part) expands beyond \(maxExpandedBytes) bytes; reading stopped (zip bomb guard)")
            }
            if temp == nil {
                held.append(contentsOf: buffer[0..<n])
                if held.count <= inMemoryBytes { continue }
                let path = FileManager.default.temporaryDirectory
                    .appendingPathComponent("bevara-index-\(UUID().uuidString).xml").path
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                guard fd >= 0 else { return .noText(reason: "cannot create a temporary file") }
                temp = (path, fd)
                let ok = held.withUnsafeBytes { write(fd, $0.baseAddress, held.count) == held.count }
                held = []
                if !ok { return .noText(reason: "cannot write the temporary file") }
            } else if let temp, !buffer.withUnsafeBytes({ write(temp.fd, $0.baseAddress, n) == n }) {
                return .noText(reason: "cannot write the temporary file")
            }
        }
        guard let temp else { return XMLTextReader.read(data: Data(held), maxBytes: maxBytes) }
        return XMLTextReader.read(path: temp.path, maxBytes: maxBytes)
    }

    private static func errorString(_ archive: OpaquePointer) -> String {
        archive_error_string(archive).map { String(cString: $0) } ?? "unknown libarchive error"
    }
}
