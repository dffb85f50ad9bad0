/// Bounds on what intake accepts from a submitter, so that a hostile or broken package (a zip
/// bomb, a million empty entries, a path of 100 kB) is refused before it fills the disk.
public struct IntakeLimits: Sendable, Equatable {
    /// Archive entries, or files and folders in a submitted folder.
    public var maxEntries: Int
    /// Bytes of file content (decompressed).
    public var maxTotalBytes: Int64
    /// Decompressed ÷ compressed bytes, per entry and for the whole archive; applied only to
    /// compressed archives (zip, tar.gz and other filtered tars).
    public var maxCompressionRatio: Int
    /// Bytes of an entry's path (UTF-8).
    public var maxPathBytes: Int

    public init(maxEntries: Int = 1_000_000, maxTotalBytes: Int64 = 1 << 40, maxCompressionRatio: Int = 200,
                maxPathBytes: Int = 1024) {
        self.maxEntries = maxEntries
        self.maxTotalBytes = maxTotalBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxPathBytes = maxPathBytes
    }
}
