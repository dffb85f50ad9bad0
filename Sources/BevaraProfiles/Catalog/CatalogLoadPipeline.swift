import BevaraArchiveIO

/// Loads a catalog on two threads (`TwoThreadPipeline`): a reader makes `CatalogRow`s on a
/// thread of its own while the calling thread encodes and inserts them, in the order made.
///
/// Why: reading an export of many small files was a single-threaded third of `bevara package`
/// (bench P2), about half of it parsing and mapping rows and half encoding and inserting them,
/// with the second core idle.
///
/// The catalog is only touched by the calling thread. `produce` runs entirely on the reader
/// thread, so whatever it uses (a `FindingCollector` it reports to) must not be used by the
/// caller until `run` returns.
enum CatalogLoadPipeline {
    /// Runs `produce` on a reader thread; every row it emits is added to `catalog` here, in order.
    static func run(into catalog: ExportCatalog, produce: @escaping (_ emit: (CatalogRow) throws -> Void) throws -> Void) throws {
        try TwoThreadPipeline.run(threadName: "bevara.catalog-reader", produce: produce, consumeBatch: { try catalog.add($0) })
    }
}
