/// Looks up records by their first field (a logical path) in a `RecordFileWriter` file written in
/// ascending path order, in one forward pass: asked in ascending order too, each answer equals a
/// lookup by path, without a map of every path in memory. A path asked out of order, or not
/// recorded, gets nil.
public final class SortedRecordLookup {
    private var reader: RecordFileReader?
    private let fields: Int
    private let order: KeyOrder
    private var current: [String?]?

    /// `reader` nil: nothing is recorded. `fields` counts the path too. `order` is the one the
    /// file was written in, and decides which paths are the same.
    public init(_ reader: RecordFileReader?, fields: Int, order: KeyOrder = .string) {
        self.reader = reader
        self.fields = fields
        self.order = order
    }

    /// True once every record has been read past: the paths asked since were above them all.
    public var isExhausted: Bool { reader == nil }

    /// The fields after the path of the record for `path`, or nil. Calls must come in ascending
    /// path order (`order`, as the writer sorted).
    public func record(for path: String) throws -> ArraySlice<String?>? {
        while true {
            if let current, let recorded = current[0] {
                let c = order.compare(recorded, path)
                if c == 0 { return current.dropFirst() }
                if c > 0 { return nil }
            }
            guard let next = try reader?.next(fields: fields), next[0] != nil else {
                reader = nil
                current = nil
                return nil
            }
            current = next
        }
    }
}
