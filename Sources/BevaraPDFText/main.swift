// bevara-pdftext: the PDF text worker of ingest (BevaraIndex's `PDFTextWorkerPool` starts it).
//
// It lives as long as an ingest and extracts text in-process with poppler-glib, so a PDF costs
// what poppler needs (well under a millisecond for a small one) instead of a `pdftotext` process
// start (≈ 6 ms). Bevara's own process never parses a PDF: a hostile one can crash or hang only
// this worker, which the pool then kills and replaces.
//
// Protocol on stdin/stdout (little-endian):
//   request  = u32 path length, u32 text byte budget, path bytes (UTF-8, absolute)
//   response = u8 kind (0 text, 1 text cut at the budget, 2 no text: the bytes are the reason),
//              u32 length, bytes
// EOF on stdin ends the worker. Test-only options: `--crash-on S` aborts and `--hang-on S` sleeps
// forever when a path contains S (the pool's tests prove crash and timeout handling with them).
import CPoppler
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The first pages only: a report of thousands of pages is found by its beginning.
let maxPages: Int32 = 200
/// A PDF that makes poppler allocate without bound fails inside the worker, not the machine.
let addressSpaceLimit: rlim_t = 2 << 30

var crashOn: String?
var hangOn: String?
var arguments = CommandLine.arguments.dropFirst()
while let option = arguments.popFirst() {
    switch option {
    case "--crash-on": crashOn = arguments.popFirst()
    case "--hang-on": hangOn = arguments.popFirst()
    default:
        let text = Array("bevara-pdftext: unknown option \(option)\n".utf8)
        _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(2)
    }
}

#if os(Linux)
// Killed with Bevara; and if Bevara died before this line, there is nobody to answer.
let parent = getppid()
_ = bevara_die_with_parent()
if getppid() != parent { exit(0) }
#endif

var limit = rlimit(rlim_cur: addressSpaceLimit, rlim_max: addressSpaceLimit)
_ = setrlimit(Int32(RLIMIT_AS.rawValue), &limit)

/// poppler-glib builds its global tables (font and encoding maps, ≈ 1 ms) when the first
/// document opens and frees them when the last one closes, so a worker that opens one PDF at a
/// time would rebuild them for every PDF. This tiny in-memory document stays open for the
/// worker's lifetime to keep them. (No xref table: poppler rebuilds it, quietly on /dev/null.)
let keepAliveBytes = Array("""
    %PDF-1.4
    1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
    2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
    3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 3 3]>> endobj
    trailer <</Root 1 0 R>>
    %%EOF
    """.utf8)
let keepAlive = keepAliveBytes.withUnsafeBytes { raw in
    let bytes = g_bytes_new(raw.baseAddress, gsize(raw.count))
    defer { g_bytes_unref(bytes) }
    return poppler_document_new_from_bytes(bytes, nil, nil)
}

/// Reads exactly `count` bytes; nil at EOF (the pool closed the pipe: time to go).
func readExactly(_ count: Int) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
        let n = bytes.withUnsafeMutableBytes { read(0, $0.baseAddress! + done, count - done) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return nil }
        done += n
    }
    return bytes
}

func writeAll(_ bytes: [UInt8]) {
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { write(1, $0.baseAddress! + done, bytes.count - done) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { exit(1) }
        done += n
    }
}

func u32(_ bytes: ArraySlice<UInt8>) -> Int {
    bytes.reversed().reduce(0) { $0 << 8 | Int($1) }
}

func respond(kind: UInt8, _ payload: [UInt8]) {
    let n = UInt32(payload.count)
    writeAll([kind, UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24)] + payload)
}

func message(of error: UnsafeMutablePointer<GError>?) -> String {
    guard let error else { return "unknown error" }
    defer { g_error_free(error) }
    return error.pointee.message.map { String(cString: $0) } ?? "unknown error"
}

/// The text of the first `maxPages` pages, pages separated by a line break, at most `budget` bytes.
func extract(path: String, budget: Int) -> (kind: UInt8, bytes: [UInt8]) {
    var error: UnsafeMutablePointer<GError>?
    guard let uri = g_filename_to_uri(path, nil, &error) else {
        return (2, Array("the path cannot be made a file URI: \(message(of: error))".utf8))
    }
    defer { g_free(uri) }
    guard let document = poppler_document_new_from_file(uri, nil, &error) else {
        return (2, Array("poppler cannot open the PDF: \(message(of: error))".utf8))
    }
    defer { g_object_unref(UnsafeMutableRawPointer(document)) }
    var text: [UInt8] = []
    let pages = min(poppler_document_get_n_pages(document), maxPages)
    for index in 0..<max(0, pages) {
        guard let page = poppler_document_get_page(document, index) else { continue }
        if let pageText = poppler_page_get_text(page) {
            if !text.isEmpty { text.append(0x0A) }
            let length = strlen(pageText)
            text.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(pageText).assumingMemoryBound(to: UInt8.self),
                                                        count: min(length, budget + 1 - min(text.count, budget + 1))))
            g_free(pageText)
        }
        g_object_unref(UnsafeMutableRawPointer(page))
        if text.count > budget { break }
    }
    if text.count > budget {
        text.removeLast(text.count - budget)
        return (1, text)
    }
    return (0, text)
}

withExtendedLifetime(keepAlive) {}
while let header = readExactly(8) {
    let pathLength = u32(header[0..<4])
    let budget = u32(header[4..<8])
    guard let pathBytes = readExactly(pathLength) else { break }
    let path = String(decoding: pathBytes, as: UTF8.self)
    if let crashOn, path.contains(crashOn) { abort() }
    if let hangOn, path.contains(hangOn) { while true { sleep(3600) } }
    let result = extract(path: path, budget: budget)
    respond(kind: result.kind, result.bytes)
}
if let keepAlive { g_object_unref(UnsafeMutableRawPointer(keepAlive)) }
exit(0)
