import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Gives memory that ingest's phases freed back to the system between phases.
///
/// glibc keeps freed heap for reuse: after intake has parsed a large package's METS and freed it,
/// the pages stay resident, and storing's own structures land beside them rather than in them,
/// so resident memory grew past either phase's need. `malloc_trim` returns whole free pages
/// (also inside the heap, with `MADV_DONTNEED`); it runs once per phase.
enum FreedMemory {
    private typealias Trim = @convention(c) (Int) -> Int32

    /// `malloc_trim(3)` of glibc, looked up at run time (Swift's Glibc module does not declare it).
    private static let trim: Trim? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
        #else
        return nil
        #endif
    }()

    /// Returns free heap pages to the system; nothing where the allocator has no such call.
    static func release() {
        _ = trim?(0)
    }
}
